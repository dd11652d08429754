// Every remediation task of the office at once, as the task board and
// `cchc tasks` list them: read once (Load), with each task's due date, days
// overdue and missing quarterly updates worked out as of a date, then
// filtered in memory (Filter) as fast as a keystroke needs, even for a
// province's quarter of a million tasks. Names of units and people are
// looked up only for the rows shown.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/records.h"
#include "core/task_rules.h"
#include "storage/database.h"

namespace cchc::services {

struct TaskFilter {
    std::optional<std::int64_t> unitId;  // the commune whose plan it is
    std::optional<std::int64_t> leadUnitId, leadPersonId;
    std::optional<TaskStatus> status;
    bool openOnly = false;               // not started or in progress
    std::optional<Date> dueFrom, dueTo;  // effective due date in this range
    bool overdue = false;
    std::optional<int> dueWithinDays;  // open and due from asOf to asOf + days
    bool missingUpdate = false;        // a closed quarter without progress update
    std::string text;                  // in the task or criterion, diacritics ignored
};

// What the task board's filter bar shows, as a user saves it: kept relative
// ("due this month", "overdue") so that it means the same on another day.
struct TaskBoardView {
    std::optional<std::int64_t> unitId;
    std::string status;                  // "", "open", or a status key (not_started, ...)
    std::string due;                     // "", "overdue", "7", "30", "month", "range"
    std::optional<Date> dueFrom, dueTo;  // the range (either end may be open)
    std::string lead;                    // "", "unit:ID" or "person:ID": the lead unit or person
    bool missingUpdate = false;
    std::string text;

    // The filter it stands for on the board's date.
    TaskFilter ToFilter(Date asOf) const;
    std::string ToJson() const;
    // Nothing when the text is not such a view.
    static std::optional<TaskBoardView> FromJson(const std::string& json);
};

// The user's saved views of the task board, by name; saving a name again
// replaces it. UserError for an empty name.
std::vector<std::pair<std::string, TaskBoardView>> SavedTaskViews(storage::Database& db,
                                                                  const std::string& user);
void SaveTaskView(storage::Database& db, const std::string& user, const std::string& name,
                  const TaskBoardView& view);
void DeleteTaskView(storage::Database& db, const std::string& user, const std::string& name);

// One task as the board lists it, with what names it.
struct BoardRow {
    std::int64_t taskId = 0, itemId = 0, planId = 0, unitId = 0;
    int planYear = 0;
    std::string criterion;  // the item's heading (criterion code)
    std::string solution;
    std::optional<std::int64_t> leadUnitId, leadPersonId;
    std::string leadUnitText, leadPersonText;
    std::optional<std::string> startOn, dueOn, closedOn;
    std::optional<int> dueYear;
    bool recurring = false;
    TaskStatus status = TaskStatus::NotStarted;
    int percentDone = 0;
    int version = 0;  // the task's as read, for a progress update (ProgressInput::taskVersion)
};

struct BoardTask {
    BoardRow row;
    std::optional<Date> due;  // nothing for recurring tasks and tasks without time
    int overdueDays = 0;
    int missingUpdates = 0;  // closed quarters without an update
    std::string searchKey;   // folded task text and criterion, for Filter
};

// The groups of the chair's view, in the order shown: overdue tasks, open
// tasks due in the month of the board's date, then the others by status.
enum class TaskGroup { Overdue, DueThisMonth, InProgress, NotStarted, Done, Cancelled };
// "Overdue", "Due this month", ... translated.
std::string TaskGroupLabel(TaskGroup group);

class TaskBoard {
  public:
    // Reads every task; missing updates follow the office's reporting window.
    static TaskBoard Load(storage::Database& db, Date asOf);
    // The tasks of the plans of the units the account `user` reads
    // (core/access.h): a commune's account its unit's and those under it.
    // AccessDenied for a login that reads nothing.
    static TaskBoard Load(storage::Database& db, Date asOf, const std::string& user);

    Date asOf() const { return asOf_; }
    std::size_t size() const { return tasks_.size(); }
    const BoardTask& operator[](std::size_t i) const { return tasks_[i]; }
    // Positions of the matching tasks, ordered by commune, due date and id.
    std::vector<std::size_t> Filter(const TaskFilter& filter) const;
    // Counts by status (and overdue) of the given positions.
    TaskCounts Count(const std::vector<std::size_t>& positions) const;
    // Per unit whose plan it is: the tasks that lack a progress update for
    // a closed quarter (units without such tasks left out).
    std::map<std::int64_t, long> MissingUpdatesByUnit() const;
    // The group a task is listed under: overdue first; then an open task
    // due in the month of asOf(); then its status.
    TaskGroup GroupOf(const BoardTask& task) const;
    // The positions by group, in the groups' order, each keeping the order
    // given; empty groups left out.
    std::vector<std::pair<TaskGroup, std::vector<std::size_t>>> Group(
        const std::vector<std::size_t>& positions) const;

    // Names for display: the plan's unit, the lead unit and person (linked
    // record's name or the text as written).
    std::string UnitCode(std::int64_t unitId) const;
    std::string UnitName(std::int64_t unitId) const;
    std::string LeadUnit(const BoardTask& task) const;
    std::string LeadPerson(const BoardTask& task) const;
    // The leads of the tasks, as choices of the filter: ("unit:ID" or
    // "person:ID", name), people then units, each by Vietnamese collation.
    std::vector<std::pair<std::string, std::string>> Leads() const;

  private:
    Date asOf_;
    std::vector<BoardTask> tasks_;
    std::map<std::int64_t, std::pair<std::string, std::string>> units_;  // id → code, name
    std::map<std::int64_t, std::string> people_;                         // id → full name
};

// The record the core rules take, from a board row (no coordinators).
TaskRecord ToTaskRecord(const BoardRow& row);

}  // namespace cchc::services
