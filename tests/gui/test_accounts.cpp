// Accounts in the client: the login dialog refuses a wrong password and
// keeps the login typed; a commune chair's window holds only its commune in
// the tree and offers no appraising, settings, units or accounts; the
// administrator adds an account on Danh mục > Tài khoản, a refused field
// named beside it.
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/grid.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <boost/test/unit_test.hpp>

#include "core/access.h"
#include "core/date.h"
#include "core/org.h"
#include "core/period.h"
#include "gui/catalogue/account_dialog.h"
#include "gui/catalogue/accounts_page.h"
#include "gui/catalogue/audit_page.h"
#include "gui/index/index_results_panel.h"
#include "gui/shell/gui_events.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/login_dialog.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/search_picker.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui_fixture.h"
#include "services/app/accounts.h"
#include "services/org/organisation.h"
#include "storage/database.h"
#include "storage/database_url.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {

// The demo office with an administrator and the chair of its first commune.
struct OfficeWithAccounts {
    TempDir dir;
    std::string url = "sqlite:" + dir.File("accounts.db");
    std::unique_ptr<storage::Database> db;
    Unit commune;

    OfficeWithAccounts() {
        db = DemoDatabase(url);
        for (const Unit& u : services::OrganisationService(*db, "gui-test").Units())
            if (IsCommuneLevel(u.kind) && u.active) {
                commune = u;
                break;
            }
        BOOST_REQUIRE(commune.id != 0);
        services::AccountService(*db, "setup")
            .Add("quantri", Role::Admin, "", "Quản trị viên", "mk-quantri-1");
        services::AccountService(*db, "quantri")
            .Add("ct_a", Role::Chair, commune.code, "Chủ tịch xã", "mk-chutich-1");
    }

    gui::MainFrame* Show(const std::string& login) {
        auto* frame = new gui::MainFrame(std::move(db), login);
        frame->Show();
        frame->Raise();
        BOOST_REQUIRE(WaitFor([&] { return frame->IsShownOnScreen(); }));
        return frame;
    }
};

// Without a window manager the keyboard goes to the window under the
// pointer: a step that puts the pointer on the modal dialog T.
template <class T>
UiScript::Step PointAt(wxUIActionSimulator& sim) {
    return [&sim] {
        T* dlg = FindModal<T>();
        if (!dlg || !dlg->IsShownOnScreen()) return false;
        const wxRect r = dlg->GetScreenRect();
        sim.MouseMove(r.x + r.width / 2, r.y + 8);
        return true;
    };
}

template <class T>
T* Named(wxWindow* top, const char* name) {
    return dynamic_cast<T*>(wxWindow::FindWindowByName(name, top));
}

