// What an account may not do is not offered inside the windows either
// (issue 14's role table, asked of AccessUi): the evidence of a criterion,
// the plan editor, the assignment matrix, the officers' self-assessment and
// the report's texts are read by a viewer, by a clerk where only progress
// and evidence are its, and by another commune's chair; the controls that
// would change them are disabled (or read-only) with a tooltip that says
// why in Vietnamese, and stay offered to the accounts that may. The history
// page reads a long trail by windows, its filters done by the query; the
// login dialog opens with nothing over its fields.
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/org.h"
#include "core/period.h"
#include "gui/catalogue/audit_page.h"
#include "gui/index/evidence_dialog.h"
#include "gui/index/index_results_panel.h"
#include "gui/plans/assignment_matrix_dialog.h"
#include "gui/plans/plan_editor_dialog.h"
#include "gui/reports/reports_panel.h"
#include "gui/shell/gui_events.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/login_dialog.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui/surveys/self_assessment_page.h"
#include "gui_fixture.h"
#include "services/app/access_guard.h"
#include "services/app/accounts.h"
#include "services/app/audit_trail.h"
#include "services/org/organisation.h"
#include "services/plans/plans.h"
#include "services/results/result_sheet.h"
#include "storage/database.h"
#include "storage/database_url.h"
#include "storage/plan_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {

using Office = OfficeWithRoles;

// The control is disabled and its tooltip says which account may not do
// it: "Tài khoản xem không được ..." (and of which unit, when given).
void CheckRefused(wxWindow* w, const std::string& login, const std::string& unitName = "") {
    BOOST_REQUIRE(w);
    BOOST_TEST(!w->IsEnabled(), login << ": " << w->GetName());
    const std::string tip = w->GetToolTipText().utf8_string();
    BOOST_TEST(tip.find("Tài khoản " + login + " không được") == 0, login << ": " << tip);
    if (!unitName.empty()) BOOST_TEST(tip.find(unitName) != std::string::npos, tip);
}

void CheckOffered(wxWindow* w, const std::string& login) {
    BOOST_REQUIRE(w);
    BOOST_TEST(w->IsEnabled(), login << ": " << w->GetName());
    BOOST_TEST(w->GetToolTipText().utf8_string().find("không được") == std::string::npos,
               login << ": " << w->GetToolTipText().utf8_string());
}

template <class T>
T* Named(wxWindow* top, const char* name) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, top));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(role_gates)

BOOST_AUTO_TEST_CASE(the_evidence_dialog_offers_adding_and_unlinking_to_who_may_attach) {
    Office office;
    const std::string year = std::to_string(Date::Today().year);
    const services::Sheet sheet = services::ResultSheetService(*office.db, "quantri")
                                      .Load(office.communeA.code, "PAR-XA-2025", year);
    std::string criterion;
    for (const auto& r : sheet.rows)
        if (!r.group && criterion.empty()) criterion = r.code;
    BOOST_REQUIRE(!criterion.empty());
    // The criterion has a document, so that unlinking could be offered.
    services::EvidenceInput doc;
    doc.filePath = office.dir.File("qd.txt");
    WriteFile(doc.filePath, "Quyết định");
    doc.title = "Quyết định ban hành kế hoạch";
    doc.detailsTyped = true;
    services::ResultSheetService(*office.db, "quantri").AttachEvidence(sheet, criterion, doc);

    for (const std::string login : {"quantri", "ct_a", "cc_a"}) {
        auto session = office.Session(login);
        gui::EvidenceDialog dlg(nullptr, *session, sheet, criterion);
        for (const char* name : {"add", "link", "remove"})
            CheckOffered(Control<wxButton>(&dlg, name), login);
        CheckOffered(Control<wxButton>(&dlg, "open"), login);
    }
    // The viewer reads only.
    for (const std::string login : {"xem"}) {
        auto session = office.Session(login);
        gui::EvidenceDialog dlg(nullptr, *session, sheet, criterion);
        BOOST_TEST(Control<wxListCtrl>(&dlg, "documents")->GetItemCount() == 1);
        for (const char* name : {"add", "link", "remove"})
            CheckRefused(Control<wxButton>(&dlg, name), login, "");
        CheckOffered(Control<wxButton>(&dlg, "open"), login);  // the file is read
    }
    // The chair of another commune does not even read it (its tree never
    // shows commune A): what the dialog would read is refused, naming it.
    BOOST_CHECK_EXCEPTION(
        services::ResultSheetService(*office.db, "ct_b").EvidenceOf(sheet, criterion),
        services::AccessDenied, [&](const services::AccessDenied& e) {
            return std::string(e.what()).find(office.communeA.name) != std::string::npos;
        });
}

