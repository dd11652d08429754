// The database as both programs handle it: where it lives (a URL, `sqlite:PATH`
// or `postgresql://user@host:port/db`), the open connection, and opening one.
// The desktop client and the command line reach the office's data through
// this header and the other services, never through the repositories.
#pragma once
#include <memory>
#include <string>

#include "storage/database.h"

namespace cchc::services {

// The open connection (one per thread): its URL, schema version, last
// migration, checks and backups.
using Database = storage::Database;
// Where a database lives; Display() hides a password.
using DatabaseUrl = storage::DatabaseUrl;
using DatabaseBackend = storage::Backend;
// Whether opening may create a missing SQLite file and apply migrations.
using OpenOptions = storage::OpenOptions;

// The URL as written; UserError for anything that is neither form.
DatabaseUrl ParseDatabaseUrl(const std::string& url);
// sqlite:<data dir>/cchc.db.
DatabaseUrl DefaultDatabaseUrl();
// The command line's --db if given, else $CCHC_DB, else the default.
DatabaseUrl ResolveDatabaseUrl(const std::string& fromCommandLine);

// Opens the database; UserError when it cannot be opened, is newer than
// the program, or a migration fails.
std::unique_ptr<Database> OpenDatabase(const DatabaseUrl& url, const OpenOptions& options = {});
// Another connection to a database that is open and up to date already (for
// a worker thread): nothing is created or migrated.
std::unique_ptr<Database> OpenConnection(const DatabaseUrl& url);
// The same database reached as another login: on PostgreSQL the URL with
// login and password as its user and password (a user or password the URL
// held is replaced); an SQLite URL, which has no user, as it is.
DatabaseUrl WithLogin(const DatabaseUrl& url, const std::string& login,
                      const std::string& password);
// Which database the URL names, whoever connects to it: `sqlite:` and the
// file's absolute path, or `postgresql://host:port/db` without the user
// and password (parts the URL leaves to libpq's defaults stay empty). What
// the client remembers per database (the last login) is keyed by it.
std::string DatabaseKey(const DatabaseUrl& url);
// The schema version this program writes.
int LatestSchemaVersion();

}  // namespace cchc::services
