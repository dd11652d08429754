// The office server: migrations that hold PostgreSQL functions (dollar
// quotes) or statements for one engine only, and upgrades left to the
// database owner. Tests that need the server skip themselves on SQLite.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <boost/test/unit_test.hpp>

#include <map>
#include <regex>
#include <string>
#include <utility>

#include "core/access.h"
#include "core/i18n.h"
#include "fixture.h"
#include "services/app/accounts.h"
#include "services/app/failure_message.h"
#include "services/plans/plans.h"
#include "services/surveys/surveys.h"
#include "storage/migrations.h"
#include "storage/rating_repository.h"
#include "storage/settings_repository.h"

using namespace cchc;
using namespace cchc::test;
namespace tt = boost::test_tools;

namespace {

bool OnServer(storage::Database& db) { return db.backend() == storage::Backend::Postgresql; }

// The password of the login roles these tests make themselves: the test
// server asks every login but its owner for a password (SCRAM), as an
// office's server does.
const char* const kRolePassword = "Mk-thu-nghiem-1";

// A login role of the test server that is no account (the database's
// owner's guest), dropped when the test ends.
struct Guest {
    storage::Database& admin;
    std::string name;
    Guest(storage::Database& db, const std::string& login) : admin(db), name(TestLogin(login)) {
        RunOnRole(admin, "DROP ROLE IF EXISTS %I", name);
        RunOnRole(admin, "CREATE ROLE %I LOGIN PASSWORD 'Mk-thu-nghiem-1'", name);
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

// The SQLSTATE of what f threw ("" when it threw nothing, "-" for no
// server error).
template <typename F>
std::string StateOf(F f) {
    try {
        f();
    } catch (const soci::postgresql_soci_error& e) {
        return e.sqlstate();
    } catch (const std::exception&) {
        return "-";
    }
    return "";
}

// Rows of a table (a name of the schema, never a value).
long long Count(storage::Database& db, const std::string& table) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
}

long long Scalar(storage::Database& db, const std::string& sql, long long id = 0) {
    long long n = 0;
    if (sql.find(":id") != std::string::npos)
        db.session() << sql, soci::use(id, "id"), soci::into(n);
    else
        db.session() << sql, soci::into(n);
    return n;
}

// Rows a statement changed; ":id" in it is the given id.
long long Changed(storage::Database& db, const std::string& sql, long long id = 0) {
    soci::statement st = sql.find(":id") != std::string::npos
                             ? (db.session().prepare << sql, soci::use(id, "id"))
                             : (db.session().prepare << sql);
    st.execute(true);
    return st.get_affected_rows();
}

// A small office on the server: the district H-TS with its two communes
// XA-AB (and a department under it) and XA-DT, each with a plan, a task, a
// result set and its results, evidence, an officer and ratings with
// citizens' names; accounts made as the owner would (a login role in the
// group of its role, and its row in users), dropped with the fixture.
struct Office : DbFixture {
    long long district = 0, ab = 0, abDept = 0, dt = 0, framework = 0, criterion = 0;
    std::map<std::string, long long> task, set, result;

    long long Unit(const std::string& code, const std::string& name, const std::string& kind,
                   long long parent) {
        long long id = 0;
        soci::indicator ind = parent ? soci::i_ok : soci::i_null;
        Db().session() << "INSERT INTO units (code, name, kind, parent_id) VALUES (:c, :n, :k, :p) "
                          "RETURNING id",
            soci::use(code), soci::use(name), soci::use(kind), soci::use(parent, ind),
            soci::into(id);
        return id;
    }

    // Inserts with the unit (:u) and the row above (:p); the new id.
    long long Add(const std::string& sql, long long unit, long long parent = 0) {
        long long id = 0;
        if (sql.find(":p") != std::string::npos)
            Db().session() << sql + " RETURNING id", soci::use(unit, "u"), soci::use(parent, "p"),
                soci::into(id);
        else
            Db().session() << sql + " RETURNING id", soci::use(unit, "u"), soci::into(id);
        return id;
    }

