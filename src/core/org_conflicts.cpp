#include "core/org_conflicts.h"

#include "core/i18n.h"
#include "core/text.h"

namespace cchc {

namespace {

// The name, else the id as written (a missing function reads the id).
std::string NameOf(const UnitNameOf& unitName, std::optional<std::int64_t> id) {
    if (!id) return {};
    return unitName ? unitName(id) : std::to_string(*id);
}

}  // namespace

std::vector<FieldConflict> UnitConflicts(const Unit& mine, const Unit& stored,
                                         const UnitNameOf& unitName) {
    ConflictFields f;
    f.Compare("code", tr("Code"), mine.code, stored.code)
        .Compare("name", tr("Name"), mine.name, stored.name)
        .Compare("kind", tr("Kind"), UnitKindLabel(mine.kind), UnitKindLabel(stored.kind))
        .Compare("parent", tr("Belongs to"), NameOf(unitName, mine.parentId),
                 NameOf(unitName, stored.parentId))
        .Compare("place_name", tr("Place name"), mine.placeName, stored.placeName)
        .Compare("header_parent", tr("Header, first line"), mine.headerParent, stored.headerParent)
        .Compare("header_name", tr("Header, issuing body"), mine.headerName, stored.headerName)
        .Compare("doc_symbol", tr("Document symbol"), mine.docSymbol, stored.docSymbol)
        .Compare("aliases", tr("Other names"), JoinTexts(mine.aliases, "; "),
                 JoinTexts(stored.aliases, "; "))
        .CompareYesNo("active", tr("Active"), mine.active, stored.active);
    return f.Take();
}

std::vector<FieldConflict> PersonConflicts(const Person& mine, const Person& stored,
                                           const UnitNameOf& unitName) {
    ConflictFields f;
    f.Compare("code", tr("Code"), mine.code, stored.code)
        .Compare("full_name", tr("Full name"), mine.fullName, stored.fullName)
        .Compare("unit", tr("Unit"), NameOf(unitName, mine.unitId), NameOf(unitName, stored.unitId))
        .Compare("position", tr("Position"), mine.position, stored.position)
        .Compare("phone", tr("Phone"), mine.phone, stored.phone)
        .Compare("email", tr("E-mail"), mine.email, stored.email)
        .CompareYesNo("one_stop_desk", tr("Works at the one-stop desk"), mine.oneStopDesk,
                      stored.oneStopDesk)
        .CompareYesNo("active", tr("Active"), mine.active, stored.active);
    return f.Take();
}

std::vector<FieldConflict> WindowKindConflicts(WindowKind mine, WindowKind stored) {
    ConflictFields f;
    f.Compare("window_kind", tr("Reporting window"), WindowKindLabel(mine),
              WindowKindLabel(stored));
    return f.Take();
}

Unit MergeUnit(const Unit& mine, const Unit& stored, const KeptFields& kept) {
    Unit u = mine;
    u.code = Pick(kept, "code", mine.code, stored.code);
    u.name = Pick(kept, "name", mine.name, stored.name);
    u.kind = Pick(kept, "kind", mine.kind, stored.kind);
    u.parentId = Pick(kept, "parent", mine.parentId, stored.parentId);
    u.placeName = Pick(kept, "place_name", mine.placeName, stored.placeName);
    u.headerParent = Pick(kept, "header_parent", mine.headerParent, stored.headerParent);
    u.headerName = Pick(kept, "header_name", mine.headerName, stored.headerName);
    u.docSymbol = Pick(kept, "doc_symbol", mine.docSymbol, stored.docSymbol);
    u.aliases = Pick(kept, "aliases", mine.aliases, stored.aliases);
    u.active = Pick(kept, "active", mine.active, stored.active);
    u.sortOrder = stored.sortOrder;
    u.version = stored.version;
    return u;
}

Person MergePerson(const Person& mine, const Person& stored, const KeptFields& kept) {
    Person p = mine;
    p.code = Pick(kept, "code", mine.code, stored.code);
    p.fullName = Pick(kept, "full_name", mine.fullName, stored.fullName);
    p.unitId = Pick(kept, "unit", mine.unitId, stored.unitId);
    p.position = Pick(kept, "position", mine.position, stored.position);
    p.phone = Pick(kept, "phone", mine.phone, stored.phone);
    p.email = Pick(kept, "email", mine.email, stored.email);
    p.oneStopDesk = Pick(kept, "one_stop_desk", mine.oneStopDesk, stored.oneStopDesk);
    p.active = Pick(kept, "active", mine.active, stored.active);
    p.version = stored.version;
    return p;
}

std::vector<FieldConflict> OfficeConflicts(const OfficeIdentity& mine, const OfficeIdentity& stored,
                                           const UnitNameOf& unitName) {
    auto unit = [&](std::int64_t id) {
        return NameOf(unitName, id == 0 ? std::nullopt : std::optional<std::int64_t>(id));
    };
    ConflictFields f;
    f.Compare("office_unit", tr("The office"), unit(mine.unitId), unit(stored.unitId))
        .Compare("parent_body", tr("Header, first line"), mine.parentBody, stored.parentBody)
        .Compare("issuing_body", tr("Header, issuing body"), mine.issuingBody, stored.issuingBody)
        .Compare("office_place", tr("Place name"), mine.placeName, stored.placeName)
        .Compare("signer_name", tr("Signer"), mine.signerName, stored.signerName)
        .Compare("signer_title", tr("Signer's title"), mine.signerTitle, stored.signerTitle)
        .Compare("signer_authority", tr("Signing on behalf"), mine.signerAuthority,
                 stored.signerAuthority);
    return f.Take();
}

OfficeIdentity MergeOffice(const OfficeIdentity& mine, const OfficeIdentity& stored,
                           const KeptFields& kept) {
    OfficeIdentity o = mine;
    o.unitId = Pick(kept, "office_unit", mine.unitId, stored.unitId);
    o.parentBody = Pick(kept, "parent_body", mine.parentBody, stored.parentBody);
    o.issuingBody = Pick(kept, "issuing_body", mine.issuingBody, stored.issuingBody);
    o.placeName = Pick(kept, "office_place", mine.placeName, stored.placeName);
    o.signerName = Pick(kept, "signer_name", mine.signerName, stored.signerName);
    o.signerTitle = Pick(kept, "signer_title", mine.signerTitle, stored.signerTitle);
    o.signerAuthority =
        Pick(kept, "signer_authority", mine.signerAuthority, stored.signerAuthority);
    o.version = stored.version;
    return o;
}

}  // namespace cchc
