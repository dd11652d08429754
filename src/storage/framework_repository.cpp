#include "storage/framework_repository.h"

#include <soci/soci.h>

#include <map>
#include <stdexcept>
#include <vector>

#include "core/org.h"
#include "core/text.h"
#include "storage/row_helpers.h"
#include "storage/unit_repository.h"

namespace cchc::storage {
using namespace detail;

namespace {

void InsertBands(soci::session& s, long long frameworkId, const std::vector<Band>& bands) {
    int order = 0;
    for (const auto& b : bands) {
        double minPercent = b.minPercent;
        s << "INSERT INTO framework_bands (framework_id, label, min_percent, sort_order) VALUES "
             "(:f, :l, :m, :o)",
            soci::use(frameworkId), soci::use(b.label), soci::use(minPercent), soci::use(order);
        ++order;
    }
}

// The values of a criterion's columns, kept alive for soci::use().
struct CriterionValues {
    Nullable<std::string> rule, noData;
    Nullable<double> target, cap, perUnit;
    int evidence = 0, communes = 1;
    explicit CriterionValues(const Criterion& c)
        : rule(c.rule ? std::optional<std::string>(std::string(RuleKindKey(*c.rule)))
                      : std::nullopt),
          noData(c.noData ? std::optional<std::string>(std::string(NoDataRuleKey(*c.noData)))
                          : std::nullopt),
          target(c.target),
          cap(c.cap),
          perUnit(c.perUnit),
          evidence(c.evidenceRequired ? 1 : 0),
          communes(c.appliesToCommunes ? 1 : 0) {}
};

// A row of frameworks read by its column names.
Framework ReadFramework(const soci::row& r) {
    Framework fw;
    fw.id = Int(r, "id");
    fw.code = Text(r, "code");
    fw.name = Text(r, "name");
    fw.year = static_cast<int>(Int(r, "year"));
    fw.kind = FrameworkKindFromKey(Text(r, "kind")).value_or(FrameworkKind::Custom);
    fw.status = Text(r, "status");
    fw.builtin = Int(r, "builtin") != 0;
    if (auto from = OptInt(r, "copied_from_id")) fw.copiedFromId = *from;
    fw.version = static_cast<int>(Int(r, "version", 1));
    fw.description = Text(r, "description");
    return fw;
}

// A row of criteria read by its column names (without its parent's code).
Criterion ReadCriterion(const soci::row& r) {
    Criterion c;
    c.id = Int(r, "id");
    if (auto p = OptInt(r, "parent_id")) c.parentId = *p;
    c.code = Text(r, "code");
    c.title = Text(r, "title");
    c.maxPoints = Real(r, "max_points");
    c.sortOrder = static_cast<int>(Int(r, "sort_order"));
    c.rule = RuleKindFromKey(Text(r, "rule"));
    c.target = OptReal(r, "target");
    c.cap = OptReal(r, "cap");
    c.perUnit = OptReal(r, "per_unit");
    c.noData = NoDataRuleFromKey(Text(r, "no_data"));
    c.evidenceRequired = Int(r, "evidence_required") != 0;
    c.appliesToCommunes = Int(r, "applies_to_communes", 1) != 0;
    c.guidance = Text(r, "guidance");
    return c;
}

// The criteria in depth-first order, every parent before its children
// (sort_order is the position among siblings). A criterion whose parent is
// not in `codeById` is a root; one in a cycle, which no root reaches, comes
// last.
std::vector<Criterion> DepthFirst(const std::vector<Criterion>& criteria,
                                  const std::map<long long, std::string>& codeById) {
    std::map<long long, std::vector<std::size_t>> children;  // parent id (0: root) → indexes
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        const auto& c = criteria[i];
        long long parent = c.parentId && codeById.count(*c.parentId) ? *c.parentId : 0;
        children[parent].push_back(i);
    }
    std::vector<Criterion> ordered;
    ordered.reserve(criteria.size());
    std::vector<std::size_t> stack;
    for (auto it = children[0].rbegin(); it != children[0].rend(); ++it) stack.push_back(*it);
    std::vector<bool> seen(criteria.size(), false);
    while (!stack.empty()) {
        std::size_t i = stack.back();
        stack.pop_back();
        if (seen[i]) continue;
        seen[i] = true;
        ordered.push_back(criteria[i]);
        auto kids = children.find(criteria[i].id);
        if (kids == children.end()) continue;
        for (auto it = kids->second.rbegin(); it != kids->second.rend(); ++it) stack.push_back(*it);
    }
    for (std::size_t i = 0; i < criteria.size(); ++i)  // a cycle never reaches a root
        if (!seen[i]) ordered.push_back(criteria[i]);
    return ordered;
}

}  // namespace

