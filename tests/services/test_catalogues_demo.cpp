// Built-in catalogues and the demo office on both backends.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <map>
#include <set>

#include <soci/soci.h>

#include "fixture.h"
#include "services/app/demo.h"
#include "services/app/overview.h"
#include "services/frameworks/framework_io.h"
#include "services/org/organisation.h"
#include "services/plans/plan_io.h"
#include "services/results/results.h"
#include "storage/framework_repository.h"
#include "storage/lineage_repository.h"
#include "storage/plan_repository.h"
#include "storage/rating_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/settings_repository.h"
#include "storage/tally_repository.h"
#include "storage/task_board_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
double RootTotal(const Framework& fw) {
    double total = 0;
    for (const auto& c : fw.criteria)
        if (!c.parentId) total += c.maxPoints;
    return total;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(catalogues_and_demo)

BOOST_FIXTURE_TEST_CASE(builtin_catalogues_load_once, DbFixture) {
    auto first = services::LoadBuiltinCatalogues(Db());
    BOOST_TEST(first.frameworksAdded == 3);
    auto second = services::LoadBuiltinCatalogues(Db());
    BOOST_TEST(second.frameworksAdded == 0);
    BOOST_TEST(second.frameworksPresent == 3);
    storage::FrameworkRepository repo(Db().session());
    BOOST_TEST(repo.List().size() == 3u);

    auto qd766 = repo.Load(*repo.IdByCode("QD766"));
    BOOST_TEST(RootTotal(*qd766) == 100.0, boost::test_tools::tolerance(1e-9));
    int groups = 0;
    for (const auto& c : qd766->criteria) groups += c.parentId ? 0 : 1;
    BOOST_TEST(groups == 6);
    bool sawCappedSatisfaction = false, sawNotForCommunes = false;
    for (const auto& c : qd766->criteria) {
        if (c.rule == RuleKind::Rate && c.target && std::fabs(*c.target - 0.9) < 1e-9)
            sawCappedSatisfaction = true;
        if (!c.appliesToCommunes) sawNotForCommunes = true;
    }
    BOOST_TEST(sawCappedSatisfaction);
    BOOST_TEST(sawNotForCommunes);

    auto tt01 = repo.Load(*repo.IdByCode("TT01-2018"));
    BOOST_TEST(tt01->criteria.size() == 9u);
    for (const auto& c : tt01->criteria) BOOST_TEST(c.maxPoints == 2.0);

    auto par = repo.Load(*repo.IdByCode("PAR-XA-2025"));
    BOOST_TEST(RootTotal(*par) == 100.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(CheckFramework(*par).empty());
    BOOST_REQUIRE(par->bands.size() == 4u);
    BOOST_TEST(par->bands[0].label == "Tốt");
    BOOST_TEST(par->bands[0].minPercent == 90.0);
    BOOST_TEST(BandFor(par->bands, 79.9) == "Trung bình");

    auto scales = storage::CatalogueRepository(Db().session()).Scales();
    BOOST_REQUIRE(scales.size() == 2u);
    std::size_t levels5 = 0, levels3 = 0;
    for (const auto& s : scales) (s.code == "LIKERT5" ? levels5 : levels3) = s.levels.size();
    BOOST_TEST(levels5 == 5u);
    BOOST_TEST(levels3 == 3u);
}

BOOST_FIXTURE_TEST_CASE(demo_office_is_believable_and_deterministic, DbFixture) {
    services::DemoOptions o;
    o.communes = 5;
    o.years = 2;
    o.ratings = 800;
    o.seed = 7;
    o.lastYear = 2025;
    auto r = services::BuildDemo(Db(), o, nullptr);
    BOOST_TEST(r.ratings == 800);
    BOOST_TEST(r.plans > 0);
    BOOST_TEST(r.tasks > 0);
    BOOST_TEST(r.results > 0);
    services::OrganisationService org(Db(), "t");
    long communes = 0;
    for (const auto& u : org.Units()) communes += IsCommuneLevel(u.kind) && u.active ? 1 : 0;
    BOOST_TEST(communes == 5);
    BOOST_TEST(org.UnitByCode("XA-TAYXUAN").has_value());
    BOOST_TEST(!org.Office().signerName.empty());
    BOOST_CHECK_THROW(services::BuildDemo(Db(), o, nullptr), UserError);

    // Same seed, same office.
    TempDir other;
    auto url = storage::DatabaseUrl::Parse("sqlite:" + other.File("again.db"));
    auto db2 = storage::Database::Open(url);
    services::BuildDemo(*db2, o, nullptr);
    auto a = storage::PersonRepository(Db().session()).All();
    auto b = storage::PersonRepository(db2->session()).All();
    BOOST_REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) BOOST_TEST(a[i].fullName == b[i].fullName);
    // Its plans, tasks, coordinators and progress the same on either engine
    // (on the server the owner's demo writes them by COPY, with ids taken
    // from the sequences).
    const std::string mine = other.File("mine.csv"), theirs = other.File("theirs.csv");
    services::ExportTasks(Db(), mine, "t");
    services::ExportTasks(*db2, theirs, "t");
    BOOST_TEST(ReadFile(mine) == ReadFile(theirs));
    BOOST_TEST(storage::PlanRepository(Db().session()).CountTasks() == r.tasks);
    long long updates = 0, updates2 = 0, board = 0;
    Db().session() << "SELECT COUNT(*) FROM progress_updates", soci::into(updates);
    db2->session() << "SELECT COUNT(*) FROM progress_updates", soci::into(updates2);
    Db().session() << "SELECT COUNT(*) FROM task_board", soci::into(board);
    BOOST_TEST(updates == updates2);
    BOOST_TEST(board == r.tasks);
}

namespace {
// Every row of the task board, its columns as text, in task order.
std::vector<std::string> BoardRows(soci::session& s) {
    std::string sql = "SELECT CAST(task_id AS TEXT)";
    for (const char* c : {"unit_id",        "status",        "percent_done", "lead_unit_id",
                          "lead_person_id", "due",           "unit_code",    "unit_key",
                          "criterion",      "task_key",      "lead_key",     "search",
                          "calendar_first", "calendar_last", "calendar_gap", "calendar_updates",
                          "cutoff_first",   "cutoff_last",   "cutoff_gap",   "cutoff_updates"})
        sql += std::string(" || '|' || COALESCE(CAST(") + c + " AS TEXT), '-')";
    sql += " FROM task_board ORDER BY task_id";
    std::vector<std::string> out;
    soci::rowset<std::string> rs = s.prepare << sql;
    for (const auto& r : rs) out.push_back(r);
    return out;
}
}  // namespace

// The demo holds the board and writes each task's row once at its end (on
// the server by COPY into the empty board): the rows are those the tasks'
// own changes write one by one. Its documents are linked to every result
// of their year but a few criteria's, in one statement each.
BOOST_FIXTURE_TEST_CASE(the_demo_board_written_once_equals_the_board_written_task_by_task,
                        DbFixture) {
    services::DemoOptions o;
    o.communes = 4;
    o.years = 2;
    o.ratings = 100;
    o.seed = 11;
    o.lastYear = 2025;
    const auto r = services::BuildDemo(Db(), o, nullptr);
    soci::session& s = Db().session();
    const auto once = BoardRows(s);
    BOOST_TEST(static_cast<long>(once.size()) == r.tasks);

    std::vector<std::int64_t> ids;
    {
        soci::rowset<long long> rs = s.prepare << "SELECT id FROM tasks ORDER BY id";
        for (long long id : rs) ids.push_back(id);
    }
    s << "DELETE FROM task_board";
    storage::TaskBoardWriter(s).ForTasks(ids);
    BOOST_TEST(BoardRows(s) == once, boost::test_tools::per_element());
    // All() over an empty board (by COPY on the server) and over a full one.
    s << "DELETE FROM task_board";
    storage::TaskBoardWriter(s).All();
    BOOST_TEST(BoardRows(s) == once, boost::test_tools::per_element());
    storage::TaskBoardWriter(s).All();
    BOOST_TEST(BoardRows(s) == once, boost::test_tools::per_element());

    // While held, a change leaves the board as it was; released, it is written.
    {
        storage::TaskBoardHold hold(s);
        s << "UPDATE tasks SET percent_done = 55 WHERE id = :id", soci::use(ids.front());
        storage::TaskBoardWriter(s).ForTask(ids.front());
        BOOST_TEST(BoardRows(s) == once, boost::test_tools::per_element());
        hold.Release();
    }
    long long percent = 0;
    s << "SELECT percent_done FROM task_board WHERE task_id = :id", soci::use(ids.front()),
        soci::into(percent);
    BOOST_TEST(percent == 55);
    {
        // Not released (the transaction failing): nothing written, no longer held.
        storage::TaskBoardHold hold(s);
    }
    s << "UPDATE tasks SET percent_done = 60 WHERE id = :id", soci::use(ids.front());
    storage::TaskBoardWriter(s).ForTask(ids.front());
    s << "SELECT percent_done FROM task_board WHERE task_id = :id", soci::use(ids.front()),
        soci::into(percent);
    BOOST_TEST(percent == 60);

    // Each self-assessment report covers its commune's results of the year
    // but at most three criteria's.
    long long reports = 0, linked = 0, short_of = 0;
    s << "SELECT COUNT(*) FROM evidence", soci::into(reports);
    s << "SELECT COUNT(*) FROM result_evidence", soci::into(linked);
    s << "SELECT COUNT(*) FROM results x JOIN evidence e ON e.unit_id = x.unit_id AND "
         "e.doc_date LIKE x.period || '-%' WHERE NOT EXISTS (SELECT 1 FROM result_evidence l "
         "WHERE l.result_id = x.id AND l.evidence_id = e.id)",
        soci::into(short_of);
    BOOST_TEST(reports > 0);
    BOOST_TEST(linked > 0);
    BOOST_TEST(short_of > 0);
    BOOST_TEST(short_of <= 3 * reports);
}

BOOST_FIXTURE_TEST_CASE(the_demo_audits_every_record_it_creates, DbFixture) {
    services::DemoOptions o;
    o.communes = 3;
    o.years = 1;
    o.ratings = 300;
    o.seed = 5;
    o.lastYear = 2025;
    o.user = "nguyen.an";
    const auto r = services::BuildDemo(Db(), o, nullptr);
    storage::AuditRepository audit(Db().session());
    // One entry per record created, naming the user and the demo as source.
    const long units = storage::UnitRepository(Db().session()).Count();
    BOOST_TEST(units > 3);
    BOOST_TEST(audit.Count("units", std::string("demo")) == units);
    BOOST_TEST(audit.Count("units") == units);
    BOOST_TEST(audit.Count("people", std::string("demo")) == r.people);
    BOOST_TEST(audit.Count("results", std::string("demo")) == r.results);
    BOOST_TEST(audit.Count("plans", std::string("demo")) == r.plans);
    BOOST_TEST(audit.Count("tasks", std::string("demo")) == r.tasks);
    BOOST_TEST(audit.Count("survey_tallies", std::string("demo")) ==
               storage::TallyRepository(Db().session()).Count());
    BOOST_TEST(audit.Count("ratings", std::string("demo")) ==
               storage::RatingRepository(Db().session()).Count());
    BOOST_TEST(audit.Count("unit_lineage", std::string("demo")) ==
               static_cast<long>(storage::LineageRepository(Db().session()).All().size()));
    // The built-in catalogues it loaded into the empty database too.
    BOOST_TEST(audit.Count("frameworks", std::string("demo")) == 3);
    BOOST_TEST(audit.Count("criteria", std::string("demo")) > 50);

    const auto unit = services::OrganisationService(Db(), "t").UnitByCode("XA-TAYXUAN");
    BOOST_REQUIRE(unit.has_value());
    const auto entries = audit.ForRow("units", unit->id);
    BOOST_REQUIRE(entries.size() == 1u);
    BOOST_TEST(entries[0].user == "nguyen.an");
    BOOST_TEST(entries[0].action == "insert");
    BOOST_TEST(entries[0].field == "demo");
    BOOST_REQUIRE(entries[0].newValue.has_value());
    BOOST_TEST(entries[0].newValue->find("XA-TAYXUAN") != std::string::npos);
    BOOST_TEST(entries[0].newValue->find(unit->name) != std::string::npos);

    // The office's settings with their new values.
    bool signer = false;
    for (const auto& e : audit.ForRow("settings", 0))
        if (e.field == "office.signer_name") {
            signer = true;
            BOOST_TEST(e.user == "nguyen.an");
            BOOST_TEST(e.action == "insert");
            BOOST_TEST(
                (e.newValue == services::OrganisationService(Db(), "t").Office().signerName));
        }
    BOOST_TEST(signer);
}

// Since July 2025 the demo is a province's office whose communes and wards
// were each formed from former communes: those stay, inactive, with their
// results of the years before, and the ranking compares the new units with
// them. Before, a district's office.
BOOST_FIXTURE_TEST_CASE(the_demo_after_july_2025_is_a_province_of_merged_communes, DbFixture) {
    services::DemoOptions o;
    o.communes = 6;
    o.ratings = 500;
    o.asOf = Date{2026, 12, 7};
    const auto r = services::BuildDemo(Db(), o, nullptr);
    services::OrganisationService org(Db(), "t");
    const auto office = org.Office();
    BOOST_TEST(office.issuingBody == "SỞ NỘI VỤ");
    BOOST_TEST(office.placeName == "Gia Lai");
    std::map<std::int64_t, Unit> byId;
    long current = 0, former = 0, wards = 0, towns = 0;
    for (const auto& u : org.Units()) {
        byId[u.id] = u;
        if (!IsCommuneLevel(u.kind)) continue;
        (u.active ? current : former) += 1;
        wards += u.active && u.kind == UnitKind::Ward;
        towns += u.active && u.kind == UnitKind::Town;
    }
    BOOST_TEST(current == 6);
    BOOST_TEST(wards > 0);
    BOOST_TEST(towns == 0);  // no towns since 2025
    BOOST_TEST(former >= 12);
    // Every current unit formed on 1 July 2025 from former communes; no
    // former commune given away more than whole.
    const auto links = storage::LineageRepository(Db().session()).All();
    std::set<std::int64_t> formed;
    for (const auto& l : links) {
        formed.insert(l.unitId);
        BOOST_TEST(l.formedOn.ToIso() == "2025-07-01");
        BOOST_TEST(byId[l.unitId].active);
        BOOST_TEST(!byId[l.predecessorId].active);
    }
    BOOST_TEST(formed.size() == 6u);
    BOOST_TEST(OverSharedPredecessors(links).empty());
    // Five years of index results: the former communes' until 2024, the new
    // units' from 2025, compared with their former communes.
    const auto y2024 = services::RankUnits(Db(), "PAR-XA-2025", "2024", true, "t");
    BOOST_TEST(static_cast<long>(y2024.size()) == former);
    for (const auto& row : y2024) BOOST_TEST(!org.UnitByCode(row.unit)->active);
    const auto y2025 = services::RankUnits(Db(), "PAR-XA-2025", "2025", true, "t");
    BOOST_REQUIRE(y2025.size() == 6u);
    for (const auto& row : y2025) {
        BOOST_TEST(row.change.has_value(), row.name);
        BOOST_TEST(!row.formedFrom.empty(), row.name);
    }
    BOOST_TEST(services::ResultPeriods(Db(), "PAR-XA-2025").size() == 5u);
    // Nothing of the new units dated before they were formed.
    for (const auto& p : storage::PlanRepository(Db().session()).All())
        BOOST_TEST(p.issuedOn.value_or("") >= std::string("2025-07-01"), p.issuedOn.value_or(""));
    long long early = 0;
    Db().session() << "SELECT COUNT(*) FROM survey_tallies WHERE period < '2025-07'",
        soci::into(early);
    BOOST_TEST(early == 0);
    Db().session() << "SELECT COUNT(*) FROM ratings WHERE rated_at < '2025-07-01'",
        soci::into(early);
    BOOST_TEST(early == 0);
    BOOST_TEST(r.ratings == 500);

    // Before July 2025: the district of Tây Sơn and its communes.
    TempDir other;
    auto before =
        storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + other.File("b.db")));
    o.asOf = Date{2025, 3, 1};
    services::BuildDemo(*before, o, nullptr);
    services::OrganisationService old(*before, "t");
    BOOST_TEST(old.Office().issuingBody == "PHÒNG NỘI VỤ");
    BOOST_TEST(old.UnitByCode("TAYSON").has_value());
    BOOST_TEST(storage::LineageRepository(before->session()).All().empty());
}

