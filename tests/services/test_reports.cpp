// Reports' narratives and archive on both backends: sections typed per unit,
// period and type are kept and replaced; issuing proposes the next number of
// the issuer for the kind and year, refuses a taken one, and reprints the
// archived PDF byte for byte (a binary file with every byte value).
#include <chrono>
#include <memory>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "core/errors.h"
#include "fixture.h"
#include "services/org/org_io.h"
#include "services/reports/report_archive.h"
#include "storage/report_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {

struct ReportFixture : DbFixture {
    std::int64_t commune = 0;
    ReportFixture() {
        services::ImportUnits(Db(), DataFile("seed002_units.csv"), "test");
        for (const auto& u : storage::UnitRepository(Db().session()).All())
            if (IsCommuneLevel(u.kind) && commune == 0) commune = u.id;
        BOOST_REQUIRE(commune != 0);
    }
    // A quarterly report of the commune for 2026-Q3, issued by it under number.
    services::IssueRequest Quarterly(int number, const std::string& title) const {
        services::IssueRequest r;
        r.reportType = "quarterly";
        r.unitId = commune;
        r.period = "2026-Q3";
        r.issuerUnitId = commune;
        r.year = 2026;
        r.number = number;
        r.issuerSymbol = "UBND";
        r.issuedOn = "2026-10-05";
        r.title = title;
        return r;
    }
};

std::string BinaryPdf() {
    std::string pdf = "%PDF-1.5\n";
    for (int round = 0; round < 40; ++round)
        for (int b = 0; b < 256; ++b) pdf += static_cast<char>(b);
    return pdf + "\n%%EOF\n";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(reports)

BOOST_FIXTURE_TEST_CASE(narrative_sections_are_kept_per_unit_period_and_type, ReportFixture) {
    services::ReportArchive archive(Db(), "clerk");
    archive.SaveNarratives(commune, "2026-Q3", "quarterly",
                           {{"direction", "Ủy ban nhân dân xã đã ban hành Kế hoạch số 05/KH-UBND."},
                            {"shortcomings", "Tỷ lệ hồ sơ trực tuyến còn thấp."}});
    archive.SaveNarratives(commune, "2026-Q3", "quarterly",
                           {{"shortcomings", "Còn 2 hồ sơ trễ hạn."}});
    const auto q3 = archive.Narratives(commune, "2026-Q3", "quarterly");
    BOOST_TEST(q3.size() == 2u);
    BOOST_TEST(q3.at("direction") == "Ủy ban nhân dân xã đã ban hành Kế hoạch số 05/KH-UBND.");
    BOOST_TEST(q3.at("shortcomings") == "Còn 2 hồ sơ trễ hạn.");
    BOOST_TEST(archive.Narratives(commune, "2026-Q4", "quarterly").empty());
    BOOST_TEST(archive.Narratives(commune, "2026-Q3", "survey").empty());
    BOOST_CHECK_THROW(archive.SaveNarratives(commune, "2026-Q5", "quarterly", {{"a", "b"}}),
                      UserError);
    BOOST_CHECK_THROW(archive.SaveNarratives(commune, "2026-Q3", "memo", {{"a", "b"}}), UserError);
}

BOOST_FIXTURE_TEST_CASE(issued_reports_are_numbered_and_reprint_byte_identical, ReportFixture) {
    services::ReportArchive archive(Db(), "office");
    BOOST_TEST(archive.ProposeNumber(commune, "quarterly", 2026) == 1);
    services::IssueRequest r =
        Quarterly(5, "Báo cáo công tác cải cách hành chính quý III năm 2026");
    const std::string pdf = BinaryPdf();
    const auto issued = archive.Issue(r, pdf);
    BOOST_TEST(issued.numberText == "05/BC-UBND");
    BOOST_TEST(issued.sha256.size() == 64u);
    BOOST_TEST(issued.sizeBytes == static_cast<long long>(pdf.size()));
    BOOST_TEST(archive.Reprint(issued.id) == pdf);
    // The next report proposes 6; a plan (KH) and a notice (TB) count on their own.
    BOOST_TEST(archive.ProposeNumber(commune, "ranking", 2026) == 6);
    BOOST_TEST(archive.ProposeNumber(commune, "plan", 2026) == 1);
    BOOST_TEST(archive.ProposeNumber(commune, "survey", 2026) == 1);
    BOOST_TEST(archive.ProposeNumber(commune, "quarterly", 2027) == 1);
    // A taken number is refused and nothing is stored.
    try {
        archive.Issue(r, pdf);
        BOOST_FAIL("a taken number was accepted");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == "number");
    }
    BOOST_CHECK_THROW(archive.Issue(r, ""), UserError);
    // Without a number: the blank to fill by hand.
    r.number = 0;
    const auto blank = archive.Issue(r, pdf);
    BOOST_TEST(!blank.number.has_value());
    BOOST_TEST(blank.numberText.find("/BC-UBND") != std::string::npos);
    const auto list = archive.List(std::string("quarterly"), commune);
    BOOST_TEST(list.size() == 2u);
    BOOST_TEST(archive.List(std::string("plan"), std::nullopt).empty());
    archive.Revoke(issued.id);
    BOOST_TEST(storage::ReportRepository(Db().session()).Find(issued.id)->status == "revoked");
    BOOST_TEST(archive.Reprint(issued.id) == pdf);  // kept in the archive
}

