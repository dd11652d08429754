#include "test_support.h"

#include <sys/wait.h>
#include <array>
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

}  // namespace cchc::test
