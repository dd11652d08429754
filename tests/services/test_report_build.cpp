// The printed reports built from an office's data on both backends, read
// back the way a user sees them: the quarterly report of the demo office
// (header of Decree 30, number, place and date in words, Vietnamese figures,
// page numbers from page 2), a ranking of 200 communes repeating its header
// on every page, seed 002's plan with every item, the DOCX through
// LibreOffice, the XLSX cells, and an issued report reprinted byte for byte.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "core/errors.h"
#include "core/vnformat.h"
#include "document_files.h"
#include "fixture.h"
#include "report/render.h"
#include "services/app/demo.h"
#include "services/frameworks/framework_io.h"
#include "services/io/table_io.h"
#include "services/org/org_io.h"
#include "services/org/organisation.h"
#include "services/plans/assignments.h"
#include "services/plans/plan_io.h"
#include "services/plans/task_board.h"
#include "services/reports/report_archive.h"
#include "services/reports/reports.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/surveys.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"
#include "storage/report_data_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
// The last block of type T in the document, or nullptr.
template <class T>
const T* LastBlock(const report::Document& doc) {
    const T* found = nullptr;
    for (const auto& s : doc.sections)
        for (const auto& b : s.blocks)
            if (auto x = std::get_if<T>(&b)) found = x;
    return found;
}

// LibreOffice is optional: the DOCX check is skipped without it.
bool SkipWithout(const std::string& tool) {
    if (HaveTool(tool)) return false;
    BOOST_TEST_MESSAGE("skipped: " << tool << " is not installed");
    return true;
}

// Whitespace (line breaks of the layout) folded to single spaces.
std::string Folded(const std::string& text) {
    std::string out;
    bool space = false;
    for (char ch : text) {
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\f' || ch == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

struct DemoFixture : DbFixture {
    explicit DemoFixture(int communes = 18, long ratings = 2000) {
        services::DemoOptions o;
        o.communes = communes;
        o.years = 2;
        o.ratings = ratings;
        o.lastYear = 2025;
        o.districtOffice = true;  // Tây Sơn and its communes, as before July 2025
        services::BuildDemo(Db(), o, nullptr);
    }
    services::ReportRequest Quarterly() {
        services::ReportRequest r;
        r.type = "quarterly";
        r.period = "2025-Q4";
        r.issuedOn = Date{2026, 1, 5};
        return r;
    }
};

struct Demo200 : DemoFixture {
    Demo200() : DemoFixture(200, 0) {}
};

}  // namespace

BOOST_AUTO_TEST_SUITE(report_build)

BOOST_FIXTURE_TEST_CASE(quarterly_report_of_the_demo_office_reads_like_decree_30, DemoFixture) {
    RequireTool("pdftotext");
    auto built = services::BuildReport(Db(), Quarterly());
    BOOST_TEST(built.number == 1);  // the first report of the office in 2026
    BOOST_TEST(built.kindSymbol == "BC");
    std::string pdf = dir.File("quarterly.pdf");
    report::RenderFile(built.document, pdf);
    BOOST_REQUIRE(PdfPages(pdf) >= 2);
    const std::string page1 = PdfText(pdf, 1, 1);
    for (const char* s : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Số: 01/BC-NV", "Tây Sơn, ngày 05 tháng 01 năm 2026", "BÁO CÁO",
                          "Kết quả thực hiện công tác cải cách hành chính quý IV năm 2025"})
        BOOST_TEST_CONTEXT(s) { BOOST_TEST(Folded(page1).find(s) != std::string::npos); }
    const std::string all = PdfText(pdf);
    BOOST_TEST(std::regex_search(all, std::regex("\\d+,\\d\\d%")));  // e.g. 54,84%
    // The completion rate says what it counts, and the cancelled tasks are
    // named beside it.
    BOOST_TEST(std::regex_search(Folded(all), std::regex("\\(đạt \\d+,\\d\\d% số nhiệm vụ không "
                                                         "bị hủy bỏ\\).*hủy bỏ \\d+;")),
               all);
    // Headings "I." in capitals throughout, the period's words too.
    BOOST_TEST(Folded(all).find("V. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I NĂM 2026") != std::string::npos,
               all);
    BOOST_TEST(all.find("Tình hình thực hiện nhiệm vụ khắc phục") != std::string::npos);
    BOOST_TEST(all.find("Khảo sát mức độ hài lòng") != std::string::npos);
    BOOST_TEST(all.find("Nơi nhận:") != std::string::npos);
    BOOST_TEST(FirstLine(page1) != "1");
    BOOST_TEST(FirstLine(PdfText(pdf, 2, 2)) == "2");
}

