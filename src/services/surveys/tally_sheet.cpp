// The survey tallies sheet of a unit's month: see tally_sheet.h.
#include "services/surveys/tally_sheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "core/i18n.h"
#include "core/period.h"
#include "core/survey_rules.h"
#include "core/vnformat.h"
#include "services/app/access_guard.h"
#include "services/surveys/month_sheet.h"
#include "storage/framework_repository.h"
#include "storage/settings_repository.h"
#include "storage/tally_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

namespace {
constexpr int kMaxCount = 1000000;

const char* const kNotMonth = N_("tallies are monthly: write the month as 2026-09, not {0}");

// The two scales a sheet writes, and which stored ones have five levels.
struct SheetScales {
    std::int64_t five = 0, three = 0;
    std::map<std::int64_t, bool> fiveLevels;
    explicit SheetScales(storage::Database& db) {
        for (const auto& s : storage::CatalogueRepository(db.session()).Scales()) {
            if (s.code == "LIKERT5") five = s.id;
            if (s.code == "LIKERT3") three = s.id;
            fiveLevels[s.id] = s.levels.size() != 3;
        }
    }
    bool IsFive(std::int64_t scaleId) const {
        auto it = fiveLevels.find(scaleId);
        return it == fiveLevels.end() || it->second;
    }
};
}  // namespace

TallySheet LoadTallySheet(storage::Database& db, std::int64_t unitId, const std::string& month,
                          const std::string& user) {
    const Period p = sheets::Month(month, kNotMonth);
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    sheets::RequireReadableUnit(db, guard, unitId);
    const SheetScales scales(db);
    TallySheet sheet;
    sheet.unitId = unitId;
    sheet.month = p.ToString();
    const std::string before = p.Previous().ToString();
    std::map<std::int64_t, TallyRecord> stored;
    std::optional<bool> monthScale, beforeScale;
    for (auto& t : storage::TallyRepository(db.session()).InMonths(before, sheet.month, unitId)) {
        if (t.period == before) {
            if (!beforeScale) beforeScale = scales.IsFive(t.scaleId);
            continue;
        }
        if (!monthScale) monthScale = scales.IsFive(t.scaleId);
        stored.emplace(t.fieldId, t);
    }
    const bool newScale = monthScale.value_or(beforeScale.value_or(true));
    auto line = [&](std::int64_t id, const std::string& code, const std::string& name) {
        TallyLine l;
        if (auto s = stored.find(id); s != stored.end()) {
            l = TallyLineOf(s->second, scales.IsFive(s->second.scaleId));
            l.stored = true;
            sheet.version += s->second.version;
            stored.erase(s);
        } else {
            l.fiveLevels = newScale;
        }
        l.fieldId = id;
        l.code = code;
        l.name = name;
        sheet.lines.push_back(std::move(l));
    };
    sheets::ForSheetFields(
        db, [&](std::int64_t id) { return stored.count(id) > 0; }, line);
    return sheet;
}

int SaveTallySheet(storage::Database& db, const TallySheet& sheet, const std::string& user) {
    sheets::Month(sheet.month, kNotMonth);
    AccessGuard(db, user).Require(Action::EditSurveys, sheet.unitId);
    const SheetScales scales(db);
    if (scales.five == 0 || scales.three == 0)
        throw UserError(tr("the rating scales are missing: run cchc init first"));
    auto record = [&](const TallyLine& l) {
        TallyRecord t;
        t.unitId = sheet.unitId;
        t.period = sheet.month;
        t.fieldId = l.fieldId;
        t.scaleId = l.fiveLevels ? scales.five : scales.three;
        FillTally(l, t);
        return t;
    };
    for (const auto& l : sheet.lines) {
        for (const auto& part : TallyPartList())
            if (l.*part.member > kMaxCount)
                throw sheets::CountRefused(l.code, part.key, l.name, part.label, kMaxCount,
                                           l.*part.member);
        for (const auto& problem : CheckTally(record(l), l.fiveLevels ? 5 : 3))
            throw UserError(Location{"", 0, l.code + "/" + problem.field},
                            l.name + ": " + problem.message);
    }
    storage::Transaction tx(db);
    storage::LockForEdit(db, "survey_tallies:" + std::to_string(sheet.unitId) + ":" + sheet.month);
    const TallySheet stored = LoadTallySheet(db, sheet.unitId, sheet.month, user);
    sheets::RefuseOverOtherDesk(
        db, sheet, stored, [](const auto& a, const auto& b) { return TallySheetConflicts(a, b); },
        N_("the survey tallies of {0} for {1}"));
    std::map<std::int64_t, const TallyLine*> before;
    for (const auto& l : stored.lines) before[l.fieldId] = &l;
    storage::TallyRepository repo(db.session());
    auto ids = [&] {
        std::map<std::int64_t, std::int64_t> out;
        for (const auto& [id, t] : repo.StoredInMonths(sheet.month, sheet.month))
            if (t.unitId == sheet.unitId) out[t.fieldId] = id;
        return out;
    };
    auto values = [](const TallyRecord& t) {
        return std::vector<std::pair<const char*, long long>>{
            {"scale_id", t.scaleId}, {"settled", t.settled}, {"responses", t.responses},
            {"level5", t.level5},    {"level4", t.level4},   {"level3", t.level3},
            {"level2", t.level2},    {"level1", t.level1}};
    };
    std::map<std::int64_t, std::int64_t> id = ids();
    std::vector<TallyRecord> write;
    std::vector<TallyRecord> added;
    std::vector<storage::AuditEntry> audit;
    for (const auto& l : sheet.lines) {
        const auto found = before.find(l.fieldId);
        const bool isStored = found != before.end() && found->second->stored;
        if (!isStored && l.Empty()) continue;
        const TallyRecord now = record(l);
        if (!isStored) {
            write.push_back(now);
            added.push_back(now);
            continue;
        }
        const auto was = values(record(*found->second)), is = values(now);
        const std::size_t first = audit.size();
        for (std::size_t i = 0; i < is.size(); ++i)
            if (was[i].second != is[i].second)
                audit.push_back({"", user, "survey_tallies", id[l.fieldId], "update", is[i].first,
                                 std::to_string(was[i].second), std::to_string(is[i].second)});
        if (audit.size() > first) write.push_back(now);
    }
    repo.Upsert(write, user);
    if (!added.empty()) {
        id = ids();
        for (const auto& t : added)
            for (const auto& [column, value] : values(t))
                audit.push_back({"", user, "survey_tallies", id[t.fieldId], "insert", column,
                                 std::nullopt, std::to_string(value)});
    }
    storage::AuditRepository(db.session()).RecordMany(audit);
    const int version = LoadTallySheet(db, sheet.unitId, sheet.month, user).version;
    tx.Commit();
    return version;
}

}  // namespace cchc::services
