// Survey tallies, ratings and self-assessments on both backends: tallies
// replaced by (unit, month, field), the bulk insert skipping and counting
// duplicates and leaving nothing behind on error, the filtered id lists of
// the ratings list and their pages, per-officer aggregates in SQL equal to
// the core rule, and self-assessments saved again.
#include <boost/test/unit_test.hpp>

#include <set>

#include <soci/soci.h>

#include "core/survey_rules.h"
#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "storage/bulk_load.h"
#include "storage/framework_repository.h"
#include "storage/import_batch_repository.h"
#include "storage/rating_repository.h"
#include "storage/self_assessment_repository.h"
#include "storage/settings_repository.h"
#include "storage/tally_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
struct SurveyFixture : DbFixture {
    std::int64_t unitA = 0, unitB = 0, officer1 = 0, officer2 = 0, officer3 = 0;
    std::int64_t likert5 = 0, likert3 = 0, fieldHoTich = 0, fieldDatDai = 0;

    SurveyFixture() {
        services::LoadBuiltinCatalogues(Db());
        storage::UnitRepository units(Db().session());
        storage::PersonRepository people(Db().session());
        Unit a;
        a.code = "XA-A", a.name = "Xã Tây Xuân";
        unitA = units.Insert(a);
        Unit b;
        b.code = "XA-B", b.name = "Xã Tây Phú";
        unitB = units.Insert(b);
        auto person = [&](const char* code, const char* name, std::int64_t unit) {
            Person p;
            p.code = code, p.fullName = name, p.unitId = unit, p.oneStopDesk = true;
            return people.Insert(p);
        };
        officer1 = person("CB01", "Nguyễn Văn An", unitA);
        officer2 = person("CB02", "Trần Thị Bình", unitA);
        officer3 = person("CB03", "Lê Hữu Cường", unitB);
        storage::CatalogueRepository cat(Db().session());
        for (const auto& s : cat.Scales()) {
            if (s.code == "LIKERT5") likert5 = s.id;
            if (s.code == "LIKERT3") likert3 = s.id;
        }
        for (const auto& f : cat.ProcedureFields()) {
            if (f.code == "HOTICH") fieldHoTich = f.id;
            if (f.code == "DATDAI") fieldDatDai = f.id;
        }
    }

    RatingRecord Rating(std::int64_t officer, std::int64_t unit, const std::string& at,
                        const char* channel, int a, int h, int g, const char* citizen = "") {
        RatingRecord r;
        r.officerId = officer;
        r.unitId = unit;
        r.ratedAt = at;
        r.channel = channel;
        r.procedure = "Đăng ký khai sinh";
        r.citizen = citizen;
        r.attitude = a, r.handling = h, r.guidance = g;
        return r;
    }
};

