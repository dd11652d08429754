// Tests of core/lineage: shares as files write them, cycles and former units
// given away more than whole, which links bridge two periods, and the
// predecessors' combined percent.
#include <boost/test/unit_test.hpp>

#include "core/lineage.h"

using namespace cchc;
namespace tt = boost::test_tools;

namespace {
LineageLink Link(std::int64_t unit, std::int64_t predecessor, double share = 1,
                 Date on = Date{2025, 7, 1}) {
    LineageLink l;
    l.unitId = unit;
    l.predecessorId = predecessor;
    l.share = share;
    l.formedOn = on;
    return l;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(lineage)

BOOST_AUTO_TEST_CASE(shares_are_ratios_or_percentages_of_the_former_unit) {
    BOOST_TEST(*ParseShare("") == 1.0);
    BOOST_TEST(*ParseShare("  ") == 1.0);
    BOOST_TEST(*ParseShare("0.4") == 0.4, tt::tolerance(1e-12));
    BOOST_TEST(*ParseShare("0,4") == 0.4, tt::tolerance(1e-12));
    BOOST_TEST(*ParseShare("40%") == 0.4, tt::tolerance(1e-12));
    BOOST_TEST(*ParseShare("100%") == 1.0);
    BOOST_TEST(*ParseShare("1") == 1.0);
    BOOST_TEST(!ParseShare("0"));
    BOOST_TEST(!ParseShare("40"));  // neither a ratio nor written as a percentage
    BOOST_TEST(!ParseShare("1,5"));
    BOOST_TEST(!ParseShare("120%"));
    BOOST_TEST(!ParseShare("-0.2"));
    BOOST_TEST(!ParseShare("nửa"));
}

BOOST_AUTO_TEST_CASE(a_unit_formed_from_itself_through_others_is_a_cycle) {
    BOOST_TEST(!LineageCycle({}));
    BOOST_TEST(!LineageCycle({Link(10, 1), Link(10, 2), Link(20, 10), Link(21, 2)}));
    auto cycle = LineageCycle({Link(10, 1), Link(20, 10), Link(1, 20)});
    BOOST_REQUIRE(cycle.has_value());
    BOOST_TEST((*cycle == 1 || *cycle == 10 || *cycle == 20));
    BOOST_TEST(LineageCycle({Link(5, 6), Link(6, 5)}).has_value());
}

BOOST_AUTO_TEST_CASE(a_former_unit_is_given_away_at_most_whole) {
    BOOST_TEST(OverSharedPredecessors({Link(10, 1), Link(11, 2, 0.6), Link(12, 2, 0.4)}).empty());
    const auto over =
        OverSharedPredecessors({Link(10, 1), Link(11, 2, 0.6), Link(12, 2, 0.5), Link(13, 1, 0.1)});
    BOOST_TEST(over == (std::vector<std::int64_t>{1, 2}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_link_bridges_the_periods_it_was_formed_between) {
    const auto y2024 = *Period::Parse("2024"), y2025 = *Period::Parse("2025");
    BOOST_TEST(LinkBridges(Link(1, 2), y2024, y2025));
    BOOST_TEST(LinkBridges(Link(1, 2, 1, Date{2025, 1, 1}), y2024, y2025));
    BOOST_TEST(LinkBridges(Link(1, 2, 1, Date{2024, 3, 1}), y2024, y2025));
    BOOST_TEST(!LinkBridges(Link(1, 2, 1, Date{2024, 1, 1}), y2024, y2025));  // before 2024 began
    BOOST_TEST(!LinkBridges(Link(1, 2, 1, Date{2026, 1, 1}), y2024, y2025));  // not yet formed
    BOOST_TEST(!LinkBridges(Link(1, 2, 1, Date{}), y2024, y2025));
    const auto q2 = *Period::Parse("2025-Q2"), q3 = *Period::Parse("2025-Q3");
    BOOST_TEST(LinkBridges(Link(1, 2), q2, q3));
    BOOST_TEST(!LinkBridges(Link(1, 2), *Period::Parse("2025-Q3"), *Period::Parse("2025-Q4")));
}

BOOST_AUTO_TEST_CASE(predecessors_combine_as_the_mean_weighted_by_their_shares) {
    BOOST_TEST(!CombinedPercent({}));
    BOOST_TEST(*CombinedPercent({{80, 1}, {90, 1}}) == 85.0, tt::tolerance(1e-12));
    BOOST_TEST(*CombinedPercent({{80, 1}, {90, 0.5}}) == (80 + 45) / 1.5, tt::tolerance(1e-12));
    BOOST_TEST(*CombinedPercent({{72.5, 0.3}}) == 72.5, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()
