// Tests of the scoring rules in core/scoring.h: each rule kind, the no-data
// rules, the Decision 766 formulas, roll-up, totals and bands, ranking with
// ties and points at stake.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/scoring.h"

namespace {

namespace tt = boost::test_tools;
using cchc::Criterion;
using cchc::CriterionInput;
using cchc::CriterionScore;
using cchc::NoDataRule;
using cchc::RuleKind;

constexpr double kTol = 1e-9;

// Problems are compared with the translation of their English source text,
// so the tests hold in any language.
bool HasProblem(const std::vector<std::string>& problems, const char* msgid) {
    const std::string want = cchc::tr(msgid);
    for (const auto& p : problems)
        if (p == want) return true;
    return false;
}

std::string Joined(const std::vector<std::string>& problems) {
    std::string out;
    for (const auto& p : problems) out += (out.empty() ? "" : " | ") + p;
    return out;
}

// Checks that problems are exactly "none" (msgid nullptr) or contain msgid.
void CheckProblems(const std::vector<std::string>& problems, const char* msgid) {
    if (!msgid) {
        BOOST_TEST(problems.empty(), "unexpected problems: " << Joined(problems));
    } else {
        BOOST_TEST(HasProblem(problems, msgid),
                   "missing '" << msgid << "' in: " << Joined(problems));
    }
}

Criterion Leaf(const std::string& code, const std::string& parent, double max, RuleKind rule) {
    Criterion c;
    c.code = code;
    c.parentCode = parent;
    c.title = "Criterion " + code;
    c.maxPoints = max;
    c.rule = rule;
    return c;
}

Criterion Group(const std::string& code, const std::string& parent, double max) {
    Criterion c;
    c.code = code;
    c.parentCode = parent;
    c.title = "Group " + code;
    c.maxPoints = max;
    return c;
}

Criterion Rate(double max, std::optional<double> target, std::optional<double> cap,
               std::optional<NoDataRule> noData) {
    Criterion c = Leaf("r", "", max, RuleKind::Rate);
    c.target = target;
    c.cap = cap;
    c.noData = noData;
    return c;
}

CriterionInput Points(double p) {
    CriterionInput in;
    in.points = p;
    return in;
}

CriterionInput Ratio(std::optional<double> num, std::optional<double> den) {
    CriterionInput in;
    in.numerator = num;
    in.denominator = den;
    return in;
}

const char* const kAboveMax = "score above maximum";
const char* const kNegative = "the score must not be negative";
const char* const kAboveCap = "score above the cap of the criterion";
const char* const kNumAboveDen = "the numerator is larger than the denominator";
const char* const kNumNoDen = "a numerator was given without a denominator";
const char* const kNegNum = "the numerator must not be negative";
const char* const kOverridesRate =
    "the entered score overrides the rate computed from numerator and denominator";
const char* const kOverridesRule = "the entered score overrides the score computed by the rule";

}  // namespace

BOOST_AUTO_TEST_SUITE(scoring)

BOOST_AUTO_TEST_CASE(manual_points) {
    struct Case {
        const char* what;
        double max;
        std::optional<double> cap;
        std::optional<double> points;
        double expected;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"nothing entered", 10, {}, {}, 0, nullptr},
        {"zero", 10, {}, 0.0, 0, nullptr},
        {"within", 10, {}, 7.5, 7.5, nullptr},
        {"exactly max", 10, {}, 10.0, 10, nullptr},
        {"above max", 10, {}, 12.0, 10, kAboveMax},
        {"just above max", 10, {}, 10.5, 10, kAboveMax},
        {"negative", 10, {}, -1.0, 0, kNegative},
        {"at cap", 10, 8.0, 8.0, 8, nullptr},
        {"above cap", 10, 8.0, 9.0, 8, kAboveCap},
        {"not a number",
         10,
         {},
         std::numeric_limits<double>::quiet_NaN(),
         0,
         "a value is not a number and was ignored"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            Criterion crit = Leaf("m", "", c.max, RuleKind::Manual);
            crit.cap = c.cap;
            CriterionInput in;
            in.points = c.points;
            const CriterionScore s = cchc::ScoreCriterion(crit, in);
            BOOST_TEST(s.points == c.expected, tt::tolerance(kTol));
            BOOST_TEST(s.max == c.max, tt::tolerance(kTol));
            BOOST_TEST(s.applicable);
            BOOST_TEST(!s.fromRate);
            CheckProblems(s.problems, c.problem);
        }
    }
}

