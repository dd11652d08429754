// Edit conflicts on the survey settings and on an officer's quarterly
// self-assessment (see core/conflict.h): the fields on which two copies
// differ, as the user reads them, and the merge once the user chose per
// field. The survey services list them when a save is refused (mine against
// stored); the settings panel and the self-assessment page list the fields
// the user edited with the same functions (mine against the copy first
// read).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/dossier_rules.h"
#include "core/records.h"
#include "core/survey_rules.h"

namespace cchc {

// Settings of surveys and ratings, stored in the office's settings.
struct SurveySettings {
    double coverageThreshold = 0.8;  // survey.coverage_threshold, a ratio
    int minimumSample = 5;           // ratings.min_sample
    // qr.url_template: the address of the office's rating page; empty until
    // the office gives it (no QR cards are printed without it).
    std::string qrUrlTemplate;
    // survey.publication_calendar; seed 001's when not set or unreadable.
    std::vector<PublicationRule> publicationCalendar = DefaultPublicationCalendar();
    int version = 0;  // of the settings as read
};

// Fields keyed as the settings: survey.coverage_threshold (a percentage),
// ratings.min_sample, qr.url_template, survey.publication_calendar.
std::vector<FieldConflict> SurveyConflicts(const SurveySettings& mine,
                                           const SurveySettings& stored);
// mine with the fields not kept taken from stored, and the stored version.
SurveySettings MergeSurveySettings(const SurveySettings& mine, const SurveySettings& stored,
                                   const KeptFields& kept);

// One criterion of an officer's self-assessment sheet.
struct SelfAssessmentLine {
    std::int64_t criterionId = 0;
    std::string code, title;
    double max = 0;
    std::optional<double> self, appraised;
    std::string note;
};

// An officer's sheet for a quarter.
struct SelfAssessmentSheet {
    std::int64_t personId = 0;
    std::string period;                     // a quarter, "2026-Q1"
    std::string frameworkCode;              // "TT01-2018"
    std::vector<SelfAssessmentLine> lines;  // scored criteria in framework order
    SelfAssessmentTotal total;
    int version = 0;  // of the stored lines as read
};

// The values of the lines both sheets have (by criterion), keyed
// "CODE/self", "CODE/appraised" and "CODE/note", labelled "CODE — Self
// score"; scores as the user reads them (1,5).
std::vector<FieldConflict> SelfAssessmentConflicts(const SelfAssessmentSheet& mine,
                                                   const SelfAssessmentSheet& stored);
// mine with the values not kept taken from stored, and the stored version.
SelfAssessmentSheet MergeSelfAssessment(const SelfAssessmentSheet& mine,
                                        const SelfAssessmentSheet& stored, const KeptFields& kept);

// One procedure field's line of a unit's month of form II.06a.
struct DossierLine {
    std::int64_t fieldId = 0;
    std::string code, name;
    DossierFigures figures;
    bool stored = false;  // figures are stored for the field (else all 0)
    // The dossiers the month before left in progress, when stored: what
    // this month normally carries over.
    std::optional<long> previousPending;
};

// A unit's dossier statistics of a month, a line per procedure field in the
// catalogue's order.
struct DossierSheet {
    std::int64_t unitId = 0;
    std::string month;  // "2026-09"
    std::vector<DossierLine> lines;
    int version = 0;  // of the stored lines as read
};

// The parts of the lines both sheets have (by field), keyed
// "FIELD/received_online" as the import's columns, labelled "Hộ tịch —
// Received online".
std::vector<FieldConflict> DossierSheetConflicts(const DossierSheet& mine,
                                                 const DossierSheet& stored);
// mine with the parts not kept taken from stored, and the stored version.
DossierSheet MergeDossierSheet(const DossierSheet& mine, const DossierSheet& stored,
                               const KeptFields& kept);

// One procedure field's line of a unit's month of survey tallies, its
// answers by what they mean: on five levels very satisfied (5), satisfied
// (4), neutral (3), dissatisfied (2), very dissatisfied (1); on three
// satisfied (3), neutral (2), dissatisfied (1), and no "very" answers.
struct TallyLine {
    std::int64_t fieldId = 0;
    std::string code, name;
    bool fiveLevels = true;
    int settled = 0;
    int verySatisfied = 0, satisfied = 0, neutral = 0, dissatisfied = 0, veryDissatisfied = 0;
    bool stored = false;  // a tally is stored for the field (else all 0)

    // Every answer counted is a response.
    int Responses() const {
        return verySatisfied + satisfied + neutral + dissatisfied + veryDissatisfied;
    }
    bool Empty() const { return settled == 0 && Responses() == 0; }
};

// A count of a line as typed or imported: its key (the import's column),
// its name (an English msgid) and where it is kept.
struct TallyPart {
    const char* key;
    const char* label;
    int TallyLine::*member;
};
// Settled, then the answers from very satisfied to very dissatisfied.
const std::vector<TallyPart>& TallyPartList();
// Whether the part takes a count on the line's scale (no "very" answers on
// three levels).
bool TallyPartApplies(const TallyLine& line, const TallyPart& part);

// The line of a stored tally (fiveLevels: the tally's scale has five).
TallyLine TallyLineOf(const TallyRecord& tally, bool fiveLevels);
// The tally's settled, responses and levels from the line's figures.
void FillTally(const TallyLine& line, TallyRecord& tally);

// Lines added up by what their answers mean (a total row).
TallyLine AddTallyLines(const std::vector<TallyLine>& lines);
// A line's figures as a survey sum, its satisfied answers those of the
// scale's default levels (DefaultSatisfiedLevels): coverage, satisfaction
// and the coverage rule as the summaries apply them.
TallySum TallySumOf(const TallyLine& line);

// A unit's tallies of a month, a line per procedure field in the
// catalogue's order.
struct TallySheet {
    std::int64_t unitId = 0;
    std::string month;  // "2026-09"
    std::vector<TallyLine> lines;
    int version = 0;  // of the stored tallies as read
};

// The counts of the lines both sheets have (by field), keyed
// "FIELD/settled", "FIELD/satisfied" as the import's columns, labelled
// "Hộ tịch — Satisfied"; a line's scale "FIELD/scale".
std::vector<FieldConflict> TallySheetConflicts(const TallySheet& mine, const TallySheet& stored);
// mine with the counts not kept taken from stored, and the stored version.
TallySheet MergeTallySheet(const TallySheet& mine, const TallySheet& stored,
                           const KeptFields& kept);

}  // namespace cchc