std::vector<RatingRecord> Sample(SurveyFixture& f) {
    return {
        f.Rating(f.officer1, f.unitA, "2026-03-01T08:00:00", "kiosk", 5, 5, 5),
        f.Rating(f.officer1, f.unitA, "2026-03-02T08:00:00", "qr", 4, 4, 3),
        f.Rating(f.officer1, f.unitA, "2026-03-31T16:59:59", "kiosk", 2, 3, 2, "Phạm Thị Lan"),
        f.Rating(f.officer1, f.unitA, "2026-04-01T07:00:00", "online", 5, 4, 3),
        f.Rating(f.officer2, f.unitA, "2026-03-15T10:00:00", "kiosk", 1, 1, 1),
        f.Rating(f.officer2, f.unitA, "2026-03-16T10:00:00", "paper", 4, 4, 4),
        f.Rating(f.officer3, f.unitB, "2026-03-10T09:00:00", "kiosk", 5, 5, 4),
    };
}
// Stores the ratings in one transaction through the bulk writer.
void Store(storage::Database& db, const std::vector<RatingRecord>& ratings) {
    storage::Transaction tx(db);
    storage::RatingBulkInsert bulk(db);
    for (const auto& r : ratings) bulk.Add(r);
    bulk.Flush();
    tx.Commit();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(surveys)

BOOST_FIXTURE_TEST_CASE(tallies_are_inserted_then_replaced_and_read_by_months, SurveyFixture) {
    storage::TallyRepository repo(Db().session());
    TallyRecord t;
    t.unitId = unitA, t.period = "2026-03", t.fieldId = fieldHoTich, t.scaleId = likert5;
    t.settled = 40, t.responses = 35, t.level5 = 20, t.level4 = 10, t.level3 = 5;
    TallyRecord other = t;
    other.period = "2026-04";
    TallyRecord three = t;
    three.unitId = unitB, three.scaleId = likert3, three.level5 = 0, three.level4 = 0;
    three.level3 = 30, three.level2 = 5;
    {
        storage::Transaction tx(Db());
        auto [ins, upd] = repo.Upsert({t, other, three}, "tester");
        BOOST_TEST(ins == 3);
        BOOST_TEST(upd == 0);
        tx.Commit();
    }
    t.settled = 50;
    auto [ins, upd] = repo.Upsert({t}, "tester");
    BOOST_TEST(ins == 0);
    BOOST_TEST(upd == 1);
    BOOST_TEST(repo.Count() == 3);
    auto march = repo.InMonths("2026-01", "2026-03");
    BOOST_TEST_REQUIRE(march.size() == 2u);
    BOOST_TEST(march[0].unitId == unitA);
    BOOST_TEST(march[0].settled == 50);
    BOOST_TEST(march[1].scaleId == likert3);
    BOOST_TEST(repo.InMonths("2026-01", "2026-12", unitA).size() == 2u);
    auto exported = repo.AllForExport();
    BOOST_TEST_REQUIRE(exported.size() == 3u);
    BOOST_TEST(exported[0].unitCode == "XA-A");
    BOOST_TEST(exported[0].fieldCode == "HOTICH");
    BOOST_TEST(exported[1].scaleCode == "LIKERT3");
}

BOOST_FIXTURE_TEST_CASE(bulk_insert_skips_and_counts_duplicates, SurveyFixture) {
    auto sample = Sample(*this);
    {
        storage::Transaction tx(Db());
        storage::ImportBatchRepository batches(Db().session());
        auto batch = batches.Start("ratings", "ratings.csv", "tester");
        storage::RatingBulkInsert bulk(Db(), 3, batch);  // small batches: several flushes
        for (const auto& r : sample) bulk.Add(r);
        bulk.Add(sample[0]);  // the same rating twice in one import
        bulk.Flush();
        BOOST_TEST(bulk.inserted() == 7);
        BOOST_TEST(bulk.skipped() == 1);
        batches.Finish(batch, bulk.inserted(), bulk.skipped());
        tx.Commit();
    }
    // Importing the same ratings again stores nothing new.
    storage::Transaction tx(Db());
    storage::RatingBulkInsert again(Db());
    for (const auto& r : sample) again.Add(r);
    auto other = sample[0];
    other.citizen = "Người khác";  // another citizen at the same time: a new rating
    again.Add(other);
    again.Flush();
    tx.Commit();
    BOOST_TEST(again.inserted() == 1);
    BOOST_TEST(again.skipped() == 7);
    BOOST_TEST(storage::RatingRepository(Db().session()).Count() == 8);
}

BOOST_FIXTURE_TEST_CASE(bulk_insert_keeps_any_text_as_written, SurveyFixture) {
    const std::vector<std::string> texts = {
        "Nguyễn \"Bé\" Ánh", "a\\b\\", "{Lê, Văn}", "NULL", "", " x ", "d'Arc; --"};
    {
        storage::Transaction tx(Db());
        storage::RatingBulkInsert bulk(Db());
        int i = 0;
        for (const auto& t : texts) {
            auto r = Rating(officer1, unitA, "2026-03-01T08:00:0" + std::to_string(i++), "kiosk", 5,
                            5, 5, t.c_str());
            r.procedure = t;
            bulk.Add(r);
        }
        auto unscored = Rating(officer1, unitA, "2026-03-02T08:00:00", "kiosk", 5, 5, 5);
        unscored.handling.reset();
        bulk.Add(unscored);
        bulk.Flush();
        BOOST_TEST(bulk.inserted() == 8);
        tx.Commit();
    }
    storage::RatingRepository repo(Db().session());
    auto rows = repo.Page(repo.FilterIds({}));
    BOOST_TEST_REQUIRE(rows.size() == 8u);
    BOOST_TEST(!rows[0].rating.handling.has_value());
    BOOST_TEST(*rows[0].rating.guidance == 5);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto& r = rows[texts.size() - i].rating;  // newest first
        BOOST_TEST(r.citizen == texts[i]);
        BOOST_TEST(r.procedure == texts[i]);
    }
}

BOOST_FIXTURE_TEST_CASE(bulk_insert_error_leaves_nothing, SurveyFixture) {
    auto sample = Sample(*this);
    try {
        storage::Transaction tx(Db());
        storage::RatingBulkInsert bulk(Db(), 4);
        for (const auto& r : sample) bulk.Add(r);  // the first four are written
        auto bad = sample[0];
        bad.ratedAt = "2026-05-01T08:00:00";
        bad.attitude = 7;  // outside 1..5: the CHECK refuses the batch
        bulk.Add(bad);
        bulk.Flush();
        tx.Commit();
        BOOST_FAIL("the bad rating was stored");
    } catch (const std::exception&) {
    }
    BOOST_TEST(storage::RatingRepository(Db().session()).Count() == 0);
}

