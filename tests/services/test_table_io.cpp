// Tests of services/table_io: the CSV and XLSX readers (encodings, quoting,
// line numbers, cell types), header matching with aliases and Vietnamese
// diacritics, and the CSV and XLSX writers read back by the readers.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.h"
#include "services/io/table_io.h"
#include "support/fuzz_limits.h"
#include "support/test_support.h"

using cchc::UserError;
using cchc::test::MakeZip;
using cchc::test::ReadFile;
using cchc::test::TempDir;
using cchc::test::WriteFile;
namespace tio = cchc::tableio;

namespace {

using Row = std::vector<std::string>;

struct Table {
    Row header;
    std::vector<Row> rows;
    std::vector<long> lines;
};

Table ReadAll(const std::string& path, const tio::ReadLimits& limits = {}) {
    auto reader = tio::TableReader::Open(path, limits);
    Table t;
    t.header = reader->Header();
    Row row;
    while (reader->Next(row)) {
        t.rows.push_back(row);
        t.lines.push_back(reader->Line());
    }
    return t;
}

// Runs f, which must throw UserError, and returns the error.
template <class F>
UserError ExpectUserError(F&& f) {
    try {
        f();
    } catch (const UserError& e) {
        return e;
    }
    BOOST_FAIL("no UserError thrown");
    return UserError("unreachable");
}

const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Đơn vị" sheetId="7" r:id="rId3"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>)";

const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/first.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)";

const char* kSharedStrings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
<si><t>Mã đơn vị</t></si>
<si><t>Tên đơn vị</t></si>
<si><r><rPr><b/></rPr><t>Xã </t></r><r><t xml:space="preserve">Tây Xuân</t></r></si>
<si><t>Ngày</t></si>
<si><t>Tỷ lệ</t></si>
<si><t>Đặng Thị Ánh_x000D_</t></si>
</sst>)";

// xf 0 general, 1 date (14), 2 custom date-time, 3 percent (10), 4 time (20),
// 5 custom "#,##0 \"đ\"" (not a date despite the d in quotes).
const char* kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\ hh:mm"/><numFmt numFmtId="165" formatCode="#,##0\ &quot;đ&quot;"/></numFmts>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="20"/><xf numFmtId="165"/></cellXfs>
</styleSheet>)";

const char* kSheet =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<dimension ref="A1:F9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="s"><v>4</v></c><c r="E1" t="inlineStr"><is><t>Ghi chú</t></is></c><c r="F1" s="1"/></row>
<row r="2"><c r="A2"><v>42</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>45366</v></c><c r="D2" s="3"><v>0.83330000000000004</v></c><c r="E2" t="b"><v>1</v></c></row>
<row r="3" spans="1:6"><c r="B3" s="1"/></row>
<row r="5"><c r="A5"><v>83.329999999999998</v></c><c r="B5" t="s"><v>5</v></c><c r="C5" s="2"><v>45366.354166666664</v></c><c r="E5" t="str"><f>A5&amp;""</f><v>x &lt; y</v></c></row>
<row r="6"><c><v>-1.5</v></c><c><v>7</v></c><c r="D6" s="4"><v>0.5</v></c><c r="E6" t="e"><v>#N/A</v></c></row>
<row><c r="A7" s="5"><v>1234567</v></c><c r="C7" t="inlineStr"><is><r><t>a</t></r><r><t> b</t></r></is></c></row>
</sheetData>
<autoFilter ref="A1:F7"/>
</worksheet>)";

std::string HandMadeXlsx() {
    return MakeZip({{"[Content_Types].xml", "<Types/>"},
                    {"xl/workbook.xml", kWorkbook},
                    {"xl/_rels/workbook.xml.rels", kRels},
                    {"xl/sharedStrings.xml", kSharedStrings},
                    {"xl/styles.xml", kStyles},
                    {"xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>"},
                    {"xl/worksheets/first.xml", kSheet}});
}

// A workbook whose first sheet is sheetXml (its rows inside <sheetData>),
// with the given shared strings (none: no shared strings part).
std::string XlsxWithSheet(const std::string& rows, const std::vector<std::string>& strings = {},
                          const std::string& dimension = "A1:C3") {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", "<Types/>"},
        {"xl/workbook.xml",
         "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" "
         "r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/worksheets/sheet1.xml", "<worksheet><dimension ref=\"" + dimension +
                                         "\"/><sheetData>" + rows + "</sheetData></worksheet>"}};
    if (!strings.empty()) {
        std::string sst = "<sst>";
        for (const auto& s : strings) sst += "<si><t>" + s + "</t></si>";
        parts.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
    }
    return MakeZip(parts);
}

const char* kHeaderRow =
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>unit</t></is></c>"
    "<c r=\"B1\" t=\"inlineStr\"><is><t>task</t></is></c></row>";

