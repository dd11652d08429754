// Reading the audit log: who changed what, when, filtered by table, login,
// time and unit. A unit filter keeps the entries about rows that belong to
// the unit or a unit under it (directly, or through their plan, task,
// result or person). On SQLite entries about rows deleted since cannot be
// placed and are left out of a unit's view; on PostgreSQL the server wrote
// each entry's unit with it, so they stay in. A long log is read as a count and then
// windows of it (Count, Window), or oldest first in chunks (Each), never whole.
#pragma once
#include <cstdint>
#include <functional>
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
    std::string until;        // ISO date, inclusive (its whole day); empty: to the end
    std::int64_t unitId = 0;  // 0: the whole tree
    long limit = 0;           // 0: no limit
    std::int64_t upToId = 0;  // entries up to this one (LastId); 0: all
    // One record: with `table`, the entries about its row rowId and about
    // the record's parts (a result's evidence links, a task's progress
    // updates, as far as these rows are still there); 0: every row.
    std::int64_t rowId = 0;
};

class AuditQuery {
  public:
    explicit AuditQuery(soci::session& s) : s_(s) {}
    // Oldest first.
    std::vector<AuditEntry> Find(const AuditFilter& filter);
    // The newest entry's id (0 when the log is empty): a filter's upToId
    // holds its windows still while desks write more entries.
    std::int64_t LastId();
    // How many entries the filter selects.
    long long Count(const AuditFilter& filter);
    // A window of them, newest first: `count` entries from the `offset`-th
    // newest (0: the newest); the filter's limit is not used.
    std::vector<AuditEntry> Window(const AuditFilter& filter, long long offset, long count);
    // All of them, oldest first, `chunk` entries at a time (one query each,
    // from where the last one ended): each chunk goes to `take`, which
    // returns false to stop. Returns how many entries were taken.
    long long Each(const AuditFilter& filter, long chunk,
                   const std::function<bool(const std::vector<AuditEntry>&)>& take);

  private:
    // The filter's WHERE clause for this engine.
    std::string Where() const;
    soci::session& s_;
};

}  // namespace cchc::storage
