// The "Overview" area: the office's name, its key figures as cards (units,
// people, frameworks, results, plans, open and overdue tasks, ratings), a
// chart of task status, a short list of what to do next, the survey
// results due for publication and whether their tallies are in, and the open
// tasks per commune with the tasks lacking a quarterly progress update
// (counted by the database off the main thread, filled in when ready;
// double-click: that commune's tasks), all as of today.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "gui/shell/area_panel.h"
#include "services/app/overview.h"
#include "services/surveys/survey_calendar.h"

class wxListCtrl;
class wxScrolledWindow;
class wxStaticText;

namespace cchc::gui {

class PercentBars;
class SectionCard;
class StatCard;
class TaskStatusBar;

class DashboardPanel : public AreaPanel {
  public:
    DashboardPanel(wxWindow* parent, GuiSession& session);

    // A commune chosen in the tree: its results over the years are shown.
    void SetUnit(const std::optional<Unit>& unit) override;

  protected:
    void Reload() override;

  private:
    void FillCards(const services::OfficeOverview& o);
    void FillNext(const services::OfficeOverview& o, const services::OfficeIdentity& office);
    // An item of "What's next": its dot, text, link and what the link does.
    using AddItem = std::function<void(const wxColour&, const wxString&, const wxString&,
                                       std::function<void()>)>;
    // The exchange packages: a commune copy's, or the office's per commune
    // (sent, received back) and its conflicts waiting.
    void FillExchange(const AddItem& addItem);
    // The unit the overview is of: a commune account's unit, else the
    // office's (unitId 0: none named).
    wxString UnitName(std::int64_t unitId);
    wxString OfficeName(const services::OfficeIdentity& office);
    void FillPublications(const std::vector<services::DuePublication>& due);
    // The chosen commune's index results over the years (read off the main
    // thread); hidden when no commune is chosen.
    void ShowHistory();

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
    SectionCard* publications_ = nullptr;  // survey results to publish next
    SectionCard* history_ = nullptr;       // the chosen commune's results over the years
    PercentBars* historyBars_ = nullptr;
    wxStaticText* historyNote_ = nullptr;
    int historyGeneration_ = 0;
    wxListCtrl* communeList_ = nullptr;  // open tasks per commune
    std::vector<std::int64_t> communeIds_;
    int overviewGeneration_ = 0;  // the reading of the cards' figures whose answer counts
    int communeGeneration_ = 0;   // the reading of the commune list whose answer counts
};

}  // namespace cchc::gui
