// What the monthly sheets typed in the client (dossier statistics, survey
// tallies) share: the month read, the unit checked against the account, a
// count past its limit named, and a save refused over another desk's.
// Internal to the survey services.
#pragma once
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/conflict.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "services/app/access_guard.h"
#include "storage/framework_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services::sheets {

// The month a sheet is for ("2026-09"); UserError on "period" with
// notMonth (an msgid with {0}) otherwise.
inline Period Month(const std::string& month, const char* notMonth) {
    const auto p = Period::Parse(month);
    if (!p || p->kind() != PeriodKind::Month)
        throw UserError(Location{"", 0, "period"}, fmt::format(fmt::runtime(tr(notMonth)), month));
    return *p;
}

// Refuses a unit the account does not read (AccessDenied, in the words
// the server's hiding of it allows) or that does not exist (UserError).
inline void RequireReadableUnit(storage::Database& db, AccessGuard& guard, std::int64_t unitId) {
    const Location where{"", 0, "unit"};
    if (!storage::UnitRepository(db.session()).ById(unitId)) {
        if (!guard.ReadsAll()) guard.Refuse(Action::ReadData, std::nullopt, where);
        throw UserError(where, tr("the unit does not exist"));
    }
    if (!guard.InScope(unitId)) guard.Refuse(Action::ReadData, std::nullopt, where);
}

// The lines of a sheet: line(id, code, name) for every procedure field in
// use, in the catalogue's order, then for each field no longer in use that
// holds(id) figures of the month, in the catalogue's order too.
template <class Holds, class Line>
void ForSheetFields(storage::Database& db, Holds holds, Line line) {
    storage::CatalogueRepository catalogue(db.session());
    for (const auto& f : catalogue.ActiveProcedureFields()) line(f.id, f.code, f.name);
    std::vector<storage::ProcedureFieldRecord> retired;
    for (const auto& f : catalogue.ProcedureFields())
        if (holds(f.id)) retired.push_back(f);
    std::stable_sort(retired.begin(), retired.end(),
                     [](const auto& a, const auto& b) { return a.sortOrder < b.sortOrder; });
    for (const auto& f : retired) line(f.id, f.code, f.name);
}

// A count typed that is below 0 or above max, on "FIELD/key".
inline UserError CountRefused(const std::string& code, const std::string& key,
                              const std::string& name, const char* label, long max, long value) {
    return UserError(Location{"", 0, code + "/" + key},
                     fmt::format(fmt::runtime(tr("{0}, {1}: a count is a whole number from 0 to "
                                                 "{2}, not {3}")),
                                 name, tr(label), FormatInteger(max), FormatInteger(value)));
}

// EditConflict when the stored sheet's version is not the one read and
// some value differs (conflicts(mine, stored)); what names the record
// ("the dossier statistics of {0} for {1}", an msgid).
template <class Sheet, class Conflicts>
void RefuseOverOtherDesk(storage::Database& db, const Sheet& mine, const Sheet& stored,
                         Conflicts conflicts, const char* what) {
    if (stored.version == mine.version) return;
    auto fields = conflicts(mine, stored);
    if (fields.empty()) return;
    auto unit = storage::UnitRepository(db.session()).ById(mine.unitId);
    throw EditConflict(fmt::format(fmt::runtime(tr(what)), unit ? unit->name : std::string(),
                                   Period::Parse(mine.month)->Label()),
                       std::move(fields), stored.version);
}

}  // namespace cchc::services::sheets
