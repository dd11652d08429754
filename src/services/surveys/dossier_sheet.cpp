// The dossier statistics sheet of a unit's month: see dossier_sheet.h.
#include "services/surveys/dossier_sheet.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "core/i18n.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "services/app/access_guard.h"
#include "services/surveys/month_sheet.h"
#include "storage/dossier_repository.h"
#include "storage/framework_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

namespace {
const char* const kNotMonth =
    N_("dossier statistics are monthly: write the month as 2026-09, not {0}");
}  // namespace

DossierSheet LoadDossierSheet(storage::Database& db, std::int64_t unitId, const std::string& month,
                              const std::string& user) {
    const Period p = sheets::Month(month, kNotMonth);
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    sheets::RequireReadableUnit(db, guard, unitId);
    DossierSheet sheet;
    sheet.unitId = unitId;
    sheet.month = p.ToString();
    storage::DossierRepository repo(db.session());
    const std::string before = p.Previous().ToString();
    std::map<std::int64_t, storage::DossierExportRow> stored;
    std::map<std::int64_t, long> pending;
    for (auto& x : repo.InMonths(before, sheet.month, unitId)) {
        if (x.record.period == before)
            pending[x.record.fieldId] = x.record.figures.PendingTotal();
        else
            stored.emplace(x.record.fieldId, std::move(x));
    }
    auto line = [&](std::int64_t id, const std::string& code, const std::string& name) {
        DossierLine l;
        l.fieldId = id;
        l.code = code;
        l.name = name;
        if (auto s = stored.find(id); s != stored.end()) {
            l.figures = s->second.record.figures;
            l.stored = true;
            sheet.version += s->second.record.version;
            stored.erase(s);
        }
        if (auto b = pending.find(id); b != pending.end()) l.previousPending = b->second;
        sheet.lines.push_back(std::move(l));
    };
    sheets::ForSheetFields(
        db, [&](std::int64_t id) { return stored.count(id) > 0; }, line);
    return sheet;
}

int SaveDossierSheet(storage::Database& db, const DossierSheet& sheet, const std::string& user) {
    sheets::Month(sheet.month, kNotMonth);
    {
        AccessGuard guard(db, user);
        guard.Require(Action::EditSurveys, sheet.unitId);
    }
    for (const auto& l : sheet.lines)
        for (const auto& part : DossierPartList()) {
            const long v = l.figures.*part.member;
            if (v < 0 || v > kMaxDossierCount)
                throw sheets::CountRefused(l.code, part.key, l.name, part.label, kMaxDossierCount,
                                           v);
        }
    storage::Transaction tx(db);
    storage::LockForEdit(db, "dossier_stats:" + std::to_string(sheet.unitId) + ":" + sheet.month);
    const DossierSheet stored = LoadDossierSheet(db, sheet.unitId, sheet.month, user);
    sheets::RefuseOverOtherDesk(
        db, sheet, stored, [](const auto& a, const auto& b) { return DossierSheetConflicts(a, b); },
        N_("the dossier statistics of {0} for {1}"));
    std::map<std::int64_t, const DossierLine*> before;
    for (const auto& l : stored.lines) before[l.fieldId] = &l;
    // The stored rows' ids, which the audit names.
    storage::DossierRepository repo(db.session());
    std::map<std::int64_t, std::int64_t> ids;
    for (const auto& [id, r] : repo.StoredInMonths(sheet.month, sheet.month))
        if (r.unitId == sheet.unitId) ids[r.fieldId] = id;
    std::vector<storage::DossierRecord> write;
    std::vector<const DossierLine*> added;
    std::vector<storage::AuditEntry> audit;
    for (const auto& l : sheet.lines) {
        const auto found = before.find(l.fieldId);
        const bool isStored = found != before.end() && found->second->stored;
        const DossierFigures old = isStored ? found->second->figures : DossierFigures{};
        if (!isStored && l.figures == DossierFigures{}) continue;
        if (isStored && l.figures == old) continue;
        write.push_back({sheet.unitId, l.fieldId, sheet.month, l.figures, "manual"});
        if (!isStored) {
            added.push_back(&l);
            continue;
        }
        const auto was = storage::DossierRepository::ColumnValues(old),
                   is = storage::DossierRepository::ColumnValues(l.figures);
        for (std::size_t i = 0; i < is.size(); ++i)
            if (was[i].second != is[i].second)
                audit.push_back({"", user, "dossier_stats", ids[l.fieldId], "update", is[i].first,
                                 std::to_string(was[i].second), std::to_string(is[i].second)});
    }
    repo.Upsert(write, user);
    if (!added.empty()) {
        for (const auto& [id, r] : repo.StoredInMonths(sheet.month, sheet.month))
            if (r.unitId == sheet.unitId) ids[r.fieldId] = id;
        for (const DossierLine* l : added)
            for (const auto& [column, value] : storage::DossierRepository::ColumnValues(l->figures))
                audit.push_back({"", user, "dossier_stats", ids[l->fieldId], "insert", column,
                                 std::nullopt, std::to_string(value)});
    }
    storage::AuditRepository(db.session()).RecordMany(audit);
    const int version = LoadDossierSheet(db, sheet.unitId, sheet.month, user).version;
    tx.Commit();
    return version;
}

}  // namespace cchc::services
