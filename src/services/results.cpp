#include "services/results.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "services/table_io.h"
#include "storage/framework_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"
#include "storage/work_repositories.h"

namespace cchc::services {
namespace {
using tableio::ColumnMap;
using tableio::ColumnSpec;

const std::vector<ColumnSpec>& ResultColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"unit", {"mã đơn vị", "đơn vị", "unit code"}, true},
        {"framework", {"bộ chỉ số", "mã bộ chỉ số", "framework code"}, true},
        {"period", {"kỳ", "kỳ đánh giá"}, true},
        {"criterion", {"mã tiêu chí", "tiêu chí", "criterion code"}, true},
        {"self_score", {"điểm tự chấm", "điểm tự đánh giá", "self score"}, false},
        {"appraised_score", {"điểm thẩm định", "appraised score"}, false},
        {"numerator", {"tử số"}, false},
        {"denominator", {"mẫu số"}, false},
        {"note", {"ghi chú"}, false},
    };
    return specs;
}

const std::vector<std::string>& ResultHeader() {
    static const std::vector<std::string> h = {"unit",           "framework",       "period",
                                               "criterion",      "self_score",      "appraised_score",
                                               "numerator",      "denominator",     "note"};
    return h;
}

std::string Trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A framework with its criteria looked up by code and by id.
struct LoadedFramework {
    Framework fw;
    std::map<std::string, const Criterion*> byCode;
    std::map<std::int64_t, const Criterion*> byId;
    std::set<std::int64_t> groups;  // ids of criteria that have children
};

std::unique_ptr<LoadedFramework> LoadFramework(storage::FrameworkRepository& repo, std::int64_t id) {
    auto fw = repo.Load(id);
    if (!fw) return nullptr;
    auto out = std::make_unique<LoadedFramework>();
    out->fw = std::move(*fw);
    for (const auto& c : out->fw.criteria) {
        out->byCode[c.code] = &c;
        out->byId[c.id] = &c;
        if (c.parentId) out->groups.insert(*c.parentId);
    }
    return out;
}

std::string FrameworkUnknown(const std::string& code) {
    return fmt::format(fmt::runtime(tr("the framework does not exist: {0}")), code);
}

std::string PeriodInvalid(const std::string& text) {
    return fmt::format(
        fmt::runtime(tr("not a period (write 2026, 2026-H1, 2026-9M, 2026-Q3 or 2026-09): {0}")),
        text);
}

// '.' decimals that ParseVnNumber reads back as the same value: "1.125"
// would read as a thousands group, so it is written "1.1250".
std::string MachineNumber(const std::optional<double>& v) {
    if (!v) return {};
    std::string s = FormatMachine(*v, 6);
    auto dot = s.find('.');
    if (dot != std::string::npos && s.size() - dot - 1 == 3 && dot >= 1 && dot <= 3 && s[0] != '0')
        s += '0';
    return s;
}

// The framework as a commune sees it: criteria that do not apply to
// communes (and their sub-criteria) are left out.
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

CriterionInput InputFor(const ResultRecord& r, bool appraised) {
    CriterionInput in;
    in.points = appraised ? r.appraisedScore : r.selfScore;
    in.numerator = r.numerator;
    in.denominator = r.denominator;
    return in;
}

struct Scoring {
    storage::Database& db;
    std::int64_t frameworkId;
    LoadedFramework& lf;
    Framework communeFw;

    // Total per unit (commune-level units with results only).
    std::map<std::int64_t, FrameworkTotal> Totals(const std::string& period, bool appraised,
                                                  const std::set<std::int64_t>& communes) {
        storage::ResultRepository results(db.session());
        std::map<std::int64_t, std::map<std::string, CriterionInput>> inputs;
        for (const auto& r : results.ForFrameworkAndPeriod(frameworkId, period)) {
            if (!communes.count(r.unitId)) continue;
            auto& unitInputs = inputs[r.unitId];
            auto c = lf.byId.find(r.criterionId);
            if (c == lf.byId.end() || !c->second->appliesToCommunes) continue;
            unitInputs[c->second->code] = InputFor(r, appraised);
        }
        std::map<std::int64_t, FrameworkTotal> out;
        for (const auto& [unitId, in] : inputs) {
            auto nodes = RollUp(communeFw, in);
            out[unitId] = Total(communeFw, nodes);
        }
        return out;
    }
};

