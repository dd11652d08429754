// The accounts page (see accounts_page.h).
#include "gui/catalogue/accounts_page.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "core/vnformat.h"
#include "gui/catalogue/account_dialog.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/password_dialog.h"

namespace cchc::gui {

AccountsPage::AccountsPage(wxWindow* parent, GuiSession& session)
    : wxPanel(parent, wxID_ANY), session_(session) {
    SetName("accountsPage");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    intro_ = new wxStaticText(this, wxID_ANY, "");
    intro_->SetForegroundColour(colours::MutedText());
    sizer->Add(intro_, 0, wxEXPAND | wxALL, gap);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    add_ = new wxButton(this, wxID_ANY, _("&Add account..."));
    add_->SetName("addAccount");
    edit_ = new wxButton(this, wxID_ANY, _("&Change..."));
    edit_->SetName("changeAccount");
    edit_->SetToolTip(_("Another role, unit or full name for the selected account"));
    reset_ = new wxButton(this, wxID_ANY, _("&Reset password..."));
    reset_->SetName("resetPassword");
    reset_->SetToolTip(_("Give the selected account a new password"));
    toggle_ = new wxButton(this, wxID_ANY, _("&Lock"));
    toggle_->SetName("toggleAccount");
    toggle_->SetToolTip(_("A locked account can no longer log in; its history stays"));
    for (wxButton* b : {add_, edit_, reset_, toggle_}) bar->Add(b, 0, wxRIGHT, gap);
    sizer->Add(bar, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxDV_ROW_LINES | wxDV_SINGLE);
    list_->SetName("accountsList");
    const int flags = wxDATAVIEW_COL_RESIZABLE | wxDATAVIEW_COL_SORTABLE;
    list_->AppendTextColumn(_("Login"), wxDATAVIEW_CELL_INERT, FromDIP(140), wxALIGN_LEFT, flags);
    list_->AppendTextColumn(_("Full name"), wxDATAVIEW_CELL_INERT, FromDIP(200), wxALIGN_LEFT,
                            flags);
    list_->AppendTextColumn(_("Role"), wxDATAVIEW_CELL_INERT, FromDIP(150), wxALIGN_LEFT, flags);
    list_->AppendTextColumn(_("Unit"), wxDATAVIEW_CELL_INERT, FromDIP(200), wxALIGN_LEFT, flags);
    list_->AppendTextColumn(_("State"), wxDATAVIEW_CELL_INERT, FromDIP(100), wxALIGN_LEFT, flags);
    list_->AppendTextColumn(_("Last login"), wxDATAVIEW_CELL_INERT, FromDIP(140), wxALIGN_LEFT,
                            flags);
    list_->SetMinSize(FromDIP(wxSize(400, 150)));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddAccount(); });
    edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChangeAccount(); });
    reset_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ResetPassword(); });
    toggle_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ToggleActive(); });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { UpdateButtons(); });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { ChangeAccount(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { WrapIntro(); });
    });
}

void AccountsPage::WrapIntro() {
    intro_->SetLabelText(introText_);
    intro_->Wrap(std::max(FromDIP(400), GetClientSize().x - FromDIP(16)));
    Layout();
}

void AccountsPage::Reload() {
    std::string keep;
    if (auto a = Selected()) keep = a->login;
    list_->DeleteAllItems();
    rows_.clear();
    try {
        rows_ = services::AccountService(session_.db(), session_.user()).List();
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto& a = rows_[i];
        wxVector<wxVariant> row;
        row.push_back(U8(a.login));
        row.push_back(U8(a.fullName));
        row.push_back(U8(RoleLabel(a.role)));
        row.push_back(a.unitCode.empty() ? _("(the whole office)") : U8(a.unitName));
        row.push_back(a.active ? _("In use") : _("Locked"));
        row.push_back(U8(FormatDateTime(a.lastLoginAt)));
        list_->AppendItem(row, static_cast<wxUIntPtr>(i));
    }
    introText_ =
        (rows_.empty()
             ? _("This database has no accounts: whoever opens it may do everything. Add the "
                 "administrator's account first; from then on everyone logs in, and each account "
                 "may do what its role allows (a commune chair or clerk only in its commune).")
             : _("Who may log in, with which role and over which units. A commune chair or clerk "
                 "sees and changes only its commune; the office's accounts have no unit."));
    WrapIntro();
    add_->SetLabel(rows_.empty() ? _("&Add the administrator's account...") : _("&Add account..."));
    Select(keep);
    Layout();
}

std::optional<services::AccountInfo> AccountsPage::Selected() const {
    const wxDataViewItem item = list_->GetSelection();
    if (!item.IsOk()) return std::nullopt;
    const auto i = static_cast<std::size_t>(list_->GetItemData(item));
    return i < rows_.size() ? std::optional(rows_[i]) : std::nullopt;
}

void AccountsPage::Select(const std::string& login) {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].login == login) {
            list_->SelectRow(static_cast<unsigned>(i));
            list_->EnsureVisible(list_->RowToItem(static_cast<int>(i)));
        }
    UpdateButtons();
}

void AccountsPage::UpdateButtons() {
    const auto a = Selected();
    edit_->Enable(a.has_value());
    reset_->Enable(a.has_value());
    toggle_->Enable(a.has_value());
    toggle_->SetLabel(a && !a->active ? _("&Unlock") : _("&Lock"));
    Layout();
}

void AccountsPage::AddAccount() {
    const bool first = rows_.empty();
    std::string added;
    {
        AccountDialog dlg(this, session_, first);
        if (dlg.ShowModal() != wxID_OK) return;
        added = dlg.addedLogin();
    }
    Reload();
    Select(added);
    if (first) {
        ShowInfo(this, wxString::Format(_("The account %s was added. From now on everyone logs in "
                                          "to this database: log in with it now."),
                                        U8(added)));
        if (onFirstAccount) onFirstAccount();
    }
}

void AccountsPage::ChangeAccount() {
    const auto a = Selected();
    if (!a) return;
    {
        AccountDialog dlg(this, session_, *a);
        dlg.ShowModal();
    }
    Reload();
    Select(a->login);
}

void AccountsPage::ResetPassword() {
    const auto a = Selected();
    if (!a) return;
    PasswordDialog dlg(this, session_, a->login, a->login == session_.user());
    dlg.ShowModal();
    Reload();
}

void AccountsPage::ToggleActive() {
    const auto a = Selected();
    if (!a) return;
    if (a->active &&
        !AskYesNo(this,
                  wxString::Format(_("Lock the account %s (%s)? It can no longer log in until it "
                                     "is unlocked; what it did stays in the history."),
                                   U8(a->login), U8(RoleLabel(a->role))),
                  _("Lock")))
        return;
    try {
        services::AccountService(session_.db(), session_.user()).SetActive(a->login, !a->active);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    Reload();
}

}  // namespace cchc::gui
