// Officers' quarterly self-assessment of their one-stop work (Mẫu 02) on a
// self framework (by default the built-in Circular 01/2018 one, 9 criteria ×
// 0–2 points): the sheet to fill with what is stored, its totals and class
// (core rules), saving it, and the officer's citizen ratings over the same
// period to read beside it. Also the survey settings of the office.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/period.h"
#include "core/survey_conflicts.h"
#include "core/survey_rules.h"
#include "storage/database.h"

namespace cchc::services {

inline constexpr const char* kDefaultSelfFramework = "TT01-2018";

// An officer's sheet (its version: see SaveSelfAssessment); its conflicts
// and merge are core's (core/survey_conflicts.h).
using cchc::SelfAssessmentLine;
using cchc::SelfAssessmentSheet;

// The officer's sheet for the period: every scored criterion of the
// framework with what is stored. Throws UserError for an unknown officer,
// framework or a period that is not a quarter; AccessDenied when the
// account (user) does not read the officer's unit (an officer the server
// hides from it is refused so too, not called unknown).
SelfAssessmentSheet LoadSelfAssessment(storage::Database& db, std::int64_t personId,
                                       const std::string& period, const std::string& user,
                                       const std::string& frameworkCode = kDefaultSelfFramework);
// Totals and classes of the sheet's current scores (as typed, before saving).
SelfAssessmentTotal TotalOf(storage::Database& db, const SelfAssessmentSheet& sheet);
// Stores the lines of the sheet that changed (scores, notes) in one
// transaction, audited one entry per changed value. A score outside 0..max
// of its criterion is refused (UserError naming the criterion's code);
// nothing is stored then. EditConflict (fields "CODE/self",
// "CODE/appraised", "CODE/note") when another desk saved the officer's
// sheet after sheet.version was read and a value differs. Returns the
// sheet's version after the save.
int SaveSelfAssessment(storage::Database& db, const SelfAssessmentSheet& sheet,
                       const std::string& user);

// The officer's citizen ratings over the period's window (calendar or
// cut-off as the office set it); ratings 0 when there are none.
RatingTally OfficerRatings(storage::Database& db, std::int64_t personId, const std::string& period);

// One officer's quarter: the self-assessment's totals and classes beside
// the citizen ratings of the same window.
struct SelfAssessmentSummaryRow {
    std::string unit, unitName, officer, name;
    SelfAssessmentTotal total;
    RatingTally ratings;
};
// Every officer who self-assessed in the quarter on the framework, of the
// unit and the units under it (unitCode "" for the whole office), by unit
// then officer in Vietnamese order. UserError for a period that is not a
// quarter, an unknown unit or framework. The officers of the units the
// account `user` reads (core/access.h): a commune's account reads its unit
// and those under it, which stand for the whole office; AccessDenied for
// another unit, or for a login that reads nothing.
std::vector<SelfAssessmentSummaryRow> SelfAssessmentSummary(
    storage::Database& db, const std::string& user, const std::string& period,
    const std::string& unitCode = "", const std::string& frameworkCode = kDefaultSelfFramework);

// Settings of surveys and ratings (their version: see SaveSurveySettings).
using cchc::SurveySettings;
SurveySettings LoadSurveySettings(storage::Database& db);
// Refuses (UserError on the field's key) a threshold outside 0..1, a minimum
// below 1, a template that is not an http(s) address with {officer_code},
// and a publication calendar without any publication, with a day outside
// 1..31 or a kind listed twice.
// Audited, one entry per changed key. EditConflict (fields keyed as the
// settings) when another desk saved them after settings.version was read
// and a value differs. Returns their version after the save.
int SaveSurveySettings(storage::Database& db, const SurveySettings& settings,
                       const std::string& user);

}  // namespace cchc::services
