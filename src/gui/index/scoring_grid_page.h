// The scoring grid of the Index results area: one commune's results on a
// framework in a period, the criteria tree down the side with maximum,
// self score, numerator and denominator (rates), appraised score, the
// points they earn, evidence count and note. Subtotals follow as the user
// types; a cell is saved when it is left (Enter, Tab or a click); Ctrl+V
// pastes a column copied from a spreadsheet into the criteria below the
// cursor; invalid rows are marked and explained under the grid. Buttons
// move the set through submit, withdraw, appraise and reopen, and open the
// evidence and the history of the selected criterion's result.
#pragma once
#include <wx/panel.h>

#include <optional>
#include <string>
#include <vector>

#include "gui/shell/gui_session.h"
#include "services/results/result_sheet.h"

class wxButton;
class wxChoice;
namespace cchc::gui {
class SearchPicker;
}
class wxGrid;
class wxGridEvent;
class wxGridEditorCreatedEvent;
class wxSizer;
class wxStaticText;
class wxKeyEvent;

namespace cchc::gui {

class SheetTable;

class ScoringGridPage : public wxPanel {
  public:
    ScoringGridPage(wxWindow* parent, GuiSession& session);

    // The framework and period chosen above the pages; reloads.
    void SetContext(const std::string& framework, const std::string& period);
    // Selects the commune with this code (when listed) and loads its sheet.
    void SelectUnit(const std::string& unitCode);
    // True when nothing typed waits to be saved, or the user agrees to drop
    // it (then it is dropped); asked before another commune, framework or
    // period is shown.
    bool ConfirmDiscard();
    // The framework and period the sheet shown belongs to.
    const std::string& framework() const { return framework_; }
    const std::string& period() const { return period_; }
    // Fills the list of communes again and reloads the sheet.
    void Reload();

    // Pastes tab- and line-separated text at the grid cursor, as Ctrl+V
    // does with the clipboard.
    void PasteText(const wxString& text);
    const std::optional<services::Sheet>& sheet() const { return sheet_; }
    // "Lịch sử...": the history of the result of the criterion under the
    // cursor (false when it has none stored, or the account may not read it).
    bool OpenHistory();

  private:
    // The commune choice and the evidence and status buttons.
    wxSizer* BuildToolbar(int gap);
    // The status line: text in colour, wrapped to the page's width.
    void ShowStatus(const wxString& text, const wxColour& colour);
    void WrapStatus();
    wxGrid* BuildGrid();
    void BindEvents();
    void LoadSheet();
    void ShowSheet();
    // Saves the edits with those a failed save left; when refused, keeps
    // them all shown in the grid, marked as not saved.
    void Save(const std::vector<services::SheetEdit>& edits);
    // Asks the user to choose between the typed cells and those another
    // desk saved, and saves the choice against the stored sheet; cancelled,
    // the typed cells stay not saved.
    void ResolveConflict(const services::SheetConflict& conflict);
    // The stored sheet with the edits not saved yet written in.
    services::Sheet WithUnsaved() const;
    // Shows the stored sheet, or a preview with the edits not saved.
    void ShowUnsaved();
    void Step(SetAction action);
    void OpenEvidence();
    void ShowRowDetails(int row);
    void UpdateTotals();
    void FitColumns();
    void OnCellChanging(wxGridEvent& e);
    void OnCellChanged(wxGridEvent& e);
    void OnEditorCreated(wxGridEditorCreatedEvent& e);
    void OnGridKey(wxKeyEvent& e);
    std::string SelectedUnit() const;

    GuiSession& session_;
    std::string framework_, period_;
    std::vector<std::string> unitCodes_;
    SearchPicker* unit_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxString statusText_;  // the status line's text before wrapping
    int statusWidth_ = 0;  // the width it was wrapped to
    wxButton* submit_ = nullptr;
    wxButton* withdraw_ = nullptr;
    wxButton* appraise_ = nullptr;
    wxButton* reopen_ = nullptr;
    wxButton* evidence_ = nullptr;
    wxButton* history_ = nullptr;
    wxButton* retry_ = nullptr;  // saves the edits a failed save left
    wxGrid* grid_ = nullptr;
    SheetTable* table_ = nullptr;  // owned by the grid
    wxStaticText* totals_ = nullptr;
    wxStaticText* details_ = nullptr;
    wxStaticText* empty_ = nullptr;
    std::optional<services::Sheet> sheet_;      // as stored
    std::optional<services::Sheet> preview_;    // with what is being typed
    wxString pendingText_;                      // the cell's new text, until saved
    std::vector<services::SheetEdit> unsaved_;  // typed but refused by the database
    wxString unsavedReason_;                    // why they were refused
    std::string loadedKey_;                     // commune, framework and period shown
};

}  // namespace cchc::gui
