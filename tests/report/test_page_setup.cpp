#define BOOST_TEST_MODULE report
#include <boost/test/unit_test.hpp>

#include "report/page_setup.h"

using namespace cchc::report;

BOOST_AUTO_TEST_CASE(decree30_pages_are_a4_with_the_decrees_margins) {
    auto portrait = Decree30Page();
    BOOST_TEST(portrait.widthMm == 210.0);
    BOOST_TEST(portrait.ContentWidthMm() == 165.0);
    BOOST_TEST(WithinDecree30(portrait));
    auto landscape = Decree30Page(Orientation::Landscape);
    BOOST_TEST(landscape.widthMm == 297.0);
    BOOST_TEST(landscape.heightMm == 210.0);
    PageSetup tooNarrow = portrait;
    tooNarrow.leftMm = 20;
    BOOST_TEST(!WithinDecree30(tooNarrow));
}
