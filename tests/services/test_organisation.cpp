// The organisation service: validation of units and people, the tree order
// and the audit trail, on both backends.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

#include "fixture.h"
#include "services/org/directory.h"
#include "services/org/org_io.h"
#include "services/org/organisation.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
std::string FieldOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const UserError& e) {
        return e.where().field;
    }
    return "(no error)";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(organisation)

BOOST_FIXTURE_TEST_CASE(unit_validation_names_the_field, DbFixture) {
    services::OrganisationService org(Db(), "tester");
    Unit district;
    district.code = "TAYSON";
    district.name = "Huyện Tây Sơn";
    district.kind = UnitKind::District;
    district = org.SaveUnit(district);
    Unit u;
    u.code = "";
    u.name = "Xã Tây Xuân";
    BOOST_TEST(FieldOf([&] { org.SaveUnit(u); }) == "code");
    u.code = "TAYSON";
    BOOST_TEST(FieldOf([&] { org.SaveUnit(u); }) == "code");
    u.code = "XA-TAYXUAN";
    u.parentId = 424242;
    BOOST_TEST(FieldOf([&] { org.SaveUnit(u); }) == "parent");
    u.parentId = district.id;
    u = org.SaveUnit(u);
    // A district cannot move under its own commune.
    district.parentId = u.id;
    BOOST_TEST(FieldOf([&] { org.SaveUnit(district); }) == "parent");
    BOOST_TEST(storage::UnitRepository(Db().session()).Count() == 2);
}

BOOST_FIXTURE_TEST_CASE(edits_are_audited_field_by_field, DbFixture) {
    services::OrganisationService org(Db(), "chuyenvien");
    Unit u;
    u.code = "XA-TAYBINH";
    u.name = "Xã Tây Bình";
    u = org.SaveUnit(u);
    u.name = "Xã Tây Bình (mới)";
    u = org.SaveUnit(u);
    auto entries = storage::AuditRepository(Db().session()).ForRow("units", u.id);
    BOOST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[1].field == "name");
    BOOST_TEST(entries[1].oldValue.value() == "Xã Tây Bình");
    BOOST_TEST(entries[1].newValue.value() == "Xã Tây Bình (mới)");
    BOOST_TEST(entries[1].user == "chuyenvien");
}

BOOST_FIXTURE_TEST_CASE(tree_order_parents_first_then_vietnamese_names, DbFixture) {
    services::OrganisationService org(Db(), "t");
    Unit d;
    d.code = "D";
    d.name = "Huyện Tây Sơn";
    d.kind = UnitKind::District;
    d = org.SaveUnit(d);
    for (const char* name : {"Xã Đông Hòa", "Xã Dương Minh", "Xã Bình Tân", "Xã Ân Hảo"}) {
        Unit c;
        c.code = std::string("C") + std::to_string(org.Units().size());
        c.name = name;
        c.parentId = d.id;
        org.SaveUnit(c);
    }
    Unit town;
    town.code = "TT-PHUPHONG";
    town.name = "Thị trấn Phú Phong";
    town.placeName = "Phú Phong";
    town.kind = UnitKind::Town;
    town.parentId = d.id;
    org.SaveUnit(town);
    auto units = org.Units();
    std::vector<std::string> names;
    for (const auto& u : units) names.push_back(u.name);
    // Communes by place name, whatever their kind word.
    std::vector<std::string> expected = {"Huyện Tây Sơn", "Xã Ân Hảo",   "Xã Bình Tân",
                                         "Xã Dương Minh", "Xã Đông Hòa", "Thị trấn Phú Phong"};
    BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(broken_units_file_stores_nothing, DbFixture) {
    std::string good = dir.File("units.csv");
    WriteFile(good,
              "\xEF\xBB\xBF"
              "code,name,kind,parent,place_name\n"
              "TAYSON,Huyện Tây Sơn,district,,Tây Sơn\n"
              "XA-TAYXUAN,Xã Tây Xuân,commune,TAYSON,Tây Xuân\n");
    auto s = services::ImportUnits(Db(), good, "t");
    BOOST_TEST(s.inserted == 2);
    std::string broken = dir.File("broken.csv");
    WriteFile(broken,
              "code,name,kind,parent\n"
              "XA-TAYVINH,Xã Tây Vinh,commune,TAYSON\n"
              "XA-TAYAN,Xã Tây An,commune,NOWHERE\n");
    try {
        services::ImportUnits(Db(), broken, "t");
        BOOST_FAIL("broken file imported");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().file == "broken.csv");
        BOOST_TEST(e.where().line == 3);
        BOOST_TEST(e.where().field == "parent");
    }
    BOOST_TEST(storage::UnitRepository(Db().session()).Count() == 2);
    BOOST_TEST(!storage::UnitRepository(Db().session()).ByCode("XA-TAYVINH"));
}

