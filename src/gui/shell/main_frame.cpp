// The main window (see main_frame.h).
#include "gui/shell/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/config.h>
#include <wx/control.h>
#include <wx/display.h>
#include <wx/evtloop.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/persist/toplevel.h>
#include <wx/progdlg.h>
#include <wx/simplebook.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>
#include <wx/utils.h>
#include <wx/wupdlock.h>

#include <algorithm>

#include "core/date.h"
#include "core/errors.h"
#include "core/org_conflicts.h"
#include "core/period.h"
#include "core/progress.h"
#include "core/vnformat.h"
#include "gui/catalogue/catalogue_panel.h"
#include "gui/catalogue/person_dialog.h"
#include "gui/catalogue/unit_dialog.h"
#include "gui/index/index_results_panel.h"
#include "gui/plans/task_board_panel.h"
#include "gui/reports/reports_panel.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/app_setup.h"
#include "gui/shell/art.h"
#include "gui/shell/background_work.h"
#include "gui/shell/backup_commands.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/dashboard_panel.h"
#include "gui/shell/exchange_commands.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/import_wizard.h"
#include "gui/shell/login_dialog.h"
#include "gui/shell/manual_dialog.h"
#include "gui/shell/password_dialog.h"
#include "gui/shell/settings_panel.h"
#include "gui/shell/unit_tree_panel.h"
#include "gui/surveys/surveys_panel.h"
#include "services/app/backup.h"
#include "services/exchange/exchange.h"
#include "services/surveys/surveys.h"

namespace cchc::gui {
namespace {

constexpr int kAreaCount = static_cast<int>(Area::Count);

struct AreaText {
    const char* tool;  // toolbar label
    const char* menu;  // menu item with accelerator
    const char* help;  // tooltip
};

// Marked with wxTRANSLATE, translated where shown.
const AreaText kAreaText[kAreaCount] = {
    {wxTRANSLATE("Overview"), wxTRANSLATE("&Overview"),
     wxTRANSLATE("Key figures and what is next")},
    {wxTRANSLATE("CCHC index"), wxTRANSLATE("CCHC &index results"),
     wxTRANSLATE("Index scores of the communes, ranks and classification")},
    {wxTRANSLATE("Plans and tasks"), wxTRANSLATE("&Plans and tasks"),
     wxTRANSLATE("Remediation plans, tasks, owners and deadlines")},
    {wxTRANSLATE("Surveys"), wxTRANSLATE("&Satisfaction surveys"),
     wxTRANSLATE("Survey tallies and citizen ratings")},
    {wxTRANSLATE("Reports"), wxTRANSLATE("&Reports"),
     wxTRANSLATE("Quarterly reports and other documents")},
    {wxTRANSLATE("Catalogue"), wxTRANSLATE("&Catalogue"),
     wxTRANSLATE("Units, officers and index frameworks")},
    {wxTRANSLATE("Settings"), wxTRANSLATE("S&ettings"),
     wxTRANSLATE("Language, reporting periods and the office's identity")},
};

}  // namespace

MainFrame::MainFrame(std::unique_ptr<services::Database> db, const std::string& user)
    : wxFrame(nullptr, wxID_ANY, _("CCHC Desk"), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE, "MainFrame"),
      session_(std::make_unique<GuiSession>(std::move(db), user)) {
    SetIcons(AppIcons());
    BuildMenus();
    BuildToolBar();
    CreateStatusBar(4);
    const int widths[] = {-3, -2, -3, -3};
    GetStatusBar()->SetStatusWidths(4, widths);
    SetStatusBarPane(-1);  // menu help would hide the database name

    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_NOBORDER | wxSP_THIN_SASH);
    splitter_->SetMinimumPaneSize(FromDIP(180));
    splitter_->SetSashGravity(0.0);
    tree_ = new UnitTreePanel(splitter_);
    book_ = new wxSimplebook(splitter_, wxID_ANY);
    // Each area is made the first time it is shown (AreaAt): the window
    // opens with the one it shows, not seven areas' controls and lists.
    areas_.assign(kAreaCount, nullptr);
    for (int i = 0; i < kAreaCount; ++i) {
        auto* slot = new wxPanel(book_, wxID_ANY);
        slot->SetSizer(new wxBoxSizer(wxVERTICAL));
        book_->AddPage(slot, wxGetTranslation(kAreaText[i].tool));
    }
    const int sash = static_cast<int>(wxConfig::Get()->ReadLong(config::kSash, FromDIP(330)));
    splitter_->SplitVertically(tree_, book_, sash);

