// The Surveys area as a commune clerk uses it: import a ratings file
// through File > Import (its progress dialog shows, the outcome counts the
// ratings), then filter the list to one officer and find as many ratings as
// the database holds; Cancel during an import stores nothing; an officer's
// self-assessment score typed in the form is stored.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/date.h"
#include "core/org.h"
#include "core/period.h"
#include "core/survey_rules.h"
#include "core/vnformat.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/import_wizard.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui/surveys/dossier_page.h"
#include "gui/surveys/paper_forms_dialog.h"
#include "gui/surveys/ratings_page.h"
#include "gui/surveys/self_assessment_page.h"
#include "gui/surveys/surveys_panel.h"
#include "gui/surveys/tally_page.h"
#include "gui_fixture.h"
#include "services/surveys/dossier_sheet.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/tally_sheet.h"
#include "storage/database_url.h"
#include "storage/dossier_repository.h"
#include "storage/rating_repository.h"
#include "storage/self_assessment_repository.h"
#include "storage/tally_repository.h"
#include "storage/unit_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
// A demo office, its first commune with at least two officers, and the
// main window on the Surveys area with that commune chosen in the tree.
struct SurveysWindow {
    TempDir dir;
    std::string url;
    std::unique_ptr<storage::Database> db;  // the test's own connection
    Unit commune;
    std::vector<Person> officers;
    gui::MainFrame* frame = nullptr;
    gui::SurveysPanel* panel = nullptr;

    SurveysWindow() {
        url = "sqlite:" + dir.File("surveys.db");
        db = DemoDatabase(url);
        storage::PersonRepository people(db->session());
        for (const auto& u : storage::UnitRepository(db->session()).All()) {
            if (!IsCommuneLevel(u.kind) || !u.active) continue;
            auto p = people.ByUnit(u.id);
            if (p.size() >= 2) {
                commune = u;
                officers = p;
                break;
            }
        }
        BOOST_REQUIRE_MESSAGE(commune.id != 0, "the demo office has no commune with two officers");
        storage::OpenOptions o;
        o.create = false;
        frame = ShowMainFrame(storage::Database::Open(storage::DatabaseUrl::Parse(url), o));
        frame->unitTree()->Select(commune.id);
        frame->ShowArea(gui::Area::Surveys);
        panel = dynamic_cast<gui::SurveysPanel*>(wxWindow::FindWindowByName("surveysPanel", frame));
        BOOST_REQUIRE(panel);
    }
    ~SurveysWindow() { DestroyWindow(frame); }
    // A ratings file of `rows` ratings for the commune's first two officers,
    // today, with its header in Vietnamese as clerks write it.
    std::string RatingsFile(const std::string& name, int rows) const {
        const std::string today = Date::Today().ToIso();
        std::ostringstream csv;
        csv << "Thời gian,Đơn vị,Cán bộ,Thủ tục,Kênh,Thái độ,Giải quyết,Hướng dẫn,Người đánh giá\n";
        for (int i = 0; i < rows; ++i) {
            char time[32];
            std::snprintf(time, sizeof time, "%sT%02d:%02d:%02d", today.c_str(), i / 3600 % 24,
                          i / 60 % 60, i % 60);
            csv << time << "," << commune.code << "," << officers[i % 2].code
                << ",Đăng ký khai sinh," << (i % 3 == 0 ? "kiosk" : "qr") << "," << (4 + i % 2)
                << "," << (3 + i % 3) << ",5,Công dân " << i << "\n";
        }
        const std::string path = dir.File(name);
        WriteFile(path, csv.str());
        return path;
    }
};
}  // namespace

