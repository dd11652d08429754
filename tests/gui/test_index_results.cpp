// The Index results area on the demo office: switching to it shows the
// ranking of every commune, first place on the first row; the demo's
// communes, formed in 2025 from former ones, have their change marked and
// the former communes named under the list.
#include <wx/listctrl.h>

#include <wx/stattext.h>
#include <boost/test/unit_test.hpp>
#include <optional>

#include "core/org.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui_fixture.h"
#include "services/org/organisation.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

BOOST_AUTO_TEST_CASE(the_index_results_area_ranks_every_demo_commune) {
    TempDir dir;
    auto demo = DemoDatabase("sqlite:" + dir.File("rank.db"));
    long communes = 0;
    for (const Unit& u : services::OrganisationService(*demo, "gui-test").Units())
        if (IsCommuneLevel(u.kind) && u.active) ++communes;
    BOOST_REQUIRE(communes > 0);

    auto* frame = ShowMainFrame(std::move(demo));
    frame->ShowArea(gui::Area::IndexResults);
    wxListCtrl* list = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("rankingList", frame));
        return list && list->IsShownOnScreen() && list->GetItemCount() > 0;
    }));
    BOOST_TEST(list->GetItemCount() == communes);
    BOOST_TEST(list->GetItemText(0, 0) == "1");
    // Ranks never decrease down the list as loaded.
    long previous = 0;
    for (int i = 0; i < list->GetItemCount(); ++i) {
        long rank = 0;
        BOOST_TEST(list->GetItemText(i, 0).ToLong(&rank));
        BOOST_TEST(rank >= previous);
        previous = rank;
        BOOST_TEST(list->GetItemText(i, 7).EndsWith("*"), list->GetItemText(i, 7));
    }
    auto* note = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("formedNote", frame));
    BOOST_REQUIRE(note);
    BOOST_TEST(note->IsShownOnScreen());
    list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    BOOST_TEST(WaitFor([&] { return note->GetLabel().StartsWith("* " + list->GetItemText(0, 2)); }),
               note->GetLabel());
    BOOST_TEST(note->GetLabel().Contains(wxString::FromUTF8("Xã ")), note->GetLabel());

    DestroyWindow(frame);
}

// The overview of a commune chosen in the tree: its results over the years,
// those before it was formed its former units' combined results, marked.
BOOST_AUTO_TEST_CASE(the_overview_shows_the_chosen_communes_results_over_the_years) {
    TempDir dir;
    auto demo = DemoDatabase("sqlite:" + dir.File("history.db"));
    std::optional<Unit> commune;
    for (const Unit& u : services::OrganisationService(*demo, "gui-test").Units())
        if (IsCommuneLevel(u.kind) && u.active && !commune) commune = u;
    BOOST_REQUIRE(commune);
    auto* frame = ShowMainFrame(std::move(demo));
    frame->ShowArea(gui::Area::Dashboard);
    auto* history = wxWindow::FindWindowByName("dashboardHistory", frame);
    BOOST_REQUIRE(history);
    BOOST_TEST(!history->IsShown());
    frame->unitTree()->Select(commune->id);
    BOOST_REQUIRE(WaitFor([&] { return history->IsShownOnScreen(); }, 10000));
    wxString text;
    for (wxWindow* child : history->GetChildren())
        if (auto* label = dynamic_cast<wxStaticText*>(child)) text += label->GetLabel() + "\n";
    BOOST_TEST(text.Contains(wxString::FromUTF8(commune->name)), text);
    // The demo's communes were formed in 2025: the years before are marked.
    BOOST_TEST(text.Contains("*"), text);
    DestroyWindow(frame);
}
