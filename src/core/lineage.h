// Units formed from others. Since 1 July 2025 communes and wards have been
// merged: a new commune or ward is formed on a date from one or more former
// units, and a former unit split between several gives each a share of
// itself. A unit's results before it was formed are its predecessors'.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"

namespace cchc {

struct LineageLink {
    std::int64_t id = 0;
    std::int64_t unitId = 0;         // the unit formed
    std::int64_t predecessorId = 0;  // a former unit it was formed from
    Date formedOn;
    double share = 1;  // the part of the former unit that went into this one, (0, 1]
    int version = 1;
};

// A share as a file writes it: empty is 1 (the whole former unit); "0.4",
// "0,4" or "40%" (a percentage); a number above 0 and at most 1 (at most
// 100%). Nothing for anything else.
std::optional<double> ParseShare(const std::string& text);

// A unit that the links make its own predecessor (a cycle: the first unit
// found on it), or nothing.
std::optional<std::int64_t> LineageCycle(const std::vector<LineageLink>& links);

// Former units given away more than whole: those whose shares over all the
// units formed from them add up to more than 1, in the order of the links.
std::vector<std::int64_t> OverSharedPredecessors(const std::vector<LineageLink>& links);

// Whether a link's former unit stands for the unit in `previous` when the
// unit's result of `current` is compared with it: the unit was formed
// after `previous` began and by the end of `current` (calendar windows).
bool LinkBridges(const LineageLink& link, const Period& previous, const Period& current);

// The former units' combined result: the mean of their percentages of the
// maximum, each weighted by the share of it that went into the unit (the
// plain mean when every share is whole). Nothing for no predecessors.
struct PredecessorPercent {
    double percent = 0;
    double share = 1;
};
std::optional<double> CombinedPercent(const std::vector<PredecessorPercent>& parts);

}  // namespace cchc