std::vector<FrameworkSummary> FrameworkRepository::List() {
    std::vector<FrameworkSummary> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT f.id, f.code, f.name, f.year, f.kind, f.status, f.builtin, "
                       "(SELECT COUNT(*) FROM criteria c WHERE c.framework_id = f.id) AS n, "
                       "(SELECT COALESCE(SUM(c.max_points), 0) FROM criteria c WHERE "
                       "c.framework_id = f.id AND c.parent_id IS NULL) AS total "
                       "FROM frameworks f ORDER BY f.year DESC, f.code");
    for (const auto& r : rs) {
        FrameworkSummary f;
        f.id = Int(r, "id");
        f.code = Text(r, "code");
        f.name = Text(r, "name");
        f.year = static_cast<int>(Int(r, "year"));
        f.kind = FrameworkKindFromKey(Text(r, "kind")).value_or(FrameworkKind::Custom);
        f.status = Text(r, "status");
        f.builtin = Int(r, "builtin") != 0;
        f.criteria = static_cast<long>(Int(r, "n"));
        f.maxPoints = Real(r, "total");
        out.push_back(f);
    }
    return out;
}

std::optional<std::int64_t> FrameworkRepository::IdByCode(const std::string& code) {
    long long id = 0;
    s_ << "SELECT id FROM frameworks WHERE code = :c", soci::use(code), soci::into(id);
    if (!s_.got_data()) return std::nullopt;
    return id;
}

std::optional<Framework> FrameworkRepository::Load(std::int64_t id) {
    long long key = id;
    Framework fw;
    bool found = false;
    {
        soci::rowset<soci::row> rs =
            (s_.prepare << "SELECT id, code, name, year, kind, status, "
                           "builtin, copied_from_id, description, version FROM "
                           "frameworks WHERE id = :id",
             soci::use(key));
        for (const auto& r : rs) {
            found = true;
            fw = ReadFramework(r);
        }
    }
    if (!found) return std::nullopt;
    {
        soci::rowset<soci::row> rs =
            (s_.prepare << "SELECT label, min_percent FROM framework_bands WHERE framework_id = "
                           ":id ORDER BY sort_order",
             soci::use(key));
        for (const auto& r : rs) fw.bands.push_back({Text(r, "label"), Real(r, "min_percent")});
    }
    std::map<long long, std::string> codeById;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, parent_id, code, title, max_points, sort_order, rule, target, "
                       "cap, per_unit, no_data, evidence_required, applies_to_communes, guidance "
                       "FROM criteria WHERE framework_id = :id ORDER BY sort_order, id",
         soci::use(key));
    for (const auto& r : rs) {
        Criterion c = ReadCriterion(r);
        codeById[c.id] = c.code;
        fw.criteria.push_back(std::move(c));
    }
    for (auto& c : fw.criteria)
        if (c.parentId) c.parentCode = codeById[*c.parentId];
    fw.criteria = DepthFirst(fw.criteria, codeById);
    return fw;
}

