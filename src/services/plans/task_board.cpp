// The office's tasks over the database: see task_board.h.
#include "services/plans/task_board.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/collation.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "services/app/access_guard.h"
#include "services/org/organisation.h"
#include "storage/saved_filter_repository.h"
#include "storage/task_board_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

TaskFilter TaskBoardView::ToFilter(Date asOf) const {
    TaskFilter f;
    f.unitId = unitId;
    if (status == "open")
        f.openOnly = true;
    else if (!status.empty())
        f.status = TaskStatusFromKey(status);
    if (due == "overdue")
        f.overdue = true;
    else if (due == "7")
        f.dueWithinDays = 7;
    else if (due == "30")
        f.dueWithinDays = 30;
    else if (due == "month") {
        f.dueFrom = Date{asOf.year, asOf.month, 1};
        f.dueTo = Date{asOf.year, asOf.month, Date::DaysInMonth(asOf.year, asOf.month)};
    } else if (due == "range") {
        f.dueFrom = dueFrom;
        f.dueTo = dueTo;
    }
    auto leadId = [&](const char* prefix) -> std::optional<std::int64_t> {
        const std::string p = prefix;
        if (lead.rfind(p, 0) != 0) return std::nullopt;
        try {
            return std::stoll(lead.substr(p.size()));
        } catch (const std::exception&) {
            return std::nullopt;
        }
    };
    f.leadUnitId = leadId("unit:");
    f.leadPersonId = leadId("person:");
    f.missingUpdate = missingUpdate;
    f.text = text;
    return f;
}

std::string TaskBoardView::ToJson() const {
    nlohmann::json j;
    if (unitId) j["unit"] = *unitId;
    j["status"] = status;
    j["due"] = due;
    j["missing_update"] = missingUpdate;
    j["text"] = text;
    if (!lead.empty()) j["lead"] = lead;
    if (dueFrom) j["from"] = dueFrom->ToIso();
    if (dueTo) j["to"] = dueTo->ToIso();
    return j.dump();
}

