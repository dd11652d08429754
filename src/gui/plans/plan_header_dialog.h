// The document fields of a remediation plan (form PlanHeaderDialog): number,
// date, title, summary, place, legal basis, signer and recipients as they
// are printed, and the plan's status. An empty place is offered as the
// unit's place name. Saved through PlanService::SaveHeader.
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

    GuiSession& session_;
    PlanRecord plan_;
    VnDateCtrl* date_ = nullptr;
};

}  // namespace cchc::gui
