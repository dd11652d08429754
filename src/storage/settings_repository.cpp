#include "storage/settings_repository.h"

#include <soci/soci.h>

#include <cctype>
#include <stdexcept>

#include "storage/bulk_load.h"
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

namespace {

// On a server whose triggers write the audit log (migration 0010), the
// entries the program would write are the triggers': the program only says,
// for the transaction, whom the owner's connection acts for (cchc.actor; an
// account's connection is its own login whatever it says) and, for new
// rows, where they come from (cchc.source: import, demo). Whether the
// program writes the entries itself is decided here, and only here.
bool WrittenByServer(soci::session& s, const std::string& user, const std::string* source) {
    if (s.get_backend_name() != "postgresql") return false;
    int server = 0;
    std::string actor, from;
    if (source)
        s << "SELECT CASE WHEN to_regprocedure('cchc_audit()') IS NULL THEN 0 ELSE 1 END, "
             "set_config('cchc.actor', :u, true), set_config('cchc.source', :s, true)",
            soci::use(user), soci::use(*source), soci::into(server), soci::into(actor),
            soci::into(from);
    else
        s << "SELECT CASE WHEN to_regprocedure('cchc_audit()') IS NULL THEN 0 ELSE 1 END, "
             "set_config('cchc.actor', :u, true)",
            soci::use(user), soci::into(server), soci::into(actor);
    return server == 1;
}

}  // namespace

void AuditRepository::Attribute(const std::string& user, const std::string& source) {
    WrittenByServer(s_, user, &source);
}

