// Rules of satisfaction surveys and officer ratings (seeds 000, 001, 004):
// monthly tallies summed over a reporting period, coverage of the dossiers
// settled and the 80% rule, the satisfaction rate, per-officer summaries of
// individual ratings with a minimum sample before people are ranked, the
// one-stop self-assessment of Circular 01/2018 (9 criteria × 0–2 points)
// and the publication calendar of survey results. Pure rules: nothing here
// stores, reads or throws; messages are translated.
// How to use it: read the tallies of the months of a period (or the rating
// aggregates the storage computes in SQL) and call the rule you need.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/errors.h"
#include "core/framework.h"
#include "core/period.h"
#include "core/records.h"

namespace cchc {

// ------------------------------------------------------------- tallies

// The levels of a scale that count as satisfied when a scale does not say
// otherwise: on 5 levels "Rất hài lòng" (5) and "Hài lòng" (4); on 3 levels
// the top one, "Hài lòng" (3); on n levels level n.
std::vector<int> DefaultSatisfiedLevels(int levelCount);

// Answers of the tally at the given levels (values 1..5; others ignored).
int CountLevels(const TallyRecord& tally, const std::vector<int>& levels);

// What the tally's own figures contradict, one problem per field: a
// negative count ("settled", "responses", "very_satisfied", ...), answers
// whose levels do not add up to the responses ("responses"), and on a
// 3-level scale answers at levels 4 or 5 ("very_satisfied"). Field keys
// are those of the import columns. A tally with more responses than
// dossiers settled is allowed (its coverage is then above 100%).
Problems CheckTally(const TallyRecord& tally, int levelCount);

// Tallies added up (over months, fields or units).
struct TallySum {
    long settled = 0;
    long responses = 0;
    long satisfied = 0;                  // answers at the satisfied levels of each tally's scale
    long level[6] = {0, 0, 0, 0, 0, 0};  // level[1..5] as stored (level[0] unused)
    int tallies = 0;                     // monthly tallies added

