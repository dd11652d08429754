// Result sets: one unit's results on one framework in one period, with the
// set's workflow state and its stored totals (see migration 0003). Totals
// are written by the results service after every change of the set's
// results and read by the ranking, which then need not roll up every
// commune's tree again.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result_workflow.h"

namespace soci {
class session;
}

namespace cchc::storage {

struct ResultSetRow {
    std::int64_t id = 0;
    std::int64_t unitId = 0, frameworkId = 0;
    std::string period;
    std::string status = "draft";  // draft, submitted, appraised
    std::string submittedAt, submittedBy, appraisedAt, appraisedBy, reopenReason;
    double selfPoints = 0, selfMax = 0, appraisedPoints = 0, appraisedMax = 0;
    bool totalsFresh = false;
    int version = 1;
};

// Totals of one set to store.
struct SetTotals {
    std::int64_t setId = 0;
    double selfPoints = 0, selfMax = 0, appraisedPoints = 0, appraisedMax = 0;
};

// The stored totals of a set, without its unit (RankedTotals).
struct RankedTotal {
    std::string unitKind;  // "commune", "ward", ... (core UnitKindKey)
    double points = 0, max = 0;
    bool fresh = false;  // false: to be recomputed (its framework changed)
};

class ResultSetRepository {
  public:
    explicit ResultSetRepository(soci::session& s) : s_(s) {}
    std::optional<ResultSetRow> Find(std::int64_t unitId, std::int64_t frameworkId,
                                     const std::string& period);
    // The set, created as a draft (totals not fresh) when it does not exist.
    ResultSetRow Ensure(std::int64_t unitId, std::int64_t frameworkId, const std::string& period);
    // Every set of the framework in the period, in no particular order.
    std::vector<ResultSetRow> ForFrameworkAndPeriod(std::int64_t frameworkId,
                                                    const std::string& period);
    // The framework's sets per period, and how many are appraised.
    std::vector<PeriodSets> PeriodCounts(std::int64_t frameworkId);
    // The totals, self-assessed or appraised, of every set of the framework
    // in the period, whichever unit's, in no particular order: on
    // PostgreSQL through the server's cchc_ranked_totals, which gives them
    // to a commune's account too (row-level security shows it its own sets
    // only), without the units.
    std::vector<RankedTotal> RankedTotals(std::int64_t frameworkId, const std::string& period,
                                          bool appraised);
    // Moves the set to `status` if its version is still `expectedVersion`
    // (returns false when someone else changed it first) and gives its
    // results the same status. submitted_* / appraised_* are stamped with
    // user and time when entering that state; reason is kept as
    // reopen_reason.
    bool SetStatus(const ResultSetRow& set, const std::string& status, const std::string& user,
                   const std::string& reason);
    // Raises the version of the unit's set (its results changed), so that a
    // workflow step taken on what was shown before is refused.
    void Touch(std::int64_t unitId, std::int64_t frameworkId, const std::string& period);
    // Stores the totals and marks them fresh; one prepared statement.
    void StoreTotals(const std::vector<SetTotals>& totals);
    // The totals of every set of the framework must be computed again
    // (after a change of the framework's maxima or rules).
    void MarkFrameworkStale(std::int64_t frameworkId);
    // The (framework, period) pairs that have sets with stale totals.
    std::vector<std::pair<std::int64_t, std::string>> StalePairs();
    // How many sets of the framework are in `status` (e.g. "appraised").
    long CountWithStatus(std::int64_t frameworkId, const std::string& status);
    // Creates the missing sets of the results already stored (after a bulk
    // insert that bypassed the service), each in the most advanced state of
    // its results.
    void EnsureFromResults();

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
