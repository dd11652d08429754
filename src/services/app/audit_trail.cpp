#include "services/app/audit_trail.h"

#include <fmt/format.h>

#include "core/date.h"
#include "core/i18n.h"
#include "services/app/access_guard.h"
#include "storage/audit_query.h"
#include "storage/unit_repository.h"

namespace cchc::services {

std::vector<AuditTrailRow> ReadAuditTrail(Database& db, const std::string& user,
                                          const AuditTrailFilter& in) {
    AccessGuard guard(db, user);
    storage::AuditFilter f;
    f.table = in.table;
    f.user = in.user;
    f.limit = in.limit;
    if (!in.since.empty()) {
        auto day = Date::ParseIso(in.since);
        if (!day) day = Date::ParseVn(in.since);
        if (!day)
            throw UserError(Location{"", 0, "since"},
                            fmt::format(fmt::runtime(tr("not a date (write 2026-12-01 or "
                                                        "01/12/2026): {0}")),
                                        in.since));
        f.since = day->ToIso();
    }
    if (!in.unitCode.empty()) {
        auto unit = storage::UnitRepository(db.session()).ByCode(in.unitCode);
        if (!unit)
            throw UserError(Location{"", 0, "unit"},
                            std::string(tr("the unit does not exist: ")) + in.unitCode);
        guard.Require(Action::ReadAudit, unit->id);
        f.unitId = unit->id;
    } else if (auto own = guard.ScopeUnit()) {
        guard.Require(Action::ReadAudit, *own);
        f.unitId = *own;
    } else {
        guard.Require(Action::ReadAudit);
    }
    std::vector<AuditTrailRow> out;
    for (auto& e : storage::AuditQuery(db.session()).Find(f))
        out.push_back({std::move(e.at), std::move(e.user), std::move(e.table), e.rowId,
                       std::move(e.action), std::move(e.field), std::move(e.oldValue),
                       std::move(e.newValue)});
    return out;
}

}  // namespace cchc::services
