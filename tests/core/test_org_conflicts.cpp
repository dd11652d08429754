// Tests of core/org_conflicts.h without a database: the merge of a unit and
// of an officer once the user chose per field after a conflict (the fields
// kept from the user's copy, every other one and the version from the
// stored one), yes-or-no fields as the conflict shows them, and the
// reporting window's field.
#include <boost/test/unit_test.hpp>

#include "core/i18n.h"
#include "core/org_conflicts.h"
#include "core/plan_conflicts.h"

using namespace cchc;

namespace {
Unit StoredUnit() {
    Unit u;
    u.id = 4;
    u.code = "XA-A";
    u.name = "Xã An Hòa Mới";
    u.kind = UnitKind::Commune;
    u.parentId = 1;
    u.placeName = "An Hòa";
    u.headerParent = "UBND HUYỆN TÂY SƠN";
    u.sortOrder = 3;
    u.active = true;
    u.version = 7;
    return u;
}

std::vector<std::string> Keys(const std::vector<FieldConflict>& fields) {
    std::vector<std::string> out;
    for (const auto& f : fields) out.push_back(f.field);
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(org_conflicts)

BOOST_AUTO_TEST_CASE(a_unit_merged_keeps_the_fields_chosen_and_the_stored_version) {
    const Unit stored = StoredUnit();
    Unit mine = stored;
    mine.name = "Xã An Hoà";
    mine.placeName = "Thôn An Hòa";
    mine.active = false;
    mine.sortOrder = 9;
    mine.version = 5;
    const Unit merged = MergeUnit(mine, stored, {"place_name", "active"});
    BOOST_TEST(merged.name == "Xã An Hòa Mới");     // taken from the other desk
    BOOST_TEST(merged.placeName == "Thôn An Hòa");  // kept
    BOOST_TEST(!merged.active);                     // kept
    BOOST_TEST(merged.sortOrder == 3);              // its place stays the stored one
    BOOST_TEST(merged.version == 7);
    BOOST_TEST(merged.id == 4);
    // Nothing kept: the stored unit.
    const Unit theirs = MergeUnit(mine, stored, {});
    BOOST_TEST(UnitConflicts(theirs, stored, {}).empty());
    BOOST_TEST(theirs.version == 7);
}

BOOST_AUTO_TEST_CASE(an_officer_merged_keeps_the_fields_chosen_and_the_stored_version) {
    Person stored;
    stored.id = 12;
    stored.code = "CB01";
    stored.fullName = "Nguyễn Văn An";
    stored.unitId = 4;
    stored.phone = "0912345678";
    stored.oneStopDesk = true;
    stored.version = 3;
    Person mine = stored;
    mine.phone = "0987654321";
    mine.email = "an@example.vn";
    mine.unitId = 5;
    mine.oneStopDesk = false;
    mine.version = 2;
    const Person merged = MergePerson(mine, stored, {"email", "one_stop_desk"});
    BOOST_TEST(merged.phone == "0912345678");
    BOOST_TEST(merged.email == "an@example.vn");
    BOOST_TEST(merged.unitId == 4);
    BOOST_TEST(!merged.oneStopDesk);
    BOOST_TEST(merged.version == 3);
    BOOST_TEST(merged.id == 12);
}

BOOST_AUTO_TEST_CASE(yes_or_no_fields_read_as_words) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    const Unit stored = StoredUnit();
    Unit mine = stored;
    mine.active = false;
    const auto fields = UnitConflicts(mine, stored, {});
    BOOST_TEST((Keys(fields) == std::vector<std::string>{"active"}));
    BOOST_TEST(fields[0].mine == "No");
    BOOST_TEST(fields[0].theirs == "Yes");
    BOOST_TEST_REQUIRE(SetLanguage("vi"));
    ConflictFields f;
    f.CompareYesNo("one_stop_desk", "", true, false).CompareYesNo("active", "", true, true);
    const auto vi = f.Take();
    BOOST_REQUIRE(vi.size() == 1u);
    BOOST_TEST(vi[0].mine == "Có");
    BOOST_TEST(vi[0].theirs == "Không");
}

BOOST_AUTO_TEST_CASE(the_reporting_window_and_a_progress_note_conflict_by_their_words) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    BOOST_TEST(WindowKindConflicts(WindowKind::CutOff, WindowKind::CutOff).empty());
    const auto window = WindowKindConflicts(WindowKind::CutOff, WindowKind::Calendar);
    BOOST_REQUIRE(window.size() == 1u);
    BOOST_TEST(window[0].field == "window_kind");
    BOOST_TEST(window[0].theirs == "Calendar months and quarters");
    BOOST_TEST(window[0].mine == WindowKindLabel(WindowKind::CutOff));
    // The edited field, diffed against the window first read, has the same
    // key: a choice made here is kept without a question when the other
    // desk did not choose.
    const EditedFields edited =
        EditedOf(WindowKindConflicts(WindowKind::CutOff, WindowKind::Calendar));
    BOOST_TEST(!NeedsChoice(EditConflict("w", window, 2), edited));
    const auto note = ProgressNoteConflicts("Đã họp", "Đã niêm yết");
    BOOST_REQUIRE(note.size() == 1u);
    BOOST_TEST(note[0].field == "note");
    BOOST_TEST(ProgressNoteConflicts("Đã họp", "Đã họp").empty());
}

BOOST_AUTO_TEST_SUITE_END()
