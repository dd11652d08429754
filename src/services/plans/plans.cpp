// Draft plans and progress updates: see plans.h.
#include "services/plans/plans.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/org.h"
#include "core/period.h"
#include "core/plan_conflicts.h"
#include "core/scoring.h"
#include "core/task_rules.h"
#include "core/text.h"
#include "services/org/directory.h"
#include "services/plans/plan_audit.h"
#include "services/results/result_totals.h"
#include "storage/evidence_repository.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

namespace {
// The refusal of a task saved since it was read: the fields on which mine
// and the stored task differ, named as the plan editor shows them; the task
// is called by its text as the user has it.
std::vector<FieldConflict> TaskFields(const OfficeDirectory& dir, const TaskRecord& mine,
                                      const TaskRecord& stored) {
    TaskNames names;
    names.leadUnit = [&dir](const TaskRecord& t) {
        return t.leadUnitId ? dir.UnitName(*t.leadUnitId) : t.leadUnitText;
    };
    names.leadPerson = [&dir](const TaskRecord& t) {
        return t.leadPersonId ? dir.PersonName(*t.leadPersonId) : t.leadPersonText;
    };
    names.coordinators = [&dir](const TaskRecord& t) {
        return dir.CoordinatorsText(t.coordinators, false);
    };
    return TaskConflicts(mine, stored, names);
}

std::string TaskRecordName(const TaskRecord& task) {
    return fmt::format(fmt::runtime(tr("the task \"{0}\"")), Excerpt(task.solution, 60));
}

EditConflict TaskConflict(const OfficeDirectory& dir, const TaskRecord& mine,
                          const TaskRecord& stored) {
    return EditConflict(TaskRecordName(mine), TaskFields(dir, mine, stored), stored.version);
}

ProgressUpdate FromStorage(const storage::ProgressUpdateRecord& r) {
    ProgressUpdate u;
    u.id = r.id;
    u.period = r.period;
    u.reportedOn = r.reportedOn.value_or("");
    u.reportedBy = r.createdBy;
    u.status = r.status;
    u.percent = r.percentDone;
    u.note = r.note;
    return u;
}
}  // namespace

namespace {
// The unit whose plan holds the task, item or plan, for the access check.
std::int64_t UnitOfTask(storage::Database& db, std::int64_t taskId) {
    storage::PlanRepository plans(db.session());
    return plans.UnitOfPlan(plans.PlanOfTask(taskId));
}
std::int64_t UnitOfItem(storage::Database& db, std::int64_t itemId) {
    storage::PlanRepository plans(db.session());
    return plans.UnitOfPlan(plans.PlanOfItem(itemId));
}
}  // namespace

namespace {

// What a draft answers: the unit, its framework, the period and the items of
// the criteria below the threshold, in the framework's order.
struct DraftBasis {
    Unit unit;
    std::int64_t frameworkId = 0;
    Period period;
    std::vector<PlanItemRecord> items;
};

DraftBasis ReadDraftBasis(storage::Database& db, AccessGuard& guard, const std::string& unitCode,
                          const std::string& frameworkCode, const std::string& period,
                          double belowPercent) {
    auto unit = storage::UnitRepository(db.session()).ByCode(unitCode);
    if (!unit) {
        guard.RefuseHiddenUnit(Action::EditPlans, unitCode);
        throw UserError(Location{"", 0, "unit"},
                        std::string(tr("the unit does not exist: ")) + unitCode);
    }
    guard.Require(Action::EditPlans, unit->id);
    storage::FrameworkRepository frameworks(db.session());
    auto fid = frameworks.IdByCode(frameworkCode);
    std::optional<Framework> full;
    if (fid) full = frameworks.Load(*fid);
    if (!full)
        throw UserError(
            Location{"", 0, "framework"},
            fmt::format(fmt::runtime(tr("the framework does not exist: {0}")), frameworkCode));
    const Period p = PeriodOrError(period);
    if (belowPercent <= 0 || belowPercent > 100)
        throw UserError(Location{"", 0, "below"},
                        tr("the threshold must be a percentage above 0 and up to 100"));
    const Framework fw = IsCommuneLevel(unit->kind) ? CommuneView(*full) : *full;

    std::map<std::int64_t, const Criterion*> byId;
    for (const auto& c : fw.criteria) byId[c.id] = &c;
    std::map<std::string, CriterionInput> inputs;
    for (const auto& r : storage::ResultRepository(db.session())
                             .ForUnitFrameworkPeriod(unit->id, *fid, p.ToString())) {
        auto c = byId.find(r.criterionId);
        if (c == byId.end()) continue;
        CriterionInput in;
        in.points = r.appraisedScore;
        in.numerator = r.numerator;
        in.denominator = r.denominator;
        inputs[c->second->code] = in;
    }
    if (inputs.empty())
        throw UserError(fmt::format(fmt::runtime(tr("{0} has no results on {1} for {2}")), unitCode,
                                    frameworkCode, p.ToString()));
    return {*unit, *fid, p, DraftPlanItems(fw, RollUp(fw, inputs), belowPercent)};
}

// Whether the plan already has an item of the criterion.
bool HasCriterion(const PlanRecord& plan, const PlanItemRecord& item) {
    return std::any_of(plan.items.begin(), plan.items.end(), [&](const PlanItemRecord& i) {
        return i.criterionId && item.criterionId && *i.criterionId == *item.criterionId;
    });
}

}  // namespace

