// Conflicts of frameworks and criteria (see framework_conflicts.h).
#include "core/framework_conflicts.h"

#include "core/i18n.h"
#include "core/vnformat.h"

namespace cchc {

namespace {
std::string Number(const std::optional<double>& v) {
    return v ? FormatNumberTrim(*v, 4) : std::string();
}
}  // namespace

std::vector<FieldConflict> CriterionConflicts(const Criterion& mine, const Criterion& stored) {
    auto rule = [](const Criterion& c) { return c.rule ? RuleKindLabel(*c.rule) : std::string(); };
    auto noData = [](const Criterion& c) {
        return c.noData ? NoDataRuleLabel(*c.noData) : std::string();
    };
    auto target = [](const Criterion& c) {
        return c.target ? FormatPercentTrim(*c.target * 100, 2) : std::string();
    };
    ConflictFields f;
    f.Compare("code", tr("Code"), mine.code, stored.code)
        .Compare("title", tr("Title"), mine.title, stored.title)
        .Compare("max_points", tr("Maximum points"), Number(mine.maxPoints),
                 Number(stored.maxPoints))
        .Compare("rule", tr("Scoring rule"), rule(mine), rule(stored))
        .Compare("target", tr("Target"), target(mine), target(stored))
        .Compare("per_unit", tr("Points per unit"), Number(mine.perUnit), Number(stored.perUnit))
        .Compare("cap", tr("Cap"), Number(mine.cap), Number(stored.cap))
        .Compare("no_data", tr("Without data"), noData(mine), noData(stored))
        .CompareYesNo("evidence_required", tr("Evidence required"), mine.evidenceRequired,
                      stored.evidenceRequired)
        .CompareYesNo("applies_to_communes", tr("Applies to communes"), mine.appliesToCommunes,
                      stored.appliesToCommunes)
        .Compare("guidance", tr("Guidance"), mine.guidance, stored.guidance);
    return f.Take();
}

Criterion MergeCriterion(const Criterion& mine, const Criterion& stored, const KeptFields& kept) {
    Criterion c = mine;
    c.code = Pick(kept, "code", mine.code, stored.code);
    c.title = Pick(kept, "title", mine.title, stored.title);
    c.maxPoints = Pick(kept, "max_points", mine.maxPoints, stored.maxPoints);
    c.rule = Pick(kept, "rule", mine.rule, stored.rule);
    c.target = Pick(kept, "target", mine.target, stored.target);
    c.perUnit = Pick(kept, "per_unit", mine.perUnit, stored.perUnit);
    c.cap = Pick(kept, "cap", mine.cap, stored.cap);
    c.noData = Pick(kept, "no_data", mine.noData, stored.noData);
    c.evidenceRequired =
        Pick(kept, "evidence_required", mine.evidenceRequired, stored.evidenceRequired);
    c.appliesToCommunes =
        Pick(kept, "applies_to_communes", mine.appliesToCommunes, stored.appliesToCommunes);
    c.guidance = Pick(kept, "guidance", mine.guidance, stored.guidance);
    return c;
}

std::vector<FieldConflict> FrameworkHeaderConflicts(const Framework& mine,
                                                    const Framework& stored) {
    ConflictFields f;
    f.Compare("name", tr("Name"), mine.name, stored.name)
        .Compare("description", tr("Description"), mine.description, stored.description)
        .Compare("bands", tr("Rating bands"), FormatBands(mine.bands), FormatBands(stored.bands));
    return f.Take();
}

Framework MergeFrameworkHeader(const Framework& mine, const Framework& stored,
                               const KeptFields& kept) {
    Framework f = stored;
    f.name = Pick(kept, "name", mine.name, stored.name);
    f.description = Pick(kept, "description", mine.description, stored.description);
    f.bands = Pick(kept, "bands", mine.bands, stored.bands);
    return f;
}

}  // namespace cchc
