// Measures reading a workbook whose sheet holds a few rows of data and then
// N rows with nothing in them (default 1,000,000): self-closing rows
// "<row r="9"/>", and rows of empty formatted cells (a format applied down
// a column). The sheet is deflated as Excel does. Run by hand:
//   build/bench/bench_xlsx_rows [N]
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "services/io/table_io.h"

namespace {

double Ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

// A workbook of one sheet with the given rows, deflated.
void WriteWorkbook(const std::string& path, const std::string& rows) {
    static const std::string workbook =
        "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" "
        "r:id=\"rId1\"/></sheets></workbook>";
    const std::string sheet = "<worksheet><sheetData>" + rows + "</sheetData></worksheet>";
    int err = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!zip) std::exit(1);
    for (const auto* part : {&workbook, &sheet}) {
        zip_source_t* src = zip_source_buffer(zip, part->data(), part->size(), 0);
        const char* name = part == &workbook ? "xl/workbook.xml" : "xl/worksheets/sheet1.xml";
        if (!src || zip_file_add(zip, name, src, ZIP_FL_OVERWRITE) < 0) std::exit(1);
    }
    if (zip_close(zip) != 0) std::exit(1);
}

std::string Cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

}  // namespace

int main(int argc, char** argv) {
    const long n = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    if (n < 0 || n > 1'048'000) {
        std::fprintf(stderr, "usage: bench_xlsx_rows [N up to 1048000]\n");
        return 2;
    }
    const std::string data = "<row r=\"1\">" + Cell("A1", "unit") + Cell("B1", "task") +
                             "</row><row r=\"2\">" + Cell("A2", "u1") + Cell("B2", "first") +
                             "</row>";
    const std::string dir = std::filesystem::temp_directory_path() / "bench_xlsx_rows";
    std::filesystem::create_directories(dir);
    struct Kind {
        const char* name;
        std::string (*row)(const std::string& r);
    };
    const Kind kinds[] = {
        {"self-closing rows",
         [](const std::string& r) { return "<row r=\"" + r + "\" spans=\"1:2\"/>"; }},
        {"rows of empty formatted cells",
         [](const std::string& r) {
             return "<row r=\"" + r + "\"><c r=\"A" + r + "\" s=\"1\"/><c r=\"B" + r +
                    "\" s=\"1\"/></row>";
         }},
    };
    for (const auto& kind : kinds) {
        std::string rows = data;
        for (long r = 3; r < n + 3; ++r) rows += kind.row(std::to_string(r));
        const std::string path = dir + "/rows.xlsx";
        WriteWorkbook(path, rows);
        const auto t0 = std::chrono::steady_clock::now();
        auto reader = cchc::tableio::TableReader::Open(path);
        std::vector<std::string> row;
        long records = 0;
        while (reader->Next(row)) ++records;
        std::printf(
            "%s: %ld empty rows, %.1f MB of XML (%.1f MB deflated): %ld record(s) in "
            "%.0f ms\n",
            kind.name, n, reader->TotalBytes() / 1e6, std::filesystem::file_size(path) / 1e6,
            records, Ms(t0));
    }
    std::filesystem::remove_all(dir);
    return 0;
}
