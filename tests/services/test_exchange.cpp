// Offline exchange packages, the office on both backends and the commune's
// copy always SQLite: a round trip without conflict, a parallel update, a
// conflict reported and resolved either way, the same package twice, a
// byte changed, another office's package, a package naming another
// commune's task, and a copy refreshed only once its changes are in.
#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>

#include "fixture.h"
#include "services/exchange/exchange.h"
#include "services/frameworks/framework_io.h"
#include "services/org/org_io.h"
#include "services/plans/plan_io.h"
#include "services/plans/plans.h"
#include "services/reports/report_archive.h"
#include "services/surveys/surveys.h"
#include "storage/evidence_repository.h"
#include "storage/exchange_repository.h"
#include "storage/unit_repository.h"
#include "storage/user_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {

const char* kUnits =
    "code,name,kind,parent,place_name\n"
    "GL,Tỉnh Gia Lai,province,,Gia Lai\n"
    "XA-AN,Xã An Trung,commune,GL,An Trung\n"
    "XA-BINH,Xã Bình Phú,commune,GL,Bình Phú\n";

const char* kTasks =
    "unit,framework,year,criterion,target,task,lead_unit,lead_person,coordinating_units,start,"
    "due,recurring,status,percent,outcome\n"
    "XA-AN,GL-XA-2020,2021,1.1,Công khai đủ TTHC,Rà soát TTHC trên Trang TTĐT,Xã An "
    "Trung,,,,2021,no,in_progress,35,\n"
    "XA-AN,GL-XA-2020,2021,1.2,100% đúng hạn,Giải quyết hồ sơ đúng hạn,Xã An "
    "Trung,,,,2021,no,not_started,0,\n"
    "XA-BINH,GL-XA-2020,2021,1.1,Công khai đủ TTHC,Cập nhật TTHC,Xã Bình Phú,,,,2021,no,"
    "in_progress,20,\n";

const char* kTallyHeader =
    "unit,period,field,settled,responses,very_satisfied,satisfied,neutral,dissatisfied,"
    "very_dissatisfied\n";
const char* kDossierHeader =
    "unit,period,field,received_online,received_direct,carried_over,settled_early,"
    "settled_on_time,settled_late,pending_on_time,pending_overdue\n";

std::unique_ptr<storage::Database> OpenSqlite(const std::string& path) {
    return storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + path));
}

struct ExchangeFixture : DbFixture {
    ExchangeFixture() {
        services::LoadBuiltinCatalogues(Db());
        services::ImportUnits(Db(), Write("units.csv", kUnits), "test");
        services::ImportFrameworks(Db(), DataFile("seed002_framework.csv"), "test");
        services::ImportTasks(Db(), Write("tasks.csv", kTasks), "test");
    }
    std::string Write(const std::string& name, const std::string& text) {
        WriteFile(dir.File(name), text);
        return dir.File(name);
    }
    // The task of the unit's plan whose text begins so.
    static TaskRecord Task(storage::Database& db, const std::string& starts) {
        services::PlanService plans(db, "test");
        for (const auto& r : storage::ExchangeRepository(db.session()).ReadForUnit("tasks", 1).rows)
            if (r[2] && r[2]->rfind(starts, 0) == 0) return plans.LoadTask(std::stoll(*r[0]));
        BOOST_FAIL("no task " + starts);
        return {};
    }
    static std::int64_t ItemOf(storage::Database& db, std::int64_t taskId) {
        for (const auto& r : storage::ExchangeRepository(db.session()).ReadForUnit("tasks", 1).rows)
            if (std::stoll(*r[0]) == taskId) return std::stoll(*r[1]);
        return 0;
    }
    static void Edit(storage::Database& db, const std::string& starts,
                     const std::function<void(TaskRecord&)>& change) {
        TaskRecord t = Task(db, starts);
        change(t);
        services::PlanService(db, "test").SaveTask(ItemOf(db, t.id), t);
    }
    // A package for XA-AN opened into a new commune copy.
    storage::Database& Commune() {
        if (!commune) {
            services::ExportUnitPackage(Db(), "XA-AN", dir.File("p1.cchcx"), "test");
            commune = OpenSqlite(dir.File("commune.db"));
            services::OpenPackage(*commune, dir.File("p1.cchcx"), "xa");
        }
        return *commune;
    }
    services::ExchangeImportOutcome SendBack(const std::string& name = "r.cchcx") {
        services::ExportCommunePackage(Commune(), dir.File(name), "xa");
        return services::ImportCommunePackage(Db(), dir.File(name), "test");
    }
    std::string Refusal(const std::function<void()>& f) {
        try {
            f();
        } catch (const UserError& e) {
            return e.what();
        }
        return "accepted";
    }
    // The task's progress of 2026-Q4 with a document and its file.
    static void RecordWithDocument(storage::Database& db, std::int64_t task, int percent,
                                   const std::string& number, const std::string& title,
                                   const std::string& file, const std::string& user) {
        services::ProgressInput in;
        in.taskId = task;
        in.period = "2026-Q4";
        in.status = TaskStatus::InProgress;
        in.percent = percent;
        in.note = title;
        in.evidence = services::EvidenceInput{};
        in.evidence->docNumber = number;
        in.evidence->title = title;
        in.evidence->filePath = file;
        services::AddProgressUpdate(db, in, user);
    }
    std::unique_ptr<storage::Database> commune;
};

const services::ExchangeReportLine* Line(const services::ExchangeImportOutcome& o,
                                         const std::string& field) {
    for (const auto& l : o.lines)
        if (l.field == field) return &l;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange)

