// The three-way rule of exchange packages: see exchange_merge.h.
#include "core/exchange_merge.h"

namespace cchc {

const char* MergeState(FieldMerge merge, bool officeChangedOtherFields) {
    switch (merge) {
        case FieldMerge::Conflict:
            return "conflict";
        case FieldMerge::Apply:
            return officeChangedOtherFields ? "parallel" : "applied";
        case FieldMerge::Same:
        case FieldMerge::Unchanged:
            break;
    }
    return "applied";
}

}  // namespace cchc
