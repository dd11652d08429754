// Logging in to a database that has accounts (form LoginDialog): the login
// (the last one used on this database is filled in), the password, Enter
// logs in; a refusal
// is shown in the dialog with the login kept. On SQLite the account service
// checks the password; on PostgreSQL the account is the connection's role,
// so the dialog connects again as the login with the password, unless the
// connection already is an active account (PGPASSWORD, ~/.pgpass or the
// address's own password).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <wx/string.h>

#include "gui/shell/dialog_base.h"
#include "services/app/database_access.h"

class wxTextCtrl;

namespace cchc::gui {

class LoginDialog : public DialogBase {
  public:
    // Checks the login and password: returns when they open the session,
    // throws UserError (shown under the fields, beside the field it names)
    // otherwise.
    using Attempt = std::function<void(const std::string& login, const std::string& password)>;
    // The database at url (its address shown, its last login filled in);
    // atStart: the button that gives up says Quit (the program ends), else
    // Cancel (the database open before stays open).
    LoginDialog(wxWindow* parent, const services::DatabaseUrl& url, bool atStart, Attempt attempt);

    std::string login() const;
    // Shows why the dialog is asked for (opening the database failed).
    void ShowProblem(const wxString& text);
    // The login the database's address names: filled in, the password
    // field focused.
    void SetLogin(const std::string& login);

  private:
    void OnLogIn(wxCommandEvent& event);

    Attempt attempt_;
    wxString lastLoginEntry_;  // the configuration's entry of the database's last login
    wxTextCtrl* login_;
    wxTextCtrl* password_;
};

// The user of a session on db: without accounts the desk's user
// (services::CurrentUser()); with accounts the connection's own account, or
// the account logged in with the dialog (on PostgreSQL db is then replaced
// by a connection as that account). Nothing when the user gave up.
std::optional<std::string> LogInTo(wxWindow* parent, std::unique_ptr<services::Database>& db,
                                   bool atStart);

// Opening the PostgreSQL database at url failed with error (a server that
// wants a password, a role that is no account): asks for a login and
// password and opens the database as that account (OpenAndRemember);
// nullptr when the user gave up. The address's login is filled in; when the
// server only wanted its password, no failure is shown.
std::unique_ptr<services::Database> OpenServerAsAccount(const services::DatabaseUrl& url,
                                                        const std::exception& error);

}  // namespace cchc::gui
