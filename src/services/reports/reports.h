// The office's printed documents as report::Document values, built from the
// data of the other services and worded from the templates in reports/
// (editable without rebuilding). The renderers of src/report turn them into
// PDF, page images, DOCX and XLSX; the command line (`cchc report TYPE`)
// and the client's Reports area both call BuildReport.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/org.h"
#include "report/document.h"
#include "services/reports/report_archive.h"
#include "storage/database.h"

namespace cchc::services {

// One of quarterly, plan, ranking, tasks, survey, assignments, ratings,
// qr-cards.
struct ReportTypeInfo {
    std::string key;
    std::string label;       // "Báo cáo CCHC quý", translated
    bool needsUnit = false;  // a commune must be chosen (plan)
    bool hasNarrative = false;
};
std::vector<ReportTypeInfo> ReportTypes();

// A narrative section the clerk types (quarterly report): its key and the
// heading it is printed under, from the template.
struct NarrativeSectionInfo {
    std::string key;
    std::string heading;
    std::string hint;  // what to write, shown in the editor
    int level = 1;     // 1: a part (I., II.), 2: a section of a part (1., 2.)
    bool text = true;  // false: a heading over its sections, nothing to type
};
std::vector<NarrativeSectionInfo> NarrativeSections(const std::string& reportType);

// What one commune wrote in a section of its quarterly report of a period,
// beside what its data says of the section's programme area.
struct CommuneSection {
    std::int64_t unitId = 0;
    std::string unitCode, unitName;
    std::string body;     // "" when it has not written the section
    std::string figures;  // its tasks in the area ("" for a section without one)
};
// Every commune the account `user` reads, in Vietnamese order of names,
// with its text of the section and its figures, for the office to condense.
std::vector<CommuneSection> CommuneSections(storage::Database& db, const std::string& user,
                                            const std::string& period,
                                            const std::string& sectionKey);
// The communes the account reads that have written nothing in their
// quarterly report of the period, in Vietnamese order of names.
std::vector<Unit> CommunesNotWritten(storage::Database& db, const std::string& user,
                                     const std::string& period);

struct ReportRequest {
    std::string type;
    std::string period;                  // "2026-Q3", "2026-H1", "2026-9M", "2026", "2026-09"
    std::string unitCode;                // empty: the whole office
    std::optional<std::int64_t> planId;  // plan: that plan (else the unit's plan of the year)
    std::string framework;               // ranking: the framework code (else the latest used)
    int number = 0;                      // 0: the next free number is proposed
    std::optional<Date> issuedOn;        // default: today
    // Overrides of the settings; empty: from Settings.
    std::string place, signerName, signerTitle, signerAuthority;
    std::vector<std::string> recipients;
    bool showCitizens = false;  // ratings: citizens' names (hidden by default)
    // The account building it: prints reports on the unit (or the whole
    // office), and sees citizens' names only where allowed (core/access.h).
    std::string user;
};

struct BuiltReport {
    report::Document document;
    std::string title;       // for the archive and file names
    std::string kindSymbol;  // BC, KH, TB
    std::int64_t issuerUnitId = 0;
    int number = 0;  // the number printed (0: left blank)
    int year = 0;
    std::optional<std::int64_t> unitId, planId;
    std::string parametersJson;      // the request, to issue and reprint
    std::string reportType, period;  // as requested (period canonical)
    std::string issuerSymbol;        // "UBND", "PNV": after the kind in the number
    std::string issuedOn;            // ISO date printed in the header
};

// UserError (naming the field: type, period, unit, plan, framework) for
// what cannot be reported.
BuiltReport BuildReport(storage::Database& db, const ReportRequest& request);

// What ReportArchive::Issue needs to archive the built report's PDF.
IssueRequest IssueRequestFor(const BuiltReport& built);

}  // namespace cchc::services