struct Resolved {
    std::int64_t frameworkId = 0;
    std::unique_ptr<LoadedFramework> lf;
    Period period = Period::Year(2000);
};

Resolved Resolve(storage::Database& db, const std::string& frameworkCode, const std::string& period) {
    storage::FrameworkRepository repo(db.session());
    auto fid = repo.IdByCode(frameworkCode);
    if (!fid) throw UserError(FrameworkUnknown(frameworkCode));
    auto p = Period::Parse(period);
    if (!p) throw UserError(PeriodInvalid(period));
    Resolved r;
    r.frameworkId = *fid;
    r.lf = LoadFramework(repo, *fid);
    if (!r.lf) throw UserError(FrameworkUnknown(frameworkCode));
    r.period = *p;
    return r;
}

}  // namespace

ImportSummary ImportResults(storage::Database& db, const std::string& path, const std::string& user) {
    auto reader = tableio::TableReader::Open(path);
    ColumnMap cols(*reader, ResultColumns());
    storage::Transaction tx(db);
    storage::UnitRepository units(db.session());
    storage::FrameworkRepository frameworks(db.session());
    std::map<std::string, std::int64_t> unitIds;
    for (const auto& u : units.All()) unitIds[u.code] = u.id;
    std::map<std::string, std::unique_ptr<LoadedFramework>> loaded;
    std::map<std::string, std::int64_t> frameworkIds;

    std::vector<ResultRecord> rows;
    // (framework id, period) pairs in the file, to learn which rows exist.
    std::set<std::pair<std::int64_t, std::string>> sets;
    std::set<std::tuple<std::int64_t, std::int64_t, std::string>> seen;
    std::vector<std::string> f;
    while (reader->Next(f)) {
        ResultRecord r;
        r.source = "import";
        std::string unitCode = Trim(cols.Get(f, "unit"));
        auto unit = unitIds.find(unitCode);
        if (unit == unitIds.end())
            throw UserError(cols.At(*reader, "unit"),
                            std::string(tr("the unit does not exist: ")) + unitCode);
        r.unitId = unit->second;

        std::string fwCode = Trim(cols.Get(f, "framework"));
        auto lf = loaded.find(fwCode);
        if (lf == loaded.end()) {
            auto fid = frameworks.IdByCode(fwCode);
            std::unique_ptr<LoadedFramework> fw;
            if (fid) fw = LoadFramework(frameworks, *fid);
            if (!fw) throw UserError(cols.At(*reader, "framework"), FrameworkUnknown(fwCode));
            frameworkIds[fwCode] = *fid;
            lf = loaded.emplace(fwCode, std::move(fw)).first;
        }

        std::string periodText = Trim(cols.Get(f, "period"));
        auto period = Period::Parse(periodText);
        if (!period) throw UserError(cols.At(*reader, "period"), PeriodInvalid(periodText));
        r.period = period->ToString();

        std::string critCode = Trim(cols.Get(f, "criterion"));
        auto crit = lf->second->byCode.find(critCode);
        if (crit == lf->second->byCode.end())
            throw UserError(cols.At(*reader, "criterion"),
                            fmt::format(fmt::runtime(tr("the criterion {0} is not in framework {1}")),
                                        critCode, fwCode));
        const Criterion& c = *crit->second;
        r.criterionId = c.id;
        bool group = lf->second->groups.count(c.id) > 0;

        auto number = [&](const char* key) -> std::optional<double> {
            std::string text = Trim(cols.Get(f, key));
            if (text.empty()) return std::nullopt;
            auto v = ParseVnNumber(text);
            if (!v)
                throw UserError(cols.At(*reader, key),
                                fmt::format(fmt::runtime(tr("not a number: {0}")), text));
            if (*v < 0)
                throw UserError(cols.At(*reader, key), tr("the number must not be negative"));
            if (group)
                throw UserError(cols.At(*reader, key),
                                fmt::format(fmt::runtime(tr("{0} is a group of criteria: enter the "
                                                            "figures on its sub-criteria")),
                                            c.code));
            return v;
        };
        r.selfScore = number("self_score");
        r.appraisedScore = number("appraised_score");
        r.numerator = number("numerator");
        r.denominator = number("denominator");
        for (const char* key : {"self_score", "appraised_score"}) {
            auto v = std::string(key) == "self_score" ? r.selfScore : r.appraisedScore;
            if (v && *v > c.maxPoints + 1e-9)
                throw UserError(cols.At(*reader, key),
                                fmt::format(fmt::runtime(tr("the score {0} is above the maximum of "
                                                            "{1} points of criterion {2}")),
                                            FormatNumberTrim(*v, 4), FormatNumberTrim(c.maxPoints, 4),
                                            c.code));
        }
        if (r.numerator && r.denominator && *r.numerator > *r.denominator)
            throw UserError(cols.At(*reader, "numerator"),
                            tr("the numerator is larger than the denominator"));
        r.note = Trim(cols.Get(f, "note"));
        if (!seen.emplace(r.unitId, r.criterionId, r.period).second)
            throw UserError(cols.At(*reader, "criterion"),
                            tr("this unit, criterion and period appear twice in the file"));
        sets.emplace(frameworkIds[fwCode], r.period);
        rows.push_back(std::move(r));
    }

    storage::ResultRepository results(db.session());
    std::set<std::tuple<std::int64_t, std::int64_t, std::string>> existing;
    for (const auto& [fid, period] : sets)
        for (const auto& r : results.ForFrameworkAndPeriod(fid, period))
            existing.emplace(r.unitId, r.criterionId, r.period);
    ImportSummary summary;
    for (const auto& r : rows) {
        if (existing.count({r.unitId, r.criterionId, r.period})) ++summary.updated;
        else ++summary.inserted;
    }
    results.Upsert(rows);
    storage::AuditRepository(db.session())
        .Record({"", user, "results", 0, "update", "import", std::nullopt, reader->FileName()});
    tx.Commit();
    return summary;
}

