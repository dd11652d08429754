// Backups and restoring on both engines: a restored database gives the same
// exports of every kind as the original; a database with data is replaced
// only when asked, and then backed up first; what is not a backup is
// refused; an older backup is brought up to date; the daily copies of an
// SQLite database keep the newest N.
#include <soci/soci.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/progress.h"
#include "fixture.h"
#include "services/app/backup.h"
#include "services/app/demo.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/plans/assignments.h"
#include "services/plans/plan_io.h"
#include "services/results/results.h"
#include "services/surveys/surveys.h"
#include "storage/backup.h"
#include "storage/evidence_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;
namespace fs = std::filesystem;

namespace {

// Every kind `cchc export` offers, written by the services into dir/KIND.csv;
// returns the files' contents by kind.
std::map<std::string, std::string> ExportEverything(storage::Database& db, const std::string& dir) {
    fs::create_directories(dir);
    auto file = [&](const std::string& kind) { return dir + "/" + kind + ".csv"; };
    services::ExportUnits(db, file("units"), "test");
    services::ExportPeople(db, file("people"), "test");
    services::ExportFrameworks(db, file("frameworks"));
    services::ExportResults(db, file("results"), "test");
    services::ExportTasks(db, file("tasks"), "test");
    services::ExportAssignments(db, file("assignments"), "test");
    services::ExportTallies(db, file("tallies"), "test");
    services::ExportRatings(db, file("ratings"), "test");
    std::map<std::string, std::string> out;
    for (const char* kind :
         {"units", "people", "frameworks", "results", "tasks", "assignments", "tallies", "ratings"})
        out[kind] = ReadFile(file(kind));
    return out;
}

void FillDemo(storage::Database& db) {
    services::DemoOptions o;
    o.communes = 3;
    o.years = 2;
    o.ratings = 300;
    o.seed = 7;
    o.asOf = Date{2026, 6, 15};
    services::BuildDemo(db, o, nullptr);
}

// An empty database of the suite's engine: a new SQLite file in dir, or the
// PostgreSQL test database emptied.
std::unique_ptr<storage::Database> EmptyTarget(const TempDir& dir, const std::string& name) {
    storage::OpenOptions o;
    o.migrate = false;
    if (TestingPostgres()) {
        auto url = storage::DatabaseUrl::Parse(TestDatabaseUrl(dir));
        auto db = storage::Database::Open(url, o);
        db->DropEverything();
        return db;
    }
    return storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + dir.File(name)), o);
}

std::string BackupName(const std::string& base) {
    return base + (TestingPostgres() ? ".backup" : ".db");
}

