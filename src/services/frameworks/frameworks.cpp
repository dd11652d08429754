#include "services/frameworks/frameworks.h"

#include "services/app/access_guard.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>

#include "core/framework_conflicts.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/app/checked_write.h"
#include "storage/framework_repository.h"
#include "storage/result_set_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {

std::string Num(const std::optional<double>& v) {
    if (!v) return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", *v);
    return buf;
}

std::string RuleText(const std::optional<RuleKind>& r) {
    return r ? std::string(RuleKindKey(*r)) : "";
}
std::string NoDataText(const std::optional<NoDataRule>& r) {
    return r ? std::string(NoDataRuleKey(*r)) : "";
}

bool Same(const std::optional<double>& a, const std::optional<double>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || std::fabs(*a - *b) < 1e-9;
}

// Whether the change alters how scores are computed or totalled.
bool ScoringDiffers(const Criterion& a, const Criterion& b) {
    return std::fabs(a.maxPoints - b.maxPoints) > 1e-9 || a.rule != b.rule ||
           !Same(a.target, b.target) || !Same(a.cap, b.cap) || !Same(a.perUnit, b.perUnit) ||
           a.noData != b.noData || a.appliesToCommunes != b.appliesToCommunes;
}

void RecordCriterionChanges(storage::AuditRepository& audit, const std::string& user,
                            const Criterion& old, const Criterion& now) {
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> fields = {
        {"code", {old.code, now.code}},
        {"title", {old.title, now.title}},
        {"max_points", {Num(old.maxPoints), Num(now.maxPoints)}},
        {"sort_order", {std::to_string(old.sortOrder), std::to_string(now.sortOrder)}},
        {"rule", {RuleText(old.rule), RuleText(now.rule)}},
        {"target", {Num(old.target), Num(now.target)}},
        {"cap", {Num(old.cap), Num(now.cap)}},
        {"per_unit", {Num(old.perUnit), Num(now.perUnit)}},
        {"no_data", {NoDataText(old.noData), NoDataText(now.noData)}},
        {"evidence_required", {old.evidenceRequired ? "1" : "0", now.evidenceRequired ? "1" : "0"}},
        {"applies_to_communes",
         {old.appliesToCommunes ? "1" : "0", now.appliesToCommunes ? "1" : "0"}},
        {"guidance", {old.guidance, now.guidance}},
    };
    for (const auto& [field, values] : fields)
        if (values.first != values.second)
            audit.Record(
                {"", user, "criteria", now.id, "update", field, values.first, values.second});
}

UserError FieldError(const std::string& field, const std::string& message) {
    return UserError(Location{"", 0, field}, message);
}

std::string UnknownFramework(const std::string& code) {
    return fmt::format(fmt::runtime(tr("the framework does not exist: {0}")), code);
}

std::string UnknownCriterion(const std::string& criterion, const std::string& framework) {
    return fmt::format(fmt::runtime(tr("the criterion {0} is not in framework {1}")), criterion,
                       framework);
}

Criterion* FindCode(Framework& fw, const std::string& code) {
    for (auto& c : fw.criteria)
        if (c.code == code) return &c;
    return nullptr;
}

Criterion* FindId(Framework& fw, std::int64_t id) {
    for (auto& c : fw.criteria)
        if (c.id == id) return &c;
    return nullptr;
}

const Criterion* FindId(const Framework& fw, std::int64_t id) {
    for (const auto& c : fw.criteria)
        if (c.id == id) return &c;
    return nullptr;
}

bool HasChildren(const Framework& fw, const std::string& code) {
    return std::any_of(fw.criteria.begin(), fw.criteria.end(),
                       [&](const Criterion& c) { return c.parentCode == code; });
}

