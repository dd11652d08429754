// Accounts of the program (table users): the role of a login, and adding an
// account. Roles: admin, specialist (the office), chair, clerk (one
// commune), viewer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace soci {
class session;
}

namespace cchc::storage {

class UserRepository {
  public:
    explicit UserRepository(soci::session& s) : s_(s) {}
    // The role of an active account with this login; nothing when there is
    // no such account.
    std::optional<std::string> RoleOf(const std::string& login);
    std::int64_t Insert(const std::string& login, const std::string& fullName,
                        const std::string& role, std::optional<std::int64_t> unitId);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
