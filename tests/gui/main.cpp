// Entry point of the GUI test suite (Boost.Test, dynamic library): starts
// wxWidgets once for all cases (see gui_fixture.h).
#define BOOST_TEST_MODULE gui
#include <boost/test/unit_test.hpp>

#include "gui_fixture.h"

using cchc::test::WxRuntime;
BOOST_TEST_GLOBAL_FIXTURE(WxRuntime);
