// The task board as the Home Affairs specialist uses it: filter to one
// commune's overdue tasks, open one, record its progress as done with what
// changed; the update is stored, the task is closed and the overdue count
// drops by one. The chair's view of a commune chosen in the tree, grouped
// by status; a draft plan for that commune, opened in the editor. Progress
// on a task another desk saved since the board read it.
#include <soci/soci.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/odcombo.h>
#include <wx/radiobut.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "core/collation.h"
#include "core/date.h"
#include "gui/plans/draft_plan_dialog.h"
#include "gui/plans/plan_editor_dialog.h"
#include "gui/plans/task_board_panel.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/progress_dialog.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui_fixture.h"
#include "services/org/organisation.h"
#include "services/plans/plans.h"
#include "services/plans/task_board.h"
#include "storage/database_url.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
// The main window on the task board, its tasks read; destroyed at the end.
struct BoardWindow {
    gui::MainFrame* frame = nullptr;
    gui::TaskBoardPanel* panel = nullptr;
    explicit BoardWindow(std::unique_ptr<storage::Database> db) {
        frame = ShowMainFrame(std::move(db));
        frame->ShowArea(gui::Area::Plans);
        panel = dynamic_cast<gui::TaskBoardPanel*>(wxWindow::FindWindowByName("taskBoard", frame));
        BOOST_REQUIRE(panel);
        BOOST_REQUIRE(WaitFor([&] { return panel->Loaded(); }, 15000));
    }
    ~BoardWindow() { DestroyWindow(frame); }
};
}  // namespace

BOOST_AUTO_TEST_CASE(recording_progress_on_an_overdue_task_closes_it) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("tasks.db");
    auto demo = DemoDatabase(url);
    // A commune with an overdue task, found as the service sees it.
    services::TaskFilter overdue;
    overdue.overdue = true;
    const auto late = services::TaskBoard(*demo, Date::Today(), "").List(overdue);
    BOOST_REQUIRE_MESSAGE(!late.empty(), "the demo office has no overdue task");
    const std::int64_t unitId = late.front().row.unitId;
    const std::string unitName = late.front().unitName;
    long overdueThere = 0;
    for (const auto& t : late)
        if (t.row.unitId == unitId) ++overdueThere;

    BoardWindow window(std::move(demo));
    auto* frame = window.frame;
    auto* panel = window.panel;

    // Filter: that commune, overdue.
    auto* unit = dynamic_cast<wxOwnerDrawnComboBox*>(wxWindow::FindWindowByName("taskUnit", frame));
    auto* due = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("taskDue", frame));
    BOOST_REQUIRE(unit);
    BOOST_REQUIRE(due);
    const int index = unit->FindString(wxString::FromUTF8(unitName));
    BOOST_REQUIRE(index != wxNOT_FOUND);
    unit->SetSelection(index);
    wxCommandEvent chosen(wxEVT_COMBOBOX, unit->GetId());
    chosen.SetEventObject(unit);
    chosen.SetInt(index);
    unit->GetEventHandler()->ProcessEvent(chosen);
    Choose(due, 1);  // overdue
    BOOST_TEST(panel->ShownCount() == overdueThere);
    auto* counts = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("taskCounts", frame));
    BOOST_REQUIRE(counts);
    BOOST_TEST(counts->GetLabel().Contains(wxString::Format("%ld", overdueThere)));

    // Open the first one and record it as done, with what changed.
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("taskList", frame));
    BOOST_REQUIRE(list);
    list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    const std::string outcome = "Đã niêm yết đủ thủ tục tại Bộ phận Một cửa.";
    UiScript script;
    script.onAbort = [] {
        if (auto* dlg = FindShown<gui::ProgressDialog>(); dlg && dlg->IsModal())
            dlg->EndModal(wxID_CANCEL);
    };
    script.Add("the progress dialog opens", [] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        return dlg && dlg->IsModal();
    });
    script.Add("choose Done and say what changed", [&] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        Choose(Control<wxChoice>(dlg, "status"), 2);
        Control<wxTextCtrl>(dlg, "note")->SetValue(wxString::FromUTF8("Hoàn thành trong quý."));
        Control<wxTextCtrl>(dlg, "outcome")->SetValue(wxString::FromUTF8(outcome));
        return true;
    });
    wxUIActionSimulator sim;
    script.Add("click Save", ClickStep(sim, [] { return WindowOf<gui::ProgressDialog>(wxID_OK); }));
    script.Add("the dialog closes", [] { return FindShown<gui::ProgressDialog>() == nullptr; });
    script.Begin();
    BOOST_REQUIRE(panel->OpenSelected());
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());

    // The board is read again: one overdue task fewer.
    BOOST_REQUIRE(
        WaitFor([&] { return panel->Loaded() && panel->ShownCount() == overdueThere - 1; }, 15000));
    // Stored: an update and a closed task with its result.
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    long done = 0;
    for (const auto& t : services::TaskBoard(*db, Date::Today(), "").List({})) {
        if (t.row.unitId != unitId || t.row.status != TaskStatus::Done) continue;
        auto task = storage::PlanRepository(db->session()).LoadTask(t.row.taskId);
        if (task && task->outcome == outcome) {
            ++done;
            BOOST_TEST(task->percentDone == 100);
            BOOST_TEST(!storage::PlanRepository(db->session()).UpdatesOf(t.row.taskId).empty());
        }
    }
    BOOST_TEST(done == 1);
}

