#include "services/org/organisation.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/org_conflicts.h"
#include "core/text.h"
#include "services/app/checked_write.h"
#include "services/org/org_audit.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {

void ThrowFirst(const Problems& problems) {
    if (!problems.empty())
        throw UserError(Location{"", 0, problems.front().field}, problems.front().message);
}

void Diff(storage::AuditRepository& audit, const std::string& user, const std::string& table,
          std::int64_t id,
          const std::vector<std::pair<std::string, std::pair<std::string, std::string>>>& fields) {
    for (const auto& [field, values] : fields) {
        if (values.first == values.second) continue;
        audit.Record({"", user, table, id, "update", field, values.first, values.second});
    }
}

std::string ParentText(const Unit& u) { return u.parentId ? std::to_string(*u.parentId) : ""; }

// A unit's name for the conflict dialog ("" for none).
std::string UnitName(storage::UnitRepository& units, std::optional<std::int64_t> id) {
    if (!id) return {};
    auto u = units.ById(*id);
    return u ? u->name : std::to_string(*id);
}

// Unit names read from storage for the conflict dialog.
UnitNameOf NamesFrom(storage::UnitRepository& units) {
    return [&units](std::optional<std::int64_t> id) { return UnitName(units, id); };
}

// The refusal of a unit saved (or switched on or off) from a copy another
// desk saved since: mine beside the stored unit.
auto UnitRefusal(storage::UnitRepository& units, const Unit& mine) {
    return [&units, &mine](const Unit& stored) {
        return EditConflict(fmt::format(fmt::runtime(tr("the unit {0}")), stored.name),
                            UnitConflicts(mine, stored, NamesFrom(units)), stored.version);
    };
}

auto PersonRefusal(storage::UnitRepository& units, const Person& mine) {
    return [&units, &mine](const Person& stored) {
        return EditConflict(fmt::format(fmt::runtime(tr("the officer {0}")), stored.fullName),
                            PersonConflicts(mine, stored, NamesFrom(units)), stored.version);
    };
}

constexpr const char* kWindowKey = "reporting.window";

const std::vector<std::string>& OfficeKeys() {
    static const std::vector<std::string> keys = {
        "office.unit_id",     "office.parent_body",  "office.issuing_body",    "office.place_name",
        "office.signer_name", "office.signer_title", "office.signer_authority"};
    return keys;
}

}  // namespace

void RecordUnitChanges(storage::AuditRepository& audit, const std::string& user, const Unit& old,
                       const Unit& now) {
    Diff(audit, user, "units", now.id,
         {{"code", {old.code, now.code}},
          {"name", {old.name, now.name}},
          {"kind", {std::string(UnitKindKey(old.kind)), std::string(UnitKindKey(now.kind))}},
          {"parent_id", {ParentText(old), ParentText(now)}},
          {"place_name", {old.placeName, now.placeName}},
          {"header_parent", {old.headerParent, now.headerParent}},
          {"header_name", {old.headerName, now.headerName}},
          {"doc_symbol", {old.docSymbol, now.docSymbol}},
          {"aliases", {JoinTexts(old.aliases, "\n"), JoinTexts(now.aliases, "\n")}},
          {"active", {old.active ? "1" : "0", now.active ? "1" : "0"}}});
}

void RecordPersonChanges(storage::AuditRepository& audit, const std::string& user,
                         const Person& old, const Person& now) {
    Diff(audit, user, "people", now.id,
         {{"unit_id", {std::to_string(old.unitId), std::to_string(now.unitId)}},
          {"code", {old.code, now.code}},
          {"full_name", {old.fullName, now.fullName}},
          {"position", {old.position, now.position}},
          {"phone", {old.phone, now.phone}},
          {"email", {old.email, now.email}},
          {"one_stop_desk", {old.oneStopDesk ? "1" : "0", now.oneStopDesk ? "1" : "0"}},
          {"active", {old.active ? "1" : "0", now.active ? "1" : "0"}}});
}