std::int64_t FrameworkRepository::Insert(Framework& fw) {
    std::string kind(FrameworkKindKey(fw.kind));
    int builtin = fw.builtin ? 1 : 0;
    std::string now = NowIso();
    Nullable<long long> copiedFrom(fw.copiedFromId ? std::optional<long long>(*fw.copiedFromId)
                                                   : std::nullopt);
    long long id = 0;
    s_ << "INSERT INTO frameworks (code, name, year, kind, status, builtin, copied_from_id, "
          "description, version, created_at) VALUES (:code, :name, :year, :kind, :status, "
          ":builtin, :copied, :d, 1, :now) RETURNING id",
        soci::use(fw.code), soci::use(fw.name), soci::use(fw.year), soci::use(kind),
        soci::use(fw.status), soci::use(builtin), soci::use(copiedFrom.value, copiedFrom.ind),
        soci::use(fw.description), soci::use(now), soci::into(id);
    fw.id = id;
    InsertBands(s_, id, fw.bands);
    // Parents before their children, whatever the order given (a file may
    // list a sub-criterion before its group).
    std::map<std::string, long long> idByCode;
    std::vector<bool> done(fw.criteria.size(), false);
    for (std::size_t left = fw.criteria.size(); left > 0;) {
        std::size_t inserted = 0;
        for (std::size_t i = 0; i < fw.criteria.size(); ++i) {
            Criterion& c = fw.criteria[i];
            if (done[i] || (!c.parentCode.empty() && !idByCode.count(c.parentCode))) continue;
            if (!c.parentCode.empty())
                c.parentId = idByCode.at(c.parentCode);
            else
                c.parentId.reset();
            InsertCriterion(id, c);
            idByCode[c.code] = c.id;
            done[i] = true;
            ++inserted;
        }
        if (inserted == 0)
            throw std::logic_error("criteria whose parents are missing or go round: " + fw.code);
        left -= inserted;
    }
    return id;
}

void FrameworkRepository::BumpVersion(std::int64_t id, std::optional<int> expectedVersion) {
    long long key = id;
    int expected = expectedVersion.value_or(0), check = expectedVersion ? 1 : 0;
    soci::statement st =
        (s_.prepare << "UPDATE frameworks SET version = version + 1 WHERE id = :id AND "
                       "(:check = 0 OR version = :expected)",
         soci::use(key, "id"), soci::use(check, "check"), soci::use(expected, "expected"));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
}

void FrameworkRepository::UpdateHeader(std::int64_t id, const std::string& name,
                                       const std::string& description) {
    long long key = id;
    s_ << "UPDATE frameworks SET name = :n, description = :d WHERE id = :id", soci::use(name),
        soci::use(description), soci::use(key);
}

void FrameworkRepository::SetStatus(std::int64_t id, const std::string& status) {
    long long key = id;
    s_ << "UPDATE frameworks SET status = :s WHERE id = :id", soci::use(status), soci::use(key);
}

void FrameworkRepository::ReplaceBands(std::int64_t frameworkId, const std::vector<Band>& bands) {
    long long key = frameworkId;
    s_ << "DELETE FROM framework_bands WHERE framework_id = :f", soci::use(key);
    InsertBands(s_, key, bands);
}

std::int64_t FrameworkRepository::InsertCriterion(std::int64_t frameworkId, Criterion& c) {
    long long fid = frameworkId;
    Nullable<long long> parent(c.parentId ? std::optional<long long>(*c.parentId) : std::nullopt);
    CriterionValues v(c);
    long long cid = 0;
    s_ << "INSERT INTO criteria (framework_id, parent_id, code, title, max_points, sort_order, "
          "rule, target, cap, per_unit, no_data, evidence_required, applies_to_communes, "
          "guidance) VALUES (:f, :p, :code, :title, :max, :ord, :rule, :target, :cap, :per, "
          ":nd, :ev, :com, :g) RETURNING id",
        soci::use(fid), soci::use(parent.value, parent.ind), soci::use(c.code), soci::use(c.title),
        soci::use(c.maxPoints), soci::use(c.sortOrder), soci::use(v.rule.value, v.rule.ind),
        soci::use(v.target.value, v.target.ind), soci::use(v.cap.value, v.cap.ind),
        soci::use(v.perUnit.value, v.perUnit.ind), soci::use(v.noData.value, v.noData.ind),
        soci::use(v.evidence), soci::use(v.communes), soci::use(c.guidance), soci::into(cid);
    c.id = cid;
    return cid;
}

