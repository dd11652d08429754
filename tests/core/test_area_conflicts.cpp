// Tests of the conflicts of the settings, the assignment matrix, the
// self-assessment, report texts, frameworks and evidence details
// (core/org_conflicts.h, survey_conflicts.h, assignment_conflicts.h,
// report_conflicts.h, framework_conflicts.h, evidence_conflicts.h), without
// a database: what each diff lists, how each merge takes the fields kept,
// and the three-way outcome of a save that met another desk's (the diff of
// the user's copy against the copy read names the fields edited; a field
// only the other desk changed is merged without a question).
#include <boost/test/unit_test.hpp>

#include "core/assignment_conflicts.h"
#include "core/evidence_conflicts.h"
#include "core/framework_conflicts.h"
#include "core/i18n.h"
#include "core/org_conflicts.h"
#include "core/report_conflicts.h"
#include "core/survey_conflicts.h"

using namespace cchc;

namespace {
std::set<std::string> Keys(const std::vector<FieldConflict>& fields) {
    std::set<std::string> keys;
    for (const auto& f : fields) keys.insert(f.field);
    return keys;
}

std::set<std::string> Keys(const EditedFields& edited) {
    std::set<std::string> keys;
    for (const auto& [field, read] : edited) keys.insert(field);
    return keys;
}

const FieldConflict* Find(const std::vector<FieldConflict>& fields, const std::string& key) {
    for (const auto& f : fields)
        if (f.field == key) return &f;
    return nullptr;
}

// What a save of mine meets when another desk saved stored since base was
// read: the service's conflict (diff(mine, stored)), whether the user is
// asked, and the fields kept by default, with edited = diff(mine, base).
struct Outcome {
    EditConflict conflict;
    bool asks;
    KeptFields kept;
};
Outcome Meet(std::vector<FieldConflict> mineAgainstStored,
             const std::vector<FieldConflict>& mineAgainstBase) {
    EditConflict conflict("the record", std::move(mineAgainstStored), 2);
    const EditedFields edited = EditedOf(mineAgainstBase);
    const bool asks = NeedsChoice(conflict, edited);
    KeptFields kept = DefaultKept(conflict, edited);
    return {std::move(conflict), asks, std::move(kept)};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(area_conflicts)

BOOST_AUTO_TEST_CASE(the_office_identity_merges_a_field_changed_on_one_desk_without_a_question) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    OfficeIdentity base;
    base.unitId = 1;
    base.parentBody = "UBND HUYỆN TÂY SƠN";
    base.placeName = "Tây Sơn";
    base.signerName = "Nguyễn Văn A";
    base.version = 3;
    OfficeIdentity stored = base;  // another desk changed the signer and the office
    stored.signerName = "Trần Thị B";
    stored.unitId = 2;
    stored.version = 4;
    OfficeIdentity mine = base;  // this desk the place name
    mine.placeName = "Phú Phong";
    const auto names = [](std::optional<std::int64_t> id) {
        return id ? "Unit " + std::to_string(*id) : std::string();
    };

    const Outcome o =
        Meet(OfficeConflicts(mine, stored, names), OfficeConflicts(mine, base, names));
    BOOST_TEST((Keys(o.conflict.fields()) ==
                std::set<std::string>{"office_unit", "office_place", "signer_name"}));
    BOOST_TEST(Find(o.conflict.fields(), "office_unit")->theirs == "Unit 2");
    BOOST_TEST(!o.asks);
    BOOST_TEST((o.kept == KeptFields{"office_place"}));
    const OfficeIdentity merged = MergeOffice(mine, stored, o.kept);
    BOOST_TEST(merged.placeName == "Phú Phong");
    BOOST_TEST(merged.signerName == "Trần Thị B");
    BOOST_TEST(merged.unitId == 2);
    BOOST_TEST(merged.version == 4);
    // No office chosen reads as nothing, not as a unit named 0.
    OfficeIdentity none = base;
    none.unitId = 0;
    BOOST_TEST(Find(OfficeConflicts(none, base, names), "office_unit")->mine == "");

    // Both desks changed the signer: asked, this desk's value first.
    mine.signerName = "Lê Văn C";
    const Outcome both =
        Meet(OfficeConflicts(mine, stored, names), OfficeConflicts(mine, base, names));
    BOOST_TEST(both.asks);
    BOOST_TEST((both.kept == KeptFields{"office_place", "signer_name"}));
}

BOOST_AUTO_TEST_CASE(survey_settings_read_as_the_user_reads_them_and_merge_three_way) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    SurveySettings base;
    base.version = 5;
    SurveySettings stored = base;
    stored.minimumSample = 10;
    stored.version = 6;
    SurveySettings mine = base;
    mine.coverageThreshold = 0.85;
    mine.publicationCalendar = {{PeriodKind::Month, 25, {}}};

