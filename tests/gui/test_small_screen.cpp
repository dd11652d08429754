// Every area at 1024×768, the smallest screen of the offices: each control
// shown lies within its page (or the scrolled part of it) and none shrinks
// to nothing, with a commune chosen in the tree and without.
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/textctrl.h>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <memory>
#include <sstream>

#include "core/org.h"
#include "gui/catalogue/account_dialog.h"
#include "gui/catalogue/audit_history_dialog.h"
#include "gui/catalogue/framework_copy_dialog.h"
#include "gui/catalogue/framework_editor_dialog.h"
#include "gui/catalogue/framework_new_dialog.h"
#include "gui/catalogue/lineage_dialog.h"
#include "gui/catalogue/person_dialog.h"
#include "gui/catalogue/unit_dialog.h"
#include "gui/index/evidence_dialog.h"
#include "gui/plans/assignment_matrix_dialog.h"
#include "gui/plans/draft_plan_dialog.h"
#include "gui/plans/plan_editor_dialog.h"
#include "gui/plans/plan_header_dialog.h"
#include "gui/shell/area_panel.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/import_wizard.h"
#include "gui/shell/login_dialog.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/manual_dialog.h"
#include "gui/shell/password_dialog.h"
#include "gui/shell/progress_dialog.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui/surveys/paper_forms_dialog.h"
#include "gui_fixture.h"
#include "services/app/overview.h"
#include "services/frameworks/frameworks.h"
#include "services/plans/task_board.h"
#include "services/results/result_sheet.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {

// Windows whose content scrolls sideways on its own: what is inside them is
// not cut by the screen.
bool ScrollsItsContent(const wxWindow* w) {
    return dynamic_cast<const wxListCtrl*>(w) || dynamic_cast<const wxGrid*>(w) ||
           w->GetName() == "dataview";
}

