// The "Plans and tasks" area (see plans_panel.h).
#include "gui/plans_panel.h"

#include "core/vnformat.h"
#include "gui/gui_util.h"

namespace cchc::gui {

PlansPanel::PlansPanel(wxWindow* parent, GuiSession& session)
    : SummaryPanelBase(
          parent, session, Area::Plans, _("Plans and tasks"),
          _("After the index is published, every commune writes a remediation plan for the criteria that "
            "lost points: a target for each, tasks and solutions, a lead and coordinating units or people, and "
            "a time frame. Progress is reported every quarter. A task is complete only when it is clear on all "
            "five points: task, person, responsibility, time and result."),
          {_("Draft a plan from the weak criteria of the latest results and complete it."),
           _("Give each task a lead, coordinating units and a due date; record quarterly progress with "
             "evidence."),
           _("Follow overdue tasks and verify the effect before closing a task.")}) {}

std::vector<SummaryPanelBase::Figure> PlansPanel::Figures(const services::OfficeOverview& o) {
    return {
        {_("Remediation plans"), U8(FormatInteger(o.plans)), _("for all communes and years"), colours::Good(),
         std::nullopt},
        {_("Tasks in progress"), U8(FormatInteger(o.tasksOpen)), _("not started or in progress"),
         colours::Accent(), std::nullopt},
        {_("Overdue tasks"), U8(FormatInteger(o.tasksOverdue)),
         o.tasksOverdue > 0 ? _("past their due date") : _("none past due"),
         o.tasksOverdue > 0 ? colours::Danger() : colours::Good(), std::nullopt},
        {_("Tasks done"), U8(FormatInteger(o.tasksDone)), _("finished and verified"), colours::Good(),
         std::nullopt},
    };
}

}  // namespace cchc::gui
