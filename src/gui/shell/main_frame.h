// The main window: menu bar, a toolbar that switches between the seven
// areas (Ctrl+1..7), the organisation tree on the left of a splitter and
// the current area on the right, and a status bar with the database, the
// reporting period and the selected unit. Owns the session (the open
// database); size, position, splitter and last area are remembered.
#pragma once
#include <wx/frame.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "gui/shell/gui_events.h"
#include "gui/shell/gui_session.h"

class wxDialog;
class wxSimplebook;
class wxSplitterWindow;

namespace cchc::gui {

class AreaPanel;
class UnitTreePanel;

class MainFrame : public wxFrame {
  public:
    MainFrame(std::unique_ptr<services::Database> db, const std::string& user);

    void ShowArea(Area area);
    // The area's panel, made now if it was never shown.
    AreaPanel* AreaAt(Area area);
    // Shows the next (or previous) tab of the area shown, wrapping round.
    void TurnTab(bool forward);
    Area CurrentArea() const;
    // Reloads the tree and the areas; selects the unit selectId if non-zero,
    // else keeps the current selection.
    void ReloadAll(std::int64_t selectId = 0);

    GuiSession& session() { return *session_; }

    // For tests: called with the import wizard before it is shown.
    std::function<void(wxDialog* wizard)> onImportWizard;
    UnitTreePanel* unitTree() const { return tree_; }

    // The daily copy of an SQLite database (backups/ beside it), off the
    // main thread (one at a time); a failure is said in the status bar.
    void StartDailyCopy();
    // Starts it when today's copy is still to make (services::DailyCopyDue)
    // and none is being made; true when it did. The window asks every hour.
    bool CheckDailyCopy();
    static constexpr int kDailyCopyCheckMs = 60 * 60 * 1000;
    // Opens the database at url in place of the open one (File > Open, after
    // a restore); false, after telling why, when it cannot be opened.
    bool SwitchDatabase(const wxString& url);

  private:
    void BuildMenus();
    void BuildToolBar();
    void BindCommands();
    void UpdateStatus();
    void UpdateUnitCommands();
    // The commands the account may not use disabled (core/access.h).
    void UpdateAccessCommands();
    void ChangePassword();
    void LogInAgain();
    void OnUnitSelected(const std::optional<Unit>& unit);

    void AddUnit(bool asChild);
    void EditUnit();
    void ToggleUnitActive();
    void AddPerson();
    void OpenDatabaseFile();
    void OpenDatabaseAddress();
    void ShowAbout();
    // The import wizard of a menu command: ID_IMPORT, or ID_IMPORT_TALLIES,
    // _RATINGS or _DOSSIERS for that kind.
    void ImportFromMenu(int command);
    void OnClose(wxCloseEvent& event);

    std::unique_ptr<GuiSession> session_;
    wxSplitterWindow* splitter_ = nullptr;
    UnitTreePanel* tree_ = nullptr;
    wxSimplebook* book_ = nullptr;
    std::vector<AreaPanel*> areas_;
    std::optional<Unit> selected_;
    wxTimer dailyCopyTimer_;
    bool dailyCopyRunning_ = false;
};

}  // namespace cchc::gui
