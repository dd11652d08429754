// The assignment matrix of seed 003 as the Home Affairs specialist edits it:
// open it on Huyện Ninh Sơn and QD766, change the person responsible for
// group II in the grid, save; the database has the new person linked and
// the dialog closes without asking, since nothing is left unsaved.
#include <wx/button.h>
#include <wx/grid.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <functional>
#include <memory>

#include "gui/plans/assignment_matrix_dialog.h"
#include "gui/shell/gui_session.h"
#include "gui_fixture.h"
#include "services/app/app_context.h"
#include "services/org/org_io.h"
#include "services/plans/assignments.h"
#include "storage/assignment_repository.h"
#include "storage/database_url.h"
#include "storage/framework_repository.h"
#include "storage/unit_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
// Seed 003's office and matrices in a database at url, open for the client.
std::unique_ptr<storage::Database> SeedAssignments(const std::string& url) {
    auto prepared = services::OpenPrepared(storage::DatabaseUrl::Parse(url), false);
    services::ImportUnits(*prepared.db, DataFile("seed003_units.csv"), "test");
    services::ImportPeople(*prepared.db, DataFile("seed003_people.csv"), "test");
    services::ImportAssignments(*prepared.db, DataFile("seed003_assignments.csv"), "test");
    return std::move(prepared.db);
}
}  // namespace

BOOST_AUTO_TEST_CASE(editing_a_responsible_person_in_the_matrix_stores_it) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("assign.db");
    gui::GuiSession session(SeedAssignments(url), "gui-test");

    auto* dlg = new gui::AssignmentMatrixDialog(nullptr, session, "H-NINHSON", "QD766");
    dlg->Show();
    BOOST_REQUIRE(WaitFor([&] { return dlg->IsShownOnScreen(); }));
    auto* grid = Control<wxGrid>(dlg, "matrix");
    BOOST_REQUIRE(grid);
    BOOST_TEST(grid->GetNumberRows() == 27);
    BOOST_TEST(grid->GetNumberCols() == 6);
    // Row 5 is group II and its person.
    const int row = 4, person = 5;
    BOOST_TEST(grid->GetCellValue(row, 0) == "II");
    BOOST_TEST(grid->GetCellValue(row, person).utf8_string() == "Nguyễn Thị Kim Yến");
    BOOST_TEST(!dlg->HasChanges());
    if (const char* hold = std::getenv("CCHC_GUI_HOLD_MS"))
        WaitFor([] { return false; }, std::atoi(hold));

    // Type the new person into the cell's editor, as a user does after F2.
    grid->SetFocus();
    grid->SetGridCursor(row, person);
    grid->EnableCellEditControl();
    BOOST_REQUIRE(grid->IsCellEditControlShown());
    wxGridCellEditor* editor = grid->GetCellEditor(row, person);
    auto* text = dynamic_cast<wxTextCtrl*>(editor->GetControl());
    editor->DecRef();
    BOOST_REQUIRE(text);
    text->SetValue(wxString::FromUTF8("Nguyễn Anh Văn"));
    grid->SaveEditControlValue();
    grid->DisableCellEditControl();
    BOOST_TEST(dlg->HasChanges());

    wxUIActionSimulator sim;
    ClickOn(sim, dlg->FindWindow(wxID_OK));
    BOOST_TEST(WaitFor([&] { return !dlg->HasChanges(); }));
    BOOST_TEST(Control<wxStaticText>(dlg, "status")->GetLabel().Contains("27"));
    BOOST_TEST(!Control<wxStaticText>(dlg, "error")->IsShown());

    // Stored, read through a second connection: linked to the person.
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
        const auto rows = services::AssignmentService(*db, "check").Load("H-NINHSON", "QD766");
        BOOST_REQUIRE(rows.size() == 27u);
        BOOST_TEST(rows[4].responsiblePerson == "Nguyễn Anh Văn");
        BOOST_TEST(rows[0].responsiblePerson == "Nguyễn Anh Văn");
        const auto unit = storage::UnitRepository(db->session()).ByCode("H-NINHSON");
        const auto fw = storage::FrameworkRepository(db->session()).IdByCode("QD766");
        const auto groups = storage::AssignmentRepository(db->session()).Load(unit->id, *fw);
        BOOST_TEST((groups.at(1).responsiblePersonId ==
                    storage::PersonRepository(db->session()).ByCode("NS-VP-VAN")->id));
    }

    // A refused edit keeps the dialog open with the row and column named.
    grid->SetCellValue(5, 1, "9.9");
    ClickOn(sim, dlg->FindWindow(wxID_OK));
    BOOST_TEST(WaitFor([&] { return Control<wxStaticText>(dlg, "error")->IsShown(); }));
    BOOST_TEST(grid->GetGridCursorRow() == 5);
    BOOST_TEST(grid->GetGridCursorCol() == 1);
    grid->SetCellValue(5, 1, "2.1");
    BOOST_TEST(!dlg->HasChanges());

    // Nothing unsaved: Close does not ask.
    ClickOn(sim, dlg->FindWindow(wxID_CANCEL));
    BOOST_TEST(WaitFor([] { return FindShown<gui::AssignmentMatrixDialog>() == nullptr; }));
    WaitFor([] { return false; }, 100);
}

