// The scoring grid as a clerk uses it: open a commune's grid for the current
// year from the Index results area, type a self score into a criterion's
// cell and press Enter; the group's subtotal and the total below the grid
// change, and the score is stored. Then a column pasted from a spreadsheet
// fills the criteria below the cursor in one step.
#include <soci/soci.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <optional>

#include "core/date.h"
#include "core/org.h"
#include "gui/index/index_results_panel.h"
#include "gui/index/scoring_grid_page.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/main_frame.h"
#include "gui/shell/search_picker.h"
#include "gui_fixture.h"
#include "services/org/organisation.h"
#include "services/results/result_sheet.h"
#include "storage/database.h"
#include "storage/database_url.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
// Whether the page's status line says scores are not saved.
bool NotSaved(const wxString& status) {
    return status.StartsWith(wxString(_("Not saved: %s")).BeforeFirst('%'));
}

int RowOf(wxGrid* grid, const std::string& code) {
    for (int r = 0; r < grid->GetNumberRows(); ++r)
        if (grid->GetCellValue(r, 0).Strip(wxString::both) == wxString::FromUTF8(code)) return r;
    return -1;
}
// The first active commune of the office (none: an empty unit).
Unit FirstCommune(services::Database& db) {
    for (const Unit& u : services::OrganisationService(db, "gui-test").Units())
        if (IsCommuneLevel(u.kind) && u.active) return u;
    return {};
}
}  // namespace

BOOST_AUTO_TEST_CASE(typing_a_self_score_updates_the_subtotal_and_the_database) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("grid.db");
    auto demo = DemoDatabase(url);
    const Unit commune = FirstCommune(*demo);
    BOOST_REQUIRE(commune.id != 0);
    auto* frame = ShowMainFrame(std::move(demo));
    frame->ShowArea(gui::Area::IndexResults);

    // The current year: nothing is stored for it yet, so the set is a draft.
    const std::string year = std::to_string(Date::Today().year);
    auto* period = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("rankingPeriod", frame));
    BOOST_REQUIRE(period);
    const int index =
        period->FindString(wxString::FromUTF8(Period::Year(Date::Today().year).Label()));
    BOOST_REQUIRE(index != wxNOT_FOUND);
    Choose(period, index);

    auto* panel =
        dynamic_cast<gui::IndexResultsPanel*>(wxWindow::FindWindowByName("indexResults", frame));
    BOOST_REQUIRE(panel);
    panel->OpenUnit(commune.code);
    wxGrid* grid = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        grid = dynamic_cast<wxGrid*>(wxWindow::FindWindowByName("scoringGrid", frame));
        return grid && grid->IsShownOnScreen() && grid->GetNumberRows() > 0;
    }));
    const int leaf = RowOf(grid, "2.3"), group = RowOf(grid, "2");
    BOOST_REQUIRE(leaf >= 0);
    BOOST_REQUIRE(group >= 0);
    const int selfColumn = 3, selfPointsColumn = 7;
    BOOST_TEST(grid->GetColLabelValue(selfColumn) == gui::TwoLines(_("Self score")));
    const wxString before = grid->GetCellValue(group, selfPointsColumn);
    auto* totals = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("gridTotals", frame));
    BOOST_REQUIRE(totals);
    const wxString totalBefore = totals->GetLabel();

    // Type "1,5" into 2.3's self-score cell and press Enter.
    grid->SetGridCursor(leaf, selfColumn);
    grid->SetFocus();
    BOOST_REQUIRE(WaitFor([&] {
        wxWindow* f = wxWindow::FindFocus();
        return f == grid || f == grid->GetGridWindow();
    }));
    wxUIActionSimulator sim;
    sim.Text("1,5");
    WaitFor([] { return false; }, 200);
    sim.Char(WXK_RETURN);
    auto page = dynamic_cast<gui::ScoringGridPage*>(grid->GetParent());
    BOOST_REQUIRE(page);
    BOOST_REQUIRE(WaitFor([&] {
        return page->sheet() && std::any_of(page->sheet()->rows.begin(), page->sheet()->rows.end(),
                                            [](const auto& r) {
                                                return r.code == "2.3" && r.selfScore &&
                                                       *r.selfScore == 1.5;
                                            });
    }));
    BOOST_TEST(grid->GetCellValue(leaf, selfColumn) == "1,5");
    BOOST_TEST(grid->GetCellValue(group, selfPointsColumn) != before);
    BOOST_TEST(totals->GetLabel() != totalBefore);

    // Stored: read through a second connection.
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        auto sheet =
            services::ResultSheetService(*db, "check").Load(commune.code, "PAR-XA-2025", year);
        auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                                [](const auto& r) { return r.code == "2.3"; });
        BOOST_REQUIRE(row != sheet.rows.end());
        BOOST_REQUIRE(row->selfScore.has_value());
        BOOST_TEST(*row->selfScore == 1.5);
    }

    // A column pasted from a spreadsheet, from 2.2.1 down: groups are skipped.
    const int first = RowOf(grid, "2.2.1");
    grid->SetGridCursor(first, selfColumn);
    page->PasteText("0,5\n1\n2\n");
    BOOST_REQUIRE(
        WaitFor([&] { return grid->GetCellValue(RowOf(grid, "2.3"), selfColumn) == "2"; }));
    BOOST_TEST(grid->GetCellValue(RowOf(grid, "2.2.1"), selfColumn) == "0,5");
    BOOST_TEST(grid->GetCellValue(RowOf(grid, "2.2.2"), selfColumn) == "1");

    DestroyWindow(frame);
}

