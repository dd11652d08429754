#include "services/org/org_io.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/i18n.h"
#include "core/text.h"
#include "services/io/table_io.h"
#include "services/org/directory.h"
#include "services/org/org_audit.h"
#include "services/org/organisation.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {
using tableio::ColumnMap;
using tableio::ColumnSpec;

const std::vector<ColumnSpec>& UnitColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"code", {"mã", "mã đơn vị", "ma dv", "unit code"}, true},
        {"name", {"tên", "tên đơn vị", "unit name"}, true},
        {"kind", {"loại", "loại đơn vị", "cấp"}, true},
        {"parent", {"đơn vị cha", "mã đơn vị cha", "trực thuộc", "cấp trên", "parent code"}, false},
        {"place_name", {"địa danh", "place"}, false},
        {"header_parent", {"cơ quan chủ quản"}, false},
        {"header_name", {"tên cơ quan ban hành", "tên trên văn bản"}, false},
        {"doc_symbol", {"ký hiệu", "ký hiệu cơ quan"}, false},
        {"active", {"đang hoạt động", "hoạt động"}, false},
    };
    return specs;
}

const std::vector<ColumnSpec>& PeopleColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"code", {"mã", "mã cán bộ", "mã công chức", "person code"}, true},
        {"unit", {"đơn vị", "mã đơn vị", "unit code"}, true},
        {"full_name", {"họ và tên", "họ tên", "name"}, true},
        {"position", {"chức vụ", "chức danh"}, false},
        {"phone", {"điện thoại", "số điện thoại", "sđt"}, false},
        {"email", {"thư điện tử", "e-mail"}, false},
        {"one_stop_desk", {"một cửa", "bộ phận một cửa"}, false},
        {"active", {"đang hoạt động", "hoạt động"}, false},
    };
    return specs;
}

// Kind by key ("commune") or by the Vietnamese word users write ("Xã").
std::optional<UnitKind> ParseKind(const std::string& text) {
    std::string folded = tableio::NormalizeColumnName(text);
    if (auto k = UnitKindFromKey(folded)) return k;
    static const std::map<std::string, UnitKind> words = {
        {"tinh", UnitKind::Province},
        {"thanh pho truc thuoc trung uong", UnitKind::Province},
        {"huyen", UnitKind::District},
        {"quan", UnitKind::District},
        {"thi xa", UnitKind::District},
        {"thanh pho", UnitKind::District},
        {"xa", UnitKind::Commune},
        {"phuong", UnitKind::Ward},
        {"thi tran", UnitKind::Town},
        {"phong", UnitKind::Department},
        {"phong ban", UnitKind::Department},
        {"co quan", UnitKind::Department},
        {"so", UnitKind::Department},
        {"ban", UnitKind::Department},
    };
    auto it = words.find(folded);
    if (it == words.end()) return std::nullopt;
    return it->second;
}

std::optional<bool> ParseBool(const std::string& text, bool empty) {
    std::string f = tableio::NormalizeColumnName(text);
    if (f.empty()) return empty;
    if (f == "yes" || f == "y" || f == "1" || f == "true" || f == "co" || f == "x") return true;
    if (f == "no" || f == "n" || f == "0" || f == "false" || f == "khong") return false;
    return std::nullopt;
}

struct UnitRow {
    Unit unit;
    std::string parentCode;
    long line = 0;
};

