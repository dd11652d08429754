// Where a database lives, written as a URL: `sqlite:PATH` for the embedded
// file or `postgresql://user@host:port/db` for a shared server. The command
// line (--db, $CCHC_DB) and the desktop client read the same form.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace cchc::storage {

enum class Backend { Sqlite, Postgresql };

struct DatabaseUrl {
    Backend backend = Backend::Sqlite;
    std::string path;           // SQLite file path
    std::string connectString;  // SOCI/libpq connection string for PostgreSQL
    std::string original;       // as the user wrote it
    // PostgreSQL: the parts named in the URL (empty when left to libpq's
    // defaults), for messages and for the server's own tools.
    std::string host, port, database, user;
    std::string password;  // never shown, logged or put on a command line
    // The libpq connection string without the password (which the server's
    // tools get from PGPASSWORD or ~/.pgpass): safe on a command line.
    std::string connectStringWithoutPassword;
    // Further libpq settings given in the URL's query (?sslmode=require),
    // the password left out.
    std::vector<std::pair<std::string, std::string>> params;

    // Throws cchc::UserError for anything that is neither form.
    static DatabaseUrl Parse(const std::string& url);
    // The default: sqlite:<data dir>/cchc.db, where the data dir is
    // $XDG_DATA_HOME/cchc-desk or ~/.local/share/cchc-desk.
    static DatabaseUrl Default();
    // --db if given, else $CCHC_DB, else Default().
    static DatabaseUrl Resolve(const std::string& fromCommandLine);

    // The URL with any password hidden, for status bars and messages.
    std::string Display() const;
    // The same PostgreSQL database as another user (an account logging in):
    // user and password replaced (an empty password is left to libpq:
    // PGPASSWORD, ~/.pgpass). An SQLite URL is returned as it is.
    DatabaseUrl WithLogin(const std::string& login, const std::string& password) const;
};

std::string DefaultDataDirectory();

}  // namespace cchc::storage