// A score the database refuses to store (a trigger standing for a full disk
// or a lost server) stays in its cell, the page says it is not saved and
// why, and the next Enter saves it once the database takes writes again.
BOOST_AUTO_TEST_CASE(a_refused_save_keeps_the_typed_score_until_it_is_saved) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("grid.db");
    auto demo = DemoDatabase(url);
    const Unit commune = FirstCommune(*demo);
    BOOST_REQUIRE(commune.id != 0);
    auto* frame = ShowMainFrame(std::move(demo));
    frame->ShowArea(gui::Area::IndexResults);
    // The current year, the one the page offers with nothing stored yet.
    const int thisYear = Date::Today().year;
    const std::string year = std::to_string(thisYear);
    auto* period = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("rankingPeriod", frame));
    BOOST_REQUIRE(period);
    const int index = period->FindString(wxString::FromUTF8(Period::Year(thisYear).Label()));
    BOOST_REQUIRE(index != wxNOT_FOUND);
    Choose(period, index);
    auto* panel =
        dynamic_cast<gui::IndexResultsPanel*>(wxWindow::FindWindowByName("indexResults", frame));
    BOOST_REQUIRE(panel);
    panel->OpenUnit(commune.code);
    wxGrid* grid = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        grid = dynamic_cast<wxGrid*>(wxWindow::FindWindowByName("scoringGrid", frame));
        return grid && grid->IsShownOnScreen() && grid->GetNumberRows() > 0;
    }));
    auto page = dynamic_cast<gui::ScoringGridPage*>(grid->GetParent());
    BOOST_REQUIRE(page);
    auto* status = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("gridStatus", frame));
    BOOST_REQUIRE(status);
    const int leaf = RowOf(grid, "2.3"), other = RowOf(grid, "2.2.1");
    BOOST_REQUIRE(leaf >= 0);
    BOOST_REQUIRE(other >= 0);
    const int selfColumn = 3;
    auto stored = [&](const std::string& code) -> std::optional<double> {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        auto sheet =
            services::ResultSheetService(*db, "check").Load(commune.code, "PAR-XA-2025", year);
        for (const auto& r : sheet.rows)
            if (r.code == code) return r.selfScore;
        return std::nullopt;
    };
    auto refuse = [&] {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        db->session() << "CREATE TRIGGER refuse_results_INSERT BEFORE INSERT ON results "
                         "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END";
        db->session() << "CREATE TRIGGER refuse_results_UPDATE BEFORE UPDATE ON results "
                         "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END";
    };
    refuse();

    auto typeAndEnter = [&](int row, const char* text) {
        grid->SetGridCursor(row, selfColumn);
        grid->SetFocus();
        BOOST_REQUIRE(WaitFor([&] {
            wxWindow* f = wxWindow::FindFocus();
            return f == grid || f == grid->GetGridWindow();
        }));
        wxUIActionSimulator sim;
        sim.Text(text);
        WaitFor([] { return false; }, 200);
        sim.Char(WXK_RETURN);
    };
    typeAndEnter(leaf, "1,5");
    BOOST_REQUIRE(WaitFor([&] { return NotSaved(status->GetLabel()); }));
    WaitFor([] { return false; }, 200);
    BOOST_TEST(grid->GetCellValue(leaf, selfColumn) == "1,5");  // still shown
    BOOST_TEST(!stored("2.3").has_value());                     // nothing stored
    // Said in Vietnamese, without the engine's words.
    const std::string said = status->GetLabel().ToStdString(wxConvUTF8);
    for (const char* technical : {"INSERT", "sqlite", "soci", "disk I/O", "results"})
        BOOST_TEST(said.find(technical) == std::string::npos, said);

    // Choosing another commune asks before the scores not saved are
    // dropped; Esc (Cancel) stays on this commune with them.
    auto* unit = dynamic_cast<gui::SearchPicker*>(wxWindow::FindWindowByName("gridUnit", frame));
    BOOST_REQUIRE(unit);
    BOOST_REQUIRE(unit->GetCount() > 1);
    const int shownUnit = unit->GetSelection();
    // Esc on the question (a modal message box) from a timer.
    auto escapeQuestion = [&](std::function<void()> change) {
        wxUIActionSimulator sim;
        wxLongLong asked = 0;
        UiScript script;
        script.onAbort = EndModals;
        script.Add("the question is up a moment", [&] {
            if (asked == 0) asked = wxGetLocalTimeMillis();
            return wxGetLocalTimeMillis() - asked > 500;
        });
        script.Add("press Esc", PressKey(sim, WXK_ESCAPE));
        script.Begin();
        change();
        BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 10000));
        BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    };
    escapeQuestion([&] { Choose(unit, shownUnit == 0 ? 1 : 0); });
    BOOST_TEST(unit->GetSelection() == shownUnit);
    BOOST_TEST(NotSaved(status->GetLabel()));
    BOOST_TEST(grid->GetCellValue(leaf, selfColumn) == "1,5");
    // So does another period.
    BOOST_REQUIRE(period->GetCount() > 1);
    escapeQuestion([&] { Choose(period, index == 0 ? 1 : 0); });
    BOOST_TEST(period->GetSelection() == index);
    BOOST_TEST(NotSaved(status->GetLabel()));
    BOOST_TEST(grid->GetCellValue(leaf, selfColumn) == "1,5");

    auto* retry = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("gridRetry", frame));
    BOOST_REQUIRE(retry);
    BOOST_TEST(retry->IsShownOnScreen());

    // The database takes writes again: the next score typed, in another
    // cell, is saved together with the one left.
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        db->session() << "DROP TRIGGER refuse_results_INSERT";
        db->session() << "DROP TRIGGER refuse_results_UPDATE";
    }
    typeAndEnter(other, "1");
    BOOST_REQUIRE(WaitFor([&] { return stored("2.3") == std::optional<double>(1.5); }));
    BOOST_TEST((stored("2.2.1") == std::optional<double>(1)));
    BOOST_REQUIRE(WaitFor([&] { return !NotSaved(status->GetLabel()); }));
    BOOST_TEST(grid->GetCellValue(leaf, selfColumn) == "1,5");
    BOOST_TEST(!retry->IsShown());

    // Refused again, then saved with "Save again".
    refuse();
    typeAndEnter(leaf, "2");
    BOOST_REQUIRE(WaitFor([&] { return NotSaved(status->GetLabel()); }));
    BOOST_TEST((stored("2.3") == std::optional<double>(1.5)));
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        db->session() << "DROP TRIGGER refuse_results_INSERT";
        db->session() << "DROP TRIGGER refuse_results_UPDATE";
    }
    BOOST_REQUIRE(WaitFor([&] { return retry->IsShownOnScreen(); }));
    wxUIActionSimulator sim;
    ClickOn(sim, retry);
    BOOST_REQUIRE(WaitFor([&] { return stored("2.3") == std::optional<double>(2); }));
    BOOST_REQUIRE(WaitFor([&] { return !NotSaved(status->GetLabel()); }));
    BOOST_TEST(grid->GetCellValue(leaf, selfColumn) == "2");

    DestroyWindow(frame);
}

