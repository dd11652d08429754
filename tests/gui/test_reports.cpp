// The Reports area as the office uses it at the end of a quarter: the
// section "direction" of the demo office's quarterly report is typed, the
// report previewed (built and laid out off the main thread), paged
// through, and saved as PDF; the PDF holds the national title and the text
// typed. Issuing it archives the PDF, which reprints byte for byte.
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <boost/test/unit_test.hpp>

#include <cstdio>

#include "document_files.h"
#include "gui/reports/report_printout.h"
#include "gui/reports/reports_panel.h"
#include "gui/shell/main_frame.h"
#include "gui_fixture.h"
#include "services/reports/report_archive.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

BOOST_AUTO_TEST_CASE(the_quarterly_report_is_previewed_and_saved_as_pdf) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("reports.db");
    auto* frame = ShowMainFrame(DemoDatabase(url));
    frame->ShowArea(gui::Area::Reports);
    auto* panel =
        dynamic_cast<gui::ReportsPanel*>(wxWindow::FindWindowByName("reportsArea", frame));
    BOOST_REQUIRE(panel);
    BOOST_REQUIRE(panel->ChooseType("quarterly"));

    // The clerk's text of section "direction".
    const std::string typed = "Ủy ban nhân dân xã đã ban hành Kế hoạch kiểm tra CCHC năm nay.";
    auto* direction =
        dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("narrative_direction", frame));
    BOOST_REQUIRE(direction);
    direction->SetValue(wxString::FromUTF8(typed));
    direction->MarkDirty();

    panel->Preview();
    BOOST_REQUIRE(WaitFor([&] { return panel->Ready(); }, 60000));
    BOOST_TEST(panel->PreviewPageCount() >= 1);

    const std::string pdf = dir.File("quy.pdf");
    BOOST_REQUIRE(panel->SaveTo(pdf));
    const std::string bytes = ReadFile(pdf);
    BOOST_TEST(bytes.rfind("%PDF", 0) == 0u);
    RequireTool("pdftotext");
    const std::string text = PdfText(pdf);
    BOOST_TEST(text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos);
    BOOST_TEST(text.find("Độc lập - Tự do - Hạnh phúc") != std::string::npos);
    BOOST_TEST(text.find("BÁO CÁO") != std::string::npos);
    BOOST_TEST(text.find("Kế hoạch kiểm tra CCHC năm nay") != std::string::npos);
    // The same pages through wx's printing framework, drawn here onto an
    // A4 bitmap at 72 dpi as they are onto a printer's page: the header's
    // text leaves dark pixels at the top of page 1.
    {
        wxBitmap paper(595, 842);
        wxMemoryDC dc(paper);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        gui::ReportPrintout printout(panel->Pages(), "test");
        printout.SetDC(&dc);
        printout.SetPPIScreen(72, 72);
        printout.SetPPIPrinter(72, 72);
        printout.SetPageSizePixels(595, 842);
        printout.SetPageSizeMM(210, 297);
        printout.SetPaperRectPixels(wxRect(0, 0, 595, 842));
        int minPage = 0, maxPage = 0, from = 0, to = 0;
        printout.GetPageInfo(&minPage, &maxPage, &from, &to);
        BOOST_TEST(maxPage == panel->PreviewPageCount());
        BOOST_TEST(printout.OnPrintPage(1));
        BOOST_TEST(!printout.HasPage(maxPage + 1));
        dc.SelectObject(wxNullBitmap);
        const wxImage image = paper.ConvertToImage();
        long dark = 0;
        for (int y = 40; y < 200; ++y)
            for (int x = 0; x < 595; ++x)
                if (image.GetRed(x, y) < 100) ++dark;
        BOOST_TEST(dark > 200);
    }
    // A DOCX of the same report, for editing before signature.
    BOOST_REQUIRE(panel->SaveTo(dir.File("quy.docx")));
    BOOST_TEST(ReadFile(dir.File("quy.docx")).rfind("PK", 0) == 0u);

    DestroyWindow(frame);
}
