#include "storage/settings_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

std::optional<std::string> SettingsRepository::Get(const std::string& key) {
    std::string value;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(value, ind);
    if (!s_.got_data() || ind != soci::i_ok) return std::nullopt;
    return value;
}

std::string SettingsRepository::Get(const std::string& key, const std::string& fallback) {
    return Get(key).value_or(fallback);
}

void SettingsRepository::Set(const std::string& key, const std::string& value) {
    s_ << "INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET "
          "value = excluded.value, version = CASE WHEN settings.value = excluded.value THEN "
          "settings.version ELSE settings.version + 1 END",
        soci::use(key), soci::use(value);
}

int SettingsRepository::GroupVersion(const std::vector<std::string>& keys) {
    std::string key;
    int version = 0;
    soci::indicator ind = soci::i_null;
    soci::statement st = (s_.prepare << "SELECT version FROM settings WHERE key = :k",
                          soci::use(key), soci::into(version, ind));
    int sum = 0;
    for (const auto& k : keys) {
        key = k;
        if (st.execute(true) && ind == soci::i_ok) sum += version;
    }
    return sum;
}

std::map<std::string, std::string> SettingsRepository::All() {
    std::map<std::string, std::string> out;
    soci::rowset<soci::row> rs = (s_.prepare << "SELECT key, value FROM settings");
    for (const auto& r : rs) out[Text(r, "key")] = Text(r, "value");
    return out;
}

void AuditRepository::Record(const AuditEntry& e) {
    std::string at = e.at.empty() ? NowIso() : e.at;
    long long row = e.rowId;
    Nullable<std::string> oldV(e.oldValue), newV(e.newValue);
    s_ << "INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, "
          "new_value) VALUES (:at, :u, :t, :r, :a, :f, :o, :n)",
        soci::use(at), soci::use(e.user), soci::use(e.table), soci::use(row), soci::use(e.action),
        soci::use(e.field), soci::use(oldV.value, oldV.ind), soci::use(newV.value, newV.ind);
}

void AuditRepository::RecordMany(const std::vector<AuditEntry>& entries) {
    if (entries.empty()) return;
    const std::size_t n = entries.size();
    const std::string now = NowIso();
    std::vector<std::string> at(n), user(n), table(n), action(n), field(n), oldV(n), newV(n);
    std::vector<long long> row(n);
    std::vector<soci::indicator> oldI(n), newI(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& e = entries[i];
        at[i] = e.at.empty() ? now : e.at;
        user[i] = e.user, table[i] = e.table, action[i] = e.action, field[i] = e.field;
        row[i] = e.rowId;
        oldV[i] = e.oldValue.value_or(""), oldI[i] = e.oldValue ? soci::i_ok : soci::i_null;
        newV[i] = e.newValue.value_or(""), newI[i] = e.newValue ? soci::i_ok : soci::i_null;
    }
    s_ << "INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, "
          "new_value) VALUES (:at, :u, :t, :r, :a, :f, :o, :n)",
        soci::use(at), soci::use(user), soci::use(table), soci::use(row), soci::use(action),
        soci::use(field), soci::use(oldV, oldI), soci::use(newV, newI);
}

std::vector<AuditEntry> AuditRepository::ForRow(const std::string& table, std::int64_t rowId) {
    long long row = rowId;
    std::vector<AuditEntry> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT at, user_login, table_name, row_id, action, field, old_value, "
                       "new_value FROM audit_log WHERE table_name = :t AND row_id = :r ORDER BY id",
         soci::use(table), soci::use(row));
    for (const auto& r : rs) {
        AuditEntry e;
        e.at = Text(r, "at");
        e.user = Text(r, "user_login");
        e.table = Text(r, "table_name");
        e.rowId = Int(r, "row_id");
        e.action = Text(r, "action");
        e.field = Text(r, "field");
        if (r.get_indicator("old_value") == soci::i_ok) e.oldValue = Text(r, "old_value");
        if (r.get_indicator("new_value") == soci::i_ok) e.newValue = Text(r, "new_value");
        out.push_back(std::move(e));
    }
    return out;
}

long AuditRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM audit_log", soci::into(n);
    return static_cast<long>(n);
}

}  // namespace cchc::storage
