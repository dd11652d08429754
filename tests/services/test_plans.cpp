// Remediation plans on both backends: seed 002's plan imported from its
// tasks file (one plan, its eleven items, every task with its lead,
// coordinators and time frame), imported again without duplicates,
// exported and re-imported unchanged (the demo's tasks too), and a broken
// file refused whole.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include "core/errors.h"
#include "core/task_rules.h"
#include "fixture.h"
#include "services/app/demo.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/org/organisation.h"
#include "services/plans/plan_io.h"
#include "services/plans/plans.h"
#include "services/plans/task_board.h"
#include "services/results/results.h"
#include "storage/plan_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {

struct SeedFixture : DbFixture {
    SeedFixture() {
        services::LoadBuiltinCatalogues(Db());
        services::ImportUnits(Db(), DataFile("seed002_units.csv"), "test");
        services::ImportPeople(Db(), DataFile("seed002_people.csv"), "test");
        services::ImportFrameworks(Db(), DataFile("seed002_framework.csv"), "test");
    }
    std::vector<PlanRecord> Plans() { return storage::PlanRepository(Db().session()).All(); }
    static const PlanItemRecord& Item(const PlanRecord& p, const std::string& heading) {
        auto it = std::find_if(p.items.begin(), p.items.end(),
                               [&](const auto& i) { return i.heading == heading; });
        BOOST_REQUIRE(it != p.items.end());
        return *it;
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(plans)

BOOST_FIXTURE_TEST_CASE(seed_002_imports_as_one_plan_with_every_item_and_task, SeedFixture) {
    auto s = services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    BOOST_TEST(s.inserted == 28);
    auto plans = Plans();
    BOOST_REQUIRE(plans.size() == 1u);
    const PlanRecord& p = plans[0];
    BOOST_TEST(p.year == 2021);
    BOOST_TEST(p.frameworkId.has_value());
    BOOST_REQUIRE(p.items.size() == 11u);
    // Six sub-criteria and five satisfaction items, with their tasks.
    const std::map<std::string, std::size_t> tasks = {
        {"1.1", 1}, {"1.2", 2}, {"1.3", 1}, {"1.4", 1}, {"1.5", 4}, {"1.6", 1},
        {"2.1", 3}, {"2.2", 5}, {"2.3", 3}, {"2.4", 3}, {"2.5", 4}};
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
    BOOST_TEST(
        Item(p, "1.1").targetText ==
        "100% số TTHC thuộc thẩm quyền giải quyết công khai đầy đủ trên Trang TTĐT của thị trấn.");
    // Leads as written, coordinators linked where they name a unit.
    const TaskRecord& first = Item(p, "1.1").tasks[0];
    BOOST_TEST(first.leadPersonText ==
               "công chức Văn phòng – Thống kê; công chức Văn hoá – xã hội");
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
    services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    auto again = services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    BOOST_TEST(again.inserted == 0);
    BOOST_TEST(again.updated == 0);  // nothing differs from what is stored
    BOOST_TEST(again.unchanged == 28);
    BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 28);
    const std::string first = dir.File("tasks1.csv"), second = dir.File("tasks2.csv");
    BOOST_TEST(services::ExportTasks(Db(), first, "test") == 28);
    services::ImportTasks(Db(), first, "test");
    BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 28);
    services::ExportTasks(Db(), second, "test");
    BOOST_TEST(ReadFile(first) == ReadFile(second));
    // And as a workbook.
    BOOST_TEST(services::ExportTasks(Db(), dir.File("tasks.xlsx"), "test") == 28);
    const auto fromXlsx = services::ImportTasks(Db(), dir.File("tasks.xlsx"), "test");
    BOOST_TEST(fromXlsx.updated == 0);
    BOOST_TEST(fromXlsx.unchanged == 28);
}

BOOST_FIXTURE_TEST_CASE(only_rows_with_other_values_count_as_updated, SeedFixture) {
    services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    const std::string file = dir.File("tasks.csv");
    services::ExportTasks(Db(), file, "test");
    // One task is under way in the file.
    std::string text = ReadFile(file);
    const std::size_t at = text.find(",not_started,0,");
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, std::string(",not_started,0,").size(), ",in_progress,40,");
    WriteFile(file, text);
    const auto s = services::ImportTasks(Db(), file, "test");
    BOOST_TEST(s.inserted == 0);
    BOOST_TEST(s.updated == 1);
    BOOST_TEST(s.unchanged == 27);
    BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 28);
}

