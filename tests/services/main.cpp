// Entry point of the cchc_services test executable (Boost.Test main). The
// suites over a database run once per backend (see tests/CMakeLists.txt).
#define BOOST_TEST_MODULE services
#include <boost/test/unit_test.hpp>

#include "test_support.h"

using cchc::test::PostgresAvailability;
BOOST_TEST_GLOBAL_FIXTURE(PostgresAvailability);
