// Tests of core/conflict.h: only differing fields are listed, and a merge
// takes the user's value exactly for the fields the user kept.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

#include "core/conflict.h"
#include "core/exchange_merge.h"
#include "core/i18n.h"
#include "core/org_conflicts.h"
#include "core/plan_conflicts.h"

using namespace cchc;

namespace {
std::set<std::string> Keys(const EditedFields& edited) {
    std::set<std::string> keys;
    for (const auto& [field, read] : edited) keys.insert(field);
    return keys;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(edit_conflicts)

BOOST_AUTO_TEST_CASE(only_fields_that_differ_are_listed) {
    ConflictFields fields;
    fields.Compare("percent", "Tiến độ", "35%", "55%")
        .Compare("outcome", "Kết quả", "Đã niêm yết", "Đã niêm yết")
        .Compare("note", "Ghi chú", "", "gọi lại");
    auto list = fields.Take();
    BOOST_REQUIRE_EQUAL(list.size(), 2u);
    BOOST_TEST(list[0].field == "percent");
    BOOST_TEST(list[0].mine == "35%");
    BOOST_TEST(list[0].theirs == "55%");
    BOOST_TEST(list[1].field == "note");
}

BOOST_AUTO_TEST_CASE(a_merge_keeps_what_the_user_chose) {
    KeptFields kept{"outcome"};
    BOOST_TEST(Pick(kept, "outcome", std::string("mới"), std::string("cũ")) == "mới");
    BOOST_TEST(Pick(kept, "percent", 35, 55) == 55);
}

BOOST_AUTO_TEST_CASE(the_message_names_the_record_and_carries_the_version) {
    SetLanguage("vi");
    EditConflict e("Nhiệm vụ “Niêm yết TTHC”", {{"percent", "Tiến độ", "35%", "55%"}}, 4);
    BOOST_TEST(std::string(e.what()).find("Nhiệm vụ “Niêm yết TTHC” đã được lưu ở máy khác") == 0);
    BOOST_TEST(e.storedVersion() == 4);
    BOOST_TEST(e.fields().size() == 1u);
}

// Issue 13: A and B read a task at 35 %; A saves 55 %; B edits only the
// result. The percentage is in the conflict but B never touched it: B's
// choice defaults to A's 55 %, and with nothing B edited in the conflict no
// choice is asked at all.
BOOST_AUTO_TEST_CASE(only_fields_the_user_edited_keep_the_users_value_by_default) {
    TaskRecord base;
    base.id = 7;
    base.solution = "Niêm yết thủ tục";
    base.status = TaskStatus::InProgress;
    base.percentDone = 35;
    TaskRecord theirs = base;
    theirs.percentDone = 55;
    TaskRecord mine = base;
    mine.outcome = "Đã niêm yết";

    const EditedFields edited = EditedOf(TaskConflicts(mine, base, {}));
    BOOST_TEST((Keys(edited) == std::set<std::string>{"outcome"}));
    BOOST_TEST((edited.at("outcome") == std::optional<std::string>("")));  // as read
    const EditConflict conflict("the task", TaskConflicts(mine, theirs, {}), 2);
    BOOST_REQUIRE_EQUAL(conflict.fields().size(), 2u);  // percent and outcome
    // Each field changed on one desk only: nothing to ask.
    BOOST_TEST(!NeedsChoice(conflict, edited));
    const KeptFields kept = DefaultKept(conflict, edited);
    BOOST_TEST((kept == KeptFields{"outcome"}));
    const TaskRecord merged = MergeTask(mine, theirs, kept);
    BOOST_TEST(merged.percentDone == 55);
    BOOST_TEST(merged.outcome == "Đã niêm yết");

    // Without an edit here, everything listed is the other desk's.
    const EditConflict onlyTheirs("the task", TaskConflicts(base, theirs, {}), 2);
    BOOST_TEST(!NeedsChoice(onlyTheirs, {}));
    BOOST_TEST(DefaultKept(onlyTheirs, {}).empty());

    // B edits the percentage too: it is B's by default.
    mine.percentDone = 40;
    const EditedFields both = EditedOf(TaskConflicts(mine, base, {}));
    BOOST_TEST((Keys(both) == std::set<std::string>{"percent", "outcome"}));
    const EditConflict again("the task", TaskConflicts(mine, theirs, {}), 2);
    BOOST_TEST(NeedsChoice(again, both));  // 40 here, 55 there, 35 read
    BOOST_TEST((DefaultKept(again, both) == KeptFields{"percent", "outcome"}));
    // Both desks wrote the same value: nothing to ask either.
    mine.percentDone = 55;
    const EditConflict same("the task", TaskConflicts(mine, theirs, {}), 2);
    BOOST_TEST(!NeedsChoice(same, EditedOf(TaskConflicts(mine, base, {}))));
    // A read value not known counts as changed on both desks.
    BOOST_TEST(NeedsChoice(conflict, EditedFields{{"outcome", std::nullopt}}));
}

// Units compare with the same diff in the service and the dialog; without
// names, the parent reads as its id.
BOOST_AUTO_TEST_CASE(unit_and_person_diffs_name_the_fields_that_differ) {
    Unit base;
    base.id = 3;
    base.code = "X01";
    base.name = "Xã A";
    base.parentId = 1;
    Unit mine = base;
    mine.placeName = "Tây Xuân";
    mine.parentId = 2;
    BOOST_TEST((Keys(EditedOf(UnitConflicts(mine, base, nullptr))) ==
                std::set<std::string>{"place_name", "parent"}));
    auto names = UnitConflicts(mine, base, [](std::optional<std::int64_t> id) {
        return id ? "Huyện " + std::to_string(*id) : std::string();
    });
    BOOST_REQUIRE_EQUAL(names.size(), 2u);
    BOOST_TEST(names[0].field == "parent");
    BOOST_TEST(names[0].mine == "Huyện 2");
    Person p;
    p.fullName = "Nguyễn Văn A";
    Person q = p;
    q.phone = "0901";
    BOOST_TEST((Keys(EditedOf(PersonConflicts(q, p, nullptr))) == std::set<std::string>{"phone"}));
}

BOOST_AUTO_TEST_SUITE_END()

// The three-way rule of exchange packages: a field only the commune changed
// is applied ("parallel" when the office changed another field of the row),
// one both changed differently is a conflict, one both set alike is applied
// already, one the commune left alone is not reported.
BOOST_AUTO_TEST_CASE(a_field_changed_at_a_commune_meets_the_offices) {
    using cchc::FieldMerge;
    BOOST_TEST((cchc::MergeField(std::string("35"), std::string("60"), std::string("35")) ==
                FieldMerge::Unchanged));
    BOOST_TEST((cchc::MergeField(std::string("35"), std::string("55"), std::string("55")) ==
                FieldMerge::Same));
    BOOST_TEST((cchc::MergeField(std::string("35"), std::string("35"), std::string("55")) ==
                FieldMerge::Apply));
    BOOST_TEST((cchc::MergeField(std::string("35"), std::string("60"), std::string("55")) ==
                FieldMerge::Conflict));
    const std::optional<std::string> none;
    BOOST_TEST(
        (cchc::MergeField(none, none, std::optional<std::string>("x")) == FieldMerge::Apply));
    BOOST_TEST(std::string(cchc::MergeState(FieldMerge::Apply, false)) == "applied");
    BOOST_TEST(std::string(cchc::MergeState(FieldMerge::Apply, true)) == "parallel");
    BOOST_TEST(std::string(cchc::MergeState(FieldMerge::Same, true)) == "applied");
    BOOST_TEST(std::string(cchc::MergeState(FieldMerge::Conflict, false)) == "conflict");
}
