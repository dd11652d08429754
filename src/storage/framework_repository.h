// Index frameworks with their bands and criteria tree, and the small
// catalogues beside them (rating scales, rating aspects, procedure fields).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/framework.h"

namespace soci {
class session;
}

namespace cchc::storage {

struct FrameworkSummary {
    std::int64_t id = 0;
    std::string code, name, status;
    int year = 0;
    FrameworkKind kind = FrameworkKind::Par;
    bool builtin = false;
    long criteria = 0;
    double maxPoints = 0;  // sum of root criteria
};

class FrameworkRepository {
  public:
    explicit FrameworkRepository(soci::session& s) : s_(s) {}
    std::vector<FrameworkSummary> List();
    std::optional<std::int64_t> IdByCode(const std::string& code);
    // The framework with bands and criteria (parents before children).
    std::optional<Framework> Load(std::int64_t id);
    // Inserts a framework, its bands and its criteria (parents resolved from
    // parentCode); returns the new id. Criteria ids are filled in.
    std::int64_t Insert(Framework& framework);

    // Edits of a stored framework, one statement each; the caller holds the
    // transaction and raises the framework's version once per change.
    // Raises the version; with expectedVersion, throws ConcurrentEditError
    // when the stored version is another (someone else changed it first).
    void BumpVersion(std::int64_t id, std::optional<int> expectedVersion);
    void UpdateHeader(std::int64_t id, const std::string& name, const std::string& description);
    void SetStatus(std::int64_t id, const std::string& status);
    // Replaces every band of the framework (best first).
    void ReplaceBands(std::int64_t frameworkId, const std::vector<Band>& bands);
    // Inserts one criterion under criterion.parentId (none: a root); fills
    // and returns its id.
    std::int64_t InsertCriterion(std::int64_t frameworkId, Criterion& criterion);
    // Writes every field of the criterion except its framework and parent.
    void UpdateCriterion(const Criterion& criterion);
    // Deletes the criterion and, by cascade, its sub-criteria and crosswalk rows.
    void DeleteCriterion(std::int64_t criterionId);
    // Whether results or officers' self-assessments were recorded on the criterion.
    bool CriterionHasResults(std::int64_t criterionId);
    // Whether plan items or indicator assignments refer to the criterion.
    bool CriterionHasPlanRows(std::int64_t criterionId);

    // Criterion crosswalk: which criterion of a newer framework continues
    // which one of an older framework.
    void InsertCrosswalk(std::int64_t oldCriterionId, std::int64_t newCriterionId);
    struct CrosswalkRow {
        std::int64_t oldId = 0, newId = 0;
        std::string oldCode, newCode;
    };
    // The rows whose new criterion belongs to the framework.
    std::vector<CrosswalkRow> CrosswalkInto(std::int64_t frameworkId);

  private:
    soci::session& s_;
};

struct ScaleLevel {
    int value = 0;
    std::string label;
    bool satisfied = false;
};
struct Scale {
    std::int64_t id = 0;
    std::string code, name;
    std::vector<ScaleLevel> levels;  // best first
};
struct NamedItem {
    std::int64_t id = 0;
    std::string code, name;
    int sortOrder = 0;
};

// A procedure field of the catalogue (lĩnh vực), as the office edits it:
// other names files use for it, whether it is still in use, and its version.
struct ProcedureFieldRecord {
    std::int64_t id = 0;
    std::string code, name;
    std::vector<std::string> aliases;
    int sortOrder = 0;
    bool active = true;
    int version = 0;
};

class CatalogueRepository {
  public:
    explicit CatalogueRepository(soci::session& s) : s_(s) {}
    // Each Ensure* inserts the item when its code is new and returns its id.
    std::int64_t EnsureScale(const Scale& scale);
    std::int64_t EnsureAspect(const NamedItem& aspect);
    std::int64_t EnsureProcedureField(const NamedItem& field);
    std::vector<Scale> Scales();
    // Every field, retired ones too, by id.
    std::vector<ProcedureFieldRecord> ProcedureFields();
    // A new field after the others (sort order); its id.
    std::int64_t InsertProcedureField(const ProcedureFieldRecord& field);
    // Code, name, aliases and whether in use, against the version read;
    // ConcurrentEditError when another desk changed it since.
    void UpdateProcedureField(const ProcedureFieldRecord& field);
    // The fields in use, in the catalogue's order (sort order, then id).
    std::vector<NamedItem> ActiveProcedureFields();

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
