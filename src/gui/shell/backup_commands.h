// File > Back up... and File > Restore from a backup... of the main window,
// and the daily copy of an SQLite database. The work runs off the main
// thread on a connection of its own under a progress dialog whose Cancel
// stops it (background_work.h): a cancelled backup leaves no file, a
// cancelled restore the database as it was; the services do the rest
// (services/app/backup.h).
#pragma once
#include <wx/string.h>

#include <functional>
#include <string>

#include "core/progress.h"
#include "gui/shell/background_work.h"
#include "services/app/database_access.h"

class wxWindow;

namespace cchc::gui {

class GuiSession;

// Runs work on a connection of its own to url while a modal progress dialog
// titled title, with a Cancel button, shows what it reports (first: the
// text before its first report); see RunWithProgress (background_work.h).
WorkOutcome RunUnderProgress(wxWindow* parent, const wxString& title, const wxString& first,
                             const services::DatabaseUrl& url,
                             std::function<void(services::Database&, Progress&)> work);

// Asks where to write (the user's documents folder, cchc-YYYY-MM-DD.db or
// .backup), writes the backup and tells where it went, or why not.
void BackUpFromMenu(wxWindow* parent, GuiSession& session);

// The question asked before restoring file over the open database: what it
// holds now will be replaced, and a backup of it is made first.
wxString RestoreQuestion(GuiSession& session, const wxString& file);

// Asks for the backup, confirms (RestoreQuestion), restores it; on success
// calls reopen(), which opens the database again, then tells the outcome
// with the name of the backup of what was replaced.
void RestoreFromMenu(wxWindow* parent, GuiSession& session, const std::function<void()>& reopen);

// Writes today's copy of an SQLite database into backups/ beside it, unless
// there is one, and removes the oldest beyond the setting; off the main
// thread. done gets the error's sentence (empty on success).
void StartDailyCopy(wxWindow* owner, const services::DatabaseUrl& url,
                    std::function<void(const std::string& error)> done);

}  // namespace cchc::gui
