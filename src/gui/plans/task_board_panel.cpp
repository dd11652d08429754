// The task board (see task_board_panel.h).
#include "gui/plans/task_board_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/odcombo.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "core/collation.h"
#include "core/org.h"
#include "core/vnformat.h"
#include "gui/catalogue/audit_history_dialog.h"
#include "gui/plans/assignment_matrix_dialog.h"
#include "gui/plans/draft_plan_dialog.h"
#include "gui/plans/plan_editor_dialog.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/background_work.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/progress_dialog.h"
#include "gui/shell/vn_date_ctrl.h"

namespace cchc::gui {

namespace {
enum Column {
    kUnit,
    kCriterion,
    kTask,
    kLead,
    kDue,
    kStatus,
    kPercent,
    kOverdue,
    kUpdates,
    kColumns
};

constexpr long kWindow = 100;             // rows read at a time
constexpr std::size_t kKeptWindows = 40;  // windows kept before reading anew

// The sort of each column of the list.
services::TaskColumn ColumnSort(int column) {
    switch (column) {
        case kUnit:
            return services::TaskColumn::Unit;
        case kCriterion:
            return services::TaskColumn::Criterion;
        case kTask:
            return services::TaskColumn::Task;
        case kLead:
            return services::TaskColumn::Lead;
        case kDue:
            return services::TaskColumn::Due;
        case kStatus:
            return services::TaskColumn::Status;
        case kPercent:
            return services::TaskColumn::Percent;
        case kOverdue:
            return services::TaskColumn::Overdue;
        case kUpdates:
            return services::TaskColumn::Updates;
        default:
            return services::TaskColumn::Board;
    }
}

}  // namespace

// The virtual list: asks the panel for the text of the rows it shows.
class TaskList : public wxListCtrl {
  public:
    explicit TaskList(TaskBoardPanel* panel)
        : wxListCtrl(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
          panel_(panel) {
        overdue_.SetTextColour(colours::Danger());
        done_.SetTextColour(colours::MutedText());
    }

    wxString OnGetItemText(long item, long column) const override {
        if (const TaskBoardPanel::Group* g = panel_->HeadingAt(item))
            return column == kTask ? HeadingText(*g) : wxString();
        const services::BoardTask* t = panel_->TaskAt(item);
        if (!t) return {};
        const services::BoardRow& r = t->row;
        switch (column) {
            case kUnit:
                return U8(t->unitName);
            case kCriterion:
                return U8(r.criterion);
            case kTask:
                return U8(r.solution);
            case kLead: {
                std::string lead = t->leadPerson;
                const std::string& unit = t->leadUnit;
                if (!unit.empty() && unit != t->unitName)
                    lead = lead.empty() ? unit : lead + " (" + unit + ")";
                return U8(lead);
            }
            case kDue:
                if (r.dueOn) {
                    if (auto d = Date::ParseIso(*r.dueOn)) return U8(FormatDate(*d));
                    return U8(*r.dueOn);
                }
                if (r.dueYear)
                    return r.recurring ? wxString::Format(_("%d and after"), *r.dueYear)
                                       : wxString::Format(_("year %d"), *r.dueYear);
                return {};
            case kStatus:
                return U8(TaskStatusLabel(r.status));
            case kPercent:
                return U8(FormatPercentTrim(r.percentDone));
            case kOverdue:
                return t->overdueDays > 0 ? wxString::Format(_("%d days"), t->overdueDays)
                                          : wxString();
            case kUpdates:
                return t->missingUpdates > 0 ? wxString::Format(wxPLURAL("%d missing", "%d missing",
                                                                         t->missingUpdates),
                                                                t->missingUpdates)
                                             : wxString();
        }
        return {};
    }

    wxItemAttr* OnGetItemAttr(long item) const override {
        if (const TaskBoardPanel::Group* g = panel_->HeadingAt(item)) {
            heading_.SetFont(ScaledFont(this, 1.0, true));
            heading_.SetBackgroundColour(colours::Background());
            heading_.SetTextColour(g->group == services::TaskGroup::Overdue ? colours::Danger()
                                                                            : colours::Accent());
            return &heading_;
        }
        const services::BoardTask* t = panel_->TaskAt(item);
        if (!t) return nullptr;
        if (t->overdueDays > 0) return &overdue_;
        if (t->row.status == TaskStatus::Done || t->row.status == TaskStatus::Cancelled)
            return &done_;
        return nullptr;
    }

    static wxString HeadingText(const TaskBoardPanel::Group& g) {
        return wxString::Format("%s (%s)", U8(services::TaskGroupLabel(g.group)),
                                U8(FormatInteger(static_cast<long long>(g.count))));
    }

  private:
    TaskBoardPanel* panel_;
    mutable wxItemAttr overdue_, done_, heading_;
};

TaskBoardPanel::TaskBoardPanel(wxWindow* parent, GuiSession& session) : AreaPanel(session) {
    if (!wxXmlResource::Get()->LoadPanel(this, parent, "TaskBoardPanel"))
        wxLogFatalError("The form TaskBoardPanel is missing from the program's resources.");
    SetName("taskBoard");
    auto* title = FindCtrl<wxStaticText>(this, "title");
    title->SetLabelText(_("Plans and tasks"));  // "&" is text here, not a mnemonic
    title->SetFont(ScaledFont(title, 1.8, true));
    counts_ = FindCtrl<wxStaticText>(this, "taskCounts");
    communeChoice_ = FindCtrl<wxOwnerDrawnComboBox>(this, "taskUnit");
    status_ = FindCtrl<wxChoice>(this, "taskStatus");
    status_->Append(_("All"));
    status_->Append(_("Not finished"));
    for (TaskStatus s :
         {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done, TaskStatus::Cancelled})
        status_->Append(U8(TaskStatusLabel(s)));
    status_->SetSelection(0);
    due_ = FindCtrl<wxChoice>(this, "taskDue");
    // The range of "Due between...", shown only then.
    dueFrom_ = new VnDateCtrl(this);
    dueFrom_->SetToolTip(_("Due on or after this day"));
    wxXmlResource::Get()->AttachUnknownControl("taskDueFrom", dueFrom_, this);
    dueTo_ = new VnDateCtrl(this);
    dueTo_->SetToolTip(_("Due on or before this day"));
    wxXmlResource::Get()->AttachUnknownControl("taskDueTo", dueTo_, this);
    ShowDueRange(false);
    missing_ = FindCtrl<wxCheckBox>(this, "taskMissing");
    search_ = FindCtrl<wxSearchCtrl>(this, "taskSearch");
    lead_ = FindCtrl<wxOwnerDrawnComboBox>(this, "taskLead");
    lead_->Append(_("Any lead"));
    lead_->SetSelection(0);
    group_ = FindCtrl<wxCheckBox>(this, "taskGroup");
    savedViews_ = FindCtrl<wxChoice>(this, "taskViews");
    deleteView_ = FindCtrl<wxButton>(this, "forgetView");
    update_ = FindCtrl<wxButton>(this, "recordProgress");

    list_ = new TaskList(this);
    wxXmlResource::Get()->AttachUnknownControl("taskList", list_, this);
    const struct {
        const wxString text;
        int width;
        wxListColumnFormat format;
    } columns[kColumns] = {{_("Commune"), 130, wxLIST_FORMAT_LEFT},
                           {_("Criterion"), 58, wxLIST_FORMAT_LEFT},
                           {_("Task"), 250, wxLIST_FORMAT_LEFT},
                           {_("Lead"), 140, wxLIST_FORMAT_LEFT},
                           {_("Due"), 100, wxLIST_FORMAT_LEFT},
                           {_("Status"), 112, wxLIST_FORMAT_LEFT},
                           {_("Progress"), 60, wxLIST_FORMAT_RIGHT},
                           {_("Overdue"), 72, wxLIST_FORMAT_RIGHT},
                           {_("Quarterly updates"), 92, wxLIST_FORMAT_LEFT}};
    for (const auto& c : columns) list_->AppendColumn(c.text, c.format, FromDIP(c.width));

    status_->Bind(wxEVT_CHOICE, &TaskBoardPanel::OnFilterChanged, this);
    communeChoice_->Bind(wxEVT_COMBOBOX, &TaskBoardPanel::OnFilterChanged, this);
    lead_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent& e) {
        pendingLead_.clear();  // the user's choice now
        OnFilterChanged(e);
    });
    due_->Bind(wxEVT_CHOICE, &TaskBoardPanel::OnDueChanged, this);
    dueFrom_->Bind(wxEVT_TEXT, &TaskBoardPanel::OnFilterChanged, this);
    dueTo_->Bind(wxEVT_TEXT, &TaskBoardPanel::OnFilterChanged, this);
    missing_->Bind(wxEVT_CHECKBOX, &TaskBoardPanel::OnFilterChanged, this);
    search_->Bind(wxEVT_TEXT, &TaskBoardPanel::OnFilterChanged, this);
    group_->Bind(wxEVT_CHECKBOX, &TaskBoardPanel::OnGroupChanged, this);
    savedViews_->Bind(wxEVT_CHOICE, &TaskBoardPanel::OnSavedFilterChosen, this);
    FindCtrl<wxButton>(this, "saveView")->Bind(wxEVT_BUTTON, &TaskBoardPanel::OnSaveFilter, this);
    deleteView_->Bind(wxEVT_BUTTON, &TaskBoardPanel::OnForgetFilter, this);
    update_->Bind(wxEVT_BUTTON, &TaskBoardPanel::OnRecordProgress, this);
    FindCtrl<wxButton>(this, "openPlan")->Bind(wxEVT_BUTTON, &TaskBoardPanel::OnOpenPlan, this);
    FindCtrl<wxButton>(this, "taskHistory")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        OpenHistory();
    });
    FindCtrl<wxButton>(this, "draftPlan")->Bind(wxEVT_BUTTON, &TaskBoardPanel::OnDraftPlan, this);
    FindCtrl<wxButton>(this, "assignments")
        ->Bind(wxEVT_BUTTON, &TaskBoardPanel::OnAssignments, this);
    list_->Bind(wxEVT_SIZE, &TaskBoardPanel::OnListSize, this);
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &TaskBoardPanel::OnTaskActivated, this);
    list_->Bind(wxEVT_LIST_COL_CLICK, &TaskBoardPanel::OnColumnClick, this);
}

