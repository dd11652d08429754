// Officers' self-assessment and survey settings (see self_assessment.h).
#include "services/surveys/self_assessment.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/vnformat.h"
#include "storage/framework_repository.h"
#include "storage/rating_repository.h"
#include "storage/self_assessment_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {

Framework LoadFramework(storage::Database& db, const std::string& code) {
    storage::FrameworkRepository repo(db.session());
    auto id = repo.IdByCode(code);
    std::optional<Framework> f = id ? repo.Load(*id) : std::nullopt;
    if (!f)
        throw UserError(Location{"", 0, "framework"},
                        std::string(tr("the framework does not exist: ")) + code);
    return *f;
}

bool IsLeaf(const Framework& f, const Criterion& c) {
    for (const auto& o : f.criteria)
        if (o.parentId && *o.parentId == c.id) return false;
    return true;
}

std::vector<SelfScore> Scores(const SelfAssessmentSheet& sheet) {
    std::vector<SelfScore> scores;
    for (const auto& l : sheet.lines) scores.push_back({l.criterionId, l.self, l.appraised});
    return scores;
}

WindowKind OfficeWindow(storage::Database& db) {
    return storage::SettingsRepository(db.session()).Get("reporting.window", "calendar") == "cutoff"
               ? WindowKind::CutOff
               : WindowKind::Calendar;
}

}  // namespace

namespace {
// The quarter a self-assessment is made for; UserError for anything else.
Period Quarter(const std::string& period) {
    auto p = Period::Parse(period);
    if (!p || p->kind() != PeriodKind::Quarter)
        throw UserError(
            Location{"", 0, "period"},
            fmt::format(
                fmt::runtime(tr("a self-assessment is made per quarter (write 2026-Q1): {0}")),
                period));
    return *p;
}
}  // namespace

SelfAssessmentSheet LoadSelfAssessment(storage::Database& db, std::int64_t personId,
                                       const std::string& period, const std::string& user,
                                       const std::string& frameworkCode) {
    const std::optional<Period> p = Quarter(period);
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    const auto person = storage::PersonRepository(db.session()).ById(personId);
    // An officer outside the account's scope is refused in the words the
    // server's hiding of it allows (no unit named), on both engines.
    const Location officer{"", 0, "officer"};
    if (!person) {
        if (!guard.ReadsAll()) guard.Refuse(Action::ReadData, std::nullopt, officer);
        throw UserError(officer, tr("the officer does not exist"));
    }
    if (!guard.InScope(person->unitId)) guard.Refuse(Action::ReadData, std::nullopt, officer);
    const Framework f = LoadFramework(db, frameworkCode);
    SelfAssessmentSheet sheet;
    sheet.personId = personId;
    sheet.period = p->ToString();
    sheet.frameworkCode = f.code;
    const auto stored =
        storage::SelfAssessmentRepository(db.session()).ForPerson(personId, sheet.period);
    for (const auto& r : stored) sheet.version += r.version;
    for (const auto& [c, depth] : TreeOrder(f)) {
        if (!IsLeaf(f, *c)) continue;
        SelfAssessmentLine line;
        line.criterionId = c->id;
        line.code = c->code;
        line.title = c->title;
        line.max = c->maxPoints;
        for (const auto& r : stored)
            if (r.score.criterionId == c->id) {
                line.self = r.score.self;
                line.appraised = r.score.appraised;
                line.note = r.note;
            }
        sheet.lines.push_back(std::move(line));
    }
    sheet.total = TotalSelfAssessment(f, Scores(sheet));
    return sheet;
}

SelfAssessmentTotal TotalOf(storage::Database& db, const SelfAssessmentSheet& sheet) {
    return TotalSelfAssessment(LoadFramework(db, sheet.frameworkCode), Scores(sheet));
}

namespace {
std::string Score(const std::optional<double>& v) {
    return v ? FormatNumberTrim(*v, 4) : std::string();
}

// A line's values by key, as shown and audited.
std::vector<std::pair<std::string, std::string>> LineValues(const SelfAssessmentLine& l) {
    return {{"self", Score(l.self)}, {"appraised", Score(l.appraised)}, {"note", l.note}};
}

}  // namespace

