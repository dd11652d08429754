// Form II.06a: totals derived from their parts, a period's figures from its
// months (flows added, carried over of the first month, in progress of the
// last), units added up, and a given total that disagrees named.
#include <boost/test/unit_test.hpp>

#include "core/dossier_rules.h"
#include "core/survey_conflicts.h"
#include "core/vnformat.h"

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

BOOST_AUTO_TEST_CASE(the_parts_are_the_forms_eight_in_its_order) {
    const auto& parts = DossierPartList();
    BOOST_TEST_REQUIRE(parts.size() == 8u);
    const auto x = Month(1, 2, 3, 4, 5, 6, 7, 8);
    long n = 0;
    for (const auto& p : parts) {
        const long v = x.*p.member;
        BOOST_TEST(v == ++n, p.key);
    }
    BOOST_TEST(std::string(parts[6].key) == "pending_on_time");  // the import's column
}

BOOST_AUTO_TEST_CASE(a_line_adds_up_when_received_is_settled_plus_in_progress) {
    BOOST_TEST(DossierBalanced(Month(30, 10, 5, 8, 30, 2, 4, 1)));
    BOOST_TEST(!DossierBalanced(Month(30, 10, 5, 8, 30, 2, 4, 0)));
    BOOST_TEST(DossierBalanced(DossierFigures{}));
}

BOOST_AUTO_TEST_CASE(a_count_is_read_as_clerks_write_it) {
    BOOST_TEST(ParseCount("").value_or(-1) == 0);
    BOOST_TEST(ParseCount("12").value_or(-1) == 12);
    BOOST_TEST(ParseCount("1.250").value_or(-1) == 1250);
    BOOST_TEST(ParseCount("12.0").value_or(-1) == 12);
    for (const char* bad : {"-3", "1,5", "12a", "mười", "1e12", "2000000000"})
        BOOST_TEST(!ParseCount(bad).has_value(), bad);
}

// Two desks' copies of a commune's month: the parts that differ, named by
// field and part, and the merge per part.
BOOST_AUTO_TEST_CASE(two_copies_of_a_month_differ_and_merge_per_part) {
    DossierSheet mine, stored;
    DossierLine l;
    l.fieldId = 7, l.code = "HOTICH", l.name = "Tư pháp - Hộ tịch";
    l.figures = Month(10, 0, 0, 0, 10, 0, 0, 0);
    mine.lines = {l};
    l.figures = Month(12, 0, 0, 0, 10, 0, 2, 0);
    stored.lines = {l};
    stored.version = 3;
    const auto fields = DossierSheetConflicts(mine, stored);
    BOOST_TEST_REQUIRE(fields.size() == 2u);
    BOOST_TEST(fields[0].field == "HOTICH/received_online");
    BOOST_TEST(fields[0].mine == "10");
    BOOST_TEST(fields[0].theirs == "12");
    BOOST_TEST(fields[0].label.find("Tư pháp - Hộ tịch") == 0u);
    BOOST_TEST(fields[1].field == "HOTICH/pending_on_time");
    const auto merged = MergeDossierSheet(mine, stored, {"HOTICH/received_online"});
    BOOST_TEST(merged.version == 3);
    BOOST_TEST(merged.lines[0].figures.receivedOnline == 10);
    BOOST_TEST(merged.lines[0].figures.pendingInTime == 2);
}

BOOST_AUTO_TEST_SUITE_END()
