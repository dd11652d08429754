// The procedure fields page (see procedure_fields_page.h).
#include "gui/catalogue/procedure_fields_page.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/errors.h"
#include "core/survey_rules.h"
#include "core/text.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/gui_util.h"
#include "services/surveys/procedure_fields.h"
#include "storage/unit_repository.h"

namespace cchc::gui {

ProcedureFieldsPage::ProcedureFieldsPage(wxWindow* parent, GuiSession& session)
    : wxPanel(parent, wxID_ANY), session_(session) {
    SetName("procedureFieldsPage");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("The fields of administrative procedures the office counts dossiers and surveys by. "
          "Files name a field by its code, its name, its name without the part before \" - \" "
          "(\"Hộ tịch\" for \"Tư pháp - Hộ tịch\") or one of its other names. A field no longer "
          "in use is left out of the entry grids; its figures stay."));
    intro->SetForegroundColour(colours::MutedText());
    intro->Wrap(FromDIP(600));
    sizer->Add(intro, 0, wxALL, gap);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 200)),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("fieldList");
    list_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Procedure field"), wxLIST_FORMAT_LEFT, FromDIP(230));
    list_->AppendColumn(_("Other names"), wxLIST_FORMAT_LEFT, FromDIP(190));
    list_->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(100));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* form = new wxFlexGridSizer(2, gap / 2, gap);
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(this, wxID_ANY, _("C&ode:")), 0, wxALIGN_CENTER_VERTICAL);
    code_ = new wxTextCtrl(this, wxID_ANY);
    code_->SetName("fieldCode");
    form->Add(code_, 0);
    form->Add(new wxStaticText(this, wxID_ANY, _("&Name:")), 0, wxALIGN_CENTER_VERTICAL);
    name_ = new wxTextCtrl(this, wxID_ANY);
    name_->SetName("fieldName");
    form->Add(name_, 1, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("Other na&mes\n(one per line):")), 0, wxALIGN_TOP);
    aliases_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(-1, 60)),
                              wxTE_MULTILINE);
    aliases_->SetName("fieldAliases");
    form->Add(aliases_, 1, wxEXPAND);
    form->AddSpacer(0);
    active_ = new wxCheckBox(this, wxID_ANY, _("&In use"));
    active_->SetName("fieldActive");
    form->Add(active_, 0);
    sizer->Add(form, 0, wxEXPAND | wxALL, gap);
    status_ = new wxStaticText(this, wxID_ANY, "");
    status_->SetName("fieldStatus");
    sizer->Add(status_, 0, wxLEFT | wxRIGHT, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    add_ = new wxButton(this, wxID_ANY, _("&New field"));
    add_->SetName("newField");
    save_ = new wxButton(this, wxID_ANY, _("&Save the field"));
    save_->SetName("saveField");
    buttons->Add(add_, 0, wxRIGHT, gap);
    buttons->Add(save_, 0);
    sizer->Add(buttons, 0, wxALL, gap);
    SetSizer(sizer);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { Select(e.GetIndex()); });
    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { New(); });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
}

void ProcedureFieldsPage::Reload() {
    const std::int64_t keep = editing_.id;
    try {
        fields_ = services::ListProcedureFields(session_.db(), session_.user());
    } catch (const std::exception& e) {
        fields_.clear();
        ShowProblem(ErrorSentence(e), nullptr);
    }
    list_->DeleteAllItems();
    for (const auto& f : fields_) {
        const long row = list_->InsertItem(list_->GetItemCount(), U8(f.code));
        list_->SetItem(row, 1, U8(f.name));
        list_->SetItem(row, 2, U8(JoinTexts(f.aliases, "; ")));
        list_->SetItem(row, 3, f.active ? _("in use") : _("retired"));
        if (!f.active) list_->SetItemTextColour(row, colours::MutedText());
    }
    AccessUi& access = session_.Access();
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{code_, name_, aliases_, active_, add_, save_})
        access.Offer(w, true, Action::EditCatalogues);
    long at = -1;
    for (std::size_t i = 0; i < fields_.size(); ++i)
        if (fields_[i].id == keep) at = static_cast<long>(i);
    if (at >= 0)
        Select(at);
    else if (!fields_.empty())
        Select(0);
}

void ProcedureFieldsPage::Select(long row) {
    if (row < 0 || row >= static_cast<long>(fields_.size())) return;
    editing_ = fields_[static_cast<std::size_t>(row)];
    if (list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED) != row)
        list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(row);
    ShowSelected();
}

void ProcedureFieldsPage::New() {
    editing_ = storage::ProcedureFieldRecord{};
    long sel = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (sel >= 0) list_->SetItemState(sel, 0, wxLIST_STATE_SELECTED);
    ShowSelected();
    code_->SetFocus();
}

void ProcedureFieldsPage::ShowSelected() {
    code_->ChangeValue(U8(editing_.code));
    name_->ChangeValue(U8(editing_.name));
    aliases_->ChangeValue(U8(JoinTexts(editing_.aliases, "\n")));
    active_->SetValue(editing_.active);
    status_->SetLabelText(editing_.id == 0 ? _("A new field: write its code and name.") : "");
    status_->SetForegroundColour(colours::MutedText());
    Layout();
}

void ProcedureFieldsPage::ShowProblem(const wxString& message, wxWindow* at) {
    status_->SetForegroundColour(colours::Danger());
    status_->SetLabelText(message);
    status_->Wrap(std::max(FromDIP(300), GetClientSize().x - FromDIP(16)));
    Layout();
    if (at) at->SetFocus();
    wxBell();
}

bool ProcedureFieldsPage::Save() {
    storage::ProcedureFieldRecord field = editing_;
    field.code = TrimmedU8(code_->GetValue());
    field.name = TrimmedU8(name_->GetValue());
    field.aliases = ParseAliases(ToU8(aliases_->GetValue()));
    field.active = active_->GetValue();
    try {
        const std::int64_t id = services::SaveProcedureField(session_.db(), field, session_.user());
        editing_.id = id;
        Reload();
        status_->SetForegroundColour(colours::Good());
        status_->SetLabelText(wxString::Format(_("The field %s was saved."), U8(field.code)));
        Layout();
        return true;
    } catch (const storage::ConcurrentEditError&) {
        // The input stays; the list shows the other desk's values, and the
        // next Save writes this desk's over them.
        const std::int64_t id = field.id;
        fields_ = services::ListProcedureFields(session_.db(), session_.user());
        for (const auto& f : fields_)
            if (f.id == id) editing_.version = f.version;
        const wxString typed[] = {code_->GetValue(), name_->GetValue(), aliases_->GetValue()};
        const bool on = active_->GetValue();
        Reload();
        code_->ChangeValue(typed[0]);
        name_->ChangeValue(typed[1]);
        aliases_->ChangeValue(typed[2]);
        active_->SetValue(on);
        ShowProblem(_("Another desk changed this field meanwhile: its values are in the list. "
                      "Your input is kept; press Save again to store it over theirs."),
                    save_);
    } catch (const UserError& e) {
        wxWindow* at = e.where().field == "name"      ? static_cast<wxWindow*>(name_)
                       : e.where().field == "aliases" ? static_cast<wxWindow*>(aliases_)
                                                      : static_cast<wxWindow*>(code_);
        ShowProblem(ErrorSentence(e), at);
    } catch (const std::exception& e) {
        ShowProblem(_("The field was not saved; your input is kept.") + " " + ErrorSentence(e),
                    nullptr);
    }
    return false;
}

}  // namespace cchc::gui