    const auto fields = SurveyConflicts(mine, stored);
    BOOST_TEST(
        (Keys(fields) == std::set<std::string>{"survey.coverage_threshold", "ratings.min_sample",
                                               "survey.publication_calendar"}));
    BOOST_TEST(Find(fields, "survey.coverage_threshold")->mine == "85%");
    BOOST_TEST(Find(fields, "survey.coverage_threshold")->theirs == "80%");
    BOOST_TEST(Find(fields, "survey.publication_calendar")->mine == "month:25");

    const Outcome o = Meet(SurveyConflicts(mine, stored), SurveyConflicts(mine, base));
    BOOST_TEST(!o.asks);
    const SurveySettings merged = MergeSurveySettings(mine, stored, o.kept);
    BOOST_TEST(merged.coverageThreshold == 0.85);
    BOOST_TEST(merged.minimumSample == 10);  // not set back to 5
    BOOST_TEST(merged.publicationCalendar.size() == 1u);
    BOOST_TEST(merged.version == 6);
}

BOOST_AUTO_TEST_CASE(a_self_assessment_merges_line_by_line) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    SelfAssessmentSheet base;
    base.version = 2;
    for (int i = 1; i <= 3; ++i) {
        SelfAssessmentLine l;
        l.criterionId = i;
        l.code = std::to_string(i);
        l.max = 2;
        base.lines.push_back(l);
    }
    SelfAssessmentSheet stored = base;  // the leadership appraised criterion 1
    stored.lines[0].appraised = 1.5;
    stored.version = 3;
    SelfAssessmentSheet mine = base;  // the officer scored 1 and 2
    mine.lines[0].self = 2;
    mine.lines[1].self = 1.5;
    mine.lines[1].note = "Đủ hồ sơ";

    const auto fields = SelfAssessmentConflicts(mine, stored);
    BOOST_TEST(
        (Keys(fields) == std::set<std::string>{"1/self", "1/appraised", "2/self", "2/note"}));
    BOOST_TEST(Find(fields, "2/self")->mine == "1,5");
    BOOST_TEST(Find(fields, "1/appraised")->theirs == "1,5");
    BOOST_TEST(Find(fields, "2/self")->label == "2 \xe2\x80\x94 Self score");

    const Outcome o =
        Meet(SelfAssessmentConflicts(mine, stored), SelfAssessmentConflicts(mine, base));
    BOOST_TEST(!o.asks);
    BOOST_TEST((o.kept == KeptFields{"1/self", "2/self", "2/note"}));
    const SelfAssessmentSheet merged = MergeSelfAssessment(mine, stored, o.kept);
    BOOST_TEST(*merged.lines[0].self == 2);
    BOOST_TEST(*merged.lines[0].appraised == 1.5);  // the other desk's appraisal stays
    BOOST_TEST(merged.lines[1].note == "Đủ hồ sơ");
    BOOST_TEST(merged.version == 3);

    // The appraised score of 1 set here too (to 1): asked.
    mine.lines[0].appraised = 1;
    BOOST_TEST(
        Meet(SelfAssessmentConflicts(mine, stored), SelfAssessmentConflicts(mine, base)).asks);
}

