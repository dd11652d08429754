#include "services/app/overview.h"

#include <algorithm>
#include <map>

#include "core/collation.h"
#include "core/date.h"
#include "services/app/access_guard.h"
#include "storage/stats_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

namespace {
// The last days of "due within 7 days" and "within 30 days" of asOf (the
// DueWithin rule of core, counted in SQL); empty when asOf is not a date.
std::pair<std::string, std::string> DueWindowEnds(const std::string& asOf) {
    auto d = Date::ParseIso(asOf);
    if (!d) return {};
    return {d->AddDays(7).ToIso(), d->AddDays(30).ToIso()};
}
}  // namespace

OfficeOverview GetOverview(storage::Database& db, const std::string& asOf,
                           const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    const auto [in7, in30] = DueWindowEnds(asOf);
    auto c = storage::StatsRepository(db.session())
                 .Counts(asOf, in7, in30, guard.ReadsAll() ? std::nullopt : guard.ScopeUnit());
    OfficeOverview o;
    o.communes = c.communes;
    o.departments = c.departments;
    o.people = c.people;
    o.frameworks = c.frameworks;
    o.results = c.results;
    o.plans = c.plans;
    o.tasksOpen = c.tasksOpen;
    o.tasksOverdue = c.tasksOverdue;
    o.tasksDone = c.tasksDone;
    o.tasksDue7 = c.tasksDue7;
    o.tasksDue30 = c.tasksDue30;
    o.tallies = c.tallies;
    o.ratings = c.ratings;
    o.latestResultPeriod = DefaultResultPeriod(c.resultYears);
    return o;
}

std::vector<CommuneTasks> OpenTasksByCommune(storage::Database& db, const std::string& asOf,
                                             const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    const auto [in7, in30] = DueWindowEnds(asOf);
    std::map<std::int64_t, std::string> names;
    for (const auto& u : storage::UnitRepository(db.session()).All()) names[u.id] = u.name;
    std::vector<CommuneTasks> out;
    for (const auto& c : storage::StatsRepository(db.session()).OpenTasksByUnit(asOf, in7, in30))
        if (guard.InScope(c.unitId))
            out.push_back({c.unitId, names[c.unitId], c.open, c.overdue, c.due7, c.due30});
    std::sort(out.begin(), out.end(), [](const CommuneTasks& a, const CommuneTasks& b) {
        if (a.overdue != b.overdue) return a.overdue > b.overdue;
        if (a.due30 != b.due30) return a.due30 > b.due30;
        return VietnameseLess(a.name, b.name);
    });
    return out;
}

std::vector<FrameworkSummary> ListFrameworks(storage::Database& db) {
    return FrameworkService(db, "").List();
}

}  // namespace cchc::services
