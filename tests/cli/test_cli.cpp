// The cchc command as scripts use it: exit codes, messages naming file, line
// and column, all-or-nothing imports, and export/re-import round trips.
#define BOOST_TEST_MODULE cli
#include <soci/soci.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "document_files.h"
#include "fixture.h"
#include "storage/database.h"
#include "test_support.h"

using namespace cchc::test;

BOOST_TEST_GLOBAL_FIXTURE(PostgresAvailability);

namespace {
// The command under test: the one built beside the tests, or the one
// CCHC_TEST_EXE names (scripts/test-windows.sh: a wrapper running
// cchc.exe under Wine).
std::string CchcExe() {
    if (const char* exe = std::getenv("CCHC_TEST_EXE"); exe && *exe) return exe;
    return CCHC_EXE;
}

// A path the command printed, as this machine names it: under Wine the
// Windows program prints Z:\tmp\... for /tmp/... (Wine's drive Z: is /).
std::string HostPath(std::string path) {
    if (path.size() > 2 && (path[0] == 'Z' || path[0] == 'z') && path[1] == ':') {
        path.erase(0, 2);
        std::replace(path.begin(), path.end(), '\\', '/');
    }
    return path;
}

struct Cli {
    TempDir dir;
    std::string db = "sqlite:" + dir.File("cli.db");
    CommandResult Run(const std::string& args, const std::string& env = "") const {
        return RunCommand(env + " CCHC_LANG=en " + CchcExe() + " --db '" + db + "' " + args);
    }
    // " < FILE" where FILE holds password and a newline: standard input of a
    // command that reads a password.
    std::string StdinWith(const std::string& password) const {
        const std::string file = dir.File("stdin-" + std::to_string(++stdinFiles_) + ".txt");
        WriteFile(file, password + "\n");
        return " < '" + file + "'";
    }
    mutable int stdinFiles_ = 0;
    CommandResult RunVi(const std::string& args) const {
        return RunCommand("CCHC_LANG=vi " + CchcExe() + " --db '" + db + "' " + args);
    }
    // The latest year of the index results stored (the third column,
    // "period", of the results export); "" when there are none.
    std::string LatestResultYear() const {
        const std::string file = dir.File("latest-results.csv");
        if (Run("export results --out " + file).exitCode != 0) return "";
        std::istringstream in(ReadFile(file));
        std::string line, latest;
        std::getline(in, line);  // header
        while (std::getline(in, line)) {
            std::istringstream cells(line);
            std::string cell;
            for (int column = 0; column < 3; ++column) std::getline(cells, cell, ',');
            if (cell.size() == 4 && cell > latest) latest = cell;
        }
        return latest;
    }
};

bool Contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}
}  // namespace

BOOST_FIXTURE_TEST_CASE(init_is_idempotent_and_check_reports_version, Cli) {
    auto first = Run("init");
    BOOST_TEST(first.exitCode == 0, first.output);
    BOOST_TEST(Contains(first.output, "added: 3"), first.output);
    auto second = Run("init");
    BOOST_TEST(second.exitCode == 0);
    BOOST_TEST(Contains(second.output, "added: 0"), second.output);
    auto check = Run("check");
    BOOST_TEST(check.exitCode == 0, check.output);
    // The schema version this program writes, whatever its number.
    BOOST_TEST(std::regex_search(check.output,
                                 std::regex("Schema version: ([0-9]+) \\(this program: \\1\\)")),
               check.output);
}

BOOST_FIXTURE_TEST_CASE(demo_tasks_export_and_import_again_change_nothing, Cli) {
    BOOST_REQUIRE(
        Run("demo --communes 4 --years 2 --ratings 100 --seed 5 --as-of 2026-06-15").exitCode == 0);
    const std::string first = dir.File("tasks1.csv"), second = dir.File("tasks2.csv");
    auto exported = Run("export tasks --out " + first);
    BOOST_REQUIRE(exported.exitCode == 0);
    const std::smatch rows = [&] {
        std::smatch m;
        std::regex_search(exported.output, m, std::regex("Exported ([0-9.]+) rows"));
        return m;
    }();
    BOOST_REQUIRE(rows.size() == 2u);
    auto again = Run("import tasks " + first);
    BOOST_TEST(again.exitCode == 0, again.output);
    BOOST_TEST(Contains(again.output, "Nothing changed: the " + rows[1].str() + " rows"),
               again.output);
    BOOST_TEST(Run("export tasks --out " + second).exitCode == 0);
    BOOST_TEST(ReadFile(first) == ReadFile(second));
    auto vi = RunVi("import tasks " + first);
    BOOST_TEST(Contains(vi.output, "Không có gì thay đổi"), vi.output);
}

BOOST_FIXTURE_TEST_CASE(check_only_reads, Cli) {
    // A missing file is not created.
    auto missing = Run("check");
    BOOST_TEST(missing.exitCode == 1, missing.output);
    BOOST_TEST(Contains(missing.output, "does not exist"), missing.output);
    BOOST_TEST(!std::filesystem::exists(dir.File("cli.db")));
    // An empty file (a copy that never finished) is not filled with a schema.
    WriteFile(dir.File("cli.db"), "");
    auto empty = Run("check");
    BOOST_TEST(empty.exitCode == 1, empty.output);
    BOOST_TEST(std::filesystem::file_size(dir.File("cli.db")) == 0u);
    std::filesystem::remove(dir.File("cli.db"));
    // A database's bytes stay as they were.
    BOOST_REQUIRE(Run("init").exitCode == 0);
    const std::string before = ReadFile(dir.File("cli.db"));
    auto check = Run("check");
    BOOST_TEST(check.exitCode == 0, check.output);
    BOOST_TEST(ReadFile(dir.File("cli.db")) == before);
}

BOOST_FIXTURE_TEST_CASE(demo_fills_an_office_once, Cli) {
    auto r = Run("demo --communes 12 --years 2 --ratings 3000 --seed 5 --as-of 2026-06-15");
    BOOST_TEST(r.exitCode == 0, r.output);
    BOOST_TEST(Contains(r.output, "3.000 ratings"), r.output);
    auto again = Run("demo");
    BOOST_TEST(Run("demo --as-of 15/06/2026").exitCode == 2);  // not YYYY-MM-DD
    BOOST_TEST(again.exitCode == 1, again.output);
    BOOST_TEST(Run("check").exitCode == 0);
    // The demo's units export and include the communes of Tây Sơn.
    std::string out = dir.File("units.csv");
    BOOST_TEST(Run("export units --out " + out).exitCode == 0);
    std::string text = ReadFile(out);
    BOOST_TEST(Contains(text, "Xã Tây Xuân"));
    // The one-stop officers' self-assessments of last quarter beside their ratings.
    // (The demo stands as on 15 June 2026: last quarter is 2026-Q1.)
    const std::string quarter = "2026-Q1";
    // (Since July 2025 Tây Xuân is a former commune: Bình Khê was formed of it.)
    auto self = Run("--format csv survey self --period " + quarter + " --unit XA-BINHKHE");
    BOOST_TEST(self.exitCode == 0, self.output);
    std::istringstream lines(self.output);
    std::string line;
    std::getline(lines, line);
    BOOST_TEST(line ==
               "unit,officer,name,self,self_class,appraised,appraised_class,ratings,"
               "satisfied_share");
    int rows = 0;
    while (std::getline(lines, line)) {
        ++rows;
        BOOST_TEST(line.rfind("XA-BINHKHE,", 0) == 0u, line);
        BOOST_TEST(std::count(line.begin(), line.end(), ',') == 8, line);
    }
    BOOST_TEST(rows > 0);
    BOOST_TEST(Run("survey self --period 2026-07").exitCode == 1);  // not a quarter
    BOOST_TEST(Run("survey self").exitCode == 2);                   // no period
}

BOOST_FIXTURE_TEST_CASE(good_units_file_with_bom_and_vietnamese_headers, Cli) {
    auto r = Run("import units " + DataFile("units_good.csv"));
    BOOST_TEST(r.exitCode == 0, r.output);
    BOOST_TEST(Contains(r.output, "5 rows"), r.output);
    auto p = Run("import people " + DataFile("people_good.csv"));
    BOOST_TEST(p.exitCode == 0, p.output);
    std::string out = dir.File("people.csv");
    BOOST_TEST(Run("export people --out " + out).exitCode == 0);
    BOOST_TEST(Contains(ReadFile(out), "Chu Văn Thuần"));
}

BOOST_FIXTURE_TEST_CASE(broken_units_file_is_refused_with_its_place_and_nothing_stored, Cli) {
    BOOST_TEST(Run("init").exitCode == 0);
    auto r = Run("import units " + DataFile("units_broken.csv"));
    BOOST_TEST(r.exitCode == 1, r.output);
    BOOST_TEST(Contains(r.output, "units_broken.csv"), r.output);
    BOOST_TEST(Contains(r.output, "line 4"), r.output);
    BOOST_TEST(Contains(r.output, "kind"), r.output);
    std::string out = dir.File("after.csv");
    BOOST_TEST(Run("export units --out " + out).exitCode == 0);
    std::string text = ReadFile(out);
    BOOST_TEST(!Contains(text, "NINHSON"), text);
    // The message is in Vietnamese by default.
    auto vi = RunVi("import units " + DataFile("units_broken.csv"));
    BOOST_TEST(vi.exitCode == 1);
    BOOST_TEST(Contains(vi.output, "dòng 4"), vi.output);
}

