// Index results on both backends: import (all or nothing, with line and
// column), ranking with ties and change vs the previous year, points at
// stake, and export/re-import round trips.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/results/results.h"
#include "storage/framework_repository.h"
#include "storage/result_repository.h"

using namespace cchc;
using namespace cchc::test;
namespace tt = boost::test_tools;

namespace {
const char* kUnits =
    "code,name,kind,parent\n"
    "H-TEST,Huyện Thử,district,\n"
    "XA-C,Xã Cát Tiên,commune,H-TEST\n"
    "XA-B,Xã Bình An,commune,H-TEST\n"
    "XA-A,Xã An Hòa,commune,H-TEST\n";

// Vietnamese headers and a comma decimal. PAR-XA-2025 with nothing entered
// scores 25 of 84.5 points (deductions and "full" no-data rates at their
// maximum, "na" rates left out); 2.3 is manual (max 2) and 1.1.2 a rate
// (max 2, target 1, no data → zero).
const char* kResults =
    "mã đơn vị,bộ chỉ số,kỳ,mã tiêu chí,điểm tự chấm,điểm thẩm định,tử số,mẫu số,ghi chú\n"
    "XA-A,PAR-XA-2025,2025,2.3,2,2,,,\n"
    "XA-A,PAR-XA-2025,2025,1.1.2,,,9,10,\n"
    "XA-B,PAR-XA-2025,2025,2.3,,\"1,8\",,,\n"
    "XA-B,PAR-XA-2025,2025,1.1.2,,,10,10,\n"
    "XA-C,PAR-XA-2025,2025,2.3,2,1,,,\"ghi chú, có dấu phẩy\"\n"
    "XA-C,PAR-XA-2025,2025,1.1.2,,,1,2,\n"
    "XA-A,PAR-XA-2025,2024,2.3,,1,,,\n";

struct ResultsFixture : DbFixture {
    ResultsFixture() {
        services::LoadBuiltinCatalogues(Db());
        WriteFile(dir.File("units.csv"), kUnits);
        services::ImportUnits(Db(), dir.File("units.csv"), "test");
    }
    services::ImportSummary Import(const std::string& name, const std::string& content) {
        WriteFile(dir.File(name), content);
        return services::ImportResults(Db(), dir.File(name), "test");
    }
};

long Count(storage::Database& db) { return storage::ResultRepository(db.session()).Count(); }
}  // namespace

BOOST_AUTO_TEST_SUITE(results)

BOOST_FIXTURE_TEST_CASE(import_counts_new_and_updated_rows, ResultsFixture) {
    auto first = Import("results.csv", kResults);
    BOOST_TEST(first.inserted == 7);
    BOOST_TEST(first.updated == 0);
    auto again = Import("results.csv", kResults);
    BOOST_TEST(again.inserted == 0);
    BOOST_TEST(again.updated == 0);  // the same values: nothing to update
    BOOST_TEST(again.unchanged == 7);
    BOOST_TEST(Count(Db()) == 7);
}

BOOST_FIXTURE_TEST_CASE(ranking_with_ties_and_change_vs_previous_year, ResultsFixture) {
    Import("results.csv", kResults);
    auto rows = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test");
    BOOST_REQUIRE(rows.size() == 3u);
    // A: 2 + 9/10 × 2 = 3.8; B: 1.8 + 2 = 3.8 (a tie, ordered by name); C: 1 + 1 = 2.
    BOOST_TEST(rows[0].unit == "XA-A");
    BOOST_TEST(rows[1].unit == "XA-B");
    BOOST_TEST(rows[2].unit == "XA-C");
    BOOST_TEST(rows[0].rank == 1);
    BOOST_TEST(rows[1].rank == 1);
    BOOST_TEST(rows[2].rank == 3);
    BOOST_TEST(rows[0].total == 28.8, tt::tolerance(1e-9));
    BOOST_TEST(rows[1].total == 28.8, tt::tolerance(1e-9));
    BOOST_TEST(rows[2].total == 27.0, tt::tolerance(1e-9));
    BOOST_TEST(rows[0].max == 84.5, tt::tolerance(1e-9));
    BOOST_TEST(rows[0].percent == 100 * 28.8 / 84.5, tt::tolerance(1e-9));
    BOOST_TEST(rows[0].name == "Xã An Hòa");
    BOOST_TEST(!rows[0].band.empty());
    // Only A has results in 2024: 25 + 1 points.
    BOOST_REQUIRE(rows[0].change.has_value());
    BOOST_TEST(*rows[0].change == 100 * 2.8 / 84.5, tt::tolerance(1e-9));
    BOOST_TEST(!rows[1].change.has_value());
    BOOST_TEST(!rows[2].change.has_value());

    // By self scores: A 2 + 1.8, C 2 + 1, B nothing + 2.
    auto self = services::RankUnits(Db(), "PAR-XA-2025", "2025", false, "test");
    BOOST_REQUIRE(self.size() == 3u);
    BOOST_TEST(self[0].unit == "XA-A");
    BOOST_TEST(self[1].unit == "XA-C");
    BOOST_TEST(self[2].unit == "XA-B");
    BOOST_TEST(self[2].rank == 3);

    // A period without results ranks nobody; unknown codes are user errors.
    BOOST_TEST(services::RankUnits(Db(), "PAR-XA-2025", "2023", true, "test").empty());
    BOOST_CHECK_THROW(services::RankUnits(Db(), "NO-SUCH", "2025", true, "test"), UserError);
    BOOST_CHECK_THROW(services::RankUnits(Db(), "PAR-XA-2025", "2025-Q5", true, "test"), UserError);
}

