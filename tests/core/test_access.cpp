// Tests of core/access.h: the role × action matrix of PRODUCT.md cell by
// cell, the scope of an account in the unit tree, and the refusal sentence.
#include <boost/test/unit_test.hpp>

#include <map>

#include "core/access.h"
#include "core/i18n.h"

using namespace cchc;

BOOST_AUTO_TEST_SUITE(roles_and_scope)

BOOST_AUTO_TEST_CASE(role_keys_round_trip_and_units_are_required_for_commune_roles) {
    for (Role r : AllRoles()) BOOST_TEST((RoleFromKey(RoleKey(r)) == r));
    BOOST_TEST(!RoleFromKey("root"));
    BOOST_TEST(RoleNeedsUnit(Role::Chair));
    BOOST_TEST(RoleNeedsUnit(Role::Clerk));
    BOOST_TEST(!RoleNeedsUnit(Role::Admin));
    BOOST_TEST(!RoleNeedsUnit(Role::Specialist));
    BOOST_TEST(!RoleNeedsUnit(Role::Viewer));
}

BOOST_AUTO_TEST_CASE(the_matrix_is_the_one_of_the_product) {
    // One line per action, one letter per role (admin, specialist, chair,
    // clerk, viewer): Y allowed, - refused. Chair and clerk act on their own
    // unit only (the scope test below).
    const std::map<Action, std::string> expected{
        {Action::ManageAccounts, "Y----"},
        {Action::EditSettings, "Y----"},
        {Action::EditFrameworks, "Y----"},
        {Action::EditCatalogues, "Y----"},
        {Action::EditUnits, "YY---"},
        {Action::EditScores, "YYYY-"},
        {Action::EditEvidence, "YYYY-"},
        {Action::SubmitResults, "YYY--"},
        {Action::AppraiseResults, "YY---"},
        {Action::EditPlans, "YYY--"},
        {Action::RecordProgress, "YYYY-"},
        {Action::EditSurveys, "YYYY-"},
        {Action::DraftReports, "YYYY-"},
        {Action::PrintReports, "YYYYY"},
        {Action::IssueReports, "YYY--"},
        {Action::RevokeReports, "YY---"},
        {Action::SeeCitizenNames, "YYY--"},
        {Action::ReadAudit, "YYY--"},
        {Action::Import, "YYYY-"},
        // Reading is everyone's (within the account's units); a backup holds
        // every unit's data, a restore replaces the accounts, the demo fills
        // an empty office.
        {Action::ReadData, "YYYYY"},
        {Action::BackUp, "YY---"},
        {Action::Restore, "Y----"},
        {Action::FillDemo, "Y----"},
        // Packages for communes without a connection are the office's.
        {Action::ExchangePackages, "YY---"},
    };
    for (const auto& [action, letters] : expected) {
        for (size_t i = 0; i < AllRoles().size(); ++i) {
            BOOST_TEST_CONTEXT(ActionPhrase(action) << " / " << RoleKey(AllRoles()[i])) {
                BOOST_TEST(RoleAllows(AllRoles()[i], action) == (letters[i] == 'Y'));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(scope_is_the_unit_and_everything_under_it) {
    Account office{"pnv", Role::Specialist, std::nullopt};
    Account district{"huyen", Role::Specialist, 2};
    Account chair{"ct_ab", Role::Chair, 7};
    // Commune 7 under district 2 under province 1; commune 9 under district 3.
    const std::vector<std::int64_t> commune7{7, 2, 1}, commune9{9, 3, 1}, district2{2, 1};
    BOOST_TEST(InScope(office, commune7));
    BOOST_TEST(InScope(office, commune9));
    BOOST_TEST(InScope(district, commune7));
    BOOST_TEST(!InScope(district, commune9));
    BOOST_TEST(InScope(district, district2));
    BOOST_TEST(InScope(chair, commune7));
    BOOST_TEST(!InScope(chair, commune9));
    BOOST_TEST(!InScope(chair, district2));
}

BOOST_AUTO_TEST_CASE(a_refusal_names_the_account_the_action_and_the_unit) {
    SetLanguage("vi");
    BOOST_TEST(RefusalMessage("ct_ab", Action::EditScores, "Xã Đông Thạnh") ==
               "tài khoản ct_ab không được sửa kết quả của Xã Đông Thạnh");
    BOOST_TEST(RefusalMessage("xem", Action::Import) == "tài khoản xem không được nhập tệp");
    SetLanguage("en");
    BOOST_TEST(RefusalMessage("ct_ab", Action::EditScores, "Xã Đông Thạnh") ==
               "account ct_ab may not edit the results of Xã Đông Thạnh");
    SetLanguage("vi");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(logins_and_passwords)

BOOST_AUTO_TEST_CASE(a_login_is_a_plain_role_name) {
    BOOST_TEST(CheckLogin("ct_ab").empty());
    BOOST_TEST(CheckLogin("nguyen.van-a2").empty());
    BOOST_TEST(!CheckLogin("a").empty());
    BOOST_TEST(!CheckLogin("2ab").empty());
    BOOST_TEST(!CheckLogin("Admin").empty());
    BOOST_TEST(!CheckLogin("nguyễn").empty());
    BOOST_TEST(!CheckLogin("a b").empty());
    BOOST_TEST(!CheckLogin("x'; drop").empty());
    BOOST_TEST(!CheckLogin(std::string(64, 'a')).empty());
}

BOOST_AUTO_TEST_CASE(a_password_counts_characters_not_bytes) {
    BOOST_TEST(CheckPassword("12345678").empty());
    BOOST_TEST(!CheckPassword("1234567").empty());
    BOOST_TEST(!CheckPassword("đườngđ").empty());  // 6 letters, 13 bytes
    BOOST_TEST(CheckPassword("đườngđời").empty());
}

BOOST_AUTO_TEST_SUITE_END()
