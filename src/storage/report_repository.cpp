#include "storage/report_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
#define ISSUED_COLUMNS                                                                   \
    "id, report_type, unit_id, period, plan_id, issuer_unit_id, number, number_text, "   \
    "kind_symbol, year, issued_on, title, parameters_json, status, sha256, size_bytes, " \
    "created_at, created_by"

IssuedReportRecord ReadIssued(const soci::row& r) {
    IssuedReportRecord x;
    x.id = Int(r, "id");
    x.reportType = Text(r, "report_type");
    if (auto v = OptInt(r, "unit_id")) x.unitId = *v;
    x.period = Text(r, "period");
    if (auto v = OptInt(r, "plan_id")) x.planId = *v;
    x.issuerUnitId = Int(r, "issuer_unit_id");
    if (auto v = OptInt(r, "number")) x.number = static_cast<int>(*v);
    x.numberText = Text(r, "number_text");
    x.kindSymbol = Text(r, "kind_symbol");
    x.year = static_cast<int>(Int(r, "year"));
    if (r.get_indicator("issued_on") == soci::i_ok) x.issuedOn = Text(r, "issued_on");
    x.title = Text(r, "title");
    x.parametersJson = Text(r, "parameters_json");
    x.status = Text(r, "status");
    x.sha256 = Text(r, "sha256");
    x.sizeBytes = Int(r, "size_bytes");
    x.createdAt = Text(r, "created_at");
    x.createdBy = Text(r, "created_by");
    return x;
}
}  // namespace

std::map<std::string, std::string> ReportRepository::Narratives(std::int64_t unitId,
                                                                const std::string& period,
                                                                const std::string& reportType) {
    long long u = unitId;
    std::map<std::string, std::string> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT section_key, body FROM report_narratives WHERE unit_id = :u AND "
                       "period = :p AND report_type = :t",
         soci::use(u), soci::use(period), soci::use(reportType));
    for (const auto& r : rs) out[Text(r, "section_key")] = Text(r, "body");
    return out;
}

std::map<std::int64_t, std::string> ReportRepository::SectionOfUnits(const std::string& period,
                                                                     const std::string& reportType,
                                                                     const std::string& key) {
    std::map<std::int64_t, std::string> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT unit_id, body FROM report_narratives WHERE period = :p AND "
                       "report_type = :t AND section_key = :k AND body <> ''",
         soci::use(period), soci::use(reportType), soci::use(key));
    for (const auto& r : rs) out[Int(r, "unit_id")] = Text(r, "body");
    return out;
}

std::vector<std::int64_t> ReportRepository::UnitsWithText(const std::string& period,
                                                          const std::string& reportType) {
    std::vector<std::int64_t> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT DISTINCT unit_id FROM report_narratives WHERE period = :p AND "
                       "report_type = :t AND body <> '' ORDER BY unit_id",
         soci::use(period), soci::use(reportType));
    for (const auto& r : rs) out.push_back(Int(r, "unit_id"));
    return out;
}

void ReportRepository::SaveNarrative(std::int64_t unitId, const std::string& period,
                                     const std::string& reportType, const std::string& key,
                                     const std::string& body, const std::string& user) {
    long long u = unitId;
    std::string now = NowIso();
    s_ << "INSERT INTO report_narratives (unit_id, period, report_type, section_key, body, "
          "updated_at, updated_by) VALUES (:u, :p, :t, :k, :b, :now, :user) ON CONFLICT "
          "(unit_id, period, report_type, section_key) DO UPDATE SET body = excluded.body, "
          "updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = "
          "report_narratives.version + 1",
        soci::use(u), soci::use(period), soci::use(reportType), soci::use(key), soci::use(body),
        soci::use(now), soci::use(user);
}

std::map<std::string, std::pair<std::string, int>> ReportRepository::NarrativeVersions(
    std::int64_t unitId, const std::string& period, const std::string& reportType) {
    long long u = unitId;
    std::map<std::string, std::pair<std::string, int>> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT section_key, body, version FROM report_narratives WHERE unit_id = "
                       ":u AND period = :p AND report_type = :t",
         soci::use(u), soci::use(period), soci::use(reportType));
    for (const auto& r : rs)
        out[Text(r, "section_key")] = {Text(r, "body"), static_cast<int>(Int(r, "version", 1))};
    return out;
}

