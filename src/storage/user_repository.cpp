#include "storage/user_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

std::optional<std::string> UserRepository::RoleOf(const std::string& login) {
    std::string role;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT role FROM users WHERE login = :l AND active = 1", soci::use(login),
        soci::into(role, ind);
    if (!s_.got_data() || ind != soci::i_ok) return std::nullopt;
    return role;
}

std::int64_t UserRepository::Insert(const std::string& login, const std::string& fullName,
                                    const std::string& role, std::optional<std::int64_t> unitId) {
    long long id = 0;
    Nullable<long long> unit(unitId ? std::optional<long long>(*unitId) : std::nullopt);
    const std::string now = NowIso();
    s_ << "INSERT INTO users (login, full_name, role, unit_id, created_at) VALUES (:l, :n, :r, :u, "
          ":now) "
          "RETURNING id",
        soci::use(login), soci::use(fullName), soci::use(role), soci::use(unit.value, unit.ind),
        soci::use(now), soci::into(id);
    return id;
}

}  // namespace cchc::storage
