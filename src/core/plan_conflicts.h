// Edit conflicts on remediation plans (see core/conflict.h): the fields on
// which a user's task, item target or plan header differ from the stored
// one, shown as the user reads them (dates 05/01/2026, percentages 55%,
// statuses and names in words), and the merge of the two once the user
// chose which value of each field to keep. The services list the fields
// when a save is refused (EditConflict); the client merges with the same
// field keys, which are the names of the controls that edit them.
//
// What a quarterly progress update changes on its task (status, percentage,
// result, closing date) is also here (ApplyProgress), so that the update and
// its conflict read the same.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/date.h"
#include "core/records.h"

namespace cchc {

// How a task's leads and coordinators read: the names of the units and
// people they link, else their text (a missing function reads the text).
struct TaskNames {
    std::function<std::string(const TaskRecord&)> leadUnit, leadPerson, coordinators;
};

// Fields of a task, in the order of the plan editor: solution, lead_unit,
// lead_person, coordinators, start, due, due_year, recurring, status,
// percent, outcome.
std::vector<FieldConflict> TaskConflicts(const TaskRecord& mine, const TaskRecord& stored,
                                         const TaskNames& names);
// The stored task with the kept fields of mine (lead_unit and lead_person
// each carry their link and text; due carries the time frame as written,
// timeText). Identity, closing date and version are the stored ones.
TaskRecord MergeTask(const TaskRecord& mine, const TaskRecord& stored, const KeptFields& kept);

// The field of an item's target: target (its text, with its kind and value).
std::vector<FieldConflict> ItemTargetConflicts(const PlanItemRecord& mine,
                                               const PlanItemRecord& stored);
// The stored item with mine's target when kept.
PlanItemRecord MergeItemTarget(const PlanItemRecord& mine, const PlanItemRecord& stored,
                               const KeptFields& kept);

// The plan's document fields: number, issued_on, title, summary,
// place_name, basis, signer_authority, signer_title, signer_name,
// recipients, status.
std::vector<FieldConflict> PlanHeaderConflicts(const PlanRecord& mine, const PlanRecord& stored);
// The stored header with the kept fields of mine (items are mine's).
PlanRecord MergePlanHeader(const PlanRecord& mine, const PlanRecord& stored,
                           const KeptFields& kept);

// The field of a quarter's progress update beyond what it sets on its
// task: note (what was done).
std::vector<FieldConflict> ProgressNoteConflicts(const std::string& mine,
                                                 const std::string& stored);

// The task as a progress update leaves it: its status and percentage (done
// is 100 %), closed on `today` when done or cancelled (reopened otherwise);
// the result written when done, or when cancelled with one given.
TaskRecord ApplyProgress(TaskRecord task, TaskStatus status, int percent,
                         const std::string& outcome, const Date& today);
// Whether a progress update would record nothing: the task keeps its
// status, percentage and result, and no note or document comes with it.
bool RecordsNothing(const TaskRecord& task, TaskStatus status, int percent, const std::string& note,
                    const std::string& outcome, bool document);

}  // namespace cchc
