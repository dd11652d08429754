// How a field a commune changed in its copy of an exchange package meets the
// office's: the three-way rule of services/exchange (one place for every
// kind of row). base is the value the copy received, office the value the
// office holds now, commune the copy's value now.
#pragma once
#include <optional>
#include <string>

namespace cchc {

enum class FieldMerge {
    Unchanged,  // the commune did not change it: nothing to report
    Same,       // both hold the commune's value already: reported as applied
    Apply,      // only the commune changed it: the commune's value is applied
    Conflict,   // both changed it, differently: kept for someone to resolve
};

template <class T>
FieldMerge MergeField(const T& base, const T& office, const T& commune) {
    if (commune == base) return FieldMerge::Unchanged;
    if (office == commune) return FieldMerge::Same;
    if (office == base) return FieldMerge::Apply;
    return FieldMerge::Conflict;
}

// The state an import reports for a field applied: "parallel" when the
// office changed another field of the same row since the copy's base,
// "applied" otherwise; "conflict" for a conflict.
const char* MergeState(FieldMerge merge, bool officeChangedOtherFields);

}  // namespace cchc
