// The plan editor on seed 002's plan: the task of item 1.3, which names no
// lead, shows its "five clear" problems; writing a lead unit and saving
// stores it linked to the office's unit, and the problem goes away.
#include <wx/choicdlg.h>
#include <wx/combobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "gui/plans/plan_editor_dialog.h"
#include "gui/plans/plan_header_dialog.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/vn_date_ctrl.h"
#include "gui_fixture.h"
#include "services/app/app_context.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/plans/plan_io.h"
#include "services/plans/plans.h"
#include "storage/database_url.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
// A database holding seed 002's office, framework and plan.
services::PreparedDatabase SeedPlan(const std::string& url) {
    auto prepared = services::OpenPrepared(storage::DatabaseUrl::Parse(url), false);
    storage::Database& db = *prepared.db;
    services::LoadBuiltinCatalogues(db);
    services::ImportUnits(db, DataFile("seed002_units.csv"), "test");
    services::ImportPeople(db, DataFile("seed002_people.csv"), "test");
    services::ImportFrameworks(db, DataFile("seed002_framework.csv"), "test");
    services::ImportTasks(db, DataFile("seed002_tasks.csv"), "test");
    return prepared;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_plan_editor_shows_and_fixes_an_unclear_task) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("plan.db");
    auto prepared = SeedPlan(url);
    storage::Database& db = *prepared.db;
    const PlanRecord plan = storage::PlanRepository(db.session()).All().at(0);
    auto item = std::find_if(plan.items.begin(), plan.items.end(),
                             [](const auto& i) { return i.heading == "1.3"; });
    BOOST_REQUIRE(item != plan.items.end());
    const std::int64_t taskId = item->tasks.at(0).id;
    gui::GuiSession session(std::move(prepared.db), "gui-test");

    wxString before, after;
    UiScript script;
    script.onAbort = [] {
        if (auto* dlg = FindShown<gui::PlanEditorDialog>(); dlg && dlg->IsModal())
            dlg->EndModal(wxID_CANCEL);
    };
    script.Add("the editor opens on the unclear task", [&] {
        auto* dlg = FindShown<gui::PlanEditorDialog>();
        if (!dlg || !dlg->IsModal()) return false;
        before = Control<wxStaticText>(dlg, "five_clear")->GetLabel();
        return !before.empty();
    });
    script.Add("write the lead unit", [&] {
        auto* dlg = FindShown<gui::PlanEditorDialog>();
        Control<wxComboBox>(dlg, "lead_unit")->SetValue(wxString::FromUTF8("Văn phòng – Thống kê"));
        return true;
    });
    wxUIActionSimulator sim;
    script.Add("click Save",
               ClickStep(sim, [] { return WindowOf<gui::PlanEditorDialog>(wxID_OK); }));
    script.Add("the problem of responsibility is gone", [&] {
        auto* dlg = FindShown<gui::PlanEditorDialog>();
        after = Control<wxStaticText>(dlg, "five_clear")->GetLabel();
        return after.length() < before.length();
    });
    script.Add("close", [] {
        auto* dlg = FindShown<gui::PlanEditorDialog>();
        dlg->EndModal(wxID_CANCEL);
        return true;
    });
    script.Begin();
    {
        gui::PlanEditorDialog dlg(nullptr, session, plan.id, taskId);
        dlg.ShowModal();
    }
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());

    auto check = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    auto task = storage::PlanRepository(check->session()).LoadTask(taskId);
    auto unit = storage::UnitRepository(check->session()).ByCode("TT-KONGCHRO-VPTK");
    BOOST_REQUIRE(task);
    BOOST_REQUIRE(unit);
    BOOST_TEST((task->leadUnitId == std::optional<std::int64_t>(unit->id)));
}

