// The programme areas of the quarterly report: which area a text names
// (case and diacritics ignored, the first area that fits), the field a
// criterion lies in, what names a plan item's area, and the points lost
// per area.
#include <boost/test/unit_test.hpp>

#include "core/programme_areas.h"

using namespace cchc;

namespace {

std::vector<ProgrammeArea> Areas() {
    return {{"direction", {"chỉ đạo, điều hành"}},
            {"institutions", {"thể chế", "văn bản quy phạm pháp luật"}},
            {"procedures", {"thủ tục hành chính", "một cửa"}},
            {"digital", {"điện tử", "chính quyền số"}}};
}

Criterion Node(std::int64_t id, std::optional<std::int64_t> parent, std::string code,
               std::string title) {
    Criterion c;
    c.id = id;
    c.parentId = parent;
    c.code = std::move(code);
    c.title = std::move(title);
    return c;
}

Framework Index() {
    Framework fw;
    fw.criteria = {Node(1, std::nullopt, "1", "Công tác chỉ đạo, điều hành cải cách hành chính"),
                   Node(2, 1, "1.1", "Kế hoạch CCHC"),
                   Node(3, std::nullopt, "3", "Cải cách thủ tục hành chính, một cửa"),
                   Node(4, 3, "3.2", "Giải quyết hồ sơ"),
                   Node(5, 4, "3.2.1", "Tỷ lệ hồ sơ đúng hạn"),
                   Node(6, std::nullopt, "8", "Mức độ hài lòng")};
    return fw;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(programme_areas)

BOOST_AUTO_TEST_CASE(a_text_names_the_first_area_whose_words_it_holds) {
    const auto areas = Areas();
    BOOST_TEST(*AreaOf("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", areas) == 2u);
    BOOST_TEST(*AreaOf("cai cach the che", areas) == 1u);  // typed without diacritics
    BOOST_TEST(*AreaOf("Xây dựng văn bản quy phạm pháp luật", areas) == 1u);
    BOOST_TEST(*AreaOf("Chính quyền điện tử, chính quyền số", areas) == 3u);
    BOOST_TEST(!AreaOf("Mức độ hài lòng", areas).has_value());
    BOOST_TEST(!AreaOf("", areas).has_value());
}

BOOST_AUTO_TEST_CASE(a_criterion_lies_in_the_field_at_the_root_of_its_tree) {
    const Framework fw = Index();
    BOOST_TEST(RootCriterion(fw, 5)->code == "3");
    BOOST_TEST(RootCriterion(fw, 3)->code == "3");
    BOOST_TEST(RootCriterionByCode(fw, "1.1")->code == "1");
    BOOST_TEST(RootCriterion(fw, 99) == nullptr);
    BOOST_TEST(RootCriterionByCode(fw, "9.9") == nullptr);
    // A loop in a damaged tree ends, with no root.
    Framework loop = fw;
    loop.criteria[0].parentId = 2;
    BOOST_TEST(RootCriterion(loop, 2) == nullptr);
}

BOOST_AUTO_TEST_CASE(an_item_is_named_by_its_field_else_by_the_plans_own_titles) {
    const Framework fw = Index();
    BOOST_TEST(AreaText(&fw, 5, "I. Nhóm khác", "x") == "Cải cách thủ tục hành chính, một cửa");
    BOOST_TEST(AreaText(nullptr, std::nullopt, "II. CẢI CÁCH THỂ CHẾ", "2.1") ==
               "II. CẢI CÁCH THỂ CHẾ");
    BOOST_TEST(AreaText(&fw, std::nullopt, "", "Chính quyền số") == "Chính quyền số");
}

BOOST_AUTO_TEST_CASE(points_lost_add_up_per_area_with_the_worst_criterion) {
    const Framework fw = Index();
    const std::vector<PointsLost> unit = {{"3.2.1", "Tỷ lệ hồ sơ đúng hạn", 4, 1, 3},
                                          {"1.1", "Kế hoạch CCHC", 2, 1, 1},
                                          {"8", "Mức độ hài lòng", 5, 4.5, 0.5}};
    const auto byArea = LossesByArea(fw, unit, Areas());
    BOOST_REQUIRE(byArea.size() == 4u);
    BOOST_TEST(byArea[0].lost == 1.0);
    BOOST_TEST(byArea[0].worstCode == "1.1");
    BOOST_TEST(byArea[2].lost == 3.0);
    BOOST_TEST(byArea[2].worstTitle == "Tỷ lệ hồ sơ đúng hạn");
    BOOST_TEST(byArea[1].lost == 0.0);
    BOOST_TEST(byArea[1].worstCode.empty());

    std::vector<CriterionLosses> office(2);
    office[0] = {"3.2.1", "Tỷ lệ hồ sơ đúng hạn", 4, 12, 20.5, 20.5 / 12};
    office[1] = {"1.1", "Kế hoạch CCHC", 2, 3, 3, 1};
    const auto summed = LossesByArea(fw, office, Areas());
    BOOST_TEST(summed[2].lost == 20.5);
    BOOST_TEST(summed[2].worstUnits == 12);
    BOOST_TEST(summed[0].worstUnits == 3);
}

BOOST_AUTO_TEST_SUITE_END()
