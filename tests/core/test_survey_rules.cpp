// Tests of core/survey_rules.h at their boundaries: coverage just at and just
// above the 80% rule, no dossiers (n/a), 5- and 3-level satisfaction, months
// of a period, the satisfied-rating rule, the minimum sample before ranking,
// the self-assessment classes and the publication calendar of seed 001.
#include <boost/test/unit_test.hpp>

#include "core/framework.h"
#include "core/survey_conflicts.h"
#include "core/survey_rules.h"
#include "printers.h"

using namespace cchc;
namespace tt = boost::test_tools;

namespace {
Date D(const char* iso) { return *Date::ParseIso(iso); }
Period P(const char* text) { return *Period::Parse(text); }

TallyRecord Tally(std::int64_t unit, const char* month, std::int64_t field, int settled, int l5,
                  int l4, int l3, int l2, int l1, std::int64_t scale = 1) {
    TallyRecord t;
    t.unitId = unit;
    t.period = month;
    t.fieldId = field;
    t.scaleId = scale;
    t.settled = settled;
    t.level5 = l5, t.level4 = l4, t.level3 = l3, t.level2 = l2, t.level1 = l1;
    t.responses = l5 + l4 + l3 + l2 + l1;
    return t;
}

RatingRecord Rating(std::int64_t officer, const char* at, std::optional<int> a,
                    std::optional<int> h, std::optional<int> g) {
    RatingRecord r;
    r.officerId = officer;
    r.unitId = 7;
    r.ratedAt = at;
    r.channel = "kiosk";
    r.attitude = a, r.handling = h, r.guidance = g;
    return r;
}

const SatisfiedLevelsByScale kScales = {{1, {5, 4}}, {2, {3}}};
}  // namespace

BOOST_AUTO_TEST_SUITE(survey_rules)

