#include "report/page_setup.h"

namespace cchc::report {

PageSetup Decree30Page(Orientation orientation) {
    PageSetup p;
    if (orientation == Orientation::Landscape) {
        p.widthMm = 297;
        p.heightMm = 210;
    }
    return p;
}

bool WithinDecree30(const PageSetup& p) {
    auto in = [](double v, double lo, double hi) { return v >= lo && v <= hi; };
    return in(p.topMm, 20, 25) && in(p.bottomMm, 20, 25) && in(p.leftMm, 30, 35) &&
           in(p.rightMm, 15, 20);
}

}  // namespace cchc::report