std::vector<Unit> TreeOrder(std::vector<Unit> units) {
    std::set<std::int64_t> ids;
    for (const auto& u : units) ids.insert(u.id);
    std::map<std::int64_t, std::vector<const Unit*>> children;
    std::vector<const Unit*> roots;
    for (const auto& u : units) {
        if (u.parentId && ids.count(*u.parentId) && *u.parentId != u.id)
            children[*u.parentId].push_back(&u);
        else
            roots.push_back(&u);
    }
    // Siblings by sort order, then by place name as lists of communes are
    // read ("Bình Hòa, ..., Phú Phong, Tây An"), whatever their kind word.
    auto less = [](const Unit* a, const Unit* b) {
        if (a->sortOrder != b->sortOrder) return a->sortOrder < b->sortOrder;
        int c = CompareVietnamese(SortName(*a), SortName(*b));
        return c != 0 ? c < 0 : VietnameseLess(a->name, b->name);
    };
    std::vector<Unit> out;
    out.reserve(units.size());
    std::set<std::int64_t> seen;
    std::vector<const Unit*> stack;
    std::sort(roots.begin(), roots.end(), less);
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back(*it);
    while (!stack.empty()) {
        const Unit* u = stack.back();
        stack.pop_back();
        if (!seen.insert(u->id).second) continue;
        out.push_back(*u);
        auto& kids = children[u->id];
        std::sort(kids.begin(), kids.end(), less);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    }
    // Units caught in a cycle never reach a root; keep them visible.
    for (const auto& u : units)
        if (!seen.count(u.id)) out.push_back(u);
    return out;
}

OrganisationService::OrganisationService(storage::Database& db, std::string user)
    : db_(db), user_(std::move(user)) {}

std::vector<Unit> OrganisationService::Units() {
    AccessGuard guard(db_, user_);
    guard.Require(Action::ReadData);
    auto all = storage::UnitRepository(db_.session()).All();
    if (!guard.ReadsAll())
        all.erase(std::remove_if(all.begin(), all.end(),
                                 [&](const Unit& u) { return !guard.InScope(u.id); }),
                  all.end());
    return TreeOrder(std::move(all));
}

std::vector<Person> OrganisationService::People(std::int64_t unitId) {
    AccessGuard guard(db_, user_);
    guard.Require(Action::ReadData);
    if (!guard.InScope(unitId)) return {};  // as the server shows it: no row
    auto people = storage::PersonRepository(db_.session()).ByUnit(unitId);
    std::stable_sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
        return VietnameseNameLess(a.fullName, b.fullName);
    });
    return people;
}

std::vector<Person> OrganisationService::AllPeople() {
    AccessGuard guard(db_, user_);
    guard.Require(Action::ReadData);
    auto all = storage::PersonRepository(db_.session()).All();
    if (!guard.ReadsAll())
        all.erase(std::remove_if(all.begin(), all.end(),
                                 [&](const Person& p) { return !guard.InScope(p.unitId); }),
                  all.end());
    return all;
}

std::optional<Unit> OrganisationService::UnitById(std::int64_t id) {
    return storage::UnitRepository(db_.session()).ById(id);
}

std::optional<Unit> OrganisationService::UnitByCode(const std::string& code) {
    return storage::UnitRepository(db_.session()).ByCode(code);
}

std::optional<Person> OrganisationService::PersonById(std::int64_t id) {
    return storage::PersonRepository(db_.session()).ById(id);
}