DraftPlanResult PreviewDraftPlan(storage::Database& db, const std::string& unitCode,
                                 const std::string& frameworkCode, const std::string& period,
                                 double belowPercent, const std::string& user) {
    AccessGuard guard(db, user);
    const DraftBasis basis =
        ReadDraftBasis(db, guard, unitCode, frameworkCode, period, belowPercent);
    DraftPlanResult out;
    out.year = basis.period.year() + 1;
    out.created = true;
    storage::PlanRepository plans(db.session());
    std::optional<PlanRecord> plan;
    if (auto existing = plans.FindPlan(basis.unit.id, basis.frameworkId, out.year, "remediation")) {
        plan = plans.Load(*existing);
        out.planId = *existing;
        out.created = false;
    }
    for (const auto& item : basis.items)
        if (!plan || !HasCriterion(*plan, item)) out.items.push_back(item);
    return out;
}

DraftPlanResult DraftPlan(storage::Database& db, const std::string& unitCode,
                          const std::string& frameworkCode, const std::string& period,
                          double belowPercent, const std::string& user) {
    AccessGuard guard(db, user);
    DraftBasis basis = ReadDraftBasis(db, guard, unitCode, frameworkCode, period, belowPercent);
    const Unit* unit = &basis.unit;
    const std::optional<std::int64_t> fid = basis.frameworkId;
    const Period& p = basis.period;
    auto& items = basis.items;

    DraftPlanResult out;
    out.year = p.year() + 1;
    storage::Transaction tx(db);
    storage::PlanRepository plans(db.session());
    storage::AuditRepository audit(db.session());
    PlanRecord plan;
    if (auto existing = plans.FindPlan(unit->id, fid, out.year, "remediation")) {
        plan = *plans.Load(*existing);
    } else {
        plan.unitId = unit->id;
        plan.frameworkId = fid;
        plan.year = out.year;
        plan.status = "draft";
        plan.title = "KẾ HOẠCH";
        plan.placeName = unit->placeName;
        plan.summary = fmt::format(
            fmt::runtime(tr("Remediation of the shortcomings found in the {0} index ({1}) "
                            "to raise the index of {2}")),
            p.Label(), frameworkCode, out.year);
        plans.Insert(plan);
        out.created = true;
        audit.Record({"", user, "plans", plan.id, "insert", "", std::nullopt, plan.summary});
    }
    out.planId = plan.id;
    for (auto& item : items) {
        if (HasCriterion(plan, item)) continue;
        plans.InsertItem(plan.id, item);
        audit.Record({"", user, "plan_items", item.id, "insert", "", std::nullopt, item.heading});
        out.items.push_back(item);
    }
    tx.Commit();
    return out;
}

