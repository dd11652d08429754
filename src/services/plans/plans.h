// Use cases on remediation plans beyond files: a draft plan made from a
// unit's weak criteria, and quarterly progress updates on tasks (which also
// move the task's status and percentage; closing a task asks what changed).
//
// Two desks on one plan: a task, an item or a plan header is saved against
// the version it was read with (TaskRecord::version, PlanItemRecord::version,
// PlanRecord::version, ProgressInput::taskVersion). When another desk saved
// it since, nothing is written and EditConflict lists the fields on which
// this save and the stored record differ (core/plan_conflicts.h), with the
// stored version: the client merges (MergeTask, MergeItemTarget,
// MergePlanHeader) and saves again against that version. A request with
// version 0 was made without reading a copy (a file's import reads the
// record in its own transaction; the command line) and applies to the
// latest. A task has one progress update per quarter, which moves the
// task's status, percentage and result: an update is saved against the
// task's version and against the quarter's update the user saw (none, or
// the one it edits), since every update writes its task.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/framework.h"
#include "core/records.h"
#include "services/results/result_sheet.h"
#include "storage/database.h"

namespace cchc::services {

struct DraftPlanResult {
    std::int64_t planId = 0;
    int year = 0;                       // the plan's year: the one after the period's
    bool created = false;               // false: items were added to the unit's plan of that year
    std::vector<PlanItemRecord> items;  // the items added
};

// One item per applicable criterion where the unit's appraised points are
// below `belowPercent` % of the maximum in the period, with a target to win
// the lost points back, in the unit's draft remediation plan for the next
// year (created, or completed with the criteria it lacks). UserError for an
// unknown unit or framework, a malformed period, or a unit without results.
DraftPlanResult DraftPlan(storage::Database& db, const std::string& unitCode,
                          const std::string& frameworkCode, const std::string& period,
                          double belowPercent, const std::string& user);
// What DraftPlan would do, stored nothing: the year, the plan it would
// complete (planId, created false) or create, and the items it would add
// (ids 0). The same errors.
DraftPlanResult PreviewDraftPlan(storage::Database& db, const std::string& unitCode,
                                 const std::string& frameworkCode, const std::string& period,
                                 double belowPercent, const std::string& user);

struct ProgressInput {
    std::int64_t taskId = 0;
    std::string period;  // the quarter reported on: "2026-Q3"
    TaskStatus status = TaskStatus::InProgress;
    int percent = 0;
    std::string note;
    std::string outcome;  // what changed: required when the task is closed as done
    std::optional<EvidenceInput> evidence;
    int taskVersion = 0;  // the task's version as read (BoardRow::version); 0: the latest
    // The quarter's update as the user saw it (QuarterUpdate), which this
    // one replaces; 0: the user saw none.
    std::int64_t updateId = 0;
};

// A task's progress update of one quarter, as the progress dialog shows it.
struct ProgressUpdate {
    std::int64_t id = 0;
    std::string period;      // "2026-Q3"
    std::string reportedOn;  // ISO date
    std::string reportedBy;  // who first reported it
    TaskStatus status = TaskStatus::InProgress;
    int percent = 0;
    std::string note;
};

// Records the quarter's update (a new one, or the one the user saw,
// rewritten; each changed value audited) and moves the task to its status
// and percentage (done sets 100 % and the closing date); returns the
// update's id. UserError (field period, percent, outcome or the
// evidence's) for a malformed quarter, a percentage outside 0..100, or a
// task closed as done without saying what changed. EditConflict (status,
// percent, outcome, and note beside that of the quarter's update) when the
// task was saved since taskVersion, or the quarter has an update other than
// updateId (another desk reported it meanwhile); nothing is recorded then.
std::int64_t AddProgressUpdate(storage::Database& db, const ProgressInput& input,
                               const std::string& user);
// The task's update of the quarter, if it has one.
std::optional<ProgressUpdate> QuarterUpdate(storage::Database& db, std::int64_t taskId,
                                            const std::string& period);
// The update once the user chose per field after an EditConflict: the
// status, percentage and result of the stored task where not kept (as the
// update would leave it, ApplyProgress), the stored task's version, and
// the quarter's update as stored (`reported`, QuarterUpdate) to replace,
// with its note where the user's is not kept.
ProgressInput MergeProgress(ProgressInput mine, const TaskRecord& stored,
                            const std::optional<ProgressUpdate>& reported, const KeptFields& kept);

// What the plan editor changes: the plan's tasks and items. Every change is
// one transaction with one audit row per changed field.
class PlanService {
  public:
    PlanService(storage::Database& db, std::string user);

    // The plan with its items, tasks and coordinators. UserError when gone,
    // AccessDenied when the plan's unit is not one the account reads (a
    // commune's account reads its unit and those under it); LoadTask too.
    PlanRecord Load(std::int64_t planId);
    // The plan a task belongs to (0 when the task does not exist).
    std::int64_t PlanOfTask(std::int64_t taskId);

    // Adds (task.id == 0) or changes a task of the item. Leads and
    // coordinators given as text are linked to the unit or person they name.
    // UserError (field solution, due, percent) for an empty task, a due date
    // before the start or a percentage outside 0..100; EditConflict when the
    // task was saved since task.version. Returns it as stored.
    TaskRecord SaveTask(std::int64_t itemId, TaskRecord task);
    // The task as stored, with its version. UserError when gone.
    TaskRecord LoadTask(std::int64_t taskId);
    // Deletes a task that has no progress update (refused otherwise: cancel it).
    void DeleteTask(std::int64_t taskId);
    // Changes an item's target (text, kind and values); EditConflict when
    // the item was saved since item.version. Returns it as stored.
    PlanItemRecord SaveItemTarget(const PlanItemRecord& item);

    // Writes the plan's document fields: number, date, title, summary,
    // place, legal basis, signer (authority, title, name), recipients and
    // status; one audit row per changed field. UserError (field issued_on,
    // status, title) for a malformed date, an unknown status or an empty
    // title; EditConflict when the plan was saved since header.version.
    void SaveHeader(const PlanRecord& header);
    // The scored criteria of the plan's framework (not their groups), in
    // the framework's order, that have no item in the plan yet; none for a
    // plan without framework.
    std::vector<Criterion> CriteriaWithoutItem(const PlanRecord& plan);
    // Adds an item at the end of the plan: for a criterion of its framework
    // (heading, title and field taken from it), or with criterionId 0 a free
    // item with the heading and title given. UserError (field heading) when
    // the criterion already has an item, is not of the plan's framework, or
    // the free item has no title.
    PlanItemRecord AddItem(std::int64_t planId, std::int64_t criterionId,
                           const std::string& heading, const std::string& title);
    // Deletes an item with its tasks. Refused once progress has been
    // reported on one of its tasks (cancel them instead).
    void DeleteItem(std::int64_t itemId);

    // Whether the plan worked: for each item tied to a criterion, the unit's
    // appraised points on it before the plan (the item's baseline, else the
    // year before the plan's) and in the plan's year, when appraised.
    struct ItemEffect {
        std::optional<double> before, after;
        double max = 0;
        int beforeYear = 0, afterYear = 0;
        bool Known() const { return before.has_value() && after.has_value(); }
        bool Improved() const { return Known() && *after > *before + 1e-9; }
    };
    std::map<std::int64_t, ItemEffect> Effects(const PlanRecord& plan);

  private:
    storage::Database& db_;
    std::string user_;
};

}  // namespace cchc::services
