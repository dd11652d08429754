// Opening databases and reading their URLs (see database_access.h).
#include "services/app/database_access.h"

#include <cctype>

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

namespace {

// Percent-encoding of a user name or password in a URL.
std::string EncodeUrlPart(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

DatabaseUrl WithLogin(const DatabaseUrl& url, const std::string& login,
                      const std::string& password) {
    if (url.backend != DatabaseBackend::Postgresql) return url;
    // postgresql://[user[:password]@]host[:port][/db][?key=value&...]: the
    // credentials replaced, user and password left out of the options.
    const std::string& original = url.original;
    const auto schemeEnd = original.find("://") + 3;
    std::string rest = original.substr(schemeEnd);
    const auto authorityEnd = rest.find_first_of("/?");
    std::string authority = rest.substr(0, authorityEnd);
    std::string tail = authorityEnd == std::string::npos ? "" : rest.substr(authorityEnd);
    if (auto at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
    std::string path = tail, query;
    if (auto q = tail.find('?'); q != std::string::npos) {
        path = tail.substr(0, q);
        query = tail.substr(q + 1);
    }
    std::string kept;
    for (std::size_t start = 0; start <= query.size() && !query.empty();) {
        const auto amp = query.find('&', start);
        const std::string kv =
            query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        const std::string key = kv.substr(0, kv.find('='));
        if (!kv.empty() && key != "user" && key != "password")
            kept += (kept.empty() ? "?" : "&") + kv;
        if (amp == std::string::npos) break;
        start = amp + 1;
    }
    std::string credentials = EncodeUrlPart(login);
    if (!password.empty()) credentials += ":" + EncodeUrlPart(password);
    return ParseDatabaseUrl(original.substr(0, schemeEnd) + credentials + "@" + authority + path +
                            kept);
}

int LatestSchemaVersion() { return Database::LatestSchemaVersion(); }

}  // namespace cchc::services