std::int64_t AddProgressUpdate(storage::Database& db, const ProgressInput& in,
                               const std::string& user) {
    AccessGuard(db, user).Require(Action::RecordProgress, UnitOfTask(db, in.taskId));
    auto period = Period::Parse(in.period);
    if (!period || period->kind() != PeriodKind::Quarter)
        throw UserError(
            Location{"", 0, "period"},
            fmt::format(fmt::runtime(tr("not a quarter (write 2026-Q3): {0}")), in.period));
    if (in.percent < 0 || in.percent > 100)
        throw UserError(Location{"", 0, "percent"},
                        tr("the percentage done must be from 0 to 100"));
    const bool closing = in.status == TaskStatus::Done;
    if (closing && in.outcome.find_first_not_of(" \t\r\n") == std::string::npos)
        throw UserError(Location{"", 0, "outcome"},
                        tr("say what changed: a task is closed with the result it achieved"));

    storage::Transaction tx(db);
    storage::PlanRepository plans(db.session());
    const auto loaded = plans.LoadTask(in.taskId);
    if (!loaded) throw UserError(tr("the task no longer exists"));
    const TaskRecord& before = *loaded;
    const std::string quarter = period->ToString();
    const Date today = Date::Today();
    auto moved = [&](const TaskRecord& t) {
        return ApplyProgress(t, in.status, in.percent, in.outcome, today);
    };
    // Saved on another desk since this one read it: the task as this update
    // would leave it beside the stored one and, when the quarter has an
    // update this desk did not see, this note beside that update's.
    auto conflict = [&](const TaskRecord& stored,
                        const std::optional<storage::ProgressUpdateRecord>& reported) {
        std::vector<FieldConflict> fields = TaskFields(OfficeDirectory(db), moved(stored), stored);
        if (!reported || reported->id == in.updateId)
            return EditConflict(TaskRecordName(stored), std::move(fields), stored.version);
        for (auto& f : ProgressNoteConflicts(in.note, reported->note)) fields.push_back(f);
        return EditConflict(fmt::format(fmt::runtime(tr("the progress of the task \"{0}\" in {1}")),
                                        Excerpt(stored.solution, 60), period->Label()),
                            std::move(fields), stored.version);
    };
    if (in.taskVersion != 0 && before.version != in.taskVersion)
        throw conflict(before, plans.UpdateFor(in.taskId, quarter));
    if (RecordsNothing(before, in.status, in.percent, in.note, in.outcome, in.evidence.has_value()))
        throw UserError(Location{"", 0, "note"},
                        tr("nothing to record: the status and percentage are the task's own; "
                           "change one, or write what was done this quarter"));
    const TaskRecord after = moved(before);
    if (!plans.UpdateTask(after, user)) {
        auto stored = plans.LoadTask(in.taskId);
        if (!stored) throw UserError(tr("the task no longer exists"));
        throw conflict(*stored, plans.UpdateFor(in.taskId, quarter));
    }
    // Looked up once this transaction holds the task (every update of it
    // writes the task first): another desk's update of the quarter is seen.
    // A task has one update per quarter: this one replaces the update the
    // user saw, and is refused over one the user did not see.
    const auto reported = plans.UpdateFor(in.taskId, quarter);
    if (reported && reported->id != in.updateId) throw conflict(before, reported);

    storage::ProgressUpdateRecord u;
    u.taskId = in.taskId;
    u.period = quarter;
    u.reportedOn = today.ToIso();
    u.status = in.status;
    u.percentDone = after.percentDone;
    u.note = in.note;
    u.createdBy = user;
    storage::AuditRepository audit(db.session());
    std::int64_t id = 0;
    if (reported) {
        id = u.id = reported->id;
        plans.RewriteUpdate(u);
        const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> fields = {
            {"reported_on", {reported->reportedOn.value_or(""), *u.reportedOn}},
            {"status", {TaskStatusKey(reported->status), TaskStatusKey(u.status)}},
            {"percent_done",
             {std::to_string(reported->percentDone), std::to_string(u.percentDone)}},
            {"note", {reported->note, u.note}},
        };
        for (const auto& [field, values] : fields)
            if (values.first != values.second)
                audit.Record({"", user, "progress_updates", id, "update", field, values.first,
                              values.second});
    } else {
        id = plans.InsertUpdate(u);
        audit.Record({"", user, "progress_updates", id, "insert", "", std::nullopt, u.period});
    }
    if (before.status != after.status)
        audit.Record({"", user, "tasks", after.id, "update", "status", TaskStatusKey(before.status),
                      TaskStatusKey(after.status)});
    if (before.percentDone != after.percentDone)
        audit.Record({"", user, "tasks", after.id, "update", "percent_done",
                      std::to_string(before.percentDone), std::to_string(after.percentDone)});
    if (before.outcome != after.outcome)
        audit.Record(
            {"", user, "tasks", after.id, "update", "outcome", before.outcome, after.outcome});
    if (before.closedOn != after.closedOn)
        audit.Record({"", user, "tasks", after.id, "update", "closed_on",
                      before.closedOn.value_or(""), after.closedOn.value_or("")});

    if (in.evidence) {
        // The document goes to the register of the plan's unit.
        auto header = plans.LoadHeader(plans.PlanOfTask(in.taskId));
        const std::int64_t evidenceId =
            RegisterEvidence(db, header ? header->unitId : 0, *in.evidence, user);
        storage::EvidenceRepository(db.session()).LinkUpdate(id, evidenceId);
    }
    tx.Commit();
    return id;
}

