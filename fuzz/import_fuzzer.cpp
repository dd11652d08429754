// libFuzzer target: one importer (chosen when built: CCHC_FUZZ_IMPORT_units,
// _people, _frameworks, _results, _tasks, _assignments, _tallies,
// _dossiers, _ratings or _lineage) reading the input as a CSV file into an in-memory SQLite office
// made once from tests/data (units, people, frameworks with the built-in
// catalogues, tasks, assignments, tallies, dossiers, ratings). Each input runs inside
// a transaction that is rolled back, so every input meets the same office.
// The import must store the file or refuse it with a short one-line message
// naming the file; any other exception (an engine error, std::stoi's) is a
// failure.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>

#include "core/errors.h"
#include "fuzz_support.h"
#include "services/app/database_access.h"
#include "services/frameworks/framework_io.h"
#include "services/org/lineage.h"
#include "services/org/org_io.h"
#include "services/plans/assignments.h"
#include "services/plans/plan_io.h"
#include "services/results/results.h"
#include "services/surveys/surveys.h"
#include "storage/database.h"

namespace {

using namespace cchc;

const char* const kUser = "fuzz";

void Import(services::Database& db, const std::string& path) {
#if defined(CCHC_FUZZ_IMPORT_units)
    services::ImportUnits(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_people)
    services::ImportPeople(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_frameworks)
    services::ImportFrameworks(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_results)
    services::ImportResults(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_tasks)
    services::ImportTasks(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_assignments)
    services::ImportAssignments(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_tallies)
    services::ImportTallies(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_dossiers)
    services::ImportDossiers(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_ratings)
    services::ImportRatings(db, path, kUser);
#elif defined(CCHC_FUZZ_IMPORT_lineage)
    services::ImportLineage(db, path, kUser);
#else
#error "define CCHC_FUZZ_IMPORT_<kind>"
#endif
}

// The office every input is imported into.
services::Database& Office() {
    static services::Database* const db = [] {
        auto owned = services::OpenDatabase(services::ParseDatabaseUrl("sqlite::memory:"));
        services::LoadBuiltinCatalogues(*owned);
        const std::string data = CCHC_TEST_DATA_DIR;
        using Importer = void (*)(services::Database&, const std::string&);
        const std::pair<const char*, Importer> files[] = {
            {"units_good.csv", [](auto& d, auto& p) { services::ImportUnits(d, p, kUser); }},
            {"seed002_units.csv", [](auto& d, auto& p) { services::ImportUnits(d, p, kUser); }},
            {"seed003_units.csv", [](auto& d, auto& p) { services::ImportUnits(d, p, kUser); }},
            {"people_good.csv", [](auto& d, auto& p) { services::ImportPeople(d, p, kUser); }},
            {"tallies_good.csv", [](auto& d, auto& p) { services::ImportTallies(d, p, kUser); }},
            {"dossiers_good.csv", [](auto& d, auto& p) { services::ImportDossiers(d, p, kUser); }},
            {"ratings_good.csv", [](auto& d, auto& p) { services::ImportRatings(d, p, kUser); }},
            {"seed002_people.csv", [](auto& d, auto& p) { services::ImportPeople(d, p, kUser); }},
            {"seed003_people.csv", [](auto& d, auto& p) { services::ImportPeople(d, p, kUser); }},
            {"seed002_framework.csv",
             [](auto& d, auto& p) { services::ImportFrameworks(d, p, kUser); }},
            {"results_good.csv", [](auto& d, auto& p) { services::ImportResults(d, p, kUser); }},
            {"seed002_tasks.csv", [](auto& d, auto& p) { services::ImportTasks(d, p, kUser); }},
            {"seed003_assignments.csv",
             [](auto& d, auto& p) { services::ImportAssignments(d, p, kUser); }},
        };
        for (const auto& [name, import] : files) {
            try {
                import(*owned, data + "/" + name);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "fuzz office: %s not imported: %s\n", name, e.what());
            }
        }
        return owned.release();  // lives as long as the process
    }();
    return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    services::Database& db = Office();
    const std::string path =
        fuzz::WriteInput(std::string(reinterpret_cast<const char*>(data), size), ".csv");
    storage::Transaction rolledBack(db);
    try {
        Import(db, path);
    } catch (const UserError& e) {
        fuzz::CheckRefusal(e, "input.csv");
    } catch (const std::exception& e) {
        fuzz::Fail(std::string("not a UserError: ") + e.what());
    }
    return 0;
}