BOOST_FIXTURE_TEST_CASE(a_round_trip_brings_every_change_and_the_copy_holds_its_unit_only,
                        ExchangeFixture) {
    storage::Database& c = Commune();
    // The copy: the unit's two tasks, the other commune's none, and it is
    // confined to its unit as a chair would be.
    BOOST_TEST(storage::ExchangeRepository(c.session()).ReadForUnit("tasks", 1).rows.size() == 2u);
    BOOST_TEST(services::CommuneCopyUnit(c).has_value());
    BOOST_TEST(!services::CommuneCopyUnit(Db()).has_value());
    BOOST_TEST(Refusal([&] {
                   services::PlanService(c, "xa").LoadTask(Task(Db(), "Cập nhật").id);
               }) != "accepted");

    Edit(c, "Rà soát", [](auto& t) {
        t.percentDone = 55;
        t.outcome = "Đã rà soát 40 thủ tục";
    });
    const auto o = SendBack();
    BOOST_TEST(!o.alreadyImported);
    BOOST_REQUIRE(o.lines.size() == 2u);
    BOOST_TEST(Line(o, "percent_done")->state == "applied");
    BOOST_TEST(*Line(o, "percent_done")->base == "35");
    BOOST_TEST(*Line(o, "percent_done")->commune == "55");
    BOOST_TEST(Line(o, "outcome")->state == "applied");
    const auto t = Task(Db(), "Rà soát");
    BOOST_TEST(t.percentDone == 55);
    BOOST_TEST(t.outcome == "Đã rà soát 40 thủ tục");
    BOOST_TEST(services::OpenExchangeConflicts(Db(), "test").empty());

    // A task made in the copy arrives; the next package changes it.
    TaskRecord made;
    made.solution = "Đối thoại với người dân về TTHC";
    made.dueYear = 2021;
    const auto item = ItemOf(c, Task(c, "Rà soát").id);
    const auto saved = services::PlanService(c, "xa").SaveTask(item, made);
    auto o2 = SendBack("r2.cchcx");
    BOOST_REQUIRE(o2.lines.size() == 1u);
    BOOST_TEST(o2.lines[0].state == "applied");
    BOOST_TEST(Task(Db(), "Đối thoại").dueYear.value_or(0) == 2021);
    Edit(c, "Đối thoại", [](auto& t) { t.percentDone = 20; });
    auto o3 = SendBack("r3.cchcx");
    BOOST_REQUIRE(o3.lines.size() == 1u);
    BOOST_TEST(o3.lines[0].field == "percent_done");
    BOOST_TEST(Task(Db(), "Đối thoại").percentDone == 20);
    BOOST_TEST(storage::ExchangeRepository(Db().session()).ReadForUnit("tasks", 1).rows.size() ==
               4u);
    (void)saved;
}

BOOST_FIXTURE_TEST_CASE(a_parallel_update_keeps_both_fields, ExchangeFixture) {
    storage::Database& c = Commune();
    Edit(c, "Rà soát", [](auto& t) { t.percentDone = 55; });
    Edit(Db(), "Rà soát", [](auto& t) { t.outcome = "Văn phòng ghi kết quả"; });
    const auto o = SendBack();
    BOOST_REQUIRE(o.lines.size() == 1u);
    BOOST_TEST(o.lines[0].state == "parallel");
    const auto t = Task(Db(), "Rà soát");
    BOOST_TEST(t.percentDone == 55);
    BOOST_TEST(t.outcome == "Văn phòng ghi kết quả");
}

