// Reading frameworks from the framework table format of the `cchc` contract
// (one row per node: framework, year, kind, code, parent, title, max_points,
// rule, target, per_unit, no_data, evidence_required; optional cap,
// applies_to_communes, order) and loading the built-in catalogues shipped
// in database/catalogues.
#pragma once
#include <string>
#include <vector>

#include "core/framework.h"
#include "services/io/table_io.h"
#include "storage/database.h"

namespace cchc::services {

// Parses a framework file into frameworks (grouped by the framework column,
// in file order) and checks each; throws UserError naming file, line and
// column for the first problem. Does not touch the database.
std::vector<Framework> ReadFrameworks(const std::string& path,
                                      const tableio::ReadOptions& read = {});

// Stores every framework of the file (all or nothing); a framework whose
// code already exists is refused. Returns the number of frameworks added.
long ImportFrameworks(storage::Database& db, const std::string& path, const std::string& user,
                      const tableio::ReadOptions& read = {});
const std::vector<tableio::ColumnSpec>& FrameworkImportColumns();
// Writes every framework in the same format; returns the rows written.
long ExportFrameworks(storage::Database& db, const std::string& path);

struct CatalogueReport {
    int frameworksAdded = 0;
    int frameworksPresent = 0;
    int scales = 0;
    int aspects = 0;
    int procedureFields = 0;
};

// Loads the built-in frameworks, scales, rating aspects and procedure fields
// compiled into the program. Items already present (same code) are left as
// they are, so running it again changes nothing.
CatalogueReport LoadBuiltinCatalogues(storage::Database& db);

}  // namespace cchc::services