// Tệp › Nhập: a tallies file as a one-stop system writes it (Vietnamese
// headers, the unit by name, the field "Hộ tịch"), one column that only
// the user can map, mapped in the grid; checked, then imported; the
// mapping remembered for the next file.
BOOST_AUTO_TEST_CASE(the_import_wizard_takes_a_one_stop_systems_tallies_file) {
    SurveysWindow w;
    const std::string path = w.dir.File("mot-cua.csv");
    const std::string head =
        "Đơn vị,Tháng,Lĩnh vực,Số hồ sơ đã giải quyết,SL phiếu đánh giá,Hài lòng,Bình "
        "thường,Không hài lòng,Ghi chú\n";
    WriteFile(path, "\xEF\xBB\xBF" + head + w.commune.name + ",2020-03,Hộ tịch,30,25,20,3,2,ok\n" +
                        w.commune.name + ",2020-04,Hộ tịch,12,10,9,1,0,\n");
    storage::TallyRepository tallies(w.db->session());
    const long before = tallies.Count();
    {
        gui::ImportWizard wizard(w.frame, w.frame->session(), "tallies");
        wizard.Show();
        BOOST_TEST(wizard.Step() == 0);
        BOOST_REQUIRE(wizard.OpenFile(wxString::FromUTF8(path)));
        auto* preview = dynamic_cast<wxGrid*>(wxWindow::FindWindowByName("importPreview", &wizard));
        BOOST_REQUIRE(preview);
        BOOST_TEST(preview->GetNumberRows() == 2);
        BOOST_TEST(preview->GetCellValue(0, 2).utf8_string() == "Hộ tịch");
        const auto& m = wizard.Mapping();
        BOOST_REQUIRE(m.size() == 9u);
        BOOST_TEST(m[0] == "unit");
        BOOST_TEST(m[2] == "field");
        BOOST_TEST(m[3] == "settled");
        BOOST_TEST(m[4] == "");
        BOOST_TEST(m[8] == "");
        BOOST_TEST(wizard.MissingColumns() == std::vector<std::string>{"responses"});
        BOOST_TEST(wizard.GoNext());
        BOOST_TEST(wizard.Step() == 1);
        auto* missing =
            dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("importMissing", &wizard));
        BOOST_TEST(missing->GetLabel().Contains("responses"));
        BOOST_TEST(!wizard.GoNext());  // a required column is not mapped
        // The user chooses "responses" for the fifth column in the grid.
        auto* grid = dynamic_cast<wxGrid*>(wxWindow::FindWindowByName("importMapping", &wizard));
        BOOST_REQUIRE(grid);
        BOOST_TEST(grid->GetCellValue(4, 0).utf8_string() == "SL phiếu đánh giá");
        grid->SetCellValue(4, 2, wxString::FromUTF8("responses * \u2014 Số phiếu"));
        wxGridEvent changed(grid->GetId(), wxEVT_GRID_CELL_CHANGED, grid, 4, 2);
        grid->GetEventHandler()->ProcessEvent(changed);
        BOOST_TEST(wizard.Mapping()[4] == "responses");
        BOOST_TEST(wizard.MissingColumns().empty());
        // Next checks the file: nothing wrong, nothing stored yet.
        BOOST_TEST(wizard.GoNext());
        BOOST_TEST(wizard.Step() == 2);
        BOOST_TEST(wizard.LastCheck().problems.empty());
        BOOST_TEST(wizard.LastCheck().outcome.inserted == 2);
        BOOST_TEST(tallies.Count() == before);
        BOOST_TEST(wizard.Import());
        BOOST_TEST(wizard.Outcome().utf8_string().find("mot-cua.csv") != std::string::npos);
    }
    BOOST_TEST(tallies.Count() == before + 2);
    // The next file with the same headers: the user's mapping is remembered.
    gui::ImportWizard again(w.frame, w.frame->session(), "tallies");
    BOOST_REQUIRE(again.OpenFile(wxString::FromUTF8(path)));
    BOOST_TEST(again.Mapping()[4] == "responses");
    BOOST_TEST(again.MissingColumns().empty());
}

// Wrong lines are listed, each with its line and column, before anything
// is stored; the Import button stays off.
BOOST_AUTO_TEST_CASE(the_import_wizard_lists_wrong_lines_before_storing) {
    SurveysWindow w;
    const std::string path = w.dir.File("sai.csv");
    WriteFile(
        path,
        "Mã đơn vị,Tháng,Lĩnh vực,Số hồ sơ giải quyết,Số phiếu,Hài lòng,Bình thường,Không hài "
        "lòng\n" +
            w.commune.code + ",2020-05,Hộ tịch,30,25,20,3,2\n" + w.commune.code +
            ",2020-06,Hộ tịch,30,26,20,3,2\n" + w.commune.code + ",2020-13,Hộ tịch,3,3,3,0,0\n" +
            w.commune.code + ",2020-07,Thủy sản,3,3,3,0,0\n");
    storage::TallyRepository tallies(w.db->session());
    const long before = tallies.Count();
    gui::ImportWizard wizard(w.frame, w.frame->session(), "tallies");
    wizard.Show();
    BOOST_REQUIRE(wizard.OpenFile(wxString::FromUTF8(path)));
    BOOST_TEST(wizard.MissingColumns().empty());
    BOOST_TEST(wizard.GoNext());
    BOOST_TEST(wizard.GoNext());
    BOOST_TEST(wizard.Step() == 2);
    const auto& problems = wizard.LastCheck().problems;
    BOOST_REQUIRE(problems.size() == 3u);
    BOOST_TEST(problems[0].where.line == 3);
    BOOST_TEST(problems[1].where.line == 4);
    BOOST_TEST(problems[1].where.field == "period");
    BOOST_TEST(problems[2].where.line == 5);
    BOOST_TEST(problems[2].where.field == "field");
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("importProblems", &wizard));
    BOOST_REQUIRE(list);
    BOOST_TEST(list->GetItemCount() == 3);
    BOOST_TEST(list->GetItemText(0, 0) == "3");
    BOOST_TEST(list->GetItemText(1, 1).utf8_string() == "Tháng");  // as the file names it
    BOOST_TEST(!wizard.FindWindow(wxID_OK)->IsEnabled());
    BOOST_TEST(!wizard.Import());
    BOOST_TEST(tallies.Count() == before);
    // Corrected in the spreadsheet meanwhile: checked again, then imported.
    WriteFile(
        path,
        "Mã đơn vị,Tháng,Lĩnh vực,Số hồ sơ giải quyết,Số phiếu,Hài lòng,Bình thường,Không hài "
        "lòng\n" +
            w.commune.code + ",2020-05,Hộ tịch,30,25,20,3,2\n");
    BOOST_TEST(wizard.CheckAgain());
    BOOST_TEST(list->GetItemCount() == 0);
    BOOST_TEST(wizard.FindWindow(wxID_OK)->IsEnabled());
    BOOST_TEST(wizard.Import());
    BOOST_TEST(tallies.Count() == before + 1);
}

