// Reading the documents the program writes, for the report tests: the text
// of PDF pages (poppler's pdftotext), their count, and files inside the zip
// packages DOCX and XLSX are.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace cchc::test {

// Whether a command-line tool is on the PATH.
bool HaveTool(const std::string& name);
// Throws, failing the test, when a tool of poppler-utils (pdftotext,
// pdfinfo, pdffonts; a package of scripts/packages.txt) is missing: the
// checks that read a PDF back never pass without reading it.
void RequireTool(const std::string& name);
// Text of pages first..last (1-based; all when first is 0) of a PDF;
// `layout` keeps table rows on one line. Throws when pdftotext is missing.
std::string PdfText(const std::string& pdf, int first = 0, int last = 0, bool layout = false);
// Number of pages (0 when the file is not a PDF). Throws when pdfinfo is
// missing.
int PdfPages(const std::string& pdf);
// The first line of text that is not blank, trimmed.
std::string FirstLine(const std::string& text);
// The whole of a file inside a zip archive; "" when absent.
std::string ZipEntry(const std::string& archive, const std::string& name);

// The cells of one worksheet of an XLSX file, by reference ("B2").
class SheetCells {
  public:
    // Worksheet n (1-based) of the file; empty when it cannot be read.
    SheetCells(const std::string& xlsx, int sheet = 1);
    bool Loaded() const { return loaded_; }
    // A shared string cell's text ("" for a number or an empty cell).
    std::string Text(const std::string& ref) const;
    double Number(const std::string& ref) const;
    // The cell's style index (its number format), -1 when absent.
    int Style(const std::string& ref) const;

  private:
    struct Cell {
        std::string type, value;
        int style = -1;
    };
    bool loaded_ = false;
    std::vector<std::string> strings_;
    std::map<std::string, Cell> cells_;
};

}  // namespace cchc::test