BOOST_FIXTURE_TEST_CASE(the_demo_tasks_export_imports_again_unchanged, DbFixture) {
    services::DemoOptions o;
    o.communes = 4;
    o.years = 2;
    o.ratings = 50;
    o.seed = 3;
    o.lastYear = 2025;
    o.asOf = Date{2026, 6, 15};
    services::BuildDemo(Db(), o, nullptr);
    const long tasks = storage::PlanRepository(Db().session()).CountTasks();
    BOOST_REQUIRE(tasks > 0);
    const std::string first = dir.File("demo1.csv"), second = dir.File("demo2.csv");
    BOOST_TEST(services::ExportTasks(Db(), first, "test") == tasks);
    const auto s = services::ImportTasks(Db(), first, "test");
    BOOST_TEST(s.inserted == 0);
    BOOST_TEST(s.updated == 0);
    BOOST_TEST(s.unchanged == tasks);
    BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == tasks);
    services::ExportTasks(Db(), second, "test");
    BOOST_TEST(ReadFile(first) == ReadFile(second));
}

BOOST_FIXTURE_TEST_CASE(a_broken_row_stores_nothing_and_names_line_and_column, SeedFixture) {
    const std::string header =
        "unit,framework,year,criterion,target,task,lead_unit,lead_person,coordinating_units,start,"
        "due,recurring,"
        "status,percent,outcome\n";
    const std::string good =
        "TT-KONGCHRO,GL-XA-2020,2021,1.1,Mục tiêu,Nhiệm vụ một,,,,,2021,no,not_started,0,\n";
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
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ "
         "hai,,,,2021-05-01,2021-04-01,no,not_started,0,\n",
         "due"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,maybe,not_started,0,\n",
         "recurring"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,no,finished,0,\n", "status"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,no,in_progress,150,\n", "percent"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,no,in_progress,"
         "12345678901234567890,\n",
         "percent"},
        {"TT-KONGCHRO,GL-XA-2020,99999999999999999999,1.1,,Nhiệm vụ "
         "hai,,,,,2021,no,not_started,0,\n",
         "year"},
        {"TT-KONGCHRO,GL-XA-2020,2021,1.1,,Nhiệm vụ hai,,,,,2021,no," + std::string(3000, 'x') +
             ",0,\n",
         "status"},
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
                BOOST_TEST(e.message().size() < 300u);  // a long field is not echoed whole
            }
            BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 0);
            BOOST_TEST(Plans().empty());
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_damaged_or_hostile_workbook_stores_nothing, SeedFixture) {
    auto cell = [](const std::string& ref, const std::string& text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    };
    auto row = [&](int r, const std::vector<std::string>& texts, const std::string& last) {
        std::string xml = "<row r=\"" + std::to_string(r) + "\">";
        const char* cols[] = {"A", "B", "C", "D"};
        for (std::size_t i = 0; i < texts.size(); ++i)
            xml += cell(cols[i] + std::to_string(r), texts[i]);
        return xml + last + "</row>";
    };
    const std::string head = row(1, {"unit", "framework", "year", "criterion"}, cell("E1", "task"));
    const std::string good =
        row(2, {"TT-KONGCHRO", "GL-XA-2020", "2021", "1.1"}, cell("E2", "Nhiệm vụ một"));
    const std::vector<std::string> bad = {
        cell("E3", "Nhi\xE1\xBB m v\xE1"),             // not UTF-8
        "<c r=\"E3\" t=\"s\"><v>12</v></c>",           // no such shared string
        "<c r=\"E3\" t=\"str\"><f>A3&amp;B3</f></c>",  // a formula with no saved value
    };
    for (std::size_t i = 0; i < bad.size(); ++i) {
        BOOST_TEST_CONTEXT(bad[i]) {
            const std::string name = "bad" + std::to_string(i) + ".xlsx";
            const std::string sheet = "<worksheet><sheetData>" + head + good +
                                      row(3, {"TT-KONGCHRO", "GL-XA-2020", "2021", "1.2"}, bad[i]) +
                                      "</sheetData></worksheet>";
            WriteFile(dir.File(name),
                      MakeZip({{"xl/workbook.xml",
                                "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" "
                                "r:id=\"rId1\"/></sheets></workbook>"},
                               {"xl/worksheets/sheet1.xml", sheet}}));
            try {
                services::ImportTasks(Db(), dir.File(name), "test");
                BOOST_FAIL("the workbook was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().file == name);
                BOOST_TEST(e.where().line == 3);
                BOOST_TEST(e.where().field == "task");
                BOOST_TEST(e.message().find("E3") != std::string::npos, e.message());
            }
            BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 0);
            BOOST_TEST(Plans().empty());
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_tasks_file_without_its_framework_column_is_refused, SeedFixture) {
    WriteFile(dir.File("nofw.csv"),
              "unit,year,criterion,task\nTT-KONGCHRO,2021,1.1,Nhiệm vụ một\n");
    try {
        services::ImportTasks(Db(), dir.File("nofw.csv"), "test");
        BOOST_FAIL("a file without the framework column was imported");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().file == "nofw.csv");
        BOOST_TEST(e.where().line == 1);
        BOOST_TEST(e.where().field == "framework");
    }
    BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == 0);
    // The column may be empty: a plan of its own, not tied to a framework.
    WriteFile(dir.File("emptyfw.csv"),
              "unit,framework,year,criterion,task\nTT-KONGCHRO,,2021,Cải cách,Nhiệm vụ một\n");
    BOOST_TEST(services::ImportTasks(Db(), dir.File("emptyfw.csv"), "test").inserted == 1);
}

