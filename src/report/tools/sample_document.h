// A sample quarterly CCHC report of a commune built in code: the header,
// title, headings, paragraphs, a long statistics table, a bar chart, a QR
// block, the signature and recipients, then a landscape section and a page
// of QR cards. Used by report_sample, the report tests and the benchmark.
#pragma once
#include "report/document.h"

namespace cchc::report::sample {

// tableRows: rows of the per-dossier table (a 200-page report has ~6,000).
Document QuarterlyReport(int tableRows = 200);

// A page of QR cards for the officers of the one-stop desk (portrait, 2 × 3).
Document OfficerQrCards(int officers = 6);

// The header row texts of the long table (repeated on every page).
extern const char* const kTableHeader[];
constexpr int kTableColumns = 6;

}  // namespace cchc::report::sample
