// The document fields of a remediation plan (form PlanHeaderDialog): number,
// date, title, summary, place, legal basis, signer and recipients as they
// are printed, and the plan's status. An empty place is offered as the
// unit's place name. Saved through PlanService::SaveHeader against the
// plan's version as read: when another desk saved the plan meanwhile, the
// conflict dialog shows both values of each field and the choice is saved.
#pragma once
#include <cstdint>

#include "core/records.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"

namespace cchc::gui {

class VnDateCtrl;

class PlanHeaderDialog : public DialogBase {
  public:
    PlanHeaderDialog(wxWindow* parent, GuiSession& session, const PlanRecord& plan);

  private:
    void OnSave(wxCommandEvent&);
    void Fill(const PlanRecord& plan);
    PlanRecord ReadForm() const;

    GuiSession& session_;
    PlanRecord plan_;
    // The header the user's edits are against: as read, then as stored when
    // a conflict was merged (see AskConflict).
    PlanRecord base_;
    VnDateCtrl* date_ = nullptr;
};

}  // namespace cchc::gui
