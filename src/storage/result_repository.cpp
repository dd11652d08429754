#include "storage/result_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <tuple>

#include "storage/bulk_load.h"
#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
// Splits optional values into a value vector and an indicator vector.
template <typename T, typename Src, typename Get>
void Column(const std::vector<Src>& rows, Get get, std::vector<T>& values,
            std::vector<soci::indicator>& inds) {
    values.resize(rows.size());
    inds.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::optional<T> v = get(rows[i]);
        values[i] = v ? *v : T{};
        inds[i] = v ? soci::i_ok : soci::i_null;
    }
}
// The columns of a batch of results, bound as vectors to one statement.
struct ResultColumns {
    std::vector<long long> unit, crit;
    std::vector<std::string> period, note, status, source, now;
    std::vector<double> selfV, apprV, numV, denV;
    std::vector<soci::indicator> selfI, apprI, numI, denI;

    explicit ResultColumns(const std::vector<ResultRecord>& rows)
        : unit(rows.size()),
          crit(rows.size()),
          period(rows.size()),
          note(rows.size()),
          status(rows.size()),
          source(rows.size()),
          now(rows.size(), NowIso()) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            unit[i] = rows[i].unitId;
            crit[i] = rows[i].criterionId;
            period[i] = rows[i].period;
            note[i] = rows[i].note;
            status[i] = rows[i].status;
            source[i] = rows[i].source;
        }
        Column<double>(
            rows, [](const ResultRecord& r) { return r.selfScore; }, selfV, selfI);
        Column<double>(
            rows, [](const ResultRecord& r) { return r.appraisedScore; }, apprV, apprI);
        Column<double>(
            rows, [](const ResultRecord& r) { return r.numerator; }, numV, numI);
        Column<double>(
            rows, [](const ResultRecord& r) { return r.denominator; }, denV, denI);
    }
};

}  // namespace

namespace {
ResultRecord ReadResult(const soci::row& r) {
    ResultRecord x;
    x.id = Int(r, "id");
    x.unitId = Int(r, "unit_id");
    x.criterionId = Int(r, "criterion_id");
    x.period = Text(r, "period");
    x.selfScore = OptReal(r, "self_score");
    x.appraisedScore = OptReal(r, "appraised_score");
    x.numerator = OptReal(r, "numerator");
    x.denominator = OptReal(r, "denominator");
    x.note = Text(r, "note");
    x.status = Text(r, "status");
    x.source = Text(r, "source");
    x.version = static_cast<int>(Int(r, "version", 1));
    return x;
}
}  // namespace

void ResultRepository::InsertMany(const std::vector<ResultRecord>& rows) {
    if (rows.empty()) return;
    if (IsPostgres(s_)) {
        // SOCI sends a bulk statement to PostgreSQL one row per round trip;
        // COPY sends them all in one statement.
        const std::string now = NowIso();
        CopyIn copy(s_, "results",
                    {"unit_id", "criterion_id", "period", "self_score", "appraised_score",
                     "numerator", "denominator", "note", "status", "source", "updated_at"});
        for (const auto& r : rows) {
            copy.Int(r.unitId)
                .Int(r.criterionId)
                .Text(r.period)
                .OptReal(r.selfScore)
                .OptReal(r.appraisedScore)
                .OptReal(r.numerator)
                .OptReal(r.denominator)
                .Text(r.note)
                .Text(r.status)
                .Text(r.source)
                .Text(now);
            copy.EndRow();
        }
        copy.End();
        return;
    }
    ResultColumns c(rows);
    s_ << "INSERT INTO results (unit_id, criterion_id, period, self_score, appraised_score, "
          "numerator, denominator, note, status, source, updated_at) VALUES (:u, :c, :p, :s, :a, "
          ":n, :d, :note, :st, :src, :now)",
        soci::use(c.unit), soci::use(c.crit), soci::use(c.period), soci::use(c.selfV, c.selfI),
        soci::use(c.apprV, c.apprI), soci::use(c.numV, c.numI), soci::use(c.denV, c.denI),
        soci::use(c.note), soci::use(c.status), soci::use(c.source), soci::use(c.now);
}

