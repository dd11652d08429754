// Officers' self-assessment sheets, the survey settings, and a unit's month
// of dossier statistics and of survey tallies, as the client saves them: on
// SQLite and on PostgreSQL.
#include <boost/test/unit_test.hpp>

#include "core/errors.h"
#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/surveys/dossier_sheet.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/survey_calendar.h"
#include "services/surveys/surveys.h"
#include "services/surveys/tally_sheet.h"
#include "storage/audit_query.h"
#include "storage/dossier_repository.h"
#include "storage/framework_repository.h"
#include "storage/rating_repository.h"
#include "storage/self_assessment_repository.h"
#include "storage/tally_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
struct SheetFixture : DbFixture {
    std::int64_t officer = 0, unit = 0;
    SheetFixture() {
        services::LoadBuiltinCatalogues(Db());
        Unit u;
        u.code = "XA-A", u.name = "Xã Tây Xuân";
        unit = storage::UnitRepository(Db().session()).Insert(u);
        Person p;
        p.code = "CB01", p.fullName = "Nguyễn Văn An", p.unitId = unit, p.oneStopDesk = true;
        officer = storage::PersonRepository(Db().session()).Insert(p);
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(self_assessment_service)

BOOST_FIXTURE_TEST_CASE(a_sheet_lists_the_nine_criteria_and_keeps_what_is_saved, SheetFixture) {
    auto sheet = services::LoadSelfAssessment(Db(), officer, "2026-Q1", "");
    BOOST_TEST_REQUIRE(sheet.lines.size() == 9u);
    BOOST_TEST(sheet.lines[0].max == 2.0);
    BOOST_TEST(!sheet.lines[0].self.has_value());
    BOOST_TEST(sheet.total.selfClass == "");
    for (auto& l : sheet.lines) l.self = 2.0;
    sheet.lines[2].self = 1.0;
    sheet.lines[2].appraised = 0.5;
    sheet.lines[2].note = "Có 01 hồ sơ phải bổ sung hai lần";
    auto total = services::TotalOf(Db(), sheet);
    BOOST_TEST(total.self == 17.0);
    BOOST_TEST(total.selfClass == "Tốt");
    services::SaveSelfAssessment(Db(), sheet, "tester");

    auto back = services::LoadSelfAssessment(Db(), officer, "2026-Q1", "");
    BOOST_TEST(back.total.self == 17.0);
    BOOST_TEST(*back.lines[2].appraised == 0.5);
    BOOST_TEST(back.lines[2].note == "Có 01 hồ sơ phải bổ sung hai lần");
    // Another quarter is empty.
    BOOST_TEST(
        !services::LoadSelfAssessment(Db(), officer, "2026-Q2", "").lines[0].self.has_value());
}

BOOST_FIXTURE_TEST_CASE(the_quarters_summary_puts_each_sheet_beside_the_citizen_ratings,
                        SheetFixture) {
    // A second commune and officer; only those who self-assessed are listed.
    Unit b;
    b.code = "XA-B", b.name = "Xã An Nhơn";
    const std::int64_t unitB = storage::UnitRepository(Db().session()).Insert(b);
    Person p;
    p.code = "CB02", p.fullName = "Trần Thị Bình", p.unitId = unitB, p.oneStopDesk = true;
    const std::int64_t officerB = storage::PersonRepository(Db().session()).Insert(p);
    Person idle;
    idle.code = "CB03", idle.fullName = "Lê Văn Cường", idle.unitId = unit;
    storage::PersonRepository(Db().session()).Insert(idle);
    for (const auto& [who, points] : {std::pair{officer, 2.0}, std::pair{officerB, 1.0}}) {
        auto sheet = services::LoadSelfAssessment(Db(), who, "2026-Q1", "");
        for (auto& l : sheet.lines) l.self = l.appraised = points;
        services::SaveSelfAssessment(Db(), sheet, "tester");
    }
    // Two ratings of the first officer in the quarter, one satisfied.
    {
        storage::Transaction tx(Db());
        storage::RatingBulkInsert bulk(Db());
        RatingRecord r;
        r.unitId = unit, r.officerId = officer, r.channel = "qr";
        r.ratedAt = "2026-02-03T09:00:00", r.attitude = 5, r.handling = 5, r.guidance = 4;
        bulk.Add(r);
        r.ratedAt = "2026-03-31T16:00:00", r.attitude = 2, r.handling = 3, r.guidance = 3;
        bulk.Add(r);
        r.ratedAt = "2026-04-01T08:00:00";  // the next quarter
        bulk.Add(r);
        bulk.Flush();
        tx.Commit();
    }
    auto rows = services::SelfAssessmentSummary(Db(), "test", "2026-Q1");
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    // By unit name without its kind: An Nhơn before Tây Xuân.
    BOOST_TEST(rows[0].officer == "CB02");
    BOOST_TEST(rows[0].total.self == 9.0);
    BOOST_TEST(rows[0].total.selfClass == "Không đạt");
    BOOST_TEST(rows[0].ratings.ratings == 0);
    BOOST_TEST(rows[1].officer == "CB01");
    BOOST_TEST(rows[1].unitName == "Xã Tây Xuân");
    BOOST_TEST(rows[1].total.appraised == 18.0);
    BOOST_TEST(rows[1].total.appraisedClass == "Rất tốt");
    BOOST_TEST(rows[1].ratings.ratings == 2);
    BOOST_TEST(rows[1].ratings.satisfied == 1);
    BOOST_TEST(services::SelfAssessmentSummary(Db(), "test", "2026-Q1", "XA-B").size() == 1u);
    BOOST_TEST(services::SelfAssessmentSummary(Db(), "test", "2026-Q2").empty());
    BOOST_CHECK_THROW(services::SelfAssessmentSummary(Db(), "test", "2026-03"), UserError);
    BOOST_CHECK_THROW(services::SelfAssessmentSummary(Db(), "test", "2026-Q1", "XA-KHONG"),
                      UserError);
}

BOOST_FIXTURE_TEST_CASE(a_score_above_the_maximum_is_refused_and_nothing_stored, SheetFixture) {
    auto sheet = services::LoadSelfAssessment(Db(), officer, "2026-Q1", "");
    sheet.lines[0].self = 2.0;
    sheet.lines[4].self = 3.0;
    try {
        services::SaveSelfAssessment(Db(), sheet, "tester");
        BOOST_FAIL("a score of 3 out of 2 was stored");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == sheet.lines[4].code);
    }
    BOOST_TEST(
        storage::SelfAssessmentRepository(Db().session()).ForPerson(officer, "2026-Q1").empty());
    BOOST_CHECK_THROW(services::LoadSelfAssessment(Db(), officer, "2026-03", ""), UserError);
}

BOOST_FIXTURE_TEST_CASE(the_officers_ratings_of_the_quarter_sit_beside_the_sheet, SheetFixture) {
    {
        storage::Transaction tx(Db());
        storage::RatingBulkInsert bulk(Db());
        auto add = [&](const char* at, int a, int h, int g) {
            RatingRecord r;
            r.unitId = unit, r.officerId = officer, r.ratedAt = at, r.channel = "kiosk";
            r.attitude = a, r.handling = h, r.guidance = g;
            bulk.Add(r);
        };
        add("2026-02-03T09:00:00", 5, 5, 5);
        add("2026-03-03T09:00:00", 3, 3, 3);
        add("2026-04-03T09:00:00", 5, 5, 5);  // next quarter
        bulk.Flush();
        tx.Commit();
    }
    auto t = services::OfficerRatings(Db(), officer, "2026-Q1");
    BOOST_TEST(t.ratings == 2);
    BOOST_TEST(t.satisfied == 1);
}

BOOST_FIXTURE_TEST_CASE(survey_settings_are_stored_and_checked, SheetFixture) {
    auto s = services::LoadSurveySettings(Db());
    BOOST_TEST(s.coverageThreshold == 0.8);
    BOOST_TEST(s.minimumSample == 5);
    BOOST_TEST(s.qrUrlTemplate.empty());  // not set until the office gives its address
    s.coverageThreshold = 0.85;
    s.minimumSample = 10;
    s.qrUrlTemplate = "https://dvc.tayxuan.gov.vn/dg?ma={officer_code}";
    services::SaveSurveySettings(Db(), s, "tester");
    auto back = services::LoadSurveySettings(Db());
    BOOST_TEST(back.coverageThreshold == 0.85);
    BOOST_TEST(back.minimumSample == 10);
    BOOST_TEST(back.qrUrlTemplate == s.qrUrlTemplate);
    s.qrUrlTemplate = "https://dvc.tayxuan.gov.vn/dg";
    BOOST_CHECK_THROW(services::SaveSurveySettings(Db(), s, "tester"), UserError);
    BOOST_TEST(services::LoadSurveySettings(Db()).qrUrlTemplate == back.qrUrlTemplate);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(survey_publications)

BOOST_FIXTURE_TEST_CASE(a_publication_is_prepared_when_every_commune_has_its_tallies,
                        SheetFixture) {
    Unit b;
    b.code = "XA-B", b.name = "Xã Tây Phú";
    const std::int64_t unitB = storage::UnitRepository(Db().session()).Insert(b);
    std::int64_t scale = 0, field = 0;
    storage::CatalogueRepository cat(Db().session());
    for (const auto& s : cat.Scales())
        if (s.code == "LIKERT5") scale = s.id;
    field = cat.ProcedureFields().front().id;
    auto tally = [&](std::int64_t unit, const char* month) {
        TallyRecord t;
        t.unitId = unit, t.period = month, t.fieldId = field, t.scaleId = scale;
        t.settled = 10, t.responses = 9, t.level5 = 5, t.level4 = 4;
        return t;
    };
    // Both communes have November; only the first has October and December.
    storage::TallyRepository(Db().session())
        .Upsert({tally(unit, "2026-10"), tally(unit, "2026-11"), tally(unitB, "2026-11"),
                 tally(unit, "2026-12")},
                "tester");
    // From 20/11/2026: November on the 28th, then the year and December on 28/12.
    auto due = services::NextSurveyPublications(Db(), "tester", Date{2026, 11, 20}, 3);
    BOOST_TEST_REQUIRE(due.size() == 3u);
    BOOST_TEST(due[0].publication.period.ToString() == "2026-11");
    BOOST_TEST(due[0].communes == 2);
    BOOST_TEST(due[0].communesWithData == 2);
    BOOST_TEST(due[0].Prepared());
    BOOST_TEST(due[1].publication.period.ToString() == "2026");
    BOOST_TEST(due[1].communesWithData == 0);  // nobody has the whole year
    BOOST_TEST(!due[1].Prepared());
    BOOST_TEST(due[2].publication.period.ToString() == "2026-12");
    BOOST_TEST(due[2].communesWithData == 1);
    BOOST_TEST(!due[2].Prepared());
}

BOOST_FIXTURE_TEST_CASE(the_office_sets_its_own_publication_calendar, SheetFixture) {
    auto settings = services::LoadSurveySettings(Db());
    BOOST_TEST(settings.publicationCalendar.size() == DefaultPublicationCalendar().size());
    // Quarterly on the 5th of the quarter's last month, and the nine months on the 20th.
    settings.publicationCalendar = {{PeriodKind::Quarter, 5, {}}, {PeriodKind::NineMonths, 20, {}}};
    services::SaveSurveySettings(Db(), settings, "tester");
    BOOST_TEST(services::LoadSurveySettings(Db()).publicationCalendar.size() == 2u);
    auto due = services::NextSurveyPublications(Db(), "tester", Date{2026, 8, 1}, 3);
    BOOST_TEST_REQUIRE(due.size() == 3u);
    BOOST_TEST(due[0].publication.date.ToIso() == "2026-09-05");
    BOOST_TEST(due[0].publication.period.ToString() == "2026-Q3");
    BOOST_TEST(due[1].publication.date.ToIso() == "2026-09-20");
    BOOST_TEST(due[2].publication.date.ToIso() == "2026-12-05");
    // Refused, and the stored calendar is kept: nothing chosen, a day out of
    // the month, a kind twice, a quarter that does not exist.
    for (const std::vector<PublicationRule>& bad :
         {std::vector<PublicationRule>{}, std::vector<PublicationRule>{{PeriodKind::Month, 32, {}}},
          std::vector<PublicationRule>{{PeriodKind::Month, 28, {}}, {PeriodKind::Month, 10, {}}},
          std::vector<PublicationRule>{{PeriodKind::Quarter, 28, {5}}}}) {
        settings.publicationCalendar = bad;
        BOOST_CHECK_THROW(services::SaveSurveySettings(Db(), settings, "tester"), UserError);
    }
    BOOST_TEST(services::LoadSurveySettings(Db()).publicationCalendar.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

// A unit's dossier statistics of a month (form II.06a) as the client's grid
// types them.
BOOST_AUTO_TEST_SUITE(dossier_sheet_service)

BOOST_FIXTURE_TEST_CASE(a_months_sheet_lists_the_fields_and_keeps_what_is_typed, SheetFixture) {
    auto sheet = services::LoadDossierSheet(Db(), unit, "2026-09", "");
    const auto fields = storage::CatalogueRepository(Db().session()).ActiveProcedureFields();
    BOOST_TEST_REQUIRE(sheet.lines.size() == fields.size());
    BOOST_TEST_REQUIRE(fields.size() > 3u);
    for (std::size_t i = 0; i < fields.size(); ++i)
        BOOST_TEST(sheet.lines[i].code == fields[i].code);
    BOOST_TEST(sheet.version == 0);
    for (const auto& l : sheet.lines) {
        BOOST_TEST(!l.stored);
        BOOST_TEST(!l.previousPending.has_value());
    }
    auto& a = sheet.lines[1].figures;
    a.receivedOnline = 20, a.receivedDirect = 15, a.carriedOver = 5;
    a.settledEarly = 6, a.settledOnTime = 25, a.settledLate = 3, a.pendingInTime = 5,
    a.pendingOverdue = 1;
    const int version = services::SaveDossierSheet(Db(), sheet, "clerk");
    BOOST_TEST(version == 1);
    // Only the line typed is stored, marked typed, its totals derived.
    storage::DossierRepository repo(Db().session());
    BOOST_TEST(repo.Count() == 1);
    const auto rows = repo.InMonths("2026-09", "2026-09", unit);
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0].fieldCode == sheet.lines[1].code);
    BOOST_TEST(rows[0].record.source == "manual");
    BOOST_TEST((rows[0].record.figures.ReceivedTotal() == 40));
    BOOST_TEST((rows[0].record.figures == a));
    // Audited (the insert, by the program on SQLite, by the server's
    // triggers on PostgreSQL).
    storage::AuditFilter f;
    f.table = "dossier_stats";
    const auto log = storage::AuditQuery(Db().session()).Find(f);
    BOOST_TEST(!log.empty());
    for (const auto& e : log) BOOST_TEST(e.action == "insert");

    // Read back, and the next month carries over what this one left in progress.
    auto back = services::LoadDossierSheet(Db(), unit, "2026-09", "");
    BOOST_TEST(back.version == 1);
    BOOST_TEST(back.lines[1].stored);
    BOOST_TEST((back.lines[1].figures == a));
    auto next = services::LoadDossierSheet(Db(), unit, "2026-10", "");
    BOOST_TEST((next.lines[1].figures == DossierFigures{}));
    BOOST_TEST((next.lines[1].previousPending == std::optional<long>(6)));
    BOOST_TEST(!next.lines[0].previousPending.has_value());

    // A correction changes one row and audits what changed.
    back.lines[1].figures.settledLate = 2;
    back.lines[1].figures.pendingOverdue = 2;
    BOOST_TEST(services::SaveDossierSheet(Db(), back, "clerk") == 2);
    const auto after = storage::AuditQuery(Db().session()).Find(f);
    BOOST_TEST(after.size() == log.size() + 4u);  // two parts and their two totals
    BOOST_TEST(std::count_if(after.begin(), after.end(), [](const storage::AuditEntry& e) {
                   return e.action == "update" && e.field == "settled_total" &&
                          e.oldValue == "34" && e.newValue == "33";
               }) == 1);
    // Saving what is stored changes nothing.
    auto same = services::LoadDossierSheet(Db(), unit, "2026-09", "");
    BOOST_TEST(services::SaveDossierSheet(Db(), same, "clerk") == 2);
    BOOST_TEST(storage::AuditQuery(Db().session()).Find(f).size() == after.size());
}

BOOST_FIXTURE_TEST_CASE(a_wrong_month_or_count_is_refused_and_nothing_stored, SheetFixture) {
    for (const char* period : {"2026-Q3", "2026", "09/2026", ""})
        BOOST_CHECK_THROW(services::LoadDossierSheet(Db(), unit, period, ""), UserError);
    BOOST_CHECK_THROW(services::LoadDossierSheet(Db(), unit + 1000, "2026-09", ""), UserError);
    auto sheet = services::LoadDossierSheet(Db(), unit, "2026-09", "");
    sheet.lines[0].figures.receivedOnline = 3;
    sheet.lines[2].figures.settledLate = -1;
    try {
        services::SaveDossierSheet(Db(), sheet, "clerk");
        BOOST_FAIL("a count below 0 was stored");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == sheet.lines[2].code + "/settled_late");
        BOOST_TEST(std::string(e.what()).find(sheet.lines[2].name) != std::string::npos, e.what());
    }
    sheet.lines[2].figures.settledLate = kMaxDossierCount + 1;
    BOOST_CHECK_THROW(services::SaveDossierSheet(Db(), sheet, "clerk"), UserError);
    BOOST_TEST(storage::DossierRepository(Db().session()).Count() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

// A unit's survey tallies of a month as the client's grid types them.
BOOST_AUTO_TEST_SUITE(tally_sheet_service)

BOOST_FIXTURE_TEST_CASE(a_months_tallies_are_typed_checked_and_kept, SheetFixture) {
    auto sheet = services::LoadTallySheet(Db(), unit, "2026-09", "");
    const auto fields = storage::CatalogueRepository(Db().session()).ActiveProcedureFields();
    BOOST_TEST_REQUIRE(sheet.lines.size() == fields.size());
    BOOST_TEST(sheet.version == 0);
    BOOST_TEST(sheet.lines[0].fiveLevels);  // nothing stored: five levels
    auto& l = sheet.lines[0];
    l.settled = 40, l.verySatisfied = 20, l.satisfied = 12, l.neutral = 3, l.dissatisfied = 1;
    BOOST_TEST(services::SaveTallySheet(Db(), sheet, "clerk") == 1);
    storage::TallyRepository repo(Db().session());
    BOOST_TEST(repo.Count() == 1);
    const auto stored = repo.InMonths("2026-09", "2026-09", unit);
    BOOST_TEST_REQUIRE(stored.size() == 1u);
    BOOST_TEST(stored[0].responses == 36);  // the answers added up
    BOOST_TEST(stored[0].level5 == 20);
    BOOST_TEST(stored[0].level4 == 12);
    BOOST_TEST(stored[0].level1 == 0);
    BOOST_TEST(stored[0].source == "manual");
    // Read back; the survey's figures are those of the import.
    auto back = services::LoadTallySheet(Db(), unit, "2026-09", "");
    BOOST_TEST(back.lines[0].stored);
    BOOST_TEST(back.lines[0].Responses() == 36);
    BOOST_TEST(back.version == 1);
    services::SurveyQuery q;
    q.period = "2026-09";
    const auto rows = services::SurveyByField(Db(), q);
    BOOST_TEST_REQUIRE(!rows.empty());
    BOOST_TEST(rows[0].responses == 36);

    // A three-level line keeps no "very" answers.
    back.lines[1].fiveLevels = false;
    back.lines[1].settled = 10, back.lines[1].satisfied = 8, back.lines[1].verySatisfied = 1;
    try {
        services::SaveTallySheet(Db(), back, "clerk");
        BOOST_FAIL("a very satisfied answer on three levels was stored");
    } catch (const UserError& e) {
        BOOST_TEST(e.where().field == back.lines[1].code + "/very_satisfied");
    }
    back.lines[1].verySatisfied = 0;
    back.lines[0].dissatisfied = -1;
    BOOST_CHECK_THROW(services::SaveTallySheet(Db(), back, "clerk"), UserError);
    BOOST_TEST(repo.Count() == 1);  // nothing of a refused sheet
    back.lines[0].dissatisfied = 1;
    BOOST_TEST(services::SaveTallySheet(Db(), back, "clerk") == 2);
    const auto three = services::LoadTallySheet(Db(), unit, "2026-09", "");
    BOOST_TEST(!three.lines[1].fiveLevels);
    BOOST_TEST(three.lines[1].satisfied == 8);
    // The next month's new lines take the scale of this month's first.
    BOOST_TEST(services::LoadTallySheet(Db(), unit, "2026-10", "").lines[2].fiveLevels);
    BOOST_CHECK_THROW(services::LoadTallySheet(Db(), unit, "2026-Q3", ""), UserError);
}

BOOST_AUTO_TEST_SUITE_END()
