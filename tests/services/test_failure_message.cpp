// What the user is told when something fails: our own errors keep their
// message; the engine's (SQL, parameters, the driver's words) become a
// sentence saying what failed and what to do.
#include <soci/soci.h>
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "core/errors.h"
#include "fixture.h"
#include "services/app/failure_message.h"

using namespace cchc;
using namespace cchc::test;

namespace {
bool HasTechnicalText(const std::string& text) {
    for (const char* word : {"INSERT", "insert", "units", "soci", "sqlite", "SQL", "postgres",
                             "XA-1", "while executing", "constraint"})
        if (text.find(word) != std::string::npos) return true;
    return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(failure_message)

BOOST_AUTO_TEST_CASE(a_soci_error_with_sql_becomes_a_sentence_without_it) {
    const soci::soci_error error(
        "sqlite3_statement_backend::loadOne: attempt to write a readonly database while "
        "executing \"INSERT INTO units (code, name) VALUES (:c, :n)\" with :c=\"XA-1\".");
    const std::string shown = services::FailureMessage(error);
    BOOST_TEST(!HasTechnicalText(shown), shown);
    BOOST_TEST(shown.find("database") != std::string::npos, shown);   // says what failed
    BOOST_TEST(shown.find("try again") != std::string::npos, shown);  // and what to do
    BOOST_TEST(services::IsTechnicalFailure(error));
    BOOST_TEST(services::TechnicalText(error).find("INSERT INTO units") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_failed_statement_of_the_engine_is_shown_without_sql, DbFixture) {
    try {
        Db().session() << "INSERT INTO units (code, name, kind) VALUES ('XA-1', NULL, 'commune')";
        BOOST_FAIL("a unit without a name was stored");
    } catch (const std::exception& e) {
        const std::string shown = services::FailureMessage(e);
        BOOST_TEST(!HasTechnicalText(shown), shown);
        BOOST_TEST(!shown.empty());
    }
}

BOOST_AUTO_TEST_CASE(our_errors_keep_their_message) {
    const UserError error(Location{"units.csv", 3, "parent"}, "no unit has the code XA-9");
    BOOST_TEST(services::FailureMessage(error) == error.what());
    BOOST_TEST(!services::IsTechnicalFailure(error));
    const storage::DatabaseBusyError busy;
    BOOST_TEST(services::FailureMessage(busy) == busy.what());
}

BOOST_AUTO_TEST_CASE(other_failures_say_what_failed_without_their_text) {
    const std::filesystem::filesystem_error file(
        "filesystem error: cannot open", std::filesystem::path("/tmp/report.pdf"),
        std::make_error_code(std::errc::permission_denied));
    BOOST_TEST(services::FailureMessage(file).find("/tmp/report.pdf") != std::string::npos);
    BOOST_TEST(services::FailureMessage(file).find("filesystem error") == std::string::npos);
    const std::out_of_range internal("vector::_M_range_check: __n (which is 7)");
    BOOST_TEST(services::FailureMessage(internal).find("_M_range") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
