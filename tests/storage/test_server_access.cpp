// The office server: migrations that hold PostgreSQL functions (dollar
// quotes) or statements for one engine only, and upgrades left to the
// database owner. Tests that need the server skip themselves on SQLite.
#include <soci/soci.h>
#include <boost/test/unit_test.hpp>

#include <map>
#include <regex>
#include <string>
#include <utility>

#include "core/access.h"
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

std::string GroupOf(Role role) { return "cchc_" + std::string(RoleKey(role)); }

bool Granted(storage::Database& db, Role role, const std::string& table, const std::string& what) {
    int yes = 0;
    db.session() << "SELECT CASE WHEN has_table_privilege(:g, :t, :p) THEN 1 ELSE 0 END",
        soci::use(GroupOf(role)), soci::use(table), soci::use(what), soci::into(yes);
    return yes == 1;
}

bool ColumnGranted(storage::Database& db, Role role, const std::string& table,
                   const std::string& column, const std::string& what) {
    int yes = 0;
    db.session() << "SELECT CASE WHEN has_column_privilege(:g, :t, :c, :p) THEN 1 ELSE 0 END",
        soci::use(GroupOf(role)), soci::use(table), soci::use(column), soci::use(what),
        soci::into(yes);
    return yes == 1;
}

std::vector<std::string> Tables(storage::Database& db) {
    std::vector<std::string> out;
    soci::rowset<std::string> rs = (db.session().prepare << "SELECT tablename FROM pg_tables WHERE "
                                                            "schemaname = current_schema() ORDER "
                                                            "BY tablename");
    for (const auto& t : rs) out.push_back(t);
    return out;
}

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

// The grants of each group role say what core/access.h says of its role:
// the tables an action writes, the audit trail, citizens' names, accounts.
BOOST_FIXTURE_TEST_CASE(group_roles_are_granted_what_the_matrix_allows, DbFixture) {
    if (!OnServer(Db())) return;
    struct Write {
        const char* table;
        Action action;
    };
    const Write writes[] = {
        {"settings", Action::EditSettings},
        {"frameworks", Action::EditFrameworks},
        {"criteria", Action::EditFrameworks},
        {"procedure_fields", Action::EditCatalogues},
        {"rating_aspects", Action::EditCatalogues},
        {"units", Action::EditUnits},
        {"people", Action::EditUnits},
        {"results", Action::EditScores},
        {"result_sets", Action::EditScores},
        {"evidence", Action::EditEvidence},
        {"result_evidence", Action::EditEvidence},
        {"plans", Action::EditPlans},
        {"plan_items", Action::EditPlans},
        {"tasks", Action::EditPlans},
        {"task_coordinators", Action::EditPlans},
        {"progress_updates", Action::RecordProgress},
        {"progress_evidence", Action::RecordProgress},
        {"survey_tallies", Action::EditSurveys},
        {"dossier_stats", Action::EditSurveys},
        {"ratings", Action::EditSurveys},
        {"self_assessments", Action::EditSurveys},
        {"report_narratives", Action::DraftReports},
        {"issued_reports", Action::IssueReports},
        {"users", Action::ManageAccounts},
    };
    for (Role role : AllRoles()) {
        BOOST_TEST_CONTEXT(RoleKey(role)) {
            for (const auto& w : writes)
                BOOST_TEST(Granted(Db(), role, w.table, "INSERT") == RoleAllows(role, w.action),
                           w.table);
            BOOST_TEST(Granted(Db(), role, "audit_log", "SELECT") ==
                       RoleAllows(role, Action::ReadAudit));
            BOOST_TEST(ColumnGranted(Db(), role, "ratings", "citizen", "SELECT") ==
                       RoleAllows(role, Action::SeeCitizenNames));
            BOOST_TEST(ColumnGranted(Db(), role, "ratings", "officer_id", "SELECT"));
            BOOST_TEST(ColumnGranted(Db(), role, "users", "password_hash", "SELECT") ==
                       RoleAllows(role, Action::ManageAccounts));
            BOOST_TEST(ColumnGranted(Db(), role, "users", "login", "SELECT"));
            // The audit log is only added to, by everyone.
            BOOST_TEST(Granted(Db(), role, "audit_log", "INSERT"));
            BOOST_TEST(!Granted(Db(), role, "audit_log", "UPDATE"));
            BOOST_TEST(!Granted(Db(), role, "audit_log", "DELETE"));
            BOOST_TEST(!Granted(Db(), role, "audit_log", "TRUNCATE"));
            BOOST_TEST(!Granted(Db(), role, "schema_version", "INSERT"));
            // Everyone reads the rest (row-level security says which rows).
            for (const auto& table : Tables(Db()))
                if (table != "ratings" && table != "audit_log" && table != "users")
                    BOOST_TEST(Granted(Db(), role, table, "SELECT"), table);
        }
    }
    // A clerk records progress, which moves the task's status, but does
    // not add tasks; the server's guard keeps the rest of the task (below).
    BOOST_TEST(Granted(Db(), Role::Clerk, "tasks", "UPDATE"));
    BOOST_TEST(!Granted(Db(), Role::Clerk, "tasks", "DELETE"));
    // A viewer writes nothing of the office's data.
    for (const auto& table : Tables(Db())) {
        if (table == "audit_log" || table == "saved_filters") continue;
        for (const char* what : {"INSERT", "UPDATE", "DELETE", "TRUNCATE"})
            BOOST_TEST(!Granted(Db(), Role::Viewer, table, what), table << " " << what);
    }
    // Given again (after a restore), the grants are the same.
    Db().session() << "DO $$BEGIN PERFORM cchc_grant_access(); END$$";
    BOOST_TEST(Granted(Db(), Role::Chair, "tasks", "INSERT"));
    BOOST_TEST(!Granted(Db(), Role::Viewer, "tasks", "INSERT"));
}

BOOST_AUTO_TEST_SUITE_END()