    Office() {
        if (!OnServer(Db())) return;
        district = Unit("H-TS", "Huyện Tây Sơn", "district", 0);
        ab = Unit("XA-AB", "Xã An Bình", "commune", district);
        abDept = Unit("XA-AB-VP", "Văn phòng xã An Bình", "department", ab);
        dt = Unit("XA-DT", "Xã Đông Thạnh", "commune", district);
        Db().session() << "INSERT INTO frameworks (code, name, year, kind) VALUES ('PAR-T', 'Bộ "
                          "chỉ số thử', 2025, 'par') RETURNING id",
            soci::into(framework);
        criterion =
            Add("INSERT INTO criteria (framework_id, code, title, max_points, rule) VALUES "
                "(:u, '1.1', 'Công khai', 2, 'manual')",
                framework);
        for (const auto& [code, unit] : {std::pair<std::string, long long>{"XA-AB", ab},
                                         {"XA-AB-VP", abDept},
                                         {"XA-DT", dt}}) {
            const auto plan =
                Add("INSERT INTO plans (unit_id, year, title) VALUES (:u, 2026, 'Kế hoạch')", unit);
            const auto item =
                Add("INSERT INTO plan_items (plan_id, heading) VALUES (:u, '1.1')", plan);
            task[code] = Add("INSERT INTO tasks (item_id, solution) VALUES (:u, 'Niêm yết')", item);
            Add("INSERT INTO progress_updates (task_id, period, status, created_at) VALUES (:u, "
                "'2026-Q1', 'in_progress', '2026-03-31T08:00:00')",
                task[code]);
            set[code] =
                Add("INSERT INTO result_sets (unit_id, framework_id, period) VALUES (:u, "
                    ":p, '2025')",
                    unit, framework);
            result[code] =
                Add("INSERT INTO results (unit_id, criterion_id, period, self_score) "
                    "VALUES (:u, :p, '2025', 1)",
                    unit, criterion);
            Add("INSERT INTO evidence (unit_id, title, created_at) VALUES (:u, 'Biên bản', "
                "'2026-01-05T08:00:00')",
                unit);
            const auto officer =
                Add("INSERT INTO people (unit_id, code, full_name) VALUES (:u, "
                    "'CB-' || CAST(:p AS TEXT), 'Cán bộ')",
                    unit, unit);
            for (const char* day : {"01", "02", "03"})
                Add("INSERT INTO ratings (rated_at, unit_id, officer_id, channel, citizen, "
                    "attitude) VALUES ('2026-01-" +
                        std::string(day) + "T08:00:00', :u, :p, 'kiosk', 'Nguyễn Văn Dân', 5)",
                    unit, officer);
        }
    }

    // An account as the owner makes it: a login role in its group, its row.
    std::string Account(const std::string& name, Role role, std::int64_t unit = 0) {
        const std::string login = TestLogin(name);
        RunOnRole(Db(), "DROP ROLE IF EXISTS %I", login);
        std::string sql;
        const std::string group = GroupOf(role),
                          pattern = "CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I";
        const std::string password = kRolePassword;
        Db().session() << "SELECT format(:f, CAST(:l AS TEXT), CAST(:p AS TEXT), CAST(:g AS TEXT))",
            soci::use(pattern), soci::use(login), soci::use(password), soci::use(group),
            soci::into(sql);
        Db().session() << sql;
        const std::string key(RoleKey(role));
        long long unitId = unit;
        soci::indicator ind = unit ? soci::i_ok : soci::i_null;
        Db().session() << "INSERT INTO users (login, role, unit_id) VALUES (:l, :r, :u)",
            soci::use(login), soci::use(key), soci::use(unitId, ind);
        return login;
    }

    std::unique_ptr<storage::Database> As(const std::string& login) {
        return storage::Database::Open(TestUrlAs(login, kRolePassword));
    }
};

// The office with its accounts made as the office makes them: the owner's
// setup connection adds the administrator, whose own connection adds the
// others (server logins in their groups, with passwords).
struct OfficeWithAccounts : Office {
    std::string admin, chair, viewer, specialist;
    services::AccountConnection adminDesk;

    OfficeWithAccounts() {
        if (!OnServer(Db())) return;
        admin = TestLogin("quantri");
        chair = TestLogin("ct_ab");
        viewer = TestLogin("xem");
        specialist = TestLogin("cv_noivu");
        services::AccountService(Db(), "installer")
            .Add(admin, Role::Admin, "", "Quản trị", "Mk-quan-tri-1");
        adminDesk = services::ConnectAsAccount(Db().url(), admin, "Mk-quan-tri-1");
        services::AccountService office(*adminDesk.db, admin);
        office.Add(chair, Role::Chair, "XA-AB", "Chủ tịch xã An Bình", "Mk-chu-tich-1");
        office.Add(viewer, Role::Viewer, "", "Người xem", "Mk-nguoi-xem-1");
        office.Add(specialist, Role::Specialist, "", "Chuyên viên", "Mk-chuyen-vien-1");
    }

    std::unique_ptr<storage::Database> Desk(const std::string& login, const std::string& password) {
        return services::ConnectAsAccount(Db().url(), login, password).db;
    }