long Units(storage::Database& db) { return storage::UnitRepository(db.session()).Count(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_and_restore)

BOOST_FIXTURE_TEST_CASE(a_restored_backup_gives_the_same_exports_of_every_kind, DbFixture) {
    FillDemo(Db());
    const auto before = ExportEverything(Db(), dir.File("before"));
    for (const auto& [kind, content] : before) BOOST_TEST(content.size() > 40u, kind);
    const std::string file = dir.File(BackupName("office"));
    const auto written = services::BackupDatabase(Db(), file, false, "test", nullptr);
    BOOST_TEST(written.bytes > 0u);
    BOOST_TEST(fs::file_size(file) == written.bytes);
    // Never over an existing file unless asked.
    BOOST_CHECK_THROW(services::BackupDatabase(Db(), file, false, "test", nullptr), UserError);

    auto target = EmptyTarget(dir, "restored.db");
    const auto url = target->url();
    BOOST_TEST(!services::HoldsOfficeData(*target));
    const auto report = services::RestoreDatabase(*target, file, false, "test", nullptr);
    BOOST_TEST(report.replacedCopy.empty());
    BOOST_TEST(report.backupVersion == storage::Database::LatestSchemaVersion());
    target.reset();
    auto restored = services::ReopenAfterRestore(url);
    BOOST_TEST(restored.db->Check().empty());
    const auto after = ExportEverything(*restored.db, dir.File("after"));
    for (const auto& [kind, content] : before) BOOST_TEST(after.at(kind) == content, kind);
}

BOOST_FIXTURE_TEST_CASE(a_database_with_data_is_replaced_only_when_asked_and_backed_up_first,
                        DbFixture) {
    FillDemo(Db());
    const std::string file = dir.File(BackupName("office"));
    services::BackupDatabase(Db(), file, false, "test", nullptr);
    // Work done after the backup.
    Unit u;
    u.code = "XA-MOI";
    u.name = "Xã Mới";
    storage::UnitRepository(Db().session()).Insert(u);
    const long units = Units(Db());
    const auto before = ExportEverything(Db(), dir.File("before"));

    BOOST_TEST(services::HoldsOfficeData(Db()));
    try {
        services::RestoreDatabase(Db(), file, false, "test", nullptr);
        BOOST_FAIL("a database with data was replaced without being asked");
    } catch (const UserError& e) {
        BOOST_TEST(std::string(e.what()).find("--replace") != std::string::npos, e.what());
    }
    BOOST_TEST(Units(Db()) == units);
    BOOST_TEST((ExportEverything(Db(), dir.File("unchanged")) == before));

    const auto report = services::RestoreDatabase(Db(), file, true, "test", nullptr);
    BOOST_REQUIRE(!report.replacedCopy.empty());
    BOOST_TEST(fs::exists(report.replacedCopy));
    const auto url = Db().url();
    db.reset();
    auto restored = services::ReopenAfterRestore(url);
    BOOST_TEST(Units(*restored.db) == units - 1);  // the backup's office

    // The copy made first holds what was replaced.
    auto again =
        services::RestoreDatabase(*restored.db, report.replacedCopy, true, "test", nullptr);
    BOOST_TEST(!again.replacedCopy.empty());
    restored.db.reset();
    auto back = services::ReopenAfterRestore(url);
    BOOST_TEST((ExportEverything(*back.db, dir.File("back")) == before));
}

BOOST_FIXTURE_TEST_CASE(a_file_that_is_not_a_backup_is_refused_naming_it, DbFixture) {
    auto refused = [&](const std::string& path) {
        try {
            services::RestoreDatabase(Db(), path, true, "test", nullptr);
        } catch (const UserError& e) {
            const std::string text = e.what();
            BOOST_TEST(text.find(path) != std::string::npos, text);
            BOOST_TEST(text.find("soci") == std::string::npos, text);
            BOOST_TEST(text.find("SQL") == std::string::npos, text);
            return true;
        }
        return false;
    };
    const std::string notes = dir.File("notes.db");
    WriteFile(notes, "Biên bản họp ngày 05/01/2024\n");
    BOOST_TEST(refused(notes));
    const std::string empty = dir.File("empty.backup");
    WriteFile(empty, "");
    BOOST_TEST(refused(empty));
    BOOST_TEST(refused(dir.File("missing.db")));
    // An SQLite database of another program.
    const std::string other = dir.File("invoices.db");
    {
        storage::OpenOptions o;
        o.migrate = false;
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + other), o);
        db->session() << "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)";
    }
    BOOST_TEST(refused(other));
    // In Vietnamese too.
    BOOST_TEST(SetLanguage("vi"));
    try {
        services::RestoreDatabase(Db(), notes, true, "test", nullptr);
    } catch (const UserError& e) {
        BOOST_TEST(std::string(e.what()).find("sao lưu") != std::string::npos, e.what());
    }
    SetLanguage("en");
    BOOST_TEST(Db().SchemaVersion() == storage::Database::LatestSchemaVersion());
}

BOOST_AUTO_TEST_CASE(an_older_backup_is_brought_up_to_date) {
    TempDir dir;
    auto old = FreshDatabase(dir, 1);
    // Written as the program of schema 1 wrote it (today's has more columns).
    old->session() << "INSERT INTO units (code, name, kind) VALUES ('XA-A', 'Xã A', 'commune')";
    const std::string file = dir.File(BackupName("old"));
    services::BackupDatabase(*old, file, false, "test", nullptr);
    old.reset();
    auto target = EmptyTarget(dir, "new.db");
    const auto url = target->url();
    BOOST_TEST(services::RestoreDatabase(*target, file, false, "test", nullptr).backupVersion == 1);
    target.reset();
    auto restored = services::ReopenAfterRestore(url);
    BOOST_TEST(restored.db->lastMigration().fromVersion == 1);
    BOOST_TEST(restored.db->SchemaVersion() == storage::Database::LatestSchemaVersion());
    BOOST_TEST(Units(*restored.db) == 1);
}