void ResultRepository::Upsert(const std::vector<ResultRecord>& rows) {
    if (rows.empty()) return;
    ResultColumns c(rows);
    s_ << "INSERT INTO results (unit_id, criterion_id, period, self_score, appraised_score, "
          "numerator, denominator, note, status, source, updated_at) VALUES (:u, :c, :p, :s, :a, "
          ":n, :d, :note, :st, :src, :now) ON CONFLICT (unit_id, criterion_id, period) DO UPDATE "
          "SET self_score = excluded.self_score, appraised_score = excluded.appraised_score, "
          "numerator = excluded.numerator, denominator = excluded.denominator, note = "
          "excluded.note, source = excluded.source, updated_at = excluded.updated_at, version = "
          "results.version + 1",
        soci::use(c.unit), soci::use(c.crit), soci::use(c.period), soci::use(c.selfV, c.selfI),
        soci::use(c.apprV, c.apprI), soci::use(c.numV, c.numI), soci::use(c.denV, c.denI),
        soci::use(c.note), soci::use(c.status), soci::use(c.source), soci::use(c.now);
}

std::vector<ResultRecord> ResultRepository::ForFrameworkAndPeriod(std::int64_t frameworkId,
                                                                  const std::string& period) {
    // Fetched in batches into column vectors: a province holds tens of
    // thousands of results per period, and row-by-row access by column name
    // costs more than the query itself.
    const std::size_t batch = 4096;
    long long f = frameworkId;
    std::vector<long long> id(batch), unit(batch), crit(batch);
    std::vector<double> selfV(batch), apprV(batch), numV(batch), denV(batch);
    std::vector<soci::indicator> selfI(batch), apprI(batch), numI(batch), denI(batch);
    std::vector<std::string> note(batch), status(batch), source(batch);
    soci::statement st =
        (s_.prepare << "SELECT r.id, r.unit_id, r.criterion_id, r.self_score, r.appraised_score, "
                       "r.numerator, r.denominator, r.note, r.status, r.source FROM results r JOIN "
                       "criteria c ON c.id = r.criterion_id WHERE c.framework_id = :f AND r.period "
                       "= :p",
         soci::use(f), soci::use(period), soci::into(id), soci::into(unit), soci::into(crit),
         soci::into(selfV, selfI), soci::into(apprV, apprI), soci::into(numV, numI),
         soci::into(denV, denI), soci::into(note), soci::into(status), soci::into(source));
    std::vector<ResultRecord> out;
    auto opt = [](double v, soci::indicator ind) {
        return ind == soci::i_ok ? std::optional<double>(v) : std::nullopt;
    };
    if (st.execute(true)) {
        do {
            for (std::size_t i = 0; i < id.size(); ++i) {
                ResultRecord x;
                x.id = id[i];
                x.unitId = unit[i];
                x.criterionId = crit[i];
                x.period = period;
                x.selfScore = opt(selfV[i], selfI[i]);
                x.appraisedScore = opt(apprV[i], apprI[i]);
                x.numerator = opt(numV[i], numI[i]);
                x.denominator = opt(denV[i], denI[i]);
                x.note = std::move(note[i]);
                x.status = std::move(status[i]);
                x.source = std::move(source[i]);
                out.push_back(std::move(x));
            }
            for (auto* v : {&id, &unit, &crit}) v->resize(batch);
            for (auto* v : {&selfV, &apprV, &numV, &denV}) v->resize(batch);
            for (auto* v : {&selfI, &apprI, &numI, &denI}) v->resize(batch);
            for (auto* v : {&note, &status, &source}) v->resize(batch);
        } while (st.fetch());
    }
    return out;
}

