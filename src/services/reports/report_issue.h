// Issuing a report built by BuildReport: its PDF is archived under the
// number it printed (see report_archive.h), with the request it was built
// from, so that it reprints byte for byte.
#pragma once
#include <string>

#include "report/document.h"
#include "services/reports/report_archive.h"
#include "services/reports/reports.h"

namespace cchc::services {

// The issuer's symbol in the document's number: "UBND" of
// "Số: 05/BC-UBND", "PNV" of "Số:   /BC-PNV"; empty without a header.
std::string IssuerSymbolOf(const report::Document& doc, const std::string& kindSymbol);

// Archives pdf (the bytes of the PDF of the report built from request),
// dated the request's date (today when none). UserError as
// ReportArchive::Issue (a number taken meanwhile, an empty file).
IssuedReportRecord IssueBuiltReport(storage::Database& db, const std::string& user,
                                    const ReportRequest& request, const BuiltReport& built,
                                    const std::string& pdf);

}  // namespace cchc::services
