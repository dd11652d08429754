// How Boost.Test prints core values in failed assertions (found by ADL).
#pragma once
#include <ostream>

#include "core/date.h"
#include "core/period.h"

namespace cchc {

inline std::ostream& boost_test_print_type(std::ostream& os, const Date& d) {
    return os << d.ToIso();
}
inline std::ostream& boost_test_print_type(std::ostream& os, const Period& p) {
    return os << p.ToString();
}
inline std::ostream& boost_test_print_type(std::ostream& os, PeriodKind k) {
    return os << PeriodKindKey(k);
}

}  // namespace cchc
