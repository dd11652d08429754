#include "storage/stats_repository.h"

#include <soci/soci.h>

namespace cchc::storage {
namespace {
long CountOf(soci::session& s, const char* sql) {
    long long n = 0;
    s << sql, soci::into(n);
    return static_cast<long>(n);
}
}  // namespace

OfficeCounts StatsRepository::Counts(const std::string& asOf, const std::string& in7Iso, const std::string& in30Iso) {
    OfficeCounts c;
    c.communes = CountOf(s_, "SELECT COUNT(*) FROM units WHERE active = 1 AND kind IN ('commune', 'ward', 'town')");
    c.departments = CountOf(s_, "SELECT COUNT(*) FROM units WHERE active = 1 AND kind = 'department'");
    c.people = CountOf(s_, "SELECT COUNT(*) FROM people WHERE active = 1");
    c.frameworks = CountOf(s_, "SELECT COUNT(*) FROM frameworks WHERE status <> 'retired'");
    c.results = CountOf(s_, "SELECT COUNT(*) FROM results");
    c.plans = CountOf(s_, "SELECT COUNT(*) FROM plans");
    c.tasksOpen = CountOf(s_, "SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress')");
    c.tasksDone = CountOf(s_, "SELECT COUNT(*) FROM tasks WHERE status = 'done'");
    c.tallies = CountOf(s_, "SELECT COUNT(*) FROM survey_tallies");
    c.ratings = CountOf(s_, "SELECT COUNT(*) FROM ratings");
    long long overdue = 0;
    // Open, not recurring, past the effective due date (the task rules of core).
    s_ << "SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress') AND recurring = 0 AND "
          "due_date < :d",
        soci::use(asOf), soci::into(overdue);
    c.tasksOverdue = static_cast<long>(overdue);
    auto dueBy = [&](const std::string& last) {
        long long n = 0;
        if (last.empty()) return 0L;
        s_ << "SELECT COUNT(*) FROM tasks WHERE status IN ('not_started', 'in_progress') AND recurring = 0 AND "
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

}  // namespace cchc::storage
