// The evidence register (tài liệu kiểm chứng): documents with their number,
// date, issuer and title, the file itself with its SHA-256 and size, and
// their links to results. Listing never reads the files; Content() does.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace cchc::storage {

struct EvidenceRecord {
    std::int64_t id = 0;
    std::int64_t unitId = 0;
    std::string docNumber;               // "12/QĐ-UBND"
    std::optional<std::string> docDate;  // ISO date
    std::string issuer, title, note;
    std::string fileName, mimeType;
    std::string sha256;                  // 64 hex digits, empty without a file
    std::optional<long long> sizeBytes;  // without a file: none
    std::string createdAt, createdBy;
    int version = 1;  // as read
};

class EvidenceRepository {
  public:
    explicit EvidenceRepository(soci::session& s) : s_(s) {}
    // Stores the document and its file (content may be empty: a reference
    // only); returns its id.
    std::int64_t Insert(const EvidenceRecord& e, const std::string& content);
    std::optional<EvidenceRecord> Find(std::int64_t id);
    // Writes the number, date, issuer, title and note of the document if it
    // still has e.version, and raises it; false when another desk changed
    // it first.
    bool UpdateDetails(const EvidenceRecord& e);
    // The unit's document with this file already in the register, if any.
    std::optional<std::int64_t> FindByHash(std::int64_t unitId, const std::string& sha256);
    // The file's bytes (empty when only the reference is kept).
    std::string Content(std::int64_t id);
    // Stores the file of a document already in the register (a commune
    // copy receiving the files of an exchange package).
    void SetContent(std::int64_t id, const std::string& content);
    void Link(std::int64_t resultId, std::int64_t evidenceId);
    void Unlink(std::int64_t resultId, std::int64_t evidenceId);
    // Links a document to a task's progress update.
    void LinkUpdate(std::int64_t updateId, std::int64_t evidenceId);
    // Links the document to every result of the unit in the period (a
    // self-assessment report that covers them all), but those of the
    // criteria in `except`: one statement.
    void LinkToResults(std::int64_t evidenceId, std::int64_t unitId, const std::string& period,
                       const std::vector<std::int64_t>& except = {});
    // Removes a document linked to nothing.
    void Delete(std::int64_t evidenceId);
    std::vector<EvidenceRecord> ForResult(std::int64_t resultId);
    // The unit's register, latest document first.
    std::vector<EvidenceRecord> ForUnit(std::int64_t unitId);
    // Documents linked to each criterion's result of the unit on the
    // framework in the period: criterion id → count.
    std::map<std::int64_t, int> CountsByCriterion(std::int64_t unitId, std::int64_t frameworkId,
                                                  const std::string& period);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
