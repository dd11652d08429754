// Repositories on both backends: round trips, optimistic locking, bulk
// inserts, and the checks that keep impossible work records out.
#include <boost/test/unit_test.hpp>

#include "fixture.h"
#include "storage/audit_query.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"
#include "storage/rating_repository.h"
#include "storage/result_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
Unit MakeUnit(const std::string& code, const std::string& name, UnitKind kind = UnitKind::Commune) {
    Unit u;
    u.code = code;
    u.name = name;
    u.kind = kind;
    return u;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(repositories)

BOOST_FIXTURE_TEST_CASE(a_framework_keeps_its_tree_whatever_the_order_of_its_criteria, DbFixture) {
    Framework fw;
    fw.code = "FW-ORDER";
    fw.name = "Thứ tự";
    fw.year = 2026;
    Criterion child, group;
    child.code = "1.1";
    child.parentCode = "1";
    child.title = "Con";
    child.maxPoints = 1;
    child.rule = RuleKind::Manual;
    group.code = "1";
    group.title = "Nhóm";
    group.maxPoints = 1;
    fw.criteria = {child, group};  // the sub-criterion first
    storage::FrameworkRepository repo(Db().session());
    const auto id = repo.Insert(fw);
    const auto back = repo.Load(id);
    BOOST_REQUIRE(back);
    BOOST_REQUIRE(back->criteria.size() == 2u);
    std::map<std::string, const Criterion*> byCode;
    for (const auto& c : back->criteria) byCode[c.code] = &c;
    BOOST_REQUIRE(byCode.count("1") && byCode.count("1.1"));
    BOOST_TEST(byCode["1.1"]->parentId.value_or(0) == byCode["1"]->id);
    BOOST_TEST(!byCode["1"]->parentId.has_value());
}

BOOST_FIXTURE_TEST_CASE(units_round_trip_with_vietnamese_text, DbFixture) {
    storage::UnitRepository units(Db().session());
    Unit district = MakeUnit("TAYSON", "Huyện Tây Sơn", UnitKind::District);
    district.id = units.Insert(district);
    Unit commune = MakeUnit("XA-TAYXUAN", "Xã Tây Xuân");
    commune.parentId = district.id;
    commune.placeName = "Tây Xuân";
    commune.headerName = "ỦY BAN NHÂN DÂN XÃ TÂY XUÂN";
    commune.id = units.Insert(commune);
    auto back = units.ByCode("XA-TAYXUAN");
    BOOST_REQUIRE(back);
    BOOST_TEST(back->name == "Xã Tây Xuân");
    BOOST_TEST(back->headerName == "ỦY BAN NHÂN DÂN XÃ TÂY XUÂN");
    BOOST_TEST((back->kind == UnitKind::Commune));
    BOOST_TEST(back->parentId.value_or(0) == district.id);
    BOOST_TEST(units.All().size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(stale_update_is_refused, DbFixture) {
    storage::UnitRepository units(Db().session());
    Unit u = MakeUnit("XA-A", "Xã A");
    u.id = units.Insert(u);
    Unit first = *units.ById(u.id), second = *units.ById(u.id);
    first.name = "Xã An";
    units.Update(first);
    second.name = "Xã Anh";
    BOOST_CHECK_THROW(units.Update(second), storage::ConcurrentEditError);
    BOOST_TEST(units.ById(u.id)->name == "Xã An");
    BOOST_TEST(units.ById(u.id)->version == 2);
}

BOOST_FIXTURE_TEST_CASE(people_and_settings_and_audit, DbFixture) {
    storage::UnitRepository units(Db().session());
    Unit u = MakeUnit("XA-A", "Xã A");
    u.id = units.Insert(u);
    storage::PersonRepository people(Db().session());
    Person p;
    p.unitId = u.id;
    p.code = "CB001";
    p.fullName = "Đặng Thị Ánh";
    p.position = "Công chức Văn phòng - Thống kê";
    p.oneStopDesk = true;
    p.id = people.Insert(p);
    BOOST_TEST(people.ByUnit(u.id).size() == 1u);
    BOOST_TEST(people.ByCode("CB001")->fullName == "Đặng Thị Ánh");
    BOOST_TEST(people.ByCode("CB001")->oneStopDesk);

    storage::SettingsRepository settings(Db().session());
    BOOST_TEST(!settings.Get("office.place_name"));
    settings.Set("office.place_name", "Tây Sơn");
    settings.Set("office.place_name", "Phú Phong");
    BOOST_TEST(settings.Get("office.place_name").value() == "Phú Phong");

    storage::AuditRepository audit(Db().session());
    audit.Record(
        {"", "clerk", "people", p.id, "update", "full_name", std::string("A"), std::string("B")});
    auto entries = audit.ForRow("people", p.id);
    BOOST_REQUIRE(entries.size() == 1u);
    BOOST_TEST(!entries[0].at.empty());
    if (Db().backend() == storage::Backend::Sqlite) {
        BOOST_TEST(entries[0].oldValue.value() == "A");
    } else {
        // On the server its audit trigger logged the person added; the
        // program's entry is not written a second time.
        BOOST_TEST(entries[0].action == "insert");
        BOOST_TEST(entries[0].newValue.value().find("Đặng Thị Ánh") != std::string::npos);
    }
}

BOOST_FIXTURE_TEST_CASE(plan_with_items_tasks_and_coordinators, DbFixture) {
    storage::UnitRepository units(Db().session());
    Unit u = MakeUnit("TT-KONGCHRO", "Thị trấn Kông Chro", UnitKind::Town);
    u.id = units.Insert(u);
    PlanRecord plan;
    plan.unitId = u.id;
    plan.year = 2021;
    plan.summary = "Khắc phục tồn tại, hạn chế trong công tác CCHC";
    PlanItemRecord item;
    item.heading = "2.5";
    item.criterionTitle = "Chỉ số hài lòng về việc tiếp nhận, xử lý phản ánh kiến nghị";
    item.targetKind = "rate";
    item.baselineValue = 0.9912;
    TaskRecord task;
    task.solution = "Công khai số điện thoại đường dây nóng";
    task.leadUnitText = "Văn phòng – Thống kê";
    task.dueYear = 2021;
    task.recurring = true;
    task.coordinators.push_back({std::nullopt, std::nullopt, "Cán bộ, công chức chuyên môn"});
    item.tasks.push_back(task);
    plan.items.push_back(item);
    storage::PlanRepository plans(Db().session());
    plans.Insert(plan);
    BOOST_TEST(plan.id > 0);
    BOOST_TEST(plans.CountTasks() == 1);

    auto refuses = [&](const std::string& what, TaskRecord bad) {
        BOOST_TEST_CONTEXT(what) {
            PlanRecord p2 = plan;
            p2.items[0].tasks = {bad};
            storage::Transaction tx(Db());
            BOOST_CHECK_THROW(plans.Insert(p2), std::exception);
        }
    };
    TaskRecord over = task;
    over.percentDone = 101;
    refuses("percent over 100", over);
    TaskRecord backwards = task;
    backwards.startOn = "2021-10-01";
    backwards.dueOn = "2021-09-30";
    refuses("due before start", backwards);
    BOOST_TEST(plans.CountTasks() == 1);
}

BOOST_FIXTURE_TEST_CASE(ratings_in_bulk_with_duplicates_skipped, DbFixture) {
    storage::UnitRepository units(Db().session());
    Unit u = MakeUnit("TT-VANGIA", "Thị trấn Vạn Giã", UnitKind::Town);
    u.id = units.Insert(u);
    Person p;
    p.unitId = u.id;
    p.code = "CB1";
    p.fullName = "Lê Văn Nam";
    p.id = storage::PersonRepository(Db().session()).Insert(p);
    std::vector<RatingRecord> ratings;
    for (int i = 0; i < 2500; ++i) {
        RatingRecord r;
        char ts[24];
        std::snprintf(ts, sizeof ts, "2022-10-%02dT%02d:%02d:00", 11 + i / 600, 7 + (i / 60) % 10,
                      i % 60);
        r.ratedAt = ts;
        r.unitId = u.id;
        r.officerId = p.id;
        r.procedure = "Chứng thực chữ ký";
        r.channel = i % 2 ? "qr" : "kiosk";
        r.attitude = 5;
        r.handling = 4;
        ratings.push_back(r);
    }
    storage::RatingRepository stored(Db().session());
    {
        storage::RatingBulkInsert bulk(Db(), 1000);
        for (const auto& r : ratings) bulk.Add(r);
        bulk.Flush();
        BOOST_TEST(bulk.inserted() == 2500);
    }
    BOOST_TEST(stored.Count() == 2500);
    {
        storage::RatingBulkInsert again(Db());
        again.Add(ratings.front());  // the same officer, time, procedure and citizen
        again.Flush();
        BOOST_TEST(again.inserted() == 0);
        BOOST_TEST(again.skipped() == 1);
    }
    RatingRecord bad = ratings.front();
    bad.ratedAt = "2023-01-01T00:00:00";
    bad.attitude = 6;
    {
        storage::Transaction tx(Db());
        storage::RatingBulkInsert refused(Db());
        refused.Add(bad);
        BOOST_CHECK_THROW(refused.Flush(), std::exception);
    }
    BOOST_TEST(stored.Count() == 2500);
}

BOOST_FIXTURE_TEST_CASE(the_audit_log_is_counted_and_read_by_windows_newest_first, DbFixture) {
    storage::UnitRepository units(Db().session());
    Unit district = MakeUnit("H-A", "Huyện A", UnitKind::District);
    district.id = units.Insert(district);
    Unit a = MakeUnit("XA-A", "Xã A");
    a.parentId = district.id;
    a.id = units.Insert(a);
    Unit b = MakeUnit("XA-B", "Xã B");
    b.id = units.Insert(b);
    // 250 changes of the units' names, by two logins; every fifth of B.
    auto entry = [&](int i) {
        storage::AuditEntry e;
        e.user = i % 2 ? "le-odd" : "le-even";
        e.table = "units";
        e.rowId = i % 5 == 0 ? b.id : a.id;
        e.action = "update";
        e.field = "name";
        e.oldValue = std::to_string(i);
        e.newValue = std::to_string(i + 1);
        return e;
    };
    // Written as each engine writes them: by the program on SQLite, by the
    // server's triggers on PostgreSQL (with the row's unit, here the unit
    // itself).
    auto record = [&](const std::vector<storage::AuditEntry>& entries) {
        if (Db().backend() == storage::Backend::Sqlite) {
            storage::AuditRepository(Db().session()).RecordMany(entries);
            return;
        }
        for (const auto& e : entries) {
            long long row = e.rowId;
            Db().session()
                << "INSERT INTO audit_log (at, user_login, table_name, row_id, action, "
                   "field, old_value, new_value, unit_id) VALUES ('2026-01-05T08:00:00', "
                   ":u, :t, :r, :a, :f, :o, :n, :r2)",
                soci::use(e.user), soci::use(e.table), soci::use(row), soci::use(e.action),
                soci::use(e.field), soci::use(*e.oldValue), soci::use(*e.newValue), soci::use(row);
        }
    };
    std::vector<storage::AuditEntry> entries;
    for (int i = 0; i < 250; ++i) entries.push_back(entry(i));
    record(entries);

    storage::AuditQuery query(Db().session());
    storage::AuditFilter odd;
    odd.table = "units";
    odd.user = "le-odd";
    odd.upToId = query.LastId();
    BOOST_TEST(odd.upToId > 0);
    BOOST_TEST(query.Count(odd) == 125);
    auto olds = [](const std::vector<storage::AuditEntry>& rows) {
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(r.oldValue.value_or(""));
        return out;
    };
    // The newest first; the last window is what is left.
    BOOST_TEST(olds(query.Window(odd, 0, 3)) == (std::vector<std::string>{"249", "247", "245"}));
    BOOST_TEST(olds(query.Window(odd, 122, 10)) == (std::vector<std::string>{"5", "3", "1"}));
    BOOST_TEST(query.Window(odd, 125, 10).empty());
    // The windows, one after another, are the whole selection.
    std::size_t read = 0;
    for (long long at = 0; at < 125; at += 40) read += query.Window(odd, at, 40).size();
    BOOST_TEST(read == 125u);
    // Oldest first, whole, as before.
    BOOST_TEST(olds(query.Find(odd)).front() == "1");

    // The unit's subtree: the district holds A; B alone.
    storage::AuditFilter ofDistrict = odd;
    ofDistrict.unitId = district.id;
    BOOST_TEST(query.Count(ofDistrict) == 100);
    storage::AuditFilter oddOfB = odd;
    oddOfB.unitId = b.id;
    BOOST_TEST(query.Count(oddOfB) == 25);
    for (const auto& r : query.Window(oddOfB, 0, 100)) {
        BOOST_TEST(r.rowId == b.id);
        BOOST_TEST(r.user == "le-odd");
    }
    storage::AuditFilter later = odd;
    later.since = "2999-01-01";
    BOOST_TEST(query.Count(later) == 0);

    // Entries written since the count do not shift its windows.
    record({entry(251)});
    BOOST_TEST(query.Count(odd) == 125);
    BOOST_TEST(olds(query.Window(odd, 0, 1)) == (std::vector<std::string>{"249"}));
    odd.upToId = query.LastId();
    BOOST_TEST(query.Count(odd) == 126);
    BOOST_TEST(olds(query.Window(odd, 0, 1)) == (std::vector<std::string>{"251"}));
}

// On the server an entry keeps the unit its row was in when it was written:
// a deleted task's entries stay in its commune's view.
BOOST_FIXTURE_TEST_CASE(the_servers_entries_stay_with_their_unit_after_the_row_is_gone, DbFixture) {
    if (Db().backend() != storage::Backend::Postgresql) return;
    storage::UnitRepository units(Db().session());
    Unit a = MakeUnit("XA-A", "Xã A");
    a.id = units.Insert(a);
    Unit b = MakeUnit("XA-B", "Xã B");
    b.id = units.Insert(b);
    long long plan = 0, item = 0, task = 0, unitA = a.id;
    Db().session() << "INSERT INTO plans (unit_id, year, title) VALUES (:u, 2026, 'Kế hoạch') "
                      "RETURNING id",
        soci::use(unitA), soci::into(plan);
    Db().session() << "INSERT INTO plan_items (plan_id, heading) VALUES (:p, '1.1') RETURNING id",
        soci::use(plan), soci::into(item);
    Db().session() << "INSERT INTO tasks (item_id, solution) VALUES (:i, 'Niêm yết') RETURNING id",
        soci::use(item), soci::into(task);
    Db().session() << "DELETE FROM tasks WHERE id = :t", soci::use(task);
    storage::AuditQuery query(Db().session());
    storage::AuditFilter ofA;
    ofA.table = "tasks";
    ofA.unitId = a.id;
    const auto entries = query.Find(ofA);
    BOOST_TEST(entries.size() >= 2u);  // its insert and its delete
    for (const auto& e : entries) BOOST_TEST(e.rowId == task);
    storage::AuditFilter ofB = ofA;
    ofB.unitId = b.id;
    BOOST_TEST(query.Count(ofB) == 0);
}

// A date range: since its first day and until its last one (inclusive,
// the whole day), one record's entries, and the whole selection read in
// chunks oldest first.
BOOST_FIXTURE_TEST_CASE(the_audit_log_is_read_between_two_days_and_by_record_in_chunks, DbFixture) {
    storage::UnitRepository units(Db().session());
    Unit a = MakeUnit("XA-A", "Xã An Hòa");
    a.id = units.Insert(a);
    Unit b = MakeUnit("XA-B", "Xã Bình Đông");
    b.id = units.Insert(b);
    const std::vector<std::string> times = {"2026-01-04T23:59:59", "2026-01-05T00:00:00",
                                            "2026-01-05T23:59:59", "2026-01-06T00:00:00",
                                            "2026-01-07T12:00:00"};
    // Each time once for A, once for B (written as each engine writes them).
    for (std::size_t i = 0; i < times.size(); ++i)
        for (const Unit* u : {&a, &b}) {
            storage::AuditEntry e;
            e.at = times[i];
            e.user = "ghi-lai";
            e.table = "units";
            e.rowId = u->id;
            e.action = "update";
            e.field = "name";
            e.oldValue = u->name + " " + std::to_string(i);
            e.newValue = u->name + " " + std::to_string(i + 1);
            if (Db().backend() == storage::Backend::Sqlite) {
                storage::AuditRepository(Db().session()).Record(e);
                continue;
            }
            long long row = e.rowId;
            Db().session() << "INSERT INTO audit_log (at, user_login, table_name, row_id, action, "
                              "field, old_value, new_value, unit_id) VALUES (:at, :u, :t, :r, "
                              ":a, :f, :o, :n, :r2)",
                soci::use(e.at), soci::use(e.user), soci::use(e.table), soci::use(row),
                soci::use(e.action), soci::use(e.field), soci::use(*e.oldValue),
                soci::use(*e.newValue), soci::use(row);
        }
    storage::AuditQuery query(Db().session());
    auto times_of = [](const std::vector<storage::AuditEntry>& rows) {
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(r.at);
        return out;
    };
    storage::AuditFilter ofA;
    ofA.table = "units";
    ofA.user = "ghi-lai";
    ofA.rowId = a.id;
    BOOST_TEST(query.Count(ofA) == 5);
    for (const auto& r : query.Find(ofA)) BOOST_TEST(r.rowId == a.id);

    // The last day is inclusive: all of it, nothing of the next.
    storage::AuditFilter range = ofA;
    range.until = "2026-01-05";
    BOOST_TEST(query.Count(range) == 3);
    BOOST_TEST(times_of(query.Find(range)) ==
               (std::vector<std::string>{times[0], times[1], times[2]}));
    range.since = "2026-01-05";
    BOOST_TEST(times_of(query.Window(range, 0, 10)) ==
               (std::vector<std::string>{times[2], times[1]}));
    range.since = "2026-01-06";
    range.until = "2026-01-07";
    BOOST_TEST(times_of(query.Find(range)) == (std::vector<std::string>{times[3], times[4]}));
    range.since.clear();
    range.until = "2026-01-03";
    BOOST_TEST(query.Count(range) == 0);
    range.until = "05/01/2026";  // storage takes ISO days only
    BOOST_CHECK_THROW(query.Count(range), std::invalid_argument);

    // Both records, oldest first, in chunks of 3 (each chunk after the last).
    storage::AuditFilter both;
    both.table = "units";
    both.user = "ghi-lai";
    both.until = "2026-01-06";
    std::vector<std::size_t> sizes;
    std::vector<std::string> olds;
    const long long taken = query.Each(both, 3, [&](const std::vector<storage::AuditEntry>& chunk) {
        sizes.push_back(chunk.size());
        for (const auto& r : chunk) olds.push_back(r.oldValue.value_or(""));
        return true;
    });
    BOOST_TEST(taken == 8);
    BOOST_TEST(sizes == (std::vector<std::size_t>{3, 3, 2}));
    BOOST_TEST(olds.front() == "Xã An Hòa 0");
    BOOST_TEST(olds.back() == "Xã Bình Đông 3");
    // The taker may stop.
    sizes.clear();
    BOOST_TEST(query.Each(both, 3, [&](const std::vector<storage::AuditEntry>& chunk) {
        sizes.push_back(chunk.size());
        return false;
    }) == 3);
    BOOST_TEST(sizes.size() == 1u);
    // And keeps to upToId.
    both.upToId = query.LastId();
    storage::AuditEntry later;
    later.at = "2026-01-06T08:00:00";
    later.user = "ghi-lai";
    later.table = "units";
    later.rowId = a.id;
    later.action = "update";
    later.field = "name";
    if (Db().backend() == storage::Backend::Sqlite)
        storage::AuditRepository(Db().session()).Record(later);
    else {
        long long row = a.id;
        Db().session() << "INSERT INTO audit_log (at, user_login, table_name, row_id, action, "
                          "field, unit_id) VALUES (:at, :u, 'units', :r, 'update', 'name', :r2)",
            soci::use(later.at), soci::use(later.user), soci::use(row), soci::use(row);
    }
    BOOST_TEST(query.Each(both, 100, [](const auto&) { return true; }) == 8);
    both.upToId = 0;
    BOOST_TEST(query.Each(both, 100, [](const auto&) { return true; }) == 9);
}

BOOST_AUTO_TEST_SUITE_END()
