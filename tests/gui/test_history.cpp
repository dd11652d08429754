// History in the client (issue 14): the history page filters between two
// days and exports what its filters select, whole, to a file; "Lịch sử..."
// beside a unit, a task (task board, plan editor) and a criterion's result
// (scoring grid) opens that record's trail, offered to the accounts that
// read the audit trail (a chair, its commune's) and refused, saying why, to
// clerks and viewers.
#include <soci/soci.h>
#include <wx/bookctrl.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/org.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "gui/catalogue/audit_history_dialog.h"
#include "gui/catalogue/audit_page.h"
#include "gui/catalogue/catalogue_panel.h"
#include "gui/index/index_results_panel.h"
#include "gui/index/scoring_grid_page.h"
#include "gui/plans/plan_editor_dialog.h"
#include "gui/plans/task_board_panel.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui/shell/vn_date_ctrl.h"
#include "gui_fixture.h"
#include "services/app/accounts.h"
#include "services/app/audit_trail.h"
#include "services/io/table_io.h"
#include "services/org/organisation.h"
#include "services/plans/plans.h"
#include "storage/database.h"
#include "storage/database_url.h"
#include "storage/plan_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {

using HistoryOffice = OfficeWithRoles;

template <class T>
T* Named(wxWindow* top, const char* name) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, top));
}

// The history page of the catalogue, shown and counted.
gui::AuditPage* ShowHistoryPage(gui::MainFrame* frame) {
    frame->ShowArea(gui::Area::Catalogue);
    gui::AuditPage* page = nullptr;
    BOOST_REQUIRE(WaitFor([&] { return (page = Named<gui::AuditPage>(frame, "auditPage")); }));
    auto* book = dynamic_cast<wxBookCtrlBase*>(page->GetParent());
    BOOST_REQUIRE(book);
    book->SetSelection(static_cast<std::size_t>(book->FindPage(page)));
    BOOST_REQUIRE(WaitFor([&] { return !page->Reading() && page->RowCount() > 0; }, 20000));
    return page;
}

// The rows of an exported file (its header checked).
std::vector<std::vector<std::string>> ReadExport(const std::string& path) {
    auto reader = tableio::TableReader::Open(path);
    BOOST_TEST(reader->Header() == (std::vector<std::string>{"at", "user", "table", "row", "action",
                                                             "field", "old", "new"}));
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> fields;
    while (reader->Next(fields)) rows.push_back(fields);
    return rows;
}

void CheckRefused(wxWindow* w, const std::string& login) {
    BOOST_REQUIRE(w);
    BOOST_TEST(!w->IsEnabled(), login << ": " << w->GetName());
    const std::string tip = w->GetToolTipText().utf8_string();
    BOOST_TEST(tip.find("Tài khoản " + login + " không được") == 0, login << ": " << tip);
}

void CheckOffered(wxWindow* w, const std::string& login) {
    BOOST_REQUIRE(w);
    BOOST_TEST(w->IsEnabled(), login << ": " << w->GetName());
}

// Runs open(), which shows a record's history modal, and checks what the
// dialog shows: the trail of the record only (each row passes `belongs`),
// as many rows as the service counts, the table and unit filters hidden and
// the export offered; then closes it.
void CheckHistoryOpens(const std::function<void()>& open,
                       const std::function<bool(const services::AuditTrailRow&)>& belongs,
                       long long expected, const std::string& titlePart) {
    BOOST_TEST_REQUIRE(expected > 0);
    long long shown = -1;
    bool allBelong = true, filtersHidden = false, exportOffered = false;
    std::string title;
    UiScript script;
    script.onAbort = CancelModal<gui::AuditHistoryDialog>;
    script.Add(
        "the history is read",
        [&] {
            auto* dlg = FindModal<gui::AuditHistoryDialog>();
            if (!dlg) return false;
            gui::AuditPage* page = dlg->page();
            if (page->Reading() || page->RowCount() == 0 || !page->RowAt(0)) return false;
            shown = page->RowCount();
            for (long i = 0; i < std::min<long>(shown, gui::AuditPage::kWindow); ++i)
                if (const auto* r = page->RowAt(i); r && !belongs(*r)) allBelong = false;
            filtersHidden = !Named<wxChoice>(dlg, "auditTable")->IsShown() &&
                            !Named<wxWindow>(dlg, "auditUnit")->IsShown();
            exportOffered = Named<wxButton>(dlg, "auditExport")->IsEnabled();
            title = dlg->GetTitle().utf8_string();
            dlg->EndModal(wxID_CANCEL);
            return true;
        },
        20000);
    script.Begin();
    open();
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 25000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(shown == expected);
    BOOST_TEST(allBelong);
    BOOST_TEST(filtersHidden);
    BOOST_TEST(exportOffered);
    BOOST_TEST(title.find("Lịch sử thay đổi của " + titlePart) == 0, title);
}

