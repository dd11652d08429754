// Pages of a Document laid out once with Pango (measured, paginated, table
// header rows repeated) and painted with Cairo any number of times: into the
// PDF (pdf_renderer.h), into page images for the print preview, or onto a
// printer's cairo_t. Units are PostScript points, origin at the page's top
// left.
//
//   LaidOutDocument pages(doc);
//   for (int i = 0; i < pages.PageCount(); ++i) pages.PaintPage(i, cr);
//
// Lay out and paint from one thread at a time (Pango layouts are not
// thread-safe); the object may be handed from a worker to the GUI thread.
#pragma once
#include <cairo.h>

#include <memory>

#include "report/document.h"

namespace cchc::report {

constexpr double kPointsPerMm = 72.0 / 25.4;

class LaidOutDocument {
  public:
    explicit LaidOutDocument(const Document& doc);
    ~LaidOutDocument();
    LaidOutDocument(LaidOutDocument&&) noexcept;
    LaidOutDocument& operator=(LaidOutDocument&&) noexcept;

    int PageCount() const;
    // Size of page (0-based) in points; A4 portrait is 595.3 × 841.9.
    double PageWidthPt(int page) const;
    double PageHeightPt(int page) const;
    Orientation PageOrientation(int page) const;
    const std::string& Title() const;

    // Paints page on cr in points (the caller's transformation applies);
    // draws no background.
    void PaintPage(int page, cairo_t* cr) const;
    // Paints page on a white background scaled to fit width × height device
    // units of cr, keeping the aspect ratio, at the top left.
    void PaintPageScaled(int page, cairo_t* cr, double width, double height) const;

    // The laid out height (points) of everything on the last page: used to
    // crop a single block rendered onto a tall page.
    double UsedHeightPt(int page) const;

    struct Impl;

  private:
    // Lays out doc with a page size and margins of its own (mm) instead of
    // Decree 30's: a single block made into an image.
    LaidOutDocument(const Document& doc, const PageSetup& page);
    friend LaidOutDocument LayOutOnPage(const Document& doc, const PageSetup& page);
    std::unique_ptr<Impl> impl_;
};

// Lays out doc on pages of the given setup (every section); for images of a
// single block (the DOCX renderer's charts and QR codes).
LaidOutDocument LayOutOnPage(const Document& doc, const PageSetup& page);

}  // namespace cchc::report
