// A new password (see password_dialog.h).
#include "gui/shell/password_dialog.h"

#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/errors.h"
#include "gui/shell/gui_util.h"
#include "services/app/accounts.h"

namespace cchc::gui {

PasswordDialog::PasswordDialog(wxWindow* parent, GuiSession& session, const std::string& login,
                               bool own)
    : session_(session), login_(login), own_(own) {
    LoadForm(parent, "PasswordDialog");
    old_ = Ctrl<wxTextCtrl>("old_password");
    new_ = Ctrl<wxTextCtrl>("password");
    repeat_ = Ctrl<wxTextCtrl>("repeat");
    SetTitle(own ? _("Change password") : _("Reset password"));
    auto* intro = Ctrl<wxStaticText>("intro");
    intro->SetLabelText(
        own ? wxString::Format(_("A new password for your account %s."), U8(login))
            : wxString::Format(_("A new password for the account %s. Tell it to its owner, who "
                                 "can change it with File > Change password."),
                               U8(login)));
    intro->Wrap(FromDIP(420));
    old_->Show(own);
    Ctrl<wxStaticText>("old_label")->Show(own);
    Bind(wxEVT_BUTTON, &PasswordDialog::OnSave, this, wxID_OK);
    FinishLayout(own ? old_ : new_);
}

void PasswordDialog::CheckCurrent(const std::string& password) {
    services::Database& db = session_.db();
    try {
        if (db.backend() == services::DatabaseBackend::Sqlite)
            services::AccountService(db, login_).LogIn(login_, password);
        else
            services::OpenConnection(services::WithLogin(db.url(), login_, password));
    } catch (const UserError&) {
        throw UserError(Location{"", 0, "old_password"},
                        ToU8(_("The current password is not right.")));
    }
}

void PasswordDialog::OnSave(wxCommandEvent&) {
    SaveAndClose([this] {
        const std::string password = ToU8(new_->GetValue());
        if (own_) CheckCurrent(ToU8(old_->GetValue()));
        if (ToU8(repeat_->GetValue()) != password)
            throw UserError(Location{"", 0, "repeat"},
                            ToU8(_("The two new passwords differ; type the same one twice.")));
        services::AccountService(session_.db(), session_.user()).SetPassword(login_, password);
        // On a server the session's connections are made with the password:
        // from now on with the new one.
        services::Database& db = session_.db();
        if (own_ && db.backend() == services::DatabaseBackend::Postgresql)
            session_.Replace(
                services::OpenConnection(services::WithLogin(db.url(), login_, password)),
                session_.user());
    });
}

}  // namespace cchc::gui