BOOST_FIXTURE_TEST_CASE(the_five_clear_check_flags_what_the_seed_leaves_unclear, SeedFixture) {
    services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    const PlanRecord p = Plans().at(0);
    const auto& unclear = Item(p, "1.3");
    auto problems = CheckFiveClear(unclear.tasks.at(0), unclear);
    auto has = [&](FiveClear which) {
        return std::any_of(problems.begin(), problems.end(),
                           [&](const auto& x) { return x.which == which; });
    };
    BOOST_TEST(has(FiveClear::Person));
    BOOST_TEST(has(FiveClear::Responsibility));
    BOOST_TEST(!has(FiveClear::Time));
    BOOST_TEST(!has(FiveClear::Work));
    // 1.1 names its people and its time: clear on those.
    const auto& clear = Item(p, "1.1");
    auto fine = CheckFiveClear(clear.tasks.at(0), clear);
    BOOST_TEST(std::none_of(fine.begin(), fine.end(),
                            [](const auto& x) { return x.which == FiveClear::Person; }));
}

namespace {
// Three tasks of one commune: due on a date, due in a year, recurring.
const char* kTasks =
    "unit,framework,year,criterion,target,task,lead_unit,lead_person,coordinating_units,start,due,"
    "recurring,"
    "status,percent,outcome\n"
    "TT-KONGCHRO,GL-XA-2020,2026,1.1,Mục tiêu,Việc có hạn "
    "ngày,,,,2026-01-05,2026-03-31,no,in_progress,40,\n"
    "TT-KONGCHRO,GL-XA-2020,2026,1.1,Mục tiêu,Việc trong năm,,,,2026-01-05,2026,no,not_started,0,\n"
    "TT-KONGCHRO,GL-XA-2020,2026,1.2,Mục tiêu,Việc thường "
    "xuyên,,,,2026-01-05,2026,yes,in_progress,10,\n";

// The tasks on the board as of a day that pass the filter.
std::vector<services::BoardTask> Listed(storage::Database& db, Date asOf,
                                        const services::TaskFilter& filter) {
    return services::TaskBoard(db, asOf, "").List(filter);
}

std::vector<std::string> Texts(const std::vector<services::BoardTask>& tasks) {
    std::vector<std::string> out;
    for (const auto& t : tasks) out.push_back(t.row.solution);
    std::sort(out.begin(), out.end());
    return out;
}
}  // namespace

