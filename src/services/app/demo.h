// A believable demo office: a district with communes and towns named like
// real ones, its departments, people with Vietnamese names and positions,
// several years of index results on the shipped frameworks, remediation
// plans with tasks in every status (some overdue), survey tallies and
// individual ratings. Deterministic for a given seed.
#pragma once
#include <optional>
#include <string>

#include "core/date.h"
#include "core/progress.h"
#include "storage/database.h"

namespace cchc::services {

struct DemoOptions {
    int communes = 18;
    int years = 3;         // index years ending with lastYear
    long ratings = 20000;  // individual ratings in all
    unsigned seed = 2026;
    int lastYear = 0;  // 0: the year before asOf's
    // The day the office's work stands at (tasks done or overdue, ratings
    // and self-assessments up to it); nothing: today.
    std::optional<Date> asOf;
    // Who the audit log names for every record created (empty: the
    // system's user).
    std::string user;
};

struct DemoReport {
    long units = 0, people = 0, results = 0, plans = 0, tasks = 0, tallies = 0, ratings = 0;
};

// Fills an empty office (throws UserError if units already exist). Loads the
// built-in catalogues first. On a database with accounts only an
// administrator (options.user) fills it (AccessDenied otherwise). All in one transaction, with one
// audit entry (source "demo") per record created.
DemoReport BuildDemo(storage::Database& db, const DemoOptions& options, Progress* progress);

}  // namespace cchc::services
