// Units formed from others, on both backends: the lineage file (codes and
// names as users write them, Vietnamese headers, shares as ratios or
// percentages) stored all or nothing, refused with file, line and column,
// re-imported unchanged and exported; and the ranking of a merged commune
// compared with its former units' combined results.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/org/lineage.h"
#include "services/org/org_io.h"
#include "services/results/results.h"
#include "storage/lineage_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;
namespace tt = boost::test_tools;

namespace {
// Three former communes of a former district, and the two communes and a
// ward formed from them on 1 July 2025 (Xã Cũ Ba split between two).
const char* kUnits =
    "code,name,kind,parent,active\n"
    "TINH,Tỉnh Thử,province,,yes\n"
    "H-CU,Huyện Cũ,district,TINH,no\n"
    "XA-CU1,Xã Cũ Một,commune,H-CU,no\n"
    "XA-CU2,Xã Cũ Hai,commune,H-CU,no\n"
    "XA-CU3,Xã Cũ Ba,commune,H-CU,no\n"
    "XA-MOI,Xã Mới,commune,TINH,yes\n"
    "P-MOI,Phường Mới,ward,TINH,yes\n"
    "XA-YEN,Xã Yên,commune,TINH,yes\n"
    "SNV,Sở Nội vụ,department,TINH,yes\n";

// PAR-XA-2025 with nothing entered scores 25 of 84.5 points; 2.3 is manual
// (max 2) and 1.1.2 a rate (max 2, no data: zero).
const char* kResults =
    "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,note\n"
    "XA-CU1,PAR-XA-2025,2024,2.3,,2,,,\n"
    "XA-CU2,PAR-XA-2025,2024,2.3,,1,,,\n"
    "XA-CU3,PAR-XA-2025,2024,1.1.2,,,1,2,\n"
    "XA-YEN,PAR-XA-2025,2024,2.3,,1,,,\n"
    "XA-MOI,PAR-XA-2025,2025,2.3,,2,,,\n"
    "XA-MOI,PAR-XA-2025,2025,1.1.2,,,10,10,\n"
    "P-MOI,PAR-XA-2025,2025,2.3,,1,,,\n"
    "XA-YEN,PAR-XA-2025,2025,2.3,,2,,,\n";

// Vietnamese headers, names and codes, both date forms, a share as a ratio
// and as a percentage.
const char* kLineage =
    "\xEF\xBB\xBF"
    "Đơn vị,Đơn vị cũ,Ngày,Tỷ lệ\n"
    "XA-MOI,XA-CU1,2025-07-01,\n"
    "Xã Mới,xa cu hai,01/07/2025,\n"
    "XA-MOI,Xã Cũ Ba,2025-07-01,\"0,6\"\n"
    "P-MOI,XA-CU3,01/07/2025,40%\n";

struct LineageFixture : DbFixture {
    LineageFixture() {
        services::LoadBuiltinCatalogues(Db());
        services::ImportUnits(Db(), Write("units.csv", kUnits), "test");
        services::ImportResults(Db(), Write("results.csv", kResults), "test");
    }
    std::string Write(const std::string& name, const std::string& text) {
        WriteFile(dir.File(name), text);
        return dir.File(name);
    }
    services::ImportSummary Import(const std::string& text) {
        return services::ImportLineage(Db(), Write("lineage.csv", text), "test");
    }
    long Links() {
        return static_cast<long>(storage::LineageRepository(Db().session()).All().size());
    }
    std::string Refusal(const std::string& text) {
        try {
            Import(text);
        } catch (const UserError& e) {
            return e.what();
        }
        return "stored";
    }
    static double Pct(double points) { return 100 * points / 84.5; }
};

const services::RankRow* Row(const std::vector<services::RankRow>& rows, const char* code) {
    for (const auto& r : rows)
        if (r.unit == code) return &r;
    return nullptr;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(lineage)

BOOST_FIXTURE_TEST_CASE(a_merged_commune_ranks_against_its_former_units_combined, LineageFixture) {
    // Before the lineage is known, the new units have no change.
    auto rows = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test");
    BOOST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(!Row(rows, "XA-MOI")->change.has_value());

    const auto s = Import(kLineage);
    BOOST_TEST(s.inserted == 4);
    BOOST_TEST(Links() == 4);

    rows = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test");
    BOOST_REQUIRE(rows.size() == 3u);
    // Xã Mới: 25 + 2 + 2 = 29 points; its former units in 2024: Một 27, Hai
    // 26, Ba 25 + 1 = 26 of which 0.6 went into it.
    const auto* moi = Row(rows, "XA-MOI");
    BOOST_REQUIRE(moi);
    BOOST_REQUIRE(moi->change.has_value());
    const double combined = (Pct(27) + Pct(26) + 0.6 * Pct(26)) / 2.6;
    BOOST_TEST(*moi->change == Pct(29) - combined, tt::tolerance(1e-9));
    BOOST_TEST(moi->formedFrom == (std::vector<std::string>{"Xã Cũ Một", "Xã Cũ Hai", "Xã Cũ Ba"}),
               tt::per_element());
    // Phường Mới: 26 points; 0.4 of Xã Cũ Ba (26).
    const auto* phuong = Row(rows, "P-MOI");
    BOOST_REQUIRE(phuong->change.has_value());
    BOOST_TEST(*phuong->change == 0.0, tt::tolerance(1e-9));
    BOOST_TEST(phuong->formedFrom == (std::vector<std::string>{"Xã Cũ Ba"}), tt::per_element());
    // A commune that was not merged compares with its own last year.
    const auto* yen = Row(rows, "XA-YEN");
    BOOST_TEST(*yen->change == Pct(27) - Pct(26), tt::tolerance(1e-9));
    BOOST_TEST(yen->formedFrom.empty());

    // Xã Mới over the years: its former units' combined result in 2024
    // (marked, unranked), then its own, ranked.
    const auto history = services::UnitHistory(Db(), "XA-MOI", "PAR-XA-2025", true, "test");
    BOOST_REQUIRE(history.size() == 2u);
    BOOST_TEST(history[0].period == "2024");
    BOOST_TEST(history[0].fromFormerUnits);
    BOOST_TEST(history[0].percent == combined, tt::tolerance(1e-9));
    BOOST_TEST(history[0].rank == 0);
    BOOST_TEST(history[1].period == "2025");
    BOOST_TEST(!history[1].fromFormerUnits);
    BOOST_TEST(history[1].percent == Pct(29), tt::tolerance(1e-9));
    BOOST_TEST(history[1].rank == moi->rank);
    BOOST_TEST(history[1].count == 3);
    const auto yenHistory = services::UnitHistory(Db(), "XA-YEN", "PAR-XA-2025", true, "test");
    BOOST_TEST(yenHistory.size() == 2u);
    for (const auto& h : yenHistory) BOOST_TEST(!h.fromFormerUnits);

    // The ranking of 2024 is the former communes', with no lineage.
    const auto before = services::RankUnits(Db(), "PAR-XA-2025", "2024", true, "test");
    BOOST_TEST(before.size() == 4u);
    for (const auto& r : before) BOOST_TEST(r.formedFrom.empty());
}

BOOST_FIXTURE_TEST_CASE(lineage_reimports_unchanged_and_exports_as_imported, LineageFixture) {
    Import(kLineage);
    const auto again = Import(kLineage);
    BOOST_TEST(again.inserted == 0);
    BOOST_TEST(again.updated == 0);
    BOOST_TEST(again.unchanged == 4);

    const std::string out = dir.File("out.csv");
    BOOST_TEST(services::ExportLineage(Db(), out, "test") == 4);
    const std::string text = ReadFile(out);
    BOOST_TEST(text.rfind("unit,predecessor,date,share\n", 0) == 0u, text);
    BOOST_TEST(text.find("P-MOI,XA-CU3,2025-07-01,0.4\n") != std::string::npos, text);
    BOOST_TEST(text.find("XA-MOI,XA-CU3,2025-07-01,0.6\n") != std::string::npos, text);
    BOOST_TEST(text.find("XA-MOI,XA-CU1,2025-07-01,1\n") != std::string::npos, text);
    const auto back = services::ImportLineage(Db(), out, "test");
    BOOST_TEST(back.unchanged == 4);

    // A changed share and date update the stored link, and the audit says so.
    Import("unit,predecessor,date,share\nP-MOI,XA-CU3,2025-08-01,0.3\n");
    const auto link = storage::LineageRepository(Db().session())
                          .Find(storage::UnitRepository(Db().session()).ByCode("P-MOI")->id,
                                storage::UnitRepository(Db().session()).ByCode("XA-CU3")->id);
    BOOST_REQUIRE(link.has_value());
    BOOST_TEST(link->share == 0.3, tt::tolerance(1e-12));
    BOOST_TEST(link->formedOn.ToIso() == "2025-08-01");
    BOOST_TEST(link->version == 2);
    long shares = 0;
    for (const auto& e : storage::AuditRepository(Db().session()).ForRow("unit_lineage", link->id))
        if (e.field == "share" && e.newValue && e.newValue->rfind("0.3", 0) == 0) ++shares;
    BOOST_TEST(shares >= 1);
}

BOOST_FIXTURE_TEST_CASE(a_wrong_lineage_file_is_refused_at_its_line_and_stores_nothing,
                        LineageFixture) {
    const std::string head = "unit,predecessor,date,share\n";
    const std::string good = "XA-MOI,XA-CU1,2025-07-01,\n";
    auto refused = [&](const std::string& rows, const std::string& where, const std::string& what) {
        const std::string why = Refusal(head + good + rows);
        BOOST_TEST(why.find(where) != std::string::npos, why);
        BOOST_TEST(why.find(what) != std::string::npos, why);
        BOOST_TEST(Links() == 0);
    };
    refused("XA-MOI,XA-MOI,2025-07-01,\n", "line 3", "predecessor");
    refused("XA-CU1,XA-MOI,2025-07-01,\n", "line 3", "Xã");  // a cycle
    refused("XA-MOI,XA-CU2,31/02/2025,\n", "line 3", "02/2025");
    refused("XA-MOI,XA-CU2,hôm qua,\n", "line 3", "date");
    refused("XA-MOI,XA-CU2,2025-07-01,\"1,5\"\n", "line 3", "share");
    refused("XA-MOI,XA-CU3,2025-07-01,0.7\nP-MOI,XA-CU3,2025-07-01,40%\n", "share", "Xã Cũ Ba");
    refused("XA-MOI,Xã Cũ Bốn,2025-07-01,\n", "line 3", "Xã Cũ");  // the nearest names
    refused("XA-MOI,SNV,2025-07-01,\n", "line 3", "Sở Nội vụ");
    refused("XA-MOI,XA-CU1,2025-07-02,\n", "line 3", "line 2");  // named twice
    refused("XA-MOI,,2025-07-01,\n", "line 3", "predecessor");
    // Missing a required column: the header's line.
    const std::string why = Refusal("unit,date\nXA-MOI,2025-07-01\n");
    BOOST_TEST(why.find("predecessor") != std::string::npos, why);
}

// The editor under Danh mục: a unit's former units read, changed, added
// and removed in one save, refused as the import refuses, and refused
// after another desk's change.
BOOST_FIXTURE_TEST_CASE(a_units_former_units_are_edited_in_one_save, LineageFixture) {
    Import(kLineage);
    storage::UnitRepository units(Db().session());
    auto id = [&](const char* code) { return units.ByCode(code)->id; };
    auto lineage = services::LineageOf(Db(), id("XA-MOI"), "test");
    BOOST_REQUIRE(lineage.formedFrom.size() == 3u);
    BOOST_TEST(lineage.formedFrom[0].name == "Xã Cũ Ba");  // in the order of names
    BOOST_TEST(lineage.formedFrom[0].link.share == 0.6, tt::tolerance(1e-12));
    BOOST_TEST(lineage.mergedInto.empty());
    const auto ba = services::LineageOf(Db(), id("XA-CU3"), "test");
    BOOST_TEST(ba.mergedInto.size() == 2u);
    BOOST_TEST(ba.formedFrom.empty());

    // Xã Cũ Hai taken off, Xã Cũ Ba at 50 %, Xã Cũ Một kept.
    std::vector<LineageLink> links;
    for (const auto& e : lineage.formedFrom) {
        if (e.code == "XA-CU2") continue;
        LineageLink l = e.link;
        if (e.code == "XA-CU3") l.share = 0.5;
        links.push_back(l);
    }
    auto refused = [&](std::vector<LineageLink> rows, const std::string& stamp) {
        try {
            services::SaveLineage(Db(), id("XA-MOI"), rows, stamp, "test");
        } catch (const UserError& e) {
            return std::to_string(e.where().line) + " " + e.where().field;
        }
        return std::string("stored");
    };
    // Refused first, nothing changed: the unit itself, a department, Ba at 70 %
    // (with 40 % in Phường Mới), a stale stamp.
    auto with = [&](std::int64_t predecessor, double share) {
        auto rows = links;
        LineageLink l;
        l.predecessorId = predecessor;
        l.formedOn = Date{2025, 7, 1};
        l.share = share;
        rows.push_back(l);
        return rows;
    };
    BOOST_TEST(refused(with(id("XA-MOI"), 1), lineage.stamp) == "3 predecessor");
    BOOST_TEST(refused(with(id("SNV"), 1), lineage.stamp) == "3 predecessor");
    auto over = links;
    for (auto& l : over)
        if (l.predecessorId == id("XA-CU3")) l.share = 0.7;
    BOOST_TEST(refused(over, lineage.stamp).find("share") != std::string::npos);
    BOOST_TEST(refused(links, "stale") != "stored");
    BOOST_TEST(services::LineageOf(Db(), id("XA-MOI"), "test").formedFrom.size() == 3u);

    BOOST_TEST(refused(links, lineage.stamp) == "stored");
    const auto now = services::LineageOf(Db(), id("XA-MOI"), "test");
    BOOST_REQUIRE(now.formedFrom.size() == 2u);
    BOOST_TEST(now.formedFrom[0].link.share == 0.5, tt::tolerance(1e-12));
    BOOST_TEST(now.formedFrom[1].code == "XA-CU1");
    // The old stamp is stale now; the save was audited, the removal too.
    BOOST_TEST(refused(links, lineage.stamp) != "stored");
    long long removed = 0;
    Db().session() << "SELECT COUNT(*) FROM audit_log WHERE table_name = 'unit_lineage' AND "
                      "action = 'delete'",
        soci::into(removed);
    BOOST_TEST(removed >= 1);
    // The ranking follows: Xã Mới against Một (27) and half of Ba (26).
    const auto rows = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test");
    const auto* moi = Row(rows, "XA-MOI");
    BOOST_TEST(*moi->change == Pct(29) - (Pct(27) + 0.5 * Pct(26)) / 1.5, tt::tolerance(1e-9));
}

// The files of tests/data the lineage fuzzer starts from: the good one
// stored, the broken one refused at its first row.
BOOST_FIXTURE_TEST_CASE(the_lineage_files_of_the_test_data_are_stored_or_refused, DbFixture) {
    services::LoadBuiltinCatalogues(Db());
    services::ImportUnits(Db(), DataFile("units_good.csv"), "test");
    services::ImportUnits(Db(), DataFile("seed003_units.csv"), "test");
    const auto good = services::ImportLineage(Db(), DataFile("lineage_good.csv"), "test");
    BOOST_TEST(good.inserted == 2);
    try {
        services::ImportLineage(Db(), DataFile("lineage_broken.csv"), "test");
        BOOST_FAIL("a broken lineage file was stored");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().file == "lineage_broken.csv");
        BOOST_TEST(e.where().line == 2);
        BOOST_TEST(e.where().field == "predecessor");
    }
    BOOST_TEST(storage::LineageRepository(Db().session()).All().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