    // The audit entries of a row, as the owner reads them.
    std::vector<storage::AuditEntry> Trail(const std::string& table, long long id) {
        return storage::AuditRepository(Db().session()).ForRow(table, id);
    }
};

std::vector<std::pair<std::string, std::string>> TablesAndAColumn(storage::Database& db) {
    std::vector<std::pair<std::string, std::string>> out;
    soci::rowset<soci::row> rs =
        (db.session().prepare << "SELECT c.table_name, MIN(c.column_name) FROM "
                                 "information_schema.columns c JOIN pg_tables t ON t.tablename = "
                                 "c.table_name AND t.schemaname = c.table_schema WHERE "
                                 "c.table_schema = current_schema() AND c.column_name <> "
                                 "'last_login_at' GROUP BY c.table_name ORDER BY 1");
    for (const auto& r : rs) out.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
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
    const auto url = TestUrlAs(guest.name, kRolePassword);
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
        {"unit_lineage", Action::EditUnits},
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
    BOOST_TEST(Granted(Db(), Role::Specialist, "unit_lineage", "UPDATE"));
    BOOST_TEST(!Granted(Db(), Role::Chair, "unit_lineage", "INSERT"));
}

// Row-level security: every table of the office is behind it, so that an
// account sees nothing it was not given (a table a later migration adds
// fails here until it has its policy).
BOOST_FIXTURE_TEST_CASE(every_table_has_row_level_security, DbFixture) {
    if (!OnServer(Db())) return;
    std::vector<std::string> open;
    soci::rowset<std::string> rs =
        (Db().session().prepare << "SELECT c.relname FROM pg_class c WHERE c.relnamespace = "
                                   "CAST(current_schema() AS regnamespace) AND c.relkind = 'r' "
                                   "AND NOT c.relrowsecurity AND c.relname <> 'schema_version' "
                                   "ORDER BY 1");
    for (const auto& t : rs) open.push_back(t);
    BOOST_TEST(open.empty(), "without row-level security: " << open.size() << " "
                                                            << (open.empty() ? "" : open[0]));
}

BOOST_FIXTURE_TEST_CASE(a_chair_sees_and_changes_only_its_units, Office) {
    if (!OnServer(Db())) return;
    const auto chair = As(Account("ct_ab", Role::Chair, ab));
    auto& c = *chair;
    // Its commune and the department under it; not the district, not XA-DT.
    BOOST_TEST(Count(c, "units") == 2);
    for (const char* t : {"plans", "plan_items", "tasks", "progress_updates", "result_sets",
                          "results", "evidence", "people"})
        BOOST_TEST(Count(c, t) == 2, t);
    BOOST_TEST(Count(c, "ratings") == 6);
    BOOST_TEST(Scalar(c, "SELECT COUNT(*) FROM tasks WHERE id = :id", task["XA-DT"]) == 0);
    // Settings and frameworks: read by every account.
    BOOST_TEST(Count(c, "frameworks") == 1);
    BOOST_TEST(StateOf([&] { Count(c, "settings"); }).empty());
    // Its own task: changed; XA-DT's: not even found.
    BOOST_TEST(Changed(c, "UPDATE tasks SET percent_done = 40 WHERE id = :id", task["XA-AB"]) == 1);
    BOOST_TEST(Changed(c, "UPDATE tasks SET percent_done = 40 WHERE id = :id", task["XA-DT"]) == 0);
    BOOST_TEST(Changed(c, "DELETE FROM progress_updates WHERE task_id = :id", task["XA-DT"]) == 0);
    BOOST_TEST(Scalar(Db(), "SELECT percent_done FROM tasks WHERE id = :id", task["XA-DT"]) == 0);
    BOOST_TEST(Count(Db(), "progress_updates") == 3);
    // Nothing written into another unit, nor moved there.
    BOOST_TEST(StateOf([&] {
                   Changed(c, "INSERT INTO plans (unit_id, year) VALUES (:id, 2027)", dt);
               }) == "42501");
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE plans SET unit_id = :id WHERE unit_id <> :id", dt);
               }) == "42501");
    // Units and people are the office's to edit.
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE units SET name = 'Xã An Bình mới' WHERE id = :id", ab);
               }) == "42501");
    // Citizens' names in its ratings: seen.
    BOOST_TEST(Scalar(c, "SELECT COUNT(citizen) FROM ratings") == 6);
}

