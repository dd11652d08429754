// Edit conflicts on an index framework (see core/conflict.h): the fields on
// which two copies of a criterion, or of the framework's name, description
// and rating bands, differ, as the user reads them, and the merge once the
// user chose. The framework service lists them when a save is refused (mine
// against stored); the framework editor lists the fields the user edited
// with the same functions (mine against the copy first read).
#pragma once
#include <vector>

#include "core/conflict.h"
#include "core/framework.h"

namespace cchc {

// Fields keyed as the editor's controls: code, title, max_points, rule,
// target (a percentage), per_unit, cap, no_data, evidence_required,
// applies_to_communes, guidance.
std::vector<FieldConflict> CriterionConflicts(const Criterion& mine, const Criterion& stored);
// mine with the fields not kept taken from stored (identity, parent and
// order are mine's; the framework's version is EditConflict's).
Criterion MergeCriterion(const Criterion& mine, const Criterion& stored, const KeptFields& kept);

// The framework's own fields: name, description, bands (as written,
// "Tốt:90;Khá:80").
std::vector<FieldConflict> FrameworkHeaderConflicts(const Framework& mine, const Framework& stored);
// stored with the kept fields of mine (criteria and version are stored's).
Framework MergeFrameworkHeader(const Framework& mine, const Framework& stored,
                               const KeptFields& kept);

}  // namespace cchc
