// Shared layout of the areas whose working screens come later (index
// results, plans and tasks, surveys, reports): the area's title and icon, a
// paragraph on what it is for, its live figures as cards and what the user
// does there. Subclasses supply the words and pick the figures.
#pragma once
#include <optional>
#include <vector>

#include "gui/shell/area_panel.h"
#include "gui/shell/gui_events.h"
#include "services/app/overview.h"

class wxScrolledWindow;
class wxBoxSizer;
class wxGridSizer;

namespace cchc::gui {

class StatCard;

class SummaryPanelBase : public AreaPanel {
  protected:
    struct Figure {
        wxString caption;
        wxString value;
        wxString note;
        wxColour colour;
        std::optional<Area> link;
    };

    SummaryPanelBase(wxWindow* parent, GuiSession& session, Area area, const wxString& title,
                     const wxString& description, const std::vector<wxString>& tasks);

    // The cards to show, from today's overview; same captions every time.
    virtual std::vector<Figure> Figures(const services::OfficeOverview& overview) = 0;
    void Reload() override;

  private:
    wxScrolledWindow* scroll_ = nullptr;
    wxGridSizer* grid_ = nullptr;
    std::vector<StatCard*> cards_;
};

}  // namespace cchc::gui