BOOST_FIXTURE_TEST_CASE(a_chair_submits_and_withdraws_but_does_not_appraise, Office) {
    if (!OnServer(Db())) return;
    const auto chair = As(Account("ct_ab", Role::Chair, ab));
    auto& c = *chair;
    const long long s = set["XA-AB"], r = result["XA-AB"];
    BOOST_TEST(Changed(c, "UPDATE results SET self_score = 2 WHERE id = :id", r) == 1);
    BOOST_TEST(Changed(c,
                       "UPDATE result_sets SET status = 'submitted', submitted_by = 'ct' "
                       "WHERE id = :id",
                       s) == 1);
    BOOST_TEST(Changed(c, "UPDATE results SET status = 'submitted' WHERE id = :id", r) == 1);
    // A submitted result's self score is locked; appraising is the office's.
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE results SET self_score = 1 WHERE id = :id", r);
               }) == "42501");
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE result_sets SET status = 'appraised' WHERE id = :id", s);
               }) == "42501");
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE results SET appraised_score = 2 WHERE id = :id", r);
               }) == "42501");
    // Withdrawn: a draft again.
    BOOST_TEST(Changed(c, "UPDATE result_sets SET status = 'draft' WHERE id = :id", s) == 1);
    // Appraised by the office: locked for the chair, reopening included.
    Changed(Db(), "UPDATE result_sets SET status = 'appraised' WHERE id = :id", s);
    Changed(Db(), "UPDATE results SET status = 'appraised', appraised_score = 2 WHERE id = :id", r);
    BOOST_TEST(StateOf([&] {
                   Changed(c,
                           "UPDATE result_sets SET status = 'draft', reopen_reason = 'sai' "
                           "WHERE id = :id",
                           s);
               }) == "42501");
    BOOST_TEST(StateOf([&] { Changed(c, "DELETE FROM results WHERE id = :id", r); }) == "42501");
    // Its totals may still be computed again by the program.
    BOOST_TEST(Changed(c, "UPDATE result_sets SET totals_fresh = 1, self_points = 2 WHERE id = :id",
                       s) == 1);
    // A report of its unit: issued, not revoked.
    const long long issued =
        Scalar(c,
               "INSERT INTO issued_reports (report_type, unit_id, issuer_unit_id, kind_symbol, "
               "year, created_at) VALUES ('quarterly', :id, :id, 'BC', 2026, "
               "'2026-04-01T08:00:00') RETURNING id",
               ab);
    BOOST_TEST(Changed(c,
                       "UPDATE issued_reports SET pdf = decode('25504446', 'hex') WHERE id = :id",
                       issued) == 1);
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE issued_reports SET status = 'revoked' WHERE id = :id",
                           issued);
               }) == "42501");
}

// Through the program, as the clerk's own login: a progress report moves
// the task's status and percentage and leaves its coordinators (which the
// clerk may not change) as they were, unwritten and unaudited.
BOOST_FIXTURE_TEST_CASE(a_clerks_progress_report_leaves_the_tasks_coordinators_alone, Office) {
    if (!OnServer(Db())) return;
    const long long t = task["XA-AB"];
    Changed(Db(),
            "INSERT INTO task_coordinators (task_id, sort_order, text) VALUES (:id, 0, "
            "'Công an xã')",
            t);
    const char* const kCoordinatorEntries =
        "SELECT COUNT(*) FROM audit_log WHERE table_name = 'task_coordinators'";
    const long long entries = Scalar(Db(), kCoordinatorEntries);
    const std::string login = Account("cc_ab", Role::Clerk, ab);
    const auto clerk = As(login);
    services::ProgressInput input;
    input.taskId = t;
    input.period = "2026-Q2";
    input.status = TaskStatus::InProgress;
    input.percent = 70;
    input.note = "Đã niêm yết tại Bộ phận Một cửa";
    BOOST_CHECK_NO_THROW(services::AddProgressUpdate(*clerk, input, login));
    BOOST_TEST(Scalar(Db(), "SELECT percent_done FROM tasks WHERE id = :id", t) == 70);
    BOOST_TEST(Scalar(Db(), "SELECT COUNT(*) FROM task_coordinators WHERE text = 'Công an xã'") ==
               1);
    BOOST_TEST(Scalar(Db(), kCoordinatorEntries) == entries);
}

