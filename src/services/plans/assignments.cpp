// The indicator assignment matrix: see assignments.h.
#include "services/plans/assignments.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/framework.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/text_limits.h"
#include "services/io/table_io.h"
#include "services/org/directory.h"
#include "storage/assignment_repository.h"
#include "storage/framework_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {
using storage::AssignmentRecord;
using tableio::ColumnMap;
using tableio::ColumnSpec;

const std::vector<ColumnSpec>& AssignmentColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"unit", {"mã đơn vị", "đơn vị", "unit code"}, true},
        {"framework", {"bộ chỉ số", "mã bộ chỉ số", "framework code"}, true},
        {"group", {"nhóm", "nhóm chỉ số", "stt"}, true},
        {"indicator", {"mã chỉ số", "mã tiêu chí", "criterion"}, false},
        {"title", {"chỉ số", "nội dung", "tên chỉ số"}, false},
        {"lead_unit", {"đơn vị phụ trách", "đơn vị chủ trì", "chủ trì", "lead unit"}, false},
        {"coordinating_units", {"đơn vị phối hợp", "phối hợp", "coordinating units"}, false},
        {"responsible_person",
         {"người thực hiện", "người phụ trách", "cá nhân phụ trách", "responsible person"},
         false},
    };
    return specs;
}

const std::vector<std::string>& AssignmentHeader() {
    static const std::vector<std::string> h = {"unit",
                                               "framework",
                                               "group",
                                               "indicator",
                                               "title",
                                               "lead_unit",
                                               "coordinating_units",
                                               "responsible_person"};
    return h;
}

std::vector<std::string> SplitList(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto semi = text.find(';', start);
        std::string part =
            Trim(text.substr(start, semi == std::string::npos ? std::string::npos : semi - start));
        if (!part.empty()) out.push_back(part);
        if (semi == std::string::npos) break;
        start = semi + 1;
    }
    return out;
}

// Where a problem in row i (0-based) and column key is reported.
using Locate = std::function<Location(std::size_t row, const std::string& field)>;

const Criterion* FindCriterion(const Framework& fw, const std::string& code) {
    for (const auto& c : fw.criteria)
        if (c.code == code) return &c;
    return nullptr;
}

// Links the row's lead, coordinators and person where they name the office's
// units and people; keeps the rest as written.
AssignmentRecord Resolve(const OfficeDirectory& dir, const AssignmentRow& row) {
    AssignmentRecord a;
    a.title = Trim(row.title);
    const std::string lead = Trim(row.leadUnit);
    if (auto id = dir.Unit(lead))
        a.leadUnitId = *id;
    else
        a.leadUnitText = lead;
    std::string wording;
    for (const auto& part : SplitList(row.coordinatingUnits)) {
        if (!wording.empty()) wording += "; ";
        wording += part;
        if (auto id = dir.Unit(part);
            id && std::find(a.coordinatorIds.begin(), a.coordinatorIds.end(), *id) ==
                      a.coordinatorIds.end())
            a.coordinatorIds.push_back(*id);
    }
    a.coordinatingText = wording;
    const std::string person = Trim(row.responsiblePerson);
    if (auto id = dir.Person(person))
        a.responsiblePersonId = *id;
    else
        a.responsibleText = person;
    return a;
}

// The rows as a two-level matrix for the framework; throws UserError at
// locate(row, column) on the first problem.
std::vector<AssignmentRecord> BuildMatrix(const OfficeDirectory& dir, const Framework& fw,
                                          const std::vector<AssignmentRow>& rows,
                                          const Locate& locate) {
    std::vector<AssignmentRecord> groups;
    std::map<std::string, std::size_t> groupByLabel;
    std::set<std::string> indicatorsSeen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const AssignmentRow& row = rows[i];
        const std::string group = Trim(row.group), indicator = Trim(row.indicator);
        const std::pair<const char*, std::pair<std::string, const TextLimit*>> texts[] = {
            {"group", {group, &kCodeText}},
            {"indicator", {indicator, &kCodeText}},
            {"title", {Trim(row.title), &kTitleText}},
            {"lead_unit", {Trim(row.leadUnit), &kShortText}},
            {"coordinating_units", {row.coordinatingUnits, &kLongText}},
            {"responsible_person", {Trim(row.responsiblePerson), &kShortText}},
        };
        for (const auto& [key, text] : texts)
            if (std::string tooLong = TooLong(text.first, *text.second); !tooLong.empty())
                throw UserError(locate(i, key), tooLong);
        if (group.empty())
            throw UserError(locate(i, "group"),
                            tr("write the indicator group of the row (for example I, III.1 or a "
                               "group code of the framework)"));
        AssignmentRecord a = Resolve(dir, row);
        if (indicator.empty()) {
            if (groupByLabel.count(group))
                throw UserError(
                    locate(i, "group"),
                    fmt::format(fmt::runtime(tr("the group {0} appears twice")), Excerpt(group)));
            a.groupLabel = group;
            if (const Criterion* c = FindCriterion(fw, group)) {
                a.criterionId = c->id;
                if (a.title.empty()) a.title = c->title;
            }
            groupByLabel[group] = groups.size();
            groups.push_back(std::move(a));
            continue;
        }
        const Criterion* c = FindCriterion(fw, indicator);
        if (!c)
            throw UserError(
                locate(i, "indicator"),
                fmt::format(fmt::runtime(tr("the indicator {0} is not in framework {1}")),
                            Excerpt(indicator), fw.code));
        if (!indicatorsSeen.insert(indicator).second)
            throw UserError(locate(i, "indicator"),
                            fmt::format(fmt::runtime(tr("the indicator {0} is assigned twice")),
                                        Excerpt(indicator)));
        auto g = groupByLabel.find(group);
        if (g == groupByLabel.end())
            throw UserError(
                locate(i, "group"),
                fmt::format(fmt::runtime(tr("the group {0} has no row of its own above its "
                                            "indicators")),
                            group));
        a.criterionId = c->id;
        if (a.title.empty()) a.title = c->title;
        groups[g->second].indicators.push_back(std::move(a));
    }
    return groups;
}