BOOST_FIXTURE_TEST_CASE(a_number_issued_meanwhile_by_another_desk_is_refused_plainly,
                        ReportFixture) {
    // Two desks preview the same report: both are proposed number 1 and print
    // it. The first issues; the second is refused with what to do, not with
    // the database's constraint, and nothing of it is archived.
    services::ReportArchive archive(Db(), "office");
    services::IssueRequest first =
        Quarterly(archive.ProposeNumber(commune, "quarterly", 2026), "Báo cáo quý III");
    services::IssueRequest second = first;
    second.reportType = "ranking";
    second.number = archive.ProposeNumber(commune, "ranking", 2026);
    second.title = "Bảng xếp hạng";
    BOOST_REQUIRE(first.number == second.number);
    archive.Issue(first, BinaryPdf());
    try {
        archive.Issue(second, "%PDF-1.5\nsecond\n%%EOF\n");
        BOOST_FAIL("a number issued meanwhile was accepted");
    } catch (const UserError& e) {
        const std::string what = e.what();
        BOOST_TEST(e.where().field == "number");
        BOOST_TEST(what.find("01/BC-UBND") != std::string::npos, what);
        BOOST_TEST(what.find("just been used by another document") != std::string::npos, what);
        BOOST_TEST(what.find("preview") != std::string::npos, what);
        for (const char* raw : {"UNIQUE", "unique", "constraint", "duplicate", "issued_reports"})
            BOOST_TEST(what.find(raw) == std::string::npos, what);
    }
    const auto archived = archive.List(std::nullopt, std::nullopt);
    BOOST_TEST(archived.size() == 1u);
    BOOST_TEST(archived.at(0).reportType == "quarterly");
    BOOST_TEST(archive.ProposeNumber(commune, "ranking", 2026) == 2);
}

BOOST_FIXTURE_TEST_CASE(two_desks_issuing_the_same_number_at_once, ReportFixture) {
    // The first desk's issue is still open (not committed) when the second
    // desk, on its own connection, issues under the same number: the second
    // waits for the first and is then refused plainly, never with the
    // engine's constraint error, and nothing of it is archived.
    services::IssueRequest r = Quarterly(3, "Báo cáo quý III");
    auto other = storage::Database::Open(Db().url());
    auto first = std::make_unique<storage::Transaction>(Db());
    services::ReportArchive(Db(), "desk1").Issue(r, BinaryPdf());
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        first->Commit();
    });
    try {
        services::ReportArchive(*other, "desk2").Issue(r, "%PDF-1.5\nsecond\n%%EOF\n");
        BOOST_ERROR("the second desk took a number the first had issued");
    } catch (const UserError& e) {
        const std::string what = e.what();
        BOOST_TEST(e.where().field == "number");
        BOOST_TEST(what.find("just been used by another document") != std::string::npos, what);
    } catch (const std::exception& e) {
        BOOST_ERROR(std::string("not the plain refusal: ") + e.what());
    }
    release.join();
    first.reset();
    const auto archived = services::ReportArchive(Db(), "desk1").List(std::nullopt, std::nullopt);
    BOOST_TEST(archived.size() == 1u);
    BOOST_TEST(archived.at(0).createdBy == "desk1");
}

BOOST_AUTO_TEST_SUITE_END()
