// Stored totals of result sets: see result_totals.h.
#include "services/results/result_totals.h"

#include <map>

#include "core/org.h"
#include "core/scoring.h"
#include "storage/framework_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

Framework CommuneView(const Framework& fw) {
    Framework out = fw;
    out.criteria.clear();
    std::set<std::int64_t> removed;
    for (const auto& c : fw.criteria) {
        if (!c.appliesToCommunes || (c.parentId && removed.count(*c.parentId))) {
            removed.insert(c.id);
            continue;
        }
        out.criteria.push_back(c);
    }
    return out;
}

void RefreshTotals(storage::Database& db, std::int64_t frameworkId, const std::string& period,
                   const std::set<std::int64_t>& units) {
    auto fw = storage::FrameworkRepository(db.session()).Load(frameworkId);
    if (!fw) return;
    const Framework communeFw = CommuneView(*fw);
    std::map<std::int64_t, const Criterion*> byId;
    for (const auto& c : fw->criteria) byId[c.id] = &c;

    std::set<std::int64_t> communeUnits;
    for (const auto& u : storage::UnitRepository(db.session()).All())
        if (IsCommuneLevel(u.kind)) communeUnits.insert(u.id);

    struct Inputs {
        std::map<std::string, CriterionInput> self, appraised;
    };
    std::map<std::int64_t, Inputs> byUnit;
    storage::ResultRepository results(db.session());
    std::vector<ResultRecord> rows;
    if (units.size() == 1)
        rows = results.ForUnitFrameworkPeriod(*units.begin(), frameworkId, period);
    else
        rows = results.ForFrameworkAndPeriod(frameworkId, period);
    for (const auto& r : rows) {
        if (!units.empty() && !units.count(r.unitId)) continue;
        auto c = byId.find(r.criterionId);
        if (c == byId.end()) continue;
        auto& in = byUnit[r.unitId];
        CriterionInput input;
        input.numerator = r.numerator;
        input.denominator = r.denominator;
        input.points = r.selfScore;
        in.self[c->second->code] = input;
        input.points = r.appraisedScore;
        in.appraised[c->second->code] = input;
    }

    storage::ResultSetRepository sets(db.session());
    std::vector<storage::SetTotals> totals;
    for (const auto& set : sets.ForFrameworkAndPeriod(frameworkId, period)) {
        if (!units.empty() && !units.count(set.unitId)) continue;
        const Framework& view = communeUnits.count(set.unitId) ? communeFw : *fw;
        const Inputs& in = byUnit[set.unitId];
        // A side with nothing entered has no total (maximum 0): a commune
        // with self scores only is not in the appraised ranking, whatever
        // points the no-data rules would give.
        auto total = [&view](const std::map<std::string, CriterionInput>& inputs) {
            const auto nodes = RollUp(view, inputs);
            return NothingEntered(nodes) ? FrameworkTotal{} : Total(view, nodes);
        };
        const FrameworkTotal self = total(in.self), appraised = total(in.appraised);
        totals.push_back({set.id, self.points, self.max, appraised.points, appraised.max});
    }
    sets.StoreTotals(totals);
}

void RefreshStaleTotals(storage::Database& db, std::int64_t frameworkId,
                        const std::string& period) {
    for (const auto& [fw, p] : storage::ResultSetRepository(db.session()).StalePairs()) {
        if (frameworkId != 0 && (fw != frameworkId || p != period)) continue;
        RefreshTotals(db, fw, p);
    }
}

}  // namespace cchc::services
