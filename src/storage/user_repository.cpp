#include "storage/user_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
#define USER_COLUMNS "id, login, full_name, password_hash, role, unit_id, active, last_login_at"

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
    s_ << "SELECT " USER_COLUMNS " FROM users WHERE login = :l", soci::use(login), soci::into(r);
    if (!s_.got_data()) return std::nullopt;
    return UserFromRow(r);
}

std::vector<UserRow> UserRepository::All() {
    std::vector<UserRow> out;
    soci::rowset<soci::row> rows =
        (s_.prepare << "SELECT " USER_COLUMNS " FROM users ORDER BY login");
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

void UserRepository::TouchLastLogin(const std::string& login) {
    const std::string now = NowIso();
    s_ << "UPDATE users SET last_login_at = :now WHERE login = :l", soci::use(now),
        soci::use(login);
}

std::string UserRepository::ConnectedLogin() {
    if (!IsPostgres(s_)) return {};
    std::string login;
    s_ << "SELECT CAST(current_user AS TEXT)", soci::into(login);
    return login;
}

}  // namespace cchc::storage