BOOST_FIXTURE_TEST_CASE(a_clerk_records_progress_but_does_not_edit_tasks_or_submit, Office) {
    if (!OnServer(Db())) return;
    const auto clerk = As(Account("cc_ab", Role::Clerk, ab));
    auto& c = *clerk;
    const long long t = task["XA-AB"];
    BOOST_TEST(Changed(c,
                       "INSERT INTO progress_updates (task_id, period, status, percent_done, "
                       "created_at) VALUES (:id, '2026-Q2', 'in_progress', 60, "
                       "'2026-06-30T08:00:00')",
                       t) == 1);
    BOOST_TEST(Changed(c,
                       "UPDATE tasks SET status = 'in_progress', percent_done = 60, "
                       "updated_by = 'cc', version = version + 1 WHERE id = :id",
                       t) == 1);
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE tasks SET solution = 'Việc khác' WHERE id = :id", t);
               }) == "42501");
    BOOST_TEST(StateOf([&] {
                   Changed(c, "INSERT INTO plans (unit_id, year) VALUES (:id, 2027)", ab);
               }) == "42501");
    // Self scores: yes; submitting: no.
    BOOST_TEST(Changed(c, "UPDATE results SET self_score = 2 WHERE id = :id", result["XA-AB"]) ==
               1);
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE result_sets SET status = 'submitted' WHERE id = :id",
                           set["XA-AB"]);
               }) == "42501");
    // Ratings: everything but the citizen's name.
    BOOST_TEST(Scalar(c, "SELECT COUNT(attitude) FROM ratings") == 6);
    BOOST_TEST(StateOf([&] { Scalar(c, "SELECT COUNT(citizen) FROM ratings"); }) == "42501");
    BOOST_TEST(StateOf([&] { Scalar(c, "SELECT COUNT(*) FROM (SELECT * FROM ratings) r"); }) ==
               "42501");
    // No audit trail.
    BOOST_TEST(StateOf([&] { Count(c, "audit_log"); }) == "42501");
}

BOOST_FIXTURE_TEST_CASE(the_office_sees_the_whole_tree_and_strangers_nothing, Office) {
    if (!OnServer(Db())) return;
    const auto specialist = As(Account("cv", Role::Specialist));
    BOOST_TEST(Count(*specialist, "units") == 4);
    BOOST_TEST(Count(*specialist, "tasks") == 3);
    // A login of the server in a group of the program but no account of
    // this database (another office's database on the same server): no row.
    const std::string stranger = TestLogin("la");
    RunOnRole(Db(), "DROP ROLE IF EXISTS %I", stranger);
    RunOnRole(Db(), "CREATE ROLE %I LOGIN PASSWORD 'Mk-thu-nghiem-1' IN ROLE cchc_admin", stranger);
    {
        const auto s = As(stranger);
        for (const char* t : {"units", "tasks", "settings", "frameworks", "users", "audit_log"})
            BOOST_TEST(Count(*s, t) == 0, t);
        BOOST_TEST(StateOf([&] {
                       Changed(*s, "INSERT INTO settings (key, value) VALUES ('x', 'y')");
                   }) == "42501");
    }
    RunOnRole(Db(), "DROP ROLE %I", stranger);
    // A chair that takes its group role (SET ROLE) is no account either.
    const std::string login = Account("ct_dt", Role::Chair, dt);
    const auto chair = As(login);
    chair->session() << "SET ROLE cchc_chair";
    BOOST_TEST(Count(*chair, "tasks") == 0);
    BOOST_TEST(Count(*chair, "units") == 0);
    chair->session() << "RESET ROLE";
    BOOST_TEST(Count(*chair, "tasks") == 1);
    // A disabled account's open connection loses its rows at once.
    Db().session() << "UPDATE users SET active = 0 WHERE login = :l", soci::use(login);
    BOOST_TEST(Count(*chair, "tasks") == 0);
}