BOOST_AUTO_TEST_CASE(coverage_must_exceed_the_threshold_and_is_na_without_dossiers) {
    struct Case {
        const char* what;
        int settled, responses;
        double threshold;
        CoverageStatus status;
    };
    const Case cases[] = {
        {"exactly 80% is not above 80%", 100, 80, 0.8, CoverageStatus::Below},
        {"81 of 100", 100, 81, 0.8, CoverageStatus::Met},
        {"4 of 5 is 80%", 5, 4, 0.8, CoverageStatus::Below},
        {"5 of 6 is 83.33%", 6, 5, 0.8, CoverageStatus::Met},
        {"no response", 10, 0, 0.8, CoverageStatus::Below},
        {"more responses than dossiers", 10, 12, 0.8, CoverageStatus::Met},
        {"no dossier settled", 0, 0, 0.8, CoverageStatus::NotApplicable},
        {"responses without dossiers", 0, 3, 0.8, CoverageStatus::NotApplicable},
        {"threshold 0.5, 50 of 100", 100, 50, 0.5, CoverageStatus::Below},
        {"threshold 0.5, 51 of 100", 100, 51, 0.5, CoverageStatus::Met},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            TallySum s;
            s.settled = c.settled;
            s.responses = c.responses;
            BOOST_TEST(static_cast<int>(CoverageAgainst(s, c.threshold)) ==
                       static_cast<int>(c.status));
            if (c.settled == 0) BOOST_TEST(!s.Coverage().has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(satisfaction_counts_top_two_of_five_and_top_of_three) {
    BOOST_TEST(DefaultSatisfiedLevels(5) == std::vector<int>({5, 4}));
    BOOST_TEST(DefaultSatisfiedLevels(3) == std::vector<int>({3}));
    TallySum five;
    AddTally(five, Tally(1, "2026-01", 1, 10, 3, 2, 2, 2, 1), {5, 4});
    BOOST_TEST(five.responses == 10);
    BOOST_TEST(five.satisfied == 5);
    BOOST_TEST(*five.Satisfaction() == 0.5, tt::tolerance(1e-12));
    TallySum three;  // 3-level: level3 Hài lòng, level2 Bình thường, level1 Không hài lòng
    AddTally(three, Tally(1, "2026-01", 1, 10, 0, 0, 6, 3, 1, 2), {3});
    BOOST_TEST(three.satisfied == 6);
    TallySum none;
    AddTally(none, Tally(1, "2026-01", 1, 4, 0, 0, 0, 0, 0), {5, 4});
    BOOST_TEST(!none.Satisfaction().has_value());  // no response: n/a, no division by zero
    BOOST_TEST(*none.Coverage() == 0.0);
}

BOOST_AUTO_TEST_CASE(tallies_are_summed_over_the_months_of_the_period_per_field_and_unit) {
    const std::vector<TallyRecord> tallies = {
        Tally(1, "2026-01", 10, 30, 10, 10, 5, 0, 0),  // 25 of 30
        Tally(1, "2026-03", 10, 20, 8, 8, 0, 0, 0),    // 16 of 20
        Tally(1, "2026-04", 10, 99, 0, 0, 0, 0, 99),   // Q2: left out of Q1
        Tally(1, "2026-02", 11, 10, 1, 1, 1, 1, 1),    // 5 of 10
        Tally(2, "2025-12", 10, 10, 10, 0, 0, 0, 0),   // previous year
        Tally(2, "2026-02", 11, 0, 0, 0, 0, 0, 0),     // no dossier
        Tally(3, "2026-02", 10, 6, 0, 0, 2, 1, 0, 2),  // 3-level, 3 of 6
    };
    auto byField = SumByField(tallies, P("2026-Q1"), kScales);
    BOOST_TEST_REQUIRE(byField.size() == 4u);
    BOOST_TEST(byField[0].unitId == 1);
    BOOST_TEST(byField[0].fieldId == 10);
    BOOST_TEST(byField[0].sum.settled == 50);
    BOOST_TEST(byField[0].sum.responses == 41);
    BOOST_TEST(byField[0].sum.satisfied == 36);
    BOOST_TEST(byField[0].sum.tallies == 2);
    BOOST_TEST(static_cast<int>(byField[0].coverage) == static_cast<int>(CoverageStatus::Met));
    BOOST_TEST(byField[1].fieldId == 11);
    BOOST_TEST(static_cast<int>(byField[1].coverage) == static_cast<int>(CoverageStatus::Below));
    BOOST_TEST(byField[2].unitId == 2);
    BOOST_TEST(static_cast<int>(byField[2].coverage) ==
               static_cast<int>(CoverageStatus::NotApplicable));
    BOOST_TEST(byField[3].sum.satisfied == 2);  // level 3 on the 3-level scale
    BOOST_TEST(*byField[3].sum.Satisfaction() == 2.0 / 3, tt::tolerance(1e-12));

    auto byUnit = SumByUnit(tallies, P("2026-Q1"), kScales);
    BOOST_TEST_REQUIRE(byUnit.size() == 3u);
    BOOST_TEST(byUnit[0].sum.settled == 60);
    BOOST_TEST(byUnit[0].sum.responses == 46);  // 76.67%: below overall
    BOOST_TEST(static_cast<int>(byUnit[0].coverage) == static_cast<int>(CoverageStatus::Below));

    // The year includes April; a month is itself; December 2025 is not in 2026.
    BOOST_TEST(SumByUnit(tallies, P("2026"), kScales)[0].sum.settled == 159);
    BOOST_TEST(SumByUnit(tallies, P("2026-04"), kScales).size() == 1u);
    BOOST_TEST(SumByUnit(tallies, P("2025"), kScales).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_tally_whose_levels_do_not_add_up_is_reported) {
    auto ok = Tally(1, "2026-01", 1, 10, 3, 2, 2, 2, 1);
    BOOST_TEST(CheckTally(ok, 5).empty());
    auto off = ok;
    off.responses = 11;
    auto p = CheckTally(off, 5);
    BOOST_TEST_REQUIRE(p.size() == 1u);
    BOOST_TEST(p[0].field == "responses");
    auto three = Tally(1, "2026-01", 1, 10, 1, 0, 2, 0, 0, 2);
    BOOST_TEST(CheckTally(three, 3).size() == 1u);
    auto negative = ok;
    negative.settled = -1;
    BOOST_TEST(CheckTally(negative, 5)[0].field == "settled");
}

BOOST_AUTO_TEST_CASE(a_rating_is_satisfied_when_its_aspects_average_at_least_four) {
    struct Case {
        const char* what;
        std::optional<int> a, h, g;
        bool satisfied;
    };
    const Case cases[] = {
        {"4 4 4", 4, 4, 4, true},
        {"5 4 3 averages 4", 5, 4, 3, true},
        {"4 4 3 averages 3.67", 4, 4, 3, false},
        {"5 5 1 averages 3.67", 5, 5, 1, false},
        {"only attitude 4", 4, std::nullopt, std::nullopt, true},
        {"only guidance 3", std::nullopt, std::nullopt, 3, false},
        {"5 and 3 average 4", 5, std::nullopt, 3, true},
        {"nothing scored", std::nullopt, std::nullopt, std::nullopt, false},
    };
    for (const auto& c : cases) BOOST_TEST_CONTEXT(c.what) {
            BOOST_TEST(IsSatisfiedRating(Rating(1, "2026-03-05T09:00:00", c.a, c.h, c.g)) ==
                       c.satisfied);
        }
}

BOOST_AUTO_TEST_CASE(the_lowest_score_ignores_aspects_not_scored) {
    BOOST_TEST(LowestScore(Rating(1, "2026-03-05T09:00:00", 5, 4, 3)) == 3);
    BOOST_TEST(LowestScore(Rating(1, "2026-03-05T09:00:00", 2, 5, 5)) == 2);
    BOOST_TEST(LowestScore(Rating(1, "2026-03-05T09:00:00", std::nullopt, 4, std::nullopt)) == 4);
    BOOST_TEST(LowestScore(Rating(1, "2026-03-05T09:00:00", std::nullopt, std::nullopt, 1)) == 1);
    BOOST_TEST(LowestScore(Rating(1, "2026-03-05T09:00:00", std::nullopt, std::nullopt,
                                  std::nullopt)) == 9);  // passes no score filter
}

BOOST_AUTO_TEST_CASE(officers_below_the_minimum_sample_are_listed_but_not_ranked) {
    std::vector<RatingRecord> ratings;
    // Officer 1: 5 ratings, 4 satisfied (80%). Officer 2: 6 ratings, all
    // satisfied. Officer 3: 4 ratings, all satisfied, but below 5. Officer 4:
    // 5 ratings, 4 satisfied: ties with officer 1.
    for (int i = 0; i < 5; ++i)
        ratings.push_back(Rating(1, "2026-03-05T09:00:00", i ? 5 : 2, 4, 4));
    for (int i = 0; i < 6; ++i) ratings.push_back(Rating(2, "2026-03-06T09:00:00", 5, 5, 5));
    for (int i = 0; i < 4; ++i) ratings.push_back(Rating(3, "2026-03-07T09:00:00", 5, 5, 5));
    for (int i = 0; i < 5; ++i)
        ratings.push_back(Rating(4, "2026-03-08T09:00:00", i ? 4 : 1, 4, 4));
    auto tallies = TallyRatings(ratings, false);
    BOOST_TEST_REQUIRE(tallies.size() == 4u);
    BOOST_TEST(tallies[0].ratings == 5);
    BOOST_TEST(tallies[0].satisfied == 4);
    BOOST_TEST(*tallies[0].Average(RatingAspect::Attitude) == 22.0 / 5, tt::tolerance(1e-12));
    auto ranked = RankOfficers(tallies, 5);
    BOOST_TEST_REQUIRE(ranked.size() == 4u);
    BOOST_TEST(ranked[0].tally.officerId == 2);
    BOOST_TEST(*ranked[0].rank == 1);
    BOOST_TEST(ranked[1].tally.officerId == 1);
    BOOST_TEST(*ranked[1].rank == 2);
    BOOST_TEST(ranked[2].tally.officerId == 4);
    BOOST_TEST(*ranked[2].rank == 2);  // tie
    BOOST_TEST(ranked[3].tally.officerId == 3);
    BOOST_TEST(!ranked[3].rank.has_value());
    // With a minimum of 4 the fourth officer is ranked first too.
    auto four = RankOfficers(tallies, 4);
    BOOST_TEST(four[0].tally.officerId == 2);
    BOOST_TEST(four[1].tally.officerId == 3);
    BOOST_TEST(*four[1].rank == 1);
}

BOOST_AUTO_TEST_CASE(ratings_are_summed_per_officer_and_month) {
    std::vector<RatingRecord> ratings = {
        Rating(1, "2026-02-28T16:59:59", 5, 5, 5),
        Rating(1, "2026-03-01T07:00:00", 3, 3, 3),
        Rating(1, "2026-03-31T16:00:00", 4, std::nullopt, 5),
    };
    auto byMonth = TallyRatings(ratings, true);
    BOOST_TEST_REQUIRE(byMonth.size() == 2u);
    BOOST_TEST(byMonth[0].month == "2026-02");
    BOOST_TEST(byMonth[1].month == "2026-03");
    BOOST_TEST(byMonth[1].ratings == 2);
    BOOST_TEST(byMonth[1].satisfied == 1);
    BOOST_TEST(byMonth[1].scored[1] == 1);
    BOOST_TEST(*byMonth[1].Average(RatingAspect::Handling) == 3.0, tt::tolerance(1e-12));
    BOOST_TEST(*byMonth[1].SatisfiedShare() == 0.5, tt::tolerance(1e-12));
    RatingTally empty;
    BOOST_TEST(!empty.SatisfiedShare().has_value());
    BOOST_TEST(!empty.Average(RatingAspect::Guidance).has_value());
}

BOOST_AUTO_TEST_CASE(self_assessment_total_and_class) {
    Framework fw;
    fw.code = "TT01-2018";
    for (int i = 1; i <= 9; ++i) {
        Criterion c;
        c.id = i;
        c.code = std::to_string(i);
        c.maxPoints = 2;
        fw.criteria.push_back(c);
    }
    auto all = [](double self) {
        std::vector<SelfScore> s;
        for (int i = 1; i <= 9; ++i) s.push_back({i, self, std::nullopt});
        return s;
    };
    auto full = TotalSelfAssessment(fw, all(2));
    BOOST_TEST(full.max == 18.0);
    BOOST_TEST(full.self == 18.0);
    BOOST_TEST(full.selfClass == "Rất tốt");
    BOOST_TEST(full.appraisedClass == "");  // nothing appraised yet
    auto s = all(2);
    s[0].self = 1;  // 17
    BOOST_TEST(TotalSelfAssessment(fw, s).selfClass == "Tốt");
    s[1].self = 0, s[2].self = 1;  // 14
    BOOST_TEST(TotalSelfAssessment(fw, s).self == 14.0);
    BOOST_TEST(TotalSelfAssessment(fw, s).selfClass == "Tốt");
    s[4].self = 1;  // 13
    BOOST_TEST(TotalSelfAssessment(fw, s).selfClass == "Đạt");
    BOOST_TEST(TotalSelfAssessment(fw, all(1)).selfClass == "Không đạt");  // 9
    auto bad = all(2);
    bad[0].self = 3;                         // above the max: flagged, counted as 2
    bad.push_back({99, 1.0, std::nullopt});  // not in the framework
    auto t = TotalSelfAssessment(fw, bad);
    BOOST_TEST(t.self == 18.0);
    BOOST_TEST(t.problems.size() == 2u);
    // A framework with bands of its own is classified by them.
    fw.bands = {{"Tốt", 90}, {"Yếu", 0}};
    BOOST_TEST(TotalSelfAssessment(fw, all(2)).selfClass == "Tốt");
    BOOST_TEST(TotalSelfAssessment(fw, all(1.5)).selfClass == "Yếu");
    // Classes scale to another maximum: 14/18 of 10 points.
    BOOST_TEST(ClassifyPoints(DefaultOneStopClasses(), 7.8, 10) == "Tốt");
    BOOST_TEST(ClassifyPoints(DefaultOneStopClasses(), 7.7, 10) == "Đạt");
}

BOOST_AUTO_TEST_CASE(publication_calendar_of_seed_001) {
    const auto rules = DefaultPublicationCalendar();
    auto next = NextPublications(D("2024-03-01"), rules, 4);
    BOOST_TEST_REQUIRE(next.size() == 4u);
    BOOST_TEST(next[0].date == D("2024-03-28"));
    BOOST_TEST(next[0].period == P("2024-Q1"));  // the quarter before its month
    BOOST_TEST(next[1].period == P("2024-03"));
    BOOST_TEST(next[2].date == D("2024-04-28"));
    BOOST_TEST(next[3].period == P("2024-05"));
    // On the 28th itself it is still due; the day after, the next month's.
    BOOST_TEST(NextPublications(D("2024-06-28"), rules, 1)[0].period == P("2024-H1"));
    auto june = NextPublications(D("2024-06-28"), rules, 2);
    BOOST_TEST(june[1].period == P("2024-06"));
    BOOST_TEST(NextPublications(D("2024-06-29"), rules, 1)[0].period == P("2024-07"));
    // No publication of the second quarter: the 6 months stand for it.
    auto year = NextPublications(D("2024-01-01"), rules, 20);
    for (const auto& p : year) BOOST_TEST(p.period != P("2024-Q2"));
    auto dec = NextPublications(D("2024-12-01"), rules, 3);
    BOOST_TEST(dec[0].period == P("2024"));
    BOOST_TEST(dec[1].period == P("2024-12"));
    BOOST_TEST(dec[2].date == D("2025-01-28"));
    // A day past the end of February falls on its last day.
    auto feb = NextPublications(D("2025-02-01"), {{PeriodKind::Month, 30, {}}}, 1);
    BOOST_TEST(feb[0].date == D("2025-02-28"));
}

BOOST_AUTO_TEST_CASE(publication_calendar_from_text) {
    auto rules = ParsePublicationCalendar("month:28; quarter:28:1,3; half:28:1; year:28");
    BOOST_TEST_REQUIRE(rules.has_value());
    BOOST_TEST(rules->size() == 4u);
    BOOST_TEST((*rules)[1].indexes == std::vector<int>({1, 3}));
    auto d = NextPublications(D("2024-01-01"), *rules, 30);
    auto def = NextPublications(D("2024-01-01"), DefaultPublicationCalendar(), 30);
    BOOST_TEST_REQUIRE(d.size() == def.size());
    for (std::size_t i = 0; i < d.size(); ++i) BOOST_TEST(d[i].date == def[i].date);
    for (const char* bad : {"", "month", "month:32", "quarter:28:5", "week:1", "month:28:x"})
        BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!ParsePublicationCalendar(bad).has_value()); }
}

BOOST_AUTO_TEST_CASE(publication_calendar_written_and_read_back) {
    BOOST_TEST(FormatPublicationCalendar(DefaultPublicationCalendar()) ==
               "month:28; quarter:28:1,3; half:28:1; year:28");
    const std::vector<PublicationRule> rules = {{PeriodKind::NineMonths, 20, {}},
                                                {PeriodKind::Quarter, 5, {2, 4}}};
    auto back = ParsePublicationCalendar(FormatPublicationCalendar(rules));
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST_REQUIRE(back->size() == 2u);
    BOOST_TEST(((*back)[0].kind == PeriodKind::NineMonths && (*back)[0].day == 20));
    BOOST_TEST(((*back)[1].kind == PeriodKind::Quarter && (*back)[1].day == 5));
    BOOST_TEST((*back)[1].indexes == std::vector<int>({2, 4}));
}

// A tally typed as answers by meaning: on five levels "satisfied" is level
// 4, on three level 3; the responses are the answers; the checks of the
// import apply; lines add up by meaning, coverage and satisfaction follow.
BOOST_AUTO_TEST_CASE(a_typed_tally_line_is_a_tally_by_its_scale) {
    TallyLine five;
    five.settled = 20, five.verySatisfied = 10, five.satisfied = 6, five.neutral = 1;
    TallyRecord t;
    FillTally(five, t);
    BOOST_TEST(t.level5 == 10);
    BOOST_TEST(t.level4 == 6);
    BOOST_TEST(t.responses == 17);
    BOOST_TEST(CheckTally(t, 5).empty());
    const TallyLine back = TallyLineOf(t, true);
    BOOST_TEST(back.satisfied == 6);

    TallyLine three;
    three.fiveLevels = false;
    three.settled = 10, three.satisfied = 7, three.dissatisfied = 1;
    FillTally(three, t);
    BOOST_TEST(t.level3 == 7);
    BOOST_TEST(t.level4 == 0);
    BOOST_TEST(CheckTally(t, 3).empty());
    BOOST_TEST(TallyLineOf(t, false).satisfied == 7);
    three.verySatisfied = 1;  // not on three levels
    FillTally(three, t);
    const auto problems = CheckTally(t, 3);
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].field == "very_satisfied");
    three.verySatisfied = 0;

    const TallyLine total = AddTallyLines({five, three});
    BOOST_TEST(total.settled == 30);
    BOOST_TEST(total.satisfied == 13);
    BOOST_TEST(total.Responses() == 25);
    const TallySum sum = TallySumOf(total);
    BOOST_TEST(sum.Coverage().value_or(0) == 25.0 / 30.0);
    BOOST_TEST(sum.Satisfaction().value_or(0) == 23.0 / 25.0);  // very satisfied and satisfied
    BOOST_TEST(TallySumOf(three).Satisfaction().value_or(0) == 7.0 / 8.0);
    BOOST_TEST((CoverageAgainst(TallySumOf(five), 0.8) == CoverageStatus::Met));
}