namespace {
// A file through the import wizard (Tệp › Nhập), as a user would: opened,
// its columns mapped as guessed, checked, and imported when the check
// passed. script, when given, runs from a timer meanwhile (the progress
// dialogs are modal).
struct WizardRun {
    bool stored = false;
    wxString outcome;
    services::ImportCheck check;
};
WizardRun ThroughWizard(SurveysWindow& w, const std::string& kind, const std::string& path,
                        UiScript* script = nullptr) {
    WizardRun r;
    gui::ImportWizard wizard(w.frame, w.frame->session(), kind);
    wizard.Show();
    if (!wizard.OpenFile(wxString::FromUTF8(path))) return r;
    wizard.GoNext();  // the mapping
    wizard.GoNext();  // the check
    r.check = wizard.LastCheck();
    if (script) script->Begin();
    r.stored = wizard.Import();
    r.outcome = wizard.Outcome();
    return r;
}

// Marks the import's progress dialog seen, or presses its Cancel.
UiScript::Step OnImportProgress(bool& seen, bool cancel) {
    return [&seen, cancel] {
        wxWindow* dlg = wxWindow::FindWindowByName("importProgress");
        if (!dlg || !dlg->IsShownOnScreen()) return false;
        seen = true;
        if (cancel) PressLater(dlg, wxID_CANCEL);
        return true;
    };
}
}  // namespace

BOOST_AUTO_TEST_CASE(importing_the_same_tallies_again_says_nothing_changed) {
    SurveysWindow w;
    const std::string path = w.dir.File("tallies.csv");
    WriteFile(path,
              "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,"
              "dissatisfied,very_dissatisfied\n" +
                  w.commune.code + ",2020-01,HOTICH,30,25,15,5,3,1,1\n");
    const auto first = ThroughWizard(w, "tallies", path);
    BOOST_TEST(first.stored, first.outcome.utf8_string());
    const auto again = ThroughWizard(w, "tallies", path);
    BOOST_TEST(again.stored, again.outcome.utf8_string());
    BOOST_TEST((again.outcome.utf8_string().find("1 unchanged") != std::string::npos ||
                again.outcome.utf8_string().find("1 dòng không đổi") != std::string::npos),
               again.outcome.utf8_string());
}

// Form II.06a through the Import menu: stored, then a file with a total
// that disagrees refused with its line and column, nothing of it stored.
BOOST_AUTO_TEST_CASE(importing_dossier_statistics_through_the_menu) {
    SurveysWindow w;
    const std::string header =
        "Mã đơn vị,Tháng,Lĩnh vực,Tổng số tiếp nhận,Trực tuyến,Trực tiếp,Kỳ trước chuyển qua,"
        "Trước hạn,Đúng hạn,Giải quyết quá hạn,Trong hạn,Đang giải quyết quá hạn\n";
    const std::string good = w.dir.File("ho-so.csv"), bad = w.dir.File("ho-so-sai.csv");
    WriteFile(good, header + w.commune.code + ",2020-01,Hộ tịch,45,30,10,5,8,30,2,4,1\n");
    WriteFile(bad, header + w.commune.code + ",2020-02,Hộ tịch,46,30,10,5,8,30,2,4,1\n");
    const long before = storage::DossierRepository(w.db->session()).Count();
    const auto first = ThroughWizard(w, "dossiers", good);
    BOOST_TEST(first.stored, first.outcome.utf8_string());
    BOOST_TEST(storage::DossierRepository(w.db->session()).Count() == before + 1);
    const auto refused = ThroughWizard(w, "dossiers", bad);
    BOOST_TEST(!refused.stored);
    BOOST_REQUIRE(refused.check.problems.size() == 1u);
    BOOST_TEST(refused.check.problems[0].where.line == 2);
    BOOST_TEST(refused.check.problems[0].where.field == "received_total");
    BOOST_TEST(storage::DossierRepository(w.db->session()).Count() == before + 1);
}