// The controls of page shown on screen that pass the right edge of the page
// (or of the scrolled window holding them) or are narrower than 24 px.
void FindCut(wxWindow* page, wxWindow* w, std::ostringstream& out) {
    for (wxWindow* child : w->GetChildren()) {
        if (!child->IsShownOnScreen() || child->IsTopLevel()) continue;
        if (ScrollsItsContent(child)) continue;
        if (dynamic_cast<wxControl*>(child)) {
            wxWindow* box = page;
            for (wxWindow* a = child->GetParent(); a && a != page; a = a->GetParent())
                if (dynamic_cast<wxScrolledWindow*>(a)) {
                    box = a;
                    break;
                }
            const wxRect r = child->GetScreenRect();
            const wxRect b = box->GetScreenRect();
            const bool cut = r.GetRight() > b.GetRight() + 2;
            const bool thin = r.width < 24 &&
                              (dynamic_cast<wxChoice*>(child) || dynamic_cast<wxTextCtrl*>(child) ||
                               dynamic_cast<wxComboBox*>(child));
            if (cut || thin)
                out << "\n  " << wxString(child->GetClassInfo()->GetClassName()).utf8_string()
                    << " \"" << child->GetName().utf8_string() << "\" \""
                    << child->GetLabel().Left(40).utf8_string() << "\" x " << r.x << ".."
                    << r.GetRight() << " (page to " << b.GetRight() << ")";
        }
        FindCut(page, child, out);
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_area_fits_a_1024_by_768_screen) {
    TempDir dir;
    auto demo = DemoDatabase("sqlite:" + dir.File("small.db"));
    std::int64_t commune = 0;
    for (const auto& u : storage::UnitRepository(demo->session()).All())
        if (IsCommuneLevel(u.kind) && u.active && !commune) commune = u.id;
    auto* frame = ShowMainFrame(std::move(demo));
    frame->SetSize(1024, 768);
    for (bool chosen : {false, true}) {
        if (chosen) frame->unitTree()->Select(commune);
        for (int a = 0; a < static_cast<int>(gui::Area::Count); ++a) {
            const auto area = static_cast<gui::Area>(a);
            frame->ShowArea(area);
            wxWindow* page = frame->AreaAt(area);
            BOOST_REQUIRE(WaitFor([&] { return page->IsShownOnScreen(); }));
            // Every tab of the area, turned to as Ctrl+PgDn does.
            wxNotebook* tabs = gui::FirstTabs(page);
            const int count = tabs ? static_cast<int>(tabs->GetPageCount()) : 1;
            for (int t = 0; t < count; ++t) {
                if (t > 0) {
                    frame->TurnTab(true);
                    BOOST_TEST(tabs->GetSelection() == t);
                }
                frame->Layout();
                WaitFor([] { return false; }, 300);  // the page lays itself out
                std::ostringstream cut;
                FindCut(page, page, cut);
                BOOST_TEST(cut.str().empty(), "area " << a << " tab " << t
                                                      << (chosen ? " (a commune chosen)" : "")
                                                      << ":" << cut.str());
            }
            if (tabs) {
                frame->TurnTab(true);  // round to the first again
                BOOST_TEST(tabs->GetSelection() == 0);
            }
        }
    }
    DestroyWindow(frame);
}

// The dialogs at 1024×768: each can be made that small (its minimum size
// fits the screen with room for the panel of the desktop) and, at that
// size, no control passes its right edge.
BOOST_AUTO_TEST_CASE(every_dialog_fits_a_1024_by_768_screen) {
    TempDir dir;
    auto demo = DemoDatabase("sqlite:" + dir.File("dialogs.db"));
    Unit commune;
    for (const auto& u : storage::UnitRepository(demo->session()).All())
        if (IsCommuneLevel(u.kind) && u.active && commune.id == 0) commune = u;
    const auto plans = storage::PlanRepository(demo->session()).All();
    BOOST_REQUIRE(!plans.empty());
    const std::vector<Unit> units = storage::UnitRepository(demo->session()).All();
    const auto frameworks = services::ListFrameworks(*demo);
    BOOST_REQUIRE(!frameworks.empty());
    auto* frame = ShowMainFrame(std::move(demo));
    auto& session = frame->session();
    const auto people = session.Organisation().People(commune.id);
    BOOST_REQUIRE(!people.empty());
    const auto board = services::TaskBoard(session.db(), Date::Today(), session.user())
                           .List(services::TaskFilter{});
    BOOST_REQUIRE(!board.empty());
    const services::Sheet sheet = services::ResultSheetService(session.db(), session.user())
                                      .Load(commune.code, "PAR-XA-2025", "2025");
    BOOST_REQUIRE(!sheet.rows.empty());
    const Framework framework =
        services::FrameworkService(session.db(), session.user()).Load(frameworks.front().code);
    using Make = std::function<wxDialog*()>;
    const std::vector<std::pair<const char*, Make>> dialogs = {
        {"import wizard", [&] { return new gui::ImportWizard(frame, session, "tallies"); }},
        {"draft plan", [&] { return new gui::DraftPlanDialog(frame, session, commune); }},
        {"plan editor",
         [&] { return new gui::PlanEditorDialog(frame, session, plans.front().id); }},
        {"plan header", [&] { return new gui::PlanHeaderDialog(frame, session, plans.front()); }},
        {"framework editor",
         [&] { return new gui::FrameworkEditorDialog(frame, session, frameworks.front().code); }},
        {"new framework", [&] { return new gui::FrameworkNewDialog(frame, session); }},
        {"former units", [&] { return new gui::LineageDialog(frame, session, commune); }},
        {"unit", [&] { return new gui::UnitDialog(frame, session, commune, units); }},
        {"person", [&] { return new gui::PersonDialog(frame, session, people.front(), units); }},
        {"account", [&] { return new gui::AccountDialog(frame, session, true); }},
        {"assignments",
         [&] { return new gui::AssignmentMatrixDialog(frame, session, commune.code, "QD766"); }},
        {"paper forms", [&] { return new gui::PaperFormsDialog(frame, session, commune); }},
        {"manual", [&] { return new gui::ManualDialog(frame, gui::Area::Surveys); }},
        {"password", [&] { return new gui::PasswordDialog(frame, session, "quantri", true); }},
        {"login",
         [&] {
             return new gui::LoginDialog(frame, session.db().url(), true,
                                         [](const std::string&, const std::string&) {});
         }},
        {"framework copy", [&] { return new gui::FrameworkCopyDialog(frame, session, framework); }},
        {"progress",
         [&] { return new gui::ProgressDialog(frame, session, board.front(), "Facts"); }},
        {"evidence",
         [&] { return new gui::EvidenceDialog(frame, session, sheet, sheet.rows.back().code); }},
        {"history",
         [&] {
             return new gui::AuditHistoryDialog(
                 frame, session, gui::RecordOf(session, "units", commune.id, commune.id),
                 wxString::FromUTF8(commune.name));
         }},
    };
    for (const auto& [name, make] : dialogs) {
        std::unique_ptr<wxDialog> dlg(make());
        const wxSize least = dlg->GetEffectiveMinSize();
        BOOST_TEST(least.x <= 1024, name << " needs " << least.x << " px");
        BOOST_TEST(least.y <= 740, name << " needs " << least.y << " px of height");
        dlg->SetSize(std::min(dlg->GetSize().x, 1024), std::min(dlg->GetSize().y, 740));
        dlg->Show();
        BOOST_REQUIRE(WaitFor([&] { return dlg->IsShownOnScreen(); }));
        dlg->Layout();
        WaitFor([] { return false; }, 200);
        std::ostringstream cut;
        FindCut(dlg.get(), dlg.get(), cut);
        BOOST_TEST(cut.str().empty(), name << ":" << cut.str());
        dlg->Hide();
    }
    DestroyWindow(frame);
}
