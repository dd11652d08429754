// Editing a commune the way a user does: select it in the tree, open the
// unit dialog (Organisation > Edit unit), select the name, type a new one,
// press Enter; the new name must be stored and shown in the tree at once.
// And a refused unit (no code) keeps the dialog open with the focus on the
// code field.
#include <soci/soci.h>
#include <wx/dialog.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>
#include <boost/test/unit_test.hpp>

#include "core/org.h"
#include "gui/catalogue/unit_dialog.h"
#include "gui/shell/gui_events.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui_fixture.h"
#include "services/org/organisation.h"
#include "storage/database.h"
#include "storage/database_url.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {

// A demo office in a fresh SQLite file and the main window on it.
struct DemoWindow {
    TempDir dir;
    std::string url = "sqlite:" + dir.File("gui.db");
    gui::MainFrame* frame = nullptr;
    Unit commune;

    DemoWindow() {
        auto demo = DemoDatabase(url);
        services::OrganisationService org(*demo, "gui-test");
        for (const Unit& u : org.Units())
            if (IsCommuneLevel(u.kind) && u.active) {
                commune = u;
                break;
            }
        BOOST_REQUIRE_MESSAGE(commune.id != 0, "the demo office has no commune");
        frame = ShowMainFrame(std::move(demo));
    }
    ~DemoWindow() { DestroyWindow(frame); }

    // Stored now, read through a second connection.
    std::optional<Unit> Stored(std::int64_t id) const {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        return services::OrganisationService(*db, "gui-test").UnitById(id);
    }
    // Sends a menu command of the main window; returns when it is done (a
    // modal dialog it opens has been closed).
    void Command(int id) {
        wxCommandEvent e(wxEVT_MENU, id);
        frame->GetEventHandler()->ProcessEvent(e);
    }
};

UiScript::Step DialogClosed() {
    return [] { return FindShown<gui::UnitDialog>() == nullptr; };
}

}  // namespace

BOOST_AUTO_TEST_CASE(renaming_a_commune_in_the_dialog_stores_it_and_updates_the_tree) {
    DemoWindow w;
    gui::UnitTreePanel* tree = w.frame->unitTree();
    tree->Select(w.commune.id);
    BOOST_REQUIRE(
        WaitFor([&] { return tree->Selected() && tree->Selected()->id == w.commune.id; }));
    BOOST_TEST(tree->LabelOf(w.commune.id) == wxString::FromUTF8(w.commune.name));

    const char* newName = "Xa Tay Xuan Moi";
    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = CancelModal<gui::UnitDialog>;
    script.Add("the unit dialog opens with the focus in the name",
               FocusIn<gui::UnitDialog>("name"));
    script.Add("select the name and type a new one", TypeOver(sim, newName));
    script.Add("the typed name arrives in the field", HasValue<gui::UnitDialog>("name", newName));
    script.Add("press Enter (the default button: Save)", PressKey(sim, WXK_RETURN));
    script.Add("the dialog closes", DialogClosed());
    script.Begin();
    w.Command(gui::ID_EDIT_UNIT);  // returns when the dialog is closed
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());

    auto stored = w.Stored(w.commune.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->name == newName);
    BOOST_TEST(stored->code == w.commune.code);  // the rest is unchanged
    BOOST_TEST(tree->LabelOf(w.commune.id) == newName);
    BOOST_TEST(tree->Selected()->id == w.commune.id);
}

// Other names typed in the unit dialog are stored with it.
BOOST_AUTO_TEST_CASE(a_units_other_names_are_typed_in_its_dialog) {
    DemoWindow w;
    gui::UnitTreePanel* tree = w.frame->unitTree();
    tree->Select(w.commune.id);
    BOOST_REQUIRE(
        WaitFor([&] { return tree->Selected() && tree->Selected()->id == w.commune.id; }));
    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = CancelModal<gui::UnitDialog>;
    script.Add("focus the other names", FocusIn<gui::UnitDialog>("aliases"));
    script.Add("type one", TypeOver(sim, "TX"));
    script.Add("it arrives", HasValue<gui::UnitDialog>("aliases", "TX"));
    script.Add("click Save", ClickStep(sim, [] { return WindowOf<gui::UnitDialog>(wxID_OK); }));
    script.Add("the dialog closes", DialogClosed());
    script.Begin();
    w.Command(gui::ID_EDIT_UNIT);
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    auto stored = w.Stored(w.commune.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->aliases == std::vector<std::string>{"TX"});
}

