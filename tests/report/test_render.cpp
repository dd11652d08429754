// The sample quarterly report (header, headings, a 200-row table, a chart,
// a QR code, the signature and recipients, a landscape annex) rendered to
// PDF, DOCX and XLSX and read back the way a user would see it: pdftotext,
// pdffonts, LibreOffice, and the spreadsheet's XML. A check fails when
// poppler-utils is missing; the one through LibreOffice is skipped with a
// message when LibreOffice is not installed.
#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/errors.h"
#include "document_files.h"
#include "report/docx_renderer.h"
#include "report/layout.h"
#include "report/pdf_renderer.h"
#include "report/qr.h"
#include "report/render.h"
#include "report/tools/sample_document.h"
#include "report/xlsx_renderer.h"
#include "test_support.h"

using namespace cchc::report;
using cchc::test::RunCommand;
using cchc::test::TempDir;
using namespace cchc::test;

namespace {

constexpr int kRows = 200;

// LibreOffice is optional: the DOCX check is skipped without it.
bool SkipWithout(const std::string& tool) {
    if (HaveTool(tool)) return false;
    BOOST_TEST_MESSAGE("skipped: " << tool << " is not installed");
    return true;
}

struct SampleFiles {
    TempDir dir;
    Document doc = sample::QuarterlyReport(kRows);
    std::string pdf = dir.File("report.pdf");
    std::string docx = dir.File("report.docx");
    std::string xlsx = dir.File("report.xlsx");
    int pages = 0;
    SampleFiles() {
        LaidOutDocument laid(doc);
        pages = laid.PageCount();
        RenderPdf(laid, pdf);
        RenderDocx(doc, docx);
        RenderXlsx(doc, xlsx);
    }
};

SampleFiles& Sample() {
    static SampleFiles files;
    return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render)

BOOST_AUTO_TEST_CASE(pdf_first_page_carries_the_decree_30_header_and_title) {
    RequireTool("pdftotext");
    std::string page1 = PdfText(Sample().pdf, 1, 1);
    for (const char* s : {"UBND HUYỆN TUY PHƯỚC", "ỦY BAN NHÂN DÂN XÃ TÂY XUÂN",
                          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Số: 05/BC-UBND", "Tây Xuân, ngày 05 tháng 01 năm 2026", "BÁO CÁO",
                          "Kết quả thực hiện công tác cải cách hành chính",
                          "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "99,12%"}) {
        BOOST_TEST_CONTEXT(s) { BOOST_TEST(page1.find(s) != std::string::npos); }
    }
    // No page number on page 1: it opens with the parent body.
    BOOST_TEST(FirstLine(page1) == "UBND HUYỆN TUY PHƯỚC");
}

BOOST_AUTO_TEST_CASE(pdf_pages_from_the_second_are_numbered_at_the_top) {
    RequireTool("pdftotext");
    RequireTool("pdfinfo");
    int pages = PdfPages(Sample().pdf);
    BOOST_TEST(pages == Sample().pages);
    BOOST_TEST(pages >= 6);
    for (int p = 2; p <= pages; ++p) {
        BOOST_TEST_CONTEXT("page " << p) {
            BOOST_TEST(FirstLine(PdfText(Sample().pdf, p, p)) == std::to_string(p));
        }
    }
}

BOOST_AUTO_TEST_CASE(pdf_ends_with_signature_and_recipients) {
    RequireTool("pdftotext");
    std::string all = PdfText(Sample().pdf);
    for (const char* s :
         {"Nơi nhận:", "- Phòng Nội vụ huyện;", "- Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN",
          "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Huỳnh Văn Dũng", "Tỷ lệ hài lòng theo lĩnh vực", "98,5%",
          "PHỤ LỤC", "Số hồ sơ đã giải quyết"}) {
        BOOST_TEST_CONTEXT(s) { BOOST_TEST(all.find(s) != std::string::npos); }
    }
}

BOOST_AUTO_TEST_CASE(pdf_fonts_are_embedded_and_vietnamese_needs_no_other_font) {
    RequireTool("pdffonts");
    std::string fonts = RunCommand("(pdffonts '" + Sample().pdf + "' 2>/dev/null)").output;
    std::istringstream in(fonts);
    std::string line;
    int rows = 0;
    std::set<std::string> families;
    while (std::getline(in, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
        ++rows;
        // name type encoding emb sub uni object ID: "emb" is the 4th field
        // from the right end (emb sub uni num gen).
        std::istringstream f(line);
        std::vector<std::string> fields;
        for (std::string w; f >> w;) fields.push_back(w);
        BOOST_REQUIRE(fields.size() >= 6);
        BOOST_TEST_CONTEXT(line) { BOOST_TEST(fields[fields.size() - 5] == "yes"); }
        std::string name = fields[0].substr(fields[0].find('+') + 1);
        families.insert(name.substr(0, name.find('-')));
    }
    BOOST_TEST(rows > 0);
    // Every glyph, Vietnamese ones included, comes from the body face when
    // the machine has a Times New Roman or Liberation Serif covering them.
    std::string covering = RunCommand("fc-list ':charset=1ea1 1b0' family").output;
    if (covering.find("Times New Roman") == std::string::npos &&
        covering.find("Liberation Serif") == std::string::npos) {
        BOOST_TEST_MESSAGE(
            "skipped: no Times New Roman or Liberation Serif with Vietnamese "
            "glyphs (install fonts-liberation2)");
        return;
    }
    for (const auto& family : families) {
        BOOST_TEST_CONTEXT(family) {
            BOOST_TEST((family == "LiberationSerif" || family == "TimesNewRomanPSMT" ||
                        family == "TimesNewRoman"));
        }
    }
}

BOOST_AUTO_TEST_CASE(pdf_table_rows_are_whole_and_the_header_repeats_on_every_page) {
    RequireTool("pdftotext");
    RequireTool("pdfinfo");
    const std::string& pdf = Sample().pdf;
    int pages = PdfPages(pdf);
    // A row printed on one line in layout mode: number, (field), received,
    // on time, late, rate.
    std::regex row(R"(^\s*(\d{1,3})\s.*?\s(\d[\d.]*)\s+(\d[\d.]*)\s+(\d+)\s+(\d{1,3},\d\d)%\s*$)");
    std::map<int, int> seen;  // row number -> page
    int tablePages = 0;
    for (int p = 1; p <= pages; ++p) {
        std::string text = PdfText(pdf, p, p, true);
        std::istringstream in(text);
        std::string line;
        int rowsHere = 0;
        while (std::getline(in, line)) {
            std::smatch m;
            if (!std::regex_match(line, m, row)) continue;
            int n = std::stoi(m[1]);
            auto num = [](std::string s) {
                s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
                return std::stol(s);
            };
            long in_ = num(m[2]), on = num(m[3]), late = num(m[4]);
            BOOST_TEST_CONTEXT("row " << n << " on page " << p) {
                BOOST_TEST(seen.count(n) == 0u);
                BOOST_TEST(in_ == on + late);
            }
            seen[n] = p;
            ++rowsHere;
        }
        if (rowsHere == 0) continue;
        ++tablePages;
        BOOST_TEST_CONTEXT("page " << p) {
            for (const char* h :
                 {"STT", "Lĩnh vực", "Tiếp nhận", "Đúng hạn", "Trễ hạn", "Tỷ lệ đúng"})
                BOOST_TEST(text.find(h) != std::string::npos);
            // A wrapped cell begins and ends on the same page.
            auto count = [&](const std::string& s) {
                int c = 0;
                for (size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 1))
                    ++c;
                return c;
            };
            BOOST_TEST(count("Thành lập và hoạt động") == count("trực tuyến)"));
        }
    }
    BOOST_TEST(tablePages >= 4);
    for (int n = 1; n <= kRows; ++n) BOOST_TEST_CONTEXT("row " << n) {
            BOOST_TEST(seen.count(n) == 1u);
        }
}

BOOST_AUTO_TEST_CASE(page_images_paint_the_same_pages) {
    LaidOutDocument laid(Sample().doc);
    PageImage img = RenderPageImage(laid, 0, 96);
    BOOST_TEST(img.width == 794);
    BOOST_TEST(img.height == 1123);
    size_t dark = 0;
    for (int y = 0; y < img.height; ++y) {
        const auto* row =
            reinterpret_cast<const uint32_t*>(img.data.data() + size_t(y) * img.stride);
        for (int x = 0; x < img.width; ++x)
            if ((row[x] & 0xFF) < 128) ++dark;
    }
    BOOST_TEST(dark > 5000u);  // text, rules and the table grid
    // The top margin of page 1 is empty; page 2's holds its number.
    auto inkInTopMargin = [&](const PageImage& im) {
        int margin = static_cast<int>(20 * 96 / 25.4) - 4;
        for (int y = 0; y < margin; ++y) {
            const auto* row =
                reinterpret_cast<const uint32_t*>(im.data.data() + size_t(y) * im.stride);
            for (int x = 0; x < im.width; ++x)
                if ((row[x] & 0xFF) < 128) return true;
        }
        return false;
    };
    BOOST_TEST(!inkInTopMargin(img));
    BOOST_TEST(inkInTopMargin(RenderPageImage(laid, 1, 96)));
    int last = laid.PageCount() - 1;
    BOOST_TEST((laid.PageOrientation(last) == Orientation::Landscape));
    BOOST_TEST(laid.PageWidthPt(last) > laid.PageHeightPt(last));
}

BOOST_AUTO_TEST_CASE(docx_is_a_word_package_with_repeated_headers_and_kept_rows) {
    const std::string& docx = Sample().docx;
    std::string xml = ZipEntry(docx, "word/document.xml");
    BOOST_REQUIRE(!xml.empty());
    pugi::xml_document d;
    BOOST_REQUIRE(d.load_string(xml.c_str()));
    auto body = d.child("w:document").child("w:body");
    BOOST_REQUIRE(body);
    BOOST_TEST(d.select_nodes("//w:tblHeader").size() >= 3u);  // 1 + 2 header rows
    BOOST_TEST(d.select_nodes("//w:trPr/w:cantSplit").size() >= size_t(kRows));
    BOOST_TEST(d.select_nodes("//w:gridSpan").size() >= 3u);
    BOOST_TEST(d.select_nodes("//w:vMerge[@w:val='restart']").size() == 2u);
    BOOST_TEST(d.select_nodes("//w:pgSz[@w:orient='landscape']").size() == 1u);
    BOOST_TEST(d.select_nodes("//w:sectPr/w:titlePg").size() == 1u);
    std::string text;
    for (auto t : d.select_nodes("//w:t")) text += t.node().text().get();
    for (const char* s :
         {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 05/BC-UBND",
          "Tây Xuân, ngày 05 tháng 01 năm 2026", "BÁO CÁO", "Nơi nhận:", "Huỳnh Văn Dũng"})
        BOOST_TEST_CONTEXT(s) { BOOST_TEST(text.find(s) != std::string::npos); }
    // The page number field lives in the default header only.
    BOOST_TEST(ZipEntry(docx, "word/header1.xml").find(" PAGE ") != std::string::npos);
    BOOST_TEST(ZipEntry(docx, "word/header2.xml").find("PAGE") == std::string::npos);
    pugi::xml_document styles;
    BOOST_TEST(styles.load_string(ZipEntry(docx, "word/styles.xml").c_str()));
    BOOST_TEST(styles.select_nodes("//w:rFonts[@w:ascii='Times New Roman']").size() == 1u);
    // A cell's top and bottom margins are the PDF's 2.5 pt less half the
    // border a word processor adds to each row.
    const pugi::xml_node grid = styles.select_node("//w:style[@w:styleId='TableGrid']").node();
    BOOST_TEST(grid.select_node("w:tblPr/w:tblCellMar/w:top").node().attribute("w:w").as_int() ==
               45);
    BOOST_TEST(grid.select_node("w:tblPr/w:tblCellMar/w:bottom").node().attribute("w:w").as_int() ==
               45);
    BOOST_TEST(!ZipEntry(docx, "word/media/image1.png").empty());  // the chart
}

BOOST_AUTO_TEST_CASE(docx_opens_in_libreoffice_as_the_same_document) {
    RequireTool("pdftotext");
    if (SkipWithout("libreoffice")) return;
    TempDir out;
    auto r = RunCommand("cd '" + out.path() + "' && HOME='" + out.path() +
                        "' timeout 300 libreoffice --headless --convert-to pdf --outdir '" +
                        out.path() + "' '" + Sample().docx + "'");
    std::string pdf = out.File("report.pdf");
    BOOST_REQUIRE_MESSAGE(PdfPages(pdf) > 0, r.output);
    std::string page1 = PdfText(pdf, 1, 1);
    for (const char* s : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Số: 05/BC-UBND", "Tây Xuân, ngày 05 tháng 01 năm 2026", "BÁO CÁO"})
        BOOST_TEST_CONTEXT(s) { BOOST_TEST(page1.find(s) != std::string::npos); }
    BOOST_TEST(FirstLine(page1) != "1");
    BOOST_TEST(FirstLine(PdfText(pdf, 2, 2)) == "2");
    std::string page2 = PdfText(pdf, 2, 2);
    BOOST_TEST(page2.find("Tiếp nhận") != std::string::npos);  // repeated header row
    BOOST_TEST(PdfText(pdf).find("Huỳnh Văn Dũng") != std::string::npos);
    // Rows as tall as the PDF's: the table breaks on the same pages.
    BOOST_TEST(PdfPages(pdf) == Sample().pages);
}

// A document with nothing to tabulate this time (no assignment yet): the
// workbook holds its title and text under a sheet named after it, not an
// empty "Sheet1".
BOOST_AUTO_TEST_CASE(xlsx_of_a_document_without_tables_holds_its_text) {
    TempDir dir;
    Document doc;
    doc.title = "Phân công nhiệm vụ phụ trách các chỉ số thành phần";
    doc.Add(Paragraph("Chưa có bảng phân công cho đơn vị và bộ chỉ số này."));
    const std::string xlsx = dir.File("empty.xlsx");
    RenderXlsx(doc, xlsx);
    pugi::xml_document wb;
    BOOST_REQUIRE(wb.load_string(ZipEntry(xlsx, "xl/workbook.xml").c_str()));
    BOOST_TEST(std::string(wb.select_node("//sheet[1]").node().attribute("name").value()) ==
               "Phân công nhiệm vụ phụ trách");
    const SheetCells cells(xlsx, 1);
    BOOST_REQUIRE(cells.Loaded());
    BOOST_TEST(cells.Text("A1") == doc.title);
    BOOST_TEST(cells.Text("A2") == "Chưa có bảng phân công cho đơn vị và bộ chỉ số này.");
}

BOOST_AUTO_TEST_CASE(xlsx_reads_back_the_same_cells) {
    const std::string& xlsx = Sample().xlsx;
    auto names = WorksheetNames(Sample().doc);
    BOOST_TEST(names == (std::vector<std::string>{"Hồ sơ theo lĩnh vực", "Phụ lục II.06a"}));
    pugi::xml_document wb, sheet, styles;
    BOOST_REQUIRE(wb.load_string(ZipEntry(xlsx, "xl/workbook.xml").c_str()));
    BOOST_TEST(wb.select_nodes("//sheet").size() == 2u);
    BOOST_TEST(std::string(wb.select_node("//sheet[1]").node().attribute("name").value()) ==
               names[0]);
    const SheetCells cells(xlsx, 1);
    BOOST_REQUIRE(cells.Loaded());
    // The sheet's own XML for merges and the frozen pane.
    BOOST_REQUIRE(sheet.load_string(ZipEntry(xlsx, "xl/worksheets/sheet1.xml").c_str()));
    auto text = [&](const std::string& ref) { return cells.Text(ref); };
    auto number = [&](const std::string& ref) { return cells.Number(ref); };
    for (int i = 0; i < sample::kTableColumns; ++i)
        BOOST_TEST(text(std::string(1, char('A' + i)) + "1") == sample::kTableHeader[i]);
    BOOST_TEST(text("B2") == "Hộ tịch");
    BOOST_TEST(number("A2") == 1.0);
    BOOST_TEST(number("C2") == 57.0);  // the first row's dossiers, as a number
    BOOST_TEST(number("F2") == 1.0);   // 100% as a ratio
    BOOST_TEST(number("F8") == 97.0 / 99.0, boost::test_tools::tolerance(1e-9));
    // Totals row: merged label, sums.
    std::string last = std::to_string(kRows + 2);
    BOOST_TEST(text("A" + last) == "Tổng cộng");
    BOOST_TEST(
        sheet.select_nodes(("//mergeCell[@ref='A" + last + ":B" + last + "']").c_str()).size() ==
        1u);
    double sumIn = 0;
    for (int r = 2; r < kRows + 2; ++r) sumIn += number("C" + std::to_string(r));
    BOOST_TEST(number("C" + last) == sumIn);
    // Header frozen; the rate column formatted as a percentage.
    auto pane = sheet.select_node("//pane").node();
    BOOST_TEST(std::string(pane.attribute("state").value()) == "frozen");
    BOOST_TEST(pane.attribute("ySplit").as_int() == 1);
    BOOST_REQUIRE(styles.load_string(ZipEntry(xlsx, "xl/styles.xml").c_str()));
    auto fmt = styles.select_node("//numFmt[@formatCode='0.00%']").node();
    BOOST_REQUIRE(fmt);
    int xf = cells.Style("F2");
    auto xfs = styles.select_nodes("//cellXfs/xf");
    BOOST_REQUIRE(xf < static_cast<int>(xfs.size()));
    BOOST_TEST(xfs[xf].node().attribute("numFmtId").as_int() == fmt.attribute("numFmtId").as_int());
    // The annex sheet keeps its two merged header rows.
    pugi::xml_document annex;
    BOOST_REQUIRE(annex.load_string(ZipEntry(xlsx, "xl/worksheets/sheet2.xml").c_str()));
    BOOST_TEST(annex.select_nodes("//mergeCell[@ref='A1:A2']").size() == 1u);
    BOOST_TEST(annex.select_nodes("//mergeCell[@ref='C1:E1']").size() == 1u);
    BOOST_TEST(annex.select_node("//pane").node().attribute("ySplit").as_int() == 2);
}

BOOST_AUTO_TEST_CASE(qr_cards_fill_a_page_with_codes) {
    Document cards = sample::OfficerQrCards(7);
    LaidOutDocument laid(cards);
    BOOST_TEST(laid.PageCount() == 2);  // 6 on the first page, 1 on the second
    RequireTool("pdftotext");
    TempDir dir;
    RenderPdf(laid, dir.File("cards.pdf"));
    std::string text = PdfText(dir.File("cards.pdf"), 1, 1);
    BOOST_TEST(text.find("Nguyễn Thị Kim Yến") != std::string::npos);
    BOOST_TEST(text.find("Trần Thị Thu Hà") != std::string::npos);
    // Each card has its photo frame with the caption inside, in the PDF and in DOCX.
    std::size_t captions = 0;
    for (std::size_t at = 0; (at = text.find("Ảnh 3 x 4", at)) != std::string::npos; ++at)
        ++captions;
    BOOST_TEST(captions == 6u);
    RenderDocx(cards, dir.File("cards.docx"));
    const std::string xml = ZipEntry(dir.File("cards.docx"), "word/document.xml");
    std::size_t frames = 0;
    for (std::size_t at = 0; (at = xml.find("<w:tcBorders>", at)) != std::string::npos; ++at)
        ++frames;
    BOOST_TEST(frames == 7u);
    BOOST_TEST(xml.find("Ảnh 3 x 4") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(grid_resolves_row_and_column_spans) {
    Table t;
    t.columnWidths = {1, 1, 1, 1};
    TableRow a, b, c;
    a.cells = {TableCell("x").Span(2, 1), TableCell("y").Span(1, 3)};
    b.cells = {TableCell("p"), TableCell("q"), TableCell("r")};
    c.cells = {TableCell("s").Span(1, 2), TableCell("t"), TableCell("u")};
    t.rows = {a, b, c};
    TableGrid g = ResolveGrid(t);
    BOOST_TEST(g.columns == 4);
    BOOST_TEST(g.cells.size() == 8u);
    BOOST_TEST(g.cells[2].cell->PlainText() == "p");
    BOOST_TEST(g.cells[2].col == 1);  // beside the row span of "x"
    BOOST_TEST(g.owner[1][0] == 0);
    BOOST_TEST(g.cells[6].col == 2);  // after the two columns of "s"
    BOOST_TEST(g.cells[7].col == 3);
}

BOOST_AUTO_TEST_CASE(qr_code_has_its_finder_patterns) {
    QrMatrix m = EncodeQr("https://dichvucong.gov.vn/danh-gia?can-bo=1001");
    BOOST_TEST(m.size >= 21);
    BOOST_TEST(m.size % 4 == 1);
    // The three 7×7 finder squares: dark corners, light ring inside.
    for (auto [r, c] : {std::pair{0, 0}, {0, m.size - 7}, {m.size - 7, 0}}) {
        BOOST_TEST(m.Dark(r, c));
        BOOST_TEST(m.Dark(r + 6, c + 6));
        BOOST_TEST(!m.Dark(r + 1, c + 1));
        BOOST_TEST(m.Dark(r + 3, c + 3));
    }
}

BOOST_AUTO_TEST_CASE(numeric_cells_print_vietnamese_and_keep_their_values) {
    TableCell p = TableCell::Percent(99.125);
    BOOST_TEST(p.PlainText() == "99,13%");
    BOOST_TEST(p.value == 0.99125, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(TableCell::Integer(21760).PlainText() == "21.760");
    BOOST_TEST(TableCell::Decimal(17.5, 2).PlainText() == "17,50");
}

BOOST_AUTO_TEST_CASE(a_paragraph_longer_than_a_page_continues_on_the_next_one) {
    Document doc;
    std::string text;
    for (int i = 1; i <= 80; ++i)
        text += "Câu thứ " + std::to_string(i) + " của một đoạn văn dài về cải cách hành chính. ";
    text += "Hết đoạn.";
    doc.Add(Paragraph(text));
    LaidOutDocument laid(doc);
    BOOST_TEST(laid.PageCount() == 2);
    RequireTool("pdftotext");
    TempDir dir;
    RenderPdf(laid, dir.File("long.pdf"));
    std::string page1 = PdfText(dir.File("long.pdf"), 1, 1);
    std::string page2 = PdfText(dir.File("long.pdf"), 2, 2);
    BOOST_TEST(page1.find("Câu thứ 1 của") != std::string::npos);
    BOOST_TEST(page2.find("Hết đoạn.") != std::string::npos);
    BOOST_TEST(page1.find("Hết đoạn.") == std::string::npos);
    BOOST_TEST(FirstLine(page2) == "2");
}

BOOST_AUTO_TEST_CASE(an_empty_document_is_one_blank_page_and_previews_scale) {
    Document empty;
    LaidOutDocument laid(empty);
    BOOST_TEST(laid.PageCount() == 1);
    TempDir dir;
    RenderPdf(laid, dir.File("empty.pdf"));
    BOOST_TEST(!cchc::test::ReadFile(dir.File("empty.pdf")).empty());
    BOOST_CHECK_THROW(laid.PaintPage(1, nullptr), std::out_of_range);

    // A preview thumbnail: the whole page scaled into 150 × 300 pixels.
    LaidOutDocument report(Sample().doc);
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 150, 300);
    cairo_t* cr = cairo_create(s);
    report.PaintPageScaled(0, cr, 150, 300);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    auto pixel = [&](int x, int y) {
        return *reinterpret_cast<const uint32_t*>(data + y * stride + 4 * x) & 0xFFFFFF;
    };
    int scaledHeight = static_cast<int>(150 * 297.0 / 210.0);
    BOOST_TEST(pixel(2, 2) == 0xFFFFFFu);                 // white page
    BOOST_TEST(pixel(2, scaledHeight + 5) == 0x000000u);  // below it, untouched
    int ink = 0;
    for (int y = 0; y < scaledHeight; ++y)
        for (int x = 0; x < 150; ++x)
            if ((pixel(x, y) & 0xFF) < 160) ++ink;
    BOOST_TEST(ink > 200);
    cairo_surface_destroy(s);
}

BOOST_AUTO_TEST_CASE(renderers_name_the_file_they_cannot_write) {
    Document doc = sample::OfficerQrCards(1);
    const std::string bad = "/nonexistent-dir/out";
    for (auto render :
         {+[](const Document&d, const std::string&p) { RenderPdf(d, p + ".pdf"); },
          +[](const Document&d, const std::string&p) { RenderDocx(d, p + ".docx"); },
          +[](const Document&d, const std::string&p) { RenderXlsx(d, p + ".xlsx"); }}) {
        try {
            render(doc, bad);
            BOOST_ERROR("no error writing into a missing directory");
        } catch (const std::runtime_error& e) {
            BOOST_TEST(std::string(e.what()).find("/nonexistent-dir/out") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_output_format_follows_the_file_extension) {
    BOOST_TEST((FormatForPath("bao-cao.PDF") == OutputFormat::Pdf));
    BOOST_TEST((FormatForPath("/tmp/x.y/bao-cao.docx") == OutputFormat::Docx));
    BOOST_TEST((FormatForPath("bang.xlsx") == OutputFormat::Xlsx));
    BOOST_CHECK_THROW(FormatForPath("bao-cao.odt"), cchc::UserError);
    BOOST_CHECK_THROW(FormatForPath("/tmp/x.pdf/bao-cao"), cchc::UserError);
    TempDir dir;
    RenderFile(sample::OfficerQrCards(2), dir.File("cards.docx"));
    BOOST_TEST(!ZipEntry(dir.File("cards.docx"), "word/document.xml").empty());
}

BOOST_AUTO_TEST_SUITE(table_columns)

namespace {
// Form II.06a's thirteen columns on a portrait page, a narrow first one,
// with its heading row.
Table FormII06aTable() {
    Table t;
    t.sizePt = 10;
    t.headerRows = 1;
    t.columnWidths = {0.5, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    TableRow h;
    for (const char* s :
         {"STT", "Lĩnh vực", "Tổng số", "Trực tuyến", "Trực tiếp, bưu chính", "Kỳ trước chuyển qua",
          "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"})
        h.cells.emplace_back(s, true);
    t.rows.push_back(h);
    return t;
}
}  // namespace

BOOST_AUTO_TEST_CASE(columns_follow_their_weights_until_a_word_needs_more) {
    // Room for everything: the weights alone.
    auto w = FitColumns({1, 3}, 400, [](int) { return 10.0; });
    BOOST_TEST(w[0] == 100.0);
    BOOST_TEST(w[1] == 300.0);
    // The first column needs 150: the second gives it up.
    w = FitColumns({1, 3}, 400, [](int c) { return c == 0 ? 150.0 : 10.0; });
    BOOST_TEST(w[0] == 150.0);
    BOOST_TEST(w[1] == 250.0);
    // Three columns: the room above their minimums pays, in proportion.
    w = FitColumns({1, 1, 2}, 400, [](int c) { return c == 0 ? 160.0 : c == 1 ? 90.0 : 100.0; });
    BOOST_TEST(w[0] == 160.0);
    BOOST_TEST(w[0] + w[1] + w[2] == 400.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(w[1] >= 90.0);
    BOOST_TEST(w[2] >= 100.0);
    // Minimums that cannot fit: each its share of them.
    w = FitColumns({1, 1}, 100, [](int c) { return c == 0 ? 150.0 : 50.0; });
    BOOST_TEST(w[0] == 75.0);
    BOOST_TEST(w[1] == 25.0);
}

BOOST_AUTO_TEST_CASE(no_word_or_number_breaks_inside_a_narrow_cell) {
    RequireTool("pdftotext");
    // Form II.06a's thirteen columns on a portrait page, a narrow first one.
    Document doc;
    Table t = FormII06aTable();
    TableRow r;
    r.cells.push_back(TableCell::Integer(10));
    r.cells.emplace_back("Lao động - Thương binh và Xã hội");
    for (long v : {1234567L, 123456L, 1111111L, 437L, 11510L, 2472L, 8903L, 135L, 364L, 339L, 25L})
        r.cells.push_back(TableCell::Integer(v));
    t.rows.push_back(r);
    doc.Add(t);
    TempDir dir;
    const std::string pdf = dir.File("narrow.pdf");
    RenderFile(doc, pdf);
    const std::string text = PdfText(pdf, 0, 0, true);
    for (const char* word : {"STT", "Trước", "chuyển", "tuyến", "Trong", "1.234.567", "1.111.111",
                             "123.456", "11.510", "8.903"})
        BOOST_TEST_CONTEXT(word) { BOOST_TEST(text.find(word) != std::string::npos, text); }
}

// The DOCX of the same table: the PDF's column widths (a narrow first
// column widened for "STT"), every cell's paragraph sized with the table
// (its mark too, which Word and LibreOffice size an empty cell's line by,
// else the document's 14 pt), and after the table a paragraph of 6 pt
// exactly, not a 14 pt line that carries a table filling its last page
// onto a blank one.
BOOST_AUTO_TEST_CASE(a_docx_table_takes_the_pdfs_widths_and_lines) {
    Document doc;
    Table t = FormII06aTable();
    TableRow r;
    r.cells.push_back(TableCell::Integer(10));
    r.cells.emplace_back("Lao động - Thương binh và Xã hội");
    for (int i = 0; i < 11; ++i) r.cells.emplace_back("");
    t.rows.push_back(r);
    doc.Add(t);
    TempDir dir;
    const std::string docx = dir.File("narrow.docx");
    RenderDocx(doc, docx);
    pugi::xml_document x;
    BOOST_REQUIRE(x.load_string(ZipEntry(docx, "word/document.xml").c_str()));
    const pugi::xml_node tbl = x.select_node("//w:tbl[w:tblPr/w:tblStyle]").node();
    BOOST_REQUIRE(tbl);
    // 0.5 of 13.5 parts of the page's width would be some 350 twips; "STT" in bold 10 pt
    // and the cell's margins need more.
    const long stt = tbl.select_node("w:tblGrid/w:gridCol").node().attribute("w:w").as_int();
    BOOST_TEST(stt > 480);
    long sum = 0;
    for (const auto& c : tbl.select_nodes("w:tblGrid/w:gridCol"))
        sum += c.node().attribute("w:w").as_int();
    // The columns fill the table's width, rounding aside.
    const long width = tbl.select_node("w:tblPr/w:tblW").node().attribute("w:w").as_int();
    BOOST_TEST(std::abs(sum - width) <= 13);
    BOOST_TEST(width > 9000);  // the page's width
    const auto cells = tbl.select_nodes(".//w:tc/w:p");
    BOOST_TEST(cells.size() == 26u);
    for (const auto& p : cells)
        BOOST_TEST(p.node().select_node("w:pPr/w:rPr/w:sz[@w:val='20']"),
                   "a cell's paragraph mark is not 10 pt");
    const pugi::xml_node after = tbl.next_sibling("w:p");
    BOOST_REQUIRE(after);
    BOOST_TEST(after.select_node("w:pPr/w:spacing[@w:line='120' and @w:lineRule='exact']"));
    BOOST_TEST(after.select_node("w:pPr/w:rPr/w:sz[@w:val='2']"));
}

BOOST_AUTO_TEST_CASE(the_closing_sentence_stays_on_the_page_of_the_signature) {
    RequireTool("pdftotext");
    RequireTool("pdfinfo");
    TempDir dir;
    // However many paragraphs come before, the signature never starts a
    // page alone: the closing sentence is on its page.
    int signaturePagesChecked = 0;
    for (int k = 14; k <= 40; k += 2) {
        Document doc;
        for (int i = 0; i < k; ++i)
            doc.Add(
                Paragraph("Đoạn " + std::to_string(i + 1) +
                          ": Ủy ban nhân dân xã tiếp tục rà soát, công khai thủ tục hành "
                          "chính, giải quyết hồ sơ đúng hạn và tiếp nhận phản ánh, kiến nghị."));
        doc.Add(Paragraph("Trên đây là báo cáo kết thúc./."));
        SignatureBlock sig;
        sig.authority = {"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"};
        sig.signer = "Nguyễn Văn An";
        sig.recipientsHeading = "Nơi nhận:";
        sig.recipients = {"- Phòng Nội vụ;", "- Lưu: VT."};
        doc.Add(sig);
        const std::string pdf = dir.File("closing" + std::to_string(k) + ".pdf");
        RenderFile(doc, pdf);
        const int pages = PdfPages(pdf);
        for (int p = 1; p <= pages; ++p) {
            const std::string text = PdfText(pdf, p, p);
            if (text.find("Nơi nhận") == std::string::npos) continue;
            ++signaturePagesChecked;
            BOOST_TEST_CONTEXT(k << " paragraphs, page " << p) {
                BOOST_TEST(text.find("kết thúc./.") != std::string::npos);
            }
        }
    }
    BOOST_TEST(signaturePagesChecked == 14);
}

BOOST_AUTO_TEST_CASE(a_long_issuing_body_breaks_before_the_communes_name) {
    RequireTool("pdftotext");
    TempDir dir;
    for (const char* name : {"THỊ TRẤN KÔNG CHRO", "XÃ BÌNH QUANG BẮC", "PHƯỜNG QUY NHƠN NAM"}) {
        Document doc;
        HeaderBlock h;
        h.parentBody = "UBND HUYỆN KÔNG CHRO";
        h.issuingBody = std::string("ỦY BAN NHÂN DÂN ") + name;
        h.issuingBodyBreak = std::string("ỦY BAN NHÂN DÂN").size();
        h.number = "Số: 05/BC-UBND";
        h.placeDate = "Kông Chro, ngày 05 tháng 10 năm 2026";
        doc.Add(h);
        doc.Add(Paragraph("Nội dung."));
        const std::string pdf = dir.File("header.pdf");
        RenderFile(doc, pdf);
        const std::string text = PdfText(pdf, 1, 1, true);
        BOOST_TEST_CONTEXT(name) {
            // The unit's name whole on a line of its own, or the whole body on one.
            bool whole = false;
            std::istringstream in(text);
            for (std::string line; std::getline(in, line);)
                whole |= line.find(name) != std::string::npos;
            BOOST_TEST(whole, text);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_spreadsheet_holds_days_as_dates_and_a_unit_on_each_of_its_rows) {
    Document doc;
    Table t;
    t.headerRows = 1;
    t.rows.push_back({{TableCell("Đơn vị", true), TableCell("Nhiệm vụ", true),
                       TableCell("Hạn hoàn thành", true)}});
    TableRow first;
    first.cells.push_back(TableCell("Xã Tây Xuân").Span(2, 1));
    first.cells.emplace_back("Rà soát TTHC");
    first.cells.push_back(TableCell::Day(2026, 1, 5));
    t.rows.push_back(first);
    TableRow second;
    second.cells.emplace_back("Công khai TTHC");
    second.cells.push_back(TableCell::Day(2026, 3, 31));
    t.rows.push_back(second);
    doc.Add(t);
    TempDir dir;
    const std::string xlsx = dir.File("days.xlsx");
    RenderFile(doc, xlsx);
    const SheetCells cells(xlsx, 1);
    BOOST_REQUIRE(cells.Loaded());
    // The unit beside each of its tasks, so that the sheet sorts and filters.
    BOOST_TEST(cells.Text("A2") == "Xã Tây Xuân");
    BOOST_TEST(cells.Text("A3") == "Xã Tây Xuân");
    BOOST_TEST(ZipEntry(xlsx, "xl/worksheets/sheet1.xml").find("<mergeCell ") == std::string::npos);
    // Days as dates (serial numbers in a dd/mm/yyyy format), not text.
    BOOST_TEST(cells.Number("C2") == 46027.0);
    BOOST_TEST(cells.Number("C3") == 46112.0);
    BOOST_TEST(ZipEntry(xlsx, "xl/styles.xml").find("dd/mm/yyyy") != std::string::npos);
    // Printed the Vietnamese way.
    BOOST_TEST(TableCell::Day(2026, 1, 5).PlainText() == "05/01/2026");
}

BOOST_AUTO_TEST_CASE(a_heading_and_the_sentence_before_a_table_stay_with_its_head) {
    RequireTool("pdftotext");
    RequireTool("pdfinfo");
    TempDir dir;
    int checked = 0;
    for (int k = 20; k <= 44; k += 2) {
        Document doc;
        for (int i = 0; i < k; ++i)
            doc.Add(Paragraph("Đoạn " + std::to_string(i + 1) +
                              ": tiếp tục rà soát, công khai thủ tục hành chính."));
        doc.Add(Heading{2, "2. Khảo sát mức độ hài lòng"});
        doc.Add(Paragraph("Kết quả khảo sát theo lĩnh vực:"));
        Table t;
        t.headerRows = 1;
        t.rows.push_back({{TableCell("STT", true), TableCell("Lĩnh vực", true),
                           TableCell("Số phiếu khảo sát", true)}});
        for (int r = 0; r < 3; ++r)
            t.rows.push_back(
                {{TableCell::Integer(r + 1), TableCell("Hộ tịch"), TableCell::Integer(100 + r)}});
        doc.Add(t);
        const std::string pdf = dir.File("head" + std::to_string(k) + ".pdf");
        RenderFile(doc, pdf);
        for (int p = 1; p <= PdfPages(pdf); ++p) {
            const std::string text = PdfText(pdf, p, p);
            BOOST_TEST_CONTEXT(k << " paragraphs, page " << p) {
                if (text.find("Khảo sát mức độ hài lòng") != std::string::npos) {
                    ++checked;
                    BOOST_TEST(text.find("Kết quả khảo sát theo lĩnh vực") != std::string::npos);
                }
                if (text.find("Kết quả khảo sát theo lĩnh vực") != std::string::npos)
                    BOOST_TEST(text.find("Số phiếu khảo sát") != std::string::npos);
            }
        }
    }
    BOOST_TEST(checked == 13);
}

BOOST_AUTO_TEST_SUITE_END()
