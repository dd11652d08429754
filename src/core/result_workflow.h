// The life of a unit's results on a framework in one period (a result set)
// and the checks made before it moves on. How to use it:
//   - EditRefusal(status, field) tells whether a value may still be changed;
//   - NextStatus(status, action) gives the state after submit, withdraw,
//     appraise or reopen, or why that step is not possible now;
//   - ValidateSheet() lists, per criterion, every problem of what was
//     entered (score above the maximum, numerator above the denominator, a
//     rate without denominator, missing evidence where it is required).
// Sets move draft → submitted → appraised; a submitted set can be withdrawn
// to draft; an appraised set is locked and only reopened (to submitted),
// with a reason, by the office.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scoring.h"

namespace cchc {

enum class ResultStatus { Draft, Submitted, Appraised };
std::string_view ResultStatusKey(ResultStatus s);  // draft, submitted, appraised
std::optional<ResultStatus> ResultStatusFromKey(std::string_view key);
std::string ResultStatusLabel(ResultStatus s);  // translated

// The values of one result a user can change.
enum class ResultField { SelfScore, AppraisedScore, Numerator, Denominator, Note };
std::string_view ResultFieldKey(ResultField f);  // the column key of the files
std::string ResultFieldLabel(ResultField f);     // translated: "Điểm tự chấm"

// Why `field` cannot be changed while the set is in `status` (translated),
// or nothing when it can. Draft: everything; submitted: only the appraised
// score and the note (the commune withdraws to change its own figures);
// appraised: nothing.
std::optional<std::string> EditRefusal(ResultStatus status, ResultField field);

enum class SetAction { Submit, Withdraw, Appraise, Reopen };

struct Transition {
    std::optional<ResultStatus> next;  // empty when refused
    std::string refusal;               // translated, when refused
};
// submit: draft → submitted; withdraw: submitted → draft; appraise:
// submitted → appraised (a draft may be appraised directly by the office
// too); reopen: appraised → submitted, only with a non-blank reason.
Transition NextStatus(ResultStatus status, SetAction action, const std::string& reason = {});

// What was entered for one criterion, self and appraised side by side.
struct SheetEntry {
    std::optional<double> selfScore, appraisedScore, numerator, denominator;
    int evidence = 0;  // evidence documents linked to the result
};

struct CriterionProblems {
    std::string code;
    std::vector<std::string> problems;  // translated sentences
};

// Every problem of the entries, per leaf criterion in the framework's order
// (criteria without problems are left out). Entries keyed by criterion code.
std::vector<CriterionProblems> ValidateSheet(const Framework& fw,
                                             const std::map<std::string, SheetEntry>& entries);

// A period's result sets (one per unit and framework), and how many of
// them are appraised.
struct PeriodSets {
    std::string period;
    long sets = 0, appraised = 0;
};
// The period lists of results open on, not a stray one (a later year with
// two draft scores): the latest with an appraised set, else the one with
// the most sets (the latest of equals); empty when there is none.
std::string DefaultResultPeriod(const std::vector<PeriodSets>& periods);

}  // namespace cchc
