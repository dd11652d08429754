// The tables of a Document as an Excel workbook (.xlsx): one worksheet per
// table in document order, its header rows bold and frozen, numbers written
// as numbers with their format (integers "#,##0", decimals, percentages
// "0.00%"), merged cells kept, column widths from the content.
#pragma once
#include <string>
#include <vector>

#include "report/document.h"

namespace cchc::report {

// Throws std::runtime_error when the file cannot be written. A document
// without tables gives a workbook with one empty sheet.
void RenderXlsx(const Document& doc, const std::string& path);

// The worksheet name used for the n-th table (0-based) of doc: its
// sheetName, or "Bảng n+1", made valid for Excel (at most 31 characters,
// none of []:*?/\) and unique in the workbook.
std::vector<std::string> WorksheetNames(const Document& doc);

}  // namespace cchc::report
