// The task board over the database against core's rules, on a demo office
// and on tasks of every odd shape: for several days around the quarters'
// ends and both reporting windows, every filter of the board (and some
// together), every order (both ways, windows in the middle read from
// either end), the counts by status, group and commune, the missing
// updates per commune and the leads must be what core/task_rules.h and
// core/collation.h give on the same tasks read back whole. The database
// answers from the task board's rows (migration 0013), which the program
// keeps with every write: renaming a unit or a person, recording progress
// and editing a task must keep them right.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/collation.h"
#include "core/task_rules.h"
#include "fixture.h"
#include "services/app/demo.h"
#include "services/org/organisation.h"
#include "services/plans/plans.h"
#include "services/plans/task_board.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {

// A task as core sees it, from the tasks read back whole.
struct Expected {
    storage::BoardRow row;
    std::string unitCode, unitName, leadUnit, leadPerson;
    std::optional<Date> due;
    int overdue = 0, missing = 0;
    TaskGroup group = TaskGroup::Cancelled;
    std::string search;
};

struct Office {
    std::vector<Expected> tasks;
    std::map<std::int64_t, std::optional<std::int64_t>> parents;

    Office(storage::Database& db, Date asOf, WindowKind window) {
        std::map<std::int64_t, std::set<std::string>> periods;
        storage::PlanRepository plans(db.session());
        for (auto& [task, period] : plans.UpdatePeriods()) periods[task].insert(period);
        std::map<std::int64_t, Unit> units;
        for (auto& u : storage::UnitRepository(db.session()).All()) {
            parents[u.id] = u.parentId;
            units[u.id] = u;
        }
        std::map<std::int64_t, std::string> people;
        for (auto& p : storage::PersonRepository(db.session()).All()) people[p.id] = p.fullName;
        for (auto& r : plans.ForBoard()) {
            Expected e;
            e.row = r;
            e.unitCode = units[r.unitId].code;
            e.unitName = units[r.unitId].name;
            e.leadUnit = r.leadUnitId ? units[*r.leadUnitId].name : r.leadUnitText;
            e.leadPerson = r.leadPersonId && people.count(*r.leadPersonId) ? people[*r.leadPersonId]
                                                                           : r.leadPersonText;
            services::BoardRow b{r.taskId,       r.itemId,       r.planId,         r.unitId,
                                 r.planYear,     r.criterion,    r.solution,       r.leadUnitId,
                                 r.leadPersonId, r.leadUnitText, r.leadPersonText, r.startOn,
                                 r.dueOn,        r.closedOn,     r.dueYear,        r.recurring,
                                 r.status,       r.percentDone,  r.version};
            const TaskRecord record = services::ToTaskRecord(b);
            e.due = DueDate(record);
            e.overdue = OverdueDays(r.status, e.due, asOf);
            e.missing = static_cast<int>(
                MissingUpdates(record, r.planYear, periods[r.taskId], asOf, window).size());
            e.group = GroupOf(r.status, e.due, asOf);
            e.search = TaskSearchKey(r.criterion, r.solution);
            tasks.push_back(std::move(e));
        }
    }

    bool Under(std::int64_t unit, std::int64_t root) const {
        for (std::optional<std::int64_t> at = unit; at;) {
            if (*at == root) return true;
            auto it = parents.find(*at);
            at = it == parents.end() ? std::nullopt : it->second;
        }
        return false;
    }

    bool Passes(const Expected& e, const services::TaskFilter& f, Date asOf) const {
        const auto& r = e.row;
        if (f.unitId && r.unitId != *f.unitId) return false;
        if (f.withinUnitId && !Under(r.unitId, *f.withinUnitId)) return false;
        if (f.leadUnitId && r.leadUnitId != f.leadUnitId) return false;
        if (f.leadPersonId && r.leadPersonId != f.leadPersonId) return false;
        if (f.status && r.status != *f.status) return false;
        if (f.openOnly && IsClosed(r.status)) return false;
        if (f.dueFrom && (!e.due || *e.due < *f.dueFrom)) return false;
        if (f.dueTo && (!e.due || *f.dueTo < *e.due)) return false;
        if (f.overdue && e.overdue <= 0) return false;
        if (f.dueWithinDays && !DueWithin(r.status, e.due, asOf, *f.dueWithinDays)) return false;
        if (f.missingUpdate && e.missing == 0) return false;
        if (e.search.find(SearchKey(f.text)) == std::string::npos) return false;
        if (f.group && e.group != *f.group) return false;
        return true;
    }

