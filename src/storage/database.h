// An open database: one SOCI session on SQLite (WAL, foreign keys, busy
// timeout) or PostgreSQL, with the schema brought up to date by the numbered
// migrations of database/migrations. Open() refuses a database written by a
// newer program and copies an SQLite file aside before upgrading it.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/errors.h"
#include "storage/database_url.h"

namespace soci {
class session;
}

namespace cchc::storage {

class Database;

struct OpenOptions {
    bool create = true;     // create a missing SQLite file (and its directory)
    bool migrate = true;    // apply pending migrations
    int targetVersion = 0;  // stop at this schema version (0: the latest); for tests
    // Only to read (checks): nothing is created, migrated or written, and
    // the journal mode is left as it is. What a program killed while
    // writing left unfinished on an SQLite file (a hot journal) is first
    // undone, as any connection that writes would.
    bool readOnly = false;
    // Fills a database whose schema is created now (version 0 to the
    // latest), inside the same transaction: a new database is there with
    // its contents or not at all (a kill in between leaves no half one).
    std::function<void(Database&)> onCreate;
    // PostgreSQL: how long a statement waits for a lock another transaction
    // holds (a row another desk is saving) before it fails as busy, like
    // SQLite's busy timeout. Milliseconds; 0 waits for ever.
    int lockTimeoutMs = kDefaultLockTimeoutMs;
    static constexpr int kDefaultLockTimeoutMs = 10000;
    // Called, inside the same transaction, after the migrations that
    // upgraded an older database (version 1 or more): what the new schema
    // needs (the catalogues) lands with it or not at all.
    std::function<void(Database&)> onUpgrade;
};

struct MigrationReport {
    int fromVersion = 0;
    int toVersion = 0;
    std::string backupPath;  // SQLite copy made before upgrading, or empty
};

class Database {
  public:
    // Throws cchc::UserError with a clear message when the database cannot
    // be opened, is newer than the program, or a migration fails.
    static std::unique_ptr<Database> Open(const DatabaseUrl& url, const OpenOptions& options = {});
    ~Database();

    soci::session& session() { return *session_; }
    Backend backend() const { return url_.backend; }
    const DatabaseUrl& url() const { return url_; }

    int SchemaVersion();
    static int LatestSchemaVersion();
    // Whether the connection is the database owner's: on PostgreSQL its
    // owner, a member of the owner's role or a superuser (the office's
    // accounts are not: they neither upgrade, dump nor restore it); always
    // on SQLite.
    bool OwnersConnection();
    const MigrationReport& lastMigration() const { return migration_; }
    // Applies the pending migrations now, inside the caller's transaction
    // when one is open (a restore creates the schema it fills this way).
    MigrationReport Upgrade() { return migration_ = Migrate(0, OpenOptions{}); }

    // Integrity and foreign-key checks; an empty list means all is well.
    std::vector<std::string> Check();
    // A consistent copy of the whole database into a new file, written
    // beside it and renamed into place when complete: SQLite's online
    // backup, or on PostgreSQL pg_dump's custom format (storage/backup.h).
    void BackupTo(const std::string& path);
    // Empties a PostgreSQL schema (test databases only).
    void DropEverything();

  private:
    Database(DatabaseUrl url, std::unique_ptr<soci::session> session);
    MigrationReport Migrate(int targetVersion, const OpenOptions& options);

    friend class Transaction;
    DatabaseUrl url_;
    std::unique_ptr<soci::session> session_;
    MigrationReport migration_;
    int transactionDepth_ = 0;  // Transactions open (only the outermost commits)
};

// The database could not be opened, reached, brought up to date, backed up
// or restored. what() says in the user's words what failed and what to do;
// technical() keeps the engine's or tool's own text (never shown; for the
// log and CCHC_DEBUG).
class DatabaseFailure : public UserError {
  public:
    DatabaseFailure(Location where, const std::string& message, std::string technical);
    const std::string& technical() const { return technical_; }

  private:
    std::string technical_;
};

// The sentence for an engine's failure to open url (detail: its text).
// Exposed for tests.
std::string ExplainOpenFailure(const DatabaseUrl& url, const std::string& detail);

// The database stayed busy with another program's write (an import, a
// second client) for longer than the busy timeout; nothing was written.
class DatabaseBusyError : public UserError {
  public:
    DatabaseBusyError();
};

// Whether e is the database engine saying that another connection holds
// the lock it needed after its busy timeout (SQLite's SQLITE_BUSY/LOCKED,
// PostgreSQL's lock_timeout: SQLSTATE 55P03).
bool IsDatabaseBusy(const std::exception& e);

// Whether e is a PostgreSQL server asking for a password the connection did
// not give (the address names a login, no PGPASSWORD or ~/.pgpass entry):
// not a failure to tell, a password to ask for.
bool IsPasswordWanted(const std::exception& e);

// Whether e comes from the database engine (SOCI, SQLite, libpq) rather than
// from the program's own checks.
bool IsDatabaseError(const std::exception& e);

// Whether e is the PostgreSQL server refusing the connection's account what
// it asked (a grant it lacks, a row outside its units, a guard of migration
// 0010): SQLSTATE 42501.
bool IsRefusedByServer(const std::exception& e);

// One unit of work: everything written through the database between
// construction and Commit() is kept, or nothing of it if Commit() is never
// reached (exception, early return). On SQLite it takes the write lock at
// once (BEGIN IMMEDIATE), waiting up to the busy timeout for another
// writer, and throws DatabaseBusyError when it cannot; a deferred
// transaction could not take the lock later without failing at once. A
// Transaction opened while another is open joins it: only the outermost one
// commits or rolls back.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void Commit();

  private:
    Database& db_;
    bool done_ = false;
};

// Serialises the saves of one record (named by `what`, e.g.
// "settings:office") between desks, for records whose version is read from
// several rows: on PostgreSQL an advisory lock held until the transaction
// ends, so that what the save reads next includes every other save of the
// record that committed; on SQLite the transaction already holds the
// database's write lock. Call it inside a Transaction, before reading.
void LockForEdit(Database& db, const std::string& what);

}  // namespace cchc::storage