BOOST_AUTO_TEST_CASE(a_refused_unit_keeps_the_dialog_open_with_the_focus_on_the_field) {
    DemoWindow w;
    w.frame->unitTree()->Select(w.commune.id);
    WaitFor([&] { return w.frame->unitTree()->Selected().has_value(); });

    wxUIActionSimulator sim;
    bool errorShown = false, focusOnCode = false;
    UiScript script;
    script.onAbort = CancelModal<gui::UnitDialog>;
    // A new unit: the focus starts in the code; leave it empty, give a name.
    script.Add("the add dialog opens with the focus in the code", FocusIn<gui::UnitDialog>("code"));
    script.Add("type only a name", [&] {
        Control<wxTextCtrl>(FindShown<gui::UnitDialog>(), "name")->SetFocus();
        sim.Text("Phuong Moi");
        return true;
    });
    script.Add("the name arrives", HasValue<gui::UnitDialog>("name", "Phuong Moi"));
    script.Add("press Enter", PressKey(sim, WXK_RETURN));
    script.Add("the error shows and the focus is on the code", [&] {
        auto* dlg = FindShown<gui::UnitDialog>();
        if (!dlg) return false;
        auto* error = Control<wxStaticText>(dlg, "error");
        errorShown = error && error->IsShown() && !error->GetLabel().empty();
        focusOnCode = wxWindow::FindFocus() == Control<wxTextCtrl>(dlg, "code");
        return errorShown && focusOnCode;
    });
    script.Add("type a code", TypeOver(sim, "PHUONG-MOI"));
    script.Add("the code arrives", HasValue<gui::UnitDialog>("code", "PHUONG-MOI"));
    script.Add("press Enter again", PressKey(sim, WXK_RETURN));
    script.Add("the dialog closes", DialogClosed());
    script.Begin();
    w.Command(gui::ID_ADD_UNIT);
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(errorShown);
    BOOST_TEST(focusOnCode);

    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(w.url));
    auto added = services::OrganisationService(*db, "gui-test").UnitByCode("PHUONG-MOI");
    BOOST_REQUIRE(added);
    BOOST_TEST(added->name == "Phuong Moi");
    BOOST_TEST(w.frame->unitTree()->Selected()->id == added->id);  // the new unit is selected
}

