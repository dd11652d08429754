// Times the ranking of every commune on a framework and period, the figure
// behind the ranking view and `cchc rank` (target: 1,000 communes in under
// 50 ms). Run by hand on a province database built with `cchc demo`:
//   build/bench/bench_rank --db sqlite:province.db --framework PAR-XA-2025 --period 2025
#include <chrono>
#include <cstdio>
#include <string>

#include "services/results.h"
#include "storage/database.h"

int main(int argc, char** argv) {
    std::string url, framework = "PAR-XA-2025", period;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        if (k == "--db") url = argv[i + 1];
        else if (k == "--framework") framework = argv[i + 1];
        else if (k == "--period") period = argv[i + 1];
    }
    if (url.empty() || period.empty()) {
        std::fprintf(stderr, "usage: bench_rank --db URL --period P [--framework CODE]\n");
        return 2;
    }
    auto db = cchc::storage::Database::Open(cchc::storage::DatabaseUrl::Parse(url));
    double best = 1e9;
    std::size_t units = 0;
    for (int run = 0; run < 5; ++run) {
        auto t0 = std::chrono::steady_clock::now();
        auto rows = cchc::services::RankUnits(*db, framework, period, true);
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        units = rows.size();
        if (ms < best) best = ms;
    }
    std::printf("ranked %zu units on %s %s: best of 5 runs %.1f ms\n", units, framework.c_str(),
                period.c_str(), best);
    return 0;
}