// The stored matrix as rows; linked units and people by name (or by code
// for files, so that they link again on import).
std::vector<AssignmentRow> ToRows(const OfficeDirectory& dir, const Framework& fw,
                                  const std::vector<AssignmentRecord>& groups, bool codes) {
    std::map<std::int64_t, std::string> codeOf;
    for (const auto& c : fw.criteria) codeOf[c.id] = c.code;
    auto unit = [&](const std::optional<std::int64_t>& id, const std::string& text) {
        return id ? (codes ? dir.UnitCode(*id) : dir.UnitName(*id)) : text;
    };
    auto person = [&](const std::optional<std::int64_t>& id, const std::string& text) {
        return id ? (codes ? dir.PersonCode(*id) : dir.PersonName(*id)) : text;
    };
    auto coordinators = [&](const AssignmentRecord& a) {
        if (!a.coordinatingText.empty()) return a.coordinatingText;
        std::string out;
        for (auto id : a.coordinatorIds) {
            if (!out.empty()) out += "; ";
            out += unit(id, "");
        }
        return out;
    };
    std::vector<AssignmentRow> rows;
    for (const auto& g : groups) {
        rows.push_back({g.groupLabel, "", g.title, unit(g.leadUnitId, g.leadUnitText),
                        coordinators(g), person(g.responsiblePersonId, g.responsibleText)});
        for (const auto& i : g.indicators) {
            const std::string code =
                i.criterionId && codeOf.count(*i.criterionId) ? codeOf.at(*i.criterionId) : "";
            rows.push_back({g.groupLabel, code, i.title, unit(i.leadUnitId, i.leadUnitText),
                            coordinators(i), person(i.responsiblePersonId, i.responsibleText)});
        }
    }
    return rows;
}

Framework LoadFramework(storage::Database& db, const std::string& code, const Location& where) {
    storage::FrameworkRepository repo(db.session());
    std::optional<Framework> fw;
    if (auto id = repo.IdByCode(code)) fw = repo.Load(*id);
    if (!fw)
        throw UserError(where, fmt::format(fmt::runtime(tr("the framework does not exist: {0}")),
                                           Excerpt(code)));
    return *fw;
}

// The unit of the code, for the action: an account the server hides it
// from is refused the action (AccessGuard::RefuseHiddenUnit), at refusedAt
// as the guard refuses the unit's.
std::int64_t UnitId(const OfficeDirectory& dir, const std::string& code, const Location& where,
                    AccessGuard& guard, Action action,
                    const std::optional<Location>& refusedAt = std::nullopt) {
    auto id = dir.UnitByCode(code);
    if (!id) {
        guard.RefuseHiddenUnit(action, code, refusedAt);
        throw UserError(where, std::string(tr("the unit does not exist: ")) + Excerpt(code));
    }
    return *id;
}

