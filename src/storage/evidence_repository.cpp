#include "storage/evidence_repository.h"

#include <soci/soci.h>

#include <stdexcept>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
// The columns every query of the table reads, spliced in at compile time.
#define EVIDENCE_COLUMNS                                                                  \
    "e.id, e.unit_id, e.doc_number, e.doc_date, e.issuer, e.title, e.note, e.file_name, " \
    "e.mime_type, "                                                                       \
    "e.sha256, e.size_bytes, e.created_at, e.created_by, e.version"

EvidenceRecord ReadEvidence(const soci::row& r) {
    EvidenceRecord e;
    e.id = Int(r, "id");
    e.unitId = Int(r, "unit_id");
    e.docNumber = Text(r, "doc_number");
    if (r.get_indicator("doc_date") == soci::i_ok) e.docDate = Text(r, "doc_date");
    e.issuer = Text(r, "issuer");
    e.title = Text(r, "title");
    e.note = Text(r, "note");
    e.fileName = Text(r, "file_name");
    e.mimeType = Text(r, "mime_type");
    e.sha256 = Text(r, "sha256");
    e.sizeBytes = OptInt(r, "size_bytes");
    e.createdAt = Text(r, "created_at");
    e.createdBy = Text(r, "created_by");
    e.version = static_cast<int>(Int(r, "version", 1));
    return e;
}

}  // namespace

std::int64_t EvidenceRepository::Insert(const EvidenceRecord& e, const std::string& content) {
    long long unit = e.unitId, id = 0;
    Nullable<std::string> date(e.docDate);
    Nullable<std::string> sha(e.sha256.empty() ? std::nullopt
                                               : std::optional<std::string>(e.sha256));
    Nullable<long long> size(e.sizeBytes);
    std::string now = e.createdAt.empty() ? NowIso() : e.createdAt;
    s_ << "INSERT INTO evidence (unit_id, doc_number, doc_date, issuer, title, note, file_name, "
          "mime_type, "
          "sha256, size_bytes, created_at, created_by) VALUES (:u, :n, :d, :i, :t, :note, :f, :m, "
          ":sha, :sz, "
          ":at, :by) RETURNING id",
        soci::use(unit), soci::use(e.docNumber), soci::use(date.value, date.ind),
        soci::use(e.issuer), soci::use(e.title), soci::use(e.note), soci::use(e.fileName),
        soci::use(e.mimeType), soci::use(sha.value, sha.ind), soci::use(size.value, size.ind),
        soci::use(now), soci::use(e.createdBy), soci::into(id);
    if (!content.empty()) SetContent(id, content);
    return id;
}

void EvidenceRepository::SetContent(std::int64_t id, const std::string& content) {
    long long i = id;
    // PostgreSQL's blobs in SOCI are large objects, not bytea: the file
    // crosses as hexadecimal text there, and as a blob on SQLite.
    if (IsPostgres(s_)) {
        std::string hex = ToHex(content);
        s_ << "UPDATE evidence SET content = decode(:h, 'hex') WHERE id = :id", soci::use(hex),
            soci::use(i);
    } else {
        soci::blob b(s_);
        b.write(0, content.data(), content.size());
        s_ << "UPDATE evidence SET content = :c WHERE id = :id", soci::use(b), soci::use(i);
    }
}