// A save the database refuses (a trigger standing for a full disk or a lost
// server) keeps the dialog open with what was typed, and says in Vietnamese
// what failed and what to do, without the engine's text.
BOOST_AUTO_TEST_CASE(a_save_the_database_refuses_keeps_the_dialog_open_with_the_input) {
    DemoWindow w;
    w.frame->unitTree()->Select(w.commune.id);
    BOOST_REQUIRE(WaitFor([&] { return w.frame->unitTree()->Selected().has_value(); }));
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(w.url));
        db->session() << "CREATE TRIGGER refuse_units BEFORE UPDATE ON units BEGIN "
                         "SELECT RAISE(ABORT, 'disk I/O error'); END";
    }

    const char* newName = "Xa Tay Xuan Moi";
    wxUIActionSimulator sim;
    wxString shown;
    bool stillTyped = false;
    UiScript script;
    script.onAbort = CancelModal<gui::UnitDialog>;
    script.Add("the unit dialog opens with the focus in the name",
               FocusIn<gui::UnitDialog>("name"));
    script.Add("select the name and type a new one", TypeOver(sim, newName));
    script.Add("the typed name arrives in the field", HasValue<gui::UnitDialog>("name", newName));
    script.Add("press Enter (the default button: Save)", PressKey(sim, WXK_RETURN));
    script.Add("the error shows beside the buttons, the dialog stays open", [&] {
        auto* dlg = FindShown<gui::UnitDialog>();
        if (!dlg) return false;
        auto* error = Control<wxStaticText>(dlg, "error");
        if (!error || !error->IsShown() || error->GetLabel().empty()) return false;
        shown = error->GetLabel();
        stillTyped = Control<wxTextCtrl>(dlg, "name")->GetValue() == newName;
        return true;
    });
    script.Add("cancel", [] {
        CancelModal<gui::UnitDialog>();
        return true;
    });
    script.Add("the dialog closes", DialogClosed());
    script.Begin();
    w.Command(gui::ID_EDIT_UNIT);
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());

    BOOST_TEST(stillTyped);
    wxString label = shown;
    label.Replace("\n", " ");  // the label wraps its lines
    const std::string text = label.ToStdString(wxConvUTF8);
    for (const char* technical : {"UPDATE", "sqlite", "soci", "disk I/O", "units"})
        BOOST_TEST(text.find(technical) == std::string::npos, text);
    BOOST_TEST(text.find("cơ sở dữ liệu") != std::string::npos, text);
    BOOST_TEST(text.find("vẫn còn trên màn hình") != std::string::npos, text);
    BOOST_TEST(w.Stored(w.commune.id)->name == w.commune.name);  // nothing stored
}

// Another desk saves the commune while the dialog is open here: the save is
// refused, the conflict dialog shows both names and the other desk's place
// name, and the choice made there (the name typed here, the other desk's
// place name) is what is stored.
BOOST_AUTO_TEST_CASE(a_unit_saved_on_another_desk_meanwhile_merges_field_by_field) {
    DemoWindow w;
    w.frame->unitTree()->Select(w.commune.id);
    BOOST_REQUIRE(WaitFor([&] { return w.frame->unitTree()->Selected().has_value(); }));

    const char* newName = "Xa Tay Xuan Moi";
    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("the unit dialog opens with the focus in the name",
               FocusIn<gui::UnitDialog>("name"));
    script.Add("another desk renames the commune and gives its place name", [&] {
        auto db = OtherDesk(w.url);
        services::OrganisationService other(*db, "desk-b");
        Unit u = *other.UnitById(w.commune.id);
        u.name = "Xa Cua Ban Kia";
        u.placeName = "Noi Khac";
        other.SaveUnit(u);
        return true;
    });
    script.Add("select the name and type a new one", TypeOver(sim, newName));
    script.Add("the typed name arrives in the field", HasValue<gui::UnitDialog>("name", newName));
    script.Add("press Enter (the default button: Save)", PressKey(sim, WXK_RETURN));
    script.Add("the conflict dialog shows both sides", [&] {
        wxRadioButton* mine = ConflictChoice("mine_", "name");
        wxRadioButton* theirs = ConflictChoice("theirs_", "name");
        if (!mine || !theirs || !theirs->IsShownOnScreen()) return false;
        BOOST_TEST(mine->GetLabel() == newName);
        BOOST_TEST(theirs->GetLabel() == "Xa Cua Ban Kia");
        // Three-way defaults: the name, edited here, is this desk's; the
        // place name, not touched here, is the other desk's.
        BOOST_TEST(mine->GetValue());
        wxRadioButton* place = ConflictChoice("theirs_", "place_name");
        BOOST_TEST((place && place->GetValue()));
        BOOST_TEST(MarkedUntouched("place_name"));
        BOOST_TEST(!MarkedUntouched("name"));
        return true;
    });
    script.Add("take the other desk's place name",
               ClickStep(sim, [&] { return ConflictChoice("theirs_", "place_name"); }));
    script.Add("it is chosen", [&] {
        wxRadioButton* r = ConflictChoice("theirs_", "place_name");
        return r && r->GetValue();
    });
    script.Add("save the choice", [&] {
        if (wxDialog* d = ShownConflictDialog()) PressLater(d, wxID_OK);
        return true;
    });
    script.Add("both dialogs close", [&] {
        return ShownConflictDialog() == nullptr && FindShown<gui::UnitDialog>() == nullptr;
    });
    script.Begin();
    w.Command(gui::ID_EDIT_UNIT);
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());

    auto stored = w.Stored(w.commune.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->name == newName);
    BOOST_TEST(stored->placeName == "Noi Khac");
}

