#include "core/framework.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/i18n.h"

namespace cchc {
namespace {
template <typename E>
struct KeyName {
    E value;
    const char* key;
    const char* label;
};
const KeyName<FrameworkKind> kKinds[] = {
    {FrameworkKind::Par, "par", N_("PAR index")},
    {FrameworkKind::Service, "service", N_("Service index")},
    {FrameworkKind::Survey, "survey", N_("Satisfaction survey")},
    {FrameworkKind::Self, "self", N_("Self-assessment")},
    {FrameworkKind::Custom, "custom", N_("Custom")},
};
const KeyName<RuleKind> kRules[] = {
    {RuleKind::Manual, "manual", N_("Points by judgement")},
    {RuleKind::Rate, "rate", N_("Rate against a target")},
    {RuleKind::YesNo, "yesno", N_("Yes / no")},
    {RuleKind::Count, "count", N_("Count × points")},
    {RuleKind::Deduction, "deduction", N_("Deduction from maximum")},
};
const KeyName<NoDataRule> kNoData[] = {
    {NoDataRule::Full, "full", N_("Full points")},
    {NoDataRule::Zero, "zero", N_("Zero")},
    {NoDataRule::NotApplicable, "na", N_("Not applicable")},
};

template <typename E, std::size_t N>
std::string_view KeyOf(const KeyName<E> (&table)[N], E v) {
    for (const auto& k : table)
        if (k.value == v) return k.key;
    return {};
}
template <typename E, std::size_t N>
std::optional<E> FromKey(const KeyName<E> (&table)[N], std::string_view key) {
    for (const auto& k : table)
        if (key == k.key) return k.value;
    return std::nullopt;
}
template <typename E, std::size_t N>
std::string LabelOf(const KeyName<E> (&table)[N], E v) {
    for (const auto& k : table)
        if (k.value == v) return tr(k.label);
    return {};
}

std::string Num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}
}  // namespace

std::string_view FrameworkKindKey(FrameworkKind k) { return KeyOf(kKinds, k); }
std::optional<FrameworkKind> FrameworkKindFromKey(std::string_view key) {
    return FromKey(kKinds, key);
}
std::string FrameworkKindLabel(FrameworkKind k) { return LabelOf(kKinds, k); }
std::string_view RuleKindKey(RuleKind k) { return KeyOf(kRules, k); }
std::optional<RuleKind> RuleKindFromKey(std::string_view key) { return FromKey(kRules, key); }
std::string RuleKindLabel(RuleKind k) { return LabelOf(kRules, k); }
std::string_view NoDataRuleKey(NoDataRule r) { return KeyOf(kNoData, r); }
std::optional<NoDataRule> NoDataRuleFromKey(std::string_view key) { return FromKey(kNoData, key); }
std::string NoDataRuleLabel(NoDataRule r) { return LabelOf(kNoData, r); }

std::optional<double> TargetRatio(std::optional<double> typed) {
    if (typed && *typed > 1) return *typed / 100.0;
    return typed;
}

std::vector<std::pair<const Criterion*, int>> TreeOrder(const Framework& fw) {
    std::map<std::int64_t, std::vector<const Criterion*>> children;
    std::vector<const Criterion*> roots;
    std::set<std::int64_t> ids;
    for (const auto& c : fw.criteria) ids.insert(c.id);
    for (const auto& c : fw.criteria) {
        if (c.parentId && ids.count(*c.parentId))
            children[*c.parentId].push_back(&c);
        else
            roots.push_back(&c);
    }
    auto bySort = [](const Criterion* a, const Criterion* b) {
        return a->sortOrder < b->sortOrder;
    };
    std::vector<std::pair<const Criterion*, int>> out;
    std::function<void(std::vector<const Criterion*>, int)> walk =
        [&](std::vector<const Criterion*> list, int depth) {
            std::stable_sort(list.begin(), list.end(), bySort);
            for (const Criterion* c : list) {
                out.emplace_back(c, depth);
                auto it = children.find(c->id);
                if (it != children.end()) walk(it->second, depth + 1);
            }
        };
    walk(roots, 0);
    return out;
}