bool ReportRepository::SaveNarrativeAt(std::int64_t unitId, const std::string& period,
                                       const std::string& reportType, const std::string& key,
                                       const std::string& body, int version,
                                       const std::string& user) {
    long long u = unitId;
    std::string now = NowIso();
    soci::statement st =
        version == 0
            ? (s_.prepare << "INSERT INTO report_narratives (unit_id, period, report_type, "
                             "section_key, body, updated_at, updated_by) VALUES (:u, :p, :t, :k, "
                             ":b, :now, :user) ON CONFLICT (unit_id, period, report_type, "
                             "section_key) DO NOTHING",
               soci::use(u), soci::use(period), soci::use(reportType), soci::use(key),
               soci::use(body), soci::use(now), soci::use(user))
            : (s_.prepare << "UPDATE report_narratives SET body = :b, updated_at = :now, "
                             "updated_by = :user, version = version + 1 WHERE unit_id = :u AND "
                             "period = :p AND report_type = :t AND section_key = :k AND version = "
                             ":v",
               soci::use(body), soci::use(now), soci::use(user), soci::use(u), soci::use(period),
               soci::use(reportType), soci::use(key), soci::use(version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void ReportRepository::LockNumbers() {
    if (IsPostgres(s_)) s_ << "LOCK TABLE issued_reports IN SHARE ROW EXCLUSIVE MODE";
}

int ReportRepository::NextNumber(std::int64_t issuerUnitId, const std::string& kindSymbol,
                                 int year) {
    long long issuer = issuerUnitId, next = 1;
    s_ << "SELECT COALESCE(MAX(number), 0) + 1 FROM issued_reports WHERE issuer_unit_id = :i AND "
          "kind_symbol = :k AND year = :y",
        soci::use(issuer), soci::use(kindSymbol), soci::use(year), soci::into(next);
    return static_cast<int>(next);
}

bool ReportRepository::NumberTaken(std::int64_t issuerUnitId, const std::string& kindSymbol,
                                   int year, int number) {
    long long issuer = issuerUnitId, n = 0;
    s_ << "SELECT COUNT(*) FROM issued_reports WHERE issuer_unit_id = :i AND kind_symbol = :k AND "
          "year = :y AND number = :n",
        soci::use(issuer), soci::use(kindSymbol), soci::use(year), soci::use(number), soci::into(n);
    return n > 0;
}

std::int64_t ReportRepository::Insert(const IssuedReportRecord& x, const std::string& pdf) {
    Nullable<long long> unit(x.unitId ? std::optional<long long>(*x.unitId) : std::nullopt),
        plan(x.planId ? std::optional<long long>(*x.planId) : std::nullopt);
    Nullable<int> number(x.number);
    Nullable<std::string> issued(x.issuedOn);
    long long issuer = x.issuerUnitId, size = static_cast<long long>(pdf.size()), id = 0;
    std::string now = x.createdAt.empty() ? NowIso() : x.createdAt;
    s_ << "INSERT INTO issued_reports (report_type, unit_id, period, plan_id, issuer_unit_id, "
          "number, number_text, kind_symbol, year, issued_on, title, parameters_json, status, "
          "sha256, size_bytes, created_at, created_by) VALUES (:t, :u, :p, :pl, :i, :n, :nt, :k, "
          ":y, :iss, :ti, :par, :st, :sha, :sz, :at, :by) RETURNING id",
        soci::use(x.reportType), soci::use(unit.value, unit.ind), soci::use(x.period),
        soci::use(plan.value, plan.ind), soci::use(issuer), soci::use(number.value, number.ind),
        soci::use(x.numberText), soci::use(x.kindSymbol), soci::use(x.year),
        soci::use(issued.value, issued.ind), soci::use(x.title), soci::use(x.parametersJson),
        soci::use(x.status), soci::use(x.sha256), soci::use(size), soci::use(now),
        soci::use(x.createdBy), soci::into(id);
    if (IsPostgres(s_)) {
        std::string hex = ToHex(pdf);
        s_ << "UPDATE issued_reports SET pdf = decode(:h, 'hex') WHERE id = :id", soci::use(hex),
            soci::use(id);
    } else {
        soci::blob b(s_);
        if (!pdf.empty()) b.write(0, pdf.data(), pdf.size());
        s_ << "UPDATE issued_reports SET pdf = :c WHERE id = :id", soci::use(b), soci::use(id);
    }
    return id;
}

std::vector<IssuedReportRecord> ReportRepository::List(const std::optional<std::string>& reportType,
                                                       const std::optional<std::int64_t>& unitId) {
    const int anyType = reportType ? 0 : 1, anyUnit = unitId ? 0 : 1;
    const std::string type = reportType.value_or("");
    long long unit = unitId.value_or(0);
    std::vector<IssuedReportRecord> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " ISSUED_COLUMNS
                       " FROM issued_reports WHERE (:at = 1 OR "
                       "report_type = :t) AND (:au = 1 OR unit_id = :u) ORDER BY created_at DESC, "
                       "id DESC",
         soci::use(anyType), soci::use(type), soci::use(anyUnit), soci::use(unit));
    for (const auto& r : rs) out.push_back(ReadIssued(r));
    return out;
}

std::optional<IssuedReportRecord> ReportRepository::Find(std::int64_t id) {
    long long i = id;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " ISSUED_COLUMNS " FROM issued_reports WHERE id = :i", soci::use(i));
    for (const auto& r : rs) return ReadIssued(r);
    return std::nullopt;
}

std::string ReportRepository::Pdf(std::int64_t id) {
    long long i = id;
    std::string hex;
    soci::indicator ind = soci::i_null;
    if (IsPostgres(s_))
        s_ << "SELECT encode(pdf, 'hex') FROM issued_reports WHERE id = :i", soci::use(i),
            soci::into(hex, ind);
    else
        s_ << "SELECT hex(pdf) FROM issued_reports WHERE id = :i", soci::use(i),
            soci::into(hex, ind);
    if (ind != soci::i_ok) return {};
    return FromHex(hex);
}

void ReportRepository::SetStatus(std::int64_t id, const std::string& status) {
    long long i = id;
    s_ << "UPDATE issued_reports SET status = :s WHERE id = :i", soci::use(status), soci::use(i);
}

}  // namespace cchc::storage
