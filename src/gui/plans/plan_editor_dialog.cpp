// The plan editor (see plan_editor_dialog.h).
#include "gui/plans/plan_editor_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/treectrl.h>

#include <set>

#include "core/collation.h"
#include "core/plan_conflicts.h"
#include "core/task_rules.h"
#include "core/vnformat.h"
#include "gui/catalogue/audit_history_dialog.h"
#include "gui/plans/plan_header_dialog.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/vn_date_ctrl.h"
#include "services/org/directory.h"
#include "services/plans/plans.h"

namespace cchc::gui {
namespace {
const TaskStatus kStatuses[] = {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done,
                                TaskStatus::Cancelled};

wxString Short(const std::string& text, std::size_t chars) {
    wxString s = U8(text);
    return s.length() > chars ? s.Left(chars) + wxString::FromUTF8("\xe2\x80\xa6") : s;
}
}  // namespace

PlanEditorDialog::PlanEditorDialog(wxWindow* parent, GuiSession& session, std::int64_t planId,
                                   std::int64_t selectTask)
    : session_(session), planId_(planId) {
    LoadForm(parent, "PlanEditorDialog");
    for (const char* name : {"start", "due"})
        wxXmlResource::Get()->AttachUnknownControl(name, new VnDateCtrl(this), this);
    tree_ = Ctrl<wxTreeCtrl>("tree");
    auto* status = Ctrl<wxChoice>("status");
    for (TaskStatus s : kStatuses) status->Append(U8(TaskStatusLabel(s)));

    auto changed = [this](wxEvent& e) {
        e.Skip();
        if (filling_) return;
        dirty_ = true;
        UpdateFiveClear();
    };
    for (const char* name : {"target", "solution", "coordinators", "outcome"})
        Ctrl<wxTextCtrl>(name)->Bind(wxEVT_TEXT, changed);
    for (const char* name : {"lead_unit", "lead_person"})
        Ctrl<wxComboBox>(name)->Bind(wxEVT_TEXT, changed);
    for (const char* name : {"start", "due"}) Ctrl<VnDateCtrl>(name)->Bind(wxEVT_TEXT, changed);
    Ctrl<wxSpinCtrl>("due_year")->Bind(wxEVT_SPINCTRL, changed);
    Ctrl<wxSpinCtrl>("percent")->Bind(wxEVT_SPINCTRL, changed);
    Ctrl<wxCheckBox>("recurring")->Bind(wxEVT_CHECKBOX, changed);
    status->Bind(wxEVT_CHOICE, [this, changed](wxCommandEvent& e) {
        changed(e);
        const int s = Ctrl<wxChoice>("status")->GetSelection();
        if (s >= 0 && kStatuses[s] == TaskStatus::Done) Ctrl<wxSpinCtrl>("percent")->SetValue(100);
    });

    tree_->Bind(wxEVT_TREE_SEL_CHANGING, [this](wxTreeEvent& e) {
        if (filling_ || !dirty_) return;
        if (!ConfirmLeave()) e.Veto();
    });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        if (filling_) return;
        auto it = nodes_.find(e.GetItem().GetID());
        if (it == nodes_.end()) return;
        current_ = it->second;
        adding_ = false;
        ShowSelection();
    });
    Ctrl<wxButton>("add_task")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddTask(); });
    Ctrl<wxButton>("delete_task")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteTask(); });
    Ctrl<wxButton>("task_history")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const TaskRecord* task = current_.taskId && !adding_ ? Task(current_.taskId) : nullptr;
        const PlanItemRecord* item = Item(current_.itemId);
        if (!task || !item) return;
        ShowRecordHistory(this, session_, RecordOf(session_, "tasks", task->id, plan_.unitId),
                          TaskName(task->id, item->heading, task->solution));
    });
    Ctrl<wxButton>("add_item")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddItem(); });
    Ctrl<wxButton>("delete_item")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteItem(); });
    Ctrl<wxButton>("plan_details")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditHeader(); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); }, wxID_OK);
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (!dirty_ || ConfirmLeave()) EndModal(wxID_CANCEL);
        },
        wxID_CANCEL);

    std::int64_t item = 0;
    Reload(item, selectTask);
    FinishLayout(tree_);
}

