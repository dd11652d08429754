// A believable demo office: before July 2025 a district's Phòng Nội vụ with
// its communes and towns, since then a province's Sở Nội vụ with communes
// and wards, each formed from former communes (kept inactive, with their
// index results of the years before, and the lineage linking them); names
// like real ones, departments, people with Vietnamese names and positions,
// years of index results on the shipped frameworks, remediation plans with
// tasks in every status (some overdue), survey tallies and individual
// ratings. Deterministic for a given seed and day.
#pragma once
#include <optional>
#include <string>

#include "core/date.h"
#include "core/progress.h"
#include "storage/database.h"

namespace cchc::services {

struct DemoOptions {
    int communes = 18;
    int years = 5;         // index years ending with lastYear
    long ratings = 20000;  // individual ratings in all
    unsigned seed = 2026;
    int lastYear = 0;  // 0: the year before asOf's
    // The day the office's work stands at (tasks done or overdue, ratings
    // and self-assessments up to it); nothing: today.
    std::optional<Date> asOf;
    // A district's office (as before July 2025) whatever the day, for up
    // to 60 communes.
    bool districtOffice = false;
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
