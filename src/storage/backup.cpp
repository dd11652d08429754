#include "storage/backup.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/platform.h"
#include "storage/postgres_tools.h"

namespace cchc::storage {
namespace {

namespace fs = std::filesystem;
// SOCI declares SQLite's interface inside this namespace.
using namespace sqlite_api;

// ---------------------------------------------------------------------------
// SQLite through its own interface: the backup API needs the connections.

sqlite_api::sqlite3* Handle(Database& db) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(db.session().get_backend());
    return backend->conn_;
}

[[noreturn]] void ThrowSqlite(sqlite_api::sqlite3* db, int rc, const std::string& what) {
    throw soci::sqlite3_soci_error(what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)),
                                   rc);
}

// A connection of our own to a file (a backup being written or read).
class SqliteFile {
  public:
    SqliteFile(const std::string& path, int flags) {
        const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string text = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
            sqlite3_close_v2(db_);
            db_ = nullptr;
            throw soci::sqlite3_soci_error("cannot open " + path + ": " + text, rc);
        }
        sqlite3_busy_timeout(db_, 10000);
    }
    ~SqliteFile() { Close(); }
    SqliteFile(const SqliteFile&) = delete;
    SqliteFile& operator=(const SqliteFile&) = delete;
    sqlite_api::sqlite3* get() const { return db_; }
    void Exec(const char* sql) {
        const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) ThrowSqlite(db_, rc, sql);
    }
    void Close() {
        if (db_ && sqlite3_close_v2(db_) != SQLITE_OK) {
            // Only an unfinished statement keeps it open; none is left.
        }
        db_ = nullptr;
    }

  private:
    sqlite_api::sqlite3* db_ = nullptr;
};

// A prepared statement of SqliteFile or of a Database's connection.
class SqliteStatement {
  public:
    SqliteStatement(sqlite_api::sqlite3* db, const std::string& sql) : db_(db) {
        const int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr);
        if (rc != SQLITE_OK) ThrowSqlite(db, rc, sql);
    }
    ~SqliteStatement() { sqlite3_finalize(stmt_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    // True while there is a row.
    bool Next() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        ThrowSqlite(db_, rc, "step");
    }
    sqlite3_stmt* get() const { return stmt_; }

  private:
    sqlite_api::sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Pages copied per step when progress is reported: 1 MB of 4 KB pages,
// between which the user may cancel.
constexpr int kPagesPerStep = 256;

// Copies every page of from into to (replacing its content) in one write
// transaction of to, reporting progress; waits while either side is busy,
// up to the busy timeout, then throws DatabaseBusyError. Cancelled between
// steps (CancelledError), the write transaction of to is rolled back.
void CopyPages(sqlite_api::sqlite3* from, sqlite_api::sqlite3* to, Progress* progress,
               const std::string& what) {
    Step(progress, what, 0);
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) ThrowSqlite(to, sqlite3_errcode(to), "backup");
    int rc = SQLITE_OK, waited = 0;
    try {
        for (;;) {
            rc = sqlite3_backup_step(backup, progress ? kPagesPerStep : -1);
            if (rc == SQLITE_DONE) break;
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
                if (++waited > 200) throw DatabaseBusyError();  // 10 s
                sqlite3_sleep(50);
                continue;
            }
            if (rc != SQLITE_OK) break;
            const int total = sqlite3_backup_pagecount(backup);
            if (total > 0)
                Step(progress, what,
                     1.0 - static_cast<double>(sqlite3_backup_remaining(backup)) / total);
        }
    } catch (...) {
        sqlite3_backup_finish(backup);
        throw;
    }
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) ThrowSqlite(nullptr, rc, "backup");
    if (finished != SQLITE_OK) ThrowSqlite(to, finished, "backup");
}

// The schema version an SQLite file of CCHC Desk holds; 0 when it holds no
// table schema_version (not ours).
int SqliteSchemaVersion(sqlite_api::sqlite3* db) {
    {
        SqliteStatement has(db,
                            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                            "'schema_version'");
        if (!has.Next() || sqlite3_column_int(has.get(), 0) == 0) return 0;
    }
    SqliteStatement max(db, "SELECT MAX(version) FROM schema_version");
    return max.Next() ? sqlite3_column_int(max.get(), 0) : 0;
}

