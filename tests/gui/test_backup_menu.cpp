// File > Back up... and File > Restore from a backup...: the menu offers
// them, the question before a restore says what will be replaced and where
// its backup goes, and the work runs off the main thread, after which the
// window shows the restored database.
#include <wx/menu.h>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

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
    gui::WorkOutcome outcome = gui::RunUnderProgress(
        frame, "Sao lưu", "...", dbUrl, [backup](services::Database& db, Progress& progress) {
            services::BackupDatabase(db, backup, true, "test", &progress);
        });
    BOOST_TEST(outcome.error.empty(), outcome.error);
    BOOST_TEST(!outcome.cancelled);
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
    outcome = gui::RunUnderProgress(frame, "Khôi phục", "...", dbUrl,
                                    [backup, report](services::Database& db, Progress& progress) {
                                        *report = services::RestoreDatabase(db, backup, true,
                                                                            "test", &progress);
                                    });
    BOOST_TEST(outcome.error.empty(), outcome.error);
    BOOST_TEST(std::filesystem::exists(report->replacedCopy), report->replacedCopy);
    BOOST_REQUIRE(frame->SwitchDatabase(gui::U8(dbUrl.original)));
    BOOST_TEST(Units() == units);  // the backup's office, shown
}

namespace {
// Holds the work at its first report until the user cancels (10 s at
// most), so that Cancel is pressed while the work is under way.
class HoldUntilCancelled : public Progress {
  public:
    explicit HoldUntilCancelled(Progress& shown) : shown_(shown) {}
    void Report(const std::string& what, double fraction) override {
        shown_.Report(what, fraction);
        for (int i = 0; held_ && i < 1000 && !shown_.Cancelled(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        held_ = false;
    }
    bool Cancelled() const override { return shown_.Cancelled(); }

  private:
    Progress& shown_;
    bool held_ = true;
};

// Presses the progress dialog's Cancel once it shows; true when it did.
UiScript::Step PressCancel() {
    return [] {
        wxWindow* dlg = wxWindow::FindWindowByName("backupProgress");
        if (!dlg || !dlg->IsShownOnScreen()) return false;
        PressLater(dlg, wxID_CANCEL);
        return true;
    };
}
}  // namespace

// Cancel on the progress dialog of a backup stops it: the outcome says so
// and no file is left where it was to go. A restore cancelled the same way
// leaves the database as it was.
BOOST_FIXTURE_TEST_CASE(cancel_on_the_progress_dialog_stops_a_backup_and_a_restore, BackupWindow) {
    const auto dbUrl = frame->session().db().url();
    const std::string backup = dir.File("cancelled.db");
    UiScript script;
    script.onAbort = EndModals;
    script.Add("press Cancel while the backup is written", PressCancel(), 10000);
    script.Begin();
    const gui::WorkOutcome outcome = gui::RunUnderProgress(
        frame, "Sao lưu", "...", dbUrl, [backup](services::Database& db, Progress& progress) {
            HoldUntilCancelled hold(progress);
            services::BackupDatabase(db, backup, true, "test", &hold);
        });
    BOOST_REQUIRE(WaitFor([&] { return script.Finished(); }));
    BOOST_REQUIRE_MESSAGE(script.failure().empty(), script.failure());
    BOOST_TEST(outcome.cancelled);
    BOOST_TEST(outcome.error.empty(), outcome.error);
    BOOST_TEST(!std::filesystem::exists(backup));

    // A backup to restore, then a unit added after it.
    const std::string good = dir.File("good.db");
    services::BackupDatabase(frame->session().db(), good, false, "test", nullptr);
    const long units = Units();
    Unit added;
    added.code = "XA-MOI";
    added.name = "Xã Mới";
    frame->session().Organisation().SaveUnit(added);
    UiScript again;
    again.onAbort = EndModals;
    again.Add("press Cancel while the restore runs", PressCancel(), 10000);
    again.Begin();
    const gui::WorkOutcome restore = gui::RunUnderProgress(
        frame, "Khôi phục", "...", dbUrl, [good](services::Database& db, Progress& progress) {
            HoldUntilCancelled hold(progress);
            services::RestoreDatabase(db, good, true, "test", &hold);
        });
    BOOST_REQUIRE(WaitFor([&] { return again.Finished(); }));
    BOOST_TEST(restore.cancelled);
    BOOST_TEST(Units() == units + 1);  // as it was, the unit added after the backup kept
}

BOOST_AUTO_TEST_SUITE_END()
