// Units formed from others (merged or split, as communes were in 2025): the
// lineage file in and out, with the columns of the `cchc` contract (unit,
// predecessor, date, share), and the former units a unit compares with.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/lineage.h"
#include "services/io/table_io.h"
#include "services/org/org_io.h"
#include "storage/database.h"

namespace cchc::services {

// All or nothing: the first problem stops the import with its file, line
// and column. Units are named by code or by name as users write them; a
// unit may not be its own predecessor, directly or through others; a date
// is YYYY-MM-DD or dd/mm/yyyy; a share is empty (the whole former unit), a
// ratio (0.4, 0,4) or a percentage (40%), and a former unit's shares may
// not add up to more than whole. A row whose (unit, predecessor) is stored
// replaces its date and share. Units are edited by administrators and
// specialists (AccessDenied otherwise).
ImportSummary ImportLineage(storage::Database& db, const std::string& path, const std::string& user,
                            const tableio::ReadOptions& read = {});
const std::vector<tableio::ColumnSpec>& LineageImportColumns();

// Every link whose unit the account `user` reads, by unit code and then
// predecessor code; dates ISO, shares with '.' decimals. Re-imports
// unchanged. Returns the rows written.
long ExportLineage(storage::Database& db, const std::string& path, const std::string& user);

// A unit's lineage as the editor under Danh mục shows it: the former units
// it was formed from and the units it went into, each with its link (date,
// share), in the Vietnamese order of their names; `stamp` tells another
// desk's change since.
struct LineageEntry {
    LineageLink link;
    std::string code, name;  // of the other unit
};
struct UnitLineage {
    std::int64_t unitId = 0;
    std::vector<LineageEntry> formedFrom, mergedInto;
    std::string stamp;
};
// AccessDenied for a unit the account does not read.
UnitLineage LineageOf(storage::Database& db, std::int64_t unitId, const std::string& user);

// Makes `links` (predecessor, date, share; their unitId ignored) the former
// units of the unit, adding, changing and removing links, each audited, in
// one transaction. Refused as the import refuses (UserError at
// Location{"", the link's row from 1, field}: a department, the unit
// itself, a former unit twice, a date that is not one, a share outside
// (0, 1], a cycle, a former unit given away more than whole);
// ConcurrentEditError when the unit's links changed since `stamp` was read
// (UnitLineage::stamp); AccessDenied unless the account edits units.
void SaveLineage(storage::Database& db, std::int64_t unitId, const std::vector<LineageLink>& links,
                 const std::string& stamp, const std::string& user);

// The links of each unit formed from others (unit id → its links).
std::map<std::int64_t, std::vector<LineageLink>> LinksByUnit(storage::Database& db);

}  // namespace cchc::services