// A group's maximum is the sum of its children's: sets it again for the
// ancestors of `code`, nearest first.
void RecomputeAncestors(Framework& fw, std::string code) {
    for (int depth = 0; depth < 64; ++depth) {
        Criterion* node = FindCode(fw, code);
        if (!node || node->parentCode.empty()) return;
        Criterion* parent = FindCode(fw, node->parentCode);
        if (!parent) return;
        double sum = 0;
        for (const auto& c : fw.criteria)
            if (c.parentCode == parent->code) sum += c.maxPoints;
        parent->maxPoints = sum;
        code = parent->code;
    }
}

// The first problem of the tree as a UserError naming the criterion; the
// field is that of the edited criterion the problem most likely concerns.
void ThrowTreeProblems(const Framework& fw, const Criterion& edited) {
    auto problems = CheckFramework(fw);
    if (problems.empty()) return;
    // The edited criterion's own problems first.
    auto it = std::find_if(problems.begin(), problems.end(),
                           [&](const FieldProblem& p) { return p.field == edited.code; });
    const FieldProblem& p = it != problems.end() ? *it : problems.front();
    std::string field = "max_points";
    if (p.field == edited.code) {
        if (edited.code.empty())
            field = "code";
        else if (edited.rule == RuleKind::Rate &&
                 (!edited.target || *edited.target <= 0 || *edited.target > 1))
            field = "target";
        else if (edited.rule == RuleKind::Count && (!edited.perUnit || *edited.perUnit <= 0))
            field = "per_unit";
        else if (!edited.rule && !HasChildren(fw, edited.code))
            field = "rule";
    }
    // TRANSLATORS: {0} is a criterion code ("1.2"), {1} what is wrong with it.
    throw FieldError(field,
                     fmt::format(fmt::runtime(tr("criterion {0}: {1}")), p.field, p.message));
}

}  // namespace

FrameworkCrosswalk LoadCrosswalk(storage::Database& db, std::int64_t frameworkId) {
    storage::FrameworkRepository repo(db.session());
    FrameworkCrosswalk out;
    if (auto fw = repo.Load(frameworkId)) out.sourceFrameworkId = fw->copiedFromId;
    for (const auto& row : repo.CrosswalkInto(frameworkId))
        out.oldCodeByNewCode[row.newCode] = row.oldCode;
    return out;
}

std::string ProposedCopyCode(const std::string& code, int oldYear, int newYear) {
    const std::string from = std::to_string(oldYear), to = std::to_string(newYear);
    auto pos = code.rfind(from);
    if (pos != std::string::npos) return code.substr(0, pos) + to + code.substr(pos + from.size());
    return code + "-" + to;
}

std::string ProposedCopyName(const std::string& name, int oldYear, int newYear) {
    const std::string from = std::to_string(oldYear), to = std::to_string(newYear);
    auto pos = name.rfind(from);
    if (pos != std::string::npos) return name.substr(0, pos) + to + name.substr(pos + from.size());
    // TRANSLATORS: the name proposed for a copy of a framework: {0} its name, {1} the new year.
    return fmt::format(fmt::runtime(tr("{0}, year {1}")), name, to);
}

FrameworkService::FrameworkService(storage::Database& db, std::string user)
    : db_(db), user_(std::move(user)) {}

std::vector<FrameworkSummary> FrameworkService::List() {
    std::vector<FrameworkSummary> out;
    for (auto& f : storage::FrameworkRepository(db_.session()).List())
        out.push_back({f.id, std::move(f.code), std::move(f.name), std::move(f.status), f.year,
                       f.kind, f.builtin, f.criteria, f.maxPoints});
    return out;
}

Framework FrameworkService::Load(const std::string& code) {
    storage::FrameworkRepository repo(db_.session());
    auto id = repo.IdByCode(code);
    std::optional<Framework> fw;
    if (id) fw = repo.Load(*id);
    if (!fw) throw UserError(UnknownFramework(code));
    return *fw;
}

bool FrameworkService::HasAppraisedResults(const std::string& code) {
    Framework fw = Load(code);
    return storage::ResultSetRepository(db_.session()).CountWithStatus(fw.id, "appraised") > 0;
}

