// Figures for the dashboard and status bar: how big the office is and how
// its work stands on a given day.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "services/frameworks/frameworks.h"
#include "storage/database.h"

namespace cchc::services {

struct OfficeOverview {
    long communes = 0;  // communes, wards and towns
    long departments = 0;
    long people = 0;
    long frameworks = 0;
    long results = 0;
    long plans = 0;
    long tasksOpen = 0;     // not started or in progress
    long tasksOverdue = 0;  // open with a due date before asOf
    long tasksDone = 0;
    long tasksDue7 = 0, tasksDue30 = 0;  // open, due within 7 (30) days
    long tallies = 0;
    long ratings = 0;
    std::string latestResultPeriod;  // e.g. "2025", or empty
};

// Open remediation tasks per commune, most overdue first: the communes the
// account `user` reads (core/access.h; all of them on a database without
// accounts). AccessDenied for a login that reads nothing.
struct CommuneTasks {
    std::int64_t unitId = 0;
    std::string name;
    long open = 0, overdue = 0, due7 = 0, due30 = 0;
};
std::vector<CommuneTasks> OpenTasksByCommune(storage::Database& db, const std::string& asOf,
                                             const std::string& user);

// asOf is an ISO date ("2026-11-22"). The figures of the units the account
// `user` reads: a commune's account counts its unit and the units under it
// (the frameworks are everyone's). AccessDenied for a login that reads
// nothing.
OfficeOverview GetOverview(storage::Database& db, const std::string& asOf, const std::string& user);
std::vector<FrameworkSummary> ListFrameworks(storage::Database& db);

}  // namespace cchc::services
