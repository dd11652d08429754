// Opening databases: URLs, migrations, refusing newer schemas, backups
// before upgrades, transactions and the constraints that guard the data.
#include <soci/soci.h>
#include <sqlite3.h>
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <optional>
#include <regex>
#include <stdexcept>
#include <thread>

#include "core/survey_rules.h"
#include "fixture.h"
#include "services/app/failure_message.h"
#include "services/org/organisation.h"
#include "storage/evidence_repository.h"
#include "storage/migrations.h"
#include "storage/plan_repository.h"
#include "storage/rating_repository.h"
#include "storage/settings_repository.h"
#include "storage/task_board_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
// A commune written as the program of an older schema wrote it (today's
// repository writes columns that schema does not have).
std::int64_t OldUnit(storage::Database& db, const std::string& code, const std::string& name) {
    long long id = 0;
    db.session() << "INSERT INTO units (code, name, kind) VALUES (:c, :n, 'commune') RETURNING id",
        soci::use(code), soci::use(name), soci::into(id);
    return id;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(database)

BOOST_AUTO_TEST_CASE(url_forms) {
    auto s = storage::DatabaseUrl::Parse("sqlite:/tmp/x y/c.db");
    BOOST_TEST(s.path == "/tmp/x y/c.db");
    auto p = storage::DatabaseUrl::Parse("postgresql://clerk:s%40cret@db.local:5433/cchc");
    BOOST_TEST((p.backend == storage::Backend::Postgresql));
    BOOST_TEST(p.connectString.find("port=5433") != std::string::npos);
    BOOST_TEST(p.connectString.find("password='s@cret'") != std::string::npos);
    BOOST_TEST(p.Display().find("s%40cret") == std::string::npos);
    // The password kept apart for the server's tools, and hidden however given.
    BOOST_TEST(p.password == "s@cret");
    BOOST_TEST(p.connectStringWithoutPassword.find("cret") == std::string::npos);
    BOOST_TEST(p.host == "db.local");
    BOOST_TEST(p.database == "cchc");
    auto q = storage::DatabaseUrl::Parse(
        "postgresql://clerk@db.local/cchc?password=x9y&sslmode=require");
    BOOST_TEST(q.password == "x9y");
    BOOST_TEST(q.connectString.find("password='x9y'") != std::string::npos);
    BOOST_TEST(q.connectStringWithoutPassword.find("x9y") == std::string::npos);
    BOOST_TEST(q.connectStringWithoutPassword.find("sslmode='require'") != std::string::npos);
    BOOST_TEST(q.Display().find("x9y") == std::string::npos, q.Display());
    BOOST_CHECK_THROW(storage::DatabaseUrl::Parse("mysql://x"), UserError);
    BOOST_CHECK_THROW(storage::DatabaseUrl::Parse("sqlite:"), UserError);
}

BOOST_AUTO_TEST_CASE(statement_splitting) {
    auto parts = storage::SplitStatements(
        "-- c\nCREATE TABLE a (x TEXT DEFAULT ';');\n\nINSERT INTO a VALUES ('a;b');\n");
    BOOST_TEST(parts.size() == 2u);
    BOOST_TEST(
        storage::SubstituteDialect("{{PK}}", storage::Backend::Postgresql).find("IDENTITY") !=
        std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(fresh_database_is_at_latest_version, DbFixture) {
    BOOST_TEST(Db().SchemaVersion() == storage::Database::LatestSchemaVersion());
    BOOST_TEST(Db().lastMigration().fromVersion == 0);
    BOOST_TEST(Db().Check().empty());
    // Opening again applies nothing.
    auto again = storage::Database::Open(Db().url());
    BOOST_TEST(again->lastMigration().fromVersion == again->lastMigration().toVersion);
}

BOOST_FIXTURE_TEST_CASE(newer_database_is_refused, DbFixture) {
    int future = storage::Database::LatestSchemaVersion() + 1;
    std::string desc = "from the future", at = "2030-01-01T00:00:00";
    Db().session()
        << "INSERT INTO schema_version (version, description, applied_at) VALUES (:v, :d, :a)",
        soci::use(future), soci::use(desc), soci::use(at);
    try {
        storage::Database::Open(Db().url());
        BOOST_FAIL("a newer database was opened");
    } catch (const UserError& e) {
        BOOST_TEST(std::string(e.what()).find(std::to_string(future)) != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(older_database_is_upgraded_after_a_copy) {
    TempDir dir;
    auto db = FreshDatabase(dir, 1);
    BOOST_TEST(db->SchemaVersion() == 1);
    OldUnit(*db, "XA-A", "Xã A");
    auto url = db->url();
    db.reset();
    auto upgraded = storage::Database::Open(url);
    BOOST_TEST(upgraded->SchemaVersion() == storage::Database::LatestSchemaVersion());
    BOOST_TEST(upgraded->lastMigration().fromVersion == 1);
    BOOST_TEST(storage::UnitRepository(upgraded->session()).Count() == 1);
    if (url.backend == storage::Backend::Sqlite) {
        const std::string& copy = upgraded->lastMigration().backupPath;
        BOOST_REQUIRE(!copy.empty());
        BOOST_TEST(std::filesystem::exists(copy));
        storage::OpenOptions asIs;
        asIs.create = false;
        asIs.migrate = false;
        auto old = storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + copy), asIs);
        BOOST_TEST(old->SchemaVersion() == 1);
        BOOST_TEST(storage::UnitRepository(old->session()).Count() == 1);
    }
}

BOOST_AUTO_TEST_CASE(an_upgrade_and_what_it_brings_land_together) {
    TempDir dir;
    auto url = FreshDatabase(dir, 1)->url();
    // Stopped after the migrations, before the upgrade's contents (as by a
    // kill): still the old schema, nothing of the contents.
    storage::OpenOptions failing;
    bool created = false;
    failing.onCreate = [&](storage::Database&) { created = true; };
    failing.onUpgrade = [](storage::Database& db) {
        Unit u;
        u.code = "XA-A";
        u.name = "Xã A";
        storage::UnitRepository(db.session()).Insert(u);
        throw std::runtime_error("stopped");
    };
    BOOST_CHECK_THROW(storage::Database::Open(url, failing), std::runtime_error);
    BOOST_TEST(!created);
    storage::OpenOptions look;
    look.create = false;
    look.migrate = false;
    {
        auto db = storage::Database::Open(url, look);
        BOOST_TEST(db->SchemaVersion() == 1);
        BOOST_TEST(storage::UnitRepository(db->session()).Count() == 0);
    }
    // Completed: the new schema and the contents together, once.
    int calls = 0;
    storage::OpenOptions upgrading;
    upgrading.onUpgrade = [&](storage::Database& db) {
        ++calls;
        Unit u;
        u.code = "XA-B";
        u.name = "Xã B";
        storage::UnitRepository(db.session()).Insert(u);
    };
    {
        auto db = storage::Database::Open(url, upgrading);
        BOOST_TEST(db->SchemaVersion() == storage::Database::LatestSchemaVersion());
        BOOST_TEST(storage::UnitRepository(db->session()).Count() == 1);
    }
    storage::Database::Open(url, upgrading);  // up to date: not called again
    BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(a_read_only_open_undoes_what_a_killed_writer_left) {
    if (TestingPostgres()) return;  // the server undoes it itself
    TempDir dir;
    const std::string path = dir.File("killed.db");
    // A writer stopped inside a transaction of a rollback-journal database
    // (as a new database killed while its first pages were written): the
    // files as it left them, copied while its transaction is open.
    sqlite3* h = nullptr;
    BOOST_REQUIRE(sqlite3_open(dir.File("live.db").c_str(), &h) == SQLITE_OK);
    auto exec = [&](const char* sql) { BOOST_REQUIRE(sqlite3_exec(h, sql, 0, 0, 0) == SQLITE_OK); };
    exec("PRAGMA journal_mode = DELETE");
    exec("CREATE TABLE t (x TEXT)");
    exec("INSERT INTO t VALUES ('kept')");
    exec("PRAGMA cache_size = 5");
    exec("BEGIN");
    for (int i = 0; i < 2000; ++i)
        exec("INSERT INTO t VALUES ('unfinished unfinished unfinished unfinished unfinished')");
    BOOST_REQUIRE(std::filesystem::exists(dir.File("live.db-journal")));
    std::filesystem::copy_file(dir.File("live.db"), path);
    std::filesystem::copy_file(dir.File("live.db-journal"), path + "-journal");
    exec("ROLLBACK");
    sqlite3_close(h);

    storage::OpenOptions look;
    look.readOnly = true;
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + path), look);
    BOOST_TEST(db->SchemaVersion() == 0);
    long long n = 0;
    db->session() << "SELECT COUNT(*) FROM t", soci::into(n);
    BOOST_TEST(n == 1);
    BOOST_TEST(db->Check().empty());
}

BOOST_AUTO_TEST_CASE(a_read_only_open_reports_an_older_version_without_upgrading) {
    TempDir dir;
    auto url = FreshDatabase(dir, 1)->url();
    std::string before;
    if (url.backend == storage::Backend::Sqlite) before = ReadFile(url.path);
    storage::OpenOptions look;
    look.readOnly = true;  // even with migrate and create left on
    {
        auto db = storage::Database::Open(url, look);
        BOOST_TEST(db->SchemaVersion() == 1);
        BOOST_TEST(db->lastMigration().toVersion == 0);  // nothing applied
    }
    storage::OpenOptions plain;
    plain.migrate = false;
    BOOST_TEST(storage::Database::Open(url, plain)->SchemaVersion() == 1);
    if (url.backend == storage::Backend::Sqlite) {
        BOOST_TEST(ReadFile(url.path) == before);
        // No copy before an upgrade either.
        long copies = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir.path()))
            copies += e.path().extension() == ".bak" ? 1 : 0;
        BOOST_TEST(copies == 0);
        // A missing file is not created.
        auto missing = storage::DatabaseUrl::Parse("sqlite:" + dir.File("none.db"));
        BOOST_CHECK_THROW(storage::Database::Open(missing, look), UserError);
        BOOST_TEST(!std::filesystem::exists(dir.File("none.db")));
    }
}

BOOST_AUTO_TEST_CASE(ratings_stored_before_the_lowest_score_get_it_on_upgrade) {
    // Migration 0006 computes low_score of the ratings already stored with
    // an SQL expression: it must agree with LowestScore, which the program
    // uses for the ratings it writes afterwards.
    TempDir dir;
    auto db = FreshDatabase(dir, 5);
    const std::int64_t unit = OldUnit(*db, "XA-A", "Xã A");
    Person p;
    p.code = "CB01", p.fullName = "Nguyễn Văn An", p.unitId = unit;
    const std::int64_t officer = storage::PersonRepository(db->session()).Insert(p);
    using Score = std::optional<int>;
    const std::vector<std::array<Score, 3>> scores = {{5, 4, 3},
                                                      {2, 5, 5},
                                                      {5, 5, 1},
                                                      {4, 4, 4},
                                                      {std::nullopt, 4, std::nullopt},
                                                      {std::nullopt, std::nullopt, 2},
                                                      {3, std::nullopt, 5},
                                                      {std::nullopt, std::nullopt, std::nullopt}};
    std::vector<RatingRecord> written;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        RatingRecord r;
        r.ratedAt = "2026-03-0" + std::to_string(i + 1) + "T08:00:00";
        r.unitId = unit, r.officerId = officer, r.channel = "kiosk";
        r.attitude = scores[i][0], r.handling = scores[i][1], r.guidance = scores[i][2];
        written.push_back(r);
        long long uid = unit, oid = officer;
        int a = r.attitude.value_or(0), h = r.handling.value_or(0), g = r.guidance.value_or(0);
        soci::indicator ai = r.attitude ? soci::i_ok : soci::i_null,
                        hi = r.handling ? soci::i_ok : soci::i_null,
                        gi = r.guidance ? soci::i_ok : soci::i_null;
        db->session() << "INSERT INTO ratings (rated_at, unit_id, officer_id, channel, attitude, "
                         "handling, guidance) VALUES (:t, :u, :o, 'kiosk', :a, :h, :g)",
            soci::use(r.ratedAt), soci::use(uid), soci::use(oid), soci::use(a, ai),
            soci::use(h, hi), soci::use(g, gi);
    }
    auto url = db->url();
    db.reset();
    auto upgraded = storage::Database::Open(url);
    storage::RatingRepository repo(upgraded->session());
    for (int lo = 1; lo <= 5; ++lo) {
        for (int hi = lo; hi <= 5; ++hi) {
            BOOST_TEST_CONTEXT("lowest score " << lo << ".." << hi) {
                storage::RatingFilter f;
                f.minScore = lo, f.maxScore = hi;
                long expected = 0;
                for (const auto& r : written)
                    if (LowestScore(r) >= lo && LowestScore(r) <= hi) ++expected;
                BOOST_TEST(repo.CountMatching(f) == expected);
                BOOST_TEST(static_cast<long>(repo.FilterIds(f).size()) == expected);
            }
        }
    }
}

