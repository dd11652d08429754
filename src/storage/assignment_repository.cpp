// The indicator assignment matrix (see assignment_repository.h).
#include "storage/assignment_repository.h"

#include <soci/soci.h>

#include <map>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
std::optional<long long> OptId(const std::optional<std::int64_t>& v) {
    return v ? std::optional<long long>(*v) : std::nullopt;
}
}  // namespace

std::vector<AssignmentRecord> AssignmentRepository::Load(std::int64_t unitId,
                                                         std::int64_t frameworkId) {
    long long unit = unitId, framework = frameworkId;
    std::vector<AssignmentRecord> groups;
    std::map<std::int64_t, std::size_t> groupIndex;
    std::vector<std::pair<std::int64_t, AssignmentRecord>> children;  // (parent, row)
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, parent_id, criterion_id, group_label, title, lead_unit_id, "
                       "lead_unit_text, coordinating_text, responsible_person_id, "
                       "responsible_text FROM indicator_assignments WHERE unit_id = :u AND "
                       "framework_id = :f AND plan_id IS NULL ORDER BY sort_order, id",
         soci::use(unit), soci::use(framework));
    for (const auto& r : rs) {
        AssignmentRecord a;
        a.id = Int(r, "id");
        if (auto v = OptInt(r, "criterion_id")) a.criterionId = *v;
        a.groupLabel = Text(r, "group_label");
        a.title = Text(r, "title");
        if (auto v = OptInt(r, "lead_unit_id")) a.leadUnitId = *v;
        a.leadUnitText = Text(r, "lead_unit_text");
        a.coordinatingText = Text(r, "coordinating_text");
        if (auto v = OptInt(r, "responsible_person_id")) a.responsiblePersonId = *v;
        a.responsibleText = Text(r, "responsible_text");
        if (auto parent = OptInt(r, "parent_id")) {
            children.emplace_back(*parent, std::move(a));
        } else {
            groupIndex[a.id] = groups.size();
            groups.push_back(std::move(a));
        }
    }
    // Coordinators of every row at once, attached by id.
    std::map<std::int64_t, std::vector<std::int64_t>> coordinators;
    soci::rowset<soci::row> cs =
        (s_.prepare << "SELECT c.assignment_id, c.unit_id FROM assignment_coordinators c JOIN "
                       "indicator_assignments a ON a.id = c.assignment_id WHERE a.unit_id = :u "
                       "AND a.framework_id = :f AND a.plan_id IS NULL ORDER BY c.assignment_id, "
                       "c.sort_order",
         soci::use(unit), soci::use(framework));
    for (const auto& r : cs) coordinators[Int(r, "assignment_id")].push_back(Int(r, "unit_id"));
    for (auto& g : groups)
        if (auto it = coordinators.find(g.id); it != coordinators.end())
            g.coordinatorIds = it->second;
    for (auto& [parent, row] : children) {
        if (auto it = coordinators.find(row.id); it != coordinators.end())
            row.coordinatorIds = it->second;
        auto g = groupIndex.find(parent);
        if (g != groupIndex.end()) groups[g->second].indicators.push_back(std::move(row));
    }
    return groups;
}