BOOST_FIXTURE_TEST_CASE(quarterly_report_prints_the_clerks_narrative_and_a_commune_header,
                        DemoFixture) {
    RequireTool("pdftotext");
    auto unit = storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN");
    BOOST_REQUIRE(unit);
    services::ReportArchive(Db(), "test")
        .SaveNarratives(
            unit->id, "2025-Q4", "quarterly",
            {{"direction", "Ủy ban nhân dân xã đã ban hành Kế hoạch số 05/KH-UBND về CCHC."}});
    auto req = Quarterly();
    req.unitCode = "XA-TAYXUAN";
    req.number = 7;
    auto built = services::BuildReport(Db(), req);
    std::string pdf = dir.File("xa.pdf");
    report::RenderFile(built.document, pdf);
    const std::string text = Folded(PdfText(pdf));
    for (const char* s :
         {"ỦY BAN NHÂN DÂN XÃ TÂY XUÂN", "Số: 07/BC-UBND", "Tây Xuân, ngày 05 tháng 01 năm 2026",
          "đã ban hành Kế hoạch số 05/KH-UBND", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lưu: VT, VP.",
          "Tiến độ thực hiện từng nhiệm vụ và kết quả báo cáo trong kỳ"})
        BOOST_TEST_CONTEXT(s) { BOOST_TEST(text.find(s) != std::string::npos); }
    // An unwritten section is left as a dotted line to fill in.
    BOOST_TEST(text.find("………") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(quarterly_report_follows_the_programme_areas_with_their_figures,
                        DemoFixture) {
    RequireTool("pdftotext");
    const std::int64_t office = services::OrganisationService(Db(), "test").Office().unitId;
    services::ReportArchive archive(Db(), "test");
    // The previous quarter set its tasks; this one wrote on institutions.
    archive.SaveNarratives(office, "2025-Q3", "quarterly",
                           {{"next", "Hoàn thành rà soát thủ tục hành chính trước 31/12/2025."}});
    archive.SaveNarratives(office, "2025-Q4", "quarterly",
                           {{"institutions", "Ban hành 03 văn bản quy phạm pháp luật."}});
    auto built = services::BuildReport(Db(), Quarterly());
    std::string pdf = dir.File("areas.pdf");
    report::RenderFile(built.document, pdf);
    const std::string text = Folded(PdfText(pdf));
    // Every area of the programme, in the order of the yearly plan.
    std::size_t at = 0;
    for (const char* heading :
         {"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
          "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
          "Nhiệm vụ đề ra cho quý IV năm 2025 tại báo cáo kỳ trước:",
          "Hoàn thành rà soát thủ tục hành chính trước 31/12/2025.", "1. Cải cách thể chế",
          "Ban hành 03 văn bản quy phạm pháp luật.",
          "2. Cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông",
          "a) Tình hình tiếp nhận, giải quyết hồ sơ thủ tục hành chính",
          "3. Cải cách tổ chức bộ máy hành chính nhà nước", "4. Cải cách chế độ công vụ",
          "5. Cải cách tài chính công",
          "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
          "III. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH, MỨC ĐỘ HÀI LÒNG VÀ KHẮC PHỤC TỒN TẠI, HẠN "
          "CHẾ",
          "1. Kết quả Chỉ số cải cách hành chính", "2. Khảo sát mức độ hài lòng",
          "3. Tình hình thực hiện nhiệm vụ khắc phục", "IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
          "V. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I NĂM 2026", "VI. ĐỀ XUẤT, KIẾN NGHỊ"})
        BOOST_TEST_CONTEXT(heading) {
            const auto found = text.find(heading, at);
            BOOST_TEST(found != std::string::npos, text);
            if (found != std::string::npos) at = found;
        }
    // Each area's tasks, as the database counts them by item, and the points
    // lost in it on the 2025 index.
    std::regex sentence("Nhiệm vụ khắc phục thuộc lĩnh vực này: ([\\d.]+) nhiệm vụ");
    long inAreas = 0;
    int areas = 0;
    for (std::sregex_iterator m(text.begin(), text.end(), sentence), end; m != end; ++m) {
        std::string n = (*m)[1];
        n.erase(std::remove(n.begin(), n.end(), '.'), n.end());
        inAreas += std::stol(n);
        ++areas;
    }
    BOOST_TEST(areas == 7);  // direction and the six areas of part II
    services::TaskBoard board(Db(), Date{2025, 12, 31}, "test");
    long byItems = 0, rootsOfAreas = 0;
    for (const auto& item : board.CountsByItem({})) byItems += item.counts.Total();
    const auto all = board.Counts({});
    BOOST_TEST(byItems == all.Total());
    // The demo's tasks outside the seven areas are those of its eighth field
    // (impact and satisfaction): criteria coded "8.…".
    storage::FrameworkRepository frameworks(Db().session());
    std::map<std::int64_t, std::string> codes;
    for (const auto& summary : frameworks.List())
        if (auto fw = frameworks.Load(summary.id))
            for (const auto& c : fw->criteria) codes[c.id] = c.code;
    for (const auto& item : board.CountsByItem({})) {
        BOOST_REQUIRE(item.criterionId.has_value());
        if (codes.at(*item.criterionId).rfind("8.", 0) != 0) rootsOfAreas += item.counts.Total();
    }
    BOOST_TEST(inAreas == rootsOfAreas);
    BOOST_TEST(std::regex_search(
        text,
        std::regex("Chỉ số CCHC năm 2025: các đơn vị bị trừ tổng cộng [\\d,]+ điểm ở lĩnh vực "
                   "này, nhiều nhất ở tiêu chí 3\\.")));
}

BOOST_FIXTURE_TEST_CASE(the_office_reads_each_communes_section_beside_its_figures, DemoFixture) {
    RequireTool("pdftotext");
    auto unit = storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN");
    BOOST_REQUIRE(unit);
    services::ReportArchive(Db(), "test")
        .SaveNarratives(unit->id, "2025-Q4", "quarterly",
                        {{"procedures", "Tiếp nhận 1.200 hồ sơ, 98% đúng hạn."}});
    const auto sections = services::CommuneSections(Db(), "test", "2025-Q4", "procedures");
    BOOST_TEST(sections.size() == 18u);
    int written = 0;
    for (const auto& c : sections) {
        BOOST_TEST(!c.figures.empty());
        if (!c.body.empty()) ++written;
    }
    BOOST_TEST(written == 1);
    auto it = std::find_if(sections.begin(), sections.end(),
                           [](const auto& c) { return c.unitCode == "XA-TAYXUAN"; });
    BOOST_REQUIRE(it != sections.end());
    BOOST_TEST(it->body == "Tiếp nhận 1.200 hồ sơ, 98% đúng hạn.");
    // Its figures are those its own report prints under the section.
    auto req = Quarterly();
    req.unitCode = "XA-TAYXUAN";
    auto built = services::BuildReport(Db(), req);
    std::string pdf = dir.File("xa-areas.pdf");
    report::RenderFile(built.document, pdf);
    BOOST_TEST(Folded(PdfText(pdf)).find(it->figures) != std::string::npos, it->figures);
    // In the order of names (Bình … before Tây …).
    auto first = [&](const char* word) {
        return std::find_if(sections.begin(), sections.end(), [&](const auto& c) {
            return c.unitName.find(word) != std::string::npos;
        });
    };
    BOOST_TEST((first("Bình") < first("Tây")));
    // The office sees who has not written.
    const auto missing = services::CommunesNotWritten(Db(), "test", "2025-Q4");
    BOOST_TEST(missing.size() == 17u);
    for (const auto& u : missing) BOOST_TEST(u.code != "XA-TAYXUAN");
    BOOST_CHECK_THROW(services::CommuneSections(Db(), "test", "2025-Q5", "procedures"), UserError);
}

BOOST_FIXTURE_TEST_CASE(the_ranking_table_is_an_annex_of_the_report_by_number_and_date,
                        DemoFixture) {
    RequireTool("pdftotext");
    services::ReportRequest r;
    r.type = "ranking";
    r.period = "2025";
    r.number = 5;
    r.issuedOn = Date{2026, 10, 5};
    auto built = services::BuildReport(Db(), r);
    std::string pdf = dir.File("ranking-annex.pdf");
    report::RenderFile(built.document, pdf);
    const std::string text = Folded(PdfText(pdf));
    const auto signature = text.find("Nơi nhận:");
    const auto annex = text.find("PHỤ LỤC");
    BOOST_REQUIRE(signature != std::string::npos);
    BOOST_REQUIRE(annex != std::string::npos);
    BOOST_TEST(annex > signature);
    BOOST_TEST(std::regex_search(text.substr(annex),
                                 std::regex("^PHỤ LỤC Bảng xếp hạng Chỉ số cải cách hành chính .* "
                                            "\\(Kèm theo Báo cáo số 05/BC-[^ ]+ ngày 05/10/2026 "
                                            "của [^)]+\\) Xếp hạng")),
               text.substr(annex, 300));
    // Italic, as the plan's annex line.
    bool italic = false;
    for (const auto& sec : built.document.sections)
        for (const auto& b : sec.blocks)
            if (auto p = std::get_if<report::Paragraph>(&b))
                italic |= !p->runs.empty() && p->runs[0].italic &&
                          p->runs[0].text.rfind("(Kèm theo Báo cáo số 05/", 0) == 0;
    BOOST_TEST(italic);
    // The assignments annex names the unit's plan of the year by number and date.
    services::ReportRequest a;
    a.type = "assignments";
    a.period = "2025";
    a.unitCode = "XA-TAYXUAN";
    a.framework = "PAR-XA-2025";
    auto unit = storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN");
    BOOST_REQUIRE(unit);
    std::optional<PlanRecord> plan;
    for (const auto& p : storage::PlanRepository(Db().session()).All())
        if (p.unitId == unit->id && p.year == 2025 && !p.number.empty() && p.issuedOn) plan = p;
    BOOST_REQUIRE(plan);
    auto assignments = services::BuildReport(Db(), a);
    std::string apdf = dir.File("assignments-annex.pdf");
    report::RenderFile(assignments.document, apdf);
    BOOST_TEST(Folded(PdfText(apdf))
                   .find("(Kèm theo Kế hoạch số " + plan->number + " ngày " +
                         FormatDate(*Date::ParseIso(*plan->issuedOn))) != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_ranking_of_200_communes_repeats_its_header_on_every_page, Demo200) {
    RequireTool("pdftotext");
    services::ReportRequest r;
    r.type = "ranking";
    r.period = "2025";
    r.issuedOn = Date{2026, 1, 5};
    auto built = services::BuildReport(Db(), r);
    std::string pdf = dir.File("ranking.pdf");
    report::RenderFile(built.document, pdf);
    const int pages = PdfPages(pdf);
    int tablePages = 0;
    for (int p = 2; p <= pages; ++p) {
        const std::string text = PdfText(pdf, p, p);
        if (text.find("XA-") == std::string::npos && text.find("TT-") == std::string::npos)
            continue;
        ++tablePages;
        BOOST_TEST_CONTEXT("page " << p) {
            BOOST_TEST(text.find("Điểm tối đa") != std::string::npos);
            BOOST_TEST(text.find("Xếp loại") != std::string::npos);
        }
    }
    BOOST_TEST(tablePages >= 5);
    BOOST_TEST(PdfText(pdf).find("Số đơn vị theo xếp loại") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(every_report_type_builds_from_the_demo_office, DemoFixture) {
    // The QR cards need the office's rating page.
    storage::SettingsRepository(Db().session())
        .Set("qr.url_template", "https://danhgia.example.vn/{unit_code}?cb={officer_code}");
    for (const auto& type : services::ReportTypes()) {
        if (type.key == "plan" || type.key == "assignments") continue;  // need their own data
        BOOST_TEST_CONTEXT(type.key) {
            services::ReportRequest r;
            r.type = type.key;
            r.period = "2025-Q4";
            r.issuedOn = Date{2026, 1, 5};
            auto built = services::BuildReport(Db(), r);
            BOOST_TEST(!built.document.sections.empty());
            BOOST_TEST(!built.title.empty());
        }
    }
}

BOOST_FIXTURE_TEST_CASE(wrong_requests_name_the_argument, DemoFixture) {
    auto field = [&](services::ReportRequest r) -> std::string {
        try {
            services::BuildReport(Db(), r);
        } catch (const UserError& e) {
            return e.where().field;
        }
        return "";
    };
    auto r = Quarterly();
    r.type = "weekly";
    BOOST_TEST(field(r) == "type");
    r = Quarterly();
    r.period = "2025-Q5";
    BOOST_TEST(field(r) == "period");
    r = Quarterly();
    r.unitCode = "NO-SUCH-UNIT";
    BOOST_TEST(field(r) == "unit");
    r = Quarterly();
    r.type = "ranking";
    r.framework = "NO-SUCH";
    BOOST_TEST(field(r) == "framework");
    // A plan report without its unit: said in the words of both the client
    // and the command line, no command-line flags.
    r = Quarterly();
    r.type = "plan";
    r.period = "2025";
    BOOST_TEST(field(r) == "unit");
    try {
        services::BuildReport(Db(), r);
    } catch (const UserError& e) {
        BOOST_TEST(std::string(e.what()).find("--") == std::string::npos, e.what());
    }
}

BOOST_FIXTURE_TEST_CASE(the_plan_of_seed_002_holds_every_item, DbFixture) {
    RequireTool("pdftotext");
    services::LoadBuiltinCatalogues(Db());
    services::ImportUnits(Db(), DataFile("seed002_units.csv"), "test");
    services::ImportPeople(Db(), DataFile("seed002_people.csv"), "test");
    services::ImportFrameworks(Db(), DataFile("seed002_framework.csv"), "test");
    services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    auto plans = storage::PlanRepository(Db().session()).All();
    BOOST_REQUIRE(plans.size() == 1u);
    auto unit = storage::UnitRepository(Db().session()).ById(plans[0].unitId);
    services::ReportRequest r;
    r.type = "plan";
    r.period = "2021";
    r.unitCode = unit->code;
    r.issuedOn = Date{2021, 10, 20};
    auto built = services::BuildReport(Db(), r);
    BOOST_TEST(built.kindSymbol == "KH");
    BOOST_TEST(built.planId.value_or(0) == plans[0].id);
    std::string pdf = dir.File("plan.pdf");
    report::RenderFile(built.document, pdf);
    const std::string text = Folded(PdfText(pdf));
    for (const char* s :
         {"KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "a) Mục tiêu, yêu cầu",
          "c) Phân công trách nhiệm",
          "- Chủ trì thực hiện:", "d) Thời gian thực hiện/hoàn thành: Trong năm 2021",
          "III. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "PHỤ LỤC"})
        BOOST_TEST_CONTEXT(s) { BOOST_TEST(text.find(s) != std::string::npos); }
    // The annex names its plan by number and date.
    BOOST_TEST(std::regex_search(text, std::regex("\\(Kèm theo Kế hoạch số \\d\\d/KH-[^ ]+ ngày "
                                                  "20/10/2021 của ")),
               text);
    // Its three groups, as the commune wrote them: the weak criteria, the
    // satisfaction index (the field of criteria 2.x), keeping up the rest.
    std::size_t at = 0;
    for (const char* group :
         {"1. Tập trung khắc phục, cải thiện các tiêu chí, tiêu chí thành phần còn tồn tại, hạn "
          "chế",
          "1.1. Tiêu chí thành phần",
          "2. Tập trung khắc phục, cải thiện chỉ số hài lòng của người dân, tổ chức đối với sự "
          "phục vụ của cơ quan hành chính nhà nước (Chỉ số SIPAS)",
          "2.1. Tiêu chí thành phần", "3. Tiếp tục duy trì, nâng cao các tiêu chí",
          "III. TỔ CHỨC THỰC HIỆN"})
        BOOST_TEST_CONTEXT(group) {
            const auto found = text.find(group, at);
            BOOST_TEST(found != std::string::npos, text);
            if (found != std::string::npos) at = found;
        }
    // An item whose tasks name no lead says so, as the five clear do.
    BOOST_TEST(text.find("c) Phân công trách nhiệm d)") == std::string::npos);
    BOOST_TEST(std::regex_search(text, std::regex("c\\) Phân công trách nhiệm - [^d]")));
    BOOST_TEST(plans[0].items.size() == 11u);
    for (const auto& item : plans[0].items) BOOST_TEST_CONTEXT(item.heading) {
            BOOST_TEST(text.find(item.heading + ". Tiêu chí thành phần") != std::string::npos);
        }
}

BOOST_FIXTURE_TEST_CASE(the_assignment_table_of_seed_003, DbFixture) {
    services::LoadBuiltinCatalogues(Db());
    services::ImportUnits(Db(), DataFile("seed003_units.csv"), "test");
    services::ImportPeople(Db(), DataFile("seed003_people.csv"), "test");
    services::ImportAssignments(Db(), DataFile("seed003_assignments.csv"), "test");
    services::ReportRequest r;
    r.type = "assignments";
    r.period = "2022";
    r.unitCode = "H-NINHSON";
    r.framework = "QD766";
    r.issuedOn = Date{2023, 1, 5};
    auto built = services::BuildReport(Db(), r);
    const report::Table* table = LastBlock<report::Table>(built.document);
    BOOST_REQUIRE(table);
    BOOST_TEST(table->rows.size() == 1u + 7u + 20u);  // header, groups, indicators
    BOOST_TEST(table->rows[1].bold);                  // group I
    BOOST_TEST(table->rows[1].cells[0].PlainText() == "I");
}

BOOST_FIXTURE_TEST_CASE(docx_of_the_quarterly_report_opens_in_libreoffice, DemoFixture) {
    RequireTool("pdftotext");
    if (SkipWithout("libreoffice")) return;
    auto built = services::BuildReport(Db(), Quarterly());
    std::string docx = dir.File("quy.docx");
    report::RenderFile(built.document, docx);
    auto r = RunCommand("cd '" + dir.path() + "' && HOME='" + dir.path() +
                        "' timeout 300 libreoffice --headless --convert-to pdf --outdir '" +
                        dir.path() + "/lo' '" + docx + "'");
    std::string pdf = dir.path() + "/lo/quy.pdf";
    BOOST_REQUIRE_MESSAGE(PdfPages(pdf) > 0, r.output);
    const std::string text = Folded(PdfText(pdf));
    BOOST_TEST(text.find("Kết quả thực hiện công tác cải cách hành chính quý IV năm 2025") !=
               std::string::npos);
    BOOST_TEST(text.find("Số: 01/BC-NV") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(xlsx_of_the_ranking_reads_back_the_same_cells, DemoFixture) {
    services::ReportRequest r;
    r.type = "ranking";
    r.period = "2025";
    r.issuedOn = Date{2026, 1, 5};
    auto built = services::BuildReport(Db(), r);
    const report::Table* table = LastBlock<report::Table>(built.document);
    BOOST_REQUIRE(table);
    std::string xlsx = dir.File("xh.xlsx");
    report::RenderFile(built.document, xlsx);
    const SheetCells cells(xlsx, 1);
    BOOST_REQUIRE(cells.Loaded());
    auto text = [&](const std::string& ref) { return cells.Text(ref); };
    auto number = [&](const std::string& ref) { return cells.Number(ref); };
    BOOST_TEST(text("B1") == table->rows[0].cells[1].PlainText());
    for (std::size_t i = 1; i < table->rows.size(); ++i) {
        const std::string row = std::to_string(i + 1);
        BOOST_TEST_CONTEXT("row " << row) {
            BOOST_TEST(number("A" + row) == table->rows[i].cells[0].value);
            BOOST_TEST(text("C" + row) == table->rows[i].cells[2].PlainText());
            BOOST_TEST(number("D" + row) == table->rows[i].cells[3].value,
                       boost::test_tools::tolerance(1e-9));
            BOOST_TEST(number("F" + row) == table->rows[i].cells[5].value,
                       boost::test_tools::tolerance(1e-9));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(an_issued_report_reprints_byte_for_byte, DemoFixture) {
    auto built = services::BuildReport(Db(), Quarterly());
    std::string pdf = dir.File("issue.pdf");
    report::RenderFile(built.document, pdf);
    const std::string bytes = ReadFile(pdf);
    services::ReportArchive archive(Db(), "test");
    auto rec = archive.Issue(services::IssueRequestFor(built), bytes);
    BOOST_TEST(rec.numberText == "01/BC-NV");
    BOOST_TEST(archive.Reprint(rec.id) == bytes);
    // The next report of the office gets the next number.
    auto again = services::BuildReport(Db(), Quarterly());
    BOOST_TEST(again.number == 2);
}

BOOST_FIXTURE_TEST_CASE(place_signer_and_recipients_are_editable_per_report, DemoFixture) {
    auto request = Quarterly();
    request.place = "Bình Định";
    request.signerAuthority = "KT. TRƯỞNG PHÒNG";
    request.signerTitle = "PHÓ TRƯỞNG PHÒNG";
    request.signerName = "Nguyễn Văn Thử";
    request.recipients = {"- Sở Nội vụ tỉnh;", "- Lưu: VT."};
    const auto built = services::BuildReport(Db(), request);
    bool place = false, signer = false, recipients = false, authority = false;
    for (const auto& s : built.document.sections)
        for (const auto& b : s.blocks) {
            if (auto h = std::get_if<report::HeaderBlock>(&b))
                place = h->placeDate.rfind("Bình Định, ngày", 0) == 0;
            if (auto sig = std::get_if<report::SignatureBlock>(&b)) {
                signer = sig->signer == "Nguyễn Văn Thử";
                for (const auto& line : sig->authority) authority |= line == "KT. TRƯỞNG PHÒNG";
                for (const auto& line : sig->recipients) recipients |= line == "- Sở Nội vụ tỉnh;";
            }
        }
    BOOST_TEST(place);
    BOOST_TEST(signer);
    BOOST_TEST(authority);
    BOOST_TEST(recipients);
}

BOOST_FIXTURE_TEST_CASE(edited_wording_is_read_without_rebuilding, DemoFixture) {
    TempDir templates;
    WriteFile(templates.File("quarterly.json"),
              "{\"closing\": \"Báo cáo thử nghiệm {period_words} kết thúc./.\"}");
    WriteFile(templates.File("common.json"), "{\"recipients_heading\": \"Nơi nhận (sửa):\"}");
    ::setenv("CCHC_REPORTS_DIR", templates.path().c_str(), 1);
    auto built = services::BuildReport(Db(), Quarterly());
    ::unsetenv("CCHC_REPORTS_DIR");
    bool closing = false, heading = false, title = false;
    for (const auto& s : built.document.sections)
        for (const auto& b : s.blocks) {
            if (auto p = std::get_if<report::Paragraph>(&b))
                closing |= !p->runs.empty() &&
                           p->runs[0].text == "Báo cáo thử nghiệm quý IV năm 2025 kết thúc./.";
            if (auto sig = std::get_if<report::SignatureBlock>(&b))
                heading = sig->recipientsHeading == "Nơi nhận (sửa):";
            if (auto t = std::get_if<report::TitleBlock>(&b)) title = t->documentType == "BÁO CÁO";
        }
    BOOST_TEST(closing);
    BOOST_TEST(heading);
    BOOST_TEST(title);  // keys left out keep the built-in wording
    // A broken file names itself.
    WriteFile(templates.File("quarterly.json"), "{ not json");
    ::setenv("CCHC_REPORTS_DIR", templates.path().c_str(), 1);
    std::string field;
    try {
        services::BuildReport(Db(), Quarterly());
    } catch (const UserError& e) {
        field = e.where().field;
        BOOST_TEST(e.where().file.find("quarterly.json") != std::string::npos);
    }
    ::unsetenv("CCHC_REPORTS_DIR");
    BOOST_TEST(field == "template");
}

BOOST_FIXTURE_TEST_CASE(overdue_tasks_beyond_the_limit_are_counted_not_listed, DemoFixture) {
    auto paragraphs = [](const services::BuiltReport& built) {
        std::string all;
        for (const auto& s : built.document.sections)
            for (const auto& b : s.blocks)
                if (auto p = std::get_if<report::Paragraph>(&b))
                    for (const auto& run : p->runs) all += run.text + "\n";
        return all;
    };
    services::TaskBoard board(Db(), Date{2025, 12, 31}, "test");
    services::TaskFilter overdue;
    overdue.overdue = true;
    const long late = board.Count(overdue);
    BOOST_REQUIRE(late > 3);
    // Within the limit (100): each one listed.
    const std::string listed = paragraphs(services::BuildReport(Db(), Quarterly()));
    BOOST_TEST(listed.find("Các nhiệm vụ quá hạn chưa hoàn thành:") != std::string::npos);
    // Beyond it (a province's thousands): their number, and where the list is.
    TempDir templates;
    WriteFile(templates.File("quarterly.json"), "{\"overdue_list_limit\": 3}");
    ::setenv("CCHC_REPORTS_DIR", templates.path().c_str(), 1);
    const std::string counted = paragraphs(services::BuildReport(Db(), Quarterly()));
    ::unsetenv("CCHC_REPORTS_DIR");
    BOOST_TEST(counted.find("Các nhiệm vụ quá hạn chưa hoàn thành:") == std::string::npos);
    BOOST_TEST(counted.find("Có " + FormatInteger(late) + " nhiệm vụ quá hạn chưa hoàn thành") !=
                   std::string::npos,
               counted);
}

BOOST_FIXTURE_TEST_CASE(form_II_06a_is_printed_when_the_office_recorded_it, DemoFixture) {
    auto req = Quarterly();
    req.unitCode = "XA-TAYXUAN";
    auto tables = [&] {
        std::vector<report::Table> out;
        for (const auto& s : services::BuildReport(Db(), req).document.sections)
            for (const auto& b : s.blocks)
                if (auto t = std::get_if<report::Table>(&b)) out.push_back(*t);
        return out;
    };
    auto find = [](const std::vector<report::Table>& ts) -> const report::Table* {
        for (const auto& t : ts)
            if (t.sheetName == "Mẫu II.06a") return &t;
        return nullptr;
    };
    BOOST_TEST(find(tables()));  // the demo office records form II.06a monthly
    Db().session() << "DELETE FROM dossier_stats";
    BOOST_TEST(!find(tables()));  // nothing recorded: no table
    auto unit = storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN");
    auto fields = storage::CatalogueRepository(Db().session()).ProcedureFields();
    BOOST_REQUIRE(fields.size() >= 2u);
    storage::ReportDataRepository repo(Db().session());
    storage::DossierStatRow a;
    a.receivedTotal = 120;
    a.receivedOnline = 80;
    a.receivedDirect = 40;
    a.settledTotal = 110;
    a.settledEarly = 10;
    a.settledOnTime = 99;
    a.settledLate = 1;
    a.pendingTotal = 10;
    a.pendingInTime = 10;
    repo.SaveDossierStat(unit->id, "2025-Q4", fields[0].id, a, "test");
    storage::DossierStatRow b = a;
    b.receivedTotal = 1200;
    repo.SaveDossierStat(unit->id, "2025-Q4", fields[1].id, b, "test");
    auto ts = tables();
    const report::Table* t = find(ts);
    BOOST_REQUIRE(t);
    BOOST_TEST(t->headerRows == 2);
    BOOST_TEST(t->rows.size() == 2u + 2u + 1u);  // two header rows, two fields, total
    std::set<std::string> names = {t->rows[2].cells[1].PlainText(),
                                   t->rows[3].cells[1].PlainText()};
    BOOST_TEST(names == (std::set<std::string>{fields[0].name, fields[1].name}));
    BOOST_TEST(t->rows.back().cells[1].PlainText() == "1.320");  // received in all
    BOOST_TEST(t->rows.back().cells[1].value == 1320.0);
}

// Form II.06a imported month by month (as one-stop systems export it)
// prints for the quarter: the months' dossiers received and settled added
// up, carried over from the first month, in progress at the last; the
// figures read from the PDF.
BOOST_FIXTURE_TEST_CASE(form_II_06a_of_a_quarter_comes_from_its_months, DemoFixture) {
    RequireTool("pdftotext");
    const std::string file = dir.File("ho-so.csv");
    WriteFile(file,
              "unit,period,field,received_online,received_direct,carried_over,settled_early,"
              "settled_on_time,settled_late,pending_on_time,pending_overdue\n"
              "XA-TAYXUAN,2025-10,HOTICH,300,100,50,80,300,20,40,10\n"
              "XA-TAYXUAN,2025-11,HOTICH,250,110,50,100,250,10,40,10\n"
              "XA-TAYXUAN,2025-12,HOTICH,200,150,50,60,250,30,51,7\n"
              "XA-TAYXUAN,2025-09,HOTICH,999,999,999,999,999,999,999,999\n"
              "XA-TAYXUAN,2025-10,DATDAI,1,1,1,1,1,1,1,1\n"
              "XA-TAYXUAN,2025-10,CHUNGTHUC,1,1,1,1,1,1,1,1\n");
    services::ImportDossiers(Db(), file, "test");
    auto req = Quarterly();
    req.unitCode = "XA-TAYXUAN";
    auto built = services::BuildReport(Db(), req);
    const std::string pdf = dir.File("q4.pdf");
    report::RenderFile(built.document, pdf);
    const std::string text = PdfText(pdf, 0, 0, true);
    // Hộ tịch: received 750 online + 360 in person + 50 carried over =
    // 1.160; settled 240 + 800 + 60 = 1.100; in progress 51 + 7 = 58.
    std::smatch m;
    BOOST_TEST_REQUIRE(std::regex_search(text, m, std::regex("Hộ tịch([^\n]*)")), text);
    std::istringstream row(m[1].str());
    std::vector<std::string> cells;
    for (std::string cell; row >> cell;) cells.push_back(cell);
    const std::vector<std::string> want = {"1.160", "750", "360", "50", "1.100", "240",
                                           "800",   "60",  "58",  "51", "7"};
    BOOST_TEST(cells == want, boost::test_tools::per_element());
    // The fields in the catalogue's order, not by the bytes of their names
    // ("Đất đai" after "Chứng thực", as the catalogue has it).
    const auto hoTich = text.find("Hộ tịch"), chungThuc = text.find("Chứng thực"),
               datDai = text.find("Đất đai");
    BOOST_TEST((hoTich < chungThuc && chungThuc < datDai), text);
}

// The survey notice goes where its issuer sends it: a commune's to the
// office (and posted at its desk), the office's to the communes, never to
// itself.
BOOST_FIXTURE_TEST_CASE(the_survey_notice_is_addressed_by_who_issues_it, DemoFixture) {
    auto recipients = [&](const std::string& unit) {
        services::ReportRequest r;
        r.type = "survey";
        r.period = "2025-Q4";
        r.unitCode = unit;
        r.issuedOn = Date{2026, 1, 5};
        std::string text;
        for (const auto& s : services::BuildReport(Db(), r).document.sections)
            for (const auto& b : s.blocks) {
                if (auto sig = std::get_if<report::SignatureBlock>(&b))
                    for (const auto& line : sig->recipients) text += line + "\n";
                if (auto p = std::get_if<report::Paragraph>(&b))
                    for (const auto& run : p->runs) text += run.text + "\n";
            }
        return text;
    };
    const std::string office = recipients(""), commune = recipients("XA-TAYXUAN");
    BOOST_TEST(office.find("- Phòng Nội vụ") == std::string::npos, office);
    BOOST_TEST(office.find("báo cáo Phòng Nội vụ") == std::string::npos, office);
    BOOST_TEST(office.find("- UBND các xã") != std::string::npos, office);
    BOOST_TEST(commune.find("- Phòng Nội vụ;") != std::string::npos, commune);
    // The office's notice has a row per commune, as the Surveys area ranks
    // them; a commune's has none.
    auto unitTable = [&](const std::string& unit) -> std::optional<report::Table> {
        services::ReportRequest r;
        r.type = "survey";
        r.period = "2025-Q4";
        r.unitCode = unit;
        r.issuedOn = Date{2026, 1, 5};
        for (const auto& s : services::BuildReport(Db(), r).document.sections)
            for (const auto& b : s.blocks)
                if (auto t = std::get_if<report::Table>(&b); t && t->sheetName == "Theo đơn vị")
                    return *t;
        return std::nullopt;
    };
    BOOST_TEST(!unitTable("XA-TAYXUAN").has_value());
    const auto table = unitTable("");
    BOOST_REQUIRE(table.has_value());
    services::SurveyQuery q;
    q.period = "2025-Q4";
    q.user = "test";
    const auto units = services::SurveyByUnit(Db(), q);
    BOOST_REQUIRE(table->rows.size() == units.size() + 1);
    for (std::size_t i = 0; i < units.size(); ++i) {
        BOOST_TEST(table->rows[i + 1].cells[1].PlainText() == units[i].name);
        BOOST_TEST(table->rows[i + 1].cells[3].value == static_cast<double>(units[i].responses));
        if (units[i].satisfaction)
            BOOST_TEST(table->rows[i + 1].cells[6].value * 100 == *units[i].satisfaction,
                       boost::test_tools::tolerance(1e-9));
    }
}

BOOST_FIXTURE_TEST_CASE(citizens_names_are_printed_only_when_asked, DemoFixture) {
    services::ReportRequest r;
    r.type = "ratings";
    r.period = "2025";
    r.unitCode = "XA-TAYXUAN";
    r.issuedOn = Date{2026, 1, 5};
    auto citizenCells = [&](bool show) {
        r.showCitizens = show;
        long names = 0;
        bool summary = false;
        for (const auto& s : services::BuildReport(Db(), r).document.sections)
            for (const auto& b : s.blocks)
                if (auto t = std::get_if<report::Table>(&b)) {
                    if (t->sheetName == "Đánh giá cán bộ") summary = t->rows.size() > 1;
                    if (t->sheetName != "Lượt đánh giá") continue;
                    for (std::size_t i = 1; i < t->rows.size(); ++i)
                        if (!t->rows[i].cells[5].PlainText().empty()) ++names;
                }
        BOOST_TEST(summary);  // the per-officer table either way
        return names;
    };
    BOOST_TEST(citizenCells(false) == 0);
    BOOST_TEST(citizenCells(true) > 0);
}

// The printed officers' summary is the Surveys area's: the same rule of a
// satisfied rating, the same officers, in the same order, the same minimum
// of ratings (a setting) before an officer is ranked.
BOOST_FIXTURE_TEST_CASE(the_ratings_report_prints_the_survey_summary_of_the_officers, DemoFixture) {
    services::SurveySettings settings = services::LoadSurveySettings(Db());
    settings.minimumSample = 1000;  // nobody ranked: every name starred
    services::SaveSurveySettings(Db(), settings, "test");
    services::ReportRequest r;
    r.type = "ratings";
    r.period = "2025";
    r.unitCode = "XA-TAYXUAN";
    r.issuedOn = Date{2026, 1, 5};
    services::SurveyQuery q;
    q.period = "2025";
    q.unitCode = "XA-TAYXUAN";
    const auto officers = services::SurveyByOfficer(Db(), q);
    BOOST_REQUIRE(!officers.empty());
    const report::Table* table = nullptr;
    const auto built = services::BuildReport(Db(), r);
    for (const auto& s : built.document.sections)
        for (const auto& b : s.blocks)
            if (auto t = std::get_if<report::Table>(&b); t && t->sheetName == "Đánh giá cán bộ")
                table = t;
    BOOST_REQUIRE(table);
    BOOST_REQUIRE(table->rows.size() == officers.size() + 1);
    for (std::size_t i = 0; i < officers.size(); ++i) {
        const auto& row = table->rows[i + 1];
        BOOST_TEST(row.cells[1].PlainText() == officers[i].name + " *");
        BOOST_TEST(row.cells[4].value == static_cast<double>(officers[i].ratings));
        BOOST_TEST(row.cells[8].value * 100 == officers[i].satisfiedShare.value_or(0),
                   boost::test_tools::tolerance(1e-6));
    }
}

BOOST_FIXTURE_TEST_CASE(qr_cards_of_the_one_stop_desk_carry_the_rating_address, DemoFixture) {
    services::ReportRequest r;
    r.type = "qr-cards";
    r.unitCode = "XA-TAYXUAN";
    r.issuedOn = Date{2026, 1, 5};
    // No address of the office's own: no cards, and the setting named.
    std::string field;
    try {
        services::BuildReport(Db(), r);
    } catch (const UserError& e) {
        field = e.where().field;
    }
    BOOST_TEST(field == "qr.url_template");
    storage::SettingsRepository(Db().session())
        .Set("qr.url_template", "https://danhgia.example.vn/{unit_code}?cb={officer_code}");
    auto built = services::BuildReport(Db(), r);
    const report::CardGrid* grid = LastBlock<report::CardGrid>(built.document);
    BOOST_REQUIRE(grid);
    auto unit = storage::UnitRepository(Db().session()).ByCode("XA-TAYXUAN");
    std::set<std::string> expected;
    for (const auto& p : services::OrganisationService(Db(), "test").People(unit->id))
        if (p.active && p.oneStopDesk)
            expected.insert("https://danhgia.example.vn/XA-TAYXUAN?cb=" + p.code);
    BOOST_REQUIRE(!expected.empty());
    std::set<std::string> printed;
    for (const auto& card : grid->cards) {
        printed.insert(card.qrText);
        BOOST_TEST(card.photo == "Ảnh 3 x 4");  // the frame of the officer's photo
    }
    BOOST_TEST(printed == expected);
    BOOST_TEST(!built.document.pageNumbers);
    // As a workbook: a row per card with the address, not an empty sheet.
    const std::string xlsx = dir.File("the.xlsx");
    report::RenderFile(built.document, xlsx);
    auto reader = tableio::TableReader::Open(xlsx);
    std::set<std::string> inSheet;
    std::vector<std::string> row;
    while (reader->Next(row))
        if (!row.empty()) inSheet.insert(row.back());
    BOOST_TEST(inSheet == expected);
}

BOOST_AUTO_TEST_SUITE_END()
