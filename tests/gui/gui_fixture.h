// Helpers of the GUI tests: a global fixture that starts wxWidgets with the
// client's resources and a throwaway configuration, polling with wxYield,
// finding a window's controls by name, driving them with
// wxUIActionSimulator, and a script of steps run by a timer while a modal
// dialog is open.
#pragma once
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/org.h"
#include "core/records.h"
#include "test_support.h"

class wxCheckBox;
class wxChoice;
class wxDialog;
class wxRadioButton;

namespace cchc::gui {
class GuiSession;
class MainFrame;
class SearchPicker;
}  // namespace cchc::gui
namespace cchc::storage {
class Database;
}

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

// The shown modal dialog of type T, or nullptr.
template <class T>
T* FindModal() {
    T* dlg = FindShown<T>();
    return dlg && dlg->IsModal() ? dlg : nullptr;
}

// The control called `name` in the XRC form of parent, or nullptr.
template <class T>
T* Control(wxWindow* parent, const char* name) {
    return dynamic_cast<T*>(parent->FindWindow(XRCID(name)));
}

// The child `id` (a button such as wxID_OK) of the shown dialog T, or nullptr.
template <class T>
wxWindow* WindowOf(int id) {
    T* dlg = FindShown<T>();
    return dlg ? dlg->FindWindow(id) : nullptr;
}

// The demo office in the database at url (a new SQLite file): the test fails
// when it cannot be filled.
std::unique_ptr<storage::Database> DemoDatabase(const std::string& url);
// The main window on db, shown on screen; DestroyWindow closes it.
gui::MainFrame* ShowMainFrame(std::unique_ptr<storage::Database> db);

// The demo office in a new SQLite file with an account of each role: the
// administrator (quantri), the chair and the clerk of commune A (the commune
// of the demo's first plan with a task: ct_a, cc_a), the chair of commune B
// (ct_b) and a viewer (xem); passwords mk-quantri-1, mk-chutich-1,
// mk-congchuc-1, mk-chutich-2, mk-nguoixem-1.
struct OfficeWithRoles {
    TempDir dir;
    std::string url = "sqlite:" + dir.File("roles.db");
    std::unique_ptr<storage::Database> db;
    Unit communeA, communeB, office;
    PlanRecord plan;          // of commune A
    std::int64_t taskId = 0;  // its first task

    OfficeWithRoles();
    ~OfficeWithRoles();
    // A connection of its own.
    std::unique_ptr<storage::Database> Open() const;
    // A session of the client as login, on a connection of its own.
    std::unique_ptr<gui::GuiSession> Session(const std::string& login) const;
    // The main window as login, shown.
    gui::MainFrame* Show(const std::string& login) const;
};

// Destroys a top-level window and lets the events it leaves run.
void DestroyWindow(wxWindow* window);

// Chooses item `index` of a wxChoice and sends the event a user's choice
// sends.
void Choose(wxChoice* choice, int index);
// The same for a searchable picker (gui/shell/search_picker.h).
void Choose(gui::SearchPicker* picker, int index);

// What a user does with the mouse and the keyboard, through
// wxUIActionSimulator, outside a modal dialog (each waits for the window).
// Focuses the window (which scrolls it into view), moves the pointer to
// its middle once it stays in place, and clicks it.
void ClickOn(wxUIActionSimulator& sim, wxWindow* window);
// Clicks a check box if it does not show `on`; true when it then does.
bool TickWith(wxUIActionSimulator& sim, wxCheckBox* box, bool on);
// Gives the keyboard to the window; true when it has it.
bool FocusOn(wxWindow* window);
// Focuses the control, selects all of its text and types text (ASCII).
bool TypeInto(wxUIActionSimulator& sim, wxWindow* control, const char* text);

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

// Steps of a script for the keyboard and the mouse, which run while a modal
// dialog is open. Done once find() gives a window that has the keyboard
// (raising its dialog and focusing it meanwhile).
UiScript::Step FocusStep(std::function<wxWindow*()> find);
// Selects all of the focused text and types text over it (ASCII).
UiScript::Step TypeOver(wxUIActionSimulator& sim, const wxString& text);
// Presses one key.
UiScript::Step PressKey(wxUIActionSimulator& sim, int key);
// Clicks the window find() gives, once it is shown on screen.
UiScript::Step ClickStep(wxUIActionSimulator& sim, std::function<wxWindow*()> find);
// Gives the keyboard to the text control `name` of the modal dialog T.
template <class T>
UiScript::Step FocusIn(const char* name) {
    return FocusStep([name]() -> wxWindow* {
        T* dlg = FindModal<T>();
        return dlg ? Control<wxTextCtrl>(dlg, name) : nullptr;
    });
}
// Done when the text control `name` of the dialog T shows value.
template <class T>
UiScript::Step HasValue(const char* name, const wxString& value) {
    return [name, value] {
        T* dlg = FindShown<T>();
        auto* ctrl = dlg ? Control<wxTextCtrl>(dlg, name) : nullptr;
        return ctrl && ctrl->GetValue() == value;
    };
}
// Cancels the modal dialog T if one is shown (a script's onAbort).
template <class T>
void CancelModal() {
    if (T* dlg = FindModal<T>()) dlg->EndModal(wxID_CANCEL);
}

// Two desks on one database (the conflict tests): the window under test
// is one desk; another desk saves behind its back through a connection of
// its own, and the conflict dialog (AskConflict) is watched and answered.
//
// A connection of its own to url (another desk, or a check of what is stored).
std::unique_ptr<storage::Database> OtherDesk(const std::string& url);
// The conflict dialog while it is shown modal, or nullptr.
wxDialog* ShownConflictDialog();
// The choice of one side of a field in it ("mine_" or "theirs_" and the
// field's key), or nullptr.
wxRadioButton* ConflictChoice(const std::string& side, const std::string& field);
// Whether the shown conflict dialog marks field "(you did not change this)".
bool MarkedUntouched(const std::string& field);
// What a script saw of the conflict dialog (ConflictAnswered).
struct ConflictSeen {
    bool asked = false;
    std::vector<std::string> mineFirst;  // fields with the user's value pre-selected
    std::vector<std::string> fields;     // every field listed
    const void* answered = nullptr;      // the dialog answered last
};
// A script step that waits until done() holds, answering a conflict dialog
// shown meanwhile with its pre-selected choices (OK) after recording what it
// showed into seen (the first one shown); fields are the keys to look for.
UiScript::Step ConflictAnswered(ConflictSeen& seen, std::vector<std::string> fields,
                                std::function<bool()> done);

}  // namespace cchc::test