// A write the database refuses (here a trigger standing for a full disk or a
// read-only file) fails with one translated line, never the engine's text
// with its SQL and parameters; CCHC_DEBUG=1 adds that text for the log.
BOOST_FIXTURE_TEST_CASE(a_failed_write_shows_one_line_without_sql, Cli) {
    BOOST_TEST(Run("init").exitCode == 0);
    {
        auto db = cchc::storage::Database::Open(cchc::storage::DatabaseUrl::Parse(this->db));
        db->session() << "CREATE TRIGGER refuse_units BEFORE INSERT ON units BEGIN "
                         "SELECT RAISE(ABORT, 'disk I/O error'); END";
    }
    auto r = RunVi("import units " + DataFile("units_good.csv"));
    BOOST_TEST(r.exitCode == 1, r.output);
    BOOST_TEST(std::count(r.output.begin(), r.output.end(), '\n') == 1, r.output);
    for (const char* technical : {"INSERT", "soci", "sqlite", "units (", "disk I/O"})
        BOOST_TEST(!Contains(r.output, technical), r.output);
    BOOST_TEST(Contains(r.output, "cơ sở dữ liệu"), r.output);
    auto debug = RunCommand("CCHC_DEBUG=1 CCHC_LANG=en " + CchcExe() + " --db '" + this->db +
                            "' import units " + DataFile("units_good.csv"));
    BOOST_TEST(debug.exitCode == 1);
    BOOST_TEST(Contains(debug.output, "INSERT"), debug.output);
}

// Another program writing (here this test, holding a write transaction) makes
// an import wait for its busy timeout, then fail with the busy sentence.
BOOST_FIXTURE_TEST_CASE(an_import_into_a_busy_database_says_so_in_one_line, Cli) {
    BOOST_TEST(Run("init").exitCode == 0);
    auto db = cchc::storage::Database::Open(cchc::storage::DatabaseUrl::Parse(this->db));
    cchc::storage::Transaction writing(*db);
    db->session() << "UPDATE settings SET value = value";
    auto r = RunVi("import units " + DataFile("units_good.csv"));
    BOOST_TEST(r.exitCode == 1, r.output);
    BOOST_TEST(std::count(r.output.begin(), r.output.end(), '\n') == 1, r.output);
    BOOST_TEST(Contains(r.output, "đang bận"), r.output);
    BOOST_TEST(!Contains(r.output, "locked"), r.output);
}