long ExportResults(storage::Database& db, const std::string& path) {
    auto rows = storage::ResultRepository(db.session()).AllForExport();
    auto w = tableio::TableWriter::Create(path, ResultHeader(), {false, "results", {}});
    for (const auto& x : rows) {
        const auto& r = x.result;
        w->Add({x.unitCode, x.frameworkCode, r.period, x.criterionCode, MachineNumber(r.selfScore),
                MachineNumber(r.appraisedScore), MachineNumber(r.numerator),
                MachineNumber(r.denominator), r.note});
    }
    w->Close();
    return w->Rows();
}

std::vector<RankRow> RankUnits(storage::Database& db, const std::string& frameworkCode,
                               const std::string& period, bool appraised) {
    Resolved res = Resolve(db, frameworkCode, period);
    std::map<std::int64_t, Unit> communes;
    std::set<std::int64_t> communeIds;
    for (auto& u : storage::UnitRepository(db.session()).All())
        if (IsCommuneLevel(u.kind)) {
            communeIds.insert(u.id);
            communes[u.id] = std::move(u);
        }
    Scoring scoring{db, res.frameworkId, *res.lf, CommuneView(res.lf->fw)};
    auto now = scoring.Totals(res.period.ToString(), appraised, communeIds);
    auto before = scoring.Totals(res.period.Previous().ToString(), appraised, communeIds);

    std::vector<RankedUnit> ranked;
    for (const auto& [unitId, t] : now) {
        RankedUnit r;
        r.unitId = unitId;
        r.points = t.points;
        r.max = t.max;
        r.percent = t.percent;
        r.band = t.band;
        auto prev = before.find(unitId);
        if (prev != before.end()) r.change = t.percent - prev->second.percent;
        ranked.push_back(r);
    }
    // Rank() keeps the input order within a tie: order by name first.
    std::stable_sort(ranked.begin(), ranked.end(), [&](const RankedUnit& a, const RankedUnit& b) {
        return VietnameseLess(communes[a.unitId].name, communes[b.unitId].name);
    });
    std::vector<RankRow> out;
    for (const auto& r : Rank(std::move(ranked))) {
        const Unit& u = communes[r.unitId];
        out.push_back({u.code, u.name, r.points, r.max, r.percent, r.band, r.rank, r.change});
    }
    return out;
}

