// The door keeper of every service that changes or reveals data: who is
// acting (an account's login) and whether core/access.h lets that account do
// the action on the unit. A database without accounts is a single desk's and
// everything is allowed (but a commune's copy made from an exchange package,
// which works on its unit only, as the commune chair's account would); once it has accounts, an
// unknown or disabled login may do nothing. On PostgreSQL the server's grants and row-level
// policies say the same again; here the refusal is a sentence the user can read.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/access.h"
#include "core/errors.h"

namespace cchc::storage {
class Database;
}

namespace cchc::services {

// A refusal: "tài khoản ct_ab không được sửa kết quả của Xã Đông Thạnh".
class AccessDenied : public UserError {
  public:
    using UserError::UserError;
};

class AccessGuard {
  public:
    AccessGuard(storage::Database& db, std::string login);

    const std::string& login() const { return login_; }
    // Whether the database has accounts (checked once).
    bool Enforced();
    // The acting account when enforced and known and active.
    std::optional<Account> Acting();

    // AccessDenied unless the account may do the action at all (office-wide
    // actions: settings, frameworks, catalogues, accounts). Backing up and
    // restoring need the database owner's connection on PostgreSQL too
    // (core NeedsOwnersConnection), whoever acts.
    void Require(Action action);
    // ... and on this unit, which must lie in the account's scope.
    void Require(Action action, std::int64_t unitId);
    // The same for a row of an imported file: the refusal names the file,
    // line and field. Without a unit, an office-wide action.
    void RequireAt(const Location& where, Action action, std::optional<std::int64_t> unitId);
    bool Allows(Action action);
    bool Allows(Action action, std::int64_t unitId);
    // Whether the unit lies in the account's scope (always, when not
    // enforced or for an account without a unit).
    bool InScope(std::int64_t unitId);
    // The account's unit: nothing for the whole tree.
    std::optional<std::int64_t> ScopeUnit();
    // Reading: whether the account reads every unit's rows (a database
    // without accounts, an account without a unit); otherwise it reads those
    // InScope only. Lists and exports first Require(Action::ReadData), which
    // refuses an unknown or disabled login (the server shows it no row).
    bool ReadsAll();
    // A unit named by its code that the connection did not find. On the
    // office server row-level security hides from a commune's account the
    // units outside its scope: the account is refused the action (at
    // `where` when given), as it is when its role may not do the action at
    // all, rather than told that the unit does not exist. Returns when no
    // unit has the code, for the caller to say so.
    void RefuseHiddenUnit(Action action, const std::string& unitCode,
                          const std::optional<Location>& where = std::nullopt);
    // AccessDenied: the account may not do the action (on the unit, named
    // when the connection reads it).
    [[noreturn]] void Refuse(Action action, std::optional<std::int64_t> unitId,
                             const std::optional<Location>& where = std::nullopt);

    // Whether this connection is the database owner's (always on SQLite),
    // which backing up and restoring need.
    bool OwnersConnection();

  private:
    void Load();

    storage::Database& db_;
    std::string login_;
    bool loaded_ = false;
    std::optional<bool> ownersConnection_;
    bool enforced_ = false;
    std::optional<Account> account_;
    // Parent of every unit, read once when a scoped account asks.
    std::unordered_map<std::int64_t, std::int64_t> parents_;
    bool parentsLoaded_ = false;
    // InScope's answers, per unit (lists ask once per row).
    std::unordered_map<std::int64_t, bool> inScope_;
};

}  // namespace cchc::services