// Counts the matrix `rows` read from a file against the `stored` ones, each
// row named by its group and indicator: new, changed or equal. `audit` gets
// every changed field with its old and new value, the new rows and those
// the file leaves out. Returns whether the matrix is the stored one as is.
bool CompareMatrix(const std::vector<AssignmentRow>& stored, const std::vector<AssignmentRow>& rows,
                   std::int64_t unitId, const std::string& fwCode, const std::string& user,
                   ImportSummary& summary, std::vector<storage::AuditEntry>& audit) {
    auto name = [&](const AssignmentRow& r) {
        return fwCode + " " + r.group + (r.indicator.empty() ? "" : " " + r.indicator);
    };
    auto entry = [&](const char* action, const std::string& field, std::optional<std::string> oldV,
                     std::optional<std::string> newV) {
        audit.push_back({"", user, "indicator_assignments", unitId, action, field, std::move(oldV),
                         std::move(newV)});
    };
    std::map<std::pair<std::string, std::string>, const AssignmentRow*> before;
    for (const auto& r : stored) before.emplace(std::make_pair(r.group, r.indicator), &r);
    std::set<std::pair<std::string, std::string>> seen;
    bool same = stored.size() == rows.size();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const AssignmentRow& r = rows[i];
        const auto key = std::make_pair(r.group, r.indicator);
        seen.insert(key);
        auto old = before.find(key);
        if (old == before.end()) {
            ++summary.inserted;
            same = false;
            entry("insert", name(r) + " title", std::nullopt, r.title);
            continue;
        }
        const AssignmentRow& o = *old->second;
        const std::size_t first = audit.size();
        for (auto [field, oldV, newV] :
             {std::make_tuple("title", &o.title, &r.title),
              std::make_tuple("lead_unit", &o.leadUnit, &r.leadUnit),
              std::make_tuple("coordinating_units", &o.coordinatingUnits, &r.coordinatingUnits),
              std::make_tuple("responsible_person", &o.responsiblePerson, &r.responsiblePerson)})
            if (*oldV != *newV) entry("update", name(r) + " " + field, *oldV, *newV);
        if (audit.size() == first) {
            ++summary.unchanged;
        } else {
            ++summary.updated;
            same = false;
        }
        if (same && &stored[i] != old->second) same = false;  // the order changed
    }
    for (const auto& r : stored)
        if (!seen.count(std::make_pair(r.group, r.indicator))) {
            same = false;
            entry("delete", name(r) + " title", r.title, std::nullopt);
        }
    if (!same && audit.empty()) {
        // Only the order changed: the rows named in their old and new order.
        auto order = [&](const std::vector<AssignmentRow>& list) {
            std::string out;
            for (const auto& r : list) out += (out.empty() ? "" : "; ") + name(r);
            return out;
        };
        entry("update", fwCode + " order", order(stored), order(rows));
    }
    return same;
}

}  // namespace

AssignmentService::AssignmentService(storage::Database& db, std::string user)
    : db_(db), user_(std::move(user)) {}

std::vector<AssignmentRow> AssignmentService::Load(const std::string& unitCode,
                                                   const std::string& frameworkCode) {
    const OfficeDirectory dir(db_);
    AccessGuard guard(db_, user_);
    const std::int64_t unit =
        UnitId(dir, unitCode, Location{"", 0, "unit"}, guard, Action::ReadData);
    guard.Require(Action::ReadData, unit);
    const Framework fw = LoadFramework(db_, frameworkCode, Location{"", 0, "framework"});
    return ToRows(dir, fw, storage::AssignmentRepository(db_.session()).Load(unit, fw.id), false);
}

AssignmentMatrix AssignmentService::LoadMatrix(const std::string& unitCode,
                                               const std::string& frameworkCode) {
    const OfficeDirectory dir(db_);
    AccessGuard guard(db_, user_);
    const std::int64_t unit =
        UnitId(dir, unitCode, Location{"", 0, "unit"}, guard, Action::ReadData);
    guard.Require(Action::ReadData, unit);
    const Framework fw = LoadFramework(db_, frameworkCode, Location{"", 0, "framework"});
    storage::AssignmentRepository repo(db_.session());
    AssignmentMatrix m;
    m.version = repo.Version(unit, fw.id);
    m.rows = ToRows(dir, fw, repo.Load(unit, fw.id), false);
    return m;
}

