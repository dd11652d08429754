// Key/value settings stored in the database (office identity, reporting
// window kind, numbering, ...) and the audit log of every change.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace soci {
class session;
class row;
}  // namespace soci

namespace cchc::storage {

class SettingsRepository {
  public:
    explicit SettingsRepository(soci::session& s) : s_(s) {}
    std::optional<std::string> Get(const std::string& key);
    std::string Get(const std::string& key, const std::string& fallback);
    // Stores the value; the key's version rises when the value changes.
    void Set(const std::string& key, const std::string& value);
    // The version of a group of settings read and saved together: the sum
    // of its keys' versions (a missing key counts 0), which rises whenever
    // one of them changes.
    int GroupVersion(const std::vector<std::string>& keys);
    std::map<std::string, std::string> All();

  private:
    soci::session& s_;
};

struct AuditEntry {
    std::string at;  // ISO timestamp; filled when empty
    std::string user;
    std::string table;
    std::int64_t rowId = 0;
    std::string action;  // insert, update, delete
    std::string field;
    std::optional<std::string> oldValue;
    std::optional<std::string> newValue;
};

// Rows that a bulk write inserted into one table: those whose id is above
// afterId, and when given, of those the ones an import batch brought (the
// table's import_batch_id).
struct InsertedRows {
    std::string table;
    std::int64_t afterId = 0;
    std::optional<std::int64_t> importBatch;
};

// What every table of the database held at one moment: its largest id, or
// its row count when it has no id column. Taken before a bulk write (the
// demo office) to audit what it added.
struct TableMark {
    std::string table;
    bool hasId = false;
    std::int64_t maxId = 0;
    long long rows = 0;
};

// An audit entry from a row holding audit_log's columns (at, user_login,
// table_name, row_id, action, field, old_value, new_value).
AuditEntry AuditEntryOf(const soci::row& r);

// The audit log. On SQLite the program writes it, through Record and the
// others below. On a PostgreSQL server the server's triggers write it
// (every change, made by the program or not, in the name of the
// connection's login): there these write nothing, and only tell the
// server whom the owner's connection acts for and where new rows come from
// (the counts they return are then 0).
class AuditRepository {
  public:
    explicit AuditRepository(soci::session& s) : s_(s) {}
    void Record(const AuditEntry& entry);
    // Before a bulk write (an import, the demo office): says who writes what
    // follows in this transaction and where its new rows come from, so that
    // the server logs the rows as each statement adds them, all at once,
    // rather than one by one when the transaction commits. Nothing on
    // SQLite, where RecordInserted writes the entries after the rows.
    void Attribute(const std::string& user, const std::string& source);
    // Many entries through one prepared statement (imports).
    void RecordMany(const std::vector<AuditEntry>& entries);
    // One "insert" entry per row that `rows` selects: its field says where
    // the row came from (`source`: import, demo), its new value holds the
    // row's values as a JSON object (blobs, and who wrote it when, left
    // out). The database writes them in one statement; returns how many.
    long RecordInserted(const InsertedRows& rows, const std::string& user,
                        const std::string& source);
    // Every table but the audit log and the schema version, as it is now.
    std::vector<TableMark> MarkTables();
    // One "insert" entry per row added since `marks` to each table (rows
    // above the marked id; every row of a table without id that was empty),
    // as RecordInserted writes them; tables in `except` are left to their
    // own audit. Returns how many.
    long RecordInsertedSince(const std::vector<TableMark>& marks, const std::string& user,
                             const std::string& source, const std::set<std::string>& except = {});
    std::vector<AuditEntry> ForRow(const std::string& table, std::int64_t rowId);
    long Count();
    // Entries about one table (with this field, when given).
    long Count(const std::string& table, const std::optional<std::string>& field = std::nullopt);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