namespace {
// The code, year and name of a new framework (a copy or an empty one).
void CheckNewFramework(storage::FrameworkRepository& repo, const std::string& code, int year,
                       const std::string& name) {
    if (code.empty()) throw FieldError("new_code", tr("the new framework needs a code"));
    if (code.find_first_of(" \t") != std::string::npos)
        throw FieldError("new_code", tr("a framework code must not contain spaces"));
    if (repo.IdByCode(code))
        throw FieldError(
            "new_code",
            fmt::format(fmt::runtime(tr("a framework with the code {0} already exists")), code));
    if (year < 1900 || year > 2999)
        throw FieldError("year", tr("the year must be between 1900 and 2999"));
    if (name.empty()) throw FieldError("name", tr("the new framework needs a name"));
}
}  // namespace

Framework FrameworkService::CopyToNewYear(const std::string& code, const std::string& newCodeIn,
                                          int newYear, const std::string& newNameIn) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    const std::string newCode = Trim(newCodeIn), newName = Trim(newNameIn);
    storage::Transaction tx(db_);
    storage::FrameworkRepository repo(db_.session());
    Framework source = Load(code);
    CheckNewFramework(repo, newCode, newYear, newName);
    if (newYear == source.year)
        throw FieldError("year",
                         fmt::format(fmt::runtime(tr("the copy needs a year other than {0}, the "
                                                     "year of the framework it is copied from")),
                                     source.year));

    Framework copy = source;
    copy.id = 0;
    copy.code = newCode;
    copy.name = newName;
    copy.year = newYear;
    copy.status = "active";
    copy.builtin = false;
    copy.copiedFromId = source.id;
    repo.Insert(
        copy);  // criteria keep their order, so copy.criteria[i] continues source.criteria[i]
    for (std::size_t i = 0; i < source.criteria.size(); ++i)
        repo.InsertCrosswalk(source.criteria[i].id, copy.criteria[i].id);
    storage::AuditRepository audit(db_.session());
    audit.Record({"", user_, "frameworks", copy.id, "insert", "code", std::nullopt, copy.code});
    audit.Record({"", user_, "frameworks", copy.id, "insert", "copied_from_id", std::nullopt,
                  std::to_string(source.id)});
    tx.Commit();
    return copy;
}

Framework FrameworkService::Create(const std::string& codeIn, const std::string& nameIn, int year,
                                   FrameworkKind kind) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    const std::string code = Trim(codeIn), name = Trim(nameIn);
    storage::Transaction tx(db_);
    storage::FrameworkRepository repo(db_.session());
    CheckNewFramework(repo, code, year, name);
    Framework fw;
    fw.code = code;
    fw.name = name;
    fw.year = year;
    fw.kind = kind;
    // The classification of the provinces' decisions (data, as the built-in
    // catalogues write it; the office edits the thresholds).
    fw.bands = {{"Tốt", 90}, {"Khá", 80}, {"Trung bình", 65}, {"Yếu", 0}};
    repo.Insert(fw);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "frameworks", fw.id, "insert", "code", std::nullopt, fw.code});
    tx.Commit();
    return fw;
}

namespace {
void SetFrameworkStatus(storage::Database& db, const std::string& user, Framework fw,
                        const std::string& status) {
    if (fw.status == status) return;
    storage::Transaction tx(db);
    storage::FrameworkRepository(db.session()).SetStatus(fw.id, status);
    storage::FrameworkRepository(db.session()).BumpVersion(fw.id, fw.version);
    storage::AuditRepository(db.session())
        .Record({"", user, "frameworks", fw.id, "update", "status", fw.status, status});
    tx.Commit();
}

void RefuseBuiltin(const Framework& fw) {
    if (fw.builtin)
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} is a built-in framework and cannot be changed: copy it "
                            "to a new year first and edit the copy")),
            fw.code));
}

