#include "document_files.h"

#include <zip.h>
#include <pugixml.hpp>

#include <regex>
#include <sstream>
#include <stdexcept>

#include "test_support.h"

namespace cchc::test {

bool HaveTool(const std::string& name) { return RunCommand("command -v " + name).exitCode == 0; }

void RequireTool(const std::string& name) {
    if (!HaveTool(name))
        throw std::runtime_error(name +
                                 " is not installed: the report tests read PDF files back "
                                 "with poppler-utils (scripts/packages.txt)");
}

std::string PdfText(const std::string& pdf, int first, int last, bool layout) {
    RequireTool("pdftotext");
    std::string cmd = "(pdftotext -enc UTF-8";
    if (layout) cmd += " -layout";
    if (first > 0) cmd += " -f " + std::to_string(first) + " -l " + std::to_string(last);
    cmd += " '" + pdf + "' - 2>/dev/null)";
    return RunCommand(cmd).output;
}

int PdfPages(const std::string& pdf) {
    RequireTool("pdfinfo");
    std::string info = RunCommand("(pdfinfo '" + pdf + "' 2>/dev/null)").output;
    std::smatch m;
    if (std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)"))) return std::stoi(m[1]);
    return 0;
}

std::string FirstLine(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        auto b = line.find_first_not_of(" \t\f");
        if (b != std::string::npos) return line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
    }
    return "";
}

std::string ZipEntry(const std::string& archive, const std::string& name) {
    int err = 0;
    zip_t* z = zip_open(archive.c_str(), ZIP_RDONLY, &err);
    if (!z) return "";
    std::string out;
    zip_stat_t st;
    if (zip_stat(z, name.c_str(), 0, &st) == 0) {
        zip_file_t* f = zip_fopen(z, name.c_str(), 0);
        if (f) {
            out.resize(st.size);
            zip_int64_t n = zip_fread(f, out.data(), st.size);
            out.resize(n < 0 ? 0 : static_cast<size_t>(n));
            zip_fclose(f);
        }
    }
    zip_close(z);
    return out;
}

SheetCells::SheetCells(const std::string& xlsx, int sheet) {
    pugi::xml_document shared, doc;
    if (shared.load_string(ZipEntry(xlsx, "xl/sharedStrings.xml").c_str()))
        for (auto si : shared.select_nodes("//si"))
            strings_.push_back(si.node().child("t").text().get());
    const std::string name = "xl/worksheets/sheet" + std::to_string(sheet) + ".xml";
    loaded_ = static_cast<bool>(doc.load_string(ZipEntry(xlsx, name).c_str()));
    for (auto c : doc.select_nodes("//c")) {
        Cell cell;
        cell.type = c.node().attribute("t").value();
        cell.value = c.node().child("v").text().get();
        cell.style = c.node().attribute("s").as_int(-1);
        cells_[c.node().attribute("r").value()] = cell;
    }
}

std::string SheetCells::Text(const std::string& ref) const {
    auto it = cells_.find(ref);
    if (it == cells_.end() || it->second.type != "s") return "";
    const auto i = static_cast<std::size_t>(std::stoi(it->second.value));
    return i < strings_.size() ? strings_[i] : "";
}

double SheetCells::Number(const std::string& ref) const {
    auto it = cells_.find(ref);
    return it == cells_.end() || it->second.value.empty() ? 0.0 : std::stod(it->second.value);
}

int SheetCells::Style(const std::string& ref) const {
    auto it = cells_.find(ref);
    return it == cells_.end() ? -1 : it->second.style;
}

}  // namespace cchc::test