BOOST_FIXTURE_TEST_CASE(filters_give_ids_newest_first_and_pages_by_id, SurveyFixture) {
    auto sample = Sample(*this);
    Store(Db(), sample);
    storage::RatingRepository repo(Db().session());
    auto all = repo.FilterIds({});
    BOOST_TEST_REQUIRE(all.size() == 7u);
    auto page = repo.Page(all);
    BOOST_TEST_REQUIRE(page.size() == 7u);
    BOOST_TEST(page[0].rating.ratedAt == "2026-04-01T07:00:00");
    BOOST_TEST(page[6].rating.ratedAt == "2026-03-01T08:00:00");
    BOOST_TEST(page[0].officerCode == "CB01");
    BOOST_TEST(page[0].officerName == "Nguyễn Văn An");
    BOOST_TEST(page[0].unitCode == "XA-A");

    struct Case {
        const char* what;
        storage::RatingFilter filter;
        std::vector<std::string> times;  // expected, newest first
    };
    storage::RatingFilter byOfficer;
    byOfficer.officerId = officer1;
    storage::RatingFilter officerMarch = byOfficer;
    officerMarch.from = "2026-03-01", officerMarch.to = "2026-03-31";
    storage::RatingFilter byUnitB;
    byUnitB.unitId = unitB;
    storage::RatingFilter kioskA;
    kioskA.unitId = unitA, kioskA.channel = "kiosk";
    storage::RatingFilter kiosk;
    kiosk.channel = "kiosk";
    storage::RatingFilter low;
    low.maxScore = 2;
    storage::RatingFilter high;
    high.minScore = 4;
    storage::RatingFilter officerOtherUnit = byOfficer;
    officerOtherUnit.unitId = unitB;
    storage::RatingFilter days;
    days.from = "2026-03-15", days.to = "2026-03-16";
    const Case cases[] = {
        {"officer",
         byOfficer,
         {"2026-04-01T07:00:00", "2026-03-31T16:59:59", "2026-03-02T08:00:00",
          "2026-03-01T08:00:00"}},
        {"officer in March (last second of the 31st included)",
         officerMarch,
         {"2026-03-31T16:59:59", "2026-03-02T08:00:00", "2026-03-01T08:00:00"}},
        {"unit", byUnitB, {"2026-03-10T09:00:00"}},
        {"unit and channel",
         kioskA,
         {"2026-03-31T16:59:59", "2026-03-15T10:00:00", "2026-03-01T08:00:00"}},
        {"channel",
         kiosk,
         {"2026-03-31T16:59:59", "2026-03-15T10:00:00", "2026-03-10T09:00:00",
          "2026-03-01T08:00:00"}},
        {"some aspect at 2 or below", low, {"2026-03-31T16:59:59", "2026-03-15T10:00:00"}},
        {"every aspect 4 or more",
         high,
         {"2026-03-16T10:00:00", "2026-03-10T09:00:00", "2026-03-01T08:00:00"}},
        {"officer of another unit", officerOtherUnit, {}},
        {"two days", days, {"2026-03-16T10:00:00", "2026-03-15T10:00:00"}},
    };
    // A window of the list is the same slice of it; the count of everything.
    BOOST_TEST(repo.CountMatching({}) == 7);
    auto window = repo.FilterIdsWindow({}, 2, 3);
    BOOST_TEST(window == std::vector<std::int64_t>(all.begin() + 2, all.begin() + 5),
               boost::test_tools::per_element());
    BOOST_TEST(repo.FilterIdsWindow({}, 6, 10).size() == 1u);
    BOOST_TEST(repo.FilterIdsWindow({}, 7, 10).empty());
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            auto ids = repo.FilterIds(c.filter);
            const auto count = static_cast<long>(ids.size());
            if (count > 1) {
                auto tail = repo.FilterIdsWindow(c.filter, count - 2, 5);
                BOOST_TEST(tail == std::vector<std::int64_t>(ids.end() - 2, ids.end()),
                           boost::test_tools::per_element());
                // Knowing the total, windows of the second half are read
                // from the oldest end: the same rows in the same order.
                for (long at = 0; at < count; ++at) {
                    for (long n : {1L, 2L, 3L}) {
                        const auto end = ids.begin() + std::min(count, at + n);
                        BOOST_TEST(repo.FilterIdsWindow(c.filter, at, n, count) ==
                                       std::vector<std::int64_t>(ids.begin() + at, end),
                                   boost::test_tools::per_element());
                    }
                }
                BOOST_TEST(repo.FilterIdsWindow(c.filter, count, 3, count).empty());
            }
            std::vector<std::string> times;
            for (const auto& row : repo.Page(ids)) times.push_back(row.rating.ratedAt);
            BOOST_TEST(times == c.times, boost::test_tools::per_element());
            BOOST_TEST(repo.CountMatching(c.filter) == static_cast<long>(c.times.size()));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(score_filters_count_what_they_list, SurveyFixture) {
    // The count of a score filter reads the lowest-score index; the list
    // reads the time index: both must agree, also on ratings scoring only
    // some aspects or none.
    auto sample = Sample(*this);
    auto partial = Rating(officer2, unitA, "2026-03-20T10:00:00", "qr", 2, 0, 0);
    partial.handling.reset(), partial.guidance.reset();
    auto high = Rating(officer2, unitA, "2026-03-22T10:00:00", "qr", 0, 5, 0);
    high.attitude.reset(), high.guidance.reset();
    auto none = Rating(officer2, unitA, "2026-03-21T10:00:00", "qr", 0, 0, 0);
    none.attitude.reset(), none.handling.reset(), none.guidance.reset();
    for (const auto& r : {partial, high, none}) sample.push_back(r);
    Store(Db(), sample);
    storage::RatingRepository repo(Db().session());
    struct Case {
        const char* what;
        std::optional<int> min, max;
        std::optional<std::string> from, to;
        long expected;
    };
    const Case cases[] = {
        {"every aspect 4 or more", 4, std::nullopt, std::nullopt, std::nullopt, 4},
        {"some aspect at 2 or below", std::nullopt, 2, std::nullopt, std::nullopt, 3},
        {"some aspect at 1", std::nullopt, 1, std::nullopt, std::nullopt, 1},
        {"lowest exactly 3", 3, 3, std::nullopt, std::nullopt, 2},
        {"every aspect 1 or more", 1, std::nullopt, std::nullopt, std::nullopt, 9},
        {"4 or more from 16 to 31 March", 4, std::nullopt, "2026-03-16", "2026-03-31", 2},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            storage::RatingFilter f;
            f.minScore = c.min, f.maxScore = c.max, f.from = c.from, f.to = c.to;
            BOOST_TEST(repo.FilterIds(f).size() == static_cast<std::size_t>(c.expected));
            BOOST_TEST(repo.CountMatching(f) == c.expected);
            const auto ids = repo.FilterIds(f);
            for (long at = 0; at < c.expected; ++at)
                BOOST_TEST(repo.FilterIdsWindow(f, at, 2, c.expected) ==
                               std::vector<std::int64_t>(
                                   ids.begin() + at, ids.begin() + std::min(c.expected, at + 2)),
                           boost::test_tools::per_element());
        }
    }
}

