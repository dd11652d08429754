#include "core/access.h"

#include <algorithm>

#include "core/i18n.h"

namespace cchc {

std::string_view RoleKey(Role role) {
    switch (role) {
        case Role::Admin:
            return "admin";
        case Role::Specialist:
            return "specialist";
        case Role::Chair:
            return "chair";
        case Role::Clerk:
            return "clerk";
        case Role::Viewer:
            return "viewer";
    }
    return "viewer";
}

std::optional<Role> RoleFromKey(std::string_view key) {
    for (Role r : AllRoles())
        if (RoleKey(r) == key) return r;
    return std::nullopt;
}

std::string RoleLabel(Role role) {
    switch (role) {
        case Role::Admin:
            return tr("Administrator");
        case Role::Specialist:
            return tr("Specialist");
        case Role::Chair:
            return tr("Commune chair");
        case Role::Clerk:
            return tr("Commune clerk");
        case Role::Viewer:
            return tr("Viewer");
    }
    return {};
}

const std::vector<Role>& AllRoles() {
    static const std::vector<Role> roles{Role::Admin, Role::Specialist, Role::Chair, Role::Clerk,
                                         Role::Viewer};
    return roles;
}

bool RoleNeedsUnit(Role role) { return role == Role::Chair || role == Role::Clerk; }

bool RoleAllows(Role role, Action action) {
    switch (role) {
        case Role::Admin:
            return true;
        case Role::Specialist:
            switch (action) {
                case Action::ManageAccounts:
                case Action::EditSettings:
                case Action::EditFrameworks:
                case Action::EditCatalogues:
                case Action::Restore:
                case Action::FillDemo:
                    return false;
                default:
                    return true;
            }
        case Role::Chair:
            switch (action) {
                case Action::EditScores:
                case Action::EditEvidence:
                case Action::SubmitResults:
                case Action::EditPlans:
                case Action::RecordProgress:
                case Action::EditSurveys:
                case Action::DraftReports:
                case Action::PrintReports:
                case Action::IssueReports:
                case Action::SeeCitizenNames:
                case Action::ReadAudit:
                case Action::Import:
                case Action::ReadData:
                    return true;
                default:
                    return false;
            }
        case Role::Clerk:
            switch (action) {
                case Action::EditScores:
                case Action::EditEvidence:
                case Action::RecordProgress:
                case Action::EditSurveys:
                case Action::DraftReports:
                case Action::PrintReports:
                case Action::Import:
                case Action::ReadData:
                    return true;
                default:
                    return false;
            }
        case Role::Viewer:
            return action == Action::PrintReports || action == Action::ReadData;
    }
    return false;
}

std::string ActionPhrase(Action action) {
    switch (action) {
        case Action::ManageAccounts:
            return tr("manage accounts");
        case Action::EditSettings:
            return tr("change settings");
        case Action::EditFrameworks:
            return tr("edit index frameworks");
        case Action::EditCatalogues:
            return tr("edit catalogues");
        case Action::EditUnits:
            return tr("edit units and people");
        case Action::EditScores:
            return tr("edit the results");
        case Action::EditEvidence:
            return tr("attach evidence");
        case Action::SubmitResults:
            return tr("submit or withdraw the results");
        case Action::AppraiseResults:
            return tr("appraise or reopen the results");
        case Action::EditPlans:
            return tr("edit the plans and tasks");
        case Action::RecordProgress:
            return tr("record task progress");
        case Action::EditSurveys:
            return tr("edit survey figures and ratings");
        case Action::DraftReports:
            return tr("draft reports");
        case Action::PrintReports:
            return tr("print reports");
        case Action::IssueReports:
            return tr("issue reports");
        case Action::RevokeReports:
            return tr("revoke reports");
        case Action::SeeCitizenNames:
            return tr("see citizens' names");
        case Action::ReadAudit:
            return tr("read the audit trail");
        case Action::Import:
            return tr("import files");
        case Action::ReadData:
            return tr("read the data");
        case Action::BackUp:
            return tr("back up the database");
        case Action::Restore:
            return tr("restore the database from a backup");
        case Action::FillDemo:
            return tr("fill in the demo office");
        case Action::ExchangePackages:
            return tr("exchange packages with communes");
    }
    return {};
}

bool NeedsOwnersConnection(Action action) {
    return action == Action::BackUp || action == Action::Restore;
}

std::string OwnersOnlyMessage(const std::string& login, Action action) {
    std::string text =
        tr("account %1 may not %2 over its own connection: on the office server this is done by "
           "the database owner (cchc backup, cchc restore with the owner's connection)");
    auto put = [&text](const char* mark, const std::string& value) {
        auto at = text.find(mark);
        if (at != std::string::npos) text.replace(at, 2, value);
    };
    put("%1", login);
    put("%2", ActionPhrase(action));
    return text;
}

bool InScope(const Account& account, const std::vector<std::int64_t>& unitAndAncestors) {
    if (!account.unitId) return true;
    return std::find(unitAndAncestors.begin(), unitAndAncestors.end(), *account.unitId) !=
           unitAndAncestors.end();
}

std::string CheckLogin(const std::string& login) {
    if (login.size() < 2 || login.size() > 63) return tr("a login has 2 to 63 characters");
    if (login[0] < 'a' || login[0] > 'z') return tr("a login starts with a letter a–z");
    for (char c : login) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        if (!ok)
            return tr(
                "a login has only the letters a–z (no diacritics, no capitals), digits, "
                "'_', '.' and '-'");
    }
    return {};
}

std::string CheckPassword(const std::string& password) {
    // Characters, not bytes: a Vietnamese password counts each letter once.
    std::size_t chars = 0;
    for (unsigned char c : password)
        if ((c & 0xC0) != 0x80) ++chars;
    if (chars < kMinPasswordChars) return tr("a password has at least 8 characters");
    return {};
}

std::string RefusalMessage(const std::string& login, Action action, const std::string& unitName) {
    std::string text =
        unitName.empty() ? tr("account %1 may not %2") : tr("account %1 may not %2 of %3");
    auto put = [&text](const char* mark, const std::string& value) {
        auto at = text.find(mark);
        if (at != std::string::npos) text.replace(at, 2, value);
    };
    put("%1", login);
    put("%2", ActionPhrase(action));
    put("%3", unitName);
    return text;
}

}  // namespace cchc
