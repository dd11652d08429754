// Two desks on one remediation plan, each with its own connection to the
// database (on SQLite and on PostgreSQL): a task, an item's target, the
// plan's document fields and a quarterly progress update saved from a copy
// read before the other desk saved are refused with the fields that differ
// (EditConflict), nothing written; merged as the user chooses and saved
// against the stored version, both desks' changes are kept.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "core/conflict.h"
#include "core/i18n.h"
#include "core/plan_conflicts.h"
#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/plans/plan_io.h"
#include "services/plans/plans.h"
#include "services/plans/task_board.h"
#include "storage/plan_repository.h"
#include "storage/settings_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {

// Seed 002's plan, and a second desk on the same database.
struct TwoDesks : DbFixture {
    std::unique_ptr<storage::Database> other;
    std::int64_t planId = 0;
    TwoDesks() {
        services::LoadBuiltinCatalogues(Db());
        services::ImportUnits(Db(), DataFile("seed002_units.csv"), "test");
        services::ImportPeople(Db(), DataFile("seed002_people.csv"), "test");
        services::ImportFrameworks(Db(), DataFile("seed002_framework.csv"), "test");
        services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
        planId = storage::PlanRepository(Db().session()).All().at(0).id;
        other = storage::Database::Open(Db().url());
    }
    storage::Database& A() { return Db(); }
    storage::Database& B() { return *other; }
    static const PlanItemRecord& Item(const PlanRecord& p, const std::string& heading) {
        auto it = std::find_if(p.items.begin(), p.items.end(),
                               [&](const auto& i) { return i.heading == heading; });
        BOOST_REQUIRE(it != p.items.end());
        return *it;
    }
};

const FieldConflict* Field(const EditConflict& e, const std::string& key) {
    for (const auto& f : e.fields())
        if (f.field == key) return &f;
    return nullptr;
}

// The conflict a save throws; the test fails when it saves instead.
template <class Save>
std::optional<EditConflict> ConflictOf(Save save) {
    try {
        save();
    } catch (const EditConflict& e) {
        return e;
    }
    BOOST_ERROR("saved over the other desk's change without a conflict");
    return std::nullopt;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_conflicts)

BOOST_FIXTURE_TEST_CASE(a_task_saved_from_an_old_copy_is_refused_then_merged, TwoDesks) {
    services::PlanService deskA(A(), "an"), deskB(B(), "binh");
    const PlanItemRecord item = Item(deskA.Load(planId), "1.3");
    TaskRecord start = item.tasks.at(0);
    start.status = TaskStatus::InProgress;
    start.percentDone = 35;
    const std::int64_t id = deskA.SaveTask(item.id, start).id;

    // Both desks read the task at 35 %.
    TaskRecord copyA = deskA.LoadTask(id), copyB = deskB.LoadTask(id);
    BOOST_TEST(copyB.version == copyA.version);
    copyA.percentDone = 55;
    deskA.SaveTask(item.id, copyA);
    copyB.outcome = "Đã niêm yết đủ 45 thủ tục tại Bộ phận Một cửa";

    auto conflict = ConflictOf([&] { deskB.SaveTask(item.id, copyB); });
    BOOST_REQUIRE(conflict);
    BOOST_TEST(conflict->storedVersion() == copyA.version + 1);
    const FieldConflict* percent = Field(*conflict, "percent");
    BOOST_REQUIRE(percent);
    BOOST_TEST(percent->mine == "35%");
    BOOST_TEST(percent->theirs == "55%");
    BOOST_TEST(percent->label == std::string(tr("Percentage done")));
    const FieldConflict* outcome = Field(*conflict, "outcome");
    BOOST_REQUIRE(outcome);
    BOOST_TEST(outcome->mine == copyB.outcome);
    BOOST_TEST(outcome->theirs == "");
    BOOST_TEST(conflict->fields().size() == 2u);
    // Nothing written: A's percentage stands, B's result is not there yet.
    BOOST_TEST(deskA.LoadTask(id).percentDone == 55);
    BOOST_TEST(deskA.LoadTask(id).outcome.empty());

    // B keeps its result and takes A's percentage.
    TaskRecord merged = MergeTask(copyB, deskB.LoadTask(id), {"outcome"});
    merged.version = conflict->storedVersion();
    deskB.SaveTask(item.id, merged);
    const TaskRecord stored = deskA.LoadTask(id);
    BOOST_TEST(stored.percentDone == 55);
    BOOST_TEST(stored.outcome == copyB.outcome);
    BOOST_TEST(stored.version == conflict->storedVersion() + 1);

    // A's copy is now old in turn.
    copyA.solution += " (sửa)";
    auto again = ConflictOf([&] { deskA.SaveTask(item.id, copyA); });
    BOOST_REQUIRE(again);
    BOOST_TEST((Field(*again, "solution") != nullptr));
    BOOST_TEST((Field(*again, "outcome") != nullptr));
    BOOST_TEST((Field(*again, "percent") == nullptr));
    // A request that read no copy (version 0) applies to the latest.
    TaskRecord latest = deskA.LoadTask(id);
    latest.version = 0;
    latest.percentDone = 60;
    deskA.SaveTask(item.id, latest);
    BOOST_TEST(deskB.LoadTask(id).percentDone == 60);
}

