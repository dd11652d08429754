// Entry point of the cchc_core test suite (Boost.Test, dynamic library).
#define BOOST_TEST_MODULE core
#include <boost/test/unit_test.hpp>
