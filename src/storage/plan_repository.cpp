#include "storage/plan_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "core/task_rules.h"
#include "storage/bulk_load.h"
#include "storage/row_helpers.h"
#include "storage/task_board_repository.h"

namespace cchc::storage {
using namespace detail;

namespace {
std::optional<long long> OptId(const std::optional<std::int64_t>& v) {
    return v ? std::optional<long long>(*v) : std::nullopt;
}

// The task's effective due date (DueDate): its date, or the end of its due year.
std::optional<std::string> EffectiveDue(const TaskRecord& t) {
    TaskRecord once = t;  // a recurring task keeps its first time frame's end
    once.recurring = false;
    if (auto due = DueDate(once)) return due->ToIso();
    return std::nullopt;
}

// The task's coordinators, in their order.
void InsertCoordinators(soci::session& s, long long taskId,
                        const std::vector<TaskCoordinator>& list) {
    int order = 0;
    for (const auto& c : list) {
        Nullable<long long> cu(OptId(c.unitId)), cp(OptId(c.personId));
        s << "INSERT INTO task_coordinators (task_id, sort_order, unit_id, person_id, text) VALUES "
             "(:t, :o, :u, "
             ":p, :x)",
            soci::use(taskId), soci::use(order), soci::use(cu.value, cu.ind),
            soci::use(cp.value, cp.ind), soci::use(c.text);
        ++order;
    }
}

std::vector<TaskCoordinator> ReadCoordinators(soci::session& s, long long taskId) {
    std::vector<TaskCoordinator> out;
    soci::rowset<soci::row> cs =
        (s.prepare << "SELECT unit_id, person_id, text FROM task_coordinators WHERE "
                      "task_id = :t ORDER BY sort_order",
         soci::use(taskId));
    for (const auto& r : cs) {
        TaskCoordinator c;
        if (auto v = OptInt(r, "unit_id")) c.unitId = *v;
        if (auto v = OptInt(r, "person_id")) c.personId = *v;
        c.text = Text(r, "text");
        out.push_back(std::move(c));
    }
    return out;
}

bool SameCoordinators(const std::vector<TaskCoordinator>& a,
                      const std::vector<TaskCoordinator>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.unitId == y.unitId && x.personId == y.personId && x.text == y.text;
    });
}

TaskStatus StatusOf(const std::string& key) {
    return TaskStatusFromKey(key).value_or(TaskStatus::NotStarted);
}

#define TASK_COLUMNS                                                                             \
    "t.id, t.solution, t.lead_unit_id, t.lead_unit_text, t.lead_person_id, t.lead_person_text, " \
    "t.start_on, "                                                                               \
    "t.due_on, t.due_year, t.recurring, t.time_text, t.status, t.percent_done, t.outcome, "      \
    "t.closed_on, t.version"

TaskRecord ReadTask(const soci::row& r) {
    TaskRecord t;
    t.id = Int(r, "id");
    t.solution = Text(r, "solution");
    if (auto v = OptInt(r, "lead_unit_id")) t.leadUnitId = *v;
    t.leadUnitText = Text(r, "lead_unit_text");
    if (auto v = OptInt(r, "lead_person_id")) t.leadPersonId = *v;
    t.leadPersonText = Text(r, "lead_person_text");
    if (r.get_indicator("start_on") == soci::i_ok) t.startOn = Text(r, "start_on");
    if (r.get_indicator("due_on") == soci::i_ok) t.dueOn = Text(r, "due_on");
    if (auto v = OptInt(r, "due_year")) t.dueYear = static_cast<int>(*v);
    t.recurring = Int(r, "recurring") != 0;
    t.timeText = Text(r, "time_text");
    t.status = StatusOf(Text(r, "status"));
    t.percentDone = static_cast<int>(Int(r, "percent_done"));
    t.outcome = Text(r, "outcome");
    if (r.get_indicator("closed_on") == soci::i_ok) t.closedOn = Text(r, "closed_on");
    t.version = static_cast<int>(Int(r, "version"));
    return t;
}
#define ITEM_COLUMNS                                                                      \
    "id, criterion_id, group_label, group_title, heading, criterion_title, target_text, " \
    "target_kind, target_value, baseline_value, baseline_points, version"

PlanItemRecord ReadItem(const soci::row& r) {
    PlanItemRecord i;
    i.id = Int(r, "id");
    if (auto v = OptInt(r, "criterion_id")) i.criterionId = *v;
    i.groupLabel = Text(r, "group_label");
    i.groupTitle = Text(r, "group_title");
    i.heading = Text(r, "heading");
    i.criterionTitle = Text(r, "criterion_title");
    i.targetText = Text(r, "target_text");
    i.targetKind = Text(r, "target_kind");
    i.targetValue = OptReal(r, "target_value");
    i.baselineValue = OptReal(r, "baseline_value");
    i.baselinePoints = OptReal(r, "baseline_points");
    i.version = static_cast<int>(Int(r, "version"));
    return i;
}
}  // namespace

