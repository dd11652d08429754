// A commune's result set on both backends: entering scores as the grid does,
// the workflow (submit, withdraw, appraise, reopen) and its locks, the audit
// log, the evidence register with its files, stored totals behind the
// ranking, and the office-wide analyses.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "core/errors.h"
#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/frameworks/frameworks.h"
#include "services/org/org_io.h"
#include "services/results/result_sheet.h"
#include "services/results/results.h"
#include "storage/framework_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/settings_repository.h"
#include "storage/user_repository.h"

using namespace cchc;
using namespace cchc::test;
namespace tt = boost::test_tools;

namespace {
const char* kUnits =
    "code,name,kind,parent\n"
    "H-TEST,Huyện Thử,district,\n"
    "XA-A,Xã An Hòa,commune,H-TEST\n"
    "XA-B,Xã Bình An,commune,H-TEST\n";

struct SheetFixture : DbFixture {
    SheetFixture() {
        services::LoadBuiltinCatalogues(Db());
        WriteFile(dir.File("units.csv"), kUnits);
        services::ImportUnits(Db(), dir.File("units.csv"), "test");
    }
    services::ResultSheetService Service() { return services::ResultSheetService(Db(), "clerk"); }
    services::Sheet Load(const std::string& unit = "XA-A") {
        return Service().Load(unit, "PAR-XA-2025", "2025");
    }
    static const services::SheetRow& Row(const services::Sheet& s, const std::string& code) {
        auto it = std::find_if(s.rows.begin(), s.rows.end(),
                               [&](const auto& r) { return r.code == code; });
        BOOST_REQUIRE(it != s.rows.end());
        return *it;
    }
    static services::SheetEdit Edit(const std::string& code, ResultField f,
                                    std::optional<double> v) {
        services::SheetEdit e;
        e.criterion = code;
        e.field = f;
        e.value = v;
        return e;
    }
    std::string Status(const std::string& unit = "XA-A") {
        auto s = Load(unit);
        return std::string(ResultStatusKey(s.status));
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(result_sheet)

BOOST_FIXTURE_TEST_CASE(the_sheet_lists_the_tree_and_subtotals_follow_the_entries, SheetFixture) {
    auto sheet = Load();
    BOOST_TEST((sheet.status == ResultStatus::Draft));
    BOOST_REQUIRE(!sheet.rows.empty());
    BOOST_TEST(sheet.rows.front().code == "1");
    BOOST_TEST(sheet.rows.front().group);
    BOOST_TEST(Row(sheet, "1.1.2").depth == 2);
    // Parents come right before their sub-criteria.
    auto pos = [&](const std::string& c) {
        return std::find_if(sheet.rows.begin(), sheet.rows.end(),
                            [&](const auto& r) { return r.code == c; }) -
               sheet.rows.begin();
    };
    BOOST_TEST(pos("1.1") + 1 == pos("1.1.1"));
    // Nothing entered yet: no points on either side, none counted.
    BOOST_TEST(!sheet.selfEntered);
    BOOST_TEST(!sheet.appraisedEntered);
    BOOST_TEST(sheet.self.points == 0.0);
    BOOST_TEST(sheet.appraised.points == 0.0);
    for (const auto& r : sheet.rows) BOOST_TEST(r.selfPoints == 0.0, r.code);

    // As typed in the grid, before saving: the group's subtotal moves, and
    // the criteria without data earn what the framework's rule gives them
    // (25 of the 84.5 points), which the sheet counts apart.
    for (auto& r : sheet.rows)
        if (r.code == "2.3") r.selfScore = 1.5;
    services::RecomputeSheet(sheet);
    BOOST_TEST(sheet.selfEntered);
    BOOST_TEST(!sheet.appraisedEntered);
    BOOST_TEST(sheet.self.points == 26.5, tt::tolerance(1e-9));
    BOOST_TEST(sheet.selfWithoutData.points == 25.0, tt::tolerance(1e-9));
    BOOST_TEST(sheet.selfWithoutData.criteria > 0);
    BOOST_TEST(Row(sheet, "2.3").selfNoData == false);
    const double with15 = Row(sheet, "2").selfPoints;
    for (auto& r : sheet.rows)
        if (r.code == "2.3") r.selfScore = 0.5;
    services::RecomputeSheet(sheet);
    BOOST_TEST(Row(sheet, "2").selfPoints == with15 - 1.0, tt::tolerance(1e-9));

    // Saved: stored, and the stored totals behind the ranking follow.
    auto saved = Service().Apply(Load(), {Edit("2.3", ResultField::SelfScore, 1.5)});
    BOOST_TEST(*Row(saved, "2.3").selfScore == 1.5);
    BOOST_TEST(Row(saved, "2").selfPoints == with15, tt::tolerance(1e-9));
    auto rank = services::RankUnits(Db(), "PAR-XA-2025", "2025", false, "test");
    BOOST_REQUIRE(rank.size() == 1u);
    BOOST_TEST(rank[0].total == saved.self.points, tt::tolerance(1e-9));
    const double total = saved.self.points;
    saved = Service().Apply(saved, {Edit("2.3", ResultField::SelfScore, 0.5)});
    rank = services::RankUnits(Db(), "PAR-XA-2025", "2025", false, "test");
    BOOST_TEST(rank[0].total == saved.self.points, tt::tolerance(1e-9));
    BOOST_TEST(saved.self.points == total - 1.0, tt::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(problems_are_listed_per_criterion, SheetFixture) {
    auto sheet = Service().Apply(
        Load(), {Edit("1.1.2", ResultField::Numerator, 7), Edit("2.2.2", ResultField::Numerator, 3),
                 Edit("2.2.2", ResultField::Denominator, 2)});
    // 1.1.2: a rate without denominator, and evidence is required.
    const auto& rate = Row(sheet, "1.1.2");
    BOOST_TEST(rate.problems.size() == 2u);
    const auto& over = Row(sheet, "2.2.2");
    BOOST_TEST(!over.problems.empty());
    BOOST_TEST(Row(sheet, "2.1").problems.empty());
    // Submitting is refused while there are problems, and nothing changes.
    BOOST_CHECK_THROW(Service().Submit(sheet), UserError);
    BOOST_TEST(Status() == "draft");
    // Negative values and groups are refused.
    BOOST_CHECK_THROW(Service().Apply(sheet, {Edit("2.3", ResultField::SelfScore, -1)}), UserError);
    BOOST_CHECK_THROW(Service().Apply(sheet, {Edit("2", ResultField::SelfScore, 1)}), UserError);
    BOOST_CHECK_THROW(Service().Apply(sheet, {Edit("9.9", ResultField::SelfScore, 1)}), UserError);
}

BOOST_FIXTURE_TEST_CASE(the_workflow_locks_what_it_must, SheetFixture) {
    auto svc = Service();
    auto sheet = svc.Apply(Load(), {Edit("2.1", ResultField::SelfScore, 2)});
    // 2.1 needs evidence before the set can be submitted.
    BOOST_CHECK_THROW(svc.Submit(sheet), UserError);
    services::EvidenceInput reference;
    reference.docNumber = "15/BC-UBND";
    reference.title = "Báo cáo rà soát văn bản";
    svc.AttachEvidence(sheet, "2.1", reference);
    sheet = svc.Submit(Load());
    BOOST_TEST(Status() == "submitted");
    BOOST_TEST(!sheet.statusNote.empty());
    // The commune's own figures are locked once submitted; the appraisal is not.
    BOOST_CHECK_THROW(svc.Apply(sheet, {Edit("2.1", ResultField::SelfScore, 1)}), UserError);
    sheet = svc.Apply(sheet, {Edit("2.1", ResultField::AppraisedScore, 1.5)});
    BOOST_TEST(*Row(sheet, "2.1").appraisedScore == 1.5);
    // Withdrawn, it can be edited again, then submitted and appraised.
    sheet = svc.Withdraw(sheet);
    BOOST_TEST(Status() == "draft");
    sheet = svc.Apply(sheet, {Edit("2.1", ResultField::SelfScore, 1.75)});
    BOOST_CHECK_THROW(svc.Withdraw(sheet), UserError);
    sheet = svc.Appraise(svc.Submit(sheet));
    BOOST_TEST(Status() == "appraised");
    // Appraised results refuse every edit, evidence included.
    for (ResultField f :
         {ResultField::SelfScore, ResultField::AppraisedScore, ResultField::Numerator})
        BOOST_CHECK_THROW(svc.Apply(sheet, {Edit("2.1", f, 0.5)}), UserError);
    services::EvidenceInput doc;
    doc.title = "Biên bản kiểm tra";
    BOOST_CHECK_THROW(svc.AttachEvidence(sheet, "2.1", doc), UserError);
    BOOST_CHECK_THROW(svc.Withdraw(sheet), UserError);
    BOOST_TEST(*Row(Load(), "2.1").selfScore == 1.75);
    // Reopened only with a reason.
    BOOST_CHECK_THROW(svc.Reopen(sheet, "  "), UserError);
    sheet = svc.Reopen(sheet, "Sai sót khi nhập điểm thẩm định");
    BOOST_TEST(Status() == "submitted");
    BOOST_TEST(sheet.statusNote.find("Sai sót") != std::string::npos, sheet.statusNote);
    sheet = svc.Apply(sheet, {Edit("2.1", ResultField::AppraisedScore, 2)});
    BOOST_TEST(*Row(sheet, "2.1").appraisedScore == 2);
    // The results carry the set's state too.
    for (const auto& r :
         storage::ResultRepository(Db().session()).ForUnitAndPeriod(sheet.unitId, "2025"))
        BOOST_TEST(r.status == "submitted");
}

BOOST_FIXTURE_TEST_CASE(only_the_office_appraises_and_reopens, SheetFixture) {
    auto sheet = Load();
    storage::UserRepository users(Db().session());
    users.Insert("clerk", "Nguyễn Thị Thu", "clerk", sheet.unitId);
    users.Insert("office", "Trần Văn Hùng", "specialist", std::nullopt);
    services::ResultSheetService clerk(Db(), "clerk"), office(Db(), "office");
    BOOST_CHECK_THROW(clerk.Appraise(sheet), UserError);
    BOOST_TEST(Status() == "draft");
    sheet = office.Appraise(sheet);
    BOOST_CHECK_THROW(clerk.Reopen(sheet, "Nhập sai"), UserError);
    sheet = office.Reopen(sheet, "Nhập sai");
    BOOST_TEST(Status() == "submitted");
    // Withdrawing is the commune's own step, its chair's (not its clerk's).
    users.Insert("chair", "Lê Văn Chủ", "chair", sheet.unitId);
    BOOST_CHECK_THROW(clerk.Withdraw(sheet), UserError);
    BOOST_CHECK_NO_THROW(services::ResultSheetService(Db(), "chair").Withdraw(sheet));
}

BOOST_FIXTURE_TEST_CASE(every_change_is_audited_with_old_and_new_values, SheetFixture) {
    auto svc = Service();
    auto sheet = svc.Apply(Load(), {Edit("2.1", ResultField::SelfScore, 2)});
    sheet = svc.Apply(sheet, {Edit("2.1", ResultField::SelfScore, 1.5)});
    auto result = storage::ResultRepository(Db().session())
                      .Find(sheet.unitId, Row(sheet, "2.1").criterionId, "2025");
    BOOST_REQUIRE(result);
    auto log = storage::AuditRepository(Db().session()).ForRow("results", result->id);
    BOOST_REQUIRE(log.size() == 2u);
    BOOST_TEST(log[0].action == "insert");
    BOOST_TEST(log[1].action == "update");
    BOOST_TEST(log[1].field == "self_score");
    BOOST_TEST(log[1].user == "clerk");
    BOOST_TEST(*log[1].oldValue == "2");
    BOOST_TEST(*log[1].newValue == "1.5");
    BOOST_TEST(!log[1].at.empty());
    // An edit that changes nothing writes nothing.
    svc.Apply(sheet, {Edit("2.1", ResultField::SelfScore, 1.5)});
    BOOST_TEST(storage::AuditRepository(Db().session()).ForRow("results", result->id).size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(imports_respect_the_lock_and_audit_each_value, SheetFixture) {
    const std::string header =
        "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,note\n";
    WriteFile(dir.File("r1.csv"),
              header + "XA-A,PAR-XA-2025,2025,2.3,2,1,,,\nXA-B,PAR-XA-2025,2025,2.3,1,1,,,\n");
    services::ImportResults(Db(), dir.File("r1.csv"), "importer");
    auto svc = Service();
    svc.Appraise(Load());
    // The same values again are no change: accepted.
    BOOST_CHECK_NO_THROW(services::ImportResults(Db(), dir.File("r1.csv"), "importer"));
    // A changed value of the appraised set is refused with its line and
    // column, and nothing of the file is stored (XA-B's row included).
    WriteFile(dir.File("r2.csv"),
              header + "XA-B,PAR-XA-2025,2025,2.3,2,2,,,\nXA-A,PAR-XA-2025,2025,2.3,2,1.5,,,\n");
    try {
        services::ImportResults(Db(), dir.File("r2.csv"), "importer");
        BOOST_FAIL("a locked result was changed by an import");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().line == 3);
        BOOST_TEST(e.where().field == "appraised_score");
    }
    BOOST_TEST(*Row(Load("XA-B"), "2.3").selfScore == 1);
    BOOST_TEST(*Row(Load("XA-A"), "2.3").appraisedScore == 1);
    // Each changed value of an import is one audit row.
    WriteFile(dir.File("r3.csv"), header + "XA-B,PAR-XA-2025,2025,2.3,1.5,,,,ghi chú\n");
    services::ImportResults(Db(), dir.File("r3.csv"), "importer");
    auto b = Load("XA-B");
    auto result =
        storage::ResultRepository(Db().session()).Find(b.unitId, Row(b, "2.3").criterionId, "2025");
    auto log = storage::AuditRepository(Db().session()).ForRow("results", result->id);
    std::vector<std::string> fields;
    for (const auto& a : log)
        if (a.action == "update") fields.push_back(a.field);
    BOOST_TEST(fields == (std::vector<std::string>{"self_score", "appraised_score", "note"}),
               tt::per_element());
    // The ranking follows the import through the stored totals.
    auto rank = services::RankUnits(Db(), "PAR-XA-2025", "2025", false, "test");
    auto rowB =
        std::find_if(rank.begin(), rank.end(), [](const auto& r) { return r.unit == "XA-B"; });
    BOOST_REQUIRE(rowB != rank.end());
    BOOST_TEST(rowB->total == b.self.points, tt::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(evidence_files_are_stored_hashed_and_limited, SheetFixture) {
    auto svc = Service();
    auto sheet = Load();
    // A binary file with NUL bytes and every byte value.
    std::string bytes;
    for (int i = 0; i < 3; ++i)
        for (int b = 0; b < 256; ++b) bytes += static_cast<char>(b);
    const std::string file = dir.File("Biên bản.pdf");
    WriteFile(file, bytes);
    services::EvidenceInput doc;
    doc.docNumber = "12/BB-UBND";
    doc.docDate = "2025-03-05";
    doc.issuer = "UBND xã An Hòa";
    doc.title = "Biên bản kiểm tra công tác CCHC";
    doc.filePath = file;
    auto id = svc.AttachEvidence(sheet, "1.3", doc);
    sheet = Load();
    BOOST_TEST(Row(sheet, "1.3").evidence == 1);
    auto list = svc.Evidence(sheet, "1.3");
    BOOST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0].sha256 == services::Sha256Hex(bytes));
    BOOST_TEST(*list[0].sizeBytes == 768);
    BOOST_TEST(list[0].fileName == "Biên bản.pdf");
    BOOST_TEST(list[0].mimeType == "application/pdf");
    // The file comes back byte for byte.
    TempDir out;
    auto path = svc.ExportEvidenceFile(id, out.path());
    BOOST_TEST(ReadFile(path) == bytes);
    // The same file linked to a second criterion is the same document.
    BOOST_TEST(svc.AttachEvidence(sheet, "1.4", doc) == id);
    // A document of the register linked to a third criterion by choice.
    BOOST_TEST(svc.Register(sheet).size() == 1u);
    svc.LinkEvidence(sheet, "1.6", id, svc.EvidenceOf(sheet, "1.6").version);
    BOOST_TEST(Row(Load(), "1.6").evidence == 1);
    BOOST_CHECK_THROW(
        svc.LinkEvidence(Load("XA-B"), "1.6", id, svc.EvidenceOf(Load("XA-B"), "1.6").version),
        UserError);  // another commune's document
    // The known digest of "abc".
    BOOST_TEST(services::Sha256Hex("abc") ==
               "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // Above the limit: refused with the file named, nothing stored.
    storage::SettingsRepository(Db().session()).Set("evidence.max_bytes", "500");
    try {
        svc.AttachEvidence(sheet, "2.1", doc);
        BOOST_FAIL("a file above the limit was stored");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().file == "Biên bản.pdf");
    }
    BOOST_TEST(Row(Load(), "2.1").evidence == 0);
    // Evidence satisfies the "evidence required" check.
    sheet = svc.Apply(Load(), {Edit("1.3", ResultField::SelfScore, 1)});
    BOOST_TEST(Row(sheet, "1.3").problems.empty());
    svc.DetachEvidence(sheet, "1.3", id, svc.EvidenceOf(sheet, "1.3").version);
    BOOST_TEST(!Row(Load(), "1.3").problems.empty());
}

BOOST_FIXTURE_TEST_CASE(office_wide_losses_and_self_versus_appraised, SheetFixture) {
    const std::string header =
        "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,note\n";
    WriteFile(dir.File("r.csv"), header +
                                     "XA-A,PAR-XA-2025,2025,2.3,2,0.5,,,\n"
                                     "XA-B,PAR-XA-2025,2025,2.3,1,1,,,\n"
                                     "XA-A,PAR-XA-2025,2025,2.1,2,2,,,\n");
    services::ImportResults(Db(), dir.File("r.csv"), "importer");
    auto losses = services::GapsForOffice(Db(), "PAR-XA-2025", "2025", "test");
    auto it =
        std::find_if(losses.begin(), losses.end(), [](const auto& l) { return l.code == "2.3"; });
    BOOST_REQUIRE(it != losses.end());
    BOOST_TEST(it->units == 2);
    BOOST_TEST(it->lost == 2.5, tt::tolerance(1e-9));
    BOOST_TEST(it->averageLost == 1.25, tt::tolerance(1e-9));
    for (std::size_t i = 1; i < losses.size(); ++i)
        BOOST_TEST(losses[i - 1].lost >= losses[i].lost);

    auto gaps = services::SelfAppraisedGaps(Db(), "PAR-XA-2025", "2025", "test");
    BOOST_REQUIRE(gaps.size() == 2u);
    BOOST_TEST(gaps[0].unit == "XA-A");  // over-scored by 1.5 points
    BOOST_TEST(gaps[0].gap == 1.5, tt::tolerance(1e-9));
    BOOST_TEST(gaps[1].gap == 0.0, tt::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(stale_totals_are_computed_before_ranking, SheetFixture) {
    const std::string header =
        "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,note\n";
    WriteFile(dir.File("r.csv"), header + "XA-A,PAR-XA-2025,2025,2.3,2,0.5,,,\n");
    services::ImportResults(Db(), dir.File("r.csv"), "importer");
    auto before = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test");
    auto fid = *storage::FrameworkRepository(Db().session()).IdByCode("PAR-XA-2025");
    storage::ResultSetRepository sets(Db().session());
    sets.MarkFrameworkStale(fid);
    BOOST_TEST(sets.StalePairs().size() == 1u);
    auto after = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "test");
    BOOST_TEST(sets.StalePairs().empty());
    BOOST_REQUIRE(after.size() == 1u);
    BOOST_TEST(after[0].total == before[0].total, tt::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(a_766_month_scored_by_hand, SheetFixture) {
    // One commune's month on the service index of Decision 766, figures as
    // the one-stop system reports them. The indicators that do not apply to
    // communes (1.1-1.3, 3.1, 4.1, 6.6) are left out: 82 points; those
    // without data under the "n/a" rule (4.2, 6.3, 6.5) lower it to 74.
    const std::string header = "unit,framework,period,criterion,numerator,denominator\n";
    const std::string rows =
        "XA-A,QD766,2026-03,1.4,90,100\n"  // 6 x 0.9 = 5.4
        "XA-A,QD766,2026-03,2.1,95,100\n"  // 20 x 0.95 = 19
        "XA-A,QD766,2026-03,3.2,3,4\n"     // 4 x 0.75 = 3
        "XA-A,QD766,2026-03,3.3,30,120\n"  // 6 x 0.25 = 1.5
        "XA-A,QD766,2026-03,4.3,10,40\n"   // 6 x 0.25 = 1.5
        "XA-A,QD766,2026-03,5.1,,\n"       // no complaints: full 6
        "XA-A,QD766,2026-03,5.3,85,100\n"  // min(6, 6 x 0.85 / 0.9) = 5.6667
        "XA-A,QD766,2026-03,6.1,50,100\n"  // 3
        "XA-A,QD766,2026-03,6.2,80,100\n"  // 3.2
        "XA-A,QD766,2026-03,6.4,40,100\n"  // min(2, 2 x 0.4 / 0.8) = 1
        "XA-A,QD766,2026-03,6.7,30,60\n";  // 1
    WriteFile(dir.File("766.csv"), header + rows);
    services::ImportResults(Db(), dir.File("766.csv"), "importer");
    auto sheet = Service().Load("XA-A", "QD766", "2026-03");
    BOOST_TEST(Row(sheet, "5.3").appraisedPoints == 6 * 0.85 / 0.9, tt::tolerance(1e-9));
    BOOST_TEST(Row(sheet, "5.2").appraisedPoints == 6.0,
               tt::tolerance(1e-9));  // no complaints at all
    BOOST_TEST(!Row(sheet, "4.2").applicable);
    BOOST_TEST(Row(sheet, "4").max == 6.0, tt::tolerance(1e-9));
    const double points = 5.4 + 19 + 3 + 1.5 + 1.5 + 6 + 6 + 6 * 0.85 / 0.9 + 3 + 3.2 + 1 + 1;
    BOOST_TEST(sheet.appraised.max == 74.0, tt::tolerance(1e-9));
    BOOST_TEST(sheet.appraised.points == points, tt::tolerance(1e-9));
    BOOST_TEST(sheet.appraised.percent == 100 * points / 74, tt::tolerance(1e-9));
    // The ranking reads the same total from the stored totals.
    auto rank = services::RankUnits(Db(), "QD766", "2026-03", true, "test");
    BOOST_REQUIRE(rank.size() == 1u);
    BOOST_TEST(rank[0].total == points, tt::tolerance(1e-9));
    BOOST_TEST(rank[0].max == 74.0, tt::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(a_copy_for_a_new_year_compares_with_its_source, SheetFixture) {
    services::FrameworkService(Db(), "office")
        .CopyToNewYear("PAR-XA-2025", "PAR-XA-2026", 2026, "Chỉ số 2026");
    const std::string header =
        "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,note\n";
    WriteFile(dir.File("r.csv"), header +
                                     "XA-A,PAR-XA-2025,2025,2.3,2,0.5,,,\n"
                                     "XA-A,PAR-XA-2026,2026,2.3,2,2,,,\n"
                                     "XA-B,PAR-XA-2026,2026,2.3,2,1,,,\n");
    services::ImportResults(Db(), dir.File("r.csv"), "importer");
    auto rows = services::RankUnits(Db(), "PAR-XA-2026", "2026", true, "test");
    BOOST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0].unit == "XA-A");
    BOOST_REQUIRE(rows[0].change.has_value());
    BOOST_TEST(*rows[0].change == 100 * 1.5 / rows[0].max, tt::tolerance(1e-9));
    BOOST_TEST(!rows[1].change.has_value());  // XA-B had nothing in 2025
}

BOOST_AUTO_TEST_SUITE_END()
