// The indicator assignment matrix of seed 003 (bảng phân công nhiệm vụ các
// chỉ số thành phần) for a unit and an index framework: each indicator
// group, and under it each indicator, with its lead unit, coordinating units
// and responsible person. Rows are flat and in order: a group row (its
// label "I", "III.1" or a group code of the framework, no indicator) is
// followed by its indicator rows (same group, a criterion code of the
// framework). Leads, coordinators and people that name a unit or person of
// the office (by code or name) are linked to it; anything else is kept as
// written. Load shows linked ones by name.
//
// Files: columns unit, framework, group, indicator, title, lead_unit,
// coordinating_units (";"-separated), responsible_person, one matrix or
// several per file. An import replaces each (unit, framework) matrix the
// file names; all or nothing, the first problem stops it with its file,
// line and column.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/assignment_conflicts.h"
#include "core/conflict.h"
#include "services/io/table_io.h"
#include "services/org/org_io.h"
#include "storage/database.h"

namespace cchc::services {

// A row of the matrix; its conflicts and merge are core's
// (core/assignment_conflicts.h).
using cchc::AssignmentRow;

// A matrix as read, with the version its save is checked against.
struct AssignmentMatrix {
    std::vector<AssignmentRow> rows;
    int version = 0;  // 0: no matrix stored
};

class AssignmentService {
  public:
    AssignmentService(storage::Database& db, std::string user);

    // The matrix in order (empty when none is stored). UserError when the
    // unit or the framework does not exist, AccessDenied for a unit the
    // account does not read (a commune's account reads its own units).
    std::vector<AssignmentRow> Load(const std::string& unitCode, const std::string& frameworkCode);
    // The same with the matrix's version.
    AssignmentMatrix LoadMatrix(const std::string& unitCode, const std::string& frameworkCode);
    // Replaces the matrix with rows when they differ from it, and records
    // each changed value (old and new), added and removed row in the audit
    // log. A problem throws UserError whose Location has line = the
    // 1-based row and field = the column key ("group", "indicator", ...);
    // nothing is stored then. With expectedVersion (as LoadMatrix read it),
    // EditConflict (fields keyed by AssignmentFieldKey) when another desk
    // saved the matrix since and the rows differ. Returns the version now.
    int Save(const std::string& unitCode, const std::string& frameworkCode,
             const std::vector<AssignmentRow>& rows,
             std::optional<int> expectedVersion = std::nullopt);

  private:
    storage::Database& db_;
    std::string user_;
};

// Replaces the matrices the file names; returns the rows stored.
ImportSummary ImportAssignments(storage::Database& db, const std::string& path,
                                const std::string& user, const tableio::ReadOptions& read = {});
const std::vector<tableio::ColumnSpec>& AssignmentImportColumns();
// Every stored matrix of the units the account `user` reads (a commune's
// account: its unit's and those under it), by unit and framework; returns
// the rows written. AccessDenied for a login that reads nothing.
long ExportAssignments(storage::Database& db, const std::string& path, const std::string& user);

}  // namespace cchc::services