    tree_->onSelect = [this](const std::optional<Unit>& unit) { OnUnitSelected(unit); };
    tree_->onActivate = [this](const Unit&) { EditUnit(); };
    BindCommands();

    // A comfortable first size, then whatever the user left it at.
    const wxRect screen = wxDisplay(this).GetClientArea();
    SetSize(std::min(FromDIP(1360), screen.width), std::min(FromDIP(860), screen.height));
    SetMinSize(FromDIP(wxSize(900, 600)));
    if (!wxPersistentRegisterAndRestore(this, "MainFrame")) Centre();

    ReloadAll();
    tree_->tree()->SetFocus();
    long last = wxConfig::Get()->ReadLong(config::kLastArea, 0);
    ShowArea(static_cast<Area>(last >= 0 && last < kAreaCount ? last : 0));

    // A client left open for days makes each day's copy too: every hour it
    // looks whether today's is still to make.
    dailyCopyTimer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { CheckDailyCopy(); });
    dailyCopyTimer_.Start(kDailyCopyCheckMs);
}

void MainFrame::BuildMenus() {
    auto* file = new wxMenu;
    file->Append(ID_OPEN_DB, _("&Open database...\tCtrl+O"),
                 _("Open another SQLite database file"));
    file->Append(ID_OPEN_DB_URL, _("Open database by &address..."),
                 _("Open a database given as sqlite:FILE or postgresql://user@host/db"));
    file->AppendSeparator();
    auto* import = new wxMenu;
    import->Append(ID_IMPORT, _("&Any kind of data...\tCtrl+I"),
                   _("Units, people, frameworks, results, plans, assignments, tallies, dossier "
                     "statistics, ratings or former units from a CSV or XLSX file, its columns "
                     "mapped and checked before anything is stored"));
    import->AppendSeparator();
    import->Append(ID_IMPORT_TALLIES, _("Survey &tallies..."),
                   _("Monthly tallies per unit and procedure field from a CSV or XLSX file"));
    import->Append(ID_IMPORT_RATINGS, _("Citizen &ratings..."),
                   _("Individual ratings from kiosks, QR codes, the online portal or paper forms"));
    import->Append(ID_IMPORT_DOSSIERS, _("&Dossier statistics (form II.06a)..."),
                   _("Dossiers received, settled and in progress per unit, month and procedure "
                     "field, as the one-stop system exports them"));
    file->AppendSubMenu(import, _("&Import"), _("Import data from a CSV or XLSX file"));
    auto* exchange = new wxMenu;
    exchange->Append(ID_EXCHANGE_MAKE, _("&Make packages for communes..."),
                     _("Files for communes without a connection: their plans, tasks, results, "
                       "tallies and dossier statistics to work on and send back"));
    exchange->Append(ID_EXCHANGE_IMPORT, _("&Import a commune's return package..."),
                     _("Apply what a commune changed in its copy, with a report of each field"));
    exchange->Append(ID_EXCHANGE_CONFLICTS, _("&Conflicts to resolve..."),
                     _("Fields both the office and a commune changed: keep one side"));
    exchange->AppendSeparator();
    exchange->Append(ID_EXCHANGE_OPEN, _("&Open the office's package..."),
                     _("At a commune: make its own database from the office's package, or bring "
                       "the copy up to date"));
    exchange->Append(ID_EXCHANGE_SEND, _("&Send back to the office..."),
                     _("At a commune: write the changes made in this copy into a file for the "
                       "office"));
    file->AppendSubMenu(exchange, _("E&xchange packages"),
                        _("Work with communes that cannot reach the office's server"));
    file->AppendSeparator();
    file->Append(ID_BACKUP, _("&Back up..."),
                 _("Write a copy of the whole database into a file of your choice"));
    file->Append(ID_RESTORE, _("&Restore from a backup..."),
                 _("Replace what the database holds by a backup (what it holds is backed up "
                   "first)"));
    file->AppendSeparator();
    file->Append(ID_CHANGE_PASSWORD, _("Change &password..."),
                 _("A new password for the account you logged in with"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("E&xit\tCtrl+Q"), _("Close CCHC Desk"));

    auto* org = new wxMenu;
    org->Append(ID_ADD_UNIT, _("&Add unit...\tCtrl+N"), _("Add a commune, district or department"));
    org->Append(ID_EDIT_UNIT, _("&Edit unit...\tF2"), _("Change the selected unit"));
    org->Append(ID_TOGGLE_UNIT_ACTIVE, _("&Deactivate unit"),
                _("Deactivate or reactivate the selected unit"));
    org->AppendSeparator();
    org->Append(ID_ADD_PERSON, _("Add &officer..."), _("Add an officer to the selected unit"));
    org->AppendSeparator();
    org->Append(ID_FIND_UNIT, _("&Find unit\tCtrl+F"), _("Go to the search box above the tree"));

    auto* view = new wxMenu;
    for (int i = 0; i < kAreaCount; ++i)
        view->AppendRadioItem(
            ID_AREA_FIRST + i,
            wxString::Format("%s\tCtrl+%d", wxGetTranslation(kAreaText[i].menu), i + 1),
            wxGetTranslation(kAreaText[i].help));
    view->AppendSeparator();
    view->Append(ID_NEXT_PAGE, _("&Next tab\tCtrl+PgDn"), _("The next tab of the area shown"));
    view->Append(ID_PREVIOUS_PAGE, _("&Previous tab\tCtrl+PgUp"),
                 _("The previous tab of the area shown"));

    auto* help = new wxMenu;
    help->Append(ID_MANUAL, _("&User manual\tF1"),
                 _("A short guide to the area shown, and to the others"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About CCHC Desk"), _("Version and licence"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(org, _("&Organisation"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
}

void MainFrame::BuildToolBar() {
    wxToolBar* bar = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT | wxTB_TEXT | wxTB_NODIVIDER);
    bar->SetToolBitmapSize(FromDIP(wxSize(32, 32)));
    for (int i = 0; i < kAreaCount; ++i) {
        const Area area = static_cast<Area>(i);
        bar->AddRadioTool(
            ID_AREA_FIRST + i, wxControl::EscapeMnemonics(wxGetTranslation(kAreaText[i].tool)),
            AreaIcon(area, 32), wxBitmapBundle(),
            wxString::Format("%s (Ctrl+%d)", wxGetTranslation(kAreaText[i].help), i + 1));
    }
    bar->Realize();
}

void MainFrame::BindCommands() {
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OpenDatabaseFile(); }, ID_OPEN_DB);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { OpenDatabaseAddress(); }, ID_OPEN_DB_URL);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { AddUnit(false); }, ID_ADD_UNIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { AddUnit(true); }, ID_ADD_CHILD_UNIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { EditUnit(); }, ID_EDIT_UNIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ToggleUnitActive(); }, ID_TOGGLE_UNIT_ACTIVE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { AddPerson(); }, ID_ADD_PERSON);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { tree_->FocusSearch(); }, ID_FIND_UNIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ShowAbout(); }, wxID_ABOUT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            ManualDialog manual(this, CurrentArea());
            manual.ShowModal();
        },
        ID_MANUAL);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ChangePassword(); }, ID_CHANGE_PASSWORD);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { LogInAgain(); }, ID_LOG_IN_AGAIN);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ImportFromMenu(ID_IMPORT); }, ID_IMPORT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ImportFromMenu(ID_IMPORT_TALLIES); },
        ID_IMPORT_TALLIES);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ImportFromMenu(ID_IMPORT_RATINGS); },
        ID_IMPORT_RATINGS);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ImportFromMenu(ID_IMPORT_DOSSIERS); },
        ID_IMPORT_DOSSIERS);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { BackUpFromMenu(this, *session_); }, ID_BACKUP);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { MakePackagesFromMenu(this, *session_); },
        ID_EXCHANGE_MAKE);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            ImportReturnFromMenu(this, *session_);
            ReloadAll(selected_ ? selected_->id : 0);
        },
        ID_EXCHANGE_IMPORT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            ConflictsFromMenu(this, *session_);
            ReloadAll(selected_ ? selected_->id : 0);
        },
        ID_EXCHANGE_CONFLICTS);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            OpenPackageFromMenu(
                this, *session_, [this] { ReloadAll(); },
                [this](const wxString& url) { return SwitchDatabase(url); });
        },
        ID_EXCHANGE_OPEN);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { SendBackFromMenu(this, *session_); },
        ID_EXCHANGE_SEND);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            const wxString url = U8(session_->db().url().original);
            RestoreFromMenu(this, *session_, [this, url] { SwitchDatabase(url); });
        },
        ID_RESTORE);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) { ShowArea(static_cast<Area>(e.GetId() - ID_AREA_FIRST)); },
        ID_AREA_FIRST, ID_AREA_LAST);
    Bind(
        wxEVT_TOOL,
        [this](wxCommandEvent& e) { ShowArea(static_cast<Area>(e.GetId() - ID_AREA_FIRST)); },
        ID_AREA_FIRST, ID_AREA_LAST);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { TurnTab(true); }, ID_NEXT_PAGE);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { TurnTab(false); }, ID_PREVIOUS_PAGE);
    Bind(EVT_DATA_CHANGED, [this](wxCommandEvent& e) { ReloadAll(e.GetExtraLong()); });
    Bind(EVT_SHOW_AREA, [this](wxCommandEvent& e) {
        if (e.GetExtraLong() != 0) tree_->Select(e.GetExtraLong());
        ShowArea(static_cast<Area>(e.GetInt()));
    });
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
}