// A progress update the database refuses (a trigger standing for a full disk
// or a lost server) leaves the dialog open with what was typed and a
// Vietnamese message beside the buttons; it does not close as if saved.
BOOST_AUTO_TEST_CASE(a_progress_update_the_database_refuses_keeps_the_dialog_open) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("refused.db");
    auto demo = DemoDatabase(url);
    demo->session() << "CREATE TRIGGER refuse_updates BEFORE INSERT ON progress_updates BEGIN "
                       "SELECT RAISE(ABORT, 'disk I/O error'); END";
    BoardWindow window(std::move(demo));
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("taskList", window.frame));
    BOOST_REQUIRE(list);
    // A task still open (a done one asks for its outcome first).
    long item = 0;
    while (item < list->GetItemCount() &&
           (!window.panel->TaskAt(item) ||
            window.panel->TaskAt(item)->row.status == TaskStatus::Done ||
            window.panel->TaskAt(item)->row.status == TaskStatus::Cancelled))
        ++item;
    BOOST_REQUIRE(window.panel->TaskAt(item));
    const std::int64_t taskId = window.panel->TaskAt(item)->row.taskId;
    list->SetItemState(item, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    std::size_t updatesBefore = 0;
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        updatesBefore = storage::PlanRepository(db->session()).UpdatesOf(taskId).size();
    }
    const wxString note = wxString::FromUTF8("Đã họp rà soát trong quý.");
    wxString shown;
    bool noteKept = false;
    UiScript script;
    script.onAbort = [] {
        if (auto* dlg = FindShown<gui::ProgressDialog>(); dlg && dlg->IsModal())
            dlg->EndModal(wxID_CANCEL);
    };
    script.Add("the progress dialog opens", [] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        return dlg && dlg->IsModal();
    });
    script.Add("write a note", [&] {
        Control<wxTextCtrl>(FindShown<gui::ProgressDialog>(), "note")->SetValue(note);
        return true;
    });
    wxUIActionSimulator sim;
    script.Add("click Save", ClickStep(sim, [] { return WindowOf<gui::ProgressDialog>(wxID_OK); }));
    script.Add("the message shows and the dialog stays open", [&] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        if (!dlg) return false;
        auto* error = Control<wxStaticText>(dlg, "error");
        if (!error || !error->IsShown() || error->GetLabel().empty()) return false;
        shown = error->GetLabel();
        noteKept = Control<wxTextCtrl>(dlg, "note")->GetValue() == note;
        return true;
    });
    script.Add("cancel", [] {
        FindShown<gui::ProgressDialog>()->EndModal(wxID_CANCEL);
        return true;
    });
    script.Begin();
    BOOST_REQUIRE(window.panel->OpenSelected());
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());

    BOOST_TEST(noteKept);
    wxString label = shown;
    label.Replace("\n", " ");  // the label wraps its lines
    const std::string text = label.ToStdString(wxConvUTF8);
    for (const char* technical : {"INSERT", "sqlite", "soci", "disk I/O", "progress_updates"})
        BOOST_TEST(text.find(technical) == std::string::npos, text);
    BOOST_TEST(text.find("cơ sở dữ liệu") != std::string::npos, text);
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    BOOST_TEST(storage::PlanRepository(db->session()).UpdatesOf(taskId).size() == updatesBefore);
}

