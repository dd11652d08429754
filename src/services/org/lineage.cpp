// Units' lineage in and out: see lineage.h.
#include "services/org/lineage.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/app/access_guard.h"
#include "services/io/table_io.h"
#include "services/org/directory.h"
#include "storage/lineage_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {
using tableio::ColumnMap;
using tableio::ColumnSpec;

const std::vector<ColumnSpec>& LineageColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"unit",
         {"đơn vị", "mã đơn vị", "đơn vị mới", "đơn vị hình thành", "xã mới", "unit code"},
         true},
        {"predecessor",
         {"đơn vị cũ", "đơn vị trước", "đơn vị tiền thân", "đơn vị trước sắp xếp",
          "đơn vị trước sáp nhập", "xã cũ", "former unit"},
         true},
        {"date", {"ngày", "ngày hình thành", "ngày sắp xếp", "ngày hiệu lực", "formed on"}, true},
        {"share", {"tỷ lệ", "tỉ lệ", "phần", "tỷ lệ sáp nhập"}, false},
    };
    return specs;
}

struct LineageRow {
    long line = 0;
    LineageLink link;
};

std::string ShareText(double share) { return FormatMachine(share, 4); }

std::string DepartmentRefusal(const Unit& u) {
    return fmt::format(fmt::runtime(tr("{0} is a department: only communes, wards, towns and "
                                       "districts are formed from others")),
                       u.name);
}

// Refuses links that, as they will stand (`after`), make a unit its own
// predecessor or give a former unit away more than whole; `at` says where
// a former unit was written.
void RefuseWrongLinks(const std::vector<LineageLink>& after, std::map<std::int64_t, Unit>& units,
                      const std::function<Location(std::int64_t, const char*)>& at) {
    if (auto cycle = LineageCycle(after))
        throw UserError(at(*cycle, "predecessor"),
                        fmt::format(fmt::runtime(tr("{0} would be formed from itself through "
                                                    "the units it was formed from")),
                                    units[*cycle].name));
    for (std::int64_t over : OverSharedPredecessors(after)) {
        std::string parts;
        for (const auto& l : after)
            if (l.predecessorId == over)
                parts += (parts.empty() ? "" : ", ") + units[l.unitId].name + " " +
                         FormatPercentTrim(l.share * 100);
        throw UserError(at(over, "share"),
                        fmt::format(fmt::runtime(tr("the shares of {0} add up to more than the "
                                                    "whole unit: {1}")),
                                    units[over].name, parts));
    }
}

}  // namespace

