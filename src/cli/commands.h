// The subcommands of `cchc`. Each takes the parsed arguments and returns the
// process exit code; user errors are thrown as cchc::UserError and misuse as
// UsageError, which main() turns into exit codes 1 and 2.
#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "services/app/database_access.h"

namespace cchc::cli {

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Args {
    std::string command;
    std::vector<std::string> positional;         // after the command
    std::map<std::string, std::string> options;  // --name value (flags map to "")
    bool Has(const std::string& name) const { return options.count(name) > 0; }
    std::string Get(const std::string& name, const std::string& fallback = "") const {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
    long GetLong(const std::string& name, long fallback) const;
};

int RunInit(const Args& args);
int RunDemo(const Args& args);
int RunCheck(const Args& args);
int RunBackup(const Args& args);
int RunRestore(const Args& args);
int RunImport(const Args& args);
int RunExport(const Args& args);
int RunRank(const Args& args);
int RunGaps(const Args& args);
int RunTasks(const Args& args);
int RunPlan(const Args& args);
int RunSurvey(const Args& args);
int RunReport(const Args& args);
int RunUser(const Args& args);
int RunAudit(const Args& args);
int RunExchange(const Args& args);

// Who is acting on the open database: --as or --user (or the operating
// system's login); once the database has accounts, --user is required and its
// password (from $CCHC_PASSWORD or a prompt) is checked on SQLite (on
// PostgreSQL the server checked it at connect). Checked once per run.
std::string Actor(const Args& args, services::Database& db);

}  // namespace cchc::cli