void TaskBoardPanel::OnFilterChanged(wxCommandEvent&) { ApplyFilter(); }

void TaskBoardPanel::OnDueChanged(wxCommandEvent&) {
    ShowDueRange(due_->GetSelection() == 5);
    Layout();
    ApplyFilter();
}

void TaskBoardPanel::ShowDueRange(bool show) {
    // Each date field sits in the place the form keeps for it.
    dueFrom_->GetParent()->Show(show);
    FindCtrl<wxStaticText>(this, "taskDueTil")->Show(show);
    dueTo_->GetParent()->Show(show);
}

void TaskBoardPanel::OnGroupChanged(wxCommandEvent&) { ApplyFilter(); }

void TaskBoardPanel::OnSavedFilterChosen(wxCommandEvent&) {
    const int i = savedViews_->GetSelection();
    deleteView_->Enable(i > 0);
    if (i > 0 && static_cast<std::size_t>(i) <= views_.size())
        ShowView(views_[static_cast<std::size_t>(i - 1)].second);
}

void TaskBoardPanel::OnSaveFilter(wxCommandEvent&) { SaveView(); }

void TaskBoardPanel::OnForgetFilter(wxCommandEvent&) { DeleteView(); }

void TaskBoardPanel::OnRecordProgress(wxCommandEvent&) { OpenSelected(); }