// The rows of a units file, checked one by one, with the index of each code
// in `byCode`.
std::vector<UnitRow> ReadUnitRows(tableio::TableReader& reader, const ColumnMap& cols,
                                  std::map<std::string, std::size_t>& byCode) {
    std::vector<UnitRow> rows;
    std::vector<std::string> f;
    while (reader.Next(f)) {
        UnitRow r;
        r.line = reader.Line();
        r.unit.code = Trim(cols.Get(f, "code"));
        r.unit.name = Trim(cols.Get(f, "name"));
        std::string kindText = Trim(cols.Get(f, "kind"));
        auto kind = ParseKind(kindText);
        if (!kind)
            throw UserError(cols.At(reader, "kind"),
                            std::string(tr("unknown unit kind (use province, district, commune, "
                                           "ward, town or department): ")) +
                                Excerpt(kindText));
        r.unit.kind = *kind;
        r.parentCode = Trim(cols.Get(f, "parent"));
        r.unit.placeName = Trim(cols.Get(f, "place_name"));
        r.unit.headerParent = Trim(cols.Get(f, "header_parent"));
        r.unit.headerName = Trim(cols.Get(f, "header_name"));
        r.unit.docSymbol = Trim(cols.Get(f, "doc_symbol"));
        auto active = ParseBool(cols.Get(f, "active"), true);
        if (!active) throw UserError(cols.At(reader, "active"), tr("expected yes or no"));
        r.unit.active = *active;
        r.unit.sortOrder = static_cast<int>(rows.size());
        for (const auto& p : CheckUnit(r.unit))
            throw UserError(cols.At(reader, p.field), p.message);
        if (r.parentCode == r.unit.code)
            throw UserError(cols.At(reader, "parent"), tr("a unit cannot be its own parent"));
        if (!byCode.emplace(r.unit.code, rows.size()).second)
            throw UserError(
                cols.At(reader, "code"),
                std::string(tr("the code appears twice in the file: ")) + Excerpt(r.unit.code));
        rows.push_back(std::move(r));
    }
    return rows;
}

// Whether an import row holds the values already stored.
bool SameUnit(const Unit& a, const Unit& b) {
    return a.code == b.code && a.name == b.name && a.kind == b.kind && a.parentId == b.parentId &&
           a.placeName == b.placeName && a.headerParent == b.headerParent &&
           a.headerName == b.headerName && a.docSymbol == b.docSymbol && a.active == b.active &&
           a.sortOrder == b.sortOrder;
}

bool SamePerson(const Person& a, const Person& b) {
    return a.unitId == b.unitId && a.code == b.code && a.fullName == b.fullName &&
           a.position == b.position && a.phone == b.phone && a.email == b.email &&
           a.oneStopDesk == b.oneStopDesk && a.active == b.active;
}

// `u` takes the id, version and sort order of the stored unit `was`, and
// every field whose column the file does not have.
void KeepUnlistedFields(Unit& u, const Unit& was, const ColumnMap& cols) {
    u.id = was.id;
    u.version = was.version;
    u.sortOrder = was.sortOrder;
    if (!cols.Has("parent")) u.parentId = was.parentId;
    if (!cols.Has("place_name")) u.placeName = was.placeName;
    if (!cols.Has("header_parent")) u.headerParent = was.headerParent;
    if (!cols.Has("header_name")) u.headerName = was.headerName;
    if (!cols.Has("doc_symbol")) u.docSymbol = was.docSymbol;
    if (!cols.Has("active")) u.active = was.active;
    u.aliases = was.aliases;  // kept under Danh mục, not in the file
}

// Refuses a cycle anywhere in the stored tree: an update may have moved an
// existing unit under one of its own descendants.
void CheckNoParentCycle(storage::UnitRepository& units, const std::vector<UnitRow>& rows,
                        std::map<std::string, std::int64_t>& idByCode,
                        const std::string& fileName) {
    std::map<std::int64_t, std::optional<std::int64_t>> parentOf;
    for (const auto& u : units.All()) parentOf[u.id] = u.parentId;
    for (const auto& r : rows) {
        std::int64_t cursor = idByCode[r.unit.code];
        for (std::size_t steps = 0; parentOf[cursor]; ++steps) {
            cursor = *parentOf[cursor];
            if (steps > parentOf.size())
                throw UserError(Location{fileName, r.line, "parent"},
                                tr("the units' parents form a cycle"));
        }
    }
}

}  // namespace