std::int64_t PlanRepository::Insert(PlanRecord& p) {
    long long unit = p.unitId, id = 0;
    Nullable<long long> fw(OptId(p.frameworkId));
    Nullable<std::string> issued(p.issuedOn);
    std::string now = NowIso();
    s_ << "INSERT INTO plans (unit_id, framework_id, kind, year, number, issued_on, title, "
          "summary, "
          "place_name, basis, purpose, requirements, organisation, signer_name, signer_title, "
          "signer_authority, recipients, status, created_at, updated_at) VALUES (:u, :f, :k, :y, "
          ":num, :iss, :t, :sum, :pl, :b, :pu, :req, :org, :sn, :st, :sa, :rec, :status, :now, "
          ":now2) RETURNING id",
        soci::use(unit), soci::use(fw.value, fw.ind), soci::use(p.kind), soci::use(p.year),
        soci::use(p.number), soci::use(issued.value, issued.ind), soci::use(p.title),
        soci::use(p.summary), soci::use(p.placeName), soci::use(p.basis), soci::use(p.purpose),
        soci::use(p.requirements), soci::use(p.organisation), soci::use(p.signerName),
        soci::use(p.signerTitle), soci::use(p.signerAuthority), soci::use(p.recipients),
        soci::use(p.status), soci::use(now), soci::use(now), soci::into(id);
    p.id = id;
    p.version = 1;
    for (auto& item : p.items) {
        InsertItem(id, item);
        for (auto& t : item.tasks) InsertTaskRow(item.id, t, "");
    }
    TaskBoardWriter(s_).ForPlan(id);
    return id;
}

namespace {
// `n` ids of a table's identity column, in order.
std::vector<long long> ReserveIds(soci::session& s, const std::string& table, long long n) {
    std::vector<long long> ids(static_cast<std::size_t>(std::max(1LL, n)));
    if (n <= 0) return {};
    std::string t = table;
    s << "SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)",
        soci::use(t), soci::use(n), soci::into(ids);
    return ids;
}
}  // namespace