    // The board's own order: commune's code, due date (none last), task.
    static std::tuple<std::string, std::string, std::int64_t> Own(const Expected& e) {
        return {e.unitCode, e.due ? e.due->ToIso() : "~", e.row.taskId};
    }

    // The ids passing the filter in the order, as core orders them.
    std::vector<std::int64_t> Ids(const services::TaskFilter& f, Date asOf,
                                  const services::TaskOrder& o = {}) const {
        std::vector<const Expected*> list;
        for (const auto& e : tasks)
            if (Passes(e, f, asOf)) list.push_back(&e);
        using services::TaskColumn;
        // The column's key: text (bytes) or a number; ties in the board's order.
        auto key = [&](const Expected& e) -> std::tuple<std::string, long long> {
            switch (o.column) {
                case TaskColumn::Unit:
                    return {StoredSortKey(e.unitName), 0};
                case TaskColumn::Criterion:
                    return {e.row.criterion, 0};
                case TaskColumn::Task:
                    return {StoredSortKey(e.row.solution), 0};
                case TaskColumn::Lead:
                    return {StoredSortKey(e.leadPerson + " " + e.leadUnit), 0};
                case TaskColumn::Due:
                    return {e.due ? e.due->ToIso() : "~", 0};
                case TaskColumn::Status:
                    return {"", static_cast<long long>(e.row.status)};
                case TaskColumn::Percent:
                    return {"", e.row.percentDone};
                case TaskColumn::Overdue:
                    return {"", e.overdue};
                case TaskColumn::Updates:
                    return {"", e.missing};
                default:
                    return {"", 0};
            }
        };
        std::sort(list.begin(), list.end(), [&](const Expected* a, const Expected* b) {
            const auto ka = key(*a), kb = key(*b);
            if (ka != kb) return ka < kb;
            if (o.column == TaskColumn::Due)  // due date, then commune and task
                return std::make_tuple(a->unitCode, a->row.taskId) <
                       std::make_tuple(b->unitCode, b->row.taskId);
            return Own(*a) < Own(*b);
        });
        if (!o.ascending) std::reverse(list.begin(), list.end());
        std::vector<std::int64_t> ids;
        for (const auto* e : list) ids.push_back(e->row.taskId);
        return ids;
    }
};

std::vector<std::int64_t> IdsOf(const std::vector<services::BoardTask>& tasks) {
    std::vector<std::int64_t> ids;
    for (const auto& t : tasks) ids.push_back(t.row.taskId);
    return ids;
}

// The board's filters to try: each field alone, and some together.
std::vector<std::pair<std::string, services::TaskFilter>> Filters(const Office& office, Date asOf) {
    std::vector<std::pair<std::string, services::TaskFilter>> out;
    out.push_back({"none", {}});
    services::TaskFilter f;
    // A commune with tasks, the district of the communes, a lead of each kind.
    std::int64_t unit = office.tasks.at(office.tasks.size() / 2).row.unitId;
    f.unitId = unit;
    out.push_back({"unit", f});
    f = {};
    if (auto parent = office.parents.at(unit)) {
        f.withinUnitId = *parent;
        out.push_back({"within the district", f});
    }
    f = {};
    f.withinUnitId = unit;
    out.push_back({"within a commune", f});
    for (const auto& e : office.tasks)
        if (e.row.leadPersonId) {
            f = {};
            f.leadPersonId = e.row.leadPersonId;
            out.push_back({"lead person", f});
            break;
        }
    for (const auto& e : office.tasks)
        if (e.row.leadUnitId) {
            f = {};
            f.leadUnitId = e.row.leadUnitId;
            out.push_back({"lead unit", f});
            break;
        }
    for (TaskStatus s : {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done,
                         TaskStatus::Cancelled}) {
        f = {};
        f.status = s;
        out.push_back({std::string("status ") + TaskStatusKey(s), f});
    }
    f = {};
    f.openOnly = true;
    out.push_back({"open", f});
    f = {};
    f.overdue = true;
    out.push_back({"overdue", f});
    for (int days : {0, 7, 30, -1}) {
        f = {};
        f.dueWithinDays = days;
        out.push_back({"due within " + std::to_string(days), f});
    }
    f = {};
    f.dueFrom = Date{asOf.year, asOf.month, 1};
    f.dueTo = Date{asOf.year, asOf.month, Date::DaysInMonth(asOf.year, asOf.month)};
    out.push_back({"due this month", f});
    f = {};
    f.dueFrom = asOf;
    out.push_back({"due from today", f});
    f = {};
    f.dueTo = asOf;
    out.push_back({"due until today", f});
    f = {};
    f.missingUpdate = true;
    out.push_back({"missing update", f});
    for (const char* text : {"tuyên truyền", "TUYEN  truyen", "1.", "quy_trinh", "%", "Đông"}) {
        f = {};
        f.text = text;
        out.push_back({std::string("text ") + text, f});
    }
    for (int g = 0; g <= static_cast<int>(TaskGroup::Cancelled); ++g) {
        f = {};
        f.group = static_cast<TaskGroup>(g);
        out.push_back({"group " + std::to_string(g), f});
    }
    f = {};
    f.unitId = unit;
    f.openOnly = true;
    f.missingUpdate = true;
    out.push_back({"unit, open, missing update", f});
    f = {};
    f.overdue = true;
    f.text = "ho so";
    f.status = TaskStatus::InProgress;
    out.push_back({"overdue in progress with text", f});
    return out;
}