void MainFrame::ShowArea(Area area) {
    const int index = static_cast<int>(area);
    if (index < 0 || index >= kAreaCount) return;
    AreaPanel* panel = AreaAt(area);
    book_->ChangeSelection(static_cast<std::size_t>(index));
    GetToolBar()->ToggleTool(ID_AREA_FIRST + index, true);
    GetMenuBar()->Check(ID_AREA_FIRST + index, true);
    panel->EnsureFresh();
}

AreaPanel* MainFrame::AreaAt(Area area) {
    const auto index = static_cast<std::size_t>(area);
    if (areas_[index]) return areas_[index];
    wxWindow* slot = book_->GetPage(index);
    wxWindowUpdateLocker noFlicker(slot);
    AreaPanel* panel = nullptr;
    switch (area) {
        case Area::Dashboard:
            panel = new DashboardPanel(slot, *session_);
            break;
        case Area::IndexResults:
            panel = new IndexResultsPanel(slot, *session_);
            break;
        case Area::Plans:
            panel = new TaskBoardPanel(slot, *session_);
            break;
        case Area::Surveys:
            panel = new SurveysPanel(slot, *session_);
            break;
        case Area::Reports:
            panel = new ReportsPanel(slot, *session_);
            break;
        case Area::Catalogue:
            panel = new CataloguePanel(slot, *session_);
            break;
        case Area::Settings:
            panel = new SettingsPanel(slot, *session_);
            break;
        case Area::Count:
            return nullptr;
    }
    slot->GetSizer()->Add(panel, 1, wxEXPAND);
    slot->Layout();
    areas_[index] = panel;
    panel->SetUnit(selected_);
    return panel;
}

