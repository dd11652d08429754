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

// The units of a scope: :root and every unit under it, before a count of
// one account's rows.
const char* const kSubtree =
    "WITH RECURSIVE sub (id) AS (SELECT id FROM units WHERE id = :root UNION SELECT u.id FROM "
    "units u JOIN sub ON u.parent_id = sub.id) ";
// The rows of the scope's units, of each table counted.
const char* const kUnitIn = " AND id IN (SELECT id FROM sub)";
const char* const kRowIn = " AND unit_id IN (SELECT id FROM sub)";
const char* const kTaskIn =
    " AND item_id IN (SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE "
    "p.unit_id IN (SELECT id FROM sub))";

// sql (with a WHERE clause) as it is, or with the subtree before it and the
// condition of the scope's rows after it: text of the program only, the
// unit is bound.
std::string Scoped(const char* sql, const char* rowsIn, bool scoped) {
    return scoped ? std::string(kSubtree) + sql + rowsIn : std::string(sql);
}
}  // namespace

OfficeCounts StatsRepository::Counts(const std::string& asOf, const std::string& in7Iso,
                                     const std::string& in30Iso,
                                     std::optional<std::int64_t> within) {
    OfficeCounts c;
    const bool scoped = within.has_value();
    const long long root = within.value_or(0);
    auto count = [&](const char* sql, const char* rowsIn) {
        if (!scoped) return CountOf(s_, sql);
        long long n = 0;
        s_ << Scoped(sql, rowsIn, true), soci::use(root), soci::into(n);
        return static_cast<long>(n);
    };
    c.communes =
        count("SELECT COUNT(*) FROM units WHERE active = 1 AND kind IN ('commune', 'ward', 'town')",
              kUnitIn);
    c.departments =
        count("SELECT COUNT(*) FROM units WHERE active = 1 AND kind = 'department'", kUnitIn);
    c.people = count("SELECT COUNT(*) FROM people WHERE active = 1", kRowIn);
    c.frameworks = CountOf(s_, "SELECT COUNT(*) FROM frameworks WHERE status <> 'retired'");
    if (scoped) {
        c.results = count("SELECT COUNT(*) FROM results WHERE 1 = 1", kRowIn);
        c.plans = count("SELECT COUNT(*) FROM plans WHERE 1 = 1", kRowIn);
        c.tallies = count("SELECT COUNT(*) FROM survey_tallies WHERE 1 = 1", kRowIn);
        c.ratings = count("SELECT COUNT(*) FROM ratings WHERE 1 = 1", kRowIn);
    } else {
        // Without a WHERE clause: SQLite counts a whole table fast.
        c.results = CountOf(s_, "SELECT COUNT(*) FROM results");
        c.plans = CountOf(s_, "SELECT COUNT(*) FROM plans");
        c.tallies = CountOf(s_, "SELECT COUNT(*) FROM survey_tallies");
        c.ratings = CountOf(s_, "SELECT COUNT(*) FROM ratings");
    }
    c.tasksOpen =
        count("SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress')", kTaskIn);
    c.tasksDone = count("SELECT COUNT(*) FROM tasks WHERE status = 'done'", kTaskIn);
    long long overdue = 0;
    // Open, not recurring, past the effective due date: OverdueDays and
    // DueWithin of core/task_rules (tests/storage/test_task_counts.cpp
    // compares these counts with them).
    const std::string overdueSql = Scoped(
        "SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress') AND "
        "recurring = 0 AND due_date < :d",
        kTaskIn, scoped);
    if (scoped)
        s_ << overdueSql, soci::use(root), soci::use(asOf), soci::into(overdue);
    else
        s_ << overdueSql, soci::use(asOf), soci::into(overdue);
    c.tasksOverdue = static_cast<long>(overdue);
    const std::string dueSql = Scoped(
        "SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress') AND "
        "recurring = 0 AND due_date >= :d AND due_date <= :last",
        kTaskIn, scoped);
    auto dueBy = [&](const std::string& last) {
        long long n = 0;
        if (last.empty()) return 0L;
        if (scoped)
            s_ << dueSql, soci::use(root), soci::use(asOf), soci::use(last), soci::into(n);
        else
            s_ << dueSql, soci::use(asOf), soci::use(last), soci::into(n);
        return static_cast<long>(n);
    };
    c.tasksDue7 = dueBy(in7Iso);
    c.tasksDue30 = dueBy(in30Iso);
    // The yearly result sets per year, for the period the overview names.
    const std::string yearsSql =
        Scoped(
            "SELECT period, COUNT(*) AS sets, SUM(CASE WHEN status = 'appraised' THEN 1 ELSE "
            "0 END) AS appraised FROM result_sets WHERE length(period) = 4",
            kRowIn, scoped) +
        " GROUP BY period";
    auto years = [&](soci::rowset<soci::row>& rs) {
        for (const auto& r : rs)
            c.resultYears.push_back({detail::Text(r, "period"),
                                     static_cast<long>(detail::Int(r, "sets")),
                                     static_cast<long>(detail::Int(r, "appraised"))});
    };
    if (scoped) {
        soci::rowset<soci::row> rs = (s_.prepare << yearsSql, soci::use(root));
        years(rs);
    } else {
        soci::rowset<soci::row> rs = (s_.prepare << yearsSql);
        years(rs);
    }
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