BOOST_AUTO_TEST_CASE(the_plan_editor_is_read_only_for_who_may_not_edit_the_communes_plans) {
    Office office;
    std::int64_t taskId = 0;
    for (const auto& i : office.plan.items)
        if (!i.tasks.empty() && taskId == 0) taskId = i.tasks.front().id;
    const char* buttons[] = {"add_item", "plan_details", "add_task", "delete_task"};
    const char* fields[] = {"target", "solution", "lead_unit", "status", "percent", "outcome"};
    for (const std::string login : {"quantri", "ct_a"}) {
        auto session = office.Session(login);
        gui::PlanEditorDialog dlg(nullptr, *session, office.plan.id, taskId);
        for (const char* name : buttons) CheckOffered(dlg.FindWindow(XRCID(name)), login);
        for (const char* name : fields) CheckOffered(dlg.FindWindow(XRCID(name)), login);
        CheckOffered(dlg.FindWindow(wxID_OK), login);
    }
    // The clerk records progress elsewhere; the viewer reads.
    for (const std::string login : {"cc_a", "xem"}) {
        auto session = office.Session(login);
        gui::PlanEditorDialog dlg(nullptr, *session, office.plan.id, taskId);
        const std::string unit;
        for (const char* name : buttons) CheckRefused(dlg.FindWindow(XRCID(name)), login, unit);
        for (const char* name : fields) CheckRefused(dlg.FindWindow(XRCID(name)), login, unit);
        CheckRefused(dlg.FindWindow(wxID_OK), login, unit);
        CheckOffered(dlg.FindWindow(wxID_CANCEL), login);
        // The task is shown all the same.
        BOOST_TEST(!Control<wxTextCtrl>(&dlg, "solution")->GetValue().empty());
    }
    // The chair of another commune does not read the plan at all.
    BOOST_CHECK_EXCEPTION(services::PlanService(*office.db, "ct_b").LoadTask(taskId),
                          services::AccessDenied, [&](const services::AccessDenied& e) {
                              return std::string(e.what()).find(office.communeA.name) !=
                                     std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(the_assignment_matrix_of_another_unit_is_read_only) {
    Office office;
    auto check = [&](const std::string& login, const Unit& unit, bool may) {
        auto session = office.Session(login);
        gui::AssignmentMatrixDialog dlg(nullptr, *session, unit.code, "QD766");
        auto* grid = Control<wxGrid>(&dlg, "matrix");
        BOOST_REQUIRE(grid);
        BOOST_TEST(grid->IsEditable() == may, login << " on " << unit.code);
        for (const char* name : {"add"})
            may ? CheckOffered(Control<wxButton>(&dlg, name), login)
                : CheckRefused(Control<wxButton>(&dlg, name), login);
        may ? CheckOffered(dlg.FindWindow(wxID_OK), login)
            : CheckRefused(dlg.FindWindow(wxID_OK), login);
        if (!may)
            BOOST_TEST(grid->GetGridWindow()->GetToolTipText().utf8_string().find("Tài khoản " +
                                                                                  login) == 0);
    };
    check("quantri", office.office, true);
    check("ct_a", office.communeA, true);
    // The office's matrix is not the commune chair's (what the task board
    // opens when no unit is chosen in the tree).
    check("ct_a", office.office, false);
    check("cc_a", office.communeA, false);
    check("xem", office.communeA, false);
}

BOOST_AUTO_TEST_CASE(the_self_assessment_takes_scores_from_the_communes_accounts_only) {
    Office office;
    const std::vector<Period> quarters = {
        Period::Containing(PeriodKind::Quarter, Date::Today(), WindowKind::Calendar)};
    auto* top = new wxFrame(nullptr, wxID_ANY, "self-assessment");
    for (const std::string login : {"cc_a", "xem", "ct_b"}) {
        auto session = office.Session(login);
        auto* page = new gui::SelfAssessmentPage(top, *session);
        page->SetQuarters(quarters);
        page->SetUnit(office.communeA);
        BOOST_REQUIRE(page->sheet().has_value());
        // The officer with the position, apart: "Phạm Thị Hoa – Công chức ...".
        auto* officer = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("selfOfficer", page));
        BOOST_REQUIRE(officer);
        BOOST_TEST(officer->GetString(0).utf8_string().find(" – ") != std::string::npos,
                   officer->GetString(0).utf8_string());
        wxWindow* save = wxWindow::FindWindowByName("selfSave", page);
        if (login == "cc_a") {
            CheckOffered(page->SelfChoice(0), login);
            CheckOffered(save, login);
        } else {
            const std::string unit = login == "ct_b" ? office.communeA.name : "";
            CheckRefused(page->SelfChoice(0), login, unit);
            CheckRefused(wxWindow::FindWindowByName("appraisedScore0", page), login, unit);
            CheckRefused(save, login, unit);
        }
        page->Destroy();
    }
    DestroyWindow(top);
}

BOOST_AUTO_TEST_CASE(a_viewers_window_reads_the_report_texts_and_opens_plans_to_read) {
    Office office;
    gui::MainFrame* frame = office.Show("xem");
    frame->unitTree()->Select(office.communeA.id);

    // The report's texts: there, read-only, saying why.
    frame->ShowArea(gui::Area::Reports);
    auto* reports = Named<gui::ReportsPanel>(frame, "reportsArea");
    BOOST_REQUIRE(reports);
    BOOST_REQUIRE(reports->ChooseType("quarterly"));
    wxTextCtrl* text = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        wxWindowList todo;
        todo.push_back(frame);
        while (!todo.empty() && !text) {
            wxWindow* w = todo.front();
            todo.pop_front();
            if (w->GetName().StartsWith("narrative_")) text = dynamic_cast<wxTextCtrl*>(w);
            for (wxWindow* c : w->GetChildren()) todo.push_back(c);
        }
        return text != nullptr;
    }));
    BOOST_TEST(!text->IsEditable());
    BOOST_TEST(text->GetToolTipText().utf8_string().find("Tài khoản xem không được soạn báo cáo") ==
               0);

    // The task board: plans open to read, no progress recorded.
    frame->ShowArea(gui::Area::Plans);
    auto* openPlan = Named<wxButton>(frame, "openPlan");
    BOOST_REQUIRE(openPlan);
    BOOST_REQUIRE(WaitFor([&] { return openPlan->IsShownOnScreen(); }));
    CheckOffered(openPlan, "xem");
    CheckOffered(Named<wxButton>(frame, "assignments"), "xem");
    CheckRefused(Named<wxButton>(frame, "draftPlan"), "xem");

    // The scoring grid says why nothing can be typed.
    frame->ShowArea(gui::Area::IndexResults);
    auto* panel = Named<gui::IndexResultsPanel>(frame, "indexResults");
    BOOST_REQUIRE(panel);
    panel->OpenUnit(office.communeA.code);
    wxStaticText* details = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        details = Named<wxStaticText>(frame, "gridDetails");
        return details && details->GetLabel().utf8_string().find("Tài khoản xem không được") !=
                              std::string::npos;
    }));
    DestroyWindow(frame);
}