void WriteSqliteBackup(Database& db, const std::string& path, Progress* progress) {
    WriteFileAtomically(path, [&](const std::string& temp) {
        {
            SqliteFile copy(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            CopyPages(Handle(db), copy.get(), progress, tr("Copying the database..."));
        }
        // One self-contained file, no -wal beside it: the copy says WAL in
        // its header like the database; opened again, it is switched.
        SqliteFile copy(temp, SQLITE_OPEN_READWRITE);
        copy.Exec("PRAGMA journal_mode = DELETE");
        copy.Close();
        // Cancelled up to here, the copy is discarded: nothing at path.
        Step(progress, tr("Copying the database..."), 1);
    });
}

// ---------------------------------------------------------------------------
// PostgreSQL.

// Whether the user cancelled the work progress reports to.
detail::CancelCheck CancelCheckOf(Progress* progress) {
    if (!progress) return nullptr;
    return [progress] { return progress->Cancelled(); };
}

int ServerMajor(Database& db) {
    std::string version;
    db.session() << "SELECT current_setting('server_version_num')", soci::into(version);
    return std::atoi(version.c_str()) / 10000;
}

// The first line of a tool's errors worth logging, without the password
// (libpq never prints it, but the URL's text might be echoed).
std::string ToolText(const std::string& tool, const detail::ToolResult& r, const DatabaseUrl& url) {
    std::string text = tool + " (exit " + std::to_string(r.exitCode) + "): " + r.errors;
    if (!url.password.empty())
        for (auto at = text.find(url.password); at != std::string::npos;
             at = text.find(url.password, at))
            text.replace(at, url.password.size(), "***");
    return text;
}

bool Mentions(const std::string& text, const char* what) {
    return text.find(what) != std::string::npos;
}

[[noreturn]] void ThrowToolFailure(const std::string& tool, const detail::ToolResult& r,
                                   const DatabaseUrl& url, const std::string& file,
                                   const std::string& sentence) {
    const std::string technical = ToolText(tool, r, url);
    if (Mentions(r.errors, "lock timeout") || Mentions(r.errors, "could not obtain lock"))
        throw DatabaseBusyError();
    if (Mentions(r.errors, "server version mismatch") || Mentions(r.errors, "unsupported version"))
        throw DatabaseFailure(
            Location{file, 0, ""},
            fmt::format(fmt::runtime(tr("{0} is older than the PostgreSQL server or the backup; "
                                        "install Debian's postgresql-client package of the "
                                        "server's version and try again")),
                        tool),
            technical);
    throw DatabaseFailure(Location{file, 0, ""}, sentence, technical);
}

void WritePgDump(Database& db, const std::string& path, Progress* progress) {
    Step(progress, tr("Dumping the database on the server..."), -1);
    const DatabaseUrl& url = db.url();
    const std::string tool = detail::PostgresTool("pg_dump", ServerMajor(db));
    WriteFileAtomically(path, [&](const std::string& temp) {
        // Cancelled, pg_dump is killed and its unfinished file discarded.
        const auto r = detail::RunTool({tool, "--format=custom", "--no-password", "--file", temp,
                                        "--dbname", url.connectStringWithoutPassword},
                                       detail::ToolEnvironment(url), "", CancelCheckOf(progress));
        if (r.exitCode != 0)
            ThrowToolFailure("pg_dump", r, url, path,
                             tr("pg_dump could not back up the database; check the connection to "
                                "the server and the free space, then try again"));
    });
    Step(progress, tr("Dumping the database on the server..."), 1);
}

// The schema version a dump holds: the rows of its table schema_version,
// printed by pg_restore; 0 when it has no such table (not ours).
int DumpSchemaVersion(const std::string& file, int serverMajor, const DatabaseUrl& url) {
    const fs::path scratch = fs::u8path(CreateTempFile("cchc-dump-"));
    const std::string tool = detail::PostgresTool("pg_restore", serverMajor);
    const auto r = detail::RunTool(
        {tool, "--data-only", "--table=schema_version", "--file", scratch.u8string(), file},
        detail::ToolEnvironment(url));
    std::ifstream in(scratch);
    std::string line;
    int version = 0;
    bool inCopy = false;
    while (std::getline(in, line)) {
        if (line.rfind("COPY ", 0) == 0) {
            inCopy = line.find("schema_version") != std::string::npos;
            continue;
        }
        if (!inCopy) continue;
        if (line == "\\.") break;
        version = std::max(version, std::atoi(line.c_str()));
    }
    in.close();
    std::error_code ec;
    fs::remove(scratch, ec);
    if (r.exitCode != 0)
        ThrowToolFailure("pg_restore", r, url, file,
                         tr("this PostgreSQL backup cannot be read; it may be damaged or cut "
                            "short"));
    return version;
}

// Drops every table of the current schema, and the program's functions
// (the office server's access rules): run first in the restore's
// transaction, so that the dump's tables and functions are created anew.
constexpr const char* kDropTables =
    "DO $$DECLARE t record; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = "
    "current_schema() LOOP EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename); END "
    "LOOP; FOR t IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.pronamespace = "
    "current_schema()::regnamespace AND p.proname LIKE 'cchc\\_%' LOOP EXECUTE format('DROP "
    "FUNCTION IF EXISTS %s CASCADE', t.f); END LOOP; END$$;\n";

// A dump carries no grants (pg_restore --no-privileges): the office
// server's are given again, inside the restore's transaction, when the
// dump holds the function that gives them (a dump of an older schema gets
// them from its upgrade).
constexpr const char* kGrantAgain =
    "RESET search_path;\nDO $$BEGIN IF to_regproc('cchc_grant_access') IS NOT NULL THEN PERFORM "
    "cchc_grant_access(); END IF; END$$;\n";

void RestorePgDump(Database& target, const std::string& file, Progress* progress) {
    Step(progress, tr("Restoring the database on the server..."), -1);
    const DatabaseUrl& url = target.url();
    const int major = ServerMajor(target);
    // pg_restore prints the dump as SQL; psql runs it inside BEGIN ...
    // COMMIT, the COMMIT sent only when pg_restore read the whole dump. A
    // failure anywhere, a kill or a cancel (both programs killed before the
    // COMMIT) leaves the database as it was.
    std::vector<std::string> psqlEnv = detail::ToolEnvironment(url);
    psqlEnv.push_back("PGOPTIONS=-c lock_timeout=" +
                      std::to_string(OpenOptions::kDefaultLockTimeoutMs));
    const auto r = detail::RunPipe(
        {detail::PostgresTool("pg_restore", major), "--no-owner", "--no-privileges",
         "--no-comments", "--file", "-", file},
        detail::ToolEnvironment(url),
        {detail::PostgresTool("psql", major), "--no-psqlrc", "--quiet", "--no-password", "--set",
         "ON_ERROR_STOP=1", "--dbname", url.connectStringWithoutPassword},
        psqlEnv, std::string("BEGIN;\n") + kDropTables, std::string(kGrantAgain) + "COMMIT;\n",
        CancelCheckOf(progress));
    if (r.producer.exitCode != 0)
        ThrowToolFailure("pg_restore", r.producer, url, file,
                         tr("this PostgreSQL backup cannot be read; it may be damaged or cut "
                            "short. The database was left as it was"));
    if (r.consumer.exitCode != 0)
        ThrowToolFailure("psql", r.consumer, url, file,
                         tr("the server refused the restore and the database was left as it "
                            "was; check that the user may create tables in it, then try again"));
    Step(progress, tr("Restoring the database on the server..."), 1);
}

// ---------------------------------------------------------------------------
// An SQLite backup copied into PostgreSQL, table by table.

// Table and column names from the catalogues, checked before they are put
// into SQL text (they are identifiers, never values).
std::string Identifier(const std::string& name) {
    if (name.empty()) throw std::logic_error("an empty table or column name");
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            throw std::logic_error("an unexpected table or column name: " + name);
    return "\"" + name + "\"";
}

struct Column {
    std::string name;
    std::string type;  // PostgreSQL's data_type
    bool serial = false;
};

enum class Kind { Integer, Real, Bytes, Text };

Kind KindOf(const std::string& type) {
    if (type == "bigint" || type == "integer" || type == "smallint") return Kind::Integer;
    if (type == "double precision" || type == "real" || type == "numeric") return Kind::Real;
    if (type == "bytea") return Kind::Bytes;
    return Kind::Text;
}

std::string Hex(const unsigned char* bytes, int size) {
    static const char* digits = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + 2 * static_cast<std::size_t>(size));
    for (int i = 0; i < size; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

// The value of column i of the current row as PostgreSQL's text input for
// a column of that kind (SOCI sends every parameter as text).
std::string ValueText(sqlite3_stmt* stmt, int i, Kind kind) {
    switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
            return std::to_string(sqlite3_column_int64(stmt, i));
        case SQLITE_FLOAT: {
            const double v = sqlite3_column_double(stmt, i);
            if (kind == Kind::Integer && v == static_cast<double>(static_cast<long long>(v)))
                return std::to_string(static_cast<long long>(v));
            return fmt::format("{:.17g}", v);
        }
        case SQLITE_BLOB: {
            const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, i));
            const int size = sqlite3_column_bytes(stmt, i);
            if (kind == Kind::Bytes) return Hex(bytes, size);
            return std::string(reinterpret_cast<const char*>(bytes),
                               static_cast<std::size_t>(size));
        }
        default: {
            const auto* text = sqlite3_column_text(stmt, i);
            const int size = sqlite3_column_bytes(stmt, i);
            if (kind == Kind::Bytes) return Hex(text, size);
            return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
        }
    }
}

