// A fresh, migrated database for each test: a new SQLite file, or the
// PostgreSQL test database emptied first (and the server logins its
// accounts had dropped).
#pragma once
#include <soci/soci.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "storage/database.h"
#include "test_support.h"

namespace cchc::test {

// Server logins are the whole PostgreSQL server's, shared with other
// databases and other people's tests: a test names its logins after its
// database ("cchc_x" gives "cchc_x_quantri"). On SQLite a login is kept as
// it is.
inline std::string TestLogin(const std::string& login) {
    if (!TestingPostgres()) return login;
    const char* pg = std::getenv("CCHC_TEST_PG");
    std::string prefix = storage::DatabaseUrl::Parse(pg ? pg : "").database;
    for (auto& c : prefix) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return prefix + "_" + login;
}

// The test database as another user (an account's login).
inline storage::DatabaseUrl TestUrlAs(const std::string& login, const std::string& password = "") {
    const char* pg = std::getenv("CCHC_TEST_PG");
    return storage::DatabaseUrl::Parse(pg ? pg : "").WithLogin(login, password);
}

// A statement naming a role, quoted by the server (format's %I).
inline void RunOnRole(storage::Database& db, const char* pattern, const std::string& role) {
    const std::string format = pattern;
    std::string sql;
    db.session() << "SELECT format(:f, CAST(:r AS TEXT))", soci::use(format), soci::use(role),
        soci::into(sql);
    db.session() << sql;
}

// Drops the server logins of this test run's accounts: roles named with
// TestLogin's prefix that belong to a group of the program (cchc_admin,
// ...), left by the last test, or by a run that was killed.
inline void DropTestLogins(storage::Database& db) {
    if (db.backend() != storage::Backend::Postgresql) return;
    const std::string prefix = TestLogin("");
    std::vector<std::string> roles;
    soci::rowset<std::string> rs =
        (db.session().prepare << "SELECT DISTINCT r.rolname FROM pg_roles r JOIN pg_auth_members "
                                 "m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid "
                                 "WHERE starts_with(r.rolname, :p) AND g.rolname LIKE 'cchc\\_%' "
                                 "AND NOT r.rolsuper",
         soci::use(prefix));
    for (const auto& r : rs) roles.push_back(r);
    for (const auto& r : roles) RunOnRole(db, "DROP ROLE IF EXISTS %I", r);
}

inline std::unique_ptr<storage::Database> FreshDatabase(const TempDir& dir, int targetVersion = 0) {
    auto url = storage::DatabaseUrl::Parse(TestDatabaseUrl(dir));
    if (url.backend == storage::Backend::Postgresql) {
        storage::OpenOptions o;
        o.migrate = false;
        auto db = storage::Database::Open(url, o);
        DropTestLogins(*db);
        db->DropEverything();
    }
    storage::OpenOptions o;
    o.targetVersion = targetVersion;
    return storage::Database::Open(url, o);
}

struct DbFixture {
    TempDir dir;
    std::unique_ptr<storage::Database> db = FreshDatabase(dir);
    storage::Database& Db() { return *db; }
    ~DbFixture() {
        try {
            if (db) DropTestLogins(*db);
        } catch (...) {
        }
    }
};

}  // namespace cchc::test
