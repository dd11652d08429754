// Tests of core/conflict.h: only differing fields are listed, and a merge
// takes the user's value exactly for the fields the user kept.
#include <boost/test/unit_test.hpp>

#include "core/conflict.h"
#include "core/i18n.h"

using namespace cchc;

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

BOOST_AUTO_TEST_SUITE_END()