namespace {
// The matrix of Huyện Ninh Sơn on QD766 open here; another desk saves it
// behind this one's back; this desk changes one cell and saves. Returns
// what the conflict dialog showed and the rows stored.
struct MatrixOutcome {
    ConflictSeen seen;
    std::vector<AssignmentRow> stored;
};
MatrixOutcome SaveAgainstAnotherDesk(
    int row, int column, const wxString& typed,
    const std::function<void(std::vector<AssignmentRow>&)>& otherDesk) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("assign.db");
    gui::GuiSession session(SeedAssignments(url), "gui-test");
    auto* dlg = new gui::AssignmentMatrixDialog(nullptr, session, "H-NINHSON", "QD766");
    dlg->Show();
    BOOST_REQUIRE(WaitFor([&] { return dlg->IsShownOnScreen(); }));
    auto* grid = Control<wxGrid>(dlg, "matrix");
    BOOST_REQUIRE(grid);
    {
        auto db = OtherDesk(url);
        services::AssignmentService other(*db, "desk-b");
        auto m = other.LoadMatrix("H-NINHSON", "QD766");
        otherDesk(m.rows);
        other.Save("H-NINHSON", "QD766", m.rows, m.version);
    }
    grid->SetCellValue(row, column, typed);
    BOOST_REQUIRE(dlg->HasChanges());

    MatrixOutcome out;
    wxUIActionSimulator sim;
    UiScript script;
    script.onAbort = EndModals;
    script.Add("saved, a conflict dialog answered with its defaults",
               ConflictAnswered(out.seen, {"II||responsible_person", "II||lead_unit"},
                                [&] { return !dlg->HasChanges(); }),
               10000);
    script.Begin();
    ClickOn(sim, dlg->FindWindow(wxID_OK));
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(!Control<wxStaticText>(dlg, "error")->IsShown());
    auto db = OtherDesk(url);
    out.stored = services::AssignmentService(*db, "check").Load("H-NINHSON", "QD766");
    dlg->Destroy();
    WaitFor([] { return false; }, 100);
    return out;
}
}  // namespace

// Another desk names another lead unit for group II while the person
// responsible for it is changed here: nothing is asked and both are stored
// (the lead this desk read does not go back over the other desk's).
BOOST_AUTO_TEST_CASE(a_matrix_saved_on_another_desk_in_other_cells_merges_without_asking) {
    const MatrixOutcome out = SaveAgainstAnotherDesk(
        4, 5, wxString::FromUTF8("Nguyễn Anh Văn"),
        [](std::vector<AssignmentRow>& rows) { rows.at(4).leadUnit = "Phòng Tư pháp"; });
    BOOST_TEST(!out.seen.asked);
    BOOST_REQUIRE(out.stored.size() == 27u);
    BOOST_TEST(out.stored[4].responsiblePerson == "Nguyễn Anh Văn");
    BOOST_TEST(out.stored[4].leadUnit == "Phòng Tư pháp");
}

// Both desks change the person responsible for group II: asked, with this
// desk's person pre-selected; the defaults store it.
BOOST_AUTO_TEST_CASE(a_cell_changed_on_both_desks_asks_with_this_desks_value_first) {
    const MatrixOutcome out = SaveAgainstAnotherDesk(
        4, 5, wxString::FromUTF8("Nguyễn Anh Văn"),
        [](std::vector<AssignmentRow>& rows) { rows.at(4).responsiblePerson = "Người Khác"; });
    BOOST_TEST(out.seen.asked);
    BOOST_TEST((out.seen.mineFirst == std::vector<std::string>{"II||responsible_person"}));
    BOOST_REQUIRE(out.stored.size() == 27u);
    BOOST_TEST(out.stored[4].responsiblePerson == "Nguyễn Anh Văn");
}
