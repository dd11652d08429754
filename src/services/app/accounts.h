// The program's accounts: who may log in, with which role and over which
// units (core/access.h). On SQLite an account's password is an Argon2id hash
// kept in the file (libsodium) and checked here; on PostgreSQL the server
// keeps the password of the account's login role. Managing accounts is the
// administrator's; the first account of a database must be an administrator
// (so that someone can manage the others).
#pragma once
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
};

// Whether the database has any account (then every desk logs in).
bool HasAccounts(Database& db);

// The account a connection already is, when it needs no login dialog: on
// PostgreSQL the connection's role (the URL's user, with its password from
// the URL, PGPASSWORD or ~/.pgpass) when it is an active account's login;
// empty otherwise, and always on SQLite, whose accounts are checked by
// their passwords (AccountService::LogIn).
std::string ConnectedAccount(Database& db);

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
    // Every account, by login.
    std::vector<AccountInfo> List();

    // Checks a password (SQLite accounts): the account, else UserError
    // "wrong login or password" (the same for a login that does not exist) or
    // "the account is disabled". Records the time of the login.
    Account LogIn(const std::string& login, const std::string& password);

  private:
    void RequireAdmin();

    Database& db_;
    std::string actor_;
};

}  // namespace cchc::services
