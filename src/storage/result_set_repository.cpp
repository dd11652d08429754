#include "storage/result_set_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
// The columns every query of the table reads, spliced in at compile time.
#define RESULT_SET_COLUMNS                                                                  \
    "id, unit_id, framework_id, period, status, submitted_at, submitted_by, appraised_at, " \
    "appraised_by, "                                                                        \
    "reopen_reason, self_points, self_max, appraised_points, appraised_max, totals_fresh, version"

ResultSetRow ReadSet(const soci::row& r) {
    ResultSetRow x;
    x.id = Int(r, "id");
    x.unitId = Int(r, "unit_id");
    x.frameworkId = Int(r, "framework_id");
    x.period = Text(r, "period");
    x.status = Text(r, "status");
    x.submittedAt = Text(r, "submitted_at");
    x.submittedBy = Text(r, "submitted_by");
    x.appraisedAt = Text(r, "appraised_at");
    x.appraisedBy = Text(r, "appraised_by");
    x.reopenReason = Text(r, "reopen_reason");
    x.selfPoints = Real(r, "self_points");
    x.selfMax = Real(r, "self_max");
    x.appraisedPoints = Real(r, "appraised_points");
    x.appraisedMax = Real(r, "appraised_max");
    x.totalsFresh = Int(r, "totals_fresh") != 0;
    x.version = static_cast<int>(Int(r, "version", 1));
    return x;
}
}  // namespace

std::optional<ResultSetRow> ResultSetRepository::Find(std::int64_t unitId, std::int64_t frameworkId,
                                                      const std::string& period) {
    long long u = unitId, f = frameworkId;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " RESULT_SET_COLUMNS
                       " FROM result_sets WHERE unit_id = :u AND framework_id = :f AND period = :p",
         soci::use(u), soci::use(f), soci::use(period));
    for (const auto& r : rs) return ReadSet(r);
    return std::nullopt;
}

ResultSetRow ResultSetRepository::Ensure(std::int64_t unitId, std::int64_t frameworkId,
                                         const std::string& period) {
    if (auto found = Find(unitId, frameworkId, period)) return *found;
    long long u = unitId, f = frameworkId;
    std::string now = NowIso();
    s_ << "INSERT INTO result_sets (unit_id, framework_id, period, status, updated_at) VALUES (:u, "
          ":f, "
          ":p, 'draft', :now)",
        soci::use(u), soci::use(f), soci::use(period), soci::use(now);
    return *Find(unitId, frameworkId, period);
}

std::vector<ResultSetRow> ResultSetRepository::ForFrameworkAndPeriod(std::int64_t frameworkId,
                                                                     const std::string& period) {
    long long f = frameworkId;
    std::vector<ResultSetRow> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " RESULT_SET_COLUMNS
                       " FROM result_sets WHERE framework_id = :f AND period = :p",
         soci::use(f), soci::use(period));
    for (const auto& r : rs) out.push_back(ReadSet(r));
    return out;
}

std::vector<RankedTotal> ResultSetRepository::RankedTotals(std::int64_t frameworkId,
                                                           const std::string& period,
                                                           bool appraised) {
    long long f = frameworkId;
    int a = appraised ? 1 : 0;
    std::vector<RankedTotal> out;
    auto read = [&out](soci::rowset<soci::row>& rs) {
        for (const auto& r : rs)
            out.push_back(
                {Text(r, "kind"), Real(r, "points"), Real(r, "max_points"), Int(r, "fresh") != 0});
    };
    if (IsPostgres(s_)) {
        soci::rowset<soci::row> rs = (s_.prepare << "SELECT kind, points, max_points, fresh FROM "
                                                    "cchc_ranked_totals(:f, :p, :a = 1)",
                                      soci::use(f), soci::use(period), soci::use(a));
        read(rs);
    } else {
        soci::rowset<soci::row> rs =
            (s_.prepare << "SELECT u.kind AS kind, CASE WHEN :a1 = 1 THEN s.appraised_points "
                           "ELSE s.self_points END AS points, CASE WHEN :a2 = 1 THEN "
                           "s.appraised_max ELSE s.self_max END AS max_points, s.totals_fresh "
                           "AS fresh FROM result_sets s JOIN units u ON u.id = s.unit_id "
                           "WHERE s.framework_id = :f AND s.period = :p",
             soci::use(a, "a1"), soci::use(a, "a2"), soci::use(f, "f"), soci::use(period, "p"));
        read(rs);
    }
    return out;
}

