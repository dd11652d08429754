#include "services/app/audit_trail.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/i18n.h"
#include "core/vnformat.h"
#include "services/app/access_guard.h"
#include "services/io/table_io.h"
#include "storage/audit_query.h"
#include "storage/unit_repository.h"

namespace cchc::services {

namespace {

// A day of the filter, ISO or Vietnamese; nothing when empty.
std::optional<Date> DayOf(const std::string& text, const char* field) {
    if (text.empty()) return std::nullopt;
    auto day = Date::ParseIso(text);
    if (!day) day = Date::ParseVn(text);
    if (!day)
        throw UserError(Location{"", 0, field},
                        fmt::format(fmt::runtime(tr("not a date (write 2026-12-01 or "
                                                    "01/12/2026): {0}")),
                                    text));
    return day;
}

// The storage filter of what the user asked, once the account may read it.
storage::AuditFilter Checked(Database& db, const std::string& user, const AuditTrailFilter& in) {
    AccessGuard guard(db, user);
    storage::AuditFilter f;
    f.table = in.table;
    f.user = in.user;
    f.limit = in.limit;
    f.upToId = in.upToId;
    const auto since = DayOf(in.since, "since");
    const auto until = DayOf(in.until, "until");
    if (since) f.since = since->ToIso();
    if (until) f.until = until->ToIso();
    if (since && until && *until < *since)
        throw UserError(Location{"", 0, "until"},
                        fmt::format(fmt::runtime(tr("the last day {0} is before the first day "
                                                    "{1}")),
                                    FormatDate(*until), FormatDate(*since)));
    f.rowId = in.table.empty() ? 0 : in.rowId;
    if (!in.unitCode.empty()) {
        auto unit = storage::UnitRepository(db.session()).ByCode(in.unitCode);
        if (!unit) {
            guard.RefuseHiddenUnit(Action::ReadAudit, in.unitCode);
            throw UserError(Location{"", 0, "unit"},
                            std::string(tr("the unit does not exist: ")) + in.unitCode);
        }
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

long ExportAuditTrail(Database& db, const std::string& user, const AuditTrailFilter& in,
                      const std::string& path, Progress* progress) {
    storage::AuditFilter f = Checked(db, user, in);
    storage::AuditQuery query(db.session());
    // What the filter selects now (or as counted): entries written while
    // the file is written are not in it.
    Step(progress, tr("Counting the changes"), -1);
    if (f.upToId == 0) f.upToId = query.LastId();
    const long long total = f.upToId == 0 ? 0 : query.Count(f);
    using tableio::ColumnType;
    const tableio::WriteOptions options{
        true,
        "audit",
        {ColumnType::Date, ColumnType::Text, ColumnType::Text, ColumnType::Integer,
         ColumnType::Text, ColumnType::Text, ColumnType::Text, ColumnType::Text}};
    auto w = tableio::TableWriter::Create(
        path, {"at", "user", "table", "row", "action", "field", "old", "new"}, options);
    std::vector<std::string> row(8);
    if (total > 0)
        query.Each(f, 1000, [&](const std::vector<storage::AuditEntry>& entries) {
            for (const auto& e : entries) {
                row[0] = e.at;
                row[1] = e.user;
                row[2] = e.table;
                row[3] = std::to_string(e.rowId);
                row[4] = e.action;
                row[5] = e.field;
                row[6] = e.oldValue.value_or("");
                row[7] = e.newValue.value_or("");
                w->Add(row);
            }
            Step(progress,
                 fmt::format(fmt::runtime(tr("Writing the changes: {0} of {1}")),
                             FormatInteger(w->Rows()), FormatInteger(total)),
                 std::min(1.0, static_cast<double>(w->Rows()) / static_cast<double>(total)));
            return true;
        });
    Step(progress, tr("Writing the file"), 1.0);
    w->Close();
    return w->Rows();
}

}  // namespace cchc::services
