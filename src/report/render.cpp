#include "report/render.h"

#include <algorithm>
#include <cctype>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "report/docx_renderer.h"
#include "report/pdf_renderer.h"
#include "report/xlsx_renderer.h"

namespace cchc::report {

OutputFormat FormatForPath(const std::string& path) {
    auto dot = path.find_last_of('.');
    auto slash = path.find_last_of('/');
    std::string ext;
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash))
        ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "pdf") return OutputFormat::Pdf;
    if (ext == "docx") return OutputFormat::Docx;
    if (ext == "xlsx") return OutputFormat::Xlsx;
    Location where;
    where.file = path;
    throw UserError(where, tr("the output file must end in .pdf, .docx or .xlsx"));
}

void RenderFile(const Document& doc, const std::string& path) {
    const OutputFormat format = FormatForPath(path);
    // Written beside path and renamed into place when complete.
    WriteFileAtomically(path, [&](const std::string& temp) {
        switch (format) {
            case OutputFormat::Pdf:
                RenderPdf(doc, temp);
                break;
            case OutputFormat::Docx:
                RenderDocx(doc, temp);
                break;
            case OutputFormat::Xlsx:
                RenderXlsx(doc, temp);
                break;
        }
    });
}

}  // namespace cchc::report