std::vector<std::string> ResultPeriods(storage::Database& db, const std::string& frameworkCode) {
    auto fid = storage::FrameworkRepository(db.session()).IdByCode(frameworkCode);
    if (!fid) throw UserError(FrameworkUnknown(frameworkCode));
    return storage::ResultRepository(db.session()).PeriodsWithResults(*fid);
}

std::vector<std::string> BandLabels(storage::Database& db, const std::string& frameworkCode) {
    storage::FrameworkRepository repo(db.session());
    auto fid = repo.IdByCode(frameworkCode);
    std::optional<Framework> fw;
    if (fid) fw = repo.Load(*fid);
    if (!fw) throw UserError(FrameworkUnknown(frameworkCode));
    std::vector<std::string> out;
    for (const auto& b : fw->bands) out.push_back(b.label);
    return out;
}

long ExportRanking(const std::vector<RankRow>& rows, const std::string& path) {
    using tableio::ColumnType;
    const std::vector<std::string> header = {tr("Rank"),       tr("Unit code"), tr("Unit"),
                                             tr("Points"),     tr("Maximum"),   tr("Percent"),
                                             tr("Rating"),     tr("Change (percentage points)")};
    tableio::WriteOptions options;
    options.bom = true;  // Excel opens the CSV as UTF-8
    options.sheetName = tr("Ranking");
    options.types = {ColumnType::Integer, ColumnType::Text,    ColumnType::Text, ColumnType::Decimal,
                     ColumnType::Decimal, ColumnType::Percent, ColumnType::Text, ColumnType::Decimal};
    auto w = tableio::TableWriter::Create(path, header, options);
    for (const auto& r : rows)
        w->Add({std::to_string(r.rank), r.unit, r.name, FormatMachine(r.total, 4), FormatMachine(r.max, 4),
                FormatMachine(r.percent, 4), r.band, r.change ? FormatMachine(*r.change, 4) : std::string()});
    w->Close();
    return w->Rows();
}

std::vector<PointsLost> GapsForUnit(storage::Database& db, const std::string& unitCode,
                                    const std::string& frameworkCode, const std::string& period) {
    auto unit = storage::UnitRepository(db.session()).ByCode(unitCode);
    if (!unit)
        throw UserError(std::string(tr("the unit does not exist: ")) + unitCode);
    Resolved res = Resolve(db, frameworkCode, period);
    Framework fw = IsCommuneLevel(unit->kind) ? CommuneView(res.lf->fw) : res.lf->fw;
    std::set<std::int64_t> kept;
    for (const auto& c : fw.criteria) kept.insert(c.id);
    std::map<std::string, CriterionInput> inputs;
    for (const auto& r : storage::ResultRepository(db.session())
                             .ForUnitAndPeriod(unit->id, res.period.ToString())) {
        auto c = res.lf->byId.find(r.criterionId);
        if (c == res.lf->byId.end() || !kept.count(r.criterionId)) continue;
        inputs[c->second->code] = InputFor(r, true);
    }
    if (inputs.empty())
        throw UserError(fmt::format(fmt::runtime(tr("{0} has no results on {1} for {2}")), unitCode,
                                    frameworkCode, res.period.ToString()));
    return PointsAtStake(fw, RollUp(fw, inputs));
}

}  // namespace cchc::services
