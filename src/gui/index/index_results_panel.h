// The "Index results" area: a framework and a period chosen above four
// pages: the ranking of communes (by appraised or self-assessed scores, a
// sortable list and a bar chart, exported to .xlsx or .csv; double-click
// opens a commune), the scoring grid of one commune, the criteria x
// communes matrix, and the points at stake across the office.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "gui/shell/area_panel.h"
#include "services/results/results.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxNotebook;
class wxPanel;
class wxSizer;
class wxStaticText;

namespace cchc::gui {

class PercentBars;
class ResultAnalysisPage;
class ResultMatrixPage;
class ScoringGridPage;

class IndexResultsPanel : public AreaPanel {
  public:
    IndexResultsPanel(wxWindow* parent, GuiSession& session);

    void SetUnit(const std::optional<Unit>& unit) override;
    // Shows the scoring grid of the commune with this code.
    void OpenUnit(const std::string& unitCode);

  protected:
    void Reload() override;

  private:
    // The framework, period and score choices and the export button.
    wxSizer* BuildToolbar(int gap);
    // The ranking page: the list of communes beside the bar chart.
    wxWindow* BuildRankingPage(int margin, int gap);
    // The scoring grid, criteria x communes and points-at-stake pages.
    void BuildUnitPages(int gap);
    void BindEvents();
    // Fills the periods of the selected framework, keeping `keep` if it has results.
    void FillPeriods(const std::string& keep);
    // Ranks the selected framework and period and shows the result.
    void LoadRanking();
    void FillList();
    wxString CellText(long item, long column) const;
    void ShowEmpty(const wxString& message);
    // Wraps the empty note to the ranking page's width less margin.
    void WrapEmpty(int margin);
    void ShowFormedNote(long item);
    void OnColumnClick(wxListEvent& e);
    void Export();
    // The choices above the pages changed: pages reload when next shown.
    void ContextChanged();
    void RefreshPage(int page);
    std::string SelectedFramework() const;
    std::string SelectedPeriod() const;

    wxChoice* framework_ = nullptr;
    wxChoice* period_ = nullptr;
    wxChoice* scoreKind_ = nullptr;
    wxButton* export_ = nullptr;
    wxStaticText* empty_ = nullptr;
    wxString emptyText_;  // the note empty_ shows, before wrapping
    wxWindow* content_ = nullptr;
    wxListCtrl* list_ = nullptr;
    // Under the list when units formed since the last period are ranked:
    // what their change compares with (the selected one's former units).
    wxStaticText* formedNote_ = nullptr;
    PercentBars* chart_ = nullptr;
    wxNotebook* pages_ = nullptr;
    wxPanel* gridHolder_ = nullptr;
    wxPanel* matrixHolder_ = nullptr;
    wxPanel* analysisHolder_ = nullptr;
    ScoringGridPage* grid_ = nullptr;
    ResultMatrixPage* matrix_ = nullptr;
    ResultAnalysisPage* analysis_ = nullptr;
    std::array<bool, 4> stalePages_{};

    std::vector<std::string> frameworkCodes_, periods_, bands_;
    std::vector<services::RankRow> rows_;  // in rank order
    std::vector<std::size_t> order_;       // rows_ as the list shows them
    int sortColumn_ = 0;
    bool sortAscending_ = true;
};

}  // namespace cchc::gui