std::optional<ProgressUpdate> QuarterUpdate(storage::Database& db, std::int64_t taskId,
                                            const std::string& period) {
    auto r = storage::PlanRepository(db.session()).UpdateFor(taskId, period);
    if (!r) return std::nullopt;
    return FromStorage(*r);
}

ProgressInput MergeProgress(ProgressInput in, const TaskRecord& stored,
                            const std::optional<ProgressUpdate>& reported, const KeptFields& kept) {
    const TaskRecord mine = ApplyProgress(stored, in.status, in.percent, in.outcome, Date::Today());
    const TaskRecord merged = MergeTask(mine, stored, kept);
    in.status = merged.status;
    in.percent = merged.percentDone;
    if (!kept.count("outcome")) in.outcome = merged.outcome;
    in.taskVersion = stored.version;
    if (reported) {
        // The quarter's update is edited, with its note unless the user's
        // is kept.
        if (!kept.count("note")) in.note = reported->note;
        in.updateId = reported->id;
    }
    return in;
}

PlanService::PlanService(storage::Database& db, std::string user)
    : db_(db), user_(std::move(user)) {}

PlanRecord PlanService::Load(std::int64_t planId) {
    auto plan = storage::PlanRepository(db_.session()).Load(planId);
    if (!plan) throw UserError(tr("the plan no longer exists"));
    AccessGuard(db_, user_).Require(Action::ReadData, plan->unitId);
    return *plan;
}

std::int64_t PlanService::PlanOfTask(std::int64_t taskId) {
    return storage::PlanRepository(db_.session()).PlanOfTask(taskId);
}

namespace {
std::string Opt(const std::optional<std::string>& v) { return v.value_or(""); }
std::string OptInt(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }
std::string IdText(const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string();
}
}  // namespace

void RecordTaskChanges(storage::AuditRepository& audit, const std::string& user,
                       const OfficeDirectory& dir, const TaskRecord& old, const TaskRecord& now) {
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> fields = {
        {"solution", {old.solution, now.solution}},
        {"lead_unit_id", {IdText(old.leadUnitId), IdText(now.leadUnitId)}},
        {"lead_unit_text", {old.leadUnitText, now.leadUnitText}},
        {"lead_person_id", {IdText(old.leadPersonId), IdText(now.leadPersonId)}},
        {"lead_person_text", {old.leadPersonText, now.leadPersonText}},
        {"coordinators",
         {dir.CoordinatorsText(old.coordinators, true),
          dir.CoordinatorsText(now.coordinators, true)}},
        {"start_on", {Opt(old.startOn), Opt(now.startOn)}},
        {"due_on", {Opt(old.dueOn), Opt(now.dueOn)}},
        {"due_year", {OptInt(old.dueYear), OptInt(now.dueYear)}},
        {"recurring", {old.recurring ? "1" : "0", now.recurring ? "1" : "0"}},
        {"time_text", {old.timeText, now.timeText}},
        {"status", {TaskStatusKey(old.status), TaskStatusKey(now.status)}},
        {"percent_done", {std::to_string(old.percentDone), std::to_string(now.percentDone)}},
        {"outcome", {old.outcome, now.outcome}},
        {"closed_on", {Opt(old.closedOn), Opt(now.closedOn)}},
    };
    std::vector<storage::AuditEntry> entries;
    for (const auto& [field, values] : fields)
        if (values.first != values.second)
            entries.push_back(
                {"", user, "tasks", now.id, "update", field, values.first, values.second});
    audit.RecordMany(entries);
}

