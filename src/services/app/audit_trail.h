// The audit trail as people read it: who changed which value of which
// record, when, from what to what. The administrator and the office's
// specialists read all of it; a commune chair reads what concerns the
// commune's units; clerks and viewers do not read it (core/access.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "services/app/database_access.h"

namespace cchc::services {

struct AuditTrailFilter {
    std::string table;        // audit table name: tasks, results, units...
    std::string user;         // login
    std::string unitCode;     // the unit and the units under it
    std::string since;        // a date: 2026-12-01 or 01/12/2026
    std::string until;        // the last day, inclusive (the same forms)
    long limit = 0;           // 0: all
    std::int64_t upToId = 0;  // entries up to this one (AuditTrailSize); 0: all
    // One record's history: with `table`, the row rowId and its parts (a
    // task's progress updates, a result's evidence links); 0: every row.
    std::int64_t rowId = 0;
};

struct AuditTrailRow {
    std::string at;  // ISO timestamp
    std::string user;
    std::string table;
    std::int64_t rowId = 0;
    std::string action;  // insert, update, delete
    std::string field;
    std::optional<std::string> oldValue, newValue;
};

// Oldest first. AccessDenied for a role that may not read it, or a unit
// outside the account's own; UserError (field unit, since or until) for an
// unknown unit, a date that is not one, or a last day before the first.
std::vector<AuditTrailRow> ReadAuditTrail(Database& db, const std::string& user,
                                          const AuditTrailFilter& filter);

// A long trail is read by windows, as a list scrolls: first how many entries
// the filter selects, counted up to the newest entry now (upToId, to put in
// the filter of every window so that entries written meanwhile do not shift
// them), then windows of it. The same refusals as ReadAuditTrail.
struct AuditTrailSize {
    long long count = 0;
    std::int64_t upToId = 0;
};
AuditTrailSize CountAuditTrail(Database& db, const std::string& user,
                               const AuditTrailFilter& filter);
// Newest first: `count` entries from the `offset`-th newest (0: the newest).
std::vector<AuditTrailRow> ReadAuditTrailWindow(Database& db, const std::string& user,
                                                const AuditTrailFilter& filter, long long offset,
                                                long count);

// Writes what the filter selects (all of it, up to filter.upToId when
// given, else up to the newest entry now) to path, oldest first: CSV (UTF-8
// with a BOM, for Excel) or XLSX by the extension, with the columns of
// `cchc audit`: at, user, table, row, action, field, old, new; the time as
// ISO text in CSV, a date-time cell in XLSX. Read a chunk at a time, never
// whole; reports to progress and stops with CancelledError when asked (the
// file is then not written). Returns the rows written. The same refusals
// as ReadAuditTrail; UserError naming the file when it cannot be written.
long ExportAuditTrail(Database& db, const std::string& user, const AuditTrailFilter& filter,
                      const std::string& path, Progress* progress = nullptr);

// A field of the trail as people read it: "Chức vụ người ký" for
// office.signer_title, "Đơn vị" for unit_id; a key without a label as it is.
std::string AuditFieldLabel(const std::string& field);

}  // namespace cchc::services
