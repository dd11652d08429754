// Entry point of the cchc_services test executable (Boost.Test main).
#define BOOST_TEST_MODULE services
#include <boost/test/unit_test.hpp>
