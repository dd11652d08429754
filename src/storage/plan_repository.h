// Remediation plans (kế hoạch khắc phục): the plan document, its items per
// criterion, their tasks with coordinators, and the tasks' progress updates.
// Every write of a task or of its progress writes its row of the task
// board too (storage/task_board_repository.h). ForBoard reads every task at
// once into column vectors (for checks of the board against core's rules);
// the rest works on one plan, item or task.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"

namespace soci {
class session;
}

namespace cchc::storage {

// One task as the task board lists it, with what names it.
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
    int version = 0;  // the task's
};

struct ProgressUpdateRecord {
    std::int64_t id = 0, taskId = 0;
    std::string period;  // "2026-Q3"
    std::optional<std::string> reportedOn;
    TaskStatus status = TaskStatus::NotStarted;
    int percentDone = 0;
    std::string note, createdAt, createdBy;
};

class PlanRepository {
  public:
    explicit PlanRepository(soci::session& s) : s_(s) {}
    // Inserts the plan with its items, tasks and coordinators; fills ids (and
    // versions: 1).
    std::int64_t Insert(PlanRecord& plan);
    // Inserts new plans as Insert does, many at once (the demo office): on
    // PostgreSQL, for a connection that may use the tables' sequences (the
    // owner's), their ids are taken from them and every table is written by
    // one COPY (one statement, one firing of the audit's statement trigger,
    // instead of a round trip per row); otherwise one by one.
    void InsertMany(std::vector<PlanRecord>& plans);
    long CountTasks();

    // The remediation plan of the unit for the year answering the framework
    // (or with no framework), if any.
    std::optional<std::int64_t> FindPlan(std::int64_t unitId,
                                         std::optional<std::int64_t> frameworkId, int year,
                                         const std::string& kind);
    // The plan without items (header fields only).
    std::optional<PlanRecord> LoadHeader(std::int64_t planId);
    // The plan with its items, tasks and coordinators, in order.
    std::optional<PlanRecord> Load(std::int64_t planId);
    // Writes the document fields of the plan: number, date, title, summary,
    // place, basis, signer (name, title, authority), recipients and status.
    //
    // The updates of a plan, an item or a task write only when the record
    // still has the version it carries (0: whatever version it has), raise
    // its version, and return false (writing nothing) otherwise or when the
    // record is gone.
    bool UpdateHeader(const PlanRecord& plan, const std::string& user);
    std::int64_t InsertItem(std::int64_t planId, PlanItemRecord& item);
    // Deletes the item with its tasks (their coordinators and updates go
    // with them).
    void DeleteItem(std::int64_t itemId);
    // Progress updates recorded on the item's tasks.
    long CountUpdatesOfItem(std::int64_t itemId);
    bool UpdateItemTarget(const PlanItemRecord& item);
    // The item without its tasks.
    std::optional<PlanItemRecord> LoadItem(std::int64_t itemId);
    std::int64_t InsertTask(std::int64_t itemId, TaskRecord& task, const std::string& user);
    // Writes every field of the task and replaces its coordinators.
    bool UpdateTask(const TaskRecord& task, const std::string& user);
    std::optional<TaskRecord> LoadTask(std::int64_t taskId);
    // The plan a task belongs to (0 when the task does not exist).
    std::int64_t PlanOfTask(std::int64_t taskId);
    // The plan of an item and the unit of a plan; 0 when there is none.
    std::int64_t PlanOfItem(std::int64_t itemId);
    std::int64_t UnitOfPlan(std::int64_t planId);
    void DeleteTask(std::int64_t taskId);

    // Every task of every plan (in no particular order): what the task
    // board's rows are worked out from.
    std::vector<BoardRow> ForBoard();
    // Every plan's tasks with their plan and item, for export: plans by
    // unit and year, items and tasks in order.
    std::vector<PlanRecord> All();

    // A task has one progress update per period (a unique index): the
    // insert of a second one fails.
    std::int64_t InsertUpdate(const ProgressUpdateRecord& update);
    // Many updates at once (the demo office), their ids not read back: one
    // prepared statement on SQLite, one COPY on PostgreSQL.
    void InsertUpdates(const std::vector<ProgressUpdateRecord>& updates);
    // Writes the date reported, status, percentage and note of the update
    // with update.id (its task, period and author stay).
    void RewriteUpdate(const ProgressUpdateRecord& update);
    // The task's update for the period, if any.
    std::optional<ProgressUpdateRecord> UpdateFor(std::int64_t taskId, const std::string& period);
    std::vector<ProgressUpdateRecord> UpdatesOf(std::int64_t taskId);
    // (task id, period) of every progress update.
    std::vector<std::pair<std::int64_t, std::string>> UpdatePeriods();

  private:
    // The task's row, and a progress update, without their row of the task board.
    std::int64_t InsertTaskRow(std::int64_t itemId, TaskRecord& task, const std::string& user);
    std::int64_t InsertUpdateRow(const ProgressUpdateRecord& update);

    soci::session& s_;
};

}  // namespace cchc::storage
