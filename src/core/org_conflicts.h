// Edit conflicts on units and people (see core/conflict.h): the fields on
// which two copies differ, as the user reads them. The organisation service
// lists them when a save is refused (mine against stored); the unit and
// person dialogs list the fields the user edited with the same functions
// (mine against the copy first read).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/org.h"

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

}  // namespace cchc
