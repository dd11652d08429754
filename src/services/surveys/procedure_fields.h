// The catalogue of procedure fields (lĩnh vực thủ tục hành chính) as the
// office keeps it under Danh mục: fields added, renamed, given the other
// names its files use ("Hộ tịch", "HT"), and retired (no longer offered in
// the entry grids; their stored figures stay). Imports match a field by its
// code, its name, its name without the prefix and its aliases.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/framework_repository.h"

namespace cchc::services {

using storage::ProcedureFieldRecord;

// Every field, retired ones too, in the catalogue's order. AccessDenied for
// a login that reads nothing.
std::vector<ProcedureFieldRecord> ListProcedureFields(storage::Database& db,
                                                      const std::string& user);

// Adds the field (id 0) or changes it against the version read; returns
// its id. UserError on "code", "name" or "aliases" for what
// CheckProcedureField (core/survey_rules.h) refuses, and for a code, name
// or alias that another field already has (naming it); ConcurrentEditError
// when another desk changed the field since it was read; AccessDenied
// without the right to edit catalogues. Each change is audited.
std::int64_t SaveProcedureField(storage::Database& db, const ProcedureFieldRecord& field,
                                const std::string& user);

}  // namespace cchc::services