TaskRecord PlanService::SaveTask(std::int64_t itemId, TaskRecord t) {
    AccessGuard(db_, user_)
        .Require(Action::EditPlans, t.id != 0 ? UnitOfTask(db_, t.id) : UnitOfItem(db_, itemId));
    auto trim = [](std::string& s) {
        auto b = s.find_first_not_of(" \t\r\n");
        s = b == std::string::npos ? std::string()
                                   : s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
    };
    trim(t.solution);
    trim(t.leadUnitText);
    trim(t.leadPersonText);
    trim(t.outcome);
    if (t.solution.empty())
        throw UserError(Location{"", 0, "solution"}, tr("the task needs its text"));
    if (t.startOn && t.dueOn && *t.dueOn < *t.startOn)
        throw UserError(Location{"", 0, "due"}, tr("the task is due before it starts"));
    if (t.percentDone < 0 || t.percentDone > 100)
        throw UserError(Location{"", 0, "percent"},
                        tr("the percentage done must be from 0 to 100"));
    if (t.status == TaskStatus::Done) t.percentDone = 100;
    // Leads typed as text that name a unit or person of the office are linked.
    const OfficeDirectory dir(db_);
    if (!t.leadUnitId && !t.leadUnitText.empty())
        if (auto id = dir.Unit(t.leadUnitText)) t.leadUnitId = *id, t.leadUnitText.clear();
    if (!t.leadPersonId && !t.leadPersonText.empty())
        if (auto id = dir.Person(t.leadPersonText)) t.leadPersonId = *id, t.leadPersonText.clear();
    for (auto& c : t.coordinators)
        if (!c.unitId && !c.personId && !c.text.empty()) {
            auto linked = dir.Coordinators(c.text);
            if (linked.size() == 1) c = linked.front();
        }

    storage::Transaction tx(db_);
    storage::PlanRepository plans(db_.session());
    storage::AuditRepository audit(db_.session());
    if (t.id == 0) {
        if (t.status == TaskStatus::Done && !t.closedOn) t.closedOn = Date::Today().ToIso();
        plans.InsertTask(itemId, t, user_);
        audit.Record({"", user_, "tasks", t.id, "insert", "solution", std::nullopt, t.solution});
    } else {
        auto before = plans.LoadTask(t.id);
        if (!before) throw UserError(tr("the task no longer exists"));
        const bool closing = IsClosed(t.status);
        if (closing && !before->closedOn) t.closedOn = Date::Today().ToIso();
        if (!closing) t.closedOn.reset();
        if (!plans.UpdateTask(t, user_)) {
            auto stored = plans.LoadTask(t.id);
            if (!stored) throw UserError(tr("the task no longer exists"));
            throw TaskConflict(dir, t, *stored);
        }
        RecordTaskChanges(audit, user_, dir, *before, t);
    }
    tx.Commit();
    return *plans.LoadTask(t.id);
}

TaskRecord PlanService::LoadTask(std::int64_t taskId) {
    auto task = storage::PlanRepository(db_.session()).LoadTask(taskId);
    if (!task) throw UserError(tr("the task no longer exists"));
    AccessGuard(db_, user_).Require(Action::ReadData, UnitOfTask(db_, taskId));
    return *task;
}

void PlanService::DeleteTask(std::int64_t taskId) {
    AccessGuard(db_, user_).Require(Action::EditPlans, UnitOfTask(db_, taskId));
    storage::Transaction tx(db_);
    storage::PlanRepository plans(db_.session());
    auto task = plans.LoadTask(taskId);
    if (!task) return;
    if (!plans.UpdatesOf(taskId).empty())
        throw UserError(tr(
            "progress has been reported on this task: mark it cancelled instead of deleting it"));
    plans.DeleteTask(taskId);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "tasks", taskId, "delete", "solution", task->solution, std::nullopt});
    tx.Commit();
}

