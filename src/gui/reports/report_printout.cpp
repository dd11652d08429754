// Printing a report (see report_printout.h).
#include "gui/reports/report_printout.h"

#include <wx/dc.h>
#include <wx/graphics.h>

#include <cairo.h>

#include "report/layout.h"

namespace cchc::gui {

ReportPrintout::ReportPrintout(std::shared_ptr<const report::LaidOutDocument> pages,
                               const wxString& title)
    : wxPrintout(title), pages_(std::move(pages)) {}

bool ReportPrintout::HasPage(int page) {
    return pages_ && page >= 1 && page <= pages_->PageCount();
}

void ReportPrintout::GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) {
    const int n = pages_ ? pages_->PageCount() : 0;
    *minPage = n > 0 ? 1 : 0;
    *maxPage = n;
    *pageFrom = *minPage;
    *pageTo = n;
}

bool ReportPrintout::OnPrintPage(int page) {
    wxDC* dc = GetDC();
    if (!dc || !HasPage(page)) return false;
    // The page in points, mapped onto the whole paper (the engine's margins
    // are those of Decree 30, measured from the paper's edge).
    const int index = page - 1;
    FitThisSizeToPaper(wxSize(static_cast<int>(pages_->PageWidthPt(index) + 0.5),
                              static_cast<int>(pages_->PageHeightPt(index) + 0.5)));
    wxGraphicsContext* gc = dc->GetGraphicsContext();
    auto* cr = static_cast<cairo_t*>(gc ? gc->GetNativeContext() : dc->GetHandle());
    if (!cr) return false;
    // The context already maps the logical units (points) to the paper.
    cairo_save(cr);
    pages_->PaintPage(index, cr);
    cairo_restore(cr);
    return true;
}

}  // namespace cchc::gui