BOOST_FIXTURE_TEST_CASE(overdue_due_soon_and_missing_updates_on_the_board, SeedFixture) {
    WriteFile(dir.File("t.csv"), kTasks);
    services::ImportTasks(Db(), dir.File("t.csv"), "test");
    services::TaskFilter overdue;
    overdue.overdue = true;
    // Due on 31/03: not overdue that day, one day the day after.
    BOOST_TEST(Listed(Db(), Date{2026, 3, 31}, overdue).empty());
    const auto late = Listed(Db(), Date{2026, 4, 1}, overdue);
    BOOST_REQUIRE(late.size() == 1u);
    BOOST_TEST(late[0].row.solution == "Việc có hạn ngày");
    BOOST_TEST(late[0].overdueDays == 1);
    // Due in 2026: due on 31/12/2026, overdue on 1/1/2027; the recurring one never.
    BOOST_TEST(Texts(Listed(Db(), Date{2027, 1, 1}, overdue)) ==
                   (std::vector<std::string>{"Việc có hạn ngày", "Việc trong năm"}),
               boost::test_tools::per_element());
    // Due within 30 days of 15/03: the one due on 31/03.
    services::TaskFilter soon;
    soon.dueWithinDays = 30;
    BOOST_TEST(Texts(Listed(Db(), Date{2026, 3, 15}, soon)) ==
                   std::vector<std::string>{"Việc có hạn ngày"},
               boost::test_tools::per_element());
    // Missing updates: calendar Q1 closes 31/03, so on 01/04 every open task lacks its Q1 update.
    services::TaskFilter missing;
    missing.missingUpdate = true;
    services::TaskBoard onDay(Db(), Date{2026, 3, 31}, ""), after(Db(), Date{2026, 4, 1}, "");
    BOOST_TEST(onDay.Count(missing) == 0);
    BOOST_TEST(after.Count(missing) == 3);
    for (const auto& t : after.List(missing)) BOOST_TEST(t.missingUpdates == 1);
    {
        // Per commune, for the dashboard: the three tasks of the one plan.
        const auto byUnit = after.MissingUpdatesByUnit();
        BOOST_REQUIRE(byUnit.size() == 1u);
        BOOST_TEST(byUnit.begin()->second == 3);
        BOOST_TEST(onDay.MissingUpdatesByUnit().empty());
        // The chair's groups: overdue first; on 15/03 the task due 31/03 is due this month.
        const auto groups = after.GroupCounts({});
        BOOST_REQUIRE(!groups.empty());
        BOOST_TEST((groups.front().first == services::TaskGroup::Overdue));
        BOOST_TEST(groups.front().second == 1);
        services::TaskFilter first;
        first.group = services::TaskGroup::Overdue;
        const auto overdueGroup = after.List(first);
        BOOST_REQUIRE(overdueGroup.size() == 1u);
        BOOST_TEST(overdueGroup[0].row.taskId == late[0].row.taskId);
        services::TaskBoard mid(Db(), Date{2026, 3, 15}, "");
        const auto midGroups = mid.GroupCounts({});
        BOOST_TEST((midGroups.front().first == services::TaskGroup::DueThisMonth));
        first.group = services::TaskGroup::DueThisMonth;
        BOOST_TEST(mid.List(first).at(0).row.solution == "Việc có hạn ngày");
        long listed = 0;
        for (const auto& g : midGroups) listed += g.second;
        BOOST_TEST(listed == mid.Count({}));
    }
    // With the cut-off windows Q1 closes 14/03: missing from 15/03.
    {
        services::OrganisationService org(Db(), "test");
        org.SetReportingWindow(WindowKind::CutOff, org.LoadReportingWindow().version);
    }
    BOOST_TEST(Listed(Db(), Date{2026, 3, 14}, missing).empty());
    BOOST_TEST(Listed(Db(), Date{2026, 3, 15}, missing).size() == 3u);
    {
        services::OrganisationService org(Db(), "test");
        org.SetReportingWindow(WindowKind::Calendar, org.LoadReportingWindow().version);
    }

    // A progress update for Q1 removes the task from "missing update"; closing it as done
    // removes it from "overdue" and asks what changed.
    services::ProgressInput update;
    update.taskId = late[0].row.taskId;
    update.period = "2026-Q1";
    update.status = TaskStatus::Done;
    update.percent = 100;
    BOOST_CHECK_THROW(services::AddProgressUpdate(Db(), update, "clerk"), UserError);  // no outcome
    update.outcome = "Đã công khai đủ 100% thủ tục.";
    services::AddProgressUpdate(Db(), update, "clerk");
    BOOST_TEST(Listed(Db(), Date{2026, 4, 1}, overdue).empty());
    BOOST_TEST(Listed(Db(), Date{2026, 4, 1}, missing).size() == 2u);
    auto task = storage::PlanRepository(Db().session()).LoadTask(update.taskId);
    BOOST_TEST(task->percentDone == 100);
    BOOST_TEST(task->closedOn.has_value());
    BOOST_TEST(task->outcome == update.outcome);
    BOOST_TEST(storage::PlanRepository(Db().session()).UpdatesOf(update.taskId).size() == 1u);
    // A malformed quarter or percentage is refused, nothing stored.
    update.period = "2026-Q5";
    BOOST_CHECK_THROW(services::AddProgressUpdate(Db(), update, "clerk"), UserError);
    update.period = "2026-Q2";
    update.status = TaskStatus::InProgress;
    update.percent = 120;
    BOOST_CHECK_THROW(services::AddProgressUpdate(Db(), update, "clerk"), UserError);
    BOOST_TEST(storage::PlanRepository(Db().session()).UpdatesOf(update.taskId).size() == 1u);
    // An update that records nothing (the task's own status and percentage,
    // no note, no document) says so instead of being saved.
    const auto open = services::TaskBoard(Db(), Date{2026, 4, 1}, "").List(missing);
    BOOST_REQUIRE(!open.empty());
    services::ProgressInput same;
    same.taskId = open.front().row.taskId;
    same.period = "2026-Q2";
    same.status = open.front().row.status;
    same.percent = open.front().row.percentDone;
    try {
        services::AddProgressUpdate(Db(), same, "clerk");
        BOOST_FAIL("an empty progress update was saved");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == "note");
    }
    BOOST_TEST(storage::PlanRepository(Db().session()).UpdatesOf(same.taskId).empty());
    same.note = "Đang rà soát lại danh mục thủ tục.";
    services::AddProgressUpdate(Db(), same, "clerk");
    BOOST_TEST(storage::PlanRepository(Db().session()).UpdatesOf(same.taskId).size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(a_draft_plan_from_the_weak_criteria, SeedFixture) {
    // 1.1 and 1.2 scored low, 1.3 at its maximum.
    WriteFile(dir.File("r.csv"),
              "unit,framework,period,criterion,self_score,appraised_score\n"
              "TT-KONGCHRO,GL-XA-2020,2020,1.1,1,0.5\n"
              "TT-KONGCHRO,GL-XA-2020,2020,1.2,2,1\n"
              "TT-KONGCHRO,GL-XA-2020,2020,1.3,1,1\n");
    services::ImportResults(Db(), dir.File("r.csv"), "test");
    // Previewed first: the same items, nothing stored.
    const auto plansBefore = storage::PlanRepository(Db().session()).All().size();
    auto preview =
        services::PreviewDraftPlan(Db(), "TT-KONGCHRO", "GL-XA-2020", "2020", 80, "office");
    BOOST_TEST(preview.created);
    BOOST_TEST(preview.planId == 0);
    BOOST_TEST(preview.year == 2021);
    BOOST_TEST(storage::PlanRepository(Db().session()).All().size() == plansBefore);
    auto draft = services::DraftPlan(Db(), "TT-KONGCHRO", "GL-XA-2020", "2020", 80, "office");
    BOOST_REQUIRE(preview.items.size() == draft.items.size());
    for (std::size_t i = 0; i < draft.items.size(); ++i)
        BOOST_TEST(preview.items[i].heading == draft.items[i].heading);
    // Once stored, the preview completes that plan and has nothing to add.
    preview = services::PreviewDraftPlan(Db(), "TT-KONGCHRO", "GL-XA-2020", "2020", 80, "office");
    BOOST_TEST(!preview.created);
    BOOST_TEST(preview.planId == draft.planId);
    BOOST_TEST(preview.items.empty());
    BOOST_TEST(draft.created);
    BOOST_TEST(draft.year == 2021);
    std::vector<std::string> headings;
    for (const auto& i : draft.items) headings.push_back(i.heading);
    auto in = [&](const char* code) {
        return std::find(headings.begin(), headings.end(), code) != headings.end();
    };
    BOOST_TEST(in("1.1"));
    BOOST_TEST(in("1.2"));
    BOOST_TEST(!in("1.3"));
    for (const auto& i : draft.items) BOOST_TEST(!i.targetText.empty());
    auto plan = storage::PlanRepository(Db().session()).Load(draft.planId);
    BOOST_REQUIRE(plan);
    BOOST_TEST(plan->status == "draft");
    BOOST_TEST(plan->items.size() == draft.items.size());
    // Asked again, nothing is added twice.
    auto again = services::DraftPlan(Db(), "TT-KONGCHRO", "GL-XA-2020", "2020", 80, "office");
    BOOST_TEST(!again.created);
    BOOST_TEST(again.items.empty());
    BOOST_TEST(again.planId == draft.planId);
    BOOST_CHECK_THROW(services::DraftPlan(Db(), "TT-KONGCHRO", "GL-XA-2020", "2019", 80, "office"),
                      UserError);
    BOOST_CHECK_THROW(services::DraftPlan(Db(), "NO-SUCH", "GL-XA-2020", "2020", 80, "office"),
                      UserError);
}

BOOST_FIXTURE_TEST_CASE(the_plan_editor_saves_tasks_links_leads_and_audits, SeedFixture) {
    services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    services::PlanService service(Db(), "office");
    PlanRecord plan = service.Load(Plans().at(0).id);
    const PlanItemRecord item = Item(plan, "1.3");
    // The unclear task of 1.3 gets a lead typed by name: linked to the unit.
    TaskRecord t = item.tasks.at(0);
    t.leadUnitText = "Văn phòng – Thống kê";
    t.leadPersonText = "Người chưa có trong danh sách";
    t.coordinators = {
        TaskCoordinator{std::nullopt, std::nullopt, "Mặt trận và các đoàn thể thị trấn"}};
    t.dueOn = "2021-06-30";
    const TaskRecord saved = service.SaveTask(item.id, t);
    auto vptk = storage::UnitRepository(Db().session()).ByCode("TT-KONGCHRO-VPTK");
    BOOST_REQUIRE(vptk);
    BOOST_TEST((saved.leadUnitId == std::optional<std::int64_t>(vptk->id)));
    BOOST_TEST(saved.leadPersonText == "Người chưa có trong danh sách");
    BOOST_REQUIRE(saved.coordinators.size() == 1u);
    BOOST_TEST(saved.coordinators[0].unitId.has_value());
    BOOST_TEST((saved.dueOn == std::optional<std::string>("2021-06-30")));
    auto log = storage::AuditRepository(Db().session()).ForRow("tasks", saved.id);
    BOOST_TEST(std::any_of(log.begin(), log.end(),
                           [](const auto& a) { return a.field == "lead_unit_id"; }));
    BOOST_TEST(
        std::any_of(log.begin(), log.end(), [](const auto& a) { return a.field == "due_on"; }));
    // Refused: no text, due before start; nothing changes.
    TaskRecord bad = saved;
    bad.solution = "  ";
    BOOST_CHECK_THROW(service.SaveTask(item.id, bad), UserError);
    bad = saved;
    bad.startOn = "2021-07-01";
    BOOST_CHECK_THROW(service.SaveTask(item.id, bad), UserError);
    BOOST_TEST(storage::PlanRepository(Db().session()).LoadTask(saved.id)->solution ==
               saved.solution);
    // A new task, then deleted; a task with progress cannot be deleted.
    TaskRecord fresh;
    fresh.solution = "Cử công chức tham gia lớp bồi dưỡng";
    fresh.dueYear = 2021;
    const TaskRecord added = service.SaveTask(item.id, fresh);
    BOOST_TEST(service.Load(plan.id).items.size() == plan.items.size());
    service.DeleteTask(added.id);
    BOOST_TEST(!storage::PlanRepository(Db().session()).LoadTask(added.id).has_value());
    services::ProgressInput update;
    update.taskId = saved.id;
    update.period = "2021-Q2";
    update.status = TaskStatus::InProgress;
    update.percent = 50;
    services::AddProgressUpdate(Db(), update, "clerk");
    BOOST_CHECK_THROW(service.DeleteTask(saved.id), UserError);
}

BOOST_FIXTURE_TEST_CASE(the_plan_header_and_its_criterion_items_are_edited, SeedFixture) {
    services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    services::PlanService service(Db(), "office");
    PlanRecord plan = service.Load(Plans().at(0).id);
    const std::size_t items = plan.items.size();

    // The document fields, audited field by field.
    PlanRecord header = plan;
    header.number = " 05/KH-UBND ";
    header.issuedOn = "2021-01-05";
    header.title = "KẾ HOẠCH";
    header.summary = "Khắc phục những hạn chế, nâng cao Chỉ số CCHC năm 2021";
    header.basis = "Căn cứ Kế hoạch số 112/KH-UBND ngày 30/12/2020 của UBND huyện";
    header.signerAuthority = "TM. ỦY BAN NHÂN DÂN";
    header.signerTitle = "CHỦ TỊCH";
    header.signerName = "Nguyễn Văn A";
    header.recipients = "- UBND huyện;\n- Lưu: VT.";
    header.status = "issued";
    service.SaveHeader(header);
    auto stored = storage::PlanRepository(Db().session()).LoadHeader(plan.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->number == "05/KH-UBND");
    BOOST_TEST((stored->issuedOn == std::optional<std::string>("2021-01-05")));
    BOOST_TEST(stored->signerName == "Nguyễn Văn A");
    BOOST_TEST(stored->status == "issued");
    BOOST_TEST(stored->recipients == "- UBND huyện;\n- Lưu: VT.");
    auto log = storage::AuditRepository(Db().session()).ForRow("plans", plan.id);
    BOOST_TEST(std::any_of(log.begin(), log.end(), [](const auto& a) {
        return a.field == "number" && a.newValue == std::optional<std::string>("05/KH-UBND");
    }));
    // Refused, nothing stored: a bad date, an unknown status, no title.
    PlanRecord bad = header;
    bad.issuedOn = "2021-02-30";
    bad.signerName = "Khác";
    BOOST_CHECK_THROW(service.SaveHeader(bad), UserError);
    bad = header;
    bad.status = "signed";
    BOOST_CHECK_THROW(service.SaveHeader(bad), UserError);
    bad = header;
    bad.title = " ";
    try {
        service.SaveHeader(bad);
        BOOST_FAIL("an empty title was accepted");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == "title");
    }
    BOOST_TEST(storage::PlanRepository(Db().session()).LoadHeader(plan.id)->signerName ==
               "Nguyễn Văn A");

    // Seed 002's plan answers every scored criterion: none is offered.
    plan = service.Load(plan.id);
    BOOST_TEST(service.CriteriaWithoutItem(plan).empty());
    // Removing an item takes its tasks (none has progress yet).
    const PlanItemRecord removed = Item(plan, "1.1");
    BOOST_REQUIRE(!removed.tasks.empty());
    service.DeleteItem(removed.id);
    BOOST_TEST(!storage::PlanRepository(Db().session()).LoadTask(removed.tasks[0].id).has_value());
    plan = service.Load(plan.id);
    BOOST_TEST(plan.items.size() == items - 1);
    // Its criterion is offered again, and can be added back once.
    const auto free = service.CriteriaWithoutItem(plan);
    BOOST_REQUIRE(free.size() == 1u);
    BOOST_TEST((free[0].id == removed.criterionId.value_or(0)));
    const PlanItemRecord added = service.AddItem(plan.id, free[0].id, "", "");
    BOOST_TEST(added.heading == "1.1");
    BOOST_TEST(added.criterionTitle == free[0].title);
    BOOST_TEST(added.groupLabel == removed.groupLabel);
    BOOST_CHECK_THROW(service.AddItem(plan.id, free[0].id, "", ""), UserError);
    BOOST_TEST(service.CriteriaWithoutItem(service.Load(plan.id)).empty());
    // An item of the clerk's own needs a title.
    BOOST_CHECK_THROW(service.AddItem(plan.id, 0, "12", "  "), UserError);
    const PlanItemRecord own =
        service.AddItem(plan.id, 0, "12", "Tuyên truyền cải cách hành chính");
    BOOST_TEST(!own.criterionId.has_value());
    plan = service.Load(plan.id);
    BOOST_TEST(plan.items.size() == items + 1);
    BOOST_TEST(plan.items.back().criterionTitle == "Tuyên truyền cải cách hành chính");

    // Refused once progress is reported on one of its tasks.
    const PlanItemRecord& withProgress = Item(plan, "1.3");
    services::ProgressInput update;
    update.taskId = withProgress.tasks.at(0).id;
    update.period = "2021-Q2";
    update.percent = 20;
    services::AddProgressUpdate(Db(), update, "clerk");
    BOOST_CHECK_THROW(service.DeleteItem(withProgress.id), UserError);
    BOOST_TEST(service.Load(plan.id).items.size() == items + 1);
}

