// A quarterly progress update on one remediation task (form ProgressDialog):
// the quarter (the last one whose reporting window closed, or the current
// one), the status and percentage, what was done, the result achieved
// (required when the task is done) and an evidence file. Saved through
// services::AddProgressUpdate against the task's version as the board read
// it; a refused field is shown beside it, and a task saved on another desk
// meanwhile brings up the conflict dialog (status, percentage, result).
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
};

}  // namespace cchc::gui
