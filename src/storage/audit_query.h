// Reading the audit log: who changed what, when, filtered by table, login,
// time and unit. A unit filter keeps the entries about rows that belong to
// the unit or a unit under it (directly, or through their plan, task,
// result or person); entries about rows deleted since cannot be placed and
// are left out of a unit's view.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "storage/settings_repository.h"

namespace soci {
class session;
}

namespace cchc::storage {

struct AuditFilter {
    std::string table;        // empty: every table
    std::string user;         // empty: every login
    std::string since;        // ISO date or timestamp; empty: from the start
    std::int64_t unitId = 0;  // 0: the whole tree
    long limit = 0;           // 0: no limit
};

class AuditQuery {
  public:
    explicit AuditQuery(soci::session& s) : s_(s) {}
    // Oldest first.
    std::vector<AuditEntry> Find(const AuditFilter& filter);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