BOOST_AUTO_TEST_CASE(an_assignment_matrix_merges_values_and_rows_three_way) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    const std::vector<AssignmentRow> base = {
        {"I", "", "Công tác chỉ đạo", "", "", ""},
        {"I", "1.1", "Kế hoạch CCHC", "Văn phòng", "", "Nguyễn Văn A"},
        {"I", "1.2", "Báo cáo", "Văn phòng", "", ""},
    };
    std::vector<AssignmentRow> stored = base;  // another desk: a person, and a new row
    stored[2].responsiblePerson = "Trần Thị B";
    stored.push_back({"I", "1.3", "Kiểm tra", "Tư pháp", "", ""});
    std::vector<AssignmentRow> mine = base;  // this desk: another lead
    mine[1].leadUnit = " Tư pháp ";

    const std::string lead = AssignmentFieldKey(base[1], "lead_unit");
    BOOST_TEST(lead == "I|1.1|lead_unit");
    const auto fields = AssignmentConflicts(mine, stored);
    BOOST_TEST(
        (Keys(fields) == std::set<std::string>{lead, "I|1.2|responsible_person", "I|1.3|row"}));
    BOOST_TEST(Find(fields, lead)->mine == "Tư pháp");  // trimmed
    BOOST_TEST(Find(fields, lead)->label == "I 1.1 \xe2\x80\x94 Lead unit");
    BOOST_TEST(Find(fields, "I|1.3|row")->theirs == "present");

    const Outcome o = Meet(AssignmentConflicts(mine, stored), AssignmentConflicts(mine, base));
    BOOST_TEST(!o.asks);
    BOOST_TEST((o.kept == KeptFields{lead}));
    const auto merged = MergeAssignments(mine, stored, o.conflict, o.kept);
    BOOST_REQUIRE_EQUAL(merged.size(), 4u);
    BOOST_TEST(merged[1].leadUnit == " Tư pháp ");
    BOOST_TEST(merged[2].responsiblePerson == "Trần Thị B");
    BOOST_TEST(merged[3].indicator == "1.3");  // the other desk's row, after its group's

    // A row removed here that the other desk changed: both changed it.
    std::vector<AssignmentRow> removed = base;
    removed.erase(removed.begin() + 2);
    const Outcome r =
        Meet(AssignmentConflicts(removed, stored), AssignmentConflicts(removed, base));
    BOOST_TEST(Keys(r.conflict.fields()).count("I|1.2|row") == 1u);
    BOOST_TEST(r.kept.count("I|1.2|row") == 1u);
}

BOOST_AUTO_TEST_CASE(report_texts_conflict_only_where_saved_since_and_merge_per_section) {
    const NarrativeHeadings headings = {{"results", "1. Kết quả"}, {"plans", "2. Phương hướng"}};
    const NarrativeTexts stored = {{"results", {"Đã hoàn thành 9 nhiệm vụ.", 4}},
                                   {"plans", {"Tiếp tục rà soát.", 2}}};
    // Read: results at version 3 (then saved elsewhere), plans at 2.
    const std::map<std::string, std::string> read = {{"results", "Đã hoàn thành 8 nhiệm vụ."},
                                                     {"plans", "Tiếp tục rà soát."}};
    NarrativeTexts mine = {{"results", {"Đã hoàn thành 8 nhiệm vụ.", 3}},
                           {"plans", {"Rà soát thủ tục quý III.", 2}}};

    const auto fields = NarrativeConflicts(mine, stored, headings);
    // plans was not saved since it was read: it saves without a conflict.
    BOOST_TEST((Keys(fields) == std::set<std::string>{"results"}));
    BOOST_TEST(fields[0].label == "1. Kết quả");
    BOOST_TEST(fields[0].theirs == "Đã hoàn thành 9 nhiệm vụ.");
    // A section not stored yet reads as empty.
    BOOST_TEST(NarrativeConflicts({{"other", {"x", 1}}}, stored, headings)[0].theirs == "");

    std::map<std::string, std::string> typed;
    for (const auto& [key, text] : mine) typed[key] = text.body;
    const EditedFields edited = EditedNarratives(typed, read, headings);
    BOOST_TEST((Keys(edited) == std::set<std::string>{"plans"}));
    const EditConflict conflict("the text", fields, 0);
    BOOST_TEST(!NeedsChoice(conflict, edited));
    const KeptFields kept = DefaultKept(conflict, edited);
    BOOST_TEST(kept.empty());
    const NarrativeTexts merged = MergeNarratives(mine, stored, conflict, kept);
    BOOST_REQUIRE_EQUAL(merged.size(), 1u);
    BOOST_TEST(merged.at("results").body == "Đã hoàn thành 9 nhiệm vụ.");  // the other desk's
    BOOST_TEST(merged.at("results").version == 4);

    // Typed here too: asked, and kept, the user's text stays at version 4.
    typed["results"] = mine["results"].body = "Đã hoàn thành 10 nhiệm vụ.";
    const EditConflict both("the text", NarrativeConflicts(mine, stored, headings), 0);
    const EditedFields edited2 = EditedNarratives(typed, read, headings);
    BOOST_TEST(NeedsChoice(both, edited2));
    const NarrativeTexts kept2 = MergeNarratives(mine, stored, both, DefaultKept(both, edited2));
    BOOST_TEST(kept2.at("results").body == "Đã hoàn thành 10 nhiệm vụ.");
    BOOST_TEST(kept2.at("results").version == 4);
}