// The account's units are computed once per statement, not once per row:
// counted by the server (track_functions) while a chair reads many rows.
BOOST_FIXTURE_TEST_CASE(the_subtree_is_computed_once_per_statement, Office) {
    if (!OnServer(Db())) return;
    const std::string login = Account("ct_ab", Role::Chair, ab);
    for (const std::string day : {"10", "11", "12", "13", "14", "15", "16", "17", "18", "19"})
        for (const std::string who : {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"})
            Db().session() << "INSERT INTO ratings (rated_at, unit_id, officer_id, channel, "
                              "citizen) SELECT '2026-02-' || :d || 'T08:00:00', unit_id, id, 'qr', "
                              ":w FROM people",
                soci::use(day), soci::use(who);
    RunOnRole(Db(), "ALTER ROLE %I SET track_functions = 'all'", login);
    const auto chair = As(login);
    auto& c = *chair;
    storage::Transaction tx(c);
    BOOST_TEST(Count(c, "ratings") == 206);
    BOOST_TEST(Count(c, "progress_updates") == 2);
    const long long calls = Scalar(c,
                                   "SELECT COALESCE(SUM(calls), 0) FROM "
                                   "pg_stat_xact_user_functions WHERE funcname = "
                                   "'cchc_account_units'");
    BOOST_TEST(calls >= 1);
    BOOST_TEST(calls <= 12, calls << " calls for two statements");
}

// As the accounts themselves, connected with their passwords: the chair of
// XA-AB sees its subtree's tasks only, changes its own and not XA-DT's,
// and cannot appraise; the viewer writes nothing anywhere; nobody, the
// owner included, changes or removes an audit entry.
BOOST_FIXTURE_TEST_CASE(as_a_chair_and_a_viewer_of_the_office, OfficeWithAccounts) {
    if (!OnServer(Db())) return;
    const auto chairDesk = Desk(chair, "Mk-chu-tich-1");
    auto& c = *chairDesk;
    std::vector<long long> seen;
    soci::rowset<long long> tasks = (c.session().prepare << "SELECT id FROM tasks ORDER BY id");
    for (auto id : tasks) seen.push_back(id);
    BOOST_TEST((seen == std::vector<long long>{task["XA-AB"], task["XA-AB-VP"]}));
    BOOST_TEST(Changed(c, "UPDATE tasks SET percent_done = 50 WHERE id = :id", task["XA-AB"]) == 1);
    BOOST_TEST(Changed(c, "UPDATE tasks SET percent_done = 50 WHERE id = :id", task["XA-DT"]) == 0);
    BOOST_TEST(Scalar(Db(), "SELECT percent_done FROM tasks WHERE id = :id", task["XA-DT"]) == 0);
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE result_sets SET status = 'appraised' WHERE id = :id",
                           set["XA-AB"]);
               }) == "42501");
    BOOST_TEST(StateOf([&] {
                   Changed(c, "UPDATE results SET appraised_score = 1 WHERE id = :id",
                           result["XA-AB"]);
               }) == "42501");

    // The viewer: every INSERT, UPDATE and DELETE refused, on every table
    // (its own saved filters aside; the audit log it may only add to, in
    // its own name).
    const auto viewerDesk = Desk(viewer, "Mk-nguoi-xem-1");
    auto& v = *viewerDesk;
    BOOST_TEST(Count(v, "tasks") == 3);
    for (const auto& [table, column] : TablesAndAColumn(Db())) {
        BOOST_TEST_CONTEXT(table) {
            if (table != "saved_filters" && table != "audit_log")
                BOOST_TEST(StateOf([&] {
                               Changed(v, "INSERT INTO " + table + " DEFAULT VALUES");
                           }) == "42501");
            if (table == "saved_filters") continue;
            BOOST_TEST(StateOf([&] {
                           Changed(v, "UPDATE " + table + " SET " + column + " = " + column);
                       }) == "42501");
            BOOST_TEST(StateOf([&] { Changed(v, "DELETE FROM " + table); }) == "42501");
        }
    }
    BOOST_TEST(Count(Db(), "tasks") == 3);
    // Told in the user's words, without the server's.
    try {
        Changed(v, "DELETE FROM tasks");
        BOOST_FAIL("a viewer removed tasks");
    } catch (const std::exception& e) {
        BOOST_TEST(storage::IsRefusedByServer(e));
        const std::string message = services::FailureMessage(e);
        BOOST_TEST(message.find("does not allow this account") != std::string::npos, message);
        BOOST_TEST(message.find("tasks") == std::string::npos, message);
    }

    // The audit log: never changed nor emptied, whoever asks.
    BOOST_TEST(Count(Db(), "audit_log") > 0);
    const auto adminDeskDb = Desk(admin, "Mk-quan-tri-1");
    for (storage::Database* db : {&c, &v, adminDeskDb.get(), &Db()}) {
        BOOST_TEST(StateOf([&] { Changed(*db, "UPDATE audit_log SET user_login = 'ai'"); }) ==
                   "42501");
        BOOST_TEST(StateOf([&] { Changed(*db, "DELETE FROM audit_log"); }) == "42501");
        BOOST_TEST(StateOf([&] { Changed(*db, "TRUNCATE audit_log"); }) == "42501");
    }
}

