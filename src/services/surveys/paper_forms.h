// Citizens' paper rating forms (Mẫu 01) typed in the client from a stack
// of them: the forms of one unit stored together as ratings of the channel
// "paper", checked as core says (CheckPaperForm), in one transaction.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/survey_rules.h"
#include "services/surveys/surveys.h"
#include "storage/database.h"

namespace cchc::services {

using cchc::PaperForm;

// Stores the forms (in their order) of the unit as ratings, all or
// nothing: a form that fails CheckPaperForm against `today`, or whose
// officer does not work in the unit, is refused with a UserError at
// Location{"", its number in the stack from 1, field} and nothing is
// stored. A form alike in everything to one stored (the same form saved
// twice is not: each form of an officer and day gets its own time) is
// skipped and counted. Each rating is audited as an import's are (source
// "paper"). AccessDenied unless the account edits the unit's surveys;
// UserError for an unknown unit or no forms.
RatingImportSummary SavePaperForms(storage::Database& db, std::int64_t unitId,
                                   const std::vector<PaperForm>& forms, const std::string& user,
                                   Date today = Date::Today());

}  // namespace cchc::services
