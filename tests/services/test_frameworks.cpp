// Framework management on both backends: copying a framework to a new year
// (tree, bands, crosswalk), retiring, edits checked on the whole tree and
// refused once results are appraised, deletions refused when results exist,
// the audit log, and export → import round trips through CSV and XLSX.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "core/conflict.h"
#include "core/errors.h"
#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/frameworks/frameworks.h"
#include "services/org/org_io.h"
#include "services/org/organisation.h"
#include "services/results/results.h"
#include "storage/framework_repository.h"
#include "storage/result_set_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;
namespace tt = boost::test_tools;

namespace {

const char* kUnits =
    "code,name,kind,parent\n"
    "H-TEST,Huyện Thử,district,\n"
    "XA-A,Xã An Hòa,commune,H-TEST\n";

// The built-in catalogues and a copy of PAR-XA-2025 for 2026 to edit.
struct FrameworkFixture : DbFixture {
    services::FrameworkService service{Db(), "tester"};
    FrameworkFixture() {
        services::LoadBuiltinCatalogues(Db());
        WriteFile(dir.File("units.csv"), kUnits);
        services::ImportUnits(Db(), dir.File("units.csv"), "test");
        service.CopyToNewYear("PAR-XA-2025", "PAR-XA-2026", 2026, "Chỉ số CCHC cấp xã năm 2026");
    }
    Framework Copy() { return service.Load("PAR-XA-2026"); }
    Criterion Get(const std::string& code) {
        for (const auto& c : Copy().criteria)
            if (c.code == code) return c;
        BOOST_FAIL("no criterion " + code);
        return {};
    }
    double Total() {
        double total = 0;
        for (const auto& c : Copy().criteria)
            if (c.parentCode.empty()) total += c.maxPoints;
        return total;
    }
    std::int64_t UnitId() {
        return services::OrganisationService(Db(), "test").UnitByCode("XA-A")->id;
    }
    void Appraise() {
        storage::ResultSetRepository sets(Db().session());
        auto set = sets.Ensure(UnitId(), Copy().id, "2026");
        BOOST_REQUIRE(sets.SetStatus(set, "appraised", "tester", ""));
    }
};

// Runs f, which must throw a UserError; returns it.
template <class F>
UserError Refusal(F f) {
    try {
        f();
    } catch (const UserError& e) {
        return e;
    }
    BOOST_FAIL("expected a UserError");
    return UserError("");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(frameworks)

BOOST_FIXTURE_TEST_CASE(copy_to_a_new_year_copies_tree_bands_and_crosswalk, FrameworkFixture) {
    Framework source = service.Load("PAR-XA-2025");
    Framework copy = Copy();
    BOOST_TEST(copy.year == 2026);
    BOOST_TEST(copy.name == "Chỉ số CCHC cấp xã năm 2026");
    BOOST_TEST(!copy.builtin);
    BOOST_TEST(copy.status == "active");
    BOOST_REQUIRE(copy.copiedFromId);
    BOOST_TEST(*copy.copiedFromId == source.id);
    BOOST_TEST(FormatBands(copy.bands) == FormatBands(source.bands));
    BOOST_TEST(!copy.bands.empty());
    BOOST_REQUIRE(copy.criteria.size() == source.criteria.size());
    BOOST_TEST(source.criteria.size() == 65u);
    for (std::size_t i = 0; i < source.criteria.size(); ++i) {
        BOOST_TEST_CONTEXT("criterion " << source.criteria[i].code) {
            BOOST_TEST(copy.criteria[i].code == source.criteria[i].code);
            BOOST_TEST(copy.criteria[i].parentCode == source.criteria[i].parentCode);
            BOOST_TEST(copy.criteria[i].title == source.criteria[i].title);
            BOOST_TEST(copy.criteria[i].maxPoints == source.criteria[i].maxPoints);
            BOOST_TEST((copy.criteria[i].rule == source.criteria[i].rule));
            BOOST_TEST((copy.criteria[i].target == source.criteria[i].target));
            BOOST_TEST(copy.criteria[i].id != source.criteria[i].id);
        }
    }
    BOOST_TEST(Total() == 100.0, tt::tolerance(1e-9));

    auto crosswalk = services::LoadCrosswalk(Db(), copy.id);
    BOOST_REQUIRE(crosswalk.sourceFrameworkId);
    BOOST_TEST(*crosswalk.sourceFrameworkId == source.id);
    BOOST_TEST(crosswalk.oldCodeByNewCode.size() == source.criteria.size());
    BOOST_TEST(crosswalk.oldCodeByNewCode["3.2.1"] == "3.2.1");
    // The crosswalk follows the criterion when it is renumbered in the copy.
    Criterion c = Get("3.2.1");
    c.code = "3.2.9";
    service.SaveCriterion("PAR-XA-2026", c);
    crosswalk = services::LoadCrosswalk(Db(), copy.id);
    BOOST_TEST(crosswalk.oldCodeByNewCode["3.2.9"] == "3.2.1");
    BOOST_TEST(crosswalk.oldCodeByNewCode.count("3.2.1") == 0u);
    // A framework that is not a copy has neither source nor crosswalk.
    auto none = services::LoadCrosswalk(Db(), source.id);
    BOOST_TEST(!none.sourceFrameworkId);
    BOOST_TEST(none.oldCodeByNewCode.empty());
}

BOOST_FIXTURE_TEST_CASE(copy_refuses_an_existing_code_and_the_same_year, FrameworkFixture) {
    const auto before = service.List().size();
    auto e = Refusal([&] { service.CopyToNewYear("PAR-XA-2025", "PAR-XA-2026", 2027, "x"); });
    BOOST_TEST(e.where().field == "new_code");
    e = Refusal([&] { service.CopyToNewYear("PAR-XA-2025", "PAR-XA-2025-B", 2025, "x"); });
    BOOST_TEST(e.where().field == "year");
    e = Refusal([&] { service.CopyToNewYear("PAR-XA-2025", "PAR-XA-3000", 3000, "x"); });
    BOOST_TEST(e.where().field == "year");
    e = Refusal([&] { service.CopyToNewYear("PAR-XA-2025", "PAR-XA-2027", 2027, "  "); });
    BOOST_TEST(e.where().field == "name");
    BOOST_TEST(service.List().size() == before);
    BOOST_TEST(services::ProposedCopyCode("PAR-XA-2025", 2025, 2026) == "PAR-XA-2026");
    BOOST_TEST(services::ProposedCopyCode("QD766", 2022, 2026) == "QD766-2026");
}

BOOST_FIXTURE_TEST_CASE(retire_and_reactivate, FrameworkFixture) {
    service.Retire("PAR-XA-2026");
    BOOST_TEST(Copy().status == "retired");
    auto list = service.List();
    auto it = std::find_if(list.begin(), list.end(),
                           [](const auto& f) { return f.code == "PAR-XA-2026"; });
    BOOST_REQUIRE(it != list.end());
    BOOST_TEST(it->status == "retired");
    service.Reactivate("PAR-XA-2026");
    BOOST_TEST(Copy().status == "active");
    auto audit = storage::AuditRepository(Db().session()).ForRow("frameworks", Copy().id);
    long statusRows = std::count_if(audit.begin(), audit.end(),
                                    [](const auto& a) { return a.field == "status"; });
    BOOST_TEST(statusRows == 2);
}

BOOST_FIXTURE_TEST_CASE(a_group_whose_children_do_not_add_up_is_refused_and_nothing_stored,
                        FrameworkFixture) {
    Criterion group = Get("1");
    BOOST_REQUIRE(group.maxPoints == 10.0);
    const long auditBefore = storage::AuditRepository(Db().session()).Count();
    group.maxPoints = 11;
    group.title = "Changed title";
    auto e = Refusal([&] { service.SaveCriterion("PAR-XA-2026", group); });
    BOOST_TEST(e.where().field == "max_points");
    BOOST_TEST(std::string(e.what()).find("1") != std::string::npos);
    BOOST_TEST(Get("1").maxPoints == 10.0);
    BOOST_TEST(Get("1").title != "Changed title");
    BOOST_TEST(storage::AuditRepository(Db().session()).Count() == auditBefore);

    // A rate criterion needs its target.
    Criterion rate = Get("3.2.1");
    BOOST_REQUIRE(rate.rule == RuleKind::Rate);
    rate.target.reset();
    e = Refusal([&] { service.SaveCriterion("PAR-XA-2026", rate); });
    BOOST_TEST(e.where().field == "target");
    BOOST_TEST(Get("3.2.1").target.has_value());

    // Two criteria may not share a code.
    Criterion dup = Get("2.3");
    dup.code = "2.2";
    e = Refusal([&] { service.SaveCriterion("PAR-XA-2026", dup); });
    BOOST_TEST(e.where().field == "code");
}

BOOST_FIXTURE_TEST_CASE(a_leaf_change_of_points_carries_up_to_its_groups, FrameworkFixture) {
    Criterion leaf = Get("2.3");
    const std::string parent = leaf.parentCode;
    const double parentMax = Get(parent).maxPoints;
    leaf.maxPoints += 1;
    service.SaveCriterion("PAR-XA-2026", leaf);
    BOOST_TEST(Get("2.3").maxPoints == leaf.maxPoints);
    BOOST_TEST(Get(parent).maxPoints == parentMax + 1);
    BOOST_TEST(Total() == 101.0, tt::tolerance(1e-9));
    // The built-in source is untouched.
    for (const auto& c : service.Load("PAR-XA-2025").criteria)
        if (c.code == "2.3") BOOST_TEST(c.maxPoints == leaf.maxPoints - 1);
}

BOOST_FIXTURE_TEST_CASE(max_points_are_locked_once_results_are_appraised, FrameworkFixture) {
    // Allowed while nothing is appraised, and the stored totals go stale.
    storage::ResultSetRepository sets(Db().session());
    auto set = sets.Ensure(UnitId(), Copy().id, "2026");
    sets.StoreTotals({{set.id, 1, 2, 1, 2}});
    BOOST_TEST(sets.Find(UnitId(), Copy().id, "2026")->totalsFresh);
    Criterion leaf = Get("2.3");
    const double old = leaf.maxPoints;
    leaf.maxPoints = old + 0.5;
    service.SaveCriterion("PAR-XA-2026", leaf);
    BOOST_TEST(Get("2.3").maxPoints == old + 0.5);
    BOOST_TEST(!sets.Find(UnitId(), Copy().id, "2026")->totalsFresh);

    Appraise();
    BOOST_TEST(service.HasAppraisedResults("PAR-XA-2026"));
    leaf = Get("2.3");
    leaf.maxPoints = old;
    auto e = Refusal([&] { service.SaveCriterion("PAR-XA-2026", leaf); });
    BOOST_TEST(std::string(e.what()).find("PAR-XA-2026") != std::string::npos);
    BOOST_TEST(Get("2.3").maxPoints == old + 0.5);
    leaf = Get("2.3");
    leaf.rule = RuleKind::YesNo;
    Refusal([&] { service.SaveCriterion("PAR-XA-2026", leaf); });
    Criterion added;
    added.code = "2.9";
    added.parentCode = "2";
    added.title = "New";
    added.rule = RuleKind::Manual;
    Refusal([&] { service.SaveCriterion("PAR-XA-2026", added); });
    Refusal([&] { service.DeleteCriterion("PAR-XA-2026", "2.3"); });
    BOOST_TEST(Copy().criteria.size() == 65u);
    // Wording may still be corrected.
    leaf = Get("2.3");
    leaf.title = "Tiêu đề đã sửa";
    service.SaveCriterion("PAR-XA-2026", leaf);
    BOOST_TEST(Get("2.3").title == "Tiêu đề đã sửa");
}

BOOST_FIXTURE_TEST_CASE(built_in_frameworks_are_copied_not_edited, FrameworkFixture) {
    Criterion c = service.Load("PAR-XA-2025").criteria.front();
    c.title = "x";
    auto e = Refusal([&] { service.SaveCriterion("PAR-XA-2025", c); });
    BOOST_TEST(std::string(e.what()).find("PAR-XA-2025") != std::string::npos);
    Refusal([&] { service.SaveHeader("PAR-XA-2025", "x", ""); });
    Refusal([&] { service.SaveBands("PAR-XA-2025", {}); });
    Refusal([&] { service.DeleteCriterion("PAR-XA-2025", c.code); });
}

BOOST_FIXTURE_TEST_CASE(adding_and_deleting_criteria, FrameworkFixture) {
    // A first sub-criterion turns a leaf into a group that sums it.
    Criterion leaf = Get("2.3");
    BOOST_REQUIRE(leaf.rule);
    Criterion child;
    child.code = "2.3.1";
    child.parentCode = "2.3";
    child.title = "Thành phần mới";
    child.maxPoints = leaf.maxPoints;
    child.rule = RuleKind::YesNo;
    child = service.SaveCriterion("PAR-XA-2026", child);
    BOOST_TEST(child.id != 0);
    BOOST_TEST(!Get("2.3").rule);
    BOOST_TEST((Get("2.3.1").rule == RuleKind::YesNo));
    BOOST_TEST(Total() == 100.0, tt::tolerance(1e-9));
    // Deleting it gives the group back its points, scored by judgement.
    service.DeleteCriterion("PAR-XA-2026", "2.3.1");
    BOOST_TEST((Get("2.3").rule == RuleKind::Manual));
    BOOST_TEST(Get("2.3").maxPoints == leaf.maxPoints);
    // Deleting a whole field takes its points off the total.
    const double field = Get("6").maxPoints;
    service.DeleteCriterion("PAR-XA-2026", "6");
    BOOST_TEST(Total() == 100.0 - field, tt::tolerance(1e-9));
    for (const auto& c : Copy().criteria) BOOST_TEST(c.parentCode != "6");
}

BOOST_FIXTURE_TEST_CASE(a_criterion_with_results_cannot_be_deleted, FrameworkFixture) {
    WriteFile(
        dir.File("results.csv"),
        "unit,framework,period,criterion,self_score,appraised_score,numerator,denominator,note\n"
        "XA-A,PAR-XA-2026,2026,2.3,1,,,,\n");
    services::ImportResults(Db(), dir.File("results.csv"), "test");
    auto e = Refusal([&] { service.DeleteCriterion("PAR-XA-2026", "2.3"); });
    BOOST_TEST(std::string(e.what()).find("2.3") != std::string::npos);
    Get("2.3");  // still there
    // Nor the group that holds it.
    Refusal([&] { service.DeleteCriterion("PAR-XA-2026", Get("2.3").parentCode); });
    BOOST_TEST(Copy().criteria.size() == 65u);
    // A sibling without results can go.
    service.DeleteCriterion("PAR-XA-2026", "2.4");
    BOOST_TEST(Copy().criteria.size() == 64u);
}

BOOST_FIXTURE_TEST_CASE(every_changed_field_is_audited, FrameworkFixture) {
    Criterion c = Get("3.2.1");
    c.title = "Tỷ lệ hồ sơ giải quyết đúng hạn";
    c.target = 0.95;
    c.guidance = "Lấy số liệu từ hệ thống một cửa";
    // (The server logs the criterion added by the copy too: the entries
    // of this save follow it.)
    const auto earlier = storage::AuditRepository(Db().session()).ForRow("criteria", c.id).size();
    service.SaveCriterion("PAR-XA-2026", c);
    auto rows = storage::AuditRepository(Db().session()).ForRow("criteria", c.id);
    rows.erase(rows.begin(), rows.begin() + static_cast<long>(earlier));
    std::vector<std::string> fields;
    for (const auto& r : rows) {
        fields.push_back(r.field);
        BOOST_TEST(r.user == "tester");
        BOOST_TEST(r.action == "update");
    }
    std::sort(fields.begin(), fields.end());
    BOOST_TEST(fields == (std::vector<std::string>{"guidance", "target", "title"}),
               tt::per_element());
    for (const auto& r : rows)
        if (r.field == "target") BOOST_TEST(*r.newValue == "0.95");

    service.SaveHeader("PAR-XA-2026", "Bộ chỉ số 2026", "Theo Quyết định số 12/QĐ-UBND");
    service.SaveBands("PAR-XA-2026", *ParseBands("Xuất sắc:95;Tốt:90;Khá:80;Trung bình:65;Yếu:0"));
    BOOST_TEST(FormatBands(Copy().bands) == "Xuất sắc:95;Tốt:90;Khá:80;Trung bình:65;Yếu:0");
    BOOST_TEST(Copy().description == "Theo Quyết định số 12/QĐ-UBND");
    auto fwRows = storage::AuditRepository(Db().session()).ForRow("frameworks", Copy().id);
    std::vector<std::string> fwFields;
    for (const auto& r : fwRows)
        if (r.action == "update") fwFields.push_back(r.field);
    std::sort(fwFields.begin(), fwFields.end());
    if (Db().backend() == storage::Backend::Sqlite) {
        BOOST_TEST(fwFields == (std::vector<std::string>{"bands", "description", "name"}),
                   tt::per_element());
    } else {
        // On the server the bands are rows of their own table, logged as
        // such by its triggers.
        BOOST_TEST(fwFields == (std::vector<std::string>{"description", "name"}),
                   tt::per_element());
        BOOST_TEST(storage::AuditRepository(Db().session()).Count("framework_bands") >= 5);
    }
    // Saving the same again writes nothing.
    const long count = storage::AuditRepository(Db().session()).Count();
    service.SaveCriterion("PAR-XA-2026", Get("3.2.1"));
    service.SaveHeader("PAR-XA-2026", "Bộ chỉ số 2026", "Theo Quyết định số 12/QĐ-UBND");
    BOOST_TEST(storage::AuditRepository(Db().session()).Count() == count);
}

BOOST_FIXTURE_TEST_CASE(an_edit_from_a_stale_copy_of_the_framework_is_refused, FrameworkFixture) {
    // Two desks open the framework; the first saves, the second's save of
    // what it loaded earlier must not overwrite it.
    const Framework first = Copy(), second = Copy();
    BOOST_TEST(first.version == second.version);
    Criterion mine = Get("2.3");
    mine.title = "Bàn thứ nhất";
    service.SaveCriterion("PAR-XA-2026", mine, first.version);
    BOOST_TEST(Copy().version == first.version + 1);
    Criterion theirs = mine;
    theirs.title = "Bàn thứ hai";
    // Refused with the values on both sides (the editor shows them).
    try {
        service.SaveCriterion("PAR-XA-2026", theirs, second.version);
        BOOST_FAIL("a criterion saved over another desk's");
    } catch (const EditConflict& e) {
        BOOST_REQUIRE(e.fields().size() == 1u);
        BOOST_TEST(e.fields()[0].field == "title");
        BOOST_TEST(e.fields()[0].mine == "Bàn thứ hai");
        BOOST_TEST(e.fields()[0].theirs == "Bàn thứ nhất");
        BOOST_TEST(e.storedVersion() == first.version + 1);
    }
    BOOST_CHECK_THROW(service.SaveHeader("PAR-XA-2026", "Tên khác", "", second.version),
                      EditConflict);
    BOOST_CHECK_THROW(service.DeleteCriterion("PAR-XA-2026", "2.4", second.version),
                      ChangedSinceRead);
    BOOST_TEST(Get("2.3").title == "Bàn thứ nhất");
    BOOST_TEST(Copy().name == first.name);
    BOOST_TEST(Copy().criteria.size() == 65u);
    // With the version read again the second desk can save.
    service.SaveCriterion("PAR-XA-2026", theirs, Copy().version);
    BOOST_TEST(Get("2.3").title == "Bàn thứ hai");
}

BOOST_AUTO_TEST_CASE(export_then_import_round_trip_through_csv_and_xlsx) {
    for (const std::string ext : {"csv", "xlsx"}) {
        BOOST_TEST_CONTEXT("format " << ext) {
            TempDir files;
            const std::string path = files.File("frameworks." + ext);
            std::vector<Framework> expected;
            {
                TempDir dir;
                auto db = FreshDatabase(dir);
                services::LoadBuiltinCatalogues(*db);
                services::FrameworkService service(*db, "tester");
                service.CopyToNewYear("PAR-XA-2025", "PAR-XA-2026", 2026, "Bộ 2026");
                Framework copy = service.Load("PAR-XA-2026");
                Criterion c = copy.criteria.back();
                c.title = "Tiêu chí, có dấu phẩy và \"ngoặc kép\"";
                service.SaveCriterion("PAR-XA-2026", c);
                for (const auto& f : service.List()) expected.push_back(service.Load(f.code));
                BOOST_TEST(services::ExportFrameworks(*db, path) > 0);
            }
            TempDir dir2;
            auto fresh = FreshDatabase(dir2);
            BOOST_TEST(services::ImportFrameworks(*fresh, path, "tester") ==
                       static_cast<long>(expected.size()));
            services::FrameworkService service(*fresh, "tester");
            for (const auto& want : expected) {
                BOOST_TEST_CONTEXT("framework " << want.code) {
                    Framework got = service.Load(want.code);
                    BOOST_TEST(got.year == want.year);
                    BOOST_TEST(FrameworkKindKey(got.kind) == FrameworkKindKey(want.kind));
                    BOOST_REQUIRE(got.criteria.size() == want.criteria.size());
                    for (std::size_t i = 0; i < want.criteria.size(); ++i) {
                        const auto &g = got.criteria[i], &w = want.criteria[i];
                        BOOST_TEST_CONTEXT("criterion " << w.code) {
                            BOOST_TEST(g.code == w.code);
                            BOOST_TEST(g.parentCode == w.parentCode);
                            BOOST_TEST(g.title == w.title);
                            BOOST_TEST(g.maxPoints == w.maxPoints, tt::tolerance(1e-9));
                            BOOST_TEST((g.rule == w.rule));
                            BOOST_TEST((g.target == w.target));
                            BOOST_TEST((g.perUnit == w.perUnit));
                            BOOST_TEST((g.noData == w.noData));
                            BOOST_TEST(g.evidenceRequired == w.evidenceRequired);
                            BOOST_TEST(g.appliesToCommunes == w.appliesToCommunes);
                        }
                    }
                }
            }
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_new_framework_starts_empty_with_bands, FrameworkFixture) {
    auto fw = service.Create("XA-MOI-2027", "Bộ chỉ số mới năm 2027", 2027, FrameworkKind::Par);
    BOOST_TEST(fw.id != 0);
    auto stored = service.Load("XA-MOI-2027");
    BOOST_TEST(stored.criteria.empty());
    BOOST_TEST(stored.bands.size() == 4u);
    BOOST_TEST(stored.year == 2027);
    BOOST_TEST(Refusal([&] { service.Create("XA-MOI-2027", "x", 2027, FrameworkKind::Par); })
                   .where()
                   .field == "new_code");
    BOOST_TEST(
        Refusal([&] { service.Create("XA MOI", "x", 2027, FrameworkKind::Par); }).where().field ==
        "new_code");
    BOOST_TEST(
        Refusal([&] { service.Create("XA-2", " ", 2027, FrameworkKind::Par); }).where().field ==
        "name");
    BOOST_TEST(
        Refusal([&] { service.Create("XA-3", "y", 1800, FrameworkKind::Par); }).where().field ==
        "year");
    // A first field and criterion make it scorable.
    Criterion field;
    field.code = "1";
    field.title = "Lĩnh vực 1";
    field.maxPoints = 2;
    field.rule = RuleKind::Manual;
    service.SaveCriterion("XA-MOI-2027", field);
    BOOST_TEST(service.Load("XA-MOI-2027").criteria.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(criteria_move_among_their_siblings_even_after_appraisal, FrameworkFixture) {
    Appraise();
    auto order = [&](const std::string& parent) {
        std::vector<std::pair<int, std::string>> kids;
        for (const auto& c : Copy().criteria)
            if (c.parentCode == parent) kids.emplace_back(c.sortOrder, c.code);
        std::sort(kids.begin(), kids.end());
        std::vector<std::string> codes;
        for (const auto& k : kids) codes.push_back(k.second);
        return codes;
    };
    const auto before = order("1");
    BOOST_REQUIRE(before.size() >= 3u);
    service.MoveCriterion("PAR-XA-2026", before[1], -1);
    auto after = order("1");
    BOOST_TEST(after[0] == before[1]);
    BOOST_TEST(after[1] == before[0]);
    BOOST_TEST(after[2] == before[2]);
    // At the top it stays; the audit records the new order.
    service.MoveCriterion("PAR-XA-2026", after[0], -1);
    BOOST_TEST(order("1") == after, tt::per_element());
    auto log = storage::AuditRepository(Db().session()).ForRow("criteria", Get(before[1]).id);
    BOOST_TEST(
        std::any_of(log.begin(), log.end(), [](const auto& a) { return a.field == "sort_order"; }));
    service.MoveCriterion("PAR-XA-2026", before[1], +1);
    BOOST_TEST(order("1") == before, tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(framework_files)

BOOST_FIXTURE_TEST_CASE(an_order_out_of_range_is_refused_at_its_cell, DbFixture) {
    const std::string header =
        "framework,year,kind,code,parent,title,max_points,rule,target,per_unit,no_data,"
        "evidence_required,order\n";
    for (const std::string& order :
         std::vector<std::string>{"1" + std::string(100, '2'), "-1", "2,5"}) {
        BOOST_TEST_CONTEXT(order) {
            WriteFile(dir.File("fw.csv"),
                      header + "ORD-FW,2026,custom,1,,Tiêu chí,5,manual,,,,no,\"" + order + "\"\n");
            try {
                services::ImportFrameworks(Db(), dir.File("fw.csv"), "test");
                BOOST_FAIL("an order out of range was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().line == 2);
                BOOST_TEST(e.where().field == "order");
            }
        }
    }
    BOOST_TEST(storage::FrameworkRepository(Db().session()).List().empty());
}

BOOST_FIXTURE_TEST_CASE(codes_and_titles_past_their_limits_are_refused_not_stored, DbFixture) {
    const std::string header =
        "framework,year,kind,code,parent,title,max_points,rule,target,per_unit,no_data,"
        "evidence_required\n";
    struct Case {
        std::string row, field;
    };
    const std::vector<Case> cases = {
        {"LONG-FW,2026,custom,1,,Tiêu chí " + std::string(1000, 't') + ",5,manual,,,,no\n",
         "title"},
        {"LONG-FW,2026,custom," + std::string(51, '1') + ",,Tiêu chí,5,manual,,,,no\n", "code"},
        {std::string(51, 'F') + ",2026,custom,1,,Tiêu chí,5,manual,,,,no\n", "framework"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        BOOST_TEST_CONTEXT(cases[i].field) {
            const std::string name = "fw" + std::to_string(i) + ".csv";
            WriteFile(dir.File(name), header + cases[i].row);
            try {
                services::ImportFrameworks(Db(), dir.File(name), "test");
                BOOST_FAIL("a framework past the limits was imported");
            } catch (const UserError& e) {
                BOOST_TEST(e.where().file == name);
                BOOST_TEST(e.where().line == 2);
                BOOST_TEST(e.where().field == cases[i].field);
                BOOST_TEST(e.message().size() < 300u);
            }
            BOOST_TEST(storage::FrameworkRepository(Db().session()).List().empty());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
