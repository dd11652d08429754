// Records of the office's yearly and quarterly work as they are stored:
// index results, remediation plans with items and tasks, survey tallies and
// individual ratings. Rules over them (scoring, overdue, coverage) live in
// their own core modules.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cchc {

struct ResultRecord {
    std::int64_t id = 0;
    std::int64_t unitId = 0;
    std::int64_t criterionId = 0;
    std::string period;  // "2025", "2026-Q3", ...
    std::optional<double> selfScore, appraisedScore, numerator, denominator;
    std::string note;
    std::string status = "draft";  // draft, submitted, appraised
    std::string source = "manual";
    int version = 1;  // row version read from storage, for optimistic locking
};

struct TaskCoordinator {
    std::optional<std::int64_t> unitId, personId;
    std::string text;  // as written when not a known unit or person
};

enum class TaskStatus { NotStarted, InProgress, Done, Cancelled };
const char* TaskStatusKey(TaskStatus s);
std::optional<TaskStatus> TaskStatusFromKey(const std::string& key);
std::string TaskStatusLabel(TaskStatus s);  // translated: "Đang thực hiện"

struct TaskRecord {
    std::int64_t id = 0;
    std::string solution;
    std::optional<std::int64_t> leadUnitId, leadPersonId;
    std::string leadUnitText, leadPersonText;
    std::optional<std::string> startOn, dueOn;  // ISO dates
    std::optional<int> dueYear;                 // "Trong năm 2021"
    bool recurring = false;                     // "... và những năm tiếp theo"
    std::string timeText;                       // time frame as written
    TaskStatus status = TaskStatus::NotStarted;
    int percentDone = 0;
    std::string outcome;
    std::optional<std::string> closedOn;
    std::vector<TaskCoordinator> coordinators;
    // The version read with the task (raised by every save): a save refuses
    // a task changed since (EditConflict). 0: none read; the save applies
    // to the latest.
    int version = 0;
};

struct PlanItemRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> criterionId;
    std::string groupLabel, groupTitle;  // "2", "Chỉ số SIPAS"
    std::string heading;                 // "1.3"
    std::string criterionTitle;
    std::string targetText;
    std::string targetKind = "text";  // rate, count, points, text
    std::optional<double> targetValue, baselineValue, baselinePoints;
    std::vector<TaskRecord> tasks;
    int version = 0;  // as TaskRecord::version (raised by a change of the target)
};

struct PlanRecord {
    std::int64_t id = 0;
    std::int64_t unitId = 0;
    std::optional<std::int64_t> frameworkId;
    std::string kind = "remediation";
    int year = 0;
    std::string number;  // "05/KH-UBND"
    std::optional<std::string> issuedOn;
    std::string title, summary, placeName, basis, purpose, requirements, organisation;
    std::string signerName, signerTitle, signerAuthority, recipients;
    std::string status = "draft";
    std::vector<PlanItemRecord> items;
    int version = 0;  // as TaskRecord::version (raised by a change of the document fields)
};

struct TallyRecord {
    std::int64_t unitId = 0;
    std::string period;  // month "2026-09"
    std::int64_t fieldId = 0;
    std::int64_t scaleId = 0;
    int settled = 0, responses = 0;
    int level5 = 0, level4 = 0, level3 = 0, level2 = 0, level1 = 0;
    std::string source = "manual";
    int version = 0;  // as read (ignored by the writes)
};

struct RatingRecord {
    std::string ratedAt;  // "2026-03-05T09:41:00"
    std::int64_t unitId = 0, officerId = 0;
    std::string procedure, channel, citizen;
    std::optional<int> attitude, handling, guidance;
};

}  // namespace cchc
