// Printing a report (see report_printout.h).
#include "gui/reports/report_printout.h"

#include <wx/dc.h>
#include <wx/graphics.h>

#include <cairo.h>
#ifdef __WXMSW__
#include <cairo-win32.h>
#endif

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
#ifdef __WXMSW__
    // The printer's device context, whose mapping wx has set to points on
    // the paper, drawn on through cairo's printing surface.
    auto* hdc = static_cast<HDC>(dc->GetHandle());
    if (!hdc) return false;
    cairo_surface_t* surface = cairo_win32_printing_surface_create(hdc);
    cairo_t* cr = cairo_create(surface);
    pages_->PaintPage(index, cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return true;
#else
    wxGraphicsContext* gc = dc->GetGraphicsContext();
    auto* cr = static_cast<cairo_t*>(gc ? gc->GetNativeContext() : dc->GetHandle());
    if (!cr) return false;
    // The context already maps the logical units (points) to the paper.
    cairo_save(cr);
    pages_->PaintPage(index, cr);
    cairo_restore(cr);
    return true;
#endif
}

}  // namespace cchc::gui