const PlanItemRecord* PlanEditorDialog::Item(std::int64_t id) const {
    for (const auto& i : plan_.items)
        if (i.id == id) return &i;
    return nullptr;
}

const TaskRecord* PlanEditorDialog::Task(std::int64_t id) const {
    for (const auto& i : plan_.items)
        for (const auto& t : i.tasks)
            if (t.id == id) return &t;
    return nullptr;
}

void PlanEditorDialog::SuggestLeads() {
    // The units and people that may lead its tasks (core/org.h), by name:
    // a province's other communes and their officers are not offered.
    const std::vector<Unit> all = session_.Organisation().Units();
    const std::set<std::int64_t> leads = LeadCandidates(all, plan_.unitId);
    std::vector<wxString> units, people;
    for (const Unit& u : all)
        if (leads.count(u.id)) units.push_back(U8(u.name));
    for (std::int64_t id : leads)
        for (const Person& p : session_.Organisation().People(id))
            if (p.active) people.push_back(U8(p.fullName));
    auto sorted = [](std::vector<wxString>& v) {
        std::sort(v.begin(), v.end(), [](const wxString& a, const wxString& b) {
            return VietnameseLess(ToU8(a), ToU8(b));
        });
        v.erase(std::unique(v.begin(), v.end()), v.end());
    };
    sorted(units);
    sorted(people);
    Ctrl<wxComboBox>("lead_unit")->Set(units);
    Ctrl<wxComboBox>("lead_person")->Set(people);
}

void PlanEditorDialog::Reload(std::int64_t selectItem, std::int64_t selectTask) {
    services::PlanService service(session_.db(), session_.user());
    plan_ = service.Load(planId_);
    effects_ = service.Effects(plan_);
    if (!suggested_) {
        suggested_ = true;
        SuggestLeads();
    }
    // An account that may not edit this commune's plans reads it: every
    // button and field that changes it is disabled, saying why.
    AccessUi& access = session_.Access();
    mayEdit_ = access.May(Action::EditPlans, plan_.unitId);
    for (const char* name : {"add_item", "plan_details"})
        access.Offer(FindWindow(XRCID(name)), true, Action::EditPlans, plan_.unitId);
    access.Offer(FindWindow(wxID_OK), true, Action::EditPlans, plan_.unitId);
    filling_ = true;
    tree_->DeleteAllItems();
    nodes_.clear();
    const wxTreeItemId root = tree_->AddRoot("");
    wxTreeItemId select;
    for (const auto& item : plan_.items) {
        const wxString label = U8(item.heading) + "  " + Short(item.criterionTitle, 60);
        const wxTreeItemId node = tree_->AppendItem(root, label);
        tree_->SetItemBold(node);
        nodes_[node.GetID()] = {item.id, 0};
        if (item.id == selectItem && selectTask == 0) select = node;
        for (const auto& t : item.tasks) {
            const bool unclear = !CheckFiveClear(t, item).empty();
            const wxTreeItemId child = tree_->AppendItem(
                node, wxString::FromUTF8(unclear ? "\xe2\x9a\xa0 " : "\xe2\x80\xa2 ") +
                          Short(t.solution, 70));
            if (unclear) tree_->SetItemTextColour(child, colours::Danger());
            nodes_[child.GetID()] = {item.id, t.id};
            if (t.id == selectTask) select = child;
        }
        tree_->Expand(node);
    }
    if (!select.IsOk()) {
        wxTreeItemIdValue cookie;
        select = tree_->GetFirstChild(root, cookie);
    }
    filling_ = false;
    dirty_ = false;
    adding_ = false;
    const Unit unit = session_.Organisation().UnitById(plan_.unitId).value_or(Unit{});
    wxString title = wxString::Format(_("%s, plan of %d"), U8(unit.name), plan_.year);
    if (!plan_.number.empty())
        title += wxString::FromUTF8(" \xe2\x80\x94 ") + _("No. ") + U8(plan_.number);
    if (!plan_.summary.empty()) title += "\n" + U8(plan_.summary);
    auto* heading = Ctrl<wxStaticText>("plan_title");
    heading->SetLabelText(title);
    heading->Wrap(FromDIP(900));
    if (select.IsOk()) {
        current_ = nodes_[select.GetID()];
        tree_->SelectItem(select);
        tree_->EnsureVisible(select);
    } else {
        current_ = {};
    }
    ShowSelection();
}

