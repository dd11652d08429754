// Tests of core/plan_conflicts.h without a database: the fields on which a
// user's task, item target and plan header differ from the stored ones, as
// the user reads them, and the merge once the user chose per field; and how
// a progress update leaves its task.
#include <boost/test/unit_test.hpp>

#include "core/i18n.h"
#include "core/plan_conflicts.h"
#include "printers.h"

using namespace cchc;

namespace {
TaskRecord StoredTask() {
    TaskRecord t;
    t.id = 7;
    t.solution = "Niêm yết công khai thủ tục hành chính";
    t.leadUnitId = 3;
    t.startOn = "2026-01-05";
    t.dueOn = "2026-06-30";
    t.timeText = "Quý II/2026";
    t.status = TaskStatus::InProgress;
    t.percentDone = 55;
    t.outcome = "";
    t.version = 4;
    return t;
}

const FieldConflict* Find(const std::vector<FieldConflict>& fields, const std::string& key) {
    for (const auto& f : fields)
        if (f.field == key) return &f;
    return nullptr;
}

std::vector<std::string> Keys(const std::vector<FieldConflict>& fields) {
    std::vector<std::string> out;
    for (const auto& f : fields) out.push_back(f.field);
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(plan_conflicts)

BOOST_AUTO_TEST_CASE(a_task_lists_the_fields_that_differ_as_the_user_reads_them) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    const TaskRecord stored = StoredTask();
    TaskRecord mine = stored;  // read when the percentage was 35, then a result typed
    mine.version = 3;
    mine.percentDone = 35;
    mine.outcome = "Đã niêm yết đủ 45 thủ tục";
    mine.dueOn = "2026-09-30";
    mine.leadUnitId.reset();
    mine.leadUnitText = "Văn phòng HĐND-UBND";
    TaskNames names;
    names.leadUnit = [](const TaskRecord& t) {
        return t.leadUnitId ? "Unit #" + std::to_string(*t.leadUnitId) : t.leadUnitText;
    };
    const auto fields = TaskConflicts(mine, stored, names);
    BOOST_TEST(
        (Keys(fields) == std::vector<std::string>{"lead_unit", "due", "percent", "outcome"}));
    const FieldConflict* percent = Find(fields, "percent");
    BOOST_REQUIRE(percent);
    BOOST_TEST(percent->label == "Percentage done");
    BOOST_TEST(percent->mine == "35%");
    BOOST_TEST(percent->theirs == "55%");
    const FieldConflict* due = Find(fields, "due");
    BOOST_REQUIRE(due);
    BOOST_TEST(due->mine == "30/09/2026");
    BOOST_TEST(due->theirs == "30/06/2026");
    BOOST_TEST(Find(fields, "lead_unit")->theirs == "Unit #3");
    BOOST_TEST(Find(fields, "outcome")->theirs == "");
    // Nothing differs: nothing listed.
    BOOST_TEST(TaskConflicts(stored, stored, TaskNames{}).empty());
}

BOOST_AUTO_TEST_CASE(a_merged_task_keeps_the_chosen_fields_and_takes_the_rest_stored) {
    const TaskRecord stored = StoredTask();
    TaskRecord mine = stored;
    mine.version = 3;
    mine.percentDone = 35;
    mine.outcome = "Đã niêm yết đủ 45 thủ tục";
    mine.leadUnitId.reset();
    mine.leadUnitText = "Văn phòng HĐND-UBND";
    mine.dueOn = "2026-09-30";
    mine.timeText = "Quý III/2026";
    mine.closedOn = "2026-02-01";

    const TaskRecord merged = MergeTask(mine, stored, {"outcome", "lead_unit"});
    BOOST_TEST(merged.outcome == mine.outcome);
    BOOST_TEST(merged.percentDone == 55);
    BOOST_TEST(!merged.leadUnitId.has_value());  // the link goes with the text
    BOOST_TEST(merged.leadUnitText == "Văn phòng HĐND-UBND");
    BOOST_TEST((merged.dueOn == stored.dueOn));
    BOOST_TEST(merged.timeText == "Quý II/2026");  // the time frame as written goes with the date
    BOOST_TEST(!merged.closedOn.has_value());      // derived by the service, stored's
    BOOST_TEST(merged.version == 4);
    BOOST_TEST(merged.id == 7);

    const TaskRecord allMine = MergeTask(mine, stored, {"percent", "due", "outcome", "lead_unit"});
    BOOST_TEST(allMine.percentDone == 35);
    BOOST_TEST((allMine.dueOn == mine.dueOn));
    BOOST_TEST(allMine.timeText == "Quý III/2026");
    // Nothing kept: the stored task.
    const TaskRecord none = MergeTask(mine, stored, {});
    BOOST_TEST(none.percentDone == 55);
    BOOST_TEST(none.outcome.empty());
    BOOST_TEST((none.leadUnitId == std::optional<std::int64_t>(3)));
}

BOOST_AUTO_TEST_CASE(an_item_target_conflicts_and_merges_with_its_kind_and_value) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    PlanItemRecord stored;
    stored.id = 2;
    stored.heading = "1.3";
    stored.targetText = "100% thủ tục được niêm yết";
    stored.targetKind = "rate";
    stored.targetValue = 1.0;
    stored.baselinePoints = 0.5;
    stored.version = 6;
    PlanItemRecord mine = stored;
    mine.version = 5;
    mine.targetText = "95% thủ tục được niêm yết";
    mine.targetValue = 0.95;
    mine.baselinePoints = 0.25;

