// Index frameworks: a versioned tree of fields, criteria and sub-criteria,
// each with its maximum points and scoring rule, plus the rating bands of
// the framework (Tốt ≥ 90, ...). Scoring itself lives beside this in core.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/errors.h"

namespace cchc {

enum class FrameworkKind { Par, Service, Survey, Self, Custom };
enum class RuleKind { Manual, Rate, YesNo, Count, Deduction };
enum class NoDataRule { Full, Zero, NotApplicable };

std::string_view FrameworkKindKey(FrameworkKind k);
std::optional<FrameworkKind> FrameworkKindFromKey(std::string_view key);
std::string FrameworkKindLabel(FrameworkKind k);
std::string_view RuleKindKey(RuleKind k);
std::optional<RuleKind> RuleKindFromKey(std::string_view key);
std::string RuleKindLabel(RuleKind k);
std::string_view NoDataRuleKey(NoDataRule r);
std::optional<NoDataRule> NoDataRuleFromKey(std::string_view key);
std::string NoDataRuleLabel(NoDataRule r);

struct Band {
    std::string label;      // "Tốt"
    double minPercent = 0;  // 90 means 90% of the maximum
};

struct Criterion {
    std::int64_t id = 0;
    std::optional<std::int64_t> parentId;
    std::string code;        // "1.2" (unique within the framework)
    std::string parentCode;  // as read from a file
    std::string title;
    double maxPoints = 0;
    int sortOrder = 0;
    std::optional<RuleKind> rule;  // empty for a group node
    std::optional<double> target;  // ratio earning full points (rate)
    std::optional<double> cap;
    std::optional<double> perUnit;  // points per count (count)
    std::optional<NoDataRule> noData;
    bool evidenceRequired = false;
    bool appliesToCommunes = true;
    std::string guidance;
};

struct Framework {
    std::int64_t id = 0;
    std::string code;  // "PAR-XA-2025"
    std::string name;
    int year = 0;
    FrameworkKind kind = FrameworkKind::Par;
    std::string status = "active";  // draft, active, retired
    int version = 1;                // raised by every edit (optimistic locking)
    bool builtin = false;
    std::optional<std::int64_t> copiedFromId;  // the framework it was copied from
    std::string description;
    std::vector<Band> bands;          // best first
    std::vector<Criterion> criteria;  // parents before children
};

// Parses "Tốt:90;Khá:80;Trung bình:65;Yếu:0" (best first).
std::optional<std::vector<Band>> ParseBands(std::string_view text);
std::string FormatBands(const std::vector<Band>& bands);
// The band a percentage of the maximum falls in ("" when no bands).
std::string BandFor(const std::vector<Band>& bands, double percent);

// A rate criterion's target as typed (in a file or the editor): a number
// above 1 is a percentage ("90" means 0.9); 1 or less is the ratio itself.
std::optional<double> TargetRatio(std::optional<double> typed);

// The criteria in tree order: each parent followed by its sub-criteria,
// siblings by their order; with each one's depth (0 for a field). Criteria
// whose parent is not in the framework are roots.
std::vector<std::pair<const Criterion*, int>> TreeOrder(const Framework& framework);

// Structural checks: unique codes, parents exist, a group's children add up
// to its maximum, rule parameters present (target for rate, per_unit for
// count), no negative points. One problem per offending criterion code.
Problems CheckFramework(const Framework& framework);

}  // namespace cchc
