// The matrix page of the Index results area: every commune (columns, best
// first) against every criterion (rows) with the points earned; cells below
// half of the criterion's maximum are red, below 80% amber, so the weakest
// spots of the office stand out. Read only; double-clicking a cell opens
// that commune's scoring grid.
#pragma once
#include <wx/panel.h>

#include <functional>
#include <string>

#include "gui/shell/gui_session.h"
#include "services/results/results.h"

class wxGrid;
class wxStaticText;

namespace cchc::gui {

class MatrixTable;

class ResultMatrixPage : public wxPanel {
  public:
    ResultMatrixPage(wxWindow* parent, GuiSession& session);
    void SetContext(const std::string& framework, const std::string& period, bool appraised);
    // Called with a commune's code when a cell is double-clicked.
    std::function<void(const std::string&)> onOpenUnit;

  private:
    GuiSession& session_;
    wxGrid* grid_ = nullptr;
    MatrixTable* table_ = nullptr;
    wxStaticText* legend_ = nullptr;
    services::ResultMatrix matrix_;
};

}  // namespace cchc::gui
