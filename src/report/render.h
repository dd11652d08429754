// One entry point for "write this document to FILE": the format follows the
// file's extension (.pdf, .docx, .xlsx, any case), as `cchc report ... --out`
// and the client's Save As need.
#pragma once
#include <string>

#include "report/document.h"

namespace cchc::report {

enum class OutputFormat { Pdf, Docx, Xlsx };

// The format named by path's extension; throws cchc::UserError naming the
// file when it is none of .pdf, .docx, .xlsx.
OutputFormat FormatForPath(const std::string& path);

// Renders doc into path in that format (std::runtime_error when the file
// cannot be written). The file is written whole beside path and renamed
// into place: on failure path keeps what it held.
void RenderFile(const Document& doc, const std::string& path);

}  // namespace cchc::report
