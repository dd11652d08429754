// The organisation tree on the left of the main window: a search box that
// filters without regard to diacritics ("tay xuan" finds "Tây Xuân") above
// a tree of units with an icon per kind, inactive units greyed. Tells its
// owner about selection and activation (double-click, Enter) by callbacks.
#pragma once
#include <wx/panel.h>
#include <wx/treectrl.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/org.h"

class wxSearchCtrl;
class wxStaticText;

namespace cchc::gui {

class UnitTreePanel : public wxPanel {
  public:
    explicit UnitTreePanel(wxWindow* parent);

    // Replaces the units (tree order: parents first) and selects keepId if
    // it is still there, else the first unit.
    void SetUnits(std::vector<Unit> units, std::int64_t keepId);
    std::optional<Unit> Selected() const;
    void Select(std::int64_t id);
    void FocusSearch();

    std::function<void(const std::optional<Unit>&)> onSelect;
    std::function<void(const Unit&)> onActivate;

    // For tests and the status bar: the tree and the label shown for a unit.
    wxTreeCtrl* tree() const { return tree_; }
    wxString LabelOf(std::int64_t id) const;

  private:
    void Rebuild(std::int64_t selectId);
    void OnSelChanged(wxTreeEvent& event);
    void UpdateCount(std::size_t shown);
    const Unit* UnitOf(const wxTreeItemId& item) const;

    wxSearchCtrl* search_ = nullptr;
    wxTreeCtrl* tree_ = nullptr;
    wxStaticText* count_ = nullptr;
    std::vector<Unit> units_;
    std::vector<std::string> folded_;  // FoldForSearch of name and code
    std::unordered_map<std::int64_t, std::size_t> indexById_;
    std::unordered_map<std::int64_t, wxTreeItemId> itemById_;
    bool rebuilding_ = false;
};

}  // namespace cchc::gui
