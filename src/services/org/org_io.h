// Import and export of units and people as CSV or XLSX, with the columns of
// the `cchc` contract (English keys or the Vietnamese headers users write).
// An import is all or nothing: the first problem stops it with its file,
// line and column, and nothing of the file is stored. Rows whose code
// already exists update that record, so an export re-imports unchanged.
#pragma once
#include <string>
#include <vector>

#include "services/io/table_io.h"
#include "storage/database.h"

namespace cchc::services {

// Rows of an import: new, stored before with other values (updated), and
// stored before with the same values (unchanged: nothing is written).
struct ImportSummary {
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    long Total() const { return inserted + updated + unchanged; }
};

// read: the sheet, the columns as the user mapped them, progress (the
// import wizard); every import of the services takes it the same way.
ImportSummary ImportUnits(storage::Database& db, const std::string& path, const std::string& user,
                          const tableio::ReadOptions& read = {});
ImportSummary ImportPeople(storage::Database& db, const std::string& path, const std::string& user,
                           const tableio::ReadOptions& read = {});
// The columns each import understands (their keys, aliases and whether they
// are required), for a wizard that maps a file's columns to them.
const std::vector<tableio::ColumnSpec>& UnitImportColumns();
const std::vector<tableio::ColumnSpec>& PeopleImportColumns();

// Returns the number of rows written: the units (people) the account `user`
// reads, a commune's account its unit and those under it (core/access.h);
// a unit's parent outside them is left empty, as the server shows it.
// AccessDenied for a login that reads nothing.
long ExportUnits(storage::Database& db, const std::string& path, const std::string& user);
long ExportPeople(storage::Database& db, const std::string& path, const std::string& user);

}  // namespace cchc::services