BOOST_AUTO_TEST_CASE(importing_ratings_through_the_menu_then_filtering_to_one_officer) {
    SurveysWindow w;
    const long before = storage::RatingRepository(w.db->session()).Count();
    const std::string file = w.RatingsFile("danh-gia.csv", 30000);

    bool progressShown = false;
    UiScript script;
    script.Add("the progress dialog shows", OnImportProgress(progressShown, false), 20000);
    const auto imported = ThroughWizard(w, "ratings", file, &script);
    BOOST_TEST(WaitFor([&] { return script.Finished(); }));
    BOOST_TEST(imported.stored);
    BOOST_TEST_MESSAGE(imported.outcome.utf8_string());
    BOOST_TEST(imported.outcome.utf8_string().find("30.000") != std::string::npos);
    BOOST_TEST(progressShown);
    BOOST_TEST(storage::RatingRepository(w.db->session()).Count() == before + 30000);

    // The same file again: every rating is skipped as already stored.
    const auto again = ThroughWizard(w, "ratings", file);
    BOOST_TEST(again.outcome.utf8_string().find("30.000") != std::string::npos);  // skipped
    BOOST_TEST(storage::RatingRepository(w.db->session()).Count() == before + 30000);

    // The ratings list, filtered to the second officer.
    w.panel->ShowPage(gui::SurveysPanel::kRatingsPage);
    gui::RatingsPage* page = w.panel->ratings();
    BOOST_REQUIRE(WaitFor([&] { return page->Counted(); }, 20000));
    wxChoice* officer = page->OfficerChoice();
    int index = wxNOT_FOUND;
    for (unsigned i = 0; i < officer->GetCount(); ++i)
        if (officer->GetString(i).utf8_string().find("(" + w.officers[1].code + ")") !=
            std::string::npos)
            index = static_cast<int>(i);
    BOOST_REQUIRE(index != wxNOT_FOUND);
    Choose(officer, index);
    BOOST_REQUIRE(WaitFor([&] { return page->Counted(); }, 20000));

    // What the database holds for that officer in the period shown.
    const Period quarter =
        Period::Containing(PeriodKind::Quarter, Date::Today(), WindowKind::Calendar);
    const DateRange window = quarter.Window(w.frame->session().ReportingWindow());
    storage::RatingFilter filter;
    filter.unitId = w.commune.id;
    filter.officerId = w.officers[1].id;
    filter.from = window.first.ToIso();
    filter.to = window.last.ToIso();
    const long expected = storage::RatingRepository(w.db->session()).CountMatching(filter);
    BOOST_TEST(expected >= 15000);
    BOOST_TEST(page->Count() == expected);
    auto* count = wxWindow::FindWindowByName("ratingsCount", page);
    BOOST_REQUIRE(count);
    BOOST_TEST(count->GetLabel().utf8_string().find(FormatInteger(expected)) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cancelling_a_ratings_import_stores_nothing) {
    SurveysWindow w;
    const long before = storage::RatingRepository(w.db->session()).Count();
    const std::string file = w.RatingsFile("lon.csv", 200000);
    bool pressed = false;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("press Cancel while the ratings are stored", OnImportProgress(pressed, true), 20000);
    const auto run = ThroughWizard(w, "ratings", file, &script);
    BOOST_TEST(WaitFor([&] { return script.Finished(); }));
    BOOST_TEST(pressed);
    BOOST_TEST(!run.stored);
    BOOST_TEST(storage::RatingRepository(w.db->session()).Count() == before);
}

BOOST_AUTO_TEST_CASE(a_self_assessment_score_typed_in_the_form_is_stored) {
    SurveysWindow w;
    w.panel->ShowPage(gui::SurveysPanel::kSelfPage);
    gui::SelfAssessmentPage* page = w.panel->selfAssessment();
    BOOST_REQUIRE(WaitFor([&] { return page->sheet().has_value(); }));
    const auto sheet = *page->sheet();
    BOOST_TEST_REQUIRE(sheet.lines.size() == 9u);
    // Whatever the demo stored is cleared; then two points on the first
    // criterion and one and a half on the third.
    for (std::size_t i = 0; i < sheet.lines.size(); ++i) Choose(page->SelfChoice(i), 0);
    Choose(page->SelfChoice(0), 5);
    Choose(page->SelfChoice(2), 4);
    BOOST_TEST(page->TotalText().utf8_string().find("3,5 / 18") != std::string::npos);
    BOOST_REQUIRE(page->Save());
    auto stored =
        storage::SelfAssessmentRepository(w.db->session()).ForPerson(sheet.personId, sheet.period);
    BOOST_TEST_REQUIRE(stored.size() == 9u);
    std::optional<double> first, third;
    for (const auto& r : stored) {
        if (r.score.criterionId == sheet.lines[0].criterionId) first = r.score.self;
        if (r.score.criterionId == sheet.lines[2].criterionId) third = r.score.self;
    }
    BOOST_TEST(first.value_or(-1) == 2.0);
    BOOST_TEST(third.value_or(-1) == 1.5);
}

BOOST_AUTO_TEST_CASE(the_tallies_page_names_lines_below_the_coverage_rule) {
    SurveysWindow w;
    w.panel->ShowPage(gui::SurveysPanel::kTalliesPage);
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("tallyList", w.panel));
    BOOST_REQUIRE(list);
    BOOST_TEST(list->GetColumnCount() == 8);
    BOOST_REQUIRE(w.panel->TallyRows() > 0);
    for (long i = 0; i < list->GetItemCount(); ++i)
        BOOST_TEST(!list->GetItemText(i, 2).empty());  // met, below or nothing settled
    // Per unit and month: the commune's months of the quarter, the second
    // column headed "Month".
    auto* by = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("tallyBy", w.panel));
    BOOST_REQUIRE(by);
    Choose(by, 2);
    BOOST_TEST(w.panel->TallyRows() > 0);
    BOOST_TEST(w.panel->TallyRows() <= 3);
    wxListItem second;
    second.SetMask(wxLIST_MASK_TEXT);
    list->GetColumn(1, second);
    BOOST_TEST(second.GetText().utf8_string() == "Tháng");
    BOOST_TEST(list->GetItemText(0, 1).utf8_string().rfind("Tháng ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_malformed_ratings_file_is_refused_with_its_line_and_column) {
    SurveysWindow w;
    const long before = storage::RatingRepository(w.db->session()).Count();
    std::string csv = ReadFile(w.RatingsFile("sai.csv", 50));
    // Line 31 (the header is line 1): a score of 7.
    std::size_t at = 0;
    for (int line = 1; line < 31; ++line) at = csv.find('\n', at) + 1;
    const std::size_t end = csv.find('\n', at);
    std::string row = csv.substr(at, end - at);
    const std::size_t comma = row.rfind(",5,");  // the guidance score, before the citizen
    BOOST_REQUIRE(comma != std::string::npos);
    row.replace(comma, 3, ",7,");
    csv.replace(at, end - at, row);
    const std::string path = w.dir.File("sai.csv");
    WriteFile(path, csv);
    const auto run = ThroughWizard(w, "ratings", path);
    BOOST_TEST(!run.stored);
    BOOST_REQUIRE(!run.check.problems.empty());
    BOOST_TEST(run.check.problems[0].where.line == 31);
    BOOST_TEST(run.check.problems[0].where.field == "guidance");
    BOOST_TEST(run.check.problems[0].where.file.find("sai.csv") != std::string::npos);
    BOOST_TEST(storage::RatingRepository(w.db->session()).Count() == before);
}

namespace {
template <class T>
T* Named(wxWindow* parent, const char* name) {
    T* w = Control<T>(parent, name);
    BOOST_REQUIRE_MESSAGE(w, name);
    return w;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_publication_calendar_is_set_in_settings) {
    SurveysWindow w;
    w.frame->ShowArea(gui::Area::Settings);
    wxWindow* settings = w.frame->FindWindow(XRCID("SettingsPanel"));
    if (!settings) settings = w.frame;
    // Seed 001's calendar as shipped: quarters I and III, the first half.
    auto* quarterly = Named<wxCheckBox>(settings, "pub_quarter");
    BOOST_TEST(quarterly->GetValue());
    BOOST_TEST(Named<wxCheckBox>(settings, "pub_quarter_1")->GetValue());
    BOOST_TEST(!Named<wxCheckBox>(settings, "pub_quarter_2")->GetValue());
    BOOST_TEST(!Named<wxCheckBox>(settings, "pub_9m")->GetValue());
    BOOST_TEST(!Named<wxSpinCtrl>(settings, "pub_9m_day")->IsEnabled());
    // Quarterly without any quarter ticked is refused beside the button.
    for (const char* q : {"pub_quarter_1", "pub_quarter_3"})
        Named<wxCheckBox>(settings, q)->SetValue(false);
    wxUIActionSimulator sim;
    auto* status = Named<wxStaticText>(settings, "survey_status");
    ClickOn(sim, Named<wxButton>(settings, "save_surveys"));
    WaitFor([&] { return !status->GetLabel().empty(); });
    BOOST_TEST(!status->GetLabel().empty());
    BOOST_TEST(services::LoadSurveySettings(*w.db).publicationCalendar.size() == 4u);
    // Every quarter, and the nine months on the 20th; no monthly publication.
    for (const char* q : {"pub_quarter_1", "pub_quarter_2", "pub_quarter_3", "pub_quarter_4"})
        Named<wxCheckBox>(settings, q)->SetValue(true);
    BOOST_TEST(TickWith(sim, Named<wxCheckBox>(settings, "pub_month"), false));
    BOOST_TEST(TickWith(sim, Named<wxCheckBox>(settings, "pub_9m"), true));
    auto* day = Named<wxSpinCtrl>(settings, "pub_9m_day");
    BOOST_TEST(day->IsEnabled());
    BOOST_REQUIRE(TypeInto(sim, day, "20"));
    BOOST_REQUIRE(WaitFor([&] { return day->GetValue() == 20; }));
    const std::string expected = "quarter:28; half:28:1; 9m:20; year:28";
    auto stored = [&] {
        return FormatPublicationCalendar(services::LoadSurveySettings(*w.db).publicationCalendar);
    };
    ClickOn(sim, Named<wxButton>(settings, "save_surveys"));
    WaitFor([&] { return stored() == expected; });
    const auto calendar = services::LoadSurveySettings(*w.db).publicationCalendar;
    BOOST_TEST(FormatPublicationCalendar(calendar) == expected);
}

// Two desks on one officer's quarter: the commune's leadership appraises
// the first criterion on another desk while the officer scores it here.
// Each changed another value: nothing is asked, both are stored (the empty
// appraisal this page read does not go back over the other desk's).
BOOST_AUTO_TEST_CASE(a_self_assessment_appraised_on_another_desk_merges_without_asking) {
    SurveysWindow w;
    w.panel->ShowPage(gui::SurveysPanel::kSelfPage);
    gui::SelfAssessmentPage* page = w.panel->selfAssessment();
    BOOST_REQUIRE(WaitFor([&] { return page->sheet().has_value(); }));
    const SelfAssessmentSheet read = *page->sheet();
    const double appraised = read.lines[0].appraised == 1.0 ? 1.5 : 1.0;
    const int selfChoice = read.lines[0].self == 2.0 ? 4 : 5;  // 1,5 or 2 points
    {
        auto db = OtherDesk(w.url);
        SelfAssessmentSheet theirs =
            services::LoadSelfAssessment(*db, read.personId, read.period, read.frameworkCode);
        theirs.lines[0].appraised = appraised;
        services::SaveSelfAssessment(*db, theirs, "desk-b");
    }
    Choose(page->SelfChoice(0), selfChoice);
    ConflictSeen seen;
    bool saved = false;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("saved, a conflict dialog answered with its defaults",
               ConflictAnswered(seen, {read.lines[0].code + "/self"}, [&] { return saved; }),
               10000);
    script.Begin();
    saved = page->Save();
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(!seen.asked);
    const auto stored =
        services::LoadSelfAssessment(*w.db, read.personId, read.period, read.frameworkCode);
    BOOST_TEST(stored.lines[0].self.value_or(-1) == (selfChoice - 1) / 2.0);
    BOOST_TEST(stored.lines[0].appraised.value_or(-1) == appraised);
}

namespace {
// The row of the dossier grid whose field has no figures in the month shown.
int EmptyDossierRow(const gui::DossierPage& page) {
    const auto& lines = page.sheet()->lines;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].stored) return static_cast<int>(i);
    return -1;
}
}  // namespace