BOOST_AUTO_TEST_CASE(criterion_without_rule_is_manual) {
    Criterion c = Group("g", "", 5);
    const auto s = cchc::ScoreCriterion(c, Points(4));
    BOOST_TEST(s.points == 4.0, tt::tolerance(kTol));
    BOOST_TEST(s.problems.empty());
}

BOOST_AUTO_TEST_CASE(rate) {
    const auto na = NoDataRule::NotApplicable;
    struct Case {
        const char* what;
        Criterion crit;
        CriterionInput in;
        double expected;
        double max;
        bool applicable;
        bool noData;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"ratio 0", Rate(10, 1.0, {}, {}), Ratio(0, 10), 0, 10, true, false, nullptr},
        {"no numerator, denominator given", Rate(10, 1.0, {}, {}), Ratio({}, 10), 0, 10, true,
         false, nullptr},
        {"pro rata below target", Rate(10, 1.0, {}, {}), Ratio(50, 100), 5, 10, true, false,
         nullptr},
        {"target exactly", Rate(6, 0.9, 6.0, {}), Ratio(9, 10), 6, 6, true, false, nullptr},
        {"above target", Rate(6, 0.9, 6.0, {}), Ratio(97, 100), 6, 6, true, false, nullptr},
        {"no target means 100%", Rate(4, {}, {}, {}), Ratio(3, 4), 3, 4, true, false, nullptr},
        {"766 satisfaction at 0.81", Rate(6, 0.9, 6.0, NoDataRule::Zero), Ratio(81, 100), 5.4, 6,
         true, false, nullptr},
        {"766 satisfaction at 0.95", Rate(6, 0.9, 6.0, NoDataRule::Zero), Ratio(95, 100), 6, 6,
         true, false, nullptr},
        {"766 satisfaction, no responses", Rate(6, 0.9, 6.0, NoDataRule::Zero), Ratio(0, 0), 0, 6,
         true, true, nullptr},
        {"766 reuse of data at 0.40", Rate(2, 0.8, 2.0, {}), Ratio(40, 100), 1, 2, true, false,
         nullptr},
        {"766 reuse of data at 0.80", Rate(2, 0.8, 2.0, {}), Ratio(80, 100), 2, 2, true, false,
         nullptr},
        {"766 reuse of data at 0.90", Rate(2, 0.8, 2.0, {}), Ratio(90, 100), 2, 2, true, false,
         nullptr},
        {"766 complaints, none received", Rate(6, 1.0, {}, NoDataRule::Full), Ratio(0, 0), 6, 6,
         true, true, nullptr},
        {"766 complaints, all on time", Rate(6, 1.0, {}, NoDataRule::Full), Ratio(3, 3), 6, 6, true,
         false, nullptr},
        {"766 complaints, 2 of 3 on time", Rate(6, 1.0, {}, NoDataRule::Full), Ratio(2, 3), 4, 6,
         true, false, nullptr},
        {"cap below max, reached", Rate(10, 1.0, 4.0, {}), Ratio(80, 100), 4, 10, true, false,
         nullptr},
        {"cap below max, not reached", Rate(10, 1.0, 4.0, {}), Ratio(30, 100), 3, 10, true, false,
         nullptr},
        {"numerator above denominator", Rate(10, 1.0, {}, {}), Ratio(12, 10), 10, 10, true, false,
         kNumAboveDen},
        {"negative numerator", Rate(10, 1.0, {}, {}), Ratio(-3, 10), 0, 10, true, false, kNegNum},
        {"no data, full", Rate(5, 1.0, {}, NoDataRule::Full), Ratio({}, {}), 5, 5, true, true,
         nullptr},
        {"no data, zero", Rate(5, 1.0, {}, NoDataRule::Zero), Ratio({}, {}), 0, 5, true, true,
         nullptr},
        {"no data, na", Rate(5, 1.0, {}, na), Ratio({}, {}), 0, 0, false, true, nullptr},
        {"denominator 0, na", Rate(5, 1.0, {}, na), Ratio(0, 0), 0, 0, false, true, nullptr},
        {"no data, no rule set: zero", Rate(5, 1.0, {}, {}), Ratio({}, {}), 0, 5, true, true,
         nullptr},
        {"numerator without denominator", Rate(5, 1.0, {}, NoDataRule::Full), Ratio(3, {}), 5, 5,
         true, true, kNumNoDen},
        {"numerator over a zero denominator", Rate(5, 1.0, {}, NoDataRule::Zero), Ratio(3, 0), 0, 5,
         true, true, kNumAboveDen},
        {"no data, full, capped", Rate(5, 1.0, 3.0, NoDataRule::Full), Ratio({}, {}), 3, 5, true,
         true, nullptr},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const CriterionScore s = cchc::ScoreCriterion(c.crit, c.in);
            BOOST_TEST(s.points == c.expected, tt::tolerance(kTol));
            BOOST_TEST(s.max == c.max, tt::tolerance(kTol));
            BOOST_TEST(s.applicable == c.applicable);
            BOOST_TEST(s.noData == c.noData);
            BOOST_TEST(s.fromRate);
            BOOST_TEST(!s.overridden);
            CheckProblems(s.problems, c.problem);
        }
    }
}