ImportSummary ImportUnits(storage::Database& db, const std::string& path, const std::string& user,
                          const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, UnitColumns());
    std::map<std::string, std::size_t> byCode;
    std::vector<UnitRow> rows = ReadUnitRows(*reader, cols, byCode);

    AccessGuard guard(db, user);
    guard.Require(Action::Import);
    storage::Transaction tx(db);
    storage::UnitRepository units(db.session());
    storage::AuditRepository audit(db.session());
    std::map<std::string, Unit> existing;
    for (auto& u : units.All()) existing[u.code] = u;
    // An account whose role does not edit units is refused before its
    // units are looked at (the server shows a commune's account its own
    // only), then a unit or parent it may not read as such.
    for (const auto& r : rows) {
        const Location at{reader->FileName(), r.line, "code"};
        guard.RequireAt(at, Action::EditUnits, std::nullopt);
        if (!existing.count(r.unit.code))
            guard.RefuseHiddenUnit(Action::EditUnits, r.unit.code, at);
    }
    // A parent named as users write it: a unit of the file or of the office
    // by its name (folded), as the other imports match units.
    {
        std::map<std::string, std::vector<std::string>> fileNames;
        for (const auto& r : rows)
            fileNames[tableio::NormalizeColumnName(r.unit.name)].push_back(r.unit.code);
        const OfficeDirectory dir(db);
        for (auto& r : rows) {
            if (r.parentCode.empty() || byCode.count(r.parentCode) || existing.count(r.parentCode))
                continue;
            auto named = fileNames.find(tableio::NormalizeColumnName(r.parentCode));
            if (named != fileNames.end() && named->second.size() == 1)
                r.parentCode = named->second.front();
            else if (auto id = dir.Unit(r.parentCode))
                r.parentCode = dir.UnitCode(*id);
        }
    }
    for (const auto& r : rows)
        if (!r.parentCode.empty() && !byCode.count(r.parentCode) && !existing.count(r.parentCode)) {
            const Location at{reader->FileName(), r.line, "parent"};
            guard.RefuseHiddenUnit(Action::EditUnits, r.parentCode, at);
            throw UserError(
                at, std::string(tr("the parent unit does not exist: ")) + Excerpt(r.parentCode));
        }

    // Parents first: repeatedly store the rows whose parent is known.
    ImportSummary summary;
    std::map<std::string, std::int64_t> idByCode;
    for (auto& [code, u] : existing) idByCode[code] = u.id;
    std::size_t remaining = rows.size();
    std::vector<bool> stored(rows.size(), false);
    while (remaining > 0) {
        std::size_t before = remaining;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (stored[i]) continue;
            auto& r = rows[i];
            bool parentReady =
                r.parentCode.empty() || !byCode.count(r.parentCode) || stored[byCode[r.parentCode]];
            if (!parentReady) continue;
            Unit u = r.unit;
            if (!r.parentCode.empty()) u.parentId = idByCode.at(r.parentCode);
            auto old = existing.find(u.code);
            guard.RequireAt(
                Location{reader->FileName(), r.line, "code"}, Action::EditUnits,
                old != existing.end() ? std::optional<std::int64_t>(old->second.id) : u.parentId);
            if (old == existing.end()) {
                u.id = units.Insert(u);
                audit.Record({"", user, "units", u.id, "insert", "code", std::nullopt, u.code});
                ++summary.inserted;
            } else {
                KeepUnlistedFields(u, old->second, cols);
                if (SameUnit(old->second, u)) {
                    ++summary.unchanged;
                } else {
                    units.Update(u);
                    RecordUnitChanges(audit, user, old->second, u);
                    ++summary.updated;
                }
            }
            idByCode[u.code] = u.id;
            stored[i] = true;
            --remaining;
        }
        if (remaining == before) {
            for (std::size_t i = 0; i < rows.size(); ++i)
                if (!stored[i])
                    throw UserError(Location{reader->FileName(), rows[i].line, "parent"},
                                    tr("the units' parents form a cycle"));
        }
    }
    CheckNoParentCycle(units, rows, idByCode, reader->FileName());
    tx.Commit();
    return summary;
}

