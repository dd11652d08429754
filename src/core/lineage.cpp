#include "core/lineage.h"

#include <map>
#include <set>

#include "core/text.h"
#include "core/vnformat.h"

namespace cchc {

std::optional<double> ParseShare(const std::string& text) {
    const std::string t = Trim(text);
    if (t.empty()) return 1.0;
    const bool percent = t.back() == '%';
    auto v = ParseVnNumber(t);
    if (!v) return std::nullopt;
    double share = percent ? *v / 100 : *v;
    if (!(share > 0) || share > 1 + 1e-9) return std::nullopt;
    return share > 1 ? 1.0 : share;
}

std::optional<std::int64_t> LineageCycle(const std::vector<LineageLink>& links) {
    std::map<std::int64_t, std::vector<std::int64_t>> before;
    for (const auto& l : links) before[l.unitId].push_back(l.predecessorId);
    // Depth-first over the predecessors: 1 while a unit is on the path, 2
    // when all its ancestors are seen.
    std::map<std::int64_t, int> state;
    std::optional<std::int64_t> found;
    auto walk = [&](auto&& self, std::int64_t unit) -> void {
        state[unit] = 1;
        auto it = before.find(unit);
        if (it != before.end())
            for (std::int64_t p : it->second) {
                if (found) return;
                if (state[p] == 1) {
                    found = p;
                    return;
                }
                if (state[p] == 0) self(self, p);
            }
        state[unit] = 2;
    };
    for (const auto& l : links) {
        if (found) break;
        if (state[l.unitId] == 0) walk(walk, l.unitId);
    }
    return found;
}

std::vector<std::int64_t> OverSharedPredecessors(const std::vector<LineageLink>& links) {
    std::map<std::int64_t, double> given;
    for (const auto& l : links) given[l.predecessorId] += l.share;
    std::vector<std::int64_t> out;
    std::set<std::int64_t> named;
    for (const auto& l : links)
        if (given[l.predecessorId] > 1 + 1e-6 && named.insert(l.predecessorId).second)
            out.push_back(l.predecessorId);
    return out;
}

bool LinkBridges(const LineageLink& link, const Period& previous, const Period& current) {
    return link.formedOn.Valid() && link.formedOn > previous.Window(WindowKind::Calendar).first &&
           link.formedOn <= current.Window(WindowKind::Calendar).last;
}

std::optional<double> CombinedPercent(const std::vector<PredecessorPercent>& parts) {
    double weight = 0, sum = 0;
    for (const auto& p : parts) {
        weight += p.share;
        sum += p.share * p.percent;
    }
    if (parts.empty() || !(weight > 0)) return std::nullopt;
    return sum / weight;
}

}  // namespace cchc
