// fuzz_seeds OUTDIR: the seeds of fuzz_xlsx. Each CSV file of tests/data
// written as a workbook by the project's own writer (numbers, dates and
// text typed by column) as NAME.xlsx, and the same workbook as its XML
// parts (NAME.parts, see test::XlsxFromParts); and hand-made parts with
// shared and rich strings, number formats (dates, times, percentages),
// booleans, errors, formulas with saved values and namespace prefixes.
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/text.h"
#include "fuzz_support.h"
#include "services/io/table_io.h"
#include "support/test_support.h"

namespace {

using namespace cchc;
namespace fs = std::filesystem;

bool IsNumber(const std::string& s) {
    if (s.empty()) return true;
    std::size_t i = s[0] == '-' ? 1 : 0, digits = 0, dots = 0;
    for (; i < s.size(); ++i) {
        if (s[i] == '.') {
            ++dots;
        } else if (s[i] >= '0' && s[i] <= '9') {
            ++digits;
        } else {
            return false;
        }
    }
    return digits > 0 && dots <= 1;
}

bool IsDate(const std::string& s) {
    return s.empty() || (s.size() >= 10 && s[4] == '-' && s[7] == '-' && IsNumber(s.substr(0, 4)));
}

std::string Part(zip_t* zip, const char* name) {
    zip_file_t* f = zip_fopen(zip, name, 0);
    if (!f) return {};
    std::string out;
    char buf[65536];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;)
        out.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
    return out;
}

void WriteSeeds(const fs::path& csv, const fs::path& outDir) {
    auto reader = tableio::TableReader::Open(csv.string());
    const std::vector<std::string> header = reader->Header();
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    while (reader->Next(row)) rows.push_back(row);
    tableio::WriteOptions options;
    for (std::size_t c = 0; c < header.size(); ++c) {
        bool number = true, date = true;
        for (const auto& r : rows) {
            number = number && IsNumber(Trim(r[c]));
            date = date && IsDate(Trim(r[c]));
        }
        options.types.push_back(number ? tableio::ColumnType::Decimal
                                : date ? tableio::ColumnType::Date
                                       : tableio::ColumnType::Text);
    }
    const fs::path xlsx = outDir / (csv.stem().string() + ".xlsx");
    auto writer = tableio::TableWriter::Create(xlsx.string(), header, options);
    for (const auto& r : rows) writer->Add(r);
    writer->Close();

    int err = 0;
    zip_t* zip = zip_open(xlsx.c_str(), ZIP_RDONLY, &err);
    if (!zip) throw std::runtime_error("cannot reopen " + xlsx.string());
    const std::string parts =
        test::PartsInput(Part(zip, "xl/worksheets/sheet1.xml"), Part(zip, "xl/sharedStrings.xml"),
                         Part(zip, "xl/styles.xml"), Part(zip, "xl/workbook.xml"),
                         Part(zip, "xl/_rels/workbook.xml.rels"));
    zip_discard(zip);
    test::WriteFile((outDir / (csv.stem().string() + ".parts")).string(), parts);
}

const char* const kSharedStrings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
<si><t>code</t></si><si><t>name</t></si><si><r><rPr><b/></rPr><t>Xã </t></r><r><t xml:space="preserve">Tây Xuân</t></r></si>
<si><t>kind</t></si><si><t>Đặng Thị Ánh_x000D_</t></si><si><t>commune</t></si>
</sst>)";

const char* const kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\ hh:mm"/><numFmt numFmtId="165" formatCode="#,##0\ &quot;đ&quot;;[Red]\-#,##0"/></numFmts>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="20"/><xf numFmtId="165"/></cellXfs>
</styleSheet>)";

const char* const kSheet =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<dimension ref="A1:F9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="inlineStr"><is><t>due</t></is></c><c r="E1" t="inlineStr"><is><t>percent</t></is></c><c r="F1" s="1"/></row>
<row r="2"><c r="A2"><v>42</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>5</v></c><c r="D2" s="1"><v>45366</v></c><c r="E2" s="3"><v>0.83330000000000004</v></c><c r="F2" t="b"><v>1</v></c></row>
<row r="3" spans="1:6"><c r="B3" s="1"/></row>
<row r="5"><c r="A5"><v>83.329999999999998</v></c><c r="B5" t="s"><v>4</v></c><c r="C5" s="2"><v>45366.354166666664</v></c><c r="E5" t="str"><f>A5&amp;""</f><v>x &lt; y</v></c></row>
<row r="6"><c><v>-1.5</v></c><c><v>7</v></c><c r="D6" s="4"><v>0.5</v></c><c r="E6" t="e"><v>#N/A</v></c></row>
<row><c r="A7" s="5"><v>1234567</v></c><c r="C7" t="inlineStr"><is><r><t>a</t></r><r><t> b</t></r></is></c></row>
<row r="8"/><row r="9" spans="1:6"><c r="A9" s="1"/></row>
</sheetData>
<autoFilter ref="A1:F7"/>
</worksheet>)";

const char* const kPrefixedSheet =
    R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>unit</x:t></x:is></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>task</x:t></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>u1</x:t></x:is></x:c><x:c r="B3" t="d"><x:v>2026-03-05</x:v></x:c></x:row>
</x:sheetData></x:worksheet>)";

const char* const kWorkbook1904 =
    R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds OUTDIR\n");
        return 2;
    }
    try {
        const fs::path out = argv[1];
        fs::create_directories(out);
        std::vector<fs::path> csvs;
        for (const auto& e : fs::directory_iterator(CCHC_TEST_DATA_DIR))
            if (e.path().extension() == ".csv") csvs.push_back(e.path());
        for (const auto& csv : csvs) {
            try {
                WriteSeeds(csv, out);
            } catch (const cchc::UserError& e) {
                std::fprintf(stderr, "%s: skipped (%s)\n", csv.filename().c_str(), e.what());
            }
        }
        test::WriteFile((out / "handmade.parts").string(),
                        test::PartsInput(kSheet, kSharedStrings, kStyles));
        test::WriteFile((out / "handmade.xlsx").string(),
                        test::XlsxFromParts(test::PartsInput(kSheet, kSharedStrings, kStyles)));
        test::WriteFile((out / "prefixed.parts").string(),
                        test::PartsInput(kPrefixedSheet, {}, {}));
        test::WriteFile((out / "date1904.parts").string(),
                        test::PartsInput(kSheet, kSharedStrings, kStyles, kWorkbook1904));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz_seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
