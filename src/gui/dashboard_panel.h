// The "Overview" area: the office's name, its key figures as cards (units,
// people, frameworks, results, plans, open and overdue tasks, ratings), a
// chart of task status and a short list of what to do next, all from
// services::GetOverview for today.
#pragma once
#include <vector>

#include "gui/area_panel.h"
#include "services/overview.h"

class wxScrolledWindow;
class wxStaticText;

namespace cchc::gui {

class SectionCard;
class StatCard;
class TaskStatusBar;

class DashboardPanel : public AreaPanel {
public:
    DashboardPanel(wxWindow* parent, GuiSession& session);

protected:
    void Reload() override;

private:
    void FillCards(const services::OfficeOverview& o);
    void FillNext(const services::OfficeOverview& o, const services::OfficeIdentity& office);
    wxString OfficeName(const services::OfficeIdentity& office);

    wxScrolledWindow* scroll_ = nullptr;
    wxStaticText* title_ = nullptr;
    wxStaticText* subtitle_ = nullptr;
    StatCard* communes_ = nullptr;
    StatCard* people_ = nullptr;
    StatCard* frameworks_ = nullptr;
    StatCard* results_ = nullptr;
    StatCard* plans_ = nullptr;
    StatCard* open_ = nullptr;
    StatCard* overdue_ = nullptr;
    StatCard* ratings_ = nullptr;
    TaskStatusBar* chart_ = nullptr;
    wxStaticText* chartNote_ = nullptr;
    SectionCard* next_ = nullptr;
};

}  // namespace cchc::gui
