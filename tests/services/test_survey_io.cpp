// Survey services on both backends: tallies and ratings imported from CSV
// (BOM, Vietnamese headers, extra columns) and XLSX, refused files naming
// line and column with nothing stored, duplicates skipped and counted,
// cancelled imports, the summaries per field, unit and officer, and the
// satisfaction criterion filled from the tallies without overwriting what a
// user entered.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "core/dossier_rules.h"
#include "fixture.h"
#include "services/app/imports.h"
#include "services/frameworks/framework_io.h"
#include "services/org/organisation.h"
#include "services/results/result_sheet.h"
#include "services/results/results.h"
#include "services/surveys/procedure_fields.h"
#include "services/surveys/surveys.h"
#include "storage/dossier_repository.h"
#include "storage/framework_repository.h"
#include "storage/rating_repository.h"
#include "storage/result_repository.h"
#include "storage/settings_repository.h"
#include "storage/tally_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
struct IoFixture : DbFixture {
    IoFixture() {
        services::LoadBuiltinCatalogues(Db());
        storage::UnitRepository units(Db().session());
        storage::PersonRepository people(Db().session());
        Unit district;
        district.code = "H-TAYSON", district.name = "Huyện Tây Sơn",
        district.kind = UnitKind::District;
        const auto d = units.Insert(district);
        auto commune = [&](const char* code, const char* name) {
            Unit u;
            u.code = code, u.name = name, u.parentId = d;
            return units.Insert(u);
        };
        const auto a = commune("XA-TAYXUAN", "Xã Tây Xuân");
        const auto b = commune("XA-TAYPHU", "Xã Tây Phú");
        auto person = [&](const char* code, const char* name, std::int64_t unit) {
            Person p;
            p.code = code, p.fullName = name, p.unitId = unit, p.oneStopDesk = true;
            people.Insert(p);
        };
        person("CB01", "Nguyễn Văn An", a);
        person("CB02", "Trần Thị Bình", a);
        person("CB03", "Lê Hữu Ánh", b);
    }
    std::string Write(const std::string& name, const std::string& text) {
        std::string path = dir.File(name);
        WriteFile(path, text);
        return path;
    }
    long Ratings() { return storage::RatingRepository(Db().session()).Count(); }
    long Tallies() { return storage::TallyRepository(Db().session()).Count(); }
};

const char* kTallies =
    "\xEF\xBB\xBF"
    "Mã đơn vị,Tháng,Lĩnh vực,Số hồ sơ giải quyết,Số phiếu,Rất hài lòng,Hài lòng,Bình "
    "thường,Không hài lòng,Rất không hài lòng,Ghi chú\n"
    "XA-TAYXUAN,2024-01,HOTICH,30,25,15,5,3,1,1,ok\n"
    "XA-TAYXUAN,2024-02,HOTICH,20,18,10,6,2,0,0,\n"
    "XA-TAYXUAN,2024-01,Chứng thực,12,12,,10,1,1,,3-level kiosk\n"
    "Xã Tây Phú,2024-03,DATDAI,10,8,2,2,2,1,1,\n"
    "XA-TAYPHU,2024-04,DATDAI,10,10,10,0,0,0,0,next quarter\n";