void PlanEditorDialog::EnableTaskFields(bool enable) {
    AccessUi& access = session_.Access();
    for (const char* name : {"solution", "lead_unit", "lead_person", "coordinators", "start", "due",
                             "due_year", "recurring", "status", "percent", "outcome"})
        access.Offer(FindWindow(XRCID(name)), enable, Action::EditPlans, plan_.unitId);
    access.Offer(Ctrl<wxButton>("delete_task"), enable && !adding_, Action::EditPlans,
                 plan_.unitId);
}

void PlanEditorDialog::ShowSelection() {
    filling_ = true;
    const PlanItemRecord* item = Item(current_.itemId);
    Ctrl<wxTextCtrl>("target")->ChangeValue(item ? U8(item->targetText) : wxString());
    AccessUi& access = session_.Access();
    access.Offer(Ctrl<wxTextCtrl>("target"), item != nullptr, Action::EditPlans, plan_.unitId);
    // Whether the criterion's appraised points rose in the plan's year.
    wxString effect;
    if (auto e = item ? effects_.find(item->id) : effects_.end(); e != effects_.end()) {
        const auto& x = e->second;
        auto pts = [](double v) { return U8(FormatNumberTrim(v, 2)); };
        if (x.Known())
            effect =
                wxString::Format(_("Effect: %s points in %d, %s of %s in %d: %s"), pts(*x.before),
                                 x.beforeYear, pts(*x.after), pts(x.max), x.afterYear,
                                 x.Improved() ? _("improved") : _("not improved yet"));
        else if (x.before)
            effect =
                wxString::Format(_("Effect: %s points in %d; the %d results are not appraised yet"),
                                 pts(*x.before), x.beforeYear, x.afterYear);
    }
    auto* effectLabel = Ctrl<wxStaticText>("effect");
    effectLabel->SetLabelText(effect);
    effectLabel->SetForegroundColour(effects_.count(current_.itemId) &&
                                             effects_[current_.itemId].Improved()
                                         ? colours::Good()
                                         : colours::MutedText());
    access.Offer(Ctrl<wxButton>("add_task"), item != nullptr, Action::EditPlans, plan_.unitId);
    access.Offer(Ctrl<wxButton>("delete_item"), item != nullptr && current_.taskId == 0 && !adding_,
                 Action::EditPlans, plan_.unitId);
    const TaskRecord* task = current_.taskId ? Task(current_.taskId) : nullptr;
    // The task's history, for those who read the commune's audit trail.
    access.Offer(Ctrl<wxButton>("task_history"), task && item && !adding_, Action::ReadAudit,
                 plan_.unitId);
    if (task && item) {
        ShowTask(*task, *item);
        EnableTaskFields(true);
    } else if (adding_ && item) {
        TaskRecord fresh;
        fresh.status = TaskStatus::NotStarted;
        fresh.dueYear = plan_.year;
        ShowTask(fresh, *item);
        EnableTaskFields(true);
    } else {
        ShowTask(TaskRecord{}, item ? *item : PlanItemRecord{});
        EnableTaskFields(false);
        Ctrl<wxStaticText>("five_clear")->SetLabelText("");
    }
    filling_ = false;
    dirty_ = false;
    ClearError();
    Layout();
}

