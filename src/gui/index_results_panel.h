// The "Index results" area: the ranking of communes on an index framework in
// one period, by appraised or self-assessed scores, as a sortable list and a
// bar chart, with export to .xlsx or .csv.
#pragma once
#include <string>
#include <vector>

#include "gui/area_panel.h"
#include "services/results.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace cchc::gui {

class RankingChart;

class IndexResultsPanel : public AreaPanel {
public:
    IndexResultsPanel(wxWindow* parent, GuiSession& session);

protected:
    void Reload() override;

private:
    // Fills the periods of the selected framework, keeping `keep` if it has results.
    void FillPeriods(const std::string& keep);
    // Ranks the selected framework and period and shows the result.
    void LoadRanking();
    void FillList();
    void ShowEmpty(const wxString& message);
    void OnColumnClick(wxListEvent& e);
    void Export();
    std::string SelectedFramework() const;
    std::string SelectedPeriod() const;

    wxChoice* framework_ = nullptr;
    wxChoice* period_ = nullptr;
    wxChoice* scoreKind_ = nullptr;
    wxButton* export_ = nullptr;
    wxStaticText* empty_ = nullptr;
    wxWindow* content_ = nullptr;
    wxListCtrl* list_ = nullptr;
    RankingChart* chart_ = nullptr;

    std::vector<std::string> frameworkCodes_, periods_, bands_;
    std::vector<services::RankRow> rows_;  // in rank order
    std::vector<std::size_t> order_;       // rows_ as the list shows them
    int sortColumn_ = 0;
    bool sortAscending_ = true;
};

}  // namespace cchc::gui
