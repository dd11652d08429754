// The indicator assignment matrix (bảng phân công, seed 003) of one unit and
// framework: group rows ("III.1") with their lead unit, coordinating units
// and responsible person, each with its indicator rows. The matrix is read
// whole and replaced whole; rows attached to a plan are left alone.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace cchc::storage {

struct AssignmentRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> criterionId;  // the framework's criterion, when linked
    std::string groupLabel;                   // "III.1" on a group row
    std::string title;
    std::optional<std::int64_t> leadUnitId;
    std::string leadUnitText;                  // the lead as written when it names no unit
    std::vector<std::int64_t> coordinatorIds;  // resolved coordinating units, in order
    std::string coordinatingText;              // the coordinating units as written
    std::optional<std::int64_t> responsiblePersonId;
    std::string responsibleText;               // the person as written when it names no one
    std::vector<AssignmentRecord> indicators;  // on a group row: its indicator rows
};

class AssignmentRepository {
  public:
    explicit AssignmentRepository(soci::session& s) : s_(s) {}
    // The group rows of the unit's matrix for the framework with their
    // indicator rows, in order (two queries, whatever the size).
    std::vector<AssignmentRecord> Load(std::int64_t unitId, std::int64_t frameworkId);
    // The version of the unit's matrix for the framework: every row of a
    // matrix carries it, and each Replace raises it (0: no matrix).
    int Version(std::int64_t unitId, std::int64_t frameworkId);
    // Deletes the unit's matrix for the framework and inserts groups in
    // their order, at the next version; fills the ids. The caller holds the
    // transaction.
    void Replace(std::int64_t unitId, std::int64_t frameworkId,
                 std::vector<AssignmentRecord>& groups, const std::string& user);
    // Rows (groups and indicators) of the unit's matrix for the framework.
    long Count(std::int64_t unitId, std::int64_t frameworkId);
    // Rows of every matrix.
    long Count();
    // (unit id, framework id) of every stored matrix, by unit then framework.
    std::vector<std::pair<std::int64_t, std::int64_t>> Matrices();

  private:
    void InsertRow(std::int64_t unitId, std::int64_t frameworkId,
                   std::optional<std::int64_t> parentId, int order, int version,
                   AssignmentRecord& row, const std::string& user);

    soci::session& s_;
};

}  // namespace cchc::storage