// Raises the framework's version, first thing of an edit: refused with
// refusal(stored framework) when someone else changed the framework since
// the editor loaded expectedVersion (without it, the edit applies to the
// latest), or changes it before this edit is stored.
template <class Refusal>
void BumpIfUnchanged(storage::Database& db, const Framework& fw, std::optional<int> expectedVersion,
                     const Refusal& refusal) {
    storage::FrameworkRepository repo(db.session());
    WriteIfUnchanged(
        expectedVersion.value_or(fw.version), fw, refusal,
        [&] { repo.BumpVersion(fw.id, fw.version); }, [&] { return repo.Load(fw.id); });
}

UserError AppraisedError(const Framework& fw) {
    return UserError(fmt::format(
        fmt::runtime(tr(
            "results on {0} have already been appraised, so its criteria, points and scoring "
            "rules can no longer change: copy the framework to a new version and edit the copy")),
        fw.code));
}
}  // namespace

void FrameworkService::Retire(const std::string& code) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    SetFrameworkStatus(db_, user_, Load(code), "retired");
}

void FrameworkService::Reactivate(const std::string& code) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    SetFrameworkStatus(db_, user_, Load(code), "active");
}

namespace {

// The criterion as entered, trimmed and checked, without the parameters its
// rule does not use.
Criterion CleanCriterion(const Criterion& input) {
    Criterion c = input;
    c.code = Trim(c.code);
    c.title = Trim(c.title);
    if (c.code.empty()) throw FieldError("code", tr("the criterion needs a code"));
    if (c.title.empty()) throw FieldError("title", tr("the criterion needs a title"));
    if (c.maxPoints < 0) throw FieldError("max_points", tr("maximum points must not be negative"));
    if (c.cap && *c.cap < 0) throw FieldError("cap", tr("the cap must not be negative"));
    if (c.perUnit && *c.perUnit < 0)
        throw FieldError("per_unit", tr("points per unit must not be negative"));
    // Parameters that do not apply to the rule are not kept.
    if (c.rule != RuleKind::Rate) c.target.reset();
    if (c.rule != RuleKind::Count && c.rule != RuleKind::Deduction) c.perUnit.reset();
    if (c.rule != RuleKind::Rate) c.noData.reset();
    if (!c.rule) c.cap.reset();
    return c;
}

// Adds the new criterion `c` to `fw` after its last sibling; a parent that
// had no sub-criteria becomes a group.
void AddCriterion(Framework& fw, Criterion& c) {
    if (!c.parentCode.empty()) {
        Criterion* parent = FindCode(fw, c.parentCode);
        if (!parent) throw FieldError("code", UnknownCriterion(c.parentCode, fw.code));
        c.parentId = parent->id;
        // A criterion that gets sub-criteria becomes a group: its points
        // come from them, not from a rule.
        if (!HasChildren(fw, parent->code)) {
            parent->rule.reset();
            parent->target.reset();
            parent->cap.reset();
            parent->perUnit.reset();
            parent->noData.reset();
        }
    } else {
        c.parentId.reset();
    }
    int last = -1;
    for (const auto& s : fw.criteria)
        if (s.parentCode == c.parentCode) last = std::max(last, s.sortOrder);
    c.sortOrder = last + 1;
    fw.criteria.push_back(c);
}

// Puts `c` in place of the stored criterion with its id, keeping its place
// in the tree (a group keeps no rule) and renaming its children's parent
// code. Returns whether its scoring changed, which `appraised` results
// refuse; `inputCode` names it when it is not found.
bool ReplaceCriterion(Framework& fw, Criterion& c, const std::string& inputCode, bool appraised) {
    Criterion* stored = FindId(fw, c.id);
    if (!stored) throw UserError(UnknownCriterion(inputCode, fw.code));
    c.parentId = stored->parentId;
    c.parentCode = stored->parentCode;
    c.sortOrder = stored->sortOrder;
    if (HasChildren(fw, stored->code)) {
        // A group is scored from its children.
        c.rule.reset();
        c.target.reset();
        c.perUnit.reset();
        c.noData.reset();
    }
    const bool scoringChanged = ScoringDiffers(*stored, c);
    if (scoringChanged && appraised) throw AppraisedError(fw);
    const std::string oldCode = stored->code;
    *stored = c;
    for (auto& child : fw.criteria)
        if (child.parentCode == oldCode) child.parentCode = c.code;
    return scoringChanged;
}

}  // namespace