BOOST_FIXTURE_TEST_CASE(uncommitted_transaction_leaves_nothing, DbFixture) {
    {
        storage::Transaction tx(Db());
        Unit u;
        u.code = "XA-B";
        u.name = "Xã B";
        storage::UnitRepository(Db().session()).Insert(u);
    }
    BOOST_TEST(storage::UnitRepository(Db().session()).Count() == 0);
}

namespace {
// A unit written through the repository (a write on the connection).
void AddUnit(storage::Database& db, const std::string& code) {
    Unit u;
    u.code = code;
    u.name = "Xã " + code;
    storage::UnitRepository(db.session()).Insert(u);
}
}  // namespace

// A second writer on SQLite waits for the first one's transaction (its busy
// timeout) instead of failing at once, and when the first one holds on for
// longer, fails with our one-line message, not the engine's text.
BOOST_FIXTURE_TEST_CASE(a_second_writer_waits_then_fails_with_the_busy_message, DbFixture) {
    if (TestingPostgres()) return;  // PostgreSQL's writers wait on row locks
    auto other = storage::Database::Open(Db().url());
    other->session() << "PRAGMA busy_timeout = 300";
    storage::Transaction first(Db());
    AddUnit(Db(), "XA-A");
    try {
        storage::Transaction second(*other);
        BOOST_TEST(storage::UnitRepository(other->session()).Count() == 0);  // reads first
        AddUnit(*other, "XA-B");
        second.Commit();
        BOOST_FAIL("the second writer wrote while the first held the database");
    } catch (const storage::DatabaseBusyError& e) {
        const std::string text = e.what();
        BOOST_TEST(text.find("locked") == std::string::npos, text);
        BOOST_TEST(text.find("sqlite") == std::string::npos, text);
        BOOST_TEST(storage::IsDatabaseBusy(e));
    } catch (const std::exception& e) {
        BOOST_FAIL(std::string("not the busy message: ") + e.what());
    }
    first.Commit();
    BOOST_TEST(storage::UnitRepository(other->session()).Count() == 1);
}