BOOST_FIXTURE_TEST_CASE(aggregates_in_sql_equal_the_core_rule, SurveyFixture) {
    auto sample = Sample(*this);
    // A rating scoring only attitude, and one scoring nothing.
    auto partial = Rating(officer2, unitA, "2026-03-20T10:00:00", "qr", 4, 0, 0);
    partial.handling.reset(), partial.guidance.reset();
    auto none = Rating(officer2, unitA, "2026-03-21T10:00:00", "qr", 0, 0, 0);
    none.attitude.reset(), none.handling.reset(), none.guidance.reset();
    sample.push_back(partial);
    sample.push_back(none);
    Store(Db(), sample);
    storage::RatingRepository repo(Db().session());
    for (bool byMonth : {false, true}) {
        BOOST_TEST_CONTEXT("by month " << byMonth) {
            auto sql = repo.Aggregate({"2026-03-01", "2026-04-30", std::nullopt, byMonth});
            auto core = TallyRatings(sample, byMonth);
            BOOST_TEST_REQUIRE(sql.size() == core.size());
            for (std::size_t i = 0; i < sql.size(); ++i) {
                BOOST_TEST(sql[i].officerId == core[i].officerId);
                BOOST_TEST(sql[i].unitId == core[i].unitId);
                BOOST_TEST(sql[i].month == core[i].month);
                BOOST_TEST(sql[i].ratings == core[i].ratings);
                BOOST_TEST(sql[i].satisfied == core[i].satisfied);
                for (int a = 0; a < kRatingAspects; ++a) {
                    BOOST_TEST(sql[i].scored[a] == core[i].scored[a]);
                    BOOST_TEST(sql[i].sum[a] == core[i].sum[a]);
                }
            }
        }
    }
    // March only, unit A: officers 1 (3 ratings, only 5 5 5 satisfied) and 2.
    auto march = repo.Aggregate({"2026-03-01", "2026-03-31", unitA, false});
    BOOST_TEST_REQUIRE(march.size() == 2u);
    BOOST_TEST(march[0].ratings == 3);
    BOOST_TEST(march[0].satisfied == 1);
    BOOST_TEST(march[1].ratings == 4);
    BOOST_TEST(march[1].satisfied == 2);  // 4 4 4 and attitude 4 alone
}

BOOST_FIXTURE_TEST_CASE(export_reads_every_rating_oldest_first, SurveyFixture) {
    auto sample = Sample(*this);
    storage::Transaction tx(Db());
    storage::RatingBulkInsert bulk(Db(), 2);
    for (const auto& r : sample) bulk.Add(r);
    bulk.Flush();
    tx.Commit();
    std::vector<std::string> times;
    storage::RatingRepository(Db().session()).ForEachForExport([&](const auto& rows) {
        for (const auto& r : rows) times.push_back(r.rating.ratedAt);
    });
    BOOST_TEST_REQUIRE(times.size() == 7u);
    BOOST_TEST(times.front() == "2026-03-01T08:00:00");
    BOOST_TEST(times.back() == "2026-04-01T07:00:00");
    BOOST_TEST(std::is_sorted(times.begin(), times.end()));
}