int AssignmentRepository::Version(std::int64_t unitId, std::int64_t frameworkId) {
    long long unit = unitId, framework = frameworkId;
    int version = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(version) FROM indicator_assignments WHERE unit_id = :u AND framework_id = "
          ":f AND plan_id IS NULL",
        soci::use(unit), soci::use(framework), soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

void AssignmentRepository::Replace(std::int64_t unitId, std::int64_t frameworkId,
                                   std::vector<AssignmentRecord>& groups, const std::string& user) {
    long long unit = unitId, framework = frameworkId;
    const int version = Version(unitId, frameworkId) + 1;
    // Coordinators and indicator rows first, so that nothing depends on the
    // foreign keys' cascade being switched on.
    s_ << "DELETE FROM assignment_coordinators WHERE assignment_id IN (SELECT id FROM "
          "indicator_assignments WHERE unit_id = :u AND framework_id = :f AND plan_id IS NULL)",
        soci::use(unit), soci::use(framework);
    s_ << "DELETE FROM indicator_assignments WHERE unit_id = :u AND framework_id = :f AND "
          "plan_id IS NULL AND parent_id IS NOT NULL",
        soci::use(unit), soci::use(framework);
    s_ << "DELETE FROM indicator_assignments WHERE unit_id = :u AND framework_id = :f AND "
          "plan_id IS NULL",
        soci::use(unit), soci::use(framework);
    int order = 0;
    for (auto& g : groups) {
        InsertRow(unitId, frameworkId, std::nullopt, order++, version, g, user);
        for (auto& i : g.indicators)
            InsertRow(unitId, frameworkId, g.id, order++, version, i, user);
    }
}

void AssignmentRepository::InsertRow(std::int64_t unitId, std::int64_t frameworkId,
                                     std::optional<std::int64_t> parentId, int order, int version,
                                     AssignmentRecord& a, const std::string& user) {
    long long unit = unitId, framework = frameworkId, id = 0;
    Nullable<long long> parent(OptId(parentId)), criterion(OptId(a.criterionId)),
        lead(OptId(a.leadUnitId)), person(OptId(a.responsiblePersonId));
    std::string now = NowIso();
    s_ << "INSERT INTO indicator_assignments (unit_id, framework_id, parent_id, criterion_id, "
          "group_label, title, lead_unit_id, lead_unit_text, coordinating_text, "
          "responsible_person_id, responsible_text, sort_order, version, updated_at, updated_by) "
          "VALUES (:u, :f, :p, :c, :gl, :t, :lu, :lut, :ct, :rp, :rt, :o, :v, :now, :by) "
          "RETURNING id",
        soci::use(unit), soci::use(framework), soci::use(parent.value, parent.ind),
        soci::use(criterion.value, criterion.ind), soci::use(a.groupLabel), soci::use(a.title),
        soci::use(lead.value, lead.ind), soci::use(a.leadUnitText), soci::use(a.coordinatingText),
        soci::use(person.value, person.ind), soci::use(a.responsibleText), soci::use(order),
        soci::use(version), soci::use(now), soci::use(user), soci::into(id);
    a.id = id;
    int coordOrder = 0;
    for (std::int64_t c : a.coordinatorIds) {
        long long cu = c;
        s_ << "INSERT INTO assignment_coordinators (assignment_id, unit_id, sort_order) VALUES "
              "(:a, :u, :o)",
            soci::use(id), soci::use(cu), soci::use(coordOrder);
        ++coordOrder;
    }
}

long AssignmentRepository::Count(std::int64_t unitId, std::int64_t frameworkId) {
    long long unit = unitId, framework = frameworkId, n = 0;
    s_ << "SELECT COUNT(*) FROM indicator_assignments WHERE unit_id = :u AND framework_id = :f "
          "AND plan_id IS NULL",
        soci::use(unit), soci::use(framework), soci::into(n);
    return static_cast<long>(n);
}

long AssignmentRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM indicator_assignments", soci::into(n);
    return static_cast<long>(n);
}

std::vector<std::pair<std::int64_t, std::int64_t>> AssignmentRepository::Matrices() {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT DISTINCT a.unit_id, a.framework_id, u.code AS ucode, f.code AS "
                       "fcode FROM indicator_assignments a JOIN units u ON u.id = a.unit_id JOIN "
                       "frameworks f ON f.id = a.framework_id WHERE a.plan_id IS NULL ORDER BY "
                       "u.code, f.code");
    for (const auto& r : rs) out.emplace_back(Int(r, "unit_id"), Int(r, "framework_id"));
    return out;
}

}  // namespace cchc::storage
