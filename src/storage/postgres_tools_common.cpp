// What running the PostgreSQL client programs does alike on Linux and on
// Windows (see postgres_tools.h).
#include <cstdlib>

#include "storage/postgres_tools.h"

namespace cchc::storage::detail {

std::vector<std::string> ToolEnvironment(const DatabaseUrl& url) {
    std::vector<std::string> env;
    for (auto& entry : ProcessEnvironment()) {
        if (!url.password.empty() && entry.rfind("PGPASSWORD=", 0) == 0) continue;
        env.push_back(std::move(entry));
    }
    if (!url.password.empty()) env.push_back("PGPASSWORD=" + url.password);
    if (!std::getenv("PGCONNECT_TIMEOUT")) env.push_back("PGCONNECT_TIMEOUT=15");
    return env;
}

}  // namespace cchc::storage::detail
