#include "services/results/results.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/period.h"
#include "core/result_workflow.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/io/table_io.h"
#include "services/org/lineage.h"
#include "services/results/result_totals.h"
#include "storage/framework_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

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
    static const std::vector<std::string> h = {"unit",      "framework",   "period",
                                               "criterion", "self_score",  "appraised_score",
                                               "numerator", "denominator", "note"};
    return h;
}

// A framework with its criteria looked up by code and by id.
struct LoadedFramework {
    Framework fw;
    std::map<std::string, const Criterion*> byCode;
    std::map<std::int64_t, const Criterion*> byId;
    std::set<std::int64_t> groups;  // ids of criteria that have children
};

std::unique_ptr<LoadedFramework> LoadFramework(storage::FrameworkRepository& repo,
                                               std::int64_t id) {
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
    return fmt::format(fmt::runtime(tr("the framework does not exist: {0}")), Excerpt(code));
}

std::string PeriodInvalid(const std::string& text) {
    return fmt::format(
        fmt::runtime(tr("not a period (write 2026, 2026-H1, 2026-9M, 2026-Q3 or 2026-09): {0}")),
        Excerpt(text));
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

// A result's value as text, for comparing and for the audit log.
std::string FieldText(const ResultRecord& r, ResultField f) {
    auto num = [](const std::optional<double>& v) {
        return v ? FormatMachine(*v, 6) : std::string();
    };
    switch (f) {
        case ResultField::SelfScore:
            return num(r.selfScore);
        case ResultField::AppraisedScore:
            return num(r.appraisedScore);
        case ResultField::Numerator:
            return num(r.numerator);
        case ResultField::Denominator:
            return num(r.denominator);
        case ResultField::Note:
            return r.note;
    }
    return {};
}

CriterionInput InputFor(const ResultRecord& r, bool appraised) {
    CriterionInput in;
    in.points = appraised ? r.appraisedScore : r.selfScore;
    in.numerator = r.numerator;
    in.denominator = r.denominator;
    return in;
}

struct Resolved {
    std::int64_t frameworkId = 0;
    std::unique_ptr<LoadedFramework> lf;
    Period period = Period::Year(2000);
};

Resolved Resolve(storage::Database& db, const std::string& frameworkCode,
                 const std::string& period) {
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

// The values of a result a file may give, in the order they are checked
// and audited.
constexpr ResultField kFileFields[] = {ResultField::SelfScore, ResultField::AppraisedScore,
                                       ResultField::Numerator, ResultField::Denominator,
                                       ResultField::Note};

// One import of a results file: every row read and checked against what is
// stored (Read), then the changed results written at once with their sets,
// audit rows and totals (Store).
class ResultImport {
    using Touched = std::map<std::pair<std::int64_t, std::string>, std::set<std::int64_t>>;

  public:
    ResultImport(storage::Database& db, tableio::TableReader& reader, const ColumnMap& cols,
                 const std::string& user)
        : db_(db),
          reader_(reader),
          cols_(cols),
          frameworks_(db.session()),
          results_(db.session()),
          sets_(db.session()),
          guard_(db, user) {
        guard_.Require(Action::Import);
        for (const auto& u : storage::UnitRepository(db.session()).All()) unitIds_[u.code] = u.id;
    }

    void Read(const std::vector<std::string>& f) {
        ResultRecord r;
        r.source = "import";
        r.unitId = UnitOf(f);
        const std::string fwCode = Trim(cols_.Get(f, "framework"));
        const LoadedFramework& lf = FrameworkOf(fwCode);
        const std::int64_t fid = frameworkIds_[fwCode];
        r.period = PeriodOf(f);
        const Criterion& c = CriterionOf(f, lf, fwCode);
        r.criterionId = c.id;
        ReadFigures(f, c, lf.groups.count(c.id) > 0, r);
        r.note = Trim(cols_.Get(f, "note"));
        tableio::CheckTextLimit(cols_, reader_, "note", r.note, kFreeText);
        guard_.RequireAt(cols_.At(reader_, "unit"), Action::EditScores, r.unitId);
        if (!seen_.emplace(r.unitId, r.criterionId, r.period).second)
            throw Error("criterion",
                        tr("this unit, criterion and period appear twice in the file"));
        rows_.push_back(AgainstStored(std::move(r), fid));
    }

    ImportSummary Store(const std::string& user) {
        ImportSummary summary;
        std::vector<ResultRecord> write;
        Touched touched;  // the units of each (framework, period) with a changed result
        for (const auto& row : rows_) {
            bool changed = row.isNew;
            for (ResultField field : kFileFields)
                changed = changed || FieldText(row.before, field) != FieldText(row.after, field);
            if (row.isNew)
                ++summary.inserted;
            else if (changed)
                ++summary.updated;
            else
                ++summary.unchanged;
            if (!changed) continue;
            write.push_back(row.after);
            touched[{row.frameworkId, row.after.period}].insert(row.after.unitId);
        }
        for (const auto& [key, unitsOfSet] : touched)
            for (std::int64_t unitId : unitsOfSet) {
                sets_.Ensure(unitId, key.first, key.second);
                sets_.Touch(unitId, key.first, key.second);
            }
        results_.Upsert(write);
        storage::AuditRepository(db_.session()).RecordMany(AuditEntries(touched, user));
        for (const auto& [key, unitsOfSet] : touched)
            RefreshTotals(db_, key.first, key.second, unitsOfSet);
        return summary;
    }

  private:
    // What is stored of each (framework, period) the file names, read once
    // when the pair first appears: results by (unit, criterion) and the
    // state of each unit's set.
    struct Stored {
        std::map<std::pair<std::int64_t, std::int64_t>, ResultRecord> results;
        std::map<std::int64_t, std::string> status;  // unit → set status
    };
    struct Row {
        ResultRecord before, after;
        bool isNew = true;
        std::int64_t frameworkId = 0;
    };
    UserError Error(const std::string& column, const std::string& message) const {
        return UserError(cols_.At(reader_, column), message);
    }

    std::int64_t UnitOf(const std::vector<std::string>& f) {
        const std::string unitCode = Trim(cols_.Get(f, "unit"));
        auto unit = unitIds_.find(unitCode);
        if (unit == unitIds_.end()) {
            guard_.RefuseHiddenUnit(Action::EditScores, unitCode, cols_.At(reader_, "unit"));
            throw Error("unit", std::string(tr("the unit does not exist: ")) + Excerpt(unitCode));
        }
        return unit->second;
    }

    // The framework of the code, loaded once (its id in frameworkIds_).
    const LoadedFramework& FrameworkOf(const std::string& fwCode) {
        auto lf = loaded_.find(fwCode);
        if (lf == loaded_.end()) {
            auto fid = frameworks_.IdByCode(fwCode);
            std::unique_ptr<LoadedFramework> fw;
            if (fid) fw = LoadFramework(frameworks_, *fid);
            if (!fw) throw Error("framework", FrameworkUnknown(fwCode));
            frameworkIds_[fwCode] = *fid;
            lf = loaded_.emplace(fwCode, std::move(fw)).first;
        }
        return *lf->second;
    }

    std::string PeriodOf(const std::vector<std::string>& f) const {
        const std::string periodText = Trim(cols_.Get(f, "period"));
        auto period = Period::Parse(periodText);
        if (!period) throw Error("period", PeriodInvalid(periodText));
        return period->ToString();
    }

    const Criterion& CriterionOf(const std::vector<std::string>& f, const LoadedFramework& lf,
                                 const std::string& fwCode) const {
        const std::string critCode = Trim(cols_.Get(f, "criterion"));
        auto crit = lf.byCode.find(critCode);
        if (crit == lf.byCode.end())
            throw Error("criterion",
                        fmt::format(fmt::runtime(tr("the criterion {0} is not in framework {1}")),
                                    Excerpt(critCode), Excerpt(fwCode)));
        return *crit->second;
    }

    // Scores and the rate's numerator and denominator: numbers, not negative,
    // on a sub-criterion only, scores within the criterion's maximum.
    void ReadFigures(const std::vector<std::string>& f, const Criterion& c, bool group,
                     ResultRecord& r) const {
        auto number = [&](const char* key) -> std::optional<double> {
            std::string text = Trim(cols_.Get(f, key));
            if (text.empty()) return std::nullopt;
            auto v = ParseVnNumber(text);
            if (!v)
                throw Error(key, fmt::format(fmt::runtime(tr("not a number: {0}")), Excerpt(text)));
            if (*v < 0) throw Error(key, tr("the number must not be negative"));
            if (group)
                throw Error(key, fmt::format(fmt::runtime(tr("{0} is a group of criteria: enter "
                                                             "the figures on its sub-criteria")),
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
                throw Error(key, fmt::format(fmt::runtime(tr("the score {0} is above the maximum "
                                                             "of {1} points of criterion {2}")),
                                             FormatNumberTrim(*v, 4),
                                             FormatNumberTrim(c.maxPoints, 4), c.code));
        }
        if (r.numerator && r.denominator && *r.numerator > *r.denominator)
            throw Error("numerator", tr("the numerator is larger than the denominator"));
    }

    Stored& StoredFor(std::int64_t fid, const std::string& period) {
        auto key = std::make_pair(fid, period);
        auto it = stored_.find(key);
        if (it != stored_.end()) return it->second;
        Stored s;
        for (auto& r : results_.ForFrameworkAndPeriod(fid, period))
            s.results[{r.unitId, r.criterionId}] = std::move(r);
        for (const auto& set : sets_.ForFrameworkAndPeriod(fid, period))
            s.status[set.unitId] = set.status;
        return stored_.emplace(key, std::move(s)).first->second;
    }

    // Against what is stored: a column the file does not have leaves that
    // value as it was, and the set's state may lock a value.
    Row AgainstStored(ResultRecord r, std::int64_t fid) {
        Stored& s = StoredFor(fid, r.period);
        Row row;
        row.frameworkId = fid;
        auto old = s.results.find({r.unitId, r.criterionId});
        auto status = s.status.find(r.unitId);
        const std::string setStatus = status == s.status.end() ? "draft" : status->second;
        if (old != s.results.end()) {
            row.isNew = false;
            row.before = old->second;
            r.id = old->second.id;
            if (!cols_.Has("self_score")) r.selfScore = row.before.selfScore;
            if (!cols_.Has("appraised_score")) r.appraisedScore = row.before.appraisedScore;
            if (!cols_.Has("numerator")) r.numerator = row.before.numerator;
            if (!cols_.Has("denominator")) r.denominator = row.before.denominator;
            if (!cols_.Has("note")) r.note = row.before.note;
        }
        r.status = setStatus;
        const ResultStatus state = ResultStatusFromKey(setStatus).value_or(ResultStatus::Draft);
        for (ResultField field : kFileFields) {
            if (FieldText(row.before, field) == FieldText(r, field)) continue;
            if (field == ResultField::AppraisedScore)
                guard_.RequireAt(cols_.At(reader_, "appraised_score"), Action::AppraiseResults,
                                 r.unitId);
            if (auto refusal = EditRefusal(state, field))
                throw Error(std::string(ResultFieldKey(field)), *refusal);
        }
        row.after = std::move(r);
        return row;
    }

    // One audit row per changed value; new results are looked up for their ids.
    std::vector<storage::AuditEntry> AuditEntries(const Touched& touched, const std::string& user) {
        std::map<std::tuple<std::int64_t, std::int64_t, std::string>, std::int64_t> newIds;
        for (const auto& [key, unitsOfSet] : touched)
            for (const auto& r : results_.ForFrameworkAndPeriod(key.first, key.second))
                newIds[{r.unitId, r.criterionId, r.period}] = r.id;
        std::vector<storage::AuditEntry> audit;
        for (const auto& row : rows_) {
            for (ResultField field : kFileFields) {
                const std::string before = FieldText(row.before, field),
                                  after = FieldText(row.after, field);
                if (before == after) continue;
                storage::AuditEntry a;
                a.user = user;
                a.table = "results";
                a.rowId = row.isNew
                              ? newIds[{row.after.unitId, row.after.criterionId, row.after.period}]
                              : row.after.id;
                a.action = row.isNew ? "insert" : "update";
                a.field = std::string(ResultFieldKey(field));
                if (!row.isNew) a.oldValue = before;
                a.newValue = after;
                audit.push_back(std::move(a));
            }
        }
        return audit;
    }

    storage::Database& db_;
    tableio::TableReader& reader_;
    const ColumnMap& cols_;
    storage::FrameworkRepository frameworks_;
    storage::ResultRepository results_;
    storage::ResultSetRepository sets_;
    std::map<std::string, std::int64_t> unitIds_;
    std::map<std::string, std::unique_ptr<LoadedFramework>> loaded_;
    std::map<std::string, std::int64_t> frameworkIds_;
    std::map<std::pair<std::int64_t, std::string>, Stored> stored_;
    std::vector<Row> rows_;
    std::set<std::tuple<std::int64_t, std::int64_t, std::string>> seen_;
    AccessGuard guard_;
};

}  // namespace

ImportSummary ImportResults(storage::Database& db, const std::string& path, const std::string& user,
                            const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, ResultColumns());
    storage::Transaction tx(db);
    ResultImport import(db, *reader, cols, user);
    std::vector<std::string> f;
    while (reader->Next(f)) import.Read(f);
    const ImportSummary summary = import.Store(user);
    tx.Commit();
    return summary;
}

long ExportResults(storage::Database& db, const std::string& path, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    auto rows = storage::ResultRepository(db.session()).AllForExport();
    auto w = tableio::TableWriter::Create(path, ResultHeader(), {false, "results", {}});
    for (const auto& x : rows) {
        const auto& r = x.result;
        if (!guard.InScope(r.unitId)) continue;
        w->Add({x.unitCode, x.frameworkCode, r.period, x.criterionCode, MachineNumber(r.selfScore),
                MachineNumber(r.appraisedScore), MachineNumber(r.numerator),
                MachineNumber(r.denominator), r.note});
    }
    w->Close();
    return w->Rows();
}

namespace {
// The stored totals of the framework's sets in the period by unit, the stale
// ones computed first.
std::map<std::int64_t, FrameworkTotal> StoredTotals(storage::Database& db, const Framework& fw,
                                                    std::int64_t frameworkId,
                                                    const std::string& period, bool appraised) {
    storage::ResultSetRepository repo(db.session());
    auto sets = repo.ForFrameworkAndPeriod(frameworkId, period);
    if (std::any_of(sets.begin(), sets.end(), [](const auto& s) { return !s.totalsFresh; })) {
        storage::Transaction tx(db);
        RefreshStaleTotals(db, frameworkId, period);
        tx.Commit();
        sets = repo.ForFrameworkAndPeriod(frameworkId, period);
    }
    std::map<std::int64_t, FrameworkTotal> out;
    for (const auto& s : sets) {
        // A maximum of 0: nothing entered on that side (result_totals.h).
        const double max = appraised ? s.appraisedMax : s.selfMax;
        if (max <= 0) continue;
        out[s.unitId] = appraised ? TotalOf(fw, s.appraisedPoints, s.appraisedMax)
                                  : TotalOf(fw, s.selfPoints, s.selfMax);
    }
    return out;
}

// The commune-level units the account reads (AccessDenied for a login that
// reads nothing).
// The unit of the code, which the account must read: AccessDenied, or
// UserError for an unknown unit (a hidden one refused as such first).
std::optional<Unit> ReadableUnit(storage::Database& db, AccessGuard& guard,
                                 const std::string& unitCode) {
    auto unit = storage::UnitRepository(db.session()).ByCode(unitCode);
    if (!unit) {
        guard.RefuseHiddenUnit(Action::ReadData, unitCode);
        throw UserError(std::string(tr("the unit does not exist: ")) + Excerpt(unitCode));
    }
    guard.Require(Action::ReadData, unit->id);
    return unit;
}

std::map<std::int64_t, Unit> CommunesById(storage::Database& db, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    std::map<std::int64_t, Unit> communes;
    for (auto& u : storage::UnitRepository(db.session()).All())
        if (IsCommuneLevel(u.kind) && guard.InScope(u.id)) communes.emplace(u.id, std::move(u));
    return communes;
}
}  // namespace

std::vector<RankRow> RankUnits(storage::Database& db, const std::string& frameworkCode,
                               const std::string& period, bool appraised, const std::string& user) {
    Resolved res = Resolve(db, frameworkCode, period);
    std::map<std::int64_t, Unit> communes = CommunesById(db, user);
    auto now = StoredTotals(db, res.lf->fw, res.frameworkId, res.period.ToString(), appraised);
    auto before =
        StoredTotals(db, res.lf->fw, res.frameworkId, res.period.Previous().ToString(), appraised);
    // A framework copied to a new year compares with the one it was copied
    // from, as % of the maximum (the maxima may differ).
    if (before.empty() && res.lf->fw.copiedFromId)
        before = StoredTotals(db, res.lf->fw, *res.lf->fw.copiedFromId,
                              res.period.Previous().ToString(), appraised);

    const auto lineage = LinksByUnit(db);
    std::map<std::int64_t, std::vector<std::string>> formedFrom;
    std::map<std::int64_t, std::string> unitNames;
    if (!lineage.empty())
        for (const auto& u : storage::UnitRepository(db.session()).All()) unitNames[u.id] = u.name;
    auto NameOf = [&](std::int64_t id) { return unitNames[id]; };

    std::vector<RankedUnit> ranked;
    for (const auto& [unitId, t] : now) {
        if (!communes.count(unitId)) continue;
        RankedUnit r;
        r.unitId = unitId;
        r.points = t.points;
        r.max = t.max;
        r.percent = t.percent;
        r.band = t.band;
        auto prev = before.find(unitId);
        if (prev != before.end()) {
            r.change = t.percent - prev->second.percent;
        } else if (auto links = lineage.find(unitId); links != lineage.end()) {
            // Formed since the last period from former units: compared with
            // their combined results (core CombinedPercent).
            std::vector<PredecessorPercent> parts;
            std::vector<std::string> names;
            for (const auto& l : links->second) {
                auto p = before.find(l.predecessorId);
                if (p == before.end() || !LinkBridges(l, res.period.Previous(), res.period))
                    continue;
                parts.push_back({p->second.percent, l.share});
                names.push_back(NameOf(l.predecessorId));
            }
            if (auto combined = CombinedPercent(parts)) {
                r.change = t.percent - *combined;
                formedFrom[unitId] = std::move(names);
            }
        }
        ranked.push_back(r);
    }
    // Rank() keeps the input order within a tie: order by name first.
    std::stable_sort(ranked.begin(), ranked.end(), [&](const RankedUnit& a, const RankedUnit& b) {
        return VietnameseLess(communes[a.unitId].name, communes[b.unitId].name);
    });
    std::vector<RankRow> out;
    for (const auto& r : Rank(std::move(ranked))) {
        const Unit& u = communes[r.unitId];
        out.push_back({u.code, u.name, r.points, r.max, r.percent, r.band, r.rank, r.change,
                       formedFrom[r.unitId]});
    }
    return out;
}

std::optional<Standing> StandingOf(storage::Database& db, const std::string& unitCode,
                                   const std::string& frameworkCode, const std::string& period,
                                   bool appraised, const std::string& user) {
    AccessGuard guard(db, user);
    const auto unit = ReadableUnit(db, guard, unitCode);
    if (guard.ReadsAll()) {
        const auto rows = RankUnits(db, frameworkCode, period, appraised, user);
        for (const auto& r : rows)
            if (r.unit == unit->code) return Standing{r.rank, static_cast<int>(rows.size())};
        return std::nullopt;
    }
    // A commune's account: its own set's totals (recomputed first when
    // stale), ranked among every commune's.
    if (!IsCommuneLevel(unit->kind)) return std::nullopt;
    Resolved res = Resolve(db, frameworkCode, period);
    const auto own =
        StoredTotals(db, res.lf->fw, res.frameworkId, res.period.ToString(), appraised);
    const auto mine = own.find(unit->id);
    if (mine == own.end()) return std::nullopt;
    std::vector<double> percents;
    for (const auto& t : storage::ResultSetRepository(db.session())
                             .RankedTotals(res.frameworkId, res.period.ToString(), appraised)) {
        auto kind = UnitKindFromKey(t.unitKind);
        if (!kind || !IsCommuneLevel(*kind)) continue;
        if (!t.fresh) return std::nullopt;
        if (t.max <= 0) continue;  // nothing entered on that side
        percents.push_back(TotalOf(res.lf->fw, t.points, t.max).percent);
    }
    return Standing{RankAmong(mine->second.percent, percents), static_cast<int>(percents.size())};
}

std::vector<ScoreGapRow> SelfAppraisedGaps(storage::Database& db, const std::string& frameworkCode,
                                           const std::string& period, const std::string& user) {
    Resolved res = Resolve(db, frameworkCode, period);
    std::map<std::int64_t, Unit> communes = CommunesById(db, user);
    auto self = StoredTotals(db, res.lf->fw, res.frameworkId, res.period.ToString(), false);
    auto appraised = StoredTotals(db, res.lf->fw, res.frameworkId, res.period.ToString(), true);
    std::vector<ScoreGapRow> out;
    for (const auto& [unitId, s] : self) {
        auto u = communes.find(unitId);
        if (u == communes.end()) continue;
        const FrameworkTotal& a = appraised[unitId];
        out.push_back({u->second.code, u->second.name, s.points, a.points, s.max, s.percent,
                       a.percent, s.points - a.points});
    }
    std::sort(out.begin(), out.end(), [](const ScoreGapRow& x, const ScoreGapRow& y) {
        if (std::llround(x.gap * 1e6) != std::llround(y.gap * 1e6)) return x.gap > y.gap;
        return VietnameseLess(x.name, y.name);
    });
    return out;
}

std::vector<CriterionLosses> GapsForOffice(storage::Database& db, const std::string& frameworkCode,
                                           const std::string& period, const std::string& user) {
    Resolved res = Resolve(db, frameworkCode, period);
    std::map<std::int64_t, Unit> communes = CommunesById(db, user);
    const Framework fw = CommuneView(res.lf->fw);
    std::map<std::int64_t, std::map<std::string, CriterionInput>> inputs;
    for (const auto& r : storage::ResultRepository(db.session())
                             .ForFrameworkAndPeriod(res.frameworkId, res.period.ToString())) {
        if (!communes.count(r.unitId)) continue;
        auto c = res.lf->byId.find(r.criterionId);
        if (c == res.lf->byId.end() || !c->second->appliesToCommunes) continue;
        inputs[r.unitId][c->second->code] = InputFor(r, true);
    }
    std::vector<std::vector<PointsLost>> perUnit;
    for (const auto& [unitId, in] : inputs) perUnit.push_back(PointsAtStake(fw, RollUp(fw, in)));
    return SumLosses(perUnit);
}

std::vector<HistoryPoint> UnitHistory(storage::Database& db, const std::string& unitCode,
                                      const std::string& frameworkCode, bool appraised,
                                      const std::string& user) {
    AccessGuard guard(db, user);
    const auto unit = ReadableUnit(db, guard, unitCode);
    const auto links = LinksByUnit(db);
    const auto mine = links.find(unit->id);
    std::map<std::string, std::int64_t> idByCode;
    for (const auto& u : storage::UnitRepository(db.session()).All()) idByCode[u.code] = u.id;
    auto periods = ResultPeriods(db, frameworkCode);
    std::reverse(periods.begin(), periods.end());
    std::vector<HistoryPoint> out;
    for (const auto& period : periods) {
        const auto rows = RankUnits(db, frameworkCode, period, appraised, user);
        const auto own = std::find_if(rows.begin(), rows.end(),
                                      [&](const RankRow& r) { return r.unit == unit->code; });
        if (own != rows.end()) {
            out.push_back(
                {period, own->percent, own->band, own->rank, static_cast<int>(rows.size()), false});
            continue;
        }
        // Before the unit was formed: its former units' combined result.
        if (mine == links.end()) continue;
        const auto p = Period::Parse(period);
        if (!p) continue;
        std::vector<PredecessorPercent> parts;
        for (const auto& l : mine->second) {
            if (!(l.formedOn > p->Window(WindowKind::Calendar).last)) continue;
            for (const auto& r : rows)
                if (idByCode[r.unit] == l.predecessorId) parts.push_back({r.percent, l.share});
        }
        if (auto combined = CombinedPercent(parts))
            out.push_back({period, *combined, std::string(), 0, 0, true});
    }
    return out;
}

std::vector<std::string> ResultPeriods(storage::Database& db, const std::string& frameworkCode) {
    auto fid = storage::FrameworkRepository(db.session()).IdByCode(frameworkCode);
    if (!fid) throw UserError(FrameworkUnknown(frameworkCode));
    return storage::ResultRepository(db.session()).PeriodsWithResults(*fid);
}

std::string OpeningResultPeriod(storage::Database& db, const std::string& frameworkCode) {
    auto fid = storage::FrameworkRepository(db.session()).IdByCode(frameworkCode);
    if (!fid) throw UserError(FrameworkUnknown(frameworkCode));
    return DefaultResultPeriod(storage::ResultSetRepository(db.session()).PeriodCounts(*fid));
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
    const std::vector<std::string> header = {
        tr("Rank"),    tr("Unit code"), tr("Unit"),   tr("Points"),
        tr("Maximum"), tr("Percent"),   tr("Rating"), tr("Change (percentage points)")};
    tableio::WriteOptions options;
    options.bom = true;  // Excel opens the CSV as UTF-8
    options.sheetName = tr("Ranking");
    options.types = {ColumnType::Integer, ColumnType::Text,    ColumnType::Text,
                     ColumnType::Decimal, ColumnType::Decimal, ColumnType::Percent,
                     ColumnType::Text,    ColumnType::Decimal};
    auto w = tableio::TableWriter::Create(path, header, options);
    for (const auto& r : rows)
        w->Add({std::to_string(r.rank), r.unit, r.name, FormatMachine(r.total, 4),
                FormatMachine(r.max, 4), FormatMachine(r.percent, 4), r.band,
                r.change ? FormatMachine(*r.change, 4) : std::string()});
    w->Close();
    return w->Rows();
}

std::vector<PointsLost> GapsForUnit(storage::Database& db, const std::string& unitCode,
                                    const std::string& frameworkCode, const std::string& period,
                                    const std::string& user) {
    AccessGuard guard(db, user);
    const auto unit = ReadableUnit(db, guard, unitCode);
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

ResultMatrix BuildResultMatrix(storage::Database& db, const std::string& frameworkCode,
                               const std::string& period, bool appraised, const std::string& user) {
    Resolved res = Resolve(db, frameworkCode, period);
    const Framework fw = CommuneView(res.lf->fw);
    ResultMatrix m;
    for (const auto& r : RankUnits(db, frameworkCode, period, appraised, user))
        m.columns.push_back({r.unit, r.name});
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < m.columns.size(); ++i) column[m.columns[i].unit] = i;
    std::map<std::int64_t, std::string> unitCode;
    for (const auto& u : storage::UnitRepository(db.session()).All()) unitCode[u.id] = u.code;

    std::map<std::int64_t, std::map<std::string, CriterionInput>> inputs;
    for (const auto& r : storage::ResultRepository(db.session())
                             .ForFrameworkAndPeriod(res.frameworkId, res.period.ToString())) {
        auto c = res.lf->byId.find(r.criterionId);
        if (c == res.lf->byId.end() || !c->second->appliesToCommunes) continue;
        inputs[r.unitId][c->second->code] = InputFor(r, appraised);
    }
    // The leaves in tree order.
    std::set<std::int64_t> parents;
    for (const auto& c : fw.criteria)
        if (c.parentId) parents.insert(*c.parentId);
    std::map<std::string, std::size_t> rowOf;
    for (const auto& [c, depth] : TreeOrder(fw)) {
        if (parents.count(c->id)) continue;
        rowOf[c->code] = m.rows.size();
        m.rows.push_back({c->code, c->title, c->maxPoints});
    }
    m.values.assign(m.rows.size(), std::vector<std::optional<double>>(m.columns.size()));
    for (const auto& [unitId, in] : inputs) {
        auto col = column.find(unitCode[unitId]);
        if (col == column.end()) continue;
        const auto nodes = RollUp(fw, in);
        for (const auto& n : nodes) {
            auto row = rowOf.find(n.code);
            if (row == rowOf.end() || !n.applicable) continue;
            m.values[row->second][col->second] = n.points;
        }
    }
    return m;
}

const std::vector<tableio::ColumnSpec>& ResultImportColumns() { return ResultColumns(); }

}  // namespace cchc::services