BOOST_FIXTURE_TEST_CASE(export_and_reimport_give_the_same_data, Cli) {
    BOOST_TEST(Run("demo --communes 4 --years 1 --ratings 0 --as-of 2026-06-15").exitCode == 0);
    for (const std::string kind : {"units", "people"}) {
        BOOST_TEST_CONTEXT(kind) {
            std::string first = dir.File(kind + "1.csv"), second = dir.File(kind + "2.csv");
            std::string xlsx = dir.File(kind + ".xlsx");
            BOOST_TEST(Run("export " + kind + " --out " + first).exitCode == 0);
            BOOST_TEST(Run("export " + kind + " --out " + xlsx).exitCode == 0);
            // Into a fresh database, from XLSX (units first for people).
            Cli fresh;
            if (kind == "people") {
                BOOST_TEST(fresh.Run("import units " + dir.File("units1.csv")).exitCode == 0);
            }
            auto imp = fresh.Run("import " + kind + " " + xlsx);
            BOOST_TEST(imp.exitCode == 0, imp.output);
            BOOST_TEST(fresh.Run("export " + kind + " --out " + second).exitCode == 0);
            BOOST_TEST(ReadFile(first) == ReadFile(second));
            // Re-importing into the same database changes nothing.
            auto again = Run("import " + kind + " " + first);
            BOOST_TEST(again.exitCode == 0, again.output);
            std::string third = dir.File(kind + "3.csv");
            BOOST_TEST(Run("export " + kind + " --out " + third).exitCode == 0);
            BOOST_TEST(ReadFile(first) == ReadFile(third));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(misuse_exits_with_2, Cli) {
    BOOST_TEST(Run("frobnicate").exitCode == 2);
    BOOST_TEST(Run("import").exitCode == 2);
    BOOST_TEST(Run("export units").exitCode == 2);
    BOOST_TEST(Run("init --no-such-option").exitCode == 2);
    BOOST_TEST(RunCommand(CchcExe() + " --db mysql://x init").exitCode == 1);
}

BOOST_FIXTURE_TEST_CASE(backup_makes_a_usable_copy, Cli) {
    BOOST_TEST(Run("import units " + DataFile("units_good.csv")).exitCode == 0);
    std::string copy = dir.File("copy.db");
    auto r = Run("backup --out " + copy);
    BOOST_TEST(r.exitCode == 0, r.output);
    auto check = RunCommand(CchcExe() + " --db sqlite:" + copy + " check");
    BOOST_TEST(check.exitCode == 0, check.output);
    BOOST_TEST(Run("backup --out " + copy).exitCode == 1);  // never overwrites
}

namespace {
// `cchc export KIND` of every kind the command offers, from the database db,
// into dir/<prefix>-KIND.csv; the files' contents by kind.
std::map<std::string, std::string> ExportAll(const Cli& cli, const std::string& db,
                                             const std::string& prefix) {
    std::map<std::string, std::string> out;
    for (const char* kind : {"units", "people", "frameworks", "results", "plans", "tasks",
                             "assignments", "tallies", "dossiers", "ratings"}) {
        const std::string file = cli.dir.File(prefix + "-" + kind + ".csv");
        auto r = RunCommand("CCHC_LANG=en " + CchcExe() + " --db '" + db + "' export " + kind +
                            " --out " + file);
        BOOST_TEST(r.exitCode == 0, kind << ": " << r.output);
        out[kind] = ReadFile(file);
    }
    return out;
}

// Backup, refusal of a database with data, --replace and the copy it makes
// first, and a restore into an empty database that exports the same files:
// source and target are two databases of one engine (target empty).
void BackupAndRestoreRoundTrip(const Cli& cli, const std::string& source, const std::string& target,
                               const std::string& backup) {
    auto at = [&](const std::string& db, const std::string& args) {
        return RunCommand("CCHC_LANG=en " + CchcExe() + " --db '" + db + "' " + args);
    };
    BOOST_REQUIRE(at(source,
                     "demo --communes 3 --years 2 --ratings 200 --seed 3 --as-of "
                     "2026-06-15")
                      .exitCode == 0);
    const auto original = ExportAll(cli, source, "original");
    for (const auto& [kind, content] : original) BOOST_TEST(content.size() > 40u, kind);
    auto written = at(source, "backup --out " + backup);
    BOOST_TEST(written.exitCode == 0, written.output);
    BOOST_TEST(Contains(written.output, "Backup written to " + backup), written.output);

    auto restored = at(target, "restore " + backup);
    BOOST_TEST(restored.exitCode == 0, restored.output);
    BOOST_TEST(!Contains(restored.output, "replaced"), restored.output);
    BOOST_TEST((ExportAll(cli, target, "restored") == original));
    BOOST_TEST(at(target, "check").exitCode == 0);

    // Now the target holds data: refused, and nothing changes.
    BOOST_REQUIRE(at(target, "import units " + DataFile("units_good.csv")).exitCode == 0);
    const auto changed = ExportAll(cli, target, "changed");
    auto refused = at(target, "restore " + backup);
    BOOST_TEST(refused.exitCode == 1, refused.output);
    BOOST_TEST(Contains(refused.output, "--replace"), refused.output);
    BOOST_TEST((ExportAll(cli, target, "after-refusal") == changed));

    // --replace backs up what it replaces first and names the copy.
    auto replaced = at(target, "restore " + backup + " --replace");
    BOOST_TEST(replaced.exitCode == 0, replaced.output);
    std::smatch m;
    const std::string out = replaced.output;
    BOOST_REQUIRE(std::regex_search(out, m, std::regex("Backup of the replaced data: ([^\n]+)")));
    const std::string copy = HostPath(m[1]);
    BOOST_TEST(std::filesystem::exists(copy), copy);
    BOOST_TEST((ExportAll(cli, target, "replaced") == original));
    // That copy restores what was replaced.
    BOOST_TEST(at(target, "restore '" + copy + "' --replace").exitCode == 0);
    BOOST_TEST((ExportAll(cli, target, "back") == changed));
}
}  // namespace

BOOST_FIXTURE_TEST_CASE(backup_and_restore_give_the_same_exports_of_every_kind, Cli) {
    BackupAndRestoreRoundTrip(*this, db, "sqlite:" + dir.File("restored.db"),
                              dir.File("office.db"));
    // The copy made before --replace went beside the database.
    BOOST_TEST(std::filesystem::exists(dir.File("backups")));
}

BOOST_FIXTURE_TEST_CASE(backup_and_restore_on_postgresql, Cli) {
    if (!TestingPostgres()) return;  // ctest's cli_postgresql runs it
    const std::string server = std::getenv("CCHC_TEST_PG");
    // The server's test database, emptied, as the target; the office on SQLite
    // is dumped through a first restore into it.
    {
        auto url = cchc::storage::DatabaseUrl::Parse(server);
        cchc::storage::OpenOptions o;
        o.migrate = false;
        cchc::storage::Database::Open(url, o)->DropEverything();
    }
    auto at = [&](const std::string& args) {
        return RunCommand("CCHC_LANG=en " + CchcExe() + " --db '" + server + "' " + args);
    };
    BOOST_REQUIRE(
        at("demo --communes 3 --years 2 --ratings 200 --seed 3 --as-of 2026-06-15").exitCode == 0);
    const auto original = ExportAll(*this, server, "original");
    const std::string dump = dir.File("server.backup");
    auto written = at("backup --out " + dump);
    BOOST_TEST(written.exitCode == 0, written.output);
    BOOST_TEST(ReadFile(dump).rfind("PGDMP", 0) == 0u);
    // A dump is refused by SQLite, and a database with data without --replace.
    auto intoSqlite = Run("restore " + dump);
    BOOST_TEST(intoSqlite.exitCode == 1);
    BOOST_TEST(Contains(intoSqlite.output, "PostgreSQL database"), intoSqlite.output);
    auto refused = at("restore " + dump);
    BOOST_TEST(refused.exitCode == 1, refused.output);
    // Emptied, then restored: the same exports.
    {
        auto url = cchc::storage::DatabaseUrl::Parse(server);
        cchc::storage::OpenOptions o;
        o.migrate = false;
        cchc::storage::Database::Open(url, o)->DropEverything();
    }
    auto restored = at("restore " + dump);
    BOOST_TEST(restored.exitCode == 0, restored.output);
    BOOST_TEST((ExportAll(*this, server, "restored") == original));
    // --replace dumps what it replaces beside the backup first.
    auto replaced = at("restore " + dump + " --replace");
    BOOST_TEST(replaced.exitCode == 0, replaced.output);
    BOOST_TEST(Contains(replaced.output, "Backup of the replaced data: " + dir.path()),
               replaced.output);
    BOOST_TEST((ExportAll(*this, server, "replaced") == original));
}

// A backup killed at any moment leaves no file at --out, or a whole one.
BOOST_FIXTURE_TEST_CASE(a_killed_backup_leaves_no_partial_file, Cli) {
    BOOST_REQUIRE(Run("demo --communes 20 --years 2 --ratings 60000 --seed 9").exitCode == 0);
    const std::string out = dir.File("killed.db");
    for (const char* delay : {"0.01", "0.03", "0.06", "0.1", "0.2"}) {
        std::filesystem::remove(out);
        RunCommand("(" + CchcExe() + " --db '" + db + "' backup --out " + out +
                   " & pid=$!; sleep " + delay + "; kill -9 $pid; wait $pid) 2>/dev/null");
        if (!std::filesystem::exists(out)) continue;
        auto check = RunCommand(CchcExe() + " --db sqlite:" + out + " check");
        BOOST_TEST(check.exitCode == 0, "after " << delay << " s: " << check.output);
    }
}

BOOST_FIXTURE_TEST_CASE(restore_refuses_a_file_that_is_not_a_backup_naming_it, Cli) {
    const std::string notes = dir.File("ghi-chu.db");
    WriteFile(notes, "Biên bản họp ngày 05/01/2024\n");
    auto r = RunVi("restore " + notes);
    BOOST_TEST(r.exitCode == 1, r.output);
    BOOST_TEST(Contains(r.output, notes), r.output);
    BOOST_TEST(Contains(r.output, "không phải bản sao lưu"), r.output);
    BOOST_TEST(!std::filesystem::exists(dir.File("cli.db")));  // nothing created either
    BOOST_TEST(RunVi("restore").exitCode == 2);
}

// Communes merged in 2025: the lineage file in and out, and the ranking's
// change of a merged commune against its former communes, marked.
BOOST_FIXTURE_TEST_CASE(lineage_imports_and_the_rank_compares_with_former_units, Cli) {
    BOOST_REQUIRE(Run("init").exitCode == 0);
    WriteFile(dir.File("units.csv"),
              "code,name,kind,parent,active\nH-CU,Huyện Cũ,district,,no\n"
              "XA-CU1,Xã Cũ Một,commune,H-CU,no\nXA-CU2,Xã Cũ Hai,commune,H-CU,no\n"
              "XA-MOI,Xã Mới,commune,,yes\nXA-YEN,Xã Yên,commune,,yes\n");
    BOOST_TEST(Run("import units " + dir.File("units.csv")).exitCode == 0);
    WriteFile(dir.File("results.csv"),
              "unit,framework,period,criterion,appraised_score\n"
              "XA-CU1,PAR-XA-2025,2024,2.3,2\nXA-CU2,PAR-XA-2025,2024,2.3,1\n"
              "XA-YEN,PAR-XA-2025,2024,2.3,1\n"
              "XA-MOI,PAR-XA-2025,2025,2.3,2\nXA-YEN,PAR-XA-2025,2025,2.3,1\n");
    BOOST_TEST(Run("import results " + dir.File("results.csv")).exitCode == 0);
    // Names as users write them, Vietnamese headers.
    WriteFile(dir.File("lineage.csv"),
              "Đơn vị,Đơn vị cũ,Ngày,Tỷ lệ\nXã Mới,XA-CU1,01/07/2025,\nXA-MOI,xa cu "
              "hai,2025-07-01,100%\n");
    auto imported = Run("import lineage " + dir.File("lineage.csv"));
    BOOST_TEST(imported.exitCode == 0, imported.output);
    BOOST_TEST(Contains(imported.output, "2 new"), imported.output);
    auto again = Run("import lineage " + dir.File("lineage.csv"));
    BOOST_TEST(Contains(again.output, "Nothing changed"), again.output);

    // Xã Mới: 27 points against the mean of 27 and 26 (of 84.5).
    auto csv = Run("--format csv rank --framework PAR-XA-2025 --period 2025");
    BOOST_TEST(csv.exitCode == 0, csv.output);
    BOOST_TEST(Contains(csv.output, "unit,name,total,max,percent,band,rank,change\n"), csv.output);
    BOOST_TEST(Contains(csv.output, "XA-MOI,Xã Mới,27,84.5,31.95,"), csv.output);
    BOOST_TEST(Contains(csv.output, ",0.59\n"), csv.output);  // 100 × (27 − 26.5) / 84.5
    BOOST_TEST(Contains(csv.output, "XA-YEN,Xã Yên,26,84.5,30.77,"), csv.output);
    auto text = RunVi("rank --framework PAR-XA-2025 --period 2025");
    BOOST_TEST(Contains(text.output, "+0,59*"), text.output);
    BOOST_TEST(Contains(text.output, "Xã Cũ Một, Xã Cũ Hai"), text.output);

    const std::string out = dir.File("out.csv");
    BOOST_TEST(Run("export lineage --out " + out).exitCode == 0);
    BOOST_TEST(ReadFile(out) ==
               "unit,predecessor,date,share\nXA-MOI,XA-CU1,2025-07-01,1\n"
               "XA-MOI,XA-CU2,2025-07-01,1\n");

    // An unknown former unit: the file, line and column, the nearest names.
    WriteFile(dir.File("wrong.csv"), "unit,predecessor,date\nXA-YEN,Xã Cũ Ba,2025-07-01\n");
    auto wrong = RunVi("import lineage " + dir.File("wrong.csv"));
    BOOST_TEST(wrong.exitCode == 1, wrong.output);
    BOOST_TEST(Contains(wrong.output, "wrong.csv"), wrong.output);
    BOOST_TEST(Contains(wrong.output, "2"), wrong.output);
    BOOST_TEST(Contains(wrong.output, "Xã Cũ"), wrong.output);
}

BOOST_FIXTURE_TEST_CASE(rank_prints_the_contract_columns, Cli) {
    BOOST_TEST(Run("demo --communes 6 --years 2 --ratings 0 --as-of 2026-06-15").exitCode == 0);
    // The demo's last index year, read from its results rather than the clock.
    const std::string year = LatestResultYear();
    BOOST_REQUIRE(!year.empty());

    auto csv = Run("--format csv rank --framework PAR-XA-2025 --period " + year);
    BOOST_TEST(csv.exitCode == 0, csv.output);
    std::istringstream in(csv.output);
    std::string line;
    std::vector<std::string> lines;
    while (std::getline(in, line))
        if (!line.empty()) lines.push_back(line);
    BOOST_REQUIRE(lines.size() == 7u);
    BOOST_TEST(lines[0] == "unit,name,total,max,percent,band,rank,change");
    std::set<std::string> ranks;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::vector<std::string> f;
        std::istringstream ls(lines[i]);
        std::string cell;
        while (std::getline(ls, cell, ',')) f.push_back(cell);
        BOOST_REQUIRE(f.size() >= 7u);
        // percent with a '.' decimal (or a whole number), rounded to 2 decimals
        const std::string& pct = f[4];
        BOOST_TEST(pct.find(',') == std::string::npos);
        auto dot = pct.find('.');
        if (dot != std::string::npos) BOOST_TEST(pct.size() - dot - 1 <= 2u, pct);
        double p = std::stod(pct);
        BOOST_TEST((p > 0 && p <= 100), pct);
        ranks.insert(f[6]);
    }
    BOOST_TEST(Contains(lines[1], ",1,"), lines[1]);
    BOOST_TEST(Contains(csv.output, "."), csv.output);

    auto json = Run("--format json rank --framework PAR-XA-2025 --period " + year);
    BOOST_TEST(json.exitCode == 0, json.output);
    BOOST_TEST(Contains(json.output, "\"rank\": 1"), json.output);

    auto text = RunVi("rank --framework PAR-XA-2025 --period " + year);
    BOOST_TEST(text.exitCode == 0, text.output);
    BOOST_TEST(std::regex_search(text.output, std::regex("[0-9]+,[0-9]+%")), text.output);

    auto gaps = Run("--format csv gaps --unit XA-BINHKHE --framework PAR-XA-2025 --period " + year);
    BOOST_TEST(gaps.exitCode == 0, gaps.output);
    BOOST_TEST(Contains(gaps.output, "criterion,title,max,points,lost\n"), gaps.output);
    auto office = Run("--format csv gaps --framework PAR-XA-2025 --period " + year);
    BOOST_TEST(office.exitCode == 0, office.output);
    BOOST_TEST(Contains(office.output, "criterion,title,max,units,lost,average\n"), office.output);
    auto overScoring =
        Run("--format csv gaps --self-vs-appraised --framework PAR-XA-2025 --period " + year);
    BOOST_TEST(overScoring.exitCode == 0, overScoring.output);
    BOOST_TEST(Contains(overScoring.output, "unit,name,self,appraised,max,gap\n"),
               overScoring.output);

    // The demo's results are appraised: an import that changes one is
    // refused, naming the file, line and column.
    WriteFile(dir.File("locked.csv"),
              "unit,framework,period,criterion,appraised_score\nXA-BINHKHE,PAR-XA-2025," + year +
                  ",2.3,0.01\n");
    auto locked = Run("import results " + dir.File("locked.csv"));
    BOOST_TEST(locked.exitCode == 1, locked.output);
    BOOST_TEST(Contains(locked.output, "locked.csv"), locked.output);
    BOOST_TEST(Contains(locked.output, "appraised_score"), locked.output);

    BOOST_TEST(Run("rank --framework PAR-XA-2025").exitCode == 2);
    BOOST_TEST(Run("rank --period " + year).exitCode == 2);
    BOOST_TEST(Run("rank --framework NO-SUCH --period " + year).exitCode == 1);
    BOOST_TEST(Run("rank --framework PAR-XA-2025 --period 2025-Q5").exitCode == 1);
    BOOST_TEST(Run("gaps --unit NO-SUCH --framework PAR-XA-2025 --period " + year).exitCode == 1);

    // Results export and re-import unchanged.
    std::string out = dir.File("results.csv");
    BOOST_TEST(Run("export results --out " + out).exitCode == 0);
    auto imp = Run("import results " + out);
    BOOST_TEST(imp.exitCode == 0, imp.output);
    std::string again = dir.File("results2.csv");
    BOOST_TEST(Run("export results --out " + again).exitCode == 0);
    BOOST_TEST(ReadFile(out) == ReadFile(again));
}

BOOST_FIXTURE_TEST_CASE(seed_002_plan_tasks_and_a_draft_plan, Cli) {
    for (const std::string kind : {"units", "people", "frameworks"})
        BOOST_TEST(Run("import " + kind + " " +
                       DataFile("seed002_" +
                                (kind == "frameworks" ? std::string("framework") : kind) + ".csv"))
                       .exitCode == 0);
    auto imp = Run("import tasks " + DataFile("seed002_tasks.csv"));
    BOOST_TEST(imp.exitCode == 0, imp.output);
    // Early 2022 every task of the plan but the recurring ones is overdue:
    // 28 tasks, 10 recurring.
    auto late = Run("--format csv tasks --unit TT-KONGCHRO --overdue --as-of 2022-01-05");
    BOOST_TEST(late.exitCode == 0, late.output);
    BOOST_TEST(
        Contains(late.output,
                 "id,unit,criterion,task,lead_unit,lead_person,due,status,percent,overdue_days\n"),
        late.output);
    BOOST_TEST(std::count(late.output.begin(), late.output.end(), '\n') == 1 + 18, late.output);
    BOOST_TEST(Contains(late.output, ",2021,not_started,0,5\n"), late.output);
    // On the last day of 2021 none is overdue yet.
    auto onTime = Run("--format csv tasks --overdue --as-of 2021-12-31");
    BOOST_TEST(std::count(onTime.output.begin(), onTime.output.end(), '\n') == 1, onTime.output);
    BOOST_TEST(Run("tasks --status finished --as-of 2022-01-05").exitCode == 2);
    BOOST_TEST(Run("tasks --unit NO-SUCH --as-of 2022-01-05").exitCode == 1);

    // Export and import again: no task twice.
    const std::string out = dir.File("tasks.csv");
    BOOST_TEST(Run("export tasks --out " + out).exitCode == 0);
    auto again = Run("import plans " + out);
    BOOST_TEST(again.exitCode == 0, again.output);
    BOOST_TEST(Contains(again.output, "Nothing changed: the 28 rows"), again.output);

    // A draft plan from weak results.
    WriteFile(dir.File("r.csv"),
              "unit,framework,period,criterion,appraised_score\n"
              "TT-KONGCHRO,GL-XA-2020,2021,1.2,0.5\nTT-KONGCHRO,GL-XA-2020,2021,1.3,1\n");
    BOOST_TEST(Run("import results " + dir.File("r.csv")).exitCode == 0);
    auto draft =
        Run("--format csv plan draft --unit TT-KONGCHRO --framework GL-XA-2020 --period 2021 "
            "--below 80");
    BOOST_TEST(draft.exitCode == 0, draft.output);
    BOOST_TEST(Contains(draft.output, "plan,criterion,title,baseline_points,target\n"),
               draft.output);
    BOOST_TEST(Contains(draft.output, ",1.2,"), draft.output);
    BOOST_TEST(!Contains(draft.output, ",1.3,"), draft.output);
    BOOST_TEST(Run("plan draft --unit TT-KONGCHRO --framework GL-XA-2020 --period 2019").exitCode ==
               1);

    // A broken tasks file: exit 1, file and line named, nothing stored.
    WriteFile(dir.File("bad.csv"),
              "unit,framework,year,task,due\nTT-KONGCHRO,,2022,Việc mới,31/02/2022\n");
    auto bad = Run("import tasks " + dir.File("bad.csv"));
    BOOST_TEST(bad.exitCode == 1, bad.output);
    BOOST_TEST(Contains(bad.output, "bad.csv"), bad.output);
    BOOST_TEST(Contains(bad.output, "due"), bad.output);
}

BOOST_FIXTURE_TEST_CASE(survey_tallies_and_ratings_end_to_end, Cli) {
    BOOST_TEST(Run("init").exitCode == 0);
    BOOST_TEST(Run("import units " + DataFile("units_good.csv")).exitCode == 0);
    BOOST_TEST(Run("import people " + DataFile("people_good.csv")).exitCode == 0);

    // A broken file: refused with its line and column, nothing stored.
    auto broken = Run("import tallies " + DataFile("tallies_broken.csv"));
    BOOST_TEST(broken.exitCode == 1, broken.output);
    BOOST_TEST(Contains(broken.output, "tallies_broken.csv"), broken.output);
    BOOST_TEST(Contains(broken.output, "line 4"), broken.output);
    BOOST_TEST(Contains(broken.output, "responses"), broken.output);
    auto empty = Run("--format csv survey --period 2026-Q1");
    BOOST_TEST(empty.exitCode == 0, empty.output);
    BOOST_TEST(empty.output == "unit,field,settled,responses,coverage,satisfied,satisfaction\n");

    auto imp = Run("import tallies " + DataFile("tallies_good.csv"));
    BOOST_TEST(imp.exitCode == 0, imp.output);
    BOOST_TEST(Contains(imp.output, "5 rows (5 new"), imp.output);
    // The contract's columns, percentages with '.'; units by name (Đăk before
    // Kông), fields in catalogue order; April is not in the first quarter.
    auto csv = Run("--format csv survey --period 2026-Q1 --by field");
    BOOST_TEST(csv.exitCode == 0, csv.output);
    BOOST_TEST(csv.output ==
                   "unit,field,settled,responses,coverage,satisfied,satisfaction\n"
                   "XA-DAKSONG,DATDAI,9,9,100,6,66.67\n"
                   "TT-KONGCHRO,HOTICH,60,50,83.33,40,80\n"
                   "TT-KONGCHRO,CHUNGTHUC,10,8,80,6,75\n",
               csv.output);
    // Text: Vietnamese numbers, the 80% line marked as not enough.
    auto text = Run("survey --period 2026-Q1 --unit TT-KONGCHRO");
    BOOST_TEST(text.exitCode == 0, text.output);
    BOOST_TEST(Contains(text.output, "83,33%"), text.output);
    BOOST_TEST(Contains(text.output, "80,00% *"), text.output);
    BOOST_TEST(!Contains(text.output, "XA-DAKSONG"), text.output);
    auto units = Run("--format tsv survey --period 2026-Q1 --by unit");
    BOOST_TEST(units.exitCode == 0, units.output);
    BOOST_TEST(Contains(units.output,
                        "unit\tname\tsettled\tresponses\tcoverage\tsatisfied\tsatisfaction\trank\n"
                        "TT-KONGCHRO\tThị trấn Kông Chro\t70\t58\t82.86\t46\t79.31\t1\n"),
               units.output);

    // Ratings: the duplicate row is skipped and counted.
    auto ratings = Run("import ratings " + DataFile("ratings_good.csv"));
    BOOST_TEST(ratings.exitCode == 0, ratings.output);
    BOOST_TEST(Contains(ratings.output, "7 new, 1 skipped"), ratings.output);
    auto bad = Run("import ratings " + DataFile("ratings_broken.csv"));
    BOOST_TEST(bad.exitCode == 1, bad.output);
    BOOST_TEST(Contains(bad.output, "line 4"), bad.output);
    BOOST_TEST(Contains(bad.output, "handling"), bad.output);
    auto officers = Run("--format csv survey --period 2026-01 --by officer");
    BOOST_TEST(officers.exitCode == 0, officers.output);
    BOOST_TEST(officers.output ==
                   "unit,officer,name,ratings,attitude,handling,guidance,satisfied_share,rank\n"
                   "TT-KONGCHRO,CB-THUAN,Chu Văn Thuần,6,4.33,4.17,3.83,66.67,1\n"
                   "PNV-KONGCHRO,CB-YEN,Nguyễn Thị Kim Yến,1,5,5,5,100,\n",
               officers.output);
    // Exported and imported again: nothing new.
    std::string out = dir.File("ratings.xlsx");
    BOOST_TEST(Run("export ratings --out " + out).exitCode == 0);
    auto again = Run("import ratings " + out);
    BOOST_TEST(again.exitCode == 0, again.output);
    BOOST_TEST(Contains(again.output, "0 new, 7 skipped"), again.output);
    std::string tallies = dir.File("tallies.csv");
    BOOST_TEST(Run("export tallies --out " + tallies).exitCode == 0);
    BOOST_TEST(Contains(ReadFile(tallies), "XA-DAKSONG,2026-01,DATDAI,9,9,,6,2,1,\n"));

    BOOST_TEST(Run("survey --period 2026-Q1 --by person").exitCode == 2);
    BOOST_TEST(Run("survey --period 2026-Q1 --window weekly").exitCode == 2);
    BOOST_TEST(Run("survey --period 2026-Q5").exitCode == 1);
}

// Form II.06a: a file as a one-stop system exports it (BOM, the form's
// Vietnamese headers, fields named with or without their prefix, totals
// beside their parts) imported; a total that disagrees refused with its
// line and column; exported with the contract's keys; the quarterly report
// prints the quarter from the months.
BOOST_FIXTURE_TEST_CASE(dossier_statistics_end_to_end, Cli) {
    BOOST_TEST(Run("init").exitCode == 0);
    BOOST_TEST(Run("import units " + DataFile("units_good.csv")).exitCode == 0);
    auto broken = Run("import dossiers " + DataFile("dossiers_broken.csv"));
    BOOST_TEST(broken.exitCode == 1, broken.output);
    BOOST_TEST(Contains(broken.output, "dossiers_broken.csv"), broken.output);
    BOOST_TEST(Contains(broken.output, "line 4"), broken.output);
    BOOST_TEST(Contains(broken.output, "received_total"), broken.output);
    auto imp = Run("import dossiers " + DataFile("dossiers_good.csv"));
    BOOST_TEST(imp.exitCode == 0, imp.output);
    BOOST_TEST(Contains(imp.output, "4 rows (4 new"), imp.output);
    auto again = Run("import dossiers " + DataFile("dossiers_good.csv"));
    BOOST_TEST(Contains(again.output, "Nothing changed"), again.output);
    const std::string out = dir.File("dossiers.csv");
    BOOST_TEST(Run("export dossiers --out " + out).exitCode == 0);
    BOOST_TEST(ReadFile(out) ==
               "unit,period,field,received_online,received_direct,carried_over,settled_early,"
               "settled_on_time,settled_late,pending_on_time,pending_overdue\n"
               "TT-KONGCHRO,2026-01,HOTICH,40,20,2,10,46,2,3,1\n"
               "XA-DAKSONG,2026-01,DATDAI,3,10,1,2,9,1,2,0\n"
               "TT-KONGCHRO,2026-02,HOTICH,35,16,4,12,37,1,4,1\n"
               "TT-KONGCHRO,2026-03,HOTICH,41,14,5,8,44,0,7,1\n");
    // The first quarter of Kông Chro: 116 online, 50 in person, 2 carried
    // over (January's) = 168; settled 30 + 127 + 3 = 160; 8 in progress
    // (March's 7 + 1).
    const std::string pdf = dir.File("q1.pdf");
    auto report = Run("report quarterly --period 2026-Q1 --unit TT-KONGCHRO --out " + pdf);
    BOOST_TEST(report.exitCode == 0, report.output);
    auto text = RunCommand("pdftotext -layout " + pdf + " -");
    BOOST_TEST(
        std::regex_search(text.output, std::regex("Hộ tịch\\s+168\\s+116\\s+50\\s+2\\s+160\\s+"
                                                  "30\\s+127\\s+3\\s+8\\s+7\\s+1")),
        text.output);
}

BOOST_FIXTURE_TEST_CASE(issuing_under_a_number_taken_meanwhile_leaves_no_pdf, Cli) {
    BOOST_REQUIRE(Run("demo --communes 4 --years 2 --ratings 100 --as-of 2026-06-15").exitCode ==
                  0);
    const std::string first = dir.File("first.pdf");
    BOOST_REQUIRE(Run("report quarterly --period 2025-Q4 --date 2026-01-05 --number 7 --out " +
                      first + " --issue")
                      .exitCode == 0);
    // Another desk printed number 7 too before the first issued it.
    const std::string second = dir.File("second.pdf");
    auto r = Run("report ranking --period 2025 --date 2026-01-05 --number 7 --out " + second +
                 " --issue");
    BOOST_TEST(r.exitCode == 1, r.output);
    BOOST_TEST(Contains(r.output, "just been used by another document"), r.output);
    BOOST_TEST(!Contains(r.output, "UNIQUE"), r.output);
    BOOST_TEST(!std::filesystem::exists(second));
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        BOOST_TEST(e.path().filename().string().find(".tmp-") == std::string::npos,
                   e.path().string());
    auto list = Run("report archive");
    BOOST_TEST(Contains(list.output, "07/BC-"), list.output);
    BOOST_TEST(!Contains(list.output, "ranking"), list.output);
}

BOOST_FIXTURE_TEST_CASE(report_quarterly_to_pdf_issue_and_reprint, Cli) {
    BOOST_REQUIRE(Run("demo --communes 12 --years 2 --ratings 2000 --as-of 2026-06-15").exitCode ==
                  0);
    const std::string pdf = dir.File("quy4.pdf");
    auto r = Run("report quarterly --period 2025-Q4 --date 2026-01-05 --out " + pdf);
    BOOST_TEST(r.exitCode == 0, r.output);
    RequireTool("pdftotext");
    const std::string text = PdfText(pdf);
    BOOST_TEST(Contains(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    BOOST_TEST(Contains(text, "ngày 05 tháng 01 năm 2026"));
    auto issued =
        Run("report quarterly --period 2025-Q4 --date 2026-01-05 --out " + pdf + " --issue");
    BOOST_TEST(issued.exitCode == 0, issued.output);
    BOOST_TEST(Contains(issued.output, "01/BC-"), issued.output);
    auto list = Run("report archive");
    BOOST_TEST(Contains(list.output, "01/BC-"), list.output);
    const std::string again = dir.File("again.pdf");
    BOOST_TEST(Run("report reprint 1 --out " + again).exitCode == 0);
    BOOST_TEST(ReadFile(again) == ReadFile(pdf));
    // A report written over an existing file replaces it whole: nothing of
    // the old bytes stays, and no temporary is left beside it.
    const std::string old = dir.File("old.pdf");
    WriteFile(old, std::string(4 << 20, 'x'));
    BOOST_TEST(Run("report quarterly --period 2025-Q4 --date 2026-01-05 --out " + old).exitCode ==
               0);
    const std::string replaced = ReadFile(old);
    BOOST_TEST(replaced.rfind("%PDF-", 0) == 0u);
    BOOST_TEST(replaced.find("xxxxxxxx") == std::string::npos);
    BOOST_TEST(replaced.find("%%EOF") != std::string::npos);
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        BOOST_TEST(e.path().filename().string().find(".tmp-") == std::string::npos,
                   e.path().string());
    // The tables of the same report as a spreadsheet and a Word file.
    BOOST_TEST(Run("report ranking --period 2025 --date 2026-01-05 --out " + dir.File("xh.xlsx"))
                   .exitCode == 0);
    BOOST_TEST(Run("report tasks --period 2025-Q4 --date 2026-01-05 --out " + dir.File("nv.docx"))
                   .exitCode == 0);
}

BOOST_FIXTURE_TEST_CASE(report_errors_name_the_argument, Cli) {
    BOOST_REQUIRE(Run("demo --communes 12 --years 1 --ratings 0 --as-of 2026-06-15").exitCode == 0);
    auto badType = Run("report weekly --period 2025-Q4 --out " + dir.File("x.pdf"));
    BOOST_TEST(badType.exitCode == 1);
    BOOST_TEST(Contains(badType.output, "type"), badType.output);
    BOOST_TEST(Contains(badType.output, "weekly"), badType.output);
    auto badPeriod = Run("report quarterly --period 2025-Q5 --out " + dir.File("x.pdf"));
    BOOST_TEST(badPeriod.exitCode == 1);
    BOOST_TEST(Contains(badPeriod.output, "period"), badPeriod.output);
    BOOST_TEST(Contains(badPeriod.output, "2025-Q5"), badPeriod.output);
    auto badOut = Run("report quarterly --period 2025-Q4 --out " + dir.File("x.txt"));
    BOOST_TEST(badOut.exitCode != 0);
    BOOST_TEST(Contains(badOut.output, "x.txt"), badOut.output);
    auto noOut = Run("report quarterly --period 2025-Q4");
    BOOST_TEST(noOut.exitCode == 2);
    BOOST_TEST(Contains(noOut.output, "--out"), noOut.output);
    auto badUnit = Run("report quarterly --period 2025-Q4 --unit NOPE --out " + dir.File("x.pdf"));
    BOOST_TEST(badUnit.exitCode == 1);
    BOOST_TEST(Contains(badUnit.output, "unit"), badUnit.output);
}

BOOST_FIXTURE_TEST_CASE(user_accounts_from_the_command_line, Cli) {
    BOOST_REQUIRE(Run("demo --communes 3 --years 1 --ratings 10 --seed 2").exitCode == 0);
    // The first account is an administrator's; the password comes on stdin.
    auto chairFirst = Run("user add ct_a --role chair --unit XA-BINHKHE --password-stdin " +
                          StdinWith("mk-12345"));
    BOOST_TEST(chairFirst.exitCode == 1, chairFirst.output);
    auto admin = Run("user add quantri --role admin --name 'Nguyễn Văn Quản' --password-stdin " +
                     StdinWith("mk-12345"));
    BOOST_TEST(admin.exitCode == 0, admin.output);
    // From now on the user commands need an account and its password.
    auto anonymous = Run("user list");
    BOOST_TEST(anonymous.exitCode == 2, anonymous.output);
    auto wrong = Run("--user quantri user list", "CCHC_PASSWORD=sai-mat-khau");
    BOOST_TEST(wrong.exitCode == 1, wrong.output);
    BOOST_TEST(Contains(wrong.output, "wrong login or password"), wrong.output);
    auto missingUnit = Run(
        "--user quantri user add ct_a --role chair --password-stdin " + StdinWith("mk-chu-tich"),
        "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(missingUnit.exitCode == 1, missingUnit.output);
    auto chair =
        Run("--user quantri user add ct_a --role chair --unit XA-BINHKHE --password-stdin "
            "" + StdinWith("mk-chu-tich"),
            "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(chair.exitCode == 0, chair.output);
    auto refused = Run("--user ct_a user disable quantri", "CCHC_PASSWORD=mk-chu-tich");
    BOOST_TEST(refused.exitCode == 1, refused.output);
    BOOST_TEST(Contains(refused.output, "account ct_a may not manage accounts"), refused.output);
    BOOST_TEST(Run("--user quantri user disable ct_a", "CCHC_PASSWORD=mk-12345").exitCode == 0);
    auto disabled = Run("--user ct_a user list", "CCHC_PASSWORD=mk-chu-tich");
    BOOST_TEST(disabled.exitCode == 1, disabled.output);
    auto list = Run("--format csv --user quantri user list", "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(list.exitCode == 0, list.output);
    BOOST_TEST(Contains(list.output, "login,name,role,unit,active,last_login"), list.output);
    BOOST_TEST(Contains(list.output, "ct_a,,chair,XA-BINHKHE,0,"), list.output);
    BOOST_TEST(Contains(list.output, "quantri,Nguyễn Văn Quản,admin,,1,20"), list.output);
    // Another role, unit or name: what is not given is kept.
    auto toClerk = Run("--user quantri user set ct_a --role clerk --name 'Lê Thị Cúc'",
                       "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(toClerk.exitCode == 0, toClerk.output);
    auto toOffice =
        Run("--user quantri user set ct_a --role viewer --no-unit", "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(toOffice.exitCode == 0, toOffice.output);
    auto noUnit = Run("--user quantri user set ct_a --role chair", "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(noUnit.exitCode == 1, noUnit.output);
    BOOST_TEST(Contains(noUnit.output, "unit"), noUnit.output);
    auto lastAdmin = Run("--user quantri user set quantri --role viewer", "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(lastAdmin.exitCode == 1, lastAdmin.output);
    auto changed = Run("--format csv --user quantri user list", "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(Contains(changed.output, "ct_a,Lê Thị Cúc,viewer,,0,"), changed.output);
    BOOST_TEST(Contains(changed.output, "quantri,Nguyễn Văn Quản,admin,,1,20"), changed.output);
}

BOOST_FIXTURE_TEST_CASE(every_command_acts_as_a_checked_account_within_its_scope, Cli) {
    BOOST_REQUIRE(Run("demo --communes 3 --years 1 --ratings 10 --seed 2").exitCode == 0);
    BOOST_REQUIRE(
        Run("user add quantri --role admin --password-stdin " + StdinWith("mk-12345")).exitCode ==
        0);
    BOOST_REQUIRE(Run("--user quantri user add ct_a --role chair --unit XA-BINHKHE "
                      "--password-stdin " +
                          StdinWith("mk-chu-tich"),
                      "CCHC_PASSWORD=mk-12345")
                      .exitCode == 0);
    // Reading and writing both need the account now.
    const auto anonymous = Run("tasks");
    BOOST_TEST(anonymous.exitCode == 2, anonymous.output);
    BOOST_TEST(Contains(anonymous.output, "--user"), anonymous.output);
    BOOST_TEST(Run("--user ct_a tasks", "CCHC_PASSWORD=sai-mat-khau").exitCode == 1);
    // A file with a task of the chair's own commune and one of another.
    WriteFile(dir.File("viec.csv"),
              "unit,framework,year,criterion,target,task,start,due,status,percent\n"
              "XA-BINHKHE,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Việc của xã mình,2026-02-01,"
              "2026-06-30,not_started,0\n"
              "P-BINHPHU,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Việc của xã khác,2026-02-01,"
              "2026-06-30,not_started,0\n");
    const auto before = Run("--format csv --user quantri tasks", "CCHC_PASSWORD=mk-12345");
    BOOST_REQUIRE(before.exitCode == 0);
    const auto refused =
        Run("--user ct_a import tasks " + dir.File("viec.csv"), "CCHC_PASSWORD=mk-chu-tich");
    BOOST_TEST(refused.exitCode == 1, refused.output);
    BOOST_TEST(Contains(refused.output, "viec.csv"), refused.output);
    BOOST_TEST(Contains(refused.output, "3"), refused.output);
    BOOST_TEST(Contains(refused.output, "ct_a"), refused.output);
    BOOST_TEST(Contains(refused.output, "Phường Bình Phú"), refused.output);
    const auto after = Run("--format csv --user quantri tasks", "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(after.output == before.output);
    // The chair lists its commune's tasks only.
    const auto own = Run("--format csv --user ct_a tasks", "CCHC_PASSWORD=mk-chu-tich");
    BOOST_TEST(own.exitCode == 0, own.output);
    BOOST_TEST(Contains(own.output, ",XA-BINHKHE,"), own.output);
    BOOST_TEST(!Contains(own.output, ",P-BINHPHU,"), own.output);
    BOOST_TEST(Contains(before.output, ",P-BINHPHU,"), before.output);
    const auto office =
        Run("--user quantri import tasks " + dir.File("viec.csv"), "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(office.exitCode == 0, office.output);
    // The audit trail: --user filters by login, --as reads.
    const auto audit = Run("--format csv --as quantri audit --table tasks --user quantri",
                           "CCHC_PASSWORD=mk-12345");
    BOOST_TEST(audit.exitCode == 0, audit.output);
    BOOST_TEST(audit.output.rfind("at,user,table,row,action,field,old,new\n", 0) == 0,
               audit.output);
    BOOST_TEST(Contains(audit.output, ",quantri,tasks,"), audit.output);
    BOOST_TEST(Contains(audit.output, "Việc của xã khác"), audit.output);
    const auto chairs =
        Run("--format csv --as ct_a audit --unit P-BINHPHU", "CCHC_PASSWORD=mk-chu-tich");
    BOOST_TEST(chairs.exitCode == 1, chairs.output);
    BOOST_TEST(Contains(chairs.output, "ct_a"), chairs.output);
}

namespace {
// A commune chair's, a specialist's, a viewer's and the administrator's
// accounts on the database at url (a demo office), each reading, exporting
// and backing up through the command: a commune's account gets its
// commune's rows only, with the office's columns; backups are the office's,
// restoring and filling the demo the administrator's. On the server the
// accounts are its logins (named after the test database), acting through
// the owner's connection with --user.
void CommandsReadWithinTheAccountsUnits(const Cli& cli, const std::string& url) {
    auto run = [&](const std::string& env, const std::string& args) {
        return RunCommand(env + " " + CchcExe() + " --db '" + url + "' " + args);
    };
    auto password = [](const std::string& login) { return "mk-" + login + "-123"; };
    auto as = [&](const std::string& login, const std::string& args,
                  const std::string& lang = "en") {
        return run("CCHC_LANG=" + lang + " CCHC_PASSWORD=" + password(login),
                   "--user " + cchc::test::TestLogin(login) + " " + args);
    };
    BOOST_REQUIRE(
        run("CCHC_LANG=en", "demo --communes 3 --years 1 --ratings 40 --seed 2 --as-of 2026-06-15")
            .exitCode == 0);
    auto admin = run("CCHC_LANG=en", "user add " + cchc::test::TestLogin("quantri") +
                                         " --role admin --password-stdin" +
                                         cli.StdinWith(password("quantri")));
    BOOST_REQUIRE_MESSAGE(admin.exitCode == 0, admin.output);
    for (const auto& [login, role] : std::vector<std::pair<std::string, std::string>>{
             {"ct_a", "chair --unit XA-BINHKHE"}, {"cv", "specialist"}, {"xem", "viewer"}}) {
        auto added = as("quantri", "user add " + cchc::test::TestLogin(login) + " --role " + role +
                                       " --password-stdin" + cli.StdinWith(password(login)));
        BOOST_REQUIRE_MESSAGE(added.exitCode == 0, added.output);
    }
    // Moving an account to another role prints the command's one line,
    // nothing of the server's (which said, on its standard error, each
    // group the login was not in).
    for (const std::string role :
         {"viewer", "clerk --unit P-BINHPHU", "clerk", "specialist --no-unit"}) {
        const auto moved = as(
            "quantri", role == "viewer"
                           ? "user add " + cchc::test::TestLogin("phu") +
                                 " --role viewer --password-stdin" + cli.StdinWith(password("phu"))
                           : "user set " + cchc::test::TestLogin("phu") + " --role " + role);
        BOOST_TEST(moved.exitCode == 0, role << ": " << moved.output);
        BOOST_TEST(std::count(moved.output.begin(), moved.output.end(), '\n') == 1,
                   role << ": " << moved.output);
        BOOST_TEST(!Contains(moved.output, "WARNING"), moved.output);
        BOOST_TEST(!Contains(moved.output, "NOTICE"), moved.output);
    }
    const auto& dir = cli.dir;
    // The demo has no assignment matrices: two communes' from a file.
    WriteFile(dir.File("phan-cong.csv"),
              "unit,framework,group,indicator,title,lead_unit,coordinating_units,"
              "responsible_person\n"
              "XA-BINHKHE,QD766,I,,Công khai minh bạch,,,\n"
              "XA-BINHKHE,QD766,I,1.2,,,,\n"
              "P-BINHPHU,QD766,I,,Công khai minh bạch,,,\n"
              "P-BINHPHU,QD766,I,1.2,,,,\n");
    const auto matrices = as("quantri", "import assignments " + dir.File("phan-cong.csv"));
    BOOST_REQUIRE_MESSAGE(matrices.exitCode == 0, matrices.output);
    auto exported = [&](const std::string& login, const std::string& kind) {
        const std::string file = dir.File(kind + "-" + login + ".csv");
        auto r = as(login, "export " + kind + " --out " + file);
        BOOST_TEST(r.exitCode == 0, login << " " << kind << ": " << r.output);
        return ReadFile(file);
    };
    auto header = [](const std::string& csv) { return csv.substr(0, csv.find('\n')); };
    for (const std::string kind :
         {"units", "people", "results", "tasks", "assignments", "tallies", "ratings"}) {
        BOOST_TEST_CONTEXT(kind) {
            const std::string office = exported("quantri", kind);
            const std::string chair = exported("ct_a", kind);
            BOOST_TEST(header(chair) == header(office));
            BOOST_TEST(Contains(office, "P-BINHPHU"), office);
            BOOST_TEST(Contains(chair, "XA-BINHKHE"), chair);
            BOOST_TEST(!Contains(chair, "P-BINHPHU"), chair);
            BOOST_TEST(Contains(exported("xem", kind), "P-BINHPHU"));
        }
    }
    // The year of the results, for the ranking.
    std::string year;
    {
        std::istringstream in(exported("quantri", "results"));
        std::string line, cell;
        std::getline(in, line);
        std::getline(in, line);
        std::istringstream cells(line);
        for (int column = 0; column < 3; ++column) std::getline(cells, cell, ',');
        year = cell;
    }
    BOOST_REQUIRE(year.size() == 4u);
    const auto rankOffice =
        as("quantri", "--format csv rank --framework PAR-XA-2025 --period " + year);
    const auto rankChair = as("ct_a", "--format csv rank --framework PAR-XA-2025 --period " + year);
    BOOST_TEST(rankChair.exitCode == 0, rankChair.output);
    BOOST_TEST(Contains(rankOffice.output, "P-BINHPHU,"), rankOffice.output);
    BOOST_TEST(Contains(rankChair.output, "XA-BINHKHE,"), rankChair.output);
    BOOST_TEST(!Contains(rankChair.output, "P-BINHPHU"), rankChair.output);
    const auto survey = as("ct_a", "--format csv survey --period 2026 --by unit");
    BOOST_TEST(survey.exitCode == 0, survey.output);
    BOOST_TEST(!Contains(survey.output, "P-BINHPHU"), survey.output);
    for (const std::string& other : std::vector<std::string>{
             "survey --period 2026 --unit P-BINHPHU", "tasks --unit P-BINHPHU",
             "gaps --framework PAR-XA-2025 --period " + year + " --unit P-BINHPHU"}) {
        const auto refused = as("ct_a", other);
        BOOST_TEST(refused.exitCode == 1, other << ": " << refused.output);
        BOOST_TEST(Contains(refused.output, "may not read the data of Phường Bình Phú"),
                   refused.output);
    }

    // Backups: the office's; restoring and the demo: the administrator's.
    const bool sqlite = url.rfind("sqlite:", 0) == 0;
    auto backupOf = [&](const std::string& login) {
        return dir.File("backup-" + login + (sqlite ? ".db" : ".backup"));
    };
    const auto chairBackup = as("ct_a", "backup --out " + backupOf("ct_a"), "vi");
    BOOST_TEST(chairBackup.exitCode == 1, chairBackup.output);
    BOOST_TEST(Contains(chairBackup.output, "tài khoản " + cchc::test::TestLogin("ct_a") +
                                                " không được sao lưu cơ sở dữ liệu"),
               chairBackup.output);
    BOOST_TEST(!std::filesystem::exists(backupOf("ct_a")));
    BOOST_TEST(as("xem", "backup --out " + backupOf("xem")).exitCode == 1);
    const auto specialist = as("cv", "backup --out " + backupOf("cv"));
    BOOST_TEST(specialist.exitCode == 0, specialist.output);
    const auto notRestored = as("cv", "restore " + backupOf("cv") + " --replace");
    BOOST_TEST(notRestored.exitCode == 1, notRestored.output);
    BOOST_TEST(Contains(notRestored.output, "may not restore the database from a backup"),
               notRestored.output);
    const auto demo = as("ct_a", "demo --communes 2 --years 1 --ratings 10");
    BOOST_TEST(demo.exitCode == 1, demo.output);
    BOOST_TEST(Contains(demo.output, "may not fill in the demo office"), demo.output);
    const auto demoOverUnits = as("quantri", "demo --communes 2 --years 1 --ratings 10");
    BOOST_TEST(demoOverUnits.exitCode == 1, demoOverUnits.output);
    BOOST_TEST(!Contains(demoOverUnits.output, "may not"), demoOverUnits.output);
    const auto restored = as("quantri", "restore " + backupOf("cv") + " --replace");
    BOOST_TEST(restored.exitCode == 0, restored.output);
}
}  // namespace

BOOST_FIXTURE_TEST_CASE(commands_read_and_back_up_within_the_accounts_units, Cli) {
    CommandsReadWithinTheAccountsUnits(*this, db);
}

BOOST_FIXTURE_TEST_CASE(commands_read_and_back_up_within_the_accounts_units_on_postgresql, Cli) {
    if (!TestingPostgres()) return;  // ctest's cli_scope_postgresql runs it
    const std::string server = std::getenv("CCHC_TEST_PG");
    auto emptied = [&] {
        auto url = cchc::storage::DatabaseUrl::Parse(server);
        cchc::storage::OpenOptions o;
        o.migrate = false;
        auto owner = cchc::storage::Database::Open(url, o);
        cchc::test::DropTestLogins(*owner);
        owner->DropEverything();
    };
    emptied();
    CommandsReadWithinTheAccountsUnits(*this, server);
    emptied();
}

// cchc audit --since DATE --until DATE: the trail between two days, the
// last one whole, in the columns of `cchc audit`.
BOOST_FIXTURE_TEST_CASE(the_audit_trail_is_listed_between_two_days, Cli) {
    BOOST_REQUIRE(Run("demo --communes 3 --years 1 --ratings 10 --seed 2").exitCode == 0);
    WriteFile(dir.File("viec.csv"),
              "unit,framework,year,criterion,target,task,start,due,status,percent\n"
              "XA-BINHKHE,PAR-XA-2025,2026,2.3,Đạt điểm tối đa,Niêm yết thủ tục mới,2026-02-01,"
              "2026-06-30,not_started,0\n");
    BOOST_REQUIRE(Run("--user can-bo import tasks " + dir.File("viec.csv")).exitCode == 0);
    const cchc::Date today = cchc::Date::Today();
    auto vn = [](const cchc::Date& d) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
        return std::string(buf);
    };
    const std::string header = "at,user,table,row,action,field,old,new\n";
    // Today, as ISO and as Vietnamese write it: the import's entries.
    const auto ofToday = Run("--format csv audit --table tasks --user can-bo --since " +
                             today.ToIso() + " --until " + vn(today));
    BOOST_TEST(ofToday.exitCode == 0, ofToday.output);
    BOOST_TEST(ofToday.output.rfind(header, 0) == 0, ofToday.output);
    BOOST_TEST(Contains(ofToday.output, "Niêm yết thủ tục mới"), ofToday.output);
    std::istringstream lines(ofToday.output.substr(header.size()));
    std::string line;
    int entries = 0;
    while (std::getline(lines, line))
        if (line.find(",can-bo,tasks,") != std::string::npos) {
            ++entries;
            BOOST_TEST(line.rfind(today.ToIso() + "T", 0) == 0, line);
        }
    BOOST_TEST(entries > 0);
    // Up to yesterday: none of them.
    const auto untilYesterday =
        Run("--format csv audit --table tasks --user can-bo --until " + vn(today.AddDays(-1)));
    BOOST_TEST(untilYesterday.exitCode == 0, untilYesterday.output);
    BOOST_TEST(untilYesterday.output == header);
    // A last day before the first, or no date: refused, naming it.
    const auto reversed =
        Run("audit --since " + today.ToIso() + " --until " + today.AddDays(-1).ToIso());
    BOOST_TEST(reversed.exitCode == 1, reversed.output);
    BOOST_TEST(Contains(reversed.output, vn(today.AddDays(-1))), reversed.output);
    BOOST_TEST(Contains(reversed.output, "until"), reversed.output);
    const auto bad = Run("audit --until 31/02/2026");
    BOOST_TEST(bad.exitCode == 1, bad.output);
    BOOST_TEST(Contains(bad.output, "31/02/2026"), bad.output);
    const auto vi = RunVi("audit --until 31/02/2026");
    BOOST_TEST(Contains(vi.output, "không phải một ngày"), vi.output);
    // Said in the usage.
    const auto help = Run("--help");
    BOOST_TEST(Contains(help.output, "--until DATE"), help.output);
}

namespace {
// The lines of a tasks export that are in progress with no outcome yet
// (ending ",in_progress,PERCENT,"), and the same line at another percent.
std::vector<std::string> OpenTaskLines(const std::string& csv) {
    std::vector<std::string> out;
    std::istringstream in(csv);
    std::string line;
    while (std::getline(in, line))
        if (std::regex_search(line, std::regex(",in_progress,[0-9]+,$"))) out.push_back(line);
    return out;
}
std::string WithPercent(const std::string& line, int percent) {
    return std::regex_replace(line, std::regex(",in_progress,[0-9]+,$"),
                              ",in_progress," + std::to_string(percent) + ",");
}
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}
}  // namespace

// The exchange contract end to end: the office's package, the commune's
// copy and its changes back, the report, a conflict listed and resolved, the
// same package twice, a changed byte and a package of the wrong side.
BOOST_FIXTURE_TEST_CASE(exchange_packages_go_out_and_come_back_with_a_conflict_report, Cli) {
    BOOST_REQUIRE(
        Run("demo --communes 4 --years 2 --ratings 100 --seed 5 --as-of 2026-06-15").exitCode == 0);
    const std::string officeTasks = dir.File("office-tasks.csv");
    BOOST_REQUIRE(Run("export tasks --out " + officeTasks).exitCode == 0);
    // A unit with two tasks in progress and no outcome yet.
    std::string unit;
    std::vector<std::string> lines;
    for (const auto& l : OpenTaskLines(ReadFile(officeTasks))) {
        const std::string u = l.substr(0, l.find(','));
        if (u != unit) unit = u, lines.clear();
        lines.push_back(l);
        if (lines.size() == 2) break;
    }
    BOOST_REQUIRE(lines.size() == 2u);
    const std::string package = dir.File("out.cchcx");
    auto out = Run("exchange export --unit " + unit + " --out " + package);
    BOOST_REQUIRE_MESSAGE(out.exitCode == 0, out.output);

    Cli commune;
    commune.db = "sqlite:" + dir.File("commune.db");
    auto opened = commune.Run("exchange open " + package);
    BOOST_REQUIRE_MESSAGE(opened.exitCode == 0, opened.output);
    // The copy holds its unit only.
    BOOST_TEST(commune.Run("tasks --unit " + unit).exitCode == 0);
    const std::string copyTasks = dir.File("copy-tasks.csv");
    BOOST_REQUIRE(commune.Run("export tasks --out " + copyTasks).exitCode == 0);
    const std::string copy = ReadFile(copyTasks);
    BOOST_REQUIRE(Contains(copy, lines[0]) && Contains(copy, lines[1]));
    BOOST_TEST(copy.find("\n" + unit) != std::string::npos);
    // The commune moves both tasks on; the office moves the second one too.
    const std::string changed = dir.File("copy-changed.csv");
    WriteFile(changed, Replaced(Replaced(copy, lines[0], WithPercent(lines[0], 91)), lines[1],
                                WithPercent(lines[1], 33)));
    BOOST_REQUIRE(commune.Run("import tasks " + changed).exitCode == 0);
    const std::string officeChanged = dir.File("office-changed.csv");
    WriteFile(officeChanged, Replaced(ReadFile(officeTasks), lines[1], WithPercent(lines[1], 44)));
    BOOST_REQUIRE(Run("import tasks " + officeChanged).exitCode == 0);

    const std::string back = dir.File("back.cchcx");
    auto sent = commune.Run("exchange export --out " + back);
    BOOST_REQUIRE_MESSAGE(sent.exitCode == 0, sent.output);
    auto report = Run("exchange import " + back + " --format csv");
    BOOST_REQUIRE_MESSAGE(report.exitCode == 0, report.output);
    BOOST_TEST(Contains(report.output, "table,key,field,base,office,commune,state"), report.output);
    BOOST_TEST(std::regex_search(report.output,
                                 std::regex("tasks,[0-9]+,percent_done,[0-9]+,[0-9]+,91,applied")),
               report.output);
    BOOST_TEST(std::regex_search(report.output,
                                 std::regex("tasks,[0-9]+,percent_done,[0-9]+,44,33,conflict")),
               report.output);
    auto conflicts = Run("exchange conflicts --format csv");
    BOOST_TEST(conflicts.exitCode == 0);
    std::smatch m;
    BOOST_REQUIRE_MESSAGE(
        std::regex_search(conflicts.output, m,
                          std::regex("\n([0-9]+),tasks,[0-9]+,percent_done,[0-9]+,44,33")),
        conflicts.output);
    auto resolved = Run("exchange resolve " + m[1].str() + " --keep commune");
    BOOST_TEST(resolved.exitCode == 0, resolved.output);
    const std::string after = dir.File("office-after.csv");
    BOOST_REQUIRE(Run("export tasks --out " + after).exitCode == 0);
    BOOST_TEST(Contains(ReadFile(after), WithPercent(lines[0], 91)));
    BOOST_TEST(Contains(ReadFile(after), WithPercent(lines[1], 33)));
    BOOST_TEST(Run("exchange conflicts --format csv").output ==
               "id,table,key,field,base,office,commune\n");

    // Again: nothing changes, and it says so.
    auto again = Run("exchange import " + back + " --format csv");
    BOOST_TEST(again.exitCode == 0);
    BOOST_TEST(Contains(again.output, "imported already"), again.output);
    // A byte changed, the office's own package, a resolved conflict: refused.
    std::string bytes = ReadFile(back);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
    const std::string bad = dir.File("bad.cchcx");
    WriteFile(bad, bytes);
    auto damaged = Run("exchange import " + bad);
    BOOST_TEST(damaged.exitCode == 1);
    BOOST_TEST(Contains(damaged.output, "bad.cchcx"), damaged.output);
    BOOST_TEST(Run("exchange import " + package).exitCode == 1);
    BOOST_TEST(Run("exchange resolve " + m[1].str() + " --keep office").exitCode == 1);
    BOOST_TEST(Run("exchange resolve x --keep office").exitCode == 2);
    BOOST_TEST(Run("exchange resolve 1 --keep both").exitCode == 2);

    // The next package carries what changed since the one the return was
    // written on; the copy brought up to date from it holds the office's
    // tasks. With --with-files and --with-ratings it takes the files and
    // the ratings along; --full writes every row again.
    const std::string next = dir.File("next.cchcx");
    auto delta =
        Run("exchange export --unit " + unit + " --out " + next + " --with-files --with-ratings");
    BOOST_REQUIRE_MESSAGE(delta.exitCode == 0, delta.output);
    BOOST_TEST(Contains(delta.output, "changed since package number 1"), delta.output);
    auto refreshed = commune.Run("exchange open " + next);
    BOOST_REQUIRE_MESSAGE(refreshed.exitCode == 0, refreshed.output);
    BOOST_TEST(Contains(refreshed.output, "brought up to date"), refreshed.output);
    BOOST_REQUIRE(commune.Run("export tasks --out " + copyTasks).exitCode == 0);
    BOOST_TEST(Contains(ReadFile(copyTasks), WithPercent(lines[0], 91)));
    BOOST_TEST(Contains(ReadFile(copyTasks), WithPercent(lines[1], 33)));
    const std::string ratings = dir.File("copy-ratings.csv");
    BOOST_REQUIRE(commune.Run("export ratings --out " + ratings).exitCode == 0);
    BOOST_TEST(Contains(ReadFile(ratings), "," + unit + ","), ReadFile(ratings).substr(0, 300));
    Cli fresh;
    fresh.db = "sqlite:" + dir.File("fresh.db");
    auto refused = fresh.Run("exchange open " + next);
    BOOST_TEST(refused.exitCode == 1);
    BOOST_TEST(Contains(refused.output, "--full"), refused.output);
    auto whole =
        Run("exchange export --unit " + unit + " --out " + dir.File("whole.cchcx") + " --full");
    BOOST_REQUIRE_MESSAGE(whole.exitCode == 0, whole.output);
    BOOST_TEST(!Contains(whole.output, "changed since"), whole.output);
    BOOST_TEST(fresh.Run("exchange open " + dir.File("whole.cchcx")).exitCode == 0);
}
