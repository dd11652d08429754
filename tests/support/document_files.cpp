#include "document_files.h"

#include <zip.h>

#include <regex>
#include <sstream>

#include "test_support.h"

namespace cchc::test {

bool HaveTool(const std::string& name) { return RunCommand("command -v " + name).exitCode == 0; }

std::string PdfText(const std::string& pdf, int first, int last, bool layout) {
    std::string cmd = "(pdftotext -enc UTF-8";
    if (layout) cmd += " -layout";
    if (first > 0) cmd += " -f " + std::to_string(first) + " -l " + std::to_string(last);
    cmd += " '" + pdf + "' - 2>/dev/null)";
    return RunCommand(cmd).output;
}

int PdfPages(const std::string& pdf) {
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

}  // namespace cchc::test
