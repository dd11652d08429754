// Adding or editing an officer (form PersonDialog in
// forms/person_dialog.xrc). On Save the person goes through
// OrganisationService::SavePerson; a refused field is shown under the form
// with the focus on it and the dialog stays open.
#pragma once
#include <vector>

#include "core/org.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"

class wxTextCtrl;
class wxChoice;
class wxComboBox;
class wxCheckBox;

namespace cchc::gui {

class SearchPicker;

class PersonDialog : public DialogBase {
  public:
    // person.id == 0 adds a new officer (person.unitId preselects the unit);
    // units are all units in tree order.
    PersonDialog(wxWindow* parent, GuiSession& session, const Person& person,
                 const std::vector<Unit>& units);

    // The person as stored, after ShowModal() returned wxID_OK.
    const Person& saved() const { return saved_; }

  private:
    void Fill(const Person& person);
    Person Read() const;
    void OnSave(wxCommandEvent& event);

    GuiSession& session_;
    Person original_;
    // The copy the user's edits are against: as read, then as stored when a
    // conflict was merged (see AskConflict).
    Person base_;
    Person saved_;
    std::vector<std::int64_t> unitIds_;  // per unit item
    wxTextCtrl* code_;
    wxTextCtrl* fullName_;
    SearchPicker* unit_;
    wxComboBox* position_;
    wxTextCtrl* phone_;
    wxTextCtrl* email_;
    wxCheckBox* oneStopDesk_;
    wxCheckBox* active_;
};

}  // namespace cchc::gui
