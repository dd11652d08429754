// Index results: import and export with the columns of the `cchc` contract
// (unit, framework, period, criterion, self_score, appraised_score,
// numerator, denominator, note), the ranking of communes on a framework and
// period, and the points one commune lost per criterion.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/scoring.h"
#include "services/io/table_io.h"
#include "services/org/org_io.h"
#include "storage/database.h"

namespace cchc::services {

// All or nothing: the first problem stops the import with its file, line
// and column. A row whose (unit, criterion, period) is already stored
// replaces that result's scores, numerator, denominator and note.
ImportSummary ImportResults(storage::Database& db, const std::string& path, const std::string& user,
                            const tableio::ReadOptions& read = {});
const std::vector<tableio::ColumnSpec>& ResultImportColumns();

// Writes every result the account `user` reads (a commune's account: its
// unit's and those under it) with codes (not ids), '.' decimals and empty
// cells for missing values; returns the rows written. Re-imports unchanged.
// AccessDenied for a login that reads nothing.
long ExportResults(storage::Database& db, const std::string& path, const std::string& user);

struct RankRow {
    std::string unit, name;  // unit code and name
    double total = 0, max = 0, percent = 0;
    std::string band;
    int rank = 0;
    std::optional<double> change;  // percent minus the previous period's percent
    // When the unit was formed since the previous period: the former units
    // whose combined percent the change is against (core CombinedPercent).
    std::vector<std::string> formedFrom;
};

// Ranks the commune-level units with at least one result on the framework in
// the period, by the appraised (or self) scores; criteria that do not apply
// to communes are left out. Ties share a rank (1, 2, 2, 4) and are ordered
// by name. The change is against the previous period on the same framework
// or, when it has none there, on the framework it was copied from; a unit
// formed since then from former units (services/org/lineage.h) is compared
// with their combined results, and its row names them. Throws UserError for an unknown
// framework or a malformed period.
// The units ranked are those the account `user` reads (core/access.h): a
// commune's account ranks its unit and those under it, as the server shows
// them their rows only. AccessDenied for a login that reads nothing.
std::vector<RankRow> RankUnits(storage::Database& db, const std::string& frameworkCode,
                               const std::string& period, bool appraised, const std::string& user);

// Where a commune stands among all the communes ranked on the framework in
// the period (RankUnits as an account without a unit ranks them), whatever
// the account `user` reads: a commune's account is told its commune's rank
// among the office's communes, not among its own units. The account must
// read the unit (AccessDenied; UserError for an unknown unit or framework
// or a malformed period). Nothing when the unit is not ranked there (no
// results, or not a commune), or when, on the office server, another
// commune's totals wait to be recomputed after a change of the framework
// (the office's next reading of the ranking recomputes them).
struct Standing {
    int rank = 0;
    int count = 0;  // the communes ranked
};
std::optional<Standing> StandingOf(storage::Database& db, const std::string& unitCode,
                                   const std::string& frameworkCode, const std::string& period,
                                   bool appraised, const std::string& user);

// A commune's results over the years on a framework, oldest first: per
// period with results, its percent, band and rank among the communes (as
// RankUnits ranks them); a period before the unit was formed from former
// units gives their combined percent (core CombinedPercent), marked, with
// no rank. Periods with neither are left out. UserError for an unknown
// unit or framework, AccessDenied for a unit the account does not read.
struct HistoryPoint {
    std::string period;
    double percent = 0;
    std::string band;
    int rank = 0, count = 0;  // 0: not ranked (the former units' combined result)
    bool fromFormerUnits = false;
};
std::vector<HistoryPoint> UnitHistory(storage::Database& db, const std::string& unitCode,
                                      const std::string& frameworkCode, bool appraised,
                                      const std::string& user);

// The periods with results on the framework, latest first. Throws UserError
// for an unknown framework.
std::vector<std::string> ResultPeriods(storage::Database& db, const std::string& frameworkCode);
// The period lists of the framework's results open on (core
// DefaultResultPeriod: the latest with appraised results, else the one with
// the most); empty when it has none. UserError for an unknown framework.
std::string OpeningResultPeriod(storage::Database& db, const std::string& frameworkCode);

// The labels of the framework's rating bands, best first. Throws UserError
// for an unknown framework.
std::vector<std::string> BandLabels(storage::Database& db, const std::string& frameworkCode);

// Writes a ranking (as RankUnits returns it) to a .csv or .xlsx file with
// Vietnamese headers; numbers with '.' decimals (real numbers in .xlsx).
// Returns the rows written. Throws UserError when the file cannot be written.
long ExportRanking(const std::vector<RankRow>& rows, const std::string& path);

// The criteria where the unit lost points on its appraised results, most
// points lost first. Throws UserError for an unknown unit or framework or a
// malformed period, AccessDenied for a unit the account `user` does not read.
std::vector<PointsLost> GapsForUnit(storage::Database& db, const std::string& unitCode,
                                    const std::string& frameworkCode, const std::string& period,
                                    const std::string& user);

// Self-assessed against appraised totals per commune: who over-scores
// themselves. Largest gap (self − appraised points) first.
struct ScoreGapRow {
    std::string unit, name;
    double selfPoints = 0, appraisedPoints = 0, max = 0;
    double selfPercent = 0, appraisedPercent = 0;
    double gap = 0;  // selfPoints − appraisedPoints
};
// Of the communes the account `user` reads (as RankUnits).
std::vector<ScoreGapRow> SelfAppraisedGaps(storage::Database& db, const std::string& frameworkCode,
                                           const std::string& period, const std::string& user);

// The criteria where the office's communes lost most appraised points in
// all, with how many communes lost points on each: the communes the account
// `user` reads (as RankUnits).
std::vector<CriterionLosses> GapsForOffice(storage::Database& db, const std::string& frameworkCode,
                                           const std::string& period, const std::string& user);

// Points of every commune on every leaf criterion: rows are the criteria
// in the framework's order, columns the communes ranked best first.
struct ResultMatrix {
    struct Row {
        std::string code, title;
        double max = 0;
    };
    struct Column {
        std::string unit, name;
    };
    std::vector<Row> rows;
    std::vector<Column> columns;
    // values[row][column]: points, or nothing where the criterion does not
    // apply (no data under an "n/a" rule).
    std::vector<std::vector<std::optional<double>>> values;
};
// The communes the account `user` reads (as RankUnits).
ResultMatrix BuildResultMatrix(storage::Database& db, const std::string& frameworkCode,
                               const std::string& period, bool appraised, const std::string& user);

}  // namespace cchc::services
