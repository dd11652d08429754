// Opening databases and reading their URLs (see database_access.h).
#include "services/app/database_access.h"

#include <filesystem>
#include <system_error>

namespace cchc::services {

DatabaseUrl ParseDatabaseUrl(const std::string& url) { return DatabaseUrl::Parse(url); }

DatabaseUrl DefaultDatabaseUrl() { return DatabaseUrl::Default(); }

DatabaseUrl ResolveDatabaseUrl(const std::string& fromCommandLine) {
    return DatabaseUrl::Resolve(fromCommandLine);
}

std::unique_ptr<Database> OpenDatabase(const DatabaseUrl& url, const OpenOptions& options) {
    return Database::Open(url, options);
}

std::unique_ptr<Database> OpenConnection(const DatabaseUrl& url) {
    OpenOptions options;
    options.create = false;
    options.migrate = false;
    return Database::Open(url, options);
}

DatabaseUrl WithLogin(const DatabaseUrl& url, const std::string& login,
                      const std::string& password) {
    return url.WithLogin(login, password);
}

std::string DatabaseKey(const DatabaseUrl& url) {
    if (url.backend == DatabaseBackend::Sqlite) {
        std::error_code ec;
        std::filesystem::path path =
            std::filesystem::absolute(std::filesystem::u8path(url.path), ec);
        if (ec) path = std::filesystem::u8path(url.path);
        const auto canonical = std::filesystem::weakly_canonical(path, ec);
        return "sqlite:" + (ec ? path : canonical).lexically_normal().u8string();
    }
    return "postgresql://" + url.host + (url.port.empty() ? "" : ":" + url.port) + "/" +
           url.database;
}

int LatestSchemaVersion() { return Database::LatestSchemaVersion(); }

}  // namespace cchc::services