std::map<std::int64_t, PlanService::ItemEffect> PlanService::Effects(const PlanRecord& plan) {
    std::map<std::int64_t, ItemEffect> out;
    if (!plan.frameworkId) return out;
    auto unit = storage::UnitRepository(db_.session()).ById(plan.unitId);
    auto fw = storage::FrameworkRepository(db_.session()).Load(*plan.frameworkId);
    if (!unit || !fw) return out;
    // The appraised points per criterion of one year, when that year's results exist.
    auto pointsOf =
        [&](int year) -> std::optional<std::map<std::int64_t, std::pair<double, double>>> {
        const std::string period = std::to_string(year);
        if (!storage::ResultSetRepository(db_.session()).Find(unit->id, fw->id, period))
            return std::nullopt;
        const Sheet sheet = ResultSheetService(db_, user_).Load(unit->code, fw->code, period);
        if (!sheet.appraisedEntered) return std::nullopt;  // nothing appraised yet
        std::map<std::int64_t, std::pair<double, double>> points;
        for (const auto& row : sheet.rows)
            if (row.applicable) points[row.criterionId] = {row.appraisedPoints, row.max};
        return points;
    };
    const auto before = pointsOf(plan.year - 1), after = pointsOf(plan.year);
    for (const auto& item : plan.items) {
        if (!item.criterionId) continue;
        ItemEffect e;
        e.beforeYear = plan.year - 1;
        e.afterYear = plan.year;
        if (item.baselinePoints)
            e.before = item.baselinePoints;
        else if (before && before->count(*item.criterionId))
            e.before = before->at(*item.criterionId).first;
        if (after && after->count(*item.criterionId)) {
            e.after = after->at(*item.criterionId).first;
            e.max = after->at(*item.criterionId).second;
        } else if (before && before->count(*item.criterionId)) {
            e.max = before->at(*item.criterionId).second;
        }
        out[item.id] = e;
    }
    return out;
}

PlanItemRecord PlanService::SaveItemTarget(const PlanItemRecord& item) {
    AccessGuard(db_, user_).Require(Action::EditPlans, UnitOfItem(db_, item.id));
    storage::Transaction tx(db_);
    storage::PlanRepository plans(db_.session());
    auto before = plans.LoadItem(item.id);
    if (!before) throw UserError(tr("the plan item no longer exists"));
    if (!plans.UpdateItemTarget(item)) {
        auto stored = plans.LoadItem(item.id);
        if (!stored) throw UserError(tr("the plan item no longer exists"));
        throw EditConflict(fmt::format(fmt::runtime(tr("the target of {0}")), stored->heading),
                           ItemTargetConflicts(item, *stored), stored->version);
    }
    if (before->targetText != item.targetText)
        storage::AuditRepository(db_.session())
            .Record({"", user_, "plan_items", item.id, "update", "target_text", before->targetText,
                     item.targetText});
    auto saved = plans.LoadItem(item.id);
    tx.Commit();
    return *saved;
}

}  // namespace cchc::services

