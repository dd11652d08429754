// File > Back up... and File > Restore from a backup...: the menu offers
// them, the question before a restore says what will be replaced and where
// its backup goes, and the work runs off the main thread, after which the
// window shows the restored database.
#include <wx/menu.h>
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "core/org.h"
#include "gui/shell/backup_commands.h"
#include "gui/shell/gui_events.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/main_frame.h"
#include "gui_fixture.h"
#include "services/app/backup.h"
#include "services/org/organisation.h"
#include "storage/database.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
struct BackupWindow {
    TempDir dir;
    std::string url = "sqlite:" + dir.File("office.db");
    gui::MainFrame* frame = ShowMainFrame(DemoDatabase(url));
    ~BackupWindow() { DestroyWindow(frame); }
    long Units() { return static_cast<long>(frame->session().Organisation().Units().size()); }
};

bool Has(const wxString& text, const wxString& part) { return text.Find(part) != wxNOT_FOUND; }
}  // namespace

BOOST_AUTO_TEST_SUITE(backup_menu)

BOOST_FIXTURE_TEST_CASE(the_file_menu_offers_backup_and_restore, BackupWindow) {
    wxMenuBar* bar = frame->GetMenuBar();
    BOOST_REQUIRE(bar->FindItem(gui::ID_BACKUP));
    BOOST_REQUIRE(bar->FindItem(gui::ID_RESTORE));
    BOOST_TEST(gui::ToU8(bar->GetLabel(gui::ID_BACKUP)) == "Sao &lưu…");
    BOOST_TEST(gui::ToU8(bar->GetLabel(gui::ID_RESTORE)) == "&Khôi phục từ bản sao lưu…");
    // Both under Tệp (File), with the imports.
    const int file = bar->FindMenu(gui::U8("Tệp"));
    BOOST_REQUIRE(file != wxNOT_FOUND);
    BOOST_TEST(bar->GetMenu(static_cast<std::size_t>(file))->FindItem(gui::ID_RESTORE));
}

BOOST_FIXTURE_TEST_CASE(a_restore_says_what_it_replaces_and_the_window_shows_the_backup,
                        BackupWindow) {
    const auto dbUrl = frame->session().db().url();
    const std::string backup = dir.File("cchc-backup.db");
    std::string error = gui::RunUnderProgress(
        frame, "Sao lưu", "...", dbUrl, [backup](services::Database& db, Progress& progress) {
            services::BackupDatabase(db, backup, true, &progress);
        });
    BOOST_TEST(error.empty(), error);
    BOOST_REQUIRE(std::filesystem::exists(backup));

    const long units = Units();
    Unit added;
    added.code = "XA-MOI";
    added.name = "Xã Mới";
    frame->session().Organisation().SaveUnit(added);
    BOOST_TEST(Units() == units + 1);

    const wxString question = gui::RestoreQuestion(frame->session(), gui::U8(backup));
    BOOST_TEST(Has(question, "cchc-backup.db"), question);
    BOOST_TEST(Has(question, gui::U8(dbUrl.Display())), question);
    BOOST_TEST(Has(question, gui::U8("sẽ được thay")), question);                    // what happens
    BOOST_TEST(Has(question, gui::U8(services::DailyCopyFolder(dbUrl))), question);  // the copy
    BOOST_TEST(Has(question, gui::U8("xã")), question);  // what it holds

    auto report = std::make_shared<services::RestoreReport>();
    error = gui::RunUnderProgress(frame, "Khôi phục", "...", dbUrl,
                                  [backup, report](services::Database& db, Progress& progress) {
                                      *report =
                                          services::RestoreDatabase(db, backup, true, &progress);
                                  });
    BOOST_TEST(error.empty(), error);
    BOOST_TEST(std::filesystem::exists(report->replacedCopy), report->replacedCopy);
    BOOST_REQUIRE(frame->SwitchDatabase(gui::U8(dbUrl.original)));
    BOOST_TEST(Units() == units);  // the backup's office, shown
}

BOOST_AUTO_TEST_SUITE_END()
