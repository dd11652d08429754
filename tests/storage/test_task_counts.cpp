// The dashboard counts open, overdue and soon-due tasks in SQL (per office
// and per commune) for speed; on both backends these counts must equal the
// task rules of core (IsClosed, OverdueDays, DueWithin) on the same tasks,
// read back from the database, on days around each boundary: due today,
// due yesterday, due in 7 or 30 days and one day later, the end of a due
// year, closed tasks, recurring tasks and tasks without a due date.
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

#include "core/task_rules.h"
#include "fixture.h"
#include "storage/plan_repository.h"
#include "storage/stats_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {

struct Counts {
    long open = 0, overdue = 0, due7 = 0, due30 = 0, done = 0;
};

TaskRecord Task(TaskStatus status, std::optional<std::string> dueOn, std::optional<int> dueYear,
                bool recurring = false) {
    TaskRecord t;
    t.solution = "Nhiệm vụ";
    t.status = status;
    t.dueOn = std::move(dueOn);
    t.dueYear = dueYear;
    t.recurring = recurring;
    if (status == TaskStatus::Done) t.percentDone = 100;
    return t;
}

// Every status with every time frame: dates on both sides of the as-of days
// used below, due years, recurring and none.
std::vector<TaskRecord> VariedTasks(int shift) {
    const std::vector<std::optional<std::string>> dates = {
        "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-08", "2026-04-09",
        "2026-05-01", "2026-05-02", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-31"};
    const TaskStatus statuses[] = {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done,
                                   TaskStatus::Cancelled};
    std::vector<TaskRecord> out;
    int n = 0;
    for (TaskStatus s : statuses) {
        for (std::size_t i = 0; i < dates.size(); ++i)
            if ((i + shift + n++) % 3 != 0) out.push_back(Task(s, dates[i], std::nullopt));
        out.push_back(Task(s, std::nullopt, 2025));
        out.push_back(Task(s, std::nullopt, 2026));
        out.push_back(Task(s, std::nullopt, 2027));
        out.push_back(Task(s, "2026-04-01", 2026));  // a date wins over the year
        out.push_back(Task(s, std::nullopt, 2025, true));
        out.push_back(Task(s, "2026-03-31", std::nullopt, true));
        out.push_back(Task(s, std::nullopt, std::nullopt));
    }
    return out;
}

struct TaskCountFixture : DbFixture {
    std::vector<std::int64_t> units;
    TaskCountFixture() {
        storage::UnitRepository repo(Db().session());
        const char* codes[] = {"XA-A", "XA-B", "XA-C"};
        for (const char* code : codes) {
            Unit u;
            u.code = code;
            u.name = std::string("Xã ") + code;
            u.kind = UnitKind::Commune;
            units.push_back(repo.Insert(u));
        }
        storage::PlanRepository plans(Db().session());
        storage::Transaction tx(Db());
        // Two plans for the first commune, one for the second, none for the third.
        const std::pair<std::size_t, int> planned[] = {{0, 2025}, {0, 2026}, {1, 2026}};
        int shift = 0;
        for (const auto& [unit, year] : planned) {
            PlanRecord p;
            p.unitId = units[unit];
            p.year = year;
            p.items.resize(2);
            auto tasks = VariedTasks(shift++);
            for (std::size_t i = 0; i < tasks.size(); ++i)
                p.items[i % 2].tasks.push_back(std::move(tasks[i]));
            plans.Insert(p);
        }
        tx.Commit();
    }

    // The counts by the core rules, per unit of the plan, over the stored tasks.
    std::map<std::int64_t, Counts> CoreCounts(Date asOf) {
        std::map<std::int64_t, Counts> out;
        for (const auto& plan : storage::PlanRepository(Db().session()).All())
            for (const auto& item : plan.items)
                for (const auto& t : item.tasks) {
                    Counts& c = out[plan.unitId];
                    if (!IsClosed(t)) ++c.open;
                    if (OverdueDays(t, asOf) > 0) ++c.overdue;
                    if (DueWithin(t, asOf, 7)) ++c.due7;
                    if (DueWithin(t, asOf, 30)) ++c.due30;
                    if (t.status == TaskStatus::Done) ++c.done;
                }
        return out;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(task_counts)

BOOST_FIXTURE_TEST_CASE(sql_counts_of_the_dashboard_equal_the_core_rules, TaskCountFixture) {
    const char* days[] = {"2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-08",
                          "2026-04-09", "2026-12-31", "2027-01-01", "2027-02-01"};
    for (const char* day : days) {
        BOOST_TEST_CONTEXT("as of " << day) {
            const Date asOf = *Date::ParseIso(day);
            const auto expected = CoreCounts(asOf);
            Counts all;
            for (const auto& [unit, c] : expected) {
                all.open += c.open, all.overdue += c.overdue, all.done += c.done;
                all.due7 += c.due7, all.due30 += c.due30;
            }
            // The figures compared are not all zero.
            BOOST_TEST(all.open > 0);
            BOOST_TEST(all.done > 0);

            storage::StatsRepository stats(Db().session());
            const auto office =
                stats.Counts(day, asOf.AddDays(7).ToIso(), asOf.AddDays(30).ToIso());
            BOOST_TEST(office.tasksOpen == all.open);
            BOOST_TEST(office.tasksOverdue == all.overdue);
            BOOST_TEST(office.tasksDue7 == all.due7);
            BOOST_TEST(office.tasksDue30 == all.due30);
            BOOST_TEST(office.tasksDone == all.done);

            const auto perUnit =
                stats.OpenTasksByUnit(day, asOf.AddDays(7).ToIso(), asOf.AddDays(30).ToIso());
            BOOST_TEST(perUnit.size() == 2u);  // the third commune has no plan
            for (const auto& u : perUnit) {
                BOOST_TEST_CONTEXT("unit " << u.unitId) {
                    auto it = expected.find(u.unitId);
                    BOOST_REQUIRE(it != expected.end());
                    BOOST_TEST(u.open == it->second.open);
                    BOOST_TEST(u.overdue == it->second.overdue);
                    BOOST_TEST(u.due7 == it->second.due7);
                    BOOST_TEST(u.due30 == it->second.due30);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(task_counts)

// The counts of one account's units: the tasks of that unit's plans only
// (the third commune, without a plan, counts no task; frameworks are
// everyone's).
BOOST_FIXTURE_TEST_CASE(sql_counts_of_one_unit_equal_the_core_rules_of_its_tasks,
                        TaskCountFixture) {
    for (const char* day : {"2026-03-31", "2026-04-09", "2027-01-01"}) {
        const Date asOf = *Date::ParseIso(day);
        const auto expected = CoreCounts(asOf);
        storage::StatsRepository stats(Db().session());
        const auto office = stats.Counts(day, asOf.AddDays(7).ToIso(), asOf.AddDays(30).ToIso());
        for (std::int64_t unit : units) {
            BOOST_TEST_CONTEXT("as of " << day << ", unit " << unit) {
                const auto c =
                    stats.Counts(day, asOf.AddDays(7).ToIso(), asOf.AddDays(30).ToIso(), unit);
                auto it = expected.find(unit);
                const Counts want = it == expected.end() ? Counts{} : it->second;
                BOOST_TEST(c.tasksOpen == want.open);
                BOOST_TEST(c.tasksOverdue == want.overdue);
                BOOST_TEST(c.tasksDue7 == want.due7);
                BOOST_TEST(c.tasksDue30 == want.due30);
                BOOST_TEST(c.tasksDone == want.done);
                BOOST_TEST(c.communes == 1);
                long plans = 0;
                for (const auto& p : storage::PlanRepository(Db().session()).All())
                    plans += p.unitId == unit ? 1 : 0;
                BOOST_TEST(c.plans == plans);
                BOOST_TEST(c.frameworks == office.frameworks);
            }
        }
        BOOST_TEST(office.communes == static_cast<long>(units.size()));
    }
}

BOOST_AUTO_TEST_SUITE_END()