// The chair's view: choosing a commune in the tree lists only its tasks,
// grouped under headings with the overdue ones first; a heading is not a
// task (nothing opens on it).
BOOST_AUTO_TEST_CASE(a_commune_chosen_in_the_tree_shows_its_tasks_grouped_overdue_first) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("chair.db");
    auto demo = DemoDatabase(url);
    services::TaskFilter late;
    late.overdue = true;
    const auto lateTasks = services::TaskBoard(*demo, Date::Today(), "").List(late);
    BOOST_REQUIRE(!lateTasks.empty());
    const std::optional<std::int64_t> unitId = lateTasks.front().row.unitId;
    long all = 0, overdue = 0;
    for (const auto& t : services::TaskBoard(*demo, Date::Today(), "").List({}))
        if (t.row.unitId == *unitId) {
            ++all;
            if (GroupOf(t.row.status, t.due, Date::Today()) == TaskGroup::Overdue) ++overdue;
        }

    BoardWindow window(std::move(demo));
    auto* frame = window.frame;
    auto* panel = window.panel;
    frame->unitTree()->Select(*unitId);
    BOOST_REQUIRE(WaitFor([&] { return panel->ShownCount() == all; }, 5000));
    auto* group = dynamic_cast<wxCheckBox*>(wxWindow::FindWindowByName("taskGroup", frame));
    BOOST_REQUIRE(group);
    BOOST_TEST(group->GetValue());
    const auto headings = panel->GroupHeadings();
    BOOST_REQUIRE(!headings.empty());
    // "Quá hạn (3)".
    BOOST_TEST(headings.front().find(std::to_string(overdue)) != std::string::npos);
    BOOST_TEST(panel->TaskAt(0) == nullptr);
    for (long row = 1; row <= overdue; ++row) {
        const services::BoardTask* t = panel->TaskAt(row);
        BOOST_REQUIRE(t);
        BOOST_TEST(t->overdueDays > 0);
        BOOST_TEST(t->row.unitId == *unitId);
    }
    // A heading selected: nothing to open.
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("taskList", frame));
    list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    BOOST_TEST(!panel->OpenSelected());
    // Back to the whole office: one list, no headings.
    frame->unitTree()->Select(frame->unitTree()->Selected()->parentId.value_or(0));
    WaitFor([&] { return !group->GetValue(); }, 3000);
    BOOST_TEST(!group->GetValue());
    BOOST_TEST(panel->GroupHeadings().empty());
}

// A draft plan from the client: for the commune chosen in the tree, with
// every criterion under 100 % of its maximum, the draft dialog stores the
// plan's items and the plan opens in the editor.
// The draft dialog lists the criteria it would add as the threshold
// changes; closed without Save, it stores nothing.
BOOST_AUTO_TEST_CASE(a_draft_plan_is_previewed_and_stored_only_on_save) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("preview.db");
    auto demo = DemoDatabase(url);
    auto communes = storage::UnitRepository(demo->session()).All();
    auto commune = std::find_if(communes.begin(), communes.end(),
                                [](const Unit& u) { return IsCommuneLevel(u.kind) && u.active; });
    BOOST_REQUIRE(commune != communes.end());
    const auto before = storage::PlanRepository(demo->session()).All().size();
    BoardWindow window(std::move(demo));
    {
        gui::DraftPlanDialog dlg(window.frame, window.frame->session(), *commune);
        dlg.Show();
        auto* below = Control<wxSpinCtrl>(&dlg, "below");
        auto* list = Control<wxListCtrl>(&dlg, "preview");
        BOOST_REQUIRE(list);
        below->SetValue(100);
        wxSpinEvent changed(wxEVT_SPINCTRL, below->GetId());
        changed.SetEventObject(below);
        below->GetEventHandler()->ProcessEvent(changed);
        const int all = list->GetItemCount();
        BOOST_TEST(all > 0);
        BOOST_TEST(Control<wxStaticText>(&dlg, "preview_title")
                       ->GetLabel()
                       .Contains(wxString::Format("%d", all)));
        below->SetValue(1);
        below->GetEventHandler()->ProcessEvent(changed);
        BOOST_TEST(list->GetItemCount() < all);
    }
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    BOOST_TEST(storage::PlanRepository(db->session()).All().size() == before);
}