void TaskBoardPanel::OnOpenPlan(wxCommandEvent&) { OpenPlan(); }

void TaskBoardPanel::OnDraftPlan(wxCommandEvent&) { DraftPlan(); }

void TaskBoardPanel::OnAssignments(wxCommandEvent&) { OpenAssignments(); }

void TaskBoardPanel::OnListSize(wxSizeEvent& e) {
    e.Skip();
    // The task's text takes the width the other columns leave.
    int others = 0;
    for (int c = 0; c < kColumns; ++c)
        if (c != kTask) others += list_->GetColumnWidth(c);
    list_->SetColumnWidth(kTask,
                          std::max(FromDIP(200), list_->GetClientSize().x - others - FromDIP(4)));
}

void TaskBoardPanel::OnTaskActivated(wxListEvent&) { OpenSelected(); }

void TaskBoardPanel::OnColumnClick(wxListEvent& e) {
    if (e.GetColumn() == sortColumn_)
        order_.ascending = !order_.ascending;
    else
        sortColumn_ = e.GetColumn(),
        order_.ascending = e.GetColumn() != kOverdue && e.GetColumn() != kUpdates;
    order_.column = ColumnSort(sortColumn_);
    list_->ShowSortIndicator(sortColumn_, order_.ascending);
    ShowRows();
}

