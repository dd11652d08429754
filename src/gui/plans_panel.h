// The "Plans and tasks" area: remediation plans and their tasks, with the
// counts of plans and of open, overdue and finished tasks.
#pragma once
#include "gui/summary_panel_base.h"

namespace cchc::gui {

class PlansPanel : public SummaryPanelBase {
public:
    PlansPanel(wxWindow* parent, GuiSession& session);

protected:
    std::vector<Figure> Figures(const services::OfficeOverview& o) override;
};

}  // namespace cchc::gui
