// The document model of printed plans, reports and notices in the layout of
// Decree 30/2020/NĐ-CP. A caller (a report service) builds a Document of
// sections holding blocks, with all wording given as UTF-8 strings, and hands
// it to a renderer: RenderPdf / page images (layout.h, pdf_renderer.h),
// RenderDocx (docx_renderer.h) or RenderXlsx (xlsx_renderer.h).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "report/page_setup.h"

namespace cchc::report {

enum class Align { Left, Center, Right, Justify };

// A piece of text with one style inside a paragraph or a cell.
struct Run {
    std::string text;
    bool bold = false;
    bool italic = false;
};

// Header of Decree 30: left the parent body (capitals, regular), the issuing
// body (capitals, bold, short rule under it) and the number; right the
// national title, the motto (bold, rule under it) and the place and date in
// italics.
struct HeaderBlock {
    std::string parentBody;   // "UBND HUYỆN KÔNG CHRO"; may be empty
    std::string issuingBody;  // "ỦY BAN NHÂN DÂN XÃ TÂY XUÂN"
    // Where the issuing body goes on to a second line when one is too
    // narrow for it (a byte offset of a space: after "ỦY BAN NHÂN DÂN");
    // 0: wherever it wraps.
    std::size_t issuingBodyBreak = 0;
    std::string number;  // "Số: 05/BC-UBND" (see FormatDocNumber)
    std::string nationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    std::string motto = "Độc lập - Tự do - Hạnh phúc";
    std::string placeDate;  // "Tây Xuân, ngày 05 tháng 01 năm 2026"
};

// Document type ("BÁO CÁO", "KẾ HOẠCH") and the summary line(s), centred and
// bold, with a short rule under the summary.
struct TitleBlock {
    std::string documentType;
    std::vector<std::string> summary;
};

// "I. MỤC ĐÍCH, YÊU CẦU" (level 1, bold), "1. Mục đích" (level 2, bold),
// "a) ..." (level 3, regular). The caller writes the numbering into text.
struct Heading {
    int level = 1;
    std::string text;
};

// A body paragraph: justified, first-line indent, 6 pt after.
struct Paragraph {
    std::vector<Run> runs;
    Align align = Align::Justify;
    bool firstLineIndent = true;
    double sizePt = 0;  // 0: the document's body size
    double spaceAfterPt = 6;

    Paragraph() = default;
    explicit Paragraph(std::string text) { runs.push_back({std::move(text)}); }
    Paragraph(std::vector<Run> r) : runs(std::move(r)) {}
};

// What a table cell holds for spreadsheets: text, or a number shown with a
// format (the printed text stays the caller's Vietnamese form).
enum class CellKind { Text, Integer, Decimal, Percent, Date };

struct TableCell {
    std::vector<Run> runs;  // printed text
    CellKind kind = CellKind::Text;
    double value = 0;              // Integer/Decimal: the number; Percent: ratio (0.9912)
    int decimals = 2;              // Decimal and Percent
    int rowSpan = 1, colSpan = 1;  // the cells it covers are left out of later rows/cells
    std::optional<Align> align;    // default: numbers right, header centred, text left