// Every unit of the tree, depth first.
std::vector<wxString> TreeLabels(wxTreeCtrl* tree, wxTreeItemId parent) {
    std::vector<wxString> out;
    wxTreeItemIdValue cookie;
    for (wxTreeItemId c = tree->GetFirstChild(parent, cookie); c.IsOk();
         c = tree->GetNextChild(parent, cookie)) {
        out.push_back(tree->GetItemText(c));
        for (const wxString& s : TreeLabels(tree, c)) out.push_back(s);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(accounts_in_the_client)

BOOST_AUTO_TEST_CASE(the_login_dialog_refuses_a_wrong_password_and_keeps_the_login) {
    OfficeWithAccounts office;
    wxUIActionSimulator sim;
    wxString error;
    bool focusOnPassword = false;
    UiScript script;
    script.onAbort = CancelModal<gui::LoginDialog>;
    script.Add("point at the dialog", PointAt<gui::LoginDialog>(sim));
    script.Add("the dialog asks for the login", FocusIn<gui::LoginDialog>("login"));
    script.Add("type the login", TypeOver(sim, "quantri"));
    script.Add("the login arrives", HasValue<gui::LoginDialog>("login", "quantri"));
    script.Add("go to the password", FocusIn<gui::LoginDialog>("password"));
    script.Add("type a wrong password", TypeOver(sim, "sai-mat-khau"));
    script.Add("press Enter", PressKey(sim, WXK_RETURN));
    script.Add("the refusal shows in the dialog", [&] {
        auto* dlg = FindModal<gui::LoginDialog>();
        auto* label = dlg ? Control<wxStaticText>(dlg, "error") : nullptr;
        if (!label || !label->IsShown() || label->GetLabel().empty()) return false;
        error = label->GetLabel();
        focusOnPassword = wxWindow::FindFocus() == Control<wxTextCtrl>(dlg, "password");
        return true;
    });
    script.Add("the login is kept", HasValue<gui::LoginDialog>("login", "quantri"));
    script.Add("type the right password", TypeOver(sim, "mk-quantri-1"));
    script.Add("press Enter again", PressKey(sim, WXK_RETURN));
    script.Begin();
    std::unique_ptr<storage::Database> db = std::move(office.db);
    const std::optional<std::string> user = gui::LogInTo(nullptr, db, true);
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(error.utf8_string().find("Sai tên đăng nhập hoặc mật khẩu") == 0,
               error.utf8_string());
    BOOST_TEST(focusOnPassword);
    BOOST_REQUIRE(user.has_value());
    BOOST_TEST(*user == "quantri");
    // Logged in: the last login is recorded.
    for (const auto& a : services::AccountService(*db, "quantri").List())
        BOOST_TEST(a.lastLoginAt.empty() == (a.login != "quantri"), a.login);
}

BOOST_AUTO_TEST_CASE(a_database_without_accounts_asks_no_login) {
    TempDir dir;
    auto db = DemoDatabase("sqlite:" + dir.File("desk.db"));
    const std::optional<std::string> user = gui::LogInTo(nullptr, db, true);
    BOOST_REQUIRE(user.has_value());
    BOOST_TEST(!user->empty());
    BOOST_TEST(FindShown<gui::LoginDialog>() == nullptr);
}

BOOST_AUTO_TEST_CASE(a_chairs_window_holds_its_commune_only_and_offers_no_office_actions) {
    OfficeWithAccounts office;
    const Unit commune = office.commune;
    std::vector<Unit> subtree;  // the commune and what is under it
    {
        const auto all = services::OrganisationService(*office.db, "quantri").Units();
        for (const Unit& u : all) {
            bool in = u.id == commune.id;
            for (auto p = u.parentId; p && !in;) {
                in = *p == commune.id;
                auto it =
                    std::find_if(all.begin(), all.end(), [&](const Unit& x) { return x.id == *p; });
                p = it == all.end() ? std::nullopt : it->parentId;
            }
            if (in) subtree.push_back(u);
        }
    }
    gui::MainFrame* frame = office.Show("ct_a");

    // The tree: the commune at the top, nothing of the other communes.
    wxTreeCtrl* tree = frame->unitTree()->tree();
    const auto labels = TreeLabels(tree, tree->GetRootItem());
    BOOST_TEST(labels.size() == subtree.size());
    wxTreeItemIdValue cookie;
    BOOST_TEST(tree->GetItemText(tree->GetFirstChild(tree->GetRootItem(), cookie)) ==
               wxString::FromUTF8(commune.name));
    BOOST_TEST(tree->GetChildrenCount(tree->GetRootItem(), false) == 1u);

    // The status bar says who is logged in.
    const wxString status = frame->GetStatusBar()->GetStatusText(3);
    BOOST_TEST(status.utf8_string().find("ct_a") == 0, status.utf8_string());
    BOOST_TEST(status.utf8_string().find("Chủ tịch UBND xã") != std::string::npos);
    BOOST_TEST(status.utf8_string().find(commune.name) != std::string::npos);

    // Menus: no units added or changed, no restoring over the accounts.
    wxMenuBar* bar = frame->GetMenuBar();
    BOOST_TEST(!bar->IsEnabled(gui::ID_ADD_UNIT));
    BOOST_TEST(!bar->IsEnabled(gui::ID_EDIT_UNIT));
    BOOST_TEST(!bar->IsEnabled(gui::ID_RESTORE));
    BOOST_TEST(bar->IsEnabled(gui::ID_CHANGE_PASSWORD));
    BOOST_TEST(bar->IsEnabled(gui::ID_IMPORT_RATINGS));  // its commune's ratings

    // Settings: nothing of the office's may be saved; the button says why.
    frame->ShowArea(gui::Area::Settings);
    auto* saveSurveys = Named<wxButton>(frame, "save_surveys");
    BOOST_REQUIRE(saveSurveys);
    BOOST_REQUIRE(WaitFor([&] { return saveSurveys->IsShownOnScreen(); }));
    BOOST_TEST(!saveSurveys->IsEnabled());
    BOOST_TEST(saveSurveys->GetToolTipText().utf8_string().find("ct_a") != std::string::npos);
    BOOST_TEST(!Named<wxButton>(frame, "save_backup")->IsEnabled());

    // The scoring grid of its commune: submitting, no appraising or reopening,
    // no appraised scores typed.
    frame->ShowArea(gui::Area::IndexResults);
    // The current year: nothing is stored for it yet, so the set is a draft.
    auto* period = Named<wxChoice>(frame, "rankingPeriod");
    BOOST_REQUIRE(period);
    const int year =
        period->FindString(wxString::FromUTF8(Period::Year(Date::Today().year).Label()));
    BOOST_REQUIRE(year != wxNOT_FOUND);
    Choose(period, year);
    auto* panel = Named<gui::IndexResultsPanel>(frame, "indexResults");
    BOOST_REQUIRE(panel);
    panel->OpenUnit(commune.code);
    wxGrid* grid = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        grid = Named<wxGrid>(frame, "scoringGrid");
        return grid && grid->IsShownOnScreen() && grid->GetNumberRows() > 0;
    }));
    BOOST_TEST(!Named<wxButton>(frame, "gridAppraise")->IsShown());
    BOOST_TEST(!Named<wxButton>(frame, "gridReopen")->IsShown());
    BOOST_TEST(Named<wxButton>(frame, "gridSubmit")->IsEnabled());
    int appraised = -1, self = -1;
    for (int c = 0; c < grid->GetNumberCols(); ++c) {
        if (grid->GetColLabelValue(c) == gui::TwoLines(_("Appraised"))) appraised = c;
        if (grid->GetColLabelValue(c) == gui::TwoLines(_("Self score"))) self = c;
    }
    BOOST_REQUIRE(appraised >= 0);
    BOOST_REQUIRE(self >= 0);
    int selfEditable = 0, appraisedEditable = 0;
    for (int r = 0; r < grid->GetNumberRows(); ++r) {
        selfEditable += grid->IsReadOnly(r, self) ? 0 : 1;
        appraisedEditable += grid->IsReadOnly(r, appraised) ? 0 : 1;
    }
    BOOST_TEST(selfEditable > 0);  // the commune's own figures
    BOOST_TEST(appraisedEditable == 0);
    // The commune's list of communes to pick from holds its own only.
    auto* units = Named<gui::SearchPicker>(frame, "gridUnit");
    BOOST_REQUIRE(units);
    BOOST_TEST(units->GetCount() == 1u);

    // Danh mục: no accounts page; the commune's history.
    frame->ShowArea(gui::Area::Catalogue);
    BOOST_REQUIRE(WaitFor([&] { return Named<gui::AuditPage>(frame, "auditPage") != nullptr; }));
    BOOST_TEST(Named<gui::AccountsPage>(frame, "accountsPage") == nullptr);
    BOOST_TEST(!Named<wxButton>(frame, "new_framework")->IsEnabled());
    BOOST_TEST(!Named<wxButton>(frame, "edit_unit")->IsEnabled());
    DestroyWindow(frame);
}

