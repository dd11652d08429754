// Remediation plans on both backends: seed 002's plan imported from its
// tasks file (one plan, its eleven items, every task with its lead,
// coordinators and time frame), imported again without duplicates,
// exported and re-imported unchanged, and a broken file refused whole.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include "core/errors.h"
#include "fixture.h"
#include "services/framework_io.h"
#include "services/org_io.h"
#include "services/plan_io.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
std::string Data(const std::string& name) { return std::string(CCHC_TEST_DATA_DIR) + "/" + name; }

struct SeedFixture : DbFixture {
    SeedFixture() {
        services::LoadBuiltinCatalogues(Db());
        services::ImportUnits(Db(), Data("seed002_units.csv"), "test");
        services::ImportPeople(Db(), Data("seed002_people.csv"), "test");
        services::ImportFrameworks(Db(), Data("seed002_framework.csv"), "test");
    }
    std::vector<PlanRecord> Plans() { return storage::PlanRepository(Db().session()).All(); }
    static const PlanItemRecord& Item(const PlanRecord& p, const std::string& heading) {
        auto it = std::find_if(p.items.begin(), p.items.end(), [&](const auto& i) { return i.heading == heading; });
        BOOST_REQUIRE(it != p.items.end());
        return *it;
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(plans)

BOOST_FIXTURE_TEST_CASE(seed_002_imports_as_one_plan_with_every_item_and_task, SeedFixture) {
    auto s = services::ImportTasks(Db(), Data("seed002_tasks.csv"), "test");
    BOOST_TEST(s.inserted == 28);
    auto plans = Plans();
    BOOST_REQUIRE(plans.size() == 1u);
    const PlanRecord& p = plans[0];
    BOOST_TEST(p.year == 2021);
    BOOST_TEST(p.frameworkId.has_value());
    BOOST_REQUIRE(p.items.size() == 11u);
    // Six sub-criteria and five satisfaction items, with their tasks.
    const std::map<std::string, std::size_t> tasks = {{"1.1", 1}, {"1.2", 2}, {"1.3", 1}, {"1.4", 1},
                                                      {"1.5", 4}, {"1.6", 1}, {"2.1", 3}, {"2.2", 5},
                                                      {"2.3", 3}, {"2.4", 3}, {"2.5", 4}};
    for (const auto& [heading, count] : tasks) {
        BOOST_TEST_CONTEXT(heading) {
            const auto& item = Item(p, heading);
            BOOST_TEST(item.tasks.size() == count);
            BOOST_TEST(item.criterionId.has_value());
            BOOST_TEST(!item.targetText.empty());
            BOOST_TEST(!item.criterionTitle.empty());
            BOOST_TEST(!item.groupTitle.empty());
        }
    }
    BOOST_TEST(Item(p, "1.1").targetText ==
               "100% số TTHC thuộc thẩm quyền giải quyết công khai đầy đủ trên Trang TTĐT của thị trấn.");
    // Leads as written, coordinators linked where they name a unit.
    const TaskRecord& first = Item(p, "1.1").tasks[0];
    BOOST_TEST(first.leadPersonText == "công chức Văn phòng – Thống kê; công chức Văn hoá – xã hội");
    BOOST_TEST((first.dueYear == std::optional<int>(2021)));
    BOOST_TEST(!first.recurring);
    const TaskRecord& postal = Item(p, "1.6").tasks[0];
    BOOST_REQUIRE(postal.coordinators.size() == 2u);
    BOOST_TEST(postal.coordinators[0].text == "Cán bộ, công chức");
    auto mttq = storage::UnitRepository(Db().session()).ByCode("TT-KONGCHRO-MTTQ");
    BOOST_REQUIRE(mttq);
    BOOST_TEST((postal.coordinators[1].unitId == std::optional<std::int64_t>(mttq->id)));
    // "Trong năm 2021 và những năm tiếp theo": recurring from 2021.
    long recurring = 0;
    for (const auto& item : p.items)
        for (const auto& t : item.tasks) recurring += t.recurring ? 1 : 0;
    BOOST_TEST(recurring == 10);
    BOOST_TEST(Item(p, "1.2").tasks[0].recurring);
    BOOST_TEST(Item(p, "1.2").tasks[0].timeText.find("2021") != std::string::npos);
    // Item 1.3 names nobody.
    const TaskRecord& unclear = Item(p, "1.3").tasks[0];
    BOOST_TEST(unclear.leadUnitText.empty());
    BOOST_TEST(unclear.leadPersonText.empty());
    BOOST_TEST(!unclear.leadUnitId.has_value());
}

BOOST_FIXTURE_TEST_CASE(importing_again_updates_and_export_round_trips, SeedFixture) {
    services::ImportTasks(Db(), Data("seed002_tasks.csv"), "test");
    auto again = services::ImportTasks(Db(), Data("seed002_tasks.csv"), "test");
    BOOST_TEST(again.inserted == 0);
    BOOST_TEST(again.updated == 28);
    BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 28);
    const std::string first = dir.File("tasks1.csv"), second = dir.File("tasks2.csv");
    BOOST_TEST(services::ExportTasks(Db(), first) == 28);
    services::ImportTasks(Db(), first, "test");
    BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 28);
    services::ExportTasks(Db(), second);
    BOOST_TEST(ReadFile(first) == ReadFile(second));
    // And as a workbook.
    BOOST_TEST(services::ExportTasks(Db(), dir.File("tasks.xlsx")) == 28);
    BOOST_TEST(services::ImportTasks(Db(), dir.File("tasks.xlsx"), "test").updated == 28);
}

BOOST_FIXTURE_TEST_CASE(a_broken_row_stores_nothing_and_names_line_and_column, SeedFixture) {
    const std::string header =
        "unit,framework,year,criterion,target,task,lead_unit,lead_person,coordinating_units,start,due,recurring,"
        "status,percent,outcome\n";
    const std::string good = "TT-KONGCHRO,GL-XA-2020,2021,1.1,Mục tiêu,Nhiệm vụ một,,,,,2021,no,not_started,0,\n";
    struct Case {
        std::string row, field;
    };
    const std::vector<Case> cases = {
        {"XX,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,no,not_started,0,\n", "unit"},
        {"TT-KONGCHRO,NO-SUCH,2021,1.1,,Nhiệm vụ hai,,,,,2021,no,not_started,0,\n", "framework"},
        {"TT-KONGCHRO,GL-XA-2020,năm,1.1,,Nhiệm vụ hai,,,,,2021,no,not_started,0,\n", "year"},
        {"TT-KONGCHRO,GL-XA-2020,2021,9.9,,Nhiệm vụ hai,,,,,2021,no,not_started,0,\n", "criterion"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,,,,,,2021,no,not_started,0,\n", "task"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,31/02/2021,no,not_started,0,\n", "due"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,2021-05-01,2021-04-01,no,not_started,0,\n", "due"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,maybe,not_started,0,\n", "recurring"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,no,finished,0,\n", "status"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,no,in_progress,150,\n", "percent"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        BOOST_TEST_CONTEXT(cases[i].row) {
            const std::string name = "broken" + std::to_string(i) + ".csv";
            WriteFile(dir.File(name), header + good + cases[i].row);
            try {
                services::ImportTasks(Db(), dir.File(name), "test");
                BOOST_FAIL("the broken file was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().file == name);
                BOOST_TEST(e.where().line == 3);
                BOOST_TEST(e.where().field == cases[i].field);
            }
            BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 0);
            BOOST_TEST(Plans().empty());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