void FrameworkRepository::UpdateCriterion(const Criterion& c) {
    long long key = c.id;
    CriterionValues v(c);
    int order = c.sortOrder;
    double maxPoints = c.maxPoints;
    s_ << "UPDATE criteria SET code = :code, title = :title, max_points = :max, sort_order = :ord, "
          "rule = :rule, target = :target, cap = :cap, per_unit = :per, no_data = :nd, "
          "evidence_required = :ev, applies_to_communes = :com, guidance = :g WHERE id = :id",
        soci::use(c.code), soci::use(c.title), soci::use(maxPoints), soci::use(order),
        soci::use(v.rule.value, v.rule.ind), soci::use(v.target.value, v.target.ind),
        soci::use(v.cap.value, v.cap.ind), soci::use(v.perUnit.value, v.perUnit.ind),
        soci::use(v.noData.value, v.noData.ind), soci::use(v.evidence), soci::use(v.communes),
        soci::use(c.guidance), soci::use(key);
}

void FrameworkRepository::DeleteCriterion(std::int64_t criterionId) {
    long long key = criterionId;
    s_ << "DELETE FROM criteria WHERE id = :id", soci::use(key);
}

bool FrameworkRepository::CriterionHasResults(std::int64_t criterionId) {
    long long key = criterionId;
    long long n = 0;
    s_ << "SELECT (SELECT COUNT(*) FROM results WHERE criterion_id = :a) + "
          "(SELECT COUNT(*) FROM self_assessments WHERE criterion_id = :b)",
        soci::use(key, "a"), soci::use(key, "b"), soci::into(n);
    return n > 0;
}

bool FrameworkRepository::CriterionHasPlanRows(std::int64_t criterionId) {
    long long key = criterionId;
    long long n = 0;
    s_ << "SELECT (SELECT COUNT(*) FROM plan_items WHERE criterion_id = :a) + "
          "(SELECT COUNT(*) FROM indicator_assignments WHERE criterion_id = :b)",
        soci::use(key, "a"), soci::use(key, "b"), soci::into(n);
    return n > 0;
}

void FrameworkRepository::InsertCrosswalk(std::int64_t oldCriterionId,
                                          std::int64_t newCriterionId) {
    long long oldId = oldCriterionId, newId = newCriterionId;
    s_ << "INSERT INTO criterion_crosswalk (old_criterion_id, new_criterion_id) VALUES (:o, :n)",
        soci::use(oldId), soci::use(newId);
}

std::vector<FrameworkRepository::CrosswalkRow> FrameworkRepository::CrosswalkInto(
    std::int64_t frameworkId) {
    long long key = frameworkId;
    std::vector<CrosswalkRow> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT o.id AS old_id, o.code AS old_code, n.id AS new_id, n.code AS "
                       "new_code FROM criterion_crosswalk x JOIN criteria n ON n.id = "
                       "x.new_criterion_id JOIN criteria o ON o.id = x.old_criterion_id WHERE "
                       "n.framework_id = :f ORDER BY n.sort_order, n.id",
         soci::use(key));
    for (const auto& r : rs)
        out.push_back(
            {Int(r, "old_id"), Int(r, "new_id"), Text(r, "old_code"), Text(r, "new_code")});
    return out;
}

std::int64_t CatalogueRepository::EnsureScale(const Scale& scale) {
    long long id = 0;
    s_ << "SELECT id FROM rating_scales WHERE code = :c", soci::use(scale.code), soci::into(id);
    if (s_.got_data()) return id;
    s_ << "INSERT INTO rating_scales (code, name) VALUES (:c, :n) RETURNING id",
        soci::use(scale.code), soci::use(scale.name), soci::into(id);
    for (const auto& l : scale.levels) {
        int value = l.value, sat = l.satisfied ? 1 : 0;
        s_ << "INSERT INTO rating_scale_levels (scale_id, value, label, counts_as_satisfied) "
              "VALUES (:s, :v, :l, :sat)",
            soci::use(id), soci::use(value), soci::use(l.label), soci::use(sat);
    }
    return id;
}

std::int64_t CatalogueRepository::EnsureAspect(const NamedItem& a) {
    long long id = 0;
    s_ << "SELECT id FROM rating_aspects WHERE code = :c", soci::use(a.code), soci::into(id);
    if (s_.got_data()) return id;
    int order = a.sortOrder;
    s_ << "INSERT INTO rating_aspects (code, name, sort_order, active) VALUES (:c, :n, :o, 1) "
          "RETURNING id",
        soci::use(a.code), soci::use(a.name), soci::use(order), soci::into(id);
    return id;
}

