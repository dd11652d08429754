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

class CatalogueRepository {
public:
    explicit CatalogueRepository(soci::session& s) : s_(s) {}
    // Each Ensure* inserts the item when its code is new and returns its id.
    std::int64_t EnsureScale(const Scale& scale);
    std::int64_t EnsureAspect(const NamedItem& aspect);
    std::int64_t EnsureProcedureField(const NamedItem& field);
    std::vector<Scale> Scales();
    std::vector<NamedItem> Aspects();
    std::vector<NamedItem> ProcedureFields();

private:
    soci::session& s_;
};

}  // namespace cchc::storage
