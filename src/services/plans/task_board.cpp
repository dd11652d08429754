// The office's tasks in memory: see task_board.h.
#include "services/plans/task_board.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/collation.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "services/app/access_guard.h"
#include "services/io/table_io.h"
#include "services/org/organisation.h"
#include "storage/plan_repository.h"
#include "storage/saved_filter_repository.h"
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

TaskBoard TaskBoard::Load(storage::Database& db, Date asOf, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    TaskBoard board = Load(db, asOf);
    if (!guard.ReadsAll())
        board.tasks_.erase(
            std::remove_if(board.tasks_.begin(), board.tasks_.end(),
                           [&](const BoardTask& t) { return !guard.InScope(t.row.unitId); }),
            board.tasks_.end());
    return board;
}

TaskBoard TaskBoard::Load(storage::Database& db, Date asOf) {
    TaskBoard board;
    board.asOf_ = asOf;
    const WindowKind window = OrganisationService(db, "").ReportingWindow();
    storage::PlanRepository plans(db.session());
    std::map<std::int64_t, std::set<std::string>> updates;
    for (auto& [task, period] : plans.UpdatePeriods()) updates[task].insert(std::move(period));
    const std::set<std::string> none;
    auto rows = plans.ForBoard();
    board.tasks_.reserve(rows.size());
    for (auto& stored : rows) {
        BoardTask t;
        BoardRow row{stored.taskId,
                     stored.itemId,
                     stored.planId,
                     stored.unitId,
                     stored.planYear,
                     std::move(stored.criterion),
                     std::move(stored.solution),
                     stored.leadUnitId,
                     stored.leadPersonId,
                     std::move(stored.leadUnitText),
                     std::move(stored.leadPersonText),
                     std::move(stored.startOn),
                     std::move(stored.dueOn),
                     std::move(stored.closedOn),
                     stored.dueYear,
                     stored.recurring,
                     stored.status,
                     stored.percentDone,
                     stored.version};
        const TaskRecord record = ToTaskRecord(row);
        t.due = DueDate(record);
        t.overdueDays = OverdueDays(record.status, t.due, asOf);
        auto u = updates.find(row.taskId);
        t.missingUpdates =
            static_cast<int>(MissingUpdates(record, row.planYear,
                                            u == updates.end() ? none : u->second, asOf, window)
                                 .size());
        t.searchKey = tableio::NormalizeColumnName(row.criterion + " " + row.solution);
        t.row = std::move(row);
        board.tasks_.push_back(std::move(t));
    }
    for (const auto& u : storage::UnitRepository(db.session()).All())
        board.units_[u.id] = {u.code, u.name};
    for (const auto& p : storage::PersonRepository(db.session()).All())
        board.people_[p.id] = p.fullName;
    // Commune, then due date (tasks without one last), then id; the keys
    // worked out once per task.
    std::vector<std::tuple<std::string, int, std::int64_t, std::size_t>> keys;
    keys.reserve(board.tasks_.size());
    for (std::size_t i = 0; i < board.tasks_.size(); ++i) {
        const BoardTask& t = board.tasks_[i];
        const int due = t.due ? t.due->year * 10000 + t.due->month * 100 + t.due->day : 99999999;
        keys.emplace_back(board.UnitCode(t.row.unitId), due, t.row.taskId, i);
    }
    std::sort(keys.begin(), keys.end());
    std::vector<BoardTask> sorted;
    sorted.reserve(keys.size());
    for (const auto& k : keys) sorted.push_back(std::move(board.tasks_[std::get<3>(k)]));
    board.tasks_ = std::move(sorted);
    return board;
}

std::vector<std::size_t> TaskBoard::Filter(const TaskFilter& f) const {
    const std::string text = tableio::NormalizeColumnName(f.text);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < tasks_.size(); ++i) {
        const BoardTask& t = tasks_[i];
        const BoardRow& r = t.row;
        if (f.unitId && r.unitId != *f.unitId) continue;
        if (f.leadUnitId && r.leadUnitId != f.leadUnitId) continue;
        if (f.leadPersonId && r.leadPersonId != f.leadPersonId) continue;
        if (f.status && r.status != *f.status) continue;
        if (f.openOnly && IsClosed(r.status)) continue;
        if (f.dueFrom && (!t.due || *t.due < *f.dueFrom)) continue;
        if (f.dueTo && (!t.due || *f.dueTo < *t.due)) continue;
        if (f.overdue && t.overdueDays <= 0) continue;
        if (f.dueWithinDays && !DueWithin(r.status, t.due, asOf_, *f.dueWithinDays)) continue;
        if (f.missingUpdate && t.missingUpdates == 0) continue;
        if (!text.empty() && t.searchKey.find(text) == std::string::npos) continue;
        out.push_back(i);
    }
    return out;
}