// Form II.06a typed in the Surveys area: a figure typed into a cell and
// Enter is stored at once, the totals and the total row follow, a line whose
// dossiers do not add up is named under the grid, text that is not a count
// is refused, and last month's dossiers in progress carry over.
BOOST_AUTO_TEST_CASE(dossier_figures_typed_in_the_grid_are_stored_at_once) {
    SurveysWindow w;
    w.panel->ShowPage(gui::SurveysPanel::kDossierPage);
    gui::DossierPage* page = w.panel->dossiers();
    BOOST_REQUIRE(WaitFor([&] { return page->sheet().has_value(); }));
    wxGrid* grid = page->grid();
    const int row = EmptyDossierRow(*page);
    BOOST_REQUIRE(row >= 0);
    const std::string month = page->sheet()->month;
    const std::int64_t field = page->sheet()->lines[static_cast<std::size_t>(row)].fieldId;
    const int totalRow = grid->GetNumberRows() - 1;
    const long totalBefore = ParseCount(gui::ToU8(grid->GetCellValue(totalRow, 1))).value_or(0);
    const int online = 2, receivedTotal = 1;
    BOOST_TEST(grid->GetCellValue(row, online).empty());

    grid->SetGridCursor(row, online);
    grid->SetFocus();
    BOOST_REQUIRE(WaitFor([&] {
        wxWindow* f = wxWindow::FindFocus();
        return f == grid || f == grid->GetGridWindow();
    }));
    wxUIActionSimulator sim;
    sim.Text("12");
    WaitFor([] { return false; }, 200);
    sim.Char(WXK_RETURN);
    auto stored = [&] {
        for (const auto& l : services::LoadDossierSheet(*w.db, w.commune.id, month, "").lines)
            if (l.fieldId == field) return l.figures.receivedOnline;
        return -1L;
    };
    BOOST_REQUIRE(WaitFor([&] { return stored() == 12; }));
    BOOST_TEST(grid->GetCellValue(row, receivedTotal) == "12");
    BOOST_TEST(*ParseCount(gui::ToU8(grid->GetCellValue(totalRow, receivedTotal))) ==
               totalBefore + 12);
    // Twelve received, none settled or in progress: the line is named.
    const wxString name = gui::U8(page->sheet()->lines[static_cast<std::size_t>(row)].name);
    BOOST_TEST(page->StatusText().Find(name) != wxNOT_FOUND, page->StatusText());
    BOOST_TEST(!page->Unsaved());

    // Not a count: refused, nothing changes.
    BOOST_TEST(!page->Type(row, online, wxString::FromUTF8("mười hai")));
    BOOST_TEST(!page->Type(row, online, "-3"));
    BOOST_TEST(!page->Type(row, receivedTotal, "5"));  // a total is added up, not typed
    BOOST_TEST(stored() == 12);
    // Ten settled on time and two in progress: the line adds up.
    BOOST_TEST(page->Type(row, 7, "10"));
    BOOST_TEST(page->Type(row, 10, "2"));
    BOOST_TEST(page->StatusText().Find(name) == wxNOT_FOUND, page->StatusText());

    // The next month carries over the two in progress.
    wxChoice* months = page->MonthChoice();
    BOOST_REQUIRE(months->GetSelection() >= 1);
    months->SetSelection(months->GetSelection() - 1);
    wxCommandEvent pick(wxEVT_CHOICE, months->GetId());
    pick.SetEventObject(months);
    months->ProcessWindowEvent(pick);
    BOOST_REQUIRE(page->sheet().has_value());
    BOOST_TEST(page->sheet()->month != month);
    page->CarryOver();
    const auto next = services::LoadDossierSheet(*w.db, w.commune.id, page->sheet()->month, "");
    for (const auto& l : next.lines)
        if (l.fieldId == field) BOOST_TEST(l.figures.carriedOver == 2);
}