BOOST_AUTO_TEST_CASE(two_copies_of_a_months_tallies_differ_and_merge_per_count) {
    TallySheet mine, stored;
    TallyLine l;
    l.fieldId = 3, l.code = "CHUNGTHUC", l.name = "Chứng thực", l.settled = 10, l.satisfied = 8;
    mine.lines = {l};
    l.settled = 12;
    l.fiveLevels = false;
    stored.lines = {l};
    stored.version = 4;
    const auto fields = TallySheetConflicts(mine, stored);
    BOOST_TEST_REQUIRE(fields.size() == 2u);
    BOOST_TEST(fields[0].field == "CHUNGTHUC/scale");
    BOOST_TEST(fields[1].field == "CHUNGTHUC/settled");
    BOOST_TEST(fields[1].mine == "10");
    BOOST_TEST(fields[1].theirs == "12");
    const auto merged = MergeTallySheet(mine, stored, {"CHUNGTHUC/settled"});
    BOOST_TEST(merged.version == 4);
    BOOST_TEST(merged.lines[0].settled == 10);
    BOOST_TEST(!merged.lines[0].fiveLevels);
}

// A paper form (Mẫu 01): its checks, a score typed in a box, the rating it
// stores at its own time.
BOOST_AUTO_TEST_CASE(paper_forms_are_checked_and_stored_at_their_own_time) {
    cchc::PaperForm f;
    f.day = cchc::Date{2026, 11, 20};
    f.officerId = 7;
    f.attitude = 5;
    const cchc::Date today{2026, 12, 7};
    BOOST_TEST(cchc::CheckPaperForm(f, today).empty());
    auto fields = [&](const cchc::PaperForm& form) {
        std::string out;
        for (const auto& p : cchc::CheckPaperForm(form, today)) out += p.field + " ";
        return out;
    };
    cchc::PaperForm wrong = f;
    wrong.attitude = 6;
    wrong.guidance = 0;
    BOOST_TEST(fields(wrong) == "attitude guidance ");
    wrong = f;
    wrong.attitude.reset();
    BOOST_TEST(fields(wrong) == "attitude ");  // no score at all
    wrong = f;
    wrong.day = cchc::Date{2026, 12, 8};
    wrong.officerId = 0;
    BOOST_TEST(fields(wrong) == "day officer ");
    wrong = f;
    wrong.citizen = std::string(300, 'a');
    BOOST_TEST(fields(wrong) == "citizen ");

    BOOST_TEST(!cchc::ParseFormScore("")->has_value());
    BOOST_TEST(!cchc::ParseFormScore("  ")->has_value());
    BOOST_TEST(**cchc::ParseFormScore(" 4 ") == 4);
    for (const char* bad : {"0", "6", "45", "a", "4,5"})
        BOOST_TEST(!cchc::ParseFormScore(bad), bad);

    const auto r = cchc::RatingOfForm(f, 3, 61);
    BOOST_TEST(r.ratedAt == "2026-11-20T00:01:01");
    BOOST_TEST(r.channel == "paper");
    BOOST_TEST(r.unitId == 3);
    BOOST_TEST(r.officerId == 7);
    BOOST_TEST(*r.attitude == 5);
    BOOST_TEST(cchc::RatingOfForm(f, 3, 0).ratedAt == "2026-11-20T00:00:00");
}

BOOST_AUTO_TEST_SUITE_END()