BOOST_AUTO_TEST_CASE(a_criterion_and_a_framework_header_merge_three_way) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    Criterion base;
    base.id = 12;
    base.code = "2.3";
    base.title = "Tỷ lệ hồ sơ đúng hạn";
    base.maxPoints = 2;
    base.rule = RuleKind::Rate;
    base.target = 0.9;
    Criterion stored = base;  // another desk: the guidance and the target
    stored.guidance = "Tính trên hồ sơ đã giải quyết";
    stored.target = 0.95;
    Criterion mine = base;  // this desk: the title
    mine.title = "Tỷ lệ hồ sơ giải quyết đúng hạn";

    const auto fields = CriterionConflicts(mine, stored);
    BOOST_TEST((Keys(fields) == std::set<std::string>{"title", "target", "guidance"}));
    BOOST_TEST(Find(fields, "target")->mine == "90%");
    BOOST_TEST(Find(fields, "target")->theirs == "95%");
    const Outcome o = Meet(CriterionConflicts(mine, stored), CriterionConflicts(mine, base));
    BOOST_TEST(!o.asks);
    const Criterion merged = MergeCriterion(mine, stored, o.kept);
    BOOST_TEST(merged.title == mine.title);
    BOOST_TEST(*merged.target == 0.95);
    BOOST_TEST(merged.guidance == stored.guidance);
    BOOST_TEST(merged.id == 12);

    Framework head;
    head.name = "Chỉ số CCHC cấp xã 2026";
    head.bands = *ParseBands("Tốt:90;Khá:80;Yếu:0");
    head.version = 7;
    Framework theirs = head;
    theirs.bands = *ParseBands("Tốt:85;Khá:70;Yếu:0");
    theirs.version = 8;
    Framework ours = head;
    ours.description = "Theo Quyết định 1149";
    const auto headerFields = FrameworkHeaderConflicts(ours, theirs);
    BOOST_TEST((Keys(headerFields) == std::set<std::string>{"description", "bands"}));
    BOOST_TEST(Find(headerFields, "bands")->theirs == FormatBands(theirs.bands));
    const Outcome h =
        Meet(FrameworkHeaderConflicts(ours, theirs), FrameworkHeaderConflicts(ours, head));
    BOOST_TEST(!h.asks);
    const Framework mergedHead = MergeFrameworkHeader(ours, theirs, h.kept);
    BOOST_TEST(mergedHead.description == "Theo Quyết định 1149");
    BOOST_TEST(FormatBands(mergedHead.bands) == FormatBands(theirs.bands));
    BOOST_TEST(mergedHead.version == 8);
}

BOOST_AUTO_TEST_CASE(evidence_details_typed_over_a_registered_document) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    const EvidenceDetails registered{"12/QĐ-UBND", std::string("2026-01-05"), "UBND xã",
                                     "Quyết định kiện toàn", ""};
    EvidenceDetails typed;  // the form: a title and a note, the rest blank
    typed.title = "QĐ kiện toàn bộ phận một cửa";
    typed.note = "Bản scan";
    const EvidenceDetails over = TypedOver(typed, registered);
    BOOST_TEST(over.docNumber == "12/QĐ-UBND");  // blank is not typed
    BOOST_TEST(over.title == typed.title);
    const auto fields = EvidenceConflicts(over, registered);
    BOOST_TEST((Keys(fields) == std::set<std::string>{"title", "note"}));
    BOOST_TEST(
        Find(EvidenceConflicts(TypedOver({"", std::string("2026-02-01"), "", "", ""}, registered),
                               registered),
             "doc_date")
            ->mine == "01/02/2026");

    // Before any conflict the user has seen nothing of the document: every
    // detail typed is the user's, its value as read unknown (asked).
    const EditedFields first = EditedEvidence(typed, std::nullopt);
    BOOST_TEST((Keys(first) == std::set<std::string>{"title", "note"}));
    BOOST_TEST(!first.at("title").has_value());
    const EditConflict conflict("the document", fields, 3);
    BOOST_TEST(NeedsChoice(conflict, first));

    // The user kept the note, took the register's title; the register's
    // details are then the ones seen. Another desk changes the issuer
    // meanwhile: nothing typed here changed it, so nothing is asked.
    const EvidenceDetails merged = MergeEvidenceDetails(over, registered, {"note"});
    BOOST_TEST(merged.title == registered.title);
    BOOST_TEST(merged.note == "Bản scan");
    EvidenceDetails later = registered;
    later.issuer = "UBND huyện";
    const EditedFields seen = EditedEvidence(merged, registered);
    BOOST_TEST((Keys(seen) == std::set<std::string>{"note"}));
    const EditConflict again("the document", EvidenceConflicts(TypedOver(merged, later), later), 4);
    BOOST_TEST(!NeedsChoice(again, seen));
    BOOST_TEST((DefaultKept(again, seen) == KeptFields{"note"}));
}

BOOST_AUTO_TEST_SUITE_END()
