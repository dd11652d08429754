// The task board over the database (table task_board, migration 0013): one
// row per task with what the board filters, sorts and counts it by, worked
// out with core's rules whenever the task, its progress, its unit or its
// lead changes (TaskBoardWriter, called by the repositories that write
// them), and the board's queries over it (TaskBoardRepository): how many
// tasks pass a filter, counts by status, group and unit, the leads, and a
// window of rows in any of the board's orders, each one query that its
// indexes answer, on SQLite and PostgreSQL alike. Nothing here reads every
// task, except TaskBoardWriter::All (after the migration).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/records.h"

namespace soci {
class session;
}

namespace cchc::storage {

// Writes the task board's rows of the tasks a change touched, from what is
// stored (call it after the change, in its transaction); nothing on a
// database whose schema predates the table (13).
class TaskBoardWriter {
  public:
    explicit TaskBoardWriter(soci::session& s) : s_(s) {}
    void ForTask(std::int64_t taskId);
    // Every task of the plan.
    void ForPlan(std::int64_t planId);
    // The tasks of the unit's plans and those it leads (its code or name changed).
    void ForUnit(std::int64_t unitId);
    // The tasks the person leads (its name changed).
    void ForPerson(std::int64_t personId);
    // These tasks (in any order, repeated or not): by ranges of ids when
    // they lie close together, as many updates written at once do.
    void ForTasks(std::vector<std::int64_t> taskIds);
    // Every task, a batch at a time.
    void All();

  private:
    soci::session& s_;
};

// While it lasts, the task board's rows of this session's changes are not
// written; Release() writes every task's row once (the demo office writes
// each task several times: its plan, its progress, its leads). Without
// Release() (an exception: the transaction is being rolled back) nothing is
// written. Within the caller's transaction.
class TaskBoardHold {
  public:
    explicit TaskBoardHold(soci::session& s);
    ~TaskBoardHold();
    TaskBoardHold(const TaskBoardHold&) = delete;
    TaskBoardHold& operator=(const TaskBoardHold&) = delete;
    void Release();

  private:
    soci::session& s_;
    bool released_ = false;
};

// A filter as the database applies it; every condition set must hold.
struct TaskBoardQuery {
    std::optional<std::int64_t> unitId;      // the plan's unit
    std::optional<std::int64_t> withinUnit;  // the plan's unit is this one or under it
    std::optional<std::int64_t> leadUnitId, leadPersonId;
    std::optional<int> status;  // 0 not started .. 3 cancelled
    bool openOnly = false;      // not started or in progress
    // A due date (DueDate) from .. to, both included (ISO days; either may
    // be left open).
    std::optional<std::string> dueFrom, dueTo;
    bool dueRange = false;  // the two above are a condition
    // Open and due before this day (overdue as of it).
    std::optional<std::string> openDueBefore;
    // Open and due from .. to (due within some days).
    std::optional<std::pair<std::string, std::string>> openDueBetween;
    bool nothing = false;  // matches no task
    // A quarter up to this one (QuarterNumber) lacks its update.
    std::optional<int> missingBy;
    bool cutOff = false;  // the reporting window of missingBy and of the order by updates
    // The search key contains this (SearchKey of what was typed).
    std::string contains;
    // The chair's view: tasks of one group (TaskGroup's number) as of
    // groupDay (ISO), whose month ends on groupMonthEnd.
    std::optional<int> group;
    std::string groupDay, groupMonthEnd;
};

// The board's orders: its own (commune's code, due date, task), or by a
// column, ties in the board's own order; descending is the exact reverse.
enum class TaskBoardSort {
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
struct TaskBoardOrder {
    TaskBoardSort by = TaskBoardSort::Board;
    bool ascending = true;
    std::string asOf;     // Overdue: the as-of day (ISO)
    int lastClosed = -1;  // Updates: the last closed quarter (QuarterNumber)
};

// One row of a window: the task with what names it, and its quarters of
// the query's reporting window (core UpdateSpan).
struct TaskBoardRow {
    std::int64_t taskId = 0, itemId = 0, planId = 0, unitId = 0;
    int planYear = 0;
    std::string criterion, solution;
    std::optional<std::int64_t> leadUnitId, leadPersonId;
    std::string leadUnitText, leadPersonText;
    std::optional<std::string> startOn, dueOn, closedOn;
    std::optional<int> dueYear;
    bool recurring = false;
    TaskStatus status = TaskStatus::NotStarted;
    int percentDone = 0;
    int version = 0;
    std::string unitCode, unitName;
    std::string leadUnit, leadPerson;  // as shown: the linked record's name, or the text
    std::optional<int> firstQuarter, lastQuarter, firstMissing;
    std::string updated;
};

// Counts of one status: its tasks, and the overdue tasks of the list (told
// with the first status only; summed, they are the list's).
struct TaskBoardCount {
    int status = 0;
    long tasks = 0, overdue = 0;
};

// The counts of the tasks of one kind of plan item: its criterion (and the
// criterion's framework) where it has one, its group's and criterion's
// titles as the plan writes them.
struct TaskItemCount {
    std::int64_t unitId = 0;  // the plan's unit, when counted per unit
    std::optional<std::int64_t> criterionId, frameworkId;
    std::string groupTitle, criterionTitle;
    std::vector<TaskBoardCount> counts;
};

class TaskBoardRepository {
  public:
    explicit TaskBoardRepository(soci::session& s) : s_(s) {}
    long Count(const TaskBoardQuery& q);
    // Per status; overdue as of asOf (ISO).
    std::vector<TaskBoardCount> CountByStatus(const TaskBoardQuery& q, const std::string& asOf);
    // Per unit and status.
    std::map<std::int64_t, std::vector<TaskBoardCount>> CountByUnit(const TaskBoardQuery& q,
                                                                    const std::string& asOf);
    // Per criterion and titles of their plan items (and per unit).
    std::vector<TaskItemCount> CountByItem(const TaskBoardQuery& q, const std::string& asOf,
                                           bool perUnit = false);
    // Per group of the chair's view (TaskGroup's number) as of day, whose
    // month ends on monthEnd; empty groups left out.
    std::vector<std::pair<int, long>> CountByGroup(const TaskBoardQuery& q, const std::string& day,
                                                   const std::string& monthEnd);
    // The rows offset .. offset + limit - 1 in the order; given the total
    // (Count), a window in the second half is read from the end.
    std::vector<TaskBoardRow> Window(const TaskBoardQuery& q, const TaskBoardOrder& order,
                                     long offset, long limit, long total = -1);
    // The leads of the tasks: (id, name) of the people, and of the units.
    std::vector<std::pair<std::int64_t, std::string>> LeadPeople(const TaskBoardQuery& q);
    std::vector<std::pair<std::int64_t, std::string>> LeadUnits(const TaskBoardQuery& q);
    // Tasks of the query per unit (those missing an update, with missingBy).
    std::map<std::int64_t, long> CountPerUnit(const TaskBoardQuery& q);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
