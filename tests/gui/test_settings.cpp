// The Settings area on two desks: the office's identity is edited here while
// another desk saves it behind this one's back. A field changed on one desk
// only is merged without a question; a field changed on both is asked, with
// this desk's value pre-selected only where it was typed here.
#include <wx/button.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/xrc/xmlres.h>
#include <boost/test/unit_test.hpp>

#include "gui/shell/main_frame.h"
#include "gui_fixture.h"
#include "services/org/organisation.h"
#include "storage/database.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
// The demo office with the main window on its Settings area.
struct SettingsWindow {
    TempDir dir;
    std::string url = "sqlite:" + dir.File("settings.db");
    gui::MainFrame* frame = nullptr;
    wxWindow* panel = nullptr;

    SettingsWindow() {
        frame = ShowMainFrame(DemoDatabase(url));
        frame->ShowArea(gui::Area::Settings);
        panel = frame->FindWindow(XRCID("SettingsPanel"));
        if (!panel) panel = frame;
        BOOST_REQUIRE(WaitFor([&] { return Text("office_place")->IsShownOnScreen(); }));
    }
    ~SettingsWindow() { DestroyWindow(frame); }

    wxTextCtrl* Text(const char* name) const {
        auto* t = Control<wxTextCtrl>(panel, name);
        BOOST_REQUIRE_MESSAGE(t, name);
        return t;
    }
    // Another desk saves the office's identity, changed by change.
    void OtherDeskSaves(const std::function<void(OfficeIdentity&)>& change) const {
        auto db = OtherDesk(url);
        services::OrganisationService other(*db, "desk-b");
        OfficeIdentity o = other.Office();
        change(o);
        other.SaveOffice(o);
    }
    OfficeIdentity Stored() const {
        auto db = OtherDesk(url);
        return services::OrganisationService(*db, "check").Office();
    }
    // Types text into the field, saves, and waits until done() holds,
    // answering a conflict dialog with its defaults (seen says what it showed).
    void TypeAndSave(const char* field, const char* text, ConflictSeen& seen,
                     const std::function<bool()>& done) {
        wxUIActionSimulator sim;
        BOOST_REQUIRE(TypeInto(sim, Text(field), text));
        BOOST_REQUIRE(WaitFor([&] { return Text(field)->GetValue() == text; }));
        UiScript script;
        script.onAbort = EndModals;
        script.Add("saved, a conflict dialog answered with its defaults",
                   ConflictAnswered(seen, {"office_place", "signer_name", "signer_title"}, done),
                   10000);
        script.Begin();
        ClickOn(sim, Control<wxButton>(panel, "save_office"));
        BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }, 15000));
        BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    }
};
}  // namespace

// Another desk gives the office a new signer while the place name is typed
// here: nothing is asked, both are stored (this desk's stale signer does
// not go back over the other's), and the form shows the other desk's.
BOOST_AUTO_TEST_CASE(the_office_saved_on_another_desk_on_other_fields_merges_without_asking) {
    SettingsWindow w;
    w.OtherDeskSaves([](OfficeIdentity& o) { o.signerName = "Tran Thi Binh"; });
    ConflictSeen seen;
    w.TypeAndSave("office_place", "Phu Phong", seen, [&] {
        const OfficeIdentity o = w.Stored();
        return o.placeName == "Phu Phong" && o.signerName == "Tran Thi Binh";
    });
    BOOST_TEST(!seen.asked);
    BOOST_TEST(w.Text("signer_name")->GetValue() == "Tran Thi Binh");
}

// Both desks change the signer, and the other desk the place name too: the
// dialog asks, with this desk's signer pre-selected and the other desk's
// place name (not touched here); its defaults store both that way.
BOOST_AUTO_TEST_CASE(a_signer_changed_on_both_desks_asks_with_this_desks_value_first) {
    SettingsWindow w;
    w.OtherDeskSaves([](OfficeIdentity& o) {
        o.signerName = "Tran Thi Binh";
        o.placeName = "Noi Khac";
    });
    ConflictSeen seen;
    w.TypeAndSave("signer_name", "Le Van Cuong", seen, [&] {
        const OfficeIdentity o = w.Stored();
        return o.signerName == "Le Van Cuong" && o.placeName == "Noi Khac";
    });
    BOOST_TEST(seen.asked);
    BOOST_TEST((seen.fields == std::vector<std::string>{"office_place", "signer_name"}));
    BOOST_TEST((seen.mineFirst == std::vector<std::string>{"signer_name"}));
}
