// Accounts: adding with a role and a unit, the first account an
// administrator's, password checks (wrong, disabled), managing refused to
// anyone but an administrator, and the audit rows, on both backends.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>

#include <soci/soci.h>
#include "fixture.h"
#include "services/app/accounts.h"
#include "services/org/organisation.h"

#include "storage/settings_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
std::string ErrorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const UserError& e) {
        return e.where().field + ": " + e.message();
    }
    return "(no error)";
}

struct AccountsFixture : DbFixture {
    AccountsFixture() {
        services::OrganisationService org(Db(), "setup");
        Unit commune;
        commune.code = "XA-DONGTHANH";
        commune.name = "Xã Đông Thạnh";
        org.SaveUnit(commune);
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(accounts)

BOOST_FIXTURE_TEST_CASE(the_first_account_is_an_administrator_and_others_need_one,
                        AccountsFixture) {
    services::AccountService boot(Db(), "installer");
    BOOST_TEST(!services::HasAccounts(Db()));
    BOOST_TEST(ErrorOf([&] {
                   boot.Add("ct_dt", Role::Chair, "XA-DONGTHANH", "", "mk-12345");
               }).rfind("role:", 0) == 0);
    boot.Add("quantri", Role::Admin, "", "Nguyễn Văn Quản", "mk-12345");
    BOOST_TEST(services::HasAccounts(Db()));
    // Now only an administrator adds accounts.
    services::AccountService stranger(Db(), "installer");
    BOOST_TEST(ErrorOf([&] { stranger.Add("xem", Role::Viewer, "", "", "mk-12345"); }) !=
               "(no error)");
    services::AccountService admin(Db(), "quantri");
    admin.Add("ct_dt", Role::Chair, "XA-DONGTHANH", "Trần Thị Chủ", "mk-chutich");
    services::AccountService chair(Db(), "ct_dt");
    BOOST_TEST(ErrorOf([&] { chair.Add("xem", Role::Viewer, "", "", "mk-12345"); }).find("ct_dt") !=
               std::string::npos);
    const auto list = admin.List();
    BOOST_REQUIRE_EQUAL(list.size(), 2u);
    BOOST_TEST(list[0].login == "ct_dt");
    BOOST_TEST(list[0].unitCode == "XA-DONGTHANH");
    BOOST_TEST(list[0].unitName == "Xã Đông Thạnh");
    BOOST_TEST((list[0].role == Role::Chair));
    BOOST_TEST(list[1].fullName == "Nguyễn Văn Quản");
}

BOOST_FIXTURE_TEST_CASE(fields_are_checked_and_named, AccountsFixture) {
    services::AccountService admin(Db(), "quantri");
    admin.Add("quantri", Role::Admin, "", "", "mk-12345");
    auto field = [](const std::string& error) { return error.substr(0, error.find(':')); };
    BOOST_TEST(field(ErrorOf([&] { admin.Add("Quản trị", Role::Viewer, "", "", "mk-12345"); })) ==
               "login");
    BOOST_TEST(field(ErrorOf([&] { admin.Add("quantri", Role::Viewer, "", "", "mk-12345"); })) ==
               "login");
    BOOST_TEST(field(ErrorOf([&] { admin.Add("ct_x", Role::Chair, "", "", "mk-12345"); })) ==
               "unit");
    BOOST_TEST(field(ErrorOf(
                   [&] { admin.Add("ct_x", Role::Clerk, "KHONG-CO", "", "mk-12345"); })) == "unit");
    if (Db().backend() == storage::Backend::Sqlite)
        BOOST_TEST(field(ErrorOf([&] { admin.Add("ct_x", Role::Viewer, "", "", "ngan"); })) ==
                   "password");
    BOOST_TEST(admin.List().size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(passwords_are_checked_and_a_disabled_account_cannot_log_in,
                        AccountsFixture) {
    if (Db().backend() != storage::Backend::Sqlite) return;  // the server checks passwords
    services::AccountService admin(Db(), "quantri");
    admin.Add("quantri", Role::Admin, "", "", "mk-12345");
    admin.Add("ct_dt", Role::Chair, "XA-DONGTHANH", "", "mật-khẩu-xã");
    Account a = admin.LogIn("ct_dt", "mật-khẩu-xã");
    BOOST_TEST((a.role == Role::Chair));
    BOOST_REQUIRE(a.unitId.has_value());
    const std::string wrong = ErrorOf([&] { admin.LogIn("ct_dt", "mat-khau-xa"); });
    const std::string unknown = ErrorOf([&] { admin.LogIn("khong_co", "mật-khẩu-xã"); });
    BOOST_TEST(wrong != "(no error)");
    BOOST_TEST(wrong == unknown);  // a login that does not exist is not told apart
    admin.SetActive("ct_dt", false);
    BOOST_TEST(ErrorOf([&] { admin.LogIn("ct_dt", "mật-khẩu-xã"); }) != "(no error)");
    admin.SetActive("ct_dt", true);
    // Own password: the account itself may change it; another's: admin only.
    services::AccountService chair(Db(), "ct_dt");
    chair.SetPassword("ct_dt", "mật-khẩu-mới-1");
    BOOST_TEST(ErrorOf([&] { chair.SetPassword("quantri", "chiem-quyen-1"); }) != "(no error)");
    BOOST_TEST(admin.LogIn("ct_dt", "mật-khẩu-mới-1").login == "ct_dt");
    BOOST_TEST(admin.LogIn("quantri", "mk-12345").login == "quantri");
    // The last active administrator stays.
    BOOST_TEST(ErrorOf([&] { admin.SetActive("quantri", false); }) != "(no error)");
}

BOOST_FIXTURE_TEST_CASE(account_changes_are_audited_without_secrets, AccountsFixture) {
    services::AccountService admin(Db(), "quantri");
    admin.Add("quantri", Role::Admin, "", "", "mk-12345");
    admin.Add("ct_dt", Role::Chair, "XA-DONGTHANH", "", "mk-12345");
    admin.SetActive("ct_dt", false);
    if (Db().backend() == storage::Backend::Sqlite) admin.SetPassword("ct_dt", "mk-khac-123");
    long long rows = 0, secrets = 0;
    Db().session() << "SELECT COUNT(*) FROM audit_log WHERE table_name = 'users'", soci::into(rows);
    Db().session() << "SELECT COUNT(*) FROM audit_log WHERE new_value LIKE '$argon2%' OR "
                      "old_value LIKE '$argon2%'",
        soci::into(secrets);
    BOOST_TEST(rows >= 6);
    BOOST_TEST(secrets == 0);
}

BOOST_AUTO_TEST_SUITE_END()