BOOST_AUTO_TEST_CASE(drafting_a_plan_for_a_commune_opens_it_in_the_editor) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("draft.db");
    auto demo = DemoDatabase(url);
    auto communes = storage::UnitRepository(demo->session()).All();
    auto commune = std::find_if(communes.begin(), communes.end(),
                                [](const Unit& u) { return IsCommuneLevel(u.kind) && u.active; });
    BOOST_REQUIRE(commune != communes.end());
    const auto before = storage::PlanRepository(demo->session()).All();
    auto itemsOf = [&](const std::vector<PlanRecord>& plans) {
        std::size_t n = 0;
        for (const auto& p : plans)
            if (p.unitId == commune->id) n += p.items.size();
        return n;
    };

    BoardWindow window(std::move(demo));
    auto* frame = window.frame;
    auto* panel = window.panel;
    frame->unitTree()->Select(commune->id);

    std::int64_t editedPlan = 0;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("the draft dialog opens with a framework and a period", [] {
        auto* dlg = FindShown<gui::DraftPlanDialog>();
        return dlg && dlg->IsModal() && Control<wxChoice>(dlg, "framework")->GetSelection() >= 0 &&
               Control<wxChoice>(dlg, "period")->GetSelection() >= 0;
    });
    wxUIActionSimulator sim;
    auto below = []() -> wxSpinCtrl* {
        auto* dlg = FindModal<gui::DraftPlanDialog>();
        return dlg ? Control<wxSpinCtrl>(dlg, "below") : nullptr;
    };
    script.Add("focus the threshold", FocusStep(below));
    script.Add("every criterion under 100 % of its maximum", TypeOver(sim, "100"));
    script.Add("the threshold arrives", [below] { return below() && below()->GetValue() == 100; });
    script.Add("click Draft",
               ClickStep(sim, [] { return WindowOf<gui::DraftPlanDialog>(wxID_OK); }));
    script.Add("the plan opens in the editor", [&] {
        auto* editor = FindShown<gui::PlanEditorDialog>();
        if (!editor || !editor->IsModal()) return false;
        editor->EndModal(wxID_CANCEL);
        editedPlan = 1;
        return true;
    });
    script.Begin();
    panel->DraftPlan();
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(editedPlan == 1);

    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    const auto after = storage::PlanRepository(db->session()).All();
    BOOST_TEST(itemsOf(after) > itemsOf(before));
}

namespace {
// The board read a task; another desk then saved its percentage. The clerk
// records progress from the board's copy with a note, setting the
// percentage too when typePercent. Returns the percentage stored and
// whether the conflict dialog was shown (its defaults are saved).
struct ProgressOutcome {
    int board = 0, theirs = 0, typed = 0, stored = 0;
    bool asked = false, typedPreselected = false;
};
ProgressOutcome ProgressAgainstAnotherDesk(bool typePercent) {
    ProgressOutcome out;
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("conflict.db");
    BoardWindow window(DemoDatabase(url));
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("taskList", window.frame));
    BOOST_REQUIRE(list);
    long item = 0;
    for (; item < list->GetItemCount(); ++item) {
        const services::BoardTask* t = window.panel->TaskAt(item);
        if (t && t->row.status == TaskStatus::InProgress) break;
    }
    BOOST_REQUIRE(window.panel->TaskAt(item));
    const services::BoardRow row = window.panel->TaskAt(item)->row;
    list->SetItemState(item, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    out.board = row.percentDone;
    out.theirs = row.percentDone == 77 ? 78 : 77;
    out.typed = row.percentDone == 20 ? 21 : 20;
    // Another desk saves the task after the board read it.
    auto otherDesk = OtherDesk(url);
    {
        services::PlanService other(*otherDesk, "other-desk");
        TaskRecord t = other.LoadTask(row.taskId);
        t.percentDone = out.theirs;
        other.SaveTask(row.itemId, t);
    }
    const std::size_t updatesBefore =
        storage::PlanRepository(otherDesk->session()).UpdatesOf(row.taskId).size();

    UiScript script;
    script.onAbort = EndModals;
    script.Add("the progress dialog opens", [] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        return dlg && dlg->IsModal();
    });
    script.Add("write a note and save", [&] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        Control<wxTextCtrl>(dlg, "note")->SetValue(wxString::FromUTF8("Đã họp rà soát."));
        if (typePercent) Control<wxSpinCtrl>(dlg, "percent")->SetValue(out.typed);
        PressLater(dlg, wxID_OK);
        return true;
    });
    script.Add("the dialogs close, the conflict dialog answered with its defaults", [&] {
        if (wxDialog* dlg = ShownConflictDialog()) {
            if (!out.asked) {
                wxRadioButton* m = ConflictChoice("mine_", "percent");
                out.typedPreselected = m && m->GetValue();
                out.asked = true;
                PressLater(dlg, wxID_OK);
            }
            return false;
        }
        return FindShown<gui::ProgressDialog>() == nullptr;
    });
    script.Begin();
    BOOST_REQUIRE(window.panel->OpenSelected());
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());

    auto check = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    storage::PlanRepository plans(check->session());
    out.stored = plans.LoadTask(row.taskId)->percentDone;
    const auto updates = plans.UpdatesOf(row.taskId);
    BOOST_REQUIRE(updates.size() == updatesBefore + 1);
    BOOST_TEST(std::any_of(updates.begin(), updates.end(), [&](const auto& u) {
        return u.percentDone == out.stored && u.note == "Đã họp rà soát.";
    }));
    return out;
}
}  // namespace

