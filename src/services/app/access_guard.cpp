#include "services/app/access_guard.h"

#include <unordered_set>

#include "storage/database.h"
#include "storage/exchange_repository.h"
#include "storage/unit_repository.h"
#include "storage/user_repository.h"

namespace cchc::services {

AccessGuard::AccessGuard(storage::Database& db, std::string login)
    : db_(db), login_(std::move(login)) {}

void AccessGuard::Load() {
    if (loaded_) return;
    loaded_ = true;
    storage::UserRepository users(db_.session());
    enforced_ = users.Count() > 0;
    if (!enforced_) {
        // A commune's copy opened from an exchange package works on its
        // unit only, as the commune chair's account would.
        if (db_.backend() == storage::Backend::Sqlite) {
            storage::ExchangeRepository exchange(db_.session());
            if (exchange.Available())
                if (auto self = exchange.Self(); self && self->role == "commune" && self->unitId) {
                    enforced_ = true;
                    account_ = Account{login_, Role::Chair, self->unitId};
                }
        }
        return;
    }
    auto row = users.ByLogin(login_);
    if (!row || !row->active) return;
    auto role = RoleFromKey(row->role);
    if (!role) return;
    account_ = Account{row->login, *role, row->unitId};
}

bool AccessGuard::Enforced() {
    Load();
    return enforced_;
}

std::optional<Account> AccessGuard::Acting() {
    Load();
    return account_;
}

std::optional<std::int64_t> AccessGuard::ScopeUnit() {
    Load();
    return account_ ? account_->unitId : std::nullopt;
}

bool AccessGuard::ReadsAll() {
    Load();
    return !enforced_ || (account_ && !account_->unitId);
}

bool AccessGuard::InScope(std::int64_t unitId) {
    Load();
    if (!enforced_) return true;
    if (!account_) return false;
    if (!account_->unitId) return true;
    if (auto known = inScope_.find(unitId); known != inScope_.end()) return known->second;
    if (!parentsLoaded_) {
        for (const auto& u : storage::UnitRepository(db_.session()).All())
            if (u.parentId) parents_[u.id] = *u.parentId;
        parentsLoaded_ = true;
    }
    std::vector<std::int64_t> chain;
    std::unordered_set<std::int64_t> seen;
    for (std::int64_t id = unitId; seen.insert(id).second;) {
        chain.push_back(id);
        auto p = parents_.find(id);
        if (p == parents_.end()) break;
        id = p->second;
    }
    return inScope_[unitId] = cchc::InScope(*account_, chain);
}

bool AccessGuard::OwnersConnection() {
    if (!ownersConnection_) ownersConnection_ = db_.OwnersConnection();
    return *ownersConnection_;
}

bool AccessGuard::Allows(Action action) {
    Load();
    if (NeedsOwnersConnection(action) && !OwnersConnection()) return false;
    if (!enforced_) return true;
    return account_ && RoleAllows(account_->role, action);
}

bool AccessGuard::Allows(Action action, std::int64_t unitId) {
    return Allows(action) && InScope(unitId);
}

void AccessGuard::Refuse(Action action, std::optional<std::int64_t> unitId,
                         const std::optional<Location>& where) {
    if (NeedsOwnersConnection(action) && !OwnersConnection() &&
        (!enforced_ || (account_ && RoleAllows(account_->role, action))))
        throw AccessDenied(OwnersOnlyMessage(login_, action));
    std::string unitName;
    if (unitId)
        if (auto unit = storage::UnitRepository(db_.session()).ById(*unitId)) unitName = unit->name;
    if (where) throw AccessDenied(*where, RefusalMessage(login_, action, unitName));
    throw AccessDenied(RefusalMessage(login_, action, unitName));
}

void AccessGuard::Require(Action action) {
    if (!Allows(action)) Refuse(action, std::nullopt);
}

void AccessGuard::Require(Action action, std::int64_t unitId) {
    if (!Allows(action)) Refuse(action, std::nullopt);
    if (!InScope(unitId)) Refuse(action, unitId);
}

}  // namespace cchc::services

namespace cchc::services {

void AccessGuard::RefuseHiddenUnit(Action action, const std::string& unitCode,
                                   const std::optional<Location>& where) {
    if (!Allows(action)) Refuse(action, std::nullopt, where);
    if (ReadsAll()) return;  // nothing is hidden from it
    if (storage::UnitRepository(db_.session()).CodeTaken(unitCode))
        Refuse(action, std::nullopt, where);
}

void AccessGuard::RequireAt(const Location& where, Action action,
                            std::optional<std::int64_t> unitId) {
    if (!Allows(action)) Refuse(action, std::nullopt, where);
    if (unitId && !InScope(*unitId)) Refuse(action, unitId, where);
}

}  // namespace cchc::services
