// Reports: the narrative sections a clerk types per unit, period and report
// type, and the archive of issued documents with their number and frozen
// PDF (reprinted byte for byte).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace soci {
class session;
}

namespace cchc::storage {

struct IssuedReportRecord {
    std::int64_t id = 0;
    std::string
        reportType;  // quarterly, plan, ranking, tasks, survey, assignments, ratings, qr-cards
    std::optional<std::int64_t> unitId;  // the unit the report is about
    std::string period;
    std::optional<std::int64_t> planId;
    std::int64_t issuerUnitId = 0;
    std::optional<int> number;  // none: printed before a number was given
    std::string numberText;     // "05/BC-UBND"
    std::string kindSymbol;     // BC, KH, TB
    int year = 0;
    std::optional<std::string> issuedOn;
    std::string title;
    std::string parametersJson = "{}";
    std::string status = "issued";  // issued, revoked
    std::string sha256;
    long long sizeBytes = 0;
    std::string createdAt, createdBy;
};

class ReportRepository {
  public:
    explicit ReportRepository(soci::session& s) : s_(s) {}

    // The sections typed for a report, by key.
    std::map<std::string, std::string> Narratives(std::int64_t unitId, const std::string& period,
                                                  const std::string& reportType);
    // What every unit wrote (not empty) in one section of its report of the
    // period, by unit.
    std::map<std::int64_t, std::string> SectionOfUnits(const std::string& period,
                                                       const std::string& reportType,
                                                       const std::string& key);
    // The units that wrote anything in their report of the period.
    std::vector<std::int64_t> UnitsWithText(const std::string& period,
                                            const std::string& reportType);
    // Writes one section (replacing what was there).
    void SaveNarrative(std::int64_t unitId, const std::string& period,
                       const std::string& reportType, const std::string& key,
                       const std::string& body, const std::string& user);
    // The sections typed for a report with their versions, by key.
    std::map<std::string, std::pair<std::string, int>> NarrativeVersions(
        std::int64_t unitId, const std::string& period, const std::string& reportType);
    // Writes one section if it is still at `version` as read (0: none was
    // stored) and raises its version; false when another desk wrote it first.
    bool SaveNarrativeAt(std::int64_t unitId, const std::string& period,
                         const std::string& reportType, const std::string& key,
                         const std::string& body, int version, const std::string& user);

    // Holds the numbering of issued documents until the transaction ends, so
    // that a second desk issuing at the same time waits, then sees the number
    // taken (PostgreSQL; SQLite's write transaction holds it already).
    void LockNumbers();
    // The next free number of the issuer for the kind and year (1 when none).
    int NextNumber(std::int64_t issuerUnitId, const std::string& kindSymbol, int year);
    // Whether that number is taken already.
    bool NumberTaken(std::int64_t issuerUnitId, const std::string& kindSymbol, int year,
                     int number);
    // Archives the document with its PDF; returns its id.
    std::int64_t Insert(const IssuedReportRecord& report, const std::string& pdf);
    // Issued documents, newest first; of one type and/or unit when given.
    std::vector<IssuedReportRecord> List(const std::optional<std::string>& reportType,
                                         const std::optional<std::int64_t>& unitId);
    std::optional<IssuedReportRecord> Find(std::int64_t id);
    // The archived PDF, byte for byte.
    std::string Pdf(std::int64_t id);
    void SetStatus(std::int64_t id, const std::string& status);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
