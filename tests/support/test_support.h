// Helpers shared by the test suites: temporary directories, the database
// URLs a suite runs against, and running the cchc command.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace cchc::test {

// A fresh directory under /tmp removed when the object goes.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    const std::string& path() const { return path_; }
    std::string File(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

// Storage suites run once per backend: CCHC_TEST_BACKEND=postgresql makes
// them use the server named by $CCHC_TEST_PG; otherwise a new SQLite file
// inside dir.
std::string TestDatabaseUrl(const TempDir& dir);
bool TestingPostgres();

// Exit code CTest reads as "skipped".
constexpr int kSkipExitCode = 77;
// A Boost.Test global fixture: on the PostgreSQL run without a server, skips
// the whole suite (fails it when CI=true).
struct PostgresAvailability {
    PostgresAvailability();
};

// A file of tests/data.
std::string DataFile(const std::string& name);

// Reads and writes whole files.
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

// A ZIP archive of the given (name, content) entries, stored uncompressed:
// enough to build XLSX workbooks by hand, damaged ones included.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries);

// An .xlsx package (for the fuzz target fuzz_xlsx and the tests of what it
// found) from its XML parts separated by NUL bytes, in the order
// sheet, shared strings, styles, workbook, workbook relationships. The
// shared strings and styles are left out when the input has fewer parts;
// a missing workbook or relationships part is a plain one naming
// xl/worksheets/sheet1.xml.
std::string XlsxFromParts(const std::string& input);

// The inverse, for the seeds: the parts of a package as one input.
std::string PartsInput(const std::string& sheet, const std::string& sharedStrings,
                       const std::string& styles, const std::string& workbook = {},
                       const std::string& rels = {});

// Runs a shell command line, capturing stdout and stderr together.
struct CommandResult {
    int exitCode = -1;
    std::string output;
};
CommandResult RunCommand(const std::string& commandLine);

}  // namespace cchc::test