std::string RatingsCsv() {
    return "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen,extra\n"
           "2024-01-05T09:41:00,XA-TAYXUAN,CB01,Đăng ký khai sinh,kiosk,5,5,5,,x\n"
           "2024-01-05 10:00,XA-TAYXUAN,CB01,Chứng thực chữ ký,Mã QR,4,4,3,\"Phạm Thị Lan\",\n"
           "05/01/2024 11:15,XA-TAYXUAN,Trần Thị Bình,Đăng ký kết hôn,Trực tuyến,2,3,,,\n"
           "2024-02-10T08:00:00,XA-TAYPHU,CB03,Đăng ký khai tử,paper,5,4,4,,\n"
           "2024-01-05T09:41:00,XA-TAYXUAN,CB01,Đăng ký khai sinh,kiosk,5,5,5,,again\n";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(survey_io)

BOOST_FIXTURE_TEST_CASE(tallies_import_with_vietnamese_headers_and_export_round_trip, IoFixture) {
    auto s = services::ImportTallies(Db(), Write("tallies.csv", kTallies), "tester");
    BOOST_TEST(s.inserted == 5);
    BOOST_TEST(s.updated == 0);
    // The 3-level row went to LIKERT3, levels 3..1.
    auto rows = storage::TallyRepository(Db().session()).AllForExport();
    auto three = std::find_if(rows.begin(), rows.end(),
                              [](const auto& r) { return r.fieldCode == "CHUNGTHUC"; });
    BOOST_REQUIRE(three != rows.end());
    BOOST_TEST(three->scaleCode == "LIKERT3");
    BOOST_TEST(three->tally.level3 == 10);
    BOOST_TEST(three->tally.level1 == 1);

    std::string out = dir.File("out.csv"), xlsx = dir.File("out.xlsx");
    BOOST_TEST(services::ExportTallies(Db(), out, "test") == 5);
    BOOST_TEST(services::ExportTallies(Db(), xlsx, "test") == 5);
    // Importing the export again changes nothing and says so.
    auto again = services::ImportTallies(Db(), xlsx, "tester");
    BOOST_TEST(again.updated == 0);
    BOOST_TEST(again.unchanged == 5);
    std::string second = dir.File("second.csv");
    services::ExportTallies(Db(), second, "test");
    BOOST_TEST(ReadFile(out) == ReadFile(second));
    BOOST_TEST(ReadFile(out).rfind("unit,period,field,settled,responses,very_satisfied,satisfied,"
                                   "neutral,dissatisfied,very_dissatisfied\n",
                                   0) == 0);
}

BOOST_FIXTURE_TEST_CASE(a_tallies_reimport_changes_nothing_and_one_figure_is_audited, IoFixture) {
    services::ImportTallies(Db(), Write("tallies.csv", kTallies), "tester");
    const std::string out = dir.File("out.csv");
    BOOST_TEST(services::ExportTallies(Db(), out, "test") == 5);
    storage::AuditRepository audit(Db().session());
    const long before = audit.Count();
    auto again = services::ImportTallies(Db(), out, "tester");
    BOOST_TEST(again.inserted == 0);
    BOOST_TEST(again.updated == 0);
    BOOST_TEST(again.unchanged == 5);
    BOOST_TEST(audit.Count() == before);

    // One figure changed: one row updated, one audit entry with both values.
    auto one = services::ImportTallies(
        Db(),
        Write("one.csv",
              "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,"
              "dissatisfied,very_dissatisfied\n"
              "XA-TAYXUAN,2024-01,HOTICH,40,25,15,5,3,1,1\n"),
        "clerk");
    BOOST_TEST(one.inserted == 0);
    BOOST_TEST(one.updated == 1);
    BOOST_TEST(one.unchanged == 0);
    BOOST_TEST(audit.Count() == before + 1);
    const auto unit = storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN");
    storage::TallyRepository tallies(Db().session());
    std::optional<std::int64_t> id;
    for (const auto& [rowId, t] : tallies.StoredInMonths("2024-01", "2024-01"))
        if (t.unitId == unit->id && t.settled == 40) id = rowId;
    BOOST_REQUIRE(id.has_value());
    std::vector<storage::AuditEntry> entries;
    for (auto& e : audit.ForRow("survey_tallies", *id))
        if (e.action == "update") entries.push_back(e);
    BOOST_REQUIRE(entries.size() == 1u);
    BOOST_TEST(entries[0].user == "clerk");
    BOOST_TEST(entries[0].action == "update");
    BOOST_TEST(entries[0].field == "settled");
    BOOST_TEST((entries[0].oldValue == std::optional<std::string>("30")));
    BOOST_TEST((entries[0].newValue == std::optional<std::string>("40")));
}

BOOST_FIXTURE_TEST_CASE(refused_tally_files_name_line_and_column_and_store_nothing, IoFixture) {
    struct Case {
        const char* what;
        const char* text;
        const char* where;
    };
    const Case cases[] = {
        {"levels do not add up",
         "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,dissatisfied,very_"
         "dissatisfied\nXA-TAYXUAN,2024-01,HOTICH,30,25,15,5,3,1,1\n"
         "XA-TAYXUAN,2024-02,HOTICH,30,26,15,5,3,1,1\n",
         "bad.csv, line 3, column responses"},
        {"a quarter is not a month",
         "unit,period,field,settled,responses,satisfied,neutral,dissatisfied\n"
         "XA-TAYXUAN,2024-Q1,HOTICH,30,25,20,3,2\n",
         "bad.csv, line 2, column period"},
        {"unknown field",
         "unit,period,field,settled,responses,satisfied,neutral,dissatisfied\n"
         "XA-TAYXUAN,2024-01,THUYSAN,30,25,20,3,2\n",
         "bad.csv, line 2, column field"},
        {"negative count",
         "unit,period,field,settled,responses,satisfied,neutral,dissatisfied\n"
         "XA-TAYXUAN,2024-01,HOTICH,-3,25,20,3,2\n",
         "bad.csv, line 2, column settled"},
        {"a count too large for any number type",
         "unit,period,field,settled,responses,satisfied,neutral,dissatisfied\n"
         "XA-TAYXUAN,2024-01,HOTICH,123456789012345678901234567890,25,20,3,2\n",
         "bad.csv, line 2, column settled"},
        {"twice in the file",
         "unit,period,field,settled,responses,satisfied,neutral,dissatisfied\n"
         "XA-TAYXUAN,2024-01,HOTICH,30,25,20,3,2\nXA-TAYXUAN,2024-01,HOTICH,30,25,20,3,2\n",
         "bad.csv, line 3, column field"},
        {"missing required column",
         "unit,period,field,settled,satisfied,neutral,dissatisfied\n"
         "XA-TAYXUAN,2024-01,HOTICH,30,20,3,2\n",
         "responses"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const std::string path = Write("bad.csv", c.text);
            try {
                services::ImportTallies(Db(), path, "tester");
                BOOST_ERROR("the file was accepted");
            } catch (const UserError& e) {
                BOOST_TEST(FormatLocation(e.where()).find("bad.csv") != std::string::npos);
                std::string where = e.where().file + ", line " + std::to_string(e.where().line) +
                                    ", column " + e.where().field;
                BOOST_TEST(where.find(c.where) != std::string::npos, where);
            }
            BOOST_TEST(Tallies() == 0);
        }
    }
}

// Form II.06a as a one-stop system exports it: a BOM, the form's
// Vietnamese headers, a field named without its prefix ("Hộ tịch") and a
// commune without its kind ("Tây Phú"), totals
// beside their parts; exported with the English keys, imported again
// unchanged; a changed figure audited; the quarter's table of the report
// built from the months.
const char* const kDossiers =
    "\xEF\xBB\xBFMã đơn vị,Tháng,Lĩnh vực,Tổng số tiếp nhận,Trực tuyến,Trực tiếp,Kỳ trước "
    "chuyển qua,Trước hạn,Đúng hạn,Giải quyết quá hạn,Trong hạn,Đang giải quyết quá hạn,Ghi chú\n"
    "XA-TAYXUAN,2026-07,Hộ tịch,45,30,10,5,8,30,2,4,1,\n"
    "XA-TAYXUAN,2026-08,HOTICH,,25,11,5,10,25,1,4,1,\n"
    "XA-TAYXUAN,2026-09,Tư pháp - Hộ tịch,40,20,15,5,6,25,3,5,1,tháng 9\n"
    "Tây Phú,2026-07,đất đai,12,2,8,2,1,7,1,2,1,\n";

BOOST_FIXTURE_TEST_CASE(dossiers_import_as_offices_write_them_and_export_round_trip, IoFixture) {
    auto s = services::ImportDossiers(Db(), Write("ho-so.csv", kDossiers), "clerk");
    BOOST_TEST(s.inserted == 4);
    storage::DossierRepository repo(Db().session());
    BOOST_TEST(repo.Count() == 4);
    const std::string out = dir.File("out.csv"), xlsx = dir.File("out.xlsx");
    BOOST_TEST(services::ExportDossiers(Db(), out, "test") == 4);
    BOOST_TEST(services::ExportDossiers(Db(), xlsx, "test") == 4);
    BOOST_TEST(ReadFile(out) ==
               "unit,period,field,received_online,received_direct,carried_over,settled_early,"
               "settled_on_time,settled_late,pending_on_time,pending_overdue\n"
               "XA-TAYPHU,2026-07,DATDAI,2,8,2,1,7,1,2,1\n"
               "XA-TAYXUAN,2026-07,HOTICH,30,10,5,8,30,2,4,1\n"
               "XA-TAYXUAN,2026-08,HOTICH,25,11,5,10,25,1,4,1\n"
               "XA-TAYXUAN,2026-09,HOTICH,20,15,5,6,25,3,5,1\n");
    for (const auto& again : {out, xlsx}) {
        auto same = services::ImportDossiers(Db(), again, "clerk");
        BOOST_TEST(same.unchanged == 4);
        BOOST_TEST(same.inserted + same.updated == 0);
    }
    // One figure changed: one row updated, an entry with both values for
    // it and for its total (on both engines).
    storage::AuditRepository audit(Db().session());
    const long before = audit.Count();
    auto one = services::ImportDossiers(
        Db(),
        Write("one.csv",
              "unit,period,field,received_online,received_direct,carried_over,settled_early,"
              "settled_on_time,settled_late,pending_on_time,pending_overdue\n"
              "XA-TAYXUAN,2026-07,HOTICH,31,10,5,8,30,2,4,1\n"),
        "clerk");
    BOOST_TEST(one.updated == 1);
    BOOST_TEST(audit.Count() == before + 2);

    // The third quarter of Tây Xuân: July's carried over, September's in
    // progress, the rest added up; the office's adds Tây Phú.
    const auto unit = storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN");
    const auto months = repo.InMonths("2026-07", "2026-09", unit->id);
    BOOST_REQUIRE(months.size() == 3u);
    std::vector<DossierFigures> figures;
    for (const auto& m : months) figures.push_back(m.record.figures);
    const auto q3 = *SumDossierMonths(figures);
    BOOST_TEST(q3.ReceivedTotal() == 117);
    BOOST_TEST(q3.PendingTotal() == 6);
    BOOST_TEST(repo.InMonths("2026-07", "2026-09").size() == 4u);
}

BOOST_FIXTURE_TEST_CASE(refused_dossier_files_name_line_and_column_and_store_nothing, IoFixture) {
    const std::string header =
        "unit,period,field,received_total,received_online,received_direct,carried_over,"
        "settled_early,settled_on_time,settled_late,pending_on_time,pending_overdue\n";
    struct Case {
        const char* what;
        std::string text;
        const char* where;
    };
    const Case cases[] = {
        {"a total that disagrees with its parts",
         header + "XA-TAYXUAN,2026-07,HOTICH,45,30,10,5,8,30,2,4,1\n"
                  "XA-TAYXUAN,2026-08,HOTICH,40,30,10,5,8,30,2,4,1\n",
         "bad.csv, line 3, column received_total"},
        {"a quarter is not a month", header + "XA-TAYXUAN,2026-Q3,HOTICH,,1,1,1,1,1,1,1,1\n",
         "bad.csv, line 2, column period"},
        {"unknown field", header + "XA-TAYXUAN,2026-07,THUYSAN,,1,1,1,1,1,1,1,1\n",
         "bad.csv, line 2, column field"},
        {"unknown unit", header + "XA-KHONGCO,2026-07,HOTICH,,1,1,1,1,1,1,1,1\n",
         "bad.csv, line 2, column unit"},
        {"negative count", header + "XA-TAYXUAN,2026-07,HOTICH,,1,-1,1,1,1,1,1,1\n",
         "bad.csv, line 2, column received_direct"},
        {"a count beyond the form", header + "XA-TAYXUAN,2026-07,HOTICH,,1,1,1,1,1,1,1,2000000\n",
         "bad.csv, line 2, column pending_overdue"},
        {"twice in the file",
         header + "XA-TAYXUAN,2026-07,HOTICH,,1,1,1,1,1,1,1,1\n"
                  "XA-TAYXUAN,2026-07,Hộ tịch,,1,1,1,1,1,1,1,1\n",
         "bad.csv, line 3, column field"},
        {"missing required column",
         "unit,period,field,received_online,received_direct,carried_over\n"
         "XA-TAYXUAN,2026-07,HOTICH,1,1,1\n",
         "settled_early"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const std::string path = Write("bad.csv", c.text);
            try {
                services::ImportDossiers(Db(), path, "tester");
                BOOST_ERROR("the file was accepted");
            } catch (const UserError& e) {
                std::string where = e.where().file + ", line " + std::to_string(e.where().line) +
                                    ", column " + e.where().field;
                BOOST_TEST(where.find(c.where) != std::string::npos, where);
            }
            BOOST_TEST(storage::DossierRepository(Db().session()).Count() == 0);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(ratings_import_skips_duplicates_and_round_trips, IoFixture) {
    auto s = services::ImportRatings(Db(), Write("ratings.csv", RatingsCsv()), "tester");
    BOOST_TEST(s.inserted == 4);
    BOOST_TEST(s.skipped == 1);  // the last row repeats the first
    auto again = services::ImportRatings(Db(), Write("ratings.csv", RatingsCsv()), "tester");
    BOOST_TEST(again.inserted == 0);
    BOOST_TEST(again.skipped == 5);
    BOOST_TEST(Ratings() == 4);

    std::string csv = dir.File("r.csv"), xlsx = dir.File("r.xlsx");
    BOOST_TEST(services::ExportRatings(Db(), csv, "test") == 4);
    BOOST_TEST(services::ExportRatings(Db(), xlsx, "test") == 4);
    const std::string text = ReadFile(csv);
    BOOST_TEST(text.rfind("time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n"
                          "2024-01-05T09:41:00,XA-TAYXUAN,CB01,Đăng ký khai sinh,kiosk,5,5,5,\n",
                          0) == 0,
               text);
    BOOST_TEST(text.find("2024-01-05T11:15:00,XA-TAYXUAN,CB02,Đăng ký kết hôn,online,2,3,,") !=
               std::string::npos);
    // From XLSX into a database that has them all: all skipped.
    auto fromXlsx = services::ImportRatings(Db(), xlsx, "tester");
    BOOST_TEST(fromXlsx.skipped == 4);
    BOOST_TEST(fromXlsx.inserted == 0);
}

BOOST_FIXTURE_TEST_CASE(a_ratings_import_audits_each_new_rating_with_its_values, IoFixture) {
    storage::AuditRepository audit(Db().session());
    const long before = audit.Count();
    auto s = services::ImportRatings(Db(), Write("ratings.csv", RatingsCsv()), "tester");
    BOOST_REQUIRE(s.inserted == 4);
    // One entry per rating stored (the repeated row is not one), each with
    // the rating's values, who imported it and where it came from.
    BOOST_TEST(audit.Count() == before + 4);
    BOOST_TEST(audit.Count("ratings", std::string("import")) == 4);
    storage::RatingRepository ratings(Db().session());
    for (const auto& row : ratings.Page(ratings.FilterIds({}))) {
        const auto entries = audit.ForRow("ratings", row.id);
        BOOST_REQUIRE(entries.size() == 1u);
        const auto& e = entries[0];
        BOOST_TEST(e.user == "tester");
        BOOST_TEST(e.action == "insert");
        BOOST_TEST(e.field == "import");
        BOOST_TEST(!e.oldValue.has_value());
        BOOST_REQUIRE(e.newValue.has_value());
        const std::string& v = *e.newValue;
        BOOST_TEST(v.find(row.rating.ratedAt) != std::string::npos, v);
        BOOST_TEST(v.find(row.rating.procedure) != std::string::npos, v);
        BOOST_TEST(v.find(row.rating.channel) != std::string::npos, v);
        BOOST_TEST(v.find("officer_id") != std::string::npos, v);
        BOOST_TEST(v.find("attitude") != std::string::npos, v);
        if (!row.rating.citizen.empty())
            BOOST_TEST(v.find(row.rating.citizen) != std::string::npos, v);
    }
    // Importing them again stores nothing and audits nothing.
    auto again = services::ImportRatings(Db(), Write("ratings.csv", RatingsCsv()), "tester");
    BOOST_TEST(again.inserted == 0);
    BOOST_TEST(audit.Count() == before + 4);
    // A refused file audits nothing either.
    BOOST_CHECK_THROW(
        services::ImportRatings(Db(),
                                Write("bad.csv",
                                      "time,unit,officer,procedure,channel,attitude\n"
                                      "2024-03-01T08:00:00,XA-TAYXUAN,CB01,Khai sinh,kiosk,4\n"
                                      "2024-03-01T09:00:00,XA-TAYXUAN,CB01,Khai sinh,kiosk,9\n"),
                                "tester"),
        UserError);
    BOOST_TEST(audit.Count() == before + 4);
}

BOOST_FIXTURE_TEST_CASE(a_refused_ratings_file_stores_nothing, IoFixture) {
    struct Case {
        const char* what;
        std::string line;
        const char* field;
    };
    const Case cases[] = {
        {"unknown officer", "2024-03-01T08:00:00,XA-TAYXUAN,CB99,Khai sinh,kiosk,5,5,5,",
         "officer"},
        {"score 6", "2024-03-01T08:00:00,XA-TAYXUAN,CB01,Khai sinh,kiosk,6,5,5,", "attitude"},
        {"no score", "2024-03-01T08:00:00,XA-TAYXUAN,CB01,Khai sinh,kiosk,,,,", "attitude"},
        {"bad channel", "2024-03-01T08:00:00,XA-TAYXUAN,CB01,Khai sinh,fax,5,5,5,", "channel"},
        {"bad time", "2024-02-30T08:00:00,XA-TAYXUAN,CB01,Khai sinh,kiosk,5,5,5,", "time"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            // Many good rows first, so that some batches were written before.
            std::string text =
                "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n";
            for (int i = 0; i < 12000; ++i)
                text += "2024-01-01T07:" + std::string(i % 600 / 60 < 10 ? "0" : "") +
                        std::to_string(i % 600 / 60) + ":" + (i % 60 < 10 ? "0" : "") +
                        std::to_string(i % 60) + ",XA-TAYXUAN,CB01,P" + std::to_string(i) +
                        ",kiosk,5,4,4,\n";
            text += c.line + "\n";
            try {
                services::ImportRatings(Db(), Write("bad.csv", text), "tester");
                BOOST_ERROR("the file was accepted");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().line == 12002);
                BOOST_TEST(e.where().field == c.field);
            }
            BOOST_TEST(Ratings() == 0);
        }
    }
}

namespace {
// Cancels once the import has reported some progress.
struct CancelAfterFirstStep : Progress {
    int steps = 0;
    void Report(const std::string&, double) override { ++steps; }
    bool Cancelled() const override { return steps >= 2; }
};
}  // namespace

BOOST_FIXTURE_TEST_CASE(a_cancelled_ratings_import_stores_nothing, IoFixture) {
    std::string text = "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n";
    for (int i = 0; i < 30000; ++i)
        text += "2024-01-01T08:00:00,XA-TAYXUAN,CB01,P" + std::to_string(i) + ",kiosk,5,5,5,\n";
    CancelAfterFirstStep progress;
    BOOST_CHECK_THROW(services::ImportRatings(Db(), Write("many.csv", text), "tester", &progress),
                      CancelledError);
    BOOST_TEST(progress.steps >= 2);
    BOOST_TEST(Ratings() == 0);
}

BOOST_FIXTURE_TEST_CASE(survey_summaries_per_field_unit_and_officer, IoFixture) {
    services::ImportTallies(Db(), Write("tallies.csv", kTallies), "tester");
    services::SurveyQuery q;
    q.period = "2024-Q1";
    auto byField = services::SurveyByField(Db(), q);
    BOOST_TEST_REQUIRE(byField.size() == 3u);
    // Units by name: Tây Phú before Tây Xuân; fields in catalogue order.
    BOOST_TEST(byField[0].unit == "XA-TAYPHU");
    BOOST_TEST(byField[0].settled == 10);
    BOOST_TEST(*byField[0].coverage == 80.0);  // not above 80%
    BOOST_TEST(static_cast<int>(byField[0].status) == static_cast<int>(CoverageStatus::Below));
    BOOST_TEST(byField[1].field == "HOTICH");
    BOOST_TEST(byField[1].settled == 50);
    BOOST_TEST(byField[1].responses == 43);
    BOOST_TEST(byField[1].satisfied == 36);
    BOOST_TEST(byField[2].field == "CHUNGTHUC");
    BOOST_TEST(byField[2].satisfied == 10);  // the top level of 3
    q.unitCode = "XA-TAYXUAN";
    BOOST_TEST(services::SurveyByField(Db(), q).size() == 2u);
    q.unitCode = "H-TAYSON";  // the district: its communes
    BOOST_TEST(services::SurveyByField(Db(), q).size() == 3u);

    q.unitCode.clear();
    auto byUnit = services::SurveyByUnit(Db(), q);
    BOOST_TEST_REQUIRE(byUnit.size() == 2u);
    BOOST_TEST(byUnit[0].unit == "XA-TAYXUAN");  // 46/55 satisfied vs 4/8
    BOOST_TEST(*byUnit[0].rank == 1);
    BOOST_TEST(*byUnit[1].rank == 2);

    // The monthly grid: each unit (by name) with its months in order.
    auto byMonth = services::SurveyByUnitAndMonth(Db(), q);
    BOOST_TEST_REQUIRE(byMonth.size() == 3u);
    BOOST_TEST(byMonth[0].unit.unit == "XA-TAYPHU");
    BOOST_TEST(byMonth[0].month == "2024-03");
    BOOST_TEST(byMonth[1].unit.unit == "XA-TAYXUAN");
    BOOST_TEST(byMonth[1].month == "2024-01");
    BOOST_TEST(byMonth[1].unit.settled == 42);
    BOOST_TEST(byMonth[1].unit.responses == 37);
    BOOST_TEST(byMonth[1].unit.satisfied == 30);  // 15 + 5 of five levels, 10 of three
    BOOST_TEST(byMonth[2].month == "2024-02");
    BOOST_TEST(*byMonth[2].unit.coverage == 90.0);  // 18 of 20

    services::ImportRatings(Db(), Write("ratings.csv", RatingsCsv()), "tester");
    q.period = "2024-01";
    q.minimumSample = 2;
    auto officers = services::SurveyByOfficer(Db(), q);
    BOOST_TEST_REQUIRE(officers.size() == 2u);  // CB03 rated in February
    BOOST_TEST(officers[0].officer == "CB01");
    BOOST_TEST(officers[0].ratings == 2);
    BOOST_TEST(*officers[0].satisfiedShare == 50.0);
    BOOST_TEST(*officers[0].rank == 1);
    BOOST_TEST(officers[1].officer == "CB02");
    BOOST_TEST(!officers[1].rank.has_value());  // one rating: below the minimum
    BOOST_TEST(!officers[1].guidance.has_value());
    // Under the cut-off window January runs 15/12/2023 - 14/01/2024: the same
    // ratings; February's cut-off (15/01 - 14/02) holds CB03's.
    q.period = "2024-02";
    q.window = WindowKind::CutOff;
    BOOST_TEST(services::SurveyByOfficer(Db(), q).size() == 1u);
    q.window = WindowKind::Calendar;
    BOOST_TEST(services::SurveyByOfficer(Db(), q).size() == 1u);
    q.period = "2024-13";
    BOOST_CHECK_THROW(services::SurveyByOfficer(Db(), q), UserError);
}

BOOST_FIXTURE_TEST_CASE(satisfaction_criterion_filled_from_tallies_keeps_user_figures, IoFixture) {
    services::ImportTallies(Db(), Write("tallies.csv", kTallies), "tester");
    // Tây Phú's figure was typed by a user: it stays.
    storage::FrameworkRepository fw(Db().session());
    auto qd766 = fw.Load(*fw.IdByCode("QD766"));
    std::int64_t crit = 0;
    for (const auto& c : qd766->criteria)
        if (c.code == "5.3") crit = c.id;
    ResultRecord manual;
    manual.unitId = storage::UnitRepository(Db().session()).ByCode("XA-TAYPHU")->id;
    manual.criterionId = crit;
    manual.period = "2024-Q1";
    manual.numerator = 7, manual.denominator = 8;
    storage::ResultRepository(Db().session()).Insert(manual, "clerk");

    auto s = services::FillCriterionFromSurveys(Db(), "QD766", "5.3", "2024-Q1", "tester");
    BOOST_TEST(s.written == 1);
    BOOST_TEST(s.keptManual == 1);
    storage::ResultRepository results(Db().session());
    auto xuan = storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN")->id;
    auto r = results.Find(xuan, crit, "2024-Q1");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->source == "survey");
    BOOST_TEST(*r->numerator == 46.0);
    BOOST_TEST(*r->denominator == 55.0);
    BOOST_TEST(*results.Find(manual.unitId, crit, "2024-Q1")->numerator == 7.0);
    // The scoring grid's sheet says where the figure came from; a figure
    // typed over it makes it the user's.
    {
        services::ResultSheetService sheets(Db(), "clerk");
        auto sheet = sheets.Load("XA-TAYXUAN", "QD766", "2024-Q1");
        auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                                [](const auto& x) { return x.code == "5.3"; });
        BOOST_REQUIRE(row != sheet.rows.end());
        BOOST_TEST(row->source == "survey");
        sheet = sheets.Apply(sheet, {{"5.3", ResultField::Numerator, 47.0, ""}});
        BOOST_TEST(results.Find(xuan, crit, "2024-Q1")->source == "manual");
        sheet = sheets.Apply(sheet, {{"5.3", ResultField::Numerator, 46.0, ""}});
    }
    // Filled again: nothing changes for the figure the user typed back.
    auto again = services::FillCriterionFromSurveys(Db(), "QD766", "5.3", "2024-Q1", "tester");
    BOOST_TEST(again.written == 0);
    // A criterion that is not a rate is refused.
    BOOST_CHECK_THROW(services::FillCriterionFromSurveys(Db(), "TT01-2018", "1", "2024-Q1", "t"),
                      UserError);
    // The ranking sees the filled figure: 46/55 = 83.6% of the 0.9 target.
    auto rank = services::RankUnits(Db(), "QD766", "2024-Q1", false, "test");
    BOOST_TEST(!rank.empty());
}

// A name that matches nothing is refused naming the nearest ones, with
// their codes; a name that fits two (two fields both called "Hộ tịch"
// after their group, two officers of one name) lists both; nothing stored.
BOOST_FIXTURE_TEST_CASE(unknown_and_ambiguous_names_are_refused_with_the_ones_meant, IoFixture) {
    const std::string head =
        "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,dissatisfied,"
        "very_dissatisfied\n";
    auto refusal = [&](const std::string& name, const std::string& text, auto import) {
        try {
            import(Write(name, text));
        } catch (const UserError& e) {
            return std::string(e.what());
        }
        return std::string("stored");
    };
    auto tallies = [&](const std::string& path) { services::ImportTallies(Db(), path, "t"); };
    std::string why =
        refusal("a.csv", head + "XA-TAYXUAN,2026-09,Hộ tịc,10,5,1,2,1,1,0\n", tallies);
    BOOST_TEST(why.find("Tư pháp - Hộ tịch (HOTICH)") != std::string::npos, why);
    why = refusal("b.csv", head + "Tây Xuan,2026-09,HOTICH,10,5,1,2,1,1,0\n", tallies);
    BOOST_TEST(why.find("stored") != std::string::npos, why);  // a name without its kind
    why = refusal("c.csv", head + "Tây Xuâm,2026-09,HOTICH,10,5,1,2,1,1,0\n", tallies);
    BOOST_TEST(why.find("Xã Tây Xuân (XA-TAYXUAN)") != std::string::npos, why);
    why = refusal("d.csv", head + "XA-TAYXUAN,2026-09,Hoàn toàn khác,10,5,1,2,1,1,0\n", tallies);
    BOOST_TEST(why.find("(") == std::string::npos, why);  // nothing near: none named

    // Two fields named "Hộ tịch" after their group.
    storage::CatalogueRepository(Db().session())
        .EnsureProcedureField({0, "HOTICH2", "Công an - Hộ tịch", 0});
    why = refusal("e.csv", head + "XA-TAYXUAN,2026-10,Hộ tịch,10,5,1,2,1,1,0\n", tallies);
    BOOST_TEST(why.find("HOTICH)") != std::string::npos, why);
    BOOST_TEST(why.find("HOTICH2)") != std::string::npos, why);
    BOOST_TEST(Tallies() == 1);  // only b.csv's

    // Two officers of one name in the ratings.
    Person twin;
    twin.code = "CB09", twin.fullName = "Nguyễn Văn An";
    twin.unitId = storage::UnitRepository(Db().session()).ByCode("XA-TAYPHU")->id;
    storage::PersonRepository(Db().session()).Insert(twin);
    auto ratings = [&](const std::string& path) { services::ImportRatings(Db(), path, "t"); };
    why = refusal("f.csv",
                  "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n"
                  "2026-09-02T08:00:00,XA-TAYXUAN,Nguyễn Văn An,Khai sinh,kiosk,5,5,5,\n",
                  ratings);
    BOOST_TEST(why.find("CB01") != std::string::npos, why);
    BOOST_TEST(why.find("CB09") != std::string::npos, why);
    BOOST_TEST(Ratings() == 0);
}

BOOST_FIXTURE_TEST_CASE(a_checked_import_lists_every_wrong_line_and_stores_nothing, IoFixture) {
    // Headers as a one-stop system writes them, the field by its short name,
    // one column ("SL phiếu") that only the user can map.
    const std::string head =
        "Đơn vị,Tháng,Lĩnh vực,Số hồ sơ đã giải quyết,SL phiếu,Hài lòng,Bình thường,Không hài "
        "lòng,Ghi chú\n";
    const std::string bad = Write("bad.csv", head +
                                                 "Xã Tây Xuân,2024-01,Hộ tịch,30,25,20,3,2,\n"
                                                 "Xã Tây Xuân,2024-02,Hộ tịch,30,26,20,3,2,\n"
                                                 "Xã Tây Phú,2024-02,Thủy sản,10,5,5,0,0,\n"
                                                 "Xã Tây Phú,2024-03,hộ tịch,10,5,5,0,0,\n");
    tableio::ReadOptions read;
    // Without the user's mapping a required column is missing: one problem
    // of the whole file.
    auto check = services::CheckImport(Db(), "tallies", bad, "tester", read);
    BOOST_REQUIRE(check.problems.size() == 1u);
    BOOST_TEST(check.problems[0].where.field == "responses");
    BOOST_TEST(check.stoppedEarly);
    read.columns = {{4, "responses"}, {8, ""}};
    check = services::CheckImport(Db(), "tallies", bad, "tester", read);
    BOOST_REQUIRE(check.problems.size() == 2u);
    BOOST_TEST(check.problems[0].where.line == 3);
    BOOST_TEST(check.problems[0].where.field == "responses");
    BOOST_TEST(check.problems[1].where.line == 4);
    BOOST_TEST(check.problems[1].where.field == "field");
    BOOST_TEST(!check.stoppedEarly);
    BOOST_TEST(check.outcome.inserted == 0);
    BOOST_TEST(Tallies() == 0);
    // At most the number asked for.
    check = services::CheckImport(Db(), "tallies", bad, "tester", read, nullptr, 1);
    BOOST_TEST(check.problems.size() == 1u);
    BOOST_TEST(check.stoppedEarly);

    const std::string good = Write("good.csv", head +
                                                   "Xã Tây Xuân,2024-01,Hộ tịch,30,25,20,3,2,\n"
                                                   "Xã Tây Phú,2024-03,hộ tịch,10,5,5,0,0,\n");
    check = services::CheckImport(Db(), "tallies", good, "tester", read);
    BOOST_TEST(check.problems.empty());
    BOOST_TEST(check.outcome.inserted == 2);
    BOOST_TEST(Tallies() == 0);  // checked, not stored
    const auto done = services::RunImport(Db(), "tallies", good, "tester", read);
    BOOST_TEST(done.inserted == 2);
    BOOST_TEST(Tallies() == 2);
    BOOST_TEST(services::CheckImport(Db(), "tallies", good, "tester", read).outcome.unchanged == 2);
    BOOST_TEST(services::FindImportKind("plans") == services::FindImportKind("tasks"));
    BOOST_TEST(!services::FindImportKind("nothing"));
    BOOST_CHECK_THROW(services::RunImport(Db(), "nothing", good, "tester", read), UserError);
}

BOOST_FIXTURE_TEST_CASE(every_import_kind_is_offered_with_its_columns, IoFixture) {
    for (const char* id : {"units", "people", "lineage", "frameworks", "results", "tasks",
                           "assignments", "tallies", "dossiers", "ratings"}) {
        const auto* kind = services::FindImportKind(id);
        BOOST_REQUIRE_MESSAGE(kind, id);
        bool required = false;
        for (const auto& c : kind->columns()) required = required || c.required;
        BOOST_TEST(required, id);
    }
    BOOST_TEST(services::ImportKinds().size() == 10u);
    // A checked ratings file stores nothing either.
    const std::string path = Write("ratings.csv", RatingsCsv());
    const auto check = services::CheckImport(Db(), "ratings", path, "tester", {});
    BOOST_TEST(check.problems.empty());
    BOOST_TEST(check.outcome.inserted == 4);
    BOOST_TEST(check.outcome.skipped == 1);
    BOOST_TEST(Ratings() == 0);
}

BOOST_FIXTURE_TEST_CASE(the_procedure_field_catalogue_is_edited_and_imports_follow_it, IoFixture) {
    const auto before = services::ListProcedureFields(Db(), "tester");
    BOOST_REQUIRE(!before.empty());
    // A field of the office's own, with the names its files use.
    storage::ProcedureFieldRecord fish;
    fish.code = "THUYSAN";
    fish.name = "Nông nghiệp - Thủy sản";
    fish.aliases = {"Nuôi trồng thủy sản; TS", " ts "};
    fish.id = services::SaveProcedureField(Db(), fish, "tester");
    auto fields = services::ListProcedureFields(Db(), "tester");
    BOOST_REQUIRE(fields.size() == before.size() + 1);
    const auto stored = fields.back();
    BOOST_TEST(stored.code == "THUYSAN");
    BOOST_TEST(stored.aliases == (std::vector<std::string>{"Nuôi trồng thủy sản", "TS"}));
    // A tallies file naming it by an alias, any case.
    const std::string head = "unit,period,field,settled,responses,satisfied,neutral,dissatisfied\n";
    auto s = services::ImportTallies(
        Db(),
        Write("ts.csv", head + "XA-TAYXUAN,2024-05,ts,10,5,5,0,0\n"
                               "XA-TAYXUAN,2024-06,nuoi trong thuy san,10,5,5,0,0\n"),
        "tester");
    BOOST_TEST(s.inserted == 2);
    // A name that already answers to another field is refused, naming it.
    storage::ProcedureFieldRecord other = before.front();
    other.aliases = {"TS"};
    try {
        services::SaveProcedureField(Db(), other, "tester");
        BOOST_FAIL("an alias of another field was accepted");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == "aliases");
        BOOST_TEST(e.message().find("THUYSAN") != std::string::npos, e.message());
    }
    storage::ProcedureFieldRecord spaced = fish;
    spaced.id = 0;
    spaced.code = "THUY SAN";
    spaced.name = "Khác";
    spaced.aliases.clear();
    BOOST_CHECK_THROW(services::SaveProcedureField(Db(), spaced, "tester"), UserError);
    // Renamed and retired: no longer in the entry grids, its figures kept.
    auto renamed = stored;
    renamed.name = "Thủy sản";
    renamed.active = false;
    services::SaveProcedureField(Db(), renamed, "tester");
    const auto active = storage::CatalogueRepository(Db().session()).ActiveProcedureFields();
    BOOST_TEST(
        std::none_of(active.begin(), active.end(), [&](const auto& f) { return f.id == fish.id; }));
    BOOST_TEST(services::ListProcedureFields(Db(), "tester").back().name == "Thủy sản");
    BOOST_TEST(Tallies() == 2);
    // Saved against the version read before: another desk changed it since.
    BOOST_CHECK_THROW(services::SaveProcedureField(Db(), stored, "tester"),
                      storage::ConcurrentEditError);
}