BOOST_AUTO_TEST_CASE(the_administrator_adds_an_account_on_the_accounts_page) {
    OfficeWithAccounts office;
    const Unit commune = office.commune;
    gui::MainFrame* frame = office.Show("quantri");
    frame->ShowArea(gui::Area::Catalogue);
    gui::AccountsPage* page = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        page = Named<gui::AccountsPage>(frame, "accountsPage");
        return page && page->list()->GetItemCount() == 2;
    }));
    BOOST_TEST(page->list()->GetTextValue(0, 0) == "ct_a");

    wxUIActionSimulator sim;
    wxString error;
    bool focusOnLogin = false;
    UiScript script;
    script.onAbort = CancelModal<gui::AccountDialog>;
    script.Add("point at the dialog", PointAt<gui::AccountDialog>(sim));
    script.Add("the dialog opens in the login", FocusIn<gui::AccountDialog>("login"));
    script.Add("type a login with capitals", TypeOver(sim, "CongChuc"));
    script.Add("it arrives", HasValue<gui::AccountDialog>("login", "CongChuc"));
    script.Add("choose a clerk of the commune", [&] {
        auto* dlg = FindModal<gui::AccountDialog>();
        if (!dlg) return false;
        auto* role = Control<wxChoice>(dlg, "role");
        auto* unit = Control<gui::SearchPicker>(dlg, "unit");
        Choose(role, role->FindString(wxString::FromUTF8(RoleLabel(Role::Clerk))));
        for (unsigned i = 0; i < unit->GetCount(); ++i)
            if (unit->GetString(i).EndsWith(wxString::FromUTF8(commune.name)))
                Choose(unit, static_cast<int>(i));
        Control<wxTextCtrl>(dlg, "full_name")->ChangeValue("Le Van Cong");
        Control<wxTextCtrl>(dlg, "password")->ChangeValue("mk-congchuc-1");
        Control<wxTextCtrl>(dlg, "repeat")->ChangeValue("mk-congchuc-1");
        return role->GetSelection() != wxNOT_FOUND && unit->GetSelection() > 0;
    });
    script.Add("add", [] {
        PressLater(FindModal<gui::AccountDialog>(), wxID_OK);
        return true;
    });
    script.Add("the login is refused beside its field", [&] {
        auto* dlg = FindModal<gui::AccountDialog>();
        auto* label = dlg ? Control<wxStaticText>(dlg, "error") : nullptr;
        if (!label || !label->IsShown() || label->GetLabel().empty()) return false;
        error = label->GetLabel();
        focusOnLogin = wxWindow::FindFocus() == Control<wxTextCtrl>(dlg, "login");
        return true;
    });
    script.Add("type it in lower case", TypeOver(sim, "cc_a"));
    script.Add("it arrives", HasValue<gui::AccountDialog>("login", "cc_a"));
    script.Add("press Enter (Add)", PressKey(sim, WXK_RETURN));
    script.Add("the dialog closes", [] { return FindShown<gui::AccountDialog>() == nullptr; });
    script.Begin();
    wxButton* add = Named<wxButton>(page, "addAccount");
    BOOST_REQUIRE(add);
    wxCommandEvent click(wxEVT_BUTTON, add->GetId());
    click.SetEventObject(add);
    add->GetEventHandler()->ProcessEvent(click);  // returns when the dialog is closed
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(error.utf8_string().find("a–z") != std::string::npos, error.utf8_string());
    BOOST_TEST(focusOnLogin);

    // Listed, and stored with its role and unit.
    BOOST_TEST(page->list()->GetItemCount() == 3);
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(office.url));
    bool found = false;
    for (const auto& a : services::AccountService(*db, "quantri").List())
        if (a.login == "cc_a") {
            found = true;
            BOOST_TEST((a.role == Role::Clerk));
            BOOST_TEST(a.unitCode == commune.code);
            BOOST_TEST(a.fullName == "Le Van Cong");
        }
    BOOST_TEST(found);
    services::AccountService(*db, "cc_a").LogIn("cc_a", "mk-congchuc-1");
    DestroyWindow(frame);
}