ImportSummary ImportLineage(storage::Database& db, const std::string& path, const std::string& user,
                            const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, LineageColumns());
    AccessGuard guard(db, user);
    guard.Require(Action::Import);
    storage::Transaction tx(db);
    const OfficeDirectory dir(db);
    std::map<std::int64_t, Unit> units;
    for (auto& u : storage::UnitRepository(db.session()).All()) units[u.id] = u;

    auto unitAt = [&](const std::vector<std::string>& f, const char* key) {
        const Location at = cols.At(*reader, key);
        const std::string text = Trim(cols.Get(f, key));
        if (text.empty()) throw UserError(at, tr("the unit is missing"));
        auto id = dir.Unit(text);
        if (!id) {
            guard.RefuseHiddenUnit(Action::EditUnits, text, at);
            throw UserError(at, dir.UnitRefusal(text));
        }
        guard.RequireAt(at, Action::EditUnits, *id);
        if (units[*id].kind == UnitKind::Department)
            throw UserError(at, DepartmentRefusal(units[*id]));
        return *id;
    };

    std::vector<LineageRow> rows;
    std::map<std::pair<std::int64_t, std::int64_t>, long> seen;
    std::vector<std::string> f;
    while (reader->Next(f)) {
        if (std::all_of(f.begin(), f.end(), [](const std::string& c) { return Trim(c).empty(); }))
            continue;
        LineageRow r;
        r.line = reader->Line();
        r.link.unitId = unitAt(f, "unit");
        r.link.predecessorId = unitAt(f, "predecessor");
        if (r.link.unitId == r.link.predecessorId)
            throw UserError(cols.At(*reader, "predecessor"),
                            tr("a unit is not formed from itself"));
        const std::string date = Trim(cols.Get(f, "date"));
        auto d = Date::ParseIso(date);
        if (!d) d = Date::ParseVn(date);
        if (!d) {
            const std::string why = DateRefusal(date);
            throw UserError(cols.At(*reader, "date"),
                            why.empty() ? std::string(tr("not a date")) : why);
        }
        r.link.formedOn = *d;
        const std::string share = cols.Get(f, "share");
        auto s = ParseShare(share);
        if (!s)
            throw UserError(cols.At(*reader, "share"),
                            fmt::format(fmt::runtime(/* xgettext:no-c-format */ tr(
                                            "not a share of the former unit (write 0.4, 0,4 "
                                            "or 40%; empty for the whole unit): {0}")),
                                        Excerpt(share)));
        r.link.share = *s;
        auto [it, added] =
            seen.emplace(std::make_pair(r.link.unitId, r.link.predecessorId), r.line);
        if (!added)
            throw UserError(
                cols.At(*reader, "predecessor"),
                fmt::format(fmt::runtime(tr("{0} is already named as a former unit of {1} on "
                                            "line {2}")),
                            units[r.link.predecessorId].name, units[r.link.unitId].name,
                            it->second));
        rows.push_back(std::move(r));
    }

    // The links as they will stand: the stored ones, those of the file
    // replacing theirs.
    storage::LineageRepository repo(db.session());
    std::vector<LineageLink> after;
    std::map<std::pair<std::int64_t, std::int64_t>, LineageLink> stored;
    for (auto& l : repo.All()) stored[{l.unitId, l.predecessorId}] = l;
    for (const auto& [key, l] : stored)
        if (!seen.count(key)) after.push_back(l);
    for (const auto& r : rows) after.push_back(r.link);
    auto lineOf = [&](std::int64_t unit, bool asPredecessor) -> long {
        for (const auto& r : rows)
            if ((asPredecessor ? r.link.predecessorId : r.link.unitId) == unit) return r.line;
        return rows.empty() ? 1 : rows.front().line;
    };
    RefuseWrongLinks(after, units, [&](std::int64_t unit, const char* field) {
        return Location{reader->FileName(), lineOf(unit, true), field};
    });

    storage::AuditRepository audit(db.session());
    ImportSummary summary;
    for (const auto& r : rows) {
        auto old = stored.find({r.link.unitId, r.link.predecessorId});
        if (old == stored.end()) {
            const auto id = repo.Insert(r.link);
            audit.Record({"", user, "unit_lineage", id, "insert", "predecessor_id", std::nullopt,
                          units[r.link.predecessorId].code});
            ++summary.inserted;
            continue;
        }
        LineageLink l = old->second;
        if (l.formedOn == r.link.formedOn && std::abs(l.share - r.link.share) < 1e-9) {
            ++summary.unchanged;
            continue;
        }
        if (l.formedOn != r.link.formedOn)
            audit.Record({"", user, "unit_lineage", l.id, "update", "formed_on", l.formedOn.ToIso(),
                          r.link.formedOn.ToIso()});
        if (std::abs(l.share - r.link.share) >= 1e-9)
            audit.Record({"", user, "unit_lineage", l.id, "update", "share", ShareText(l.share),
                          ShareText(r.link.share)});
        l.formedOn = r.link.formedOn;
        l.share = r.link.share;
        repo.Update(l);
        ++summary.updated;
    }
    tx.Commit();
    return summary;
}

long ExportLineage(storage::Database& db, const std::string& path, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    std::map<std::int64_t, std::string> code;
    for (const auto& u : storage::UnitRepository(db.session()).All()) code[u.id] = u.code;
    std::vector<std::array<std::string, 4>> lines;
    for (const auto& l : storage::LineageRepository(db.session()).All()) {
        if (!guard.InScope(l.unitId) || !code.count(l.unitId) || !code.count(l.predecessorId))
            continue;
        lines.push_back(
            {code[l.unitId], code[l.predecessorId], l.formedOn.ToIso(), ShareText(l.share)});
    }
    std::sort(lines.begin(), lines.end());
    using tableio::ColumnType;
    auto w = tableio::TableWriter::Create(
        path, {"unit", "predecessor", "date", "share"},
        {false,
         "lineage",
         {ColumnType::Text, ColumnType::Text, ColumnType::Text, ColumnType::Decimal}});
    for (const auto& l : lines) w->Add({l[0], l[1], l[2], l[3]});
    w->Close();
    return w->Rows();
}

UnitLineage LineageOf(storage::Database& db, std::int64_t unitId, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData, unitId);
    std::map<std::int64_t, Unit> units;
    for (auto& u : storage::UnitRepository(db.session()).All()) units[u.id] = u;
    UnitLineage out;
    out.unitId = unitId;
    for (const auto& l : storage::LineageRepository(db.session()).All()) {
        const bool mine = l.unitId == unitId, before = l.predecessorId == unitId;
        if (!mine && !before) continue;
        const auto other = units.find(mine ? l.predecessorId : l.unitId);
        if (other == units.end()) continue;
        LineageEntry e{l, other->second.code, other->second.name};
        (mine ? out.formedFrom : out.mergedInto).push_back(e);
        if (mine) out.stamp += std::to_string(l.id) + ":" + std::to_string(l.version) + ";";
    }
    auto byName = [](const LineageEntry& a, const LineageEntry& b) {
        return VietnameseLess(a.name, b.name);
    };
    std::sort(out.formedFrom.begin(), out.formedFrom.end(), byName);
    std::sort(out.mergedInto.begin(), out.mergedInto.end(), byName);
    return out;
}

