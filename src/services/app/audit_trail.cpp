#include "services/app/audit_trail.h"

#include <fmt/format.h>

#include "core/date.h"
#include "core/i18n.h"
#include "services/app/access_guard.h"
#include "storage/audit_query.h"
#include "storage/unit_repository.h"

namespace cchc::services {

namespace {

// The storage filter of what the user asked, once the account may read it.
storage::AuditFilter Checked(Database& db, const std::string& user, const AuditTrailFilter& in) {
    AccessGuard guard(db, user);
    storage::AuditFilter f;
    f.table = in.table;
    f.user = in.user;
    f.limit = in.limit;
    f.upToId = in.upToId;
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
    return f;
}

std::vector<AuditTrailRow> RowsOf(std::vector<storage::AuditEntry> entries) {
    std::vector<AuditTrailRow> out;
    out.reserve(entries.size());
    for (auto& e : entries)
        out.push_back({std::move(e.at), std::move(e.user), std::move(e.table), e.rowId,
                       std::move(e.action), std::move(e.field), std::move(e.oldValue),
                       std::move(e.newValue)});
    return out;
}

}  // namespace

std::vector<AuditTrailRow> ReadAuditTrail(Database& db, const std::string& user,
                                          const AuditTrailFilter& in) {
    const storage::AuditFilter f = Checked(db, user, in);
    return RowsOf(storage::AuditQuery(db.session()).Find(f));
}

AuditTrailSize CountAuditTrail(Database& db, const std::string& user, const AuditTrailFilter& in) {
    storage::AuditFilter f = Checked(db, user, in);
    storage::AuditQuery query(db.session());
    AuditTrailSize size;
    size.upToId = f.upToId != 0 ? f.upToId : query.LastId();
    f.upToId = size.upToId;
    size.count = size.upToId == 0 ? 0 : query.Count(f);
    return size;
}

std::vector<AuditTrailRow> ReadAuditTrailWindow(Database& db, const std::string& user,
                                                const AuditTrailFilter& in, long long offset,
                                                long count) {
    const storage::AuditFilter f = Checked(db, user, in);
    return RowsOf(storage::AuditQuery(db.session()).Window(f, offset, count));
}

}  // namespace cchc::services
