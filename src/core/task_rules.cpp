// Rules of remediation plans: see task_rules.h.
#include "core/task_rules.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/vnformat.h"

namespace cchc {
namespace {
constexpr double kEps = 1e-9;

bool Blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::optional<Date> IsoDate(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return Date::ParseIso(*text);
}

// Years for which a quarter and its cut-off window exist.
bool QuarterYear(int year) { return year >= 1 && year <= 9998; }

std::string Number(double v) { return FormatNumberTrim(v, 2); }
}  // namespace

bool IsClosed(TaskStatus status) {
    return status == TaskStatus::Done || status == TaskStatus::Cancelled;
}

bool IsClosed(const TaskRecord& task) { return IsClosed(task.status); }

std::optional<Date> DueDate(const TaskRecord& task) {
    if (task.recurring) return std::nullopt;
    if (auto d = IsoDate(task.dueOn)) return d;
    if (task.dueYear) {
        const Date end{*task.dueYear, 12, 31};
        if (end.Valid()) return end;
    }
    return std::nullopt;
}

int OverdueDays(TaskStatus status, std::optional<Date> due, Date asOf) {
    if (IsClosed(status) || !asOf.Valid() || !due) return 0;
    return std::max(0, due->DaysUntil(asOf));
}

int OverdueDays(const TaskRecord& task, Date asOf) {
    return OverdueDays(task.status, DueDate(task), asOf);
}

bool DueWithin(TaskStatus status, std::optional<Date> due, Date asOf, int days) {
    if (IsClosed(status) || !asOf.Valid() || days < 0 || !due) return false;
    const int until = asOf.DaysUntil(*due);
    return until >= 0 && until <= days;
}

bool DueWithin(const TaskRecord& task, Date asOf, int days) {
    return DueWithin(task.status, DueDate(task), asOf, days);
}

TaskGroup GroupOf(TaskStatus status, std::optional<Date> due, Date asOf) {
    const bool open = !IsClosed(status);
    if (open && OverdueDays(status, due, asOf) > 0) return TaskGroup::Overdue;
    if (open && due && due->year == asOf.year && due->month == asOf.month)
        return TaskGroup::DueThisMonth;
    switch (status) {
        case TaskStatus::InProgress:
            return TaskGroup::InProgress;
        case TaskStatus::NotStarted:
            return TaskGroup::NotStarted;
        case TaskStatus::Done:
            return TaskGroup::Done;
        default:
            return TaskGroup::Cancelled;
    }
}

std::string TaskGroupLabel(TaskGroup group) {
    switch (group) {
        case TaskGroup::Overdue:
            return tr("Overdue");
        case TaskGroup::DueThisMonth:
            return tr("Due this month");
        case TaskGroup::InProgress:
            return TaskStatusLabel(TaskStatus::InProgress);
        case TaskGroup::NotStarted:
            return TaskStatusLabel(TaskStatus::NotStarted);
        case TaskGroup::Done:
            return TaskStatusLabel(TaskStatus::Done);
        case TaskGroup::Cancelled:
            return TaskStatusLabel(TaskStatus::Cancelled);
    }
    return {};
}

std::string TaskSearchKey(const std::string& criterion, const std::string& solution) {
    std::string key = SearchKey(criterion + " " + solution);
    // Cut after the last whole character (UTF-8) of the first kTaskSearchLength.
    std::size_t characters = 0, at = 0;
    for (; at < key.size(); ++at)
        if ((static_cast<unsigned char>(key[at]) & 0xC0) != 0x80 &&
            characters++ == kTaskSearchLength)
            break;
    key.resize(at);
    return key;
}

int QuarterNumber(const Period& quarter) { return quarter.year() * 4 + quarter.index() - 1; }

std::optional<Period> LastClosedQuarter(Date asOf, WindowKind window) {
    if (!asOf.Valid() || !QuarterYear(asOf.year)) return std::nullopt;
    // The quarter containing asOf has not closed; the one before it has.
    const Period q = Period::Containing(PeriodKind::Quarter, asOf, window);
    if (q.year() <= 1 && q.index() == 1) return std::nullopt;
    return q.Previous();
}

UpdateSpan UpdateSpanOf(const TaskRecord& task, int planYear,
                        const std::set<std::string>& updatedPeriods, WindowKind window) {
    UpdateSpan span;
    std::optional<Date> start = IsoDate(task.startOn);
    if (!start && task.dueYear) start = Date{*task.dueYear, 1, 1};
    if (!start && planYear > 0) start = Date{planYear, 1, 1};
    if (!start || !start->Valid() || !QuarterYear(start->year)) return span;

    std::set<int> updated;
    for (const auto& text : updatedPeriods) {
        auto p = Period::Parse(text);
        if (p && p->kind() == PeriodKind::Quarter) updated.insert(QuarterNumber(*p));
    }

    // The last quarter that needs an update, when the task is closed.
    const int first = QuarterNumber(Period::Containing(PeriodKind::Quarter, *start, window));
    std::optional<int> last;
    if (IsClosed(task)) {
        auto closed = IsoDate(task.closedOn);
        if (closed && QuarterYear(closed->year)) {
            last = QuarterNumber(Period::Containing(PeriodKind::Quarter, *closed, window));
        } else if (!updated.empty()) {
            last = *updated.rbegin();
        } else {
            return span;  // closed, never reported and no day of closing: nothing is asked
        }
    }
    span.first = first;
    span.last = last;
    // Quarters up to 9999-Q4 at most.
    const int end = std::min(last ? *last : (updated.empty() ? first - 1 : *updated.rbegin()),
                             std::min(first + UpdateSpan::kMaxQuarters - 1, 9999 * 4 + 3));
    for (int q = first; q <= end; ++q) span.updated += updated.count(q) ? '1' : '0';
    for (int q = first;; ++q) {
        if (last && q > *last) break;
        const std::size_t at = static_cast<std::size_t>(q - first);
        if (at >= span.updated.size() || span.updated[at] != '1') {
            span.firstMissing = q;
            break;
        }
    }
    return span;
}

int MissingCount(const UpdateSpan& span, std::optional<int> lastClosed) {
    if (!span.first || !lastClosed) return 0;
    const int hi = span.last ? std::min(*span.last, *lastClosed) : *lastClosed;
    const int n = hi - *span.first + 1;
    if (n <= 0) return 0;
    const auto marked = span.updated.substr(0, static_cast<std::size_t>(n));
    return n - static_cast<int>(std::count(marked.begin(), marked.end(), '1'));
}

std::vector<Period> MissingUpdates(const TaskRecord& task, int planYear,
                                   const std::set<std::string>& updatedPeriods, Date asOf,
                                   WindowKind window) {
    std::vector<Period> missing;
    const std::optional<Period> closed = LastClosedQuarter(asOf, window);
    const UpdateSpan span = UpdateSpanOf(task, planYear, updatedPeriods, window);
    if (!span.first || !closed) return missing;
    const int hi =
        span.last ? std::min(*span.last, QuarterNumber(*closed)) : QuarterNumber(*closed);
    for (int q = *span.first; q <= hi; ++q) {
        const std::size_t at = static_cast<std::size_t>(q - *span.first);
        if (at < span.updated.size() && span.updated[at] == '1') continue;
        missing.push_back(Period::Quarter(q / 4, q % 4 + 1));
    }
    return missing;
}

std::string_view FiveClearKey(FiveClear which) {
    switch (which) {
        case FiveClear::Work:
            return "work";
        case FiveClear::Person:
            return "person";
        case FiveClear::Responsibility:
            return "responsibility";
        case FiveClear::Time:
            return "time";
        case FiveClear::Effect:
            return "effect";
    }
    return {};
}

std::vector<FiveClearProblem> CheckFiveClear(const TaskRecord& task, const PlanItemRecord& item) {
    std::vector<FiveClearProblem> problems;
    auto add = [&](FiveClear which, const char* msgid) {
        problems.push_back({which, std::string(tr(msgid))});
    };
    if (Blank(task.solution))
        add(FiveClear::Work, N_("unclear task: no task or solution is written"));
    if (!task.leadPersonId && Blank(task.leadPersonText))
        add(FiveClear::Person, N_("unclear person: no lead person is named"));
    if (!task.leadUnitId && Blank(task.leadUnitText))
        add(FiveClear::Responsibility, N_("unclear responsibility: no lead unit is named"));
    if (!IsoDate(task.dueOn) && !task.dueYear && !task.recurring)
        add(FiveClear::Time,
            N_("unclear time: no due date, due year or recurring time frame is set"));
    if (Blank(item.targetText) && !item.targetValue && Blank(task.outcome))
        add(FiveClear::Effect,
            N_("unclear effect: the criterion has no target and the task no outcome"));
    return problems;
}

int TaskPercent(const TaskRecord& task) {
    if (task.status == TaskStatus::Done) return 100;
    return std::clamp(task.percentDone, 0, 100);
}

namespace {
// Sum of the percents of the tasks that are not cancelled, and their number.
std::pair<double, int> Counted(const PlanItemRecord& item) {
    double sum = 0;
    int n = 0;
    for (const auto& t : item.tasks) {
        if (t.status == TaskStatus::Cancelled) continue;
        sum += TaskPercent(t);
        ++n;
    }
    return {sum, n};
}
}  // namespace

std::optional<double> ItemProgress(const PlanItemRecord& item) {
    auto [sum, n] = Counted(item);
    if (n == 0) return std::nullopt;
    return sum / n;
}

TaskCounts& TaskCounts::operator+=(const TaskCounts& o) {
    notStarted += o.notStarted;
    inProgress += o.inProgress;
    done += o.done;
    cancelled += o.cancelled;
    overdue += o.overdue;
    return *this;
}

void TaskCounts::Add(TaskStatus status, bool isOverdue) {
    switch (status) {
        case TaskStatus::NotStarted:
            ++notStarted;
            break;
        case TaskStatus::InProgress:
            ++inProgress;
            break;
        case TaskStatus::Done:
            ++done;
            break;
        case TaskStatus::Cancelled:
            ++cancelled;
            break;
    }
    if (isOverdue) ++overdue;
}

TaskCounts CountTasks(const std::vector<TaskRecord>& tasks, Date asOf) {
    TaskCounts c;
    for (const auto& t : tasks) c.Add(t.status, OverdueDays(t, asOf) > 0);
    return c;
}

TaskCounts CountTasks(const PlanRecord& plan, Date asOf) {
    TaskCounts c;
    for (const auto& item : plan.items) c += CountTasks(item.tasks, asOf);
    return c;
}

std::vector<PlanItemRecord> DraftPlanItems(const Framework& fw, const std::vector<NodeScore>& nodes,
                                           double thresholdPercent) {
    std::map<std::string, const NodeScore*> byCode;
    for (const auto& n : nodes) byCode.emplace(n.code, &n);

    // The top-level field above a node (the node itself at the top).
    auto field = [&](const NodeScore* n) {
        for (std::size_t steps = 0; steps <= nodes.size() && !n->parentCode.empty(); ++steps) {
            auto it = byCode.find(n->parentCode);
            if (it == byCode.end()) break;
            n = it->second;
        }
        return n;
    };

    std::vector<PlanItemRecord> items;
    for (const auto& [c, depth] : TreeOrder(fw)) {
        (void)depth;
        auto it = byCode.find(c->code);
        if (it == byCode.end()) continue;
        const NodeScore& n = *it->second;
        if (!n.leaf || !n.applicable || n.max <= kEps) continue;
        if (!(n.points < thresholdPercent / 100.0 * n.max - kEps)) continue;

        PlanItemRecord item;
        if (c->id != 0) item.criterionId = c->id;
        item.heading = c->code;
        item.criterionTitle = c->title;
        const NodeScore* top = field(&n);
        item.groupLabel = top->code;
        item.groupTitle = top->title;
        item.baselinePoints = n.points;
        const double lost = n.max - n.points;
        if (c->rule == RuleKind::Rate) {
            const double target = c->target.value_or(1.0);
            item.targetKind = "rate";
            item.targetValue = target;
            // points = max × ratio / target below the target, unless the
            // points were entered, came from the no-data rule or were capped.
            const bool capped = c->cap && *c->cap < n.max && n.points >= *c->cap - kEps;
            if (n.fromRate && !n.noData && !n.overridden && !capped)
                item.baselineValue = std::round(n.points / n.max * target * 1e6) / 1e6;
            if (item.baselineValue) {
                item.targetText = fmt::format(
                    fmt::runtime(tr("Raise the rate from {0} to {1} and recover the {2} points "
                                    "lost on this criterion")),
                    FormatPercentTrim(*item.baselineValue * 100), FormatPercentTrim(target * 100),
                    Number(lost));
            } else {
                item.targetText = fmt::format(
                    fmt::runtime(tr("Reach a rate of {0} and recover the {1} points lost on this "
                                    "criterion")),
                    FormatPercentTrim(target * 100), Number(lost));
            }
        } else {
            item.targetKind = "points";
            item.targetValue = n.max;
            item.targetText = fmt::format(
                fmt::runtime(tr("Recover the {0} points lost on this criterion (from {1} to {2} "
                                "points)")),
                Number(lost), Number(n.points), Number(n.max));
        }
        items.push_back(std::move(item));
    }
    return items;
}

}  // namespace cchc
