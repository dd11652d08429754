#include "storage/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <algorithm>
#include <ctime>

#include <fmt/format.h>
#include <filesystem>

#include "core/atomic_file.h"
#include "core/date.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "storage/backup.h"
#include "storage/migrations.h"
#include "storage/rating_repository.h"
#include "storage/sqlite_locks.h"
#include "storage/task_board_repository.h"

namespace cchc::storage {
namespace {

// The schema that brought the task board's table (0013_task_board.sql).
constexpr int kTaskBoardVersion = 13;

std::string NowStamp(const char* fmt) { return LocalNowText(fmt); }

bool TableExists(soci::session& s, Backend backend, const std::string& table) {
    int n = 0;
    if (backend == Backend::Sqlite)
        s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :t",
            soci::use(table), soci::into(n);
    else
        s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
             "AND table_name = :t",
            soci::use(table), soci::into(n);
    return n > 0;
}

std::string QuoteSqliteConnectValue(const std::string& path) {
    // SOCI's SQLite backend reads "db=VALUE"; quote paths with spaces.
    std::string out = "\"";
    for (char c : path) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Tables in the database other than SQLite's own and our version table.
long ForeignTables(soci::session& s, Backend backend) {
    long long n = 0;
    if (backend == Backend::Sqlite)
        s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
             "AND name <> 'schema_version'",
            soci::into(n);
    else
        s << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
             "AND table_name <> 'schema_version'",
            soci::into(n);
    return static_cast<long>(n);
}

// Whether the connection may change the schema of a PostgreSQL database:
// its owner (or a member of the owner's role, a superuser). Accounts of the
// office may not, whatever their role.
bool MayMigrate(soci::session& s) {
    int owner = 0;
    s << "SELECT CASE WHEN pg_has_role(current_user, d.datdba, 'MEMBER') THEN 1 ELSE 0 END FROM "
         "pg_database d WHERE d.datname = current_database()",
        soci::into(owner);
    return owner == 1;
}

// Whether a read-only connection finds what only a writer can undo: a
// program killed while writing may leave a hot rollback journal (a new
// database stopped while its first pages were written) or a WAL index to
// rebuild, and a read-only connection then fails on its first read.
bool NeedsRecovery(soci::session& s) {
    try {
        int n = 0;
        s << "SELECT COUNT(*) FROM sqlite_master", soci::into(n);
        return false;
    } catch (const soci::sqlite3_soci_error& e) {
        if ((e.result() & 0xff) == SQLITE_READONLY) return true;
        throw;
    }
}

// Lets SQLite finish what a killed writer left, as any read-write
// connection does on its first read: the unfinished transaction is undone
// and the database is as its last commit left it. Nothing else is written
// (no checkpoint when this connection closes).
void RecoverForReading(const std::string& path) {
    // SOCI's header puts SQLite's interface in a namespace of its own.
    using namespace sqlite_api;
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(path.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_busy_timeout(h, 10000);
        sqlite3_exec(h, "SELECT COUNT(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    }
    sqlite3_close(h);
}

}  // namespace

DatabaseFailure::DatabaseFailure(Location where, const std::string& message, std::string technical)
    : UserError(std::move(where), message), technical_(std::move(technical)) {}

// Says in the user's words why a database could not be opened and what to
// do: never the driver's text (it may hold the connection string), which
// DatabaseFailure keeps for the log.
std::string ExplainOpenFailure(const DatabaseUrl& url, const std::string& detail) {
    auto has = [&](const char* text) { return detail.find(text) != std::string::npos; };
    if (url.backend == Backend::Sqlite) {
        if (has("file is not a database") || has("malformed"))
            return tr(
                "the file is not a CCHC Desk database, or it is damaged; open another file, "
                "or restore a backup into a new file");
        if (has("locked") || has("busy"))
            return tr("the database is busy in another program; try again in a moment");
        return tr(
            "the file cannot be opened or written; check that its folder exists and that "
            "you may write there");
    }
    const std::string server = (url.host.empty() ? std::string("localhost") : url.host) +
                               (url.port.empty() ? "" : ":" + url.port);
    if (has("password authentication failed") || has("no password") || has("authentication failed"))
        return fmt::format(fmt::runtime(tr("the PostgreSQL server {0} refused the user name or "
                                           "password; check them (in the address or in "
                                           "~/.pgpass) and try again")),
                           server);
    if (has("does not exist"))
        return fmt::format(fmt::runtime(tr("the PostgreSQL server {0} has no database {1} or no "
                                           "user {2}; check the address, or ask the server's "
                                           "administrator to create them")),
                           server, url.database.empty() ? "?" : url.database,
                           url.user.empty() ? "?" : url.user);
    if (has("permission denied") || has("not permitted"))
        return fmt::format(fmt::runtime(tr("the PostgreSQL server {0} does not let user {1} use "
                                           "database {2}; ask the server's administrator")),
                           server, url.user.empty() ? "?" : url.user,
                           url.database.empty() ? "?" : url.database);
    return fmt::format(fmt::runtime(tr("cannot reach the PostgreSQL server {0}; check the address "
                                       "and the network, and that the server is running, then "
                                       "try again")),
                       server);
}

Database::Database(DatabaseUrl url, std::unique_ptr<soci::session> session)
    : url_(std::move(url)), session_(std::move(session)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::Open(const DatabaseUrl& url, const OpenOptions& options) {
    auto session = std::make_unique<soci::session>();
    try {
        if (url.backend == Backend::Sqlite) {
            namespace fs = std::filesystem;
            const fs::path p = fs::u8path(url.path);
            if (!fs::exists(p)) {
                if (!options.create || options.readOnly)
                    throw UserError(Location{url.path, 0, ""},
                                    tr("the database file does not exist"));
                if (p.has_parent_path()) fs::create_directories(p.parent_path());
            }
            // Before SQLite's first file: locks no other handle of the
            // process can drop (a file dialog reading the database file).
            detail::InstallSqliteLockOwners();
            const std::string connect = "db=" + QuoteSqliteConnectValue(url.path) + " timeout=10" +
                                        (options.readOnly ? " readonly=true" : "");
            session->open(soci::sqlite3, connect);
            if (options.readOnly && NeedsRecovery(*session)) {
                session->close();
                RecoverForReading(url.path);
                session->open(soci::sqlite3, connect);
            }
            *session << "PRAGMA foreign_keys = ON";
            *session << "PRAGMA busy_timeout = 10000";
            if (!options.readOnly) {
                std::string mode;
                *session << "PRAGMA journal_mode = WAL", soci::into(mode);
                *session << "PRAGMA synchronous = NORMAL";
            }
        } else {
            session->open(soci::postgresql, url.connectString);
            *session << "SET client_min_messages TO WARNING";
            // No JIT compiling: the server's estimates behind row-level
            // security run into its thresholds, and compiling a statement
            // cost a list 0.3 s of every 0.35 (the lists read few rows).
            *session << "SET jit = off";
            // A write waiting on another desk's row lock fails as busy
            // instead of hanging (IsDatabaseBusy knows its SQLSTATE).
            const std::string lockTimeout = std::to_string(std::max(0, options.lockTimeoutMs));
            std::string applied;
            *session << "SELECT set_config('lock_timeout', :v, false)", soci::use(lockTimeout),
                soci::into(applied);
            if (options.readOnly)
                *session << "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
        }
    } catch (const UserError&) {
        throw;
    } catch (const std::exception& e) {
        throw DatabaseFailure(Location{url.Display(), 0, ""}, ExplainOpenFailure(url, e.what()),
                              e.what());
    }
    std::unique_ptr<Database> db(new Database(url, std::move(session)));
    if (options.migrate && !options.readOnly) {
        try {
            db->migration_ = db->Migrate(options.targetVersion, options);
        } catch (const UserError&) {
            throw;
        } catch (const std::exception& e) {
            if (IsDatabaseBusy(e)) throw DatabaseBusyError();
            throw DatabaseFailure(
                Location{url.Display(), 0, ""},
                tr("the database could not be prepared for work and was left as it was; try "
                   "again, and if it fails again restore a backup or ask for help"),
                e.what());
        }
    }
    return db;
}

int Database::LatestSchemaVersion() {
    auto all = LoadMigrations(Backend::Sqlite);
    return all.empty() ? 0 : all.back().version;
}

int Database::SchemaVersion() {
    if (!TableExists(*session_, url_.backend, "schema_version")) return 0;
    soci::indicator ind;
    int v = 0;
    *session_ << "SELECT MAX(version) FROM schema_version", soci::into(v, ind);
    return ind == soci::i_ok ? v : 0;
}

bool Database::OwnersConnection() {
    return url_.backend != Backend::Postgresql || MayMigrate(*session_);
}

MigrationReport Database::Migrate(int targetVersion, const OpenOptions& options) {
    MigrationReport report;
    const int known = LatestSchemaVersion();
    const int latest = targetVersion > 0 ? std::min(targetVersion, known) : known;
    report.fromVersion = SchemaVersion();
    report.toVersion = report.fromVersion;
    if (report.fromVersion > known)
        throw UserError(
            Location{url_.Display(), 0, ""},
            fmt::format(fmt::runtime(tr("the database was written by a newer version "
                                        "of CCHC Desk (schema {0}, this program knows up "
                                        "to {1}); please install the newer version")),
                        report.fromVersion, known));
    if (report.fromVersion >= latest) return report;
    // Only the owner changes a server's schema: an account (which may not
    // see every table) is told whom to ask, and nothing is tried.
    if (url_.backend == Backend::Postgresql && !MayMigrate(*session_))
        throw DatabaseFailure(
            Location{url_.Display(), 0, ""},
            tr("the database on the server must be upgraded by its owner before it can be used; "
               "ask the administrator to run the upgrade (cchc init as the database owner), then "
               "open it again"),
            fmt::format("schema {0} of {1}; the connection is not the database owner",
                        report.fromVersion, latest));
    if (report.fromVersion == 0 && ForeignTables(*session_, url_.backend) > 0)
        throw UserError(Location{url_.Display(), 0, ""},
                        tr("the database already holds tables of another program; CCHC Desk "
                           "needs an empty database or one of its own"));

    if (url_.backend == Backend::Sqlite && report.fromVersion > 0) {
        // A free name: an upgrade tried again within the same second (after
        // a failure or a kill) keeps the first copy as it is.
        const std::string stem =
            url_.path + ".v" + std::to_string(report.fromVersion) + "-" + NowStamp("%Y%m%d-%H%M%S");
        report.backupPath = stem + ".bak";
        for (int n = 2; std::filesystem::exists(std::filesystem::u8path(report.backupPath)); ++n)
            report.backupPath = stem + "-" + std::to_string(n) + ".bak";
        BackupTo(report.backupPath);
    }

    Transaction tx(*this);
    *session_ << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                 "description TEXT NOT NULL, applied_at TEXT NOT NULL)";
    for (const auto& m : LoadMigrations(url_.backend)) {
        if (m.version <= report.fromVersion || m.version > latest) continue;
        for (const auto& stmt : m.statements) {
            try {
                *session_ << stmt;
            } catch (const std::exception& e) {
                if (IsDatabaseBusy(e)) throw DatabaseBusyError();
                throw DatabaseFailure(
                    Location{url_.Display(), 0, ""},
                    fmt::format(fmt::runtime(tr("the database could not be brought up to date "
                                                "(step {0} failed) and was left as it was; try "
                                                "again, and if it fails again restore a backup or "
                                                "ask for help")),
                                m.name),
                    m.name + ": " + e.what());
            }
        }
        std::string at = NowStamp("%Y-%m-%dT%H:%M:%S");
        *session_ << "INSERT INTO schema_version (version, description, applied_at) "
                     "VALUES (:v, :d, :a)",
            soci::use(m.version), soci::use(m.description), soci::use(at);
        report.toVersion = m.version;
    }
    // The task board's rows of the tasks there before its table (0013).
    if (report.fromVersion > 0 && report.fromVersion < kTaskBoardVersion &&
        report.toVersion >= kTaskBoardVersion)
        TaskBoardWriter(*session_).All();
    if (report.fromVersion == 0 && options.onCreate) options.onCreate(*this);
    if (report.fromVersion > 0 && options.onUpgrade) options.onUpgrade(*this);
    tx.Commit();
    return report;
}

std::vector<std::string> Database::Check() {
    std::vector<std::string> problems;
    if (url_.backend == Backend::Sqlite) {
        soci::rowset<std::string> ic = (session_->prepare << "PRAGMA integrity_check");
        for (const auto& line : ic)
            if (line != "ok") problems.push_back(line);
        soci::rowset<soci::row> fk = (session_->prepare << "PRAGMA foreign_key_check");
        for (const auto& r : fk) {
            std::string table = r.get<std::string>(0);
            long long rowid = r.get_indicator(1) == soci::i_ok ? r.get<long long>(1) : 0;
            std::string parent = r.get<std::string>(2);
            problems.push_back(fmt::format(fmt::runtime(tr("broken reference: {0} #{1} → {2}")),
                                           table, rowid, parent));
        }
    } else {
        // Constraints are enforced by the server; check that it answers and
        // that every constraint is validated.
        int invalid = 0;
        *session_ << "SELECT COUNT(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = "
                     "c.connamespace WHERE n.nspname = current_schema() AND NOT c.convalidated",
            soci::into(invalid);
        if (invalid > 0)
            problems.push_back(
                fmt::format(fmt::runtime(tr("{0} constraints not validated")), invalid));
    }
    // The ratings' day counts (schema 15) against the ratings, where this
    // connection reads every rating and every count (on the server: the
    // owner, whom row-level security does not filter).
    int allRows = 1;
    if (url_.backend != Backend::Sqlite)
        *session_ << "SELECT CASE WHEN row_security_active('ratings') THEN 0 ELSE 1 END",
            soci::into(allRows);
    if (allRows && SchemaVersion() >= 15) {
        const long wrong = RatingRepository(*session_).DayCountsDisagreeing();
        if (wrong > 0)
            problems.push_back(fmt::format(
                fmt::runtime(tr("the ratings' day counts disagree with the ratings on {0} days, "
                                "channels and scores")),
                wrong));
    }
    return problems;
}

void Database::BackupTo(const std::string& path) {
    namespace fs = std::filesystem;
    if (fs::exists(fs::u8path(path)))
        throw UserError(Location{path, 0, ""}, tr("the file already exists; choose another name"));
    WriteBackup(*this, path, nullptr);
}

void Database::DropEverything() {
    // SQLite databases under test are fresh files; only a server schema needs
    // emptying between tests.
    if (url_.backend == Backend::Sqlite)
        throw std::logic_error("DropEverything is for PostgreSQL test databases");
    *session_ << "DROP SCHEMA IF EXISTS public CASCADE";
    *session_ << "CREATE SCHEMA public";
}

DatabaseBusyError::DatabaseBusyError()
    : UserError(tr("the database is busy: another program is writing to it (perhaps an "
                   "import); try again in a few minutes")) {}

bool IsDatabaseBusy(const std::exception& e) {
    if (dynamic_cast<const DatabaseBusyError*>(&e)) return true;
    // lock_not_available: lock_timeout ran out (or NOWAIT found it taken).
    if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e))
        return pg->sqlstate() == "55P03";
    auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&e);
    if (!sqlite) return false;
    const int code = sqlite->result() & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

bool IsPasswordWanted(const std::exception& e) {
    const auto* f = dynamic_cast<const DatabaseFailure*>(&e);
    return f && f->technical().find("no password supplied") != std::string::npos;
}

bool IsRefusedByServer(const std::exception& e) {
    auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e);
    return pg && pg->sqlstate() == "42501";
}

bool IsDatabaseError(const std::exception& e) {
    return dynamic_cast<const soci::soci_error*>(&e) != nullptr;
}

Transaction::Transaction(Database& db) : db_(db) {
    if (db_.transactionDepth_ == 0) {
        if (db_.backend() != Backend::Sqlite) {
            db_.session().begin();
        } else {
            try {
                db_.session() << "BEGIN IMMEDIATE";
            } catch (const soci::soci_error& e) {
                // SQLITE_BUSY or SQLITE_LOCKED once the busy timeout has passed.
                if (IsDatabaseBusy(e)) throw DatabaseBusyError();
                throw;
            }
        }
    }
    ++db_.transactionDepth_;
}

Transaction::~Transaction() {
    if (done_) return;
    if (--db_.transactionDepth_ > 0) return;  // the outermost one rolls back
    try {
        db_.session().rollback();
    } catch (...) {
    }
}

void Transaction::Commit() {
    if (db_.transactionDepth_ == 1) db_.session().commit();
    --db_.transactionDepth_;
    done_ = true;
}

void LockForEdit(Database& db, const std::string& what) {
    if (db.backend() != Backend::Postgresql) return;
    int locked = 0;
    db.session() << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:k))) AS l",
        soci::use(what), soci::into(locked);
}

}  // namespace cchc::storage
