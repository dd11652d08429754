#include "storage/user_repository.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <stdexcept>

#include "storage/row_helpers.h"
#include "storage/unit_repository.h"

namespace cchc::storage {
using namespace detail;

namespace {
#define USER_COLUMNS \
    "id, login, full_name, password_hash, role, unit_id, active, last_login_at, version"
// On the server the hash is empty (the server keeps the password) and its
// column is readable by administrators only: it is not read.
#define SERVER_USER_COLUMNS \
    "id, login, full_name, '' AS password_hash, role, unit_id, active, last_login_at, version"

std::string Columns(soci::session& s) { return IsPostgres(s) ? SERVER_USER_COLUMNS : USER_COLUMNS; }

// The SCRAM-SHA-256 verifier of a password, as the server stores it,
// computed by libpq on this side of the connection.
std::string Verifier(soci::session& s, const std::string& login, const std::string& password) {
    if (!IsPostgres(s)) throw std::logic_error("not a PostgreSQL connection");
    auto* backend = static_cast<soci::postgresql_session_backend*>(s.get_backend());
    if (!backend->conn_) throw std::logic_error("not a PostgreSQL connection");
    char* v =
        PQencryptPasswordConn(backend->conn_, password.c_str(), login.c_str(), "scram-sha-256");
    if (!v) throw std::runtime_error(PQerrorMessage(backend->conn_));
    std::string out(v);
    PQfreemem(v);
    return out;
}

UserRow UserFromRow(const soci::row& r) {
    UserRow u;
    u.id = Int(r, "id");
    u.login = Text(r, "login");
    u.fullName = Text(r, "full_name");
    u.passwordHash = Text(r, "password_hash");
    u.role = Text(r, "role");
    if (auto unit = OptInt(r, "unit_id")) u.unitId = *unit;
    u.active = Int(r, "active", 1) != 0;
    u.lastLoginAt = Text(r, "last_login_at");
    u.version = static_cast<int>(Int(r, "version", 1));
    return u;
}
}  // namespace

std::optional<std::string> UserRepository::RoleOf(const std::string& login) {
    std::string role;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT role FROM users WHERE login = :l AND active = 1", soci::use(login),
        soci::into(role, ind);
    if (!s_.got_data() || ind != soci::i_ok) return std::nullopt;
    return role;
}

std::optional<UserRow> UserRepository::ByLogin(const std::string& login) {
    soci::row r;
    s_ << "SELECT " + Columns(s_) + " FROM users WHERE login = :l", soci::use(login), soci::into(r);
    if (!s_.got_data()) return std::nullopt;
    return UserFromRow(r);
}

std::vector<UserRow> UserRepository::All() {
    std::vector<UserRow> out;
    soci::rowset<soci::row> rows =
        (s_.prepare << "SELECT " + Columns(s_) + " FROM users ORDER BY login");
    for (const auto& r : rows) out.push_back(UserFromRow(r));
    return out;
}

long UserRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM users", soci::into(n);
    return static_cast<long>(n);
}

std::int64_t UserRepository::Insert(const std::string& login, const std::string& fullName,
                                    const std::string& role, std::optional<std::int64_t> unitId,
                                    const std::string& passwordHash) {
    long long id = 0;
    Nullable<long long> unit(unitId ? std::optional<long long>(*unitId) : std::nullopt);
    const std::string now = NowIso();
    s_ << "INSERT INTO users (login, full_name, password_hash, role, unit_id, created_at, "
          "updated_at) VALUES (:l, :n, :h, :r, :u, :now, :now2) RETURNING id",
        soci::use(login), soci::use(fullName), soci::use(passwordHash), soci::use(role),
        soci::use(unit.value, unit.ind), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

void UserRepository::SetPasswordHash(const std::string& login, const std::string& hash) {
    const std::string now = NowIso();
    s_ << "UPDATE users SET password_hash = :h, updated_at = :now, version = version + 1 WHERE "
          "login = :l",
        soci::use(hash), soci::use(now), soci::use(login);
}

void UserRepository::SetActive(const std::string& login, bool active) {
    const int a = active ? 1 : 0;
    const std::string now = NowIso();
    s_ << "UPDATE users SET active = :a, updated_at = :now, version = version + 1 WHERE login = :l",
        soci::use(a), soci::use(now), soci::use(login);
}

void UserRepository::Update(const std::string& login, int version, const std::string& fullName,
                            const std::string& role, std::optional<std::int64_t> unitId) {
    const std::string now = NowIso();
    long long unit = unitId.value_or(0);
    soci::indicator unitInd = unitId ? soci::i_ok : soci::i_null;
    soci::statement st =
        (s_.prepare << "UPDATE users SET full_name = :n, role = :r, unit_id = :u, updated_at = "
                       ":now, version = version + 1 WHERE login = :l AND version = :v",
         soci::use(fullName), soci::use(role), soci::use(unit, unitInd), soci::use(now),
         soci::use(login), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
}

void UserRepository::TouchLastLogin(const std::string& login) {
    const std::string now = NowIso();
    s_ << "UPDATE users SET last_login_at = :now WHERE login = :l", soci::use(now),
        soci::use(login);
}

bool UserRepository::ServerLoginExists(const std::string& login) {
    int n = 0;
    s_ << "SELECT COUNT(*) FROM pg_roles WHERE rolname = :l", soci::use(login), soci::into(n);
    return n > 0;
}

void UserRepository::CreateServerLogin(const std::string& login, const std::string& role,
                                       const std::string& password) {
    const std::string verifier = Verifier(s_, login, password);
    int done = 0;
    s_ << "SELECT 1 FROM (SELECT cchc_create_login(:l, :r, :v)) AS x", soci::use(login),
        soci::use(role), soci::use(verifier), soci::into(done);
}

void UserRepository::SetServerPassword(const std::string& login, const std::string& password) {
    const std::string verifier = Verifier(s_, login, password);
    int done = 0;
    s_ << "SELECT 1 FROM (SELECT cchc_set_login_password(:l, :v)) AS x", soci::use(login),
        soci::use(verifier), soci::into(done);
}

void UserRepository::SetServerLoginEnabled(const std::string& login, bool enabled) {
    const int on = enabled ? 1 : 0;
    int done = 0;
    s_ << "SELECT 1 FROM (SELECT cchc_set_login_enabled(:l, :e = 1)) AS x", soci::use(login),
        soci::use(on), soci::into(done);
}

void UserRepository::SetServerLoginRole(const std::string& login, const std::string& role) {
    int done = 0;
    s_ << "SELECT 1 FROM (SELECT cchc_set_login_role(:l, :r)) AS x", soci::use(login),
        soci::use(role), soci::into(done);
}

std::string UserRepository::ConnectedLogin() {
    if (!IsPostgres(s_)) return {};
    std::string login;
    s_ << "SELECT CAST(current_user AS TEXT)", soci::into(login);
    return login;
}

}  // namespace cchc::storage
