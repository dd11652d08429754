// Adding or editing a unit (form UnitDialog in forms/unit_dialog.xrc). On
// Save the unit goes through OrganisationService::SaveUnit; a refused field
// is shown under the form with the focus on it and the dialog stays open.
#pragma once
#include <vector>

#include "core/org.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"

class wxTextCtrl;
class wxChoice;
class wxCheckBox;

namespace cchc::gui {

class SearchPicker;

class UnitDialog : public DialogBase {
  public:
    // unit.id == 0 adds a new unit; units are all units in tree order (for
    // the "belongs to" list).
    UnitDialog(wxWindow* parent, GuiSession& session, const Unit& unit,
               const std::vector<Unit>& units);

    // The unit as stored, after ShowModal() returned wxID_OK.
    const Unit& saved() const { return saved_; }

  private:
    void FillParents(const std::vector<Unit>& units);
    void Fill(const Unit& unit);
    Unit Read() const;
    void OnSave(wxCommandEvent& event);

    GuiSession& session_;
    Unit original_;
    // The copy the user's edits are against: as read, then as stored when a
    // conflict was merged (see AskConflict).
    Unit base_;
    Unit saved_;
    std::vector<std::int64_t> parentIds_;  // per "belongs to" item; 0 for none
    wxTextCtrl* code_;
    wxTextCtrl* name_;
    wxChoice* kind_;
    SearchPicker* parent_;
    wxTextCtrl* placeName_;
    wxTextCtrl* headerParent_;
    wxTextCtrl* headerName_;
    wxTextCtrl* docSymbol_;
    wxTextCtrl* aliases_;
    wxCheckBox* active_;
};

}  // namespace cchc::gui