TaskBoardPanel::~TaskBoardPanel() = default;

void TaskBoardPanel::Reload() {
    // The communes in the filter, by place name.
    const int keep = communeChoice_->GetSelection();
    const std::int64_t keepId = keep > 0 ? unitIds_[static_cast<std::size_t>(keep - 1)] : 0;
    std::vector<Unit> communes;
    AccessUi& access = session_.Access();  // a commune's accounts: their communes only
    for (auto& u : session_.Organisation().Units())
        if (u.active && IsCommuneLevel(u.kind) && access.InScope(u.id))
            communes.push_back(std::move(u));
    access.Offer(update_, true, Action::RecordProgress);
    // A task's history for those who read the audit trail (a chair: its own).
    access.Offer(FindWindow(XRCID("taskHistory")), true, Action::ReadAudit);
    // The plan editor and the assignment matrix open for every account, to
    // read; what the account may not change is disabled inside them.
    OfferDraft();
    std::stable_sort(communes.begin(), communes.end(), [](const Unit& a, const Unit& b) {
        return VietnameseLess(SortName(a), SortName(b));
    });
    communeChoice_->Clear();
    unitIds_.clear();
    wxArrayString names;
    names.Add(_("All communes"));
    int select = 0;
    for (const Unit& u : communes) {
        names.Add(U8(u.name));
        unitIds_.push_back(u.id);
        if (u.id == keepId) select = static_cast<int>(unitIds_.size());
    }
    communeChoice_->Append(names);
    communeChoice_->SetSelection(select);
    if (pendingUnit_) {
        auto it = std::find(unitIds_.begin(), unitIds_.end(), *pendingUnit_);
        if (it != unitIds_.end())
            communeChoice_->SetSelection(static_cast<int>(it - unitIds_.begin()) + 1);
        pendingUnit_.reset();
    }
    FillSavedViews();
    // The tasks as of today, on the client's connection.
    try {
        board_ =
            std::make_unique<services::TaskBoard>(session_.db(), Date::Today(), session_.user());
    } catch (const std::exception& e) {
        board_.reset();
        counts_->SetLabelText(ErrorSentence(e));
        return;
    }
    FillLeads();
    ApplyFilter();
}

void TaskBoardPanel::FillLeads() {
    // The leads of the tasks the account reads, keeping the one chosen.
    const int keep = lead_->GetSelection();
    if (keep > 0 && static_cast<std::size_t>(keep) <= leadKeys_.size() && pendingLead_.empty())
        pendingLead_ = leadKeys_[static_cast<std::size_t>(keep - 1)];
    const int generation = ++leadsGeneration_;
    RunOnOwnConnection<std::vector<std::pair<std::string, std::string>>>(
        this, session_.db().url(),
        [user = session_.user()](services::Database& db) {
            return std::make_shared<std::vector<std::pair<std::string, std::string>>>(
                services::TaskBoard(db, Date::Today(), user).Leads());
        },
        [this, generation](std::shared_ptr<std::vector<std::pair<std::string, std::string>>> leads,
                           const std::string&) {
            if (generation != leadsGeneration_ || !leads) return;
            const std::string chosen = pendingLead_;
            pendingLead_.clear();
            lead_->Freeze();
            lead_->Clear();
            leadKeys_.clear();
            wxArrayString names;
            names.Add(_("Any lead"));
            int select = 0;
            for (const auto& [key, name] : *leads) {
                leadKeys_.push_back(key);
                names.Add(U8(name));
                if (key == chosen) select = static_cast<int>(leadKeys_.size());
            }
            lead_->Append(names);
            lead_->SetSelection(select);
            lead_->Thaw();
        });
}

