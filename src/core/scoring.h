// Scoring of index frameworks (PAR index, Decision 766 service index, ...):
// pure rules, no storage. How to use it:
//   1. For every leaf criterion that has figures, fill a CriterionInput
//      (entered points, numerator/denominator, yes/no, count or deductions)
//      and key it by criterion code.
//   2. RollUp(framework, inputs) scores each leaf with ScoreCriterion and adds
//      the leaves up through the groups; Total() gives the framework's points,
//      % of the maximum and rating band.
//   3. Rank() orders units by % of the maximum with competition ranking
//      (1, 2, 2, 4); PointsAtStake() lists the leaves that lost points, the
//      input of a remediation plan.
// Problems found while scoring (a score above the maximum, a numerator above
// its denominator, ...) are returned as translated text beside the score;
// scoring never throws.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/framework.h"

namespace cchc {

// What was entered for one criterion. Which fields matter depends on the
// criterion's rule; an empty field means "not entered".
struct CriterionInput {
    // Points given directly (self or appraised score). For manual criteria
    // this is the score; for the other rules, when given beside the rule's
    // own figures, it overrides the computed score (and is flagged).
    std::optional<double> points;
    // Rate: ratio = numerator / denominator (e.g. dossiers settled on time /
    // dossiers settled). A missing or zero denominator means "no data".
    std::optional<double> numerator, denominator;
    std::optional<bool> yes;           // YesNo: yes → max, no → 0
    std::optional<double> count;       // Count: count × per-unit points
    std::optional<double> deductions;  // Deduction: points taken off the max
    // Whether anything at all was entered.
    bool Any() const { return points || numerator || denominator || yes || count || deductions; }
};

// The score of one criterion.
struct CriterionScore {
    double points = 0;                  // points earned, 0..max (and not above the cap)
    double max = 0;                     // maximum counted; 0 when not applicable
    bool applicable = true;             // false: the no-data rule "na" applied
    bool fromRate = false;              // points computed from numerator/denominator
    bool noData = false;                // a rate without a denominator: no-data rule used
    bool overridden = false;            // entered points replaced the computed score
    std::vector<std::string> problems;  // translated, one sentence each
};

// Scores one criterion by its rule (a criterion without a rule is scored as
// manual points):
//  - Manual: the entered points, 0..max (above max or negative: flagged and
//    clamped); nothing entered → 0.
//  - Rate: max × min(1, ratio / target) (target missing → 1); when the
//    denominator is missing or 0 the no-data rule applies (full → max,
//    zero → 0 (the default), na → not applicable, max 0). A numerator above
//    the denominator is flagged and the ratio taken as 1.
//  - YesNo: yes → max, no or nothing → 0.
//  - Count: count × perUnit, at most max.
//  - Deduction: max − deductions, not below 0; nothing entered → max.
// Whatever the rule, the result is never above c.cap when it is set.
CriterionScore ScoreCriterion(const Criterion& c, const CriterionInput& in);

// One node of the framework tree after roll-up, in the framework's order.
struct NodeScore {
    std::string code;
    std::string parentCode;  // "" for a top-level field
    std::string title;
    bool leaf = true;      // scored by its rule, not from children
    double maxPoints = 0;  // the maximum as configured in the framework
    double max = 0;        // the maximum counted (lowered by n/a children)
    double points = 0;
    bool applicable = true;  // a group is n/a when all its children are
    bool fromRate = false;
    bool noData = false;
    bool overridden = false;
    bool entered = false;  // a leaf: anything was entered for it (CriterionInput::Any)
    std::vector<std::string> problems;
};

// Scores the leaves of fw with the inputs keyed by criterion code (a leaf
// without an input is scored from an empty CriterionInput) and rolls them
// up: a group's max = the sum of its applicable children's max (not above
// its own configured max when that is positive); its points = the sum of its
// applicable children's points, at most its max and its cap. Parents are
// found by parentCode (or parentId when parentCode is empty).
std::vector<NodeScore> RollUp(const Framework& fw,
                              const std::map<std::string, CriterionInput>& inputs);

struct FrameworkTotal {
    double points = 0;
    double max = 0;
    double percent = 0;  // 100 × points / max; 0 when max is 0
    std::string band;    // from fw.bands via BandFor ("" when no bands)
};

// Totals over the applicable top-level nodes of a RollUp result.
FrameworkTotal Total(const Framework& fw, const std::vector<NodeScore>& nodes);

// The leaves of a RollUp result that earned points without data: nothing
// entered (a deduction not incurred) or a rate without its figures whose
// no-data rule gives full points. How many and the points they bring.
struct PointsWithoutData {
    int criteria = 0;
    double points = 0;
};
PointsWithoutData WithoutData(const std::vector<NodeScore>& nodes);
// Whether nothing at all was entered for any leaf. Such a set awards no
// points yet (a draft nobody has typed in).
bool NothingEntered(const std::vector<NodeScore>& nodes);
// The total of `points` out of `max` (% of the maximum and band), as Total()
// gives it; for totals stored earlier.
FrameworkTotal TotalOf(const Framework& fw, double points, double max);

// Standard competition ranking by descending value: {90, 80, 80, 70} →
// {1, 2, 2, 4}. Values within 1e-9 of each other tie; NaN ranks last.
// The result is parallel to the input.
std::vector<int> RankWithTies(const std::vector<double>& totals);
// The rank `value` has among `values` (which hold it) as RankWithTies gives
// it: 1 + how many values are clearly larger.
int RankAmong(double value, const std::vector<double>& values);

struct RankedUnit {
    std::int64_t unitId = 0;
    double points = 0, max = 0, percent = 0;
    std::string band;
    int rank = 0;                  // filled by Rank()
    std::optional<double> change;  // vs the previous period, when known
};

// Fills rank from percent (descending, ties as in RankWithTies) and returns
// the units ordered by rank; units with the same rank keep the input order.
std::vector<RankedUnit> Rank(std::vector<RankedUnit> units);

struct PointsLost {
    std::string code;
    std::string title;
    double max = 0, points = 0, lost = 0;  // lost = max − points
};

// The applicable leaves that lost points, most points lost first; equal
// losses are ordered by code ("1.2" before "1.10").
std::vector<PointsLost> PointsAtStake(const Framework& fw, const std::vector<NodeScore>& nodes);

// Points lost on one criterion summed over many units.
struct CriterionLosses {
    std::string code, title;
    double max = 0;          // the criterion's maximum
    int units = 0;           // units that lost points on it
    double lost = 0;         // points lost in all
    double averageLost = 0;  // lost / units
};
// Adds up the PointsAtStake lists of many units: most points lost in all
// first, equal losses by code ("1.2" before "1.10").
std::vector<CriterionLosses> SumLosses(const std::vector<std::vector<PointsLost>>& perUnit);

}  // namespace cchc
