// Plans and tasks to and from files: see plan_io.h.
#include "services/plans/plan_io.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/records.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/io/table_io.h"
#include "services/org/directory.h"
#include "services/plans/plan_audit.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {
using tableio::ColumnMap;
using tableio::ColumnSpec;

const std::vector<ColumnSpec>& TaskColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"unit", {"mã đơn vị", "đơn vị", "unit code"}, true},
        {"framework", {"bộ chỉ số", "mã bộ chỉ số", "framework code"}, true},
        {"year", {"năm", "năm kế hoạch"}, true},
        {"criterion", {"mã tiêu chí", "tiêu chí", "criterion code"}, false},
        {"target", {"mục tiêu", "mục tiêu, yêu cầu", "yêu cầu"}, false},
        {"task", {"nhiệm vụ", "nhiệm vụ, giải pháp", "giải pháp", "solution"}, true},
        {"lead_unit", {"đơn vị chủ trì", "chủ trì", "lead unit"}, false},
        {"lead_person", {"người chủ trì", "người phụ trách", "phụ trách", "lead person"}, false},
        {"coordinating_units", {"phối hợp", "đơn vị phối hợp", "coordinating units"}, false},
        {"start", {"bắt đầu", "ngày bắt đầu", "start date"}, false},
        {"due", {"thời hạn", "hạn hoàn thành", "thời gian hoàn thành", "due date"}, false},
        {"recurring", {"thường xuyên", "hằng năm", "lặp lại"}, false},
        {"status", {"trạng thái", "tình trạng"}, false},
        {"percent", {"tiến độ", "tỷ lệ hoàn thành", "% hoàn thành", "percent done"}, false},
        {"outcome", {"kết quả", "kết quả thực hiện"}, false},
    };
    return specs;
}

const std::vector<std::string>& TaskHeader() {
    static const std::vector<std::string> h = {"unit",      "framework",   "year",
                                               "criterion", "target",      "task",
                                               "lead_unit", "lead_person", "coordinating_units",
                                               "start",     "due",         "recurring",
                                               "status",    "percent",     "outcome"};
    return h;
}

// ISO from "2026-03-31" or "31/03/2026".
std::optional<std::string> ParseDate(const std::string& text) {
    if (auto d = Date::ParseIso(text)) return d->ToIso();
    if (auto d = Date::ParseVn(text)) return d->ToIso();
    return std::nullopt;
}

std::optional<bool> ParseYesNo(const std::string& text) {
    const std::string t = tableio::NormalizeColumnName(text);
    if (t.empty() || t == "no" || t == "khong" || t == "0" || t == "false") return false;
    if (t == "yes" || t == "co" || t == "1" || t == "true" || t == "x") return true;
    return std::nullopt;
}

std::optional<TaskStatus> ParseStatus(const std::string& text) {
    if (text.empty()) return TaskStatus::NotStarted;
    if (auto s = TaskStatusFromKey(text)) return s;
    const std::string t = tableio::NormalizeColumnName(text);
    if (t == "chua thuc hien" || t == "chua bat dau") return TaskStatus::NotStarted;
    if (t == "dang thuc hien") return TaskStatus::InProgress;
    if (t == "da hoan thanh" || t == "hoan thanh") return TaskStatus::Done;
    if (t == "huy" || t == "da huy") return TaskStatus::Cancelled;
    return std::nullopt;
}

// "Trong năm 2021", "Trong năm 2021 và những năm tiếp theo", "Trước ngày 31/03/2026".
std::string TimeText(const TaskRecord& t) {
    if (t.dueOn) {
        auto d = Date::ParseIso(*t.dueOn);
        return fmt::format(fmt::runtime(tr("By {0}")), d ? FormatDate(*d) : *t.dueOn);
    }
    if (t.dueYear && t.recurring)
        return fmt::format(fmt::runtime(tr("In {0} and the following years")), *t.dueYear);
    if (t.dueYear) return fmt::format(fmt::runtime(tr("In {0}")), *t.dueYear);
    return {};
}

bool SameCoordinators(const std::vector<TaskCoordinator>& a,
                      const std::vector<TaskCoordinator>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const TaskCoordinator& x, const TaskCoordinator& y) {
                          return x.unitId == y.unitId && x.personId == y.personId &&
                                 x.text == y.text;
                      });
}