Criterion FrameworkService::SaveCriterion(const std::string& frameworkCode, const Criterion& input,
                                          std::optional<int> expectedVersion) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    Criterion c = CleanCriterion(input);

    storage::Transaction tx(db_);
    storage::FrameworkRepository repo(db_.session());
    storage::AuditRepository audit(db_.session());
    Framework fw = LoadEditable(frameworkCode);
    BumpIfUnchanged(db_, fw, expectedVersion, [&](const Framework& now) {
        const Criterion* stored = c.id != 0 ? FindId(now, c.id) : nullptr;
        return EditConflict(fmt::format(fmt::runtime(tr("criterion {0} of {1}")),
                                        stored ? stored->code : c.code, now.code),
                            stored ? CriterionConflicts(c, *stored) : std::vector<FieldConflict>(),
                            now.version);
    });
    const Framework before = fw;
    const bool appraised =
        storage::ResultSetRepository(db_.session()).CountWithStatus(fw.id, "appraised") > 0;
    if (auto* same = FindCode(fw, c.code); same && same->id != c.id)
        throw FieldError(
            "code", fmt::format(fmt::runtime(tr("another criterion of the framework already has "
                                                "the code {0}")),
                                c.code));
    bool scoringChanged = false;
    if (c.id == 0) {
        if (appraised) throw AppraisedError(fw);
        AddCriterion(fw, c);
        scoringChanged = true;
    } else {
        scoringChanged = ReplaceCriterion(fw, c, input.code, appraised);
    }
    RecomputeAncestors(fw, c.code);
    ThrowTreeProblems(fw, c);

    // Store what differs from before.
    if (c.id == 0) {
        Criterion& added = fw.criteria.back();
        repo.InsertCriterion(fw.id, added);
        c.id = added.id;
        audit.Record({"", user_, "criteria", c.id, "insert", "code", std::nullopt, c.code});
    }
    for (const auto& old : before.criteria) {
        Criterion* now = FindId(fw, old.id);
        if (!now) continue;
        RecordCriterionChanges(audit, user_, old, *now);
        if (ScoringDiffers(old, *now) || old.code != now->code || old.title != now->title ||
            old.guidance != now->guidance || old.evidenceRequired != now->evidenceRequired ||
            old.sortOrder != now->sortOrder)
            repo.UpdateCriterion(*now);
    }
    if (scoringChanged) storage::ResultSetRepository(db_.session()).MarkFrameworkStale(fw.id);
    tx.Commit();
    return *FindId(fw, c.id);
}

Framework FrameworkService::LoadEditable(const std::string& code) {
    Framework fw = Load(code);
    RefuseBuiltin(fw);
    return fw;
}

