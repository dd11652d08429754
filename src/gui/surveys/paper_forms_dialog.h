// "Nhập phiếu giấy (Mẫu 01)": a stack of citizens' paper rating forms of
// one commune typed from the keyboard. The day, the officer and the
// procedure stay from form to form; the three scores are typed as digits
// (each box moves on by itself), Enter adds the form to the stack below and
// starts the next; Delete takes the selected form off the stack; "Lưu"
// stores the stack at once (services/surveys/paper_forms.h). A refused form
// is selected and named, and the stack kept; closing with forms not saved
// asks first.
#pragma once
#include <wx/dialog.h>

#include <cstdint>
#include <vector>

#include "core/org.h"
#include "core/survey_rules.h"
#include "gui/shell/gui_session.h"

class wxChoice;
class wxComboBox;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace cchc::gui {

class VnDateCtrl;

class PaperFormsDialog : public wxDialog {
  public:
    PaperFormsDialog(wxWindow* parent, GuiSession& session, const Unit& unit);
    // The ratings stored by the last save.
    long Stored() const { return stored_; }
    // For tests: the forms on the stack.
    const std::vector<PaperForm>& Forms() const { return forms_; }

  private:
    bool AddForm();
    void RemoveSelected();
    void Save();
    void CloseAsking(int code);
    void ShowProblem(const wxString& message, const char* field);
    void FillStack();

    GuiSession& session_;
    Unit unit_;
    VnDateCtrl* day_ = nullptr;
    wxChoice* officer_ = nullptr;
    wxComboBox* procedure_ = nullptr;
    wxTextCtrl* scores_[3] = {};
    wxTextCtrl* citizen_ = nullptr;
    wxListCtrl* stack_ = nullptr;
    wxStaticText* error_ = nullptr;
    wxStaticText* count_ = nullptr;
    std::vector<std::int64_t> officerIds_;
    std::vector<wxString> officerNames_;
    std::vector<PaperForm> forms_;
    std::vector<int> officerOf_;  // per form: its officer's place in the choice
    long stored_ = 0;
};

}  // namespace cchc::gui
