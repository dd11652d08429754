#include "services/overview.h"

#include "core/date.h"
#include "storage/stats_repository.h"

namespace cchc::services {

OfficeOverview GetOverview(storage::Database& db, const std::string& asOf) {
    std::string in7, in30;
    if (auto d = Date::ParseIso(asOf)) in7 = d->AddDays(7).ToIso(), in30 = d->AddDays(30).ToIso();
    auto c = storage::StatsRepository(db.session()).Counts(asOf, in7, in30);
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
    o.latestResultPeriod = c.latestResultPeriod;
    return o;
}

std::vector<storage::FrameworkSummary> ListFrameworks(storage::Database& db) {
    return storage::FrameworkRepository(db.session()).List();
}

}  // namespace cchc::services
