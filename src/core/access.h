// Who may do what: the roles of PRODUCT.md (admin, specialist, chair, clerk,
// viewer) against the actions that change or reveal data, and the scope of
// an account (its unit and every unit under it; an account without a unit,
// a province or district office's, sees the whole tree). The services ask
// here before every mutating action on both engines; the PostgreSQL grants
// and row-level policies say the same thing on the server. This is the one
// home of the role × action matrix.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

enum class Role { Admin, Specialist, Chair, Clerk, Viewer };

// "admin", "specialist", "chair", "clerk", "viewer".
std::string_view RoleKey(Role role);
std::optional<Role> RoleFromKey(std::string_view key);
// "Quản trị", "Chuyên viên", "Chủ tịch UBND xã", "Công chức", "Chỉ xem".
std::string RoleLabel(Role role);
const std::vector<Role>& AllRoles();
// Chair and clerk accounts belong to one unit.
bool RoleNeedsUnit(Role role);

enum class Action {
    ManageAccounts,  // add, disable, reset passwords, change roles
    EditSettings,
    EditFrameworks,
    EditCatalogues,   // catalogues of procedures, templates
    EditUnits,        // units and people
    EditScores,       // self-assessed scores and rate figures of a commune
    EditEvidence,     // evidence documents of results and tasks
    SubmitResults,    // submit and withdraw a result set
    AppraiseResults,  // appraise and reopen a result set, appraised scores
    EditPlans,        // plans, plan items, tasks
    RecordProgress,   // quarterly progress updates of tasks
    EditSurveys,      // tallies, ratings, self-assessments
    DraftReports,     // build and preview
    PrintReports,
    IssueReports,  // give a number and archive
    RevokeReports,
    SeeCitizenNames,  // names of citizens in ratings
    ReadAudit,
    Import,  // any import of files (then each row's action applies)
    // Reading a unit's rows (lists, exports, figures): every role, on the
    // units of its scope; an unknown or disabled login of a database with
    // accounts reads nothing, as on the server.
    ReadData,
    BackUp,    // write a backup of the whole database
    Restore,   // replace the whole database by a backup (the accounts too)
    FillDemo,  // fill the demo office into an empty database
    // Make exchange packages for communes, import their returns, resolve
    // the conflicts: the office's work (its administrators and specialists).
    ExchangePackages,
};

// Whether the role may do the action at all, on units within its scope.
bool RoleAllows(Role role, Action action);

// What the action is, for a refusal: "sửa kết quả", "nhập tệp", ...
std::string ActionPhrase(Action action);

struct Account {
    std::string login;
    Role role = Role::Viewer;
    std::optional<std::int64_t> unitId;  // nothing: the whole tree
};

// A login: 2 to 63 characters of a–z, 0–9, '_', '.' and '-', starting with
// a letter (so that it is also a PostgreSQL role name without quoting);
// a password: at least 8 characters. The message says what is wrong, or is
// empty.
std::string CheckLogin(const std::string& login);
std::string CheckPassword(const std::string& password);
constexpr std::size_t kMinPasswordChars = 8;

// Backing up and restoring run the server's own tools (pg_dump, psql) on
// the whole database: on PostgreSQL only the database owner's connection
// may, whatever the account's role (an account's connection sees its rows
// only, and the tables are the owner's).
bool NeedsOwnersConnection(Action action);
// "tài khoản quantri không được sao lưu cơ sở dữ liệu qua kết nối của chính
// tài khoản: trên máy chủ của cơ quan, việc này do chủ sở hữu cơ sở dữ liệu
// thực hiện (...)", for such an action asked on an account's connection.
std::string OwnersOnlyMessage(const std::string& login, Action action);

// Whether the unit lies in the account's scope: ancestors are the unit's
// chain from itself up to the root (unit first).
bool InScope(const Account& account, const std::vector<std::int64_t>& unitAndAncestors);

// "tài khoản ct_ab không được sửa kết quả của Xã Đông Thạnh" (the unit part
// left out when unitName is empty).
std::string RefusalMessage(const std::string& login, Action action,
                           const std::string& unitName = "");

}  // namespace cchc