bool ResultSetRepository::SetStatus(const ResultSetRow& set, const std::string& status,
                                    const std::string& user, const std::string& reason) {
    long long id = set.id, unit = set.unitId, fw = set.frameworkId;
    int version = set.version;
    std::string now = NowIso();
    soci::statement st =
        (s_.prepare
             << "UPDATE result_sets SET status = :s, "
                "submitted_at = CASE WHEN :s2 = 'submitted' THEN :now ELSE submitted_at END, "
                "submitted_by = CASE WHEN :s3 = 'submitted' THEN :u ELSE submitted_by END, "
                "appraised_at = CASE WHEN :s4 = 'appraised' THEN :now2 ELSE appraised_at END, "
                "appraised_by = CASE WHEN :s5 = 'appraised' THEN :u2 ELSE appraised_by END, "
                "reopen_reason = :reason, updated_at = :now3, updated_by = :u3, "
                "version = version + 1 WHERE id = :id AND version = :v",
         soci::use(status), soci::use(status), soci::use(now), soci::use(status), soci::use(user),
         soci::use(status), soci::use(now), soci::use(status), soci::use(user), soci::use(reason),
         soci::use(now), soci::use(user), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    s_ << "UPDATE results SET status = :s, updated_at = :now, updated_by = :u WHERE unit_id = "
          ":unit AND "
          "period = :p AND criterion_id IN (SELECT id FROM criteria WHERE framework_id = :f)",
        soci::use(status), soci::use(now), soci::use(user), soci::use(unit), soci::use(set.period),
        soci::use(fw);
    return true;
}

void ResultSetRepository::Touch(std::int64_t unitId, std::int64_t frameworkId,
                                const std::string& period) {
    long long u = unitId, f = frameworkId;
    s_ << "UPDATE result_sets SET version = version + 1 WHERE unit_id = :u AND framework_id = :f "
          "AND period = :p",
        soci::use(u), soci::use(f), soci::use(period);
}

void ResultSetRepository::StoreTotals(const std::vector<SetTotals>& totals) {
    if (totals.empty()) return;
    const std::size_t n = totals.size();
    std::vector<long long> id(n);
    std::vector<double> sp(n), sm(n), ap(n), am(n);
    for (std::size_t i = 0; i < n; ++i) {
        id[i] = totals[i].setId;
        sp[i] = totals[i].selfPoints, sm[i] = totals[i].selfMax;
        ap[i] = totals[i].appraisedPoints, am[i] = totals[i].appraisedMax;
    }
    s_ << "UPDATE result_sets SET self_points = :sp, self_max = :sm, appraised_points = :ap, "
          "appraised_max = "
          ":am, totals_fresh = 1 WHERE id = :id",
        soci::use(sp), soci::use(sm), soci::use(ap), soci::use(am), soci::use(id);
}

void ResultSetRepository::MarkFrameworkStale(std::int64_t frameworkId) {
    long long f = frameworkId;
    s_ << "UPDATE result_sets SET totals_fresh = 0 WHERE framework_id = :f", soci::use(f);
}

std::vector<std::pair<std::int64_t, std::string>> ResultSetRepository::StalePairs() {
    std::vector<std::pair<std::int64_t, std::string>> out;
    soci::rowset<soci::row> rs =
        (s_.prepare
         << "SELECT DISTINCT framework_id, period FROM result_sets WHERE totals_fresh = 0");
    for (const auto& r : rs) out.emplace_back(Int(r, "framework_id"), Text(r, "period"));
    return out;
}

long ResultSetRepository::CountWithStatus(std::int64_t frameworkId, const std::string& status) {
    long long f = frameworkId, n = 0;
    s_ << "SELECT COUNT(*) FROM result_sets WHERE framework_id = :f AND status = :s", soci::use(f),
        soci::use(status), soci::into(n);
    return static_cast<long>(n);
}

void ResultSetRepository::EnsureFromResults() {
    s_ << "INSERT INTO result_sets (unit_id, framework_id, period, status) SELECT r.unit_id, "
          "c.framework_id, "
          "r.period, CASE MAX(CASE r.status WHEN 'appraised' THEN 3 WHEN 'submitted' THEN 2 ELSE 1 "
          "END) WHEN 3 "
          "THEN 'appraised' WHEN 2 THEN 'submitted' ELSE 'draft' END FROM results r JOIN criteria "
          "c ON c.id = "
          "r.criterion_id WHERE NOT EXISTS (SELECT 1 FROM result_sets s WHERE s.unit_id = "
          "r.unit_id AND "
          "s.framework_id = c.framework_id AND s.period = r.period) GROUP BY r.unit_id, "
          "c.framework_id, r.period";
}

std::vector<PeriodSets> ResultSetRepository::PeriodCounts(std::int64_t frameworkId) {
    const long long f = frameworkId;
    std::vector<PeriodSets> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT period, COUNT(*) AS sets, SUM(CASE WHEN status = 'appraised' THEN 1 "
                       "ELSE 0 END) AS appraised FROM result_sets WHERE framework_id = :f GROUP BY "
                       "period",
         soci::use(f));
    for (const auto& r : rs)
        out.push_back({Text(r, "period"), static_cast<long>(Int(r, "sets")),
                       static_cast<long>(Int(r, "appraised"))});
    return out;
}

}  // namespace cchc::storage
