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

}  // namespace cchc
