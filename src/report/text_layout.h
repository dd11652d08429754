// Pango text for the layout pass (internal to the report library): one
// device-independent Pango context at 72 dpi (1 pt = 1 unit, no hinting, no
// rounding of glyph positions) so that a layout measured once paints the
// same on a PDF page, a preview image and a printer.
#pragma once
#include <pango/pango.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "report/document.h"

namespace cchc::report {

struct LayoutDeleter {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::shared_ptr<PangoLayout>;

struct TextStyle {
    double sizePt = 14;
    bool bold = false;  // the whole text bold (runs may add bold too)
    bool italic = false;
    Align align = Align::Left;
    double indentPt = 0;     // first-line indent
    bool wrap = true;        // false: one line per paragraph, wider than width if need be
    double lineSpacing = 0;  // 0: single; else the factor of the font's line height
};

class TextFactory {
  public:
    TextFactory(const std::string& family, const std::string& fallback);
    ~TextFactory();
    TextFactory(const TextFactory&) = delete;
    TextFactory& operator=(const TextFactory&) = delete;

    // A layout of runs wrapped to widthPt.
    LayoutPtr Make(const std::vector<Run>& runs, const TextStyle& style, double widthPt) const;
    // Natural width of one line of text in points.
    double Width(const std::string& text, double sizePt, bool bold, bool italic) const;

  private:
    PangoContext* context_ = nullptr;
    std::string families_;
};

// How the Decree 30 header shares the width (PDF and DOCX alike): the left
// column as wide as the issuing body on one line needs while the national
// title still fits on the right, trying 13 pt for both, then 12 pt for the
// title, then 12 pt for both; otherwise 40 % with the body's name wrapped.
struct HeaderFit {
    double leftWidthPt = 0;
    double bodySizePt = 13;         // parent and issuing body, number
    double titleSizePt = 13;        // national title
    bool breakIssuingBody = false;  // on two lines at its break
};
// The issuing body as laid out: on two lines at its break when the fit says so.
std::string IssuingBodyText(const HeaderBlock& header, const HeaderFit& fit);
HeaderFit FitHeaderColumns(const TextFactory& text, const HeaderBlock& header, double widthPt);

// How a table shares the width (PDF and DOCX alike): no word or number is
// broken inside a cell, each column at least as wide as the widest word of
// its cells (plus padX each side), the others giving way (FitColumns);
// where the width is too narrow for that, the table's type shrinks by half
// points down to 6 pt.
// The body's line spacing, a factor of the font's line height. Pango puts
// the extra between a paragraph's lines, Word and LibreOffice below its last
// line too: the DOCX takes it off the space after a paragraph.
inline constexpr double kBodyLineSpacing = 1.1;

// A table cell's padding, left and right, and top and bottom (the DOCX's
// cell margins are the same).
inline constexpr double kCellPadXPt = 3.5, kCellPadYPt = 2.5;
struct TableFit {
    std::vector<double> widths;  // of the grid's columns, adding up to widthPt
    double sizePt = 0;
};
TableFit FitTable(const TextFactory& text, const Table& table, const TableGrid& grid,
                  double widthPt, double padX);

// Height of the whole layout, its widest line and each line's [top, bottom).
double HeightOf(PangoLayout* layout);
double WidestLine(PangoLayout* layout);
std::vector<std::pair<double, double>> LineRanges(PangoLayout* layout);

}  // namespace cchc::report