// A change made with psql by a specialist is audited in its login's name,
// one entry per changed column with the old and new value; the account
// cannot write another name, not even by setting what the owner's
// connection may set.
BOOST_FIXTURE_TEST_CASE(a_psql_change_by_a_specialist_is_audited_with_its_login,
                        OfficeWithAccounts) {
    if (!OnServer(Db())) return;
    const auto url = TestUrlAs(specialist);
    const std::string id = std::to_string(task["XA-DT"]);
    const auto psql = RunCommand(
        "PGPASSWORD=Mk-chuyen-vien-1 psql --no-psqlrc -X -q -v ON_ERROR_STOP=1 '" + url.original +
        "' -c \"SET cchc.actor = 'nguoi_khac'; UPDATE tasks SET solution = 'Rà soát lại thủ tục', "
        "percent_done = 20 WHERE id = " +
        id +
        "\" -c \"INSERT INTO audit_log (at, user_login, table_name, action) VALUES "
        "('2020-01-01T00:00:00', 'nguoi_khac', 'tasks', 'update')\"");
    BOOST_REQUIRE_MESSAGE(psql.exitCode == 0, psql.output);
    const auto trail = Trail("tasks", task["XA-DT"]);
    BOOST_REQUIRE(!trail.empty());
    BOOST_TEST(trail[0].action == "insert");  // the fixture's, as the owner
    std::vector<std::string> fields;
    for (const auto& e : trail) {
        if (e.action == "insert") continue;
        BOOST_TEST(e.user == specialist);
        BOOST_TEST(e.action == "update");
        fields.push_back(e.field);
        if (e.field == "solution") {
            BOOST_TEST((e.oldValue == std::optional<std::string>("Niêm yết")));
            BOOST_TEST((e.newValue == std::optional<std::string>("Rà soát lại thủ tục")));
        }
    }
    BOOST_TEST(fields == (std::vector<std::string>{"solution", "percent_done"}), tt::per_element());
    // What it added to the log itself carries its name and the time it did.
    BOOST_TEST(Scalar(Db(), "SELECT COUNT(*) FROM audit_log WHERE user_login = 'nguoi_khac'") == 0);
    BOOST_TEST(Scalar(Db(), "SELECT COUNT(*) FROM audit_log WHERE at < '2021'") == 0);
    // The entries carry the unit: XA-DT's chair would read them, not XA-AB's.
    const auto chairDesk = Desk(chair, "Mk-chu-tich-1");
    BOOST_TEST(Scalar(*chairDesk,
                      "SELECT COUNT(*) FROM audit_log WHERE table_name = 'tasks' AND "
                      "row_id = :id",
                      task["XA-DT"]) == 0);
    BOOST_TEST(Scalar(Db(),
                      "SELECT MIN(unit_id) FROM audit_log WHERE table_name = 'tasks' AND "
                      "action = 'update' AND row_id = :id",
                      task["XA-DT"]) == dt);
    BOOST_TEST(Scalar(Db(),
                      "SELECT MAX(unit_id) FROM audit_log WHERE table_name = 'tasks' AND "
                      "action = 'update' AND row_id = :id",
                      task["XA-DT"]) == dt);
}

// Citizens' names: a clerk imports ratings (with names) but reads them
// without; a chair reads them. The storage reads leave the column out
// where the server does not grant it.
BOOST_FIXTURE_TEST_CASE(a_clerk_imports_ratings_without_reading_citizens_names,
                        OfficeWithAccounts) {
    if (!OnServer(Db())) return;
    const std::string clerk = TestLogin("cc_ab");
    services::AccountService(*adminDesk.db, admin)
        .Add(clerk, Role::Clerk, "XA-AB", "Công chức xã An Bình", "Mk-cong-chuc-1");
    const auto clerkDesk = Desk(clerk, "Mk-cong-chuc-1");
    std::string officer;
    Db().session() << "SELECT code FROM people WHERE unit_id = :u", soci::use(ab),
        soci::into(officer);
    TempDir files;
    WriteFile(files.File("ratings.csv"),
              "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n"
              "2026-03-02T08:00:00,XA-AB," +
                  officer +
                  ",Khai sinh,kiosk,5,5,4,Trần Thị Bình\n"
                  "2026-03-02T09:00:00,XA-AB," +
                  officer + ",Khai tử,qr,4,4,4,Lê Văn Cường\n");
    const auto imported = services::ImportRatings(*clerkDesk, files.File("ratings.csv"), clerk);
    BOOST_TEST(imported.inserted == 2);
    // Again: the same ratings are known, and skipped.
    BOOST_TEST(services::ImportRatings(*clerkDesk, files.File("ratings.csv"), clerk).skipped == 2);
    storage::RatingRepository asClerk(clerkDesk->session());
    const auto rows = asClerk.Page(asClerk.FilterIds({}));
    BOOST_REQUIRE_EQUAL(rows.size(), 8u);
    for (const auto& r : rows) BOOST_TEST(r.rating.citizen.empty());
    const auto chairDesk = Desk(chair, "Mk-chu-tich-1");
    storage::RatingRepository asChair(chairDesk->session());
    std::size_t named = 0;
    for (const auto& r : asChair.Page(asChair.FilterIds({})))
        named += r.rating.citizen == "Trần Thị Bình" || r.rating.citizen == "Lê Văn Cường";
    BOOST_TEST(named == 2u);
    // The import is audited in the clerk's name, where it came from.
    BOOST_TEST(Scalar(Db(),
                      "SELECT COUNT(*) FROM audit_log WHERE table_name = 'ratings' AND "
                      "field = 'import' AND action = 'insert' AND unit_id = :id",
                      ab) == 2);
}

