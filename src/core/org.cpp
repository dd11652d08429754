#include "core/org.h"

#include "core/text.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"

namespace cchc {
namespace {
struct KindInfo {
    UnitKind kind;
    const char* key;
    const char* label;
};
const KindInfo kKinds[] = {
    {UnitKind::Province, "province", N_("Province")},
    {UnitKind::District, "district", N_("District")},
    {UnitKind::Commune, "commune", N_("Commune")},
    {UnitKind::Ward, "ward", N_("Ward")},
    {UnitKind::Town, "town", N_("Town")},
    {UnitKind::Department, "department", N_("Department")},
};

bool HasSpace(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t'; });
}
// "the code is longer than the limit of 50 characters" when text passes
// its field's limit.
void CheckLength(Problems& p, const char* field, const std::string& text, const TextLimit& limit) {
    std::string tooLong = TooLong(text, limit);
    if (!tooLong.empty()) p.push_back({field, std::move(tooLong)});
}

}  // namespace

std::string_view UnitKindKey(UnitKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return k.key;
    return "commune";
}

std::optional<UnitKind> UnitKindFromKey(std::string_view key) {
    for (const auto& k : kKinds)
        if (key == k.key) return k.kind;
    return std::nullopt;
}

std::string UnitKindLabel(UnitKind kind) {
    for (const auto& k : kKinds)
        if (k.kind == kind) return tr(k.label);
    return {};
}

const std::vector<UnitKind>& AllUnitKinds() {
    static const std::vector<UnitKind> all = {UnitKind::Province, UnitKind::District,
                                              UnitKind::Commune,  UnitKind::Ward,
                                              UnitKind::Town,     UnitKind::Department};
    return all;
}

bool IsCommuneLevel(UnitKind kind) {
    return kind == UnitKind::Commune || kind == UnitKind::Ward || kind == UnitKind::Town;
}

Problems CheckUnit(const Unit& unit) {
    Problems p;
    if (Trim(unit.code).empty())
        p.push_back({"code", tr("the code must not be empty")});
    else if (HasSpace(unit.code))
        p.push_back({"code", tr("the code must not contain spaces")});
    CheckLength(p, "code", unit.code, kCodeText);
    if (Trim(unit.name).empty()) p.push_back({"name", tr("the name must not be empty")});
    CheckLength(p, "name", unit.name, kNameText);
    CheckLength(p, "place_name", unit.placeName, kShortText);
    CheckLength(p, "header_parent", unit.headerParent, kShortText);
    CheckLength(p, "header_name", unit.headerName, kShortText);
    CheckLength(p, "doc_symbol", unit.docSymbol, kCodeText);
    for (const auto& alias : unit.aliases) {
        const std::size_t before = p.size();
        CheckLength(p, "aliases", alias, kNameText);
        if (p.size() > before) break;
    }
    return p;
}

bool PhoneNumbers(const std::string& text) {
    // Each of the numbers separated by "/", ";" or ",": digits with the
    // marks people write between them, at least eight of them.
    int digits = 0, numbers = 0;
    bool plusAllowed = true;
    for (char c : text + ";") {
        if (c >= '0' && c <= '9') {
            ++digits;
            plusAllowed = false;
        } else if (c == '/' || c == ';' || c == ',') {
            if (digits < 8) return false;
            ++numbers;
            digits = 0;
            plusAllowed = true;
        } else if (c == '+') {
            if (!plusAllowed) return false;
            plusAllowed = false;
        } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
            return false;
        }
    }
    return numbers > 0;
}

Problems CheckPerson(const Person& person) {
    Problems p;
    if (Trim(person.code).empty())
        p.push_back({"code", tr("the code must not be empty")});
    else if (HasSpace(person.code))
        p.push_back({"code", tr("the code must not contain spaces")});
    CheckLength(p, "code", person.code, kCodeText);
    if (Trim(person.fullName).empty())
        p.push_back({"full_name", tr("the full name must not be empty")});
    CheckLength(p, "full_name", person.fullName, kNameText);
    CheckLength(p, "position", person.position, kShortText);
    CheckLength(p, "phone", person.phone, kShortText);
    if (!person.phone.empty() && !PhoneNumbers(person.phone))
        p.push_back(
            {"phone", tr("a phone number holds digits (at least 8 of them), with spaces, "
                         "dots, dashes, brackets or a leading +, several separated by / or ;")});
    CheckLength(p, "email", person.email, kShortText);
    if (!person.email.empty()) {
        auto at = person.email.find('@');
        if (at == std::string::npos || at == 0 || person.email.find('.', at) == std::string::npos ||
            HasSpace(person.email))
            p.push_back({"email", tr("the e-mail address is not valid")});
    }
    return p;
}

std::string SortName(const Unit& unit) {
    if (!Trim(unit.placeName).empty()) return Trim(unit.placeName);
    static const char* kWords[] = {"Thành phố ", "Thị trấn ", "Thị xã ", "Phường ",
                                   "Huyện ",     "Quận ",     "Tỉnh ",   "Xã "};
    for (const char* w : kWords) {
        std::string word(w);
        if (unit.name.size() > word.size() && unit.name.compare(0, word.size(), word) == 0)
            return unit.name.substr(word.size());
    }
    return unit.name;
}

std::string DefaultHeaderName(const Unit& unit) {
    if (!unit.headerName.empty()) return unit.headerName;
    return unit.name;
}

std::set<std::int64_t> UnitAndUnitsUnder(const std::vector<Unit>& units, std::int64_t rootId) {
    std::set<std::int64_t> found = {rootId};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Unit& u : units)
            if (u.parentId && found.count(*u.parentId) && found.insert(u.id).second) grew = true;
    }
    return found;
}

std::set<std::int64_t> LeadCandidates(const std::vector<Unit>& units, std::int64_t unitId) {
    std::set<std::int64_t> found = UnitAndUnitsUnder(units, unitId);
    std::unordered_map<std::int64_t, const Unit*> byId;
    for (const Unit& u : units) byId[u.id] = &u;
    std::set<std::int64_t> above;
    for (auto it = byId.find(unitId); it != byId.end() && it->second->parentId;) {
        const std::int64_t parent = *it->second->parentId;
        if (!above.insert(parent).second) break;  // a cycle: stop
        it = byId.find(parent);
    }
    found.insert(above.begin(), above.end());
    for (const Unit& u : units)
        if (u.parentId && above.count(*u.parentId) && u.kind == UnitKind::Department)
            found.insert(u.id);
    return found;
}

std::vector<std::string> ParseAliases(std::string_view text) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(";\n", start);
        if (end == std::string_view::npos) end = text.size();
        std::string alias = Trim(text.substr(start, end - start));
        if (!alias.empty() && seen.insert(FoldForSearch(alias)).second)
            out.push_back(std::move(alias));
        start = end + 1;
    }
    return out;
}

}  // namespace cchc
