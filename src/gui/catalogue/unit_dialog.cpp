// The unit form (see unit_dialog.h).
#include "gui/catalogue/unit_dialog.h"

#include "core/org_conflicts.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <set>
#include <unordered_map>

#include "core/errors.h"
#include "core/text.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/search_picker.h"

namespace cchc::gui {

UnitDialog::UnitDialog(wxWindow* parent, GuiSession& session, const Unit& unit,
                       const std::vector<Unit>& units)
    : session_(session), original_(unit), base_(unit) {
    LoadForm(parent, "UnitDialog");
    code_ = Ctrl<wxTextCtrl>("code");
    name_ = Ctrl<wxTextCtrl>("name");
    kind_ = Ctrl<wxChoice>("kind");
    parent_ = new SearchPicker(this, wxID_ANY, _("Choose the unit it belongs to"));
    wxXmlResource::Get()->AttachUnknownControl("parent", parent_, this);
    placeName_ = Ctrl<wxTextCtrl>("place_name");
    headerParent_ = Ctrl<wxTextCtrl>("header_parent");
    headerName_ = Ctrl<wxTextCtrl>("header_name");
    docSymbol_ = Ctrl<wxTextCtrl>("doc_symbol");
    aliases_ = Ctrl<wxTextCtrl>("aliases");
    active_ = Ctrl<wxCheckBox>("active");

    SetTitle(unit.id == 0 ? _("Add a unit") : wxString::Format(_("Edit unit: %s"), U8(unit.name)));
    for (UnitKind kind : AllUnitKinds()) kind_->Append(U8(UnitKindLabel(kind)));
    FillParents(units);
    Fill(unit);

    Bind(wxEVT_BUTTON, &UnitDialog::OnSave, this, wxID_OK);
    FinishLayout(unit.id == 0 ? code_ : name_);
}

void UnitDialog::FillParents(const std::vector<Unit>& units) {
    // The unit itself and the units under it cannot be its parent.
    std::set<std::int64_t> excluded;
    if (original_.id != 0) excluded.insert(original_.id);
    std::unordered_map<std::int64_t, int> depth;
    std::unordered_map<std::int64_t, wxString> names;  // beside a unit found by a search
    for (const Unit& u : units) names[u.id] = U8(u.name);
    parent_->Append(_("(none)"));
    parentIds_.push_back(0);
    const wxString indent = wxString::FromUTF8("\xe2\x80\x83");  // em space
    for (const Unit& u : units) {                                // tree order: parents come first
        int d = 0;
        if (u.parentId) {
            if (excluded.count(*u.parentId)) excluded.insert(u.id);
            if (auto it = depth.find(*u.parentId); it != depth.end()) d = it->second + 1;
        }
        depth[u.id] = d;
        if (excluded.count(u.id)) continue;
        wxString label;
        for (int i = 0; i < d; ++i) label += indent;
        label += U8(u.name);
        if (!u.active) label += " " + _("(inactive)");
        parent_->Append(label, u.parentId ? names[*u.parentId] : wxString());
        parentIds_.push_back(u.id);
    }
}

void UnitDialog::Fill(const Unit& u) {
    code_->ChangeValue(U8(u.code));
    name_->ChangeValue(U8(u.name));
    const auto& kinds = AllUnitKinds();
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (kinds[i] == u.kind) kind_->SetSelection(static_cast<int>(i));
    parent_->SetSelection(0);
    for (std::size_t i = 0; i < parentIds_.size(); ++i)
        if (u.parentId && parentIds_[i] == *u.parentId) parent_->SetSelection(static_cast<int>(i));
    placeName_->ChangeValue(U8(u.placeName));
    headerParent_->ChangeValue(U8(u.headerParent));
    headerName_->ChangeValue(U8(u.headerName));
    docSymbol_->ChangeValue(U8(u.docSymbol));
    aliases_->ChangeValue(U8(JoinTexts(u.aliases, "\n")));
    active_->SetValue(u.active);
}

Unit UnitDialog::Read() const {
    Unit u = original_;  // keeps id, sort order and row version
    u.code = TrimmedU8(code_->GetValue());
    u.name = TrimmedU8(name_->GetValue());
    const int kind = kind_->GetSelection();
    if (kind != wxNOT_FOUND) u.kind = AllUnitKinds()[static_cast<std::size_t>(kind)];
    const int parent = parent_->GetSelection();
    const std::int64_t parentId = parent > 0 ? parentIds_[static_cast<std::size_t>(parent)] : 0;
    u.parentId = parentId != 0 ? std::optional<std::int64_t>(parentId) : std::nullopt;
    u.placeName = TrimmedU8(placeName_->GetValue());
    u.headerParent = TrimmedU8(headerParent_->GetValue());
    u.headerName = TrimmedU8(headerName_->GetValue());
    u.docSymbol = TrimmedU8(docSymbol_->GetValue());
    u.aliases = ParseAliases(ToU8(aliases_->GetValue()));
    u.active = active_->GetValue();
    return u;
}

void UnitDialog::OnSave(wxCommandEvent&) {
    SaveAndClose([this] { saved_ = session_.Organisation().SaveUnit(Read()); },
                 [this](const EditConflict& conflict, const KeptFields& kept) {
                     // The form shows the merge; the next save is against
                     // the version the conflict showed.
                     Unit stored = Read();
                     if (auto now = session_.Organisation().UnitById(original_.id)) stored = *now;
                     stored.version = conflict.storedVersion();
                     const Unit merged = MergeUnit(Read(), stored, kept);
                     Fill(merged);
                     original_.sortOrder = merged.sortOrder;
                     original_.version = conflict.storedVersion();
                     base_ = stored;
                 },
                 [this] {
                     // Parents named as the service names them in the conflict.
                     return EditedOf(UnitConflicts(
                         Read(), base_, [this](std::optional<std::int64_t> id) -> std::string {
                             if (!id) return {};
                             auto u = session_.Organisation().UnitById(*id);
                             return u ? u->name : std::to_string(*id);
                         }));
                 });
}

}  // namespace cchc::gui
