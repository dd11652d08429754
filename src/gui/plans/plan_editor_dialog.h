// A remediation plan in the editor (form PlanEditorDialog): its items (one
// per criterion, with the target) and their tasks as a tree; the selected
// task's solution, lead unit and person (chosen from the office or written),
// coordinators, start, due date or year (and "the following years"),
// status, percentage and result beside it, with the "five clear" problems
// shown under the fields as they are typed, and under each criterion's
// target whether its appraised points rose in the plan's year. Criteria are
// added (from the plan's framework, or of the clerk's own) and removed, and
// the plan's document fields edited in PlanHeaderDialog. Dates are
// Vietnamese date fields (VnDateCtrl). Save (Enter) stores the selected
// item or task through PlanService against the version read; leaving a
// changed one asks first. When another desk saved the item's target or the
// task meanwhile, the conflict dialog shows both values of each field; the
// form then shows the values chosen and they are saved (cancelled, the form
// keeps what was typed). An account that may not edit the commune's plans
// (a viewer, a clerk, another commune's chair: core/access.h) reads the
// plan: the fields and the buttons that change it are disabled, their
// tooltips saying why.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include <wx/treebase.h>

#include "core/records.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"
#include "services/plans/plans.h"

class wxTreeCtrl;
class wxTreeEvent;

namespace cchc::gui {

class PlanEditorDialog : public DialogBase {
  public:
    PlanEditorDialog(wxWindow* parent, GuiSession& session, std::int64_t planId,
                     std::int64_t selectTask = 0);

  private:
    struct Node {
        std::int64_t itemId = 0,
                     taskId = 0;  // taskId 0: the item itself (or a new task when adding)
    };
    void SuggestLeads();
    void Reload(std::int64_t selectItem, std::int64_t selectTask);
    void ShowSelection();
    void ShowTask(const TaskRecord& task, const PlanItemRecord& item);
    TaskRecord ReadTask() const;
    void UpdateFiveClear();
    bool Save();
    // After a refused save: asks which values to keep and puts them in the
    // form; false when the user cancelled or the record is gone.
    bool Merge(const EditConflict& conflict, bool task);
    // The fields of the task (or the item's target) the user edited since
    // this editor read it (see AskConflict).
    EditedFields Edited(bool task) const;
    bool ConfirmLeave();
    void AddTask();
    void DeleteTask();
    void AddItem();
    void DeleteItem();
    void EditHeader();
    const PlanItemRecord* Item(std::int64_t id) const;
    const TaskRecord* Task(std::int64_t id) const;
    void EnableTaskFields(bool enable);

    GuiSession& session_;
    std::int64_t planId_;
    PlanRecord plan_;
    std::map<std::int64_t, services::PlanService::ItemEffect> effects_;
    wxTreeCtrl* tree_ = nullptr;
    std::map<wxTreeItemIdValue, Node> nodes_;
    Node current_;
    bool mayEdit_ = false;  // the account may edit this commune's plans
    bool adding_ = false;   // a new task of current_.itemId is being written
    bool dirty_ = false;
    bool filling_ = false;
    bool suggested_ = false;  // the leads offered, once the plan is read
};

}  // namespace cchc::gui
