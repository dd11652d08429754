// Units' lineage in and out: see lineage.h.
#include "services/org/lineage.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include <fmt/format.h>

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

}  // namespace

ImportSummary ImportLineage(storage::Database& db, const std::string& path,
                            const std::string& user) {
    auto reader = tableio::TableReader::Open(path);
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
            throw UserError(at, fmt::format(fmt::runtime(tr("{0} is a department: only communes, "
                                                            "wards, towns and districts are "
                                                            "formed from others")),
                                            units[*id].name));
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
    if (auto cycle = LineageCycle(after))
        throw UserError(Location{reader->FileName(), lineOf(*cycle, true), "predecessor"},
                        fmt::format(fmt::runtime(tr("{0} would be formed from itself through "
                                                    "the units it was formed from")),
                                    units[*cycle].name));
    for (std::int64_t over : OverSharedPredecessors(after)) {
        std::string parts;
        for (const auto& l : after)
            if (l.predecessorId == over)
                parts += (parts.empty() ? "" : ", ") + units[l.unitId].name + " " +
                         FormatPercentTrim(l.share * 100);
        throw UserError(Location{reader->FileName(), lineOf(over, true), "share"},
                        fmt::format(fmt::runtime(tr("the shares of {0} add up to more than the "
                                                    "whole unit: {1}")),
                                    units[over].name, parts));
    }

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

std::map<std::int64_t, std::vector<LineageLink>> LinksByUnit(storage::Database& db) {
    std::map<std::int64_t, std::vector<LineageLink>> out;
    for (auto& l : storage::LineageRepository(db.session()).All())
        out[l.unitId].push_back(std::move(l));
    return out;
}

}  // namespace cchc::services