BOOST_FIXTURE_TEST_CASE(self_assessments_are_saved_and_replaced, SurveyFixture) {
    storage::FrameworkRepository fw(Db().session());
    auto tt01 = fw.Load(*fw.IdByCode("TT01-2018"));
    BOOST_REQUIRE(tt01);
    storage::SelfAssessmentRepository repo(Db().session());
    std::vector<storage::SelfAssessmentRow> rows;
    for (const auto& c : tt01->criteria)
        rows.push_back({officer1, "2026-Q1", {c.id, 2.0, std::nullopt}, ""});
    rows[0].score.self = 1.5;
    rows[0].note = "Có 01 hồ sơ trễ hạn";
    repo.Save(rows, "tester");
    auto back = repo.ForPerson(officer1, "2026-Q1");
    BOOST_TEST_REQUIRE(back.size() == 9u);
    BOOST_TEST(*back[0].score.self == 1.5);
    BOOST_TEST(back[0].note == "Có 01 hồ sơ trễ hạn");
    BOOST_TEST(!back[0].score.appraised.has_value());
    std::vector<SelfScore> scores;
    for (const auto& r : back) scores.push_back(r.score);
    auto total = TotalSelfAssessment(*tt01, scores);
    BOOST_TEST(total.self == 17.5);
    BOOST_TEST(total.selfClass == "Tốt");
    // Appraised later: the row is replaced, not duplicated.
    rows[0].score.appraised = 1.0;
    repo.Save({rows[0]}, "appraiser");
    BOOST_TEST(repo.ForPeriod("2026-Q1").size() == 9u);
    BOOST_TEST(*repo.ForPerson(officer1, "2026-Q1")[0].score.appraised == 1.0);
    BOOST_TEST(repo.ForPerson(officer2, "2026-Q1").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(surveys)

// An account's units (a unit and those under it): the list, its count and
// its windows from either end hold their ratings only, whatever else the
// filter asks.
BOOST_FIXTURE_TEST_CASE(ratings_within_a_unit_and_those_under_it, SurveyFixture) {
    Unit under;
    under.code = "TA-A1", under.name = "Bộ phận một cửa Tây Xuân", under.parentId = unitA;
    const std::int64_t unitA1 = storage::UnitRepository(Db().session()).Insert(under);
    auto sample = Sample(*this);
    sample.push_back(Rating(officer2, unitA1, "2026-03-20T10:00:00", "kiosk", 4, 5, 4));
    sample.push_back(Rating(officer3, unitB, "2026-03-21T10:00:00", "kiosk", 4, 4, 4));
    Store(Db(), sample);
    storage::RatingRepository repo(Db().session());
    // What a filter lists, kept to the units given, from the whole list.
    auto expected = [&](storage::RatingFilter f, const std::set<std::int64_t>& units) {
        f.within.reset();
        std::vector<std::int64_t> out;
        for (const auto& row : repo.Page(repo.FilterIds(f)))
            if (units.count(row.rating.unitId)) out.push_back(row.id);
        return out;
    };
    storage::RatingFilter all, kiosk, high, officer, march;
    kiosk.channel = "kiosk";
    high.minScore = 4;
    officer.officerId = officer2;
    march.from = "2026-03-01", march.to = "2026-03-20";
    for (auto [root, units] : {std::pair{unitA, std::set<std::int64_t>{unitA, unitA1}},
                               std::pair{unitB, std::set<std::int64_t>{unitB}},
                               std::pair{unitA1, std::set<std::int64_t>{unitA1}}}) {
        for (auto f : {all, kiosk, high, officer, march}) {
            f.within = root;
            const auto want = expected(f, units);
            BOOST_TEST(repo.FilterIds(f) == want);
            const long total = repo.CountMatching(f);
            BOOST_TEST(total == static_cast<long>(want.size()));
            for (long offset = 0; offset < total; ++offset) {
                const auto window = repo.FilterIdsWindow(f, offset, 2, total);
                const std::vector<std::int64_t> slice(
                    want.begin() + offset, want.begin() + std::min<long>(total, offset + 2));
                BOOST_TEST(window == slice, "root " << root << " offset " << offset);
            }
        }
    }
    // A unit given leads: the scope is the caller's to check.
    storage::RatingFilter ofB;
    ofB.unitId = unitB;
    ofB.within = unitA;
    BOOST_TEST(repo.CountMatching(ofB) == 2);
}

namespace {
// The definitions of a table's indexes, by name, as the database keeps them.
std::vector<std::string> IndexDefinitions(storage::Database& db, const std::string& table) {
    std::vector<std::string> out;
    soci::rowset<std::string> rs =
        db.backend() == storage::Backend::Sqlite
            ? (db.session().prepare << "SELECT name || ': ' || COALESCE(sql, '') FROM "
                                       "sqlite_master WHERE type = 'index' AND tbl_name = :t "
                                       "ORDER BY name",
               soci::use(table))
            : (db.session().prepare << "SELECT indexdef FROM pg_indexes WHERE schemaname = "
                                       "current_schema() AND tablename = :t ORDER BY indexname",
               soci::use(table));
    for (const auto& d : rs) out.push_back(d);
    return out;
}
}  // namespace

BOOST_FIXTURE_TEST_CASE(the_lowest_score_stored_is_the_rule_of_core, SurveyFixture) {
    // Computed by the database as the ratings are stored (an SQL copy of
    // LowestScore): every combination of the three scores, each given or not,
    // in a first load (the list indexes built after it) and in a later one.
    using Score = std::optional<int>;
    std::vector<RatingRecord> all;
    int n = 0;
    for (Score a : {Score(), Score(1), Score(2), Score(3), Score(4), Score(5)})
        for (Score h : {Score(), Score(1), Score(2), Score(3), Score(4), Score(5)})
            for (Score g : {Score(), Score(1), Score(2), Score(3), Score(4), Score(5)}) {
                char at[40];
                std::snprintf(at, sizeof at, "2026-03-%02dT%02d:%02d:00", 1 + n / 100, n / 60 % 24,
                              n % 60);
                auto r = Rating(officer1, unitA, at, "kiosk", 0, 0, 0);
                r.attitude = a, r.handling = h, r.guidance = g;
                all.push_back(r);
                ++n;
            }
    const std::size_t half = all.size() / 2;
    Store(Db(), std::vector<RatingRecord>(all.begin(), all.begin() + half));
    Store(Db(), std::vector<RatingRecord>(all.begin() + half, all.end()));
    storage::RatingRepository repo(Db().session());
    const auto rows = repo.Page(repo.FilterIds({}));
    BOOST_TEST_REQUIRE(rows.size() == all.size());
    for (const auto& row : rows) {
        int stored = -1;
        long long id = row.id;
        Db().session() << "SELECT low_score FROM ratings WHERE id = :id", soci::use(id),
            soci::into(stored);
        BOOST_TEST(stored == LowestScore(row.rating), row.rating.ratedAt);
    }
}

BOOST_FIXTURE_TEST_CASE(a_first_load_leaves_the_indexes_as_they_were, SurveyFixture) {
    const auto ratingIndexes = IndexDefinitions(Db(), "ratings");
    const auto auditIndexes = IndexDefinitions(Db(), "audit_log");
    BOOST_TEST_REQUIRE(ratingIndexes.size() >= 5u);
    // Refused (a CHECK) after the list indexes were set aside: all rolled back.
    auto sample = Sample(*this);
    sample.back().attitude = 7;
    BOOST_CHECK_THROW(
        {
            storage::Transaction tx(Db());
            storage::AuditRepository(Db().session()).Attribute("tester", "import");
            storage::RatingBulkInsert bulk(Db());
            for (const auto& r : sample) bulk.Add(r);
            bulk.Flush();
            tx.Commit();
        },
        std::exception);
    BOOST_TEST(storage::RatingRepository(Db().session()).Count() == 0);
    BOOST_TEST(IndexDefinitions(Db(), "ratings") == ratingIndexes,
               boost::test_tools::per_element());
    // A first load of more ratings than the audit log holds, audited.
    std::vector<RatingRecord> many;
    for (int i = 0; i < 12000; ++i) {
        char at[40];
        std::snprintf(at, sizeof at, "2026-%02d-%02dT%02d:%02d:00", 1 + i / 1440 % 12,
                      1 + i / 60 % 24, i % 24, i % 60);
        auto r = Rating(i % 2 ? officer1 : officer2, unitA, at, "qr", 1 + i % 5, 5, 4);
        r.procedure = "P" + std::to_string(i);
        many.push_back(r);
    }
    {
        storage::Transaction tx(Db());
        storage::AuditRepository audit(Db().session());
        audit.Attribute("tester", "import");
        storage::RatingBulkInsert bulk(Db(), 5000);
        for (const auto& r : many) bulk.Add(r);
        bulk.Flush();
        BOOST_TEST(bulk.inserted() == 12000);
        audit.RecordInserted({"ratings", bulk.storedAfterId(), std::nullopt}, "tester", "import");
        tx.Commit();
    }
    BOOST_TEST(storage::AuditRepository(Db().session()).Count("ratings", std::string("import")) ==
               12000);
    BOOST_TEST(IndexDefinitions(Db(), "ratings") == ratingIndexes,
               boost::test_tools::per_element());
    BOOST_TEST(IndexDefinitions(Db(), "audit_log") == auditIndexes,
               boost::test_tools::per_element());
    // The lists read through them as before.
    storage::RatingFilter qr;
    qr.channel = "qr";
    BOOST_TEST(storage::RatingRepository(Db().session()).CountMatching(qr) == 12000);
}

BOOST_FIXTURE_TEST_CASE(a_rating_given_twice_keeps_its_first_scores, SurveyFixture) {
    auto first = Rating(officer2, unitA, "2026-03-05T09:00:00", "kiosk", 5, 5, 5, "Lê Thị Hoa");
    auto again = first;
    again.attitude = 1, again.handling = 1, again.guidance = 1, again.channel = "paper";
    auto other = Rating(officer1, unitA, "2026-03-05T09:00:00", "kiosk", 3, 3, 3, "Lê Thị Hoa");
    storage::Transaction tx(Db());
    storage::RatingBulkInsert bulk(Db(), 1);
    bulk.Add(first);  // staged first
    bulk.Add(other);
    bulk.Add(again);
    bulk.Flush();
    tx.Commit();
    BOOST_TEST(bulk.inserted() == 2);
    BOOST_TEST(bulk.skipped() == 1);
    storage::RatingRepository repo(Db().session());
    storage::RatingFilter f;
    f.officerId = officer2;
    const auto rows = repo.Page(repo.FilterIds(f));
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(*rows[0].rating.attitude == 5);
    BOOST_TEST(rows[0].rating.channel == "kiosk");
}

// The ratings' day counts (schema 15) count what the ratings hold after
// every kind of write, and a filter they answer gives the same count and
// the same windows (deep ones start from the day they fall on) as the
// ratings counted and walked one by one.
BOOST_FIXTURE_TEST_CASE(day_counts_answer_as_the_ratings_do, SurveyFixture) {
    const char* channels[] = {"kiosk", "qr", "online", "paper"};
    std::vector<RatingRecord> ratings;
    // 1,200 ratings over 24 days, several per second on some, the scores
    // and channels varied, some aspects left unscored.
    for (int i = 0; i < 1200; ++i) {
        const int day = 1 + (i * 7) % 24, hour = 7 + i % 9, minute = (i / 9) % 60;
        char at[32];
        std::snprintf(at, sizeof at, "2026-05-%02dT%02d:%02d:%02d", day, hour, minute, i % 3);
        auto r = Rating(i % 3 == 0   ? officer1
                        : i % 3 == 1 ? officer2
                                     : officer3,
                        i % 3 == 2 ? unitB : unitA, at, channels[i % 4], 1 + i % 5, 1 + (i / 5) % 5,
                        1 + (i / 25) % 5);
        r.citizen = "Công dân " + std::to_string(i);
        if (i % 11 == 0) r.guidance.reset();
        if (i % 37 == 0) r.attitude.reset(), r.handling.reset(), r.guidance.reset();
        ratings.push_back(r);
    }
    // A first load (larger than the table), then a second, smaller one.
    Store(Db(), std::vector<RatingRecord>(ratings.begin(), ratings.begin() + 900));
    Store(Db(), std::vector<RatingRecord>(ratings.begin() + 900, ratings.end()));
    storage::RatingRepository repo(Db().session());
    BOOST_TEST(repo.Count() == 1200);
    BOOST_TEST(repo.DayCountsDisagreeing() == 0);
    // Rows written, moved and removed one by one.
    soci::session& s = Db().session();
    s << "UPDATE ratings SET rated_at = '2026-06-01T08:00:00', channel = 'paper', low_score = 1 "
         "WHERE id IN (SELECT id FROM ratings ORDER BY id LIMIT 40)";
    s << "DELETE FROM ratings WHERE id IN (SELECT id FROM ratings ORDER BY id DESC LIMIT 25)";
    BOOST_TEST(repo.DayCountsDisagreeing() == 0);
    BOOST_TEST(Db().Check().empty());

    struct Case {
        const char* what;
        storage::RatingFilter f;
    };
    std::vector<Case> cases(8);
    cases[0].what = "every rating";
    cases[1].what = "a channel", cases[1].f.channel = "kiosk";
    cases[2].what = "every aspect 4 or 5", cases[2].f.minScore = 4;
    cases[3].what = "every aspect 4 or 5 on a channel", cases[3].f.minScore = 4;
    cases[3].f.channel = "qr";
    cases[4].what = "some aspect at 2 or below", cases[4].f.maxScore = 2;
    cases[5].what = "days", cases[5].f.from = "2026-05-05", cases[5].f.to = "2026-05-20";
    cases[6].what = "lowest 3 on days", cases[6].f.minScore = 3, cases[6].f.maxScore = 3;
    cases[6].f.from = "2026-05-03";
    cases[7].what = "a channel, to a day", cases[7].f.channel = "paper";
    cases[7].f.to = "2026-05-30";
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const auto ids = repo.FilterIds(c.f);
            const long total = static_cast<long>(ids.size());
            BOOST_TEST(total > 0);
            BOOST_TEST(repo.CountMatching(c.f) == total);
            BOOST_TEST(repo.CountMatchingByRatings(c.f) == total);
            for (long at : {0L, 1L, 199L, 200L, 201L, 333L, total / 2 - 1, total / 2, total / 2 + 1,
                            total - 300, total - 51, total - 50, total - 1}) {
                if (at < 0 || at >= total) continue;
                const std::vector<std::int64_t> slice(ids.begin() + at,
                                                      ids.begin() + std::min(total, at + 50));
                BOOST_TEST(repo.FilterIdsWindow(c.f, at, 50, total) == slice, "at " << at);
                BOOST_TEST(repo.FilterIdsWindow(c.f, at, 50) == slice, "at " << at);
            }
        }
    }

    // Counts that lost their ratings' track are found by the check.
    s << "UPDATE rating_day_counts SET n = n + 1 WHERE day = (SELECT MIN(day) FROM "
         "rating_day_counts)";
    BOOST_TEST(repo.DayCountsDisagreeing() > 0);
    BOOST_TEST(Db().Check().size() == 1u);
}