int SaveSelfAssessment(storage::Database& db, const SelfAssessmentSheet& sheet,
                       const std::string& user) {
    {
        auto person = storage::PersonRepository(db.session()).ById(sheet.personId);
        AccessGuard(db, user).Require(Action::EditSurveys, person ? person->unitId : 0);
    }
    for (const auto& l : sheet.lines)
        for (const auto& score : {l.self, l.appraised})
            if (score && (*score < 0 || *score > l.max))
                throw UserError(
                    Location{"", 0, l.code},
                    fmt::format(fmt::runtime(tr("criterion {0}: a score is from 0 to {1}")), l.code,
                                FormatNumberTrim(l.max, 2)));
    storage::Transaction tx(db);
    storage::LockForEdit(db,
                         "self_assessments:" + std::to_string(sheet.personId) + ":" + sheet.period);
    const SelfAssessmentSheet stored =
        LoadSelfAssessment(db, sheet.personId, sheet.period, user, sheet.frameworkCode);
    std::map<std::int64_t, const SelfAssessmentLine*> before;
    for (const auto& l : stored.lines) before[l.criterionId] = &l;
    if (stored.version != sheet.version) {
        auto fields = SelfAssessmentConflicts(sheet, stored);
        if (!fields.empty()) {
            auto person = storage::PersonRepository(db.session()).ById(sheet.personId);
            throw EditConflict(fmt::format(fmt::runtime(tr("the self-assessment of {0} for {1}")),
                                           person ? person->fullName : std::string(),
                                           Period::Parse(sheet.period)->Label()),
                               std::move(fields), stored.version);
        }
    }
    // Every line is stored (a line never saved, even empty, too); a stored
    // line only when it changed, so that its version says so.
    std::set<std::int64_t> present;
    for (const auto& r :
         storage::SelfAssessmentRepository(db.session()).ForPerson(sheet.personId, sheet.period))
        present.insert(r.score.criterionId);
    std::vector<storage::SelfAssessmentRow> rows;
    std::vector<storage::AuditEntry> audit;
    for (const auto& l : sheet.lines) {
        auto s = before.find(l.criterionId);
        const auto now = LineValues(l);
        const auto old = s == before.end() ? decltype(now)() : LineValues(*s->second);
        bool changed = false;
        for (std::size_t i = 0; i < now.size(); ++i) {
            const std::string was = old.empty() ? std::string() : old[i].second;
            if (was == now[i].second) continue;
            changed = true;
            audit.push_back({"", user, "self_assessments", sheet.personId, "update",
                             sheet.period + " " + l.code + " " + now[i].first, was, now[i].second});
        }
        if (changed || !present.count(l.criterionId))
            rows.push_back(
                {sheet.personId, sheet.period, {l.criterionId, l.self, l.appraised}, l.note});
    }
    storage::SelfAssessmentRepository(db.session()).Save(rows, user);
    storage::AuditRepository(db.session()).RecordMany(audit);
    const int version =
        LoadSelfAssessment(db, sheet.personId, sheet.period, user, sheet.frameworkCode).version;
    tx.Commit();
    return version;
}

RatingTally OfficerRatings(storage::Database& db, std::int64_t personId,
                           const std::string& period) {
    RatingTally none;
    none.officerId = personId;
    auto p = Period::Parse(period);
    if (!p) return none;
    const DateRange w = p->Window(OfficeWindow(db));
    storage::RatingAggregateQuery q;
    q.from = w.first.ToIso();
    q.to = w.last.ToIso();
    if (auto person = storage::PersonRepository(db.session()).ById(personId))
        q.unitId = person->unitId;
    for (const auto& t : storage::RatingRepository(db.session()).Aggregate(q))
        if (t.officerId == personId) return t;
    return none;
}

namespace {
const std::vector<std::string>& SurveyKeys() {
    static const std::vector<std::string> keys = {"survey.coverage_threshold", "ratings.min_sample",
                                                  "qr.url_template", "survey.publication_calendar"};
    return keys;
}

}  // namespace

SurveySettings LoadSurveySettings(storage::Database& db) {
    storage::SettingsRepository s(db.session());
    SurveySettings out;
    out.version = s.GroupVersion(SurveyKeys());  // first: see OrganisationService::Office
    if (auto v = ParseVnNumber(s.Get("survey.coverage_threshold", "0.8")))
        out.coverageThreshold = *v > 1 ? *v / 100 : *v;
    if (auto v = ParseVnNumber(s.Get("ratings.min_sample", "5")))
        out.minimumSample = static_cast<int>(*v);
    out.qrUrlTemplate = s.Get("qr.url_template", out.qrUrlTemplate);
    if (auto text = s.Get("survey.publication_calendar"))
        if (auto rules = ParsePublicationCalendar(*text)) out.publicationCalendar = *rules;
    return out;
}

