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

BOOST_AUTO_TEST_CASE(editing_a_responsible_person_in_the_matrix_stores_it) {
    TempDir dir;
    const std::string url = "sqlite:" + dir.File("assign.db");
    auto prepared = services::OpenPrepared(storage::DatabaseUrl::Parse(url), false);
    services::ImportUnits(*prepared.db, DataFile("seed003_units.csv"), "test");
    services::ImportPeople(*prepared.db, DataFile("seed003_people.csv"), "test");
    services::ImportAssignments(*prepared.db, DataFile("seed003_assignments.csv"), "test");
    gui::GuiSession session(std::move(prepared.db), "gui-test");

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
