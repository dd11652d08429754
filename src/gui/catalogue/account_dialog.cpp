// A new account (see account_dialog.h).
#include "gui/catalogue/account_dialog.h"

#include <wx/choice.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <unordered_map>

#include "core/errors.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/search_picker.h"
#include "services/app/accounts.h"

namespace cchc::gui {

AccountDialog::AccountDialog(wxWindow* parent, GuiSession& session, bool firstAccount)
    : session_(session) {
    Build(parent, firstAccount);
    FinishLayout(login_);
}

AccountDialog::AccountDialog(wxWindow* parent, GuiSession& session,
                             const services::AccountInfo& account)
    : session_(session), editing_(account) {
    Build(parent, false);
    SetTitle(wxString::Format(_("Change the account %s"), U8(account.login)));
    login_->ChangeValue(U8(account.login));
    login_->Disable();
    fullName_->ChangeValue(U8(account.fullName));
    for (std::size_t i = 0; i < roles_.size(); ++i)
        if (roles_[i] == account.role) role_->SetSelection(static_cast<int>(i));
    for (std::size_t i = 0; i < unitCodes_.size(); ++i)
        if (unitCodes_[i] == account.unitCode) unit_->SetSelection(static_cast<int>(i));
    // The password is changed apart (Reset password...).
    for (const char* name : {"password", "repeat", "password_label", "repeat_label"})
        if (wxWindow* w = FindWindow(name)) w->Hide();
    if (wxWindow* ok = FindWindow(wxID_OK)) ok->SetLabel(_("&Save"));
    // Its own remembered size: the form without the password rows.
    SetName("AccountChangeDialog");
    SetMinSize(wxDefaultSize);  // the form loaded its size with the password rows
    FinishLayout(fullName_);
}

void AccountDialog::Build(wxWindow* parent, bool firstAccount) {
    LoadForm(parent, "AccountDialog");
    login_ = Ctrl<wxTextCtrl>("login");
    fullName_ = Ctrl<wxTextCtrl>("full_name");
    role_ = Ctrl<wxChoice>("role");
    unit_ = new SearchPicker(this, wxID_ANY, _("Choose the account's unit"));
    unit_->SetToolTip(
        _("A commune chair's or clerk's account sees and changes its unit and the "
          "units under it only."));
    wxXmlResource::Get()->AttachUnknownControl("unit", unit_, this);
    password_ = Ctrl<wxTextCtrl>("password");
    repeat_ = Ctrl<wxTextCtrl>("repeat");
    SetTitle(firstAccount ? _("Add the administrator's account") : _("Add an account"));

    for (Role r : AllRoles()) {
        if (firstAccount && r != Role::Admin) continue;
        role_->Append(U8(RoleLabel(r)));
        roles_.push_back(r);
    }
    // The least a role may do, unless the administrator chooses more.
    role_->SetSelection(static_cast<int>(roles_.size()) - 1);
    if (firstAccount)
        role_->SetToolTip(
            _("The first account of a database is an administrator's: it adds the "
              "others."));

    // The whole tree, then the units indented by depth as in the tree.
    unit_->Append(_("(none: the whole office)"));
    unitCodes_.push_back("");
    std::unordered_map<std::int64_t, int> depth;
    const std::vector<Unit> units = session_.Organisation().Units();
    std::unordered_map<std::int64_t, wxString> names;  // beside a unit found by a search
    for (const Unit& u : units) names[u.id] = U8(u.name);
    const wxString indent = wxString::FromUTF8("\xe2\x80\x83");  // em space
    for (const Unit& u : units) {
        int d = 0;
        if (u.parentId)
            if (auto it = depth.find(*u.parentId); it != depth.end()) d = it->second + 1;
        depth[u.id] = d;
        if (!u.active) continue;
        wxString label;
        for (int i = 0; i < d; ++i) label += indent;
        unit_->Append(label + U8(u.name), u.parentId ? names[*u.parentId] : wxString());
        unitCodes_.push_back(u.code);
    }
    unit_->SetSelection(0);

    Bind(wxEVT_BUTTON, &AccountDialog::OnSave, this, wxID_OK);
}

Role AccountDialog::ChosenRole() const {
    const int i = role_->GetSelection();
    return i >= 0 && static_cast<std::size_t>(i) < roles_.size() ? roles_[i] : Role::Viewer;
}

std::string AccountDialog::ChosenUnit() const {
    const int u = unit_->GetSelection();
    return u >= 0 && static_cast<std::size_t>(u) < unitCodes_.size() ? unitCodes_[u] : "";
}

void AccountDialog::OnSave(wxCommandEvent&) {
    SaveAndClose([this] {
        if (editing_) {
            services::AccountService(session_.db(), session_.user())
                .Change(*editing_, ChosenRole(), ChosenUnit(), TrimmedU8(fullName_->GetValue()));
            added_ = editing_->login;
            return;
        }
        const std::string login = TrimmedU8(login_->GetValue());
        const std::string password = ToU8(password_->GetValue());
        if (ToU8(repeat_->GetValue()) != password)
            throw UserError(Location{"", 0, "repeat"},
                            ToU8(_("The two passwords differ; type the same one twice.")));
        services::AccountService(session_.db(), session_.user())
            .Add(login, ChosenRole(), ChosenUnit(), TrimmedU8(fullName_->GetValue()), password);
        added_ = login;
    });
}

}  // namespace cchc::gui
