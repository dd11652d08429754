// Key/value settings stored in the database (office identity, reporting
// window kind, numbering, ...) and the audit log of every change.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

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

class AuditRepository {
  public:
    explicit AuditRepository(soci::session& s) : s_(s) {}
    void Record(const AuditEntry& entry);
    // Many entries through one prepared statement (imports).
    void RecordMany(const std::vector<AuditEntry>& entries);
    std::vector<AuditEntry> ForRow(const std::string& table, std::int64_t rowId);
    long Count();

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