std::vector<std::string> ResultRepository::PeriodsWithResults(std::int64_t frameworkId) {
    long long f = frameworkId;
    std::vector<std::string> out;
    // From the newest period down, each step the latest period before the
    // last one found: a few index seeks per criterion on (criterion_id,
    // period) instead of reading every result of the framework.
    soci::rowset<soci::row> rs =
        (s_.prepare << "WITH RECURSIVE p(period) AS ("
                       "SELECT MAX((SELECT MAX(r.period) FROM results r WHERE r.criterion_id = "
                       "c.id)) FROM criteria c WHERE c.framework_id = :f "
                       "UNION ALL "
                       "SELECT (SELECT MAX((SELECT MAX(r.period) FROM results r WHERE "
                       "r.criterion_id = c.id AND r.period < p.period)) FROM criteria c WHERE "
                       "c.framework_id = :f2) FROM p WHERE p.period IS NOT NULL) "
                       "SELECT period FROM p WHERE period IS NOT NULL",
         soci::use(f, "f"), soci::use(f, "f2"));
    for (const auto& r : rs) out.push_back(r.get<std::string>(0));
    return out;
}

std::vector<ResultExportRow> ResultRepository::AllForExport() {
    std::vector<ResultExportRow> out;
    soci::rowset<soci::row> rs =
        (s_.prepare
         << "SELECT r.id, r.unit_id, r.criterion_id, r.period, r.self_score, "
            "r.appraised_score, r.numerator, r.denominator, r.note, r.status, "
            "r.source, r.version, u.code AS unit_code, f.code AS framework_code, c.code AS "
            "criterion_code FROM results r JOIN units u ON u.id = r.unit_id JOIN "
            "criteria c ON c.id = r.criterion_id JOIN frameworks f ON f.id = "
            "c.framework_id");
    for (const auto& r : rs)
        out.push_back({Text(r, "unit_code"), Text(r, "framework_code"), Text(r, "criterion_code"),
                       ReadResult(r)});
    // Sorted here so that both backends give the same byte order.
    std::sort(out.begin(), out.end(), [](const ResultExportRow& a, const ResultExportRow& b) {
        return std::tie(a.frameworkCode, a.result.period, a.unitCode, a.criterionCode) <
               std::tie(b.frameworkCode, b.result.period, b.unitCode, b.criterionCode);
    });
    return out;
}

std::vector<ResultRecord> ResultRepository::ForUnitAndPeriod(std::int64_t unitId,
                                                             const std::string& period) {
    long long u = unitId;
    std::vector<ResultRecord> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, unit_id, criterion_id, period, self_score, appraised_score, "
                       "numerator, denominator, note, status, source, version FROM results WHERE "
                       "unit_id = :u AND period = :p ORDER BY criterion_id",
         soci::use(u), soci::use(period));
    for (const auto& r : rs) out.push_back(ReadResult(r));
    return out;
}

std::vector<ResultRecord> ResultRepository::ForUnitFrameworkPeriod(std::int64_t unitId,
                                                                   std::int64_t frameworkId,
                                                                   const std::string& period) {
    long long u = unitId, f = frameworkId;
    std::vector<ResultRecord> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT r.id, r.unit_id, r.criterion_id, r.period, "
                       "r.self_score, r.appraised_score, "
                       "r.numerator, r.denominator, r.note, r.status, "
                       "r.source, r.version FROM results r JOIN criteria c "
                       "ON c.id = r.criterion_id WHERE r.unit_id = :u AND "
                       "c.framework_id = :f AND r.period = :p",
         soci::use(u), soci::use(f), soci::use(period));
    for (const auto& r : rs) out.push_back(ReadResult(r));
    return out;
}

std::optional<ResultRecord> ResultRepository::Find(std::int64_t unitId, std::int64_t criterionId,
                                                   const std::string& period) {
    long long u = unitId, c = criterionId;
    soci::rowset<soci::row> rs =
        (s_.prepare
             << "SELECT id, unit_id, criterion_id, period, self_score, appraised_score, numerator, "
                "denominator, note, status, source, version FROM results WHERE unit_id = :u AND "
                "criterion_id = :c "
                "AND period = :p",
         soci::use(u), soci::use(c), soci::use(period));
    for (const auto& r : rs) return ReadResult(r);
    return std::nullopt;
}

