// Helpers of the GUI tests (see gui_fixture.h).
#include "gui_fixture.h"

#include <wx/dialog.h>

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/fileconf.h>
#include <wx/init.h>
#include <wx/utils.h>

#include <cstdlib>
#include <memory>

#include "gui/app_setup.h"
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
    wxConfigBase::Set(new wxFileConfig("cchc-desk-test", "", wxString::FromUTF8(configDir->File("test.conf")), "",
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

}  // namespace cchc::test
