// Scoring rules of index frameworks: see scoring.h.
#include "core/scoring.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <numeric>

#include "core/i18n.h"

namespace cchc {

namespace {

constexpr double kEps = 1e-9;

// A value entered as a number; NaN and infinities count as not entered.
std::optional<double> Finite(const std::optional<double>& v, std::vector<std::string>& problems) {
    if (!v) return std::nullopt;
    if (!std::isfinite(*v)) {
        problems.emplace_back(tr("a value is not a number and was ignored"));
        return std::nullopt;
    }
    return v;
}

// Entered points checked against 0..max.
double EnteredPoints(double points, double max, std::vector<std::string>& problems) {
    if (points < 0) {
        problems.emplace_back(tr("the score must not be negative"));
        return 0;
    }
    if (points > max + kEps) {
        problems.emplace_back(tr("score above maximum"));
        return max;
    }
    return std::min(points, max);
}

// Points computed by a rate rule; sets fromRate / noData / applicable.
double RatePoints(const Criterion& c, double max, const std::optional<double>& num,
                  const std::optional<double>& den, CriterionScore& s) {
    s.fromRate = true;
    if (num && *num < 0) s.problems.emplace_back(tr("the numerator must not be negative"));
    if (den && *den < 0) s.problems.emplace_back(tr("the denominator must not be negative"));
    if (num && !den) s.problems.emplace_back(tr("a numerator was given without a denominator"));
    if (!den || *den <= 0) {
        if (num && den && *num > 0)
            s.problems.emplace_back(tr("the numerator is larger than the denominator"));
        s.noData = true;
        switch (c.noData.value_or(NoDataRule::Zero)) {
            case NoDataRule::Full:
                return max;
            case NoDataRule::Zero:
                return 0;
            case NoDataRule::NotApplicable:
                s.applicable = false;
                return 0;
        }
        return 0;
    }
    double ratio = num ? std::max(0.0, *num) / *den : 0.0;
    if (ratio > 1 + kEps)
        s.problems.emplace_back(tr("the numerator is larger than the denominator"));
    ratio = std::min(ratio, 1.0);
    double target = (c.target && *c.target > 0) ? *c.target : 1.0;
    return max * std::min(1.0, ratio / target);
}

// Compares codes with their digit runs as numbers: "1.2" < "1.10" < "2".
bool CodeLess(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        bool da = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
        bool db = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
        if (da && db) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
            // Strip leading zeros, then a longer run is a larger number.
            std::size_t si = i, sj = j;
            while (si + 1 < ei && a[si] == '0') ++si;
            while (sj + 1 < ej && b[sj] == '0') ++sj;
            if (ei - si != ej - sj) return ei - si < ej - sj;
            int cmp = a.compare(si, ei - si, b, sj, ej - sj);
            if (cmp != 0) return cmp < 0;
            if (ei - i != ej - j) return ei - i < ej - j;
            i = ei;
            j = ej;
        } else {
            if (a[i] != b[j])
                return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

}  // namespace

CriterionScore ScoreCriterion(const Criterion& c, const CriterionInput& in) {
    CriterionScore s;
    const double max = std::max(0.0, c.maxPoints);
    s.max = max;
    auto& pr = s.problems;
    const auto points = Finite(in.points, pr);
    const RuleKind rule = c.rule.value_or(RuleKind::Manual);

    // The rule's own figures, and the score they give (when any were entered).
    std::optional<double> computed;
    switch (rule) {
        case RuleKind::Manual:
            break;
        case RuleKind::Rate: {
            const auto num = Finite(in.numerator, pr);
            const auto den = Finite(in.denominator, pr);
            // Points alone on a rate criterion: an entered score, nothing to compute.
            if (num || den || !points) computed = RatePoints(c, max, num, den, s);
            break;
        }
        case RuleKind::YesNo:
            if (in.yes || !points) computed = in.yes.value_or(false) ? max : 0.0;
            break;
        case RuleKind::Count: {
            const auto count = Finite(in.count, pr);
            if (count || !points) {
                double n = count.value_or(0);
                if (n < 0) {
                    pr.emplace_back(tr("the count must not be negative"));
                    n = 0;
                }
                if (count && (!c.perUnit || *c.perUnit <= 0))
                    pr.emplace_back(tr("a count criterion needs the points per unit"));
                computed = std::min(max, n * std::max(0.0, c.perUnit.value_or(0)));
            }
            break;
        }
        case RuleKind::Deduction: {
            const auto ded = Finite(in.deductions, pr);
            if (ded || !points) {
                double d = ded.value_or(0);
                if (d < 0) {
                    pr.emplace_back(tr("the deductions must not be negative"));
                    d = 0;
                }
                computed = std::max(0.0, max - d);
            }
            break;
        }
    }

    if (points && computed) {
        // Entered points win over the figures, but the user is told.
        s.overridden = true;
        s.fromRate = false;
        s.noData = false;
        s.applicable = true;
        pr.emplace_back(rule == RuleKind::Rate
                            ? tr("the entered score overrides the rate computed from numerator "
                                 "and denominator")
                            : tr("the entered score overrides the score computed by the rule"));
    }
    bool entered = false;
    if (points) {
        s.points = EnteredPoints(*points, max, pr);
        entered = true;
    } else {
        s.points = computed.value_or(0);
    }

    if (!s.applicable) {
        s.points = 0;
        s.max = 0;
        return s;
    }
    if (c.cap && s.points > *c.cap) {
        if (entered && *c.cap < max) pr.emplace_back(tr("score above the cap of the criterion"));
        s.points = std::max(0.0, *c.cap);
    }
    return s;
}

std::vector<NodeScore> RollUp(const Framework& fw,
                              const std::map<std::string, CriterionInput>& inputs) {
    const std::size_t n = fw.criteria.size();
    std::vector<NodeScore> out(n);
    std::map<std::string, std::size_t> byCode;
    std::map<std::int64_t, std::size_t> byId;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& c = fw.criteria[i];
        byCode.emplace(c.code, i);
        if (c.id != 0) byId.emplace(c.id, i);
    }
    // Parent index of every node (n when top level or unknown).
    std::vector<std::size_t> parent(n, n);
    std::vector<std::vector<std::size_t>> children(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& c = fw.criteria[i];
        out[i].code = c.code;
        out[i].title = c.title;
        out[i].maxPoints = c.maxPoints;
        std::size_t p = n;
        if (!c.parentCode.empty()) {
            auto it = byCode.find(c.parentCode);
            if (it != byCode.end()) p = it->second;
        } else if (c.parentId) {
            auto it = byId.find(*c.parentId);
            if (it != byId.end()) p = it->second;
        }
        if (p == i) p = n;
        parent[i] = p;
        if (p != n) {
            out[i].parentCode = fw.criteria[p].code;
            children[p].push_back(i);
        }
    }

