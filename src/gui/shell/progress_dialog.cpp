// A progress update (see progress_dialog.h).
#include "gui/shell/progress_dialog.h"

#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/date.h"
#include "core/plan_conflicts.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/gui_util.h"
#include "services/plans/plans.h"

namespace cchc::gui {
namespace {
const TaskStatus kStatuses[] = {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done,
                                TaskStatus::Cancelled};
}

ProgressDialog::ProgressDialog(wxWindow* parent, GuiSession& session,
                               const services::BoardTask& task, const std::string& facts)
    : session_(session),
      taskId_(task.row.taskId),
      taskVersion_(task.row.version),
      readStatus_(task.row.status),
      readPercent_(task.row.percentDone) {
    LoadForm(parent, "ProgressDialog");
    PrepareFilePicker(Ctrl<wxFilePickerCtrl>("file"));
    auto* text = Ctrl<wxStaticText>("task_text");
    text->SetLabelText(U8(task.row.criterion + "  " + task.row.solution));
    text->SetFont(ScaledFont(text, 1.0, true));
    text->Wrap(FromDIP(560));
    facts_ = facts;

    // This quarter (as the office's reporting window counts it) and the four
    // before it, latest first.
    Period p = session_.CurrentQuarter();
    for (int i = 0; i < 5; ++i, p = p.Previous()) quarters_.push_back(p);
    auto* period = Ctrl<wxChoice>("period");
    for (const Period& q : quarters_) period->Append(U8(q.Label()));
    period->SetSelection(0);
    period->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ShowQuarter(); });
    ShowQuarter();

    auto* status = Ctrl<wxChoice>("status");
    for (TaskStatus s : kStatuses) status->Append(U8(TaskStatusLabel(s)));
    status->SetSelection(
        task.row.status == TaskStatus::NotStarted ? 1 : static_cast<int>(task.row.status));
    Ctrl<wxSpinCtrl>("percent")->SetValue(task.row.percentDone);
    status->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateOutcome(); });
    UpdateOutcome();
    Bind(wxEVT_BUTTON, &ProgressDialog::OnSave, this, wxID_OK);
    // The board offers it for tasks in the account's scope; said again here.
    session_.Access().Offer(FindWindow(wxID_OK), true, Action::RecordProgress, task.row.unitId);
    FinishLayout(Ctrl<wxTextCtrl>("note"));
}

void ProgressDialog::ShowQuarter() {
    // A task has one update per quarter: one already made is shown, and
    // saving edits it.
    const int q = Ctrl<wxChoice>("period")->GetSelection();
    std::optional<services::ProgressUpdate> reported;
    if (q >= 0)
        reported = services::QuarterUpdate(session_.db(), taskId_,
                                           quarters_[static_cast<std::size_t>(q)].ToString());
    auto* note = Ctrl<wxTextCtrl>("note");
    if (ToU8(note->GetValue()) == readNote_)  // what the user typed stays
        note->ChangeValue(reported ? U8(reported->note) : wxString());
    updateId_ = reported ? reported->id : 0;
    readNote_ = reported ? reported->note : std::string();
    wxString facts = U8(facts_);
    if (reported) {
        const auto day = Date::ParseIso(reported->reportedOn);
        facts += "\n" + wxString::Format(
                            // TRANSLATORS: %s: a quarter ("Quý III/2026"), a date and who.
                            _("%s was reported on %s by %s: saving changes that report."),
                            U8(quarters_[static_cast<std::size_t>(q)].Label()),
                            day ? U8(FormatDate(*day)) : U8(reported->reportedOn),
                            U8(reported->reportedBy));
    }
    auto* factsText = Ctrl<wxStaticText>("task_facts");
    factsText->SetLabelText(facts);
    factsText->Wrap(FromDIP(560));
    Layout();
}

void ProgressDialog::UpdateOutcome() {
    // The result is asked for when the task is closed.
    const int s = Ctrl<wxChoice>("status")->GetSelection();
    const bool closing = s >= 0 && kStatuses[s] == TaskStatus::Done;
    Ctrl<wxStaticText>("outcome_label")
        ->SetForegroundColour(closing ? colours::Danger() : colours::Text());
    if (closing) Ctrl<wxSpinCtrl>("percent")->SetValue(100);
    Refresh();
}

services::ProgressInput ProgressDialog::ReadInput() const {
    services::ProgressInput in;
    in.taskId = taskId_;
    in.taskVersion = taskVersion_;
    in.updateId = updateId_;
    const int q = Ctrl<wxChoice>("period")->GetSelection();
    in.period = q >= 0 ? quarters_[static_cast<std::size_t>(q)].ToString() : std::string();
    const int s = Ctrl<wxChoice>("status")->GetSelection();
    in.status = kStatuses[s >= 0 ? s : 1];
    in.percent = SpinTyped(Ctrl<wxSpinCtrl>("percent"), "percent");
    in.note = TrimmedU8(Ctrl<wxTextCtrl>("note")->GetValue());
    in.outcome = TrimmedU8(Ctrl<wxTextCtrl>("outcome")->GetValue());
    const std::string file = TrimmedU8(Ctrl<wxFilePickerCtrl>("file")->GetPath());
    if (!file.empty()) {
        services::EvidenceInput e;
        e.filePath = file;
        e.title = in.note;
        in.evidence = e;
    }
    return in;
}

void ProgressDialog::OnSave(wxCommandEvent&) {
    SaveAndClose(
        [this] { services::AddProgressUpdate(session_.db(), ReadInput(), session_.user()); },
        // The task was saved on another desk since the board read it: the
        // fields compared show the values chosen, the next save is made
        // against the version compared.
        [this](const EditConflict& conflict, const KeptFields& kept) {
            const services::ProgressInput in = ReadInput();
            const TaskRecord stored =
                services::PlanService(session_.db(), session_.user()).LoadTask(taskId_);
            const std::optional<services::ProgressUpdate> reported =
                services::QuarterUpdate(session_.db(), taskId_, in.period);
            const services::ProgressInput merged =
                services::MergeProgress(in, stored, reported, kept);
            for (const FieldConflict& f : conflict.fields()) {
                if (f.field == "status")
                    Ctrl<wxChoice>("status")->SetSelection(static_cast<int>(merged.status));
                else if (f.field == "percent")
                    Ctrl<wxSpinCtrl>("percent")->SetValue(merged.percent);
                else if (f.field == "outcome")
                    Ctrl<wxTextCtrl>("outcome")->ChangeValue(U8(merged.outcome));
                else if (f.field == "note")
                    Ctrl<wxTextCtrl>("note")->ChangeValue(U8(merged.note));
            }
            UpdateOutcome();
            taskVersion_ = conflict.storedVersion();
            readStatus_ = stored.status;
            readPercent_ = stored.percentDone;
            // The quarter's update as stored is the one the next save edits.
            updateId_ = merged.updateId;
            if (reported) readNote_ = reported->note;
        },
        // The status and percentage the user set against those read, with
        // the task's diff; the result when the user wrote one (the board
        // does not read the stored result).
        [this] {
            TaskRecord read;
            read.status = readStatus_;
            read.percentDone = readPercent_;
            const services::ProgressInput in = ReadInput();
            TaskRecord mine = read;
            mine.status = in.status;
            mine.percentDone = in.percent;
            EditedFields edited = EditedOf(TaskConflicts(mine, read, {}));
            if (!in.outcome.empty()) edited["outcome"] = std::nullopt;
            for (const auto& [field, base] : EditedOf(ProgressNoteConflicts(in.note, readNote_)))
                edited[field] = base;
            return edited;
        });
}

}  // namespace cchc::gui
