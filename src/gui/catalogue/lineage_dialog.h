// "Đơn vị trước sắp xếp": the former units a unit was formed from (when
// communes were merged or split), each with the day it was formed and the
// share of the former unit that went into it. Rows are added by choosing a
// unit (typed a few letters), changed in place and removed; Save stores
// them at once (services/org/lineage.h), a refused row selected and named,
// the rows kept; another desk's change since opening refuses the save and
// the rows stay for the user to reopen and apply again.
#pragma once
#include <wx/dialog.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/lineage.h"
#include "core/org.h"
#include "gui/shell/gui_session.h"

class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace cchc::gui {

class SearchPicker;
class VnDateCtrl;

class LineageDialog : public wxDialog {
  public:
    LineageDialog(wxWindow* parent, GuiSession& session, const Unit& unit);
    // For tests: the rows as they stand, and adding one as the picker does.
    const std::vector<LineageLink>& Rows() const { return rows_; }
    bool AddRow(std::int64_t predecessorId);
    void SelectRow(long row);
    bool Save();

  private:
    void FillList();
    void ShowRow();
    bool ApplyRow();
    void RemoveRow();
    void ShowProblem(const wxString& message);

    GuiSession& session_;
    Unit unit_;
    std::string stamp_;
    std::vector<Unit> candidates_;  // units that may be former units, in the picker's order
    std::vector<LineageLink> rows_;
    long current_ = -1;
    wxListCtrl* list_ = nullptr;
    SearchPicker* picker_ = nullptr;
    VnDateCtrl* date_ = nullptr;
    wxTextCtrl* share_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace cchc::gui