ImportSummary ImportPeople(storage::Database& db, const std::string& path, const std::string& user,
                           const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, PeopleColumns());
    AccessGuard guard(db, user);
    guard.Require(Action::Import);
    storage::Transaction tx(db);
    storage::PersonRepository people(db.session());
    storage::AuditRepository audit(db.session());
    const OfficeDirectory dir(db);
    std::map<std::string, Person> existing;
    for (auto& p : people.All()) existing[p.code] = p;
    std::set<std::string> seen;
    ImportSummary summary;
    std::vector<std::string> f;
    while (reader->Next(f)) {
        Person p;
        p.code = Trim(cols.Get(f, "code"));
        // The unit by code or by name, as users write it.
        const std::string unitText = Trim(cols.Get(f, "unit"));
        const auto unit = dir.Unit(unitText);
        if (!unit) {
            guard.RefuseHiddenUnit(Action::EditUnits, unitText, cols.At(*reader, "unit"));
            throw UserError(cols.At(*reader, "unit"), dir.UnitRefusal(unitText));
        }
        p.unitId = *unit;
        guard.RequireAt(cols.At(*reader, "unit"), Action::EditUnits, p.unitId);
        p.fullName = Trim(cols.Get(f, "full_name"));
        p.position = Trim(cols.Get(f, "position"));
        p.phone = Trim(cols.Get(f, "phone"));
        p.email = Trim(cols.Get(f, "email"));
        auto desk = ParseBool(cols.Get(f, "one_stop_desk"), false);
        if (!desk) throw UserError(cols.At(*reader, "one_stop_desk"), tr("expected yes or no"));
        p.oneStopDesk = *desk;
        auto active = ParseBool(cols.Get(f, "active"), true);
        if (!active) throw UserError(cols.At(*reader, "active"), tr("expected yes or no"));
        p.active = *active;
        for (const auto& problem : CheckPerson(p))
            throw UserError(cols.At(*reader, problem.field), problem.message);
        if (!seen.insert(p.code).second)
            throw UserError(
                cols.At(*reader, "code"),
                std::string(tr("the code appears twice in the file: ")) + Excerpt(p.code));
        auto old = existing.find(p.code);
        if (old == existing.end()) {
            p.id = people.Insert(p);
            audit.Record({"", user, "people", p.id, "insert", "code", std::nullopt, p.code});
            ++summary.inserted;
        } else {
            p.id = old->second.id;
            p.version = old->second.version;
            const Person& was = old->second;
            if (!cols.Has("position")) p.position = was.position;
            if (!cols.Has("phone")) p.phone = was.phone;
            if (!cols.Has("email")) p.email = was.email;
            if (!cols.Has("one_stop_desk")) p.oneStopDesk = was.oneStopDesk;
            if (!cols.Has("active")) p.active = was.active;
            if (SamePerson(was, p)) {
                ++summary.unchanged;
            } else {
                people.Update(p);
                RecordPersonChanges(audit, user, old->second, p);
                ++summary.updated;
            }
        }
    }
    tx.Commit();
    return summary;
}

long ExportUnits(storage::Database& db, const std::string& path, const std::string& user) {
    auto units = OrganisationService(db, user).Units();
    std::map<std::int64_t, std::string> codeById;
    for (const auto& u : units) codeById[u.id] = u.code;
    auto w = tableio::TableWriter::Create(path,
                                          {"code", "name", "kind", "parent", "place_name",
                                           "header_parent", "header_name", "doc_symbol", "active"},
                                          {false, "units", {}});
    for (const auto& u : units)
        w->Add({u.code, u.name, std::string(UnitKindKey(u.kind)),
                u.parentId ? codeById[*u.parentId] : "", u.placeName, u.headerParent, u.headerName,
                u.docSymbol, u.active ? "yes" : "no"});
    w->Close();
    return w->Rows();
}

long ExportPeople(storage::Database& db, const std::string& path, const std::string& user) {
    // People in the order of the unit tree, then by code, so that the file
    // is the same whatever order the records were stored in.
    OrganisationService org(db, user);
    std::map<std::int64_t, std::string> codeById;
    std::map<std::int64_t, std::size_t> position;
    auto units = org.Units();
    for (std::size_t i = 0; i < units.size(); ++i) {
        codeById[units[i].id] = units[i].code;
        position[units[i].id] = i;
    }
    auto people = org.AllPeople();
    std::sort(people.begin(), people.end(), [&](const Person& a, const Person& b) {
        if (position[a.unitId] != position[b.unitId])
            return position[a.unitId] < position[b.unitId];
        return a.code < b.code;
    });
    auto w = tableio::TableWriter::Create(
        path,
        {"code", "unit", "full_name", "position", "phone", "email", "one_stop_desk", "active"},
        {false, "people", {}});
    for (const auto& p : people)
        w->Add({p.code, codeById[p.unitId], p.fullName, p.position, p.phone, p.email,
                p.oneStopDesk ? "yes" : "no", p.active ? "yes" : "no"});
    w->Close();
    return w->Rows();
}

const std::vector<tableio::ColumnSpec>& UnitImportColumns() { return UnitColumns(); }
const std::vector<tableio::ColumnSpec>& PeopleImportColumns() { return PeopleColumns(); }

}  // namespace cchc::services
