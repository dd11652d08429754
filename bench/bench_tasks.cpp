// Times the task board as the client uses it, over the database: opening it
// (the counts by status and the first window of rows), each filter of the
// filter bar (its counts and first window), each sortable column both ways
// (the first window and one in the middle of the list), the chair's view of
// a commune (its groups counted and each group's first rows), and scrolling
// to the middle of the whole list. Targets: the board opens in under
// 0.5 s; filtering, sorting and scrolling to the middle in under 100 ms.
// Run by hand on a province database built with `cchc demo --communes 1000
// --years 5`, on SQLite or PostgreSQL:
//   build/bench/bench_tasks --db sqlite:prov.db [--tasks 250000] [--runs 5]
//   build/bench/bench_tasks --db postgresql://user@host/db [--tasks 250000]
//   build/bench/bench_tasks --db postgresql://login@host/db --user login
//     (as an account: the server's row-level security applies, as at a desk)
// --tasks N first adds synthetic tasks to the communes' plans until the
// database holds N (as many as 50 tasks per commune and year would give).
// Each figure is the median of the runs (5 by default): the time, and the
// CPU time of this process (on SQLite the engine's work without the waits
// of a busy machine).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

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

// This process's CPU time, in milliseconds (the engine's own, on SQLite).
double CpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// The medians of `runs` timings of work (wall clock and this process's
// CPU), in milliseconds.
struct Timing {
    double wall = 0, cpu = 0;
};
Timing Median(int runs, const std::function<void()>& work) {
    std::vector<double> walls, cpus;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        const double c0 = CpuMs();
        work();
        cpus.push_back(CpuMs() - c0);
        walls.push_back(Ms(t0));
    }
    std::sort(walls.begin(), walls.end());
    std::sort(cpus.begin(), cpus.end());
    return {walls[walls.size() / 2], cpus[cpus.size() / 2]};
}

void Line(const std::string& what, long rows, Timing t, double target) {
    std::printf("%-46s %8ld %9.1f ms %9.1f ms%s\n", what.c_str(), rows, t.wall, t.cpu,
                t.wall > target ? "  OVER" : "");
}

std::string Load() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}
}  // namespace

