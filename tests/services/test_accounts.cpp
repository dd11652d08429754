// Accounts: adding with a role and a unit, the first account an
// administrator's, password checks (wrong, disabled), managing refused to
// anyone but an administrator, and the audit rows, on both backends.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>

#include <soci/soci.h>
#include <sodium.h>
#include "core/i18n.h"
#include "fixture.h"
#include "services/app/accounts.h"
#include "services/org/organisation.h"

#include "storage/settings_repository.h"
#include "storage/user_repository.h"

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
// Whether a SCRAM-SHA-256 verifier as the server keeps it
// ("SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey") was made from the
// password (RFC 5802: StoredKey = H(HMAC(PBKDF2(password, salt, i),
// "Client Key"))), for ASCII passwords (SASLprep changes none of them).
bool VerifierOf(const std::string& verifier, const std::string& password) {
    const std::string head = "SCRAM-SHA-256$";
    if (verifier.rfind(head, 0) != 0) return false;
    const auto colon = verifier.find(':', head.size()), dollar = verifier.find('$', head.size());
    const auto keys = verifier.find(':', dollar);
    if (colon == std::string::npos || dollar == std::string::npos || keys == std::string::npos)
        return false;
    const int iterations = std::stoi(verifier.substr(head.size(), colon - head.size()));
    auto decode = [](const std::string& b64) {
        std::string out(b64.size(), '\0');
        std::size_t n = 0;
        if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                              b64.size(), nullptr, &n, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) != 0)
            return std::string();
        out.resize(n);
        return out;
    };
    const std::string salt = decode(verifier.substr(colon + 1, dollar - colon - 1));
    const std::string stored = decode(verifier.substr(dollar + 1, keys - dollar - 1));
    auto hmac = [](const std::string& key, const std::string& text) {
        unsigned char out[crypto_auth_hmacsha256_BYTES];
        crypto_auth_hmacsha256_state st;
        crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()),
                                    key.size());
        crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()),
                                      text.size());
        crypto_auth_hmacsha256_final(&st, out);
        return std::string(reinterpret_cast<char*>(out), sizeof out);
    };
    std::string u = hmac(password, salt + std::string("\0\0\0\1", 4)), salted = u;
    for (int i = 1; i < iterations; ++i) {
        u = hmac(password, u);
        for (std::size_t k = 0; k < salted.size(); ++k) salted[k] ^= u[k];
    }
    const std::string clientKey = hmac(salted, "Client Key");
    unsigned char storedKey[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(storedKey, reinterpret_cast<const unsigned char*>(clientKey.data()),
                       clientKey.size());
    return stored == std::string(reinterpret_cast<char*>(storedKey), sizeof storedKey);
}

// The verifier the server keeps for a login (read as the superuser the
// tests run as).
std::string StoredVerifier(storage::Database& db, const std::string& login) {
    std::string v;
    soci::indicator ind = soci::i_null;
    db.session() << "SELECT rolpassword FROM pg_authid WHERE rolname = :l", soci::use(login),
        soci::into(v, ind);
    return ind == soci::i_ok ? v : "";
}