// Another desk saves a score of the same criterion while the grid shows the
// old one: the score typed here is not written over it. The conflict
// dialog shows both values; cancelled, the typed score stays in its cell,
// marked as not saved, for "Save again"; taking the other desk's value
// shows it; keeping one's own stores it.
BOOST_AUTO_TEST_CASE(a_score_saved_on_another_desk_meanwhile_asks_which_to_keep) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("grid.db");
    auto demo = DemoDatabase(url);
    const Unit commune = FirstCommune(*demo);
    BOOST_REQUIRE(commune.id != 0);
    auto* frame = ShowMainFrame(std::move(demo));
    frame->ShowArea(gui::Area::IndexResults);
    const int thisYear = Date::Today().year;
    const std::string year = std::to_string(thisYear);
    auto* period = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("rankingPeriod", frame));
    BOOST_REQUIRE(period);
    const int index = period->FindString(wxString::FromUTF8(Period::Year(thisYear).Label()));
    BOOST_REQUIRE(index != wxNOT_FOUND);
    Choose(period, index);
    auto* panel =
        dynamic_cast<gui::IndexResultsPanel*>(wxWindow::FindWindowByName("indexResults", frame));
    BOOST_REQUIRE(panel);
    panel->OpenUnit(commune.code);
    wxGrid* grid = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        grid = dynamic_cast<wxGrid*>(wxWindow::FindWindowByName("scoringGrid", frame));
        return grid && grid->IsShownOnScreen() && grid->GetNumberRows() > 0;
    }));
    auto* status = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("gridStatus", frame));
    auto* retry = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("gridRetry", frame));
    BOOST_REQUIRE(status);
    BOOST_REQUIRE(retry);
    const int leaf = RowOf(grid, "2.3");
    BOOST_REQUIRE(leaf >= 0);
    const int selfColumn = 3;
    const std::string key = "2.3/self_score";

    // The other desk: its own connection, its own copy of the sheet.
    auto otherDesk = [&](double score) {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        services::ResultSheetService desk(*db, "desk-b");
        services::SheetEdit e;
        e.criterion = "2.3";
        e.field = ResultField::SelfScore;
        e.value = score;
        desk.Apply(desk.Load(commune.code, "PAR-XA-2025", year), {e});
    };
    auto stored = [&]() -> std::optional<double> {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        auto sheet =
            services::ResultSheetService(*db, "check").Load(commune.code, "PAR-XA-2025", year);
        for (const auto& r : sheet.rows)
            if (r.code == "2.3") return r.selfScore;
        return std::nullopt;
    };
    auto typeAndEnter = [&](const char* text) {
        grid->SetGridCursor(leaf, selfColumn);
        grid->SetFocus();
        BOOST_REQUIRE(WaitFor([&] {
            wxWindow* f = wxWindow::FindFocus();
            return f == grid || f == grid->GetGridWindow();
        }));
        wxUIActionSimulator sim;
        sim.Text(text);
        WaitFor([] { return false; }, 200);
        sim.Char(WXK_RETURN);
    };
    // A script answering the conflict dialog: checks what it shows, then
    // answers with `button` after choosing `side` ("mine_" or "theirs_").
    auto answer = [&](UiScript& script, wxUIActionSimulator& sim, const wxString& mine,
                      const wxString& theirs, const char* side, int button) {
        script.onAbort = EndModals;
        wxLongLong shown = 0;
        script.Add("the conflict dialog shows both values", [=] {
            wxRadioButton* m = ConflictChoice("mine_", key);
            wxRadioButton* t = ConflictChoice("theirs_", key);
            if (!m || !t || !m->IsShownOnScreen()) return false;
            BOOST_TEST(m->GetLabel() == mine);
            BOOST_TEST(t->GetLabel() == theirs);
            // A typed cell is one the user edited: one's own value is
            // proposed, without the "not changed here" note.
            BOOST_TEST(m->GetValue());
            BOOST_TEST(!t->GetValue());
            BOOST_TEST(!MarkedUntouched(key));
            return true;
        });
        script.Add("it stays up a moment", [shown]() mutable {
            if (shown == 0) shown = wxGetLocalTimeMillis();
            return wxGetLocalTimeMillis() - shown > 500;
        });
        script.Add("choose a side",
                   ClickStep(sim, [side, key] { return ConflictChoice(side, key); }));
        script.Add("the side is chosen", [side, key] {
            wxRadioButton* r = ConflictChoice(side, key);
            return r && r->GetValue();
        });
        script.Add("answer", [button] {
            if (wxDialog* dlg = ShownConflictDialog()) PressLater(dlg, button);
            return true;
        });
        script.Add("the dialog closes", [] { return ShownConflictDialog() == nullptr; });
        script.Begin();
    };

    // The grid shows 2.3 empty; the other desk saves 2 meanwhile; 1,5 is typed here.
    otherDesk(2);
    {
        wxUIActionSimulator sim;
        UiScript script;
        answer(script, sim, "1,5", "2", "mine_", wxID_CANCEL);
        typeAndEnter("1,5");
        BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
        BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    }
    // Cancelled: nothing written over the other desk's score; the typed one
    // stays, marked as not saved, with "Save again".
    BOOST_REQUIRE(WaitFor([&] { return NotSaved(status->GetLabel()); }));
    BOOST_TEST((stored() == std::optional<double>(2)));
    BOOST_TEST(grid->GetCellValue(leaf, selfColumn) == "1,5");
    BOOST_REQUIRE(WaitFor([&] { return retry->IsShownOnScreen(); }));

    // "Save again" asks again; the other desk's value is taken and shown.
    {
        wxUIActionSimulator sim;
        UiScript script;
        answer(script, sim, "1,5", "2", "theirs_", wxID_OK);
        ClickOn(sim, retry);
        BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
        BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    }
    BOOST_REQUIRE(WaitFor([&] { return !NotSaved(status->GetLabel()); }));
    BOOST_TEST((stored() == std::optional<double>(2)));
    BOOST_REQUIRE(WaitFor([&] { return grid->GetCellValue(leaf, selfColumn) == "2"; }));
    BOOST_TEST(!retry->IsShown());

    // The other desk changes it again; one's own value is kept this time.
    otherDesk(0.5);
    {
        wxUIActionSimulator sim;
        UiScript script;
        answer(script, sim, "1,75", "0,5", "mine_", wxID_OK);
        typeAndEnter("1,75");
        BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
        BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    }
    BOOST_REQUIRE(WaitFor([&] { return stored() == std::optional<double>(1.75); }));
    BOOST_REQUIRE(WaitFor([&] { return !NotSaved(status->GetLabel()); }));
    BOOST_TEST(grid->GetCellValue(leaf, selfColumn) == "1,75");

    DestroyWindow(frame);
}