// Whether an imported task holds the values already stored.
bool SameTask(const TaskRecord& a, const TaskRecord& b) {
    return a.solution == b.solution && a.leadUnitId == b.leadUnitId &&
           a.leadPersonId == b.leadPersonId && a.leadUnitText == b.leadUnitText &&
           a.leadPersonText == b.leadPersonText && a.startOn == b.startOn && a.dueOn == b.dueOn &&
           a.dueYear == b.dueYear && a.recurring == b.recurring && a.timeText == b.timeText &&
           a.status == b.status && a.percentDone == b.percentDone && a.outcome == b.outcome &&
           a.closedOn == b.closedOn && SameCoordinators(a.coordinators, b.coordinators);
}

// One import of a tasks file: each row read into a task, then stored in
// its plan (found or created once per unit, framework and year) under the
// item of its criterion.
class TaskImport {
  public:
    TaskImport(storage::Database& db, tableio::TableReader& reader, const ColumnMap& cols,
               const std::string& user)
        : reader_(reader),
          cols_(cols),
          user_(user),
          dir_(db),
          frameworks_(db.session()),
          plans_(db.session()),
          audit_(db.session()),
          guard_(db, user) {
        guard_.Require(Action::Import);
    }

    void Row(const std::vector<std::string>& f) {
        const std::int64_t unitId = UnitOf(f);
        guard_.RequireAt(cols_.At(reader_, "unit"), Action::EditPlans, unitId);
        const std::string fwCode = Trim(cols_.Get(f, "framework"));
        const Framework* fw = FrameworkOf(fwCode);
        const int year = YearOf(f);
        const std::string critCode = Trim(cols_.Get(f, "criterion"));
        tableio::CheckTextLimit(cols_, reader_, "criterion", critCode, kCodeText);
        const Criterion* criterion = CriterionOf(critCode, fw, fwCode);
        const std::string target = Trim(cols_.Get(f, "target"));
        tableio::CheckTextLimit(cols_, reader_, "target", target, kLongText);
        TaskRecord t = ReadTask(f, year);
        PlanRecord& plan = PlanFor(unitId, fw, year);
        PlanItemRecord& item =
            ItemFor(plan, fw, criterion, criterion ? criterion->code : critCode, target);
        StoreTask(item, std::move(t));
    }

    const ImportSummary& Summary() const { return summary_; }

  private:
    struct PlanKey {
        std::int64_t unit;
        std::int64_t framework;  // 0: none
        int year;
        bool operator<(const PlanKey& o) const {
            return std::tie(unit, framework, year) < std::tie(o.unit, o.framework, o.year);
        }
    };

    UserError Error(const char* column, const std::string& message) const {
        return UserError(cols_.At(reader_, column), message);
    }
    static std::string ChangedMeanwhile() {
        return tr(
            "another desk saved this task or target while the file was imported; nothing "
            "was imported: import the file again");
    }

    std::int64_t UnitOf(const std::vector<std::string>& f) {
        const std::string unitCode = Trim(cols_.Get(f, "unit"));
        const auto unitId = dir_.UnitByCode(unitCode);
        if (!unitId) {
            guard_.RefuseHiddenUnit(Action::EditPlans, unitCode, cols_.At(reader_, "unit"));
            throw Error("unit", std::string(tr("the unit does not exist: ")) + Excerpt(unitCode));
        }
        return *unitId;
    }

    // The framework of the code, loaded once; nothing for an empty code.
    const Framework* FrameworkOf(const std::string& fwCode) {
        if (fwCode.empty()) return nullptr;
        auto it = loaded_.find(fwCode);
        if (it == loaded_.end()) {
            std::optional<Framework> one;
            if (auto id = frameworks_.IdByCode(fwCode)) one = frameworks_.Load(*id);
            it = loaded_.emplace(fwCode, std::move(one)).first;
        }
        if (!it->second)
            throw Error("framework",
                        fmt::format(fmt::runtime(tr("the framework does not exist: {0}")),
                                    Excerpt(fwCode)));
        return &*it->second;
    }

    int YearOf(const std::vector<std::string>& f) const {
        const std::string yearText = Trim(cols_.Get(f, "year"));
        const auto year = ParseInteger(yearText, 1900, 2999);
        if (!year)
            throw Error("year",
                        fmt::format(fmt::runtime(tr("not a year: {0}")), Excerpt(yearText)));
        return static_cast<int>(*year);
    }

