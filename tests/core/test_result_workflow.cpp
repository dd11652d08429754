// Tests of core/result_workflow.h: which values each state locks, every
// workflow step from every state, the validation of a sheet, and the
// office-wide sum of points lost.
#include <boost/test/unit_test.hpp>

#include "core/result_workflow.h"

using namespace cchc;
namespace tt = boost::test_tools;

namespace {
const char* Key(std::optional<ResultStatus> s) {
    return s ? ResultStatusKey(*s).data() : "refused";
}

Framework SmallFramework() {
    Framework fw;
    fw.code = "T";
    auto add = [&](std::int64_t id, std::optional<std::int64_t> parent, const char* code,
                   double max, std::optional<RuleKind> rule, bool evidence) {
        Criterion c;
        c.id = id;
        c.parentId = parent;
        c.code = code;
        c.title = code;
        c.maxPoints = max;
        c.rule = rule;
        c.evidenceRequired = evidence;
        c.target = 1;
        fw.criteria.push_back(c);
    };
    add(1, std::nullopt, "1", 5, std::nullopt, false);
    add(2, 1, "1.1", 2, RuleKind::Manual, true);
    add(3, 1, "1.2", 3, RuleKind::Rate, false);
    return fw;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(result_workflow)

BOOST_AUTO_TEST_CASE(each_state_locks_its_own_values) {
    struct Case {
        ResultStatus status;
        ResultField field;
        bool allowed;
    };
    const Case cases[] = {
        {ResultStatus::Draft, ResultField::SelfScore, true},
        {ResultStatus::Draft, ResultField::AppraisedScore, true},
        {ResultStatus::Draft, ResultField::Numerator, true},
        {ResultStatus::Submitted, ResultField::SelfScore, false},
        {ResultStatus::Submitted, ResultField::Numerator, false},
        {ResultStatus::Submitted, ResultField::Denominator, false},
        {ResultStatus::Submitted, ResultField::AppraisedScore, true},
        {ResultStatus::Submitted, ResultField::Note, true},
        {ResultStatus::Appraised, ResultField::AppraisedScore, false},
        {ResultStatus::Appraised, ResultField::Note, false},
        {ResultStatus::Appraised, ResultField::SelfScore, false},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(ResultStatusKey(c.status) << " " << ResultFieldKey(c.field)) {
            auto refusal = EditRefusal(c.status, c.field);
            BOOST_TEST(!refusal.has_value() == c.allowed);
            if (refusal) BOOST_TEST(!refusal->empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(every_step_from_every_state) {
    struct Case {
        ResultStatus from;
        SetAction action;
        std::string reason;
        const char* to;
    };
    const Case cases[] = {
        {ResultStatus::Draft, SetAction::Submit, "", "submitted"},
        {ResultStatus::Submitted, SetAction::Submit, "", "refused"},
        {ResultStatus::Appraised, SetAction::Submit, "", "refused"},
        {ResultStatus::Draft, SetAction::Withdraw, "", "refused"},
        {ResultStatus::Submitted, SetAction::Withdraw, "", "draft"},
        {ResultStatus::Appraised, SetAction::Withdraw, "", "refused"},
        {ResultStatus::Draft, SetAction::Appraise, "", "appraised"},
        {ResultStatus::Submitted, SetAction::Appraise, "", "appraised"},
        {ResultStatus::Appraised, SetAction::Appraise, "", "refused"},
        {ResultStatus::Submitted, SetAction::Reopen, "lý do", "refused"},
        {ResultStatus::Appraised, SetAction::Reopen, "", "refused"},
        {ResultStatus::Appraised, SetAction::Reopen, " \t", "refused"},
        {ResultStatus::Appraised, SetAction::Reopen, "Nhập sai điểm", "submitted"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(ResultStatusKey(c.from)
                           << " " << static_cast<int>(c.action) << " '" << c.reason << "'") {
            Transition t = NextStatus(c.from, c.action, c.reason);
            BOOST_TEST(std::string(Key(t.next)) == c.to);
            BOOST_TEST(t.refusal.empty() == t.next.has_value());
        }
    }
    BOOST_TEST(std::string(Key(ResultStatusFromKey("appraised"))) == "appraised");
    BOOST_TEST(!ResultStatusFromKey("locked").has_value());
}

BOOST_AUTO_TEST_CASE(validation_lists_every_problem_per_criterion) {
    const Framework fw = SmallFramework();
    std::map<std::string, SheetEntry> entries;
    entries["1.1"] = {2.5, 3.0, std::nullopt, std::nullopt, 0};  // both above max, no evidence
    entries["1.2"] = {std::nullopt, std::nullopt, 8.0, 5.0, 0};  // numerator above denominator
    auto problems = ValidateSheet(fw, entries);
    BOOST_REQUIRE(problems.size() == 2u);
    BOOST_TEST(problems[0].code == "1.1");
    BOOST_TEST(problems[0].problems.size() == 3u);
    BOOST_TEST(problems[1].code == "1.2");
    BOOST_TEST(problems[1].problems.size() == 1u);

    // At the boundaries: exactly the maximum, numerator equal to the
    // denominator, evidence attached: nothing to say.
    entries["1.1"] = {2.0, 2.0, std::nullopt, std::nullopt, 1};
    entries["1.2"] = {std::nullopt, std::nullopt, 5.0, 5.0, 0};
    BOOST_TEST(ValidateSheet(fw, entries).empty());
    // A zero self score needs no evidence; a positive one does.
    entries["1.1"] = {0.0, std::nullopt, std::nullopt, std::nullopt, 0};
    BOOST_TEST(ValidateSheet(fw, entries).empty());
    entries["1.1"] = {0.25, std::nullopt, std::nullopt, std::nullopt, 0};
    BOOST_TEST(ValidateSheet(fw, entries).size() == 1u);
    // A rate with a numerator and no (or a zero) denominator.
    entries["1.1"] = {std::nullopt, std::nullopt, std::nullopt, std::nullopt, 0};
    entries["1.2"] = {std::nullopt, std::nullopt, 4.0, std::nullopt, 0};
    BOOST_TEST(ValidateSheet(fw, entries).size() == 1u);
    entries["1.2"] = {std::nullopt, std::nullopt, 0.0, 0.0, 0};
    BOOST_TEST(ValidateSheet(fw, entries).size() == 1u);
    // A rate with nothing is the no-data rule's business, not a problem.
    entries["1.2"] = {};
    BOOST_TEST(ValidateSheet(fw, entries).empty());
}

BOOST_AUTO_TEST_CASE(losses_add_up_over_units) {
    std::vector<std::vector<PointsLost>> perUnit = {
        {{"1.10", "b", 2, 1, 1}, {"1.2", "a", 2, 0.5, 1.5}},
        {{"1.2", "a", 2, 1, 1}, {"1.10", "b", 2, 0.5, 1.5}},
        {{"3", "c", 1, 0, 1}},
    };
    auto sums = SumLosses(perUnit);
    BOOST_REQUIRE(sums.size() == 3u);
    // 1.10 and 1.2 both lost 2.5 in all: ordered by code, "1.2" first.
    BOOST_TEST(sums[0].code == "1.2");
    BOOST_TEST(sums[1].code == "1.10");
    BOOST_TEST(sums[0].lost == 2.5, tt::tolerance(1e-9));
    BOOST_TEST(sums[0].units == 2);
    BOOST_TEST(sums[0].averageLost == 1.25, tt::tolerance(1e-9));
    BOOST_TEST(sums[2].code == "3");
    BOOST_TEST(SumLosses({}).empty());
}

// The period lists open on: the latest appraised one, not a later year
// with a stray draft; without appraisal the one with most sets.
BOOST_AUTO_TEST_CASE(lists_open_on_the_latest_appraised_period) {
    using cchc::PeriodSets;
    BOOST_TEST(cchc::DefaultResultPeriod({}).empty());
    BOOST_TEST(cchc::DefaultResultPeriod({{"2024", 18, 18}, {"2025", 18, 18}, {"2027", 1, 0}}) ==
               "2025");
    BOOST_TEST(cchc::DefaultResultPeriod({{"2025", 18, 0}, {"2026", 2, 0}}) == "2025");
    BOOST_TEST(cchc::DefaultResultPeriod({{"2025", 3, 0}, {"2026", 3, 0}}) == "2026");
    BOOST_TEST(cchc::DefaultResultPeriod({{"2025", 18, 0}, {"2024", 18, 1}}) == "2024");
}

BOOST_AUTO_TEST_SUITE_END()
