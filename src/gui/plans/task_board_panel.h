// The "Plans and tasks" area: the task board of the whole office. Every
// remediation task in a virtual list (fast with a province's quarter of a
// million), filtered by commune, lead (unit or person), status, due date
// (overdue, due within 7 or 30 days, this month, or between two days),
// missing quarterly updates and a text search, with
// the counts by status in the header and sortable columns. Selecting a
// commune in the tree shows only its tasks grouped under headings: overdue,
// due this month, then by status (the chair's view; "Group by status" turns
// the grouping on or off for any list). Double-click
// or Enter opens the progress update of a task. The tasks are read off the
// main thread; the list says so meanwhile.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "gui/shell/area_panel.h"
#include "services/plans/task_board.h"

class wxCheckBox;
class wxChoice;
class wxListEvent;
class wxSearchCtrl;
class wxStaticText;
class wxButton;

namespace cchc::gui {

class TaskList;
class VnDateCtrl;

class TaskBoardPanel : public AreaPanel {
  public:
    TaskBoardPanel(wxWindow* parent, GuiSession& session);
    void SetUnit(const std::optional<Unit>& unit) override;

    // Opens the progress update of the selected task (false when none).
    bool OpenSelected();
    // Opens the plan of the selected task in the plan editor.
    bool OpenPlan();
    // The history of the selected task (with its progress updates), for an
    // account that may read the audit trail.
    bool OpenHistory();
    // The indicator assignment matrix of the tree's unit (or the office).
    void OpenAssignments();
    // A draft plan for the tree's commune from its weak criteria, then its editor.
    void DraftPlan();
    // Tasks shown now (group headings not counted), for tests.
    long ShownCount() const;
    // The group headings shown, in order ("Quá hạn (3)", ...), for tests.
    std::vector<std::string> GroupHeadings() const;
    // The task on a row of the list; nullptr for a group heading.
    const services::BoardTask* TaskAt(long item) const;
    bool Loaded() const { return board_ != nullptr; }

  protected:
    void Reload() override;

  private:
    // "Dự thảo kế hoạch..." only for an account that may edit the tree
    // commune's plans (the reason in its tooltip otherwise).
    void OfferDraft();
    // The handlers of the filters, the saved filters, the actions and the list.
    void OnFilterChanged(wxCommandEvent&);
    void OnDueChanged(wxCommandEvent&);
    void OnGroupChanged(wxCommandEvent&);
    void OnSavedFilterChosen(wxCommandEvent&);
    void OnSaveFilter(wxCommandEvent&);
    void OnForgetFilter(wxCommandEvent&);
    void OnRecordProgress(wxCommandEvent&);
    void OnOpenPlan(wxCommandEvent&);
    void OnDraftPlan(wxCommandEvent&);
    void OnAssignments(wxCommandEvent&);
    void OnListSize(wxSizeEvent&);
    void OnTaskActivated(wxListEvent&);
    void OnColumnClick(wxListEvent&);
    // Shows or hides the two days of "Due between...".
    void ShowDueRange(bool show);
    void StartLoading();
    void OnLoaded(std::shared_ptr<services::TaskBoard> board);
    void ApplyFilter();
    void SortRows();
    void BuildLines();
    // The filter bar as a view that can be saved, and back.
    services::TaskBoardView CurrentView() const;
    void ShowView(const services::TaskBoardView& view);
    void FillSavedViews();
    void SaveView();
    void DeleteView();
    std::string Facts(const services::BoardTask& t) const;

    wxChoice* communeChoice_ = nullptr;
    wxChoice* status_ = nullptr;
    wxChoice* due_ = nullptr;
    VnDateCtrl* dueFrom_ = nullptr;
    VnDateCtrl* dueTo_ = nullptr;
    wxChoice* lead_ = nullptr;
    std::vector<std::string> leadKeys_;  // choice position 1.. → "unit:ID" / "person:ID"
    wxCheckBox* missing_ = nullptr;
    wxCheckBox* group_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxButton* update_ = nullptr;
    wxChoice* savedViews_ = nullptr;
    wxButton* deleteView_ = nullptr;
    std::vector<std::pair<std::string, services::TaskBoardView>> views_;
    wxStaticText* counts_ = nullptr;
    TaskList* list_ = nullptr;

    std::vector<std::int64_t> unitIds_;  // choice position 1.. → unit id
    std::shared_ptr<services::TaskBoard> board_;
    std::vector<std::size_t> rows_;  // board positions shown, in sort order
    // The list's rows: a task (its board position), or a group's heading.
    struct Line {
        std::size_t position = 0;
        int group = -1;         // services::TaskGroup of a heading; -1 for a task
        std::size_t count = 0;  // tasks under a heading
    };
    std::vector<Line> lines_;
    int sortColumn_ = -1;
    bool sortAscending_ = true;
    bool loading_ = false;
    std::optional<std::int64_t> pendingUnit_;  // chosen in the tree before the board was read

    friend class TaskList;
};

}  // namespace cchc::gui
