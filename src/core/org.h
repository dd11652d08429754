// The organisation an office follows: a tree of units (province, district,
// commune, ward, town, department) and the people who work in them. The
// tree has no fixed depth: since 2025 communes may sit straight under a
// province.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/text_limits.h"

namespace cchc {

enum class UnitKind { Province, District, Commune, Ward, Town, Department };

// English keys used in files and on the command line: "province", ...
std::string_view UnitKindKey(UnitKind kind);
std::optional<UnitKind> UnitKindFromKey(std::string_view key);
// Vietnamese (or current language) label: "Xã", "Phường", ...
std::string UnitKindLabel(UnitKind kind);
const std::vector<UnitKind>& AllUnitKinds();
// Communes, wards and towns are the units an office scores and ranks.
bool IsCommuneLevel(UnitKind kind);

struct Unit {
    std::int64_t id = 0;
    std::string code;  // unique, e.g. "XA-TAYXUAN"
    std::string name;  // "Xã Tây Xuân"
    UnitKind kind = UnitKind::Commune;
    std::optional<std::int64_t> parentId;
    std::string placeName;     // place in the dateline: "Tây Xuân"
    std::string headerParent;  // header's first line: "UBND HUYỆN TÂY SƠN"
    std::string headerName;    // header's issuing body: "ỦY BAN NHÂN DÂN XÃ TÂY XUÂN"
    std::string docSymbol;     // issuer's abbreviation in numbers: "UBND" in 05/KH-UBND
    int sortOrder = 0;
    bool active = true;
    int version = 1;  // row version read from storage, for optimistic locking
    // Other names files use for the unit ("Tây Xuân", "UBND xã Tây Xuân"),
    // matched as its code and name are.
    std::vector<std::string> aliases;
};

// Other names (of a unit, a procedure field) as typed, one per line or
// separated by ';': trimmed, empty ones dropped, repeats (case and
// diacritics aside) dropped.
std::vector<std::string> ParseAliases(std::string_view text);

struct Person {
    std::int64_t id = 0;
    std::int64_t unitId = 0;
    std::string code;      // unique, e.g. officer code used in ratings and QR cards
    std::string fullName;  // "Nguyễn Thị Kim Yến"
    std::string position;  // "Công chức Văn phòng - Thống kê"
    std::string phone;
    std::string email;
    bool oneStopDesk = false;  // works at the one-stop desk (Bộ phận Một cửa)
    bool active = true;
    int version = 1;
};

// Field checks that need no database: empty code or name, a code with
// spaces, any text longer than its field's limit (core/text_limits.h),
// malformed e-mail or phone number. Duplicate codes and missing parents are checked by the
// service that has the data.
constexpr std::size_t kMaxCodeChars = kCodeText.chars;
constexpr std::size_t kMaxNameChars = kNameText.chars;
Problems CheckUnit(const Unit& unit);
Problems CheckPerson(const Person& person);

// Whether a person's phone field holds phone numbers: digits (at least
// eight per number) with spaces, dots, dashes, brackets or a leading +,
// several numbers separated by "/", ";" or "," ("0256 3823 456 / 0905.123.456").
bool PhoneNumbers(const std::string& text);

// The name a list of units is sorted by: the place name, or the name
// without its kind word ("Thị trấn Phú Phong" → "Phú Phong").
std::string SortName(const Unit& unit);

// Header lines a document issued by this unit shows when none were set.
std::string DefaultHeaderName(const Unit& unit);

// The unit `rootId` and every unit under it, at any depth.
std::set<std::int64_t> UnitAndUnitsUnder(const std::vector<Unit>& units, std::int64_t rootId);

// The units that may lead a task of the plan of unit `unitId`, offered as
// suggestions: the unit and those under it, the units above it, and the
// offices beside it at every level above (a district's and a province's
// departments), not the other communes of a province.
std::set<std::int64_t> LeadCandidates(const std::vector<Unit>& units, std::int64_t unitId);

}  // namespace cchc