    // The criterion of the code in the framework; nothing without either.
    const Criterion* CriterionOf(const std::string& critCode, const Framework* fw,
                                 const std::string& fwCode) const {
        const Criterion* criterion = nullptr;
        if (!critCode.empty() && fw) {
            for (const auto& c : fw->criteria)
                if (c.code == critCode) criterion = &c;
            if (!criterion)
                throw Error(
                    "criterion",
                    fmt::format(fmt::runtime(tr("the criterion {0} is not in framework {1}")),
                                Excerpt(critCode), Excerpt(fwCode)));
        }
        return criterion;
    }

    // The task of the row: its text, leads, time frame, status and outcome.
    TaskRecord ReadTask(const std::vector<std::string>& f, int year) const {
        TaskRecord t;
        t.solution = Trim(cols_.Get(f, "task"));
        if (t.solution.empty()) throw Error("task", tr("the task needs its text"));
        tableio::CheckTextLimit(cols_, reader_, "task", t.solution, kFreeText);
        const std::string leadUnit = Trim(cols_.Get(f, "lead_unit"));
        tableio::CheckTextLimit(cols_, reader_, "lead_unit", leadUnit, kShortText);
        if (auto id = leadUnit.empty() ? std::nullopt : dir_.Unit(leadUnit))
            t.leadUnitId = *id;
        else
            t.leadUnitText = leadUnit;
        const std::string leadPerson = Trim(cols_.Get(f, "lead_person"));
        tableio::CheckTextLimit(cols_, reader_, "lead_person", leadPerson, kShortText);
        if (auto id = leadPerson.empty() ? std::nullopt : dir_.Person(leadPerson))
            t.leadPersonId = *id;
        else
            t.leadPersonText = leadPerson;
        const std::string& coordinating = cols_.Get(f, "coordinating_units");
        tableio::CheckTextLimit(cols_, reader_, "coordinating_units", coordinating, kLongText);
        t.coordinators = dir_.Coordinators(coordinating);
        ReadTimeFrame(f, year, t);
        ReadProgress(f, t);
        t.outcome = Trim(cols_.Get(f, "outcome"));
        tableio::CheckTextLimit(cols_, reader_, "outcome", t.outcome, kFreeText);
        t.timeText = TimeText(t);
        return t;
    }

