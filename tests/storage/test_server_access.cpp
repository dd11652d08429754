// The office server: migrations that hold PostgreSQL functions (dollar
// quotes) or statements for one engine only, and upgrades left to the
// database owner. Tests that need the server skip themselves on SQLite.
#include <soci/soci.h>
#include <boost/test/unit_test.hpp>

#include <regex>
#include <string>

#include "core/i18n.h"
#include "fixture.h"
#include "storage/migrations.h"

using namespace cchc;
using namespace cchc::test;

namespace {

bool OnServer(storage::Database& db) { return db.backend() == storage::Backend::Postgresql; }

// A login role of the test server that is no account (the database's
// owner's guest), dropped when the test ends.
struct Guest {
    storage::Database& admin;
    std::string name;
    Guest(storage::Database& db, const std::string& login) : admin(db), name(TestLogin(login)) {
        RunOnRole(admin, "DROP ROLE IF EXISTS %I", name);
        RunOnRole(admin, "CREATE ROLE %I LOGIN", name);
    }
    ~Guest() {
        try {
            RunOnRole(admin, "DROP ROLE IF EXISTS %I", name);
        } catch (...) {
        }
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(server_access)

BOOST_AUTO_TEST_CASE(function_bodies_in_dollar_quotes_stay_whole) {
    const std::string sql =
        "-- a migration\n"
        "CREATE FUNCTION f(x BIGINT) RETURNS TEXT LANGUAGE plpgsql AS $$\n"
        "DECLARE s TEXT;\n"
        "BEGIN\n"
        "    -- a comment of the body;\n"
        "    s := 'a;';\n"
        "    RETURN s || $1;\n"
        "END;\n"
        "$$;\n"
        "\n"
        "CREATE FUNCTION g() RETURNS TEXT LANGUAGE sql AS $body$ SELECT 'x;'\n"
        "  || $q$;$q$;\n"
        "$body$;\n"
        "INSERT INTO t VALUES ('two\n"
        "lines;\n"
        "kept');\n"
        "SELECT $1;\n";
    const auto parts = storage::SplitStatements(sql);
    BOOST_REQUIRE_EQUAL(parts.size(), 4u);
    BOOST_TEST(parts[0].find("-- a comment of the body;") != std::string::npos, parts[0]);
    BOOST_TEST(parts[0].find("END;\n$$") != std::string::npos, parts[0]);
    BOOST_TEST(parts[1].find("$q$;$q$;\n$body$") != std::string::npos, parts[1]);
    BOOST_TEST(parts[2].find("lines;\nkept')") != std::string::npos, parts[2]);
    BOOST_TEST(parts[3] == "SELECT $1");
    // What the splitter did before: a ';' ending a line ends a statement,
    // comment lines go.
    const auto plain = storage::SplitStatements(
        "-- c\nCREATE TABLE a (x TEXT DEFAULT ';');\n\nINSERT INTO a VALUES ('a;b'); -- note\n"
        "SELECT 1;\n");
    BOOST_REQUIRE_EQUAL(plain.size(), 2u);
    BOOST_TEST(plain[0] == "CREATE TABLE a (x TEXT DEFAULT ';')");
}

BOOST_AUTO_TEST_CASE(a_migration_for_one_engine_is_numbered_on_both) {
    BOOST_TEST(storage::EngineOfMigration("0010_server_access.postgresql.sql").any == false);
    BOOST_TEST((storage::EngineOfMigration("0010_server_access.postgresql.sql").only ==
                storage::Backend::Postgresql));
    BOOST_TEST((storage::EngineOfMigration("0011_x.sqlite.sql").only == storage::Backend::Sqlite));
    BOOST_TEST(storage::EngineOfMigration("0001_initial_schema.sql").any);
    const auto lite = storage::LoadMigrations(storage::Backend::Sqlite);
    const auto server = storage::LoadMigrations(storage::Backend::Postgresql);
    BOOST_REQUIRE_EQUAL(lite.size(), server.size());
    for (std::size_t i = 0; i < lite.size(); ++i) {
        BOOST_TEST(lite[i].version == server[i].version);
        const auto engine = storage::EngineOfMigration(lite[i].name);
        if (engine.any) continue;
        BOOST_TEST((engine.only == storage::Backend::Sqlite ? server : lite)[i].statements.empty(),
                   lite[i].name);
        BOOST_TEST(!(engine.only == storage::Backend::Sqlite ? lite : server)[i].statements.empty(),
                   lite[i].name);
    }
}

BOOST_AUTO_TEST_CASE(an_account_is_told_to_ask_the_owner_for_an_upgrade) {
    TempDir dir;
    auto owner = FreshDatabase(dir, storage::Database::LatestSchemaVersion() - 1);
    if (!OnServer(*owner)) return;
    const int before = owner->SchemaVersion();
    BOOST_REQUIRE(before < storage::Database::LatestSchemaVersion());
    Guest guest(*owner, "khach");
    const auto url = TestUrlAs(guest.name);
    SetLanguage("vi");
    std::string message, technical;
    try {
        storage::Database::Open(url);
    } catch (const storage::DatabaseFailure& e) {
        message = e.what();
        technical = e.technical();
    }
    SetLanguage("en");
    BOOST_TEST(message.find("nhờ quản trị viên chạy nâng cấp") != std::string::npos, message);
    BOOST_TEST(!std::regex_search(message, std::regex("\\b(SQL|SELECT|CREATE|ALTER)\\b")), message);
    BOOST_TEST(technical.find("not the database owner") != std::string::npos, technical);
    // Nothing was tried: the schema is as it was.
    BOOST_TEST(owner->SchemaVersion() == before);
    // An empty database likewise.
    owner->DropEverything();
    BOOST_CHECK_THROW(storage::Database::Open(url), storage::DatabaseFailure);
    BOOST_TEST(owner->SchemaVersion() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