void FrameworkService::MoveCriterion(const std::string& frameworkCode,
                                     const std::string& criterionCode, int delta,
                                     std::optional<int> expectedVersion) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    storage::Transaction tx(db_);
    storage::FrameworkRepository repo(db_.session());
    storage::AuditRepository audit(db_.session());
    Framework fw = LoadEditable(frameworkCode);
    BumpIfUnchanged(db_, fw, expectedVersion, [&](const Framework& now) {
        // TRANSLATORS: {0} a framework's code, {1} a criterion's.
        return ChangedSinceRead(fmt::format(
            fmt::runtime(tr("the framework {0} was changed on another desk after you opened it, "
                            "so criterion {1} was not moved: look at the framework as it is now "
                            "and move the criterion again if it should still move")),
            now.code, criterionCode));
    });
    Criterion* moved = FindCode(fw, criterionCode);
    if (!moved) throw UserError(UnknownCriterion(criterionCode, fw.code));
    std::vector<Criterion*> siblings;
    for (auto& c : fw.criteria)
        if (c.parentCode == moved->parentCode) siblings.push_back(&c);
    std::stable_sort(siblings.begin(), siblings.end(), [](const Criterion* a, const Criterion* b) {
        return a->sortOrder < b->sortOrder;
    });
    const auto at = std::find(siblings.begin(), siblings.end(), moved) - siblings.begin();
    const auto to = at + (delta < 0 ? -1 : 1);
    if (delta == 0 || to < 0 || to >= static_cast<long>(siblings.size())) return;
    std::swap(siblings[static_cast<std::size_t>(at)], siblings[static_cast<std::size_t>(to)]);
    for (std::size_t i = 0; i < siblings.size(); ++i) {
        Criterion* c = siblings[i];
        if (c->sortOrder == static_cast<int>(i)) continue;
        const Criterion old = *c;
        c->sortOrder = static_cast<int>(i);
        RecordCriterionChanges(audit, user_, old, *c);
        repo.UpdateCriterion(*c);
    }
    tx.Commit();
}

void FrameworkService::DeleteCriterion(const std::string& frameworkCode,
                                       const std::string& criterionCode,
                                       std::optional<int> expectedVersion) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    storage::Transaction tx(db_);
    storage::FrameworkRepository repo(db_.session());
    storage::AuditRepository audit(db_.session());
    Framework fw = LoadEditable(frameworkCode);
    BumpIfUnchanged(db_, fw, expectedVersion, [&](const Framework& now) {
        // TRANSLATORS: {0} a framework's code, {1} a criterion's.
        return ChangedSinceRead(fmt::format(
            fmt::runtime(tr("the framework {0} was changed on another desk after you opened it, "
                            "so criterion {1} was not deleted: look at the framework as it is now "
                            "and delete the criterion again if it should still go")),
            now.code, criterionCode));
    });
    Criterion* target = FindCode(fw, criterionCode);
    if (!target) throw UserError(UnknownCriterion(criterionCode, fw.code));
    if (storage::ResultSetRepository(db_.session()).CountWithStatus(fw.id, "appraised") > 0)
        throw AppraisedError(fw);
    // The criterion and its descendants.
    std::set<std::string> doomed{criterionCode};
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& c : fw.criteria)
            if (doomed.count(c.parentCode) && doomed.insert(c.code).second) grew = true;
    }
    for (const auto& c : fw.criteria) {
        if (!doomed.count(c.code)) continue;
        if (repo.CriterionHasResults(c.id))
            throw UserError(
                fmt::format(fmt::runtime(tr("criterion {0} cannot be deleted: results have been "
                                            "recorded on it")),
                            c.code));
        if (repo.CriterionHasPlanRows(c.id))
            throw UserError(
                fmt::format(fmt::runtime(tr("criterion {0} cannot be deleted: plans or indicator "
                                            "assignments refer to it")),
                            c.code));
    }
    const Framework before = fw;
    const std::int64_t deletedId = target->id;
    const std::string parentCode = target->parentCode;
    fw.criteria.erase(std::remove_if(fw.criteria.begin(), fw.criteria.end(),
                                     [&](const Criterion& c) { return doomed.count(c.code) > 0; }),
                      fw.criteria.end());
    if (Criterion* parent = parentCode.empty() ? nullptr : FindCode(fw, parentCode)) {
        if (HasChildren(fw, parentCode)) {
            double sum = 0;
            for (const auto& c : fw.criteria)
                if (c.parentCode == parentCode) sum += c.maxPoints;
            parent->maxPoints = sum;
            RecomputeAncestors(fw, parentCode);
        } else {
            // Its last sub-criterion gone, the group keeps its points and
            // is scored by judgement until given another rule.
            parent->rule = RuleKind::Manual;
        }
        ThrowTreeProblems(fw, *parent);
    } else {
        auto problems = CheckFramework(fw);
        if (!problems.empty())
            throw UserError(fmt::format(fmt::runtime(tr("criterion {0}: {1}")),
                                        problems.front().field, problems.front().message));
    }

    for (const auto& old : before.criteria)
        if (doomed.count(old.code))
            audit.Record({"", user_, "criteria", old.id, "delete", "code", old.code, std::nullopt});
    repo.DeleteCriterion(deletedId);
    for (const auto& old : before.criteria) {
        Criterion* now = FindId(fw, old.id);
        if (!now || !ScoringDiffers(old, *now)) continue;
        RecordCriterionChanges(audit, user_, old, *now);
        repo.UpdateCriterion(*now);
    }
    storage::ResultSetRepository(db_.session()).MarkFrameworkStale(fw.id);
    tx.Commit();
}

