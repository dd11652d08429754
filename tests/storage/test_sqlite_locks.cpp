// SQLite's locks cannot be dropped by another handle of the database file in
// the same process (a file dialog reading the .db file to tell its type):
// another program connecting meanwhile leaves the WAL in place and no write
// is lost. Connections of one process share the locks and release them all
// when the last one closes.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "fixture.h"
#include "storage/sqlite_locks.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;
namespace fs = std::filesystem;

namespace {

// The locks are SQLite's own; PostgreSQL has nothing of the kind.
bool SkippedOnPostgres() {
    if (!TestingPostgres()) return false;
    BOOST_TEST_MESSAGE("skipped: SQLite file locks; not applicable to PostgreSQL");
    return true;
}

Unit MakeUnit(const std::string& code) {
    Unit u;
    u.code = code;
    u.name = "Xã " + code;
    return u;
}

// Opens, reads a little of and closes the file through a descriptor of its
// own, as GTK's file dialog does to each file of the folder it lists.
void ReadAsAFileDialogDoes(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    char head[64];
    (void)!::read(fd, head, sizeof head);
    ::close(fd);
}

void FileDialogListsTheFolder(const std::string& dbPath) {
    ReadAsAFileDialogDoes(dbPath);
    ReadAsAFileDialogDoes(dbPath + "-wal");
    ReadAsAFileDialogDoes(dbPath + "-shm");
}

// Another process (SQLite with its usual process-wide locks) runs sql on the
// file and closes it; its exit status (0: all went well).
int AnotherProgramRuns(const std::string& dbPath, const std::string& sql) {
    pid_t child = ::fork();
    if (child == 0) {
        ::execl(CCHC_SQLITE_PEER, CCHC_SQLITE_PEER, dbPath.c_str(), sql.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    BOOST_REQUIRE(child > 0);
    int status = 0;
    BOOST_REQUIRE(::waitpid(child, &status, 0) == child);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Descriptors open in this process.
std::size_t OpenDescriptors() {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sqlite_locks)

BOOST_AUTO_TEST_CASE(a_file_dialog_and_another_program_lose_no_write) {
    if (SkippedOnPostgres()) return;
    BOOST_TEST(storage::detail::SqliteLockOwnersInstalled());
    TempDir dir;
    const auto url = storage::DatabaseUrl::Parse("sqlite:" + dir.File("desk.db"));
    const std::string path = url.path;
    auto db = storage::Database::Open(url);
    storage::UnitRepository units(db->session());
    units.Insert(MakeUnit("XA-A"));
    BOOST_REQUIRE(fs::exists(path + "-wal"));

    // Another program reads while our locks would have been dropped.
    FileDialogListsTheFolder(path);
    BOOST_TEST(AnotherProgramRuns(path, "SELECT count(*) FROM sqlite_master") == 0);
    BOOST_TEST(fs::exists(path + "-wal"));
    BOOST_TEST(fs::exists(path + "-shm"));
    units.Insert(MakeUnit("XA-B"));
    BOOST_TEST(units.Count() == 2);
    {
        // A second connection of the process, as for background work.
        auto worker = storage::Database::Open(url);
        BOOST_TEST(storage::UnitRepository(worker->session()).Count() == 2);
    }

    // Another program writes.
    FileDialogListsTheFolder(path);
    BOOST_TEST(AnotherProgramRuns(path,
                                  "INSERT INTO units (code, name, kind) "
                                  "VALUES ('XA-PEER', 'Xã bên', 'commune')") == 0);
    BOOST_TEST(fs::exists(path + "-wal"));
    units.Insert(MakeUnit("XA-C"));
    BOOST_TEST(units.Count() == 4);
    db.reset();

    auto reopened = storage::Database::Open(url);
    storage::UnitRepository again(reopened->session());
    BOOST_TEST(again.Count() == 4);
    for (const char* code : {"XA-A", "XA-B", "XA-PEER", "XA-C"}) {
        BOOST_TEST_INFO(code);
        BOOST_TEST(again.ByCode(code).has_value());
    }
    BOOST_TEST(reopened->Check().empty());
}

BOOST_AUTO_TEST_CASE(connections_of_one_process_share_the_locks_and_release_them) {
    if (SkippedOnPostgres()) return;
    const std::size_t before = storage::detail::OpenLockOwners();
    const std::size_t descriptorsBefore = OpenDescriptors();
    for (bool firstClosesFirst : {true, false}) {
        TempDir dir;
        const auto url = storage::DatabaseUrl::Parse("sqlite:" + dir.File("shared.db"));
        auto desk = storage::Database::Open(url);
        std::unique_ptr<storage::Database> worker;
        std::thread([&] { worker = storage::Database::Open(url); }).join();
        // The database file and its -shm, each locked through one owner.
        BOOST_TEST(storage::detail::OpenLockOwners() == before + 2);

        storage::UnitRepository deskUnits(desk->session());
        for (int i = 0; i < 5; ++i) {
            deskUnits.Insert(MakeUnit("D-" + std::to_string(i)));
            std::thread([&] {
                storage::Transaction tx(*worker);
                storage::UnitRepository workerUnits(worker->session());
                workerUnits.Insert(MakeUnit("W-" + std::to_string(i)));
                tx.Commit();
            }).join();
            BOOST_TEST(deskUnits.Count() == 2 * (i + 1));
        }
        // A file dialog meanwhile drops nothing either connection holds.
        ReadAsAFileDialogDoes(url.path);
        long seen = 0;
        std::thread([&] { seen = storage::UnitRepository(worker->session()).Count(); }).join();
        BOOST_TEST(seen == 10);

        if (firstClosesFirst) {
            desk.reset();
            BOOST_TEST(storage::detail::OpenLockOwners() == before + 2);
            std::thread([&] { worker.reset(); }).join();
        } else {
            std::thread([&] { worker.reset(); }).join();
            BOOST_TEST(storage::detail::OpenLockOwners() == before + 2);
            desk.reset();
        }
        BOOST_TEST(storage::detail::OpenLockOwners() == before);
        BOOST_TEST(OpenDescriptors() == descriptorsBefore);
        // The last connection checkpointed and removed its WAL.
        BOOST_TEST(!fs::exists(url.path + "-wal"));
        auto reopened = storage::Database::Open(url);
        BOOST_TEST(storage::UnitRepository(reopened->session()).Count() == 10);
    }
}

BOOST_AUTO_TEST_CASE(a_read_only_connection_first_does_not_stop_writers_locking) {
    if (SkippedOnPostgres()) return;
    TempDir dir;
    const auto url = storage::DatabaseUrl::Parse("sqlite:" + dir.File("reader.db"));
    storage::Database::Open(url).reset();
    // A read-only connection locks the file first...
    sqlite3* reader = nullptr;
    BOOST_REQUIRE(sqlite3_open_v2(url.path.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr) ==
                  SQLITE_OK);
    BOOST_REQUIRE(sqlite3_exec(reader, "SELECT count(*) FROM units", nullptr, nullptr, nullptr) ==
                  SQLITE_OK);
    // ...then a writer shares its locks and, closing last, takes the
    // exclusive lock to checkpoint and remove the WAL.
    auto writer = storage::Database::Open(url);
    storage::UnitRepository(writer->session()).Insert(MakeUnit("XA-W"));
    BOOST_TEST(sqlite3_close(reader) == SQLITE_OK);
    writer.reset();
    BOOST_TEST(!fs::exists(url.path + "-wal"));
    BOOST_TEST(storage::UnitRepository(storage::Database::Open(url)->session()).Count() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