// The plan's document fields and a criterion added from the editor: a date
// written the wrong way is refused beside its field, the right one stored
// with the number; the criterion chosen from the framework gets its item.
BOOST_AUTO_TEST_CASE(the_plan_number_date_and_a_new_criterion_are_stored_from_the_editor) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("plan.db");
    auto prepared = SeedPlan(url);
    storage::Database& db = *prepared.db;
    PlanRecord plan = storage::PlanRepository(db.session()).All().at(0);
    // The seed's plan answers every criterion: item 1.1 removed first is offered.
    services::PlanService(db, "test").DeleteItem(plan.items.at(0).id);
    plan = services::PlanService(db, "test").Load(plan.id);
    const auto offered = services::PlanService(db, "test").CriteriaWithoutItem(plan);
    BOOST_REQUIRE(!offered.empty());
    const std::string chosen = offered.front().code;
    gui::GuiSession session(std::move(prepared.db), "gui-test");

    wxString refusal;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("the editor opens", [] {
        auto* dlg = FindShown<gui::PlanEditorDialog>();
        return dlg && dlg->IsModal();
    });
    script.Add("press Plan details", [] {
        PressLater(FindShown<gui::PlanEditorDialog>(), XRCID("plan_details"));
        return true;
    });
    wxUIActionSimulator sim;
    auto issuedOn = []() -> gui::VnDateCtrl* {
        auto* dlg = FindModal<gui::PlanHeaderDialog>();
        return dlg ? Control<gui::VnDateCtrl>(dlg, "issued_on") : nullptr;
    };
    script.Add("the details open; focus the number", FocusIn<gui::PlanHeaderDialog>("number"));
    script.Add("type the number", TypeOver(sim, "05/KH-UBND"));
    script.Add("the number arrives", HasValue<gui::PlanHeaderDialog>("number", "05/KH-UBND"));
    script.Add("focus the date", FocusStep(issuedOn));
    script.Add("type a wrong date", TypeOver(sim, "31/02/2021"));
    script.Add("the wrong date arrives; press OK", [issuedOn] {
        auto* date = issuedOn();
        if (!date || date->GetValue() != "31/02/2021") return false;
        PressLater(FindShown<gui::PlanHeaderDialog>(), wxID_OK);
        return true;
    });
    script.Add("the date is refused beside it", [&] {
        auto* dlg = FindShown<gui::PlanHeaderDialog>();
        if (!dlg) return false;
        refusal = Control<wxStaticText>(dlg, "error")->GetLabel();
        return !refusal.empty();
    });
    script.Add("focus the date again", FocusStep(issuedOn));
    script.Add("write it right", TypeOver(sim, "5/1/2021"));
    script.Add("it arrives; save", [issuedOn] {
        auto* date = issuedOn();
        if (!date || date->Value() != Date{2021, 1, 5}) return false;
        PressLater(FindShown<gui::PlanHeaderDialog>(), wxID_OK);
        return true;
    });
    script.Add("the details close", [] { return FindShown<gui::PlanHeaderDialog>() == nullptr; });
    script.Add("press Add a criterion", [] {
        PressLater(FindShown<gui::PlanEditorDialog>(), XRCID("add_item"));
        return true;
    });
    script.Add("choose the first criterion offered", [&] {
        auto* pick = FindShown<wxSingleChoiceDialog>();
        if (!pick || !pick->IsModal()) return false;
        pick->SetSelection(1);
        pick->EndModal(wxID_OK);
        return true;
    });
    script.Add("the new item is selected in the tree", [&] {
        auto* dlg = FindShown<gui::PlanEditorDialog>();
        if (!dlg || FindShown<wxSingleChoiceDialog>()) return false;
        auto* tree = Control<wxTreeCtrl>(dlg, "tree");
        const wxTreeItemId sel = tree->GetSelection();
        return sel.IsOk() && tree->GetItemText(sel).BeforeFirst(' ').utf8_string() == chosen;
    });
    script.Add("close", [] {
        FindShown<gui::PlanEditorDialog>()->EndModal(wxID_CANCEL);
        return true;
    });
    script.Begin();
    {
        gui::PlanEditorDialog dlg(nullptr, session, plan.id);
        dlg.ShowModal();
    }
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(!refusal.empty());

    auto check = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    const auto stored = storage::PlanRepository(check->session()).Load(plan.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->number == "05/KH-UBND");
    BOOST_TEST((stored->issuedOn == std::optional<std::string>("2021-01-05")));
    BOOST_TEST(stored->items.size() == plan.items.size() + 1);
    BOOST_TEST(stored->items.back().heading == chosen);
}
