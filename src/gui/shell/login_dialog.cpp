// The login dialog and logging in to a database (see login_dialog.h).
#include "gui/shell/login_dialog.h"

#include <wx/button.h>
#include <wx/config.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/errors.h"
#include "gui/shell/app_setup.h"
#include "gui/shell/gui_util.h"
#include "services/app/accounts.h"
#include "services/app/app_context.h"
#include "services/app/failure_message.h"

namespace cchc::gui {
namespace {
// The last login of each database, under a name of the database's key
// (services::DatabaseKey) that the configuration can hold: letters and
// digits as they are, every other byte as _XX.
wxString LastLoginEntry(const std::string& databaseKey) {
    wxString name = "Session/LastLogins/";
    for (unsigned char c : databaseKey) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            name += static_cast<char>(c);
        else
            name += wxString::Format("_%02X", c);
    }
    return name;
}
}  // namespace

LoginDialog::LoginDialog(wxWindow* parent, const services::DatabaseUrl& url, bool atStart,
                         Attempt attempt)
    : attempt_(std::move(attempt)), lastLoginEntry_(LastLoginEntry(services::DatabaseKey(url))) {
    const wxString database = U8(url.Display());
    LoadForm(parent, "LoginDialog");
    login_ = Ctrl<wxTextCtrl>("login");
    password_ = Ctrl<wxTextCtrl>("password");
    auto* heading = Ctrl<wxStaticText>("heading");
    heading->SetFont(ScaledFont(heading, 1.25, true));
    Ctrl<wxStaticText>("database")->SetLabelText(wxString::Format(_("Database: %s"), database));
    if (!atStart)
        if (auto* cancel = FindWindow(wxID_CANCEL)) cancel->SetLabel(_("Cancel"));
    const wxString last = wxConfig::Get()->Read(lastLoginEntry_, "");
    login_->ChangeValue(last);
    Bind(wxEVT_BUTTON, &LoginDialog::OnLogIn, this, wxID_OK);
    FinishLayout(last.empty() ? login_ : password_);
}

std::string LoginDialog::login() const { return TrimmedU8(login_->GetValue()); }

void LoginDialog::SetLogin(const std::string& login) {
    login_->ChangeValue(U8(login));
    password_->SetFocus();
}

void LoginDialog::ShowProblem(const wxString& text) {
    ShowFieldError(text, login_->GetValue().empty() ? "login" : "password");
}

void LoginDialog::OnLogIn(wxCommandEvent&) {
    SaveAndClose([this] {
        const std::string login = this->login();
        if (login.empty()) throw UserError(Location{"", 0, "login"}, ToU8(_("Type your login.")));
        attempt_(login, ToU8(password_->GetValue()));
        wxConfig::Get()->Write(lastLoginEntry_, U8(login));
        wxConfig::Get()->Flush();
    });
}

std::optional<std::string> LogInTo(wxWindow* parent, std::unique_ptr<services::Database>& db,
                                   bool atStart) {
    if (!services::HasAccounts(*db)) return services::CurrentUser();
    if (auto me = services::ConnectedAccount(*db)) return me->login;
    const bool sqlite = db->backend() == services::DatabaseBackend::Sqlite;
    std::unique_ptr<services::Database> asAccount;
    LoginDialog dlg(parent, db->url(), atStart,
                    [&](const std::string& login, const std::string& password) {
                        if (sqlite) {
                            services::AccountService(*db, login).LogIn(login, password);
                            return;
                        }
                        // The server checks the password of the account's role.
                        asAccount = services::ConnectAsAccount(db->url(), login, password).db;
                    });
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    if (asAccount) db = std::move(asAccount);
    return dlg.login();
}

std::unique_ptr<services::Database> OpenServerAsAccount(const services::DatabaseUrl& url,
                                                        const std::exception& error) {
    std::unique_ptr<services::Database> db;
    LoginDialog dlg(nullptr, url, false,
                    [&](const std::string& login, const std::string& password) {
                        try {
                            db = OpenAndRemember(services::WithLogin(url, login, password), false);
                        } catch (const UserError& e) {
                            throw UserError(Location{"", 0, "password"}, e.message());
                        }
                    });
    if (!url.user.empty()) dlg.SetLogin(url.user);
    if (!services::PasswordWanted(error)) dlg.ShowProblem(ErrorSentence(error));
    if (dlg.ShowModal() != wxID_OK) return nullptr;
    return db;
}

}  // namespace cchc::gui
