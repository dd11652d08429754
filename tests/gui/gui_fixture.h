// Helpers of the GUI tests: a global fixture that starts wxWidgets with the
// client's resources and a throwaway configuration, polling with wxYield,
// and a script of steps run by a timer while a modal dialog is open.
#pragma once
#include <wx/timer.h>
#include <wx/toplevel.h>

#include <functional>
#include <string>
#include <vector>

namespace cchc::test {

// Starts wx (wxEntryStart) with a display, loads the XRC forms, Vietnamese
// as the interface language, and a wxFileConfig in a temporary directory so
// that a user's settings are neither read nor written.
struct WxRuntime {
    WxRuntime();
    ~WxRuntime();
};

// Processes events until cond() holds or timeoutMs passed; returns cond().
bool WaitFor(const std::function<bool()>& cond, int timeoutMs = 5000);

// The shown top-level window of type T, or nullptr.
template <class T>
T* FindShown() {
    for (wxWindow* w : wxTopLevelWindows)
        if (auto* t = dynamic_cast<T*>(w); t && t->IsShown()) return t;
    return nullptr;
}

// Presses a button of a dialog later, from the event loop: its handler
// may open a modal dialog of its own, which must not run inside a script
// step. The event goes to the button, so handlers bound on it or on the
// dialog both see it.
void PressLater(wxWindow* dialog, int id);
// Ends every modal dialog shown (a script's onAbort).
void EndModals();

// Steps run one after another from a timer (so they also run inside a
// modal dialog's event loop). A step returns true when done; each step has
// a time limit, after which the script records the failure, calls onAbort
// (e.g. to close the dialog) and stops.
class UiScript : public wxTimer {
public:
    using Step = std::function<bool()>;
    void Add(const std::string& name, Step step, int timeoutMs = 5000);
    void Begin();
    bool Finished() const { return next_ >= steps_.size() || !failure_.empty(); }
    const std::string& failure() const { return failure_; }
    std::function<void()> onAbort;

    void Notify() override;

private:
    struct Entry {
        std::string name;
        Step step;
        int timeoutMs;
    };
    std::vector<Entry> steps_;
    std::size_t next_ = 0;
    wxLongLong started_ = 0;
    std::string failure_;
};

}  // namespace cchc::test
