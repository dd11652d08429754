// Two desks on one database, each with its own connection: both read a
// record, desk A saves, then desk B saves over what it read. B's save is
// refused with the fields on which its values and A's differ (EditConflict),
// and B's choice saved against the stored version keeps what each desk
// meant to keep. On SQLite and on PostgreSQL, for every record the client
// edits outside tasks and plans: results and result sets, evidence
// documents, self-assessments, report texts, the assignment matrix, the
// settings, units, people and frameworks.
#include <soci/soci.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>

#include "core/conflict.h"
#include "core/errors.h"
#include "core/framework_conflicts.h"
#include "core/org_conflicts.h"
#include "fixture.h"
#include "services/frameworks/framework_io.h"
#include "services/frameworks/frameworks.h"
#include "services/org/org_io.h"
#include "services/org/organisation.h"
#include "services/plans/assignments.h"
#include "services/reports/report_archive.h"
#include "services/results/result_sheet.h"
#include "services/surveys/dossier_sheet.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/surveys.h"
#include "services/surveys/tally_sheet.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

using namespace cchc;
using namespace cchc::test;

namespace {
const char* kUnits =
    "code,name,kind,parent\n"
    "H-TEST,Huyện Thử,district,\n"
    "XA-A,Xã An Hòa,commune,H-TEST\n"
    "XA-B,Xã Bình An,commune,H-TEST\n";

// Desk A is the fixture's connection, desk B a second one to the same
// database.
struct TwoDesks : DbFixture {
    std::unique_ptr<storage::Database> other;
    TwoDesks() {
        services::LoadBuiltinCatalogues(Db());
        WriteFile(dir.File("units.csv"), kUnits);
        services::ImportUnits(Db(), dir.File("units.csv"), "test");
        other = storage::Database::Open(storage::DatabaseUrl::Parse(TestDatabaseUrl(dir)));
    }
    storage::Database& A() { return Db(); }
    storage::Database& B() { return *other; }
};

// The field of the conflict with this key, or a failure.
const FieldConflict& Field(const EditConflict& e, const std::string& key) {
    auto it = std::find_if(e.fields().begin(), e.fields().end(),
                           [&](const FieldConflict& f) { return f.field == key; });
    BOOST_REQUIRE_MESSAGE(it != e.fields().end(), "the conflict does not name " + key);
    return *it;
}

std::vector<std::string> Keys(const EditConflict& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields()) out.push_back(f.field);
    return out;
}

// Runs save, which must be refused with an EditConflict (returned).
template <class Conflict = EditConflict, class F>
Conflict Refused(F&& save) {
    try {
        save();
    } catch (const Conflict& e) {
        return e;
    }
    BOOST_FAIL("the save over another desk's was not refused");
    throw std::logic_error("unreachable");
}

const services::SheetRow& Row(const services::Sheet& s, const std::string& code) {
    auto it =
        std::find_if(s.rows.begin(), s.rows.end(), [&](const auto& r) { return r.code == code; });
    BOOST_REQUIRE(it != s.rows.end());
    return *it;
}

services::SheetEdit Score(const std::string& code, ResultField f, std::optional<double> v) {
    services::SheetEdit e;
    e.criterion = code;
    e.field = f;
    e.value = v;
    return e;
}

