// The areas of a yearly CCHC programme (direction; institutions; procedures
// and the one-stop desk; apparatus; civil service; public finance; digital
// government) as the quarterly report groups its sections: which area a
// criterion of an index framework, or an item of a plan written without
// one, belongs to, and what an area's tasks and lost points add up to.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/framework.h"
#include "core/scoring.h"
#include "core/task_rules.h"

namespace cchc {

// An area and the words that name it ("thủ tục hành chính", "một cửa").
struct ProgrammeArea {
    std::string key;
    std::vector<std::string> keywords;
};

// The first area one of whose words the text holds, letter case and
// diacritics ignored; nothing when none does.
std::optional<std::size_t> AreaOf(std::string_view text, const std::vector<ProgrammeArea>& areas);

// The field (root) of the framework that the criterion with this id, or
// this code, lies in: itself when it is a root; nullptr when the framework
// has no such criterion.
const Criterion* RootCriterion(const Framework& fw, std::int64_t criterionId);
const Criterion* RootCriterionByCode(const Framework& fw, std::string_view code);

// What names a plan item's area: the field of its criterion when it has
// one in the framework given, else the plan's group title, else the title
// of its criterion as the plan writes it.
std::string AreaText(const Framework* fw, std::optional<std::int64_t> criterionId,
                     const std::string& groupTitle, const std::string& criterionTitle);

// Points lost in one area: the sum, and the criterion that lost most
// (first in the list given, which is most lost first).
struct AreaLoss {
    double lost = 0;
    std::string worstCode, worstTitle;
    double worstLost = 0;
    int worstUnits = 0;  // units that lost points on it (an office's sum)
};

// The losses of one unit, or summed over an office's units, per area:
// each criterion counted in the area of its field.
std::vector<AreaLoss> LossesByArea(const Framework& fw, const std::vector<PointsLost>& lost,
                                   const std::vector<ProgrammeArea>& areas);
std::vector<AreaLoss> LossesByArea(const Framework& fw, const std::vector<CriterionLosses>& lost,
                                   const std::vector<ProgrammeArea>& areas);

}  // namespace cchc
