// Edit conflicts on units, people, the office's identity and its reporting
// window (see core/conflict.h): the fields on which two copies differ, as the
// user reads them, and the merge once the user chose per field. The
// organisation service lists them when a save is refused (mine against
// stored); the unit and person dialogs and the settings panel list the
// fields the user edited with the same functions (mine against the copy
// first read), and merge with the same keys.
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

// What the office prints in document headers and datelines (settings
// office.*, edited under Settings).
struct OfficeIdentity {
    std::int64_t unitId = 0;  // the office's own unit (e.g. the district); 0: not set
    std::string parentBody;   // "UBND HUYỆN TÂY SƠN"
    std::string issuingBody;  // "PHÒNG NỘI VỤ"
    std::string placeName;    // "Tây Sơn"
    std::string signerName;
    std::string signerTitle;      // "TRƯỞNG PHÒNG"
    std::string signerAuthority;  // "KT. CHỦ TỊCH" or empty
    int version = 0;              // of the settings as read
};

// Fields of the office's identity, keyed as the settings panel's controls:
// office_unit, parent_body, issuing_body, office_place, signer_name,
// signer_title, signer_authority.
std::vector<FieldConflict> OfficeConflicts(const OfficeIdentity& mine, const OfficeIdentity& stored,
                                           const UnitNameOf& unitName);
// mine with the fields not kept taken from stored, and the stored version.
OfficeIdentity MergeOffice(const OfficeIdentity& mine, const OfficeIdentity& stored,
                           const KeptFields& kept);

}  // namespace cchc