BOOST_FIXTURE_TEST_CASE(an_item_shows_whether_its_criterion_improved, SeedFixture) {
    services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    services::PlanService service(Db(), "office");
    const PlanRecord plan = service.Load(Plans().at(0).id);  // the 2021 plan answering 2020
    const auto& item = Item(plan, "1.2");
    auto effects = service.Effects(plan);
    BOOST_TEST(!effects.at(item.id).Known());  // nothing appraised yet
    WriteFile(dir.File("r.csv"),
              "unit,framework,period,criterion,appraised_score\n"
              "TT-KONGCHRO,GL-XA-2020,2020,1.2,0.5\nTT-KONGCHRO,GL-XA-2020,2020,1.3,1\n"
              "TT-KONGCHRO,GL-XA-2020,2021,1.2,1.5\nTT-KONGCHRO,GL-XA-2020,2021,1.3,0.5\n");
    services::ImportResults(Db(), dir.File("r.csv"), "test");
    effects = service.Effects(plan);
    const auto& rose = effects.at(item.id);
    BOOST_REQUIRE(rose.Known());
    BOOST_TEST(*rose.before == 0.5);
    BOOST_TEST(*rose.after == 1.5);
    BOOST_TEST(rose.Improved());
    const auto& fell = effects.at(Item(plan, "1.3").id);
    BOOST_REQUIRE(fell.Known());
    BOOST_TEST(!fell.Improved());
}