    enum class State { Todo, Busy, Done };
    std::vector<State> state(n, State::Todo);
    std::function<void(std::size_t)> score = [&](std::size_t i) {
        if (state[i] != State::Todo) return;
        state[i] = State::Busy;
        const auto& c = fw.criteria[i];
        NodeScore& node = out[i];
        if (children[i].empty()) {
            auto it = inputs.find(c.code);
            CriterionScore s =
                ScoreCriterion(c, it == inputs.end() ? CriterionInput{} : it->second);
            node.leaf = true;
            node.max = s.max;
            node.points = s.points;
            node.applicable = s.applicable;
            node.fromRate = s.fromRate;
            node.noData = s.noData;
            node.overridden = s.overridden;
            node.entered = it != inputs.end() && it->second.Any();
            node.problems = std::move(s.problems);
        } else {
            node.leaf = false;
            double sumMax = 0, sumPoints = 0;
            bool any = false;
            for (std::size_t ch : children[i]) {
                if (state[ch] == State::Busy) {
                    node.problems.emplace_back(tr("the criteria form a cycle of parents"));
                    continue;
                }
                score(ch);
                if (!out[ch].applicable) continue;
                any = true;
                sumMax += out[ch].max;
                sumPoints += out[ch].points;
            }
            node.applicable = any;
            double max = sumMax;
            if (c.maxPoints > 0) max = std::min(max, c.maxPoints);
            double points = std::min(sumPoints, max);
            if (c.cap) points = std::min(points, std::max(0.0, *c.cap));
            node.max = any ? max : 0;
            node.points = any ? std::max(0.0, points) : 0;
        }
        state[i] = State::Done;
    };
    for (std::size_t i = 0; i < n; ++i) score(i);
    return out;
}

PointsWithoutData WithoutData(const std::vector<NodeScore>& nodes) {
    PointsWithoutData out;
    for (const auto& n : nodes)
        if (n.leaf && (!n.entered || n.noData) && n.applicable && n.points > 0) {
            ++out.criteria;
            out.points += n.points;
        }
    return out;
}

bool NothingEntered(const std::vector<NodeScore>& nodes) {
    for (const auto& n : nodes)
        if (n.leaf && n.entered) return false;
    return true;
}

FrameworkTotal Total(const Framework& fw, const std::vector<NodeScore>& nodes) {
    FrameworkTotal t;
    for (const auto& node : nodes) {
        if (!node.parentCode.empty() || !node.applicable) continue;
        t.points += node.points;
        t.max += node.max;
    }
    return TotalOf(fw, t.points, t.max);
}

FrameworkTotal TotalOf(const Framework& fw, double points, double max) {
    FrameworkTotal t;
    t.points = points;
    t.max = max;
    t.percent = max > 0 ? 100.0 * points / max : 0.0;
    t.band = BandFor(fw.bands, t.percent);
    return t;
}

namespace {
// NaN ranks last.
double RankKey(double v) { return std::isnan(v) ? -std::numeric_limits<double>::infinity() : v; }
// Rank = 1 + how many values are clearly larger; `sorted` holds the keys,
// largest first.
int RankIn(const std::vector<double>& sorted, double value) {
    const double k = RankKey(value);
    auto it =
        std::partition_point(sorted.begin(), sorted.end(), [&](double x) { return x > k + kEps; });
    return 1 + static_cast<int>(it - sorted.begin());
}
std::vector<double> SortedKeys(const std::vector<double>& values) {
    std::vector<double> sorted;
    sorted.reserve(values.size());
    for (double v : values) sorted.push_back(RankKey(v));
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    return sorted;
}
}  // namespace

std::vector<int> RankWithTies(const std::vector<double>& totals) {
    const std::vector<double> sorted = SortedKeys(totals);
    std::vector<int> ranks;
    ranks.reserve(totals.size());
    for (double v : totals) ranks.push_back(RankIn(sorted, v));
    return ranks;
}

int RankAmong(double value, const std::vector<double>& values) {
    return RankIn(SortedKeys(values), value);
}

std::vector<RankedUnit> Rank(std::vector<RankedUnit> units) {
    std::vector<double> percents;
    percents.reserve(units.size());
    for (const auto& u : units) percents.push_back(u.percent);
    const auto ranks = RankWithTies(percents);
    for (std::size_t i = 0; i < units.size(); ++i) units[i].rank = ranks[i];
    std::stable_sort(units.begin(), units.end(),
                     [](const RankedUnit& a, const RankedUnit& b) { return a.rank < b.rank; });
    return units;
}

std::vector<PointsLost> PointsAtStake(const Framework& fw, const std::vector<NodeScore>& nodes) {
    std::map<std::string, const Criterion*> byCode;
    for (const auto& c : fw.criteria) byCode.emplace(c.code, &c);
    std::vector<PointsLost> out;
    for (const auto& node : nodes) {
        if (!node.leaf || !node.applicable) continue;
        const double lost = node.max - node.points;
        if (lost <= kEps) continue;
        auto it = byCode.find(node.code);
        out.push_back({node.code, it != byCode.end() ? it->second->title : node.title, node.max,
                       node.points, lost});
    }
    // Compare losses on a micro-point grid so that 6 − 5.4 and 0.6 tie.
    auto grid = [](double v) { return std::llround(v * 1e6); };
    std::sort(out.begin(), out.end(), [&](const PointsLost& a, const PointsLost& b) {
        if (grid(a.lost) != grid(b.lost)) return grid(a.lost) > grid(b.lost);
        return CodeLess(a.code, b.code);
    });
    return out;
}

std::vector<CriterionLosses> SumLosses(const std::vector<std::vector<PointsLost>>& perUnit) {
    std::map<std::string, CriterionLosses> byCode;
    for (const auto& unit : perUnit)
        for (const auto& p : unit) {
            auto& l = byCode[p.code];
            l.code = p.code;
            l.title = p.title;
            l.max = std::max(l.max, p.max);
            l.units += 1;
            l.lost += p.lost;
        }
    std::vector<CriterionLosses> out;
    for (auto& [code, l] : byCode) {
        l.averageLost = l.units > 0 ? l.lost / l.units : 0;
        out.push_back(std::move(l));
    }
    auto grid = [](double v) { return std::llround(v * 1e6); };
    std::sort(out.begin(), out.end(), [&](const CriterionLosses& a, const CriterionLosses& b) {
        if (grid(a.lost) != grid(b.lost)) return grid(a.lost) > grid(b.lost);
        return CodeLess(a.code, b.code);
    });
    return out;
}

}  // namespace cchc
