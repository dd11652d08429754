// The program's accounts: who may log in, with which role and over which
// units (core/access.h). On SQLite an account's password is an Argon2id hash
// kept in the file (libsodium) and checked here. On PostgreSQL each account
// is a login role of the server (SCRAM-SHA-256, the server's own password
// store), member of the group role of its role (cchc_admin, ...): the
// server checks the password when the account connects, and enforces what
// the role may do (grants, row-level security by unit, migration 0010).
// Managing accounts is the administrator's; the first account of a
// database must be an administrator (so that someone can manage the
// others).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "services/app/database_access.h"

namespace cchc::services {

struct AccountInfo {
    std::string login;
    std::string fullName;
    Role role = Role::Viewer;
    std::string unitCode;  // empty: the whole tree
    std::string unitName;
    bool active = true;
    std::string lastLoginAt;  // ISO timestamp or empty
    int version = 1;          // as read: Change refuses another desk's change since
};

// Whether the database has any account (then every desk logs in). An
// empty database (no schema yet, as a restore's target) has none.
bool HasAccounts(Database& db);

// PostgreSQL: the account the connection works as (its login is the
// connection's user, current_user), or nothing when it is no active account
// of the database (the owner's setup connection, an empty database). Always
// nothing on SQLite.
std::optional<Account> ConnectedAccount(Database& db);

// PostgreSQL: a connection to the database of url as an account, with its
// login and password (an empty password is left to libpq: PGPASSWORD,
// ~/.pgpass); the account then is the connection's current_user, and the
// server allows it what its role allows. UserError "wrong login or
// password" or "the account is disabled" as LogIn says.
struct AccountConnection {
    std::unique_ptr<Database> db;
    Account account;
};
AccountConnection ConnectAsAccount(const DatabaseUrl& url, const std::string& login,
                                   const std::string& password);

class AccountService {
  public:
    // actor: the login making the changes (for the audit log and the check
    // that it is an administrator's, once accounts exist).
    AccountService(Database& db, std::string actor);

    // UserError names the field: login, role, unit, password. Chair and
    // clerk need a unit; a login already taken is refused.
    void Add(const std::string& login, Role role, const std::string& unitCode,
             const std::string& fullName, const std::string& password);
    void SetPassword(const std::string& login, const std::string& password);
    void SetActive(const std::string& login, bool active);
    // Name, role and unit of the account `read` (as List gave it); refused
    // like Add (a chair or clerk needs a unit) and when it would leave the
    // database without an active administrator; another desk's change
    // since `read`: ConcurrentEditError. Each changed field is audited; on
    // PostgreSQL the server login moves to the new role's group.
    void Change(const AccountInfo& read, Role role, const std::string& unitCode,
                const std::string& fullName);
    // Every account, by login.
    std::vector<AccountInfo> List();

    // Checks a password: the account, else UserError "wrong login or
    // password" (the same for a login that does not exist) or "the account
    // is disabled". Records the time of the login. On PostgreSQL this is
    // connecting to the server as the account (ConnectAsAccount).
    Account LogIn(const std::string& login, const std::string& password);

  private:
    void RequireAdmin();
    // The unit an account of `role` is given by its code (none: the whole
    // tree), checked as Add and Change check it.
    std::optional<std::int64_t> AccountUnit(Role role, const std::string& unitCode);
    // Whether an active administrator other than `login` remains.
    bool OtherActiveAdmin(const std::string& login);

    Database& db_;
    std::string actor_;
};

}  // namespace cchc::services
