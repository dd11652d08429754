#include "storage/database_url.h"

#include <cctype>
#include <cstdlib>
#include <vector>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/platform.h"

namespace cchc::storage {
namespace {

// Percent-decoding for the user, password and database parts of a URL.
std::string Decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Quotes a value for a libpq keyword=value connection string.
std::string Quote(const std::string& v) {
    std::string out = "'";
    for (char c : v) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

// Percent-encoding of a user name, password or database name for a URL.
std::string Encode(const std::string& s) {
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

// The libpq connection strings of a PostgreSQL URL from its parts.
void Compose(DatabaseUrl& u) {
    std::vector<std::string> parts;
    if (!u.host.empty()) parts.push_back("host=" + Quote(u.host));
    if (!u.port.empty()) parts.push_back("port=" + u.port);
    if (!u.database.empty()) parts.push_back("dbname=" + Quote(u.database));
    if (!u.user.empty()) parts.push_back("user=" + Quote(u.user));
    for (const auto& [key, value] : u.params) parts.push_back(key + "=" + Quote(value));
    u.connectStringWithoutPassword.clear();
    for (std::size_t i = 0; i < parts.size(); ++i)
        u.connectStringWithoutPassword += (i ? " " : "") + parts[i];
    u.connectString = u.connectStringWithoutPassword;
    if (!u.password.empty())
        u.connectString += (u.connectString.empty() ? "" : " ") + ("password=" + Quote(u.password));
}

DatabaseUrl ParsePostgres(const std::string& url) {
    // postgresql://[user[:password]@][host][:port][/dbname][?key=value&...]
    auto bad = [&] {
        return UserError(Location{"--db", 0, ""},
                         std::string(tr("not a valid PostgreSQL address: ")) + url);
    };
    std::string rest = url.substr(url.find("://") + 3);
    std::string query;
    if (auto q = rest.find('?'); q != std::string::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string db;
    if (auto slash = rest.find('/'); slash != std::string::npos) {
        db = rest.substr(slash + 1);
        rest = rest.substr(0, slash);
    }
    std::string user, password;
    if (auto at = rest.rfind('@'); at != std::string::npos) {
        std::string cred = rest.substr(0, at);
        rest = rest.substr(at + 1);
        if (auto colon = cred.find(':'); colon != std::string::npos) {
            user = Decode(cred.substr(0, colon));
            password = Decode(cred.substr(colon + 1));
        } else {
            user = Decode(cred);
        }
    }
    std::string host = rest, port;
    if (!host.empty() && host.front() == '[') {
        auto close = host.find(']');
        if (close == std::string::npos) throw bad();
        port = close + 1 < host.size() && host[close + 1] == ':' ? host.substr(close + 2) : "";
        host = host.substr(1, close - 1);
    } else if (auto colon = host.rfind(':'); colon != std::string::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    for (char c : port)
        if (c < '0' || c > '9') throw bad();
    DatabaseUrl u;
    u.backend = Backend::Postgresql;
    u.original = url;
    std::size_t start = 0;
    while (start < query.size()) {
        auto amp = query.find('&', start);
        std::string kv =
            query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        auto eq = kv.find('=');
        if (eq == std::string::npos) throw bad();
        const std::string key = kv.substr(0, eq), value = Decode(kv.substr(eq + 1));
        if (key == "password")
            password = value;
        else
            u.params.emplace_back(key, value);
        if (amp == std::string::npos) break;
        start = amp + 1;
    }
    u.host = host;
    u.port = port;
    u.database = Decode(db);
    u.user = user;
    u.password = password;
    Compose(u);
    return u;
}

}  // namespace

std::string DefaultDataDirectory() { return UserDataHome() + "/cchc-desk"; }

DatabaseUrl DatabaseUrl::Parse(const std::string& url) {
    if (url.rfind("sqlite:", 0) == 0) {
        DatabaseUrl u;
        u.backend = Backend::Sqlite;
        u.original = url;
        u.path = url.substr(7);
        if (u.path.rfind("//", 0) == 0) u.path = u.path.substr(2);  // sqlite:///abs/path
        if (u.path.empty())
            throw UserError(Location{"--db", 0, ""}, tr("the SQLite address names no file"));
        return u;
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
        return ParsePostgres(url);
    throw UserError(Location{"--db", 0, ""},
                    std::string(tr("unknown database address (use sqlite:FILE or "
                                   "postgresql://user@host/db): ")) +
                        url);
}

DatabaseUrl DatabaseUrl::Default() {
    return Parse("sqlite:" + DefaultDataDirectory() + "/cchc.db");
}

DatabaseUrl DatabaseUrl::Resolve(const std::string& fromCommandLine) {
    if (!fromCommandLine.empty()) return Parse(fromCommandLine);
    if (const char* env = std::getenv("CCHC_DB"); env && *env) return Parse(env);
    return Default();
}

DatabaseUrl DatabaseUrl::WithLogin(const std::string& login, const std::string& pw) const {
    if (backend != Backend::Postgresql) return *this;
    DatabaseUrl u = *this;
    u.user = login;
    u.password = pw;
    Compose(u);
    std::string host = u.host.find(':') != std::string::npos ? "[" + u.host + "]" : u.host;
    u.original = "postgresql://" + Encode(login) + "@" + host +
                 (u.port.empty() ? "" : ":" + u.port) + "/" + Encode(u.database);
    for (std::size_t i = 0; i < u.params.size(); ++i)
        u.original += (i ? "&" : "?") + u.params[i].first + "=" + Encode(u.params[i].second);
    return u;
}

std::string DatabaseUrl::Display() const {
    if (backend == Backend::Sqlite) return "sqlite:" + path;
    // Hide "user:password@" passwords.
    std::string s = original;
    auto scheme = s.find("://");
    auto at = s.rfind('@');
    if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
        auto colon = s.find(':', scheme + 3);
        if (colon != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, "***");
    }
    // And a password given as ?password=... or &password=...
    if (auto q = s.find('?'); q != std::string::npos) {
        for (auto at = s.find("password=", q); at != std::string::npos;
             at = s.find("password=", at + 1)) {
            if (s[at - 1] != '?' && s[at - 1] != '&') continue;
            const auto from = at + 9;
            const auto end = s.find('&', from);
            s.replace(from, (end == std::string::npos ? s.size() : end) - from, "***");
        }
    }
    return s;
}

}  // namespace cchc::storage