// Parents and people's units named as users write them: a unit of the file
// or of the office by its name, without diacritics or with other case; an
// unknown one refused naming the nearest.
BOOST_FIXTURE_TEST_CASE(parents_and_units_are_found_by_their_names, DbFixture) {
    WriteFile(dir.File("units.csv"),
              "code,name,kind,parent\n"
              "TAYSON,Huyện Tây Sơn,district,\n"
              "XA-TAYXUAN,Xã Tây Xuân,commune,Huyện Tây Sơn\n"
              "XA-TAYAN,Xã Tây An,commune,huyen tay son\n");
    BOOST_TEST(services::ImportUnits(Db(), dir.File("units.csv"), "t").inserted == 3);
    storage::UnitRepository units(Db().session());
    const auto district = units.ByCode("TAYSON")->id;
    BOOST_TEST(*units.ByCode("XA-TAYXUAN")->parentId == district);
    BOOST_TEST(*units.ByCode("XA-TAYAN")->parentId == district);
    WriteFile(dir.File("more.csv"),
              "code,name,kind,parent\nXA-TAYVINH,Xã Tây Vinh,commune,Tây Sơn\n");
    BOOST_TEST(services::ImportUnits(Db(), dir.File("more.csv"), "t").inserted == 1);
    BOOST_TEST(*units.ByCode("XA-TAYVINH")->parentId == district);

    WriteFile(dir.File("people.csv"),
              "Mã,Đơn vị,Họ và tên\nCB01,Xã Tây Xuân,Đặng Thị Ánh\nCB02,xa tay an,Lê Văn Bình\n");
    BOOST_TEST(services::ImportPeople(Db(), dir.File("people.csv"), "t").inserted == 2);
    BOOST_TEST(storage::PersonRepository(Db().session()).ByCode("CB02")->unitId ==
               units.ByCode("XA-TAYAN")->id);
    WriteFile(dir.File("wrong.csv"), "code,unit,full_name\nCB03,Xã Tây Xuan Moi,Ngô Văn Cường\n");
    try {
        services::ImportPeople(Db(), dir.File("wrong.csv"), "t");
        BOOST_FAIL("an unknown unit was taken");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().line == 2);
        BOOST_TEST(e.where().field == "unit");
        BOOST_TEST(std::string(e.what()).find("XA-TAYXUAN") != std::string::npos, e.what());
    }
    BOOST_TEST(!storage::PersonRepository(Db().session()).ByCode("CB03"));
}

// Units as files name them: by code in any case, by the name before a
// comma, by the name without its kind; a name shared by a current unit and
// former ones (a commune formed in 2025 that took a former one's name) is
// the current one, a name two current units share none.
BOOST_FIXTURE_TEST_CASE(the_directory_finds_units_as_files_name_them, DbFixture) {
    WriteFile(dir.File("units.csv"),
              "code,name,kind,parent,active\n"
              "H-CU,Huyện Cũ,district,,no\n"
              "XA-DAKSONG,\"Xã Đăk Sông, huyện Kông Chro\",commune,,yes\n"
              "XA-BINHAN-CU,Xã Bình An,commune,H-CU,no\n"
              "XA-BINHAN,Xã Bình An,commune,,yes\n"
              "XA-HOA1,Xã Hòa Bình,commune,,yes\n"
              "P-HOA2,Phường Hòa Bình,ward,,yes\n");
    services::ImportUnits(Db(), dir.File("units.csv"), "t");
    storage::UnitRepository units(Db().session());
    const services::OfficeDirectory d(Db());
    auto id = [&](const char* code) { return units.ByCode(code)->id; };
    BOOST_TEST(*d.Unit("xa-daksong") == id("XA-DAKSONG"));
    BOOST_TEST(*d.Unit("Xã Đăk Sông") == id("XA-DAKSONG"));
    BOOST_TEST(*d.Unit("dak song") == id("XA-DAKSONG"));
    BOOST_TEST(*d.Unit("Xã Bình An") == id("XA-BINHAN"));
    BOOST_TEST(*d.Unit("XA-BINHAN-CU") == id("XA-BINHAN-CU"));
    BOOST_TEST(!d.Unit("Hòa Bình"));  // a commune and a ward
    BOOST_TEST(*d.Unit("Phường Hòa Bình") == id("P-HOA2"));
    const std::string why = d.UnitRefusal("Hòa Bình");
    BOOST_TEST(why.find("XA-HOA1") != std::string::npos, why);
    BOOST_TEST(why.find("P-HOA2") != std::string::npos, why);
}

