// Editing a framework the way a user does: open the editor on a copy of the
// example commune framework, pick a criterion in the tree, type a new title
// over the old one, press Enter (Save): the title must be stored and shown
// in the tree, and Escape then closes. Adding a sub-criterion with the
// button stores it under the selected criterion, which becomes a group. A
// maximum that is not a number is refused under the form with the focus on
// the field, and nothing stored. The copy dialog proposes next year with the
// code and name following it, and Enter makes the copy.
#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>
#include <boost/test/unit_test.hpp>

#include "gui/catalogue/framework_copy_dialog.h"
#include "gui/catalogue/framework_editor_dialog.h"
#include "gui/shell/gui_session.h"
#include "gui_fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/frameworks/frameworks.h"
#include "storage/database_url.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {

// A database with the built-in frameworks and PAR-XA-2026, a copy.
struct CopiedFramework {
    TempDir dir;
    std::string url = "sqlite:" + dir.File("fw.db");
    std::unique_ptr<gui::GuiSession> session;

    CopiedFramework() {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        services::LoadBuiltinCatalogues(*db);
        services::FrameworkService(*db, "gui-test")
            .CopyToNewYear("PAR-XA-2025", "PAR-XA-2026", 2026, "Chỉ số CCHC cấp xã năm 2026");
        session = std::make_unique<gui::GuiSession>(std::move(db), "gui-test");
    }
    // Stored now, read through a second connection.
    Criterion Stored(const std::string& code) const {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        for (const auto& c :
             services::FrameworkService(*db, "gui-test").Load("PAR-XA-2026").criteria)
            if (c.code == code) return c;
        return {};
    }
};

gui::FrameworkEditorDialog* Editor() { return FindModal<gui::FrameworkEditorDialog>(); }

// Selects the criterion and gives the keyboard to the control `name`.
UiScript::Step FocusOn(const std::string& criterion, const char* name) {
    return FocusStep([criterion, name]() -> wxWindow* {
        auto* dlg = Editor();
        if (!dlg || !dlg->SelectCriterion(criterion)) return nullptr;
        return Control<wxTextCtrl>(dlg, name);
    });
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_criterion_title_typed_in_the_editor_is_stored_on_enter) {
    CopiedFramework fw;
    const std::string before = fw.Stored("2.3").title;
    BOOST_REQUIRE(!before.empty());
    const wxString newTitle = "Kiem tra van ban tai dia phuong";

    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = CancelModal<gui::FrameworkEditorDialog>;
    script.Add("the editor opens; select 2.3 and focus its title", FocusOn("2.3", "title"));
    script.Add("type a new title over the old one", TypeOver(sim, newTitle));
    script.Add("the typed title arrives in the field",
               HasValue<gui::FrameworkEditorDialog>("title", newTitle));
    script.Add("press Enter (Save)", PressKey(sim, WXK_RETURN));
    script.Add("the tree shows the new title", [&] {
        auto* dlg = Editor();
        auto* tree = dlg ? Control<wxTreeCtrl>(dlg, "criteria") : nullptr;
        return tree && tree->GetSelection().IsOk() &&
               tree->GetItemText(tree->GetSelection()).Contains(newTitle);
    });
    script.Add("nothing is left to save: Escape closes at once", PressKey(sim, WXK_ESCAPE));
    script.Add("the editor closes", [] { return Editor() == nullptr; });
    script.Begin();
    int result = 0;
    {
        gui::FrameworkEditorDialog dlg(nullptr, *fw.session, "PAR-XA-2026");
        result = dlg.ShowModal();  // returns when the script closed it
        BOOST_TEST(dlg.changed());
    }
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(result == wxID_OK);
    BOOST_TEST(fw.Stored("2.3").title == newTitle.utf8_string());
    BOOST_TEST(fw.Stored("2.3").maxPoints == 2.0);  // the rest is unchanged
}