void PlanRepository::InsertMany(std::vector<PlanRecord>& plans) {
    // Ids are taken from the sequences only by a connection that may use
    // them (the owner's; an account's inserts take them by default).
    int reserve = 0;
    if (IsPostgres(s_))
        s_ << "SELECT CASE WHEN has_sequence_privilege(pg_get_serial_sequence('plans', 'id'), "
              "'USAGE') AND has_sequence_privilege(pg_get_serial_sequence('plan_items', 'id'), "
              "'USAGE') AND has_sequence_privilege(pg_get_serial_sequence('tasks', 'id'), "
              "'USAGE') THEN 1 ELSE 0 END",
            soci::into(reserve);
    if (!reserve) {
        for (auto& p : plans) Insert(p);
        return;
    }
    long long items = 0, tasks = 0;
    for (const auto& p : plans) {
        items += static_cast<long long>(p.items.size());
        for (const auto& i : p.items) tasks += static_cast<long long>(i.tasks.size());
    }
    const auto planIds = ReserveIds(s_, "plans", static_cast<long long>(plans.size()));
    const auto itemIds = ReserveIds(s_, "plan_items", items);
    const auto taskIds = ReserveIds(s_, "tasks", tasks);
    const std::string now = NowIso();
    using T = CopyInsert::Type;
    CopyInsert planRows(s_, "plans",
                        {{"id", T::Integer},
                         {"unit_id", T::Integer},
                         {"framework_id", T::Integer},
                         {"kind", T::Text},
                         {"year", T::Integer},
                         {"number", T::Text},
                         {"issued_on", T::Text},
                         {"title", T::Text},
                         {"summary", T::Text},
                         {"place_name", T::Text},
                         {"basis", T::Text},
                         {"purpose", T::Text},
                         {"requirements", T::Text},
                         {"organisation", T::Text},
                         {"signer_name", T::Text},
                         {"signer_title", T::Text},
                         {"signer_authority", T::Text},
                         {"recipients", T::Text},
                         {"status", T::Text},
                         {"created_at", T::Text},
                         {"updated_at", T::Text}});
    std::size_t nextItem = 0, nextTask = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        auto& p = plans[i];
        p.id = planIds[i];
        p.version = 1;
        planRows.Row()
            .Int(p.id)
            .Int(p.unitId)
            .OptInt(p.frameworkId)
            .Text(p.kind)
            .Int(p.year)
            .Text(p.number)
            .OptText(p.issuedOn)
            .Text(p.title)
            .Text(p.summary)
            .Text(p.placeName)
            .Text(p.basis)
            .Text(p.purpose)
            .Text(p.requirements)
            .Text(p.organisation)
            .Text(p.signerName)
            .Text(p.signerTitle)
            .Text(p.signerAuthority)
            .Text(p.recipients)
            .Text(p.status)
            .Text(now)
            .Text(now)
            .EndRow();
        for (auto& item : p.items) {
            item.id = itemIds[nextItem++];
            item.version = 1;
            for (auto& t : item.tasks) {
                t.id = taskIds[nextTask++];
                t.version = 1;
            }
        }
    }
    planRows.End();
    // Parents before children: the items, then the tasks, then their
    // coordinators, each in the order of the plans.
    CopyInsert itemRows(s_, "plan_items",
                        {{"id", T::Integer},
                         {"plan_id", T::Integer},
                         {"criterion_id", T::Integer},
                         {"group_label", T::Text},
                         {"group_title", T::Text},
                         {"heading", T::Text},
                         {"criterion_title", T::Text},
                         {"target_text", T::Text},
                         {"target_kind", T::Text},
                         {"target_value", T::Real},
                         {"baseline_value", T::Real},
                         {"baseline_points", T::Real},
                         {"sort_order", T::Integer},
                         {"updated_at", T::Text}});
    for (const auto& p : plans) {
        int order = 0;
        for (const auto& item : p.items)
            itemRows.Row()
                .Int(item.id)
                .Int(p.id)
                .OptInt(item.criterionId)
                .Text(item.groupLabel)
                .Text(item.groupTitle)
                .Text(item.heading)
                .Text(item.criterionTitle)
                .Text(item.targetText)
                .Text(item.targetKind)
                .OptReal(item.targetValue)
                .OptReal(item.baselineValue)
                .OptReal(item.baselinePoints)
                .Int(order++)
                .Text(now)
                .EndRow();
    }
    itemRows.End();
    CopyInsert taskRows(s_, "tasks",
                        {{"id", T::Integer},
                         {"item_id", T::Integer},
                         {"solution", T::Text},
                         {"lead_unit_id", T::Integer},
                         {"lead_unit_text", T::Text},
                         {"lead_person_id", T::Integer},
                         {"lead_person_text", T::Text},
                         {"start_on", T::Text},
                         {"due_on", T::Text},
                         {"due_year", T::Integer},
                         {"due_date", T::Text},
                         {"recurring", T::Integer},
                         {"time_text", T::Text},
                         {"status", T::Text},
                         {"percent_done", T::Integer},
                         {"outcome", T::Text},
                         {"closed_on", T::Text},
                         {"sort_order", T::Integer},
                         {"created_at", T::Text},
                         {"updated_at", T::Text},
                         {"updated_by", T::Text}});
    std::vector<std::int64_t> written;
    for (const auto& p : plans)
        for (const auto& item : p.items) {
            int order = 0;
            for (const auto& t : item.tasks) {
                taskRows.Row()
                    .Int(t.id)
                    .Int(item.id)
                    .Text(t.solution)
                    .OptInt(t.leadUnitId)
                    .Text(t.leadUnitText)
                    .OptInt(t.leadPersonId)
                    .Text(t.leadPersonText)
                    .OptText(t.startOn)
                    .OptText(t.dueOn)
                    .OptInt(t.dueYear)
                    .OptText(EffectiveDue(t))
                    .Int(t.recurring ? 1 : 0)
                    .Text(t.timeText)
                    .Text(TaskStatusKey(t.status))
                    .Int(t.percentDone)
                    .Text(t.outcome)
                    .OptText(t.closedOn)
                    .Int(order++)
                    .Text(now)
                    .Text(now)
                    .Text("")
                    .EndRow();
                written.push_back(t.id);
            }
        }
    taskRows.End();
    CopyInsert coordinatorRows(s_, "task_coordinators",
                               {{"task_id", T::Integer},
                                {"sort_order", T::Integer},
                                {"unit_id", T::Integer},
                                {"person_id", T::Integer},
                                {"text", T::Text}});
    for (const auto& p : plans)
        for (const auto& item : p.items)
            for (const auto& t : item.tasks) {
                int order = 0;
                for (const auto& c : t.coordinators)
                    coordinatorRows.Row()
                        .Int(t.id)
                        .Int(order++)
                        .OptInt(c.unitId)
                        .OptInt(c.personId)
                        .Text(c.text)
                        .EndRow();
            }
    coordinatorRows.End();
    TaskBoardWriter(s_).ForTasks(std::move(written));
}