// The server's entries read as the program's: one per changed column with
// old and new text on update; a record added or removed whole, its values
// as JSON (without who wrote it when, blobs or a password hash); a setting
// as its key and value. The owner's connection names whom it acts for.
BOOST_FIXTURE_TEST_CASE(the_server_writes_entries_as_the_program_does, Office) {
    if (!OnServer(Db())) return;
    {
        storage::Transaction tx(Db());
        std::string actor;
        Db().session() << "SELECT set_config('cchc.actor', 'nguyen.an', true)", soci::into(actor);
        Changed(Db(),
                "UPDATE units SET name = 'Xã An Bình (mới)', place_name = 'An Bình', "
                "version = version + 1, updated_at = '2026-01-01T00:00:00' WHERE id = :id",
                ab);
        Changed(Db(),
                "INSERT INTO settings (key, value) VALUES ('office.signer_name', 'Lê Văn "
                "Ký')");
        Changed(Db(), "UPDATE settings SET value = 'Lê Thị Ký' WHERE key = 'office.signer_name'");
        Changed(Db(), "DELETE FROM evidence WHERE unit_id = :id", dt);
        tx.Commit();
    }
    const auto unit = storage::AuditRepository(Db().session()).ForRow("units", ab);
    BOOST_REQUIRE_EQUAL(unit.size(), 3u);  // added by the fixture, then two columns
    BOOST_TEST(unit[0].action == "insert");
    BOOST_TEST(unit[0].newValue->find("\"code\": \"XA-AB\"") != std::string::npos,
               *unit[0].newValue);
    BOOST_TEST(unit[0].newValue->find("version") == std::string::npos);
    BOOST_TEST(unit[1].field == "name");
    BOOST_TEST(unit[1].user == "nguyen.an");
    BOOST_TEST((unit[1].oldValue == std::optional<std::string>("Xã An Bình")));
    BOOST_TEST((unit[1].newValue == std::optional<std::string>("Xã An Bình (mới)")));
    BOOST_TEST(unit[2].field == "place_name");
    BOOST_TEST((unit[2].oldValue == std::optional<std::string>("")));
    const auto settings = storage::AuditRepository(Db().session()).ForRow("settings", 0);
    BOOST_REQUIRE(settings.size() >= 2u);
    const auto& last = settings.back();
    BOOST_TEST(last.field == "office.signer_name");
    BOOST_TEST(last.action == "update");
    BOOST_TEST((last.oldValue == std::optional<std::string>("Lê Văn Ký")));
    BOOST_TEST((last.newValue == std::optional<std::string>("Lê Thị Ký")));
    long long removed = 0;
    std::string old;
    Db().session() << "SELECT COUNT(*), MAX(old_value) FROM audit_log WHERE table_name = "
                      "'evidence' AND action = 'delete' AND user_login = 'nguyen.an'",
        soci::into(removed), soci::into(old);
    BOOST_TEST(removed == 1);
    BOOST_TEST(old.find("Biên bản") != std::string::npos, old);
    BOOST_TEST(old.find("content") == std::string::npos, old);
    // A rolled back change leaves no entry.
    const long before = storage::AuditRepository(Db().session()).Count();
    {
        storage::Transaction tx(Db());
        Changed(Db(), "UPDATE units SET name = 'Xã khác' WHERE id = :id", dt);
    }
    BOOST_TEST(storage::AuditRepository(Db().session()).Count() == before);
}

// A login without its password: the server asks for it, which the client
// takes as a reason to ask the user, not as a failure; a wrong password is
// a failure.
BOOST_AUTO_TEST_CASE(a_server_asking_for_a_password_is_told_apart_from_a_refusal) {
    TempDir dir;
    auto owner = FreshDatabase(dir, storage::Database::LatestSchemaVersion());
    if (!OnServer(*owner)) return;
    Guest guest(*owner, "khach_mk");
    auto failureOf = [&](const std::string& password) -> std::optional<bool> {
        try {
            storage::Database::Open(TestUrlAs(guest.name, password));
        } catch (const storage::DatabaseFailure& e) {
            return storage::IsPasswordWanted(e);
        }
        return std::nullopt;
    };
    const auto none = failureOf("");
    if (!none) {
        BOOST_TEST_MESSAGE("the test server trusts local connections: passwords not asked");
        return;
    }
    BOOST_TEST(*none);
    BOOST_TEST((failureOf("Mk-sai-mat-khau") == std::optional<bool>(false)));
    // With it the login connects (what it may then do is another matter).
    BOOST_TEST((failureOf(kRolePassword) != std::optional<bool>(true)));
}

BOOST_AUTO_TEST_SUITE_END()
