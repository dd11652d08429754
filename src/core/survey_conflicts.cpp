// Conflicts of the survey settings and self-assessments (see survey_conflicts.h).
#include "core/survey_conflicts.h"

#include <map>
#include <utility>

#include "core/i18n.h"
#include "core/vnformat.h"

namespace cchc {

std::vector<FieldConflict> SurveyConflicts(const SurveySettings& mine,
                                           const SurveySettings& stored) {
    ConflictFields f;
    f.Compare("survey.coverage_threshold", tr("Coverage threshold"),
              FormatPercentTrim(mine.coverageThreshold * 100),
              FormatPercentTrim(stored.coverageThreshold * 100))
        .Compare("ratings.min_sample", tr("Minimum ratings to rank an officer"),
                 std::to_string(mine.minimumSample), std::to_string(stored.minimumSample))
        .Compare("qr.url_template", tr("QR rating address"), mine.qrUrlTemplate,
                 stored.qrUrlTemplate)
        .Compare("survey.publication_calendar", tr("Results published"),
                 FormatPublicationCalendar(mine.publicationCalendar),
                 FormatPublicationCalendar(stored.publicationCalendar));
    return f.Take();
}

SurveySettings MergeSurveySettings(const SurveySettings& mine, const SurveySettings& stored,
                                   const KeptFields& kept) {
    SurveySettings s = mine;
    s.coverageThreshold =
        Pick(kept, "survey.coverage_threshold", mine.coverageThreshold, stored.coverageThreshold);
    s.minimumSample = Pick(kept, "ratings.min_sample", mine.minimumSample, stored.minimumSample);
    s.qrUrlTemplate = Pick(kept, "qr.url_template", mine.qrUrlTemplate, stored.qrUrlTemplate);
    s.publicationCalendar = Pick(kept, "survey.publication_calendar", mine.publicationCalendar,
                                 stored.publicationCalendar);
    s.version = stored.version;
    return s;
}

namespace {
std::string Score(const std::optional<double>& v) {
    return v ? FormatNumberTrim(*v, 4) : std::string();
}

// A line's values by key, as shown.
std::vector<std::pair<std::string, std::string>> LineValues(const SelfAssessmentLine& l) {
    return {{"self", Score(l.self)}, {"appraised", Score(l.appraised)}, {"note", l.note}};
}

std::string LineLabel(const SelfAssessmentLine& l, const std::string& key) {
    const std::string what = key == "self"        ? tr("Self score")
                             : key == "appraised" ? tr("Appraised score")
                                                  : tr("Note");
    return l.code + " \xe2\x80\x94 " + what;
}
}  // namespace

std::vector<FieldConflict> SelfAssessmentConflicts(const SelfAssessmentSheet& mine,
                                                   const SelfAssessmentSheet& stored) {
    std::map<std::int64_t, const SelfAssessmentLine*> theirs;
    for (const auto& l : stored.lines) theirs[l.criterionId] = &l;
    ConflictFields fields;
    for (const auto& l : mine.lines) {
        auto s = theirs.find(l.criterionId);
        if (s == theirs.end()) continue;
        const auto ours = LineValues(l), other = LineValues(*s->second);
        for (std::size_t i = 0; i < ours.size(); ++i)
            fields.Compare(l.code + "/" + ours[i].first, LineLabel(l, ours[i].first),
                           ours[i].second, other[i].second);
    }
    return fields.Take();
}

SelfAssessmentSheet MergeSelfAssessment(const SelfAssessmentSheet& mine,
                                        const SelfAssessmentSheet& stored, const KeptFields& kept) {
    SelfAssessmentSheet out = mine;
    for (auto& l : out.lines)
        for (const auto& s : stored.lines) {
            if (s.criterionId != l.criterionId) continue;
            l.self = Pick(kept, l.code + "/self", l.self, s.self);
            l.appraised = Pick(kept, l.code + "/appraised", l.appraised, s.appraised);
            l.note = Pick(kept, l.code + "/note", l.note, s.note);
        }
    out.version = stored.version;
    return out;
}

namespace {
std::string DossierKey(const DossierLine& l, const DossierPart& p) { return l.code + "/" + p.key; }
}  // namespace

std::vector<FieldConflict> DossierSheetConflicts(const DossierSheet& mine,
                                                 const DossierSheet& stored) {
    std::map<std::int64_t, const DossierLine*> theirs;
    for (const auto& l : stored.lines) theirs[l.fieldId] = &l;
    ConflictFields fields;
    for (const auto& l : mine.lines) {
        auto s = theirs.find(l.fieldId);
        if (s == theirs.end()) continue;
        for (const auto& p : DossierPartList())
            fields.Compare(DossierKey(l, p), l.name + " \xe2\x80\x94 " + tr(p.label),
                           FormatInteger(l.figures.*p.member),
                           FormatInteger(s->second->figures.*p.member));
    }
    return fields.Take();
}

DossierSheet MergeDossierSheet(const DossierSheet& mine, const DossierSheet& stored,
                               const KeptFields& kept) {
    DossierSheet out = mine;
    for (auto& l : out.lines)
        for (const auto& s : stored.lines) {
            if (s.fieldId != l.fieldId) continue;
            for (const auto& p : DossierPartList())
                l.figures.*p.member =
                    Pick(kept, DossierKey(l, p), l.figures.*p.member, s.figures.*p.member);
            l.stored = s.stored;
            l.previousPending = s.previousPending;
        }
    out.version = stored.version;
    return out;
}

const std::vector<TallyPart>& TallyPartList() {
    static const std::vector<TallyPart> parts = {
        {"settled", N_("Dossiers settled"), &TallyLine::settled},
        {"very_satisfied", N_("Very satisfied"), &TallyLine::verySatisfied},
        {"satisfied", N_("Satisfied"), &TallyLine::satisfied},
        {"neutral", N_("Neutral"), &TallyLine::neutral},
        {"dissatisfied", N_("Dissatisfied"), &TallyLine::dissatisfied},
        {"very_dissatisfied", N_("Very dissatisfied"), &TallyLine::veryDissatisfied}};
    return parts;
}

bool TallyPartApplies(const TallyLine& line, const TallyPart& part) {
    return line.fiveLevels || (part.member != &TallyLine::verySatisfied &&
                               part.member != &TallyLine::veryDissatisfied);
}

TallyLine TallyLineOf(const TallyRecord& t, bool fiveLevels) {
    TallyLine l;
    l.fieldId = t.fieldId;
    l.fiveLevels = fiveLevels;
    l.settled = t.settled;
    if (fiveLevels) {
        l.verySatisfied = t.level5, l.satisfied = t.level4, l.neutral = t.level3;
        l.dissatisfied = t.level2, l.veryDissatisfied = t.level1;
    } else {
        l.satisfied = t.level3, l.neutral = t.level2, l.dissatisfied = t.level1;
    }
    return l;
}

void FillTally(const TallyLine& l, TallyRecord& t) {
    t.settled = l.settled;
    t.responses = l.Responses();
    if (l.fiveLevels) {
        t.level5 = l.verySatisfied, t.level4 = l.satisfied, t.level3 = l.neutral;
        t.level2 = l.dissatisfied, t.level1 = l.veryDissatisfied;
    } else {
        // What a three-level form cannot hold stays for CheckTally to name.
        t.level5 = l.verySatisfied, t.level4 = l.veryDissatisfied;
        t.level3 = l.satisfied, t.level2 = l.neutral, t.level1 = l.dissatisfied;
    }
}

TallyLine AddTallyLines(const std::vector<TallyLine>& lines) {
    TallyLine total;
    for (const auto& l : lines)
        for (const auto& p : TallyPartList()) total.*p.member += l.*p.member;
    return total;
}

TallySum TallySumOf(const TallyLine& line) {
    TallyRecord t;
    FillTally(line, t);
    TallySum sum;
    AddTally(sum, t, DefaultSatisfiedLevels(line.fiveLevels ? 5 : 3));
    return sum;
}

std::vector<FieldConflict> TallySheetConflicts(const TallySheet& mine, const TallySheet& stored) {
    std::map<std::int64_t, const TallyLine*> theirs;
    for (const auto& l : stored.lines) theirs[l.fieldId] = &l;
    auto scale = [](const TallyLine& l) {
        return std::string(l.fiveLevels ? tr("5 levels") : tr("3 levels"));
    };
    ConflictFields fields;
    for (const auto& l : mine.lines) {
        auto s = theirs.find(l.fieldId);
        if (s == theirs.end()) continue;
        fields.Compare(l.code + "/scale", l.name + " \xe2\x80\x94 " + tr("Scale"), scale(l),
                       scale(*s->second));
        for (const auto& p : TallyPartList())
            fields.Compare(l.code + "/" + p.key, l.name + " \xe2\x80\x94 " + tr(p.label),
                           FormatInteger(l.*p.member), FormatInteger(s->second->*p.member));
    }
    return fields.Take();
}

TallySheet MergeTallySheet(const TallySheet& mine, const TallySheet& stored,
                           const KeptFields& kept) {
    TallySheet out = mine;
    for (auto& l : out.lines)
        for (const auto& s : stored.lines) {
            if (s.fieldId != l.fieldId) continue;
            l.fiveLevels = Pick(kept, l.code + "/scale", l.fiveLevels, s.fiveLevels);
            for (const auto& p : TallyPartList())
                l.*p.member = Pick(kept, l.code + "/" + p.key, l.*p.member, s.*p.member);
            l.stored = s.stored;
        }
    out.version = stored.version;
    return out;
}

}  // namespace cchc
