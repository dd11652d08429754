// The plan editor on seed 002's plan: the task of item 1.3, which names no
// lead, shows its "five clear" problems; writing a lead unit and saving
// stores it linked to the office's unit, and the problem goes away.
#include <wx/combobox.h>
#include <wx/stattext.h>
#include <wx/treectrl.h>
#include <wx/xrc/xmlres.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "gui/gui_session.h"
#include "gui/plan_editor_dialog.h"
#include "gui_fixture.h"
#include "services/app_context.h"
#include "services/framework_io.h"
#include "services/org_io.h"
#include "services/plan_io.h"
#include "storage/database_url.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
std::string Data(const std::string& name) { return std::string(CCHC_TEST_DATA_DIR) + "/" + name; }
template <class T>
T* Control(wxWindow* dialog, const char* name) {
    return dynamic_cast<T*>(dialog->FindWindow(XRCID(name)));
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_plan_editor_shows_and_fixes_an_unclear_task) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("plan.db");
    auto prepared = services::OpenPrepared(storage::DatabaseUrl::Parse(url), false);
    storage::Database& db = *prepared.db;
    services::LoadBuiltinCatalogues(db);
    services::ImportUnits(db, Data("seed002_units.csv"), "test");
    services::ImportPeople(db, Data("seed002_people.csv"), "test");
    services::ImportFrameworks(db, Data("seed002_framework.csv"), "test");
    services::ImportTasks(db, Data("seed002_tasks.csv"), "test");
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
    script.Add("save", [] {
        auto* dlg = FindShown<gui::PlanEditorDialog>();
        wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
        ok.SetEventObject(dlg);
        dlg->GetEventHandler()->ProcessEvent(ok);
        return true;
    });
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