BOOST_FIXTURE_TEST_CASE(a_units_other_names_find_it_in_files, IoFixture) {
    services::OrganisationService org(Db(), "tester");
    Unit xuan = *storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN");
    xuan.aliases = ParseAliases("UBND xã Tây Xuân; TX");
    const Unit saved = org.SaveUnit(xuan);
    BOOST_TEST(saved.aliases == (std::vector<std::string>{"UBND xã Tây Xuân", "TX"}));
    BOOST_TEST(storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN")->aliases ==
               saved.aliases);
    const std::string head = "unit,period,field,settled,responses,satisfied,neutral,dissatisfied\n";
    auto s = services::ImportTallies(
        Db(),
        Write("alias.csv", head + "ubnd xa tay xuan,2024-07,HOTICH,10,5,5,0,0\n"
                                  "tx,2024-08,HOTICH,10,5,5,0,0\n"),
        "tester");
    BOOST_TEST(s.inserted == 2);
    // A units import without the column keeps them.
    services::ImportUnits(
        Db(),
        Write("units.csv", "code,name,kind,parent\nXA-TAYXUAN,Xã Tây Xuân,commune,H-TAYSON\n"),
        "tester");
    BOOST_TEST(storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN")->aliases.size() == 2u);
    // The same other name on a second unit fits both: refused, naming them.
    Unit phu = *storage::UnitRepository(Db().session()).ByCode("XA-TAYPHU");
    phu.aliases = {"TX"};
    org.SaveUnit(phu);
    try {
        services::ImportTallies(Db(), Write("two.csv", head + "TX,2024-09,HOTICH,10,5,5,0,0\n"),
                                "tester");
        BOOST_FAIL("a name two units share was accepted");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == "unit");
    }
}

BOOST_AUTO_TEST_SUITE_END()