void PlanEditorDialog::ShowTask(const TaskRecord& t, const PlanItemRecord& item) {
    const services::OfficeDirectory dir(session_.db());
    Ctrl<wxTextCtrl>("solution")->ChangeValue(U8(t.solution));
    Ctrl<wxComboBox>("lead_unit")
        ->ChangeValue(U8(t.leadUnitId ? dir.UnitName(*t.leadUnitId) : t.leadUnitText));
    Ctrl<wxComboBox>("lead_person")
        ->ChangeValue(U8(t.leadPersonId ? dir.PersonName(*t.leadPersonId) : t.leadPersonText));
    Ctrl<wxTextCtrl>("coordinators")->ChangeValue(U8(dir.CoordinatorsText(t.coordinators, false)));
    Ctrl<VnDateCtrl>("start")->SetIso(t.startOn);
    Ctrl<VnDateCtrl>("due")->SetIso(t.dueOn);
    Ctrl<wxSpinCtrl>("due_year")->SetValue(t.dueYear.value_or(0));
    Ctrl<wxCheckBox>("recurring")->SetValue(t.recurring);
    Ctrl<wxChoice>("status")->SetSelection(static_cast<int>(t.status));
    Ctrl<wxSpinCtrl>("percent")->SetValue(t.percentDone);
    Ctrl<wxTextCtrl>("outcome")->ChangeValue(U8(t.outcome));
    UpdateFiveClear();
}

TaskRecord PlanEditorDialog::ReadTask() const {
    TaskRecord t;
    if (const TaskRecord* stored = current_.taskId ? Task(current_.taskId) : nullptr) t = *stored;
    t.solution = TrimmedU8(Ctrl<wxTextCtrl>("solution")->GetValue());
    // Leads as typed: the service links them when they name the office's units and people.
    t.leadUnitId.reset();
    t.leadPersonId.reset();
    t.leadUnitText = TrimmedU8(Ctrl<wxComboBox>("lead_unit")->GetValue());
    t.leadPersonText = TrimmedU8(Ctrl<wxComboBox>("lead_person")->GetValue());
    t.coordinators.clear();
    const wxArrayString parts = wxSplit(Ctrl<wxTextCtrl>("coordinators")->GetValue(), ';', '\0');
    for (const auto& part : parts) {
        const std::string text = TrimmedU8(part);
        if (text.empty()) continue;
        TaskCoordinator c;
        c.text = text;
        t.coordinators.push_back(c);
    }
    t.startOn = Ctrl<VnDateCtrl>("start")->Iso();
    t.dueOn = Ctrl<VnDateCtrl>("due")->Iso();
    const int year = Ctrl<wxSpinCtrl>("due_year")->GetValue();
    t.dueYear = year >= 1900 ? std::optional<int>(year) : std::nullopt;
    t.recurring = Ctrl<wxCheckBox>("recurring")->GetValue();
    const int s = Ctrl<wxChoice>("status")->GetSelection();
    t.status = kStatuses[s >= 0 ? s : 0];
    t.percentDone = SpinTyped(Ctrl<wxSpinCtrl>("percent"), "percent");
    t.outcome = TrimmedU8(Ctrl<wxTextCtrl>("outcome")->GetValue());
    return t;
}

void PlanEditorDialog::UpdateFiveClear() {
    const PlanItemRecord* item = Item(current_.itemId);
    if (!item || (!current_.taskId && !adding_)) return;
    PlanItemRecord shown = *item;
    shown.targetText = TrimmedU8(Ctrl<wxTextCtrl>("target")->GetValue());
    wxString text;
    for (const auto& p : CheckFiveClear(ReadTask(), shown))
        text += (text.empty() ? "" : "\n") + wxString::FromUTF8("\xe2\x9a\xa0 ") + U8(p.message);
    auto* label = Ctrl<wxStaticText>("five_clear");
    label->SetLabelText(text);
    label->Wrap(FromDIP(440));
    Layout();
}