    // Start, due date or year, and recurring (from the plan's year when no
    // due is given).
    void ReadTimeFrame(const std::vector<std::string>& f, int year, TaskRecord& t) const {
        const std::string start = Trim(cols_.Get(f, "start"));
        if (!start.empty()) {
            t.startOn = ParseDate(start);
            if (!t.startOn)
                throw Error("start", fmt::format(fmt::runtime(tr("not a date (write 2026-03-31 or "
                                                                 "31/03/2026): {0}")),
                                                 Excerpt(start)));
        }
        const std::string due = Trim(cols_.Get(f, "due"));
        if (!due.empty()) {
            if (due.size() == 4 &&
                std::all_of(due.begin(), due.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                // A plan's years: as YearOf reads them.
                const auto dueYear = ParseInteger(due, 1900, 2999);
                if (!dueYear)
                    throw Error("due",
                                fmt::format(fmt::runtime(tr("not a year: {0}")), Excerpt(due)));
                t.dueYear = static_cast<int>(*dueYear);
            } else if (auto d = ParseDate(due)) {
                t.dueOn = *d;
            } else {
                throw Error("due", fmt::format(fmt::runtime(tr("not a date or a year (write "
                                                               "2026-03-31, 31/03/2026 or "
                                                               "2026): {0}")),
                                               Excerpt(due)));
            }
        }
        if (t.startOn && t.dueOn && *t.dueOn < *t.startOn)
            throw Error("due", tr("the task is due before it starts"));
        auto recurring = ParseYesNo(Trim(cols_.Get(f, "recurring")));
        if (!recurring)
            throw Error("recurring", fmt::format(fmt::runtime(tr("write yes or no: {0}")),
                                                 Excerpt(cols_.Get(f, "recurring"))));
        t.recurring = *recurring;
        if (t.recurring && !t.dueYear && !t.dueOn) t.dueYear = year;
    }

    // Status and percentage done (100 for a done task when none is given).
    void ReadProgress(const std::vector<std::string>& f, TaskRecord& t) const {
        auto status = ParseStatus(Trim(cols_.Get(f, "status")));
        if (!status)
            throw Error("status",
                        fmt::format(fmt::runtime(tr("not a task status (not_started, in_progress, "
                                                    "done or cancelled): {0}")),
                                    Excerpt(cols_.Get(f, "status"))));
        t.status = *status;
        const std::string percent = Trim(cols_.Get(f, "percent"));
        if (percent.empty()) {
            t.percentDone = t.status == TaskStatus::Done ? 100 : 0;
        } else {
            std::string digits = percent;
            if (!digits.empty() && digits.back() == '%') digits.pop_back();
            const bool ok =
                !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
            const auto value = ok ? ParseInteger(digits, 0, 100) : std::nullopt;
            if (!value)
                throw Error("percent", fmt::format(fmt::runtime(tr("the percentage done must be a "
                                                                   "whole number from 0 to "
                                                                   "100: {0}")),
                                                   Excerpt(percent)));
            t.percentDone = static_cast<int>(*value);
        }
    }

    // The plan, found or created once per (unit, framework, year).
    PlanRecord& PlanFor(std::int64_t unitId, const Framework* fw, int year) {
        const PlanKey key{unitId, fw ? fw->id : 0, year};
        auto planIt = planCache_.find(key);
        if (planIt != planCache_.end()) return planIt->second;
        std::optional<std::int64_t> fwId = fw ? std::optional<std::int64_t>(fw->id) : std::nullopt;
        PlanRecord plan;
        if (auto existing = plans_.FindPlan(unitId, fwId, year, "remediation")) {
            plan = *plans_.Load(*existing);
        } else {
            plan.unitId = unitId;
            plan.frameworkId = fwId;
            plan.year = year;
            plan.title = "KẾ HOẠCH";
            plan.summary = fmt::format(fmt::runtime(tr("Remediation of the shortcomings of the "
                                                       "administrative reform index, year {0}")),
                                       year);
            plans_.Insert(plan);
            audit_.Record(
                {"", user_, "plans", plan.id, "insert", "", std::nullopt, reader_.FileName()});
        }
        return planCache_.emplace(key, std::move(plan)).first->second;
    }

    // The item of the criterion (or of the heading when no framework),
    // created when missing; a target already stored is replaced by the file's.
    PlanItemRecord& ItemFor(PlanRecord& plan, const Framework* fw, const Criterion* criterion,
                            const std::string& heading, const std::string& target) {
        auto item =
            std::find_if(plan.items.begin(), plan.items.end(), [&](const PlanItemRecord& i) {
                return criterion ? i.criterionId == criterion->id
                                 : (!i.criterionId && i.heading == heading);
            });
        if (item == plan.items.end()) {
            PlanItemRecord created;
            if (criterion) {
                created.criterionId = criterion->id;
                created.criterionTitle = criterion->title;
                // The field the criterion belongs to, for the plan's headings.
                const Criterion* top = criterion;
                for (int guard = 0; guard < 16 && !top->parentCode.empty(); ++guard) {
                    auto parent =
                        std::find_if(fw->criteria.begin(), fw->criteria.end(),
                                     [&](const Criterion& c) { return c.code == top->parentCode; });
                    if (parent == fw->criteria.end()) break;
                    top = &*parent;
                }
                if (top != criterion) {
                    created.groupLabel = top->code;
                    created.groupTitle = top->title;
                }
            }
            created.heading = heading;
            created.targetText = target;
            plans_.InsertItem(plan.id, created);
            plan.items.push_back(std::move(created));
            return plan.items.back();
        }
        if (!target.empty() && item->targetText != target) {
            const std::string before = item->targetText;
            item->targetText = target;
            // Read in this transaction: refused only when another desk saved
            // the item between the read and this write.
            if (!plans_.UpdateItemTarget(*item)) throw Error("target", ChangedMeanwhile());
            ++item->version;
            audit_.Record(
                {"", user_, "plan_items", item->id, "update", "target_text", before, target});
        }
        return *item;
    }

    // The task: updated when the item already has one with this text that
    // no earlier row of the file matched (an item may list the same text
    // twice); left alone when the file gives the values already stored.
    void StoreTask(PlanItemRecord& item, TaskRecord t) {
        auto same = std::find_if(item.tasks.begin(), item.tasks.end(), [&](const TaskRecord& x) {
            return x.solution == t.solution && !matched_.count(x.id);
        });
        if (same != item.tasks.end()) {
            matched_.insert(same->id);
            t.id = same->id;
            t.closedOn = same->closedOn;
            if (t.status == TaskStatus::Done && !t.closedOn) t.closedOn = Date::Today().ToIso();
            // The time frame as the user wrote it stays when the frame is the same.
            if (t.startOn == same->startOn && t.dueOn == same->dueOn &&
                t.dueYear == same->dueYear && t.recurring == same->recurring)
                t.timeText = same->timeText;
            if (SameTask(*same, t)) {
                ++summary_.unchanged;
                return;
            }
            t.version = same->version;
            if (!plans_.UpdateTask(t, user_)) throw Error("task", ChangedMeanwhile());
            ++t.version;
            RecordTaskChanges(audit_, user_, dir_, *same, t);
            *same = t;
            ++summary_.updated;
        } else {
            if (t.status == TaskStatus::Done && !t.closedOn) t.closedOn = Date::Today().ToIso();
            plans_.InsertTask(item.id, t, user_);
            audit_.Record({"", user_, "tasks", t.id, "insert", "", std::nullopt, t.solution});
            matched_.insert(t.id);
            item.tasks.push_back(t);
            ++summary_.inserted;
        }
    }

    tableio::TableReader& reader_;
    const ColumnMap& cols_;
    const std::string& user_;
    const OfficeDirectory dir_;
    storage::FrameworkRepository frameworks_;
    storage::PlanRepository plans_;
    storage::AuditRepository audit_;
    std::map<std::string, std::optional<Framework>> loaded_;
    std::map<PlanKey, PlanRecord> planCache_;  // loaded or created, with items and tasks
    std::set<std::int64_t> matched_;           // tasks a row of the file stands for
    ImportSummary summary_;
    AccessGuard guard_;
};

}  // namespace