// Presses a button as a click does (its handler may show a modal dialog).
void Press(wxWindow* button) {
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(history)

BOOST_AUTO_TEST_CASE(the_history_page_filters_between_two_days_and_exports_what_it_selects) {
    HistoryOffice office;
    auto check = office.Open();
    gui::MainFrame* frame = office.Show("quantri");
    gui::AuditPage* page = ShowHistoryPage(frame);
    const long long total = page->RowCount();
    auto* since = Named<gui::VnDateCtrl>(frame, "auditSince");
    auto* until = Named<gui::VnDateCtrl>(frame, "auditUntil");
    auto* exportButton = Named<wxButton>(frame, "auditExport");
    auto* count = Named<wxStaticText>(frame, "auditCount");
    BOOST_REQUIRE(since && until && exportButton && count);
    BOOST_TEST(exportButton->GetLabel().utf8_string() == "Xuất…");
    BOOST_TEST(exportButton->IsEnabled());

    // Up to yesterday: the changes made before today (the accounts were
    // added today), as the query counts them.
    const Date today = Date::Today();
    services::AuditTrailFilter beforeToday;
    beforeToday.until = today.AddDays(-1).ToIso();
    const long long before = services::CountAuditTrail(*check, "quantri", beforeToday).count;
    BOOST_TEST(before < total);
    until->SetValue(gui::U8(FormatDate(today.AddDays(-1))));
    BOOST_REQUIRE(WaitFor([&] { return !page->Reading() && page->RowCount() == before; }, 20000));
    for (long i = 0; i < std::min<long>(page->RowCount(), gui::AuditPage::kWindow); ++i)
        if (const auto* r = page->RowAt(i)) BOOST_TEST(r->at < today.ToIso(), r->at);
    // A last day before the first: nothing, said so, nothing to export.
    since->SetValue(gui::U8(FormatDate(today)));
    BOOST_REQUIRE(WaitFor([&] { return !page->Reading() && page->RowCount() == 0; }));
    BOOST_TEST(count->GetLabel().utf8_string().find("Ngày cuối ở trước ngày đầu") == 0,
               count->GetLabel().utf8_string());
    BOOST_TEST(!exportButton->IsEnabled());
    // Today only.
    until->SetValue(gui::U8(FormatDate(today)));
    BOOST_REQUIRE(
        WaitFor([&] { return !page->Reading() && page->RowCount() == total - before; }, 20000));
    since->SetValue("");
    until->SetValue("");
    BOOST_REQUIRE(WaitFor([&] { return !page->Reading() && page->RowCount() == total; }, 20000));

    // The tasks' changes, exported whole (not only the window read) to CSV.
    auto* table = Named<wxChoice>(frame, "auditTable");
    BOOST_REQUIRE(table);
    Choose(table, table->FindString(wxGetTranslation("Tasks")));
    services::AuditTrailFilter tasks;
    tasks.table = "tasks";
    const services::AuditTrailSize size = services::CountAuditTrail(*check, "quantri", tasks);
    BOOST_TEST_REQUIRE(size.count > gui::AuditPage::kWindow);
    BOOST_REQUIRE(WaitFor(
        [&] { return !page->Reading() && page->RowCount() == size.count && page->RowAt(0); },
        20000));
    BOOST_TEST(page->RowsHeld() <= gui::AuditPage::kWindow);
    BOOST_TEST(exportButton->IsEnabled());
    const std::string csv = office.dir.File("lịch sử nhiệm vụ.csv");
    const gui::WorkOutcome outcome = page->ExportTo(csv);
    BOOST_TEST(outcome.error.empty(), outcome.error);
    BOOST_TEST(!outcome.cancelled);
    BOOST_TEST(page->ExportedRows() == size.count);
    BOOST_TEST(ReadFile(csv).rfind("\xEF\xBB\xBF"
                                   "at,user,table,row,action,field,old,new\n",
                                   0) == 0);
    const auto rows = ReadExport(csv);
    BOOST_REQUIRE(rows.size() == static_cast<std::size_t>(size.count));
    for (const auto& row : rows) BOOST_TEST(row[2] == "tasks");
    // Oldest first, the newest last, as the query reads them.
    tasks.upToId = size.upToId;
    const auto newest = services::ReadAuditTrailWindow(*check, "quantri", tasks, 0, 1).at(0);
    const auto oldest =
        services::ReadAuditTrailWindow(*check, "quantri", tasks, size.count - 1, 1).at(0);
    BOOST_TEST(rows.front()[0] == oldest.at);
    BOOST_TEST(rows.front()[3] == std::to_string(oldest.rowId));
    BOOST_TEST(rows.back()[3] == std::to_string(newest.rowId));
    BOOST_TEST(rows.back()[7] == newest.newValue.value_or(""));
    // XLSX the same.
    const std::string xlsx = office.dir.File("lich-su.xlsx");
    BOOST_TEST(page->ExportTo(xlsx).error.empty());
    BOOST_TEST(ReadExport(xlsx) == rows);
    DestroyWindow(frame);
}

BOOST_AUTO_TEST_CASE(a_chairs_history_page_exports_its_communes_changes_only) {
    HistoryOffice office;
    auto check = office.Open();
    gui::MainFrame* frame = office.Show("ct_a");
    gui::AuditPage* page = ShowHistoryPage(frame);
    const long long chair = services::CountAuditTrail(*check, "ct_a", {}).count;
    BOOST_TEST(chair < services::CountAuditTrail(*check, "quantri", {}).count);
    BOOST_REQUIRE(WaitFor([&] { return !page->Reading() && page->RowCount() == chair; }, 20000));
    CheckOffered(Named<wxButton>(frame, "auditExport"), "ct_a");
    const std::string file = office.dir.File("xa.csv");
    BOOST_TEST(page->ExportTo(file).error.empty());
    BOOST_TEST(ReadExport(file).size() == static_cast<std::size_t>(chair));
    DestroyWindow(frame);
}

BOOST_AUTO_TEST_CASE(a_task_opens_its_history_from_the_task_board_and_the_plan_editor) {
    HistoryOffice office;
    // The task's progress, so that its history holds an update of it.
    services::ProgressInput progress;
    progress.taskId = office.taskId;
    progress.period =
        Period::Containing(PeriodKind::Quarter, Date::Today(), WindowKind::Calendar).ToString();
    progress.percent = 35;
    progress.note = "Đã niêm yết tại Bộ phận Một cửa";
    const std::int64_t update = services::AddProgressUpdate(*office.db, progress, "ct_a");
    services::AuditTrailFilter ofTask;
    ofTask.table = "tasks";
    ofTask.rowId = office.taskId;
    auto check = office.Open();
    const long long expected = services::CountAuditTrail(*check, "quantri", ofTask).count;
    bool withUpdate = false;
    for (const auto& r : services::ReadAuditTrail(*check, "quantri", ofTask))
        withUpdate = withUpdate || (r.table == "progress_updates" && r.rowId == update);
    BOOST_TEST(withUpdate);
    // Its updates: this quarter's and those of the demo.
    std::set<std::int64_t> updates;
    {
        long long task = office.taskId;
        soci::rowset<long long> ids =
            (check->session().prepare << "SELECT id FROM progress_updates WHERE task_id = :t",
             soci::use(task));
        for (long long id : ids) updates.insert(id);
    }
    BOOST_TEST(updates.count(update) == 1u);
    auto belongs = [&](const services::AuditTrailRow& r) {
        return (r.table == "tasks" && r.rowId == office.taskId) ||
               (r.table == "progress_updates" && updates.count(r.rowId) == 1);
    };

    // The task board: the selected task's history.
    for (const std::string login : {"quantri", "ct_a"}) {
        gui::MainFrame* frame = office.Show(login);
        frame->ShowArea(gui::Area::Plans);
        auto* board = Named<gui::TaskBoardPanel>(frame, "taskBoard");
        BOOST_REQUIRE(board);
        BOOST_REQUIRE(WaitFor([&] { return board->Loaded() && board->ShownCount() > 0; }, 15000));
        auto* history = Named<wxButton>(frame, "taskHistory");
        CheckOffered(history, login);
        auto* list = Named<wxListCtrl>(frame, "taskList");
        long item = -1;
        for (long i = 0; i < list->GetItemCount() && item < 0; ++i)
            if (const auto* t = board->TaskAt(i); t && t->row.taskId == office.taskId) item = i;
        BOOST_REQUIRE(item >= 0);
        list->SetItemState(item, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        CheckHistoryOpens([&] { Press(history); }, belongs, expected,
                          "nhiệm vụ " + std::to_string(office.taskId) + " (");
        DestroyWindow(frame);
    }
    for (const std::string login : {"cc_a", "xem"}) {
        gui::MainFrame* frame = office.Show(login);
        frame->ShowArea(gui::Area::Plans);
        auto* board = Named<gui::TaskBoardPanel>(frame, "taskBoard");
        BOOST_REQUIRE(WaitFor([&] { return board->Loaded(); }, 15000));
        CheckRefused(Named<wxButton>(frame, "taskHistory"), login);
        BOOST_TEST(!board->OpenHistory());
        DestroyWindow(frame);
    }

    // The plan editor: the task's history beside it; not for a clerk or a
    // viewer.
    {
        auto session = office.Session("ct_a");
        gui::PlanEditorDialog dlg(nullptr, *session, office.plan.id, office.taskId);
        wxWindow* history = dlg.FindWindow(XRCID("task_history"));
        CheckOffered(history, "ct_a");
        dlg.Show();
        CheckHistoryOpens([&] { Press(history); }, belongs, expected,
                          "nhiệm vụ " + std::to_string(office.taskId) + " (");
        dlg.Hide();
    }
    // (Another commune's chair does not read the plan at all: its tree never
    // shows the commune, and the plan service refuses it.)
    for (const std::string login : {"cc_a", "xem"}) {
        auto session = office.Session(login);
        gui::PlanEditorDialog dlg(nullptr, *session, office.plan.id, office.taskId);
        CheckRefused(dlg.FindWindow(XRCID("task_history")), login);
    }
}

BOOST_AUTO_TEST_CASE(a_result_and_a_unit_open_their_history) {
    HistoryOffice office;
    auto check = office.Open();
    for (const std::string login : {"quantri", "ct_a", "xem"}) {
        gui::MainFrame* frame = office.Show(login);
        frame->ShowArea(gui::Area::IndexResults);
        auto* panel = Named<gui::IndexResultsPanel>(frame, "indexResults");
        BOOST_REQUIRE(panel);
        panel->OpenUnit(office.communeA.code);
        wxGrid* grid = nullptr;
        gui::ScoringGridPage* page = nullptr;
        BOOST_REQUIRE(WaitFor(
            [&] {
                grid = Named<wxGrid>(frame, "scoringGrid");
                page = grid ? dynamic_cast<gui::ScoringGridPage*>(grid->GetParent()) : nullptr;
                return page && grid->IsShownOnScreen() && page->sheet() &&
                       page->sheet()->unitId == office.communeA.id;
            },
            15000));
        // A criterion with a stored result, and a group (which has none).
        const auto& rows = page->sheet()->rows;
        int leaf = -1, group = -1;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (leaf < 0 && !rows[i].group && rows[i].resultId != 0) leaf = static_cast<int>(i);
            if (group < 0 && rows[i].group) group = static_cast<int>(i);
        }
        BOOST_REQUIRE(leaf >= 0);
        BOOST_REQUIRE(group >= 0);
        const std::int64_t result = rows[static_cast<std::size_t>(leaf)].resultId;
        const std::string code = rows[static_cast<std::size_t>(leaf)].code;
        auto* history = Named<wxButton>(frame, "gridHistory");
        BOOST_REQUIRE(history);
        grid->SetGridCursor(group, 1);
        BOOST_TEST(!history->IsEnabled(), login);
        grid->SetGridCursor(leaf, 1);
        if (login == "xem") {
            CheckRefused(history, login);
            BOOST_TEST(!page->OpenHistory());
        } else {
            CheckOffered(history, login);
            services::AuditTrailFilter ofResult;
            ofResult.table = "results";
            ofResult.rowId = result;
            const long long expected = services::CountAuditTrail(*check, login, ofResult).count;
            CheckHistoryOpens([&] { Press(history); },
                              [&](const services::AuditTrailRow& r) {
                                  return (r.table == "results" || r.table == "result_evidence") &&
                                         r.rowId == result;
                              },
                              expected,
                              "kết quả tiêu chí " + code + " của " + office.communeA.name);
        }

        // The unit in the catalogue.
        frame->unitTree()->Select(office.communeA.id);
        frame->ShowArea(gui::Area::Catalogue);
        auto* unitHistory = Named<wxButton>(frame, "unit_history");
        BOOST_REQUIRE(WaitFor([&] { return unitHistory && unitHistory->IsShownOnScreen(); }));
        if (login == "xem") {
            CheckRefused(unitHistory, login);
        } else {
            CheckOffered(unitHistory, login);
            services::AuditTrailFilter ofUnit;
            ofUnit.table = "units";
            ofUnit.rowId = office.communeA.id;
            CheckHistoryOpens([&] { Press(unitHistory); },
                              [&](const services::AuditTrailRow& r) {
                                  return r.table == "units" && r.rowId == office.communeA.id;
                              },
                              services::CountAuditTrail(*check, login, ofUnit).count,
                              "đơn vị " + office.communeA.name);
        }
        DestroyWindow(frame);
    }
}

BOOST_AUTO_TEST_SUITE_END()
