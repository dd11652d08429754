// A draft remediation plan for a commune from its weak criteria (form
// DraftPlanDialog): the framework, the period of appraised results it
// answers (the latest appraised) and the threshold; the criteria it would
// add are listed as they change (services::PreviewDraftPlan) and nothing is
// stored until Save (services::DraftPlan). The plan's id is then available
// to open it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/org.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"

namespace cchc::gui {

class DraftPlanDialog : public DialogBase {
  public:
    DraftPlanDialog(wxWindow* parent, GuiSession& session, const Unit& commune);
    // The plan drafted (or completed), after ShowModal() returned wxID_OK.
    std::int64_t planId() const { return planId_; }

  private:
    void FillPeriods();
    // The items Save would add, read without storing anything.
    void ShowPreview();
    void OnSave(wxCommandEvent& event);

    GuiSession& session_;
    Unit commune_;
    std::vector<std::string> frameworks_, periods_;
    std::int64_t planId_ = 0;
    int items_ = 0;  // in the preview
};

}  // namespace cchc::gui