TaskCounts TaskBoard::Count(const std::vector<std::size_t>& positions) const {
    TaskCounts c{};
    for (std::size_t i : positions) c.Add(tasks_[i].row.status, tasks_[i].overdueDays > 0);
    return c;
}

std::vector<std::pair<std::string, std::string>> TaskBoard::Leads() const {
    std::set<std::int64_t> units, persons;
    for (const auto& t : tasks_) {
        if (t.row.leadUnitId) units.insert(*t.row.leadUnitId);
        if (t.row.leadPersonId) persons.insert(*t.row.leadPersonId);
    }
    std::vector<std::pair<std::string, std::string>> people, offices;
    for (std::int64_t id : persons)
        if (auto it = people_.find(id); it != people_.end())
            people.emplace_back("person:" + std::to_string(id), it->second);
    for (std::int64_t id : units) offices.emplace_back("unit:" + std::to_string(id), UnitName(id));
    auto byName = [](const auto& a, const auto& b) { return VietnameseLess(a.second, b.second); };
    std::sort(people.begin(), people.end(), byName);
    std::sort(offices.begin(), offices.end(), byName);
    people.insert(people.end(), offices.begin(), offices.end());
    return people;
}

std::string TaskGroupLabel(TaskGroup group) {
    switch (group) {
        case TaskGroup::Overdue:
            return tr("Overdue");
        case TaskGroup::DueThisMonth:
            return tr("Due this month");
        case TaskGroup::InProgress:
            return TaskStatusLabel(TaskStatus::InProgress);
        case TaskGroup::NotStarted:
            return TaskStatusLabel(TaskStatus::NotStarted);
        case TaskGroup::Done:
            return TaskStatusLabel(TaskStatus::Done);
        case TaskGroup::Cancelled:
            return TaskStatusLabel(TaskStatus::Cancelled);
    }
    return {};
}

std::map<std::int64_t, long> TaskBoard::MissingUpdatesByUnit() const {
    std::map<std::int64_t, long> out;
    for (const auto& t : tasks_)
        if (t.missingUpdates > 0) ++out[t.row.unitId];
    return out;
}

TaskGroup TaskBoard::GroupOf(const BoardTask& t) const {
    const TaskStatus s = t.row.status;
    const bool open = !IsClosed(s);
    if (open && t.overdueDays > 0) return TaskGroup::Overdue;
    if (open && t.due && t.due->year == asOf_.year && t.due->month == asOf_.month)
        return TaskGroup::DueThisMonth;
    switch (s) {
        case TaskStatus::InProgress:
            return TaskGroup::InProgress;
        case TaskStatus::NotStarted:
            return TaskGroup::NotStarted;
        case TaskStatus::Done:
            return TaskGroup::Done;
        default:
            return TaskGroup::Cancelled;
    }
}

std::vector<std::pair<TaskGroup, std::vector<std::size_t>>> TaskBoard::Group(
    const std::vector<std::size_t>& positions) const {
    constexpr int kGroups = static_cast<int>(TaskGroup::Cancelled) + 1;
    std::vector<std::size_t> groups[kGroups];
    for (std::size_t i : positions) groups[static_cast<int>(GroupOf(tasks_[i]))].push_back(i);
    std::vector<std::pair<TaskGroup, std::vector<std::size_t>>> out;
    for (int g = 0; g < kGroups; ++g)
        if (!groups[g].empty()) out.emplace_back(static_cast<TaskGroup>(g), std::move(groups[g]));
    return out;
}

std::string TaskBoard::UnitCode(std::int64_t unitId) const {
    auto it = units_.find(unitId);
    return it == units_.end() ? std::string() : it->second.first;
}

std::string TaskBoard::UnitName(std::int64_t unitId) const {
    auto it = units_.find(unitId);
    return it == units_.end() ? std::string() : it->second.second;
}

std::string TaskBoard::LeadUnit(const BoardTask& t) const {
    if (t.row.leadUnitId) return UnitName(*t.row.leadUnitId);
    return t.row.leadUnitText;
}

std::string TaskBoard::LeadPerson(const BoardTask& t) const {
    if (t.row.leadPersonId) {
        auto it = people_.find(*t.row.leadPersonId);
        if (it != people_.end()) return it->second;
    }
    return t.row.leadPersonText;
}

}  // namespace cchc::services