void TaskBoardPanel::OfferDraft() {
    // A plan is drafted for the commune chosen in the tree.
    const auto& unit = AreaPanel::unit_;
    session_.Access().Offer(FindWindow(XRCID("draftPlan")), true, Action::EditPlans,
                            unit ? std::optional<std::int64_t>(unit->id) : std::nullopt);
}

void TaskBoardPanel::SetUnit(const std::optional<Unit>& unit) {
    AreaPanel::SetUnit(unit);
    OfferDraft();
    // The chair's view of a commune is grouped by status; the office's list is not.
    group_->SetValue(unit && IsCommuneLevel(unit->kind));
    // A commune chosen in the tree: its tasks only; anything else: all.
    if (unit && IsCommuneLevel(unit->kind)) {
        auto it = std::find(unitIds_.begin(), unitIds_.end(), unit->id);
        if (it == unitIds_.end()) {
            pendingUnit_ = unit->id;
            return;
        }
        communeChoice_->SetSelection(static_cast<int>(it - unitIds_.begin()) + 1);
    } else if (communeChoice_->GetCount() > 0) {
        communeChoice_->SetSelection(0);
    }
    if (board_) ApplyFilter();
}

services::TaskBoardView TaskBoardPanel::CurrentView() const {
    services::TaskBoardView v;
    const int unit = communeChoice_->GetSelection();
    if (unit > 0) v.unitId = unitIds_[static_cast<std::size_t>(unit - 1)];
    static const TaskStatus statuses[] = {TaskStatus::NotStarted, TaskStatus::InProgress,
                                          TaskStatus::Done, TaskStatus::Cancelled};
    const int status = status_->GetSelection();
    if (status == 1)
        v.status = "open";
    else if (status >= 2)
        v.status = TaskStatusKey(statuses[status - 2]);
    static const char* dues[] = {"", "overdue", "7", "30", "month", "range"};
    const int due = due_->GetSelection();
    if (due > 0 && due < 6) v.due = dues[due];
    if (v.due == "range") {
        v.dueFrom = dueFrom_->Value();
        v.dueTo = dueTo_->Value();
    }
    const int lead = lead_->GetSelection();
    if (!pendingLead_.empty())
        v.lead = pendingLead_;  // chosen before the leads were read
    else if (lead > 0 && static_cast<std::size_t>(lead) <= leadKeys_.size())
        v.lead = leadKeys_[static_cast<std::size_t>(lead - 1)];
    v.missingUpdate = missing_->GetValue();
    v.text = TrimmedU8(search_->GetValue());
    return v;
}

void TaskBoardPanel::ShowView(const services::TaskBoardView& v) {
    int unit = 0;
    if (v.unitId) {
        auto it = std::find(unitIds_.begin(), unitIds_.end(), *v.unitId);
        if (it != unitIds_.end()) unit = static_cast<int>(it - unitIds_.begin()) + 1;
    }
    communeChoice_->SetSelection(unit);
    int status = 0;
    if (v.status == "open")
        status = 1;
    else if (auto s = TaskStatusFromKey(v.status))
        status = static_cast<int>(*s) + 2;
    status_->SetSelection(status);
    const std::vector<std::string> dues = {"", "overdue", "7", "30", "month", "range"};
    auto due = std::find(dues.begin(), dues.end(), v.due);
    due_->SetSelection(due == dues.end() ? 0 : static_cast<int>(due - dues.begin()));
    dueFrom_->SetDate(v.dueFrom);
    dueTo_->SetDate(v.dueTo);
    ShowDueRange(v.due == "range");
    auto lead = std::find(leadKeys_.begin(), leadKeys_.end(), v.lead);
    lead_->SetSelection(lead == leadKeys_.end() ? 0
                                                : static_cast<int>(lead - leadKeys_.begin()) + 1);
    // A lead not offered (yet): kept for the list, chosen when the leads are read.
    pendingLead_ = lead == leadKeys_.end() ? v.lead : std::string();
    Layout();
    missing_->SetValue(v.missingUpdate);
    search_->ChangeValue(U8(v.text));
    ApplyFilter();
}

