// Rules of remediation plans (kế hoạch khắc phục): when a task is due and
// overdue, which quarterly progress updates are missing, the "five clear"
// completeness check, progress and status counts rolled up over items and
// plans, and the draft items of a plan made from a unit's weak criteria.
// How to use it: load a PlanRecord with its items and tasks, pick an as-of
// date (Date::Today() or the end of a reporting period) and call the rule
// you need; nothing here stores, reads or throws. Messages are translated.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/framework.h"
#include "core/period.h"
#include "core/records.h"
#include "core/scoring.h"

namespace cchc {

// Done and cancelled tasks are closed; the others are open.
bool IsClosed(TaskStatus status);
bool IsClosed(const TaskRecord& task);

// The day the task is due: its due date (dueOn, when it is a valid ISO
// date), else 31 December of its due year ("Trong năm 2021"). A recurring
// task ("trong năm 2021 và những năm tiếp theo") is never due as a whole:
// nothing. Nothing as well when no time frame is given.
std::optional<Date> DueDate(const TaskRecord& task);

// Days the open task is past its due date as of asOf: a task due on
// 2026-03-31 is not overdue on 2026-03-31 (0) and overdue by 1 on
// 2026-04-01. Always 0 for a closed task or one without a due date.
int OverdueDays(const TaskRecord& task, Date asOf);
// The same for a task of this status whose DueDate is known already.
int OverdueDays(TaskStatus status, std::optional<Date> due, Date asOf);

// True for an open task due from asOf to asOf + days, both included (days
// 0: due on asOf). An overdue task is not "due within"; days < 0 gives false.
bool DueWithin(const TaskRecord& task, Date asOf, int days);
// The same for a task of this status whose DueDate is known already.
bool DueWithin(TaskStatus status, std::optional<Date> due, Date asOf, int days);

// The groups of the chair's view, in the order shown: overdue tasks, open
// tasks due in the month of the as-of day, then the others by status.
enum class TaskGroup { Overdue, DueThisMonth, InProgress, NotStarted, Done, Cancelled };
// The group of a task of this status whose DueDate is known: overdue first
// (OverdueDays > 0); then an open task due in the month of asOf; then its
// status.
TaskGroup GroupOf(TaskStatus status, std::optional<Date> due, Date asOf);
// "Overdue", "Due this month", or the status's label; translated.
std::string TaskGroupLabel(TaskGroup group);

// What a task is found by in the task board's search: SearchKey
// (core/collation.h) of its criterion and its text, a space between, to
// its first kTaskSearchLength characters (so that an index takes it). A
// search matches the tasks whose key contains SearchKey of what was typed.
std::string TaskSearchKey(const std::string& criterion, const std::string& solution);
inline constexpr std::size_t kTaskSearchLength = 500;

// Quarters numbered in a row, so that quarter arithmetic is counting:
// 2026-Q1 is 2026 * 4, 2026-Q2 is 2026 * 4 + 1, ... 2027-Q1 is 2027 * 4.
int QuarterNumber(const Period& quarter);
// The last quarter whose reporting window has closed by asOf (it ended
// before asOf); nothing for an invalid day or one outside the years 1..9998.
std::optional<Period> LastClosedQuarter(Date asOf, WindowKind window);

// What a task's missing updates are made of, whatever the as-of day (see
// MissingUpdates): the quarters that need an update, from `first` on (to
// `last`, when the task is closed), which of them have one, and the first
// that has none. Numbers are QuarterNumber's.
struct UpdateSpan {
    std::optional<int> first;  // nothing: no quarter ever needs an update
    std::optional<int> last;   // nothing: every quarter from first on (an open task)
    // '1' (an update) or '0' per quarter from first on: to last for a closed
    // task, to the last quarter with an update for an open one (at most
    // kMaxQuarters).
    std::string updated;
    // The first quarter from first (to last) without an update; nothing when
    // none lacks one (a closed task reported for every quarter).
    std::optional<int> firstMissing;
    static constexpr int kMaxQuarters = 400;
};
UpdateSpan UpdateSpanOf(const TaskRecord& task, int planYear,
                        const std::set<std::string>& updatedPeriods, WindowKind window);
// The number of quarters missing an update when the last closed quarter is
// lastClosed: those of [first, min(last, lastClosed)] not marked '1'. More
// than 0 exactly when firstMissing <= lastClosed.
int MissingCount(const UpdateSpan& span, std::optional<int> lastClosed);

// The quarters, oldest first, whose reporting window (calendar or the
// Decree 09/2019 cut-off) has closed by asOf (window end < asOf) and for
// which the task has no progress update.
//  - The first quarter is the one containing the task's start: startOn, else
//    1 January of its due year, else 1 January of planYear (nothing is
//    missing when none is known).
//  - An open task (recurring or not, overdue or not) needs an update every
//    quarter. A done or cancelled task needs none after the quarter
//    containing closedOn; without closedOn, none after its last update
//    (none at all when it has no update).
//  - updatedPeriods holds the periods that have an update, as written in
//    the records ("2026-Q1"; case is ignored); other kinds of period (a
//    month, a half year) do not stand for a quarter's update.
std::vector<Period> MissingUpdates(const TaskRecord& task, int planYear,
                                   const std::set<std::string>& updatedPeriods, Date asOf,
                                   WindowKind window);

// "Rõ việc – rõ người – rõ trách nhiệm – rõ thời gian – rõ hiệu quả".
enum class FiveClear {
    Work,            // rõ việc: the task or solution is written
    Person,          // rõ người: a lead person, known or written
    Responsibility,  // rõ trách nhiệm: a lead unit, known or written
    Time,            // rõ thời gian: a due date, a due year or recurring
    Effect,          // rõ hiệu quả: a target on the item or an outcome
};
// "work", "person", "responsibility", "time", "effect".
std::string_view FiveClearKey(FiveClear which);

struct FiveClearProblem {
    FiveClear which;
    std::string message;  // translated
};

// What the task (of the plan item) lacks of the five clear, in the order
// above; empty when it is complete. Text made only of spaces counts as
// missing; a lead written as text ("Cán bộ, công chức thị trấn") counts as
// given. A due date that is not a valid ISO date does not count.
std::vector<FiveClearProblem> CheckFiveClear(const TaskRecord& task, const PlanItemRecord& item);

// Percent done of a task counted in roll-ups: 100 when done, otherwise its
// percentDone within 0..100.
int TaskPercent(const TaskRecord& task);
// Average percent done (0..100) of the item's tasks that are not cancelled;
// nothing when it has no such task.
std::optional<double> ItemProgress(const PlanItemRecord& item);

struct TaskCounts {
    int notStarted = 0, inProgress = 0, done = 0, cancelled = 0;
    int overdue = 0;  // open tasks past their due date (also counted above)
    int Total() const { return notStarted + inProgress + done + cancelled; }
    int Open() const { return notStarted + inProgress; }
    TaskCounts& operator+=(const TaskCounts& o);
    // Counts one task of this status (and overdue or not).
    void Add(TaskStatus status, bool isOverdue);
};

// Counts of the tasks by status, overdue as of asOf.
TaskCounts CountTasks(const std::vector<TaskRecord>& tasks, Date asOf);
TaskCounts CountTasks(const PlanRecord& plan, Date asOf);

// The items of a draft remediation plan for one unit: one per applicable
// leaf criterion (NodeScore::applicable, max > 0) whose points are below
// thresholdPercent % of its (counted) max, in the framework's tree order.
// nodes is the unit's RollUp(fw, ...) for the period. Each item carries the
// criterion (id, code as heading, title), its top-level field as group
// (code and title), baselinePoints, and a target: "points" (targetValue the
// max) or, for a rate criterion, "rate" (targetValue the criterion's target
// ratio, 1 when none; baselineValue the ratio reached, worked out from the
// points when they came from the rate). targetText is translated. The items
// have no tasks yet.
std::vector<PlanItemRecord> DraftPlanItems(const Framework& fw, const std::vector<NodeScore>& nodes,
                                           double thresholdPercent = 80);

}  // namespace cchc
