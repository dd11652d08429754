// A new password for an account (form PasswordDialog), typed twice: the
// account's own (File > Change password: the current password is checked
// first, on SQLite by logging in with it, on PostgreSQL by connecting with
// it) or, for the administrator, another account's (Accounts > Reset
// password). Saved through AccountService::SetPassword; a refusal is shown
// beside the field it names and the dialog stays open.
#pragma once
#include <string>

#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"

class wxTextCtrl;

namespace cchc::gui {

class PasswordDialog : public DialogBase {
  public:
    // own: the session's own account (asks for the current password).
    PasswordDialog(wxWindow* parent, GuiSession& session, const std::string& login, bool own);

  private:
    void OnSave(wxCommandEvent& event);
    void CheckCurrent(const std::string& password);

    GuiSession& session_;
    std::string login_;
    bool own_;
    wxTextCtrl* old_;
    wxTextCtrl* new_;
    wxTextCtrl* repeat_;
};

}  // namespace cchc::gui
