// Draft plans and progress updates: see plans.h.
#include "services/plans.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/org.h"
#include "core/period.h"
#include "core/scoring.h"
#include "core/task_rules.h"
#include "services/result_totals.h"
#include "storage/evidence_repository.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"
#include "storage/work_repositories.h"

namespace cchc::services {

DraftPlanResult DraftPlan(storage::Database& db, const std::string& unitCode,
                          const std::string& frameworkCode, const std::string& period,
                          double belowPercent, const std::string& user) {
    auto unit = storage::UnitRepository(db.session()).ByCode(unitCode);
    if (!unit)
        throw UserError(Location{"", 0, "unit"},
                        std::string(tr("the unit does not exist: ")) + unitCode);
    storage::FrameworkRepository frameworks(db.session());
    auto fid = frameworks.IdByCode(frameworkCode);
    std::optional<Framework> full;
    if (fid) full = frameworks.Load(*fid);
    if (!full)
        throw UserError(
            Location{"", 0, "framework"},
            fmt::format(fmt::runtime(tr("the framework does not exist: {0}")), frameworkCode));
    auto p = Period::Parse(period);
    if (!p)
        throw UserError(
            Location{"", 0, "period"},
            fmt::format(fmt::runtime(tr("not a period (write 2026, 2026-H1, 2026-9M, 2026-Q3 or "
                                        "2026-09): {0}")),
                        period));
    if (belowPercent <= 0 || belowPercent > 100)
        throw UserError(Location{"", 0, "below"},
                        tr("the threshold must be a percentage above 0 and up to 100"));
    const Framework fw = IsCommuneLevel(unit->kind) ? CommuneView(*full) : *full;

    std::map<std::int64_t, const Criterion*> byId;
    for (const auto& c : fw.criteria) byId[c.id] = &c;
    std::map<std::string, CriterionInput> inputs;
    for (const auto& r : storage::ResultRepository(db.session())
                             .ForUnitFrameworkPeriod(unit->id, *fid, p->ToString())) {
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
                                    frameworkCode, p->ToString()));
    std::vector<PlanItemRecord> items = DraftPlanItems(fw, RollUp(fw, inputs), belowPercent);

    DraftPlanResult out;
    out.year = p->year() + 1;
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
            p->Label(), frameworkCode, out.year);
        plans.Insert(plan);
        out.created = true;
        audit.Record({"", user, "plans", plan.id, "insert", "", std::nullopt, plan.summary});
    }
    out.planId = plan.id;
    for (auto& item : items) {
        const bool present =
            std::any_of(plan.items.begin(), plan.items.end(), [&](const PlanItemRecord& i) {
                return i.criterionId && item.criterionId && *i.criterionId == *item.criterionId;
            });
        if (present) continue;
        plans.InsertItem(plan.id, item);
        audit.Record({"", user, "plan_items", item.id, "insert", "", std::nullopt, item.heading});
        out.items.push_back(item);
    }
    tx.Commit();
    return out;
}

std::int64_t AddProgressUpdate(storage::Database& db, const ProgressInput& in,
                               const std::string& user) {
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
    auto task = plans.LoadTask(in.taskId);
    if (!task) throw UserError(tr("the task no longer exists"));
    storage::ProgressUpdateRecord u;
    u.taskId = in.taskId;
    u.period = period->ToString();
    u.reportedOn = Date::Today().ToIso();
    u.status = in.status;
    u.percentDone = closing ? 100 : in.percent;
    u.note = in.note;
    u.createdBy = user;
    const std::int64_t id = plans.InsertUpdate(u);

    TaskRecord before = *task;
    task->status = in.status;
    task->percentDone = u.percentDone;
    if (closing) {
        task->closedOn = Date::Today().ToIso();
        task->outcome = in.outcome;
    } else if (in.status == TaskStatus::Cancelled) {
        task->closedOn = Date::Today().ToIso();
        if (!in.outcome.empty()) task->outcome = in.outcome;
    } else {
        task->closedOn.reset();
    }
    plans.UpdateTask(*task, user);
    storage::AuditRepository audit(db.session());
    audit.Record({"", user, "progress_updates", id, "insert", "", std::nullopt, u.period});
    if (before.status != task->status)
        audit.Record({"", user, "tasks", task->id, "update", "status", TaskStatusKey(before.status),
                      TaskStatusKey(task->status)});
    if (before.percentDone != task->percentDone)
        audit.Record({"", user, "tasks", task->id, "update", "percent_done",
                      std::to_string(before.percentDone), std::to_string(task->percentDone)});
    if (before.outcome != task->outcome)
        audit.Record(
            {"", user, "tasks", task->id, "update", "outcome", before.outcome, task->outcome});

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

}  // namespace cchc::services