// Two desks on one commune's month: another desk typed the same cell
// since this page read it. The conflict dialog shows both figures; kept as
// typed here, the page's figure is stored.
BOOST_AUTO_TEST_CASE(a_dossier_figure_typed_on_two_desks_asks_which_to_keep) {
    SurveysWindow w;
    w.panel->ShowPage(gui::SurveysPanel::kDossierPage);
    gui::DossierPage* page = w.panel->dossiers();
    BOOST_REQUIRE(WaitFor([&] { return page->sheet().has_value(); }));
    const int row = EmptyDossierRow(*page);
    BOOST_REQUIRE(row >= 0);
    const auto read = *page->sheet();
    const auto& line = read.lines[static_cast<std::size_t>(row)];
    {
        auto db = OtherDesk(w.url);
        auto theirs = services::LoadDossierSheet(*db, read.unitId, read.month, "");
        theirs.lines[static_cast<std::size_t>(row)].figures.receivedOnline = 30;
        services::SaveDossierSheet(*db, theirs, "desk-b");
    }
    ConflictSeen seen;
    bool done = false;
    UiScript script;
    script.onAbort = EndModals;
    const std::string key = line.code + "/received_online";
    script.Add("a conflict dialog answered with its defaults",
               ConflictAnswered(seen, {key}, [&] { return done; }), 10000);
    script.Begin();
    const bool saved = page->Type(row, 2, "12");
    done = true;
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(saved);
    BOOST_TEST(seen.asked);
    BOOST_TEST((seen.mineFirst == std::vector<std::string>{key}));
    const auto stored = services::LoadDossierSheet(*w.db, read.unitId, read.month, "");
    BOOST_TEST(stored.lines[static_cast<std::size_t>(row)].figures.receivedOnline == 12);
}