// On PostgreSQL a save that waits on another desk's row lock (a transaction
// left open) does not hang: after the lock timeout it fails with the busy
// database's one line, like SQLite's busy writer.
BOOST_FIXTURE_TEST_CASE(a_save_waiting_on_another_desks_row_lock_fails_as_busy, DbFixture) {
    if (!TestingPostgres()) return;  // SQLite: the test above
    services::OrganisationService deskA(Db(), "desk-a");
    Unit unit;
    unit.code = "XA-A";
    unit.name = "Xã A";
    unit = deskA.SaveUnit(unit);
    storage::OpenOptions shortWait;
    shortWait.lockTimeoutMs = 300;
    auto other = storage::Database::Open(Db().url(), shortWait);
    services::OrganisationService deskB(*other, "desk-b");
    Unit theirs = *deskB.UnitById(unit.id);
    theirs.name = "Xã A (desk B)";

    storage::Transaction holding(Db());  // desk A's save, not committed yet
    Unit mine = unit;
    mine.name = "Xã A (desk A)";
    deskA.SaveUnit(mine);
    try {
        deskB.SaveUnit(theirs);
        BOOST_FAIL("desk B saved over a row desk A holds");
    } catch (const std::exception& e) {
        BOOST_TEST(storage::IsDatabaseBusy(e), e.what());
        BOOST_TEST(services::FailureMessage(e) == storage::DatabaseBusyError().what());
    }
    holding.Commit();
    BOOST_TEST(deskB.UnitById(unit.id)->name == "Xã A (desk A)");
}

