// Stored totals of result sets (internal to the services): computed with the
// framework's roll-up from the results, as the unit sees the framework, and
// written to result_sets. Every service that changes results calls
// RefreshTotals for the sets it touched; readers call RefreshStale first.
#pragma once
#include <cstdint>
#include <set>
#include <string>

#include "core/framework.h"
#include "storage/database.h"

namespace cchc::services {

// The framework without the criteria that do not apply to communes.
Framework CommuneView(const Framework& fw);

// Recomputes and stores the totals of the framework's sets in the period;
// only those of `units` when it is not empty.
void RefreshTotals(storage::Database& db, std::int64_t frameworkId, const std::string& period,
                   const std::set<std::int64_t>& units = {});

// Recomputes every set whose totals are stale (of one framework and period
// when given). Call it inside a storage::Transaction.
void RefreshStaleTotals(storage::Database& db, std::int64_t frameworkId = 0,
                        const std::string& period = {});

}  // namespace cchc::services
