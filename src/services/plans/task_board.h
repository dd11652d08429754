// The office's remediation tasks as the task board, the chair's view, the
// overview, `cchc tasks` and the reports list them, read from the database
// as they are shown: how many pass a filter, their counts by status, group
// and commune, and windows of rows in any of the board's orders, each one
// query over the task board's table (storage/task_board_repository.h),
// whose rows the program keeps with every change of a task. Nothing reads
// every task: a list of a quarter of a million is counted, then read a
// window at a time. Each task's due date, days overdue and missing
// quarterly updates follow core/task_rules.h as of the board's date.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/records.h"
#include "core/task_rules.h"
#include "storage/database.h"

namespace cchc::storage {
struct TaskBoardQuery;
struct TaskBoardRow;
}  // namespace cchc::storage

namespace cchc::services {

using ::cchc::TaskGroup;
using ::cchc::TaskGroupLabel;

struct TaskFilter {
    std::optional<std::int64_t> unitId;        // the commune whose plan it is
    std::optional<std::int64_t> withinUnitId;  // a unit whose plans, or those under it, it is in
    std::optional<std::int64_t> leadUnitId, leadPersonId;
    std::optional<TaskStatus> status;
    bool openOnly = false;               // not started or in progress
    std::optional<Date> dueFrom, dueTo;  // effective due date in this range
    bool overdue = false;
    std::optional<int> dueWithinDays;  // open and due from asOf to asOf + days
    bool missingUpdate = false;        // a closed quarter without progress update
    std::string text;                  // in the task or criterion, diacritics ignored
    std::optional<TaskGroup> group;    // the chair's view: one group of it
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

// One task as the board lists it.
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

// ... with what names it and where it stands as of the board's date.
struct BoardTask {
    BoardRow row;
    std::string unitCode, unitName;    // the plan's unit
    std::string leadUnit, leadPerson;  // the linked record's name, or the text as written
    std::optional<Date> due;           // nothing for recurring tasks and tasks without time
    int overdueDays = 0;
    int missingUpdates = 0;  // closed quarters without an update
};

// The columns the board sorts by: its own order (commune's code, then due
// date with tasks without one last, then the task), or a column with ties
// in that order. Descending is the exact reverse of ascending.
enum class TaskColumn {
    Board,
    Unit,
    Criterion,
    Task,
    Lead,
    Due,
    Status,
    Percent,
    Overdue,
    Updates
};
struct TaskOrder {
    TaskColumn column = TaskColumn::Board;
    bool ascending = true;
};

class TaskBoard {
  public:
    // The tasks of the plans of the units the account `user` reads
    // (core/access.h): a commune's account its unit's and those under it.
    // Missing updates follow the office's reporting window. AccessDenied for
    // a login that reads nothing.
    TaskBoard(storage::Database& db, Date asOf, const std::string& user);

    Date asOf() const { return asOf_; }
    // How many tasks pass the filter.
    long Count(const TaskFilter& filter);
    // Their counts by status (and overdue).
    TaskCounts Counts(const TaskFilter& filter);
    // ... per unit whose plan it is.
    std::map<std::int64_t, TaskCounts> CountsByUnit(const TaskFilter& filter);
    // ... per kind of plan item: its criterion (with its framework) and the
    // titles of its group and criterion as the plan writes them.
    struct ItemCounts {
        std::int64_t unitId = 0;  // with perUnit
        std::optional<std::int64_t> criterionId, frameworkId;
        std::string groupTitle, criterionTitle;
        TaskCounts counts;
    };
    std::vector<ItemCounts> CountsByItem(const TaskFilter& filter, bool perUnit = false);
    // ... per group of the chair's view, in the groups' order; empty
    // groups left out.
    std::vector<std::pair<TaskGroup, long>> GroupCounts(const TaskFilter& filter);
    // The tasks offset .. offset + limit - 1 of the filtered list in the
    // order. Given the list's total (Count), a window in its second half is
    // read from its end.
    std::vector<BoardTask> Window(const TaskFilter& filter, const TaskOrder& order, long offset,
                                  long limit, long total = -1);
    // Every task of the filtered list in the order, a window at a time.
    void ForEach(const TaskFilter& filter, const TaskOrder& order,
                 const std::function<void(const BoardTask&)>& each);
    std::vector<BoardTask> List(const TaskFilter& filter, const TaskOrder& order = {});
    // Per unit whose plan it is: the tasks that lack a progress update for
    // a closed quarter (units without such tasks left out).
    std::map<std::int64_t, long> MissingUpdatesByUnit();
    // The leads of the tasks that pass the filter, as choices of the
    // filter: ("unit:ID" or "person:ID", name), people then units, each by
    // Vietnamese collation.
    std::vector<std::pair<std::string, std::string>> Leads(const TaskFilter& filter = {});

  private:
    storage::TaskBoardQuery Query(const TaskFilter& filter);
    BoardTask ToTask(storage::TaskBoardRow&& row) const;

    storage::Database& db_;
    Date asOf_;
    WindowKind window_ = WindowKind::Calendar;
    std::optional<Period> lastClosed_;
    // The account's unit when it reads only the units under it.
    std::optional<std::int64_t> scope_;
};

// The record the core rules take, from a board row (no coordinators).
TaskRecord ToTaskRecord(const BoardRow& row);

}  // namespace cchc::services