BOOST_AUTO_TEST_CASE(entered_points_override_rule) {
    struct Case {
        const char* what;
        Criterion crit;
        CriterionInput in;
        double expected;
        bool overridden;
        const char* problem;
        const char* problem2;
    };
    auto with = [](CriterionInput in, double points) {
        in.points = points;
        return in;
    };
    CriterionInput yes;
    yes.yes = true;
    CriterionInput count;
    count.count = 3;
    CriterionInput ded;
    ded.deductions = 1;
    const std::vector<Case> cases = {
        {"points beside numerator and denominator", Rate(6, 0.9, 6.0, {}), with(Ratio(9, 10), 3), 3,
         true, kOverridesRate, nullptr},
        {"points beside a denominator only", Rate(6, 0.9, 6.0, {}), with(Ratio({}, 10), 2), 2, true,
         kOverridesRate, nullptr},
        {"points beside na no-data", Rate(6, 1.0, {}, NoDataRule::NotApplicable),
         with(Ratio(0, 0), 4), 4, true, kOverridesRate, nullptr},
        {"override above max", Rate(6, 1.0, {}, {}), with(Ratio(1, 2), 8), 6, true, kOverridesRate,
         kAboveMax},
        {"points alone on a rate", Rate(6, 1.0, {}, {}), Points(5), 5, false, nullptr, nullptr},
        {"points beside yes", Leaf("y", "", 2, RuleKind::YesNo), with(yes, 1), 1, true,
         kOverridesRule, nullptr},
        {"points beside a count", Leaf("c", "", 6, RuleKind::Count), with(count, 1), 1, true,
         kOverridesRule, nullptr},
        {"points beside deductions", Leaf("d", "", 6, RuleKind::Deduction), with(ded, 2), 2, true,
         kOverridesRule, nullptr},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const CriterionScore s = cchc::ScoreCriterion(c.crit, c.in);
            BOOST_TEST(s.points == c.expected, tt::tolerance(kTol));
            BOOST_TEST(s.overridden == c.overridden);
            BOOST_TEST(!s.fromRate);
            BOOST_TEST(s.applicable);
            BOOST_TEST(s.max == c.crit.maxPoints, tt::tolerance(kTol));
            CheckProblems(s.problems, c.problem);
            if (c.problem2) CheckProblems(s.problems, c.problem2);
        }
    }
}