services::SheetEdit Note(const std::string& code, const std::string& text) {
    services::SheetEdit e;
    e.criterion = code;
    e.field = ResultField::Note;
    e.text = text;
    return e;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(lost_updates)

BOOST_FIXTURE_TEST_CASE(a_score_typed_on_two_desks_is_not_overwritten_silently, TwoDesks) {
    services::ResultSheetService deskA(A(), "a"), deskB(B(), "b");
    // A score both desks see before they type.
    auto first = deskA.Apply(deskA.Load("XA-A", "PAR-XA-2025", "2025"),
                             {Score("2.3", ResultField::SelfScore, 1)});
    const auto sheetA = deskA.Load("XA-A", "PAR-XA-2025", "2025");
    const auto sheetB = deskB.Load("XA-A", "PAR-XA-2025", "2025");
    deskA.Apply(sheetA, {Score("2.3", ResultField::SelfScore, 2)});
    // B types another score for the same criterion, and a note A did not touch.
    const std::vector<services::SheetEdit> edits = {Score("2.3", ResultField::SelfScore, 0.5),
                                                    Note("2.3", "Theo báo cáo của xã")};
    auto conflict = Refused<services::SheetConflict>([&] { deskB.Apply(sheetB, edits); });
    BOOST_TEST((Keys(conflict) == std::vector<std::string>{"2.3/self_score"}));
    const FieldConflict& f = Field(conflict, "2.3/self_score");
    BOOST_TEST(f.mine == "0,5");
    BOOST_TEST(f.theirs == "2");
    BOOST_TEST(f.label.find("2.3") != std::string::npos);
    BOOST_TEST(conflict.what() != std::string());
    // Nothing of B's save was stored.
    BOOST_TEST(*Row(deskA.Load("XA-A", "PAR-XA-2025", "2025"), "2.3").selfScore == 2);
    BOOST_TEST(Row(deskA.Load("XA-A", "PAR-XA-2025", "2025"), "2.3").note.empty());
    BOOST_TEST(*Row(conflict.stored(), "2.3").selfScore == 2);

    // B takes A's score and keeps its note: both are stored.
    auto kept = services::KeptEdits(edits, conflict, {});
    BOOST_TEST(kept.size() == 1u);
    auto saved = deskB.Apply(conflict.stored(), kept);
    BOOST_TEST(*Row(saved, "2.3").selfScore == 2);
    BOOST_TEST(Row(saved, "2.3").note == "Theo báo cáo của xã");
    // Kept its own score instead, against the stored version: stored.
    const auto again = deskA.Load("XA-A", "PAR-XA-2025", "2025");
    deskA.Apply(again, {Score("2.3", ResultField::SelfScore, 1.5)});
    auto second = Refused<services::SheetConflict>(
        [&] { deskB.Apply(saved, {Score("2.3", ResultField::SelfScore, 0.75)}); });
    saved = deskB.Apply(second.stored(),
                        services::KeptEdits({Score("2.3", ResultField::SelfScore, 0.75)}, second,
                                            {"2.3/self_score"}));
    BOOST_TEST(*Row(saved, "2.3").selfScore == 0.75);
    BOOST_TEST(Row(saved, "2.3").note == "Theo báo cáo của xã");
    (void)first;
}

BOOST_FIXTURE_TEST_CASE(two_desks_on_different_criteria_both_save, TwoDesks) {
    services::ResultSheetService deskA(A(), "a"), deskB(B(), "b");
    const auto sheetA = deskA.Load("XA-A", "PAR-XA-2025", "2025");
    const auto sheetB = deskB.Load("XA-A", "PAR-XA-2025", "2025");
    deskA.Apply(sheetA, {Score("2.3", ResultField::SelfScore, 2)});
    auto saved = deskB.Apply(sheetB, {Score("2.1", ResultField::SelfScore, 1)});
    BOOST_TEST(*Row(saved, "2.3").selfScore == 2);
    BOOST_TEST(*Row(saved, "2.1").selfScore == 1);
    // Both typed the same new criterion at once: the second one finds the
    // first one's result and is refused only where the values differ.
    const auto a2 = deskA.Load("XA-A", "PAR-XA-2025", "2025");
    const auto b2 = deskB.Load("XA-A", "PAR-XA-2025", "2025");
    deskA.Apply(a2, {Score("2.2.1", ResultField::SelfScore, 1)});
    BOOST_CHECK_NO_THROW(deskB.Apply(b2, {Score("2.2.1", ResultField::SelfScore, 1)}));
    auto conflict = Refused<services::SheetConflict>(
        [&] { deskB.Apply(b2, {Score("2.2.1", ResultField::SelfScore, 0.5)}); });
    BOOST_TEST(Field(conflict, "2.2.1/self_score").theirs == "1");
}

BOOST_FIXTURE_TEST_CASE(a_result_set_step_is_refused_when_the_set_changed_since, TwoDesks) {
    services::ResultSheetService deskA(A(), "a"), deskB(B(), "b");
    deskA.Apply(deskA.Load("XA-A", "PAR-XA-2025", "2025"),
                {Score("2.3", ResultField::SelfScore, 1)});
    const auto sheetA = deskA.Load("XA-A", "PAR-XA-2025", "2025");
    const auto sheetB = deskB.Load("XA-A", "PAR-XA-2025", "2025");
    // A changes a score: B, which has not seen it, cannot appraise.
    deskA.Apply(sheetA, {Score("2.3", ResultField::SelfScore, 2)});
    auto conflict = Refused([&] { deskB.Appraise(sheetB); });
    BOOST_TEST(Field(conflict, "2.3/self_score").mine == "1");
    BOOST_TEST(Field(conflict, "2.3/self_score").theirs == "2");
    BOOST_TEST((deskA.Load("XA-A", "PAR-XA-2025", "2025").status == ResultStatus::Draft));
    // A appraises; B, still on its old copy, can neither appraise nor reopen it.
    auto appraised = deskA.Appraise(deskA.Load("XA-A", "PAR-XA-2025", "2025"));
    auto stale = deskB.Load("XA-A", "PAR-XA-2025", "2025");
    deskA.Reopen(appraised, "Nhập sai điểm");
    auto step = Refused([&] { deskB.Reopen(stale, "Sửa lại"); });
    BOOST_TEST(Field(step, "status").theirs == ResultStatusLabel(ResultStatus::Submitted));
    BOOST_TEST(Field(step, "status").mine == ResultStatusLabel(ResultStatus::Appraised));
    // Loaded again, B's step goes through.
    BOOST_CHECK_NO_THROW(deskB.Withdraw(deskB.Load("XA-A", "PAR-XA-2025", "2025")));
}

BOOST_FIXTURE_TEST_CASE(an_evidence_file_registered_twice_keeps_both_desks_details, TwoDesks) {
    services::ResultSheetService deskA(A(), "a"), deskB(B(), "b");
    const auto sheetA = deskA.Load("XA-A", "PAR-XA-2025", "2025");
    const auto sheetB = deskB.Load("XA-A", "PAR-XA-2025", "2025");
    const std::string file = dir.File("Biên bản.pdf");
    WriteFile(file, "%PDF-1.4 biên bản");
    services::EvidenceInput a;
    a.detailsTyped = true;
    a.filePath = file;
    a.docNumber = "12/BB-UBND";
    a.title = "Biên bản kiểm tra";
    const auto id = deskA.AttachEvidence(sheetA, "1.3", a);
    // B registers the same file with another title and an issuer.
    services::EvidenceInput b;
    b.detailsTyped = true;
    b.filePath = file;
    b.title = "Biên bản kiểm tra công tác CCHC";
    b.issuer = "UBND xã An Hòa";
    auto conflict = Refused([&] { deskB.AttachEvidence(sheetB, "1.4", b); });
    BOOST_TEST(Field(conflict, "title").mine == b.title);
    BOOST_TEST(Field(conflict, "title").theirs == a.title);
    BOOST_TEST(Field(conflict, "issuer").theirs == "");
    BOOST_TEST(deskB.Evidence(sheetB, "1.4").empty());
    // B keeps its title and issuer against the stored version; A's number stays.
    b.version = conflict.storedVersion();
    BOOST_TEST(deskB.AttachEvidence(sheetB, "1.4", b) == id);
    const auto docs = deskA.Evidence(deskA.Load("XA-A", "PAR-XA-2025", "2025"), "1.3");
    BOOST_REQUIRE(docs.size() == 1u);
    BOOST_TEST(docs[0].title == b.title);
    BOOST_TEST(docs[0].issuer == b.issuer);
    BOOST_TEST(docs[0].docNumber == a.docNumber);
    BOOST_TEST(deskA.Evidence(deskA.Load("XA-A", "PAR-XA-2025", "2025"), "1.4").size() == 1u);
    // Each changed detail is audited with its old and new value.
    auto log = storage::AuditRepository(A().session()).ForRow("evidence", id);
    BOOST_TEST(std::any_of(log.begin(), log.end(), [&](const auto& e) {
        return e.field == "title" && e.oldValue == a.title && e.newValue == b.title;
    }));
}

BOOST_FIXTURE_TEST_CASE(a_self_assessment_saved_on_two_desks, TwoDesks) {
    Unit u = *storage::UnitRepository(A().session()).ByCode("XA-A");
    Person p;
    p.code = "CB01", p.fullName = "Nguyễn Văn An", p.unitId = u.id, p.oneStopDesk = true;
    const auto officer = storage::PersonRepository(A().session()).Insert(p);
    auto sheetA = services::LoadSelfAssessment(A(), officer, "2026-Q1", "");
    auto sheetB = services::LoadSelfAssessment(B(), officer, "2026-Q1", "");
    sheetA.lines[0].self = 2.0;
    services::SaveSelfAssessment(A(), sheetA, "a");
    sheetB.lines[0].self = 1.0;
    sheetB.lines[1].self = 1.5;
    const std::string first = sheetB.lines[0].code + "/self",
                      second = sheetB.lines[1].code + "/self";
    auto conflict = Refused([&] { services::SaveSelfAssessment(B(), sheetB, "b"); });
    BOOST_TEST(Field(conflict, first).mine == "1");
    BOOST_TEST(Field(conflict, first).theirs == "2");
    BOOST_TEST(!services::LoadSelfAssessment(A(), officer, "2026-Q1", "").lines[1].self);
    // B takes A's first score and keeps its second one.
    auto stored = services::LoadSelfAssessment(B(), officer, "2026-Q1", "");
    auto merged = MergeSelfAssessment(sheetB, stored, {second});
    BOOST_TEST(merged.version == conflict.storedVersion());
    services::SaveSelfAssessment(B(), merged, "b");
    auto back = services::LoadSelfAssessment(A(), officer, "2026-Q1", "");
    BOOST_TEST(*back.lines[0].self == 2.0);
    BOOST_TEST(*back.lines[1].self == 1.5);
}

BOOST_FIXTURE_TEST_CASE(a_months_dossier_statistics_saved_on_two_desks_and_by_an_import, TwoDesks) {
    const auto unit = storage::UnitRepository(A().session()).ByCode("XA-A")->id;
    auto sheetA = services::LoadDossierSheet(A(), unit, "2026-09", "");
    auto sheetB = services::LoadDossierSheet(B(), unit, "2026-09", "");
    sheetA.lines[0].figures.receivedOnline = 12;
    services::SaveDossierSheet(A(), sheetA, "a");
    // B typed the same cell otherwise, and another line A left alone.
    sheetB.lines[0].figures.receivedOnline = 10;
    sheetB.lines[1].figures.settledOnTime = 4;
    const std::string first = sheetB.lines[0].code + "/received_online",
                      second = sheetB.lines[1].code + "/settled_on_time";
    auto conflict = Refused([&] { services::SaveDossierSheet(B(), sheetB, "b"); });
    BOOST_TEST(Field(conflict, first).mine == "10");
    BOOST_TEST(Field(conflict, first).theirs == "12");
    BOOST_TEST(Field(conflict, first).label.find(sheetB.lines[0].name) != std::string::npos);
    BOOST_TEST(
        services::LoadDossierSheet(A(), unit, "2026-09", "").lines[1].figures.settledOnTime == 0);
    // B takes A's figure and keeps its own on the other line.
    auto stored = services::LoadDossierSheet(B(), unit, "2026-09", "");
    auto merged = MergeDossierSheet(sheetB, stored, {second});
    BOOST_TEST(merged.version == conflict.storedVersion());
    services::SaveDossierSheet(B(), merged, "b");
    auto back = services::LoadDossierSheet(A(), unit, "2026-09", "");
    BOOST_TEST(back.lines[0].figures.receivedOnline == 12);
    BOOST_TEST(back.lines[1].figures.settledOnTime == 4);

    // An import of the month after the sheet was read is another desk too.
    WriteFile(dir.File("dossiers.csv"),
              "unit,period,field,received_online,received_direct,carried_over,settled_early,"
              "settled_on_time,settled_late,pending_on_time,pending_overdue\n"
              "XA-A,2026-09," +
                  back.lines[0].code + ",30,0,0,0,0,0,0,0\n");
    services::ImportDossiers(B(), dir.File("dossiers.csv"), "b");
    back.lines[0].figures.receivedOnline = 13;
    auto imported = Refused([&] { services::SaveDossierSheet(A(), back, "a"); });
    BOOST_TEST(Field(imported, first).theirs == "30");
}

BOOST_FIXTURE_TEST_CASE(a_months_tallies_saved_on_two_desks, TwoDesks) {
    const auto unit = storage::UnitRepository(A().session()).ByCode("XA-A")->id;
    auto sheetA = services::LoadTallySheet(A(), unit, "2026-09", "");
    auto sheetB = services::LoadTallySheet(B(), unit, "2026-09", "");
    sheetA.lines[0].settled = 30;
    sheetA.lines[0].satisfied = 20;
    services::SaveTallySheet(A(), sheetA, "a");
    sheetB.lines[0].settled = 31;
    sheetB.lines[0].satisfied = 20;
    const std::string settled = sheetB.lines[0].code + "/settled";
    auto conflict = Refused([&] { services::SaveTallySheet(B(), sheetB, "b"); });
    BOOST_TEST(Field(conflict, settled).mine == "31");
    BOOST_TEST(Field(conflict, settled).theirs == "30");
    // The same answers typed on both desks are no conflict.
    BOOST_TEST(std::none_of(
        conflict.fields().begin(), conflict.fields().end(),
        [&](const FieldConflict& f) { return f.field == sheetB.lines[0].code + "/satisfied"; }));
    auto merged =
        MergeTallySheet(sheetB, services::LoadTallySheet(B(), unit, "2026-09", ""), {settled});
    services::SaveTallySheet(B(), merged, "b");
    BOOST_TEST(services::LoadTallySheet(A(), unit, "2026-09", "").lines[0].settled == 31);
}

BOOST_FIXTURE_TEST_CASE(report_texts_saved_on_two_desks, TwoDesks) {
    const auto unit = storage::UnitRepository(A().session()).ByCode("XA-A")->id;
    services::ReportArchive deskA(A(), "a"), deskB(B(), "b");
    const auto readA = deskA.NarrativeTexts(unit, "2026-Q3", "quarterly");
    const auto readB = deskB.NarrativeTexts(unit, "2026-Q3", "quarterly");
    deskA.SaveNarrativeTexts(unit, "2026-Q3", "quarterly",
                             {{"results", {"Kết quả của A", 0}}, {"limits", {"Hạn chế", 0}}});
    // B wrote the same section and another one.
    std::map<std::string, services::NarrativeText> mine = {{"results", {"Kết quả của B", 0}},
                                                           {"plans", {"Phương hướng", 0}}};
    auto conflict = Refused<services::NarrativeConflict>(
        [&] { deskB.SaveNarrativeTexts(unit, "2026-Q3", "quarterly", mine); });
    BOOST_TEST((Keys(conflict) == std::vector<std::string>{"results"}));
    BOOST_TEST(Field(conflict, "results").mine == "Kết quả của B");
    BOOST_TEST(Field(conflict, "results").theirs == "Kết quả của A");
    BOOST_TEST(deskA.NarrativeTexts(unit, "2026-Q3", "quarterly").count("plans") == 0u);
    // B keeps its own text against the stored version.
    mine["results"].version = conflict.stored().at("results").version;
    deskB.SaveNarrativeTexts(unit, "2026-Q3", "quarterly", mine);
    const auto now = deskA.NarrativeTexts(unit, "2026-Q3", "quarterly");
    BOOST_TEST(now.at("results").body == "Kết quả của B");
    BOOST_TEST(now.at("limits").body == "Hạn chế");
    BOOST_TEST(now.at("plans").body == "Phương hướng");
    (void)readA;
    (void)readB;
}

BOOST_FIXTURE_TEST_CASE(the_assignment_matrix_saved_on_two_desks_audits_each_value, TwoDesks) {
    services::ImportUnits(A(), DataFile("seed003_units.csv"), "test");
    services::ImportPeople(A(), DataFile("seed003_people.csv"), "test");
    services::ImportAssignments(A(), DataFile("seed003_assignments.csv"), "test");
    services::AssignmentService deskA(A(), "a"), deskB(B(), "b");
    auto mA = deskA.LoadMatrix("H-NINHSON", "QD766");
    auto mB = deskB.LoadMatrix("H-NINHSON", "QD766");
    BOOST_REQUIRE(mA.rows.size() > 3u);
    BOOST_TEST(mA.version == mB.version);
    const auto before = mA.rows[1].leadUnit;
    mA.rows[1].leadUnit = "Tổ công tác CCHC";
    const int saved = deskA.Save("H-NINHSON", "QD766", mA.rows, mA.version);
    BOOST_TEST(saved > mA.version);
    // Each changed value is one audit row with its old and new value (on
    // the server, whose triggers log the rows written, the new value is in
    // the rows the save wrote in A's name).
    const auto unit = storage::UnitRepository(A().session()).ByCode("H-NINHSON")->id;
    if (A().backend() == storage::Backend::Sqlite) {
        auto log = storage::AuditRepository(A().session()).ForRow("indicator_assignments", unit);
        auto lead = std::find_if(log.begin(), log.end(), [](const auto& e) {
            return e.user == "a" && e.field.find("lead_unit") != std::string::npos;
        });
        BOOST_REQUIRE(lead != log.end());
        BOOST_TEST(*lead->newValue == "Tổ công tác CCHC");
        BOOST_TEST(lead->oldValue.has_value());
        BOOST_TEST(std::count_if(log.begin(), log.end(),
                                 [](const auto& e) { return e.user == "a"; }) == 1);
    } else {
        long long n = 0, u = unit;
        A().session() << "SELECT COUNT(*) FROM audit_log WHERE table_name = "
                         "'indicator_assignments' AND unit_id = :u AND user_login = 'a' AND "
                         "action = 'insert' AND new_value LIKE '%Tổ công tác CCHC%'",
            soci::use(u), soci::into(n);
        BOOST_TEST(n == 1);
    }
    // B changed another row's person on its old copy.
    mB.rows[2].responsiblePerson = "Phạm Thị Lan";
    const std::string leadKey = AssignmentFieldKey(mB.rows[1], "lead_unit");
    const std::string personKey = AssignmentFieldKey(mB.rows[2], "responsible_person");
    auto conflict = Refused([&] { deskB.Save("H-NINHSON", "QD766", mB.rows, mB.version); });
    BOOST_TEST(Field(conflict, leadKey).mine == before);
    BOOST_TEST(Field(conflict, leadKey).theirs == "Tổ công tác CCHC");
    BOOST_TEST(Field(conflict, personKey).mine == "Phạm Thị Lan");
    // B takes A's lead and keeps its person.
    const auto stored = deskB.LoadMatrix("H-NINHSON", "QD766");
    const auto merged = MergeAssignments(mB.rows, stored.rows, conflict, {personKey});
    deskB.Save("H-NINHSON", "QD766", merged, conflict.storedVersion());
    const auto now = deskA.LoadMatrix("H-NINHSON", "QD766").rows;
    BOOST_TEST(now[1].leadUnit == "Tổ công tác CCHC");
    BOOST_TEST(now[2].responsiblePerson == "Phạm Thị Lan");
    BOOST_TEST(now.size() == mA.rows.size());
}

BOOST_FIXTURE_TEST_CASE(settings_saved_on_two_desks, TwoDesks) {
    auto orgA = services::OrganisationService(A(), "a");
    auto orgB = services::OrganisationService(B(), "b");
    auto officeA = orgA.Office(), officeB = orgB.Office();
    const std::string placeBefore = officeA.placeName;
    officeA.signerName = "Nguyễn Văn A";
    orgA.SaveOffice(officeA);
    officeB.placeName = "Tây Sơn";
    officeB.signerName = "Trần Thị B";
    auto conflict = Refused([&] { orgB.SaveOffice(officeB); });
    BOOST_TEST(Field(conflict, "signer_name").mine == "Trần Thị B");
    BOOST_TEST(Field(conflict, "signer_name").theirs == "Nguyễn Văn A");
    BOOST_TEST(orgA.Office().placeName == placeBefore);
    // B takes A's signer and keeps its place.
    auto stored = orgB.Office();
    orgB.SaveOffice(MergeOffice(officeB, stored, {"office_place"}));
    BOOST_TEST(orgA.Office().signerName == "Nguyễn Văn A");
    BOOST_TEST(orgA.Office().placeName == "Tây Sơn");
    // Each changed key is audited with its old and new value.
    auto log = storage::AuditRepository(A().session()).ForRow("settings", 0);
    BOOST_TEST(std::any_of(log.begin(), log.end(), [](const auto& e) {
        return e.field == "office.place_name" && e.newValue == std::string("Tây Sơn");
    }));

    // The survey settings likewise.
    auto surveyA = services::LoadSurveySettings(A()), surveyB = services::LoadSurveySettings(B());
    surveyA.minimumSample = 9;
    services::SaveSurveySettings(A(), surveyA, "a");
    surveyB.minimumSample = 3;
    surveyB.coverageThreshold = 0.85;
    auto survey = Refused([&] { services::SaveSurveySettings(B(), surveyB, "b"); });
    BOOST_TEST(Field(survey, "ratings.min_sample").theirs == "9");
    BOOST_TEST(Field(survey, "ratings.min_sample").mine == "3");
    services::SaveSurveySettings(B(),
                                 MergeSurveySettings(surveyB, services::LoadSurveySettings(B()),
                                                     {"survey.coverage_threshold"}),
                                 "b");
    const auto now = services::LoadSurveySettings(A());
    BOOST_TEST(now.minimumSample == 9);
    BOOST_TEST(now.coverageThreshold == 0.85, boost::test_tools::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(units_and_people_saved_on_two_desks, TwoDesks) {
    auto orgA = services::OrganisationService(A(), "a");
    auto orgB = services::OrganisationService(B(), "b");
    Unit a = *orgA.UnitByCode("XA-A"), b = *orgB.UnitByCode("XA-A");
    a.name = "Xã An Hòa Mới";
    orgA.SaveUnit(a);
    b.name = "Xã An Hoà";
    b.placeName = "An Hòa";
    auto conflict = Refused([&] { orgB.SaveUnit(b); });
    BOOST_TEST(Field(conflict, "name").mine == "Xã An Hoà");
    BOOST_TEST(Field(conflict, "name").theirs == "Xã An Hòa Mới");
    // B takes A's name and keeps its place.
    auto stored = *orgB.UnitByCode("XA-A");
    BOOST_TEST(stored.version == conflict.storedVersion());
    orgB.SaveUnit(MergeUnit(b, stored, {"place_name"}));
    auto now = *orgA.UnitByCode("XA-A");
    BOOST_TEST(now.name == "Xã An Hòa Mới");
    BOOST_TEST(now.placeName == "An Hòa");

    Person p;
    p.code = "CB01", p.fullName = "Nguyễn Văn An", p.unitId = now.id;
    p = orgA.SavePerson(p);
    Person pa = p, pb = p;
    pa.phone = "0912345678";
    orgA.SavePerson(pa);
    pb.email = "an@example.vn";
    pb.phone = "0987654321";
    auto personConflict = Refused([&] { orgB.SavePerson(pb); });
    BOOST_TEST(Field(personConflict, "phone").theirs == "0912345678");
    Person storedPerson;
    for (const auto& x : orgB.AllPeople())
        if (x.id == p.id) storedPerson = x;
    orgB.SavePerson(MergePerson(pb, storedPerson, {"email"}));
    for (const auto& x : orgA.AllPeople())
        if (x.id == p.id) {
            BOOST_TEST(x.phone == "0912345678");
            BOOST_TEST(x.email == "an@example.vn");
        }
}

BOOST_FIXTURE_TEST_CASE(a_criterion_edited_on_two_desks, TwoDesks) {
    services::FrameworkService deskA(A(), "a"), deskB(B(), "b");
    deskA.CopyToNewYear("PAR-XA-2025", "PAR-XA-2031", 2031, "Chỉ số CCHC cấp xã năm 2031");
    const Framework fa = deskA.Load("PAR-XA-2031"), fb = deskB.Load("PAR-XA-2031");
    auto find = [](const Framework& f, const std::string& code) {
        return *std::find_if(f.criteria.begin(), f.criteria.end(),
                             [&](const Criterion& c) { return c.code == code; });
    };
    Criterion ca = find(fa, "2.3"), cb = find(fb, "2.3");
    ca.title = "Tiêu đề của A";
    deskA.SaveCriterion("PAR-XA-2031", ca, fa.version);
    cb.guidance = "Hướng dẫn của B";
    auto conflict = Refused([&] { deskB.SaveCriterion("PAR-XA-2031", cb, fb.version); });
    BOOST_TEST(Field(conflict, "title").theirs == "Tiêu đề của A");
    BOOST_TEST(Field(conflict, "guidance").mine == "Hướng dẫn của B");
    // B takes A's title, keeps its guidance.
    const Framework stored = deskB.Load("PAR-XA-2031");
    deskB.SaveCriterion("PAR-XA-2031", MergeCriterion(cb, find(stored, "2.3"), {"guidance"}),
                        conflict.storedVersion());
    const Criterion now = find(deskA.Load("PAR-XA-2031"), "2.3");
    BOOST_TEST(now.title == "Tiêu đề của A");
    BOOST_TEST(now.guidance == "Hướng dẫn của B");
    // The header too.
    const Framework h = deskB.Load("PAR-XA-2031");
    deskA.SaveHeader("PAR-XA-2031", "Tên của A", h.description, h.version);
    auto header =
        Refused([&] { deskB.SaveHeader("PAR-XA-2031", "Tên của B", "Mô tả", h.version); });
    BOOST_TEST(Field(header, "name").theirs == "Tên của A");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lost_updates)

namespace {
long ActiveEntries(storage::Database& db, const std::string& table, std::int64_t id) {
    const auto log = storage::AuditRepository(db.session()).ForRow(table, id);
    return std::count_if(log.begin(), log.end(), [](const auto& e) { return e.field == "active"; });
}
}  // namespace

BOOST_FIXTURE_TEST_CASE(a_unit_or_officer_switched_off_from_an_old_copy, TwoDesks) {
    auto orgA = services::OrganisationService(A(), "a");
    auto orgB = services::OrganisationService(B(), "b");
    const Unit readA = *orgA.UnitByCode("XA-A"), readB = *orgB.UnitByCode("XA-A");
    Unit renamed = readA;
    renamed.name = "Xã An Hòa Mới";
    orgA.SaveUnit(renamed);
    // B, which has not seen the new name, switches the unit off: refused,
    // with A's name beside the one B read.
    auto conflict = Refused([&] { orgB.SetUnitActive(readB, false); });
    BOOST_TEST(Field(conflict, "name").theirs == "Xã An Hòa Mới");
    BOOST_TEST(Field(conflict, "name").mine == readB.name);
    BOOST_TEST(Field(conflict, "active").theirs != Field(conflict, "active").mine);
    BOOST_TEST(orgA.UnitByCode("XA-A")->active);
    BOOST_TEST(ActiveEntries(A(), "units", readA.id) == 0);
    // Against the stored version, B's switch keeps A's name.
    Unit stored = *orgB.UnitByCode("XA-A");
    BOOST_TEST(stored.version == conflict.storedVersion());
    const Unit off = orgB.SetUnitActive(stored, false);
    BOOST_TEST(!off.active);
    BOOST_TEST(!orgA.UnitByCode("XA-A")->active);
    BOOST_TEST(orgA.UnitByCode("XA-A")->name == "Xã An Hòa Mới");
    BOOST_TEST(orgA.UnitByCode("XA-A")->version == off.version);
    // A, on its copy from before, switches it off too: the conflict names
    // nothing (both desks meant the same), and nothing is written or audited
    // twice.
    auto same = Refused([&] { orgA.SetUnitActive(renamed, false); });
    BOOST_TEST(same.fields().empty());
    BOOST_TEST(ActiveEntries(A(), "units", readA.id) == 1);

    Person p;
    p.code = "CB01", p.fullName = "Nguyễn Văn An", p.unitId = readA.id;
    const Person read = orgA.SavePerson(p);
    Person phoned = read;
    phoned.phone = "0912345678";
    orgA.SavePerson(phoned);
    auto personConflict = Refused([&] { orgB.SetPersonActive(read, false); });
    BOOST_TEST(Field(personConflict, "phone").theirs == "0912345678");
    BOOST_TEST(orgA.PersonById(read.id)->active);
    const Person now = *orgB.PersonById(read.id);
    orgB.SetPersonActive(now, false);
    BOOST_TEST(!orgA.PersonById(read.id)->active);
    BOOST_TEST(orgA.PersonById(read.id)->phone == "0912345678");
    // Audited once, with the value it had.
    const auto log = storage::AuditRepository(A().session()).ForRow("people", read.id);
    auto entry =
        std::find_if(log.begin(), log.end(), [](const auto& e) { return e.field == "active"; });
    BOOST_REQUIRE(entry != log.end());
    BOOST_TEST(entry->oldValue.value_or("") == "1");
    BOOST_TEST(entry->newValue.value_or("") == "0");
    BOOST_TEST(entry->user == "b");
}

BOOST_FIXTURE_TEST_CASE(a_criterion_deleted_or_moved_from_an_old_copy, TwoDesks) {
    services::FrameworkService deskA(A(), "a"), deskB(B(), "b");
    deskA.CopyToNewYear("PAR-XA-2025", "PAR-XA-2031", 2031, "Chỉ số CCHC cấp xã năm 2031");
    const Framework fa = deskA.Load("PAR-XA-2031"), fb = deskB.Load("PAR-XA-2031");
    auto find = [](const Framework& f, const std::string& code) {
        return *std::find_if(f.criteria.begin(), f.criteria.end(),
                             [&](const Criterion& c) { return c.code == code; });
    };
    // A gives 2.4 a new title; B, which has not seen it, deletes 2.4.
    Criterion c = find(fa, "2.4");
    c.title = "Tiêu đề mới của A";
    deskA.SaveCriterion("PAR-XA-2031", c, fa.version);
    auto deleted =
        Refused<ChangedSinceRead>([&] { deskB.DeleteCriterion("PAR-XA-2031", "2.4", fb.version); });
    BOOST_TEST(std::string(deleted.what()).find("2.4") != std::string::npos);
    BOOST_TEST(std::string(deleted.what()).find("PAR-XA-2031") != std::string::npos);
    BOOST_TEST(find(deskA.Load("PAR-XA-2031"), "2.4").title == "Tiêu đề mới của A");
    // Nor does B move a criterion on its old copy.
    const int order = find(deskA.Load("PAR-XA-2031"), "2.4").sortOrder;
    auto moved = Refused<ChangedSinceRead>(
        [&] { deskB.MoveCriterion("PAR-XA-2031", "2.4", -1, fb.version); });
    BOOST_TEST(std::string(moved.what()).find("2.4") != std::string::npos);
    BOOST_TEST(find(deskA.Load("PAR-XA-2031"), "2.4").sortOrder == order);
    BOOST_TEST(deskA.Load("PAR-XA-2031").version == fa.version + 1);
    // With the framework as stored, B's move and deletion go through.
    BOOST_TEST(find(deskA.Load("PAR-XA-2031"), "2.3").sortOrder < order);
    deskB.MoveCriterion("PAR-XA-2031", "2.4", -1, deskB.Load("PAR-XA-2031").version);
    const Framework reordered = deskA.Load("PAR-XA-2031");
    BOOST_TEST(find(reordered, "2.4").sortOrder < find(reordered, "2.3").sortOrder);
    deskB.DeleteCriterion("PAR-XA-2031", "2.4", deskB.Load("PAR-XA-2031").version);
    const Framework after = deskA.Load("PAR-XA-2031");
    BOOST_TEST(std::none_of(after.criteria.begin(), after.criteria.end(),
                            [](const Criterion& x) { return x.code == "2.4"; }));
}

BOOST_FIXTURE_TEST_CASE(the_reporting_window_chosen_on_two_desks, TwoDesks) {
    auto orgA = services::OrganisationService(A(), "a");
    auto orgB = services::OrganisationService(B(), "b");
    const auto readA = orgA.LoadReportingWindow(), readB = orgB.LoadReportingWindow();
    BOOST_TEST((readB.kind == WindowKind::Calendar));
    const int afterA = orgA.SetReportingWindow(WindowKind::CutOff, readA.version);
    BOOST_TEST(afterA != readA.version);
    // B chooses the same: nothing to refuse, nothing written again.
    BOOST_TEST(orgB.SetReportingWindow(WindowKind::CutOff, readB.version) == afterA);
    auto log = storage::AuditRepository(A().session()).ForRow("settings", 0);
    BOOST_TEST(std::count_if(log.begin(), log.end(),
                             [](const auto& e) { return e.field == "reporting.window"; }) == 1);
    // A goes back to the calendar; B, still showing the calendar it read
    // first, chooses the cut-off over it: refused, the window A chose beside
    // B's.
    orgA.SetReportingWindow(WindowKind::Calendar, afterA);
    auto conflict = Refused([&] { orgB.SetReportingWindow(WindowKind::CutOff, readB.version); });
    BOOST_TEST(Field(conflict, "window_kind").theirs == WindowKindLabel(WindowKind::Calendar));
    BOOST_TEST(Field(conflict, "window_kind").mine == WindowKindLabel(WindowKind::CutOff));
    BOOST_TEST((orgA.ReportingWindow() == WindowKind::Calendar));
    // Chosen again against the stored version.
    orgB.SetReportingWindow(WindowKind::CutOff, conflict.storedVersion());
    BOOST_TEST((orgA.ReportingWindow() == WindowKind::CutOff));
}

BOOST_FIXTURE_TEST_CASE(evidence_linked_or_unlinked_from_an_old_list, TwoDesks) {
    services::ResultSheetService deskA(A(), "a"), deskB(B(), "b");
    const auto sheet = deskA.Load("XA-A", "PAR-XA-2025", "2025");
    auto attach = [&](const std::string& name, const std::string& criterion) {
        WriteFile(dir.File(name), "%PDF-1.4 " + name);
        services::EvidenceInput in;
        in.filePath = dir.File(name);
        in.title = name;
        return deskA.AttachEvidence(sheet, criterion, in);
    };
    const auto minutes = attach("Biên bản.pdf", "1.3");
    const auto report = attach("Báo cáo.pdf", "1.4");
    // Both desks list the documents of 1.3.
    const auto listA = deskA.EvidenceOf(sheet, "1.3");
    const auto listB = deskB.EvidenceOf(deskB.Load("XA-A", "PAR-XA-2025", "2025"), "1.3");
    BOOST_REQUIRE(listB.documents.size() == 1u);
    BOOST_TEST(listA.version == listB.version);
    // A unlinks the minutes; B, from its old list, links the report beside
    // them: refused, nothing linked.
    deskA.DetachEvidence(sheet, "1.3", minutes, listA.version);
    auto linked =
        Refused<ChangedSinceRead>([&] { deskB.LinkEvidence(sheet, "1.3", report, listB.version); });
    BOOST_TEST(std::string(linked.what()).find("1.3") != std::string::npos);
    BOOST_TEST(deskA.Evidence(sheet, "1.3").empty());
    // Nor does B unlink from the old list.
    Refused<ChangedSinceRead>([&] { deskB.DetachEvidence(sheet, "1.3", minutes, listB.version); });
    // Listed again, B's link is made.
    deskB.LinkEvidence(sheet, "1.3", report, deskB.EvidenceOf(sheet, "1.3").version);
    const auto now = deskA.Evidence(sheet, "1.3");
    BOOST_REQUIRE(now.size() == 1u);
    BOOST_TEST(now[0].id == report);

    // A criterion without a result yet: the first desk's link creates it,
    // the second desk's, from its list of none, is refused.
    const auto emptyA = deskA.EvidenceOf(sheet, "2.1"), emptyB = deskB.EvidenceOf(sheet, "2.1");
    BOOST_TEST(emptyB.version == 0);
    deskA.LinkEvidence(sheet, "2.1", minutes, emptyA.version);
    Refused<ChangedSinceRead>([&] { deskB.LinkEvidence(sheet, "2.1", report, emptyB.version); });
    BOOST_TEST(deskA.Evidence(sheet, "2.1").size() == 1u);
    // A document added on one desk refuses the other's unlink from before.
    const auto before = deskB.EvidenceOf(sheet, "2.1");
    attach("Quyết định.pdf", "2.1");
    Refused<ChangedSinceRead>([&] { deskB.DetachEvidence(sheet, "2.1", minutes, before.version); });
    BOOST_TEST(deskA.Evidence(sheet, "2.1").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
