// Figures the printed reports read that no other repository gives: the
// dossier statistics of form II.06a, satisfaction tallies and individual
// ratings summed over a period, for one unit or the whole office.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace cchc::storage {

// One procedure field of form II.06a, summed over the units asked for.
struct DossierStatRow {
    std::string field;  // procedure field name
    long receivedTotal = 0, receivedOnline = 0, receivedDirect = 0, carriedOver = 0;
    long settledTotal = 0, settledEarly = 0, settledOnTime = 0, settledLate = 0;
    long pendingTotal = 0, pendingInTime = 0, pendingOverdue = 0;
};

// Satisfaction tallies of one procedure field, summed over months and units.
struct TallySumRow {
    std::string field;
    long settled = 0, responses = 0;
    long level5 = 0, level4 = 0, level3 = 0, level2 = 0, level1 = 0;
};

// One rating as given, with the officer's name (the ratings report's annex
// when the citizens' names are shown).
struct RatingLine {
    std::string ratedAt, officer, procedure, channel, citizen;
    std::optional<int> attitude, handling, guidance;
};

class ReportDataRepository {
  public:
    explicit ReportDataRepository(soci::session& s) : s_(s) {}
    // Rows recorded for exactly that period ("2026-Q3"), per field in the
    // fields' order; unitId empty: every unit.
    std::vector<DossierStatRow> DossierStats(const std::string& period,
                                             std::optional<std::int64_t> unitId);
    // Records (or replaces) one unit's figures of a field for a period; the
    // row's field name is ignored.
    void SaveDossierStat(std::int64_t unitId, const std::string& period, std::int64_t fieldId,
                         const DossierStatRow& row, const std::string& user);
    // Monthly tallies from firstMonth to lastMonth ("2026-07".."2026-09").
    std::vector<TallySumRow> Tallies(const std::string& firstMonth, const std::string& lastMonth,
                                     std::optional<std::int64_t> unitId);

    // The ratings given from firstIso to lastIso, oldest first.
    std::vector<RatingLine> Ratings(const std::string& firstIso, const std::string& lastIso,
                                    std::optional<std::int64_t> unitId);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
