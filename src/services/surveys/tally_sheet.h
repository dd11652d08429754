// A unit's satisfaction tallies of a month as a sheet to type and correct
// in the client: a line per procedure field in use, in the catalogue's
// order, with the dossiers settled and the answers per level; saved with
// the checks of `cchc import tallies` (core CheckTally). The sheet, its
// conflicts and merge are core's (core/survey_conflicts.h).
#pragma once
#include <cstdint>
#include <string>

#include "core/survey_conflicts.h"
#include "storage/database.h"

namespace cchc::services {

using cchc::TallyLine;
using cchc::TallySheet;

// The sheet of the unit for the month ("2026-09"): every procedure field
// in use, and any other with a tally stored for the month. A line not
// stored takes the scale of the unit's tallies of the month, else of the
// month before, else five levels. UserError for a period that is not a
// month or an unknown unit; AccessDenied when the account (user) does not
// read the unit.
TallySheet LoadTallySheet(storage::Database& db, std::int64_t unitId, const std::string& month,
                          const std::string& user);

// Stores the lines that changed in one transaction (a line never stored
// once a count is not 0), audited, marked typed ("manual"); responses are
// the answers added up. A count below 0, answers at the "very" levels of a
// three-level line, or a count over a million are refused (UserError on
// "FIELD/key"); nothing is stored then. AccessDenied unless the account may
// edit the unit's surveys. EditConflict (fields "FIELD/key") when another
// desk (or an import) saved the unit's month after sheet.version was read
// and a value differs. Returns the sheet's version after the save.
int SaveTallySheet(storage::Database& db, const TallySheet& sheet, const std::string& user);

}  // namespace cchc::services