    const auto fields = ItemTargetConflicts(mine, stored);
    BOOST_REQUIRE(fields.size() == 1u);
    BOOST_TEST(fields[0].field == "target");
    BOOST_TEST(fields[0].label == "Target");
    BOOST_TEST(fields[0].mine == mine.targetText);
    BOOST_TEST(fields[0].theirs == stored.targetText);

    const PlanItemRecord kept = MergeItemTarget(mine, stored, {"target"});
    BOOST_TEST(kept.targetText == mine.targetText);
    BOOST_TEST((kept.targetValue == std::optional<double>(0.95)));
    BOOST_TEST((kept.baselinePoints == std::optional<double>(0.5)));  // not edited: stored
    BOOST_TEST(kept.version == 6);
    const PlanItemRecord taken = MergeItemTarget(mine, stored, {});
    BOOST_TEST(taken.targetText == stored.targetText);
    BOOST_TEST((taken.targetValue == std::optional<double>(1.0)));
}

BOOST_AUTO_TEST_CASE(a_plan_header_conflicts_field_by_field_and_merges) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    PlanRecord stored;
    stored.id = 1;
    stored.year = 2026;
    stored.number = "05/KH-UBND";
    stored.issuedOn = "2026-01-05";
    stored.title = "KẾ HOẠCH";
    stored.signerName = "Nguyễn Văn A";
    stored.status = "issued";
    stored.version = 9;
    PlanRecord mine = stored;
    mine.version = 8;
    mine.number = "";
    mine.issuedOn = "2026-01-15";
    mine.recipients = "UBND huyện;\nLưu: VT.";
    mine.status = "draft";

    const auto fields = PlanHeaderConflicts(mine, stored);
    BOOST_TEST(
        (Keys(fields) == std::vector<std::string>{"number", "issued_on", "recipients", "status"}));
    BOOST_TEST(Find(fields, "issued_on")->mine == "15/01/2026");
    BOOST_TEST(Find(fields, "issued_on")->theirs == "05/01/2026");
    BOOST_TEST(Find(fields, "issued_on")->label == "Date issued");
    BOOST_TEST(Find(fields, "status")->mine == "Draft");
    BOOST_TEST(Find(fields, "status")->theirs == "Issued");
    BOOST_TEST(Find(fields, "number")->mine == "");

    const PlanRecord merged = MergePlanHeader(mine, stored, {"recipients", "issued_on"});
    BOOST_TEST(merged.number == "05/KH-UBND");
    BOOST_TEST((merged.issuedOn == std::optional<std::string>("2026-01-15")));
    BOOST_TEST(merged.recipients == mine.recipients);
    BOOST_TEST(merged.status == "issued");
    BOOST_TEST(merged.signerName == "Nguyễn Văn A");
    BOOST_TEST(merged.version == 9);
    const PlanRecord numberKept = MergePlanHeader(mine, stored, {"number", "status"});
    BOOST_TEST(numberKept.number.empty());
    BOOST_TEST(numberKept.status == "draft");
    BOOST_TEST((numberKept.issuedOn == stored.issuedOn));
}

BOOST_AUTO_TEST_CASE(a_progress_update_moves_its_task) {
    const Date today = *Date::ParseIso("2026-10-02");
    TaskRecord t = StoredTask();
    t.outcome = "Kết quả trước";

    const TaskRecord done = ApplyProgress(t, TaskStatus::Done, 80, "Hoàn thành", today);
    BOOST_TEST(done.percentDone == 100);
    BOOST_TEST((done.closedOn == std::optional<std::string>("2026-10-02")));
    BOOST_TEST(done.outcome == "Hoàn thành");
    BOOST_TEST(done.version == t.version);

    const TaskRecord cancelled = ApplyProgress(t, TaskStatus::Cancelled, 40, "", today);
    BOOST_TEST(cancelled.percentDone == 40);
    BOOST_TEST(cancelled.outcome == "Kết quả trước");  // none given: kept
    BOOST_TEST(cancelled.closedOn.has_value());

    TaskRecord closed = done;
    const TaskRecord reopened = ApplyProgress(closed, TaskStatus::InProgress, 70, "ignored", today);
    BOOST_TEST(reopened.percentDone == 70);
    BOOST_TEST(!reopened.closedOn.has_value());
    BOOST_TEST(reopened.outcome == "Hoàn thành");  // an open task's result is left alone
}

// A progress update that leaves the task as it is and says nothing
// records nothing; a note, a document, another percentage or status does.
BOOST_AUTO_TEST_CASE(a_progress_update_that_records_nothing) {
    TaskRecord t;
    t.status = TaskStatus::InProgress;
    t.percentDone = 40;
    BOOST_TEST(RecordsNothing(t, TaskStatus::InProgress, 40, "", "", false));
    BOOST_TEST(RecordsNothing(t, TaskStatus::InProgress, 40, "  \n", "", false));
    BOOST_TEST(!RecordsNothing(t, TaskStatus::InProgress, 40, "Đã họp", "", false));
    BOOST_TEST(!RecordsNothing(t, TaskStatus::InProgress, 40, "", "", true));
    BOOST_TEST(!RecordsNothing(t, TaskStatus::InProgress, 55, "", "", false));
    BOOST_TEST(!RecordsNothing(t, TaskStatus::Done, 40, "", "Xong", false));
}

BOOST_AUTO_TEST_SUITE_END()