// Changing an account: the login fixed, no password asked, role and unit
// shown as they are; the chair becomes a viewer of the whole office.
BOOST_AUTO_TEST_CASE(the_administrator_changes_an_accounts_role_and_unit) {
    OfficeWithAccounts office;
    gui::MainFrame* frame = office.Show("quantri");
    frame->ShowArea(gui::Area::Catalogue);
    gui::AccountsPage* page = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        page = Named<gui::AccountsPage>(frame, "accountsPage");
        return page && page->list()->GetItemCount() == 2;
    }));
    BOOST_REQUIRE(page->list()->GetTextValue(0, 0) == "ct_a");
    page->list()->SelectRow(0);
    wxDataViewEvent selected(wxEVT_DATAVIEW_SELECTION_CHANGED, page->list(),
                             page->list()->RowToItem(0));
    page->list()->GetEventHandler()->ProcessEvent(selected);
    wxButton* change = Named<wxButton>(page, "changeAccount");
    BOOST_REQUIRE(change);
    BOOST_REQUIRE(change->IsEnabled());

    bool loginFixed = false, passwordHidden = false;
    wxString roleShown, unitShown, saveLabel;
    UiScript script;
    script.onAbort = CancelModal<gui::AccountDialog>;
    script.Add("the dialog shows the account", [&] {
        auto* dlg = FindModal<gui::AccountDialog>();
        if (!dlg || !dlg->IsShownOnScreen()) return false;
        auto* login = Control<wxTextCtrl>(dlg, "login");
        loginFixed = login->GetValue() == "ct_a" && !login->IsEnabled();
        passwordHidden = !Control<wxTextCtrl>(dlg, "password")->IsShown() &&
                         !Control<wxTextCtrl>(dlg, "repeat")->IsShown();
        saveLabel = dlg->FindWindow(wxID_OK)->GetLabel();
        roleShown = Control<wxChoice>(dlg, "role")->GetStringSelection();
        unitShown = Control<gui::SearchPicker>(dlg, "unit")->GetStringSelection();
        return true;
    });
    script.Add("make it a viewer of the whole office", [&] {
        auto* dlg = FindModal<gui::AccountDialog>();
        auto* role = Control<wxChoice>(dlg, "role");
        Choose(role, role->FindString(wxString::FromUTF8(RoleLabel(Role::Viewer))));
        Choose(Control<gui::SearchPicker>(dlg, "unit"), 0);
        PressLater(dlg, wxID_OK);
        return true;
    });
    script.Add("the dialog closes", [] { return FindShown<gui::AccountDialog>() == nullptr; });
    script.Begin();
    wxCommandEvent click(wxEVT_BUTTON, change->GetId());
    click.SetEventObject(change);
    change->GetEventHandler()->ProcessEvent(click);  // returns when the dialog is closed
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(loginFixed);
    BOOST_TEST(passwordHidden);
    BOOST_TEST(saveLabel.utf8_string() == "&Lưu", saveLabel.utf8_string());
    BOOST_TEST(roleShown.utf8_string() == RoleLabel(Role::Chair));
    BOOST_TEST(unitShown.utf8_string().find(office.commune.name) != std::string::npos,
               unitShown.utf8_string());

    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(office.url));
    for (const auto& a : services::AccountService(*db, "quantri").List())
        if (a.login == "ct_a") {
            BOOST_TEST((a.role == Role::Viewer));
            BOOST_TEST(a.unitCode.empty());
            BOOST_TEST(a.fullName == "Chủ tịch xã");
        }
    DestroyWindow(frame);
}

BOOST_AUTO_TEST_SUITE_END()