Unit OrganisationService::SaveUnit(const Unit& input) {
    AccessGuard guard(db_, user_);
    if (input.id != 0)
        guard.Require(Action::EditUnits, input.id);
    else if (input.parentId)
        guard.Require(Action::EditUnits, *input.parentId);
    else
        guard.Require(Action::EditUnits);
    Unit unit = input;
    ThrowFirst(CheckUnit(unit));
    storage::Transaction tx(db_);
    storage::UnitRepository units(db_.session());
    storage::AuditRepository audit(db_.session());
    if (auto same = units.ByCode(unit.code); same && same->id != unit.id)
        throw UserError(Location{"", 0, "code"},
                        std::string(tr("another unit already has the code ")) + unit.code);
    if (unit.parentId) {
        // The parent must exist and must not be the unit or one of its
        // descendants.
        std::int64_t cursor = *unit.parentId;
        for (int depth = 0; depth < 64; ++depth) {
            auto parent = units.ById(cursor);
            if (!parent)
                throw UserError(Location{"", 0, "parent"}, tr("the parent unit does not exist"));
            if (unit.id != 0 && parent->id == unit.id)
                throw UserError(Location{"", 0, "parent"},
                                tr("a unit cannot be placed under itself or one of its own units"));
            if (!parent->parentId) break;
            cursor = *parent->parentId;
        }
    }
    if (unit.id == 0) {
        unit.id = units.Insert(unit);
        unit.version = 1;
        audit.Record({"", user_, "units", unit.id, "insert", "code", std::nullopt, unit.code});
    } else {
        auto old = units.ById(unit.id);
        if (!old) throw UserError(tr("the unit no longer exists"));
        WriteIfUnchanged(
            unit.version, *old, UnitRefusal(units, unit), [&] { units.Update(unit); },
            [&] { return units.ById(unit.id); });
        RecordUnitChanges(audit, user_, *old, unit);
        unit.version += 1;
    }
    tx.Commit();
    return unit;
}

Person OrganisationService::SavePerson(const Person& input) {
    AccessGuard(db_, user_).Require(Action::EditUnits, input.unitId);
    Person person = input;
    ThrowFirst(CheckPerson(person));
    storage::Transaction tx(db_);
    storage::PersonRepository people(db_.session());
    storage::AuditRepository audit(db_.session());
    if (!storage::UnitRepository(db_.session()).ById(person.unitId))
        throw UserError(Location{"", 0, "unit"}, tr("the unit does not exist"));
    if (auto same = people.ByCode(person.code); same && same->id != person.id)
        throw UserError(Location{"", 0, "code"},
                        std::string(tr("another person already has the code ")) + person.code);
    if (person.id == 0) {
        person.id = people.Insert(person);
        person.version = 1;
        audit.Record({"", user_, "people", person.id, "insert", "code", std::nullopt, person.code});
    } else {
        auto old = people.ById(person.id);
        if (!old) throw UserError(tr("the person no longer exists"));
        storage::UnitRepository units(db_.session());
        WriteIfUnchanged(
            person.version, *old, PersonRefusal(units, person), [&] { people.Update(person); },
            [&] { return people.ById(person.id); });
        RecordPersonChanges(audit, user_, *old, person);
        person.version += 1;
    }
    tx.Commit();
    return person;
}

Unit OrganisationService::SetUnitActive(const Unit& read, bool active) {
    AccessGuard(db_, user_).Require(Action::EditUnits, read.id);
    storage::Transaction tx(db_);
    storage::UnitRepository units(db_.session());
    auto stored = units.ById(read.id);
    if (!stored) throw UserError(tr("the unit no longer exists"));
    // The copy read, switched: beside the stored unit when another desk
    // saved it since.
    Unit mine = read;
    mine.active = active;
    WriteIfUnchanged(
        read.version, *stored, UnitRefusal(units, mine),
        [&] { units.SetActive(read.id, active, read.version); },
        [&] { return units.ById(read.id); });
    Unit now = *stored;
    now.active = active;
    now.version = stored->version + 1;
    storage::AuditRepository audit(db_.session());
    RecordUnitChanges(audit, user_, *stored, now);
    tx.Commit();
    return now;
}

Person OrganisationService::SetPersonActive(const Person& read, bool active) {
    AccessGuard guard(db_, user_);
    guard.Require(Action::EditUnits);
    // The unit the person is in, or (when the connection does not find the
    // person: on the server, one of another unit is hidden) the one it was
    // read in.
    if (auto person = storage::PersonRepository(db_.session()).ById(read.id))
        guard.Require(Action::EditUnits, person->unitId);
    else
        guard.Require(Action::EditUnits, read.unitId);
    storage::Transaction tx(db_);
    storage::PersonRepository people(db_.session());
    storage::UnitRepository units(db_.session());
    auto stored = people.ById(read.id);
    if (!stored) throw UserError(tr("the person no longer exists"));
    Person mine = read;
    mine.active = active;
    WriteIfUnchanged(
        read.version, *stored, PersonRefusal(units, mine),
        [&] { people.SetActive(read.id, active, read.version); },
        [&] { return people.ById(read.id); });
    Person now = *stored;
    now.active = active;
    now.version = stored->version + 1;
    storage::AuditRepository audit(db_.session());
    RecordPersonChanges(audit, user_, *stored, now);
    tx.Commit();
    return now;
}