Area MainFrame::CurrentArea() const { return static_cast<Area>(book_->GetSelection()); }

void MainFrame::TurnTab(bool forward) {
    wxWindow* slot = book_->GetPage(static_cast<std::size_t>(book_->GetSelection()));
    if (wxNotebook* tabs = slot ? FirstTabs(slot) : nullptr) {
        tabs->AdvanceSelection(forward);
        if (wxWindow* page = tabs->GetCurrentPage()) page->SetFocus();
    }
}

void MainFrame::ReloadAll(std::int64_t selectId) {
    if (selectId == 0 && selected_) selectId = selected_->id;
    for (AreaPanel* area : areas_)
        if (area) area->Invalidate();
    session_->ForgetAccess();  // the units or the accounts may have changed
    try {
        // A commune's chair or clerk is given its own units only.
        tree_->SetUnits(session_->Organisation().Units(), selectId);  // calls OnUnitSelected
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    UpdateAccessCommands();
    UpdateStatus();
}

void MainFrame::OnUnitSelected(const std::optional<Unit>& unit) {
    selected_ = unit;
    for (AreaPanel* area : areas_)
        if (area) area->SetUnit(unit);
    UpdateUnitCommands();
    UpdateStatus();
}

void MainFrame::UpdateUnitCommands() {
    wxMenuBar* bar = GetMenuBar();
    const bool has = selected_.has_value();
    AccessUi& access = session_->Access();
    const auto unitId = has ? std::optional<std::int64_t>(selected_->id) : std::nullopt;
    for (int id : {ID_EDIT_UNIT, ID_TOGGLE_UNIT_ACTIVE, ID_ADD_PERSON})
        access.Offer(bar, id, has, Action::EditUnits, unitId);
    bar->SetLabel(ID_TOGGLE_UNIT_ACTIVE,
                  has && !selected_->active ? _("Re&activate unit") : _("&Deactivate unit"));
}

void MainFrame::UpdateStatus() {
    const services::DatabaseUrl& url = session_->db().url();
    SetStatusText(wxString::Format(_("Database: %s"), U8(url.Display())), 0);
    SetStatusText(
        wxString::Format(_("Reporting period: %s"), U8(session_->CurrentQuarter().Label())), 1);
    SetStatusText(selected_ ? wxString::Format(_("Unit: %s"), U8(selected_->name)) : wxString(), 2);
    SetStatusText(session_->Access().Describe(), 3);
    wxString dbName = url.backend == services::DatabaseBackend::Sqlite
                          ? wxFileName(U8(url.path)).GetFullName()
                          : U8(url.Display());
    SetTitle(wxString::Format("%s - %s", _("CCHC Desk"), dbName));
}

void MainFrame::AddUnit(bool asChild) {
    if (!session_->Access().May(Action::EditUnits)) return;  // the menu is disabled too
    Unit unit;
    unit.kind = UnitKind::Commune;
    if (selected_) {
        if (asChild) {
            unit.parentId = selected_->id;
            if (IsCommuneLevel(selected_->kind)) unit.kind = UnitKind::Department;
        } else if (IsCommuneLevel(selected_->kind) || selected_->kind == UnitKind::Department) {
            unit.parentId = selected_->parentId;  // a sibling of the selected commune
            unit.kind = selected_->kind;
        } else {
            unit.parentId = selected_->id;
        }
    }
    UnitDialog dlg(this, *session_, unit, session_->Organisation().Units());
    if (dlg.ShowModal() == wxID_OK) ReloadAll(dlg.saved().id);
}

void MainFrame::EditUnit() {
    if (!selected_ || !session_->Access().May(Action::EditUnits, selected_->id)) return;
    // Edit what is stored now, not what the tree read earlier.
    std::optional<Unit> current = session_->Organisation().UnitById(selected_->id);
    if (!current) {
        ReloadAll();
        return;
    }
    UnitDialog dlg(this, *session_, *current, session_->Organisation().Units());
    if (dlg.ShowModal() == wxID_OK) ReloadAll(dlg.saved().id);
}

void MainFrame::ToggleUnitActive() {
    if (!selected_ || !session_->Access().May(Action::EditUnits, selected_->id)) return;
    const Unit unit = *selected_;
    if (unit.active &&
        !AskYesNo(this,
                  wxString::Format(
                      _("Deactivate %s? It stays in past results and reports but is greyed in the "
                        "tree and left out of new work."),
                      U8(unit.name)),
                  _("Deactivate")))
        return;
    // Switched against the unit as the tree read it. Saved on another desk
    // since, the switch is the user's only edit: the conflict dialog asks
    // only if the other desk switched it the other way.
    Unit mine = unit;
    mine.active = !unit.active;
    const EditedFields edited = EditedOf(UnitConflicts(mine, unit, {}));
    Unit read = unit;
    try {
        for (;;) {
            try {
                session_->Organisation().SetUnitActive(read, mine.active);
                break;
            } catch (const EditConflict& conflict) {
                const std::optional<KeptFields> kept = AskConflict(this, conflict, edited);
                if (!kept || !kept->count("active")) break;  // cancelled, or stored already
                const std::optional<Unit> now = session_->Organisation().UnitById(unit.id);
                if (!now) break;
                read = *now;
                read.version = conflict.storedVersion();
            }
        }
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    ReloadAll(unit.id);
}

void MainFrame::AddPerson() {
    if (!selected_ || !session_->Access().May(Action::EditUnits, selected_->id)) return;
    Person person;
    person.unitId = selected_->id;
    PersonDialog dlg(this, *session_, person, session_->Organisation().Units());
    if (dlg.ShowModal() == wxID_OK) {
        ReloadAll(dlg.saved().unitId);
        ShowArea(Area::Catalogue);
    }
}

void MainFrame::OpenDatabaseFile() {
    wxFileDialog pick(this, _("Open a CCHC Desk database"), UserFilesFolder(), "",
                      DatabaseFileFilter(), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() == wxID_OK && SwitchDatabase("sqlite:" + pick.GetPath())) StartDailyCopy();
}

void MainFrame::OpenDatabaseAddress() {
    wxTextEntryDialog ask(this,
                          _("Address of the database: sqlite:FILE for a file, or "
                            "postgresql://user@host:port/database for a shared server."),
                          _("Open database by address"), U8(session_->db().url().Display()));
    NameStockButtons(&ask);
    if (ask.ShowModal() == wxID_OK && !ask.GetValue().Strip(wxString::both).empty() &&
        SwitchDatabase(ask.GetValue().Strip(wxString::both)))
        StartDailyCopy();
}

bool MainFrame::SwitchDatabase(const wxString& url) {
    try {
        std::unique_ptr<services::Database> db;
        try {
            db = OpenAndRemember(url, false);
        } catch (const std::exception& e) {
            // A server that wants its account's password: ask for them.
            const services::DatabaseUrl parsed = services::ParseDatabaseUrl(ToU8(url));
            if (parsed.backend != services::DatabaseBackend::Postgresql) throw;
            db = OpenServerAsAccount(parsed, e);
            if (!db) return false;
        }
        // A database with accounts: logged in, or the open one stays.
        const std::optional<std::string> user = LogInTo(this, db, false);
        if (!user) return false;
        session_->Replace(std::move(db), *user);
    } catch (const std::exception& e) {
        wxString shown = url;
        try {
            shown = U8(services::ParseDatabaseUrl(ToU8(url)).Display());
        } catch (const std::exception&) {
        }
        ShowError(this, wxString::Format(_("The database could not be opened:\n%s"), shown) +
                            "\n\n" + ErrorSentence(e));
        return false;
    }
    selected_.reset();
    ReloadAll();
    ShowArea(CurrentArea());
    return true;
}

void MainFrame::UpdateAccessCommands() {
    wxMenuBar* bar = GetMenuBar();
    AccessUi& access = session_->Access();
    access.Offer(bar, ID_ADD_UNIT, true, Action::EditUnits);
    access.Offer(bar, ID_ADD_CHILD_UNIT, true, Action::EditUnits);
    const bool surveys = access.May(Action::EditSurveys);
    access.Offer(bar, ID_IMPORT, true, Action::Import);
    access.Offer(bar, ID_IMPORT_TALLIES, surveys, Action::Import);
    access.Offer(bar, ID_IMPORT_RATINGS, surveys, Action::Import);
    access.Offer(bar, ID_IMPORT_DOSSIERS, surveys, Action::Import);
    // A restore replaces everything, the accounts too: the administrator's.
    access.Offer(bar, ID_RESTORE, true, Action::Restore);
    // A backup holds every unit's data: the office's.
    access.Offer(bar, ID_BACKUP, true, Action::BackUp);
    // Packages: the office makes them and takes the returns; a commune's
    // copy sends its changes back.
    const bool copy = services::CommuneCopyUnit(session_->db()).has_value();
    access.Offer(bar, ID_EXCHANGE_MAKE, !copy, Action::ExchangePackages);
    access.Offer(bar, ID_EXCHANGE_IMPORT, !copy, Action::ExchangePackages);
    access.Offer(bar, ID_EXCHANGE_CONFLICTS, !copy, Action::ExchangePackages);
    bar->Enable(ID_EXCHANGE_SEND, copy);
    // On the server an administrator may, but with the owner's connection:
    // offered, and choosing it says so rather than a greyed command.
    for (auto [id, action] : {std::pair{ID_RESTORE, Action::Restore}, {ID_BACKUP, Action::BackUp}})
        if (access.OwnersOnly(action)) bar->Enable(id, true);
    bar->Enable(ID_CHANGE_PASSWORD, access.Acting().has_value());
    UpdateUnitCommands();
}

void MainFrame::ChangePassword() {
    if (!session_->Access().Acting()) return;
    PasswordDialog dlg(this, *session_, session_->user(), true);
    if (dlg.ShowModal() == wxID_OK) ShowInfo(this, _("Your password was changed."));
}

void MainFrame::LogInAgain() {
    std::unique_ptr<services::Database> db;
    std::optional<std::string> user;
    try {
        db = services::OpenConnection(session_->db().url());
        user = LogInTo(this, db, false);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    if (!user) return;
    session_->Replace(std::move(db), *user);
    selected_.reset();
    ReloadAll();
    ShowArea(CurrentArea());
}

void MainFrame::StartDailyCopy() {
    if (dailyCopyRunning_ || session_->db().url().backend != services::DatabaseBackend::Sqlite)
        return;
    dailyCopyRunning_ = true;
    gui::StartDailyCopy(this, session_->db().url(), [this](const std::string& error) {
        dailyCopyRunning_ = false;
        if (!error.empty())
            SetStatusText(wxString::Format(_("The daily copy of the database was not written: %s"),
                                           U8(error)),
                          0);
    });
}

bool MainFrame::CheckDailyCopy() {
    if (dailyCopyRunning_ || !services::DailyCopyDue(session_->db().url(), Date::Today()))
        return false;
    StartDailyCopy();
    return true;
}

void MainFrame::ShowAbout() {
    wxAboutDialogInfo info;
    info.SetName(_("CCHC Desk"));
    info.SetVersion(CCHC_VERSION);
    info.SetDescription(
        _("Administrative-reform follow-up for a Home Affairs office: the CCHC index and its "
          "results, remediation plans and tasks, satisfaction surveys and quarterly reports.") +
        "\n\n" + wxString::Format(_("Database: %s"), U8(session_->db().url().Display())));
    info.SetIcon(AppIcons().GetIcon(64));
    wxAboutBox(info, this);
}

void MainFrame::ImportFromMenu(int command) {
    // The wizard, on the kind of the command (the last one used for "any").
    const std::string kind = command == ID_IMPORT_RATINGS    ? "ratings"
                             : command == ID_IMPORT_DOSSIERS ? "dossiers"
                             : command == ID_IMPORT_TALLIES  ? "tallies"
                                                             : "";
    ImportWizard wizard(this, *session_, kind);
    if (onImportWizard) onImportWizard(&wizard);
    if (wizard.ShowModal() != wxID_OK) return;
    ReloadAll();
    ShowInfo(this, wizard.Outcome());
}

void MainFrame::OnClose(wxCloseEvent& event) {
    wxConfig::Get()->Write(config::kSash, static_cast<long>(splitter_->GetSashPosition()));
    wxConfig::Get()->Write(config::kLastArea, static_cast<long>(CurrentArea()));
    wxConfig::Get()->Flush();
    event.Skip();  // the persistence manager saves the geometry when the frame goes
}

}  // namespace cchc::gui