std::optional<std::vector<Band>> ParseBands(std::string_view text) {
    std::vector<Band> bands;
    std::size_t start = 0;
    while (start < text.size()) {
        auto semi = text.find(';', start);
        std::string_view part =
            text.substr(start, semi == std::string_view::npos ? text.npos : semi - start);
        start = semi == std::string_view::npos ? text.size() : semi + 1;
        if (part.find_first_not_of(' ') == std::string_view::npos) continue;
        auto colon = part.rfind(':');
        if (colon == std::string_view::npos) return std::nullopt;
        Band b;
        b.label = std::string(part.substr(0, colon));
        while (!b.label.empty() && b.label.front() == ' ') b.label.erase(0, 1);
        while (!b.label.empty() && b.label.back() == ' ') b.label.pop_back();
        std::string num(part.substr(colon + 1));
        for (auto& c : num)
            if (c == ',') c = '.';
        char* end = nullptr;
        b.minPercent = std::strtod(num.c_str(), &end);
        if (end == num.c_str() || b.label.empty() || b.minPercent < 0 || b.minPercent > 100)
            return std::nullopt;
        bands.push_back(b);
    }
    for (std::size_t i = 1; i < bands.size(); ++i)
        if (bands[i].minPercent >= bands[i - 1].minPercent) return std::nullopt;
    return bands;
}

std::string FormatBands(const std::vector<Band>& bands) {
    std::string out;
    for (const auto& b : bands) {
        if (!out.empty()) out += ';';
        out += b.label + ":" + Num(b.minPercent);
    }
    return out;
}

std::string BandFor(const std::vector<Band>& bands, double percent) {
    for (const auto& b : bands)
        if (percent + 1e-9 >= b.minPercent) return b.label;
    return bands.empty() ? std::string() : bands.back().label;
}

Problems CheckFramework(const Framework& fw) {
    Problems p;
    std::map<std::string, const Criterion*> byCode;
    for (const auto& c : fw.criteria) {
        if (c.code.empty()) {
            p.push_back({c.title, tr("a criterion has no code")});
            continue;
        }
        if (!byCode.emplace(c.code, &c).second)
            p.push_back({c.code, tr("the code appears twice in the framework")});
        if (c.maxPoints < 0) p.push_back({c.code, tr("maximum points must not be negative")});
        if (c.rule == RuleKind::Rate && (!c.target || *c.target <= 0 || *c.target > 1))
            p.push_back(
                {c.code, tr("a rate criterion needs a target ratio above 0 and at most 1")});
        if (c.rule == RuleKind::Count && (!c.perUnit || *c.perUnit <= 0))
            p.push_back({c.code, tr("a count criterion needs the points per unit")});
        // Whatever the rule: a target, points per unit or a cap given is in range.
        if (c.rule != RuleKind::Rate && c.target && (*c.target <= 0 || *c.target > 1))
            p.push_back({c.code, tr("a target is a ratio above 0 and at most 1")});
        if (c.rule != RuleKind::Count && c.perUnit && *c.perUnit < 0)
            p.push_back({c.code, tr("points per unit must not be negative")});
        if (c.cap && *c.cap < 0) p.push_back({c.code, tr("a cap must not be negative")});
    }
    std::map<std::string, double> childSum;
    std::set<std::string> hasChildren;
    for (const auto& c : fw.criteria) {
        if (c.parentCode.empty()) continue;
        if (!byCode.count(c.parentCode)) {
            p.push_back(
                {c.code, std::string(tr("the parent criterion does not exist: ")) + c.parentCode});
            continue;
        }
        childSum[c.parentCode] += c.maxPoints;
        hasChildren.insert(c.parentCode);
    }
    // A criterion among its own ancestors (its own parent, or parents that
    // go round): the tree has no root for it.
    for (const auto& c : fw.criteria) {
        std::string at = c.parentCode;
        for (std::size_t steps = 0; !at.empty() && byCode.count(at); ++steps) {
            if (at == c.code || steps > fw.criteria.size()) {
                p.push_back({c.code, tr("the criterion is its own parent or ancestor")});
                break;
            }
            at = byCode[at]->parentCode;
        }
    }
    for (const auto& [code, sum] : childSum) {
        const Criterion* parent = byCode[code];
        if (std::fabs(sum - parent->maxPoints) > 1e-6)
            p.push_back(
                {code, fmt::format(fmt::runtime(tr("the children's maximum points add up to "
                                                   "{0}, not {1}")),
                                   Num(sum), Num(parent->maxPoints))});
    }
    for (const auto& c : fw.criteria)
        if (!hasChildren.count(c.code) && !c.rule)
            p.push_back({c.code, tr("a criterion without sub-criteria needs a scoring rule")});
    return p;
}

}  // namespace cchc
