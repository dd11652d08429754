// The former units dialog under Danh mục, on the demo province: a merged
// commune's former units listed, one added and saved, a share that gives a
// former unit away more than whole refused with the rows kept.
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <boost/test/unit_test.hpp>

#include "core/org.h"
#include "gui/catalogue/catalogue_panel.h"
#include "gui/catalogue/lineage_dialog.h"
#include "gui/catalogue/procedure_fields_page.h"
#include "gui/shell/main_frame.h"
#include "gui_fixture.h"
#include "services/org/lineage.h"
#include "storage/lineage_repository.h"
#include "storage/unit_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

BOOST_AUTO_TEST_CASE(a_communes_former_units_are_edited_under_the_catalogue) {
    TempDir dir;
    auto demo = DemoDatabase("sqlite:" + dir.File("lineage.db"));
    storage::UnitRepository units(demo->session());
    const auto links = storage::LineageRepository(demo->session()).All();
    BOOST_REQUIRE(!links.empty());
    const Unit commune = *units.ById(links.front().unitId);
    // A former commune that went whole into another unit.
    std::optional<Unit> other;
    for (const auto& l : links)
        if (l.unitId != commune.id && l.share == 1.0) other = units.ById(l.predecessorId);
    BOOST_REQUIRE(other.has_value());
    auto* frame = ShowMainFrame(std::move(demo));
    auto& session = frame->session();
    const std::size_t before =
        services::LineageOf(session.db(), commune.id, "gui-test").formedFrom.size();
    {
        gui::LineageDialog dlg(frame, session, commune);
        BOOST_TEST(dlg.Rows().size() == before);
        auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("lineageList", &dlg));
        BOOST_REQUIRE(list);
        BOOST_TEST(list->GetItemCount() == static_cast<int>(before));
        // The other commune's former unit, all of it: more than whole.
        BOOST_TEST(dlg.AddRow(other->id));
        BOOST_TEST(!dlg.Save());
        auto* error = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("error", &dlg));
        BOOST_TEST(error->IsShown());
        BOOST_TEST(error->GetLabel().Contains(wxString::FromUTF8(other->name)), error->GetLabel());
        BOOST_TEST(dlg.Rows().size() == before + 1);  // kept
        // Half of it: saved.
        auto* share = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("lineageShare", &dlg));
        dlg.SelectRow(static_cast<long>(before));
        share->ChangeValue("50");
        BOOST_TEST(!dlg.Save());  // the other commune has it whole: still more than whole
        share->ChangeValue("0");
        BOOST_TEST(!dlg.Save());  // not a share
        BOOST_TEST(error->GetLabel().Contains("100"), error->GetLabel());
    }
    // Taken off another's: the link to the other unit halved, then added here.
    {
        auto lineage = services::LineageOf(session.db(), other->id, "gui-test");
        BOOST_REQUIRE(lineage.mergedInto.size() == 1u);
        const auto successor = lineage.mergedInto.front().link.unitId;
        auto theirs = services::LineageOf(session.db(), successor, "gui-test");
        std::vector<LineageLink> rows;
        for (auto e : theirs.formedFrom) {
            if (e.link.predecessorId == other->id) e.link.share = 0.5;
            rows.push_back(e.link);
        }
        services::SaveLineage(session.db(), successor, rows, theirs.stamp, "gui-test");
    }
    {
        gui::LineageDialog dlg(frame, session, commune);
        BOOST_TEST(dlg.AddRow(other->id));
        auto* share = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("lineageShare", &dlg));
        share->ChangeValue("50");
        BOOST_TEST(dlg.Save());
    }
    const auto now = services::LineageOf(session.db(), commune.id, "gui-test");
    BOOST_TEST(now.formedFrom.size() == before + 1);
    DestroyWindow(frame);
}

// Danh mục › Lĩnh vực TTHC: a field added with the names its files use; a
// code with a space refused beside the form, the input kept.
BOOST_AUTO_TEST_CASE(a_procedure_field_is_added_with_its_other_names) {
    TempDir dir;
    auto* frame = ShowMainFrame(DemoDatabase("sqlite:" + dir.File("fields.db")));
    frame->ShowArea(gui::Area::Catalogue);
    auto* panel = dynamic_cast<gui::CataloguePanel*>(frame->AreaAt(gui::Area::Catalogue));
    BOOST_REQUIRE(panel);
    BOOST_REQUIRE(WaitFor([&] { return panel->fieldsPage() != nullptr; }));
    gui::ProcedureFieldsPage* page = panel->fieldsPage();
    const std::size_t before = page->Fields().size();
    BOOST_REQUIRE(before > 0);
    auto text = [&](const char* name) {
        return dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName(name, page));
    };
    page->New();
    text("fieldCode")->ChangeValue("THUY SAN");
    text("fieldName")->ChangeValue(wxString::FromUTF8("Nông nghiệp - Thủy sản"));
    text("fieldAliases")->ChangeValue(wxString::FromUTF8("Nuôi trồng thủy sản\nTS"));
    BOOST_TEST(!page->Save());
    auto* status = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("fieldStatus", page));
    BOOST_TEST(!status->GetLabel().empty());
    BOOST_TEST(text("fieldName")->GetValue().utf8_string() == "Nông nghiệp - Thủy sản");  // kept
    text("fieldCode")->ChangeValue("THUYSAN");
    BOOST_TEST(page->Save());
    BOOST_REQUIRE(page->Fields().size() == before + 1);
    const auto& added = page->Fields().back();
    BOOST_TEST(added.code == "THUYSAN");
    BOOST_TEST(added.aliases == (std::vector<std::string>{"Nuôi trồng thủy sản", "TS"}));
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("fieldList", page));
    BOOST_TEST(list->GetItemCount() == static_cast<int>(before + 1));
    DestroyWindow(frame);
}
