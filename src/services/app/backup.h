// Backups of the office's database and restoring them, for the command line
// (`cchc backup`, `cchc restore`) and the client (File > Back up..., File >
// Restore from a backup..., the daily copies). SQLite databases are copied
// with SQLite's online backup, PostgreSQL ones dumped with pg_dump's custom
// format (storage/backup.h); every file is written beside its target and
// renamed into place when complete.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/progress.h"
#include "services/app/app_context.h"
#include "services/app/database_access.h"

namespace cchc::services {

struct BackupWritten {
    std::string path;
    std::uintmax_t bytes = 0;
};

// Writes a backup of db to path. An existing file is refused unless
// overwrite is set (the client's save dialog asked already). Cancelled
// through progress: CancelledError, and path is as it was (no file, or the
// one there before). A backup holds every unit's data: on a database with
// accounts it is the administrator's and the specialists' (core/access.h),
// refused to the account `user` otherwise (AccessDenied).
BackupWritten BackupDatabase(Database& db, const std::string& path, bool overwrite,
                             const std::string& user, Progress* progress);

// The name offered for a backup made on day: cchc-YYYY-MM-DD.db for SQLite,
// cchc-YYYY-MM-DD.backup for a PostgreSQL dump.
std::string DefaultBackupName(DatabaseBackend backend, const Date& day);

// Whether the database holds the office's data (anything beyond the schema
// and the built-in catalogues): a restore replaces it only when asked.
bool HoldsOfficeData(Database& db);

// Refuses (UserError naming it) a file that is not a backup of CCHC Desk,
// before any database is opened for it.
void CheckBackupFile(const std::string& file);

struct RestoreReport {
    std::string replacedCopy;    // the backup of what was replaced, or empty
    int backupVersion = 0;       // the schema version of the backup (0: unknown)
    bool acrossEngines = false;  // an SQLite backup copied into PostgreSQL
};

// Replaces what target holds by the backup in file. Refuses a file that is
// not a backup of CCHC Desk, a backup of a newer program, a PostgreSQL dump
// into SQLite, and a database that holds data unless replace is set; with
// replace, first backs up what is there (beside an SQLite database in its
// backups/ folder; for PostgreSQL beside file) and names that copy in the
// report. Open the database again afterwards (OpenPrepared): migrations
// bring an older backup up to date. Cancelled through progress:
// CancelledError, and target holds what it held. A restore replaces the
// accounts too: on a target with accounts it is the administrator's only,
// refused to the account `user` otherwise (AccessDenied); an empty target,
// or one without accounts, is anyone's.
RestoreReport RestoreDatabase(Database& target, const std::string& file, bool replace,
                              const std::string& user, Progress* progress);

// Opens the database a restore wrote: migrations bring an older backup up
// to date, and the built-in catalogues are loaded (idempotent).
PreparedDatabase ReopenAfterRestore(const DatabaseUrl& url);

// Daily copies of an SQLite database: backups/ beside the database file,
// one file <name>-YYYY-MM-DD.db a day, the last keepDays kept (setting
// backup.keep_days, 7 by default). Never for PostgreSQL, which the server's
// administrator backs up with `cchc backup`.
struct DailyCopyReport {
    std::string written;               // the copy made now, or empty
    std::vector<std::string> removed;  // older copies removed
};
DailyCopyReport KeepDailyCopy(Database& db, const Date& today);
// Whether the database at url needs today's copy: an SQLite database whose
// backups/ folder has no copy of today yet (a client left open for days
// asks this now and then; never for PostgreSQL).
bool DailyCopyDue(const DatabaseUrl& url, const Date& today);
// The folder of the daily copies ("" for PostgreSQL).
std::string DailyCopyFolder(const DatabaseUrl& url);

constexpr int kDefaultBackupKeepDays = 7;
int BackupKeepDays(Database& db);
// 1..365; UserError naming the setting otherwise. Audited.
void SaveBackupKeepDays(Database& db, int days, const std::string& user);

}  // namespace cchc::services