    // responses / settled; nothing when no dossier was settled (n/a).
    std::optional<double> Coverage() const;
    // satisfied / responses; nothing when there was no response (n/a).
    std::optional<double> Satisfaction() const;
    TallySum& operator+=(const TallySum& o);
};

// Adds one tally, counting as satisfied its answers at satisfiedLevels.
void AddTally(TallySum& sum, const TallyRecord& tally, const std::vector<int>& satisfiedLevels);

// The coverage rule of seed 001: surveys "must exceed 80% of the dossiers
// settled in each field". Met means strictly above the threshold (80% of
// 100 dossiers, 80 responses, is not enough; 81 is); NotApplicable when no
// dossier was settled.
enum class CoverageStatus { Met, Below, NotApplicable };
CoverageStatus CoverageAgainst(const TallySum& sum, double threshold = 0.8);

// Satisfied levels per scale id; a tally whose scale is missing uses
// DefaultSatisfiedLevels(5).
using SatisfiedLevelsByScale = std::map<std::int64_t, std::vector<int>>;

// One line of a survey summary: a unit's field, a unit's total (fieldId 0)
// or the whole office (unitId 0, fieldId 0).
struct SurveyLine {
    std::int64_t unitId = 0;
    std::int64_t fieldId = 0;
    TallySum sum;
    CoverageStatus coverage = CoverageStatus::NotApplicable;
};

// Tallies of the months of the period summed per (unit, field), in order of
// unit id then field id. Tallies of months outside the period (or whose
// period is not a month) are left out. Tallies are monthly: the window
// (calendar or cut-off) does not move them, a quarter sums its three months.
std::vector<SurveyLine> SumByField(const std::vector<TallyRecord>& tallies, const Period& period,
                                   const SatisfiedLevelsByScale& scales, double threshold = 0.8);
// The same per unit over all its fields (fieldId 0), in order of unit id.
// The unit's coverage is that of its total: a unit can meet the rule overall
// and miss it in one field, which SumByField shows.
std::vector<SurveyLine> SumByUnit(const std::vector<TallyRecord>& tallies, const Period& period,
                                  const SatisfiedLevelsByScale& scales, double threshold = 0.8);

// ------------------------------------------------------------- ratings

// The three aspects a citizen scores (seed 004), columns of every rating.
enum class RatingAspect { Attitude = 0, Handling = 1, Guidance = 2 };
constexpr int kRatingAspects = 3;

// The rule for one rating: it is "satisfied" when the average of the
// aspects it scores is at least 4 on the 5-level scale (i.e. its scores add
// up to at least 4 × the number of aspects scored: 5+4+3 is satisfied,
// 4+4+3 is not; a rating with only attitude 4 is). A rating that scores no
// aspect is not satisfied. Integer arithmetic, the same in SQL.
bool IsSatisfiedRating(const RatingRecord& rating);
// The lowest score among the aspects a rating scores, 9 when it scores
// none: what the ratings list's score filters compare ("some aspect at 2
// or below": lowest <= 2; "every aspect 4 or 5": 4 <= lowest <= 5). Stored
// with each rating (ratings.low_score) for its index.
int LowestScore(const RatingRecord& rating);

// A citizen's paper rating form (Mẫu 01) as typed from a stack of them: the
// day on the form, the officer rated, the procedure and the scores of the
// three aspects (1..5, or left blank), the citizen's name when written.
struct PaperForm {
    Date day;
    std::int64_t officerId = 0;
    std::string procedure, citizen;
    std::optional<int> attitude, handling, guidance;
};
// What is wrong with a form before it joins the stack, one problem per
// field (day, officer, attitude, handling, guidance, procedure, citizen): a
// day that is not one or is after `today`, no officer, a score outside
// 1..5, no score at all, a text past its limit.
Problems CheckPaperForm(const PaperForm& form, Date today);
// A score typed in a form's box: "" (blank), or one digit 1..5 (spaces
// around allowed); nothing for anything else. `blank` says which.
std::optional<std::optional<int>> ParseFormScore(const std::string& text);
// The rating a form stores: channel "paper", rated at the form's day, the
// time being its place among the forms of that officer and day (`nth`,
// from 0) in seconds, so that forms alike in all else stay apart.
RatingRecord RatingOfForm(const PaperForm& form, std::int64_t unitId, int nth);

// Sums over the ratings of one officer (in one month, or a whole period):
// what SQL aggregates and what summaries are computed from.
struct RatingTally {
    std::int64_t officerId = 0;
    std::int64_t unitId = 0;
    std::string month;  // "2026-03", or "" for a whole period
    long ratings = 0;
    long satisfied = 0;
    long scored[kRatingAspects] = {0, 0, 0};  // ratings that score the aspect
    long sum[kRatingAspects] = {0, 0, 0};     // sum of its scores

