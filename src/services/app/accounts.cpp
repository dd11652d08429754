#include "services/app/accounts.h"

#include <sodium.h>

#include <stdexcept>

#include "core/i18n.h"
#include "services/app/access_guard.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"
#include "storage/user_repository.h"

namespace cchc::services {

namespace {

void InitSodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string HashPassword(const std::string& password) {
    InitSodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("crypto_pwhash_str ran out of memory");
    return hash;
}

bool PasswordMatches(const std::string& hash, const std::string& password) {
    InitSodium();
    if (hash.empty()) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void CheckField(const std::string& problem, const char* field) {
    if (!problem.empty()) throw UserError(Location{"", 0, field}, problem);
}

Role RoleOfRow(const storage::UserRow& row) { return RoleFromKey(row.role).value_or(Role::Viewer); }

}  // namespace

bool HasAccounts(Database& db) {
    return db.SchemaVersion() > 0 && storage::UserRepository(db.session()).Count() > 0;
}

std::optional<Account> ConnectedAccount(Database& db) {
    // An empty database (a restore's target) has no accounts.
    if (db.backend() != storage::Backend::Postgresql || db.SchemaVersion() == 0)
        return std::nullopt;
    storage::UserRepository users(db.session());
    auto row = users.ByLogin(users.ConnectedLogin());
    if (!row || !row->active) return std::nullopt;
    return Account{row->login, RoleOfRow(*row), row->unitId};
}

AccountConnection ConnectAsAccount(const DatabaseUrl& url, const std::string& login,
                                   const std::string& password) {
    const UserError wrong(Location{"", 0, "password"}, tr("wrong login or password"));
    if (!CheckLogin(login).empty()) throw wrong;
    OpenOptions options;
    options.create = false;
    AccountConnection out;
    try {
        out.db = Database::Open(url.WithLogin(login, password), options);
    } catch (const storage::DatabaseFailure& e) {
        // The server's words: a role without LOGIN is a disabled account; a
        // wrong password and an unknown login are not told apart.
        const std::string& why = e.technical();
        if (why.find("not permitted to log in") != std::string::npos)
            throw UserError(Location{"", 0, "login"}, tr("the account is disabled"));
        if (why.find("password authentication failed") != std::string::npos ||
            why.find("does not exist") != std::string::npos ||
            why.find("no password supplied") != std::string::npos)
            throw wrong;
        throw;
    }
    auto account = ConnectedAccount(*out.db);
    if (!account) {
        // A login of the server that is no account of this database, or a
        // disabled one whose login was left enabled.
        auto row = storage::UserRepository(out.db->session()).ByLogin(login);
        if (row && !row->active)
            throw UserError(Location{"", 0, "login"}, tr("the account is disabled"));
        throw wrong;
    }
    out.account = *account;
    storage::Transaction tx(*out.db);
    storage::UserRepository(out.db->session()).TouchLastLogin(login);
    tx.Commit();
    return out;
}

AccountService::AccountService(Database& db, std::string actor)
    : db_(db), actor_(std::move(actor)) {}

void AccountService::RequireAdmin() {
    storage::UserRepository users(db_.session());
    if (users.Count() == 0) return;
    auto me = users.ByLogin(actor_);
    if (!me || !me->active || RoleOfRow(*me) != Role::Admin)
        throw AccessDenied(RefusalMessage(actor_, Action::ManageAccounts));
}

std::optional<std::int64_t> AccountService::AccountUnit(Role role, const std::string& unitCode) {
    if (!unitCode.empty()) {
        // An administrator of a part of the office gives accounts of its
        // units only; one the server hides from it is refused, not unknown.
        const Location where{"", 0, "unit"};
        AccessGuard guard(db_, actor_);
        auto unit = storage::UnitRepository(db_.session()).ByCode(unitCode);
        if (!unit) {
            guard.RefuseHiddenUnit(Action::ManageAccounts, unitCode, where);
            throw UserError(where, std::string(tr("the unit does not exist: ")) + unitCode);
        }
        if (!guard.InScope(unit->id)) guard.Refuse(Action::ManageAccounts, std::nullopt, where);
        return unit->id;
    }
    if (RoleNeedsUnit(role))
        throw UserError(Location{"", 0, "unit"},
                        tr("a commune chair's or clerk's account needs its unit"));
    return std::nullopt;
}

bool AccountService::OtherActiveAdmin(const std::string& login) {
    for (const auto& u : storage::UserRepository(db_.session()).All())
        if (u.login != login && u.active && RoleOfRow(u) == Role::Admin) return true;
    return false;
}

void AccountService::Add(const std::string& login, Role role, const std::string& unitCode,
                         const std::string& fullName, const std::string& password) {
    CheckField(CheckLogin(login), "login");
    const bool sqlite = db_.backend() == storage::Backend::Sqlite;
    CheckField(CheckPassword(password), "password");
    storage::Transaction tx(db_);
    RequireAdmin();
    storage::UserRepository users(db_.session());
    if (users.Count() == 0 && role != Role::Admin)
        throw UserError(Location{"", 0, "role"},
                        tr("the first account of a database is an administrator's"));
    if (users.ByLogin(login))
        throw UserError(Location{"", 0, "login"},
                        std::string(tr("another account already has the login ")) + login);
    const std::optional<std::int64_t> unitId = AccountUnit(role, unitCode);
    const std::string hash = sqlite ? HashPassword(password) : std::string();
    if (!sqlite) {
        // The server's login: its names are the whole server's, another
        // database's account included.
        if (users.ServerLoginExists(login))
            throw UserError(Location{"", 0, "login"},
                            std::string(tr("the server already has a login named ")) + login);
        users.CreateServerLogin(login, std::string(RoleKey(role)), password);
    }
    const auto id = users.Insert(login, fullName, std::string(RoleKey(role)), unitId, hash);
    storage::AuditRepository audit(db_.session());
    audit.Record({"", actor_, "users", id, "insert", "login", std::nullopt, login});
    audit.Record(
        {"", actor_, "users", id, "insert", "role", std::nullopt, std::string(RoleKey(role))});
    if (!unitCode.empty())
        audit.Record({"", actor_, "users", id, "insert", "unit", std::nullopt, unitCode});
    tx.Commit();
}

void AccountService::SetPassword(const std::string& login, const std::string& password) {
    CheckField(CheckPassword(password), "password");
    storage::Transaction tx(db_);
    storage::UserRepository users(db_.session());
    auto row = users.ByLogin(login);
    if (!row)
        throw UserError(Location{"", 0, "login"},
                        std::string(tr("no account has the login ")) + login);
    // Everyone may change their own password; others' are the administrator's.
    if (login != actor_) RequireAdmin();
    if (db_.backend() == storage::Backend::Sqlite)
        users.SetPasswordHash(login, HashPassword(password));
    else if (users.ServerLoginExists(login))
        users.SetServerPassword(login, password);
    else  // an account copied from an SQLite file: its login on the server
        users.CreateServerLogin(login, row->role, password);
    // The hash itself never goes into the audit log.
    storage::AuditRepository(db_.session())
        .Record({"", actor_, "users", row->id, "update", "password", std::nullopt, std::nullopt});
    tx.Commit();
}

void AccountService::SetActive(const std::string& login, bool active) {
    storage::Transaction tx(db_);
    RequireAdmin();
    storage::UserRepository users(db_.session());
    auto row = users.ByLogin(login);
    if (!row)
        throw UserError(Location{"", 0, "login"},
                        std::string(tr("no account has the login ")) + login);
    if (row->active == active) return;
    if (!active && RoleOfRow(*row) == Role::Admin && !OtherActiveAdmin(login))
        throw UserError(Location{"", 0, "login"},
                        tr("the last active administrator cannot be disabled"));
    users.SetActive(login, active);
    // A disabled account's login may no longer connect to the server.
    if (db_.backend() == storage::Backend::Postgresql) users.SetServerLoginEnabled(login, active);
    storage::AuditRepository(db_.session())
        .Record({"", actor_, "users", row->id, "update", "active", row->active ? "1" : "0",
                 active ? "1" : "0"});
    tx.Commit();
}

void AccountService::Change(const AccountInfo& read, Role role, const std::string& unitCode,
                            const std::string& fullName) {
    storage::Transaction tx(db_);
    RequireAdmin();
    storage::UserRepository users(db_.session());
    auto row = users.ByLogin(read.login);
    if (!row)
        throw UserError(Location{"", 0, "login"},
                        std::string(tr("no account has the login ")) + read.login);
    if (row->version != read.version) throw storage::ConcurrentEditError();
    const std::optional<std::int64_t> unitId = AccountUnit(role, unitCode);
    const Role was = RoleOfRow(*row);
    if (was == Role::Admin && role != Role::Admin && row->active && !OtherActiveAdmin(read.login))
        throw UserError(Location{"", 0, "role"},
                        tr("the last active administrator keeps the administrator's role"));
    const std::string key(RoleKey(role));
    users.Update(read.login, read.version, fullName, key, unitId);
    if (db_.backend() == storage::Backend::Postgresql && was != role &&
        users.ServerLoginExists(read.login))
        users.SetServerLoginRole(read.login, key);
    storage::AuditRepository audit(db_.session());
    auto codeOf = [&](const std::optional<std::int64_t>& id) -> std::optional<std::string> {
        if (!id) return std::nullopt;
        if (auto u = storage::UnitRepository(db_.session()).ById(*id)) return u->code;
        return std::nullopt;
    };
    if (row->fullName != fullName)
        audit.Record(
            {"", actor_, "users", row->id, "update", "full_name", row->fullName, fullName});
    if (was != role)
        audit.Record(
            {"", actor_, "users", row->id, "update", "role", std::string(RoleKey(was)), key});
    if (row->unitId != unitId)
        audit.Record(
            {"", actor_, "users", row->id, "update", "unit", codeOf(row->unitId), codeOf(unitId)});
    tx.Commit();
}

std::vector<AccountInfo> AccountService::List() {
    storage::UnitRepository units(db_.session());
    std::vector<AccountInfo> out;
    for (const auto& row : storage::UserRepository(db_.session()).All()) {
        AccountInfo a;
        a.login = row.login;
        a.fullName = row.fullName;
        a.role = RoleOfRow(row);
        if (row.unitId)
            if (auto unit = units.ById(*row.unitId)) {
                a.unitCode = unit->code;
                a.unitName = unit->name;
            }
        a.active = row.active;
        a.lastLoginAt = row.lastLoginAt;
        a.version = row.version;
        out.push_back(std::move(a));
    }
    return out;
}

Account AccountService::LogIn(const std::string& login, const std::string& password) {
    if (db_.backend() == storage::Backend::Postgresql)
        return ConnectAsAccount(db_.url(), login, password).account;
    storage::UserRepository users(db_.session());
    auto row = users.ByLogin(login);
    if (!row || !PasswordMatches(row->passwordHash, password))
        throw UserError(Location{"", 0, "password"}, tr("wrong login or password"));
    if (!row->active) throw UserError(Location{"", 0, "login"}, tr("the account is disabled"));
    {
        storage::Transaction tx(db_);
        users.TouchLastLogin(login);
        tx.Commit();
    }
    return Account{row->login, RoleOfRow(*row), row->unitId};
}

}  // namespace cchc::services