ImportSummary ImportTasks(storage::Database& db, const std::string& path, const std::string& user,
                          const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, TaskColumns());
    storage::Transaction tx(db);
    TaskImport import(db, *reader, cols, user);
    std::vector<std::string> f;
    while (reader->Next(f)) import.Row(f);
    tx.Commit();
    return import.Summary();
}

long ExportTasks(storage::Database& db, const std::string& path, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    const OfficeDirectory dir(db);
    std::map<std::int64_t, std::string> frameworkCode;
    std::map<std::int64_t, std::string> criterionCode;
    storage::FrameworkRepository frameworks(db.session());
    for (const auto& f : frameworks.List()) {
        frameworkCode[f.id] = f.code;
        if (auto full = frameworks.Load(f.id))
            for (const auto& c : full->criteria) criterionCode[c.id] = c.code;
    }
    auto w = tableio::TableWriter::Create(path, TaskHeader(), {false, "tasks", {}});
    for (const auto& plan : storage::PlanRepository(db.session()).All()) {
        if (!guard.InScope(plan.unitId)) continue;
        const std::string unit = dir.UnitCode(plan.unitId);
        const std::string fw = plan.frameworkId ? frameworkCode[*plan.frameworkId] : "";
        for (const auto& item : plan.items)
            for (const auto& t : item.tasks) {
                auto unitName = [&](const std::optional<std::int64_t>& id,
                                    const std::string& text) {
                    return id ? dir.UnitCode(*id) : text;
                };
                auto personName = [&](const std::optional<std::int64_t>& id,
                                      const std::string& text) {
                    return id ? dir.PersonCode(*id) : text;
                };
                const std::string coordinators = dir.CoordinatorsText(t.coordinators, true);
                std::string due = t.dueOn     ? *t.dueOn
                                  : t.dueYear ? std::to_string(*t.dueYear)
                                              : std::string();
                // The criterion by its code, which an import looks up in the
                // framework; the heading for an item without one.
                const std::string criterion =
                    plan.frameworkId && item.criterionId && criterionCode.count(*item.criterionId)
                        ? criterionCode[*item.criterionId]
                        : item.heading;
                w->Add({unit, fw, std::to_string(plan.year), criterion, item.targetText, t.solution,
                        unitName(t.leadUnitId, t.leadUnitText),
                        personName(t.leadPersonId, t.leadPersonText), coordinators,
                        t.startOn.value_or(""), due, t.recurring ? "yes" : "no",
                        TaskStatusKey(t.status), std::to_string(t.percentDone), t.outcome});
            }
    }
    w->Close();
    return w->Rows();
}

const std::vector<tableio::ColumnSpec>& TaskImportColumns() { return TaskColumns(); }

}  // namespace cchc::services
