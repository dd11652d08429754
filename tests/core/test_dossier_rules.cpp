// Form II.06a: totals derived from their parts, a period's figures from its
// months (flows added, carried over of the first month, in progress of the
// last), units added up, and a given total that disagrees named.
#include <boost/test/unit_test.hpp>

#include "core/dossier_rules.h"

using namespace cchc;

namespace {
DossierFigures Month(long online, long direct, long carried, long early, long onTime, long late,
                     long inTime, long overdue) {
    DossierFigures d;
    d.receivedOnline = online, d.receivedDirect = direct, d.carriedOver = carried;
    d.settledEarly = early, d.settledOnTime = onTime, d.settledLate = late;
    d.pendingInTime = inTime, d.pendingOverdue = overdue;
    return d;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(dossier_rules)

BOOST_AUTO_TEST_CASE(totals_are_the_sums_of_their_parts) {
    const auto d = Month(30, 10, 5, 8, 30, 2, 4, 1);
    BOOST_TEST(d.ReceivedTotal() == 45);
    BOOST_TEST(d.SettledTotal() == 40);
    BOOST_TEST(d.PendingTotal() == 5);
}

BOOST_AUTO_TEST_CASE(a_quarter_adds_its_flows_and_keeps_its_stocks_at_the_ends) {
    const auto july = Month(30, 10, 5, 8, 30, 2, 4, 1);
    const auto august = Month(25, 11, 5, 10, 25, 1, 4, 1);
    const auto september = Month(20, 15, 5, 6, 25, 3, 5, 1);
    const auto q3 = SumDossierMonths({july, august, september});
    BOOST_REQUIRE(q3.has_value());
    BOOST_TEST(q3->receivedOnline == 75);
    BOOST_TEST(q3->receivedDirect == 36);
    BOOST_TEST(q3->carriedOver == 5);  // July's: what the quarter took over
    BOOST_TEST(q3->settledEarly == 24);
    BOOST_TEST(q3->settledOnTime == 80);
    BOOST_TEST(q3->settledLate == 6);
    BOOST_TEST(q3->pendingInTime == 5);  // September's: what it hands on
    BOOST_TEST(q3->pendingOverdue == 1);
    BOOST_TEST(q3->ReceivedTotal() == 116);
    BOOST_TEST(!SumDossierMonths({}).has_value());
    BOOST_TEST((*SumDossierMonths({july}) == july));
    // Two units' quarters add up, stocks too.
    const auto both = AddDossierFigures(*q3, july);
    BOOST_TEST(both.carriedOver == 10);
    BOOST_TEST(both.pendingOverdue == 2);
    BOOST_TEST(both.ReceivedTotal() == 161);
}

BOOST_AUTO_TEST_CASE(a_given_total_must_agree) {
    BOOST_TEST(!DisagreeingTotal(std::nullopt, 45).has_value());
    BOOST_TEST(!DisagreeingTotal(45, 45).has_value());
    BOOST_TEST(DisagreeingTotal(46, 45).value_or(-1) == 45);
}

BOOST_AUTO_TEST_SUITE_END()