std::vector<std::string> PostgresTables(soci::session& s) {
    std::vector<std::string> tables;
    soci::rowset<std::string> rs =
        (s.prepare << "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                      "ORDER BY tablename");
    for (const auto& t : rs) tables.push_back(t);
    return tables;
}

std::vector<Column> PostgresColumns(soci::session& s, const std::string& table) {
    std::vector<Column> out;
    soci::rowset<soci::row> rs =
        (s.prepare << "SELECT column_name, data_type, is_identity, column_default FROM "
                      "information_schema.columns WHERE table_schema = current_schema() AND "
                      "table_name = :t ORDER BY ordinal_position",
         soci::use(table));
    for (const auto& r : rs) {
        Column c;
        c.name = r.get<std::string>(0);
        c.type = r.get<std::string>(1);
        const std::string identity = r.get_indicator(2) == soci::i_ok ? r.get<std::string>(2) : "";
        const std::string def = r.get_indicator(3) == soci::i_ok ? r.get<std::string>(3) : "";
        c.serial = identity == "YES" || def.rfind("nextval(", 0) == 0;
        out.push_back(c);
    }
    return out;
}

struct ForeignKey {
    std::string table, column, parent, parentColumn;
};

std::vector<ForeignKey> PostgresForeignKeys(soci::session& s) {
    std::vector<ForeignKey> out;
    soci::rowset<soci::row> rs =
        (s.prepare << "SELECT src.relname, a.attname, dst.relname, af.attname FROM pg_constraint k "
                      "JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = "
                      "k.confrelid JOIN pg_namespace n ON n.oid = src.relnamespace JOIN "
                      "pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] JOIN "
                      "pg_attribute af ON af.attrelid = k.confrelid AND af.attnum = k.confkey[1] "
                      "WHERE k.contype = 'f' AND n.nspname = current_schema() ORDER BY 1, 2");
    for (const auto& r : rs)
        out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                       r.get<std::string>(3)});
    return out;
}

