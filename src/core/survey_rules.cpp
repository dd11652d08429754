// Rules of satisfaction surveys and officer ratings: see survey_rules.h.
#include "core/survey_rules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/scoring.h"
#include "core/text.h"
#include "core/text_limits.h"
#include "core/vnformat.h"

namespace cchc {
namespace {
constexpr double kEps = 1e-9;

int Level(const TallyRecord& t, int value) {
    switch (value) {
        case 5:
            return t.level5;
        case 4:
            return t.level4;
        case 3:
            return t.level3;
        case 2:
            return t.level2;
        case 1:
            return t.level1;
        default:
            return 0;
    }
}

const std::vector<int>& LevelsOf(const SatisfiedLevelsByScale& scales, std::int64_t scaleId) {
    static const std::vector<int> fallback = DefaultSatisfiedLevels(5);
    auto it = scales.find(scaleId);
    return it == scales.end() ? fallback : it->second;
}

// The months of the period as "YYYY-MM".
std::set<std::string> MonthKeys(const Period& period) {
    std::set<std::string> keys;
    for (const auto& m : period.Months()) keys.insert(m.ToString());
    return keys;
}

std::optional<int> Score(const RatingRecord& r, int aspect) {
    switch (aspect) {
        case 0:
            return r.attitude;
        case 1:
            return r.handling;
        default:
            return r.guidance;
    }
}
}  // namespace

// ------------------------------------------------------------- tallies

std::vector<int> DefaultSatisfiedLevels(int levelCount) {
    if (levelCount >= 5) return {5, 4};
    if (levelCount <= 0) return {};
    return {levelCount};
}

int CountLevels(const TallyRecord& tally, const std::vector<int>& levels) {
    int n = 0;
    for (int v : levels) n += Level(tally, v);
    return n;
}

Problems CheckTally(const TallyRecord& t, int levelCount) {
    Problems p;
    const std::pair<const char*, int> counts[] = {
        {"settled", t.settled},          {"responses", t.responses}, {"very_satisfied", t.level5},
        {"satisfied", t.level4},         {"neutral", t.level3},      {"dissatisfied", t.level2},
        {"very_dissatisfied", t.level1},
    };
    bool negative = false;
    for (const auto& [field, value] : counts)
        if (value < 0) {
            p.push_back({field, tr("a count cannot be negative")});
            negative = true;
        }
    if (negative) return p;
    if (levelCount == 3 && (t.level5 > 0 || t.level4 > 0))
        p.push_back({"very_satisfied", tr("a 3-level tally has no answers at levels 4 and 5")});
    const long sum = static_cast<long>(t.level5) + t.level4 + t.level3 + t.level2 + t.level1;
    if (sum != t.responses)
        p.push_back({"responses",
                     fmt::format(fmt::runtime(tr("the answers per level add up to {0}, not to the "
                                                 "{1} responses")),
                                 FormatInteger(sum), FormatInteger(t.responses))});
    return p;
}

std::optional<double> TallySum::Coverage() const {
    if (settled <= 0) return std::nullopt;
    return static_cast<double>(responses) / static_cast<double>(settled);
}

std::optional<double> TallySum::Satisfaction() const {
    if (responses <= 0) return std::nullopt;
    return static_cast<double>(satisfied) / static_cast<double>(responses);
}

TallySum& TallySum::operator+=(const TallySum& o) {
    settled += o.settled;
    responses += o.responses;
    satisfied += o.satisfied;
    for (int i = 0; i < 6; ++i) level[i] += o.level[i];
    tallies += o.tallies;
    return *this;
}

void AddTally(TallySum& sum, const TallyRecord& t, const std::vector<int>& satisfiedLevels) {
    sum.settled += t.settled;
    sum.responses += t.responses;
    sum.satisfied += CountLevels(t, satisfiedLevels);
    for (int v = 1; v <= 5; ++v) sum.level[v] += Level(t, v);
    ++sum.tallies;
}

CoverageStatus CoverageAgainst(const TallySum& sum, double threshold) {
    auto c = sum.Coverage();
    if (!c) return CoverageStatus::NotApplicable;
    // Strictly above: compared on the counts so that 80 of 100 is not "above".
    const double needed = threshold * static_cast<double>(sum.settled);
    return static_cast<double>(sum.responses) > needed + kEps ? CoverageStatus::Met
                                                              : CoverageStatus::Below;
}

namespace {
std::vector<SurveyLine> Sum(const std::vector<TallyRecord>& tallies, const Period& period,
                            const SatisfiedLevelsByScale& scales, double threshold, bool byField) {
    const auto months = MonthKeys(period);
    std::map<std::pair<std::int64_t, std::int64_t>, TallySum> sums;
    for (const auto& t : tallies) {
        if (!months.count(t.period)) continue;
        AddTally(sums[{t.unitId, byField ? t.fieldId : 0}], t, LevelsOf(scales, t.scaleId));
    }
    std::vector<SurveyLine> out;
    out.reserve(sums.size());
    for (const auto& [key, sum] : sums)
        out.push_back({key.first, key.second, sum, CoverageAgainst(sum, threshold)});
    return out;
}
}  // namespace

std::vector<SurveyLine> SumByField(const std::vector<TallyRecord>& tallies, const Period& period,
                                   const SatisfiedLevelsByScale& scales, double threshold) {
    return Sum(tallies, period, scales, threshold, true);
}

std::vector<SurveyLine> SumByUnit(const std::vector<TallyRecord>& tallies, const Period& period,
                                  const SatisfiedLevelsByScale& scales, double threshold) {
    return Sum(tallies, period, scales, threshold, false);
}

// ------------------------------------------------------------- ratings

int LowestScore(const RatingRecord& r) {
    int low = 9;
    for (const auto& score : {r.attitude, r.handling, r.guidance})
        if (score) low = std::min(low, *score);
    return low;
}

bool IsSatisfiedRating(const RatingRecord& r) {
    int n = 0, sum = 0;
    for (int a = 0; a < kRatingAspects; ++a)
        if (auto s = Score(r, a)) {
            ++n;
            sum += *s;
        }
    return n > 0 && sum >= 4 * n;
}

void RatingTally::Add(const RatingRecord& r) {
    ++ratings;
    if (IsSatisfiedRating(r)) ++satisfied;
    for (int a = 0; a < kRatingAspects; ++a)
        if (auto s = Score(r, a)) {
            ++scored[a];
            sum[a] += *s;
        }
}

std::optional<double> RatingTally::Average(RatingAspect aspect) const {
    const int a = static_cast<int>(aspect);
    if (scored[a] <= 0) return std::nullopt;
    return static_cast<double>(sum[a]) / static_cast<double>(scored[a]);
}

std::optional<double> RatingTally::SatisfiedShare() const {
    if (ratings <= 0) return std::nullopt;
    return static_cast<double>(satisfied) / static_cast<double>(ratings);
}

std::vector<RatingTally> TallyRatings(const std::vector<RatingRecord>& ratings, bool byMonth) {
    std::map<std::pair<std::int64_t, std::string>, RatingTally> tallies;
    for (const auto& r : ratings) {
        std::string month = byMonth ? r.ratedAt.substr(0, 7) : std::string();
        auto [it, added] = tallies.try_emplace({r.officerId, month});
        if (added) {
            it->second.officerId = r.officerId;
            it->second.unitId = r.unitId;
            it->second.month = month;
        }
        it->second.unitId = std::min(it->second.unitId, r.unitId);
        it->second.Add(r);
    }
    std::vector<RatingTally> out;
    out.reserve(tallies.size());
    for (auto& kv : tallies) out.push_back(std::move(kv.second));
    return out;
}

std::vector<RankedOfficer> RankOfficers(const std::vector<RatingTally>& tallies,
                                        int minimumSample) {
    std::vector<RankedOfficer> ranked, unranked;
    std::vector<double> shares;
    for (const auto& t : tallies) {
        if (t.ratings >= std::max(1, minimumSample)) {
            ranked.push_back({t, std::nullopt});
            shares.push_back(t.SatisfiedShare().value_or(0));
        } else {
            unranked.push_back({t, std::nullopt});
        }
    }
    const auto ranks = RankWithTies(shares);
    for (std::size_t i = 0; i < ranked.size(); ++i) ranked[i].rank = ranks[i];
    std::stable_sort(
        ranked.begin(), ranked.end(),
        [](const RankedOfficer& a, const RankedOfficer& b) { return *a.rank < *b.rank; });
    std::stable_sort(unranked.begin(), unranked.end(),
                     [](const RankedOfficer& a, const RankedOfficer& b) {
                         return a.tally.ratings > b.tally.ratings;
                     });
    ranked.insert(ranked.end(), unranked.begin(), unranked.end());
    return ranked;
}

// ------------------------------------------------ one-stop self-assessment

PointsClasses DefaultOneStopClasses() {
    PointsClasses c;
    c.referenceMax = 18;
    c.classes = {{"Rất tốt", 18}, {"Tốt", 14}, {"Đạt", 10}, {"Không đạt", 0}};
    return c;
}

std::string ClassifyPoints(const PointsClasses& classes, double points, double max) {
    if (classes.classes.empty() || max <= 0 || classes.referenceMax <= 0) return {};
    const double scale = max / classes.referenceMax;
    for (const auto& c : classes.classes)
        if (points + kEps >= c.minPoints * scale) return c.label;
    return classes.classes.back().label;
}

SelfAssessmentTotal TotalSelfAssessment(const Framework& fw, const std::vector<SelfScore>& scores,
                                        const PointsClasses& classes) {
    SelfAssessmentTotal total;
    std::set<std::int64_t> parents;
    for (const auto& c : fw.criteria)
        if (c.parentId) parents.insert(*c.parentId);
    std::map<std::int64_t, const Criterion*> leaves;
    for (const auto& c : fw.criteria)
        if (!parents.count(c.id)) {
            leaves[c.id] = &c;
            total.max += c.maxPoints;
            ++total.criteria;
        }
    auto take = [&](const Criterion& c, std::optional<double> v, const char* which) {
        if (!v) return 0.0;
        if (*v < -kEps || *v > c.maxPoints + kEps || !std::isfinite(*v)) {
            total.problems.push_back(fmt::format(
                fmt::runtime(tr("criterion {0}: the {1} score {2} is outside 0 to {3}")), c.code,
                tr(which), FormatNumberTrim(*v, 2), FormatNumberTrim(c.maxPoints, 2)));
            return std::isfinite(*v) ? std::clamp(*v, 0.0, c.maxPoints) : 0.0;
        }
        return *v;
    };
    for (const auto& s : scores) {
        auto it = leaves.find(s.criterionId);
        if (it == leaves.end()) {
            total.problems.push_back(
                fmt::format(fmt::runtime(tr("a score is given on criterion #{0}, which is not "
                                            "scored in framework {1}")),
                            s.criterionId, fw.code));
            continue;
        }
        if (s.self) {
            total.self += take(*it->second, s.self, N_("self-assessed"));
            ++total.selfScored;
        }
        if (s.appraised) {
            total.appraised += take(*it->second, s.appraised, N_("appraised"));
            ++total.appraisedScored;
        }
    }
    auto classify = [&](double points) {
        if (!fw.bands.empty())
            return BandFor(fw.bands, total.max > 0 ? 100 * points / total.max : 0);
        return ClassifyPoints(classes, points, total.max);
    };
    if (total.selfScored > 0) total.selfClass = classify(total.self);
    if (total.appraisedScored > 0) total.appraisedClass = classify(total.appraised);
    return total;
}

// ------------------------------------------------- publication calendar

std::vector<PublicationRule> DefaultPublicationCalendar() {
    return {{PeriodKind::Month, 28, {}},
            {PeriodKind::Quarter, 28, {1, 3}},
            {PeriodKind::Half, 28, {1}},
            {PeriodKind::Year, 28, {}}};
}

std::string FormatPublicationCalendar(const std::vector<PublicationRule>& rules) {
    std::string out;
    for (const PublicationRule& r : rules) {
        if (!out.empty()) out += "; ";
        out += std::string(PeriodKindKey(r.kind)) + ":" + std::to_string(r.day);
        for (std::size_t i = 0; i < r.indexes.size(); ++i)
            out += (i == 0 ? ":" : ",") + std::to_string(r.indexes[i]);
    }
    return out;
}

std::optional<std::vector<PublicationRule>> ParsePublicationCalendar(const std::string& text) {
    auto trim = [](std::string s) {
        auto b = s.find_first_not_of(" \t");
        if (b == std::string::npos) return std::string();
        return s.substr(b, s.find_last_not_of(" \t") - b + 1);
    };
    auto number = [](const std::string& s) -> std::optional<int> {
        if (s.empty() || s.size() > 2 || !std::all_of(s.begin(), s.end(), ::isdigit))
            return std::nullopt;
        return std::stoi(s);
    };
    std::vector<PublicationRule> rules;
    std::stringstream all(text);
    std::string item;
    while (std::getline(all, item, ';')) {
        item = trim(item);
        if (item.empty()) continue;
        std::vector<std::string> parts;
        std::stringstream one(item);
        std::string part;
        while (std::getline(one, part, ':')) parts.push_back(trim(part));
        if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
        PublicationRule r;
        auto kind = PeriodKindFromKey(parts[0]);
        auto day = number(parts[1]);
        if (!kind || !day || *day < 1 || *day > 31) return std::nullopt;
        r.kind = *kind;
        r.day = *day;
        if (parts.size() == 3) {
            const int most = r.kind == PeriodKind::Month     ? 12
                             : r.kind == PeriodKind::Quarter ? 4
                             : r.kind == PeriodKind::Half    ? 2
                                                             : 0;
            std::stringstream list(parts[2]);
            std::string index;
            while (std::getline(list, index, ',')) {
                auto i = number(trim(index));
                if (!i || *i < 1 || *i > most) return std::nullopt;
                r.indexes.push_back(*i);
            }
            if (r.indexes.empty()) return std::nullopt;
        }
        rules.push_back(std::move(r));
    }
    if (rules.empty()) return std::nullopt;
    return rules;
}

std::vector<Publication> NextPublications(Date from, const std::vector<PublicationRule>& rules,
                                          int count) {
    std::vector<Publication> out;
    if (!from.Valid() || count <= 0 || from.year > 9997) return out;
    auto dueOn = [](const Period& p, int day) {
        const int month = p.LastMonth();
        return Date{p.year(), month, std::min(day, Date::DaysInMonth(p.year(), month))};
    };
    for (const auto& rule : rules) {
        // Enough periods of this kind from the one containing `from` to give
        // `count` dates (at most one a month).
        Period p = Period::Containing(rule.kind, from, WindowKind::Calendar).Previous();
        for (int produced = 0, guard = 0; produced < count && guard < count * 12 + 24; ++guard) {
            if (rule.indexes.empty() || std::find(rule.indexes.begin(), rule.indexes.end(),
                                                  p.index()) != rule.indexes.end()) {
                const Date d = dueOn(p, rule.day);
                if (d >= from) {
                    out.push_back({d, p});
                    ++produced;
                }
            }
            if (p.year() >= 9998) break;
            p = p.Next();
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Publication& a, const Publication& b) {
        if (a.date != b.date) return a.date < b.date;
        return static_cast<int>(a.period.kind()) < static_cast<int>(b.period.kind());
    });
    if (out.size() > static_cast<std::size_t>(count)) out.erase(out.begin() + count, out.end());
    return out;
}

Problems CheckPaperForm(const PaperForm& form, Date today) {
    Problems p;
    if (!form.day.Valid())
        p.push_back({"day", tr("the form has no day")});
    else if (form.day > today)
        p.push_back({"day", fmt::format(fmt::runtime(tr("the form's day {0} is after today")),
                                        FormatDate(form.day))});
    if (form.officerId == 0) p.push_back({"officer", tr("choose the officer rated")});
    const std::pair<const char*, const std::optional<int>*> scores[] = {
        {"attitude", &form.attitude}, {"handling", &form.handling}, {"guidance", &form.guidance}};
    bool any = false;
    for (const auto& [field, score] : scores) {
        if (*score && (**score < 1 || **score > 5))
            p.push_back({field, tr("a score is a whole number from 1 to 5")});
        any = any || score->has_value();
    }
    if (!any) p.push_back({"attitude", tr("the rating has no score")});
    for (const auto& [field, text] :
         {std::pair<const char*, const std::string*>{"procedure", &form.procedure},
          {"citizen", &form.citizen}}) {
        const std::string why = TooLong(*text, kShortText);
        if (!why.empty()) p.push_back({field, why});
    }
    return p;
}

std::optional<std::optional<int>> ParseFormScore(const std::string& text) {
    std::string t;
    for (char c : text)
        if (c != ' ' && c != '\t') t += c;
    std::optional<std::optional<int>> out;
    if (t.empty())
        out.emplace();  // blank
    else if (t.size() == 1 && t[0] >= '1' && t[0] <= '5')
        out.emplace(t[0] - '0');
    return out;
}

RatingRecord RatingOfForm(const PaperForm& form, std::int64_t unitId, int nth) {
    RatingRecord r;
    const int seconds = std::clamp(nth, 0, 86399);
    char time[16];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                  seconds % 60);
    r.ratedAt = form.day.ToIso() + time;
    r.unitId = unitId;
    r.officerId = form.officerId;
    r.procedure = form.procedure;
    r.citizen = form.citizen;
    r.channel = "paper";
    r.attitude = form.attitude;
    r.handling = form.handling;
    r.guidance = form.guidance;
    return r;
}