std::optional<TaskBoardView> TaskBoardView::FromJson(const std::string& json) {
    try {
        const auto j = nlohmann::json::parse(json);
        if (!j.is_object()) return std::nullopt;
        TaskBoardView v;
        if (j.contains("unit") && j["unit"].is_number_integer())
            v.unitId = j["unit"].get<std::int64_t>();
        v.status = j.value("status", std::string());
        v.due = j.value("due", std::string());
        v.missingUpdate = j.value("missing_update", false);
        v.text = j.value("text", std::string());
        v.lead = j.value("lead", std::string());
        v.dueFrom = Date::ParseIso(j.value("from", std::string()));
        v.dueTo = Date::ParseIso(j.value("to", std::string()));
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::vector<std::pair<std::string, TaskBoardView>> SavedTaskViews(storage::Database& db,
                                                                  const std::string& user) {
    std::vector<std::pair<std::string, TaskBoardView>> out;
    for (const auto& f : storage::SavedFilterRepository(db.session()).List(user, "tasks"))
        if (auto v = TaskBoardView::FromJson(f.definition)) out.emplace_back(f.name, *v);
    return out;
}

void SaveTaskView(storage::Database& db, const std::string& user, const std::string& name,
                  const TaskBoardView& view) {
    if (name.find_first_not_of(" \t") == std::string::npos)
        throw UserError(Location{"", 0, "name"}, tr("give the filter a name"));
    storage::Transaction tx(db);
    storage::SavedFilterRepository(db.session()).Save(user, "tasks", name, view.ToJson());
    tx.Commit();
}

void DeleteTaskView(storage::Database& db, const std::string& user, const std::string& name) {
    storage::Transaction tx(db);
    storage::SavedFilterRepository(db.session()).Delete(user, "tasks", name);
    tx.Commit();
}

TaskRecord ToTaskRecord(const BoardRow& r) {
    TaskRecord t;
    t.id = r.taskId;
    t.solution = r.solution;
    t.leadUnitId = r.leadUnitId;
    t.leadPersonId = r.leadPersonId;
    t.leadUnitText = r.leadUnitText;
    t.leadPersonText = r.leadPersonText;
    t.startOn = r.startOn;
    t.dueOn = r.dueOn;
    t.dueYear = r.dueYear;
    t.recurring = r.recurring;
    t.status = r.status;
    t.percentDone = r.percentDone;
    t.closedOn = r.closedOn;
    t.version = r.version;
    return t;
}

namespace {

storage::TaskBoardOrder ToStorage(const TaskOrder& o, Date asOf, std::optional<Period> closed) {
    storage::TaskBoardOrder out;
    static const storage::TaskBoardSort sorts[] = {
        storage::TaskBoardSort::Board,     storage::TaskBoardSort::Unit,
        storage::TaskBoardSort::Criterion, storage::TaskBoardSort::Task,
        storage::TaskBoardSort::Lead,      storage::TaskBoardSort::Due,
        storage::TaskBoardSort::Status,    storage::TaskBoardSort::Percent,
        storage::TaskBoardSort::Overdue,   storage::TaskBoardSort::Updates};
    out.by = sorts[static_cast<int>(o.column)];
    out.ascending = o.ascending;
    out.asOf = asOf.ToIso();
    // Before any quarter when none has closed: nothing is missing.
    out.lastClosed = closed ? QuarterNumber(*closed) : -1;
    return out;
}

TaskCounts ToCounts(const std::vector<storage::TaskBoardCount>& counts) {
    TaskCounts c;
    for (const auto& k : counts) {
        const auto status = static_cast<TaskStatus>(k.status);
        switch (status) {
            case TaskStatus::NotStarted:
                c.notStarted += static_cast<int>(k.tasks);
                break;
            case TaskStatus::InProgress:
                c.inProgress += static_cast<int>(k.tasks);
                break;
            case TaskStatus::Done:
                c.done += static_cast<int>(k.tasks);
                break;
            case TaskStatus::Cancelled:
                c.cancelled += static_cast<int>(k.tasks);
                break;
        }
        c.overdue += static_cast<int>(k.overdue);
    }
    return c;
}

}  // namespace

TaskBoard::TaskBoard(storage::Database& db, Date asOf, const std::string& user)
    : db_(db), asOf_(asOf) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    if (!guard.ReadsAll()) scope_ = guard.ScopeUnit();
    window_ = OrganisationService(db, "").ReportingWindow();
    lastClosed_ = LastClosedQuarter(asOf, window_);
}

storage::TaskBoardQuery TaskBoard::Query(const TaskFilter& f) {
    storage::TaskBoardQuery q;
    q.unitId = f.unitId;
    q.withinUnit = f.withinUnitId;
    if (scope_ && !f.withinUnitId) {
        q.withinUnit = scope_;  // the account's units
    } else if (scope_) {
        // The account's units, and within them the units asked for.
        std::map<std::int64_t, std::optional<std::int64_t>> parents;
        for (const auto& u : storage::UnitRepository(db_.session()).All())
            parents[u.id] = u.parentId;
        auto under = [&](std::int64_t unit, std::int64_t root) {
            for (std::optional<std::int64_t> at = unit; at;) {
                if (*at == root) return true;
                auto it = parents.find(*at);
                if (it == parents.end() || it->second == at) break;
                at = it->second;
            }
            return false;
        };
        if (under(*scope_, *f.withinUnitId))
            q.withinUnit = scope_;
        else if (!under(*f.withinUnitId, *scope_))
            q.nothing = true;
    }
    q.leadUnitId = f.leadUnitId;
    q.leadPersonId = f.leadPersonId;
    if (f.status) q.status = static_cast<int>(*f.status);
    q.openOnly = f.openOnly;
    if (f.dueFrom || f.dueTo) {
        q.dueRange = true;
        if (f.dueFrom) q.dueFrom = f.dueFrom->ToIso();
        if (f.dueTo) q.dueTo = f.dueTo->ToIso();
    }
    // The rules of core OverdueDays and DueWithin as conditions.
    if (f.overdue) {
        if (asOf_.Valid())
            q.openDueBefore = asOf_.ToIso();
        else
            q.nothing = true;
    }
    if (f.dueWithinDays) {
        if (*f.dueWithinDays < 0 || !asOf_.Valid())
            q.nothing = true;
        else
            q.openDueBetween = {asOf_.ToIso(), asOf_.AddDays(*f.dueWithinDays).ToIso()};
    }
    q.cutOff = window_ == WindowKind::CutOff;
    if (f.missingUpdate) {
        if (lastClosed_)
            q.missingBy = QuarterNumber(*lastClosed_);
        else
            q.nothing = true;
    }
    q.contains = SearchKey(f.text);
    if (f.group) {
        q.group = static_cast<int>(*f.group);
        q.groupDay = asOf_.ToIso();
        q.groupMonthEnd =
            Date{asOf_.year, asOf_.month, Date::DaysInMonth(asOf_.year, asOf_.month)}.ToIso();
    }
    return q;
}

BoardTask TaskBoard::ToTask(storage::TaskBoardRow&& r) const {
    BoardTask t;
    t.row = BoardRow{r.taskId,
                     r.itemId,
                     r.planId,
                     r.unitId,
                     r.planYear,
                     std::move(r.criterion),
                     std::move(r.solution),
                     r.leadUnitId,
                     r.leadPersonId,
                     std::move(r.leadUnitText),
                     std::move(r.leadPersonText),
                     std::move(r.startOn),
                     std::move(r.dueOn),
                     std::move(r.closedOn),
                     r.dueYear,
                     r.recurring,
                     r.status,
                     r.percentDone,
                     r.version};
    t.unitCode = std::move(r.unitCode);
    t.unitName = std::move(r.unitName);
    t.leadUnit = std::move(r.leadUnit);
    t.leadPerson = std::move(r.leadPerson);
    t.due = DueDate(ToTaskRecord(t.row));
    t.overdueDays = OverdueDays(t.row.status, t.due, asOf_);
    UpdateSpan span;
    span.first = r.firstQuarter;
    span.last = r.lastQuarter;
    span.firstMissing = r.firstMissing;
    span.updated = std::move(r.updated);
    t.missingUpdates = MissingCount(
        span, lastClosed_ ? std::optional<int>(QuarterNumber(*lastClosed_)) : std::nullopt);
    return t;
}

long TaskBoard::Count(const TaskFilter& filter) {
    return storage::TaskBoardRepository(db_.session()).Count(Query(filter));
}

TaskCounts TaskBoard::Counts(const TaskFilter& filter) {
    return ToCounts(
        storage::TaskBoardRepository(db_.session()).CountByStatus(Query(filter), asOf_.ToIso()));
}

std::map<std::int64_t, TaskCounts> TaskBoard::CountsByUnit(const TaskFilter& filter) {
    std::map<std::int64_t, TaskCounts> out;
    for (const auto& [unit, counts] :
         storage::TaskBoardRepository(db_.session()).CountByUnit(Query(filter), asOf_.ToIso()))
        out[unit] = ToCounts(counts);
    return out;
}

std::vector<TaskBoard::ItemCounts> TaskBoard::CountsByItem(const TaskFilter& filter, bool perUnit) {
    std::vector<ItemCounts> out;
    for (auto& k : storage::TaskBoardRepository(db_.session())
                       .CountByItem(Query(filter), asOf_.ToIso(), perUnit))
        out.push_back({k.unitId, k.criterionId, k.frameworkId, std::move(k.groupTitle),
                       std::move(k.criterionTitle), ToCounts(k.counts)});
    return out;
}

std::vector<std::pair<TaskGroup, long>> TaskBoard::GroupCounts(const TaskFilter& filter) {
    const Date monthEnd{asOf_.year, asOf_.month, Date::DaysInMonth(asOf_.year, asOf_.month)};
    std::vector<std::pair<TaskGroup, long>> out;
    for (const auto& [group, n] : storage::TaskBoardRepository(db_.session())
                                      .CountByGroup(Query(filter), asOf_.ToIso(), monthEnd.ToIso()))
        if (n > 0) out.emplace_back(static_cast<TaskGroup>(group), n);
    return out;
}

std::vector<BoardTask> TaskBoard::Window(const TaskFilter& filter, const TaskOrder& order,
                                         long offset, long limit, long total) {
    auto rows =
        storage::TaskBoardRepository(db_.session())
            .Window(Query(filter), ToStorage(order, asOf_, lastClosed_), offset, limit, total);
    std::vector<BoardTask> out;
    out.reserve(rows.size());
    for (auto& r : rows) out.push_back(ToTask(std::move(r)));
    return out;
}

void TaskBoard::ForEach(const TaskFilter& filter, const TaskOrder& order,
                        const std::function<void(const BoardTask&)>& each) {
    const long window = 1000;
    const long total = Count(filter);
    for (long offset = 0; offset < total; offset += window)
        for (const auto& t : Window(filter, order, offset, window)) each(t);
}

std::vector<BoardTask> TaskBoard::List(const TaskFilter& filter, const TaskOrder& order) {
    std::vector<BoardTask> out;
    ForEach(filter, order, [&](const BoardTask& t) { out.push_back(t); });
    return out;
}

std::map<std::int64_t, long> TaskBoard::MissingUpdatesByUnit() {
    if (!lastClosed_) return {};
    TaskFilter missing;
    missing.missingUpdate = true;
    return storage::TaskBoardRepository(db_.session()).CountPerUnit(Query(missing));
}

std::vector<std::pair<std::string, std::string>> TaskBoard::Leads(const TaskFilter& filter) {
    storage::TaskBoardRepository repo(db_.session());
    const auto q = Query(filter);
    std::vector<std::pair<std::string, std::string>> people, offices;
    for (const auto& [id, name] : repo.LeadPeople(q))
        people.emplace_back("person:" + std::to_string(id), name);
    for (const auto& [id, name] : repo.LeadUnits(q))
        offices.emplace_back("unit:" + std::to_string(id), name);
    auto byName = [](const auto& a, const auto& b) { return VietnameseLess(a.second, b.second); };
    std::sort(people.begin(), people.end(), byName);
    std::sort(offices.begin(), offices.end(), byName);
    people.insert(people.end(), offices.begin(), offices.end());
    return people;
}

}  // namespace cchc::services
