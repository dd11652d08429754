#include "report/pdf_renderer.h"

#include <cairo-pdf.h>

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "core/i18n.h"

namespace cchc::report {

namespace {

// what: the file name, or the kind of output for one in memory.
void Check(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(fmt::format(fmt::runtime(tr("{0}: cannot write the file ({1})")),
                                             what, cairo_status_to_string(status)));
}

cairo_surface_t* PaintImage(const LaidOutDocument& pages, int page, double dpi,
                            double cropHeightPt) {
    double scale = dpi / 72.0;
    double hPt = cropHeightPt > 0 ? cropHeightPt : pages.PageHeightPt(page);
    int w = static_cast<int>(std::ceil(pages.PageWidthPt(page) * scale));
    int h = static_cast<int>(std::ceil(hPt * scale));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    Check(cairo_surface_status(surface), "page image");
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    pages.PaintPage(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    return surface;
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void RenderPdf(const Document& doc, const std::string& path) {
    RenderPdf(LaidOutDocument(doc), path);
}

void RenderPdf(const LaidOutDocument& pages, const std::string& path) {
    cairo_surface_t* surface =
        cairo_pdf_surface_create(path.c_str(), pages.PageWidthPt(0), pages.PageHeightPt(0));
    cairo_status_t status = cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        Check(status, path);
    }
    if (!pages.Title().empty())
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, pages.Title().c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "CCHC Desk");
    cairo_t* cr = cairo_create(surface);
    for (int i = 0; i < pages.PageCount(); ++i) {
        cairo_pdf_surface_set_size(surface, pages.PageWidthPt(i), pages.PageHeightPt(i));
        pages.PaintPage(i, cr);
        cairo_show_page(cr);
    }
    status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    Check(status, path);
}

PageImage RenderPageImage(const LaidOutDocument& pages, int page, double dpi) {
    cairo_surface_t* surface = PaintImage(pages, page, dpi, 0);
    PageImage img;
    img.width = cairo_image_surface_get_width(surface);
    img.height = cairo_image_surface_get_height(surface);
    img.stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    img.data.assign(data, data + static_cast<size_t>(img.stride) * img.height);
    cairo_surface_destroy(surface);
    return img;
}

void WritePagePng(const LaidOutDocument& pages, int page, double dpi, const std::string& path) {
    cairo_surface_t* surface = PaintImage(pages, page, dpi, 0);
    cairo_status_t status = cairo_surface_write_to_png(surface, path.c_str());
    cairo_surface_destroy(surface);
    Check(status, path);
}

std::vector<std::uint8_t> PagePngBytes(const LaidOutDocument& pages, int page, double dpi,
                                       double cropHeightPt) {
    cairo_surface_t* surface = PaintImage(pages, page, dpi, cropHeightPt);
    std::vector<std::uint8_t> bytes;
    cairo_status_t status = cairo_surface_write_to_png_stream(surface, AppendBytes, &bytes);
    cairo_surface_destroy(surface);
    Check(status, "PNG");
    return bytes;
}

}  // namespace cchc::report
