// Satisfaction surveys and officer ratings as use cases: import and export
// of monthly tallies and of individual ratings (CSV with or without BOM, or
// XLSX, with the columns of the `cchc` contract: English keys or the
// Vietnamese headers users write, other columns ignored), the survey
// summaries per field, unit and officer of a period, and the satisfaction
// criterion of an index filled from the tallies.
//
// Imports are all or nothing: the first problem stops them with its file,
// line and column and nothing of the file is stored. Units and officers are
// found by code or by name (OfficeDirectory), procedure fields by code or
// name.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/period.h"
#include "core/progress.h"
#include "core/survey_rules.h"
#include "services/io/table_io.h"
#include "services/org/org_io.h"
#include "storage/database.h"

namespace cchc::services {

// Tallies: unit, period (a month), field, settled, responses,
// very_satisfied, satisfied, neutral, dissatisfied, very_dissatisfied. A row
// whose very_satisfied and very_dissatisfied cells are both empty (or
// absent) is a 3-level tally: satisfied, neutral and dissatisfied are then
// levels 3, 2 and 1 of the LIKERT3 scale; otherwise a 5-level tally of
// LIKERT5 (empty counts are 0). An empty responses is the sum of the levels;
// a given one must equal it. A row whose (unit, month, field) is stored
// replaces it (updated); the same key twice in a file is refused.
ImportSummary ImportTallies(storage::Database& db, const std::string& path, const std::string& user,
                            const tableio::ReadOptions& read = {});
const std::vector<tableio::ColumnSpec>& TallyImportColumns();
// Every tally of the units the account `user` reads (a commune's account:
// its unit's and those under it), 3-level ones with empty very_* cells;
// re-imports unchanged. AccessDenied for a login that reads nothing.
long ExportTallies(storage::Database& db, const std::string& path, const std::string& user);

// Dossier statistics of form II.06a: unit, period (a month), field,
// received_online, received_direct, carried_over, settled_early,
// settled_on_time, settled_late, pending_on_time, pending_overdue (English
// keys or the Vietnamese headers of the form); received_total,
// settled_total and pending_total may be given too, and must then equal
// their parts' sum. Fields are matched by code, name or name without its
// prefix. A row whose (unit, month, field) is stored replaces it
// (updated); the same key twice in a file is refused.
ImportSummary ImportDossiers(storage::Database& db, const std::string& path,
                             const std::string& user, const tableio::ReadOptions& read = {});
const std::vector<tableio::ColumnSpec>& DossierImportColumns();
// Every monthly record of the units the account reads; re-imports
// unchanged.
long ExportDossiers(storage::Database& db, const std::string& path, const std::string& user);

struct RatingImportSummary {
    long inserted = 0;
    long skipped = 0;  // already stored, or twice in the file
    long Total() const { return inserted + skipped; }
};
// Ratings: time, unit, officer, procedure, channel, attitude, handling,
// guidance, citizen. time is "2026-03-05T09:41:00" (or with a space, without
// seconds, or "05/03/2026 09:41"); channel kiosk, qr, online or paper (or
// Kiosk, Mã QR, Trực tuyến, Phiếu giấy); scores whole numbers 1..5 or empty,
// at least one per row. A rating with the same officer, time, procedure and
// citizen as one stored (or earlier in the file) is skipped and counted.
// Streams the file in batches; reports progress and stops (storing nothing)
// when progress is cancelled.
RatingImportSummary ImportRatings(storage::Database& db, const std::string& path,
                                  const std::string& user, Progress* progress = nullptr,
                                  const tableio::ReadOptions& read = {});
const std::vector<tableio::ColumnSpec>& RatingImportColumns();
// Every rating the account may read, oldest first, with unit and officer
// codes; the citizen's name only where the account may see it (core/access.h).
long ExportRatings(storage::Database& db, const std::string& path, const std::string& user,
                   Progress* progress = nullptr);

// What a survey summary covers. Unset values come from the office's
// settings: reporting.window (calendar), survey.coverage_threshold (0.8),
// ratings.min_sample (5).
struct SurveyQuery {
    std::string period;    // "2026", "2026-Q1", "2026-09", ...
    std::string unitCode;  // "" for the whole office; a unit with units under it: all of them
    std::optional<WindowKind> window;  // ratings only: tallies are monthly
    std::optional<double> threshold;   // coverage rule, a ratio
    std::optional<int> minimumSample;  // ratings before an officer is ranked
    // The account reading (core/access.h): a commune's account reads its
    // unit and those under it, which stand for the whole office; another
    // unit is refused (AccessDenied), as is a login that reads nothing.
    std::string user;
};

// Percentages (0..100) or nothing when n/a.
struct SurveyFieldRow {
    std::string unit, unitName, field, fieldName;
    long settled = 0, responses = 0, satisfied = 0;
    std::optional<double> coverage, satisfaction;
    CoverageStatus status = CoverageStatus::NotApplicable;
};
// Per unit and procedure field, units by name, fields in catalogue order.
std::vector<SurveyFieldRow> SurveyByField(storage::Database& db, const SurveyQuery& query);

struct SurveyUnitRow {
    std::string unit, name;
    long settled = 0, responses = 0, satisfied = 0;
    std::optional<double> coverage, satisfaction;
    CoverageStatus status = CoverageStatus::NotApplicable;
    std::optional<int> rank;  // by satisfaction; nothing without responses
};
// Per unit, ranked by satisfaction rate (ties share a rank and go by name).
std::vector<SurveyUnitRow> SurveyByUnit(storage::Database& db, const SurveyQuery& query);

// Per unit and month of the period, all fields together: the monthly grid
// of the Surveys area. Units in Vietnamese order, each with its months in
// order (a month without tallies is left out); no rank.
struct SurveyUnitMonthRow {
    SurveyUnitRow unit;
    std::string month;  // "2026-10"
};
std::vector<SurveyUnitMonthRow> SurveyByUnitAndMonth(storage::Database& db,
                                                     const SurveyQuery& query);

struct SurveyOfficerRow {
    std::string unit, officer, name;
    long ratings = 0, satisfied = 0;
    std::optional<double> attitude, handling, guidance;  // averages 1..5
    std::optional<double> satisfiedShare;                // percent
    std::optional<int> rank;                             // nothing below the minimum sample
};
// Per officer over the period's window (calendar or cut-off), ranked by
// share of satisfied ratings; ties and unranked officers by Vietnamese name.
std::vector<SurveyOfficerRow> SurveyByOfficer(storage::Database& db, const SurveyQuery& query);

// The window of ratings the query covers (for headings).
DateRange SurveyWindow(storage::Database& db, const SurveyQuery& query);

struct SurveyFillSummary {
    long written = 0;     // results written with source "survey"
    long unchanged = 0;   // already holding the same figures
    long keptManual = 0;  // figures entered or imported by a user: left alone
    long keptLocked = 0;  // submitted or appraised sets: left alone
};
// Fills a "rate" criterion tied to satisfaction (e.g. QD766 5.3, the
// satisfaction with procedure handling) from the tallies of the period:
// numerator = satisfied answers, denominator = responses, per unit with
// tallies. Results a user entered or imported (source other than "survey"
// with figures) are not overwritten, nor those of submitted or appraised
// sets. Audited; the sets' totals are refreshed.
SurveyFillSummary FillCriterionFromSurveys(storage::Database& db, const std::string& frameworkCode,
                                           const std::string& criterionCode,
                                           const std::string& period, const std::string& user);

}  // namespace cchc::services
