// Accounts of the program (table users): login, name, role, unit, the
// password hash of an SQLite account (empty on PostgreSQL, where the server
// keeps the password, and never read there: only an administrator may),
// active flag and last login. Roles: admin, specialist
// (the office), chair, clerk (one commune), viewer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace cchc::storage {

struct UserRow {
    std::int64_t id = 0;
    std::string login;
    std::string fullName;
    std::string passwordHash;
    std::string role;
    std::optional<std::int64_t> unitId;
    bool active = true;
    std::string lastLoginAt;  // ISO timestamp or empty
    int version = 1;
};

class UserRepository {
  public:
    explicit UserRepository(soci::session& s) : s_(s) {}
    // The role of an active account with this login; nothing when there is
    // no such account.
    std::optional<std::string> RoleOf(const std::string& login);
    std::optional<UserRow> ByLogin(const std::string& login);
    // Every account, by login.
    std::vector<UserRow> All();
    long Count();
    std::int64_t Insert(const std::string& login, const std::string& fullName,
                        const std::string& role, std::optional<std::int64_t> unitId,
                        const std::string& passwordHash = "");
    void SetPasswordHash(const std::string& login, const std::string& hash);
    void SetActive(const std::string& login, bool active);
    // Name, role and unit of an account as read at `version`; another desk's
    // change since then: ConcurrentEditError (nothing written).
    void Update(const std::string& login, int version, const std::string& fullName,
                const std::string& role, std::optional<std::int64_t> unitId);
    void TouchLastLogin(const std::string& login);
    // PostgreSQL: each account is a login role of the server, member of the
    // group role of its role (cchc_admin, ...), its password kept by the
    // server. These go through the server's functions (migration 0010),
    // which check that the connection may do it; the password crosses as a
    // SCRAM-SHA-256 verifier computed here (libpq), never as itself.
    bool ServerLoginExists(const std::string& login);
    void CreateServerLogin(const std::string& login, const std::string& role,
                           const std::string& password);
    void SetServerPassword(const std::string& login, const std::string& password);
    void SetServerLoginEnabled(const std::string& login, bool enabled);
    // The login into its role's group role only.
    void SetServerLoginRole(const std::string& login, const std::string& role);
    // The login a PostgreSQL connection acts as (its current_user); empty
    // on SQLite, whose connections have no user.
    std::string ConnectedLogin();

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
