#include "services/overview.h"

#include "storage/stats_repository.h"

namespace cchc::services {

OfficeOverview GetOverview(storage::Database& db, const std::string& asOf) {
    auto c = storage::StatsRepository(db.session()).Counts(asOf);
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
    o.tallies = c.tallies;
    o.ratings = c.ratings;
    o.latestResultPeriod = c.latestResultPeriod;
    return o;
}

std::vector<storage::FrameworkSummary> ListFrameworks(storage::Database& db) {
    return storage::FrameworkRepository(db.session()).List();
}

}  // namespace cchc::services