BOOST_FIXTURE_TEST_CASE(a_second_writer_goes_on_once_the_first_commits, DbFixture) {
    if (TestingPostgres()) return;
    auto other = storage::Database::Open(Db().url());
    other->session() << "PRAGMA busy_timeout = 20000";
    auto first = std::make_unique<storage::Transaction>(Db());
    AddUnit(Db(), "XA-A");
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        first->Commit();
    });
    try {
        storage::Transaction second(*other);
        const long before = storage::UnitRepository(other->session()).Count();
        AddUnit(*other, "XA-B");
        second.Commit();
        BOOST_TEST(before == 1);  // it started once the first had committed
    } catch (const std::exception& e) {
        BOOST_ERROR(std::string("the second writer failed: ") + e.what());
    }
    release.join();
    first.reset();
    BOOST_TEST(storage::UnitRepository(Db().session()).Count() == 2);
}

BOOST_AUTO_TEST_CASE(a_new_database_is_created_with_its_contents_or_not_at_all) {
    TempDir dir;
    auto url = storage::DatabaseUrl::Parse(TestDatabaseUrl(dir));
    if (url.backend == storage::Backend::Postgresql) {
        storage::OpenOptions o;
        o.migrate = false;
        storage::Database::Open(url, o)->DropEverything();
    }
    // Stopped between the schema and its contents (as by a kill).
    storage::OpenOptions failing;
    failing.onCreate = [](storage::Database& db) {
        Unit u;
        u.code = "XA-A";
        u.name = "Xã A";
        storage::Transaction tx(db);  // joins the creating transaction
        storage::UnitRepository(db.session()).Insert(u);
        tx.Commit();
        throw std::runtime_error("stopped");
    };
    BOOST_CHECK_THROW(storage::Database::Open(url, failing), std::runtime_error);
    {
        storage::OpenOptions look;
        look.create = false;
        look.migrate = false;
        BOOST_TEST(storage::Database::Open(url, look)->SchemaVersion() == 0);
    }
    // Completed: schema and contents together.
    storage::OpenOptions filling;
    filling.onCreate = [](storage::Database& db) {
        Unit u;
        u.code = "XA-B";
        u.name = "Xã B";
        storage::UnitRepository(db.session()).Insert(u);
    };
    auto db = storage::Database::Open(url, filling);
    BOOST_TEST(db->SchemaVersion() == storage::Database::LatestSchemaVersion());
    BOOST_TEST(storage::UnitRepository(db->session()).Count() == 1);
    // An existing database is not filled again.
    db.reset();
    BOOST_TEST(storage::UnitRepository(storage::Database::Open(url, filling)->session()).Count() ==
               1);
}