BOOST_AUTO_TEST_CASE(copy_text_escapes_its_separators) {
    // COPY's text format: tab, line feed, carriage return and backslash
    // escaped; every other byte (UTF-8) as it is.
    const std::pair<std::string, std::string> cases[] = {
        {"Nguyễn Thị Ánh", "Nguyễn Thị Ánh"},
        {"a\tb", "a\\tb"},
        {"dòng 1\ndòng 2", "dòng 1\\ndòng 2"},
        {"x\r\ny", "x\\r\\ny"},
        {"\\N", "\\\\N"},
        {"C:\\tài liệu\\", "C:\\\\tài liệu\\\\"},
        {"", ""},
    };
    for (const auto& [text, written] : cases) {
        std::string out;
        storage::AppendCopyText(out, text);
        BOOST_TEST(out == written);
    }
}

BOOST_FIXTURE_TEST_CASE(texts_go_through_copy_as_written, SurveyFixture) {
    // On PostgreSQL staged by COPY FROM STDIN: its separators and escapes in
    // a text, Vietnamese, a text "\N" and an empty one come back as written.
    const std::vector<std::string> texts = {"Đăng ký khai sinh\tcho con",
                                            "Trần Văn Bình\nTổ 3",
                                            "dòng\r\nmới",
                                            "\\N",
                                            "\\",
                                            "C:\\Hồ sơ\\tệp\\n",
                                            "Phạm \"Thị\" Lan, {Ánh}",
                                            ""};
    {
        storage::Transaction tx(Db());
        storage::RatingBulkInsert bulk(Db(), 3);
        int i = 0;
        for (const auto& t : texts) {
            auto r = Rating(officer3, unitB, "2026-05-01T08:00:0" + std::to_string(i++), "online",
                            4, 4, 4, t.c_str());
            r.procedure = t;
            if (i == 2) r.guidance.reset();
            bulk.Add(r);
        }
        bulk.Flush();
        BOOST_TEST(bulk.inserted() == static_cast<long>(texts.size()));
        tx.Commit();
    }
    storage::RatingRepository repo(Db().session());
    auto rows = repo.Page(repo.FilterIds({}));
    BOOST_TEST_REQUIRE(rows.size() == texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto& r = rows[texts.size() - 1 - i].rating;  // newest first
        BOOST_TEST(r.citizen == texts[i]);
        BOOST_TEST(r.procedure == texts[i]);
        BOOST_TEST(r.guidance.has_value() == (i != 1));
    }
    if (Db().backend() != storage::Backend::Postgresql) return;
    // NULL and the text "\N" side by side, straight through CopyIn.
    storage::Transaction tx(Db());
    Db().session() << "CREATE TEMP TABLE copied (n INTEGER, t TEXT, u TEXT)";
    storage::CopyIn copy(Db().session(), "pg_temp.copied", {"n", "t", "u"});
    copy.Int(1).Text("\\N").Null();
    copy.EndRow();
    copy.Null().Text("Hà Nội\t\\").OptText(std::string("Huế"));
    copy.EndRow();
    BOOST_TEST(copy.End() == 2);
    soci::rowset<soci::row> rs =
        (Db().session().prepare << "SELECT n, t, u FROM pg_temp.copied ORDER BY n NULLS FIRST");
    std::vector<std::string> got;
    for (const auto& r : rs)
        got.push_back(
            (r.get_indicator(0) == soci::i_null ? "NULL" : std::to_string(r.get<int>(0))) + "|" +
            r.get<std::string>(1) + "|" +
            (r.get_indicator(2) == soci::i_null ? "NULL" : r.get<std::string>(2)));
    BOOST_TEST_REQUIRE(got.size() == 2u);
    BOOST_TEST(got[0] == "NULL|Hà Nội\t\\|Huế");
    BOOST_TEST(got[1] == "1|\\N|NULL");
}

BOOST_AUTO_TEST_SUITE_END()