OfficeIdentity OrganisationService::Office() {
    storage::SettingsRepository s(db_.session());
    OfficeIdentity o;
    // The version first: a save between the two reads makes the next save
    // refused, never silently accepted.
    o.version = s.GroupVersion(OfficeKeys());
    o.unitId = std::atoll(s.Get("office.unit_id", "0").c_str());
    o.parentBody = s.Get("office.parent_body", "");
    o.issuingBody = s.Get("office.issuing_body", "");
    o.placeName = s.Get("office.place_name", "");
    o.signerName = s.Get("office.signer_name", "");
    o.signerTitle = s.Get("office.signer_title", "");
    o.signerAuthority = s.Get("office.signer_authority", "");
    return o;
}

int OrganisationService::SaveOffice(const OfficeIdentity& o) {
    AccessGuard(db_, user_).Require(Action::EditSettings);
    storage::Transaction tx(db_);
    storage::LockForEdit(db_, "settings:office");
    const OfficeIdentity stored = Office();
    if (stored.version != o.version) {
        storage::UnitRepository units(db_.session());
        auto fields = OfficeConflicts(o, stored, NamesFrom(units));
        if (!fields.empty())
            throw EditConflict(tr("the office's identity"), std::move(fields), stored.version);
    }
    storage::SettingsRepository s(db_.session());
    storage::AuditRepository audit(db_.session());
    const std::string values[] = {std::to_string(o.unitId),
                                  o.parentBody,
                                  o.issuingBody,
                                  o.placeName,
                                  o.signerName,
                                  o.signerTitle,
                                  o.signerAuthority};
    for (std::size_t i = 0; i < OfficeKeys().size(); ++i) {
        const std::string& key = OfficeKeys()[i];
        const auto old = s.Get(key);
        if (old && *old == values[i]) continue;
        s.Set(key, values[i]);
        audit.Record({"", user_, "settings", 0, "update", key, old, values[i]});
    }
    const int version = s.GroupVersion(OfficeKeys());
    tx.Commit();
    return version;
}

WindowKind OrganisationService::ReportingWindow() { return LoadReportingWindow().kind; }

ReportingWindowSetting OrganisationService::LoadReportingWindow() {
    storage::SettingsRepository s(db_.session());
    ReportingWindowSetting out;
    // The version first, as for the office's identity.
    out.version = s.GroupVersion({kWindowKey});
    out.kind =
        s.Get(kWindowKey, "calendar") == "cutoff" ? WindowKind::CutOff : WindowKind::Calendar;
    return out;
}

int OrganisationService::SetReportingWindow(WindowKind kind, int readVersion) {
    AccessGuard(db_, user_).Require(Action::EditSettings);
    storage::Transaction tx(db_);
    storage::LockForEdit(db_, std::string("settings:") + kWindowKey);
    const ReportingWindowSetting stored = LoadReportingWindow();
    if (stored.version != readVersion && stored.kind != kind)
        throw EditConflict(tr("the reporting window"), WindowKindConflicts(kind, stored.kind),
                           stored.version);
    if (stored.kind == kind) return stored.version;
    storage::SettingsRepository s(db_.session());
    const std::string old = s.Get(kWindowKey, "calendar");
    const std::string now = kind == WindowKind::CutOff ? "cutoff" : "calendar";
    s.Set(kWindowKey, now);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "settings", 0, "update", kWindowKey, old, now});
    const int version = s.GroupVersion({kWindowKey});
    tx.Commit();
    return version;
}

}  // namespace cchc::services
