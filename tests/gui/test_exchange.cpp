// Tệp › Gói trao đổi: the office makes a package for a commune in its
// dialog; the commune's database is made from it and opened in a window of
// its own, confined to the commune, where a task's progress is recorded and
// sent back; the office imports the return with its report shown and
// resolves the conflict in the conflicts dialog.
#include <wx/checkbox.h>
#include <wx/menu.h>
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "gui/shell/exchange_commands.h"
#include "gui/shell/gui_events.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/main_frame.h"
#include "gui_fixture.h"
#include "services/app/database_access.h"
#include "services/exchange/exchange.h"
#include "services/plans/plans.h"
#include "storage/exchange_repository.h"
#include "storage/unit_repository.h"
#include "test_support.h"

using namespace cchc;
using namespace cchc::test;

namespace {
struct ExchangeWindows {
    TempDir dir;
    std::string url = "sqlite:" + dir.File("office.db");
    gui::MainFrame* office = ShowMainFrame(DemoDatabase(url));
    gui::MainFrame* commune = nullptr;
    ~ExchangeWindows() {
        if (commune) DestroyWindow(commune);
        DestroyWindow(office);
    }
    gui::GuiSession& Office() { return office->session(); }

    // A commune of the demo with a task in progress: its code and the task.
    std::pair<std::string, std::int64_t> CommuneWithOpenTask() {
        storage::ExchangeRepository repo(Office().db().session());
        for (const auto& u : storage::UnitRepository(Office().db().session()).All()) {
            if (!IsCommuneLevel(u.kind) || !u.active) continue;
            const auto tasks = repo.ReadForUnit("tasks", u.id);
            const auto& cols = tasks.columns;
            const auto status = std::find(cols.begin(), cols.end(), "status") - cols.begin();
            for (const auto& r : tasks.rows)
                if (r[status] && *r[status] == "in_progress") return {u.code, std::stoll(*r[0])};
        }
        return {"", 0};
    }
};

int Percent(gui::GuiSession& s, std::int64_t task) {
    return services::PlanService(s.db(), s.user()).LoadTask(task).percentDone;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_packages)

BOOST_FIXTURE_TEST_CASE(a_package_goes_out_comes_back_and_a_conflict_is_resolved, ExchangeWindows) {
    wxMenuBar* bar = office->GetMenuBar();
    BOOST_REQUIRE(bar->FindItem(gui::ID_EXCHANGE_MAKE));
    BOOST_TEST(gui::ToU8(bar->GetLabel(gui::ID_EXCHANGE_MAKE)) == "&Tạo gói cho xã…");
    BOOST_TEST(bar->IsEnabled(gui::ID_EXCHANGE_MAKE));
    BOOST_TEST(bar->IsEnabled(gui::ID_EXCHANGE_IMPORT));
    BOOST_TEST(!bar->IsEnabled(gui::ID_EXCHANGE_SEND));

    const auto [code, task] = CommuneWithOpenTask();
    BOOST_REQUIRE(task != 0);
    const int before = Percent(Office(), task);

    // The office: a package for the commune, named by its code and the day.
    std::vector<std::string> written;
    {
        gui::MakePackagesDialog make(office, Office());
        make.Show();
        BOOST_TEST(!make.Tick("NO-SUCH-UNIT"));
        BOOST_REQUIRE(make.Tick(code));
        make.SetFolder(gui::U8(dir.path()));
        // The evidence files go along when ticked.
        auto* files = dynamic_cast<wxCheckBox*>(make.FindWindowByName("exchangeWithFiles"));
        BOOST_REQUIRE(files);
        BOOST_REQUIRE(make.FindWindowByName("exchangeWithRatings"));
        BOOST_REQUIRE(make.FindWindowByName("exchangeFull"));
        files->SetValue(true);
        written = make.Make();
    }
    BOOST_REQUIRE(written.size() == 1u);
    BOOST_TEST(std::filesystem::path(written[0]).filename().string().rfind(code + "-", 0) == 0);

    // The commune: its database made from the package, opened in a window
    // of its own that sees the commune only and offers to send back.
    const std::string communeDb = dir.File("commune.db");
    BOOST_REQUIRE(gui::OpenPackageInto(office, gui::U8(written[0]), gui::U8(communeDb)));
    commune =
        ShowMainFrame(services::OpenDatabase(services::ParseDatabaseUrl("sqlite:" + communeDb)));
    gui::GuiSession& c = commune->session();
    BOOST_TEST(c.Organisation().Units().size() < Office().Organisation().Units().size());
    BOOST_TEST(commune->GetMenuBar()->IsEnabled(gui::ID_EXCHANGE_SEND));
    BOOST_TEST(!commune->GetMenuBar()->IsEnabled(gui::ID_EXCHANGE_MAKE));

    // Progress recorded at the commune; meanwhile the office sets another
    // percentage for the same task.
    services::ProgressInput progress;
    progress.taskId = task;
    progress.period = "2026-Q4";
    progress.status = TaskStatus::InProgress;
    progress.percent = 80;
    progress.note = "Đã hoàn thành 4 trên 5 khu phố";
    if (auto seen = services::QuarterUpdate(c.db(), task, progress.period))
        progress.updateId = seen->id;
    services::AddProgressUpdate(c.db(), progress, c.user());
    BOOST_TEST(Percent(c, task) == 80);
    {
        services::PlanService plans(Office().db(), Office().user());
        TaskRecord t = plans.LoadTask(task);
        t.percentDone = before == 60 ? 65 : 60;
        plans.SaveTask(0, t);
    }

    const std::string back = dir.File("back.cchcx");
    const auto sent = gui::SendBackPackage(commune, c, gui::U8(back));
    BOOST_REQUIRE(sent.has_value());
    BOOST_TEST(sent->changes >= 1);

    // The office: the return imported, its report listing the conflict.
    const auto outcome = gui::ImportReturnPackage(office, Office(), gui::U8(back));
    BOOST_REQUIRE(outcome.has_value());
    {
        gui::ExchangeReportDialog report(office, Office(), *outcome);
        report.Show();
        BOOST_TEST(report.Lines() == static_cast<long>(outcome->lines.size()));
        BOOST_TEST(report.FindWindow("exchangeResolve") != nullptr);
    }
    BOOST_TEST(Percent(Office(), task) != 80);

    gui::ExchangeConflictsDialog conflicts(office, Office());
    conflicts.Show();
    long item = -1;
    for (long i = 0; i < conflicts.Count(); ++i)
        if (conflicts.At(i).field == "percent_done") item = i;
    BOOST_REQUIRE(item >= 0);
    const long open = conflicts.Count();
    BOOST_TEST(conflicts.Resolve(item, true));
    BOOST_TEST(conflicts.Count() == open - 1);
    BOOST_TEST(Percent(Office(), task) == 80);
}

BOOST_AUTO_TEST_SUITE_END()
