// Backups of a whole database and their restoring, on both engines.
//
// An SQLite database is copied page by page with SQLite's online backup
// (readers and writers go on meanwhile) into a self-contained file in
// rollback-journal mode; it is restored the same way into the target's own
// connection, in one write transaction. A PostgreSQL database is dumped by
// the server's pg_dump in its custom format and restored by pg_restore's
// script run through psql in one transaction that first drops the tables it
// replaces. The tools are those of the server's major version when
// installed (/usr/lib/postgresql/<major>/bin), and get the password from
// PGPASSWORD, never on their command line. An SQLite backup may also be
// copied into an empty PostgreSQL database, table by table, in one
// transaction.
//
// Every backup file is written beside its target and renamed into place
// when complete (core/atomic_file.h): a backup cut short never stands.
#pragma once
#include <string>

#include "core/progress.h"
#include "storage/database.h"

namespace cchc::storage {

enum class BackupFormat {
    None,    // not a backup of CCHC Desk
    Sqlite,  // an SQLite database file of CCHC Desk
    PgDump,  // a pg_dump custom-format archive of a CCHC Desk database
};

struct BackupInfo {
    BackupFormat format = BackupFormat::None;
    int schemaVersion = 0;  // the schema version the backup holds (0: unknown)
};

// What file holds. UserError naming the file when it cannot be read or is
// not a backup of CCHC Desk (an SQLite file without our tables, any other
// file). A dump's schema version is read (and a dump of another database
// refused) only when target is a PostgreSQL database: with its tools.
BackupInfo InspectBackup(const std::string& file, Database* target = nullptr);

// Writes a backup of db into path (replacing a file there), beside it first.
// Cancelled through progress (between SQLite's backup steps; pg_dump is
// killed), CancelledError, and path is as it was.
void WriteBackup(Database& db, const std::string& path, Progress* progress);

// Whether the database holds anything beyond the schema and the built-in
// catalogues (units, people, results, settings, a user's own framework, or
// tables of another program).
bool HoldsData(Database& db);

// Replaces everything in target by the backup in file, in one transaction:
// an SQLite backup into an SQLite database, a dump into a PostgreSQL one,
// an SQLite backup into a PostgreSQL one (copied table by table after the
// backup's schema is brought up to date in a temporary copy). The caller
// checks that target may be replaced and reopens it afterwards (the schema
// may be older than the program's). UserError for an impossible pair.
// Cancelled through progress (between SQLite's backup steps, between
// tables and rows copied, pg_restore and psql killed before the COMMIT),
// CancelledError, and target holds what it held.
void RestoreBackup(Database& target, const std::string& file, const BackupInfo& info,
                   Progress* progress);

// The directory of the PostgreSQL client programs to use with a server of
// the given major version (e.g. 15), or "" for those on the PATH.
std::string PostgresToolDirectory(int serverMajor);

}  // namespace cchc::storage
