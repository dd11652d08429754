// The dossier statistics page of the Surveys area (form II.06a): the tree's
// unit types or corrects its month, a row per procedure field (received
// online, in person or by post, carried over; settled early, on time, late;
// in progress within time, overdue), the totals derived beside them and a
// total row. Each cell typed is saved at once through
// services::SaveDossierSheet; a save another desk overtook goes through the
// conflict dialog, a failed one stays on the page, marked, with a button to
// try again.
#pragma once
#include <wx/panel.h>

#include <optional>
#include <vector>

#include "core/org.h"
#include "core/period.h"
#include "gui/shell/gui_session.h"
#include "services/surveys/dossier_sheet.h"

class wxButton;
class wxChoice;
class wxGrid;
class wxGridEvent;
class wxStaticText;

namespace cchc::gui {

class DossierTable;

class DossierPage : public wxPanel {
  public:
    DossierPage(wxWindow* parent, GuiSession& session);
    ~DossierPage() override;
    // The unit of the tree; with figures not saved, the user is asked first
    // (false: the page stays on the unit shown).
    bool SetUnit(const std::optional<Unit>& unit);
    void Load();

    // For tests: the grid, the month choice, typing a cell as the user
    // does (false when refused), carrying over last month's figures,
    // saving again, the sheet shown and the status line.
    wxGrid* grid() const { return grid_; }
    wxChoice* MonthChoice() const { return month_; }
    bool Type(int row, int col, const wxString& text);
    void CarryOver();
    bool Save();
    bool Unsaved() const;
    const std::optional<services::DossierSheet>& sheet() const { return sheet_; }
    wxString StatusText() const;

  private:
    bool ConfirmDiscard();
    void Show();
    void FitColumns();
    void ShowStatus(const wxString& error = {});
    void OnCellChanging(wxGridEvent& e);

    GuiSession& session_;
    std::optional<Unit> unit_;
    std::vector<Period> months_;
    // The figures shown (as typed) and the copy they were read or last
    // saved as: what the user changed is the difference.
    std::optional<services::DossierSheet> sheet_, read_;
    DossierTable* table_ = nullptr;

    wxStaticText* title_ = nullptr;
    wxChoice* month_ = nullptr;
    wxButton* carry_ = nullptr;
    wxButton* retry_ = nullptr;
    wxStaticText* hint_ = nullptr;
    wxGrid* grid_ = nullptr;
    wxStaticText* status_ = nullptr;
    int shownMonth_ = wxNOT_FOUND;
};

}  // namespace cchc::gui
