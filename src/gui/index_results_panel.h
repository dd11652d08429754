// The "Index results" area: what the yearly CCHC index is and how far its
// scoring has come (frameworks, scores recorded, latest period).
#pragma once
#include "gui/summary_panel_base.h"

namespace cchc::gui {

class IndexResultsPanel : public SummaryPanelBase {
public:
    IndexResultsPanel(wxWindow* parent, GuiSession& session);

protected:
    std::vector<Figure> Figures(const services::OfficeOverview& o) override;
};

}  // namespace cchc::gui