BOOST_AUTO_TEST_CASE(a_maximum_that_is_not_a_number_is_refused_beside_the_field) {
    CopiedFramework fw;
    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = CancelModal<gui::FrameworkEditorDialog>;
    script.Add("select 2.3 and focus its maximum", FocusOn("2.3", "max_points"));
    script.Add("type a word where a number belongs", TypeOver(sim, "hai"));
    script.Add("it arrives", HasValue<gui::FrameworkEditorDialog>("max_points", "hai"));
    script.Add("press Enter", PressKey(sim, WXK_RETURN));
    script.Add("the error shows under the form with the focus on the field", [] {
        auto* dlg = Editor();
        auto* error = dlg ? Control<wxStaticText>(dlg, "error") : nullptr;
        return error && error->IsShown() && !error->GetLabel().empty() &&
               wxWindow::FindFocus() == Control<wxTextCtrl>(dlg, "max_points");
    });
    script.Add("close without saving", [] {
        CancelModal<gui::FrameworkEditorDialog>();
        return true;
    });
    script.Begin();
    {
        gui::FrameworkEditorDialog dlg(nullptr, *fw.session, "PAR-XA-2026");
        dlg.ShowModal();
        BOOST_TEST(!dlg.changed());
    }
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(fw.Stored("2.3").maxPoints == 2.0);
}

BOOST_AUTO_TEST_CASE(a_sub_criterion_added_with_the_button_is_stored_under_the_selected_one) {
    CopiedFramework fw;
    BOOST_REQUIRE(fw.Stored("2.3").rule.has_value());
    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = CancelModal<gui::FrameworkEditorDialog>;
    script.Add("select 2.3", FocusOn("2.3", "title"));
    script.Add("click Add sub-criterion", ClickStep(sim, []() -> wxWindow* {
                   auto* dlg = Editor();
                   auto* button = dlg ? Control<wxButton>(dlg, "add_child") : nullptr;
                   return button && button->IsEnabled() ? button : nullptr;
               }));
    script.Add("the proposed code is 2.3.1 and the title has the focus", [] {
        auto* dlg = Editor();
        return dlg && Control<wxTextCtrl>(dlg, "code")->GetValue() == "2.3.1" &&
               wxWindow::FindFocus() == Control<wxTextCtrl>(dlg, "title");
    });
    script.Add("type the title", [&sim] {
        sim.Text("Ban hanh ke hoach kiem tra");
        return true;
    });
    script.Add("it arrives",
               HasValue<gui::FrameworkEditorDialog>("title", "Ban hanh ke hoach kiem tra"));
    script.Add("press Enter (Save)", PressKey(sim, WXK_RETURN));
    script.Add("the tree shows 2.3.1", [] {
        auto* dlg = Editor();
        auto* tree = dlg ? Control<wxTreeCtrl>(dlg, "criteria") : nullptr;
        return tree && tree->GetSelection().IsOk() &&
               tree->GetItemText(tree->GetSelection()).StartsWith("2.3.1");
    });
    script.Add("close", [] {
        CancelModal<gui::FrameworkEditorDialog>();
        return true;
    });
    script.Begin();
    {
        gui::FrameworkEditorDialog dlg(nullptr, *fw.session, "PAR-XA-2026");
        dlg.ShowModal();
    }
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    const Criterion child = fw.Stored("2.3.1");
    BOOST_TEST(child.title == "Ban hanh ke hoach kiem tra");
    BOOST_TEST(child.parentCode == "2.3");
    BOOST_TEST(child.maxPoints == 2.0);              // its parent's points, so the total stays
    BOOST_TEST(!fw.Stored("2.3").rule.has_value());  // now a group
    BOOST_TEST(fw.Stored("2.3").maxPoints == 2.0);
}