int FrameworkService::SaveBands(const std::string& frameworkCode, const std::vector<Band>& bands,
                                std::optional<int> expectedVersion) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (Trim(bands[i].label).empty()) throw FieldError("bands", tr("every band needs a name"));
        if (bands[i].minPercent < 0 || bands[i].minPercent > 100)
            throw FieldError("bands", tr("a band's threshold must be between 0 and 100 percent"));
        if (i > 0 && bands[i].minPercent >= bands[i - 1].minPercent)
            throw FieldError("bands",
                             tr("list the bands best first, each threshold below the one before"));
        for (std::size_t j = 0; j < i; ++j)
            if (Trim(bands[j].label) == Trim(bands[i].label))
                throw FieldError("bands",
                                 fmt::format(fmt::runtime(tr("the band {0} appears twice")),
                                             Trim(bands[i].label)));
    }
    storage::Transaction tx(db_);
    Framework fw = LoadEditable(frameworkCode);
    const std::string old = FormatBands(fw.bands), now = FormatBands(bands);
    auto refusal = [&](const Framework& stored) {
        Framework mine = stored;
        mine.bands = bands;
        return EditConflict(fmt::format(fmt::runtime(tr("the framework {0}")), stored.code),
                            FrameworkHeaderConflicts(mine, stored), stored.version);
    };
    if (expectedVersion && *expectedVersion != fw.version) throw refusal(fw);
    if (old == now) return fw.version;
    BumpIfUnchanged(db_, fw, expectedVersion, refusal);
    storage::FrameworkRepository(db_.session()).ReplaceBands(fw.id, bands);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "frameworks", fw.id, "update", "bands", old, now});
    tx.Commit();
    return fw.version + 1;
}

int FrameworkService::SaveHeader(const std::string& frameworkCode, const std::string& nameIn,
                                 const std::string& descriptionIn,
                                 std::optional<int> expectedVersion) {
    AccessGuard(db_, user_).Require(Action::EditFrameworks);
    const std::string name = Trim(nameIn), description = Trim(descriptionIn);
    if (name.empty()) throw FieldError("name", tr("the framework needs a name"));
    storage::Transaction tx(db_);
    Framework fw = LoadEditable(frameworkCode);
    auto refusal = [&](const Framework& stored) {
        Framework mine = stored;
        mine.name = name;
        mine.description = description;
        return EditConflict(fmt::format(fmt::runtime(tr("the framework {0}")), stored.code),
                            FrameworkHeaderConflicts(mine, stored), stored.version);
    };
    if (expectedVersion && *expectedVersion != fw.version) throw refusal(fw);
    if (fw.name == name && fw.description == description) return fw.version;
    BumpIfUnchanged(db_, fw, expectedVersion, refusal);
    storage::FrameworkRepository(db_.session()).UpdateHeader(fw.id, name, description);
    storage::AuditRepository audit(db_.session());
    if (fw.name != name)
        audit.Record({"", user_, "frameworks", fw.id, "update", "name", fw.name, name});
    if (fw.description != description)
        audit.Record(
            {"", user_, "frameworks", fw.id, "update", "description", fw.description, description});
    tx.Commit();
    return fw.version + 1;
}

}  // namespace cchc::services