    void Add(const RatingRecord& rating);
    // Average score of the aspect; nothing when no rating scores it.
    std::optional<double> Average(RatingAspect aspect) const;
    // satisfied / ratings; nothing without ratings.
    std::optional<double> SatisfiedShare() const;
};

// Reference aggregation of ratings per officer (and per calendar month of
// rated_at when byMonth), ordered by officer id then month. The unit is the
// smallest unit id among the officer's ratings (an officer who moved keeps
// one line). SQL computes the same in storage.
std::vector<RatingTally> TallyRatings(const std::vector<RatingRecord>& ratings, bool byMonth);

// Officers ranked by share of satisfied ratings. Those with fewer ratings
// than minimumSample are listed but not ranked (a rank computed on three
// ratings means nothing).
struct RankedOfficer {
    RatingTally tally;
    std::optional<int> rank;  // 1 = best; nothing when below the minimum sample
};
// Ranked officers first by rank (ties share it: 1, 2, 2, 4, on the share
// within 1e-9), then the unranked ones by number of ratings (most first);
// equal ones keep the input order (callers sort names beforehand to break
// ties by Vietnamese name).
std::vector<RankedOfficer> RankOfficers(const std::vector<RatingTally>& tallies,
                                        int minimumSample = 5);

// ------------------------------------------------ one-stop self-assessment

// Classes of the one-stop evaluation, best first, as points out of
// referenceMax (18 for 9 criteria × 2). Neither DOMAIN.md nor the TT01-2018
// catalogue gives the thresholds; the default (Rất tốt = all 18 points, Tốt
// from 14, Đạt from 10, Không đạt below) is configuration to check against
// the Circular (and Decree 118/2025) before use. A framework with its own
// bands (percent of its maximum) is classified by those instead.
struct PointsClass {
    std::string label;
    double minPoints = 0;
};
struct PointsClasses {
    double referenceMax = 18;
    std::vector<PointsClass> classes;  // best first
};
PointsClasses DefaultOneStopClasses();

// The class of total points out of max: thresholds are scaled from
// referenceMax to max (a copied framework with 10 criteria keeps the same
// proportions), compared within 1e-9. "" without classes or when max <= 0.
std::string ClassifyPoints(const PointsClasses& classes, double points, double max);

// One criterion's self and appraised points.
struct SelfScore {
    std::int64_t criterionId = 0;
    std::optional<double> self, appraised;
};
struct SelfAssessmentTotal {
    double self = 0, appraised = 0, max = 0;
    int criteria = 0;                         // criteria of the framework (leaves)
    int selfScored = 0, appraisedScored = 0;  // criteria with a score
    std::string selfClass, appraisedClass;    // "" while nothing is scored
    std::vector<std::string> problems;        // translated
};
// Totals of one officer's self-assessment on a framework's scored criteria
// (leaves; max from the criteria). A score outside 0..max is flagged and
// clamped; a score on a criterion not in the framework is flagged and left
// out. Classes from the framework's bands when it has some (percent of max),
// else from `classes`.
SelfAssessmentTotal TotalSelfAssessment(const Framework& framework,
                                        const std::vector<SelfScore>& scores,
                                        const PointsClasses& classes = DefaultOneStopClasses());

// ------------------------------------------------- publication calendar

// One kind of publication: the results of each period of `kind` (only the
// listed indexes, e.g. quarters {1, 3}; empty: all) are published on `day`
// of the period's last month (the last day of a shorter month).
struct PublicationRule {
    PeriodKind kind = PeriodKind::Month;
    int day = 28;
    std::vector<int> indexes;
};
struct Publication {
    Date date;
    Period period;
};
// Seed 001: monthly on the 28th; quarterly on 28/3 and 28/9 (quarters I and
// III: the second and fourth quarters fall on the 6-month and yearly
// publications); 6 months on 28/6; the year on 28/12.
std::vector<PublicationRule> DefaultPublicationCalendar();
// "month:28; quarter:28:1,3; half:28:1; year:28" (kind keys of
// PeriodKindKey; day 1..31; indexes optional). Nothing for malformed text.
std::optional<std::vector<PublicationRule>> ParsePublicationCalendar(const std::string& text);
// The text ParsePublicationCalendar reads back into the same rules.
std::string FormatPublicationCalendar(const std::vector<PublicationRule>& rules);
// The next `count` publications on or after `from`, by date; on the same day
// the longer period first (the year before its December).
std::vector<Publication> NextPublications(Date from, const std::vector<PublicationRule>& rules,
                                          int count);

// ------------------------------------------------------ procedure fields

// What is wrong with a procedure field as typed: an empty code or name, a
// code with spaces, a text past its limit, an alias repeating the field's
// own code or name. One problem per field ("code", "name", "aliases").
Problems CheckProcedureField(const std::string& code, const std::string& name,
                             const std::vector<std::string>& aliases);

}  // namespace cchc
