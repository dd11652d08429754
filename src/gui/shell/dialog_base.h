// Base of the client's dialogs, whose layouts come from forms/*.xrc: loads
// the form, remembers size and position between runs (wxPersistenceManager),
// sets the first focus, maps Esc to Cancel and Enter to the default button,
// and shows a field error in the form's red "error" label with the focus on
// the control the error names (controls are named after the service's field
// keys).
#pragma once
#include <wx/dialog.h>
#include <wx/xrc/xmlres.h>
#include <functional>

#include <string>

#include "core/conflict.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {

class DialogBase : public wxDialog {
  protected:
    DialogBase() = default;

    // Loads the dialog called name from the XRC resources into this object.
    void LoadForm(wxWindow* parent, const wxString& name);
    // Call once the controls are filled: fits the form, restores the
    // remembered geometry (or centres on the parent) and focuses first.
    void FinishLayout(wxWindow* first);

    // The control called name in the form; wxFAIL when it is missing.
    template <class T>
    T* Ctrl(const char* name) const {
        return FindCtrl<T>(this, name);
    }

    // Shows message under the fields and focuses the control named field
    // (or the first field when there is none by that name).
    void ShowFieldError(const wxString& message, const std::string& field);
    void ClearError();
    // Runs save (which calls a service); closes the dialog with wxID_OK when
    // it succeeds, otherwise keeps it open with the error shown beside the
    // control the error names.
    void SaveAndClose(const std::function<void()>& save);
    // As above, for a record saved against the version it was read with:
    // when another desk saved it first (EditConflict), shows both values of
    // each field (AskConflict); merge then puts the stored value into the
    // form's request for every field not kept, with the stored version, and
    // save runs again. Cancelled, the dialog stays open with the user's input.
    using ConflictMerge = std::function<void(const EditConflict&, const KeptFields&)>;
    void SaveAndClose(const std::function<void()>& save, const ConflictMerge& merge);
    // Three-way: edited gives the fields the user edited (the form's record
    // against the copy first read, with the service's diff; see
    // AskConflict): only those pre-select the user's value, and when the
    // other desk changed none of them its values are merged in and saved
    // without asking.
    using EditedNow = std::function<EditedFields()>;
    void SaveAndClose(const std::function<void()>& save, const ConflictMerge& merge,
                      const EditedNow& edited);
    // A refused save beside the control it names; a failure of the database
    // or the program with a word that the input is still there.
    void ShowSaveError(const std::exception& error);

  private:
    wxWindow* first_ = nullptr;
};

}  // namespace cchc::gui
