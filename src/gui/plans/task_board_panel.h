// The "Plans and tasks" area: the task board of the whole office. The
// remediation tasks in a virtual list over the database (counted, then read
// a window of rows at a time as the list scrolls: a province's quarter of a
// million is never read whole), filtered by commune, lead (unit or person),
// status, due date (overdue, due within 7 or 30 days, this month, or
// between two days), missing quarterly updates and a text search, with the
// counts by status in the header and sortable columns, all answered by the
// database (services/plans/task_board.h). Selecting a commune in the tree
// shows only its tasks grouped under headings: overdue, due this month,
// then by status (the chair's view; "Group by status" turns the grouping on
// or off for any list), each group counted and read the same way.
// Double-click or Enter opens the progress update of a task.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gui/shell/area_panel.h"
#include "services/plans/task_board.h"

class wxCheckBox;
class wxChoice;
class wxListEvent;
class wxOwnerDrawnComboBox;
class wxSearchCtrl;
class wxStaticText;
class wxButton;

namespace cchc::gui {

class TaskList;
class VnDateCtrl;

class TaskBoardPanel : public AreaPanel {
  public:
    TaskBoardPanel(wxWindow* parent, GuiSession& session);
    ~TaskBoardPanel() override;
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
    long ShownCount() const { return total_; }
    // The group headings shown, in order ("Quá hạn (3)", ...), for tests.
    std::vector<std::string> GroupHeadings() const;
    // The task on a row of the list, read with its window of rows when not
    // yet read; nullptr for a group heading (valid until the list is read
    // again).
    const services::BoardTask* TaskAt(long item);
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
    // The leads of the tasks, as the lead filter's choices (read off the
    // main thread).
    void FillLeads();
    // Counts the tasks of the filter bar (and its groups) and shows the
    // list's first rows.
    void ApplyFilter();
    // The list read again in the order chosen (the counts stay).
    void ShowRows();
    // The filter bar as a view that can be saved, and back.
    services::TaskBoardView CurrentView() const;
    void ShowView(const services::TaskBoardView& view);
    void FillSavedViews();
    void SaveView();
    void DeleteView();
    std::string Facts(const services::BoardTask& t) const;
    struct Group;
    // The group whose heading is on a row of the list, if any.
    const Group* HeadingAt(long item) const;
    // The task selected in the list, copied (nothing for none or a heading).
    std::optional<services::BoardTask> Selected();

    // The communes (a thousand in a province) and the leads (thousands):
    // lists that draw only the lines they show.
    wxOwnerDrawnComboBox* communeChoice_ = nullptr;
    wxChoice* status_ = nullptr;
    wxChoice* due_ = nullptr;
    VnDateCtrl* dueFrom_ = nullptr;
    VnDateCtrl* dueTo_ = nullptr;
    wxOwnerDrawnComboBox* lead_ = nullptr;
    std::vector<std::string> leadKeys_;  // choice position 1.. → "unit:ID" / "person:ID"
    std::string pendingLead_;            // a saved view's lead, chosen when the leads are read
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
    // The board as of the day it was read, on the client's connection.
    std::unique_ptr<services::TaskBoard> board_;
    services::TaskFilter filter_;  // of the list shown
    services::TaskOrder order_;
    int sortColumn_ = -1;  // the list's column sorted by, if any
    long total_ = 0;       // tasks in the list
    // The groups shown (when grouped): each with its tasks' count and the
    // list row of its heading.
    struct Group {
        services::TaskGroup group;
        long count = 0;
        long heading = 0;
    };
    std::vector<Group> groups_;
    bool grouped_ = false;
    // Windows of rows read, by (group's position or -1, window number).
    std::map<std::pair<int, long>, std::vector<services::BoardTask>> windows_;
    int leadsGeneration_ = 0;
    std::optional<std::int64_t> pendingUnit_;  // chosen in the tree before the communes were read

    friend class TaskList;
};

}  // namespace cchc::gui
