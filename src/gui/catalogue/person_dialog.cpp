// The officer form (see person_dialog.h).
#include "gui/catalogue/person_dialog.h"

#include "core/org_conflicts.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <set>
#include <unordered_map>

#include "core/collation.h"
#include "core/errors.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/search_picker.h"

namespace cchc::gui {

PersonDialog::PersonDialog(wxWindow* parent, GuiSession& session, const Person& person,
                           const std::vector<Unit>& units)
    : session_(session), original_(person), base_(person) {
    LoadForm(parent, "PersonDialog");
    code_ = Ctrl<wxTextCtrl>("code");
    fullName_ = Ctrl<wxTextCtrl>("full_name");
    unit_ = new SearchPicker(this, wxID_ANY, _("Choose the officer's unit"));
    wxXmlResource::Get()->AttachUnknownControl("unit", unit_, this);
    position_ = Ctrl<wxComboBox>("position");
    phone_ = Ctrl<wxTextCtrl>("phone");
    email_ = Ctrl<wxTextCtrl>("email");
    oneStopDesk_ = Ctrl<wxCheckBox>("one_stop_desk");
    active_ = Ctrl<wxCheckBox>("active");

    SetTitle(person.id == 0 ? _("Add an officer")
                            : wxString::Format(_("Edit officer: %s"), U8(person.fullName)));

    // Units indented by depth, as in the tree.
    std::unordered_map<std::int64_t, int> depth;
    std::unordered_map<std::int64_t, wxString> names;  // beside a unit found by a search
    for (const Unit& u : units) names[u.id] = U8(u.name);
    const wxString indent = wxString::FromUTF8("\xe2\x80\x83");  // em space
    for (const Unit& u : units) {
        int d = 0;
        if (u.parentId)
            if (auto it = depth.find(*u.parentId); it != depth.end()) d = it->second + 1;
        depth[u.id] = d;
        if (!u.active && u.id != person.unitId) continue;
        wxString label;
        for (int i = 0; i < d; ++i) label += indent;
        unit_->Append(label + U8(u.name), u.parentId ? names[*u.parentId] : wxString());
        unitIds_.push_back(u.id);
    }

    // Positions already used in the office, offered as suggestions.
    std::set<std::string, VietnameseLessFn> positions;
    for (const Person& p : session_.Organisation().AllPeople())
        if (!p.position.empty()) positions.insert(p.position);
    for (const std::string& p : positions) position_->Append(U8(p));

    Fill(person);
    Bind(wxEVT_BUTTON, &PersonDialog::OnSave, this, wxID_OK);
    FinishLayout(person.id == 0 ? code_ : fullName_);
}

void PersonDialog::Fill(const Person& p) {
    code_->ChangeValue(U8(p.code));
    fullName_->ChangeValue(U8(p.fullName));
    for (std::size_t i = 0; i < unitIds_.size(); ++i)
        if (unitIds_[i] == p.unitId) unit_->SetSelection(static_cast<int>(i));
    position_->ChangeValue(U8(p.position));
    phone_->ChangeValue(U8(p.phone));
    email_->ChangeValue(U8(p.email));
    oneStopDesk_->SetValue(p.oneStopDesk);
    active_->SetValue(p.active);
}

Person PersonDialog::Read() const {
    Person p = original_;  // keeps id and row version
    p.code = TrimmedU8(code_->GetValue());
    p.fullName = TrimmedU8(fullName_->GetValue());
    const int unit = unit_->GetSelection();
    p.unitId = unit != wxNOT_FOUND ? unitIds_[static_cast<std::size_t>(unit)] : 0;
    p.position = TrimmedU8(position_->GetValue());
    p.phone = TrimmedU8(phone_->GetValue());
    p.email = TrimmedU8(email_->GetValue());
    p.oneStopDesk = oneStopDesk_->GetValue();
    p.active = active_->GetValue();
    return p;
}

void PersonDialog::OnSave(wxCommandEvent&) {
    SaveAndClose([this] { saved_ = session_.Organisation().SavePerson(Read()); },
                 [this](const EditConflict& conflict, const KeptFields& kept) {
                     Person stored = Read();
                     for (const Person& p : session_.Organisation().AllPeople())
                         if (p.id == original_.id) stored = p;
                     Fill(MergePerson(Read(), stored, kept));
                     original_.version = conflict.storedVersion();
                     base_ = stored;
                 },
                 [this] {
                     // Units named as the service names them in the conflict.
                     return EditedOf(PersonConflicts(
                         Read(), base_, [this](std::optional<std::int64_t> id) -> std::string {
                             if (!id) return {};
                             auto u = session_.Organisation().UnitById(*id);
                             return u ? u->name : std::to_string(*id);
                         }));
                 });
}

}  // namespace cchc::gui