BOOST_FIXTURE_TEST_CASE(an_item_target_saved_from_an_old_copy_is_refused_then_merged, TwoDesks) {
    services::PlanService deskA(A(), "an"), deskB(B(), "binh");
    PlanItemRecord copyA = Item(deskA.Load(planId), "1.3");
    PlanItemRecord copyB = Item(deskB.Load(planId), "1.3");
    const std::string original = copyA.targetText;
    copyA.targetText = "100% thủ tục được niêm yết đúng quy định";
    const PlanItemRecord savedA = deskA.SaveItemTarget(copyA);
    BOOST_TEST(savedA.version == copyA.version + 1);
    // A's change of the target does not stand in the way of a task of the item.
    TaskRecord task = copyB.tasks.at(0);
    task.outcome = "Đã rà soát";
    BOOST_CHECK_NO_THROW(deskB.SaveTask(copyB.id, task));

    copyB.targetText = "95% thủ tục được niêm yết";
    auto conflict = ConflictOf([&] { deskB.SaveItemTarget(copyB); });
    BOOST_REQUIRE(conflict);
    BOOST_REQUIRE(conflict->fields().size() == 1u);
    BOOST_TEST(conflict->fields()[0].field == "target");
    BOOST_TEST(conflict->fields()[0].mine == copyB.targetText);
    BOOST_TEST(conflict->fields()[0].theirs == copyA.targetText);
    BOOST_TEST(conflict->storedVersion() == savedA.version);
    BOOST_TEST(Item(deskA.Load(planId), "1.3").targetText == copyA.targetText);

    // B keeps its own text: saved against the stored version, audited with A's as the old one.
    PlanItemRecord stored = Item(deskB.Load(planId), "1.3");
    PlanItemRecord merged = MergeItemTarget(copyB, stored, {"target"});
    merged.version = conflict->storedVersion();
    const PlanItemRecord savedB = deskB.SaveItemTarget(merged);
    BOOST_TEST(savedB.targetText == copyB.targetText);
    BOOST_TEST(Item(deskA.Load(planId), "1.3").targetText == copyB.targetText);
    auto log = storage::AuditRepository(A().session()).ForRow("plan_items", copyB.id);
    BOOST_TEST(std::any_of(log.begin(), log.end(), [&](const auto& a) {
        return a.field == "target_text" &&
               a.oldValue == std::optional<std::string>(copyA.targetText) &&
               a.newValue == std::optional<std::string>(copyB.targetText);
    }));
    BOOST_TEST(original != copyB.targetText);
}