BOOST_FIXTURE_TEST_CASE(a_conflict_is_reported_kept_and_resolved_either_way, ExchangeFixture) {
    storage::Database& c = Commune();
    Edit(c, "Rà soát", [](auto& t) {
        t.percentDone = 55;
        t.outcome = "Xã ghi";
    });
    Edit(Db(), "Rà soát", [](auto& t) {
        t.percentDone = 60;
        t.outcome = "Văn phòng ghi";
    });
    const auto o = SendBack();
    BOOST_REQUIRE(o.lines.size() == 2u);
    BOOST_TEST(Line(o, "percent_done")->state == "conflict");
    BOOST_TEST(*Line(o, "percent_done")->office == "60");
    // Neither is lost: the office keeps its value, the commune's is kept
    // for resolution.
    BOOST_TEST(Task(Db(), "Rà soát").percentDone == 60);
    auto open = services::OpenExchangeConflicts(Db(), "test");
    BOOST_REQUIRE(open.size() == 2u);
    BOOST_TEST(open[0].unitCode == "XA-AN");
    const auto& percent = open[0].field == "percent_done" ? open[0] : open[1];
    const auto& outcome = open[0].field == "percent_done" ? open[1] : open[0];
    BOOST_TEST(*percent.commune == "55");
    services::ResolveExchangeConflict(Db(), percent.id, true, "test");
    services::ResolveExchangeConflict(Db(), outcome.id, false, "test");
    const auto t = Task(Db(), "Rà soát");
    BOOST_TEST(t.percentDone == 55);
    BOOST_TEST(t.outcome == "Văn phòng ghi");
    BOOST_TEST(services::OpenExchangeConflicts(Db(), "test").empty());
    BOOST_TEST(Refusal([&] {
                   services::ResolveExchangeConflict(Db(), percent.id, false, "test");
               }).find("resolved already") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(the_same_package_twice_changes_nothing_and_older_ones_are_refused,
                        ExchangeFixture) {
    storage::Database& c = Commune();
    Edit(c, "Rà soát", [](auto& t) { t.percentDone = 55; });
    services::ExportCommunePackage(c, dir.File("r1.cchcx"), "xa");
    services::ImportCommunePackage(Db(), dir.File("r1.cchcx"), "test");
    Edit(Db(), "Rà soát", [](auto& t) { t.percentDone = 70; });
    const auto again = services::ImportCommunePackage(Db(), dir.File("r1.cchcx"), "test");
    BOOST_TEST(again.alreadyImported);
    BOOST_TEST(again.lines.empty());
    BOOST_TEST(Task(Db(), "Rà soát").percentDone == 70);
    // Number 3 before 2, then 1 after 2.
    Edit(c, "Giải quyết", [](auto& t) { t.percentDone = 10; });
    services::ExportCommunePackage(c, dir.File("r2.cchcx"), "xa");
    Edit(c, "Giải quyết", [](auto& t) { t.percentDone = 15; });
    services::ExportCommunePackage(c, dir.File("r3.cchcx"), "xa");
    BOOST_TEST(Refusal([&] {
                   services::ImportCommunePackage(Db(), dir.File("r3.cchcx"), "test");
               }).find("number 2 has not been imported") != std::string::npos);
    services::ImportCommunePackage(Db(), dir.File("r2.cchcx"), "test");
    BOOST_TEST(Refusal([&] {
                   services::ImportCommunePackage(Db(), dir.File("r1.cchcx"), "test");
               }).find("not newer") != std::string::npos);
    services::ImportCommunePackage(Db(), dir.File("r3.cchcx"), "test");
    BOOST_TEST(Task(Db(), "Giải quyết").percentDone == 15);
}

BOOST_FIXTURE_TEST_CASE(a_changed_byte_or_another_offices_package_is_refused_and_nothing_stored,
                        ExchangeFixture) {
    storage::Database& c = Commune();
    Edit(c, "Rà soát", [](auto& t) { t.percentDone = 55; });
    services::ExportCommunePackage(c, dir.File("r1.cchcx"), "xa");
    std::string bytes;
    {
        std::ifstream in(dir.File("r1.cchcx"), std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    for (std::size_t at : {bytes.size() / 3, bytes.size() / 2, bytes.size() - 30}) {
        std::string flipped = bytes;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x01);
        WriteFile(dir.File("bad.cchcx"), flipped);
        const std::string why =
            Refusal([&] { services::ImportCommunePackage(Db(), dir.File("bad.cchcx"), "test"); });
        BOOST_TEST(why != "accepted");
        BOOST_TEST(why.find("bad.cchcx") != std::string::npos);
    }
    BOOST_TEST(Task(Db(), "Rà soát").percentDone == 35);

    // Another office with the same units writes a package; its copy's
    // return is refused here.
    auto other = OpenSqlite(dir.File("other.db"));
    services::ImportUnits(*other, Write("units.csv", kUnits), "test");
    services::ImportFrameworks(*other, DataFile("seed002_framework.csv"), "test");
    services::ImportTasks(*other, Write("tasks.csv", kTasks), "test");
    services::ExportUnitPackage(*other, "XA-AN", dir.File("o1.cchcx"), "test");
    auto otherCopy = OpenSqlite(dir.File("other-copy.db"));
    services::OpenPackage(*otherCopy, dir.File("o1.cchcx"), "xa");
    Edit(*otherCopy, "Rà soát", [](auto& t) { t.percentDone = 99; });
    services::ExportCommunePackage(*otherCopy, dir.File("o-r1.cchcx"), "xa");
    BOOST_TEST(Refusal([&] {
                   services::ImportCommunePackage(Db(), dir.File("o-r1.cchcx"), "test");
               }).find("not made from a package of this office") != std::string::npos);
    // Nor does this copy open the other office's package.
    BOOST_TEST(Refusal([&] {
                   services::OpenPackage(c, dir.File("o1.cchcx"), "xa");
               }).find("another office") != std::string::npos);
    BOOST_TEST(Task(Db(), "Rà soát").percentDone == 35);
    services::ImportCommunePackage(Db(), dir.File("r1.cchcx"), "test");
    BOOST_TEST(Task(Db(), "Rà soát").percentDone == 55);
}

BOOST_FIXTURE_TEST_CASE(a_package_crafted_to_change_another_communes_task_is_refused,
                        ExchangeFixture) {
    storage::Database& c = Commune();
    const auto binh = Task(Db(), "Cập nhật");
    // The copy's owner edits its file: a row with the other commune's task
    // id under its own plan, as if it had come from the office.
    const auto mine = Task(c, "Rà soát");
    const auto item = ItemOf(c, mine.id);
    long long id = binh.id, it = item;
    c.session() << "INSERT INTO tasks (id, item_id, solution, status, percent_done) VALUES (:i, "
                   ":it, 'Cập nhật TTHC', 'in_progress', 20)",
        soci::use(id), soci::use(it);
    c.session() << "INSERT INTO exchange_base (table_name, row_id, data, origin) SELECT "
                   "'tasks', :i, data, 'office' FROM exchange_base WHERE row_id = :m",
        soci::use(id), soci::use(static_cast<long long>(mine.id));
    const std::string why = Refusal([&] { SendBack(); });
    BOOST_TEST(why.find("not Xã An Trung's") != std::string::npos, why);
    BOOST_TEST(Task(Db(), "Cập nhật").percentDone == 20);
    BOOST_TEST(Task(Db(), "Cập nhật").solution == "Cập nhật TTHC");
}

BOOST_FIXTURE_TEST_CASE(a_copy_is_refreshed_only_once_its_changes_are_in, ExchangeFixture) {
    storage::Database& c = Commune();
    Edit(c, "Rà soát", [](auto& t) { t.percentDone = 55; });
    Edit(Db(), "Giải quyết", [](auto& t) { t.percentDone = 5; });
    services::ExportUnitPackage(Db(), "XA-AN", dir.File("p2.cchcx"), "test");
    BOOST_TEST(Refusal([&] {
                   services::OpenPackage(c, dir.File("p2.cchcx"), "xa");
               }).find("not sent") != std::string::npos);
    services::ExportCommunePackage(c, dir.File("r1.cchcx"), "xa");
    // Sent, but the office wrote p2 before receiving it.
    BOOST_TEST(Refusal([&] {
                   services::OpenPackage(c, dir.File("p2.cchcx"), "xa");
               }).find("had not yet received") != std::string::npos);
    services::ImportCommunePackage(Db(), dir.File("r1.cchcx"), "test");
    services::ExportUnitPackage(Db(), "XA-AN", dir.File("p3.cchcx"), "test");
    const auto o = services::OpenPackage(c, dir.File("p3.cchcx"), "xa");
    BOOST_TEST(o.refreshed);
    BOOST_TEST(o.seq == 3);
    BOOST_TEST(Task(c, "Giải quyết").percentDone == 5);
    BOOST_TEST(Task(c, "Rà soát").percentDone == 55);
    BOOST_TEST(Refusal([&] {
                   services::OpenPackage(c, dir.File("p1.cchcx"), "xa");
               }).find("older") != std::string::npos);
    // An office's database is not a copy.
    BOOST_TEST(Refusal([&] { services::OpenPackage(Db(), dir.File("p3.cchcx"), "xa"); }) !=
               "accepted");
}

// Tallies and dossier statistics travel by their key (unit, month, field)
// and arrive through the office's own import: a field changed in the copy
// only, one changed on both sides, a month new in the copy, and a row of
// the other commune refused.
BOOST_FIXTURE_TEST_CASE(tallies_and_dossiers_travel_by_their_key, ExchangeFixture) {
    services::ImportTallies(
        Db(),
        Write("t.csv", std::string(kTallyHeader) + "XA-AN,2026-10,CHUNGTHUC,50,40,20,10,5,3,2\n"
                                                   "XA-BINH,2026-10,CHUNGTHUC,30,20,10,5,3,1,1\n"),
        "test");
    services::ImportDossiers(
        Db(),
        Write("d.csv", std::string(kDossierHeader) + "XA-AN,2026-10,DATDAI,10,5,0,3,9,1,2,0\n"),
        "test");
    storage::Database& c = Commune();
    // The copy: its month moved on, a new month, its dossiers corrected.
    services::ImportTallies(
        c,
        Write("ct.csv", std::string(kTallyHeader) + "XA-AN,2026-10,CHUNGTHUC,50,42,22,10,5,3,2\n"
                                                    "XA-AN,2026-11,CHUNGTHUC,20,10,5,5,0,0,0\n"),
        "xa");
    services::ImportDossiers(
        c, Write("cd.csv", std::string(kDossierHeader) + "XA-AN,2026-10,DATDAI,11,5,0,4,9,1,2,0\n"),
        "xa");
    // The office corrects the same dossier line's online count differently.
    services::ImportDossiers(
        Db(),
        Write("od.csv", std::string(kDossierHeader) + "XA-AN,2026-10,DATDAI,12,5,0,5,9,1,2,0\n"),
        "test");
    const auto o = SendBack();
    auto line = [&](const std::string& table, const std::string& key, const std::string& field) {
        for (const auto& l : o.lines)
            if (l.table == table && l.key == key && l.field == field) return l;
        BOOST_FAIL("no line " + table + " " + key + " " + field);
        return o.lines.front();
    };
    BOOST_TEST(line("tallies", "XA-AN/2026-10/CHUNGTHUC", "responses").state == "applied");
    BOOST_TEST(line("tallies", "XA-AN/2026-11/CHUNGTHUC", "settled").state == "applied");
    const auto online = line("dossiers", "XA-AN/2026-10/DATDAI", "received_online");
    BOOST_TEST(online.state == "conflict");
    BOOST_TEST(*online.base == "10");
    BOOST_TEST(*online.office == "12");
    BOOST_TEST(*online.commune == "11");
    const std::string tallies = dir.File("after.csv");
    services::ExportTallies(Db(), tallies, "test");
    const std::string t = ReadFile(tallies);
    BOOST_TEST(t.find("XA-AN,2026-10,CHUNGTHUC,50,42,22,10,5,3,2") != std::string::npos, t);
    BOOST_TEST(t.find("XA-AN,2026-11,CHUNGTHUC,20,10,5,5,0,0,0") != std::string::npos, t);
    BOOST_TEST(t.find("XA-BINH,2026-10,CHUNGTHUC,30,20,10,5,3,1,1") != std::string::npos, t);
    // The conflicting line stays as the office has it until resolved: the
    // commune's count, then the line balanced by hand at the office is
    // refused as the office's import would refuse it.
    const auto open = services::OpenExchangeConflicts(Db(), "test");
    std::int64_t id = 0;
    for (const auto& c : open)
        if (c.field == "received_online") id = c.id;
    BOOST_REQUIRE(id != 0);
    const std::string dossiers = dir.File("after-d.csv");
    services::ExportDossiers(Db(), dossiers, "test");
    BOOST_TEST(ReadFile(dossiers).find("XA-AN,2026-10,DATDAI,12,5,0,5,9,1,2,0") !=
               std::string::npos);
    services::ResolveExchangeConflict(Db(), id, true, "test");
    services::ExportDossiers(Db(), dossiers, "test");
    BOOST_TEST(
        ReadFile(dossiers).find("XA-AN,2026-10,DATDAI,11,5,0,5,9,1,2,0") != std::string::npos,
        ReadFile(dossiers));

    // A row of the other commune written into the copy's file by hand (the
    // other commune put under this one there, so that the copy sends it) is
    // refused with the package, nothing of it stored.
    long long binh = 0;
    c.session() << "SELECT id FROM units WHERE code = 'XA-BINH'", soci::into(binh);
    c.session() << "UPDATE units SET parent_id = (SELECT id FROM units WHERE code = 'XA-AN') "
                   "WHERE code = 'XA-BINH'";
    c.session() << "UPDATE survey_tallies SET unit_id = :b, responses = 19 WHERE period = "
                   "'2026-11'",
        soci::use(binh);
    const std::string why = Refusal([&] { SendBack("r2.cchcx"); });
    BOOST_TEST(why.find("XA-BINH") != std::string::npos, why);
    services::ExportTallies(Db(), tallies, "test");
    BOOST_TEST(ReadFile(tallies).find(",19,") == std::string::npos);
}

// A quarter's progress recorded in the copy arrives as the office's own
// progress update (the task's percentage and the note); when the office has
// the quarter's update of the task already, the differing fields are
// conflicts, resolved by the commune's note.
BOOST_FIXTURE_TEST_CASE(progress_recorded_in_the_copy_arrives_as_the_quarters_update,
                        ExchangeFixture) {
    storage::Database& c = Commune();
    const auto ra = Task(c, "Rà soát"), giai = Task(c, "Giải quyết");
    auto record = [](storage::Database& db, std::int64_t task, int percent, const std::string& note,
                     const std::string& user) {
        services::ProgressInput in;
        in.taskId = task;
        in.period = "2026-Q4";
        in.status = TaskStatus::InProgress;
        in.percent = percent;
        in.note = note;
        if (auto seen = services::QuarterUpdate(db, task, in.period)) in.updateId = seen->id;
        services::AddProgressUpdate(db, in, user);
    };
    record(c, ra.id, 60, "Đã rà soát 60 thủ tục", "xa");
    record(c, giai.id, 15, "Xã ghi tiến độ", "xa");
    record(Db(), giai.id, 25, "Văn phòng ghi tiến độ", "test");
    const auto o = SendBack();
    const auto office = services::QuarterUpdate(Db(), ra.id, "2026-Q4");
    BOOST_REQUIRE(office.has_value());
    BOOST_TEST(office->note == "Đã rà soát 60 thủ tục");
    BOOST_TEST(office->percent == 60);
    BOOST_TEST(Task(Db(), "Rà soát").percentDone == 60);
    // Both recorded the quarter of the other task: its note, percentage
    // (of the task and of the update) are conflicts, the office's kept.
    BOOST_TEST(services::QuarterUpdate(Db(), giai.id, "2026-Q4")->note == "Văn phòng ghi tiến độ");
    std::int64_t note = 0;
    for (const auto& l : services::OpenExchangeConflicts(Db(), "test"))
        if (l.table == "progress_updates" && l.field == "note") note = l.id;
    BOOST_REQUIRE(note != 0);
    services::ResolveExchangeConflict(Db(), note, true, "test");
    BOOST_TEST(services::QuarterUpdate(Db(), giai.id, "2026-Q4")->note == "Xã ghi tiến độ");
    (void)o;

    // The note corrected in the copy afterwards travels as a change of the
    // office's update.
    record(c, ra.id, 60, "Đã rà soát 62 thủ tục", "xa");
    const auto o2 = SendBack("r2.cchcx");
    BOOST_TEST(services::QuarterUpdate(Db(), ra.id, "2026-Q4")->note == "Đã rà soát 62 thủ tục");
    bool applied = false;
    for (const auto& l : o2.lines)
        applied =
            applied || (l.table == "progress_updates" && l.field == "note" && l.state == "applied");
    BOOST_TEST(applied);
}

// A quarterly report's section written in the copy arrives at the office;
// one written on both sides is a conflict, resolved by the commune's text.
BOOST_FIXTURE_TEST_CASE(report_texts_written_in_the_copy_arrive, ExchangeFixture) {
    storage::Database& c = Commune();
    long long an = 0;
    Db().session() << "SELECT id FROM units WHERE code = 'XA-AN'", soci::into(an);
    services::ReportArchive(c, "xa").SaveNarratives(
        an, "2026-Q4", "quarterly",
        {{"direction", "Xã đã ban hành kế hoạch CCHC năm 2026."}, {"proposals", "Xã đề nghị"}});
    services::ReportArchive(Db(), "test")
        .SaveNarratives(an, "2026-Q4", "quarterly", {{"proposals", "Văn phòng ghi"}});
    const auto o = SendBack();
    auto texts = services::ReportArchive(Db(), "test").Narratives(an, "2026-Q4", "quarterly");
    BOOST_TEST(texts["direction"] == "Xã đã ban hành kế hoạch CCHC năm 2026.");
    BOOST_TEST(texts["proposals"] == "Văn phòng ghi");
    std::int64_t id = 0;
    for (const auto& l : services::OpenExchangeConflicts(Db(), "test"))
        if (l.table == "report_narratives") id = l.id;
    BOOST_REQUIRE(id != 0);
    services::ResolveExchangeConflict(Db(), id, true, "test");
    texts = services::ReportArchive(Db(), "test").Narratives(an, "2026-Q4", "quarterly");
    BOOST_TEST(texts["proposals"] == "Xã đề nghị");
    (void)o;
}

// Packages are the office's work: a commune's chair may not make one, even
// for its own commune, nor import a return or resolve a conflict; the
// office's specialist may.
namespace {
// Every row the package for the unit carries, table by table, as the
// database holds them (ratings left out).
std::map<std::string, std::vector<storage::ExchangeRow>> Rows(storage::Database& db,
                                                              std::int64_t unit) {
    std::map<std::string, std::vector<storage::ExchangeRow>> out;
    storage::ExchangeRepository repo(db.session());
    for (const auto& table : storage::ExchangeTables())
        if (table != "ratings" && table != "rating_extra_scores")
            out[table] = repo.ReadForUnit(table, unit).rows;
    return out;
}
}  // namespace

// Once a return is in, the office's next package carries only the rows
// changed since the package that return was written on (and the keys of
// the others): the copy laid on it holds what the office holds, even a
// value changed and changed back between two packages; a copy without
// that package is refused and asked for a whole one.
BOOST_FIXTURE_TEST_CASE(later_packages_carry_only_what_changed, ExchangeFixture) {
    const auto first = services::ExportUnitPackage(Db(), "XA-AN", dir.File("p1.cchcx"), "test");
    BOOST_TEST(first.since == 0);
    commune = OpenSqlite(dir.File("commune.db"));
    storage::Database& c = *commune;
    services::OpenPackage(c, dir.File("p1.cchcx"), "xa");
    const std::int64_t an = storage::UnitRepository(Db().session()).ByCode("XA-AN")->id;

    Edit(c, "Rà soát", [](auto& t) { t.percentDone = 55; });
    SendBack();
    // The office closes one task's outcome, removes the other and adds one.
    Edit(Db(), "Giải quyết", [](auto& t) { t.outcome = "Văn phòng ghi kết quả"; });
    services::PlanService(Db(), "test").DeleteTask(Task(Db(), "Rà soát").id);
    services::ImportTasks(
        Db(),
        Write("more.csv", std::string(kTasks).substr(0, std::string(kTasks).find('\n') + 1) +
                              "XA-AN,GL-XA-2020,2021,1.1,Công khai đủ TTHC,Niêm yết TTHC tại "
                              "Bộ phận Một cửa,Xã An Trung,,,,2021,no,not_started,0,\n"),
        "test");
    const auto second = services::ExportUnitPackage(Db(), "XA-AN", dir.File("p2.cchcx"), "test");
    BOOST_TEST(second.seq == 2);
    BOOST_TEST(second.since == 1);
    BOOST_TEST(second.rows > 0);
    BOOST_TEST(second.rows * 10 < first.rows, second.rows << " of " << first.rows);
    BOOST_TEST(std::filesystem::file_size(dir.File("p2.cchcx")) <
               std::filesystem::file_size(dir.File("p1.cchcx")));
    const auto opened = services::OpenPackage(c, dir.File("p2.cchcx"), "xa");
    BOOST_TEST(opened.refreshed);
    BOOST_TEST(opened.since == 1);
    BOOST_TEST(opened.carried == second.rows);
    BOOST_TEST((Rows(c, an) == Rows(Db(), an)));
    BOOST_TEST(Task(c, "Giải quyết").outcome == "Văn phòng ghi kết quả");

    // A new copy cannot take a package of changes; a whole one it can.
    auto fresh = OpenSqlite(dir.File("fresh.db"));
    BOOST_TEST(Refusal([&] {
                   services::OpenPackage(*fresh, dir.File("p2.cchcx"), "xa");
               }).find("--full") != std::string::npos);
    services::ExchangeExportOptions whole;
    whole.full = true;
    const auto third =
        services::ExportUnitPackage(Db(), "XA-AN", dir.File("p3.cchcx"), "test", whole);
    BOOST_TEST(third.since == 0);
    BOOST_TEST(third.rows == services::OpenPackage(*fresh, dir.File("p3.cchcx"), "xa").rows);

    // The outcome set back as it was in package 1: the copy holding
    // package 2 still gets it, as the changes since 1 are laid on any of
    // the packages sent since.
    Edit(Db(), "Giải quyết", [](auto& t) { t.outcome = ""; });
    const auto fourth = services::ExportUnitPackage(Db(), "XA-AN", dir.File("p4.cchcx"), "test");
    BOOST_TEST(fourth.since == 1);
    services::OpenPackage(c, dir.File("p4.cchcx"), "xa");
    BOOST_TEST(Task(c, "Giải quyết").outcome == "");
    BOOST_TEST((Rows(c, an) == Rows(Db(), an)));
}

// Evidence files and ratings travel when asked for: without, the copy has
// the register's entries without their files and no ratings; with, the
// file's bytes and every rating, counted as the office counts them.
BOOST_FIXTURE_TEST_CASE(evidence_files_and_ratings_travel_when_asked, ExchangeFixture) {
    const std::string file = Write("bien-ban.pdf", "%PDF-1.4\nBiên bản kiểm tra niêm yết TTHC\n");
    RecordWithDocument(Db(), Task(Db(), "Rà soát").id, 40, "12/BB-UBND", "Biên bản kiểm tra", file,
                       "test");
    services::ImportPeople(Db(),
                           Write("people.csv",
                                 "code,unit,full_name\nCB-A,XA-AN,Lê Văn Sáu\n"
                                 "CB-B,XA-BINH,Phạm Thị Bảy\n"),
                           "test");
    services::ImportRatings(
        Db(),
        Write("ratings.csv",
              "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n"
              "2026-03-02T08:00:00,XA-AN,CB-A,Đăng ký khai sinh,kiosk,5,5,4,Nguyễn Văn An\n"
              "2026-03-03T08:00:00,XA-AN,CB-A,Chứng thực,qr,2,4,4,\n"
              "2026-03-02T09:00:00,XA-BINH,CB-B,Chứng thực,qr,4,4,4,Trần Thị Bình\n"),
        "test");
    auto countOf = [](storage::Database& db, const std::string& sql) {
        long long n = 0;
        db.session() << sql, soci::into(n);
        return n;
    };

    services::ExportUnitPackage(Db(), "XA-AN", dir.File("lean.cchcx"), "test");
    auto lean = OpenSqlite(dir.File("lean.db"));
    const auto o = services::OpenPackage(*lean, dir.File("lean.cchcx"), "xa");
    BOOST_TEST(o.files == 0);
    BOOST_TEST(countOf(*lean, "SELECT COUNT(*) FROM evidence") == 1);
    BOOST_TEST(countOf(*lean, "SELECT COUNT(*) FROM evidence WHERE content IS NOT NULL") == 0);
    BOOST_TEST(countOf(*lean, "SELECT COUNT(*) FROM progress_evidence") == 1);
    BOOST_TEST(countOf(*lean, "SELECT COUNT(*) FROM ratings") == 0);

    services::ExchangeExportOptions all;
    all.withFiles = true;
    all.withRatings = true;
    const auto made =
        services::ExportUnitPackage(Db(), "XA-AN", dir.File("all.cchcx"), "test", all);
    BOOST_TEST(made.files == 1);
    auto full = OpenSqlite(dir.File("full.db"));
    const auto opened = services::OpenPackage(*full, dir.File("all.cchcx"), "xa");
    BOOST_TEST(opened.files == 1);
    std::int64_t doc = 0;
    full->session() << "SELECT id FROM evidence", soci::into(doc);
    BOOST_TEST(storage::EvidenceRepository(full->session()).Content(doc) == ReadFile(file));
    BOOST_TEST(countOf(*full, "SELECT COUNT(*) FROM ratings") == 2);
    BOOST_TEST(countOf(*full, "SELECT SUM(n) FROM rating_day_counts") == 2);
    BOOST_TEST(countOf(*full, "SELECT COUNT(*) FROM ratings WHERE low_score = 2") == 1);
    // A later package without the ratings leaves the copy's ratings as they were.
    services::ExportUnitPackage(Db(), "XA-AN", dir.File("later.cchcx"), "test");
    services::OpenPackage(*full, dir.File("later.cchcx"), "xa");
    BOOST_TEST(countOf(*full, "SELECT COUNT(*) FROM ratings") == 2);

    // A file changed inside the package is refused.
    std::string bytes = ReadFile(dir.File("all.cchcx"));
    const auto at = bytes.find("Biên bản kiểm tra niêm yết");
    if (at != std::string::npos) {  // stored uncompressed: change a byte of it
        bytes[at] = 'b';
        WriteFile(dir.File("changed.cchcx"), bytes);
        auto other = OpenSqlite(dir.File("other.db"));
        BOOST_TEST(Refusal([&] {
                       services::OpenPackage(*other, dir.File("changed.cchcx"), "xa");
                   }) != "accepted");
    }
}

// A document registered in the copy with a quarter's progress travels back
// with its file and arrives linked to the office's update of that quarter;
// it is not sent twice, and the office's next package brings it back as
// the office's.
BOOST_FIXTURE_TEST_CASE(documents_registered_in_the_copy_travel_back_with_their_files,
                        ExchangeFixture) {
    storage::Database& c = Commune();
    const std::string scan = Write("bien-ban-xa.pdf", "%PDF-1.4\nBiên bản niêm yết của xã\n");
    const std::int64_t task = Task(c, "Rà soát").id;
    RecordWithDocument(c, task, 70, "05/BB-UBND", "Biên bản niêm yết", scan, "xa");
    // Not sent yet: the copy is not refreshed over it.
    services::ExportUnitPackage(Db(), "XA-AN", dir.File("early.cchcx"), "test");
    BOOST_TEST(Refusal([&] {
                   services::OpenPackage(c, dir.File("early.cchcx"), "xa");
               }).find("not sent") != std::string::npos);

    const auto o = SendBack();
    bool arrived = false;
    for (const auto& l : o.lines)
        arrived =
            arrived || (l.table == "evidence" && l.commune == std::string("Biên bản niêm yết") &&
                        l.state == "applied");
    BOOST_TEST(arrived);
    const auto update = services::QuarterUpdate(Db(), task, "2026-Q4");
    BOOST_REQUIRE(update.has_value());
    std::int64_t doc = 0;
    soci::indicator ind = soci::i_null;
    Db().session() << "SELECT MAX(evidence_id) FROM progress_evidence WHERE update_id = :u",
        soci::use(static_cast<long long>(update->id)), soci::into(doc, ind);
    BOOST_REQUIRE(ind == soci::i_ok);
    storage::EvidenceRepository evidence(Db().session());
    BOOST_TEST(evidence.Content(doc) == ReadFile(scan));
    BOOST_TEST(evidence.Find(doc)->docNumber == "05/BB-UBND");
    BOOST_TEST(evidence.Find(doc)->fileName == "bien-ban-xa.pdf");

    // Not again with the next return.
    const auto again = SendBack("r2.cchcx");
    for (const auto& l : again.lines) BOOST_TEST(l.table != "evidence");
    // The office's next package brings it back as the office's, file and all.
    services::ExportUnitPackage(Db(), "XA-AN", dir.File("p3.cchcx"), "test");
    services::OpenPackage(c, dir.File("p3.cchcx"), "xa");
    BOOST_TEST(storage::EvidenceRepository(c.session()).Content(doc) == ReadFile(scan));
}

// Ratings entered in the copy (paper forms) arrive through the office's
// own ratings import; those the office sent are not sent back.
BOOST_FIXTURE_TEST_CASE(ratings_entered_in_the_copy_arrive, ExchangeFixture) {
    services::ImportPeople(
        Db(), Write("people.csv", "code,unit,full_name\nCB-A,XA-AN,Lê Văn Sáu\n"), "test");
    const std::string header =
        "time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n";
    services::ImportRatings(
        Db(),
        Write("office.csv", header + "2026-03-02T08:00:00,XA-AN,CB-A,Chứng thực,kiosk,5,5,4,\n"),
        "test");
    services::ExchangeExportOptions with;
    with.withRatings = true;
    services::ExportUnitPackage(Db(), "XA-AN", dir.File("p1.cchcx"), "test", with);
    commune = OpenSqlite(dir.File("commune.db"));
    services::OpenPackage(*commune, dir.File("p1.cchcx"), "xa");
    services::ImportRatings(
        *commune,
        Write("paper.csv", header + "2026-11-20T09:30:00,XA-AN,CB-A,Đăng ký khai "
                                    "sinh,paper,4,5,5,Nguyễn Thị Hoa\n"),
        "xa");
    const auto o = SendBack();
    long lines = 0;
    for (const auto& l : o.lines)
        if (l.table == "ratings") {
            ++lines;
            BOOST_TEST(l.commune.value_or("") == "Đăng ký khai sinh");
        }
    BOOST_TEST(lines == 1);
    long long n = 0;
    Db().session() << "SELECT COUNT(*) FROM ratings WHERE channel = 'paper' AND citizen = "
                      "'Nguyễn Thị Hoa'",
        soci::into(n);
    BOOST_TEST(n == 1);
    Db().session() << "SELECT COUNT(*) FROM ratings", soci::into(n);
    BOOST_TEST(n == 2);
    // Not again.
    for (const auto& l : SendBack("r2.cchcx").lines) BOOST_TEST(l.table != "ratings");
}

// A task deleted in the copy is reported as a deletion; keeping the
// commune's deletes it at the office, and the next package (of changes)
// leaves the copy without it.
BOOST_FIXTURE_TEST_CASE(a_deletion_at_the_commune_is_kept_and_the_next_package_agrees,
                        ExchangeFixture) {
    storage::Database& c = Commune();
    const std::int64_t giai = Task(Db(), "Giải quyết").id;
    services::PlanService(c, "xa").DeleteTask(giai);
    const auto o = SendBack();
    const auto* deleted = Line(o, "*");
    BOOST_REQUIRE(deleted);
    BOOST_TEST(deleted->state == "conflict");
    BOOST_TEST(services::PlanService(Db(), "test").PlanOfTask(giai) != 0);
    std::int64_t id = 0;
    for (const auto& l : services::OpenExchangeConflicts(Db(), "test"))
        if (l.table == "tasks" && l.field == "*") id = l.id;
    BOOST_REQUIRE(id != 0);
    services::ResolveExchangeConflict(Db(), id, true, "test");
    BOOST_TEST(services::PlanService(Db(), "test").PlanOfTask(giai) == 0);
    const auto next = services::ExportUnitPackage(Db(), "XA-AN", dir.File("p2.cchcx"), "test");
    BOOST_TEST(next.since == 1);
    services::OpenPackage(c, dir.File("p2.cchcx"), "xa");
    BOOST_TEST(storage::ExchangeRepository(c.session()).ReadForUnit("tasks", 1).rows.size() == 1u);
    BOOST_TEST(services::OpenExchangeConflicts(Db(), "test").empty());
}

BOOST_FIXTURE_TEST_CASE(only_the_offices_accounts_exchange_packages, ExchangeFixture) {
    long long an = 0;
    Db().session() << "SELECT id FROM units WHERE code = 'XA-AN'", soci::into(an);
    const auto task = Task(Db(), "Rà soát").id;
    storage::UserRepository users(Db().session());
    users.Insert("quantri", "", "admin", std::nullopt);
    users.Insert("chuyenvien", "", "specialist", std::nullopt);
    users.Insert("ct_an", "", "chair", an);
    BOOST_TEST(Refusal([&] {
                   services::ExportUnitPackage(Db(), "XA-AN", dir.File("c.cchcx"), "ct_an");
               }).find("ct_an") != std::string::npos);
    BOOST_TEST(!std::filesystem::exists(dir.File("c.cchcx")));
    services::ExportUnitPackage(Db(), "XA-AN", dir.File("p1.cchcx"), "chuyenvien");
    commune = OpenSqlite(dir.File("commune.db"));
    services::OpenPackage(*commune, dir.File("p1.cchcx"), "xa");
    Edit(*commune, "Rà soát", [](auto& t) { t.percentDone = 55; });
    services::ExportCommunePackage(*commune, dir.File("r1.cchcx"), "xa");
    BOOST_TEST(Refusal([&] {
                   services::ImportCommunePackage(Db(), dir.File("r1.cchcx"), "ct_an");
               }).find("ct_an") != std::string::npos);
    services::ImportCommunePackage(Db(), dir.File("r1.cchcx"), "chuyenvien");
    BOOST_TEST(services::PlanService(Db(), "quantri").LoadTask(task).percentDone == 55);
}

BOOST_AUTO_TEST_SUITE_END()