BOOST_AUTO_TEST_CASE(yes_no) {
    struct Case {
        const char* what;
        std::optional<bool> yes;
        double expected;
    };
    const std::vector<Case> cases = {
        {"yes", true, 2},
        {"no", false, 0},
        {"nothing entered", {}, 0},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            CriterionInput in;
            in.yes = c.yes;
            const auto s = cchc::ScoreCriterion(Leaf("y", "", 2, RuleKind::YesNo), in);
            BOOST_TEST(s.points == c.expected, tt::tolerance(kTol));
            BOOST_TEST(s.problems.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(count) {
    struct Case {
        const char* what;
        std::optional<double> perUnit;
        std::optional<double> count;
        double expected;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"nothing entered", 0.5, {}, 0, nullptr},
        {"zero", 0.5, 0.0, 0, nullptr},
        {"pro rata", 0.5, 3.0, 1.5, nullptr},
        {"exactly max", 0.5, 8.0, 4, nullptr},
        {"above max", 0.5, 20.0, 4, nullptr},
        {"negative", 0.5, -2.0, 0, "the count must not be negative"},
        {"no points per unit", {}, 3.0, 0, "a count criterion needs the points per unit"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            Criterion crit = Leaf("c", "", 4, RuleKind::Count);
            crit.perUnit = c.perUnit;
            CriterionInput in;
            in.count = c.count;
            const auto s = cchc::ScoreCriterion(crit, in);
            BOOST_TEST(s.points == c.expected, tt::tolerance(kTol));
            CheckProblems(s.problems, c.problem);
        }
    }
}

BOOST_AUTO_TEST_CASE(deduction) {
    struct Case {
        const char* what;
        std::optional<double> deductions;
        double expected;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"nothing entered: full points", {}, 10, nullptr},
        {"zero", 0.0, 10, nullptr},
        {"some", 3.0, 7, nullptr},
        {"exactly max", 10.0, 0, nullptr},
        {"above max: not below 0", 12.0, 0, nullptr},
        {"negative", -2.0, 10, "the deductions must not be negative"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            CriterionInput in;
            in.deductions = c.deductions;
            const auto s = cchc::ScoreCriterion(Leaf("d", "", 10, RuleKind::Deduction), in);
            BOOST_TEST(s.points == c.expected, tt::tolerance(kTol));
            CheckProblems(s.problems, c.problem);
        }
    }
}

namespace {

// Field 1 (20): 1.1 manual 10; 1.2 rate 10 with no data → n/a.
// Field 2 (10): 2.1 yes/no 4; 2.2 count 6 at 2 per unit.
cchc::Framework SmallFramework() {
    cchc::Framework fw;
    fw.code = "TEST";
    fw.bands = *cchc::ParseBands("Tốt:90;Khá:80;Trung bình:65;Yếu:0");
    Criterion rate = Leaf("1.2", "1", 10, RuleKind::Rate);
    rate.target = 1.0;
    rate.noData = NoDataRule::NotApplicable;
    Criterion count = Leaf("2.2", "2", 6, RuleKind::Count);
    count.perUnit = 2;
    fw.criteria = {Group("1", "", 20), Leaf("1.1", "1", 10, RuleKind::Manual), rate,
                   Group("2", "", 10), Leaf("2.1", "2", 4, RuleKind::YesNo),   count};
    return fw;
}

const cchc::NodeScore* Find(const std::vector<cchc::NodeScore>& nodes, const std::string& code) {
    for (const auto& n : nodes)
        if (n.code == code) return &n;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_typed_target_above_one_is_a_percentage) {
    BOOST_TEST(cchc::TargetRatio(90.0).value() == 0.9);
    BOOST_TEST(cchc::TargetRatio(100.0).value() == 1.0);
    BOOST_TEST(cchc::TargetRatio(1.0).value() == 1.0);
    BOOST_TEST(cchc::TargetRatio(0.85).value() == 0.85);
    BOOST_TEST(cchc::TargetRatio(0.0).value() == 0.0);
    BOOST_TEST(!cchc::TargetRatio(std::nullopt).has_value());
}

BOOST_AUTO_TEST_CASE(roll_up_with_a_not_applicable_leaf) {
    const auto fw = SmallFramework();
    BOOST_TEST_REQUIRE(cchc::CheckFramework(fw).empty());
    std::map<std::string, CriterionInput> inputs;
    inputs["1.1"] = Points(8);
    inputs["2.1"].yes = true;
    inputs["2.2"].count = 2;
    const auto nodes = cchc::RollUp(fw, inputs);
    BOOST_TEST_REQUIRE(nodes.size() == fw.criteria.size());

    struct Row {
        const char* code;
        const char* parent;
        bool leaf;
        double max, points;
        bool applicable;
    };
    const std::vector<Row> rows = {
        {"1", "", false, 10, 8, true},  // max lowered from 20 by the n/a 1.2
        {"1.1", "1", true, 10, 8, true}, {"1.2", "1", true, 0, 0, false},
        {"2", "", false, 10, 8, true},   {"2.1", "2", true, 4, 4, true},
        {"2.2", "2", true, 6, 4, true},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT("node " << r.code) {
            const auto* n = Find(nodes, r.code);
            BOOST_TEST_REQUIRE(n);
            BOOST_TEST(n->parentCode == r.parent);
            BOOST_TEST(n->leaf == r.leaf);
            BOOST_TEST(n->max == r.max, tt::tolerance(kTol));
            BOOST_TEST(n->points == r.points, tt::tolerance(kTol));
            BOOST_TEST(n->applicable == r.applicable);
        }
    }
    BOOST_TEST(Find(nodes, "1")->maxPoints == 20.0, tt::tolerance(kTol));

    const auto total = cchc::Total(fw, nodes);
    BOOST_TEST(total.points == 16.0, tt::tolerance(kTol));
    BOOST_TEST(total.max == 20.0, tt::tolerance(kTol));
    BOOST_TEST(total.percent == 80.0, tt::tolerance(kTol));
    BOOST_TEST(total.band == "Khá");
}

BOOST_AUTO_TEST_CASE(roll_up_nested_and_capped_groups) {
    cchc::Framework fw;
    Criterion capped = Group("2", "", 10);
    capped.cap = 7;
    Criterion naRate = Leaf("1.1.2", "1.1", 4, RuleKind::Rate);
    naRate.target = 1.0;
    naRate.noData = NoDataRule::NotApplicable;
    Criterion naOnly = Leaf("3.1", "3", 5, RuleKind::Rate);
    naOnly.noData = NoDataRule::NotApplicable;
    fw.criteria = {Group("1", "", 10),
                   Group("1.1", "1", 6),
                   Leaf("1.1.1", "1.1", 2, RuleKind::Manual),
                   naRate,
                   Leaf("1.2", "1", 4, RuleKind::Manual),
                   capped,
                   Leaf("2.1", "2", 5, RuleKind::Manual),
                   Leaf("2.2", "2", 5, RuleKind::Manual),
                   Group("3", "", 5),
                   naOnly};
    std::map<std::string, CriterionInput> inputs = {
        {"1.1.1", Points(2)}, {"1.2", Points(3)}, {"2.1", Points(5)}, {"2.2", Points(4)}};
    const auto nodes = cchc::RollUp(fw, inputs);

    struct Row {
        const char* code;
        double max, points;
        bool applicable;
    };
    const std::vector<Row> rows = {
        {"1.1", 2, 2, true},  // 6 − the n/a 4
        {"1", 6, 5, true},    // the grandparent loses the 4 too
        {"2", 10, 7, true},   // 9 points, capped at 7
        {"3", 0, 0, false},   // its only child is n/a
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT("node " << r.code) {
            const auto* n = Find(nodes, r.code);
            BOOST_TEST_REQUIRE(n);
            BOOST_TEST(n->max == r.max, tt::tolerance(kTol));
            BOOST_TEST(n->points == r.points, tt::tolerance(kTol));
            BOOST_TEST(n->applicable == r.applicable);
        }
    }
    const auto total = cchc::Total(fw, nodes);
    BOOST_TEST(total.points == 12.0, tt::tolerance(kTol));
    BOOST_TEST(total.max == 16.0, tt::tolerance(kTol));
    BOOST_TEST(total.percent == 75.0, tt::tolerance(kTol));
    BOOST_TEST(total.band == "");  // no bands configured
}

BOOST_AUTO_TEST_CASE(roll_up_carries_problems_and_survives_a_cycle) {
    cchc::Framework fw;
    fw.criteria = {Group("a", "b", 5), Group("b", "a", 5), Leaf("x", "", 5, RuleKind::Manual)};
    std::map<std::string, CriterionInput> inputs = {{"x", Points(9)}};
    const auto nodes = cchc::RollUp(fw, inputs);
    BOOST_TEST_REQUIRE(nodes.size() == 3u);
    BOOST_TEST(HasProblem(Find(nodes, "x")->problems, kAboveMax));
    BOOST_TEST(Find(nodes, "x")->points == 5.0, tt::tolerance(kTol));
    BOOST_TEST((HasProblem(Find(nodes, "a")->problems, "the criteria form a cycle of parents") ||
                HasProblem(Find(nodes, "b")->problems, "the criteria form a cycle of parents")));
}

BOOST_AUTO_TEST_CASE(total_band_boundaries) {
    cchc::Framework fw;
    fw.bands = *cchc::ParseBands("Tốt:90;Khá:80;Trung bình:65;Yếu:0");
    struct Case {
        const char* what;
        double points, max;
        double percent;
        const char* band;
    };
    const std::vector<Case> cases = {
        {"exactly 90", 90, 100, 90, "Tốt"},
        {"exactly 90 by division", 27, 30, 90, "Tốt"},
        {"just below 90", 89.99, 100, 89.99, "Khá"},
        {"exactly 80", 80, 100, 80, "Khá"},
        {"just below 65", 64.999, 100, 64.999, "Yếu"},
        {"full", 100, 100, 100, "Tốt"},
        {"zero", 0, 100, 0, "Yếu"},
        {"no maximum", 0, 0, 0, "Yếu"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            cchc::NodeScore root;
            root.code = "1";
            root.points = c.points;
            root.max = c.max;
            const auto t = cchc::Total(fw, {root});
            BOOST_TEST(t.percent == c.percent, tt::tolerance(kTol));
            BOOST_TEST(t.band == c.band);
        }
    }
}

BOOST_AUTO_TEST_CASE(rank_with_ties) {
    struct Case {
        const char* what;
        std::vector<double> totals;
        std::vector<int> ranks;
    };
    const std::vector<Case> cases = {
        {"empty", {}, {}},
        {"single", {50}, {1}},
        {"tie for second", {90, 80, 80, 70}, {1, 2, 2, 4}},
        {"input not sorted", {70, 80, 90, 80}, {4, 2, 1, 2}},
        {"all equal", {75, 75, 75}, {1, 1, 1}},
        {"tie for first", {95, 95, 60}, {1, 1, 3}},
        {"equal within 1e-9", {80, 80 + 1e-10, 79.9999}, {1, 1, 3}},
        {"NaN last", {std::numeric_limits<double>::quiet_NaN(), 10, 20}, {3, 2, 1}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const auto got = cchc::RankWithTies(c.totals);
            BOOST_TEST(got == c.ranks, tt::per_element());
            // One value's rank among them (a commune's among the office's).
            for (std::size_t i = 0; i < c.totals.size(); ++i)
                BOOST_TEST(cchc::RankAmong(c.totals[i], c.totals) == c.ranks[i], "value " << i);
        }
    }
}

BOOST_AUTO_TEST_CASE(rank_units) {
    auto unit = [](std::int64_t id, double percent) {
        cchc::RankedUnit u;
        u.unitId = id;
        u.percent = percent;
        u.points = percent;
        u.max = 100;
        return u;
    };
    struct Case {
        const char* what;
        std::vector<cchc::RankedUnit> units;
        std::vector<std::int64_t> order;
        std::vector<int> ranks;
    };
    const std::vector<Case> cases = {
        {"ties keep input order",
         {unit(1, 70), unit(2, 85), unit(3, 90), unit(4, 85)},
         {3, 2, 4, 1},
         {1, 2, 2, 4}},
        {"all equal", {unit(5, 60), unit(6, 60), unit(7, 60)}, {5, 6, 7}, {1, 1, 1}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const auto ranked = cchc::Rank(c.units);
            std::vector<std::int64_t> order;
            std::vector<int> ranks;
            for (const auto& u : ranked) {
                order.push_back(u.unitId);
                ranks.push_back(u.rank);
            }
            BOOST_TEST(order == c.order, tt::per_element());
            BOOST_TEST(ranks == c.ranks, tt::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(points_at_stake) {
    cchc::Framework fw;
    Criterion sat = Leaf("5.3", "5", 6, RuleKind::Rate);
    sat.target = 0.9;
    sat.cap = 6;
    Criterion naRate = Leaf("1.3", "1", 3, RuleKind::Rate);
    naRate.noData = NoDataRule::NotApplicable;
    fw.criteria = {Group("1", "", 21),
                   Leaf("1.2", "1", 4, RuleKind::Manual),
                   Leaf("1.10", "1", 4, RuleKind::Manual),
                   naRate,
                   Leaf("1.1", "1", 10, RuleKind::Manual),
                   Group("5", "", 8),
                   sat,
                   Leaf("5.1", "5", 2, RuleKind::Manual)};
    std::map<std::string, CriterionInput> inputs = {
        {"1.2", Points(3)},       // lost 1
        {"1.10", Points(3)},      // lost 1, after 1.2 by number
        {"1.1", Points(10)},      // full points: not listed
        {"5.3", Ratio(81, 100)},  // 5.4 of 6: lost 0.6
        {"5.1", Points(1.4)},     // lost 0.6 too, before 5.3 by code
    };
    const auto lost = cchc::PointsAtStake(fw, cchc::RollUp(fw, inputs));

    struct Row {
        const char* code;
        double max, points, lost;
    };
    const std::vector<Row> rows = {
        {"1.2", 4, 3, 1},
        {"1.10", 4, 3, 1},
        {"5.1", 2, 1.4, 0.6},
        {"5.3", 6, 5.4, 0.6},
    };
    BOOST_TEST_REQUIRE(lost.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        BOOST_TEST_CONTEXT("row " << i << " " << rows[i].code) {
            BOOST_TEST(lost[i].code == rows[i].code);
            BOOST_TEST(lost[i].title == "Criterion " + std::string(rows[i].code));
            BOOST_TEST(lost[i].max == rows[i].max, tt::tolerance(kTol));
            BOOST_TEST(lost[i].points == rows[i].points, tt::tolerance(kTol));
            BOOST_TEST(lost[i].lost == rows[i].lost, tt::tolerance(kTol));
        }
    }
}

// Points a criterion earns without data (a deduction not incurred, a rate
// whose rule gives full points) are counted apart, and a set with nothing
// entered at all is told from one with something.
BOOST_AUTO_TEST_CASE(points_without_data_are_counted_apart) {
    cchc::Framework fw;
    fw.code = "T";
    Criterion deduction = Leaf("1.2", "1", 5, RuleKind::Deduction);
    Criterion rate = Leaf("1.3", "1", 5, RuleKind::Rate);
    rate.target = 1.0;
    rate.noData = NoDataRule::Full;
    fw.criteria = {Group("1", "", 20), Leaf("1.1", "1", 10, RuleKind::Manual), deduction, rate};
    std::map<std::string, CriterionInput> none;
    const auto empty = cchc::RollUp(fw, none);
    BOOST_TEST(cchc::NothingEntered(empty));
    BOOST_TEST(cchc::WithoutData(empty).criteria == 2);
    BOOST_TEST(cchc::WithoutData(empty).points == 10.0, tt::tolerance(kTol));
    std::map<std::string, CriterionInput> one;
    one["1.1"] = Points(7);
    const auto typed = cchc::RollUp(fw, one);
    BOOST_TEST(!cchc::NothingEntered(typed));
    BOOST_TEST(cchc::WithoutData(typed).criteria == 2);
    BOOST_TEST(cchc::Total(fw, typed).points == 17.0, tt::tolerance(kTol));
}

BOOST_AUTO_TEST_SUITE_END()

// A criterion that is its own parent, or parents that go round, has no
// root: refused (the importer once reached the database with it).
BOOST_AUTO_TEST_CASE(a_criterion_among_its_own_ancestors_is_refused) {
    cchc::Framework fw;
    fw.code = "FW";
    fw.criteria = {Leaf("1", "1", 1, RuleKind::Manual)};
    auto p = cchc::CheckFramework(fw);
    BOOST_REQUIRE(!p.empty());
    BOOST_TEST(p.front().field == "1");
    fw.criteria = {Group("1", "2", 1), Group("2", "1", 1)};
    p = cchc::CheckFramework(fw);
    BOOST_TEST(std::count_if(p.begin(), p.end(), [](const auto& x) {
                   return x.message.find("ancestor") != std::string::npos;
               }) == 2);
    // A sub-criterion listed before its group is fine.
    fw.criteria = {Leaf("1.1", "1", 1, RuleKind::Manual), Group("1", "", 1)};
    BOOST_TEST(cchc::CheckFramework(fw).empty());
}