BOOST_FIXTURE_TEST_CASE(constraints_refuse_impossible_values, DbFixture) {
    auto& s = Db().session();
    s << "INSERT INTO frameworks (code, name, year, kind) VALUES ('F', 'F', 2025, 'par')";
    long long fw = 0;
    s << "SELECT id FROM frameworks WHERE code = 'F'", soci::into(fw);
    auto refuses = [&](const std::string& what, auto&& write) {
        BOOST_TEST_CONTEXT(what) {
            storage::Transaction tx(Db());
            BOOST_CHECK_THROW(write(), std::exception);
        }
    };
    refuses("negative points", [&] {
        s << "INSERT INTO criteria (framework_id, code, title, max_points) VALUES (:f, '1', "
             "'x', "
             "-1)",
            soci::use(fw);
    });
    refuses("unknown unit kind",
            [&] { s << "INSERT INTO units (code, name, kind) VALUES ('U', 'U', 'village')"; });
    refuses("person of a missing unit", [&] {
        s << "INSERT INTO people (unit_id, code, full_name) VALUES (987654, 'P', 'P')";
    });
    refuses("duplicate unit code", [&] {
        s << "INSERT INTO units (code, name, kind) VALUES ('DUP', 'A', 'commune')";
        s << "INSERT INTO units (code, name, kind) VALUES ('DUP', 'B', 'commune')";
    });
    refuses("band over 100 percent", [&] {
        s << "INSERT INTO framework_bands (framework_id, label, min_percent, sort_order) "
             "VALUES "
             "(:f, "
             "'X', 120, 0)",
            soci::use(fw);
    });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(opening_errors)

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_explained) {
    TempDir dir;
    std::string path = dir.File("notes.db");
    WriteFile(path, "Biên bản họp ngày 05/01/2024 — không phải cơ sở dữ liệu\n");
    try {
        storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + path));
        BOOST_FAIL("a text file was opened as a database");
    } catch (const UserError& e) {
        BOOST_TEST(std::string(e.what()).find("not a CCHC Desk database") != std::string::npos,
                   e.what());
    }
}

