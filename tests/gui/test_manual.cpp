// The user manual (F1): a Vietnamese page per area, the area at hand first.
#include <wx/listbox.h>
#include <wx/menu.h>
#include <boost/test/unit_test.hpp>

#include "gui/shell/main_frame.h"
#include "gui/shell/manual_dialog.h"
#include "gui_fixture.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

BOOST_AUTO_TEST_CASE(the_manual_has_a_page_per_area_and_opens_at_the_one_shown) {
    for (int a = 0; a < static_cast<int>(gui::Area::Count); ++a) {
        const wxString page = gui::ManualPage(static_cast<gui::Area>(a));
        BOOST_TEST(page.Contains("<h2>"), a);
        BOOST_TEST(page.length() > 300u, a);
    }
    BOOST_TEST(gui::ManualPage(gui::Area::Surveys).Contains(wxString::FromUTF8("Mẫu 01")));
    TempDir dir;
    auto* frame = ShowMainFrame(DemoDatabase("sqlite:" + dir.File("manual.db")));
    // Trợ giúp > Hướng dẫn sử dụng, on F1.
    auto* item = frame->GetMenuBar()->FindItem(gui::ID_MANUAL);
    BOOST_REQUIRE(item);
    BOOST_TEST(item->GetItemLabel().Contains("F1"));
    frame->ShowArea(gui::Area::Plans);
    {
        gui::ManualDialog manual(frame, frame->CurrentArea());
        BOOST_TEST(manual.PageText() == gui::ManualPage(gui::Area::Plans));
        auto* pages = dynamic_cast<wxListBox*>(wxWindow::FindWindowByName("manualPages", &manual));
        BOOST_REQUIRE(pages);
        BOOST_TEST(pages->GetCount() == static_cast<unsigned>(gui::Area::Count));
        BOOST_TEST(pages->GetSelection() == static_cast<int>(gui::Area::Plans));
        BOOST_TEST(pages->GetString(0) == wxString::FromUTF8("Tổng quan"));
        manual.ShowPage(gui::Area::Reports);
        BOOST_TEST(manual.PageText().Contains(wxString::FromUTF8("Nghị định 30/2020")));
    }
    DestroyWindow(frame);
}