BOOST_FIXTURE_TEST_CASE(a_plan_header_saved_from_an_old_copy_is_refused_then_merged, TwoDesks) {
    services::PlanService deskA(A(), "an"), deskB(B(), "binh");
    PlanRecord copyA = deskA.Load(planId), copyB = deskB.Load(planId);
    copyA.number = "05/KH-UBND";
    copyA.issuedOn = "2021-01-05";
    copyA.signerName = "Nguyễn Văn A";
    deskA.SaveHeader(copyA);
    copyB.recipients = "- UBND huyện;\n- Lưu: VT.";
    copyB.signerName = "Trần Thị B";

    auto conflict = ConflictOf([&] { deskB.SaveHeader(copyB); });
    BOOST_REQUIRE(conflict);
    BOOST_TEST(conflict->storedVersion() == copyA.version + 1);
    const FieldConflict* issued = Field(*conflict, "issued_on");
    BOOST_REQUIRE(issued);
    BOOST_TEST(issued->mine == "");
    BOOST_TEST(issued->theirs == "05/01/2021");
    BOOST_REQUIRE(Field(*conflict, "number"));
    BOOST_TEST(Field(*conflict, "number")->theirs == "05/KH-UBND");
    BOOST_REQUIRE(Field(*conflict, "signer_name"));
    BOOST_TEST(Field(*conflict, "signer_name")->mine == "Trần Thị B");
    BOOST_TEST((Field(*conflict, "recipients") != nullptr));
    BOOST_TEST((Field(*conflict, "title") == nullptr));
    BOOST_TEST(deskA.Load(planId).recipients != copyB.recipients);

    // B keeps its recipients and its signer, takes A's number and date.
    PlanRecord merged = MergePlanHeader(copyB, deskB.Load(planId), {"recipients", "signer_name"});
    merged.version = conflict->storedVersion();
    deskB.SaveHeader(merged);
    const PlanRecord stored = deskA.Load(planId);
    BOOST_TEST(stored.number == "05/KH-UBND");
    BOOST_TEST((stored.issuedOn == std::optional<std::string>("2021-01-05")));
    BOOST_TEST(stored.recipients == copyB.recipients);
    BOOST_TEST(stored.signerName == "Trần Thị B");
}