int SaveSurveySettings(storage::Database& db, const SurveySettings& settings,
                       const std::string& user) {
    AccessGuard(db, user).Require(Action::EditSettings);
    if (!(settings.coverageThreshold >= 0 && settings.coverageThreshold <= 1))
        throw UserError(Location{"", 0, "survey.coverage_threshold"},
                        tr("the coverage threshold is a percentage from 0 to 100"));
    if (settings.minimumSample < 1)
        throw UserError(Location{"", 0, "ratings.min_sample"},
                        tr("the minimum number of ratings is at least 1"));
    const std::string& url = settings.qrUrlTemplate;
    if (!url.empty() && ((url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) ||
                         url.find("{officer_code}") == std::string::npos))
        throw UserError(Location{"", 0, "qr.url_template"},
                        tr("the rating address starts with https:// and contains {officer_code}"));
    const Location calendarKey{"", 0, "survey.publication_calendar"};
    if (settings.publicationCalendar.empty())
        throw UserError(calendarKey, tr("choose at least one publication of survey results"));
    std::set<PeriodKind> kinds;
    for (const PublicationRule& r : settings.publicationCalendar) {
        if (r.day < 1 || r.day > 31)
            throw UserError(calendarKey, tr("a publication day is from 1 to 31"));
        if (!kinds.insert(r.kind).second)
            throw UserError(calendarKey, tr("each kind of period is published on one day"));
    }
    const std::string calendar = FormatPublicationCalendar(settings.publicationCalendar);
    if (!ParsePublicationCalendar(calendar))
        throw UserError(calendarKey, tr("the chosen periods do not exist (a quarter is I to IV, a "
                                        "half year 1 or 2)"));
    storage::Transaction tx(db);
    storage::LockForEdit(db, "settings:surveys");
    const SurveySettings stored = LoadSurveySettings(db);
    if (stored.version != settings.version) {
        auto fields = SurveyConflicts(settings, stored);
        if (!fields.empty())
            throw EditConflict(tr("the survey settings"), std::move(fields), stored.version);
    }
    storage::SettingsRepository s(db.session());
    storage::AuditRepository audit(db.session());
    auto set = [&](const char* key, const std::string& value) {
        auto old = s.Get(key);
        if (old && *old == value) return;
        s.Set(key, value);
        audit.Record({"", user, "settings", 0, "update", key, old, value});
    };
    set("survey.coverage_threshold", FormatMachine(settings.coverageThreshold));
    set("ratings.min_sample", std::to_string(settings.minimumSample));
    set("qr.url_template", url);
    set("survey.publication_calendar", calendar);
    const int version = s.GroupVersion(SurveyKeys());
    tx.Commit();
    return version;
}

std::vector<SelfAssessmentSummaryRow> SelfAssessmentSummary(storage::Database& db,
                                                            const std::string& user,
                                                            const std::string& period,
                                                            const std::string& unitCode,
                                                            const std::string& frameworkCode) {
    const Period quarter = Quarter(period);
    const Framework f = LoadFramework(db, frameworkCode);
    const std::vector<Unit> all = storage::UnitRepository(db.session()).All();
    std::map<std::int64_t, Unit> units;
    for (const auto& u : all) units.emplace(u.id, u);
    // The unit and the units under it; a commune's account's units stand for
    // the whole office.
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    std::set<std::int64_t> scope;
    if (!unitCode.empty()) {
        const auto root =
            std::find_if(all.begin(), all.end(), [&](const Unit& u) { return u.code == unitCode; });
        if (root == all.end()) {
            guard.RefuseHiddenUnit(Action::ReadData, unitCode);
            throw UserError(std::string(tr("the unit does not exist: ")) + unitCode);
        }
        guard.Require(Action::ReadData, root->id);
        scope = UnitAndUnitsUnder(all, root->id);
    } else if (!guard.ReadsAll()) {
        scope = UnitAndUnitsUnder(all, *guard.ScopeUnit());
    }
    std::set<std::int64_t> criteria;
    for (const auto& c : f.criteria) criteria.insert(c.id);
    std::map<std::int64_t, std::vector<SelfScore>> scores;
    for (const auto& r :
         storage::SelfAssessmentRepository(db.session()).ForPeriod(quarter.ToString()))
        if (criteria.count(r.score.criterionId)) scores[r.personId].push_back(r.score);
    // Everyone's citizen ratings of the window in one GROUP BY.
    const DateRange w = quarter.Window(OfficeWindow(db));
    std::map<std::int64_t, RatingTally> ratings;
    for (const auto& t : storage::RatingRepository(db.session())
                             .Aggregate({w.first.ToIso(), w.last.ToIso(), std::nullopt, false}))
        ratings[t.officerId] = t;
    std::vector<SelfAssessmentSummaryRow> out;
    storage::PersonRepository people(db.session());
    for (const auto& [personId, list] : scores) {
        const auto person = people.ById(personId);
        if (!person) continue;
        const auto unit = units.find(person->unitId);
        if (unit == units.end() || (!scope.empty() && !scope.count(person->unitId))) continue;
        SelfAssessmentSummaryRow row;
        row.unit = unit->second.code;
        row.unitName = unit->second.name;
        row.officer = person->code;
        row.name = person->fullName;
        row.total = TotalSelfAssessment(f, list);
        if (auto r = ratings.find(personId); r != ratings.end()) row.ratings = r->second;
        row.ratings.officerId = personId;
        out.push_back(std::move(row));
    }
    // Units as the tree lists them (by name without "Xã", "Phường"...).
    std::map<std::string, std::string> unitKey;
    for (const auto& [id, u] : units) unitKey[u.code] = SortKey(SortName(u)) + '\x01' + u.code;
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        if (a.unit != b.unit) return unitKey[a.unit] < unitKey[b.unit];
        if (a.name != b.name) return VietnameseNameLess(a.name, b.name);
        return a.officer < b.officer;
    });
    return out;
}

}  // namespace cchc::services
