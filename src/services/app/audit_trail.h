// The audit trail as people read it: who changed which value of which
// record, when, from what to what. The administrator and the office's
// specialists read all of it; a commune chair reads what concerns the
// commune's units; clerks and viewers do not read it (core/access.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/app/database_access.h"

namespace cchc::services {

struct AuditTrailFilter {
    std::string table;        // audit table name: tasks, results, units...
    std::string user;         // login
    std::string unitCode;     // the unit and the units under it
    std::string since;        // a date: 2026-12-01 or 01/12/2026
    long limit = 0;           // 0: all
    std::int64_t upToId = 0;  // entries up to this one (AuditTrailSize); 0: all
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
// outside the account's own; UserError (field unit or since) for an unknown
// unit or a date that is not one.
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

}  // namespace cchc::services
