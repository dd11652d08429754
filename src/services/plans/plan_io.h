// Import and export of remediation plans and their tasks with the columns of
// the `cchc` contract: unit, framework, year, criterion, target, task,
// lead_unit, lead_person, coordinating_units (";"-separated), start, due (a
// date or a year), recurring (yes|no), status (not_started|in_progress|
// done|cancelled), percent, outcome — one row per task. Rows are grouped
// into the unit's plan for the year answering the framework (found or
// created), and into one item per criterion. Leads and coordinators that
// name a unit or person of the office (by code or name) are linked to it;
// anything else is kept as written. A task already in the item with the same
// text is updated, so a file can be imported again. All or nothing: the
// first problem stops the import with its file, line and column.
#pragma once
#include <string>

#include "services/io/table_io.h"
#include "services/org/org_io.h"
#include "storage/database.h"

namespace cchc::services {

// Both kinds ("plans" and "tasks") read the same columns.
ImportSummary ImportTasks(storage::Database& db, const std::string& path, const std::string& user,
                          const tableio::ReadOptions& read = {});
const std::vector<tableio::ColumnSpec>& TaskImportColumns();
// Every task of every plan of the units the account `user` reads (a
// commune's account: its unit's and those under it); returns the rows
// written. AccessDenied for a login that reads nothing.
long ExportTasks(storage::Database& db, const std::string& path, const std::string& user);

}  // namespace cchc::services
