// A quarterly progress update on one remediation task (form ProgressDialog):
// the quarter (the last one whose reporting window closed, or the current
// one), the status and percentage, what was done, the result achieved
// (required when the task is done) and an evidence file. A quarter already
// reported is shown and edited (one update per task and quarter). Saved
// through services::AddProgressUpdate against the task's version as the
// board read it and the quarter's update shown; a refused field is shown
// beside it, and a task or quarter saved on another desk meanwhile brings up
// the conflict dialog (status, percentage, result, what was done).
#pragma once
#include <vector>

#include "core/period.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"
#include "services/plans/plans.h"
#include "services/plans/task_board.h"

namespace cchc::gui {

class ProgressDialog : public DialogBase {
  public:
    ProgressDialog(wxWindow* parent, GuiSession& session, const services::BoardTask& task,
                   const std::string& facts);

  private:
    void OnSave(wxCommandEvent& event);
    // The chosen quarter's update, if the task has one: its note shown (the
    // user's typing kept) and said in the facts; saving edits it.
    void ShowQuarter();
    void UpdateOutcome();
    services::ProgressInput ReadInput() const;

    GuiSession& session_;
    std::int64_t taskId_;
    int taskVersion_ = 0;
    // The task's status and percentage as the board read them, then as
    // stored when a conflict was merged: what the user's update is against.
    TaskStatus readStatus_ = TaskStatus::NotStarted;
    int readPercent_ = 0;
    std::vector<Period> quarters_;
    std::string facts_;
    // The chosen quarter's update as shown (0: none) and its note, then as
    // stored when a conflict was merged.
    std::int64_t updateId_ = 0;
    std::string readNote_;
};

}  // namespace cchc::gui
