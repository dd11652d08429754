// Danh mục › Lĩnh vực TTHC: the office's catalogue of procedure fields. A
// field is chosen in the list and edited below it (code, name, the other
// names its files use, one per line, and whether it is still in use), or a
// new one added; Save stores it through services/surveys/procedure_fields.h,
// a refused value named beside the form with the input kept. Imports match
// a field by its code, name and these other names.
#pragma once
#include <wx/panel.h>

#include <string>
#include <vector>

#include "storage/framework_repository.h"

class wxButton;
class wxCheckBox;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace cchc::gui {

class GuiSession;

class ProcedureFieldsPage : public wxPanel {
  public:
    ProcedureFieldsPage(wxWindow* parent, GuiSession& session);
    void Reload();

    // What the buttons do (tests call them).
    void Select(long row);
    void New();
    bool Save();
    const std::vector<storage::ProcedureFieldRecord>& Fields() const { return fields_; }

  private:
    void ShowSelected();
    void ShowProblem(const wxString& message, wxWindow* at);

    GuiSession& session_;
    std::vector<storage::ProcedureFieldRecord> fields_;
    storage::ProcedureFieldRecord editing_;  // id 0: a new field
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* aliases_ = nullptr;
    wxCheckBox* active_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxButton* add_ = nullptr;
    wxButton* save_ = nullptr;
};

}  // namespace cchc::gui