// Tables in an order where every table comes after those it refers to.
std::vector<std::string> ParentsFirst(const std::vector<std::string>& tables,
                                      const std::vector<ForeignKey>& keys) {
    std::map<std::string, std::set<std::string>> needs;
    for (const auto& t : tables) needs[t];
    for (const auto& k : keys)
        if (k.table != k.parent && needs.count(k.parent)) needs[k.table].insert(k.parent);
    std::vector<std::string> order;
    std::set<std::string> placed;
    while (order.size() < tables.size()) {
        bool progress = false;
        for (const auto& t : tables) {
            if (placed.count(t)) continue;
            const auto& n = needs[t];
            if (std::all_of(n.begin(), n.end(), [&](const auto& p) { return placed.count(p); })) {
                order.push_back(t);
                placed.insert(t);
                progress = true;
            }
        }
        if (!progress) throw std::logic_error("the tables refer to each other in a cycle");
    }
    return order;
}

using Row = std::vector<std::optional<std::string>>;

// Inserts rows into a table through prepared statements: a batch of rows
// per statement (one round trip to the server for many rows), the last
// ones one by one. Values cross as text, which the server reads for the
// column's type.
class RowInserter {
  public:
    RowInserter(soci::session& s, const std::string& table, const std::vector<Column>& columns)
        : width_(std::max<std::size_t>(1, columns.size())),
          batch_(std::clamp<std::size_t>(30000 / width_, 1, 250)),
          manyValues_(batch_ * width_),
          manyNulls_(batch_ * width_, soci::i_ok),
          oneValues_(width_),
          oneNulls_(width_, soci::i_ok),
          many_(s),
          one_(s) {
        std::string head = "INSERT INTO " + Identifier(table) + " (";
        for (std::size_t i = 0; i < columns.size(); ++i)
            head += (i ? ", " : "") + Identifier(columns[i].name);
        head += ") VALUES ";
        Prepare(many_, head, batch_, manyValues_, manyNulls_);
        Prepare(one_, head, 1, oneValues_, oneNulls_);
    }

