// Times the quarterly CCHC report of a whole office to PDF: reading the
// data and building the document, laying it out, writing the PDF. Targets:
// a district's 30 communes under 1 s; a province's 1,000 communes with five
// years of data (about 200 pages) under 10 s. Builds both demo offices in a
// temporary directory unless given:
//   build/bench/bench_reports [--district sqlite:district.db] [--province sqlite:province.db]
//                             [--period 2025-Q4]
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "report/layout.h"
#include "report/pdf_renderer.h"
#include "services/app/demo.h"
#include "services/reports/reports.h"
#include "storage/database.h"

namespace {
using namespace cchc;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point from) {
    return std::chrono::duration<double>(Clock::now() - from).count();
}

std::unique_ptr<storage::Database> Office(const std::string& url, const std::string& scratch,
                                          int communes, int years) {
    if (!url.empty()) return storage::Database::Open(storage::DatabaseUrl::Parse(url), {});
    const std::string path = scratch + "/office-" + std::to_string(communes) + ".db";
    std::filesystem::remove(path);
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + path), {});
    services::DemoOptions o;
    o.communes = communes;
    o.years = years;
    o.lastYear = 2025;
    o.ratings = communes * 200L;
    auto t = Clock::now();
    services::BuildDemo(*db, o, nullptr);
    std::printf("  demo office of %d communes, %d years built in %.1f s\n", communes, years,
                Seconds(t));
    return db;
}

void Time(storage::Database& db, const std::string& label, const std::string& period,
          const std::string& pdf, double goal) {
    services::ReportRequest r;
    r.type = "quarterly";
    r.period = period;
    r.issuedOn = Date{2026, 1, 5};
    auto t0 = Clock::now();
    auto built = services::BuildReport(db, r);
    const double build = Seconds(t0);
    auto t1 = Clock::now();
    report::LaidOutDocument laid(built.document);
    const double layout = Seconds(t1);
    auto t2 = Clock::now();
    report::RenderPdf(laid, pdf);
    const double render = Seconds(t2);
    const double total = Seconds(t0);
    std::printf(
        "%-10s %4d pages  data+document %.3f s  layout %.3f s  pdf %.3f s  total %.3f s "
        "(goal < %.0f s: %s)\n",
        label.c_str(), laid.PageCount(), build, layout, render, total, goal,
        total < goal ? "met" : "MISSED");
}

}  // namespace

int main(int argc, char** argv) {
    std::string district, province, period = "2025-Q4";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--district")
            district = argv[i + 1];
        else if (a == "--province")
            province = argv[i + 1];
        else if (a == "--period")
            period = argv[i + 1];
    }
    const std::string scratch =
        (std::filesystem::temp_directory_path() / ("bench-reports-" + std::to_string(::getpid())))
            .string();
    std::filesystem::create_directories(scratch);
    try {
        auto d = Office(district, scratch, 30, 3);
        Time(*d, "district", period, scratch + "/district.pdf", 1);
        auto p = Office(province, scratch, 1000, 5);
        Time(*p, "province", period, scratch + "/province.pdf", 10);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_reports: %s\n", e.what());
        return 1;
    }
    std::filesystem::remove_all(scratch);
    return 0;
}