BOOST_AUTO_TEST_CASE(the_copy_dialog_proposes_next_year_and_copies_on_enter) {
    CopiedFramework fw;
    const Framework source =
        services::FrameworkService(fw.session->db(), "gui-test").Load("PAR-XA-2026");
    wxUIActionSimulator sim;
    UiScript script;
    auto copyDialog = FindModal<gui::FrameworkCopyDialog>;
    script.onAbort = CancelModal<gui::FrameworkCopyDialog>;
    script.Add("the dialog proposes 2027 with the year replaced in code and name", [&] {
        auto* dlg = copyDialog();
        return dlg && Control<wxTextCtrl>(dlg, "new_code")->GetValue() == "PAR-XA-2027" &&
               Control<wxTextCtrl>(dlg, "name")->GetValue() ==
                   wxString::FromUTF8("Chỉ số CCHC cấp xã năm 2027");
    });
    script.Add("focus the name", FocusIn<gui::FrameworkCopyDialog>("name"));
    script.Add("type another name", TypeOver(sim, "Bo chi so 2027"));
    script.Add("it arrives", HasValue<gui::FrameworkCopyDialog>("name", "Bo chi so 2027"));
    script.Add("press Enter (Copy)", PressKey(sim, WXK_RETURN));
    script.Add("the dialog closes", [&] { return copyDialog() == nullptr; });
    script.Begin();
    std::string copied;
    {
        gui::FrameworkCopyDialog dlg(nullptr, *fw.session, source);
        BOOST_TEST(dlg.ShowModal() == wxID_OK);
        copied = dlg.copiedCode();
    }
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(copied == "PAR-XA-2027");
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(fw.url));
    const Framework copy = services::FrameworkService(*db, "gui-test").Load("PAR-XA-2027");
    BOOST_TEST(copy.year == 2027);
    BOOST_TEST(copy.name == "Bo chi so 2027");
    BOOST_TEST(copy.criteria.size() == source.criteria.size());
}

// Issue 13: another desk renames 2.3 while the editor is open; moving 2.4
// up from the editor's old copy is refused, said under the form, and the
// tree shows the framework as stored (the other desk's title, the order
// unchanged), so that moving it again goes through.
BOOST_AUTO_TEST_CASE(a_move_over_another_desks_change_is_refused_and_the_tree_shown_again) {
    CopiedFramework fw;
    const int before = fw.Stored("2.4").sortOrder;
    const wxString theirs = "Tieu de cua ban khac";
    auto treeShows = [](const wxString& text) {
        auto* dlg = Editor();
        auto* tree = dlg ? Control<wxTreeCtrl>(dlg, "criteria") : nullptr;
        if (!tree) return false;
        std::vector<wxTreeItemId> stack{tree->GetRootItem()};
        while (!stack.empty()) {
            const wxTreeItemId id = stack.back();
            stack.pop_back();
            if (id != tree->GetRootItem() && tree->GetItemText(id).Contains(text)) return true;
            wxTreeItemIdValue cookie;
            for (wxTreeItemId c = tree->GetFirstChild(id, cookie); c.IsOk();
                 c = tree->GetNextChild(id, cookie))
                stack.push_back(c);
        }
        return false;
    };
    wxString refusal;
    UiScript script;
    script.onAbort = CancelModal<gui::FrameworkEditorDialog>;
    script.Add("the editor opens; select 2.4", [] {
        auto* dlg = Editor();
        return dlg && dlg->SelectCriterion("2.4");
    });
    script.Add("another desk renames 2.3", [&] {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(fw.url));
        services::FrameworkService other(*db, "other-desk");
        const Framework now = other.Load("PAR-XA-2026");
        for (Criterion c : now.criteria)
            if (c.code == "2.3") {
                c.title = theirs.utf8_string();
                other.SaveCriterion("PAR-XA-2026", c, now.version);
            }
        return true;
    });
    script.Add("move 2.4 up", [] {
        PressLater(Editor(), XRCID("move_up"));
        return true;
    });
    script.Add("the refusal shows under the form and the tree shows the other desk's title", [&] {
        auto* dlg = Editor();
        auto* error = dlg ? Control<wxStaticText>(dlg, "error") : nullptr;
        if (!error || !error->IsShown() || error->GetLabel().empty() || !treeShows(theirs))
            return false;
        refusal = error->GetLabel();
        return true;
    });
    script.Add("move it up again", [] {
        auto* dlg = Editor();
        if (!dlg || !dlg->SelectCriterion("2.4")) return false;
        PressLater(dlg, XRCID("move_up"));
        return true;
    });
    script.Add("it moves", [&] { return fw.Stored("2.4").sortOrder < fw.Stored("2.3").sortOrder; });
    script.Add("close", [] {
        CancelModal<gui::FrameworkEditorDialog>();
        return true;
    });
    script.Begin();
    {
        gui::FrameworkEditorDialog dlg(nullptr, *fw.session, "PAR-XA-2026");
        dlg.ShowModal();
    }
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(refusal.Contains("2.4"));
    BOOST_TEST(fw.Stored("2.3").title == theirs.utf8_string());
    BOOST_TEST(before > fw.Stored("2.3").sortOrder);
}
