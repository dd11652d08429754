// bench_report [PAGES]: times the sample quarterly report grown to about
// PAGES pages (default 200, a province's report): layout, PDF, one preview
// image, DOCX and XLSX. Goal: the 200-page PDF well under 10 s.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "report/docx_renderer.h"
#include "report/layout.h"
#include "report/pdf_renderer.h"
#include "report/tools/sample_document.h"
#include "report/xlsx_renderer.h"

using namespace cchc::report;
using Clock = std::chrono::steady_clock;

static double Since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
    int targetPages = argc > 1 ? std::atoi(argv[1]) : 200;
    std::string dir = (std::filesystem::temp_directory_path() / "cchc-bench-report").string();
    std::filesystem::create_directories(dir);
    // About 32 table rows fit a portrait page.
    int rows = targetPages * 32;
    auto t = Clock::now();
    Document doc = sample::QuarterlyReport(rows);
    double model = Since(t);

    t = Clock::now();
    LaidOutDocument pages(doc);
    double layout = Since(t);
    t = Clock::now();
    RenderPdf(pages, dir + "/report.pdf");
    double pdf = Since(t);
    t = Clock::now();
    PageImage img = RenderPageImage(pages, 1, 96);
    double image = Since(t);
    t = Clock::now();
    RenderDocx(doc, dir + "/report.docx");
    double docx = Since(t);
    t = Clock::now();
    RenderXlsx(doc, dir + "/report.xlsx");
    double xlsx = Since(t);

    std::printf("report of %d table rows: %d pages\n", rows, pages.PageCount());
    std::printf("  model        %7.3f s\n", model);
    std::printf("  layout       %7.3f s\n", layout);
    std::printf("  paint PDF    %7.3f s  (%.0f KB)\n", pdf,
                std::filesystem::file_size(dir + "/report.pdf") / 1024.0);
    std::printf("  PDF total    %7.3f s  (layout + paint; goal < 10 s for 200 pages)\n",
                layout + pdf);
    std::printf("  page image   %7.3f s  (%d x %d at 96 dpi)\n", image, img.width, img.height);
    std::printf("  DOCX         %7.3f s\n", docx);
    std::printf("  XLSX         %7.3f s\n", xlsx);
    std::filesystem::remove_all(dir);
    return 0;
}
