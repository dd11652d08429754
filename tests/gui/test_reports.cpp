// The Reports area as the office uses it at the end of a quarter: the
// section "direction" of the demo office's quarterly report is typed, the
// report previewed (built and laid out off the main thread), paged
// through, and saved as PDF; the PDF holds the national title and the text
// typed. Issuing it archives the PDF, which reprints byte for byte.
#include <wx/button.h>
#include <wx/dcmemory.h>
#include <wx/filefn.h>
#include <wx/image.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>
#include <boost/test/unit_test.hpp>

#include <cstdio>

#include "document_files.h"
#include "gui/reports/report_printout.h"
#include "gui/reports/reports_panel.h"
#include "gui/shell/main_frame.h"
#include "gui_fixture.h"
#include "services/reports/report_archive.h"
#include "storage/unit_repository.h"
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
    // Another period chosen: the preview of the first is dropped, and
    // nothing is saved under the new choice's name until it is made.
    BOOST_REQUIRE(panel->ChoosePeriod("2026-Q2"));
    BOOST_TEST(!panel->Ready());
    BOOST_TEST(panel->PreviewPageCount() == 0);
    BOOST_TEST(!panel->SaveTo(dir.File("quy2.pdf")));
    BOOST_TEST(!wxFileExists(dir.File("quy2.pdf")));

    DestroyWindow(frame);
}

BOOST_AUTO_TEST_CASE(the_office_starts_from_last_quarter_and_reads_what_the_communes_wrote) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("sections.db");
    auto* frame = ShowMainFrame(DemoDatabase(url));
    auto& session = frame->session();
    const std::int64_t office = session.Organisation().Office().unitId;
    services::ReportArchive(session.db(), "test")
        .SaveNarratives(office, "2026-Q2", "quarterly",
                        {{"procedures", "Tiếp nhận hồ sơ qua dịch vụ công trực tuyến."}});
    auto commune = storage::UnitRepository(session.db().session()).ByCode("XA-BINHKHE");
    BOOST_REQUIRE(commune);
    services::ReportArchive(session.db(), "test")
        .SaveNarratives(commune->id, "2026-Q3", "quarterly",
                        {{"procedures", "Không có hồ sơ trễ hạn."}});
    frame->ShowArea(gui::Area::Reports);
    auto* panel =
        dynamic_cast<gui::ReportsPanel*>(wxWindow::FindWindowByName("reportsArea", frame));
    BOOST_REQUIRE(panel);
    BOOST_REQUIRE(panel->ChooseType("quarterly"));
    BOOST_REQUIRE(panel->ChoosePeriod("2026-Q3"));
    // Who has not written: every commune of the demo.
    auto* who =
        dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("communes_not_written", frame));
    BOOST_REQUIRE(who);
    BOOST_TEST(who->GetLabel().ToStdString(wxConvUTF8).find("xã") != std::string::npos);
    // A part's heading has no text to type; its sections have.
    BOOST_TEST(wxWindow::FindWindowByName("narrative_tasks_set", frame) == nullptr);
    auto* procedures =
        dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("narrative_procedures", frame));
    BOOST_REQUIRE(procedures);
    BOOST_REQUIRE(procedures->GetValue().empty());
    // Last quarter's text as a starting point, kept at once.
    auto* carry = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("carry_procedures", frame));
    BOOST_REQUIRE(carry);
    BOOST_TEST(wxWindow::FindWindowByName("carry_direction", frame) == nullptr);
    wxCommandEvent click(wxEVT_BUTTON, carry->GetId());
    click.SetEventObject(carry);
    carry->GetEventHandler()->ProcessEvent(click);
    BOOST_TEST(procedures->GetValue().ToStdString(wxConvUTF8) ==
               "Tiếp nhận hồ sơ qua dịch vụ công trực tuyến.");
    const auto stored =
        services::ReportArchive(session.db(), "test").Narratives(office, "2026-Q3", "quarterly");
    BOOST_TEST(stored.at("procedures") == "Tiếp nhận hồ sơ qua dịch vụ công trực tuyến.");
    // The communes' texts of a section, copied into the office's to condense.
    auto* communes =
        dynamic_cast<wxButton*>(wxWindow::FindWindowByName("communes_procedures", frame));
    BOOST_REQUIRE(communes);
    UiScript script;
    script.Add("copy the communes' texts", [] {
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* d = dynamic_cast<wxDialog*>(w); d && d->IsModal())
                if (wxWindow* b = wxWindow::FindWindowByName("copy_communes", d)) {
                    auto* e = new wxCommandEvent(wxEVT_BUTTON, b->GetId());
                    e->SetEventObject(b);
                    b->GetEventHandler()->QueueEvent(e);
                    return true;
                }
        return false;
    });
    script.onAbort = EndModals;
    script.Begin();
    wxCommandEvent open(wxEVT_BUTTON, communes->GetId());
    open.SetEventObject(communes);
    communes->GetEventHandler()->ProcessEvent(open);
    BOOST_TEST(script.failure().empty(), script.failure());
    const std::string condensed = procedures->GetValue().ToStdString(wxConvUTF8);
    BOOST_TEST(condensed.find("Tiếp nhận hồ sơ qua dịch vụ công trực tuyến.\nXã Bình Khê: Không có "
                              "hồ sơ trễ hạn.") != std::string::npos,
               condensed);
    BOOST_TEST(services::ReportArchive(session.db(), "test")
                   .Narratives(office, "2026-Q3", "quarterly")
                   .at("procedures") == condensed);
    frame->Destroy();
}