Problems CheckProcedureField(const std::string& code, const std::string& name,
                             const std::vector<std::string>& aliases) {
    Problems out;
    const std::string c = Trim(code), n = Trim(name);
    if (c.empty())
        out.push_back({"code", tr("the field needs a code")});
    else if (c.find_first_of(" \t") != std::string::npos)
        out.push_back({"code", tr("a code has no spaces (write HOTICH, not HO TICH)")});
    else if (auto tooLong = TooLong(c, kCodeText); !tooLong.empty())
        out.push_back({"code", tooLong});
    if (n.empty())
        out.push_back({"name", tr("the field needs a name")});
    else if (auto tooLong = TooLong(n, kNameText); !tooLong.empty())
        out.push_back({"name", tooLong});
    for (const auto& alias : aliases) {
        if (auto tooLong = TooLong(alias, kNameText); !tooLong.empty()) {
            out.push_back({"aliases", tooLong});
            break;
        }
        const std::string folded = FoldForSearch(alias);
        if (folded == FoldForSearch(c) || folded == FoldForSearch(n)) {
            out.push_back({"aliases", fmt::format(fmt::runtime(tr("“{0}” is already the field's "
                                                                  "code or name")),
                                                  Excerpt(alias))});
            break;
        }
    }
    return out;
}

}  // namespace cchc
