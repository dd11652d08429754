// Page geometry of printed documents under Decree 30/2020/ND-CP: A4,
// portrait (landscape allowed for wide tables), margins top/bottom 20-25 mm,
// left 30-35 mm, right 15-20 mm. Renderers (PDF, DOCX, preview) take their
// page from here so that every output has the same layout.
#pragma once

namespace cchc::report {

enum class Orientation { Portrait, Landscape };

struct PageSetup {
    double widthMm = 210, heightMm = 297;
    double topMm = 20, bottomMm = 20, leftMm = 30, rightMm = 15;
    double ContentWidthMm() const { return widthMm - leftMm - rightMm; }
    double ContentHeightMm() const { return heightMm - topMm - bottomMm; }
};

// The office's default page: A4 with the Decree's margins. In landscape the
// binding edge (30 mm) stays on the left of the reading direction.
PageSetup Decree30Page(Orientation orientation = Orientation::Portrait);

// True when every margin lies within the Decree's ranges.
bool WithinDecree30(const PageSetup& page);

}  // namespace cchc::report
