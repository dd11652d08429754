// Measures what the client does before its main window is usable: open and
// migrate-check the database, read the unit tree in display order, and the
// dashboard figures. Run by hand on a district and a province database:
//   build/bench/bench_open --db sqlite:province.db
#include <chrono>
#include <cstdio>
#include <string>

#include "core/date.h"
#include "services/app/overview.h"
#include "services/org/organisation.h"
#include "storage/database.h"

namespace {
double Ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}
}  // namespace

int main(int argc, char** argv) {
    std::string url;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--db") url = argv[i + 1];
    if (url.empty()) {
        std::fprintf(stderr, "usage: bench_open --db URL\n");
        return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto db = cchc::storage::Database::Open(cchc::storage::DatabaseUrl::Parse(url));
    double open = Ms(t0);
    auto t1 = std::chrono::steady_clock::now();
    cchc::services::OrganisationService org(*db, "bench");
    auto units = org.Units();
    double tree = Ms(t1);
    auto t2 = std::chrono::steady_clock::now();
    auto overview = cchc::services::GetOverview(*db, cchc::Date::Today().ToIso(), "bench");
    auto byCommune = cchc::services::OpenTasksByCommune(*db, cchc::Date::Today().ToIso(), "bench");
    double dash = Ms(t2);
    std::printf("units %zu, ratings %ld, communes with open tasks %zu\n", units.size(),
                overview.ratings, byCommune.size());
    std::printf("open %.1f ms, unit tree %.1f ms, dashboard figures %.1f ms, total %.1f ms\n", open,
                tree, dash, Ms(t0));
    return 0;
}