int AssignmentService::Save(const std::string& unitCode, const std::string& frameworkCode,
                            const std::vector<AssignmentRow>& rows,
                            std::optional<int> expectedVersion) {
    storage::Transaction tx(db_);
    const OfficeDirectory dir(db_);
    AccessGuard guard(db_, user_);
    const std::int64_t unit =
        UnitId(dir, unitCode, Location{"", 0, "unit"}, guard, Action::EditPlans);
    guard.Require(Action::EditPlans, unit);
    const Framework fw = LoadFramework(db_, frameworkCode, Location{"", 0, "framework"});
    auto groups = BuildMatrix(dir, fw, rows, [](std::size_t i, const std::string& field) {
        return Location{"", static_cast<long>(i) + 1, field};
    });
    storage::LockForEdit(db_, "assignments:" + std::to_string(unit) + ":" + std::to_string(fw.id));
    storage::AssignmentRepository repo(db_.session());
    const int version = repo.Version(unit, fw.id);
    const auto storedGroups = repo.Load(unit, fw.id);
    if (expectedVersion && *expectedVersion != version) {
        auto fields = AssignmentConflicts(ToRows(dir, fw, groups, false),
                                          ToRows(dir, fw, storedGroups, false));
        if (!fields.empty()) {
            const std::string unitName = dir.UnitName(unit);
            throw EditConflict(
                fmt::format(fmt::runtime(tr("the assignment of indicators of {0} on {1}")),
                            unitName, fw.code),
                std::move(fields), version);
        }
    }
    // One audit entry per value changed, row added or removed, as an import does.
    ImportSummary summary;
    std::vector<storage::AuditEntry> audit;
    if (CompareMatrix(ToRows(dir, fw, storedGroups, true), ToRows(dir, fw, groups, true), unit,
                      fw.code, user_, summary, audit))
        return version;  // nothing changed: nothing written
    repo.Replace(unit, fw.id, groups, user_);
    storage::AuditRepository(db_.session()).RecordMany(audit);
    const int now = repo.Version(unit, fw.id);
    tx.Commit();
    return now;
}

ImportSummary ImportAssignments(storage::Database& db, const std::string& path,
                                const std::string& user, const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, AssignmentColumns());
    AccessGuard guard(db, user);
    guard.Require(Action::Import);
    storage::Transaction tx(db);
    const OfficeDirectory dir(db);
    struct Matrix {
        std::int64_t unitId = 0;
        const Framework* fw = nullptr;
        std::vector<AssignmentRow> rows;
        std::vector<long> lines;
    };
    std::map<std::string, Framework> frameworks;
    std::vector<Matrix> matrices;  // in the order the file names them
    std::vector<std::string> f;
    while (reader->Next(f)) {
        const std::int64_t unit = UnitId(dir, Trim(cols.Get(f, "unit")), cols.At(*reader, "unit"),
                                         guard, Action::EditPlans, cols.At(*reader, "unit"));
        guard.RequireAt(cols.At(*reader, "unit"), Action::EditPlans, unit);
        const std::string fwCode = Trim(cols.Get(f, "framework"));
        auto fw = frameworks.find(fwCode);
        if (fw == frameworks.end())
            fw =
                frameworks.emplace(fwCode, LoadFramework(db, fwCode, cols.At(*reader, "framework")))
                    .first;
        auto m = std::find_if(matrices.begin(), matrices.end(), [&](const Matrix& x) {
            return x.unitId == unit && x.fw == &fw->second;
        });
        if (m == matrices.end()) {
            matrices.push_back({unit, &fw->second, {}, {}});
            m = matrices.end() - 1;
        }
        m->rows.push_back({cols.Get(f, "group"), cols.Get(f, "indicator"), cols.Get(f, "title"),
                           cols.Get(f, "lead_unit"), cols.Get(f, "coordinating_units"),
                           cols.Get(f, "responsible_person")});
        m->lines.push_back(reader->Line());
    }
    ImportSummary summary;
    for (auto& m : matrices) {
        auto groups = BuildMatrix(dir, *m.fw, m.rows, [&](std::size_t i, const std::string& field) {
            return Location{reader->FileName(), m.lines[i], field};
        });
        storage::AssignmentRepository repo(db.session());
        const auto stored = ToRows(dir, *m.fw, repo.Load(m.unitId, m.fw->id), true);
        const auto rows = ToRows(dir, *m.fw, groups, true);
        std::vector<storage::AuditEntry> audit;
        const bool same = CompareMatrix(stored, rows, m.unitId, m.fw->code, user, summary, audit);
        if (same) continue;  // nothing written, nothing audited
        repo.Replace(m.unitId, m.fw->id, groups, user);
        storage::AuditRepository(db.session()).RecordMany(audit);
    }
    tx.Commit();
    return summary;
}

long ExportAssignments(storage::Database& db, const std::string& path, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    const OfficeDirectory dir(db);
    storage::AssignmentRepository repo(db.session());
    storage::FrameworkRepository frameworks(db.session());
    auto w = tableio::TableWriter::Create(path, AssignmentHeader(), {false, "assignments", {}});
    for (const auto& [unitId, frameworkId] : repo.Matrices()) {
        if (!guard.InScope(unitId)) continue;
        const auto fw = frameworks.Load(frameworkId);
        if (!fw) continue;
        for (const auto& r : ToRows(dir, *fw, repo.Load(unitId, frameworkId), true))
            w->Add({dir.UnitCode(unitId), fw->code, r.group, r.indicator, r.title, r.leadUnit,
                    r.coordinatingUnits, r.responsiblePerson});
    }
    w->Close();
    return w->Rows();
}

const std::vector<tableio::ColumnSpec>& AssignmentImportColumns() { return AssignmentColumns(); }

}  // namespace cchc::services