    void Add(Row row) {
        pending_.push_back(std::move(row));
        if (pending_.size() == batch_) {
            Fill(manyValues_, manyNulls_, 0, batch_);
            many_.execute(true);
            pending_.clear();
        }
    }

    // Writes the rows still pending.
    void Finish() {
        for (std::size_t r = 0; r < pending_.size(); ++r) {
            Fill(oneValues_, oneNulls_, r, 1);
            one_.execute(true);
        }
        pending_.clear();
    }

  private:
    void Prepare(soci::statement& st, const std::string& head, std::size_t rows,
                 std::vector<std::string>& values, std::vector<soci::indicator>& nulls) {
        std::string sql = head;
        for (std::size_t r = 0; r < rows; ++r) {
            sql += r ? ", (" : "(";
            for (std::size_t i = 0; i < width_; ++i)
                sql += (i ? ", :p" : ":p") + std::to_string(r * width_ + i);
            sql += ")";
        }
        for (std::size_t k = 0; k < values.size(); ++k) st.exchange(soci::use(values[k], nulls[k]));
        st.alloc();
        st.prepare(sql);
        st.define_and_bind();
    }

    // Rows first..first+count of pending_ into the values bound.
    void Fill(std::vector<std::string>& values, std::vector<soci::indicator>& nulls,
              std::size_t first, std::size_t count) {
        for (std::size_t r = 0; r < count; ++r)
            for (std::size_t i = 0; i < width_; ++i) {
                const auto& v = pending_[first + r][i];
                nulls[r * width_ + i] = v ? soci::i_ok : soci::i_null;
                values[r * width_ + i] = v ? *v : std::string();
            }
    }

    std::size_t width_, batch_;
    std::vector<std::string> manyValues_;
    std::vector<soci::indicator> manyNulls_;
    std::vector<std::string> oneValues_;
    std::vector<soci::indicator> oneNulls_;
    soci::statement many_, one_;
    std::vector<Row> pending_;
};

// Copies the rows of one table: the source's columns of the target's names.
long CopyTable(sqlite_api::sqlite3* source, soci::session& target, const std::string& table,
               const std::vector<Column>& columns, const std::vector<ForeignKey>& keys,
               Progress* progress, const std::string& what, double fraction) {
    std::string select = "SELECT ";
    std::vector<Kind> kinds;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        select += (i ? ", " : "") + Identifier(columns[i].name);
        kinds.push_back(KindOf(columns[i].type));
    }
    select += " FROM " + Identifier(table);

    // A table that refers to itself (units under units) gets each row after
    // the row it refers to.
    int selfColumn = -1, selfKey = -1;
    for (const auto& k : keys) {
        if (k.table != table || k.parent != table) continue;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].name == k.column) selfColumn = static_cast<int>(i);
            if (columns[i].name == k.parentColumn) selfKey = static_cast<int>(i);
        }
    }

    RowInserter inserter(target, table, columns);
    SqliteStatement rows(source, select);
    long copied = 0;
    auto store = [&](Row values) {
        inserter.Add(std::move(values));
        if (++copied % 5000 == 0) Step(progress, what, fraction);
    };
    auto read = [&] {
        Row values(columns.size());
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (sqlite3_column_type(rows.get(), static_cast<int>(i)) != SQLITE_NULL)
                values[i] = ValueText(rows.get(), static_cast<int>(i), kinds[i]);
        return values;
    };
    if (selfColumn < 0 || selfKey < 0) {
        while (rows.Next()) store(read());
        inserter.Finish();
        return copied;
    }
    const auto self = static_cast<std::size_t>(selfColumn), key = static_cast<std::size_t>(selfKey);
    std::vector<Row> pending;
    while (rows.Next()) pending.push_back(read());
    std::set<std::string> stored;
    while (!pending.empty()) {
        std::vector<Row> later;
        for (auto& values : pending) {
            const auto& parent = values[self];
            if (!parent || stored.count(*parent) || *parent == values[key].value_or("")) {
                if (values[key]) stored.insert(*values[key]);
                store(std::move(values));
            } else {
                later.push_back(std::move(values));
            }
        }
        if (later.size() == pending.size())
            throw std::logic_error("rows of " + table + " refer to each other in a cycle");
        pending = std::move(later);
        // The rows stored so far go to the server before their children.
        inserter.Finish();
    }
    inserter.Finish();
    return copied;
}

