#include "core/plan_conflicts.h"

#include "core/i18n.h"
#include "core/task_rules.h"
#include "core/vnformat.h"

namespace cchc {

namespace {

// "05/01/2026"; an ISO text that is not a date as it is.
std::string ShownDate(const std::optional<std::string>& iso) {
    if (!iso) return "";
    if (auto d = Date::ParseIso(*iso)) return FormatDate(*d);
    return *iso;
}

std::string ShownPercent(int percent) { return FormatPercentTrim(percent, 0); }

std::string Named(const std::function<std::string(const TaskRecord&)>& name, const TaskRecord& t,
                  const std::string& text) {
    return name ? name(t) : text;
}

std::string CoordinatorsText(const TaskRecord& t) {
    std::string out;
    for (const auto& c : t.coordinators) out += (out.empty() ? "" : "; ") + c.text;
    return out;
}

std::string PlanStatusLabel(const std::string& status) {
    if (status == "draft") return tr("Draft");
    if (status == "issued") return tr("Issued");
    if (status == "closed") return tr("Closed");
    return status;
}

}  // namespace

std::vector<FieldConflict> TaskConflicts(const TaskRecord& mine, const TaskRecord& stored,
                                         const TaskNames& names) {
    ConflictFields f;
    f.Compare("solution", tr("Task"), mine.solution, stored.solution);
    f.Compare("lead_unit", tr("Lead unit"), Named(names.leadUnit, mine, mine.leadUnitText),
              Named(names.leadUnit, stored, stored.leadUnitText));
    f.Compare("lead_person", tr("Lead person"), Named(names.leadPerson, mine, mine.leadPersonText),
              Named(names.leadPerson, stored, stored.leadPersonText));
    f.Compare("coordinators", tr("Coordinating units"),
              Named(names.coordinators, mine, CoordinatorsText(mine)),
              Named(names.coordinators, stored, CoordinatorsText(stored)));
    f.Compare("start", tr("Start date"), ShownDate(mine.startOn), ShownDate(stored.startOn));
    f.Compare("due", tr("Due date"), ShownDate(mine.dueOn), ShownDate(stored.dueOn));
    auto year = [](const std::optional<int>& y) { return y ? std::to_string(*y) : std::string(); };
    f.Compare("due_year", tr("Due within the year"), year(mine.dueYear), year(stored.dueYear));
    auto yesNo = [](bool v) { return std::string(v ? tr("yes") : tr("no")); };
    f.Compare("recurring", tr("And the following years"), yesNo(mine.recurring),
              yesNo(stored.recurring));
    f.Compare("status", tr("Status"), TaskStatusLabel(mine.status), TaskStatusLabel(stored.status));
    f.Compare("percent", tr("Percentage done"), ShownPercent(mine.percentDone),
              ShownPercent(stored.percentDone));
    f.Compare("outcome", tr("Result achieved"), mine.outcome, stored.outcome);
    return f.Take();
}

TaskRecord MergeTask(const TaskRecord& mine, const TaskRecord& stored, const KeptFields& kept) {
    TaskRecord t = stored;
    auto keep = [&](const char* field) { return kept.count(field) > 0; };
    if (keep("solution")) t.solution = mine.solution;
    if (keep("lead_unit")) t.leadUnitId = mine.leadUnitId, t.leadUnitText = mine.leadUnitText;
    if (keep("lead_person"))
        t.leadPersonId = mine.leadPersonId, t.leadPersonText = mine.leadPersonText;
    if (keep("coordinators")) t.coordinators = mine.coordinators;
    if (keep("start")) t.startOn = mine.startOn;
    if (keep("due")) t.dueOn = mine.dueOn, t.timeText = mine.timeText;
    if (keep("due_year")) t.dueYear = mine.dueYear;
    if (keep("recurring")) t.recurring = mine.recurring;
    if (keep("status")) t.status = mine.status;
    if (keep("percent")) t.percentDone = mine.percentDone;
    if (keep("outcome")) t.outcome = mine.outcome;
    return t;
}

std::vector<FieldConflict> ItemTargetConflicts(const PlanItemRecord& mine,
                                               const PlanItemRecord& stored) {
    ConflictFields f;
    f.Compare("target", tr("Target"), mine.targetText, stored.targetText);
    return f.Take();
}

PlanItemRecord MergeItemTarget(const PlanItemRecord& mine, const PlanItemRecord& stored,
                               const KeptFields& kept) {
    PlanItemRecord i = stored;
    if (kept.count("target")) {
        i.targetText = mine.targetText;
        i.targetKind = mine.targetKind;
        i.targetValue = mine.targetValue;
    }
    return i;
}

namespace {
struct HeaderField {
    const char* key;
    const char* label;
    std::string PlanRecord::*member;
};
// The text fields after the number and the date, in the dialog's order.
const HeaderField kHeaderText[] = {
    {"title", N_("Document kind"), &PlanRecord::title},
    {"summary", N_("Summary"), &PlanRecord::summary},
    {"place_name", N_("Place of issue"), &PlanRecord::placeName},
    {"basis", N_("Legal basis"), &PlanRecord::basis},
    {"signer_authority", N_("Signing authority"), &PlanRecord::signerAuthority},
    {"signer_title", N_("Signer's position"), &PlanRecord::signerTitle},
    {"signer_name", N_("Signer's name"), &PlanRecord::signerName},
    {"recipients", N_("Recipients"), &PlanRecord::recipients},
};
}  // namespace

std::vector<FieldConflict> PlanHeaderConflicts(const PlanRecord& mine, const PlanRecord& stored) {
    ConflictFields f;
    f.Compare("number", tr("Number"), mine.number, stored.number);
    f.Compare("issued_on", tr("Date issued"), ShownDate(mine.issuedOn), ShownDate(stored.issuedOn));
    for (const HeaderField& h : kHeaderText)
        f.Compare(h.key, tr(h.label), mine.*(h.member), stored.*(h.member));
    f.Compare("status", tr("Status"), PlanStatusLabel(mine.status), PlanStatusLabel(stored.status));
    return f.Take();
}

PlanRecord MergePlanHeader(const PlanRecord& mine, const PlanRecord& stored,
                           const KeptFields& kept) {
    PlanRecord p = stored;
    p.items = mine.items;
    if (kept.count("number")) p.number = mine.number;
    for (const HeaderField& h : kHeaderText)
        if (kept.count(h.key)) p.*(h.member) = mine.*(h.member);
    if (kept.count("issued_on")) p.issuedOn = mine.issuedOn;
    if (kept.count("status")) p.status = mine.status;
    return p;
}

std::vector<FieldConflict> ProgressNoteConflicts(const std::string& mine,
                                                 const std::string& stored) {
    ConflictFields f;
    f.Compare("note", tr("What was done"), mine, stored);
    return f.Take();
}

TaskRecord ApplyProgress(TaskRecord task, TaskStatus status, int percent,
                         const std::string& outcome, const Date& today) {
    task.status = status;
    task.percentDone = status == TaskStatus::Done ? 100 : percent;
    if (status == TaskStatus::Done) {
        task.closedOn = today.ToIso();
        task.outcome = outcome;
    } else if (status == TaskStatus::Cancelled) {
        task.closedOn = today.ToIso();
        if (!outcome.empty()) task.outcome = outcome;
    } else {
        task.closedOn.reset();
    }
    return task;
}

bool RecordsNothing(const TaskRecord& task, TaskStatus status, int percent, const std::string& note,
                    const std::string& outcome, bool document) {
    const TaskRecord after = ApplyProgress(task, status, percent, outcome, Date::Today());
    const bool blank = note.find_first_not_of(" \t\r\n") == std::string::npos;
    return after.status == task.status && after.percentDone == task.percentDone &&
           after.outcome == task.outcome && blank && !document;
}

}  // namespace cchc
