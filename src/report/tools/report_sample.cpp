// report_sample: writes the sample quarterly report (and a page of QR cards)
// as PDF, DOCX and XLSX, plus PNG images of the PDF's pages, so that the
// printed layout can be looked at.
//   report_sample OUTDIR [ROWS]
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include "report/docx_renderer.h"
#include "report/layout.h"
#include "report/pdf_renderer.h"
#include "report/tools/sample_document.h"
#include "report/xlsx_renderer.h"

using namespace cchc::report;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: report_sample OUTDIR [ROWS]\n");
        return 2;
    }
    std::string dir = argv[1];
    int rows = argc > 2 ? std::atoi(argv[2]) : 200;
    try {
        std::filesystem::create_directories(dir);
        Document doc = sample::QuarterlyReport(rows);
        LaidOutDocument pages(doc);
        RenderPdf(pages, dir + "/sample.pdf");
        RenderDocx(doc, dir + "/sample.docx");
        RenderXlsx(doc, dir + "/sample.xlsx");
        WritePagePng(pages, 0, 96, dir + "/sample-page1.png");
        Document cards = sample::OfficerQrCards(6);
        RenderPdf(cards, dir + "/cards.pdf");
        RenderDocx(cards, dir + "/cards.docx");
        std::printf("%s/sample.pdf: %d pages\n", dir.c_str(), pages.PageCount());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "report_sample: %s\n", e.what());
        return 1;
    }
    return 0;
}