int main(int argc, char** argv) {
    std::string url, user;
    long wanted = 0;
    int runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        if (k == "--db")
            url = argv[i + 1];
        else if (k == "--tasks")
            wanted = std::atol(argv[i + 1]);
        else if (k == "--runs")
            runs = std::max(1, std::atoi(argv[i + 1]));
        else if (k == "--user")
            user = argv[i + 1];
    }
    if (url.empty()) {
        std::fprintf(stderr, "usage: bench_tasks --db URL [--tasks N] [--runs R] [--user LOGIN]\n");
        return 2;
    }
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    if (wanted > 0) {
        auto t0 = Clock::now();
        AddTasks(*db, wanted);
        std::printf("tasks added up to %ld in %.0f ms\n", wanted, Ms(t0));
    }
    const Date today = Date::Today();
    std::printf("engine %s, load average %s, median of %d runs\n",
                db->backend() == storage::Backend::Sqlite ? "SQLite" : "PostgreSQL", Load().c_str(),
                runs);
    std::printf("%-46s %8s %12s %12s\n", "", "tasks", "time", "CPU here");

    // Opening the board: the service, the counts by status, the first rows.
    long total = 0;
    Timing ms = Median(runs, [&] {
        services::TaskBoard board(*db, today, user);
        total = board.Counts({}).Total();
        board.Window({}, {}, 0, 100, total);
    });
    Line("open: counts and the first 100 rows", total, ms, 500);
    services::TaskBoard board(*db, today, user);
    ms = Median(runs, [&] { board.Window({}, {}, total / 2, 100, total); });
    Line("scroll to the middle (100 rows)", total, ms, 100);

    // A commune, a lead of it, in the middle of the list.
    const auto middle = board.Window({}, {}, total / 2, 1, total);
    if (middle.empty()) return 0;
    const auto& sample = middle.front();
    std::vector<std::pair<std::string, services::TaskFilter>> filters;
    services::TaskFilter f;
    f.unitId = sample.row.unitId;
    filters.push_back({"one commune", f});
    f = {};
    if (sample.row.leadPersonId)
        f.leadPersonId = sample.row.leadPersonId;
    else
        f.leadUnitId = sample.row.leadUnitId;
    filters.push_back({"one lead", f});
    for (TaskStatus s : {TaskStatus::NotStarted, TaskStatus::InProgress, TaskStatus::Done}) {
        f = {};
        f.status = s;
        filters.push_back({std::string("status ") + TaskStatusKey(s), f});
    }
    f = {};
    f.openOnly = true;
    filters.push_back({"not finished", f});
    f = {};
    f.overdue = true;
    filters.push_back({"overdue", f});
    f = {};
    f.dueWithinDays = 7;
    filters.push_back({"due within 7 days", f});
    f = {};
    f.dueWithinDays = 30;
    filters.push_back({"due within 30 days", f});
    f = {};
    f.dueFrom = Date{today.year, today.month, 1};
    f.dueTo = Date{today.year, today.month, Date::DaysInMonth(today.year, today.month)};
    filters.push_back({"due this month", f});
    f = {};
    f.dueFrom = Date{today.year - 2, 1, 1};
    f.dueTo = Date{today.year - 2, 12, 31};
    filters.push_back({"due between two days", f});
    f = {};
    f.missingUpdate = true;
    filters.push_back({"missing quarterly update", f});
    f = {};
    f.text = "tuyen truyen";
    filters.push_back({"text \"tuyen truyen\"", f});
    f = {};
    f.text = "bộ phận một cửa";
    filters.push_back({"text \"bo phan mot cua\" (typed with marks)", f});
    f = {};
    f.text = "kiosk và mã QR";
    filters.push_back({"text \"kiosk va ma qr\" (fewer tasks)", f});
    f = {};
    f.unitId = sample.row.unitId;
    f.overdue = true;
    filters.push_back({"one commune, overdue", f});
    f = {};
    f.status = TaskStatus::InProgress;
    f.missingUpdate = true;
    filters.push_back({"in progress, missing update", f});
    std::printf("-- each filter: its counts and first 100 rows; then its middle\n");
    for (const auto& [name, filter] : filters) {
        long n = 0;
        ms = Median(runs, [&] {
            n = board.Counts(filter).Total();
            board.Window(filter, {}, 0, 100, n);
        });
        Line(name, n, ms, 100);
        ms = Median(runs, [&] { board.Window(filter, {}, n / 2, 100, n); });
        Line("  its middle", n, ms, 100);
    }

    std::printf("-- each column sorted: the first 100 rows; the middle of the list\n");
    const char* columns[] = {
        "own order", "commune", "criterion", "task",    "lead",
        "due",       "status",  "progress",  "overdue", "missing quarterly updates"};
    for (int c = 0; c <= static_cast<int>(services::TaskColumn::Updates); ++c)
        for (bool up : {true, false}) {
            const services::TaskOrder o{static_cast<services::TaskColumn>(c), up};
            const std::string name = std::string(columns[c]) + (up ? " up" : " down");
            ms = Median(runs, [&] { board.Window({}, o, 0, 100, total); });
            Line(name, total, ms, 100);
            ms = Median(runs, [&] { board.Window({}, o, total / 2, 100, total); });
            Line("  its middle", total, ms, 100);
        }

    std::printf("-- the chair's view of a commune: groups counted, each group's first rows\n");
    services::TaskFilter commune;
    commune.unitId = sample.row.unitId;
    long shown = 0;
    ms = Median(runs, [&] {
        shown = 0;
        for (const auto& [group, n] : board.GroupCounts(commune)) {
            services::TaskFilter g = commune;
            g.group = group;
            shown += static_cast<long>(board.Window(g, {}, 0, 100, n).size());
        }
    });
    Line("chair's view of one commune", shown, ms, 100);
    services::TaskFilter all;
    ms = Median(runs, [&] {
        shown = 0;
        for (const auto& [group, n] : board.GroupCounts(all)) {
            services::TaskFilter g;
            g.group = group;
            shown += static_cast<long>(board.Window(g, {}, 0, 100, n).size());
        }
    });
    Line("grouped view of every task", shown, ms, 100);

    std::printf("-- the overview's figures and the lead choices\n");
    long units = 0;
    ms = Median(runs, [&] { units = static_cast<long>(board.MissingUpdatesByUnit().size()); });
    Line("missing updates per commune (communes)", units, ms, 500);
    long leads = 0;
    ms = Median(runs, [&] { leads = static_cast<long>(board.Leads().size()); });
    Line("leads of the tasks (choices)", leads, ms, 500);
    return 0;
}
