// The organisation tree with its search box (see unit_tree_panel.h).
#include "gui/shell/unit_tree_panel.h"

#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <unordered_set>

#include "core/collation.h"
#include "core/vnformat.h"
#include "gui/shell/art.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {
namespace {

class UnitItemData : public wxTreeItemData {
  public:
    explicit UnitItemData(std::int64_t id) : id(id) {}
    std::int64_t id;
};

// Image index in the tree's image list: kind, then active/inactive.
int ImageIndex(UnitKind kind, bool active) { return static_cast<int>(kind) * 2 + (active ? 0 : 1); }

}  // namespace

UnitTreePanel::UnitTreePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* caption = new wxStaticText(this, wxID_ANY, _("Organisation"));
    caption->SetFont(ScaledFont(caption, 1.0, true));
    sizer->Add(caption, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));

    search_ =
        new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    search_->ShowCancelButton(true);
    // TRANSLATORS: hint in the search box above the organisation tree.
    search_->SetDescriptiveText(_("Find a unit (e.g. tay xuan)"));
    search_->SetToolTip(
        _("Type part of a name or code; accents are not needed. Enter goes to the first match."));
    sizer->Add(search_, 0, wxEXPAND | wxALL, FromDIP(6));

    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_SINGLE |
                               wxTR_FULL_ROW_HIGHLIGHT | wxTR_NO_LINES | wxBORDER_THEME);
    wxVector<wxBitmapBundle> images;
    for (UnitKind kind : AllUnitKinds()) {
        images.push_back(UnitKindIcon(kind, true));
        images.push_back(UnitKindIcon(kind, false));
    }
    tree_->SetImages(images);
    tree_->SetIndent(FromDIP(14));
    sizer->Add(tree_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));

    count_ = new wxStaticText(this, wxID_ANY, "");
    count_->SetForegroundColour(colours::MutedText());
    sizer->Add(count_, 0, wxEXPAND | wxALL, FromDIP(6));
    SetSizer(sizer);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        std::int64_t keep = 0;
        if (auto u = Selected()) keep = u->id;
        Rebuild(keep);
    });
    search_->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) { search_->Clear(); });
    search_->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) {
        // Enter: go to the first unit that matches.
        wxTreeItemIdValue cookie;
        wxTreeItemId item = tree_->GetFirstChild(tree_->GetRootItem(), cookie);
        std::string query = FoldForSearch(TrimmedU8(search_->GetValue()));
        while (item.IsOk()) {
            const Unit* u = UnitOf(item);
            if (u &&
                (query.empty() || folded_[indexById_[u->id]].find(query) != std::string::npos)) {
                tree_->SelectItem(item);
                tree_->EnsureVisible(item);
                break;
            }
            item = tree_->GetNextVisible(item);
        }
        tree_->SetFocus();
    });
    search_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN)
            tree_->SetFocus();
        else
            e.Skip();
    });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, &UnitTreePanel::OnSelChanged, this);
    tree_->Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& e) {
        if (const Unit* u = UnitOf(e.GetItem()); u && onActivate) onActivate(*u);
    });
}

void UnitTreePanel::SetUnits(std::vector<Unit> units, std::int64_t keepId) {
    units_ = std::move(units);
    folded_.clear();
    indexById_.clear();
    folded_.reserve(units_.size());
    for (std::size_t i = 0; i < units_.size(); ++i) {
        folded_.push_back(FoldForSearch(units_[i].name) + " " + FoldForSearch(units_[i].code));
        indexById_[units_[i].id] = i;
    }
    Rebuild(keepId);
}