// The grid's buttons show whole at 1280 pixels wide and more, "Save again"
// shown or not: they go on to a second line rather than being cut (at 1440
// × 900, in its window of 1360, "Reopen..." was cut once "Save again"
// showed).
BOOST_AUTO_TEST_CASE(every_button_of_the_grid_shows_whole_at_1280_pixels_and_more) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("grid.db");
    auto demo = DemoDatabase(url);
    const Unit commune = FirstCommune(*demo);
    BOOST_REQUIRE(commune.id != 0);
    auto* frame = ShowMainFrame(std::move(demo));
    frame->ShowArea(gui::Area::IndexResults);
    auto* panel =
        dynamic_cast<gui::IndexResultsPanel*>(wxWindow::FindWindowByName("indexResults", frame));
    BOOST_REQUIRE(panel);
    panel->OpenUnit(commune.code);
    wxGrid* grid = nullptr;
    BOOST_REQUIRE(WaitFor([&] {
        grid = dynamic_cast<wxGrid*>(wxWindow::FindWindowByName("scoringGrid", frame));
        return grid && grid->IsShownOnScreen();
    }));
    wxWindow* page = grid->GetParent();
    auto* retry = dynamic_cast<wxButton*>(wxWindow::FindWindowByName("gridRetry", frame));
    BOOST_REQUIRE(retry);
    for (const bool retryShown : {false, true}) {
        retry->Show(retryShown);
        for (const int width : {1280, 1360, 1440}) {
            frame->SetSize(width, 860);
            WaitFor([] { return false; }, 300);
            page->Layout();
            WaitFor([] { return false; }, 100);
            const wxRect inside = page->GetScreenRect();
            for (const char* name : {"gridRetry", "gridEvidence", "gridSubmit", "gridWithdraw",
                                     "gridAppraise", "gridReopen"}) {
                auto* b = dynamic_cast<wxButton*>(wxWindow::FindWindowByName(name, frame));
                BOOST_REQUIRE(b);
                if (!b->IsShown()) continue;
                const wxRect r = b->GetScreenRect();
                const std::string what = std::string(name) + " at " + std::to_string(width) +
                                         (retryShown ? ", Save again shown" : "");
                BOOST_TEST(inside.Contains(r), what);
                BOOST_TEST(r.width >= b->GetBestSize().x, what);
            }
        }
    }
    DestroyWindow(frame);
}