// An office moving to the shared server: its SQLite backup into an empty
// PostgreSQL database, table by table, files byte for byte, ids going on.
BOOST_AUTO_TEST_CASE(an_sqlite_backup_moves_into_an_empty_postgresql_database) {
    if (!TestingPostgres()) return;
    TempDir dir;
    auto office =
        storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + dir.File("o.db")));
    FillDemo(*office);
    std::string bytes = "%PDF-1.4\n";
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
    storage::EvidenceRecord e;
    e.unitId = storage::UnitRepository(office->session()).All().front().id;
    e.title = "Biên bản";
    e.fileName = "bien-ban.pdf";
    e.sizeBytes = static_cast<long long>(bytes.size());
    const auto evidenceId = storage::EvidenceRepository(office->session()).Insert(e, bytes);
    const auto before = ExportEverything(*office, dir.File("before"));
    const std::string file = dir.File("office.db");
    services::BackupDatabase(*office, file, false, "test", nullptr);

    auto target = EmptyTarget(dir, "");
    const auto url = target->url();
    const auto report = services::RestoreDatabase(*target, file, false, "test", nullptr);
    BOOST_TEST(report.acrossEngines);
    target.reset();
    auto server = services::ReopenAfterRestore(url);
    BOOST_TEST(server.db->Check().empty());
    BOOST_TEST((ExportEverything(*server.db, dir.File("after")) == before));
    BOOST_TEST(storage::EvidenceRepository(server.db->session()).Content(evidenceId) == bytes);
    // New rows get ids after the copied ones.
    Unit u;
    u.code = "XA-MOI";
    u.name = "Xã Mới";
    const auto id = storage::UnitRepository(server.db->session()).Insert(u);
    BOOST_TEST(id > e.unitId);
    // A database that holds data is not filled from SQLite without --replace.
    BOOST_CHECK_THROW(services::RestoreDatabase(*server.db, file, false, "test", nullptr),
                      UserError);
}

BOOST_AUTO_TEST_CASE(a_postgresql_dump_is_refused_by_an_sqlite_database) {
    if (!TestingPostgres()) return;
    TempDir dir;
    auto server = FreshDatabase(dir);
    const std::string dump = dir.File("server.backup");
    services::BackupDatabase(*server, dump, false, "test", nullptr);
    auto local = storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + dir.File("l.db")));
    try {
        services::RestoreDatabase(*local, dump, true, "test", nullptr);
        BOOST_FAIL("a dump was restored into SQLite");
    } catch (const UserError& e) {
        BOOST_TEST(std::string(e.what()).find("PostgreSQL") != std::string::npos, e.what());
    }
}