BOOST_FIXTURE_TEST_CASE(saved_task_board_filters_per_user, SeedFixture) {
    services::TaskBoardView overdue;
    overdue.unitId = 7;
    overdue.due = "overdue";
    overdue.status = "open";
    overdue.text = "tuyên truyền";
    services::SaveTaskView(Db(), "an", "Quá hạn của xã", overdue);
    services::TaskBoardView month;
    month.due = "month";
    month.missingUpdate = true;
    services::SaveTaskView(Db(), "an", "Trong tháng", month);
    services::SaveTaskView(Db(), "binh", "Của Bình", month);
    auto views = services::SavedTaskViews(Db(), "an");
    BOOST_REQUIRE(views.size() == 2u);
    const auto& back = std::find_if(views.begin(), views.end(), [](const auto& v) {
                           return v.first == "Quá hạn của xã";
                       })->second;
    BOOST_TEST((back.unitId == std::optional<std::int64_t>(7)));
    BOOST_TEST(back.text == "tuyên truyền");
    const auto f = back.ToFilter(Date{2026, 4, 10});
    BOOST_TEST(f.overdue);
    BOOST_TEST(f.openOnly);
    // "This month" stays relative to the day the filter is used.
    const auto m = month.ToFilter(Date{2026, 2, 10});
    BOOST_TEST((m.dueTo && *m.dueTo == Date{2026, 2, 28}));
    // A lead and a range of due dates, kept through saving.
    services::ImportTasks(Db(), DataFile("seed002_tasks.csv"), "test");
    services::TaskBoard board(Db(), Date{2021, 6, 1}, "");
    const auto leads = board.Leads();
    BOOST_REQUIRE(!leads.empty());
    services::TaskBoardView byLead;
    byLead.lead = leads.front().first;
    byLead.due = "range";
    byLead.dueFrom = Date{2021, 1, 1};
    byLead.dueTo = Date{2021, 12, 31};
    services::SaveTaskView(Db(), "an", "Theo người chủ trì", byLead);
    views = services::SavedTaskViews(Db(), "an");
    const auto& lead = std::find_if(views.begin(), views.end(), [](const auto& v) {
                           return v.first == "Theo người chủ trì";
                       })->second;
    BOOST_TEST(lead.lead == byLead.lead);
    BOOST_TEST((lead.dueTo && *lead.dueTo == Date{2021, 12, 31}));
    const auto lf = lead.ToFilter(Date{2021, 6, 1});
    BOOST_TEST((lf.leadUnitId.has_value() || lf.leadPersonId.has_value()));
    const auto shown = board.List(lf);
    BOOST_TEST(!shown.empty());
    for (const auto& t : shown) {
        BOOST_TEST((t.leadPerson == leads.front().second || t.leadUnit == leads.front().second));
        BOOST_TEST((t.due && t.due->year == 2021));
    }
    services::DeleteTaskView(Db(), "an", "Theo người chủ trì");
    // Saving a name again replaces it; forgetting removes it; names are required.
    month.text = "x";
    services::SaveTaskView(Db(), "an", "Trong tháng", month);
    BOOST_TEST(services::SavedTaskViews(Db(), "an").size() == 2u);
    services::DeleteTaskView(Db(), "an", "Trong tháng");
    BOOST_TEST(services::SavedTaskViews(Db(), "an").size() == 1u);
    BOOST_TEST(services::SavedTaskViews(Db(), "binh").size() == 1u);
    BOOST_CHECK_THROW(services::SaveTaskView(Db(), "an", "  ", month), UserError);
    BOOST_TEST(!services::TaskBoardView::FromJson("not json").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(plans)

// Issue 13: a tasks file imported again with two values changed audits
// each changed value of the task, with its old and new value, as the plan
// editor does; values left alone are not audited.
BOOST_FIXTURE_TEST_CASE(a_task_updated_by_an_import_audits_each_changed_value, SeedFixture) {
    const std::string header =
        "unit,framework,year,criterion,target,task,lead_unit,lead_person,coordinating_units,"
        "start,due,recurring,status,percent,outcome\n";
    const std::string first = dir.File("tasks1.csv"), second = dir.File("tasks2.csv");
    WriteFile(first, header +
                         "TT-KONGCHRO,GL-XA-2020,2021,1.1,,Niêm yết thủ tục hành chính,,,,,"
                         "2021,no,not_started,0,\n");
    WriteFile(second, header +
                          "TT-KONGCHRO,GL-XA-2020,2021,1.1,,Niêm yết thủ tục hành chính,,,,,"
                          "2021,no,in_progress,40,\n");
    BOOST_TEST(services::ImportTasks(Db(), first, "clerk").inserted == 1);
    const PlanItemRecord item = Item(Plans().at(0), "1.1");
    const std::int64_t id = item.tasks.at(0).id;
    const long before = storage::AuditRepository(Db().session()).ForRow("tasks", id).size();
    BOOST_TEST(services::ImportTasks(Db(), second, "clerk").updated == 1);
    const auto log = storage::AuditRepository(Db().session()).ForRow("tasks", id);
    std::vector<storage::AuditEntry> added(log.begin() + before, log.end());
    BOOST_REQUIRE(added.size() == 2u);
    auto entry = [&](const std::string& field) -> const storage::AuditEntry* {
        for (const auto& e : added)
            if (e.field == field) return &e;
        return nullptr;
    };
    BOOST_REQUIRE(entry("status"));
    BOOST_TEST(entry("status")->oldValue.value_or("") == "not_started");
    BOOST_TEST(entry("status")->newValue.value_or("") == "in_progress");
    BOOST_TEST(entry("status")->action == "update");
    BOOST_TEST(entry("status")->user == "clerk");
    BOOST_REQUIRE(entry("percent_done"));
    BOOST_TEST(entry("percent_done")->oldValue.value_or("") == "0");
    BOOST_TEST(entry("percent_done")->newValue.value_or("") == "40");
    // The same file again changes nothing and audits nothing.
    BOOST_TEST(services::ImportTasks(Db(), second, "clerk").unchanged == 1);
    BOOST_TEST(storage::AuditRepository(Db().session()).ForRow("tasks", id).size() == log.size());
}

BOOST_AUTO_TEST_SUITE_END()
