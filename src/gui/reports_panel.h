// The "Reports" area: the documents the office issues, with the current
// reporting period, its data cut-off and what the report will cover.
#pragma once
#include "gui/summary_panel_base.h"

namespace cchc::gui {

class ReportsPanel : public SummaryPanelBase {
public:
    ReportsPanel(wxWindow* parent, GuiSession& session);

protected:
    std::vector<Figure> Figures(const services::OfficeOverview& o) override;
};

}  // namespace cchc::gui
