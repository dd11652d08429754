// Edit conflicts on units and people (see core/conflict.h): the fields on
// which two copies differ, as the user reads them, and the merge once the
// user chose per field. The organisation service lists them when a save is
// refused (mine against stored); the unit and person dialogs list the fields
// the user edited with the same functions (mine against the copy first
// read), and merge with the same keys.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/org.h"
#include "core/period.h"

namespace cchc {

// A unit's name for a conflict ("" for none).
using UnitNameOf = std::function<std::string(std::optional<std::int64_t>)>;

// Fields of a unit: code, name, kind, parent, place_name, header_parent,
// header_name, doc_symbol, active.
std::vector<FieldConflict> UnitConflicts(const Unit& mine, const Unit& stored,
                                         const UnitNameOf& unitName);
// Fields of a person: code, full_name, unit, position, phone, email,
// one_stop_desk, active.
std::vector<FieldConflict> PersonConflicts(const Person& mine, const Person& stored,
                                           const UnitNameOf& unitName);

// The office's reporting window: window_kind.
std::vector<FieldConflict> WindowKindConflicts(WindowKind mine, WindowKind stored);

// The user's record after a conflict: the fields kept as typed from mine,
// the others from stored, with the stored version (EditConflict's); a
// unit's place among its siblings is the stored one.
Unit MergeUnit(const Unit& mine, const Unit& stored, const KeptFields& kept);
Person MergePerson(const Person& mine, const Person& stored, const KeptFields& kept);

}  // namespace cchc