BOOST_AUTO_TEST_CASE(the_history_page_reads_a_long_trail_by_windows) {
    Office office;
    auto check = storage::Database::Open(storage::DatabaseUrl::Parse(office.url));
    const services::AuditTrailSize size = services::CountAuditTrail(*check, "quantri", {});
    BOOST_TEST_REQUIRE(size.count > 20 * gui::AuditPage::kWindow);
    services::AuditTrailFilter held;
    held.upToId = size.upToId;
    auto entry = [&](const services::AuditTrailFilter& f, long long at) {
        const auto rows = services::ReadAuditTrailWindow(*check, "quantri", f, at, 1);
        BOOST_REQUIRE(rows.size() == 1u);
        return rows[0].at + "|" + rows[0].table + "|" + std::to_string(rows[0].rowId) + "|" +
               rows[0].field;
    };
    auto shown = [](const services::AuditTrailRow* r) {
        return r ? r->at + "|" + r->table + "|" + std::to_string(r->rowId) + "|" + r->field
                 : std::string();
    };

    gui::MainFrame* frame = office.Show("quantri");
    frame->ShowArea(gui::Area::Catalogue);
    gui::AuditPage* page = nullptr;
    BOOST_REQUIRE(WaitFor([&] { return (page = Named<gui::AuditPage>(frame, "auditPage")); }));
    auto* book = dynamic_cast<wxBookCtrlBase*>(page->GetParent());
    BOOST_REQUIRE(book);
    book->SetSelection(static_cast<std::size_t>(book->FindPage(page)));
    BOOST_REQUIRE(WaitFor([&] { return !page->Reading() && page->RowCount() > 0; }, 20000));
    // Counted whole, read by its first window only.
    BOOST_TEST(page->RowCount() == size.count);
    BOOST_TEST(shown(page->RowAt(0)) == entry(held, 0));
    BOOST_TEST(page->RowsHeld() <= gui::AuditPage::kWindow);
    BOOST_TEST(page->list()->GetItemCount() == size.count);

    // The end of the list: its window is read when shown, the oldest change.
    const long last = page->RowCount() - 1;
    page->list()->EnsureVisible(last);
    BOOST_REQUIRE(WaitFor([&] { return page->RowAt(last) != nullptr; }, 20000));
    BOOST_TEST(shown(page->RowAt(last)) == entry(held, last));
    BOOST_TEST(page->RowsHeld() <= 3 * gui::AuditPage::kWindow);

    // A table chosen: counted and read by the query.
    auto* table = Named<wxChoice>(frame, "auditTable");
    BOOST_REQUIRE(table);
    const int tasks = table->FindString(wxGetTranslation("Tasks"));
    BOOST_REQUIRE(tasks != wxNOT_FOUND);
    Choose(table, tasks);
    services::AuditTrailFilter ofTasks;
    ofTasks.table = "tasks";
    const long long taskChanges = services::CountAuditTrail(*check, "quantri", ofTasks).count;
    BOOST_TEST_REQUIRE(taskChanges > 0);
    BOOST_TEST_REQUIRE(taskChanges < size.count);
    BOOST_REQUIRE(WaitFor(
        [&] { return !page->Reading() && page->RowCount() == taskChanges && page->RowAt(0); },
        20000));
    for (long i = 0; i < std::min<long>(page->RowCount(), gui::AuditPage::kWindow); ++i)
        if (const auto* r = page->RowAt(i)) BOOST_TEST(r->table == "tasks");
    DestroyWindow(frame);

    // The commune's chair: its commune's share of the trail.
    frame = office.Show("ct_a");
    frame->ShowArea(gui::Area::Catalogue);
    page = nullptr;
    BOOST_REQUIRE(WaitFor([&] { return (page = Named<gui::AuditPage>(frame, "auditPage")); }));
    book = dynamic_cast<wxBookCtrlBase*>(page->GetParent());
    book->SetSelection(static_cast<std::size_t>(book->FindPage(page)));
    const long long chair = services::CountAuditTrail(*check, "ct_a", {}).count;
    BOOST_TEST(chair < size.count);
    BOOST_REQUIRE(WaitFor([&] { return !page->Reading() && page->RowCount() == chair; }, 20000));
    DestroyWindow(frame);
}