bool PlanEditorDialog::Save() {
    if (!mayEdit_) return false;
    const PlanItemRecord* item = Item(current_.itemId);
    if (!item) return true;
    ClearError();
    const std::int64_t itemId = item->id;
    std::int64_t taskId = current_.taskId;
    bool savingTask = false;
    try {
        services::PlanService service(session_.db(), session_.user());
        PlanItemRecord target = *item;
        target.targetText = TrimmedU8(Ctrl<wxTextCtrl>("target")->GetValue());
        if (current_.taskId || adding_)
            for (const char* name : {"start", "due"})
                if (Ctrl<VnDateCtrl>(name)->Bad())
                    throw UserError(Location{"", 0, name}, Ctrl<VnDateCtrl>(name)->Refusal());
        if (target.targetText != item->targetText) {
            // Kept as saved, so that a refused task does not save it twice.
            const PlanItemRecord saved = service.SaveItemTarget(target);
            for (auto& copy : plan_.items)
                if (copy.id == saved.id) {
                    std::vector<TaskRecord> tasks = std::move(copy.tasks);
                    copy = saved;
                    copy.tasks = std::move(tasks);
                }
        }
        savingTask = true;
        if (current_.taskId || adding_) taskId = service.SaveTask(itemId, ReadTask()).id;
    } catch (const EditConflict& e) {
        if (!Merge(e, savingTask)) return false;
        return Save();
    } catch (const UserError& e) {
        ShowFieldError(ErrorSentence(e), e.where().field);
        return false;
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "");
        return false;
    }
    Reload(itemId, taskId);
    return true;
}

EditedFields PlanEditorDialog::Edited(bool task) const {
    // Mine against the copy this editor read, with the diff of the conflict,
    // the leads and coordinators named as the form shows them.
    const PlanItemRecord* item = Item(current_.itemId);
    if (!item) return {};
    if (!task) {
        PlanItemRecord mine = *item;
        mine.targetText = TrimmedU8(Ctrl<wxTextCtrl>("target")->GetValue());
        return EditedOf(ItemTargetConflicts(mine, *item));
    }
    const TaskRecord* base = current_.taskId ? Task(current_.taskId) : nullptr;
    if (!base) return {};
    const services::OfficeDirectory dir(session_.db());
    TaskNames names;
    names.leadUnit = [&dir](const TaskRecord& t) {
        return t.leadUnitId ? dir.UnitName(*t.leadUnitId) : t.leadUnitText;
    };
    names.leadPerson = [&dir](const TaskRecord& t) {
        return t.leadPersonId ? dir.PersonName(*t.leadPersonId) : t.leadPersonText;
    };
    names.coordinators = [&dir](const TaskRecord& t) {
        return dir.CoordinatorsText(t.coordinators, false);
    };
    return EditedOf(TaskConflicts(ReadTask(), *base, names));
}

bool PlanEditorDialog::Merge(const EditConflict& conflict, bool task) {
    std::optional<KeptFields> kept = AskConflict(this, conflict, Edited(task));
    if (!kept) {
        ShowFieldError(ErrorSentence(conflict), "");
        return false;
    }
    try {
        services::PlanService service(session_.db(), session_.user());
        const PlanRecord fresh = service.Load(planId_);
        // The copies this editor read become the stored ones at the version
        // compared; the form shows the values chosen, saved against it.
        for (PlanItemRecord& copy : plan_.items) {
            if (copy.id != current_.itemId) continue;
            const PlanItemRecord* stored = nullptr;
            for (const auto& x : fresh.items)
                if (x.id == copy.id) stored = &x;
            if (!stored) throw UserError(ToU8(_("the plan item no longer exists")));
            filling_ = true;
            if (task) {
                const TaskRecord storedTask = service.LoadTask(current_.taskId);
                const TaskRecord merged = MergeTask(ReadTask(), storedTask, *kept);
                for (auto& t : copy.tasks)
                    if (t.id == storedTask.id) {
                        t = storedTask;
                        t.version = conflict.storedVersion();
                    }
                ShowTask(merged, copy);
            } else {
                PlanItemRecord mine = copy;
                mine.targetText = TrimmedU8(Ctrl<wxTextCtrl>("target")->GetValue());
                const PlanItemRecord merged = MergeItemTarget(mine, *stored, *kept);
                std::vector<TaskRecord> tasks = std::move(copy.tasks);
                copy = *stored;
                copy.tasks = std::move(tasks);
                copy.version = conflict.storedVersion();
                Ctrl<wxTextCtrl>("target")->ChangeValue(U8(merged.targetText));
            }
            filling_ = false;
        }
    } catch (const std::exception& e) {
        filling_ = false;
        ShowFieldError(ErrorSentence(e), "");
        return false;
    }
    return true;
}

