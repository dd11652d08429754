// A unit's dossier statistics of a month (form II.06a) as a sheet to type
// and correct in the client: a line per procedure field in use, in the
// catalogue's order, with what is stored and what the month before left in
// progress; saving it with the same checks as `cchc import dossiers`. The
// sheet, its conflicts and merge are core's (core/survey_conflicts.h).
#pragma once
#include <cstdint>
#include <string>

#include "core/survey_conflicts.h"
#include "storage/database.h"

namespace cchc::services {

using cchc::DossierLine;
using cchc::DossierSheet;

// The sheet of the unit for the month ("2026-09"): every procedure field in
// use, and any other with figures stored for the month. UserError for a
// period that is not a month or an unknown unit; AccessDenied when the
// account (user) does not read the unit.
DossierSheet LoadDossierSheet(storage::Database& db, std::int64_t unitId, const std::string& month,
                              const std::string& user);

// Stores the lines that changed in one transaction (a line never stored is
// stored once a part is not 0), audited one entry per changed value, marked
// typed ("manual"). A part below 0 or over kMaxDossierCount is refused
// (UserError on "FIELD/part"); nothing is stored then. AccessDenied unless
// the account may edit the unit's surveys. EditConflict (fields
// "FIELD/part") when another desk (or an import) saved the unit's month
// after sheet.version was read and a value differs. Returns the sheet's
// version after the save.
int SaveDossierSheet(storage::Database& db, const DossierSheet& sheet, const std::string& user);

}  // namespace cchc::services