bool MemberOf(storage::Database& db, const std::string& login, const std::string& group) {
    int n = 0;
    db.session() << "SELECT COUNT(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                    "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = :l AND g.rolname = :g",
        soci::use(login), soci::use(group), soci::into(n);
    return n == 1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(accounts)

BOOST_FIXTURE_TEST_CASE(the_first_account_is_an_administrator_and_others_need_one,
                        AccountsFixture) {
    const std::string quantri = TestLogin("quantri"), ct = TestLogin("ct_dt"),
                      xem = TestLogin("xem");
    services::AccountService boot(Db(), "installer");
    BOOST_TEST(!services::HasAccounts(Db()));
    BOOST_TEST(ErrorOf([&] {
                   boot.Add(ct, Role::Chair, "XA-DONGTHANH", "", "mk-12345");
               }).rfind("role:", 0) == 0);
    boot.Add(quantri, Role::Admin, "", "Nguyễn Văn Quản", "mk-12345");
    BOOST_TEST(services::HasAccounts(Db()));
    // Now only an administrator adds accounts.
    services::AccountService stranger(Db(), "installer");
    BOOST_TEST(ErrorOf([&] { stranger.Add(xem, Role::Viewer, "", "", "mk-12345"); }) !=
               "(no error)");
    services::AccountService admin(Db(), quantri);
    admin.Add(ct, Role::Chair, "XA-DONGTHANH", "Trần Thị Chủ", "mk-chutich");
    services::AccountService chair(Db(), ct);
    BOOST_TEST(ErrorOf([&] { chair.Add(xem, Role::Viewer, "", "", "mk-12345"); }).find(ct) !=
               std::string::npos);
    const auto list = admin.List();
    BOOST_REQUIRE_EQUAL(list.size(), 2u);
    BOOST_TEST(list[0].login == ct);
    BOOST_TEST(list[0].unitCode == "XA-DONGTHANH");
    BOOST_TEST(list[0].unitName == "Xã Đông Thạnh");
    BOOST_TEST((list[0].role == Role::Chair));
    BOOST_TEST(list[1].fullName == "Nguyễn Văn Quản");
}

BOOST_FIXTURE_TEST_CASE(fields_are_checked_and_named, AccountsFixture) {
    const std::string quantri = TestLogin("quantri"), ct = TestLogin("ct_x");
    services::AccountService admin(Db(), quantri);
    admin.Add(quantri, Role::Admin, "", "", "mk-12345");
    auto field = [](const std::string& error) { return error.substr(0, error.find(':')); };
    BOOST_TEST(field(ErrorOf([&] { admin.Add("Quản trị", Role::Viewer, "", "", "mk-12345"); })) ==
               "login");
    BOOST_TEST(field(ErrorOf([&] { admin.Add(quantri, Role::Viewer, "", "", "mk-12345"); })) ==
               "login");
    BOOST_TEST(field(ErrorOf([&] { admin.Add(ct, Role::Chair, "", "", "mk-12345"); })) == "unit");
    BOOST_TEST(field(ErrorOf([&] { admin.Add(ct, Role::Clerk, "KHONG-CO", "", "mk-12345"); })) ==
               "unit");
    // The server keeps a password too: on both engines one is needed.
    BOOST_TEST(field(ErrorOf([&] { admin.Add(ct, Role::Viewer, "", "", "ngan"); })) == "password");
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
    const std::string quantri = TestLogin("quantri"), ct = TestLogin("ct_dt");
    services::AccountService admin(Db(), quantri);
    admin.Add(quantri, Role::Admin, "", "", "mk-12345");
    admin.Add(ct, Role::Chair, "XA-DONGTHANH", "", "mk-12345");
    admin.SetActive(ct, false);
    admin.SetPassword(ct, "mk-khac-123");
    long long rows = 0, secrets = 0;
    Db().session() << "SELECT COUNT(*) FROM audit_log WHERE table_name = 'users'", soci::into(rows);
    Db().session() << "SELECT COUNT(*) FROM audit_log WHERE new_value LIKE '$argon2%' OR "
                      "old_value LIKE '$argon2%'",
        soci::into(secrets);
    // The program writes one entry per field it sets (SQLite); the server's
    // triggers one per new row, one per changed column, and its own for a
    // new password.
    BOOST_TEST(rows >= (Db().backend() == storage::Backend::Sqlite ? 6 : 4));
    BOOST_TEST(secrets == 0);
    Db().session() << "SELECT COUNT(*) FROM audit_log WHERE new_value LIKE '%SCRAM%' OR "
                      "old_value LIKE '%SCRAM%' OR new_value LIKE '%password_hash%'",
        soci::into(secrets);
    BOOST_TEST(secrets == 0);
}

// On the server an account is a login role (SCRAM-SHA-256), member of the
// group role of its role; logging in is connecting as it; a disabled
// account cannot connect; an administrator's own connection manages
// accounts, nobody else's.
BOOST_FIXTURE_TEST_CASE(on_the_server_an_account_is_a_login_of_its_group, AccountsFixture) {
    if (Db().backend() != storage::Backend::Postgresql) return;
    const std::string quantri = TestLogin("quantri"), ct = TestLogin("ct_dt"),
                      xem = TestLogin("xem");
    // The owner's setup connection adds the first administrator.
    services::AccountService setup(Db(), "installer");
    setup.Add(quantri, Role::Admin, "", "Nguyễn Văn Quản", "Mk-quan-tri-1");
    BOOST_TEST(MemberOf(Db(), quantri, "cchc_admin"));
    BOOST_TEST(VerifierOf(StoredVerifier(Db(), quantri), "Mk-quan-tri-1"));
    BOOST_TEST(!VerifierOf(StoredVerifier(Db(), quantri), "Mk-quan-tri-2"));
    // The administrator logs in (connects) and adds a chair on its own
    // connection: the server lets it.
    auto admin = services::ConnectAsAccount(Db().url(), quantri, "Mk-quan-tri-1");
    BOOST_TEST(admin.account.login == quantri);
    BOOST_TEST((admin.account.role == Role::Admin));
    BOOST_TEST(!admin.account.unitId.has_value());
    BOOST_TEST(services::ConnectedAccount(*admin.db)->login == quantri);
    BOOST_TEST(!services::ConnectedAccount(Db()).has_value());
    services::AccountService(*admin.db, quantri)
        .Add(ct, Role::Chair, "XA-DONGTHANH", "Trần Thị Chủ", "Mk-chu-tich-1");
    BOOST_TEST(MemberOf(Db(), ct, "cchc_chair"));
    BOOST_TEST(!MemberOf(Db(), ct, "cchc_admin"));
    BOOST_TEST(VerifierOf(StoredVerifier(Db(), ct), "Mk-chu-tich-1"));
    // The chair connects as itself, and is the connection's user.
    auto chair = services::ConnectAsAccount(Db().url(), ct, "Mk-chu-tich-1");
    BOOST_TEST((chair.account.role == Role::Chair));
    BOOST_TEST(chair.account.unitId.has_value());
    BOOST_TEST(storage::UserRepository(chair.db->session()).ConnectedLogin() == ct);
    BOOST_TEST(!storage::UserRepository(Db().session()).ByLogin(ct)->lastLoginAt.empty());
    // It changes its own password, not the administrator's: refused by the
    // service, and by the server when asked directly.
    services::AccountService(*chair.db, ct).SetPassword(ct, "Mk-chu-tich-2");
    BOOST_TEST(VerifierOf(StoredVerifier(Db(), ct), "Mk-chu-tich-2"));
    const std::string before = StoredVerifier(Db(), quantri);
    BOOST_TEST(ErrorOf([&] {
                   services::AccountService(*chair.db, ct).SetPassword(quantri, "Mk-chiem-quyen");
               }) != "(no error)");
    BOOST_CHECK_THROW(
        storage::UserRepository(chair.db->session()).SetServerPassword(quantri, "Mk-chiem-quyen"),
        std::exception);
    BOOST_CHECK_THROW(storage::UserRepository(chair.db->session())
                          .CreateServerLogin(xem, "admin", "Mk-chiem-quyen"),
                      std::exception);
    BOOST_TEST(StoredVerifier(Db(), quantri) == before);
    chair.db.reset();
    // Disabled: the server refuses the login itself.
    services::AccountService(*admin.db, quantri).SetActive(ct, false);
    BOOST_TEST(ErrorOf([&] { services::ConnectAsAccount(Db().url(), ct, "Mk-chu-tich-2"); }) ==
               "login: " + std::string(tr("the account is disabled")));
    services::AccountService(*admin.db, quantri).SetActive(ct, true);
    BOOST_TEST(services::ConnectAsAccount(Db().url(), ct, "Mk-chu-tich-2").account.login == ct);
    // A wrong password: refused where the server checks passwords (a test
    // server that trusts its local connections does not).
    const std::string wrong =
        ErrorOf([&] { services::ConnectAsAccount(Db().url(), ct, "Mk-sai-mat-khau"); });
    if (wrong == "(no error)")
        BOOST_TEST_MESSAGE("the test server trusts local connections: passwords not asked");
    else
        BOOST_TEST(wrong == "password: " + std::string(tr("wrong login or password")));
    BOOST_TEST(ErrorOf([&] { services::ConnectAsAccount(Db().url(), xem, "Mk-khong-co-1"); }) !=
               "(no error)");
    // A login the server has already (another database's account) is not
    // taken over.
    RunOnRole(Db(), "CREATE ROLE %I LOGIN", xem);
    BOOST_TEST(ErrorOf([&] {
                   services::AccountService(*admin.db, quantri)
                       .Add(xem, Role::Viewer, "", "", "Mk-nguoi-xem-1");
               }).rfind("login:", 0) == 0);
    RunOnRole(Db(), "DROP ROLE %I", xem);
    // An account of an SQLite file moved to the server has no login there
    // yet: its first password gives it one, in the group of its role.
    const std::string moved = TestLogin("cc_moved");
    Db().session() << "INSERT INTO users (login, role, unit_id) SELECT :l, 'clerk', id FROM units "
                      "WHERE code = 'XA-DONGTHANH'",
        soci::use(moved);
    services::AccountService(*admin.db, quantri).SetPassword(moved, "Mk-cong-chuc-1");
    BOOST_TEST(MemberOf(Db(), moved, "cchc_clerk"));
    BOOST_TEST(VerifierOf(StoredVerifier(Db(), moved), "Mk-cong-chuc-1"));
    BOOST_TEST(services::ConnectAsAccount(Db().url(), moved, "Mk-cong-chuc-1").account.login ==
               moved);
}

// An administrator gives an account another role, unit or name: checked
// as when adding, audited per field, refused when the last administrator
// would lose the role or when another desk changed the account since it was
// read; on the server the login moves to the new role's group.
BOOST_FIXTURE_TEST_CASE(an_administrator_changes_an_accounts_role_unit_and_name, AccountsFixture) {
    const bool pg = Db().backend() == storage::Backend::Postgresql;
    const std::string quantri = TestLogin("quantri"), ct = TestLogin("ct_dt");
    services::AccountService(Db(), "installer")
        .Add(quantri, Role::Admin, "", "Nguyễn Văn Quản", "Mk-quan-tri-1");
    // On the server the administrator works on its own connection.
    std::unique_ptr<storage::Database> own;
    if (pg) own = services::ConnectAsAccount(Db().url(), quantri, "Mk-quan-tri-1").db;
    storage::Database& desk = pg ? *own : Db();
    services::AccountService admin(desk, quantri);
    admin.Add(ct, Role::Clerk, "XA-DONGTHANH", "Trần Thị Chủ", "Mk-chu-tich-1");
    auto read = [&](const std::string& login) {
        for (auto& a : admin.List())
            if (a.login == login) return a;
        throw std::runtime_error("no account " + login);
    };
    const auto clerk = read(ct);
    // A chair still needs its unit.
    BOOST_TEST(ErrorOf([&] { admin.Change(clerk, Role::Chair, "", "Trần Thị Chủ"); }) ==
               "unit: " + std::string(tr("a commune chair's or clerk's account needs its unit")));
    admin.Change(clerk, Role::Chair, "XA-DONGTHANH", "Trần Thị Chủ Tịch");
    const auto chair = read(ct);
    BOOST_TEST((chair.role == Role::Chair));
    BOOST_TEST(chair.unitCode == "XA-DONGTHANH");
    BOOST_TEST(chair.fullName == "Trần Thị Chủ Tịch");
    BOOST_TEST(chair.version == clerk.version + 1);
    if (pg) {
        BOOST_TEST(MemberOf(Db(), ct, "cchc_chair"));
        BOOST_TEST(!MemberOf(Db(), ct, "cchc_clerk"));
    }
    // The version read before: another desk changed it since.
    BOOST_CHECK_THROW(admin.Change(clerk, Role::Viewer, "", "x"), UserError);
    BOOST_TEST((read(ct).role == Role::Chair));
    // Into the office: no unit.
    admin.Change(chair, Role::Specialist, "", chair.fullName);
    BOOST_TEST(read(ct).unitCode.empty());
    if (pg) BOOST_TEST(MemberOf(Db(), ct, "cchc_specialist"));
    // The last administrator keeps its role.
    BOOST_TEST(ErrorOf([&] { admin.Change(read(quantri), Role::Viewer, "", ""); }) ==
               "role: " + std::string(tr("the last active administrator keeps the "
                                         "administrator's role")));
    // Only an administrator changes accounts.
    BOOST_CHECK_THROW(services::AccountService(desk, ct).Change(read(ct), Role::Admin, "", ""),
                      UserError);
    BOOST_TEST((read(ct).role == Role::Specialist));
    // Audited field by field (on the server by its triggers).
    std::vector<std::string> fields;
    for (const auto& e : storage::AuditRepository(Db().session()).ForRow("users", [&] {
             return storage::UserRepository(Db().session()).ByLogin(ct)->id;
         }()))
        if (e.action == "update") fields.push_back(e.field);
    auto has = [&](const std::string& f) {
        return std::find(fields.begin(), fields.end(), f) != fields.end();
    };
    BOOST_TEST(has("role"));
    BOOST_TEST(has("full_name"));
    BOOST_TEST((has("unit") || has("unit_id")));
}

BOOST_AUTO_TEST_SUITE_END()
