// What a report keeps between sessions: the narrative sections a clerk
// types per unit, period and report type, and the archive of issued
// documents. Issuing gives the document its number (proposed as the next
// free one of the issuer for the kind and year) and freezes its PDF with its
// SHA-256, so that it reprints byte for byte.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/report_conflicts.h"
#include "storage/database.h"

namespace cchc::services {

// The kind symbol of a report type in its number: "BC" (báo cáo), "KH"
// (kế hoạch: the plan), "TB" (thông báo: the survey notice).
std::string KindSymbolOf(const std::string& reportType);

// A document of the archive.
struct IssuedReportRecord {
    std::int64_t id = 0;
    std::string reportType;
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

struct IssueRequest {
    std::string reportType;
    std::optional<std::int64_t> unitId;  // the unit the report is about
    std::string period;
    std::optional<std::int64_t> planId;
    std::int64_t issuerUnitId = 0;
    int year = 0;
    int number = 0;                       // 0: issued without a number (written in by hand)
    std::string issuerSymbol;             // "UBND", "PNV": the part after the kind in "05/BC-UBND"
    std::optional<std::string> issuedOn;  // ISO date
    std::string title;
    std::string parametersJson = "{}";
};

// A section of a report's text as read (core/report_conflicts.h).
using cchc::NarrativeText;

// Sections of a report's text that another desk saved after this one read
// them (fields keyed by section), and every section as stored now.
class NarrativeConflict : public EditConflict {
  public:
    NarrativeConflict(std::string record, std::vector<FieldConflict> fields,
                      std::map<std::string, NarrativeText> stored);
    const std::map<std::string, NarrativeText>& stored() const { return stored_; }

  private:
    std::map<std::string, NarrativeText> stored_;
};

class ReportArchive {
  public:
    ReportArchive(storage::Database& db, std::string user);

    std::map<std::string, std::string> Narratives(std::int64_t unitId, const std::string& period,
                                                  const std::string& reportType);
    // Stores every section given, in one transaction. UserError (field
    // period) for a malformed period.
    void SaveNarratives(std::int64_t unitId, const std::string& period,
                        const std::string& reportType,
                        const std::map<std::string, std::string>& sections);
    // The sections with their versions, as the client edits them.
    std::map<std::string, NarrativeText> NarrativeTexts(std::int64_t unitId,
                                                        const std::string& period,
                                                        const std::string& reportType);
    // Stores the sections given, each against the version it was read
    // with, in one transaction, audited; returns every section as stored.
    // NarrativeConflict when another desk saved one of them since and its
    // text differs from the user's (nothing is stored then).
    std::map<std::string, NarrativeText> SaveNarrativeTexts(
        std::int64_t unitId, const std::string& period, const std::string& reportType,
        const std::map<std::string, NarrativeText>& sections);

    // The next free number of the issuer for the report type's kind and year.
    int ProposeNumber(std::int64_t issuerUnitId, const std::string& reportType, int year);
    // Archives the PDF. UserError (field number) when the number is taken
    // already (checked in the issuing transaction, with the numbering locked:
    // another desk may have issued it since the preview), (field type) for
    // an unknown report type, (field pdf) for an empty file.
    IssuedReportRecord Issue(const IssueRequest& request, const std::string& pdf);
    // The issued reports the account reads (core/access.h): a commune's
    // account those of its units (the unit a report is about, else its
    // issuer). AccessDenied for a login that reads nothing.
    std::vector<IssuedReportRecord> List(const std::optional<std::string>& reportType,
                                         const std::optional<std::int64_t>& unitId);
    // The archived PDF, checked against its SHA-256. UserError when the
    // document is gone or its stored file no longer matches.
    std::string Reprint(std::int64_t id);
    // Marks an issued document revoked (it stays in the archive).
    void Revoke(std::int64_t id);

  private:
    storage::Database& db_;
    std::string user_;
};

}  // namespace cchc::services