// Everything the board answers on the day under the window, against core.
void CheckBoard(storage::Database& db, Date asOf, WindowKind window) {
    {
        services::OrganisationService org(db, "");
        org.SetReportingWindow(window, org.LoadReportingWindow().version);
    }
    const std::string day = asOf.ToIso() + (window == WindowKind::CutOff ? " cut-off" : "");
    const Office office(db, asOf, window);
    services::TaskBoard board(db, asOf, "");
    for (const auto& [name, f] : Filters(office, asOf)) {
        const auto expected = office.Ids(f, asOf);
        const auto listed = board.List(f);
        BOOST_TEST(IdsOf(listed) == expected, day << ", " << name);
        BOOST_TEST(board.Count(f) == static_cast<long>(expected.size()), day << ", " << name);
        // Counts by status and overdue, in all and per commune.
        TaskCounts counts;
        std::map<std::int64_t, TaskCounts> perUnit;
        std::map<std::int64_t, const Expected*> byId;
        for (const auto& e : office.tasks) byId[e.row.taskId] = &e;
        for (auto id : expected) {
            const Expected& e = *byId[id];
            counts.Add(e.row.status, e.overdue > 0);
            perUnit[e.row.unitId].Add(e.row.status, e.overdue > 0);
        }
        const TaskCounts got = board.Counts(f);
        BOOST_TEST(got.notStarted == counts.notStarted, day << ", " << name);
        BOOST_TEST(got.inProgress == counts.inProgress, day << ", " << name);
        BOOST_TEST(got.done == counts.done, day << ", " << name);
        BOOST_TEST(got.cancelled == counts.cancelled, day << ", " << name);
        BOOST_TEST(got.overdue == counts.overdue, day << ", " << name);
        const auto gotPerUnit = board.CountsByUnit(f);
        BOOST_TEST(gotPerUnit.size() == perUnit.size(), day << ", " << name);
        for (const auto& [unit, c] : perUnit) {
            auto it = gotPerUnit.find(unit);
            BOOST_REQUIRE_MESSAGE(it != gotPerUnit.end(), day << ", " << name);
            BOOST_TEST(it->second.Total() == c.Total(), day << ", " << name);
            BOOST_TEST(it->second.overdue == c.overdue, day << ", " << name);
        }
        // The groups of the chair's view.
        std::map<TaskGroup, long> groups;
        for (auto id : expected) ++groups[byId[id]->group];
        const auto gotGroups = board.GroupCounts(f);
        BOOST_TEST(gotGroups.size() == groups.size(), day << ", " << name);
        for (const auto& [group, n] : gotGroups)
            BOOST_TEST(groups[group] == n, day << ", " << name);
        // What each row says.
        for (const auto& t : listed) {
            const Expected& e = *byId[t.row.taskId];
            BOOST_TEST(t.overdueDays == e.overdue, day << ", task " << t.row.taskId);
            BOOST_TEST(t.missingUpdates == e.missing, day << ", task " << t.row.taskId);
            BOOST_TEST((t.due == e.due), day << ", task " << t.row.taskId);
            BOOST_TEST(t.unitCode == e.unitCode);
            BOOST_TEST(t.unitName == e.unitName);
            BOOST_TEST(t.leadUnit == e.leadUnit);
            BOOST_TEST(t.leadPerson == e.leadPerson);
            BOOST_TEST(t.row.solution == e.row.solution);
            BOOST_TEST(t.row.version == e.row.version);
        }
    }
    // Every order, both ways, on the whole list and on a filtered one; a
    // window in the middle from either end.
    using services::TaskColumn;
    services::TaskFilter open;
    open.openOnly = true;
    for (int c = 0; c <= static_cast<int>(TaskColumn::Updates); ++c)
        for (bool ascending : {true, false})
            for (const auto& f : {services::TaskFilter{}, open}) {
                const services::TaskOrder o{static_cast<TaskColumn>(c), ascending};
                const auto expected = office.Ids(f, asOf, o);
                const std::string what = day + ", column " + std::to_string(c) +
                                         (ascending ? " up" : " down") +
                                         (f.openOnly ? ", open" : "");
                BOOST_TEST(IdsOf(board.List(f, o)) == expected, what);
                const long total = static_cast<long>(expected.size());
                for (long offset : {total / 3, total / 2, total - total / 4}) {
                    const long limit = std::min(17L, total - offset);
                    if (limit <= 0) continue;
                    const std::vector<std::int64_t> slice(expected.begin() + offset,
                                                          expected.begin() + offset + limit);
                    BOOST_TEST(IdsOf(board.Window(f, o, offset, limit, total)) == slice,
                               what << ", window at " << offset);
                    BOOST_TEST(IdsOf(board.Window(f, o, offset, limit)) == slice,
                               what << ", window at " << offset);
                }
            }
    // Missing updates per commune, and the leads.
    std::map<std::int64_t, long> missing;
    std::set<std::string> leads;
    for (const auto& e : office.tasks) {
        if (e.missing > 0) ++missing[e.row.unitId];
        if (e.row.leadPersonId) leads.insert("person:" + std::to_string(*e.row.leadPersonId));
        if (e.row.leadUnitId) leads.insert("unit:" + std::to_string(*e.row.leadUnitId));
    }
    BOOST_TEST((board.MissingUpdatesByUnit() == missing), day);
    std::set<std::string> gotLeads;
    for (const auto& [key, name] : board.Leads()) gotLeads.insert(key);
    BOOST_TEST((gotLeads == leads), day);
}