bool SqliteHasColumn(sqlite_api::sqlite3* db, const std::string& table, const std::string& column) {
    SqliteStatement info(db, "SELECT name FROM pragma_table_info(?1)");
    sqlite3_bind_text(info.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
    while (info.Next())
        if (column == reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0)))
            return true;
    return false;
}

void CopySqliteIntoPostgres(Database& target, const std::string& file, Progress* progress) {
    // The backup's schema is brought up to date in a copy, so that its
    // tables are those the program creates on the server.
    const fs::path scratch = fs::u8path(CreateTempDir("cchc-restore-"));
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } cleanup{scratch};
    const std::string copyPath = (scratch / "backup.db").u8string();
    {
        SqliteFile from(file, SQLITE_OPEN_READONLY);
        SqliteFile copy(copyPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        CopyPages(from.get(), copy.get(), nullptr, "");
    }
    auto source = Database::Open(DatabaseUrl::Parse("sqlite:" + copyPath));
    soci::session& s = target.session();
    Transaction tx(target);
    // The backup's rows come with their own audit entries: the server's
    // audit triggers (schema 10) are told to leave them be, the owner's
    // connection being the only one they listen to.
    std::string off;
    s << "SELECT set_config('cchc.audit', 'off', true)", soci::into(off);
    s << kDropTables;
    target.Upgrade();
    const auto keys = PostgresForeignKeys(s);
    const auto tables = ParentsFirst(PostgresTables(s), keys);
    // What the new schema holds of its own goes: the backup's rows replace it.
    for (auto t = tables.rbegin(); t != tables.rend(); ++t) s << "DELETE FROM " + Identifier(*t);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        // The ratings' day counts are the server's own: its triggers count
        // the ratings as they are copied.
        if (tables[i] == "rating_day_counts") continue;
        const std::string what =
            fmt::format(fmt::runtime(tr("Copying table {0} to the server...")), tables[i]);
        const double fraction = static_cast<double>(i) / tables.size();
        Step(progress, what, fraction);
        // Columns the server's schema has of its own (the audit log's unit)
        // keep their defaults.
        std::vector<Column> columns;
        for (const auto& c : PostgresColumns(s, tables[i]))
            if (SqliteHasColumn(Handle(*source), tables[i], c.name)) columns.push_back(c);
        CopyTable(Handle(*source), s, tables[i], columns, keys, progress, what, fraction);
        // Identity columns go on after the largest id copied.
        for (const auto& c : columns) {
            if (!c.serial) continue;
            long long next = 0, set = 0;
            s << "SELECT COALESCE(MAX(" + Identifier(c.name) + "), 0) + 1 FROM " +
                     Identifier(tables[i]),
                soci::into(next);
            std::string table = tables[i], column = c.name;
            s << "SELECT setval(pg_get_serial_sequence(:t, :c), :n, false)", soci::use(table),
                soci::use(column), soci::use(next), soci::into(set);
        }
    }
    // The copied audit entries get the unit of the row each is about.
    int filled = 0;
    s << "SELECT CASE WHEN to_regproc('cchc_fill_audit_units') IS NULL THEN 0 ELSE 1 END",
        soci::into(filled);
    if (filled) s << "DO $$BEGIN PERFORM cchc_fill_audit_units(); END$$";
    tx.Commit();
    Step(progress, tr("Copying the database to the server..."), 1);
}

// Tables the program fills by itself (schema, built-in catalogues): rows
// there are not the office's data.
const std::set<std::string>& CatalogueTables() {
    static const std::set<std::string> tables = {
        "schema_version",  "framework_bands",     "criteria",       "criterion_crosswalk",
        "rating_scales",   "rating_scale_levels", "rating_aspects", "procedure_fields",
        "sqlite_sequence", "sqlite_stat1"};
    return tables;
}

}  // namespace