std::string InlineCell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// Reads the whole table with the limits given, for the error it must raise.
UserError ReadAllRefused(const std::string& path, const tio::ReadLimits& limits = {}) {
    return ExpectUserError([&] {
        auto reader = tio::TableReader::Open(path, limits);
        Row row;
        while (reader->Next(row)) {
        }
    });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(table_io)

// ------------------------------------------------------------------- CSV

BOOST_AUTO_TEST_CASE(csv_bom_and_no_bom_give_the_same_header) {
    TempDir dir;
    WriteFile(dir.File("a.csv"), "Mã đơn vị,Tên\nX01,Xã Tây Xuân\n");
    WriteFile(dir.File("b.csv"), "\xEF\xBB\xBFMã đơn vị,Tên\nX01,Xã Tây Xuân\n");
    const Table a = ReadAll(dir.File("a.csv"));
    const Table b = ReadAll(dir.File("b.csv"));
    BOOST_TEST(a.header == (Row{"Mã đơn vị", "Tên"}), boost::test_tools::per_element());
    BOOST_TEST(b.header == a.header, boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(b.rows.size(), 1u);
    BOOST_TEST(b.rows[0] == a.rows[0], boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(csv_vietnamese_text_survives) {
    TempDir dir;
    WriteFile(dir.File("vn.csv"), "xa,ho_ten\nXã Tây Xuân,Đặng Thị Ánh\n");
    auto reader = tio::TableReader::Open(dir.File("vn.csv"));
    BOOST_TEST(reader->FileName() == "vn.csv");
    Row row;
    BOOST_REQUIRE(reader->Next(row));
    BOOST_TEST(row[0] == "Xã Tây Xuân");
    BOOST_TEST(row[1] == "Đặng Thị Ánh");
    BOOST_TEST(reader->Line() == 2);
    BOOST_TEST(!reader->Next(row));
    BOOST_TEST(reader->BytesRead() == reader->TotalBytes());
}

BOOST_AUTO_TEST_CASE(csv_semicolon_delimiter_is_detected) {
    TempDir dir;
    WriteFile(dir.File("semi.csv"), "Mã;Tên;Ghi chú, nếu có\nA1;Xã A, huyện B;\"x;y\"\n");
    const Table t = ReadAll(dir.File("semi.csv"));
    BOOST_TEST(t.header == (Row{"Mã", "Tên", "Ghi chú, nếu có"}), boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), 1u);
    BOOST_TEST(t.rows[0] == (Row{"A1", "Xã A, huyện B", "x;y"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(csv_excel_sep_line_names_the_delimiter) {
    TempDir dir;
    WriteFile(dir.File("sep.csv"), "sep=;\r\na;b,c\r\n1;2,3\r\n");
    const Table t = ReadAll(dir.File("sep.csv"));
    BOOST_TEST(t.header == (Row{"a", "b,c"}), boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), 1u);
    BOOST_TEST(t.lines[0] == 3);
}

BOOST_AUTO_TEST_CASE(csv_quotes_and_line_numbers) {
    TempDir dir;
    WriteFile(dir.File("q.csv"),
              "id,name,note\n"                                // 1
              "1,\"Nguyễn, Văn A\",\"He said \"\"hi\"\"\"\n"  // 2
              "2,\"multi\nline\nnote\",x\n"                   // 3-5
              "3,after, spaced \n"                            // 6
              "4,\"\",\"\"\"\"\n");                           // 7
    const Table t = ReadAll(dir.File("q.csv"));
    BOOST_REQUIRE_EQUAL(t.rows.size(), 4u);
    BOOST_TEST(t.rows[0] == (Row{"1", "Nguyễn, Văn A", "He said \"hi\""}),
               boost::test_tools::per_element());
    BOOST_TEST(t.rows[1] == (Row{"2", "multi\nline\nnote", "x"}), boost::test_tools::per_element());
    BOOST_TEST(t.rows[2] == (Row{"3", "after", " spaced "}), boost::test_tools::per_element());
    BOOST_TEST(t.rows[3] == (Row{"4", "", "\""}), boost::test_tools::per_element());
    BOOST_TEST(t.lines == (std::vector<long>{2, 3, 6, 7}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(csv_crlf_line_ends) {
    TempDir dir;
    WriteFile(dir.File("crlf.csv"), "a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n4,5");
    const Table t = ReadAll(dir.File("crlf.csv"));
    BOOST_TEST(t.header == (Row{"a", "b"}), boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), 3u);
    BOOST_TEST(t.rows[0] == (Row{"1", "2"}), boost::test_tools::per_element());
    BOOST_TEST(t.rows[1] == (Row{"3", "x\ny"}), boost::test_tools::per_element());
    BOOST_TEST(t.rows[2] == (Row{"4", "5"}), boost::test_tools::per_element());
    BOOST_TEST(t.lines == (std::vector<long>{2, 3, 5}), boost::test_tools::per_element());
}

// Found by fuzz_csv: "\r\r\n" inside quotes read as "\r\n", which the
// writer cannot give back (a reader turns it into "\n").
BOOST_AUTO_TEST_CASE(csv_line_breaks_inside_quotes_read_back_as_written) {
    TempDir dir;
    WriteFile(dir.File("cr.csv"), "a,b\n1,\"x\r\r\ny\"\n2,\"\r\r\n,5\"\n3,\"p\rq\r\"\n");
    const Table t = ReadAll(dir.File("cr.csv"));
    BOOST_REQUIRE_EQUAL(t.rows.size(), 3u);
    BOOST_TEST(t.rows[0][1] == "x\ny");
    BOOST_TEST(t.rows[1][1] == "\n,5");
    BOOST_TEST(t.rows[2][1] == "p\rq\r");
    {
        auto w = tio::TableWriter::Create(dir.File("back.csv"), t.header);
        for (const auto& r : t.rows) w->Add(r);
        w->Close();
    }
    const Table back = ReadAll(dir.File("back.csv"));
    BOOST_TEST((back.rows == t.rows));
}

BOOST_AUTO_TEST_CASE(csv_unterminated_quote_names_its_line) {
    TempDir dir;
    WriteFile(dir.File("bad.csv"), "a,b\n1,2\n3,\"oops\n4,5\n");
    auto reader = tio::TableReader::Open(dir.File("bad.csv"));
    Row row;
    BOOST_REQUIRE(reader->Next(row));
    const UserError e = ExpectUserError([&] { reader->Next(row); });
    BOOST_TEST(e.where().file == "bad.csv");
    BOOST_TEST(e.where().line == 3);
}

BOOST_AUTO_TEST_CASE(csv_invalid_utf8_names_its_line) {
    TempDir dir;
    // "Xã" in Windows-1258 on line 4, after a quoted field spanning lines 2-3.
    WriteFile(dir.File("ansi.csv"), "a,b\n1,\"x\ny\"\n2,X\xE3 A\n");
    auto reader = tio::TableReader::Open(dir.File("ansi.csv"));
    Row row;
    BOOST_REQUIRE(reader->Next(row));
    const UserError e = ExpectUserError([&] { reader->Next(row); });
    BOOST_TEST(e.where().file == "ansi.csv");
    BOOST_TEST(e.where().line == 4);
    BOOST_TEST(e.message().find("UTF-8") != std::string::npos);

    WriteFile(dir.File("head.csv"), "M\xE3,b\n1,2\n");
    BOOST_TEST(
        ExpectUserError([&] { tio::TableReader::Open(dir.File("head.csv")); }).where().line == 1);
}

BOOST_AUTO_TEST_CASE(csv_utf16_is_rejected) {
    TempDir dir;
    WriteFile(dir.File("u16.csv"), std::string("\xFF\xFE"
                                               "a\0,\0b\0\n\0",
                                               10));
    const UserError e = ExpectUserError([&] { tio::TableReader::Open(dir.File("u16.csv")); });
    BOOST_TEST(e.where().file == "u16.csv");
    BOOST_TEST(e.where().line == 1);
}

BOOST_AUTO_TEST_CASE(csv_short_long_and_empty_rows) {
    TempDir dir;
    WriteFile(dir.File("r.csv"), "\n a ;b;c;;\n1\n;;\n\n   ;\t\n1;2;3;4;5\n");
    const Table t = ReadAll(dir.File("r.csv"));
    BOOST_TEST(t.header == (Row{" a ", "b", "c"}), boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), 2u);
    BOOST_TEST(t.rows[0] == (Row{"1", "", ""}), boost::test_tools::per_element());
    BOOST_TEST(t.rows[1] == (Row{"1", "2", "3", "4", "5"}), boost::test_tools::per_element());
    BOOST_TEST(t.lines == (std::vector<long>{3, 7}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(tab_separated_text) {
    TempDir dir;
    WriteFile(dir.File("t.TXT"), "a\tb,c\n1\t2;3\n");
    const Table t = ReadAll(dir.File("t.TXT"));
    BOOST_TEST(t.header == (Row{"a", "b,c"}), boost::test_tools::per_element());
    BOOST_TEST(t.rows.at(0) == (Row{"1", "2;3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unsupported_and_missing_files) {
    TempDir dir;
    WriteFile(dir.File("old.xls"), "x");
    BOOST_TEST(ExpectUserError([&] { tio::TableReader::Open(dir.File("old.xls")); }).where().file ==
               "old.xls");
    BOOST_TEST(
        ExpectUserError([&] { tio::TableReader::Open(dir.File("none.csv")); }).where().file ==
        "none.csv");
    WriteFile(dir.File("empty.csv"), "\n\n");
    ExpectUserError([&] { tio::TableReader::Open(dir.File("empty.csv")); });
    BOOST_TEST(ExpectUserError([&] { tio::TableWriter::Create(dir.File("out.pdf"), {"a"}); })
                   .where()
                   .file == "out.pdf");
}

// --------------------------------------------------------------- columns

BOOST_AUTO_TEST_CASE(normalize_column_names) {
    BOOST_TEST(tio::NormalizeColumnName("  Mã_Đơn  vị ") == "ma don vi");
    BOOST_TEST(tio::NormalizeColumnName("ĐẶNG THỊ ÁNH") == "dang thi anh");
    BOOST_TEST(tio::NormalizeColumnName("Ngày__sinh\xC2\xA0") == "ngay sinh");
    // Decomposed (NFD) text as some Mac programs write it: "Mã" = M a U+0303.
    BOOST_TEST(tio::NormalizeColumnName("Ma\xCC\x83 xa\xCC\x83") == "ma xa");
    BOOST_TEST(tio::NormalizeColumnName("Ươ ỳ") == "uo y");
}

BOOST_AUTO_TEST_CASE(column_map_matches_aliases) {
    const Row header{"STT", " Mã_đơn  vị ", "TÊN ĐƠN VỊ", "Ghi chú", ""};
    const std::vector<tio::ColumnSpec> specs{
        {"code", {"ma don vi", "unit code"}, true},
        {"name", {"Tên đơn vị"}, true},
        {"parent", {"Mã đơn vị cha"}, false},
    };
    const tio::ColumnMap map(header, specs, "units.csv");
    BOOST_TEST(map.Has("code"));
    BOOST_TEST(map.Index("code") == 1);
    BOOST_TEST(map.Index("name") == 2);
    BOOST_TEST(!map.Has("parent"));
    const Row row{"1", "X01", "Xã Tây Xuân"};
    BOOST_TEST(map.Get(row, "code") == "X01");
    BOOST_TEST(map.Get(row, "name") == "Xã Tây Xuân");
    BOOST_TEST(map.Get(row, "parent") == "");
    BOOST_TEST(map.Get(Row{"1"}, "name") == "");
    BOOST_TEST(map.UnknownColumns() == (Row{"STT", "Ghi chú"}), boost::test_tools::per_element());

    // The key itself is a name too.
    const tio::ColumnMap byKey(Row{"Code", "NAME"}, specs);
    BOOST_TEST(byKey.Index("code") == 0);
}

BOOST_AUTO_TEST_CASE(column_map_missing_required_column) {
    TempDir dir;
    WriteFile(dir.File("units.csv"), "Mã đơn vị,Ghi chú\nX01,\n");
    auto reader = tio::TableReader::Open(dir.File("units.csv"));
    const UserError e = ExpectUserError([&] {
        (void)tio::ColumnMap(*reader,
                             {{"code", {"ma don vi"}, true}, {"name", {"ten don vi"}, true}});
    });
    BOOST_TEST(e.where().file == "units.csv");
    BOOST_TEST(e.where().line == 1);
    BOOST_TEST(e.where().field == "name");
    BOOST_TEST(std::string(e.what()).find("name") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(column_map_duplicated_column) {
    const UserError e = ExpectUserError([&] {
        (void)tio::ColumnMap(Row{"Mã đơn vị", "ma_don_vi"}, {{"code", {"ma don vi"}, true}},
                             "u.csv");
    });
    BOOST_TEST(e.where().field == "code");
    BOOST_TEST(e.where().file == "u.csv");
}

BOOST_AUTO_TEST_CASE(column_map_locations_follow_the_reader) {
    TempDir dir;
    WriteFile(dir.File("p.csv"), "Họ và tên,Năm sinh\n\"Đặng\nThị Ánh\",1990\nB,x\n");
    auto reader = tio::TableReader::Open(dir.File("p.csv"));
    const tio::ColumnMap map(*reader,
                             {{"name", {"ho va ten"}, true}, {"year", {"nam sinh"}, true}});
    Row row;
    BOOST_REQUIRE(reader->Next(row));
    BOOST_REQUIRE(reader->Next(row));
    const cchc::Location at = map.At(*reader, "year");
    BOOST_TEST(at.file == "p.csv");
    BOOST_TEST(at.line == 4);
    BOOST_TEST(at.field == "year");
    BOOST_TEST(map.Get(row, "year") == "x");
}

// --------------------------------------------------------------- writers

BOOST_AUTO_TEST_CASE(csv_write_then_read_back) {
    TempDir dir;
    const Row header{"code", "name", "note"};
    const std::vector<Row> rows{
        {"X01", "Xã Tây Xuân", "a, b"},    {"X02", "Đặng Thị Ánh", "say \"hi\""},
        {"X03", "two\nlines", " padded "}, {"X04", "", "crlf\r\nend"},
        {"007", "1.5", "=SUM(A1)"},
    };
    {
        auto w = tio::TableWriter::Create(dir.File("out.csv"), header);
        for (const auto& r : rows) w->Add(r);
        BOOST_TEST(w->Rows() == 5);
        w->Close();
    }
    const std::string text = ReadFile(dir.File("out.csv"));
    BOOST_TEST(text.rfind("code,name,note\nX01,Xã Tây Xuân,\"a, b\"\n", 0) == 0u);
    BOOST_TEST(text.find("\"say \"\"hi\"\"\"") != std::string::npos);
    BOOST_TEST(text.find("\" padded \"") != std::string::npos);
    const Table t = ReadAll(dir.File("out.csv"));
    BOOST_TEST(t.header == header, boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Row expected = rows[i];
        if (i == 3) expected[2] = "crlf\nend";  // quoted CRLF reads back as LF
        BOOST_TEST(t.rows[i] == expected, boost::test_tools::per_element());
    }
    BOOST_TEST(t.lines == (std::vector<long>{2, 3, 4, 6, 8}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(csv_writer_bom_and_destructor_close) {
    TempDir dir;
    {
        tio::WriteOptions opts;
        opts.bom = true;
        auto w = tio::TableWriter::Create(dir.File("bom.csv"), {"Tên"}, opts);
        w->Add({"Ánh"});
    }  // closed by the destructor
    BOOST_TEST(ReadFile(dir.File("bom.csv")) == "\xEF\xBB\xBFTên\nÁnh\n");
    const Table t = ReadAll(dir.File("bom.csv"));
    BOOST_TEST(t.header == Row{"Tên"}, boost::test_tools::per_element());
    BOOST_TEST(
        ExpectUserError([&] { tio::TableWriter::Create(dir.File("no/such/dir.csv"), {"a"}); })
            .where()
            .file == "dir.csv");
}

BOOST_AUTO_TEST_CASE(csv_formula_like_text_is_written_as_text_and_reads_back) {
    TempDir dir;
    const Row header{"code", "note", "amount"};
    const std::vector<Row> rows{
        {"A", "=HYPERLINK(\"http://x\")", "-5"},
        {"B", "+1+2", "-0,5"},
        {"C", "-x", "+3.25"},
        {"D", "@SUM(A1)", "-1e-3"},
        {"E", "\tcmd", "-"},
        {"F", "\rcmd", "'=quoted"},
        {"G", "''-two", "'plain"},
    };
    {
        auto w = tio::TableWriter::Create(dir.File("inj.csv"), header);
        for (const auto& r : rows) w->Add(r);
        w->Close();
    }
    const std::string text = ReadFile(dir.File("inj.csv"));
    BOOST_TEST(text.find("A,\"'=HYPERLINK(\"\"http://x\"\")\",-5\n") != std::string::npos);
    BOOST_TEST(text.find("B,'+1+2,\"-0,5\"\n") != std::string::npos);
    BOOST_TEST(text.find("C,'-x,+3.25\n") != std::string::npos);
    BOOST_TEST(text.find("D,'@SUM(A1),-1e-3\n") != std::string::npos);
    BOOST_TEST(text.find("E,'\tcmd,'-\n") != std::string::npos);
    BOOST_TEST(text.find("F,\"'\rcmd\",''=quoted\n") != std::string::npos);
    BOOST_TEST(text.find("G,'''-two,'plain\n") != std::string::npos);
    const Table t = ReadAll(dir.File("inj.csv"));
    BOOST_TEST(t.header == header, boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        BOOST_TEST(t.rows[i] == rows[i], boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(csv_reader_removes_one_formula_apostrophe) {
    TempDir dir;
    WriteFile(dir.File("in.csv"), "a,b,c,d\n'=1+2,'-5,'abc,'\n");
    const Table t = ReadAll(dir.File("in.csv"));
    BOOST_REQUIRE_EQUAL(t.rows.size(), 1u);
    BOOST_TEST(t.rows[0] == (Row{"=1+2", "-5", "'abc", "'"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(csv_a_record_blank_once_unguarded_is_skipped_as_blank) {
    TempDir dir;
    // "'\t" is a tab behind its formula guard: blank, as a tab alone is.
    WriteFile(dir.File("in.csv"), "a,b\n'\t,\nx,y\n");
    const Table t = ReadAll(dir.File("in.csv"));
    BOOST_REQUIRE_EQUAL(t.rows.size(), 1u);
    BOOST_TEST(t.rows[0] == (Row{"x", "y"}), boost::test_tools::per_element());
    BOOST_TEST(t.lines[0] == 3);
}

BOOST_AUTO_TEST_CASE(xlsx_formula_like_text_is_a_string_cell) {
    TempDir dir;
    using CT = tio::ColumnType;
    tio::WriteOptions opts;
    opts.types = {CT::Text, CT::Integer, CT::Decimal};
    const Row header{"note", "count", "score"};
    const std::vector<Row> rows{
        {"=1+2", "-5", "-0.5"}, {"+SUM(A1:A9)", "-12", "-3.25"},
        {"-cmd", "7", "1"},     {"@A1", "0", "0"},
        {"\tx", "1", "2"},      {"'=already", "2", "3"},
    };
    {
        auto w = tio::TableWriter::Create(dir.File("inj.xlsx"), header, opts);
        for (const auto& r : rows) w->Add(r);
        w->Close();
    }
    // A formula cell would read back as its cached value, not as its text.
    const Table t = ReadAll(dir.File("inj.xlsx"));
    BOOST_REQUIRE_EQUAL(t.rows.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        BOOST_TEST(t.rows[i] == rows[i], boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_write_stopped_by_an_error_leaves_the_previous_file) {
    TempDir dir;
    for (const char* name : {"old.csv", "old.xlsx"}) {
        BOOST_TEST_CONTEXT(name) {
            const std::string path = dir.File(name);
            WriteFile(path, "the previous export");
            try {
                auto w = tio::TableWriter::Create(path, {"a", "b"});
                for (int i = 0; i < 1000; ++i) w->Add({"1", std::string(2000, 'y')});
                throw std::runtime_error("stopped half way");
            } catch (const std::runtime_error&) {
            }
            BOOST_TEST(ReadFile(path) == "the previous export");
            long files = 0;
            for (const auto& e : std::filesystem::directory_iterator(dir.path()))
                files += e.path().filename().string().find(".tmp-") != std::string::npos ? 1 : 0;
            BOOST_TEST(files == 0);
            // A complete write replaces it.
            {
                auto w = tio::TableWriter::Create(path, {"a", "b"});
                w->Add({"1", "2"});
                w->Close();
            }
            const Table t = ReadAll(path);
            BOOST_REQUIRE_EQUAL(t.rows.size(), 1u);
            BOOST_TEST(t.rows[0] == (Row{"1", "2"}), boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(xlsx_write_then_read_back) {
    TempDir dir;
    using CT = tio::ColumnType;
    tio::WriteOptions opts;
    opts.sheetName = "Kết quả: quý 1/2024";  // ':' and '/' are not allowed by Excel
    opts.types = {CT::Text, CT::Text, CT::Integer, CT::Decimal, CT::Percent, CT::Date};
    const Row header{"Mã", "Tên", "Số hồ sơ", "Điểm", "Tỷ lệ", "Ngày"};
    const std::vector<Row> rows{
        {"007", "Xã Tây Xuân", "1234", "12.5", "83.33", "2024-03-15"},
        {"008", "Đặng Thị Ánh", "-3", "0.1", "100", "1900-01-01"},
        {"009", "two\nlines _x0041_\t", "12.5", "7", "0", "2024-02-29T08:30:00"},
        {"010", "", "n/a", "", "x", "15/03/2024"},
    };
    {
        auto w = tio::TableWriter::Create(dir.File("out.xlsx"), header, opts);
        for (const auto& r : rows) w->Add(r);
        w->Close();
        w->Close();  // a second call does nothing
    }
    const Table t = ReadAll(dir.File("out.xlsx"));
    BOOST_TEST(t.header == header, boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), rows.size());
    BOOST_TEST(t.rows[0] == rows[0], boost::test_tools::per_element());
    BOOST_TEST(t.rows[1] == rows[1], boost::test_tools::per_element());
    BOOST_TEST(t.rows[2] == rows[2], boost::test_tools::per_element());
    // Unparsable numbers and dates stay text; the empty name keeps its place.
    BOOST_TEST(t.rows[3] == rows[3], boost::test_tools::per_element());
    BOOST_TEST(t.lines == (std::vector<long>{2, 3, 4, 5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(xlsx_empty_cell_keeps_column_positions) {
    TempDir dir;
    {
        auto w = tio::TableWriter::Create(dir.File("gap.xlsx"), {"a", "b", "c", "d"});
        w->Add({"1", "", "3"});
        w->Add({"", "", "", "4"});
        w->Add({"", "", ""});  // empty: skipped by the reader
        w->Add({"5", "6", "7", "8", "9"});
    }
    const Table t = ReadAll(dir.File("gap.xlsx"));
    BOOST_REQUIRE_EQUAL(t.rows.size(), 3u);
    BOOST_TEST(t.rows[0] == (Row{"1", "", "3", ""}), boost::test_tools::per_element());
    BOOST_TEST(t.rows[1] == (Row{"", "", "", "4"}), boost::test_tools::per_element());
    BOOST_TEST(t.rows[2] == (Row{"5", "6", "7", "8", "9"}), boost::test_tools::per_element());
    BOOST_TEST(t.lines == (std::vector<long>{2, 3, 5}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(xlsx_as_excel_writes_it) {
    TempDir dir;
    WriteFile(dir.File("excel.XLSX"), HandMadeXlsx());
    const Table t = ReadAll(dir.File("excel.XLSX"));
    BOOST_TEST(t.header == (Row{"Mã đơn vị", "Tên đơn vị", "Ngày", "Tỷ lệ", "Ghi chú"}),
               boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(t.rows.size(), 4u);
    BOOST_TEST(t.rows[0] == (Row{"42", "Xã Tây Xuân", "2024-03-15", "83.33", "TRUE"}),
               boost::test_tools::per_element());
    BOOST_TEST(t.rows[1] == (Row{"83.33", "Đặng Thị Ánh\r", "2024-03-15T08:30:00", "", "x < y"}),
               boost::test_tools::per_element());
    BOOST_TEST(t.rows[2] == (Row{"-1.5", "7", "", "12:00:00", "#N/A"}),
               boost::test_tools::per_element());
    BOOST_TEST(t.rows[3] == (Row{"1234567", "", "a b", "", ""}), boost::test_tools::per_element());
    BOOST_TEST(t.lines == (std::vector<long>{2, 5, 6, 7}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(xlsx_with_namespace_prefixes_and_header_below_row_1) {
    TempDir dir;
    const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string sheet =
        "<x:worksheet xmlns:x=\"" + ns +
        "\"><x:sheetData>"
        "<x:row r=\"2\"/>"
        "<x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:t>Tên</x:t></x:is></x:c></x:row>"
        "<x:row r=\"4\"><x:c r=\"B4\" t=\"inlineStr\"><x:is><x:t>Ánh</x:t></x:is></x:c></x:row>"
        "</x:sheetData></x:worksheet>";
    const std::string workbook =
        "<x:workbook xmlns:x=\"" + ns +
        "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<x:workbookPr date1904=\"1\"/><x:sheets><x:sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
        "</x:sheets></x:workbook>";
    WriteFile(dir.File("p.xlsx"),
              MakeZip({{"xl/workbook.xml", workbook}, {"xl/worksheets/sheet1.xml", sheet}}));
    auto reader = tio::TableReader::Open(dir.File("p.xlsx"));
    BOOST_TEST(reader->Header() == (Row{"", "Tên"}), boost::test_tools::per_element());
    BOOST_TEST(reader->HeaderLine() == 3);
    Row row;
    BOOST_REQUIRE(reader->Next(row));
    BOOST_TEST(row == (Row{"", "Ánh"}), boost::test_tools::per_element());
    BOOST_TEST(reader->Line() == 4);
    BOOST_TEST(!reader->Next(row));
}

BOOST_AUTO_TEST_CASE(xlsx_that_is_not_a_workbook) {
    TempDir dir;
    WriteFile(dir.File("text.xlsx"), "a,b\n1,2\n");
    BOOST_TEST(
        ExpectUserError([&] { tio::TableReader::Open(dir.File("text.xlsx")); }).where().file ==
        "text.xlsx");
    WriteFile(dir.File("old.xlsx"),
              std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
    const UserError e = ExpectUserError([&] { tio::TableReader::Open(dir.File("old.xlsx")); });
    BOOST_TEST(e.message().find(".xls") != std::string::npos);
    WriteFile(dir.File("nosheet.xlsx"), MakeZip({{"xl/styles.xml", "<styleSheet/>"}}));
    ExpectUserError([&] { tio::TableReader::Open(dir.File("nosheet.xlsx")); });
}

BOOST_AUTO_TEST_CASE(xlsx_many_rows_span_several_chunks) {
    TempDir dir;
    const long n = 30000;
    {
        tio::WriteOptions opts;
        opts.types = {tio::ColumnType::Integer, tio::ColumnType::Text};
        auto w = tio::TableWriter::Create(dir.File("big.xlsx"), {"n", "text"}, opts);
        for (long i = 1; i <= n; ++i)
            w->Add({std::to_string(i), "Đơn vị số " + std::to_string(i) + " thuộc xã Tây Xuân"});
        w->Close();
    }
    auto reader = tio::TableReader::Open(dir.File("big.xlsx"));
    Row row;
    long count = 0;
    bool inOrder = true;
    while (reader->Next(row)) {
        ++count;
        inOrder = inOrder && row[0] == std::to_string(count) && reader->Line() == count + 1;
    }
    BOOST_TEST(count == n);
    BOOST_TEST(inOrder);
    BOOST_TEST(reader->BytesRead() == reader->TotalBytes());
    BOOST_TEST(reader->TotalBytes() > 2L * (1 << 20));  // more than two chunks of XML
}

BOOST_AUTO_TEST_CASE(csv_large_file) {
    TempDir dir;
    const long n = 200000;
    std::string text = "id,ma_don_vi,ten,ghi_chu\n";
    text.reserve(n * 60);
    for (long i = 1; i <= n; ++i) {
        text += std::to_string(i);
        text += ",X";
        text += std::to_string(i % 1000);
        text += ",Xã Tây Xuân số ";
        text += std::to_string(i);
        text += (i % 1000 == 0) ? ",\"có, dấu phẩy\"\n" : ",\n";
    }
    WriteFile(dir.File("big.csv"), text);
    auto reader = tio::TableReader::Open(dir.File("big.csv"));
    const tio::ColumnMap map(*reader, {{"id", {}, true}, {"note", {"ghi chu"}, false}});
    Row row;
    long count = 0, commas = 0;
    bool ok = true;
    while (reader->Next(row)) {
        ++count;
        ok = ok && row.size() == 4 && reader->Line() == count + 1;
        if (map.Get(row, "note") == "có, dấu phẩy") ++commas;
    }
    BOOST_TEST(count == n);
    BOOST_TEST(ok);
    BOOST_TEST(commas == n / 1000);
    BOOST_TEST(reader->BytesRead() == static_cast<long>(text.size()));
}

// ------------------------------------------------------- hostile files

BOOST_AUTO_TEST_CASE(xlsx_part_larger_than_the_limit_is_refused) {
    TempDir dir;
    // Shared strings of about 2,000 bytes; the other parts are small.
    WriteFile(dir.File("bomb.xlsx"),
              XlsxWithSheet(
                  std::string(kHeaderRow) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>",
                  {std::string(2000, 'x')}));
    tio::ReadLimits limits;
    limits.maxPartBytes = 1000;
    UserError e = ReadAllRefused(dir.File("bomb.xlsx"), limits);
    BOOST_TEST(e.where().file == "bomb.xlsx");
    BOOST_TEST(e.message().find("sharedStrings.xml") != std::string::npos);
    BOOST_TEST(e.message().find("1.000") != std::string::npos);
    limits.maxPartBytes = 3000;
    auto reader = tio::TableReader::Open(dir.File("bomb.xlsx"), limits);
    Row row;
    BOOST_REQUIRE(reader->Next(row));
    BOOST_TEST(row.at(0) == std::string(2000, 'x'));

    // A part whose entry declares 100 bytes but inflates to 2,000: counted
    // while reading, not trusted.
    std::string lying = XlsxWithSheet(
        std::string(kHeaderRow) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>",
        {std::string(2000, 'x')});
    for (const char* sig : {"PK\x03\x04", "PK\x01\x02"}) {
        for (std::size_t at = lying.find(sig); at != std::string::npos;
             at = lying.find(sig, at + 4)) {
            const std::size_t size = at + (sig[2] == '\x03' ? 22 : 24);
            const std::size_t nameAt = at + (sig[2] == '\x03' ? 30 : 46);
            if (lying.compare(nameAt, 20, "xl/sharedStrings.xml") == 0)
                lying.replace(size, 4, std::string("\x64\0\0\0", 4));
        }
    }
    WriteFile(dir.File("lying.xlsx"), lying);
    limits.maxPartBytes = 1000;
    e = ReadAllRefused(dir.File("lying.xlsx"), limits);
    BOOST_TEST(e.where().file == "lying.xlsx");
    BOOST_TEST(e.message().find("sharedStrings.xml") != std::string::npos, e.message());
    BOOST_TEST(e.message().find("1.000") != std::string::npos, e.message());

    WriteFile(dir.File("big.xlsx"), HandMadeXlsx());
    limits = {};
    limits.maxSheetBytes = 500;  // the sheet has about 1,100 bytes
    e = ReadAllRefused(dir.File("big.xlsx"), limits);
    BOOST_TEST(e.message().find("first.xml") != std::string::npos);
    BOOST_TEST(e.message().find("500") != std::string::npos);

    // Within the limits the same workbook reads.
    BOOST_TEST(ReadAll(dir.File("big.xlsx")).rows.size() == 4u);
}

BOOST_AUTO_TEST_CASE(xlsx_million_trailing_empty_rows_give_no_rows) {
    TempDir dir;
    std::string rows = kHeaderRow;
    rows.reserve(30'000'000);
    for (long r = 2; r <= 1'000'000; ++r) {
        const std::string n = std::to_string(r);
        if (r % 1000 == 0)
            rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\"/><c r=\"B" + n + "\" s=\"0\"/></row>";
        else
            rows += "<row r=\"" + n + "\"/>";
    }
    WriteFile(dir.File("empty.xlsx"), XlsxWithSheet(rows, {}, "A1:B1000000"));
    const Table t = ReadAll(dir.File("empty.xlsx"));
    BOOST_TEST(t.header == (Row{"unit", "task"}), boost::test_tools::per_element());
    BOOST_TEST(t.rows.empty());
}

BOOST_AUTO_TEST_CASE(xlsx_row_past_the_last_excel_row_is_damage) {
    TempDir dir;
    WriteFile(dir.File("far.xlsx"),
              XlsxWithSheet(std::string(kHeaderRow) + "<row r=\"99999999999\">" +
                            InlineCell("A99999999999", "u1") + "</row>"));
    const UserError e = ReadAllRefused(dir.File("far.xlsx"));
    BOOST_TEST(e.where().file == "far.xlsx");
    BOOST_TEST(e.message().find("XLSX") != std::string::npos);
    BOOST_TEST(e.message().find("99999999999") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rows_past_the_limit_are_refused) {
    TempDir dir;
    WriteFile(dir.File("many.csv"), "unit,task\nu1,a\nu2,b\nu3,c\nu4,d\n");
    tio::ReadLimits limits;
    limits.maxRows = 3;
    UserError e = ReadAllRefused(dir.File("many.csv"), limits);
    BOOST_TEST(e.where().file == "many.csv");
    BOOST_TEST(e.where().line == 5);
    BOOST_TEST(e.message().find('3') != std::string::npos);

    std::string rows = kHeaderRow;
    for (int r = 2; r <= 5; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\">" +
                InlineCell("A" + std::to_string(r), "u" + std::to_string(r)) + "</row>";
    WriteFile(dir.File("many.xlsx"), XlsxWithSheet(rows));
    e = ReadAllRefused(dir.File("many.xlsx"), limits);
    BOOST_TEST(e.where().line == 5);
    limits.maxRows = 4;
    auto reader = tio::TableReader::Open(dir.File("many.xlsx"), limits);
    Row row;
    long n = 0;
    while (reader->Next(row)) ++n;
    BOOST_TEST(n == 4);
}

BOOST_AUTO_TEST_CASE(fields_longer_than_the_limit_are_refused) {
    TempDir dir;
    tio::ReadLimits limits;
    limits.maxFieldChars = 10;
    WriteFile(dir.File("long.csv"), "unit,task\nu1,Đặng Thị Á\nu2,Đặng Thị Ánh\n");
    UserError e = ReadAllRefused(dir.File("long.csv"), limits);
    BOOST_TEST(e.where().line == 3);
    BOOST_TEST(e.where().field == "task");
    BOOST_TEST(e.message().find("10") != std::string::npos);

    // A field of 10 MB with the default limit: refused, not echoed.
    WriteFile(dir.File("huge.csv"), "unit,task\nu1,\"" + std::string(10'000'000, 'x') + "\"\n");
    e = ReadAllRefused(dir.File("huge.csv"));
    BOOST_TEST(e.where().line == 2);
    BOOST_TEST(e.where().field == "task");
    BOOST_TEST(e.message().size() < 200u);

    WriteFile(dir.File("long.xlsx"),
              XlsxWithSheet(std::string(kHeaderRow) + "<row r=\"2\">" + InlineCell("A2", "u1") +
                            InlineCell("B2", "Đặng Thị Ánh") + "</row>"));
    e = ReadAllRefused(dir.File("long.xlsx"), limits);
    BOOST_TEST(e.where().line == 2);
    BOOST_TEST(e.where().field == "task");
    BOOST_TEST(e.message().find("B2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(xlsx_text_that_is_not_utf8_is_refused) {
    TempDir dir;
    WriteFile(dir.File("ansi.xlsx"),
              XlsxWithSheet(std::string(kHeaderRow) + "<row r=\"2\">" + InlineCell("A2", "u1") +
                            InlineCell("B2", "X\xE3 A") + "</row>"));
    UserError e = ReadAllRefused(dir.File("ansi.xlsx"));
    BOOST_TEST(e.where().file == "ansi.xlsx");
    BOOST_TEST(e.where().line == 2);
    BOOST_TEST(e.where().field == "task");
    BOOST_TEST(e.message().find("UTF-8") != std::string::npos);

    WriteFile(dir.File("sst.xlsx"),
              XlsxWithSheet(
                  std::string(kHeaderRow) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>",
                  {"\xED\xA0\x80"}));
    e = ReadAllRefused(dir.File("sst.xlsx"));
    BOOST_TEST(e.where().line == 2);
    BOOST_TEST(e.where().field == "unit");
}

BOOST_AUTO_TEST_CASE(xlsx_damaged_cells_are_refused_as_damage) {
    TempDir dir;
    WriteFile(dir.File("sst.xlsx"),
              XlsxWithSheet(std::string(kHeaderRow) + "<row r=\"2\">" + InlineCell("A2", "u1") +
                                "<c r=\"B2\" t=\"s\"><v>7</v></c></row>",
                            {"only one"}));
    UserError e = ReadAllRefused(dir.File("sst.xlsx"));
    BOOST_TEST(e.where().file == "sst.xlsx");
    BOOST_TEST(e.where().line == 2);
    BOOST_TEST(e.where().field == "task");
    BOOST_TEST(e.message().find("XLSX") != std::string::npos);
    BOOST_TEST(e.message().find("B2") != std::string::npos);

    WriteFile(dir.File("formula.xlsx"),
              XlsxWithSheet(std::string(kHeaderRow) + "<row r=\"2\">" + InlineCell("A2", "u1") +
                            "<c r=\"B2\"><f>1+1</f></c></row>"));
    e = ReadAllRefused(dir.File("formula.xlsx"));
    BOOST_TEST(e.where().line == 2);
    BOOST_TEST(e.where().field == "task");
    BOOST_TEST(e.message().find("B2") != std::string::npos);

    // A sheet the workbook names but the package lacks.
    WriteFile(dir.File("nopart.xlsx"),
              MakeZip({{"xl/workbook.xml", kWorkbook}, {"xl/_rels/workbook.xml.rels", kRels}}));
    e = ReadAllRefused(dir.File("nopart.xlsx"));
    BOOST_TEST(e.message().find("XLSX") != std::string::npos);
    BOOST_TEST(e.message().find("first.xml") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_quote_that_does_not_close_names_the_line_it_opened) {
    TempDir dir;
    // The quote opened on line 3 closes on line 4 before other text: three
    // tasks would read as two.
    WriteFile(dir.File("q.csv"), "unit,task\nu1,a\nu2,\"b\nu3,\"c\",x\nu4,d\n");
    const UserError e = ReadAllRefused(dir.File("q.csv"));
    BOOST_TEST(e.where().file == "q.csv");
    BOOST_TEST(e.where().line == 3);
    BOOST_TEST(e.where().field == "task");
}

// ------------------------------------------------- buffers, rows, fields

BOOST_AUTO_TEST_CASE(small_buffers_read_the_same_tables) {
    TempDir dir;
    WriteFile(dir.File("a.csv"),
              "\xEF\xBB\xBFid,\"name\",note\r\n1,\"Nguyễn, Văn A\",\"He said \"\"hi\"\"\"\r\n"
              "2,\"multi\r\nline\nnote\",x\r\n\r\n3,after, spaced \r\n4,'=1+1,''-x\r");
    WriteFile(dir.File("b.csv"), "sep=;\na;b\n1;\"2;3\"\n");
    WriteFile(dir.File("c.xlsx"), HandMadeXlsx());
    std::string rows = kHeaderRow;
    for (int r = 2; r <= 300; ++r) {
        const std::string n = std::to_string(r);
        rows += r % 3 ? "<row r=\"" + n + "\">" + InlineCell("A" + n, "u" + n) +
                            InlineCell("B" + n, "Đặng Thị Ánh " + n) + "</row>"
                      : "<row r=\"" + n + "\"/>";
    }
    WriteFile(dir.File("d.xlsx"), XlsxWithSheet(rows));
    for (const char* name : {"a.csv", "b.csv", "c.xlsx", "d.xlsx"}) {
        const Table whole = ReadAll(dir.File(name));
        BOOST_TEST(!whole.rows.empty());
        for (std::size_t buffer : {64, 65, 100, 333}) {
            BOOST_TEST_CONTEXT(name << " read " << buffer << " bytes at a time") {
                tio::ReadLimits limits;
                limits.bufferBytes = buffer;
                const Table t = ReadAll(dir.File(name), limits);
                BOOST_TEST(t.header == whole.header, boost::test_tools::per_element());
                BOOST_TEST((t.rows == whole.rows));
                BOOST_TEST(t.lines == whole.lines, boost::test_tools::per_element());
            }
        }
    }
}

// Rows of a sheet with nothing in them after the data: a million
// self-closing rows, or a million rows of empty formatted cells (a format
// applied down a column), are read through to the end and give no records.
BOOST_AUTO_TEST_CASE(xlsx_million_empty_rows_after_the_data) {
    TempDir dir;
    std::string data = std::string(kHeaderRow) + "<row r=\"2\">" + InlineCell("A2", "u1") +
                       InlineCell("B2", "first") + "</row><row r=\"3\">" + InlineCell("A3", "u2") +
                       InlineCell("B3", "second") + "</row>";
    std::string selfClosing = data, styled = data;
    selfClosing.reserve(30'000'000);
    styled.reserve(60'000'000);
    for (long r = 4; r < 1'000'004; ++r) {
        const std::string n = std::to_string(r);
        selfClosing += "<row r=\"" + n + "\" spans=\"1:2\"/>";
        styled += "<row r=\"" + n + "\"><c r=\"A" + n + "\" s=\"1\"/><c r=\"B" + n + "\"/></row>";
    }
    WriteFile(dir.File("self.xlsx"), XlsxWithSheet(selfClosing, {}, "A1:B1000003"));
    WriteFile(dir.File("styled.xlsx"), XlsxWithSheet(styled, {}, "A1:B1000003"));
    for (const char* name : {"self.xlsx", "styled.xlsx"}) {
        BOOST_TEST_CONTEXT(name) {
            auto reader = tio::TableReader::Open(dir.File(name));
            BOOST_TEST(reader->Header() == (Row{"unit", "task"}), boost::test_tools::per_element());
            Row row;
            std::vector<Row> rowsRead;
            while (reader->Next(row)) rowsRead.push_back(row);
            BOOST_TEST((rowsRead == std::vector<Row>{{"u1", "first"}, {"u2", "second"}}));
            BOOST_TEST(reader->BytesRead() == reader->TotalBytes());
        }
    }
}

BOOST_AUTO_TEST_CASE(xlsx_row_larger_than_the_limit_is_refused) {
    TempDir dir;
    std::string wide = std::string(kHeaderRow) + "<row r=\"2\">";
    for (int i = 0; i < 100; ++i) wide += "<c r=\"A2\" s=\"0\"/>";  // 1,700 bytes, no text
    WriteFile(dir.File("wide.xlsx"), XlsxWithSheet(wide + "</row>"));
    tio::ReadLimits limits;
    limits.maxRowBytes = 1000;
    limits.bufferBytes = 64;
    const UserError e = ReadAllRefused(dir.File("wide.xlsx"), limits);
    BOOST_TEST(e.where().file == "wide.xlsx");
    BOOST_TEST(e.where().line == 2);
    BOOST_TEST(e.message().find("1.000") != std::string::npos, e.message());
    limits.maxRowBytes = 2000;
    BOOST_TEST(ReadAll(dir.File("wide.xlsx"), limits).rows.empty());
}

BOOST_AUTO_TEST_CASE(xlsx_sheet_cut_short_is_damage) {
    TempDir dir;
    // The rows stop without </sheetData>: the end of the sheet is missing.
    WriteFile(dir.File("cut.xlsx"),
              MakeZip({{"xl/workbook.xml",
                        "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" "
                        "r:id=\"rId1\"/></sheets></workbook>"},
                       {"xl/worksheets/sheet1.xml", std::string("<worksheet><sheetData>") +
                                                        kHeaderRow + "<row r=\"2\">" +
                                                        InlineCell("A2", "u1") + "</row>"}}));
    const UserError e = ReadAllRefused(dir.File("cut.xlsx"));
    BOOST_TEST(e.where().file == "cut.xlsx");
    BOOST_TEST(e.message().find(".xlsx") != std::string::npos, e.message());
}

BOOST_AUTO_TEST_CASE(csv_line_with_more_fields_than_the_limit_is_refused) {
    TempDir dir;
    WriteFile(dir.File("commas.csv"), "unit,task\nu1,a\nu2" + std::string(20'000, ',') + "\n");
    const UserError e = ReadAllRefused(dir.File("commas.csv"));
    BOOST_TEST(e.where().file == "commas.csv");
    BOOST_TEST(e.where().line == 3);
    BOOST_TEST(e.message().find("16.384") != std::string::npos, e.message());
    tio::ReadLimits limits;
    limits.maxColumns = 3;
    WriteFile(dir.File("three.csv"), "a,b,c\n1,2,3\n");
    BOOST_TEST(ReadAll(dir.File("three.csv"), limits).rows.size() == 1u);
    WriteFile(dir.File("four.csv"), "a,b,c\n1,2,3,\n");
    BOOST_TEST(ReadAllRefused(dir.File("four.csv"), limits).where().line == 2);
}

BOOST_AUTO_TEST_CASE(header_names_in_messages_are_quoted_short) {
    TempDir dir;
    const std::string longName(3000, 'h');
    WriteFile(dir.File("h.csv"), "unit," + longName + "\nu1,X\xE3\n");
    UserError e = ReadAllRefused(dir.File("h.csv"));
    BOOST_TEST(e.where().field.size() < 200u);
    BOOST_TEST(std::string(e.what()).size() < 400u);
    WriteFile(dir.File("h.xlsx"),
              XlsxWithSheet("<row r=\"1\">" + InlineCell("A1", "unit") +
                            InlineCell("B1", longName) + "</row><row r=\"2\">" +
                            InlineCell("A2", "u1") + InlineCell("B2", "X\xE3") + "</row>"));
    e = ReadAllRefused(dir.File("h.xlsx"));
    BOOST_TEST(e.where().field.size() < 200u);
    BOOST_TEST(std::string(e.what()).size() < 400u);
}

// Every input the fuzz targets once failed on (tests/data/fuzz/fuzz_csv and
// fuzz_xlsx) is read with the limits they run with, and either reads or is
// refused with a UserError of one short line.
BOOST_AUTO_TEST_CASE(inputs_the_fuzzers_found_are_read_or_refused) {
    namespace fs = std::filesystem;
    TempDir dir;
    int files = 0;
    for (const char* target : {"fuzz_csv", "fuzz_xlsx"}) {
        const fs::path folder = fs::path(cchc::test::DataFile("fuzz")) / target;
        if (!fs::exists(folder)) continue;
        for (const auto& entry : fs::directory_iterator(folder)) {
            BOOST_TEST_CONTEXT(entry.path().filename().string()) {
                std::string content = ReadFile(entry.path().string());
                const bool xlsx = std::string(target) == "fuzz_xlsx";
                if (xlsx && content.compare(0, 4, "PK\x03\x04") != 0)
                    content = cchc::test::XlsxFromParts(content);
                const std::string path = dir.File(xlsx ? "input.xlsx" : "input.csv");
                WriteFile(path, content);
                try {
                    ReadAll(path, cchc::test::FuzzReadLimits());
                } catch (const UserError& e) {
                    const std::string what = e.what();
                    BOOST_TEST(what.find('\n') == std::string::npos, what);
                    BOOST_TEST(what.size() < 1200u);
                    BOOST_TEST((e.where().file.empty() || e.where().file == "input.csv" ||
                                e.where().file == "input.xlsx"),
                               what);
                }
                ++files;
            }
        }
    }
    BOOST_TEST_MESSAGE(files << " inputs of the fuzzers read");
}

BOOST_AUTO_TEST_CASE(a_sheet_is_chosen_by_its_name_as_users_type_it) {
    TempDir dir;
    std::string xlsx =
        MakeZip({{"[Content_Types].xml", "<Types/>"},
                 {"xl/workbook.xml", kWorkbook},
                 {"xl/_rels/workbook.xml.rels", kRels},
                 {"xl/sharedStrings.xml", kSharedStrings},
                 {"xl/styles.xml", kStyles},
                 {"xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + std::string(kHeaderRow) +
                                                  "<row r=\"2\">" + InlineCell("A2", "XA-01") +
                                                  InlineCell("B2", "Rà soát") +
                                                  "</row></sheetData></worksheet>"},
                 {"xl/worksheets/first.xml", kSheet}});
    const std::string path = dir.File("two.xlsx");
    WriteFile(path, xlsx);
    // The first sheet by default, and its names in order.
    auto first = tio::TableReader::Open(path);
    BOOST_TEST(first->Header().front() == "Mã đơn vị");
    BOOST_TEST(first->SheetNames() == (Row{"Đơn vị", "Other"}));
    // By name, case and diacritics aside.
    tio::ReadOptions other;
    other.sheet = "OTHER";
    auto second = tio::TableReader::Open(path, other);
    BOOST_TEST(second->Header() == (Row{"unit", "task"}));
    Row row;
    BOOST_TEST(second->Next(row));
    BOOST_TEST(row[1] == "Rà soát");
    other.sheet = "don vi";
    BOOST_TEST(tio::TableReader::Open(path, other)->Header().front() == "Mã đơn vị");
    // A name the workbook does not have is refused with the names it has.
    other.sheet = "Tháng 9";
    const auto e = ExpectUserError([&] { tio::TableReader::Open(path, other); });
    BOOST_TEST(std::string(e.what()).find("Tháng 9") != std::string::npos, e.what());
    BOOST_TEST(std::string(e.what()).find("Đơn vị, Other") != std::string::npos, e.what());
    // A CSV file has no sheets, and the option does not matter to it.
    WriteFile(dir.File("a.csv"), "unit,task\nX,Y\n");
    BOOST_TEST(tio::TableReader::Open(dir.File("a.csv"), other)->SheetNames().empty());
}

BOOST_AUTO_TEST_CASE(columns_mapped_by_the_user_replace_the_header_and_lines_are_set_aside) {
    TempDir dir;
    const std::string path = dir.File("mapped.csv");
    WriteFile(path, "Đơn vị,SL phiếu,Ghi chú\nXA-01,5,a\nXA-02,x,b\nXA-03,7,c\n");
    tio::ReadOptions read;
    read.columns = {{1, "responses"}, {2, ""}, {5, ""}};
    read.skipLines = {3};
    auto reader = tio::TableReader::Open(path, read);
    BOOST_TEST(reader->Header() == (Row{"Đơn vị", "responses", ""}));
    tio::ColumnMap cols(*reader, {{"unit", {"đơn vị"}, true}, {"responses", {}, true}});
    BOOST_TEST(cols.UnknownColumns().empty());
    Row row;
    std::vector<long> lines;
    while (reader->Next(row)) lines.push_back(reader->Line());
    BOOST_TEST(lines == (std::vector<long>{2, 4}));
}

BOOST_AUTO_TEST_CASE(reading_reports_progress_and_stops_when_cancelled) {
    struct Counting : cchc::Progress {
        int reports = 0;
        bool cancel = false;
        void Report(const std::string&, double fraction) override {
            ++reports;
            BOOST_TEST(fraction > 0.0);
            BOOST_TEST(fraction <= 1.0);
        }
        bool Cancelled() const override { return cancel; }
    } progress;
    TempDir dir;
    const std::string path = dir.File("big.csv");
    std::string text = "unit,n\n";
    for (int i = 0; i < 10000; ++i)
        text += "XA-" + std::to_string(i) + "," + std::to_string(i) + "\n";
    WriteFile(path, text);
    tio::ReadOptions read;
    read.progress = &progress;
    {
        auto reader = tio::TableReader::Open(path, read);
        Row row;
        long n = 0;
        while (reader->Next(row)) ++n;
        BOOST_TEST(n == 10000);
        BOOST_TEST(progress.reports >= 4);
    }
    progress.cancel = true;
    auto reader = tio::TableReader::Open(path, read);
    Row row;
    BOOST_CHECK_THROW(while (reader->Next(row)){}, cchc::CancelledError);
}

BOOST_AUTO_TEST_CASE(columns_are_guessed_from_the_headers_users_write) {
    const std::vector<tio::ColumnSpec> specs = {
        {"unit", {"mã đơn vị", "đơn vị"}, true},
        {"period", {"tháng", "kỳ"}, true},
        {"field", {"lĩnh vực"}, true},
        {"satisfied", {"hài lòng"}, true},
        {"very_satisfied", {"rất hài lòng"}, false},
        {"dissatisfied", {"không hài lòng"}, true},
    };
    // Exact names (any case, with or without marks), names inside longer
    // headers as whole words, a name not taken twice, the rest unmapped.
    const auto keys =
        tio::GuessColumns({"Đơn vị", "Tháng báo cáo", "Lĩnh vực TTHC", "Số phiếu Rất hài lòng",
                           "HAI LONG", "Không hài lòng", "Ghi chú", "", "Đơn vị"},
                          specs);
    BOOST_TEST(keys == (Row{"unit", "period", "field", "very_satisfied", "satisfied",
                            "dissatisfied", "", "", ""}));
    // A name inside a word is not a match.
    BOOST_TEST(tio::GuessColumns({"Thangx"}, specs) == (Row{""}));
}

BOOST_AUTO_TEST_SUITE_END()
