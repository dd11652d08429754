// Times the ranking of every commune on a framework and period, the figure
// behind the ranking view and `cchc rank` (target: 1,000 communes on a
// 100-criterion framework in under 50 ms). The ranking reads the totals
// stored per unit, framework and period; the first run after they went
// stale computes them, and is timed apart. Run by hand on a province
// database built with `cchc demo --communes 1000`:
//   build/bench/bench_rank --db sqlite:province.db --period 2025 [--framework CODE]
//   build/bench/bench_rank --db sqlite:province.db --period 2025 --criteria 100
// --criteria N first adds to the database a framework BENCH-N of N scored
// criteria in ten fields, with results of every commune for the period and
// the one before it (when it is not there yet), and ranks on it.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "core/org.h"
#include "core/period.h"
#include "services/results/result_totals.h"
#include "services/results/results.h"
#include "storage/database.h"
#include "storage/framework_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/unit_repository.h"

namespace {
using namespace cchc;

// A framework of `criteria` manual criteria (1 point each) in ten fields,
// and results of every commune for the two periods.
std::string AddSyntheticFramework(storage::Database& db, int criteria, const std::string& period) {
    const std::string code = "BENCH-" + std::to_string(criteria);
    storage::FrameworkRepository frameworks(db.session());
    if (frameworks.IdByCode(code)) return code;
    storage::Transaction tx(db);
    Framework fw;
    fw.code = code;
    fw.name = "Bench framework of " + std::to_string(criteria) + " criteria";
    fw.year = 2025;
    fw.bands = {{"Tốt", 90}, {"Khá", 80}, {"Trung bình", 65}, {"Yếu", 0}};
    const int fields = 10, perField = (criteria + fields - 1) / fields;
    for (int f = 0; f < fields; ++f) {
        Criterion group;
        group.code = std::to_string(f + 1);
        group.title = "Field " + group.code;
        group.sortOrder = f;
        const int leaves = std::min(perField, criteria - f * perField);
        if (leaves <= 0) break;
        group.maxPoints = leaves;
        fw.criteria.push_back(group);
        for (int l = 0; l < leaves; ++l) {
            Criterion c;
            c.code = group.code + "." + std::to_string(l + 1);
            c.parentCode = group.code;
            c.title = "Criterion " + c.code;
            c.maxPoints = 1;
            c.rule = RuleKind::Manual;
            c.sortOrder = l;
            fw.criteria.push_back(c);
        }
    }
    frameworks.Insert(fw);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> quarter(0, 4);
    std::vector<ResultRecord> batch;
    storage::ResultRepository results(db.session());
    const auto p = Period::Parse(period);
    for (const std::string& per : {p->Previous().ToString(), p->ToString()}) {
        for (const auto& u : storage::UnitRepository(db.session()).All()) {
            if (!IsCommuneLevel(u.kind)) continue;
            for (const auto& c : fw.criteria) {
                if (!c.rule) continue;
                ResultRecord r;
                r.unitId = u.id;
                r.criterionId = c.id;
                r.period = per;
                r.selfScore = r.appraisedScore = quarter(rng) / 4.0;
                r.status = "appraised";
                batch.push_back(r);
            }
            if (batch.size() > 20000) results.InsertMany(batch), batch.clear();
        }
    }
    results.InsertMany(batch);
    storage::ResultSetRepository(db.session()).EnsureFromResults();
    tx.Commit();
    return code;
}
}  // namespace

int main(int argc, char** argv) {
    std::string url, framework = "PAR-XA-2025", period;
    int syntheticCriteria = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        if (k == "--db")
            url = argv[i + 1];
        else if (k == "--framework")
            framework = argv[i + 1];
        else if (k == "--period")
            period = argv[i + 1];
        else if (k == "--criteria")
            syntheticCriteria = std::atoi(argv[i + 1]);
    }
    if (url.empty() || !cchc::Period::Parse(period)) {
        std::fprintf(stderr,
                     "usage: bench_rank --db URL --period P [--framework CODE | --criteria N]\n");
        return 2;
    }
    auto db = cchc::storage::Database::Open(cchc::storage::DatabaseUrl::Parse(url));
    if (syntheticCriteria > 0) framework = AddSyntheticFramework(*db, syntheticCriteria, period);
    long criteria = 0;
    for (const auto& f : cchc::storage::FrameworkRepository(db->session()).List())
        if (f.code == framework) criteria = f.criteria;
    // Totals left stale (after an upgrade or a framework edit) are computed
    // once, by the first ranking: time that too.
    {
        auto fid = cchc::storage::FrameworkRepository(db->session()).IdByCode(framework);
        if (fid) cchc::storage::ResultSetRepository(db->session()).MarkFrameworkStale(*fid);
    }
    double first = 0, best = 1e9;
    std::size_t units = 0;
    for (int run = 0; run < 6; ++run) {
        auto t0 = std::chrono::steady_clock::now();
        auto rows = cchc::services::RankUnits(*db, framework, period, true, "bench");
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                        .count();
        units = rows.size();
        if (run == 0)
            first = ms;
        else if (ms < best)
            best = ms;
    }
    std::printf("framework %s: %ld criteria and groups\n", framework.c_str(), criteria);
    std::printf(
        "ranked %zu units in %s: %.1f ms from stored totals (best of 5 runs; target 50 ms)\n",
        units, period.c_str(), best);
    std::printf("first ranking after the totals went stale (computes and stores them): %.1f ms\n",
                first);
    return 0;
}
