// Danh mục > Tài khoản, the administrator's page of the program's accounts
// (login, name, role, unit, active, last login) with Add account..., Reset
// password... and Lock / Unlock (asked first), all through AccountService.
// On a database without accounts it offers to add the first one, the
// administrator's; from then on every desk logs in.
#pragma once
#include <wx/panel.h>

#include <functional>
#include <optional>
#include <vector>

#include "gui/shell/gui_session.h"
#include "services/app/accounts.h"

class wxButton;
class wxDataViewListCtrl;
class wxStaticText;

namespace cchc::gui {

class AccountsPage : public wxPanel {
  public:
    AccountsPage(wxWindow* parent, GuiSession& session);
    void Reload();

    wxDataViewListCtrl* list() const { return list_; }
    // The first account was added to a database that had none: the session
    // must log in (the main window does it again).
    std::function<void()> onFirstAccount;

  private:
    std::optional<services::AccountInfo> Selected() const;
    void UpdateButtons();
    void AddAccount();
    void ChangeAccount();
    void ResetPassword();
    void ToggleActive();
    void Select(const std::string& login);
    void WrapIntro();

    GuiSession& session_;
    wxStaticText* intro_;
    wxString introText_;
    wxDataViewListCtrl* list_;
    wxButton* add_;
    wxButton* edit_;
    wxButton* reset_;
    wxButton* toggle_;
    std::vector<services::AccountInfo> rows_;
};

}  // namespace cchc::gui
