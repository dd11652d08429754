#include "core/programme_areas.h"

#include <map>

#include "core/collation.h"

namespace cchc {

std::optional<std::size_t> AreaOf(std::string_view text, const std::vector<ProgrammeArea>& areas) {
    const std::string folded = FoldForSearch(text);
    for (std::size_t i = 0; i < areas.size(); ++i)
        for (const auto& word : areas[i].keywords) {
            const std::string w = FoldForSearch(word);
            if (!w.empty() && folded.find(w) != std::string::npos) return i;
        }
    return std::nullopt;
}

namespace {

// Up the tree from c to its root; nullptr on a loop.
const Criterion* Climb(const Framework& fw, const Criterion* c) {
    std::map<std::int64_t, const Criterion*> byId;
    std::map<std::string, const Criterion*> byCode;
    for (const auto& x : fw.criteria) {
        if (x.id != 0) byId[x.id] = &x;
        byCode[x.code] = &x;
    }
    for (std::size_t steps = 0; c && steps <= fw.criteria.size(); ++steps) {
        const Criterion* parent = nullptr;
        if (c->parentId) {
            auto it = byId.find(*c->parentId);
            if (it != byId.end()) parent = it->second;
        } else if (!c->parentCode.empty()) {
            auto it = byCode.find(c->parentCode);
            if (it != byCode.end()) parent = it->second;
        }
        if (!parent) return c;
        c = parent;
    }
    return nullptr;
}

template <class Loss, class Units>
std::vector<AreaLoss> Sum(const Framework& fw, const std::vector<Loss>& lost,
                          const std::vector<ProgrammeArea>& areas, Units units) {
    std::vector<AreaLoss> out(areas.size());
    for (const auto& l : lost) {
        const Criterion* root = RootCriterionByCode(fw, l.code);
        if (!root) continue;
        const auto area = AreaOf(root->title, areas);
        if (!area) continue;
        AreaLoss& a = out[*area];
        a.lost += l.lost;
        if (l.lost > a.worstLost) {
            a.worstLost = l.lost;
            a.worstCode = l.code;
            a.worstTitle = l.title;
            a.worstUnits = units(l);
        }
    }
    return out;
}

}  // namespace

const Criterion* RootCriterion(const Framework& fw, std::int64_t criterionId) {
    for (const auto& c : fw.criteria)
        if (c.id == criterionId) return Climb(fw, &c);
    return nullptr;
}

const Criterion* RootCriterionByCode(const Framework& fw, std::string_view code) {
    for (const auto& c : fw.criteria)
        if (c.code == code) return Climb(fw, &c);
    return nullptr;
}

std::string AreaText(const Framework* fw, std::optional<std::int64_t> criterionId,
                     const std::string& groupTitle, const std::string& criterionTitle) {
    if (fw && criterionId)
        if (const Criterion* root = RootCriterion(*fw, *criterionId)) return root->title;
    return groupTitle.empty() ? criterionTitle : groupTitle;
}

std::vector<AreaLoss> LossesByArea(const Framework& fw, const std::vector<PointsLost>& lost,
                                   const std::vector<ProgrammeArea>& areas) {
    return Sum(fw, lost, areas, [](const PointsLost&) { return 1; });
}

std::vector<AreaLoss> LossesByArea(const Framework& fw, const std::vector<CriterionLosses>& lost,
                                   const std::vector<ProgrammeArea>& areas) {
    return Sum(fw, lost, areas, [](const CriterionLosses& l) { return l.units; });
}

}  // namespace cchc
