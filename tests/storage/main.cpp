#define BOOST_TEST_MODULE storage
#include <boost/test/unit_test.hpp>

#include "test_support.h"

using cchc::test::PostgresAvailability;
BOOST_TEST_GLOBAL_FIXTURE(PostgresAvailability);
