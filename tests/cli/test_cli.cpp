// The cchc command as scripts use it: exit codes, messages naming file, line
// and column, all-or-nothing imports, and export/re-import round trips.
#define BOOST_TEST_MODULE cli
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "test_support.h"

using namespace cchc::test;

namespace {
struct Cli {
    TempDir dir;
    std::string db = "sqlite:" + dir.File("cli.db");
    CommandResult Run(const std::string& args) const {
        return RunCommand("CCHC_LANG=en " + std::string(CCHC_EXE) + " --db '" + db + "' " + args);
    }
    CommandResult RunVi(const std::string& args) const {
        return RunCommand("CCHC_LANG=vi " + std::string(CCHC_EXE) + " --db '" + db + "' " + args);
    }
    std::string Data(const std::string& name) const { return std::string(CCHC_TEST_DATA_DIR) + "/" + name; }
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
    BOOST_TEST(Contains(check.output, "Schema version: 2"), check.output);
}

BOOST_FIXTURE_TEST_CASE(demo_fills_an_office_once, Cli) {
    auto r = Run("demo --communes 12 --years 2 --ratings 3000 --seed 5");
    BOOST_TEST(r.exitCode == 0, r.output);
    BOOST_TEST(Contains(r.output, "3.000 ratings"), r.output);
    auto again = Run("demo");
    BOOST_TEST(again.exitCode == 1, again.output);
    BOOST_TEST(Run("check").exitCode == 0);
    // The demo's units export and include the communes of Tây Sơn.
    std::string out = dir.File("units.csv");
    BOOST_TEST(Run("export units --out " + out).exitCode == 0);
    std::string text = ReadFile(out);
    BOOST_TEST(Contains(text, "Xã Tây Xuân"));
}

BOOST_FIXTURE_TEST_CASE(good_units_file_with_bom_and_vietnamese_headers, Cli) {
    auto r = Run("import units " + Data("units_good.csv"));
    BOOST_TEST(r.exitCode == 0, r.output);
    BOOST_TEST(Contains(r.output, "5 rows"), r.output);
    auto p = Run("import people " + Data("people_good.csv"));
    BOOST_TEST(p.exitCode == 0, p.output);
    std::string out = dir.File("people.csv");
    BOOST_TEST(Run("export people --out " + out).exitCode == 0);
    BOOST_TEST(Contains(ReadFile(out), "Chu Văn Thuần"));
}

BOOST_FIXTURE_TEST_CASE(broken_units_file_is_refused_with_its_place_and_nothing_stored, Cli) {
    BOOST_TEST(Run("init").exitCode == 0);
    auto r = Run("import units " + Data("units_broken.csv"));
    BOOST_TEST(r.exitCode == 1, r.output);
    BOOST_TEST(Contains(r.output, "units_broken.csv"), r.output);
    BOOST_TEST(Contains(r.output, "line 4"), r.output);
    BOOST_TEST(Contains(r.output, "kind"), r.output);
    std::string out = dir.File("after.csv");
    BOOST_TEST(Run("export units --out " + out).exitCode == 0);
    std::string text = ReadFile(out);
    BOOST_TEST(!Contains(text, "NINHSON"), text);
    // The message is in Vietnamese by default.
    auto vi = RunVi("import units " + Data("units_broken.csv"));
    BOOST_TEST(vi.exitCode == 1);
    BOOST_TEST(Contains(vi.output, "dòng 4"), vi.output);
}

BOOST_FIXTURE_TEST_CASE(export_and_reimport_give_the_same_data, Cli) {
    BOOST_TEST(Run("demo --communes 4 --years 1 --ratings 0").exitCode == 0);
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
    BOOST_TEST(RunCommand(std::string(CCHC_EXE) + " --db mysql://x init").exitCode == 1);
}

BOOST_FIXTURE_TEST_CASE(backup_makes_a_usable_copy, Cli) {
    BOOST_TEST(Run("import units " + Data("units_good.csv")).exitCode == 0);
    std::string copy = dir.File("copy.db");
    auto r = Run("backup --out " + copy);
    BOOST_TEST(r.exitCode == 0, r.output);
    auto check = RunCommand(std::string(CCHC_EXE) + " --db sqlite:" + copy + " check");
    BOOST_TEST(check.exitCode == 0, check.output);
    BOOST_TEST(Run("backup --out " + copy).exitCode == 1);  // never overwrites
}