void TaskBoardPanel::ApplyFilter() {
    if (!board_) return;
    filter_ = CurrentView().ToFilter(board_->asOf());
    grouped_ = group_->GetValue();
    // Counted by the database: the tasks, by status, and by group.
    try {
        const TaskCounts c = board_->Counts(filter_);
        total_ = c.Total();
        groups_.clear();
        if (grouped_) {
            long line = 0;
            for (const auto& [group, count] : board_->GroupCounts(filter_)) {
                groups_.push_back({group, count, line});
                line += count + 1;
            }
        }
        counts_->SetLabelText(wxString::Format(
            _("%s tasks shown: %s not started, %s in progress, %s done, %s cancelled; %s overdue"),
            U8(FormatInteger(static_cast<long long>(total_))), U8(FormatInteger(c.notStarted)),
            U8(FormatInteger(c.inProgress)), U8(FormatInteger(c.done)),
            U8(FormatInteger(c.cancelled)), U8(FormatInteger(c.overdue))));
        counts_->SetForegroundColour(c.overdue > 0 ? colours::Danger() : colours::MutedText());
    } catch (const std::exception& e) {
        total_ = 0;
        groups_.clear();
        counts_->SetLabelText(ErrorSentence(e));
    }
    ShowRows();
}

void TaskBoardPanel::ShowRows() {
    windows_.clear();
    const long lines = total_ + static_cast<long>(groups_.size());
    list_->SetItemCount(lines);
    list_->Refresh();
}

const TaskBoardPanel::Group* TaskBoardPanel::HeadingAt(long item) const {
    for (const Group& g : groups_)
        if (g.heading == item) return &g;
    return nullptr;
}

const services::BoardTask* TaskBoardPanel::TaskAt(long item) {
    if (!board_ || item < 0) return nullptr;
    // The task's place: in its group (grouped), or in the whole list.
    int group = -1;
    long index = item;
    services::TaskFilter filter = filter_;
    long count = total_;
    if (!groups_.empty()) {
        for (std::size_t g = 0; g < groups_.size(); ++g) {
            const Group& at = groups_[g];
            if (item == at.heading) return nullptr;
            if (item > at.heading && item <= at.heading + at.count) {
                group = static_cast<int>(g);
                index = item - at.heading - 1;
                filter.group = at.group;
                count = at.count;
                break;
            }
        }
        if (group < 0) return nullptr;
    } else if (grouped_) {
        return nullptr;  // nothing to group
    }
    if (index >= count) return nullptr;
    const long window = index / kWindow;
    auto it = windows_.find({group, window});
    if (it == windows_.end()) {
        // A window of rows: what the screen shows and a little more.
        try {
            auto rows = board_->Window(filter, order_, window * kWindow, kWindow, count);
            if (windows_.size() >= kKeptWindows) windows_.clear();
            it = windows_.emplace(std::make_pair(group, window), std::move(rows)).first;
        } catch (const std::exception&) {
            return nullptr;
        }
    }
    const std::size_t at = static_cast<std::size_t>(index - window * kWindow);
    return at < it->second.size() ? &it->second[at] : nullptr;
}

std::vector<std::string> TaskBoardPanel::GroupHeadings() const {
    std::vector<std::string> out;
    for (const Group& g : groups_) out.push_back(ToU8(TaskList::HeadingText(g)));
    return out;
}

std::optional<services::BoardTask> TaskBoardPanel::Selected() {
    const long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (const services::BoardTask* t = TaskAt(item)) return *t;
    return std::nullopt;
}

std::string TaskBoardPanel::Facts(const services::BoardTask& t) const {
    std::string facts = t.unitName;
    const std::string& lead = t.leadPerson.empty() ? t.leadUnit : t.leadPerson;
    if (!lead.empty()) facts += " \xe2\x80\x94 " + lead;
    facts += " \xe2\x80\x94 " + TaskStatusLabel(t.row.status) + " " +
             FormatPercentTrim(t.row.percentDone);
    if (t.overdueDays > 0)
        facts += " \xe2\x80\x94 " + ToU8(wxString::Format(_("%d days overdue"), t.overdueDays));
    return facts;
}

