// Helpers of the GUI tests (see gui_fixture.h).
#include "gui_fixture.h"

#include "core/access.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/search_picker.h"
#include "services/app/accounts.h"
#include "services/org/organisation.h"
#include "storage/database.h"
#include "storage/plan_repository.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/radiobut.h>

#include <wx/app.h>
#include <wx/fileconf.h>
#include <wx/init.h>
#include <wx/utils.h>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <memory>

#include "gui/shell/app_setup.h"
#include "gui/shell/main_frame.h"
#include "services/app/app_context.h"
#include "storage/database_url.h"
#include "test_support.h"

namespace cchc::test {
namespace {
std::unique_ptr<TempDir> configDir;
}

WxRuntime::WxRuntime() {
    if (!std::getenv("DISPLAY"))
        BOOST_FAIL("the GUI tests need an X display: run them under xvfb-run or scripts/test.sh");
    static char name[] = "test_gui";
    static char* argv[] = {name, nullptr};
    int argc = 1;
    wxApp::SetInstance(new wxApp());
    if (!wxEntryStart(argc, argv)) BOOST_FAIL("wxWidgets could not start (is DISPLAY usable?)");
    wxTheApp->SetAppName("cchc-desk-test");
    configDir = std::make_unique<TempDir>();
    wxConfigBase::Set(new wxFileConfig("cchc-desk-test", "",
                                       wxString::FromUTF8(configDir->File("test.conf")), "",
                                       wxCONFIG_USE_LOCAL_FILE));
    gui::ApplyLanguage("vi");
    gui::InitResources();
}

WxRuntime::~WxRuntime() {
    delete wxConfigBase::Set(nullptr);
    wxEntryCleanup();
    configDir.reset();
}

bool WaitFor(const std::function<bool()>& cond, int timeoutMs) {
    const wxLongLong start = wxGetLocalTimeMillis();
    while (!cond()) {
        if (wxGetLocalTimeMillis() - start > timeoutMs) return cond();
        wxTheApp->Yield(true);
        wxMilliSleep(10);
    }
    return true;
}

std::unique_ptr<storage::Database> DemoDatabase(const std::string& url) {
    auto prepared = services::OpenPrepared(storage::DatabaseUrl::Parse(url), true);
    BOOST_REQUIRE_MESSAGE(prepared.demoFilled, "the demo office was not built");
    return std::move(prepared.db);
}

gui::MainFrame* ShowMainFrame(std::unique_ptr<storage::Database> db) {
    auto* frame = new gui::MainFrame(std::move(db), "gui-test");
    frame->Show();
    frame->Raise();
    BOOST_REQUIRE_MESSAGE(WaitFor([&] { return frame->IsShownOnScreen(); }),
                          "the main window is not shown");
    return frame;
}

void DestroyWindow(wxWindow* window) {
    window->Destroy();
    WaitFor([] { return false; }, 100);
}

void Choose(wxChoice* choice, int index) {
    choice->SetSelection(index);
    wxCommandEvent e(wxEVT_CHOICE, choice->GetId());
    e.SetEventObject(choice);
    e.SetInt(index);
    choice->GetEventHandler()->ProcessEvent(e);
}

OfficeWithRoles::OfficeWithRoles() {
    db = DemoDatabase(url);
    for (const PlanRecord& p : storage::PlanRepository(db->session()).All()) {
        for (const auto& i : p.items)
            if (!i.tasks.empty() && taskId == 0) taskId = i.tasks.front().id;
        if (taskId != 0) {
            plan = p;
            break;
        }
    }
    BOOST_REQUIRE(taskId != 0);
    services::OrganisationService org(*db, "setup");
    for (const Unit& u : org.Units()) {
        if (u.id == plan.unitId) communeA = u;
        if (IsCommuneLevel(u.kind) && u.active && u.id != plan.unitId && communeB.id == 0)
            communeB = u;
    }
    office = *org.UnitById(org.Office().unitId);
    BOOST_REQUIRE(communeA.id != 0);
    BOOST_REQUIRE(communeB.id != 0);
    services::AccountService(*db, "setup")
        .Add("quantri", Role::Admin, "", "Quản trị viên", "mk-quantri-1");
    services::AccountService admin(*db, "quantri");
    admin.Add("ct_a", Role::Chair, communeA.code, "Chủ tịch xã A", "mk-chutich-1");
    admin.Add("cc_a", Role::Clerk, communeA.code, "Công chức xã A", "mk-congchuc-1");
    admin.Add("ct_b", Role::Chair, communeB.code, "Chủ tịch xã B", "mk-chutich-2");
    admin.Add("xem", Role::Viewer, "", "Người xem", "mk-nguoixem-1");
}

OfficeWithRoles::~OfficeWithRoles() = default;

std::unique_ptr<storage::Database> OfficeWithRoles::Open() const {
    return storage::Database::Open(storage::DatabaseUrl::Parse(url));
}

std::unique_ptr<gui::GuiSession> OfficeWithRoles::Session(const std::string& login) const {
    return std::make_unique<gui::GuiSession>(Open(), login);
}

gui::MainFrame* OfficeWithRoles::Show(const std::string& login) const {
    auto* frame = new gui::MainFrame(Open(), login);
    frame->Show();
    frame->Raise();
    BOOST_REQUIRE(WaitFor([&] { return frame->IsShownOnScreen(); }));
    return frame;
}

void Choose(gui::SearchPicker* picker, int index) {
    picker->SetSelection(index);
    wxCommandEvent e(wxEVT_CHOICE, picker->GetId());
    e.SetEventObject(picker);
    e.SetInt(index);
    picker->GetEventHandler()->ProcessEvent(e);
}

namespace {
// Whether the keyboard is in the window or in a part of it (the text field
// of a combined control).
bool HasFocus(wxWindow* window) {
    wxWindow* focus = wxWindow::FindFocus();
    return focus && (focus == window || window->IsDescendant(focus));
}

wxPoint Middle(wxWindow* window) {
    const wxRect r = window->GetScreenRect();
    return {r.x + r.width / 2, r.y + r.height / 2};
}
}  // namespace

void ClickOn(wxUIActionSimulator& sim, wxWindow* window) {
    WaitFor([&] { return window->IsShownOnScreen(); });
    // As a user scrolls to it first: a scrolled panel shows its focused
    // child. Then until its place on screen stays (layout and scrolling done).
    window->SetFocus();
    wxRect before = window->GetScreenRect();
    for (int i = 0; i < 40; ++i) {
        WaitFor([] { return false; }, 50);
        const wxRect now = window->GetScreenRect();
        if (now == before) break;
        before = now;
    }
    sim.MouseMove(Middle(window));
    WaitFor([] { return false; }, 50);
    sim.MouseClick();
    WaitFor([] { return false; }, 50);
}

bool TickWith(wxUIActionSimulator& sim, wxCheckBox* box, bool on) {
    if (box->GetValue() != on) ClickOn(sim, box);
    return WaitFor([&] { return box->GetValue() == on; });
}

bool FocusOn(wxWindow* window) {
    return WaitFor([&] {
        if (HasFocus(window)) return true;
        wxGetTopLevelParent(window)->Raise();
        window->SetFocus();
        return false;
    });
}

bool TypeInto(wxUIActionSimulator& sim, wxWindow* control, const char* text) {
    if (!FocusOn(control)) return false;
    sim.Char('a', wxMOD_CONTROL);
    sim.Text(text);
    WaitFor([] { return false; }, 50);
    return true;
}

UiScript::Step FocusStep(std::function<wxWindow*()> find) {
    return [find] {
        wxWindow* window = find();
        if (!window || !window->IsEnabled()) return false;
        if (HasFocus(window)) return true;
        wxGetTopLevelParent(window)->Raise();
        window->SetFocus();
        return false;
    };
}

UiScript::Step TypeOver(wxUIActionSimulator& sim, const wxString& text) {
    return [&sim, text] {
        sim.Char('a', wxMOD_CONTROL);
        sim.Text(text.utf8_str());
        return true;
    };
}

UiScript::Step PressKey(wxUIActionSimulator& sim, int key) {
    return [&sim, key] {
        sim.Char(key);
        return true;
    };
}

UiScript::Step ClickStep(wxUIActionSimulator& sim, std::function<wxWindow*()> find) {
    return [&sim, find] {
        wxWindow* window = find();
        if (!window || !window->IsShownOnScreen()) return false;
        sim.MouseMove(Middle(window));
        sim.MouseClick();
        return true;
    };
}

void UiScript::Add(const std::string& name, Step step, int timeoutMs) {
    steps_.push_back({name, std::move(step), timeoutMs});
}

void PressLater(wxWindow* dialog, int id) {
    wxWindow* button = dialog->FindWindow(id);
    auto* e = new wxCommandEvent(wxEVT_BUTTON, id);
    e->SetEventObject(button);
    (button ? button : dialog)->GetEventHandler()->QueueEvent(e);
}

void EndModals() {
    for (wxWindow* w : wxTopLevelWindows)
        if (auto* d = dynamic_cast<wxDialog*>(w); d && d->IsModal()) d->EndModal(wxID_CANCEL);
}

void UiScript::Begin() {
    next_ = 0;
    failure_.clear();
    started_ = wxGetLocalTimeMillis();
    Start(30);
}

void UiScript::Notify() {
    if (Finished()) {
        Stop();
        return;
    }
    Entry& e = steps_[next_];
    if (e.step()) {
        ++next_;
        started_ = wxGetLocalTimeMillis();
        return;
    }
    if (wxGetLocalTimeMillis() - started_ > e.timeoutMs) {
        failure_ = "step \"" + e.name + "\" did not complete in time";
        Stop();
        if (onAbort) onAbort();
    }
}

std::unique_ptr<storage::Database> OtherDesk(const std::string& url) {
    return storage::Database::Open(storage::DatabaseUrl::Parse(url));
}

wxDialog* ShownConflictDialog() {
    for (wxWindow* w : wxTopLevelWindows)
        if (auto* d = dynamic_cast<wxDialog*>(w);
            d && d->IsShown() && d->IsModal() && d->GetName() == "conflict_dialog")
            return d;
    return nullptr;
}

wxRadioButton* ConflictChoice(const std::string& side, const std::string& field) {
    wxDialog* dlg = ShownConflictDialog();
    return dlg ? dynamic_cast<wxRadioButton*>(
                     wxWindow::FindWindowByName(wxString::FromUTF8(side + field), dlg))
               : nullptr;
}

bool MarkedUntouched(const std::string& field) {
    wxDialog* dlg = ShownConflictDialog();
    return dlg && wxWindow::FindWindowByName(wxString::FromUTF8("untouched_" + field), dlg);
}

UiScript::Step ConflictAnswered(ConflictSeen& seen, std::vector<std::string> fields,
                                std::function<bool()> done) {
    return [&seen, fields = std::move(fields), done = std::move(done)] {
        if (wxDialog* dlg = ShownConflictDialog()) {
            if (seen.answered == dlg) return false;  // closing
            if (!seen.asked)
                for (const std::string& f : fields) {
                    wxRadioButton* mine = ConflictChoice("mine_", f);
                    if (!mine) continue;
                    seen.fields.push_back(f);
                    if (mine->GetValue()) seen.mineFirst.push_back(f);
                }
            seen.asked = true;
            seen.answered = dlg;
            PressLater(dlg, wxID_OK);
            return false;
        }
        seen.answered = nullptr;
        return done();
    };
}

}  // namespace cchc::test