namespace cchc::services {
void PlanService::SaveHeader(const PlanRecord& header) {
    AccessGuard(db_, user_)
        .Require(Action::EditPlans,
                 header.id != 0 ? storage::PlanRepository(db_.session()).UnitOfPlan(header.id)
                                : header.unitId);
    PlanRecord p = header;
    for (std::string* f : {&p.number, &p.title, &p.summary, &p.placeName, &p.basis, &p.signerName,
                           &p.signerTitle, &p.signerAuthority, &p.recipients})
        *f = Trim(*f);
    if (p.issuedOn && !Date::ParseIso(*p.issuedOn))
        throw UserError(Location{"", 0, "issued_on"},
                        tr("the plan's date is not a date: write it as dd/mm/yyyy"));
    if (p.status != "draft" && p.status != "issued" && p.status != "closed")
        throw UserError(Location{"", 0, "status"},
                        fmt::format(fmt::runtime(tr("unknown plan status \"{0}\"")), p.status));
    if (p.title.empty()) throw UserError(Location{"", 0, "title"}, tr("the plan needs its title"));

    storage::Transaction tx(db_);
    storage::PlanRepository plans(db_.session());
    auto before = plans.LoadHeader(p.id);
    if (!before) throw UserError(tr("the plan no longer exists"));
    if (!plans.UpdateHeader(p, user_)) {
        auto stored = plans.LoadHeader(p.id);
        if (!stored) throw UserError(tr("the plan no longer exists"));
        throw EditConflict(
            fmt::format(fmt::runtime(tr("the document details of the {0} plan")), stored->year),
            PlanHeaderConflicts(p, *stored), stored->version);
    }
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> fields = {
        {"number", {before->number, p.number}},
        {"issued_on", {Opt(before->issuedOn), Opt(p.issuedOn)}},
        {"title", {before->title, p.title}},
        {"summary", {before->summary, p.summary}},
        {"place_name", {before->placeName, p.placeName}},
        {"basis", {before->basis, p.basis}},
        {"signer_name", {before->signerName, p.signerName}},
        {"signer_title", {before->signerTitle, p.signerTitle}},
        {"signer_authority", {before->signerAuthority, p.signerAuthority}},
        {"recipients", {before->recipients, p.recipients}},
        {"status", {before->status, p.status}},
    };
    storage::AuditRepository audit(db_.session());
    for (const auto& [field, values] : fields)
        if (values.first != values.second)
            audit.Record({"", user_, "plans", p.id, "update", field, values.first, values.second});
    tx.Commit();
}

std::vector<Criterion> PlanService::CriteriaWithoutItem(const PlanRecord& plan) {
    std::vector<Criterion> out;
    if (!plan.frameworkId) return out;
    auto fw = storage::FrameworkRepository(db_.session()).Load(*plan.frameworkId);
    if (!fw) return out;
    std::set<std::int64_t> taken;
    for (const auto& item : plan.items)
        if (item.criterionId) taken.insert(*item.criterionId);
    for (const auto& [c, depth] : TreeOrder(*fw)) {
        (void)depth;
        if (c->rule && !taken.count(c->id)) out.push_back(*c);
    }
    return out;
}

PlanItemRecord PlanService::AddItem(std::int64_t planId, std::int64_t criterionId,
                                    const std::string& heading, const std::string& title) {
    AccessGuard(db_, user_)
        .Require(Action::EditPlans, storage::PlanRepository(db_.session()).UnitOfPlan(planId));
    storage::Transaction tx(db_);
    storage::PlanRepository plans(db_.session());
    auto plan = plans.Load(planId);
    if (!plan) throw UserError(tr("the plan no longer exists"));
    PlanItemRecord item;
    if (criterionId != 0) {
        std::optional<Framework> fw;
        if (plan->frameworkId)
            fw = storage::FrameworkRepository(db_.session()).Load(*plan->frameworkId);
        const Criterion* c = nullptr;
        if (fw)
            for (const auto& x : fw->criteria)
                if (x.id == criterionId) c = &x;
        if (!c)
            throw UserError(Location{"", 0, "heading"},
                            tr("the criterion is not one of the plan's framework"));
        for (const auto& i : plan->items)
            if (i.criterionId && *i.criterionId == criterionId)
                throw UserError(
                    Location{"", 0, "heading"},
                    fmt::format(fmt::runtime(tr("criterion {0} already has an item in this plan")),
                                c->code));
        item.criterionId = c->id;
        item.heading = c->code;
        item.criterionTitle = c->title;
        // The top-level field above the criterion.
        const Criterion* top = c;
        for (std::size_t steps = 0; steps < fw->criteria.size() && top->parentId; ++steps) {
            const Criterion* parent = nullptr;
            for (const auto& x : fw->criteria)
                if (x.id == *top->parentId) parent = &x;
            if (!parent) break;
            top = parent;
        }
        item.groupLabel = top->code;
        item.groupTitle = top->title;
    } else {
        item.heading = Trim(heading);
        item.criterionTitle = Trim(title);
        if (item.criterionTitle.empty())
            throw UserError(Location{"", 0, "heading"}, tr("the new item needs its title"));
    }
    plans.InsertItem(planId, item);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "plan_items", item.id, "insert", "heading", std::nullopt,
                 item.heading + " " + item.criterionTitle});
    tx.Commit();
    return item;
}

void PlanService::DeleteItem(std::int64_t itemId) {
    AccessGuard(db_, user_).Require(Action::EditPlans, UnitOfItem(db_, itemId));
    storage::Transaction tx(db_);
    storage::PlanRepository plans(db_.session());
    if (plans.CountUpdatesOfItem(itemId) > 0)
        throw UserError(
            tr("progress has been reported on a task of this item: cancel its tasks "
               "instead of deleting it"));
    plans.DeleteItem(itemId);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "plan_items", itemId, "delete", "heading", std::nullopt, std::nullopt});
    tx.Commit();
}

}  // namespace cchc::services