void SaveLineage(storage::Database& db, std::int64_t unitId, const std::vector<LineageLink>& links,
                 const std::string& stamp, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::EditUnits, unitId);
    storage::Transaction tx(db);
    std::map<std::int64_t, Unit> units;
    for (auto& u : storage::UnitRepository(db.session()).All()) units[u.id] = u;
    if (!units.count(unitId))
        throw UserError(Location{"", 0, "unit"}, tr("the unit does not exist"));
    if (links.size() > 0 && units[unitId].kind == UnitKind::Department)
        throw UserError(Location{"", 1, "unit"}, DepartmentRefusal(units[unitId]));
    // Another desk's change since the links were read: refused, the
    // editor's rows kept for the user to reopen and apply again.
    if (LineageOf(db, unitId, user).stamp != stamp) throw storage::ConcurrentEditError();
    std::set<std::int64_t> named;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const LineageLink& l = links[i];
        const long row = static_cast<long>(i + 1);
        if (!units.count(l.predecessorId))
            throw UserError(Location{"", row, "predecessor"}, tr("the unit does not exist"));
        guard.RequireAt(Location{"", row, "predecessor"}, Action::EditUnits, l.predecessorId);
        if (l.predecessorId == unitId)
            throw UserError(Location{"", row, "predecessor"},
                            tr("a unit is not formed from itself"));
        if (units[l.predecessorId].kind == UnitKind::Department)
            throw UserError(Location{"", row, "predecessor"},
                            DepartmentRefusal(units[l.predecessorId]));
        if (!named.insert(l.predecessorId).second)
            throw UserError(
                Location{"", row, "predecessor"},
                fmt::format(fmt::runtime(tr("{0} is named twice")), units[l.predecessorId].name));
        if (!l.formedOn.Valid()) throw UserError(Location{"", row, "date"}, tr("not a date"));
        if (!(l.share > 0) || l.share > 1 + 1e-9)
            throw UserError(Location{"", row, "share"},
                            /* xgettext:no-c-format */ tr("a share is above 0 and at most 100%"));
    }
    storage::LineageRepository repo(db.session());
    std::vector<LineageLink> after;
    std::map<std::int64_t, LineageLink> stored;  // the unit's, by former unit
    for (auto& l : repo.All()) {
        if (l.unitId == unitId)
            stored[l.predecessorId] = l;
        else
            after.push_back(l);
    }
    for (auto l : links) {
        l.unitId = unitId;
        after.push_back(l);
    }
    RefuseWrongLinks(after, units, [&](std::int64_t unit, const char* field) {
        for (std::size_t i = 0; i < links.size(); ++i)
            if (links[i].predecessorId == unit)
                return Location{"", static_cast<long>(i + 1), field};
        return Location{"", 1, field};
    });
    storage::AuditRepository audit(db.session());
    for (const auto& l : links) {
        auto old = stored.find(l.predecessorId);
        if (old == stored.end()) {
            LineageLink added = l;
            added.unitId = unitId;
            const auto id = repo.Insert(added);
            audit.Record({"", user, "unit_lineage", id, "insert", "predecessor_id", std::nullopt,
                          units[l.predecessorId].code});
            continue;
        }
        LineageLink now = old->second;
        stored.erase(old);
        if (now.formedOn == l.formedOn && std::abs(now.share - l.share) < 1e-9) continue;
        if (now.formedOn != l.formedOn)
            audit.Record({"", user, "unit_lineage", now.id, "update", "formed_on",
                          now.formedOn.ToIso(), l.formedOn.ToIso()});
        if (std::abs(now.share - l.share) >= 1e-9)
            audit.Record({"", user, "unit_lineage", now.id, "update", "share", ShareText(now.share),
                          ShareText(l.share)});
        now.formedOn = l.formedOn;
        now.share = l.share;
        repo.Update(now);
    }
    for (const auto& [predecessor, gone] : stored) {
        repo.Delete(gone);
        audit.Record({"", user, "unit_lineage", gone.id, "delete", "predecessor_id",
                      units[predecessor].code, std::nullopt});
    }
    tx.Commit();
}

std::map<std::int64_t, std::vector<LineageLink>> LinksByUnit(storage::Database& db) {
    std::map<std::int64_t, std::vector<LineageLink>> out;
    for (auto& l : storage::LineageRepository(db.session()).All())
        out[l.unitId].push_back(std::move(l));
    return out;
}

const std::vector<tableio::ColumnSpec>& LineageImportColumns() { return LineageColumns(); }

}  // namespace cchc::services