void AuditRepository::Record(const AuditEntry& e) {
    if (WrittenByServer(s_, e.user, nullptr)) return;
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
    if (WrittenByServer(s_, entries.front().user, nullptr)) return;
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

namespace {

// A table or column name as the schema spells it, quoted for SQL; names
// come from the schema itself, never from a user.
std::string Identifier(const std::string& name) {
    if (name.empty()) throw std::logic_error("empty identifier");
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            throw std::logic_error("unexpected identifier: " + name);
    return "\"" + name + "\"";
}

std::vector<std::string> Tables(soci::session& s) {
    std::vector<std::string> out;
    soci::rowset<std::string> rs =
        IsPostgres(s)
            ? (s.prepare << "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                            "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
            : (s.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%' ORDER BY name");
    for (const auto& t : rs)
        // The task board's rows are worked out from the tasks, which are audited.
        if (t != "audit_log" && t != "schema_version" && t != "task_board") out.push_back(t);
    return out;
}

struct Column {
    std::string name;
    bool blob = false;
};

std::vector<Column> Columns(soci::session& s, const std::string& table) {
    std::vector<Column> out;
    soci::rowset<soci::row> rs =
        IsPostgres(s) ? (s.prepare << "SELECT column_name AS name, data_type AS type FROM "
                                      "information_schema.columns WHERE table_schema = "
                                      "current_schema() AND table_name = :t ORDER BY "
                                      "ordinal_position",
                         soci::use(table))
                      : (s.prepare << "SELECT name, type FROM pragma_table_info(:t) ORDER BY cid",
                         soci::use(table));
    for (const auto& r : rs) {
        std::string type = Text(r, "type");
        for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.push_back({Text(r, "name"), type == "blob" || type == "bytea"});
    }
    if (out.empty()) throw std::logic_error("no such table: " + table);
    return out;
}

// Columns that say who wrote a row, when and from which import: the audit
// entry says it already.
bool Bookkeeping(const std::string& column) {
    static const std::set<std::string> names = {
        "id", "created_at", "created_by", "updated_at", "updated_by", "version", "import_batch_id"};
    return names.count(column) > 0;
}

// The row's values (its columns but bookkeeping and blobs) as one JSON
// object, as SQL.
std::string JsonOfRow(soci::session& s, const std::vector<Column>& columns) {
    const bool pg = IsPostgres(s);
    std::vector<std::string> parts;
    std::string current;
    int pairs = 0;
    for (const auto& c : columns) {
        if (c.blob || Bookkeeping(c.name)) continue;
        // Both engines take at most 100 arguments to a function.
        if (pairs == 40) parts.push_back(current), current.clear(), pairs = 0;
        current += (pairs ? ", '" : "'") + c.name + "', " + Identifier(c.name);
        ++pairs;
    }
    parts.push_back(current);
    const char* object = pg ? "jsonb_build_object(" : "json_object(";
    std::string sql = std::string(object) + parts[0] + ")";
    for (std::size_t i = 1; i < parts.size(); ++i)
        sql = pg ? "(" + sql + " || " + object + parts[i] + "))"
                 : "json_patch(" + sql + ", " + object + parts[i] + "))";
    return pg ? "CAST(" + sql + " AS TEXT)" : sql;
}

long long ScalarOf(soci::session& s, const std::string& sql) {
    long long n = 0;
    soci::indicator ind = soci::i_null;
    s << sql, soci::into(n, ind);
    return ind == soci::i_ok ? n : 0;
}

}  // namespace

long AuditRepository::RecordInserted(const InsertedRows& rows, const std::string& user,
                                     const std::string& source) {
    if (WrittenByServer(s_, user, &source)) return 0;
    const auto columns = Columns(s_, rows.table);
    bool hasId = false;
    for (const auto& c : columns) hasId = hasId || c.name == "id";
    const std::string at = NowIso();
    long long after = rows.afterId, batch = rows.importBatch.value_or(0);
    std::string sql =
        "INSERT INTO audit_log (at, user_login, table_name, row_id, action, field, old_value, "
        "new_value) SELECT CAST(:at AS TEXT), CAST(:u AS TEXT), CAST(:t AS TEXT), " +
        std::string(hasId ? "id" : "CAST(NULL AS BIGINT)") +
        ", 'insert', CAST(:f AS TEXT), CAST(NULL AS TEXT), " + JsonOfRow(s_, columns) + " FROM " +
        Identifier(rows.table);
    // A batch's rows are read from those above afterId (the ids the write
    // gave), not from the whole table.
    if (rows.importBatch && !hasId) throw std::logic_error("an import batch of rows without id");
    soci::statement st =
        rows.importBatch ? (s_.prepare << sql + " WHERE id > :a AND import_batch_id = :b",
                            soci::use(at), soci::use(user), soci::use(rows.table),
                            soci::use(source), soci::use(after), soci::use(batch))
        : hasId          ? (s_.prepare << sql + " WHERE id > :a", soci::use(at), soci::use(user),
                   soci::use(rows.table), soci::use(source), soci::use(after))
                : (s_.prepare << sql, soci::use(at), soci::use(user), soci::use(rows.table),
                   soci::use(source));
    // Entries for more rows than the log holds (a first load of millions of
    // ratings): the log's indexes are built once after them.
    std::optional<IndexesSetAside> aside;
    if (hasId) {
        long long adding = 0;
        s_ << "SELECT COUNT(*) FROM " + Identifier(rows.table) + " WHERE id > :a", soci::use(after),
            soci::into(adding);
        if (adding > 10000 && LargeLoad(s_, "audit_log", static_cast<long>(adding)))
            aside.emplace(s_, "audit_log");
    }
    st.execute(true);
    if (aside) aside->Restore();
    return static_cast<long>(st.get_affected_rows());
}

std::vector<TableMark> AuditRepository::MarkTables() {
    std::vector<TableMark> out;
    for (const auto& table : Tables(s_)) {
        TableMark m;
        m.table = table;
        for (const auto& c : Columns(s_, table)) m.hasId = m.hasId || c.name == "id";
        if (m.hasId)
            m.maxId = ScalarOf(s_, "SELECT MAX(id) FROM " + Identifier(table));
        else
            m.rows = ScalarOf(s_, "SELECT COUNT(*) FROM " + Identifier(table));
        out.push_back(std::move(m));
    }
    return out;
}

long AuditRepository::RecordInsertedSince(const std::vector<TableMark>& marks,
                                          const std::string& user, const std::string& source,
                                          const std::set<std::string>& except) {
    if (WrittenByServer(s_, user, &source)) return 0;
    long n = 0;
    for (const auto& m : marks) {
        if (except.count(m.table) || (!m.hasId && m.rows > 0)) continue;
        n += RecordInserted({m.table, m.maxId, std::nullopt}, user, source);
    }
    return n;
}

std::vector<AuditEntry> AuditRepository::ForRow(const std::string& table, std::int64_t rowId) {
    long long row = rowId;
    std::vector<AuditEntry> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT at, user_login, table_name, row_id, action, field, old_value, "
                       "new_value FROM audit_log WHERE table_name = :t AND row_id = :r ORDER BY id",
         soci::use(table), soci::use(row));
    for (const auto& r : rs) out.push_back(AuditEntryOf(r));
    return out;
}

AuditEntry AuditEntryOf(const soci::row& r) {
    AuditEntry e;
    e.at = Text(r, "at");
    e.user = Text(r, "user_login");
    e.table = Text(r, "table_name");
    e.rowId = Int(r, "row_id");
    e.action = Text(r, "action");
    e.field = Text(r, "field");
    if (r.get_indicator("old_value") == soci::i_ok) e.oldValue = Text(r, "old_value");
    if (r.get_indicator("new_value") == soci::i_ok) e.newValue = Text(r, "new_value");
    return e;
}

long AuditRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM audit_log", soci::into(n);
    return static_cast<long>(n);
}

long AuditRepository::Count(const std::string& table, const std::optional<std::string>& field) {
    long long n = 0;
    const std::string f = field.value_or("");
    const int any = field ? 0 : 1;
    s_ << "SELECT COUNT(*) FROM audit_log WHERE table_name = :t AND (:a = 1 OR field = :f)",
        soci::use(table), soci::use(any), soci::use(f), soci::into(n);
    return static_cast<long>(n);
}

}  // namespace cchc::storage
