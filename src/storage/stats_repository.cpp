#include "storage/stats_repository.h"

#include "storage/row_helpers.h"

#include <soci/soci.h>

namespace cchc::storage {
namespace {
long CountOf(soci::session& s, const char* sql) {
    long long n = 0;
    s << sql, soci::into(n);
    return static_cast<long>(n);
}
}  // namespace

OfficeCounts StatsRepository::Counts(const std::string& asOf, const std::string& in7Iso,
                                     const std::string& in30Iso) {
    OfficeCounts c;
    c.communes = CountOf(
        s_, "SELECT COUNT(*) FROM units WHERE active = 1 AND kind IN ('commune', 'ward', 'town')");
    c.departments =
        CountOf(s_, "SELECT COUNT(*) FROM units WHERE active = 1 AND kind = 'department'");
    c.people = CountOf(s_, "SELECT COUNT(*) FROM people WHERE active = 1");
    c.frameworks = CountOf(s_, "SELECT COUNT(*) FROM frameworks WHERE status <> 'retired'");
    c.results = CountOf(s_, "SELECT COUNT(*) FROM results");
    c.plans = CountOf(s_, "SELECT COUNT(*) FROM plans");
    c.tasksOpen =
        CountOf(s_, "SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress')");
    c.tasksDone = CountOf(s_, "SELECT COUNT(*) FROM tasks WHERE status = 'done'");
    c.tallies = CountOf(s_, "SELECT COUNT(*) FROM survey_tallies");
    c.ratings = CountOf(s_, "SELECT COUNT(*) FROM ratings");
    long long overdue = 0;
    // Open, not recurring, past the effective due date: OverdueDays and
    // DueWithin of core/task_rules (tests/storage/test_task_counts.cpp
    // compares these counts with them).
    s_ << "SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress') AND recurring "
          "= 0 AND "
          "due_date < :d",
        soci::use(asOf), soci::into(overdue);
    c.tasksOverdue = static_cast<long>(overdue);
    auto dueBy = [&](const std::string& last) {
        long long n = 0;
        if (last.empty()) return 0L;
        s_ << "SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress') AND "
              "recurring = 0 AND "
              "due_date >= :d AND due_date <= :last",
            soci::use(asOf), soci::use(last), soci::into(n);
        return static_cast<long>(n);
    };
    c.tasksDue7 = dueBy(in7Iso);
    c.tasksDue30 = dueBy(in30Iso);
    std::string latest;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(period) FROM results WHERE length(period) = 4", soci::into(latest, ind);
    if (ind == soci::i_ok) c.latestResultPeriod = latest;
    return c;
}

std::vector<UnitTaskCounts> StatsRepository::OpenTasksByUnit(const std::string& asOf,
                                                             const std::string& in7,
                                                             const std::string& in30) {
    std::vector<UnitTaskCounts> out;
    // The rules of Counts above, per unit.
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT p.unit_id, COUNT(*) AS open_n, "
                       "SUM(CASE WHEN t.recurring = 0 AND t.due_date < :d1 THEN 1 ELSE 0 END) AS "
                       "overdue_n, "
                       "SUM(CASE WHEN t.recurring = 0 AND t.due_date >= :d2 AND t.due_date <= :w7 "
                       "THEN 1 ELSE 0 "
                       "END) AS due7_n, "
                       "SUM(CASE WHEN t.recurring = 0 AND t.due_date >= :d3 AND t.due_date <= :w30 "
                       "THEN 1 ELSE 0 "
                       "END) AS due30_n "
                       "FROM tasks t JOIN plan_items i ON i.id = t.item_id JOIN plans p ON p.id = "
                       "i.plan_id "
                       "WHERE t.status IN ('not_started', 'in_progress') GROUP BY p.unit_id",
         soci::use(asOf), soci::use(asOf), soci::use(in7), soci::use(asOf), soci::use(in30));
    for (const auto& r : rs) {
        UnitTaskCounts c;
        c.unitId = detail::Int(r, "unit_id");
        c.open = static_cast<long>(detail::Int(r, "open_n"));
        c.overdue = static_cast<long>(detail::Int(r, "overdue_n"));
        c.due7 = static_cast<long>(detail::Int(r, "due7_n"));
        c.due30 = static_cast<long>(detail::Int(r, "due30_n"));
        out.push_back(c);
    }
    return out;
}

}  // namespace cchc::storage
