// Tests of the record checks in core/org.h and of core/i18n.h without a
// catalog.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/org.h"

namespace {

std::vector<std::string> Fields(const cchc::Problems& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.field);
    return out;
}

cchc::Unit GoodUnit() {
    cchc::Unit u;
    u.code = "XA-TAYXUAN";
    u.name = "Xã Tây Xuân";
    return u;
}

cchc::Person GoodPerson() {
    cchc::Person p;
    p.code = "CB001";
    p.fullName = "Nguyễn Thị Kim Yến";
    p.email = "yen.ntk@example.gov.vn";
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(org)

BOOST_AUTO_TEST_CASE(check_unit) {
    struct Case {
        const char* what;
        std::string code, name;
        std::vector<std::string> fields;
    };
    const Case cases[] = {
        {"valid", "XA-TAYXUAN", "Xã Tây Xuân", {}},
        {"empty code", "", "Xã Tây Xuân", {"code"}},
        {"blank code", "  ", "Xã Tây Xuân", {"code"}},
        {"code with space", "XA TAYXUAN", "Xã Tây Xuân", {"code"}},
        {"empty name", "XA-TAYXUAN", "", {"name"}},
        {"blank name", "XA-TAYXUAN", " \t", {"name"}},
        {"both", "", "", {"code", "name"}},
        {"name past 255 characters", "XA-TAYXUAN", std::string(256, 'a'), {"name"}},
        {"code past 50 characters", std::string(51, 'X'), "Xã Tây Xuân", {"code"}},
        {"at the limits", std::string(50, 'X'), std::string(255, 'a'), {}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            cchc::Unit u = GoodUnit();
            u.code = c.code;
            u.name = c.name;
            const cchc::Problems problems = cchc::CheckUnit(u);
            BOOST_TEST(Fields(problems) == c.fields, boost::test_tools::per_element());
            for (const auto& p : problems) BOOST_TEST(!p.message.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_unit_and_the_units_under_it_at_any_depth) {
    auto unit = [](std::int64_t id, std::optional<std::int64_t> parent) {
        cchc::Unit u;
        u.id = id;
        u.parentId = parent;
        return u;
    };
    // Province 1 > district 2 > communes 3, 4; district 5 > commune 6.
    const std::vector<cchc::Unit> units = {unit(6, 5), unit(3, 2), unit(1, std::nullopt),
                                           unit(4, 2), unit(2, 1), unit(5, 1)};
    BOOST_TEST((cchc::UnitAndUnitsUnder(units, 2) == std::set<std::int64_t>{2, 3, 4}));
    BOOST_TEST((cchc::UnitAndUnitsUnder(units, 1) == std::set<std::int64_t>{1, 2, 3, 4, 5, 6}));
    BOOST_TEST((cchc::UnitAndUnitsUnder(units, 6) == std::set<std::int64_t>{6}));
}

BOOST_AUTO_TEST_CASE(the_leads_offered_for_a_communes_plan_leave_out_other_communes) {
    auto unit = [](std::int64_t id, std::optional<std::int64_t> parent, cchc::UnitKind kind) {
        cchc::Unit u;
        u.id = id;
        u.parentId = parent;
        u.kind = kind;
        return u;
    };
    using K = cchc::UnitKind;
    // Province 1 (department 7) > district 2 (department 8) > communes 3, 4;
    // commune 3 has a unit 9 under it; district 5 > commune 6 (department 10).
    const std::vector<cchc::Unit> units = {unit(1, std::nullopt, K::Province),
                                           unit(2, 1, K::District),
                                           unit(3, 2, K::Commune),
                                           unit(4, 2, K::Commune),
                                           unit(5, 1, K::District),
                                           unit(6, 5, K::Commune),
                                           unit(7, 1, K::Department),
                                           unit(8, 2, K::Department),
                                           unit(9, 3, K::Department),
                                           unit(10, 5, K::Department)};
    BOOST_TEST((cchc::LeadCandidates(units, 3) == std::set<std::int64_t>{1, 2, 3, 7, 8, 9}));
    BOOST_TEST((cchc::LeadCandidates(units, 6) == std::set<std::int64_t>{1, 5, 6, 7, 10}));
    // A district's own plan: its departments and communes, the province's.
    BOOST_TEST((cchc::LeadCandidates(units, 2) == std::set<std::int64_t>{1, 2, 3, 4, 7, 8, 9}));
}

BOOST_AUTO_TEST_CASE(check_person) {
    struct Case {
        const char* email;
        bool ok;
    };
    const Case cases[] = {
        {"", true},
        {"yen.ntk@example.gov.vn", true},
        {"yen@tayson.binhdinh.gov.vn", true},
        {"yen.example.gov.vn", false},
        {"@example.gov.vn", false},
        {"yen@example", false},
        {"yen @example.gov.vn", false},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("e-mail '" << c.email << "'") {
            cchc::Person p = GoodPerson();
            p.email = c.email;
            const auto fields = Fields(cchc::CheckPerson(p));
            if (c.ok)
                BOOST_TEST(fields.empty());
            else
                BOOST_TEST(fields == std::vector<std::string>{"email"},
                           boost::test_tools::per_element());
        }
    }
    // Phone numbers as offices write them; letters or too few digits refused.
    for (const char* good : {"0256 3823 456", "0905.123.456", "+84 905 123 456", "(0256) 3823456",
                             "0256 3823 456 / 0905 123 456", "0912-345-678"})
        BOOST_TEST(cchc::PhoneNumbers(good), good);
    for (const char* bad : {"abc", "0905", "0905 abc 456", "0905+123456", "09/05", "số 0905123456"})
        BOOST_TEST(!cchc::PhoneNumbers(bad), bad);
    {
        cchc::Person phoned = GoodPerson();
        phoned.phone = "abc";
        BOOST_TEST(Fields(cchc::CheckPerson(phoned)) == std::vector<std::string>{"phone"},
                   boost::test_tools::per_element());
    }
    cchc::Person p = GoodPerson();
    p.code = "CB 001";
    p.fullName = "";
    BOOST_TEST(Fields(cchc::CheckPerson(p)) == (std::vector<std::string>{"code", "full_name"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(i18n)

BOOST_AUTO_TEST_CASE(english_without_catalog) {
    BOOST_TEST(cchc::SetLanguage("en"));
    BOOST_TEST(cchc::CurrentLanguage() == "en");
    const char* msgid = "the code must not be empty";
    BOOST_TEST(cchc::tr(msgid) == msgid);
    BOOST_TEST(std::string(cchc::tr("Quarter {0}/{1}")) == "Quarter {0}/{1}");
    BOOST_TEST(std::string(cchc::tr("no such message anywhere")) == "no such message anywhere");
}

BOOST_AUTO_TEST_CASE(unknown_language_falls_back_to_msgid) {
    BOOST_TEST(!cchc::SetLanguage("zz-no-such-language"));
    BOOST_TEST(cchc::CurrentLanguage() == "en");
    BOOST_TEST(std::string(cchc::tr("Year {0}")) == "Year {0}");
    BOOST_TEST(cchc::SetLanguage("en"));
}

BOOST_AUTO_TEST_SUITE_END()