std::int64_t CatalogueRepository::EnsureProcedureField(const NamedItem& f) {
    long long id = 0;
    s_ << "SELECT id FROM procedure_fields WHERE code = :c", soci::use(f.code), soci::into(id);
    if (s_.got_data()) return id;
    s_ << "INSERT INTO procedure_fields (code, name) VALUES (:c, :n) RETURNING id",
        soci::use(f.code), soci::use(f.name), soci::into(id);
    return id;
}

std::vector<Scale> CatalogueRepository::Scales() {
    std::vector<Scale> out;
    std::map<long long, std::size_t> index;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT s.id, s.code, s.name, l.value, l.label, l.counts_as_satisfied FROM "
                       "rating_scales s LEFT JOIN rating_scale_levels l ON l.scale_id = s.id "
                       "ORDER BY s.code, l.value DESC");
    for (const auto& r : rs) {
        long long id = Int(r, "id");
        if (!index.count(id)) {
            index[id] = out.size();
            out.push_back({id, Text(r, "code"), Text(r, "name"), {}});
        }
        if (r.get_indicator("value") == soci::i_ok)
            out[index[id]].levels.push_back({static_cast<int>(Int(r, "value")), Text(r, "label"),
                                             Int(r, "counts_as_satisfied") != 0});
    }
    return out;
}

// Aliases are stored one per line (core ParseAliases reads them back).
std::vector<ProcedureFieldRecord> CatalogueRepository::ProcedureFields() {
    std::vector<ProcedureFieldRecord> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, code, name, aliases, sort_order, active, version FROM "
                       "procedure_fields ORDER BY id");
    for (const auto& r : rs) {
        ProcedureFieldRecord f;
        f.id = Int(r, "id");
        f.code = Text(r, "code");
        f.name = Text(r, "name");
        f.aliases = ParseAliases(Text(r, "aliases"));
        f.sortOrder = static_cast<int>(Int(r, "sort_order"));
        f.active = Int(r, "active") != 0;
        f.version = static_cast<int>(Int(r, "version"));
        out.push_back(std::move(f));
    }
    return out;
}

std::int64_t CatalogueRepository::InsertProcedureField(const ProcedureFieldRecord& f) {
    long long order = 0;
    soci::indicator none = soci::i_ok;
    s_ << "SELECT MAX(sort_order) FROM procedure_fields", soci::into(order, none);
    if (none == soci::i_null) order = 0;
    ++order;
    long long id = 0;
    const std::string aliases = JoinTexts(f.aliases, "\n");
    const int active = f.active ? 1 : 0;
    s_ << "INSERT INTO procedure_fields (code, name, aliases, sort_order, active) VALUES (:c, :n, "
          ":a, :o, :active) RETURNING id",
        soci::use(f.code), soci::use(f.name), soci::use(aliases), soci::use(order),
        soci::use(active), soci::into(id);
    return id;
}

void CatalogueRepository::UpdateProcedureField(const ProcedureFieldRecord& f) {
    long long id = f.id;
    int version = f.version;
    const std::string aliases = JoinTexts(f.aliases, "\n");
    const int active = f.active ? 1 : 0;
    soci::statement st =
        (s_.prepare << "UPDATE procedure_fields SET code = :c, name = :n, aliases = :a, active = "
                       ":active, version = version + 1 WHERE id = :id AND version = :v",
         soci::use(f.code), soci::use(f.name), soci::use(aliases), soci::use(active), soci::use(id),
         soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
}

std::vector<NamedItem> CatalogueRepository::ActiveProcedureFields() {
    std::vector<NamedItem> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, code, name, sort_order FROM procedure_fields WHERE active = 1 "
                       "ORDER BY sort_order, id");
    for (const auto& r : rs)
        out.push_back({Int(r, "id"), Text(r, "code"), Text(r, "name"),
                       static_cast<int>(Int(r, "sort_order"))});
    return out;
}

}  // namespace cchc::storage