BOOST_FIXTURE_TEST_CASE(an_export_imported_again_changes_nothing, DbFixture) {
    WriteFile(dir.File("units.csv"),
              "code,name,kind,parent,place_name\n"
              "TAYSON,Huyện Tây Sơn,district,,Tây Sơn\n"
              "XA-TAYXUAN,Xã Tây Xuân,commune,TAYSON,Tây Xuân\n");
    WriteFile(dir.File("people.csv"),
              "code,unit,full_name,position\nCB01,XA-TAYXUAN,Đặng Thị Ánh,Công chức\n");
    services::ImportUnits(Db(), dir.File("units.csv"), "t");
    services::ImportPeople(Db(), dir.File("people.csv"), "t");
    services::ExportUnits(Db(), dir.File("units-out.csv"), "test");
    services::ExportPeople(Db(), dir.File("people-out.csv"), "test");
    const auto units = services::ImportUnits(Db(), dir.File("units-out.csv"), "t");
    BOOST_TEST(units.inserted == 0);
    BOOST_TEST(units.updated == 0);
    BOOST_TEST(units.unchanged == 2);
    const auto people = services::ImportPeople(Db(), dir.File("people-out.csv"), "t");
    BOOST_TEST(people.updated == 0);
    BOOST_TEST(people.unchanged == 1);
    // One changed name is one update.
    WriteFile(dir.File("rename.csv"), "code,name,kind\nXA-TAYXUAN,Xã Tây Xuân Mới,commune\n");
    const auto renamed = services::ImportUnits(Db(), dir.File("rename.csv"), "t");
    BOOST_TEST(renamed.updated == 1);
    BOOST_TEST(renamed.unchanged == 0);
}

BOOST_FIXTURE_TEST_CASE(names_and_codes_past_their_limits_are_refused_not_stored, DbFixture) {
    struct Case {
        std::string row, field;
    };
    const std::vector<Case> cases = {
        {"XA-A,Xã " + std::string(300, 'a') + ",commune\n", "name"},
        {"XA-" + std::string(60, 'A') + ",Xã A,commune\n", "code"},
        {"XA-A,\"" + std::string(10'000'000, 'a') + "\",commune\n", "name"},  // 10 MB
        {"XA-A,Xã A," + std::string(3000, 'k') + "\n", "kind"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        BOOST_TEST_CONTEXT(cases[i].field) {
            const std::string name = "long" + std::to_string(i) + ".csv";
            WriteFile(dir.File(name), "code,name,kind\nXA-B,Xã B,commune\n" + cases[i].row);
            try {
                services::ImportUnits(Db(), dir.File(name), "t");
                BOOST_FAIL("a unit past the limits was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().file == name);
                BOOST_TEST(e.where().line == 3);
                BOOST_TEST(e.where().field == cases[i].field);
                BOOST_TEST(e.message().size() < 300u);  // the field is not echoed whole
            }
            BOOST_TEST(storage::UnitRepository(Db().session()).Count() == 0);
        }
    }
    // At the limit the name is stored.
    WriteFile(dir.File("max.csv"), "code,name,kind\nXA-A," + std::string(255, 'a') + ",commune\n");
    BOOST_TEST(services::ImportUnits(Db(), dir.File("max.csv"), "t").inserted == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_CASE(reporting_window_is_shared_through_the_database, DbFixture) {
    services::OrganisationService org(Db(), "t");
    BOOST_TEST((org.ReportingWindow() == WindowKind::Calendar));
    org.SetReportingWindow(WindowKind::CutOff, org.LoadReportingWindow().version);
    auto again = storage::Database::Open(Db().url());
    BOOST_TEST(
        (services::OrganisationService(*again, "other").ReportingWindow() == WindowKind::CutOff));
}

BOOST_FIXTURE_TEST_CASE(imports_audit_each_changed_field_like_the_dialogs, DbFixture) {
    std::string first = dir.File("a.csv"), second = dir.File("b.csv");
    WriteFile(first, "code,name,kind,place_name\nXA-TAYAN,Xã Tây An,commune,Tây An\n");
    WriteFile(second, "code,name,kind\nXA-TAYAN,Xã Tây An Mới,commune\n");
    services::ImportUnits(Db(), first, "clerk");
    services::ImportUnits(Db(), second, "clerk");
    auto u = storage::UnitRepository(Db().session()).ByCode("XA-TAYAN");
    BOOST_REQUIRE(u);
    auto entries = storage::AuditRepository(Db().session()).ForRow("units", u->id);
    BOOST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[1].field == "name");
    BOOST_TEST(entries[1].oldValue.value() == "Xã Tây An");
    BOOST_TEST(entries[1].newValue.value() == "Xã Tây An Mới");
    // The second file had no place_name column: the place name is kept.
    BOOST_TEST(u->placeName == "Tây An");
}
