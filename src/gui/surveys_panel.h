// The "Satisfaction surveys" area: monthly tallies and individual citizen
// ratings, with their counts.
#pragma once
#include "gui/summary_panel_base.h"

namespace cchc::gui {

class SurveysPanel : public SummaryPanelBase {
public:
    SurveysPanel(wxWindow* parent, GuiSession& session);

protected:
    std::vector<Figure> Figures(const services::OfficeOverview& o) override;
};

}  // namespace cchc::gui