bool PlanEditorDialog::ConfirmLeave() {
    wxMessageDialog ask(this, _("Save the changes to this criterion or task?"), _("CCHC Desk"),
                        wxYES_NO | wxCANCEL | wxICON_QUESTION);
    ask.SetYesNoCancelLabels(_("Save"), _("Discard changes"), _("Cancel"));
    switch (ask.ShowModal()) {
        case wxID_YES:
            return Save();
        case wxID_NO:
            dirty_ = false;
            return true;
        default:
            return false;
    }
}

void PlanEditorDialog::AddTask() {
    if (!mayEdit_) return;
    if (!Item(current_.itemId)) return;
    if (dirty_ && !ConfirmLeave()) return;
    current_.taskId = 0;
    adding_ = true;
    ShowSelection();
    adding_ = true;
    dirty_ = true;
    Ctrl<wxTextCtrl>("solution")->SetFocus();
}

void PlanEditorDialog::DeleteTask() {
    if (!mayEdit_) return;
    const TaskRecord* task = current_.taskId ? Task(current_.taskId) : nullptr;
    if (!task) return;
    if (!AskYesNo(this, wxString::Format(_("Delete the task \"%s\"?"), Short(task->solution, 80)),
                  _("Delete")))
        return;
    try {
        services::PlanService(session_.db(), session_.user()).DeleteTask(task->id);
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "");
        return;
    }
    Reload(current_.itemId, 0);
}

void PlanEditorDialog::EditHeader() {
    if (!mayEdit_) return;
    if (dirty_ && !ConfirmLeave()) return;
    PlanHeaderDialog dialog(this, session_, plan_);
    if (dialog.ShowModal() == wxID_OK) Reload(current_.itemId, current_.taskId);
}

void PlanEditorDialog::AddItem() {
    if (!mayEdit_) return;
    if (dirty_ && !ConfirmLeave()) return;
    services::PlanService service(session_.db(), session_.user());
    const std::vector<Criterion> free = service.CriteriaWithoutItem(plan_);
    wxArrayString choices;
    choices.Add(_("An item of your own (not a criterion of the framework)..."));
    for (const Criterion& c : free) choices.Add(U8(c.code) + "  " + Short(c.title, 90));
    wxSingleChoiceDialog pick(this, _("Which criterion should the plan answer?"),
                              _("Add a criterion"), choices);
    pick.SetSelection(free.empty() ? 0 : 1);
    NameStockButtons(&pick);
    if (pick.ShowModal() != wxID_OK) return;
    const int n = pick.GetSelection();
    std::int64_t criterion = 0;
    std::string heading, title;
    if (n <= 0) {
        wxTextEntryDialog ask(this,
                              _("Title of the new item (e.g. Tuyên truyền cải cách hành chính):"),
                              _("Add a criterion"));
        NameStockButtons(&ask);
        if (ask.ShowModal() != wxID_OK) return;
        title = TrimmedU8(ask.GetValue());
        heading = std::to_string(plan_.items.size() + 1);
    } else {
        criterion = free[static_cast<std::size_t>(n - 1)].id;
    }
    try {
        const PlanItemRecord item = service.AddItem(planId_, criterion, heading, title);
        Reload(item.id, 0);
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "");
    }
}

void PlanEditorDialog::DeleteItem() {
    if (!mayEdit_) return;
    const PlanItemRecord* item = Item(current_.itemId);
    if (!item || current_.taskId) return;
    wxString question = wxString::Format(_("Remove criterion %s \"%s\" from the plan?"),
                                         U8(item->heading), Short(item->criterionTitle, 70));
    if (!item->tasks.empty())
        question += "\n" + wxString::Format(wxPLURAL("Its %d task is deleted with it.",
                                                     "Its %d tasks are deleted with it.",
                                                     static_cast<int>(item->tasks.size())),
                                            static_cast<int>(item->tasks.size()));
    if (!AskYesNo(this, question, _("Remove"))) return;
    try {
        services::PlanService(session_.db(), session_.user()).DeleteItem(item->id);
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "");
        return;
    }
    Reload(0, 0);
}

}  // namespace cchc::gui
