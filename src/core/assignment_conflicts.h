// Edit conflicts on the indicator assignment matrix of a unit (see
// core/conflict.h): the values on which two copies of the matrix differ,
// row by row (rows matched by group and indicator), and the merge once the
// user chose. The assignment service lists them when a save is refused
// (mine against stored); the matrix dialog lists the values the user
// edited with the same function (mine against the matrix first read).
#pragma once
#include <string>
#include <vector>

#include "core/conflict.h"

namespace cchc {

// A row of the matrix: a group row (its label "I", "III.1" or a group code
// of the framework, no indicator) or an indicator row (a criterion code).
struct AssignmentRow {
    std::string group;      // "III.1"
    std::string indicator;  // criterion code; empty on a group row
    std::string title;
    std::string leadUnit;
    std::string coordinatingUnits;  // "A; B"
    std::string responsiblePerson;
    bool IsGroup() const { return indicator.empty(); }
};

// The key of one value of a row in a conflict: "III.1|1.2|lead_unit" (the
// field "row" for a row only one side has).
std::string AssignmentFieldKey(const AssignmentRow& row, const std::string& field);

// The values (title, lead_unit, coordinating_units, responsible_person) on
// which rows of both sides differ, trimmed, and each row only one side has
// ("row": present or not), labelled "III.1 1.2 — Lead unit".
std::vector<FieldConflict> AssignmentConflicts(const std::vector<AssignmentRow>& mine,
                                               const std::vector<AssignmentRow>& stored);

// The rows after a conflict: mine, with every value (and row) of the
// conflict the user did not keep taken from stored (a row the other desk
// added goes after the last row of its group).
std::vector<AssignmentRow> MergeAssignments(const std::vector<AssignmentRow>& mine,
                                            const std::vector<AssignmentRow>& stored,
                                            const EditConflict& conflict, const KeptFields& kept);

}  // namespace cchc
