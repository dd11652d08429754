// A new account, or another role, unit or name for an account (form
// AccountDialog; when changing, the login is fixed and the password is
// not asked): login, full name, role, unit (chair
// and clerk accounts belong to one; the office's accounts to none, the
// whole tree), and the password typed twice. Added through AccountService;
// a refusal is shown beside the field it names (login, role, unit,
// password) and the dialog stays open. The first account of a database is
// an administrator's, so the role is fixed then.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"
#include "services/app/accounts.h"

class wxChoice;
class wxTextCtrl;

namespace cchc::gui {

class SearchPicker;

class AccountDialog : public DialogBase {
  public:
    AccountDialog(wxWindow* parent, GuiSession& session, bool firstAccount);
    // Changing `account` as the accounts page read it.
    AccountDialog(wxWindow* parent, GuiSession& session, const services::AccountInfo& account);
    const std::string& addedLogin() const { return added_; }

  private:
    void Build(wxWindow* parent, bool firstAccount);
    void OnSave(wxCommandEvent& event);
    Role ChosenRole() const;
    std::string ChosenUnit() const;

    GuiSession& session_;
    wxTextCtrl* login_;
    wxTextCtrl* fullName_;
    wxChoice* role_;
    SearchPicker* unit_;
    wxTextCtrl* password_;
    wxTextCtrl* repeat_;
    std::vector<Role> roles_;
    std::vector<std::string> unitCodes_;  // of unit_'s items ("" for the whole tree)
    std::string added_;
    std::optional<services::AccountInfo> editing_;
};

}  // namespace cchc::gui
