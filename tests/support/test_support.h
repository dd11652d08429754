// Helpers shared by the test suites: temporary directories, the database
// URLs a suite runs against, and running the cchc command.
#pragma once
#include <string>

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

// The URL given by $CCHC_TEST_DB, or a new SQLite file inside dir.
std::string TestDatabaseUrl(const TempDir& dir);
bool TestingPostgres();

// Reads and writes whole files.
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

// Runs a shell command line, capturing stdout and stderr together.
struct CommandResult {
    int exitCode = -1;
    std::string output;
};
CommandResult RunCommand(const std::string& commandLine);

}  // namespace cchc::test