// Another desk changes only the commune's place name while the clerk here
// renames it: no field was changed on both desks, so no question is asked;
// the save goes through with the clerk's name and the other desk's place
// name (the clerk's untouched, stale place name does not overwrite it).
BOOST_AUTO_TEST_CASE(a_unit_changed_elsewhere_on_other_fields_merges_without_asking) {
    DemoWindow w;
    w.frame->unitTree()->Select(w.commune.id);
    BOOST_REQUIRE(WaitFor([&] { return w.frame->unitTree()->Selected().has_value(); }));
    const char* newName = "Xa Tay Xuan Moi";
    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("the unit dialog opens with the focus in the name",
               FocusIn<gui::UnitDialog>("name"));
    script.Add("another desk gives the commune another place name", [&] {
        auto db = OtherDesk(w.url);
        services::OrganisationService other(*db, "desk-b");
        Unit u = *other.UnitById(w.commune.id);
        u.placeName = "Noi Khac";
        other.SaveUnit(u);
        return true;
    });
    script.Add("select the name and type a new one", TypeOver(sim, newName));
    script.Add("the typed name arrives in the field", HasValue<gui::UnitDialog>("name", newName));
    script.Add("press Enter (the default button: Save)", PressKey(sim, WXK_RETURN));
    ConflictSeen seen;
    script.Add("the dialog closes without a conflict dialog",
               ConflictAnswered(seen, {"name", "place_name"},
                                [] { return FindShown<gui::UnitDialog>() == nullptr; }));
    script.Begin();
    w.Command(gui::ID_EDIT_UNIT);
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());

    BOOST_TEST(!seen.asked);
    auto stored = w.Stored(w.commune.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->name == newName);
    BOOST_TEST(stored->placeName == "Noi Khac");
}

// Issue 13: a commune switched off is switched on again from the tree's
// copy after another desk renamed it. The switch is checked against the
// copy read: nothing was changed on both desks, so nothing is asked, and
// the commune is active again with the other desk's name (not the tree's).
BOOST_AUTO_TEST_CASE(a_unit_switched_on_after_another_desk_renamed_it_keeps_the_new_name) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("switch.db");
    auto demo = DemoDatabase(url);
    Unit commune;
    {
        services::OrganisationService org(*demo, "gui-test");
        for (const Unit& u : org.Units())
            if (IsCommuneLevel(u.kind) && u.active) {
                commune = u;
                break;
            }
        BOOST_REQUIRE(commune.id != 0);
        commune = org.SetUnitActive(commune, false);
    }
    gui::MainFrame* frame = ShowMainFrame(std::move(demo));
    frame->unitTree()->Select(commune.id);
    BOOST_REQUIRE(WaitFor([&] { return frame->unitTree()->Selected().has_value(); }));
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        services::OrganisationService other(*db, "desk-b");
        Unit u = *other.UnitById(commune.id);
        u.name = "Xa Doi Ten";
        other.SaveUnit(u);
    }
    bool asked = false;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("no conflict dialog", [&] {
        for (wxWindow* win : wxTopLevelWindows)
            if (auto* d = dynamic_cast<wxDialog*>(win);
                d && d->IsShown() && d->GetName() == "conflict_dialog") {
                asked = true;
                d->EndModal(wxID_CANCEL);
            }
        return true;
    });
    script.Begin();
    wxCommandEvent e(wxEVT_MENU, gui::ID_TOGGLE_UNIT_ACTIVE);
    frame->GetEventHandler()->ProcessEvent(e);
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_TEST(!asked);
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    const auto stored = services::OrganisationService(*db, "gui-test").UnitById(commune.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->active);
    BOOST_TEST(stored->name == "Xa Doi Ten");
    DestroyWindow(frame);
}