bool EvidenceRepository::UpdateDetails(const EvidenceRecord& e) {
    long long id = e.id;
    int version = e.version;
    Nullable<std::string> date(e.docDate);
    soci::statement st =
        (s_.prepare << "UPDATE evidence SET doc_number = :n, doc_date = :d, issuer = :i, title = "
                       ":t, note = :note, version = version + 1 WHERE id = :id AND version = :v",
         soci::use(e.docNumber), soci::use(date.value, date.ind), soci::use(e.issuer),
         soci::use(e.title), soci::use(e.note), soci::use(id), soci::use(version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::optional<EvidenceRecord> EvidenceRepository::Find(std::int64_t id) {
    long long i = id;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " EVIDENCE_COLUMNS " FROM evidence e WHERE e.id = :i", soci::use(i));
    for (const auto& r : rs) return ReadEvidence(r);
    return std::nullopt;
}

std::optional<std::int64_t> EvidenceRepository::FindByHash(std::int64_t unitId,
                                                           const std::string& sha256) {
    long long u = unitId, id = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MIN(id) FROM evidence WHERE unit_id = :u AND sha256 = :s", soci::use(u),
        soci::use(sha256), soci::into(id, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return id;
}

std::string EvidenceRepository::Content(std::int64_t id) {
    long long i = id;
    std::string hex;
    soci::indicator ind = soci::i_null;
    if (IsPostgres(s_))
        s_ << "SELECT encode(content, 'hex') FROM evidence WHERE id = :i", soci::use(i),
            soci::into(hex, ind);
    else
        s_ << "SELECT hex(content) FROM evidence WHERE id = :i", soci::use(i), soci::into(hex, ind);
    if (ind != soci::i_ok) return {};
    return FromHex(hex);
}

void EvidenceRepository::Link(std::int64_t resultId, std::int64_t evidenceId) {
    long long r = resultId, e = evidenceId;
    s_ << "INSERT INTO result_evidence (result_id, evidence_id) VALUES (:r, :e) ON CONFLICT DO "
          "NOTHING",
        soci::use(r), soci::use(e);
}

void EvidenceRepository::LinkUpdate(std::int64_t updateId, std::int64_t evidenceId) {
    long long u = updateId, e = evidenceId;
    s_ << "INSERT INTO progress_evidence (update_id, evidence_id) VALUES (:u, :e) ON CONFLICT DO "
          "NOTHING",
        soci::use(u), soci::use(e);
}

void EvidenceRepository::Unlink(std::int64_t resultId, std::int64_t evidenceId) {
    long long r = resultId, e = evidenceId;
    s_ << "DELETE FROM result_evidence WHERE result_id = :r AND evidence_id = :e", soci::use(r),
        soci::use(e);
}

void EvidenceRepository::LinkToResults(std::int64_t evidenceId, std::int64_t unitId,
                                       const std::string& period,
                                       const std::vector<std::int64_t>& except) {
    long long e = evidenceId, u = unitId;
    // The criteria left out, as a list the engine reads: an array on the
    // server, a JSON array for SQLite (numbers only, bound as a value).
    const bool pg = IsPostgres(s_);
    std::string list = pg ? "{" : "[";
    for (std::size_t i = 0; i < except.size(); ++i)
        list += (i ? "," : "") + std::to_string(except[i]);
    list += pg ? "}" : "]";
    if (pg)
        s_ << "INSERT INTO result_evidence (result_id, evidence_id) SELECT id, CAST(:e AS BIGINT) "
              "FROM results WHERE unit_id = :u AND period = :p AND criterion_id <> ALL (CAST(:x "
              "AS BIGINT[])) ON CONFLICT DO NOTHING",
            soci::use(e), soci::use(u), soci::use(period), soci::use(list);
    else
        s_ << "INSERT INTO result_evidence (result_id, evidence_id) SELECT id, CAST(:e AS BIGINT) "
              "FROM results WHERE unit_id = :u AND period = :p AND criterion_id NOT IN (SELECT "
              "value FROM json_each(:x)) ON CONFLICT DO NOTHING",
            soci::use(e), soci::use(u), soci::use(period), soci::use(list);
}

void EvidenceRepository::Delete(std::int64_t evidenceId) {
    long long e = evidenceId;
    s_ << "DELETE FROM evidence WHERE id = :e", soci::use(e);
}

std::vector<EvidenceRecord> EvidenceRepository::ForResult(std::int64_t resultId) {
    long long r = resultId;
    std::vector<EvidenceRecord> out;
    soci::rowset<soci::row> rs = (s_.prepare << "SELECT " EVIDENCE_COLUMNS
                                                " FROM evidence e JOIN result_evidence l ON "
                                                "l.evidence_id = e.id WHERE l.result_id = :r "
                                                "ORDER BY e.doc_date, e.id",
                                  soci::use(r));
    for (const auto& row : rs) out.push_back(ReadEvidence(row));
    return out;
}

std::vector<EvidenceRecord> EvidenceRepository::ForUnit(std::int64_t unitId) {
    long long u = unitId;
    std::vector<EvidenceRecord> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " EVIDENCE_COLUMNS
                       " FROM evidence e WHERE e.unit_id = :u ORDER BY e.created_at DESC, "
                       "e.id DESC",
         soci::use(u));
    for (const auto& row : rs) out.push_back(ReadEvidence(row));
    return out;
}

std::map<std::int64_t, int> EvidenceRepository::CountsByCriterion(std::int64_t unitId,
                                                                  std::int64_t frameworkId,
                                                                  const std::string& period) {
    long long u = unitId, f = frameworkId;
    std::map<std::int64_t, int> out;
    soci::rowset<soci::row> rs =
        (s_.prepare
             << "SELECT r.criterion_id, COUNT(*) AS n FROM result_evidence l JOIN results r ON "
                "r.id = "
                "l.result_id JOIN criteria c ON c.id = r.criterion_id WHERE r.unit_id = :u AND "
                "c.framework_id = :f AND r.period = :p GROUP BY r.criterion_id",
         soci::use(u), soci::use(f), soci::use(period));
    for (const auto& row : rs) out[Int(row, "criterion_id")] = static_cast<int>(Int(row, "n"));
    return out;
}

}  // namespace cchc::storage