BOOST_FIXTURE_TEST_CASE(a_progress_update_on_an_old_copy_is_refused_then_merged, TwoDesks) {
    services::PlanService deskA(A(), "an");
    const PlanItemRecord item = Item(deskA.Load(planId), "1.3");
    TaskRecord start = item.tasks.at(0);
    start.status = TaskStatus::InProgress;
    start.percentDone = 35;
    const std::int64_t id = deskA.SaveTask(item.id, start).id;

    // Both desks list the task on their board at 35 %.
    auto rowOf = [id](storage::Database& db) {
        for (const auto& t : services::TaskBoard(db, Date::Today(), "").List({}))
            if (t.row.taskId == id) return t.row;
        BOOST_FAIL("the task is not on the board");
        return services::BoardRow{};
    };
    const services::BoardRow rowA = rowOf(A()), rowB = rowOf(B());
    BOOST_TEST(rowB.percentDone == 35);
    services::ProgressInput a;
    a.taskId = id;
    a.period = "2021-Q2";
    a.status = TaskStatus::InProgress;
    a.percent = 55;
    a.note = "Đã niêm yết 30 thủ tục";
    a.taskVersion = rowA.version;
    services::AddProgressUpdate(A(), a, "an");

    services::ProgressInput b = a;
    b.percent = rowB.percentDone;
    b.status = TaskStatus::Cancelled;
    b.note = "Chuyển sang kế hoạch năm sau";
    b.outcome = "Gộp vào nhiệm vụ 1.4";
    b.taskVersion = rowB.version;
    auto conflict = ConflictOf([&] { services::AddProgressUpdate(B(), b, "binh"); });
    BOOST_REQUIRE(conflict);
    const FieldConflict* percent = Field(*conflict, "percent");
    BOOST_REQUIRE(percent);
    BOOST_TEST(percent->mine == "35%");
    BOOST_TEST(percent->theirs == "55%");
    BOOST_TEST((Field(*conflict, "status") != nullptr));
    BOOST_TEST((Field(*conflict, "outcome") != nullptr));
    BOOST_TEST((Field(*conflict, "solution") == nullptr));
    // Nothing recorded for B.
    BOOST_TEST(storage::PlanRepository(A().session()).UpdatesOf(id).size() == 1u);
    BOOST_TEST((services::PlanService(A(), "an").LoadTask(id).status == TaskStatus::InProgress));

    // B keeps its status and result, takes A's percentage (and A's note:
    // the quarter has one update, A's, which B's save edits).
    const TaskRecord stored = services::PlanService(B(), "binh").LoadTask(id);
    const auto reported = services::QuarterUpdate(B(), id, "2021-Q2");
    BOOST_REQUIRE(reported);
    b = services::MergeProgress(b, stored, reported, {"status", "outcome"});
    BOOST_TEST(b.percent == 55);
    BOOST_TEST(b.outcome == "Gộp vào nhiệm vụ 1.4");
    BOOST_TEST(b.note == a.note);
    BOOST_TEST(b.updateId == reported->id);
    b.taskVersion = conflict->storedVersion();
    services::AddProgressUpdate(B(), b, "binh");
    const TaskRecord after = services::PlanService(A(), "an").LoadTask(id);
    BOOST_TEST(after.percentDone == 55);
    BOOST_TEST((after.status == TaskStatus::Cancelled));
    BOOST_TEST(after.outcome == "Gộp vào nhiệm vụ 1.4");
    BOOST_TEST(storage::PlanRepository(A().session()).UpdatesOf(id).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(plan_conflicts)

// Issue 13: two desks report the same task's same quarter. The task keeps
// one update per quarter: the second desk, which did not see the first
// one's, is refused with that update's values beside its own, and its save
// after choosing edits that update (no second one is added).
BOOST_FIXTURE_TEST_CASE(two_desks_reporting_the_same_quarter_make_one_update, TwoDesks) {
    services::PlanService deskA(A(), "an");
    const PlanItemRecord item = Item(deskA.Load(planId), "1.3");
    const std::int64_t id = item.tasks.at(0).id;
    const int read = deskA.LoadTask(id).version;
    BOOST_TEST(!services::QuarterUpdate(B(), id, "2021-Q3"));

    services::ProgressInput a;
    a.taskId = id;
    a.period = "2021-Q3";
    a.status = TaskStatus::InProgress;
    a.percent = 60;
    a.note = "Đã niêm yết 30 thủ tục";
    a.taskVersion = read;
    const std::int64_t first = services::AddProgressUpdate(A(), a, "an");

    // B wrote its own report of the quarter on the copy it read before.
    services::ProgressInput b = a;
    b.percent = 40;
    b.note = "Đang rà soát danh mục";
    auto conflict = ConflictOf([&] { services::AddProgressUpdate(B(), b, "binh"); });
    BOOST_REQUIRE(conflict);
    const FieldConflict* note = Field(*conflict, "note");
    BOOST_REQUIRE(note);
    BOOST_TEST(note->mine == "Đang rà soát danh mục");
    BOOST_TEST(note->theirs == "Đã niêm yết 30 thủ tục");
    BOOST_REQUIRE(Field(*conflict, "percent"));
    BOOST_TEST(Field(*conflict, "percent")->theirs == "60%");
    BOOST_TEST(storage::PlanRepository(A().session()).UpdatesOf(id).size() == 1u);

    // Even with the task as stored, a report of a quarter made without
    // seeing the one stored is refused.
    b.taskVersion = conflict->storedVersion();
    auto unseen = ConflictOf([&] { services::AddProgressUpdate(B(), b, "binh"); });
    BOOST_REQUIRE(unseen);
    BOOST_TEST(Field(*unseen, "note"));

    // B keeps its note, takes A's percentage: A's update is edited.
    const auto reported = services::QuarterUpdate(B(), id, "2021-Q3");
    BOOST_REQUIRE(reported);
    BOOST_TEST(reported->id == first);
    BOOST_TEST(reported->note == a.note);
    BOOST_TEST(reported->reportedBy == "an");
    b = services::MergeProgress(b, services::PlanService(B(), "binh").LoadTask(id), reported,
                                {"note"});
    BOOST_TEST(b.percent == 60);
    BOOST_TEST(b.updateId == first);
    BOOST_TEST(services::AddProgressUpdate(B(), b, "binh") == first);
    const auto updates = storage::PlanRepository(A().session()).UpdatesOf(id);
    BOOST_REQUIRE(updates.size() == 1u);
    BOOST_TEST(updates[0].note == "Đang rà soát danh mục");
    BOOST_TEST(updates[0].percentDone == 60);
    BOOST_TEST(deskA.LoadTask(id).percentDone == 60);
    // The note changed is audited with its old and new value.
    const auto log = storage::AuditRepository(A().session()).ForRow("progress_updates", first);
    BOOST_TEST(std::any_of(log.begin(), log.end(), [&](const storage::AuditEntry& e) {
        return e.field == "note" && e.oldValue == a.note && e.newValue == b.note &&
               e.user == "binh";
    }));
    // Another quarter is another update.
    services::ProgressInput next = a;
    next.period = "2021-Q4";
    next.taskVersion = deskA.LoadTask(id).version;
    BOOST_TEST(services::AddProgressUpdate(A(), next, "an") != first);
    BOOST_TEST(storage::PlanRepository(A().session()).UpdatesOf(id).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