void UnitTreePanel::Rebuild(std::int64_t selectId) {
    const std::string query = FoldForSearch(TrimmedU8(search_->GetValue()));
    // Units to show: those matching, and their ancestors so the path stays.
    std::vector<bool> shown(units_.size(), query.empty());
    if (!query.empty()) {
        for (std::size_t i = 0; i < units_.size(); ++i) {
            if (folded_[i].find(query) == std::string::npos) continue;
            std::size_t j = i;
            for (int depth = 0; depth < 64 && !shown[j]; ++depth) {
                shown[j] = true;
                const auto& parent = units_[j].parentId;
                if (!parent) break;
                auto it = indexById_.find(*parent);
                if (it == indexById_.end()) break;
                j = it->second;
            }
        }
    }

    rebuilding_ = true;
    tree_->Freeze();
    tree_->DeleteAllItems();
    itemById_.clear();
    wxTreeItemId root = tree_->AddRoot("");
    std::size_t matches = 0;
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    for (std::size_t i = 0; i < units_.size(); ++i) {
        if (!shown[i]) continue;
        const Unit& u = units_[i];
        wxTreeItemId parent = root;
        if (u.parentId) {
            if (auto it = itemById_.find(*u.parentId); it != itemById_.end()) parent = it->second;
        }
        wxString label = U8(u.name);
        if (!u.active) label += " " + _("(inactive)");
        wxTreeItemId item = tree_->AppendItem(parent, label, ImageIndex(u.kind, u.active), -1,
                                              new UnitItemData(u.id));
        if (!u.active) tree_->SetItemTextColour(item, grey);
        if (query.empty() || folded_[i].find(query) != std::string::npos) {
            ++matches;
            if (!query.empty()) tree_->SetItemBold(item, true);
        }
        itemById_[u.id] = item;
    }
    auto Active = [&](const wxTreeItemId& item) {
        const auto* data = static_cast<UnitItemData*>(tree_->GetItemData(item));
        const auto it = data ? indexById_.find(data->id) : indexById_.end();
        return it == indexById_.end() || units_[it->second].active;
    };
    // Show the office's communes: expand the top two levels but the units
    // no longer active (the districts abolished in 2025), or everything
    // while filtering.
    wxTreeItemIdValue cookie;
    for (wxTreeItemId top = tree_->GetFirstChild(root, cookie); top.IsOk();
         top = tree_->GetNextChild(root, cookie)) {
        if (!query.empty()) {
            tree_->ExpandAllChildren(top);
            continue;
        }
        tree_->Expand(top);
        wxTreeItemIdValue c2;
        for (wxTreeItemId child = tree_->GetFirstChild(top, c2); child.IsOk();
             child = tree_->GetNextChild(top, c2))
            if (tree_->ItemHasChildren(child) && Active(child)) tree_->Expand(child);
    }
    tree_->Thaw();
    rebuilding_ = false;
    UpdateCount(query.empty() ? units_.size() : matches);

    auto it = itemById_.find(selectId);
    if (it != itemById_.end()) {
        tree_->SelectItem(it->second);
        tree_->EnsureVisible(it->second);
    } else if (query.empty() && !itemById_.empty()) {
        wxTreeItemId first = tree_->GetFirstChild(root, cookie);
        if (first.IsOk()) tree_->SelectItem(first);
    }
    if (onSelect) onSelect(Selected());
}

void UnitTreePanel::UpdateCount(std::size_t shown) {
    const wxString n = U8(FormatInteger(static_cast<long long>(shown)));
    if (search_->GetValue().empty())
        count_->SetLabelText(wxString::Format(wxPLURAL("%s unit", "%s units", shown), n));
    else if (shown == 0)
        count_->SetLabelText(_("No unit matches."));
    else
        count_->SetLabelText(
            wxString::Format(wxPLURAL("%s unit matches", "%s units match", shown), n));
}

std::optional<Unit> UnitTreePanel::Selected() const {
    wxTreeItemId item = tree_->GetSelection();
    if (!item.IsOk()) return std::nullopt;
    if (const Unit* u = UnitOf(item)) return *u;
    return std::nullopt;
}

void UnitTreePanel::Select(std::int64_t id) {
    auto it = itemById_.find(id);
    if (it == itemById_.end() && !search_->GetValue().empty()) {
        search_->ChangeValue("");
        Rebuild(id);
        return;
    }
    if (it != itemById_.end()) {
        tree_->SelectItem(it->second);
        tree_->EnsureVisible(it->second);
    }
}

void UnitTreePanel::FocusSearch() {
    search_->SetFocus();
    search_->SelectAll();
}

wxString UnitTreePanel::LabelOf(std::int64_t id) const {
    auto it = itemById_.find(id);
    return it == itemById_.end() ? wxString() : tree_->GetItemText(it->second);
}

void UnitTreePanel::OnSelChanged(wxTreeEvent&) {
    if (rebuilding_) return;
    if (onSelect) onSelect(Selected());
}

const Unit* UnitTreePanel::UnitOf(const wxTreeItemId& item) const {
    if (!item.IsOk()) return nullptr;
    auto* data = dynamic_cast<UnitItemData*>(tree_->GetItemData(item));
    if (!data) return nullptr;
    auto it = indexById_.find(data->id);
    return it == indexById_.end() ? nullptr : &units_[it->second];
}

}  // namespace cchc::gui