namespace {
// The engine's words or the password a message must not show.
void ExpectPlainSentence(const std::string& text, const std::string& password = "") {
    BOOST_TEST(!text.empty());
    for (const char* word : {"soci", "sqlite3", "libpq", "Cannot establish", "FATAL"})
        BOOST_TEST(text.find(word) == std::string::npos, "\"" << word << "\" in: " << text);
    // SQL as a word (PostgreSQL and SQLite are the engines' names).
    BOOST_TEST(!std::regex_search(text, std::regex("\\bSQL\\b")), text);
    if (!password.empty())
        BOOST_TEST(text.find(password) == std::string::npos, "the password in: " << text);
}

// The message of a failed Open (empty when it opened).
std::string OpenFailure(const std::string& url) {
    try {
        storage::Database::Open(storage::DatabaseUrl::Parse(url));
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_failed_connection_is_told_without_the_engines_words_or_the_password) {
    const std::string secret = "Mk-b1m4t-42";
    // No server at that port.
    ExpectPlainSentence(OpenFailure("postgresql://clerk:" + secret + "@127.0.0.1:1/cchc"), secret);
    ExpectPlainSentence(OpenFailure("postgresql://127.0.0.1:1/cchc?password=" + secret), secret);
    // The server, but a user it does not know.
    if (TestingPostgres()) {
        auto server = storage::DatabaseUrl::Parse(std::getenv("CCHC_TEST_PG"));
        const std::string url = "postgresql://no_such_clerk:" + secret + "@" + server.host + ":" +
                                server.port + "/" + server.database;
        ExpectPlainSentence(OpenFailure(url), secret);
        ExpectPlainSentence(OpenFailure("postgresql://" + server.user + "@" + server.host + ":" +
                                        server.port + "/no_such_database_here"));
    }
    // A password refused: libpq's own words, as the server sends them.
    auto url = storage::DatabaseUrl::Parse("postgresql://clerk:" + secret + "@db.office:5432/cchc");
    const std::string refused = storage::ExplainOpenFailure(
        url,
        "Cannot establish connection to the database.\nconnection to server at \"db.office\" "
        "(10.0.0.5), port 5432 failed: FATAL:  password authentication failed for user "
        "\"clerk\"\n");
    ExpectPlainSentence(refused, secret);
    BOOST_TEST(refused.find("db.office") != std::string::npos, refused);
    // Not a database file.
    TempDir dir;
    WriteFile(dir.File("notes.db"), "Biên bản họp ngày 05/01/2024\n");
    ExpectPlainSentence(OpenFailure("sqlite:" + dir.File("notes.db")));
    // A folder where nothing can be written (even by root).
    ExpectPlainSentence(OpenFailure("sqlite:/proc/cchc-no-such-folder/cchc.db"));
    ExpectPlainSentence(OpenFailure("sqlite:/proc/self/cchc.db"));
    if (geteuid() != 0) {
        std::filesystem::create_directories(dir.File("locked"));
        std::filesystem::permissions(dir.File("locked"), std::filesystem::perms::owner_read |
                                                             std::filesystem::perms::owner_exec);
        ExpectPlainSentence(OpenFailure("sqlite:" + dir.File("locked/cchc.db")));
        std::filesystem::permissions(dir.File("locked"), std::filesystem::perms::owner_all);
    }
}

BOOST_AUTO_TEST_CASE(a_failed_migration_is_told_without_sql_and_leaves_the_database_as_it_was) {
    TempDir dir;
    auto db = FreshDatabase(dir, 1);
    // Migration 2 creates this table: it fails.
    db->session() << "CREATE TABLE saved_filters (x INTEGER)";
    const auto url = db->url();
    db.reset();
    try {
        storage::Database::Open(url);
        BOOST_FAIL("the migration went through");
    } catch (const storage::DatabaseFailure& e) {
        ExpectPlainSentence(e.what());
        BOOST_TEST(e.technical().find("saved_filters") != std::string::npos, e.technical());
        BOOST_TEST(services::LogText(e) == e.technical());
    }
    storage::OpenOptions look;
    look.migrate = false;
    BOOST_TEST(storage::Database::Open(url, look)->SchemaVersion() == 1);
}

BOOST_FIXTURE_TEST_CASE(another_programs_database_is_left_alone, TempDir) {
    if (TestingPostgres()) return;  // the shared test database is ours
    auto url = storage::DatabaseUrl::Parse("sqlite:" + File("other.db"));
    {
        storage::OpenOptions o;
        o.migrate = false;
        auto db = storage::Database::Open(url, o);
        db->session() << "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)";
    }
    BOOST_CHECK_THROW(storage::Database::Open(url), UserError);
}

BOOST_AUTO_TEST_SUITE_END()

// Schema 9: a task has one progress update per quarter. Two desks' updates
// of one quarter kept by older programs are folded into the newest: its
// values stay, the older one's evidence is linked to it and the older one is
// audited with its values; a second update of a quarter is refused from then.
BOOST_AUTO_TEST_CASE(duplicate_progress_updates_are_folded_into_the_newest) {
    TempDir dir;
    auto db = FreshDatabase(dir, 8);
    Unit u;
    u.code = "XA-A";
    u.name = "Xã A";
    u.id = OldUnit(*db, u.code, u.name);
    PlanRecord plan;
    plan.unitId = u.id;
    plan.year = 2026;
    PlanItemRecord item;
    item.heading = "1.3";
    TaskRecord task;
    task.solution = "Niêm yết thủ tục hành chính";
    item.tasks.push_back(task);
    plan.items.push_back(item);
    storage::PlanRepository(db->session()).Insert(plan);
    const std::int64_t taskId = plan.items.at(0).tasks.at(0).id;
    auto update = [&](const std::string& period, int percent, const std::string& note) {
        storage::ProgressUpdateRecord r;
        r.taskId = taskId;
        r.period = period;
        r.status = TaskStatus::InProgress;
        r.percentDone = percent;
        r.note = note;
        r.createdBy = "desk";
        return storage::PlanRepository(db->session()).InsertUpdate(r);
    };
    const auto older = update("2026-Q1", 30, "Bàn A");
    const auto newer = update("2026-Q1", 45, "Bàn B");
    const auto other = update("2026-Q2", 60, "Quý sau");
    storage::EvidenceRecord e;
    e.unitId = u.id;
    e.title = "Biên bản";
    const auto doc = storage::EvidenceRepository(db->session()).Insert(e, "");
    storage::EvidenceRepository(db->session()).LinkUpdate(older, doc);
    const auto url = db->url();
    db.reset();

    auto upgraded = storage::Database::Open(url);
    BOOST_TEST(upgraded->SchemaVersion() >= 9);
    storage::PlanRepository plans(upgraded->session());
    const auto left = plans.UpdatesOf(taskId);
    BOOST_REQUIRE(left.size() == 2u);
    BOOST_TEST(left[0].id == newer);
    BOOST_TEST(left[0].percentDone == 45);
    BOOST_TEST(left[0].note == "Bàn B");
    BOOST_TEST(left[1].id == other);
    int linked = 0;
    long long kept = newer, linkedDoc = doc;
    upgraded->session() << "SELECT COUNT(*) FROM progress_evidence WHERE update_id = :u AND "
                           "evidence_id = :e",
        soci::use(kept), soci::use(linkedDoc), soci::into(linked);
    BOOST_TEST(linked == 1);
    const auto audit =
        storage::AuditRepository(upgraded->session()).ForRow("progress_updates", older);
    BOOST_REQUIRE(audit.size() == 1u);
    BOOST_TEST(audit[0].action == "delete");
    BOOST_TEST(audit[0].oldValue.value_or("").find("Bàn A") != std::string::npos);
    // One update per quarter from now on.
    storage::ProgressUpdateRecord again;
    again.taskId = taskId;
    again.period = "2026-Q1";
    storage::Transaction tx(*upgraded);
    BOOST_CHECK_THROW(plans.InsertUpdate(again), std::exception);
}

// Schema 13: the task board's table is one file for both engines and, for
// PostgreSQL, one more of the same number with the server's policy and
// grants; the sorting columns compare byte by byte on both.
BOOST_AUTO_TEST_CASE(a_version_may_have_a_file_for_both_engines_and_one_for_postgresql) {
    for (auto backend : {storage::Backend::Sqlite, storage::Backend::Postgresql}) {
        const auto all = storage::LoadMigrations(backend);
        auto m = std::find_if(all.begin(), all.end(),
                              [](const storage::Migration& x) { return x.version == 13; });
        BOOST_REQUIRE(m != all.end());
        BOOST_TEST(std::count_if(all.begin(), all.end(),
                                 [](const storage::Migration& x) { return x.version == 13; }) == 1);
        BOOST_TEST(m->name == "0013_task_board.sql");
        BOOST_TEST(m->description.find("task board") != std::string::npos);
        const bool policy = std::any_of(
            m->statements.begin(), m->statements.end(),
            [](const std::string& st) { return st.find("CREATE POLICY") != std::string::npos; });
        BOOST_TEST(policy == (backend == storage::Backend::Postgresql));
        BOOST_TEST(m->statements.front().find("CREATE TABLE task_board") != std::string::npos);
    }
    BOOST_TEST(storage::SubstituteDialect("{{BYTES}}", storage::Backend::Sqlite) == "TEXT");
    BOOST_TEST(storage::SubstituteDialect("{{BYTES}}", storage::Backend::Postgresql) ==
               "TEXT COLLATE \"C\"");
}

// The tasks stored before schema 13 get their row of the task board on the
// upgrade, worked out as the program works it out for the tasks it writes
// afterwards.
BOOST_AUTO_TEST_CASE(tasks_stored_before_the_task_board_get_their_rows_on_upgrade) {
    TempDir dir;
    auto db = FreshDatabase(dir, 11);
    Unit u;
    u.code = "XA-A";
    u.name = "Xã Ấp A";
    u.id = OldUnit(*db, u.code, u.name);
    PlanRecord plan;
    plan.unitId = u.id;
    plan.year = 2026;
    PlanItemRecord item;
    item.heading = "1.3";
    for (const char* text : {"Niêm yết thủ tục", "Tuyên truyền", "Rà soát"}) {
        TaskRecord task;
        task.solution = text;
        task.dueOn = "2026-06-30";
        item.tasks.push_back(task);
    }
    plan.items.push_back(item);
    storage::PlanRepository(db->session()).Insert(plan);
    long long rows = -1;
    const auto url = db->url();
    db.reset();
    auto upgraded = storage::Database::Open(url);
    BOOST_TEST(upgraded->SchemaVersion() >= 13);
    upgraded->session() << "SELECT COUNT(*) FROM task_board", soci::into(rows);
    BOOST_TEST(rows == 3);
    // As the program writes a new task's row: the same columns.
    std::string before, after;
    long long id = plan.items[0].tasks[0].id;
    const char* row =
        "SELECT unit_code || '|' || due || '|' || task_key || '|' || search || '|' || "
        "COALESCE(CAST(calendar_first AS TEXT), '-') || '|' || calendar_updates FROM task_board "
        "WHERE task_id = :t";
    upgraded->session() << row, soci::use(id), soci::into(before);
    storage::TaskBoardWriter(upgraded->session()).ForTask(id);
    upgraded->session() << row, soci::use(id), soci::into(after);
    BOOST_TEST(before == after);
    BOOST_TEST(before.find("XA-A|2026-06-30|") == 0u);
    BOOST_TEST(before.find("niem yet thu tuc") != std::string::npos);
}
