// Shared behaviour of the client's dialogs (see dialog_base.h).
#include "gui/shell/dialog_base.h"

#include <wx/persist/toplevel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <optional>

#include "core/errors.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {

void DialogBase::LoadForm(wxWindow* parent, const wxString& name) {
    if (!wxXmlResource::Get()->LoadDialog(this, parent, name))
        wxLogFatalError("The form %s is missing from the program's resources.", name);
    SetName(name);
    SetEscapeId(wxID_CANCEL);
    SetAffirmativeId(wxID_OK);
}

void DialogBase::FinishLayout(wxWindow* first) {
    first_ = first;
    Layout();
    Fit();
    // Never larger than the smallest screen of the offices (1024×768, less
    // the desktop's panel): a form wider than that lets its growable
    // controls shrink.
    const wxSize most = FromDIP(wxSize(1000, 720));
    const wxSize fitted = GetSize();
    const wxSize least(std::min(fitted.x, most.x), std::min(fitted.y, most.y));
    if (least != fitted) SetSize(least);
    SetMinSize(least);
    if (!wxPersistentRegisterAndRestore(this, GetName())) CentreOnParent();
    if (first) {
        first->SetFocus();
        if (auto* text = dynamic_cast<wxTextCtrl*>(first)) text->SelectAll();
    }
}

void DialogBase::ShowFieldError(const wxString& message, const std::string& field) {
    if (auto* label = dynamic_cast<wxStaticText*>(FindWindow(XRCID("error")))) {
        label->SetLabelText(message);
        label->Wrap(GetClientSize().x - FromDIP(32));
        label->Show();
        Layout();
        // Grow if the message needs more room than the form has.
        wxSize best = GetBestSize();
        if (best.y > GetSize().y) SetSize(GetSize().x, best.y);
    }
    wxWindow* target = field.empty() ? nullptr : FindWindow(XRCID(field.c_str()));
    if (!target) target = first_;
    if (target) {
        target->SetFocus();
        if (auto* text = dynamic_cast<wxTextCtrl*>(target)) text->SelectAll();
    }
    wxBell();
}

void DialogBase::ClearError() {
    if (auto* label = dynamic_cast<wxStaticText*>(FindWindow(XRCID("error")));
        label && label->IsShown()) {
        label->Hide();
        Layout();
    }
}

void DialogBase::SaveAndClose(const std::function<void()>& save) { SaveAndClose(save, nullptr); }

void DialogBase::SaveAndClose(const std::function<void()>& save, const ConflictMerge& merge) {
    SaveAndClose(save, merge, nullptr);
}

void DialogBase::SaveAndClose(const std::function<void()>& save, const ConflictMerge& merge,
                              const EditedNow& edited) {
    for (;;) {
        ClearError();
        std::optional<EditConflict> conflict;
        try {
            save();
            EndModal(wxID_OK);
            return;
        } catch (const EditConflict& e) {
            if (!merge) {
                ShowFieldError(ErrorSentence(e), e.where().field);
                return;
            }
            conflict = e;
        } catch (const std::exception& e) {
            ShowSaveError(e);
            return;
        }
        // Out of the handler: the conflict dialog runs its own event loop.
        std::optional<KeptFields> kept =
            edited ? AskConflict(this, *conflict, edited()) : AskConflict(this, *conflict);
        if (!kept) {
            ShowFieldError(ErrorSentence(*conflict), "");
            return;
        }
        try {
            merge(*conflict, *kept);
        } catch (const std::exception& e) {
            ShowSaveError(e);
            return;
        }
    }
}

void DialogBase::ShowSaveError(const std::exception& e) {
    if (auto* user = dynamic_cast<const UserError*>(&e)) {
        ShowFieldError(ErrorSentence(e), user->where().field);
        return;
    }
    // The database or the program failed, not the user's input: say that
    // nothing typed is lost (the dialog stays open with it).
    wxString text = ErrorSentence(e);
    if (!text.empty() && !text.EndsWith(".")) text += ".";
    ShowFieldError(text + " " + _("What you entered is still on the screen."), "");
}

}  // namespace cchc::gui