// Tasks of every shape in one plan of the commune: due on a day, in a year,
// recurring, without time, closed with and without a closing day, with
// updates and without, with leads linked and written.
void AddOddTasks(storage::Database& db) {
    storage::UnitRepository units(db.session());
    const auto all = units.All();
    const auto commune =
        std::find_if(all.begin(), all.end(), [](const Unit& u) { return IsCommuneLevel(u.kind); });
    BOOST_REQUIRE(commune != all.end());
    PlanRecord plan;
    plan.unitId = commune->id;
    plan.year = 2025;
    plan.kind = "reform";
    PlanItemRecord item;
    item.heading = "9.9";
    auto task = [&](const char* text, TaskStatus status, std::optional<std::string> start,
                    std::optional<std::string> due, std::optional<int> year, bool recurring,
                    std::optional<std::string> closed) {
        TaskRecord t;
        t.solution = text;
        t.status = status;
        t.startOn = std::move(start);
        t.dueOn = std::move(due);
        t.dueYear = year;
        t.recurring = recurring;
        t.closedOn = std::move(closed);
        t.percentDone = status == TaskStatus::Done ? 100 : 35;
        t.leadUnitText = "Công an xã";
        t.leadPersonText = "Ông Đặng Văn Ân";
        item.tasks.push_back(t);
    };
    task("Rà soát quy_trình nội bộ 100%", TaskStatus::InProgress, "2025-02-15", "2026-03-31",
         std::nullopt, false, std::nullopt);
    task("Tuyên truyền thủ tục hành chính", TaskStatus::NotStarted, std::nullopt, std::nullopt,
         2026, false, std::nullopt);
    task("Công khai hồ sơ thường xuyên", TaskStatus::InProgress, std::nullopt, std::nullopt, 2025,
         true, std::nullopt);
    task("Việc không có thời hạn", TaskStatus::NotStarted, std::nullopt, std::nullopt, std::nullopt,
         false, std::nullopt);
    task("Đã xong, có ngày đóng", TaskStatus::Done, "2025-01-10", "2025-09-30", std::nullopt, false,
         "2025-08-20");
    task("Đã xong, không có ngày đóng", TaskStatus::Done, "2025-01-10", "2025-06-30", std::nullopt,
         false, std::nullopt);
    task("Đã hủy, không báo cáo", TaskStatus::Cancelled, "2025-03-01", "2025-12-31", std::nullopt,
         false, std::nullopt);
    task("ĐÔNG ĐỦ: số 2 và số 10", TaskStatus::InProgress, "2025-12-20", "2026-05-31", std::nullopt,
         false, std::nullopt);
    plan.items.push_back(item);
    storage::PlanRepository plans(db.session());
    storage::Transaction tx(db);
    plans.Insert(plan);
    // Updates: some quarters, a month (not a quarter's), one ahead.
    const auto& tasks = plan.items[0].tasks;
    for (const auto& [index, period] :
         std::vector<std::pair<std::size_t, std::string>>{{0, "2025-Q1"},
                                                          {0, "2025-Q3"},
                                                          {0, "2026-Q3"},
                                                          {5, "2025-Q1"},
                                                          {5, "2025-Q2"},
                                                          {2, "2025-05"},
                                                          {7, "2026-Q1"}}) {
        storage::ProgressUpdateRecord u;
        u.taskId = tasks[index].id;
        u.period = period;
        u.status = tasks[index].status;
        u.createdAt = "2025-06-01T10:00:00";
        plans.InsertUpdate(u);
    }
    tx.Commit();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(task_board)

BOOST_FIXTURE_TEST_CASE(the_database_answers_every_filter_order_and_count_as_core_does, DbFixture) {
    services::DemoOptions o;
    o.communes = 6;
    o.years = 3;
    o.ratings = 200;
    o.seed = 11;
    o.asOf = Date{2026, 5, 20};
    o.districtOffice = true;  // plans of two years
    services::BuildDemo(Db(), o, nullptr);
    AddOddTasks(Db());
    BOOST_TEST_REQUIRE(services::TaskBoard(Db(), *o.asOf, "").Count({}) > 100);
    // Around the quarters' ends, under both windows (the cut-off's quarter
    // closes on the 14th of its last month).
    for (Date day : {Date{2026, 5, 20}, Date{2026, 3, 31}, Date{2026, 4, 1}, Date{2026, 3, 14},
                     Date{2026, 3, 15}, Date{2025, 12, 31}, Date{2027, 1, 1}})
        for (WindowKind window : {WindowKind::Calendar, WindowKind::CutOff})
            CheckBoard(Db(), day, window);

    // Changes: a unit and a person renamed, progress recorded, a task
    // edited; the board follows.
    storage::UnitRepository units(Db().session());
    services::TaskBoard board(Db(), *o.asOf, "");
    const auto first = board.Window({}, {}, 0, 1).at(0);
    {
        storage::Transaction tx(Db());
        Unit unit = *units.ById(first.row.unitId);
        unit.name = "Xã Ấp Đá";
        unit.code = "A-FIRST";
        units.Update(unit);
        if (first.row.leadPersonId) {
            storage::PersonRepository people(Db().session());
            Person p = *people.ById(*first.row.leadPersonId);
            p.fullName = "Âu Thị Zê";
            people.Update(p);
        }
        tx.Commit();
    }
    services::TaskFilter open;
    open.openOnly = true;
    const auto task = board.Window(open, {}, 0, 1).at(0);
    services::ProgressInput update;
    update.taskId = task.row.taskId;
    update.period = "2026-Q2";  // the quarter of the day, not reported yet
    update.status = TaskStatus::InProgress;
    update.percent = 55;
    update.note = "Đã triển khai.";
    services::AddProgressUpdate(Db(), update, "");
    {
        services::PlanService plans(Db(), "");
        TaskRecord t = plans.LoadTask(task.row.taskId);
        t.solution = "Đổi tên nhiệm vụ để tìm: zzz tuyên truyền";
        t.dueOn = "2026-05-21";
        t.dueYear.reset();
        plans.SaveTask(0, t);
    }
    for (WindowKind window : {WindowKind::Calendar, WindowKind::CutOff})
        CheckBoard(Db(), *o.asOf, window);
    // A task removed (one never reported on) leaves the board with it.
    const long before = board.Count({});
    services::TaskFilter unreported;
    unreported.text = "viec khong co thoi han";
    const auto gone = board.List(unreported);
    BOOST_REQUIRE(gone.size() == 1u);
    services::PlanService(Db(), "").DeleteTask(gone[0].row.taskId);
    BOOST_TEST(board.Count({}) == before - 1);
    BOOST_TEST(board.Count(unreported) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