std::string PostgresToolDirectory(int serverMajor) {
    const std::string tool = detail::PostgresTool("pg_dump", serverMajor);
    const auto slash = tool.rfind('/');
    return slash == std::string::npos ? std::string() : tool.substr(0, slash);
}

BackupInfo InspectBackup(const std::string& file, Database* target) {
    std::error_code ec;
    if (!fs::is_regular_file(fs::u8path(file), ec))
        throw UserError(Location{file, 0, ""}, tr("the file does not exist"));
    std::ifstream in(file, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    if (!in && in.gcount() == 0)
        throw UserError(Location{file, 0, ""},
                        tr("the file cannot be read; check that you may read it"));
    const std::string header(head, static_cast<std::size_t>(in.gcount()));
    const UserError notOurs(Location{file, 0, ""},
                            tr("this file is not a backup of CCHC Desk; choose a file written by "
                               "\"cchc backup\" or by File > Back up"));
    BackupInfo info;
    if (header == std::string("SQLite format 3\0", 16)) {
        try {
            SqliteFile db(file, SQLITE_OPEN_READONLY);
            info.schemaVersion = SqliteSchemaVersion(db.get());
        } catch (const soci::soci_error&) {
            throw notOurs;
        }
        if (info.schemaVersion == 0) throw notOurs;
        info.format = BackupFormat::Sqlite;
        return info;
    }
    if (header.rfind("PGDMP", 0) == 0) {
        info.format = BackupFormat::PgDump;
        if (target && target->backend() == Backend::Postgresql) {
            info.schemaVersion = DumpSchemaVersion(file, ServerMajor(*target), target->url());
            if (info.schemaVersion == 0) throw notOurs;
        }
        return info;
    }
    throw notOurs;
}

void WriteBackup(Database& db, const std::string& path, Progress* progress) {
    if (db.backend() == Backend::Sqlite)
        WriteSqliteBackup(db, path, progress);
    else
        WritePgDump(db, path, progress);
}

bool HoldsData(Database& db) {
    soci::session& s = db.session();
    std::vector<std::string> tables;
    if (db.backend() == Backend::Sqlite) {
        soci::rowset<std::string> rs =
            (s.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                          "'sqlite_%' ORDER BY name");
        for (const auto& t : rs) tables.push_back(t);
    } else {
        tables = PostgresTables(s);
    }
    const bool ours = std::count(tables.begin(), tables.end(), "schema_version") > 0;
    for (const auto& table : tables) {
        bool valid = true;
        for (char c : table)
            valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
        if (!valid) return true;  // not one of ours: another program's data
        if (ours && CatalogueTables().count(table)) continue;
        int found = 0;
        if (ours && table == "frameworks")
            s << "SELECT COUNT(*) FROM frameworks WHERE builtin = 0", soci::into(found);
        else
            s << "SELECT COUNT(*) FROM (SELECT 1 FROM " + Identifier(table) + " LIMIT 1) AS t",
                soci::into(found);
        if (found > 0) return true;
    }
    return false;
}

void RestoreBackup(Database& target, const std::string& file, const BackupInfo& info,
                   Progress* progress) {
    const bool sqliteTarget = target.backend() == Backend::Sqlite;
    if (info.format == BackupFormat::PgDump && sqliteTarget)
        throw UserError(Location{file, 0, ""},
                        tr("this backup is of a PostgreSQL database (pg_dump); restore it into a "
                           "PostgreSQL database"));
    if (info.format == BackupFormat::PgDump) {
        RestorePgDump(target, file, progress);
        return;
    }
    if (info.format != BackupFormat::Sqlite)
        throw UserError(Location{file, 0, ""}, tr("this file is not a backup of CCHC Desk"));
    if (!sqliteTarget) {
        CopySqliteIntoPostgres(target, file, progress);
        return;
    }
    SqliteFile from(file, SQLITE_OPEN_READONLY);
    {
        SqliteStatement check(from.get(), "PRAGMA quick_check");
        if (!check.Next() ||
            std::string(reinterpret_cast<const char*>(sqlite3_column_text(check.get(), 0))) != "ok")
            throw UserError(Location{file, 0, ""},
                            tr("this backup is damaged; choose another one"));
    }
    CopyPages(from.get(), Handle(target), progress, tr("Restoring the database..."));
}

}  // namespace cchc::storage