std::int64_t ResultRepository::Insert(const ResultRecord& r, const std::string& user) {
    long long unit = r.unitId, crit = r.criterionId, id = 0;
    Nullable<double> self(r.selfScore), appr(r.appraisedScore), num(r.numerator),
        den(r.denominator);
    std::string now = NowIso();
    s_ << "INSERT INTO results (unit_id, criterion_id, period, self_score, appraised_score, "
          "numerator, "
          "denominator, note, status, source, updated_at, updated_by) VALUES (:u, :c, :p, :s, :a, "
          ":n, :d, :note, "
          ":st, :src, :now, :by) RETURNING id",
        soci::use(unit), soci::use(crit), soci::use(r.period), soci::use(self.value, self.ind),
        soci::use(appr.value, appr.ind), soci::use(num.value, num.ind),
        soci::use(den.value, den.ind), soci::use(r.note), soci::use(r.status), soci::use(r.source),
        soci::use(now), soci::use(user), soci::into(id);
    return id;
}

std::optional<std::int64_t> ResultRepository::InsertIfAbsent(const ResultRecord& r,
                                                             const std::string& user) {
    long long unit = r.unitId, crit = r.criterionId, id = 0;
    Nullable<double> self(r.selfScore), appr(r.appraisedScore), num(r.numerator),
        den(r.denominator);
    std::string now = NowIso();
    soci::indicator ind = soci::i_null;
    s_ << "INSERT INTO results (unit_id, criterion_id, period, self_score, appraised_score, "
          "numerator, denominator, note, status, source, updated_at, updated_by) VALUES (:u, :c, "
          ":p, :s, :a, :n, :d, :note, :st, :src, :now, :by) ON CONFLICT (unit_id, criterion_id, "
          "period) DO NOTHING RETURNING id",
        soci::use(unit), soci::use(crit), soci::use(r.period), soci::use(self.value, self.ind),
        soci::use(appr.value, appr.ind), soci::use(num.value, num.ind),
        soci::use(den.value, den.ind), soci::use(r.note), soci::use(r.status), soci::use(r.source),
        soci::use(now), soci::use(user), soci::into(id, ind);
    if (!s_.got_data() || ind != soci::i_ok) return std::nullopt;
    return id;
}

bool ResultRepository::UpdateValues(const ResultRecord& r, const std::string& user) {
    long long id = r.id;
    int version = r.version;
    Nullable<double> self(r.selfScore), appr(r.appraisedScore), num(r.numerator),
        den(r.denominator);
    std::string now = NowIso();
    soci::statement st =
        (s_.prepare << "UPDATE results SET self_score = :s, appraised_score = :a, numerator = "
                       ":n, denominator = :d, note = :note, source = :src, updated_at = :now, "
                       "updated_by = :by, version = version + 1 WHERE id = :id AND version = :v",
         soci::use(self.value, self.ind), soci::use(appr.value, appr.ind),
         soci::use(num.value, num.ind), soci::use(den.value, den.ind), soci::use(r.note),
         soci::use(r.source), soci::use(now), soci::use(user), soci::use(id), soci::use(version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

bool ResultRepository::BumpVersion(std::int64_t id, std::optional<int> version) {
    long long key = id;
    int expected = version.value_or(0), any = version ? 0 : 1;
    soci::statement st =
        (s_.prepare << "UPDATE results SET version = version + 1 WHERE id = :id AND (:anyv = 1 OR "
                       "version = :v)",
         soci::use(key, "id"), soci::use(any, "anyv"), soci::use(expected, "v"));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

long ResultRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM results", soci::into(n);
    return static_cast<long>(n);
}

}  // namespace cchc::storage