// A later year with one stray draft score does not become the year lists
// and the overview open on: the latest appraised year does.
BOOST_FIXTURE_TEST_CASE(a_stray_draft_year_is_not_the_default_period, DbFixture) {
    services::DemoOptions o;
    o.communes = 4;
    o.years = 2;
    o.ratings = 100;
    o.lastYear = 2025;
    o.asOf = Date{2026, 6, 1};
    services::BuildDemo(Db(), o, nullptr);
    const std::string framework = services::ResultPeriods(Db(), "PAR-XA-2025").empty()
                                      ? std::string("PAR-XA-2020")
                                      : std::string("PAR-XA-2025");
    const auto periods = services::ResultPeriods(Db(), framework);
    BOOST_REQUIRE(!periods.empty());
    const std::string appraised = services::OpeningResultPeriod(Db(), framework);
    BOOST_TEST(appraised == periods.front());
    // A draft set of one commune in 2027.
    const auto fid = storage::FrameworkRepository(Db().session()).IdByCode(framework);
    const auto unit = storage::UnitRepository(Db().session()).ByCode("XA-BINHKHE");
    BOOST_REQUIRE(fid.has_value());
    BOOST_REQUIRE(unit.has_value());
    storage::ResultSetRepository(Db().session()).Ensure(unit->id, *fid, "2027");
    ResultRecord stray;
    stray.unitId = unit->id;
    stray.criterionId = storage::ResultRepository(Db().session())
                            .ForUnitAndPeriod(unit->id, appraised)
                            .at(0)
                            .criterionId;
    stray.period = "2027";
    stray.selfScore = 1;
    storage::ResultRepository(Db().session()).Insert(stray, "t");
    BOOST_TEST(services::ResultPeriods(Db(), framework).front() == "2027");
    BOOST_TEST(services::OpeningResultPeriod(Db(), framework) == appraised);
    BOOST_TEST(services::GetOverview(Db(), "2026-06-01", "").latestResultPeriod == appraised);
}

BOOST_AUTO_TEST_SUITE_END()