    TableCell() = default;
    TableCell(std::string text, bool bold = false) { runs.push_back({std::move(text), bold}); }
    // 1234 -> "1.234".
    static TableCell Integer(long long value);
    // (17.5, 2) -> "17,50".
    static TableCell Decimal(double value, int decimals = 2);
    // percent on the 0..100 scale: (99.12) -> "99,12%", stored as 0.9912.
    static TableCell Percent(double percent, int decimals = 2);
    // A day: "05/01/2026", a date in a spreadsheet (value: 20260105).
    static TableCell Day(int year, int month, int day);
    TableCell& Span(int rows, int cols) {
        rowSpan = rows;
        colSpan = cols;
        return *this;
    }
    TableCell& Aligned(Align a) {
        align = a;
        return *this;
    }
    std::string PlainText() const;
};

struct TableRow {
    std::vector<TableCell> cells;
    bool bold = false;  // a totals row
};

// A table; the first headerRows rows repeat at the top of every page it
// covers. Rows are never split across pages (rows tied by a row span move
// together). Column widths are relative weights of the content width.
struct Table {
    std::string sheetName;             // XLSX worksheet name; empty: "Bảng N"
    std::vector<double> columnWidths;  // one per grid column
    int headerRows = 1;
    std::vector<TableRow> rows;
    double sizePt = 12;
};

// Horizontal bars: one per label, value written at the bar's end.
struct BarChart {
    std::string title;
    std::vector<std::string> labels;
    std::vector<double> values;
    std::vector<std::string> valueTexts;  // optional; default: the number
    double maxValue = 0;                  // 0: the largest value
    double barHeightMm = 6;
};

// A QR code of text (a URL), drawn as black squares.
struct QrBlock {
    std::string text;
    double sizeMm = 30;
    Align align = Align::Center;
    std::string caption;  // optional line under the code
};

// Signature (right: authority lines bold capitals, space, signer bold) beside
// the recipients ("Nơi nhận:" bold italic 12 pt, lines 11 pt) at the left.
struct SignatureBlock {
    std::vector<std::string> authority;   // "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
    std::string signer;                   // "Huỳnh Văn Dũng"
    std::string recipientsHeading;        // "Nơi nhận:"
    std::vector<std::string> recipients;  // "- Phòng Nội vụ huyện;", "- Lưu: VT."
    double signatureSpaceMm = 25;
};

struct PageBreak {};

// Cards laid out columns × rows per page (cut along the dashed borders),
// each with a few centred lines and an optional QR code under them, with
// the frame of a 3 × 4 photo beside the code when `photo` (its caption) is
// given.
struct CardLine {
    std::string text;
    bool bold = false;
    bool italic = false;
    double sizePt = 12;
};
struct Card {
    std::vector<CardLine> lines;
    std::string qrText;            // empty: no code
    std::string photo;             // caption inside the photo frame; empty: no frame
    std::vector<CardLine> footer;  // lines under the code
};
struct CardGrid {
    int columns = 2;
    int rows = 3;
    std::vector<Card> cards;
    // What a spreadsheet shows of the cards (one row each); the printed
    // pages show the cards.
    Table sheet;
};

using Block = std::variant<HeaderBlock, TitleBlock, Heading, Paragraph, Table, BarChart, QrBlock,
                           SignatureBlock, PageBreak, CardGrid>;

// A run of pages with one orientation; a new section starts a new page.
struct Section {
    Orientation orientation = Orientation::Portrait;
    std::vector<Block> blocks;
};

struct Document {
    std::string title;  // document metadata (PDF/DOCX title)
    std::string fontFamily = "Times New Roman";
    std::string fallbackFamily = "Liberation Serif";  // metric equivalent
    double bodySizePt = 14;
    bool pageNumbers = true;  // centred at the top from page 2 on
    std::vector<Section> sections;

    // The section to add blocks to (a portrait one is made when none).
    Section& Last();
    template <class B>
    Document& Add(B block) {
        Last().blocks.emplace_back(std::move(block));
        return *this;
    }
    Section& NewSection(Orientation orientation);
};

// Where each cell of a table sits in its grid, after row and column spans.
struct GridCell {
    int row = 0, col = 0;  // top-left grid position
    int rowSpan = 1, colSpan = 1;
    const TableCell* cell = nullptr;
};
struct TableGrid {
    int columns = 0;
    int rows = 0;
    std::vector<GridCell> cells;          // in reading order
    std::vector<std::vector<int>> owner;  // [row][col] -> index in cells, -1 empty
};
TableGrid ResolveGrid(const Table& table);

// The widths of a table's columns in `total`: in proportion to weights,
// except that no column is narrower than minimum(column); the columns
// with room to spare give it up in proportion to their spare room. When
// the minimums do not fit, every column gets its minimum scaled to fit.
std::vector<double> FitColumns(const std::vector<double>& weights, double total,
                               const std::function<double(int)>& minimum);

}  // namespace cchc::report
