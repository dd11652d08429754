#include "test_support.h"

#include <sys/wait.h>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cchc::test {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cchc-t.XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

bool TestingPostgres() {
    const char* backend = std::getenv("CCHC_TEST_BACKEND");
    return backend && std::string(backend) == "postgresql";
}

std::string TestDatabaseUrl(const TempDir& dir) {
    if (TestingPostgres()) {
        const char* pg = std::getenv("CCHC_TEST_PG");
        if (!pg || !*pg) throw std::runtime_error("CCHC_TEST_PG is not set");
        return pg;
    }
    return "sqlite:" + dir.File("test.db");
}

PostgresAvailability::PostgresAvailability() {
    if (!TestingPostgres()) return;
    const char* pg = std::getenv("CCHC_TEST_PG");
    if (pg && *pg) return;
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") {
        std::fprintf(stderr, "CCHC_TEST_PG must name a PostgreSQL server in CI\n");
        std::exit(1);
    }
    std::fprintf(stderr, "no PostgreSQL server (CCHC_TEST_PG unset): skipped\n");
    std::exit(kSkipExitCode);
}

std::string DataFile(const std::string& name) {
    return std::string(CCHC_TEST_DATA_DIR) + "/" + name;
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void WriteFile(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

CommandResult RunCommand(const std::string& commandLine) {
    CommandResult r;
    std::string cmd = commandLine + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
    int status = pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

namespace {

std::uint32_t Crc32(const std::string& data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void Put16(std::string& out, unsigned v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
}
void Put32(std::string& out, std::uint32_t v) {
    Put16(out, v & 0xFFFF);
    Put16(out, v >> 16);
}

}  // namespace

std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out, central;
    for (const auto& entry : entries) {
        // Plain references: clang 14 (the fuzz build) captures no structured binding.
        const std::string& name = entry.first;
        const std::string& data = entry.second;
        const auto offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = Crc32(data);
        auto common = [&](std::string& s) {
            Put16(s, 20);    // version needed
            Put16(s, 0);     // flags
            Put16(s, 0);     // stored
            Put16(s, 0);     // time
            Put16(s, 0x21);  // date 1980-01-01
            Put32(s, crc);
            Put32(s, static_cast<std::uint32_t>(data.size()));
            Put32(s, static_cast<std::uint32_t>(data.size()));
            Put16(s, static_cast<unsigned>(name.size()));
            Put16(s, 0);  // extra
        };
        Put32(out, 0x04034b50);
        common(out);
        out += name;
        out += data;
        Put32(central, 0x02014b50);
        Put16(central, 20);  // made by
        common(central);
        Put16(central, 0);  // comment
        Put16(central, 0);  // disk
        Put16(central, 0);  // internal attributes
        Put32(central, 0);  // external attributes
        Put32(central, offset);
        central += name;
    }
    const auto cdOffset = static_cast<std::uint32_t>(out.size());
    out += central;
    Put32(out, 0x06054b50);
    Put16(out, 0);
    Put16(out, 0);
    Put16(out, static_cast<unsigned>(entries.size()));
    Put16(out, static_cast<unsigned>(entries.size()));
    Put32(out, static_cast<std::uint32_t>(central.size()));
    Put32(out, cdOffset);
    Put16(out, 0);
    return out;
}

namespace {

const char* const kDefaultWorkbook =
    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
const char* const kDefaultRels =
    "<Relationships>"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

}  // namespace

std::string XlsxFromParts(const std::string& input) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nul = input.find('\0', start);
        parts.push_back(input.substr(start, nul == std::string::npos ? nul : nul - start));
        if (nul == std::string::npos || parts.size() == 5) break;
        start = nul + 1;
    }
    parts.resize(5);
    std::vector<std::pair<std::string, std::string>> entries = {
        {"[Content_Types].xml", "<Types/>"},
        {"xl/workbook.xml", parts[3].empty() ? kDefaultWorkbook : parts[3]},
        {"xl/_rels/workbook.xml.rels", parts[4].empty() ? kDefaultRels : parts[4]},
        {"xl/worksheets/sheet1.xml", parts[0]}};
    if (!parts[1].empty()) entries.emplace_back("xl/sharedStrings.xml", parts[1]);
    if (!parts[2].empty()) entries.emplace_back("xl/styles.xml", parts[2]);
    return MakeZip(entries);
}

std::string PartsInput(const std::string& sheet, const std::string& sharedStrings,
                       const std::string& styles, const std::string& workbook,
                       const std::string& rels) {
    std::string out = sheet;
    for (const std::string* p : {&sharedStrings, &styles, &workbook, &rels}) {
        out += '\0';
        out += *p;
    }
    while (!out.empty() && out.back() == '\0') out.pop_back();
    return out;
}

}  // namespace cchc::test