// A month of survey tallies typed in the Surveys area: the answers typed
// add up to the responses, coverage and satisfaction follow, a field below
// the coverage rule is named, a three-level line locks its "very" columns,
// and the summary of the area counts what was typed.
BOOST_AUTO_TEST_CASE(survey_tallies_typed_in_the_grid_are_stored_and_summed) {
    SurveysWindow w;
    w.panel->ShowPage(gui::SurveysPanel::kTypedTalliesPage);
    gui::TallyPage* page = w.panel->typedTallies();
    BOOST_REQUIRE(WaitFor([&] { return page->sheet().has_value(); }));
    wxGrid* grid = page->grid();
    int row = -1;
    for (std::size_t i = 0; i < page->sheet()->lines.size(); ++i)
        if (!page->sheet()->lines[i].stored) {
            row = static_cast<int>(i);
            break;
        }
    BOOST_REQUIRE(row >= 0);
    const auto line = page->sheet()->lines[static_cast<std::size_t>(row)];
    const std::string month = page->sheet()->month;
    const int scale = 1, settled = 2, responses = 3, very = 4, satisfied = 5, neutral = 6,
              coverage = 9;
    // Keyboard: the settled dossiers typed and Enter.
    grid->SetGridCursor(row, settled);
    grid->SetFocus();
    BOOST_REQUIRE(WaitFor([&] {
        wxWindow* f = wxWindow::FindFocus();
        return f == grid || f == grid->GetGridWindow();
    }));
    wxUIActionSimulator sim;
    sim.Text("20");
    WaitFor([] { return false; }, 200);
    sim.Char(WXK_RETURN);
    auto stored = [&] {
        for (const auto& l : services::LoadTallySheet(*w.db, w.commune.id, month, "").lines)
            if (l.fieldId == line.fieldId) return l;
        return TallyLine{};
    };
    BOOST_REQUIRE(WaitFor([&] { return stored().settled == 20; }));
    BOOST_TEST(page->Type(row, very, "10"));
    BOOST_TEST(page->Type(row, satisfied, "5"));
    BOOST_TEST(page->Type(row, neutral, "1"));
    BOOST_TEST(grid->GetCellValue(row, responses) == "16");
    BOOST_TEST(stored().Responses() == 16);
    // 16 of 20 is 80%, not above the 80% rule: the field is named.
    BOOST_TEST(grid->GetCellValue(row, coverage) == gui::U8(FormatPercent(80)));
    const wxString name = gui::U8(line.name);
    BOOST_TEST(page->StatusText().Find(name) != wxNOT_FOUND, page->StatusText());
    BOOST_TEST(page->Type(row, satisfied, "6"));
    BOOST_TEST(page->StatusText().Find(name) == wxNOT_FOUND, page->StatusText());
    // Not a count: refused.
    BOOST_TEST(!page->Type(row, satisfied, wxString::FromUTF8("sáu")));
    BOOST_TEST(!page->Type(row, responses, "3"));  // added up, not typed

    // On three levels the "very" answers are not typed; with one left the
    // save is refused, said under the grid, and kept on the page.
    BOOST_TEST(!page->Type(row, scale, _("3 levels")));
    BOOST_TEST(page->Unsaved());
    BOOST_TEST(stored().fiveLevels);
    BOOST_TEST(!page->StatusText().empty());
    BOOST_TEST(page->Type(row, scale, _("5 levels")));
    BOOST_TEST(!page->Unsaved());
    BOOST_TEST(page->Type(row, very, "0"));
    BOOST_TEST(page->Type(row, scale, _("3 levels")));
    BOOST_TEST(!stored().fiveLevels);
    BOOST_TEST(stored().satisfied == 6);
    BOOST_TEST(grid->IsReadOnly(row, very));
}

