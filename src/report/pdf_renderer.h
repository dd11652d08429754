// PDF files and page images of a Document, painted from its laid out pages
// (layout.h): the PDF through cairo's PDF surface (fonts embedded, text
// selectable), images for the print preview through an image surface.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "report/document.h"
#include "report/layout.h"

namespace cchc::report {

// Writes the document as a PDF file. Throws std::runtime_error when the file
// cannot be written.
void RenderPdf(const Document& doc, const std::string& path);
void RenderPdf(const LaidOutDocument& pages, const std::string& path);

// One page as pixels: CAIRO_FORMAT_ARGB32 (native-endian 32-bit words,
// premultiplied alpha, opaque here), `stride` bytes per row.
struct PageImage {
    int width = 0, height = 0, stride = 0;
    std::vector<std::uint8_t> data;
};

// Page (0-based) at dpi on a white background; 96 dpi makes an A4 page
// 794 × 1123 pixels.
PageImage RenderPageImage(const LaidOutDocument& pages, int page, double dpi);
// The same written as a PNG file.
void WritePagePng(const LaidOutDocument& pages, int page, double dpi, const std::string& path);
// The same as PNG bytes in memory.
std::vector<std::uint8_t> PagePngBytes(const LaidOutDocument& pages, int page, double dpi,
                                       double cropHeightPt = 0);

}  // namespace cchc::report