BOOST_AUTO_TEST_CASE(the_login_dialog_opens_with_nothing_over_its_fields) {
    gui::LoginDialog dlg(nullptr, "sqlite:/tmp/cchc.db", true,
                         [](const std::string&, const std::string&) {});
    dlg.Show();
    BOOST_REQUIRE(WaitFor([&] { return dlg.IsShownOnScreen(); }));
    // No tooltip that could pop up over a field where the pointer rests
    // when the dialog appears.
    wxWindowList todo;
    todo.push_back(&dlg);
    while (!todo.empty()) {
        wxWindow* w = todo.front();
        todo.pop_front();
        BOOST_TEST(w->GetToolTipText().empty(), w->GetName());
        for (wxWindow* c : w->GetChildren()) todo.push_back(c);
    }
    // What a login is, said under its field, clear of the password's.
    auto* login = Control<wxTextCtrl>(&dlg, "login");
    auto* password = Control<wxTextCtrl>(&dlg, "password");
    auto* help = Control<wxStaticText>(&dlg, "login_help");
    BOOST_REQUIRE(login && password && help);
    BOOST_TEST(help->IsShownOnScreen());
    BOOST_TEST(help->GetLabel().utf8_string().find("Tên đăng nhập do quản trị") == 0);
    const wxRect l = login->GetScreenRect(), p = password->GetScreenRect(),
                 h = help->GetScreenRect();
    BOOST_TEST(h.y >= l.GetBottom());
    BOOST_TEST(h.GetBottom() < p.y);
    dlg.Hide();
}

BOOST_AUTO_TEST_SUITE_END()