// A stack of ten paper forms (Mẫu 01) typed from the keyboard: three digits
// and Enter per form, Ctrl+S stores them as the commune's paper ratings.
BOOST_AUTO_TEST_CASE(ten_paper_forms_are_typed_from_the_keyboard) {
    SurveysWindow w;
    w.panel->ShowPage(gui::SurveysPanel::kRatingsPage);
    auto* button = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("paperForms", w.frame));
    BOOST_REQUIRE(button);
    BOOST_REQUIRE(WaitFor([&] { return button->IsEnabled(); }));
    auto paperRatings = [&] {
        storage::RatingFilter f;
        f.unitId = w.commune.id;
        f.channel = "paper";
        return storage::RatingRepository(w.db->session()).CountMatchingByRatings(f);
    };
    const long before = paperRatings();

    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = [] {
        if (auto* dlg = FindShown<gui::PaperFormsDialog>(); dlg && dlg->IsModal())
            dlg->EndModal(wxID_CANCEL);
    };
    script.Add("the dialog opens with the cursor in the first score", [] {
        auto* dlg = FindShown<gui::PaperFormsDialog>();
        return dlg && dlg->IsModal() && wxWindow::FindFocus() &&
               wxWindow::FindFocus()->GetName() == "attitude";
    });
    for (int i = 0; i < 10; ++i) {
        script.Add("type form " + std::to_string(i + 1), [&sim, i] {
            auto* dlg = FindShown<gui::PaperFormsDialog>();
            if (!dlg || dlg->Forms().size() != static_cast<std::size_t>(i)) return false;
            if (!wxWindow::FindFocus() || wxWindow::FindFocus()->GetName() != "attitude")
                return false;
            sim.Text(i % 2 ? "543" : "21");  // the even ones leave guidance blank
            if (i % 2 == 0) sim.Char(WXK_TAB);
            sim.Char(WXK_RETURN);
            return true;
        });
    }
    script.Add("ten forms on the stack, saved with Ctrl+S", [&sim] {
        auto* dlg = FindShown<gui::PaperFormsDialog>();
        if (!dlg || dlg->Forms().size() != 10u) return false;
        sim.Char('s', wxMOD_CONTROL);
        return true;
    });
    script.Add(
        "the dialog closes", [] { return !FindShown<gui::PaperFormsDialog>(); }, 10000);
    script.Begin();
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 30000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(paperRatings() == before + 10);
    // The scores as typed: a form of 5, 4 and 3, and one of 2 and 1 alone.
    storage::RatingRepository repo(w.db->session());
    storage::RatingFilter f;
    f.unitId = w.commune.id;
    f.channel = "paper";
    f.from = Date::Today().ToIso();
    int full = 0, two = 0;
    for (const auto& row : repo.Page(repo.FilterIds(f))) {
        if (row.rating.attitude == 5 && row.rating.handling == 4 && row.rating.guidance == 3)
            ++full;
        if (row.rating.attitude == 2 && row.rating.handling == 1 && !row.rating.guidance) ++two;
    }
    BOOST_TEST(full >= 5);
    BOOST_TEST(two >= 5);
}