// A side with nothing entered has no total: a commune that only scored
// itself is not in the appraised ranking (nor one appraised only in the
// self ranking), whatever points the no-data rules would give it.
BOOST_FIXTURE_TEST_CASE(a_side_with_nothing_entered_is_not_ranked, ResultsFixture) {
    Import("sides.csv",
           "unit,framework,period,criterion,self_score,appraised_score\n"
           "XA-A,PAR-XA-2025,2025,2.3,2,\n"
           "XA-B,PAR-XA-2025,2025,2.3,,1\n"
           "XA-C,PAR-XA-2025,2025,2.3,1,1\n");
    auto codes = [](const std::vector<services::RankRow>& rows) {
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(r.unit);
        return out;
    };
    BOOST_TEST(codes(services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test")) ==
               (std::vector<std::string>{"XA-B", "XA-C"}));  // a tie, by name
    BOOST_TEST(codes(services::RankUnits(Db(), "PAR-XA-2025", "2025", false, "test")) ==
               (std::vector<std::string>{"XA-A", "XA-C"}));
}

BOOST_FIXTURE_TEST_CASE(gaps_list_criteria_by_points_lost, ResultsFixture) {
    Import("results.csv", kResults);
    auto gaps = services::GapsForUnit(Db(), "XA-C", "PAR-XA-2025", "2025", "test");
    BOOST_REQUIRE(!gaps.empty());
    for (std::size_t i = 1; i < gaps.size(); ++i) BOOST_TEST(gaps[i - 1].lost >= gaps[i].lost);
    auto find = [&](const std::string& code) {
        return std::find_if(gaps.begin(), gaps.end(),
                            [&](const auto& g) { return g.code == code; });
    };
    BOOST_REQUIRE(find("2.3") != gaps.end());
    BOOST_TEST(find("2.3")->lost == 1.0, tt::tolerance(1e-9));
    BOOST_TEST(find("2.3")->points == 1.0, tt::tolerance(1e-9));
    BOOST_REQUIRE(find("1.1.2") != gaps.end());
    BOOST_TEST(find("1.1.2")->lost == 1.0, tt::tolerance(1e-9));
    // The biggest losses come first: the SIPAS rates entered as nothing lose 4.
    BOOST_TEST(gaps.front().lost == 4.0, tt::tolerance(1e-9));

    auto a = services::GapsForUnit(Db(), "XA-A", "PAR-XA-2025", "2025", "test");
    auto findA = std::find_if(a.begin(), a.end(), [](const auto& g) { return g.code == "2.3"; });
    BOOST_TEST((findA == a.end()));  // full points: nothing lost
    BOOST_CHECK_THROW(services::GapsForUnit(Db(), "XA-NONE", "PAR-XA-2025", "2025", "test"),
                      UserError);
}

BOOST_FIXTURE_TEST_CASE(broken_files_store_nothing_and_name_line_and_column, ResultsFixture) {
    const std::string header =
        "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,note\n";
    const std::string good = "XA-A,PAR-XA-2025,2025,2.3,1,1,,,\n";
    struct Case {
        std::string row;
        std::string field;
    };
    const std::vector<Case> cases = {
        {"XA-A,PAR-XA-2025,2025,9.9,1,1,,,\n", "criterion"},
        {"XA-ZZ,PAR-XA-2025,2025,2.3,1,1,,,\n", "unit"},
        {"XA-A,NO-SUCH,2025,2.3,1,1,,,\n", "framework"},
        {"XA-A,PAR-XA-2025,2025-Q5,2.3,1,1,,,\n", "period"},
        {"XA-A,PAR-XA-2025,2025,1.1.1,,abc,,,\n", "appraised_score"},
        {"XA-A,PAR-XA-2025,2025,1.1.1,,3,,,\n", "appraised_score"},
        {"XA-A,PAR-XA-2025,2025,1.1.2,,,-1,5,\n", "numerator"},
        {"XA-A,PAR-XA-2025,2025,1.1.2,,,6,5,\n", "numerator"},
        {"XA-A,PAR-XA-2025,2025,1.1,2,,,,\n", "self_score"},
        {"XA-B,PAR-XA-2025,2025,2.3,1,1,,,\n", ""},  // not an error: see below
    };
    for (std::size_t i = 0; i + 1 < cases.size(); ++i) {
        BOOST_TEST_CONTEXT(cases[i].row) {
            std::string name = "broken" + std::to_string(i) + ".csv";
            WriteFile(dir.File(name), header + good + cases[i].row + good);
            try {
                services::ImportResults(Db(), dir.File(name), "test");
                BOOST_FAIL("the broken file was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().file == name);
                BOOST_TEST(e.where().line == 3);
                BOOST_TEST(e.where().field == cases[i].field);
                BOOST_TEST(std::string(e.what()).find(name) != std::string::npos, e.what());
            }
            BOOST_TEST(Count(Db()) == 0);
        }
    }
    // The same row twice is refused too.
    WriteFile(dir.File("twice.csv"), header + good + good);
    BOOST_CHECK_THROW(services::ImportResults(Db(), dir.File("twice.csv"), "test"), UserError);
    BOOST_TEST(Count(Db()) == 0);
}

BOOST_FIXTURE_TEST_CASE(export_and_reimport_into_a_fresh_database_round_trip, ResultsFixture) {
    Import("results.csv", kResults);
    std::string first = dir.File("export1.csv"), units = dir.File("units_out.csv");
    BOOST_TEST(services::ExportResults(Db(), first, "test") == 7);
    services::ExportUnits(Db(), units, "test");
    std::string text = ReadFile(first);
    BOOST_TEST(text.find("XA-B,PAR-XA-2025,2025,2.3,,1.8,,,") != std::string::npos, text);
    BOOST_TEST(text.find("\"ghi chú, có dấu phẩy\"") != std::string::npos, text);
    auto before = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test");

    // A fresh database (on PostgreSQL the same test database emptied).
    db.reset();
    TempDir other;
    auto fresh = FreshDatabase(other);
    services::LoadBuiltinCatalogues(*fresh);
    services::ImportUnits(*fresh, units, "test");
    auto s = services::ImportResults(*fresh, first, "test");
    BOOST_TEST(s.inserted == 7);
    std::string second = other.File("export2.csv");
    services::ExportResults(*fresh, second, "test");
    BOOST_TEST(ReadFile(second) == text);
    auto after = services::RankUnits(*fresh, "PAR-XA-2025", "2025", true, "test");
    BOOST_REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        BOOST_TEST(after[i].unit == before[i].unit);
        BOOST_TEST(after[i].total == before[i].total, tt::tolerance(1e-9));
    }
}

BOOST_FIXTURE_TEST_CASE(periods_with_results_latest_first_and_ranking_export, ResultsFixture) {
    BOOST_TEST(services::ResultPeriods(Db(), "PAR-XA-2025").empty());
    Import("results.csv", kResults);
    const std::vector<std::string> expected = {"2025", "2024"};
    BOOST_TEST(services::ResultPeriods(Db(), "PAR-XA-2025") == expected, tt::per_element());
    auto fid = storage::FrameworkRepository(Db().session()).IdByCode("PAR-XA-2025");
    BOOST_REQUIRE(fid);
    BOOST_TEST(storage::ResultRepository(Db().session()).PeriodsWithResults(*fid) == expected,
               tt::per_element());
    // A period held by one criterion only, below a period of another.
    Import("older.csv",
           "mã đơn vị,bộ chỉ số,kỳ,mã tiêu chí,điểm tự chấm,điểm thẩm định,tử số,mẫu số,ghi chú\n"
           "XA-B,PAR-XA-2025,2022,1.1.2,,,1,2,\n");
    const std::vector<std::string> three = {"2025", "2024", "2022"};
    BOOST_TEST(services::ResultPeriods(Db(), "PAR-XA-2025") == three, tt::per_element());
    BOOST_CHECK_THROW(services::ResultPeriods(Db(), "NO-SUCH"), UserError);
    BOOST_TEST(!services::BandLabels(Db(), "PAR-XA-2025").empty());

    auto rows = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test");
    const std::string csv = dir.File("ranking.csv");
    BOOST_TEST(services::ExportRanking(rows, csv) == 3);
    std::string text = ReadFile(csv);
    BOOST_TEST(text.find("XA-A") != std::string::npos);
    BOOST_TEST(text.find("Xã An Hòa") != std::string::npos);
    BOOST_TEST(services::ExportRanking(rows, dir.File("ranking.xlsx")) == 3);
}

BOOST_AUTO_TEST_SUITE_END()
