// Satisfaction surveys as stored: monthly tallies per unit and procedure
// field (the small insert-only SurveyRepository the demo uses is in
// survey_repository.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/records.h"

namespace soci {
class session;
}

namespace cchc::storage {

// A tally with the codes that name it in files.
struct TallyExportRow {
    std::string unitCode, fieldCode, scaleCode;
    TallyRecord tally;
};

class TallyRepository {
  public:
    explicit TallyRepository(soci::session& s) : s_(s) {}
    // Inserts each tally, or replaces the scale, counts and source of the one
    // stored for the same (unit, period, field). Returns how many were
    // inserted and how many replaced. One prepared statement each for the
    // lookup, the insert and the update.
    std::pair<long, long> Upsert(const std::vector<TallyRecord>& tallies, const std::string& user,
                                 std::optional<std::int64_t> importBatchId = std::nullopt);
    // The ids and figures of every tally of the months firstMonth..lastMonth
    // (all units), read at once: an import compares its rows with them.
    std::vector<std::pair<std::int64_t, TallyRecord>> StoredInMonths(const std::string& firstMonth,
                                                                     const std::string& lastMonth);
    // Tallies of the months firstMonth..lastMonth ("2026-01".."2026-03"),
    // of one unit or all, ordered by unit id, period and field id.
    std::vector<TallyRecord> InMonths(const std::string& firstMonth, const std::string& lastMonth,
                                      std::optional<std::int64_t> unitId = std::nullopt);
    // Every tally with codes, ordered by period, unit code and field code.
    std::vector<TallyExportRow> AllForExport();
    long Count();

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