BOOST_FIXTURE_TEST_CASE(daily_copies_keep_the_newest_n, DbFixture) {
    services::SaveBackupKeepDays(Db(), 3, "tester");
    BOOST_TEST(services::BackupKeepDays(Db()) == 3);
    BOOST_CHECK_THROW(services::SaveBackupKeepDays(Db(), 0, "tester"), UserError);
    if (TestingPostgres()) {
        // The server's administrator backs it up: no copy beside anything.
        const auto report = services::KeepDailyCopy(Db(), Date{2026, 12, 1});
        BOOST_TEST(report.written.empty());
        BOOST_TEST(services::DailyCopyFolder(Db().url()).empty());
        return;
    }
    const std::string folder = services::DailyCopyFolder(Db().url());
    BOOST_TEST(folder == fs::path(dir.File("backups")).string());
    // A copy that is not a daily one stays whatever the count.
    fs::create_directories(folder);
    WriteFile(folder + "/test-before-restore-20261130-101010.db", "x");
    for (int day = 1; day <= 5; ++day) {
        const auto report = services::KeepDailyCopy(Db(), Date{2026, 12, day});
        BOOST_TEST(!report.written.empty());
        BOOST_TEST(services::KeepDailyCopy(Db(), Date{2026, 12, day}).written.empty());  // once
    }
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    const std::vector<std::string> expected = {"test-2026-12-03.db", "test-2026-12-04.db",
                                               "test-2026-12-05.db",
                                               "test-before-restore-20261130-101010.db"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
    // Each copy is a backup that restores.
    BOOST_TEST((storage::InspectBackup(folder + "/test-2026-12-05.db").format ==
                storage::BackupFormat::Sqlite));
}

BOOST_AUTO_TEST_SUITE_END()

namespace {
// A user who presses Cancel: once the work has reported a step whose text
// starts with `during` (any step when empty), every poll says cancelled.
class CancelDuring : public Progress {
  public:
    explicit CancelDuring(std::string during) : during_(std::move(during)) {}
    void Report(const std::string& what, double) override {
        if (what.rfind(during_, 0) == 0) armed_ = true;
    }
    bool Cancelled() const override {
        if (armed_) ++cancelledPolls_;
        return armed_;
    }
    bool armed() const { return armed_; }
    int cancelledPolls() const { return cancelledPolls_; }

  private:
    std::string during_;
    bool armed_ = false;
    mutable int cancelledPolls_ = 0;
};

// The files in dir whose name contains part (a backup or its temporary).
std::vector<std::string> FilesLike(const std::string& dir, const std::string& part) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(part) != std::string::npos)
            out.push_back(e.path().filename().string());
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(backup_cancel)

// Cancel pressed while the backup is written (SQLite: between the online
// backup's steps; PostgreSQL: pg_dump killed): no file at the target, no
// temporary beside it; an existing file there is left as it was.
BOOST_FIXTURE_TEST_CASE(a_cancelled_backup_leaves_no_file_at_the_target, DbFixture) {
    FillDemo(Db());
    const std::string folder = dir.File("out");
    fs::create_directories(folder);
    const std::string file = folder + "/" + BackupName("office");
    CancelDuring cancel("");
    BOOST_CHECK_THROW(services::BackupDatabase(Db(), file, false, "test", &cancel), CancelledError);
    BOOST_TEST(cancel.cancelledPolls() >= 1);
    BOOST_TEST(!fs::exists(file));
    BOOST_TEST(FilesLike(folder, "office").empty());

    // Cancelled once the copy is under way (it reported its first step).
    CancelDuring underWay(TestingPostgres() ? tr("Dumping the database on the server...")
                                            : tr("Copying the database..."));
    BOOST_CHECK_THROW(services::BackupDatabase(Db(), file, false, "test", &underWay),
                      CancelledError);
    BOOST_TEST(underWay.armed());
    BOOST_TEST(!fs::exists(file));
    BOOST_TEST(FilesLike(folder, "office").empty());

    // Over a file the save dialog let the user replace: it stays as it was.
    WriteFile(file, "the older backup");
    CancelDuring again(TestingPostgres() ? tr("Dumping the database on the server...")
                                         : tr("Copying the database..."));
    BOOST_CHECK_THROW(services::BackupDatabase(Db(), file, true, "test", &again), CancelledError);
    BOOST_TEST(ReadFile(file) == "the older backup");
    BOOST_TEST((FilesLike(folder, "office") == std::vector<std::string>{BackupName("office")}));

    // Not cancelled, the same call writes the backup.
    services::BackupDatabase(Db(), file, true, "test", nullptr);
    BOOST_TEST((storage::InspectBackup(file).format != storage::BackupFormat::None));
}

// Cancel pressed while a backup replaces what the database holds (after
// the copy of what it holds is made): SQLite's backup into the database is
// rolled back; on PostgreSQL pg_restore and psql are killed before their
// COMMIT. The database holds what it held, and is still usable.
BOOST_FIXTURE_TEST_CASE(a_cancelled_restore_leaves_the_database_as_it_was, DbFixture) {
    FillDemo(Db());
    const std::string file = dir.File(BackupName("office"));
    services::BackupDatabase(Db(), file, false, "test", nullptr);
    Unit u;
    u.code = "XA-MOI";
    u.name = "Xã Mới";
    storage::UnitRepository(Db().session()).Insert(u);
    const auto before = ExportEverything(Db(), dir.File("before"));

    CancelDuring cancel(TestingPostgres() ? tr("Restoring the database on the server...")
                                          : tr("Restoring the database..."));
    BOOST_CHECK_THROW(services::RestoreDatabase(Db(), file, true, "test", &cancel), CancelledError);
    BOOST_TEST(cancel.armed());
    BOOST_TEST((ExportEverything(Db(), dir.File("after")) == before));
    BOOST_TEST(storage::UnitRepository(Db().session()).ByCode("XA-MOI").has_value());
    BOOST_TEST(Db().Check().empty());

    // Cancelled while what it holds is being backed up first: the same.
    CancelDuring early("");
    BOOST_CHECK_THROW(services::RestoreDatabase(Db(), file, true, "test", &early), CancelledError);
    BOOST_TEST((ExportEverything(Db(), dir.File("after-early")) == before));
}

// The client asks now and then whether today's daily copy is still to make:
// yes for an SQLite database until it is made, again the next day; never
// for PostgreSQL.
BOOST_FIXTURE_TEST_CASE(the_daily_copy_is_due_once_a_day, DbFixture) {
    const Date day{2026, 12, 1}, next{2026, 12, 2};
    if (TestingPostgres()) {
        BOOST_TEST(!services::DailyCopyDue(Db().url(), day));
        return;
    }
    BOOST_TEST(services::DailyCopyDue(Db().url(), day));
    services::KeepDailyCopy(Db(), day);
    BOOST_TEST(!services::DailyCopyDue(Db().url(), day));
    BOOST_TEST(services::DailyCopyDue(Db().url(), next));
    services::KeepDailyCopy(Db(), next);
    BOOST_TEST(!services::DailyCopyDue(Db().url(), next));
}

BOOST_AUTO_TEST_SUITE_END()
