// The indicator assignment matrix of a unit (form AssignmentMatrixDialog,
// seed 003): for the chosen framework, each indicator group and indicator
// with its lead unit, coordinating units and responsible person, edited in
// a grid. Save replaces the matrix through AssignmentService; Close asks
// before dropping unsaved changes. An account that may not edit the unit's
// plans (core/access.h) reads it: no cell takes input, and the buttons that
// change it are disabled with the reason in their tooltips.
#pragma once
#include <string>
#include <vector>

#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"
#include "services/plans/assignments.h"

class wxGrid;
class wxChoice;
class wxGridEvent;

namespace cchc::gui {

class AssignmentMatrixDialog : public DialogBase {
  public:
    AssignmentMatrixDialog(wxWindow* parent, GuiSession& session, const std::string& unitCode,
                           const std::string& frameworkCode);

    // The framework shown, and whether the grid differs from what is stored.
    const std::string& FrameworkCode() const { return frameworkCode_; }
    bool HasChanges() const;
    // Stores the grid; false (with the problem shown) when the service refuses it.
    bool Save();

  private:
    // The frameworks to choose from, the current one selected.
    void FillFrameworks();
    // The grid's columns, with the title column taking the width left.
    void SetUpGrid();
    // The buttons, the closing of the dialog and its keyboard shortcuts.
    void BindEvents();
    void Fill(const std::vector<services::AssignmentRow>& rows);
    void Reload();
    std::vector<services::AssignmentRow> ReadGrid() const;
    void StyleRow(int row);
    void AddRow();
    void RemoveRow();
    void OnFrameworkChosen();
    void ShowFrameworkName();
    // Asks before dropping changes; true when the caller may go on.
    bool MayDiscard();
    void TryClose();

    GuiSession& session_;
    std::string unitCode_, frameworkCode_;
    std::vector<std::string> frameworkCodes_, frameworkNames_;  // in the choice's order
    std::vector<services::AssignmentRow> stored_;
    int version_ = 0;       // of the matrix as read
    bool mayEdit_ = false;  // the account may edit the unit's plans
    wxGrid* grid_ = nullptr;
    wxChoice* framework_ = nullptr;
};

}  // namespace cchc::gui
