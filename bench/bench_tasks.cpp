// Times the task board: reading every task of the office and filtering it
// as the board does on each keystroke (target: under 100 ms per filter on a
// province of about 250,000 tasks). Run by hand on a province database
// built with `cchc demo --communes 1000`:
//   build/bench/bench_tasks --db sqlite:province.db [--tasks 250000]
// --tasks N first adds synthetic tasks to the communes' plans until the
// database holds N (as many as 50 tasks per commune and year would give).
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "core/date.h"
#include "core/org.h"
#include "services/plans/task_board.h"
#include "storage/database.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"

namespace {
using namespace cchc;
using Clock = std::chrono::steady_clock;
double Ms(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void AddTasks(storage::Database& db, long wanted) {
    storage::PlanRepository plans(db.session());
    long have = plans.CountTasks();
    if (have >= wanted) return;
    std::vector<Unit> communes;
    for (auto& u : storage::UnitRepository(db.session()).All())
        if (IsCommuneLevel(u.kind)) communes.push_back(std::move(u));
    if (communes.empty()) return;
    std::mt19937 rng(11);
    const char* texts[] = {"Tăng cường tuyên truyền thủ tục hành chính",
                           "Rà soát, cập nhật văn bản", "Nâng cao chất lượng giải quyết hồ sơ",
                           "Kiểm tra công vụ tại Bộ phận Một cửa"};
    storage::Transaction tx(db);
    for (std::size_t c = 0; have < wanted; c = (c + 1) % communes.size()) {
        PlanRecord p;
        p.unitId = communes[c].id;
        p.year = 2021 + static_cast<int>(rng() % 5);
        p.kind = "reform";
        PlanItemRecord item;
        item.heading = std::to_string(1 + rng() % 8) + "." + std::to_string(1 + rng() % 6);
        for (int k = 0; k < 50 && have < wanted; ++k, ++have) {
            TaskRecord t;
            t.solution = texts[rng() % 4];
            t.leadUnitId = communes[c].id;
            t.dueOn =
                Date{p.year, 1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28)}
                    .ToIso();
            t.status = static_cast<TaskStatus>(rng() % 4);
            t.percentDone = t.status == TaskStatus::Done ? 100 : static_cast<int>(rng() % 100);
            item.tasks.push_back(std::move(t));
        }
        p.items.push_back(std::move(item));
        plans.Insert(p);
    }
    tx.Commit();
}
}  // namespace

int main(int argc, char** argv) {
    std::string url;
    long wanted = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        if (k == "--db")
            url = argv[i + 1];
        else if (k == "--tasks")
            wanted = std::atol(argv[i + 1]);
    }
    if (url.empty()) {
        std::fprintf(stderr, "usage: bench_tasks --db URL [--tasks N]\n");
        return 2;
    }
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    if (wanted > 0) {
        auto t0 = Clock::now();
        AddTasks(*db, wanted);
        std::printf("tasks added up to %ld in %.0f ms\n", wanted, Ms(t0));
    }
    auto t0 = Clock::now();
    const auto board = services::TaskBoard::Load(*db, Date::Today());
    std::printf("board of %zu tasks read in %.0f ms (once, when the board opens)\n", board.size(),
                Ms(t0));

    std::vector<std::pair<const char*, services::TaskFilter>> filters;
    services::TaskFilter all;
    filters.push_back({"no filter", all});
    services::TaskFilter overdue;
    overdue.overdue = true;
    filters.push_back({"overdue", overdue});
    services::TaskFilter oneUnit;
    if (board.size() > 0) oneUnit.unitId = board[board.size() / 2].row.unitId;
    oneUnit.overdue = true;
    filters.push_back({"one commune, overdue", oneUnit});
    services::TaskFilter text;
    text.text = "tuyen truyen";
    filters.push_back({"text \"tuyen truyen\"", text});
    services::TaskFilter missing;
    missing.missingUpdate = true;
    missing.status = TaskStatus::InProgress;
    filters.push_back({"in progress, missing update", missing});
    for (const auto& [name, f] : filters) {
        double best = 1e9;
        std::size_t n = 0;
        for (int run = 0; run < 5; ++run) {
            auto t1 = Clock::now();
            n = board.Filter(f).size();
            best = std::min(best, Ms(t1));
        }
        std::printf("filter %-30s %7zu tasks in %6.1f ms (best of 5; target 100 ms)\n", name, n,
                    best);
    }
    return 0;
}
