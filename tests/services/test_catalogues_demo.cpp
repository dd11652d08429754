// Built-in catalogues and the demo office on both backends.
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "fixture.h"
#include "services/app/demo.h"
#include "services/frameworks/framework_io.h"
#include "services/org/organisation.h"
#include "storage/framework_repository.h"
#include "storage/result_repository.h"
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
    for (const auto& u : org.Units()) communes += IsCommuneLevel(u.kind) ? 1 : 0;
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
}

BOOST_AUTO_TEST_SUITE_END()