void TaskBoardPanel::FillSavedViews() {
    views_ = services::SavedTaskViews(session_.db(), session_.user());
    savedViews_->Clear();
    savedViews_->Append(_("Saved filters"));
    for (const auto& [name, view] : views_) savedViews_->Append(U8(name));
    savedViews_->SetSelection(0);
    deleteView_->Enable(false);
}

void TaskBoardPanel::SaveView() {
    wxTextEntryDialog ask(this, _("Name of this filter (e.g. Overdue in Tây Xuân):"),
                          _("Save the filter"));
    NameStockButtons(&ask);
    if (ask.ShowModal() != wxID_OK) return;
    const std::string name = TrimmedU8(ask.GetValue());
    try {
        services::SaveTaskView(session_.db(), session_.user(), name, CurrentView());
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    FillSavedViews();
    for (std::size_t i = 0; i < views_.size(); ++i)
        if (views_[i].first == name)
            savedViews_->SetSelection(static_cast<int>(i) + 1), deleteView_->Enable();
}

void TaskBoardPanel::DeleteView() {
    const int i = savedViews_->GetSelection();
    if (i <= 0 || static_cast<std::size_t>(i) > views_.size()) return;
    const std::string name = views_[static_cast<std::size_t>(i - 1)].first;
    if (!AskYesNo(this, wxString::Format(_("Forget the saved filter \"%s\"?"), U8(name)),
                  _("Forget")))
        return;
    services::DeleteTaskView(session_.db(), session_.user(), name);
    FillSavedViews();
}

bool TaskBoardPanel::OpenPlan() {
    if (!FindWindow(XRCID("openPlan"))->IsEnabled()) return false;
    const auto task = Selected();
    if (!task) {
        ShowInfo(this, _("Select a task of the plan to open."));
        return false;
    }
    try {
        PlanEditorDialog dlg(this, session_, task->row.planId, task->row.taskId);
        dlg.ShowModal();
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    ApplyFilter();
    return true;
}

bool TaskBoardPanel::OpenHistory() {
    if (!FindWindow(XRCID("taskHistory"))->IsEnabled()) return false;
    const auto task = Selected();
    if (!task) {
        ShowInfo(this, _("Select a task to see its history."));
        return false;
    }
    const services::BoardRow& row = task->row;
    ShowRecordHistory(this, session_, RecordOf(session_, "tasks", row.taskId, row.unitId),
                      TaskName(row.taskId, row.criterion, row.solution));
    return true;
}

void TaskBoardPanel::DraftPlan() {
    if (!FindWindow(XRCID("draftPlan"))->IsEnabled()) return;
    if (!AreaPanel::unit_ || !IsCommuneLevel(AreaPanel::unit_->kind)) {
        ShowInfo(this,
                 _("Select a commune in the tree first: the plan is drafted from its results."));
        return;
    }
    std::int64_t planId = 0;
    {
        DraftPlanDialog dlg(this, session_, *AreaPanel::unit_);
        if (dlg.ShowModal() != wxID_OK) return;
        planId = dlg.planId();
    }
    PlanEditorDialog editor(this, session_, planId);
    editor.ShowModal();
    ApplyFilter();
}

void TaskBoardPanel::OpenAssignments() {
    // The unit chosen in the tree, else the office's own unit.
    std::string unitCode = AreaPanel::unit_ ? AreaPanel::unit_->code : std::string();
    if (unitCode.empty()) {
        const auto office = session_.Organisation().Office();
        if (auto u = session_.Organisation().UnitById(office.unitId)) unitCode = u->code;
    }
    if (unitCode.empty()) {
        ShowInfo(this, _("Select a unit in the tree first."));
        return;
    }
    try {
        AssignmentMatrixDialog dlg(this, session_, unitCode, "QD766");
        dlg.ShowModal();
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
}

bool TaskBoardPanel::OpenSelected() {
    if (!update_->IsEnabled()) return false;
    const auto task = Selected();
    if (!task) return false;
    ProgressDialog dlg(this, session_, *task, Facts(*task));
    if (dlg.ShowModal() == wxID_OK) ApplyFilter();
    return true;
}

}  // namespace cchc::gui
