// A Document as a Word file (.docx, WordprocessingML) to edit before
// signature: the Decree 30 page and margins per section (landscape ones
// too), the header as a borderless two-column table, tables with repeated
// header rows, rows kept whole and merged cells, charts and QR codes as
// pictures, page numbers centred in the page header from page 2 on.
#pragma once
#include <string>

#include "report/document.h"

namespace cchc::report {

// Throws std::runtime_error when the file cannot be written.
void RenderDocx(const Document& doc, const std::string& path);

}  // namespace cchc::report