// Issue 13: the clerk writes only a note; the percentage the dialog shows
// is the board's stale copy, never touched. Nothing is asked and the other
// desk's percentage stays (it is not set back to the board's).
BOOST_AUTO_TEST_CASE(progress_on_a_task_saved_on_another_desk_keeps_its_percentage) {
    const ProgressOutcome out = ProgressAgainstAnotherDesk(false);
    BOOST_TEST(!out.asked);
    BOOST_TEST(out.stored == out.theirs);
}

// The clerk sets the percentage too: it was changed on both desks, so the
// conflict dialog asks, with the clerk's value pre-selected.
BOOST_AUTO_TEST_CASE(progress_setting_a_percentage_changed_elsewhere_asks_with_the_users_first) {
    const ProgressOutcome out = ProgressAgainstAnotherDesk(true);
    BOOST_TEST(out.asked);
    BOOST_TEST(out.typedPreselected);
    BOOST_TEST(out.stored == out.typed);
}

// Issue 13: a task has one progress update per quarter. Another desk
// reports this quarter while the clerk's progress dialog is open; the
// clerk's note, written on the same quarter, is refused, the conflict
// dialog asks (the note was written on both desks) with the clerk's note
// first, and the clerk's choice edits the other desk's update: still one
// update for the quarter, with the clerk's note and the other desk's
// percentage (the clerk left it alone). Opened again, the dialog shows it.
BOOST_AUTO_TEST_CASE(progress_of_a_quarter_reported_elsewhere_meanwhile_edits_that_report) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("quarter.db");
    BoardWindow window(DemoDatabase(url));
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("taskList", window.frame));
    BOOST_REQUIRE(list);
    long item = 0;
    for (; item < list->GetItemCount(); ++item) {
        const services::BoardTask* t = window.panel->TaskAt(item);
        if (t && t->row.status == TaskStatus::InProgress) break;
    }
    BOOST_REQUIRE(window.panel->TaskAt(item));
    const services::BoardRow row = window.panel->TaskAt(item)->row;
    list->SetItemState(item, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    auto otherDesk = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    const int theirs = row.percentDone == 77 ? 78 : 77;
    // The quarter the dialog offers first: this one, as the office counts it.
    const std::string quarter =
        Period::Containing(PeriodKind::Quarter, Date::Today(),
                           services::OrganisationService(*otherDesk, "t").ReportingWindow())
            .ToString();

    auto conflictShown = [] {
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* d = dynamic_cast<wxDialog*>(w);
                d && d->IsShown() && d->IsModal() && d->GetName() == "conflict_dialog")
                return d;
        return static_cast<wxDialog*>(nullptr);
    };
    bool asked = false, minePreselected = false;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("the progress dialog opens", [&] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        return dlg && dlg->IsModal();
    });
    script.Add("another desk reports the same quarter", [&] {
        services::ProgressInput in;
        in.taskId = row.taskId;
        in.period = quarter;
        in.status = TaskStatus::InProgress;
        in.percent = theirs;
        in.note = "Bao cao cua ban khac";
        services::AddProgressUpdate(*otherDesk, in, "other-desk");
        return true;
    });
    script.Add("write a note and save", [&] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        Control<wxTextCtrl>(dlg, "note")->SetValue("Bao cao cua toi");
        PressLater(dlg, wxID_OK);
        return true;
    });
    script.Add("the conflict dialog asks; its defaults are saved", [&] {
        if (wxDialog* dlg = conflictShown()) {
            if (!asked) {
                auto* m =
                    dynamic_cast<wxRadioButton*>(wxWindow::FindWindowByName("mine_note", dlg));
                minePreselected = m && m->GetValue();
                asked = true;
                PressLater(dlg, wxID_OK);
            }
            return false;
        }
        return asked && FindShown<gui::ProgressDialog>() == nullptr;
    });
    script.Begin();
    BOOST_REQUIRE(window.panel->OpenSelected());
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(asked);
    BOOST_TEST(minePreselected);

    storage::PlanRepository plans(otherDesk->session());
    const auto updates = plans.UpdatesOf(row.taskId);
    BOOST_TEST(std::count_if(updates.begin(), updates.end(),
                             [&](const auto& u) { return u.period == quarter; }) == 1);
    const auto reported = plans.UpdateFor(row.taskId, quarter);
    BOOST_REQUIRE(reported);
    BOOST_TEST(reported->note == "Bao cao cua toi");
    BOOST_TEST(reported->percentDone == theirs);
    BOOST_TEST(plans.LoadTask(row.taskId)->percentDone == theirs);

    // Opened again on that quarter, the dialog shows the report to edit.
    std::string shownNote;
    UiScript again;
    again.onAbort = EndModals;
    again.Add("the progress dialog opens with the quarter's note", [&] {
        auto* dlg = FindShown<gui::ProgressDialog>();
        if (!dlg || !dlg->IsModal()) return false;
        shownNote = Control<wxTextCtrl>(dlg, "note")->GetValue().utf8_string();
        dlg->EndModal(wxID_CANCEL);
        return true;
    });
    again.Begin();
    BOOST_REQUIRE(window.panel->OpenSelected());
    BOOST_REQUIRE(WaitFor([&] { return again.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(again.failure().empty(), again.failure());
    BOOST_TEST(shownNote == "Bao cao cua toi");
}

// The list is virtual over the database: as many rows as tasks counted,
// each read with its window of rows; sorted by a column (its header
// clicked), the rows follow the column's order, the other way when
// clicked again, and a row in the middle shows the task there.
BOOST_AUTO_TEST_CASE(the_board_sorts_by_a_column_and_reads_the_middle_of_the_list) {
    TempDir dir;
    BoardWindow window(DemoDatabase("sqlite:" + dir.File("sort.db")));
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("taskList", window.frame));
    BOOST_REQUIRE(list);
    const long n = window.panel->ShownCount();
    BOOST_REQUIRE(n > 20);
    BOOST_TEST(list->GetItemCount() == n);
    wxListEvent click(wxEVT_LIST_COL_CLICK, list->GetId());
    click.SetEventObject(list);
    click.m_col = 2;  // the task
    list->GetEventHandler()->ProcessEvent(click);
    std::vector<std::string> keys;
    for (long i = 0; i < n; ++i) {
        const services::BoardTask* t = window.panel->TaskAt(i);
        BOOST_REQUIRE(t);
        keys.push_back(StoredSortKey(t->row.solution));
    }
    BOOST_TEST(std::is_sorted(keys.begin(), keys.end()));
    list->GetEventHandler()->ProcessEvent(click);
    keys.clear();
    for (long i = n - 1; i >= 0; --i)
        keys.push_back(StoredSortKey(window.panel->TaskAt(i)->row.solution));
    BOOST_TEST(std::is_sorted(keys.begin(), keys.end()));
    BOOST_TEST(list->GetItemText(n / 2, 2) ==
               wxString::FromUTF8(window.panel->TaskAt(n / 2)->row.solution));
}