std::int64_t PlanRepository::InsertItem(std::int64_t planId, PlanItemRecord& item) {
    long long plan = planId, itemId = 0, order = 0;
    s_ << "SELECT COALESCE(MAX(sort_order) + 1, 0) FROM plan_items WHERE plan_id = :p",
        soci::use(plan), soci::into(order);
    Nullable<long long> crit(OptId(item.criterionId));
    Nullable<double> target(item.targetValue), baseline(item.baselineValue),
        basePoints(item.baselinePoints);
    int sortOrder = static_cast<int>(order);
    std::string now = NowIso();
    s_ << "INSERT INTO plan_items (plan_id, criterion_id, group_label, group_title, heading, "
          "criterion_title, target_text, target_kind, target_value, baseline_value, "
          "baseline_points, sort_order, updated_at) VALUES (:p, :c, :gl, :gt, :h, :ct, :tt, "
          ":tk, :tv, :bv, :bp, :o, :now) RETURNING id",
        soci::use(plan), soci::use(crit.value, crit.ind), soci::use(item.groupLabel),
        soci::use(item.groupTitle), soci::use(item.heading), soci::use(item.criterionTitle),
        soci::use(item.targetText), soci::use(item.targetKind), soci::use(target.value, target.ind),
        soci::use(baseline.value, baseline.ind), soci::use(basePoints.value, basePoints.ind),
        soci::use(sortOrder), soci::use(now), soci::into(itemId);
    item.id = itemId;
    item.version = 1;
    return itemId;
}

