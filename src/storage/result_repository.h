// Index results as stored: the scores of each unit on each criterion in each
// period, read by unit, framework and period, and written in bulk (whole
// vectors bound to one prepared statement).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"

namespace soci {
class session;
}

namespace cchc::storage {

// A result with the codes that name it in files.
struct ResultExportRow {
    std::string unitCode, frameworkCode, criterionCode;
    ResultRecord result;
};

class ResultRepository {
  public:
    explicit ResultRepository(soci::session& s) : s_(s) {}
    void InsertMany(const std::vector<ResultRecord>& results);
    // Inserts each result, or updates the scores, numerator, denominator and
    // note of the row with the same (unit, criterion, period). One prepared
    // statement for all rows.
    void Upsert(const std::vector<ResultRecord>& results);
    std::vector<ResultRecord> ForUnitAndPeriod(std::int64_t unitId, const std::string& period);
    // The unit's results on the framework's criteria in the period.
    std::vector<ResultRecord> ForUnitFrameworkPeriod(std::int64_t unitId, std::int64_t frameworkId,
                                                     const std::string& period);
    std::optional<ResultRecord> Find(std::int64_t unitId, std::int64_t criterionId,
                                     const std::string& period);
    // Inserts one result and returns its id.
    std::int64_t Insert(const ResultRecord& result, const std::string& user);
    // Inserts one result unless one is stored for its (unit, criterion,
    // period) already (another desk's, saved meanwhile): its id, or nothing.
    std::optional<std::int64_t> InsertIfAbsent(const ResultRecord& result, const std::string& user);
    // Writes the scores, numerator, denominator, note and source of the
    // result with this id if it still has result.version, and raises the
    // version; false when another desk changed the result first.
    bool UpdateValues(const ResultRecord& result, const std::string& user);
    // Raises the version of the result with this id, when it still has
    // `version` (any version when none is given): its evidence changed.
    // False when another desk changed the result first.
    bool BumpVersion(std::int64_t id, std::optional<int> version);
    // Every unit's results on the criteria of one framework in one period.
    // In no particular order.
    std::vector<ResultRecord> ForFrameworkAndPeriod(std::int64_t frameworkId,
                                                    const std::string& period);
    // All results with their unit, framework and criterion codes, ordered by
    // framework code, period, unit code and criterion code.
    std::vector<ResultExportRow> AllForExport();
    // The periods in which some result on the framework's criteria is
    // stored, latest first.
    std::vector<std::string> PeriodsWithResults(std::int64_t frameworkId);
    long Count();

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