bool PlanRepository::UpdateHeader(const PlanRecord& p, const std::string& user) {
    long long id = p.id;
    int version = p.version, anyVersion = p.version == 0 ? 1 : 0;
    Nullable<std::string> issued(p.issuedOn);
    std::string now = NowIso();
    soci::statement st =
        (s_.prepare << "UPDATE plans SET number = :num, issued_on = :iss, title = :t, summary = "
                       ":sum, place_name = :pl, basis = :b, signer_name = :sn, signer_title = "
                       ":st, signer_authority = :sa, recipients = :rec, status = :status, "
                       "updated_at = :now, updated_by = :user, version = version + 1 WHERE id = "
                       ":id AND (:anyv = 1 OR version = :version)",
         soci::use(p.number), soci::use(issued.value, issued.ind), soci::use(p.title),
         soci::use(p.summary), soci::use(p.placeName), soci::use(p.basis), soci::use(p.signerName),
         soci::use(p.signerTitle), soci::use(p.signerAuthority), soci::use(p.recipients),
         soci::use(p.status), soci::use(now), soci::use(user), soci::use(id), soci::use(anyVersion),
         soci::use(version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

void PlanRepository::DeleteItem(std::int64_t itemId) {
    long long id = itemId;
    s_ << "DELETE FROM plan_items WHERE id = :id", soci::use(id);
}

long PlanRepository::CountUpdatesOfItem(std::int64_t itemId) {
    long long id = itemId, n = 0;
    s_ << "SELECT COUNT(*) FROM progress_updates u JOIN tasks t ON t.id = u.task_id WHERE "
          "t.item_id = :i",
        soci::use(id), soci::into(n);
    return static_cast<long>(n);
}

bool PlanRepository::UpdateItemTarget(const PlanItemRecord& item) {
    long long id = item.id;
    int version = item.version, anyVersion = item.version == 0 ? 1 : 0;
    Nullable<double> target(item.targetValue), baseline(item.baselineValue),
        basePoints(item.baselinePoints);
    std::string now = NowIso();
    soci::statement st =
        (s_.prepare << "UPDATE plan_items SET target_text = :tt, target_kind = :tk, target_value "
                       "= :tv, baseline_value = :bv, baseline_points = :bp, updated_at = :now, "
                       "version = version + 1 WHERE id = :id AND (:anyv = 1 OR version = :version)",
         soci::use(item.targetText), soci::use(item.targetKind),
         soci::use(target.value, target.ind), soci::use(baseline.value, baseline.ind),
         soci::use(basePoints.value, basePoints.ind), soci::use(now), soci::use(id),
         soci::use(anyVersion), soci::use(version));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

std::optional<PlanItemRecord> PlanRepository::LoadItem(std::int64_t itemId) {
    long long id = itemId;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " ITEM_COLUMNS " FROM plan_items WHERE id = :id", soci::use(id));
    for (const auto& r : rs) return ReadItem(r);
    return std::nullopt;
}

std::int64_t PlanRepository::InsertTask(std::int64_t itemId, TaskRecord& t,
                                        const std::string& user) {
    const std::int64_t id = InsertTaskRow(itemId, t, user);
    TaskBoardWriter(s_).ForTask(id);
    return id;
}

std::int64_t PlanRepository::InsertTaskRow(std::int64_t itemId, TaskRecord& t,
                                           const std::string& user) {
    long long item = itemId, order = 0, taskId = 0;
    s_ << "SELECT COALESCE(MAX(sort_order) + 1, 0) FROM tasks WHERE item_id = :i", soci::use(item),
        soci::into(order);
    Nullable<long long> leadUnit(OptId(t.leadUnitId)), leadPerson(OptId(t.leadPersonId));
    Nullable<std::string> start(t.startOn), due(t.dueOn), closed(t.closedOn),
        dueDate(EffectiveDue(t));
    Nullable<int> dueYear(t.dueYear);
    int recurring = t.recurring ? 1 : 0, percent = t.percentDone,
        sortOrder = static_cast<int>(order);
    std::string status = TaskStatusKey(t.status), now = NowIso();
    s_ << "INSERT INTO tasks (item_id, solution, lead_unit_id, lead_unit_text, lead_person_id, "
          "lead_person_text, "
          "start_on, due_on, due_year, due_date, recurring, time_text, status, percent_done, "
          "outcome, closed_on, "
          "sort_order, created_at, updated_at, updated_by) VALUES (:i, :s, :lu, :lut, :lp, :lpt, "
          ":st, :du, :dy, "
          ":dd, :rec, :tt, :status, :pc, :out, :cl, :o, :now, :now2, :by) RETURNING id",
        soci::use(item), soci::use(t.solution), soci::use(leadUnit.value, leadUnit.ind),
        soci::use(t.leadUnitText), soci::use(leadPerson.value, leadPerson.ind),
        soci::use(t.leadPersonText), soci::use(start.value, start.ind),
        soci::use(due.value, due.ind), soci::use(dueYear.value, dueYear.ind),
        soci::use(dueDate.value, dueDate.ind), soci::use(recurring), soci::use(t.timeText),
        soci::use(status), soci::use(percent), soci::use(t.outcome),
        soci::use(closed.value, closed.ind), soci::use(sortOrder), soci::use(now), soci::use(now),
        soci::use(user), soci::into(taskId);
    t.id = taskId;
    t.version = 1;
    InsertCoordinators(s_, taskId, t.coordinators);
    return taskId;
}

bool PlanRepository::UpdateTask(const TaskRecord& t, const std::string& user) {
    long long id = t.id;
    int version = t.version, anyVersion = t.version == 0 ? 1 : 0;
    Nullable<long long> leadUnit(OptId(t.leadUnitId)), leadPerson(OptId(t.leadPersonId));
    Nullable<std::string> start(t.startOn), due(t.dueOn), closed(t.closedOn),
        dueDate(EffectiveDue(t));
    Nullable<int> dueYear(t.dueYear);
    int recurring = t.recurring ? 1 : 0, percent = t.percentDone;
    std::string status = TaskStatusKey(t.status), now = NowIso();
    soci::statement st =
        (s_.prepare << "UPDATE tasks SET solution = :s, lead_unit_id = :lu, lead_unit_text = "
                       ":lut, lead_person_id = :lp, lead_person_text = :lpt, start_on = :st, "
                       "due_on = :du, due_year = :dy, due_date = :dd, recurring = :rec, time_text "
                       "= :tt, status = :status, percent_done = :pc, outcome = :out, closed_on = "
                       ":cl, updated_at = :now, updated_by = :by, version = version + 1 WHERE id "
                       "= :id AND (:anyv = 1 OR version = :version)",
         soci::use(t.solution), soci::use(leadUnit.value, leadUnit.ind), soci::use(t.leadUnitText),
         soci::use(leadPerson.value, leadPerson.ind), soci::use(t.leadPersonText),
         soci::use(start.value, start.ind), soci::use(due.value, due.ind),
         soci::use(dueYear.value, dueYear.ind), soci::use(dueDate.value, dueDate.ind),
         soci::use(recurring), soci::use(t.timeText), soci::use(status), soci::use(percent),
         soci::use(t.outcome), soci::use(closed.value, closed.ind), soci::use(now), soci::use(user),
         soci::use(id), soci::use(anyVersion), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    TaskBoardWriter(s_).ForTask(t.id);
    // Rewritten only when they changed: a progress report leaves them (and
    // their audit trail) alone, and needs no right to change them.
    if (SameCoordinators(ReadCoordinators(s_, id), t.coordinators)) return true;
    s_ << "DELETE FROM task_coordinators WHERE task_id = :t", soci::use(id);
    InsertCoordinators(s_, id, t.coordinators);
    return true;
}

std::optional<TaskRecord> PlanRepository::LoadTask(std::int64_t taskId) {
    long long id = taskId;
    std::optional<TaskRecord> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " TASK_COLUMNS " FROM tasks t WHERE t.id = :id", soci::use(id));
    for (const auto& r : rs) out = ReadTask(r);
    if (!out) return out;
    out->coordinators = ReadCoordinators(s_, id);
    return out;
}

std::int64_t PlanRepository::PlanOfTask(std::int64_t taskId) {
    long long t = taskId, plan = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT i.plan_id FROM tasks t JOIN plan_items i ON i.id = t.item_id WHERE t.id = :t",
        soci::use(t), soci::into(plan, ind);
    return s_.got_data() && ind == soci::i_ok ? plan : 0;
}

std::int64_t PlanRepository::PlanOfItem(std::int64_t itemId) {
    long long i = itemId, plan = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT plan_id FROM plan_items WHERE id = :i", soci::use(i), soci::into(plan, ind);
    return s_.got_data() && ind == soci::i_ok ? plan : 0;
}

std::int64_t PlanRepository::UnitOfPlan(std::int64_t planId) {
    long long p = planId, unit = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT unit_id FROM plans WHERE id = :p", soci::use(p), soci::into(unit, ind);
    return s_.got_data() && ind == soci::i_ok ? unit : 0;
}

void PlanRepository::DeleteTask(std::int64_t taskId) {
    long long t = taskId;
    s_ << "DELETE FROM tasks WHERE id = :t", soci::use(t);
}

std::optional<std::int64_t> PlanRepository::FindPlan(std::int64_t unitId,
                                                     std::optional<std::int64_t> frameworkId,
                                                     int year, const std::string& kind) {
    long long u = unitId, id = 0, f = frameworkId.value_or(0);
    int hasFramework = frameworkId ? 1 : 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MIN(id) FROM plans WHERE unit_id = :u AND year = :y AND kind = :k AND ((:hf = 1 "
          "AND framework_id "
          "= :f) OR (:hf2 = 0 AND framework_id IS NULL))",
        soci::use(u), soci::use(year), soci::use(kind), soci::use(hasFramework), soci::use(f),
        soci::use(hasFramework), soci::into(id, ind);
    if (ind != soci::i_ok) return std::nullopt;
    return id;
}

std::optional<PlanRecord> PlanRepository::LoadHeader(std::int64_t planId) {
    long long id = planId;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, unit_id, framework_id, kind, year, number, issued_on, "
                       "title, summary, place_name, basis, purpose, requirements, "
                       "organisation, signer_name, signer_title, signer_authority, "
                       "recipients, status, version FROM plans WHERE id = :id",
         soci::use(id));
    for (const auto& r : rs) {
        PlanRecord p;
        p.id = Int(r, "id");
        p.unitId = Int(r, "unit_id");
        if (auto v = OptInt(r, "framework_id")) p.frameworkId = *v;
        p.kind = Text(r, "kind");
        p.year = static_cast<int>(Int(r, "year"));
        p.number = Text(r, "number");
        if (r.get_indicator("issued_on") == soci::i_ok) p.issuedOn = Text(r, "issued_on");
        p.title = Text(r, "title");
        p.summary = Text(r, "summary");
        p.placeName = Text(r, "place_name");
        p.basis = Text(r, "basis");
        p.purpose = Text(r, "purpose");
        p.requirements = Text(r, "requirements");
        p.organisation = Text(r, "organisation");
        p.signerName = Text(r, "signer_name");
        p.signerTitle = Text(r, "signer_title");
        p.signerAuthority = Text(r, "signer_authority");
        p.recipients = Text(r, "recipients");
        p.status = Text(r, "status");
        p.version = static_cast<int>(Int(r, "version"));
        return p;
    }
    return std::nullopt;
}

std::optional<PlanRecord> PlanRepository::Load(std::int64_t planId) {
    auto plan = LoadHeader(planId);
    if (!plan) return plan;
    long long id = planId;
    std::map<std::int64_t, std::size_t> itemIndex;
    soci::rowset<soci::row> items =
        (s_.prepare << "SELECT " ITEM_COLUMNS
                       " FROM plan_items WHERE plan_id = :p ORDER BY sort_order, id",
         soci::use(id));
    for (const auto& r : items) {
        PlanItemRecord i = ReadItem(r);
        itemIndex[i.id] = plan->items.size();
        plan->items.push_back(std::move(i));
    }
    std::map<std::int64_t, std::pair<std::size_t, std::size_t>> taskIndex;
    soci::rowset<soci::row> tasks =
        (s_.prepare << "SELECT t.item_id, " TASK_COLUMNS
                       " FROM tasks t JOIN plan_items i ON i.id = t.item_id WHERE "
                       "i.plan_id = :p ORDER BY t.sort_order, t.id",
         soci::use(id));
    for (const auto& r : tasks) {
        auto it = itemIndex.find(Int(r, "item_id"));
        if (it == itemIndex.end()) continue;
        auto& list = plan->items[it->second].tasks;
        taskIndex[Int(r, "id")] = {it->second, list.size()};
        list.push_back(ReadTask(r));
    }
    soci::rowset<soci::row> coords =
        (s_.prepare << "SELECT c.task_id, c.unit_id, c.person_id, c.text FROM task_coordinators c "
                       "JOIN tasks t ON "
                       "t.id = c.task_id JOIN plan_items i ON i.id = t.item_id WHERE i.plan_id = "
                       ":p ORDER BY "
                       "c.task_id, c.sort_order",
         soci::use(id));
    for (const auto& r : coords) {
        auto it = taskIndex.find(Int(r, "task_id"));
        if (it == taskIndex.end()) continue;
        TaskCoordinator c;
        if (auto v = OptInt(r, "unit_id")) c.unitId = *v;
        if (auto v = OptInt(r, "person_id")) c.personId = *v;
        c.text = Text(r, "text");
        plan->items[it->second.first].tasks[it->second.second].coordinators.push_back(std::move(c));
    }
    return plan;
}

std::vector<PlanRecord> PlanRepository::All() {
    std::vector<long long> ids;
    soci::rowset<soci::row> rs = (s_.prepare << "SELECT id FROM plans ORDER BY unit_id, year, id");
    for (const auto& r : rs) ids.push_back(Int(r, "id"));
    std::vector<PlanRecord> out;
    for (long long id : ids)
        if (auto p = Load(id)) out.push_back(std::move(*p));
    return out;
}

std::vector<BoardRow> PlanRepository::ForBoard() {
    // Fetched in batches into column vectors: a province has a quarter of a
    // million tasks.
    const std::size_t batch = 4096;
    std::vector<long long> task(batch), item(batch), plan(batch), unit(batch), leadUnit(batch),
        leadPerson(batch);
    std::vector<int> year(batch), recurring(batch), percent(batch), dueYear(batch), version(batch);
    std::vector<std::string> heading(batch), solution(batch), leadUnitText(batch),
        leadPersonText(batch), startOn(batch), dueOn(batch), closedOn(batch), status(batch);
    std::vector<soci::indicator> leadUnitI(batch), leadPersonI(batch), startI(batch), dueI(batch),
        closedI(batch), dueYearI(batch);
    soci::statement st =
        (s_.prepare << "SELECT t.id, t.item_id, i.plan_id, p.unit_id, p.year, i.heading, "
                       "t.solution, t.lead_unit_id, "
                       "t.lead_unit_text, t.lead_person_id, t.lead_person_text, t.start_on, "
                       "t.due_on, t.due_year, "
                       "t.closed_on, t.recurring, t.status, t.percent_done, t.version FROM tasks t "
                       "JOIN "
                       "plan_items i ON i.id = "
                       "t.item_id JOIN plans p ON p.id = i.plan_id",
         soci::into(task), soci::into(item), soci::into(plan), soci::into(unit), soci::into(year),
         soci::into(heading), soci::into(solution), soci::into(leadUnit, leadUnitI),
         soci::into(leadUnitText), soci::into(leadPerson, leadPersonI), soci::into(leadPersonText),
         soci::into(startOn, startI), soci::into(dueOn, dueI), soci::into(dueYear, dueYearI),
         soci::into(closedOn, closedI), soci::into(recurring), soci::into(status),
         soci::into(percent), soci::into(version));
    std::vector<BoardRow> out;
    if (st.execute(true)) {
        do {
            for (std::size_t i = 0; i < task.size(); ++i) {
                BoardRow r;
                r.taskId = task[i], r.itemId = item[i], r.planId = plan[i], r.unitId = unit[i];
                r.planYear = year[i];
                r.criterion = std::move(heading[i]);
                r.solution = std::move(solution[i]);
                if (leadUnitI[i] == soci::i_ok) r.leadUnitId = leadUnit[i];
                if (leadPersonI[i] == soci::i_ok) r.leadPersonId = leadPerson[i];
                r.leadUnitText = std::move(leadUnitText[i]);
                r.leadPersonText = std::move(leadPersonText[i]);
                if (startI[i] == soci::i_ok) r.startOn = std::move(startOn[i]);
                if (dueI[i] == soci::i_ok) r.dueOn = std::move(dueOn[i]);
                if (dueYearI[i] == soci::i_ok) r.dueYear = dueYear[i];
                if (closedI[i] == soci::i_ok) r.closedOn = std::move(closedOn[i]);
                r.recurring = recurring[i] != 0;
                r.status = StatusOf(status[i]);
                r.percentDone = percent[i];
                r.version = version[i];
                out.push_back(std::move(r));
            }
            for (auto* v : {&task, &item, &plan, &unit, &leadUnit, &leadPerson}) v->resize(batch);
            for (auto* v : {&year, &recurring, &percent, &dueYear, &version}) v->resize(batch);
            for (auto* v : {&heading, &solution, &leadUnitText, &leadPersonText, &startOn, &dueOn,
                            &closedOn, &status})
                v->resize(batch);
            for (auto* v : {&leadUnitI, &leadPersonI, &startI, &dueI, &closedI, &dueYearI})
                v->resize(batch);
        } while (st.fetch());
    }
    return out;
}

std::int64_t PlanRepository::InsertUpdate(const ProgressUpdateRecord& u) {
    const std::int64_t id = InsertUpdateRow(u);
    TaskBoardWriter(s_).ForTask(u.taskId);
    return id;
}

std::int64_t PlanRepository::InsertUpdateRow(const ProgressUpdateRecord& u) {
    long long task = u.taskId, id = 0;
    Nullable<std::string> reported(u.reportedOn);
    std::string status = TaskStatusKey(u.status),
                now = u.createdAt.empty() ? NowIso() : u.createdAt;
    int percent = u.percentDone;
    s_ << "INSERT INTO progress_updates (task_id, period, reported_on, status, percent_done, note, "
          "created_at, "
          "created_by) VALUES (:t, :p, :r, :s, :pc, :n, :at, :by) RETURNING id",
        soci::use(task), soci::use(u.period), soci::use(reported.value, reported.ind),
        soci::use(status), soci::use(percent), soci::use(u.note), soci::use(now),
        soci::use(u.createdBy), soci::into(id);
    return id;
}

void PlanRepository::InsertUpdates(const std::vector<ProgressUpdateRecord>& updates) {
    if (updates.empty()) return;
    // The task board's rows of their tasks, once each, after them.
    std::vector<std::int64_t> tasks;
    tasks.reserve(updates.size());
    for (const auto& u : updates) tasks.push_back(u.taskId);
    if (!IsPostgres(s_)) {
        for (const auto& u : updates) InsertUpdateRow(u);
        TaskBoardWriter(s_).ForTasks(std::move(tasks));
        return;
    }
    using T = CopyInsert::Type;
    const std::string now = NowIso();
    CopyInsert copy(s_, "progress_updates",
                    {{"task_id", T::Integer},
                     {"period", T::Text},
                     {"reported_on", T::Text},
                     {"status", T::Text},
                     {"percent_done", T::Integer},
                     {"note", T::Text},
                     {"created_at", T::Text},
                     {"created_by", T::Text}});
    for (const auto& u : updates) {
        copy.Row()
            .Int(u.taskId)
            .Text(u.period)
            .OptText(u.reportedOn)
            .Text(TaskStatusKey(u.status))
            .Int(u.percentDone)
            .Text(u.note)
            .Text(u.createdAt.empty() ? now : u.createdAt)
            .Text(u.createdBy)
            .EndRow();
    }
    copy.End();
    TaskBoardWriter(s_).ForTasks(std::move(tasks));
}

void PlanRepository::RewriteUpdate(const ProgressUpdateRecord& u) {
    long long id = u.id;
    Nullable<std::string> reported(u.reportedOn);
    std::string status = TaskStatusKey(u.status);
    int percent = u.percentDone;
    s_ << "UPDATE progress_updates SET reported_on = :r, status = :s, percent_done = :pc, note = "
          ":n WHERE id = :id",
        soci::use(reported.value, reported.ind), soci::use(status), soci::use(percent),
        soci::use(u.note), soci::use(id);
}

namespace {
#define UPDATE_COLUMNS \
    "id, task_id, period, reported_on, status, percent_done, note, created_at, created_by"

ProgressUpdateRecord UpdateFromRow(const soci::row& r) {
    ProgressUpdateRecord u;
    u.id = Int(r, "id");
    u.taskId = Int(r, "task_id");
    u.period = Text(r, "period");
    if (r.get_indicator("reported_on") == soci::i_ok) u.reportedOn = Text(r, "reported_on");
    u.status = StatusOf(Text(r, "status"));
    u.percentDone = static_cast<int>(Int(r, "percent_done"));
    u.note = Text(r, "note");
    u.createdAt = Text(r, "created_at");
    u.createdBy = Text(r, "created_by");
    return u;
}
}  // namespace

std::optional<ProgressUpdateRecord> PlanRepository::UpdateFor(std::int64_t taskId,
                                                              const std::string& period) {
    long long t = taskId;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " UPDATE_COLUMNS
                       " FROM progress_updates WHERE task_id = :t AND period = :p",
         soci::use(t), soci::use(period));
    for (const auto& r : rs) return UpdateFromRow(r);
    return std::nullopt;
}

std::vector<ProgressUpdateRecord> PlanRepository::UpdatesOf(std::int64_t taskId) {
    long long t = taskId;
    std::vector<ProgressUpdateRecord> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " UPDATE_COLUMNS
                       " FROM progress_updates WHERE task_id = :t ORDER BY period, id",
         soci::use(t));
    for (const auto& r : rs) out.push_back(UpdateFromRow(r));
    return out;
}

std::vector<std::pair<std::int64_t, std::string>> PlanRepository::UpdatePeriods() {
    std::vector<std::pair<std::int64_t, std::string>> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT DISTINCT task_id, period FROM progress_updates");
    for (const auto& r : rs) out.emplace_back(Int(r, "task_id"), Text(r, "period"));
    return out;
}

long PlanRepository::CountTasks() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM tasks", soci::into(n);
    return static_cast<long>(n);
}

}  // namespace cchc::storage
