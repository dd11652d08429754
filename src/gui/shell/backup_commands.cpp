// Backups and restoring from the File menu (see backup_commands.h).
#include "gui/shell/backup_commands.h"

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/utils.h>

#include <algorithm>
#include <memory>

#include "core/date.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/background_work.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/gui_util.h"
#include "services/app/backup.h"
#include "services/app/overview.h"

namespace cchc::gui {

WorkOutcome RunUnderProgress(wxWindow* parent, const wxString& title, const wxString& first,
                             const services::DatabaseUrl& url,
                             std::function<void(services::Database&, Progress&)> work) {
    return RunWithProgress(
        parent, {title, first, _("Cancelling: waiting for the work to stop..."), "backupProgress"},
        url, std::move(work));
}

void BackUpFromMenu(wxWindow* parent, GuiSession& session) {
    // On the server: the database owner's work, said before a file is asked.
    if (session.Access().OwnersOnly(Action::BackUp)) {
        ShowError(parent, session.Access().WhyNot(Action::BackUp));
        return;
    }
    const services::DatabaseUrl url = session.db().url();
    const bool sqlite = url.backend == services::DatabaseBackend::Sqlite;
    wxFileDialog pick(parent, _("Back up the database"), UserFilesFolder(),
                      U8(services::DefaultBackupName(url.backend, Date::Today())),
                      sqlite
                          ? _("Backups of an SQLite database (*.db)|*.db|All files|*")
                          : _("Backups of a PostgreSQL database (*.backup)|*.backup|All files|*"),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (pick.ShowModal() != wxID_OK) return;
    const std::string path = ToU8(pick.GetPath());
    const WorkOutcome outcome =
        RunUnderProgress(parent, _("Back up the database"), _("Writing the backup..."), url,
                         [path, user = session.user()](services::Database& db, Progress& progress) {
                             services::BackupDatabase(db, path, true, user, &progress);
                         });
    if (outcome.cancelled) {
        ShowInfo(parent, _("The backup was cancelled: no file was written."));
        return;
    }
    if (!outcome.error.empty()) {
        ShowError(parent, _("The backup was not written.") + "\n\n" + U8(outcome.error));
        return;
    }
    wxULongLong size = wxFileName::GetSize(pick.GetPath());
    ShowInfo(parent, wxString::Format(_("The backup was written to %s (%s bytes)."), pick.GetPath(),
                                      U8(FormatInteger(static_cast<long long>(
                                          size == wxInvalidSize ? 0 : size.GetValue())))));
}

wxString RestoreQuestion(GuiSession& session, const wxString& file) {
    services::Database& db = session.db();
    const services::DatabaseUrl& url = db.url();
    wxString question = wxString::Format(
        _("Restore the backup %s?\n\nEverything the open database %s holds will be replaced by "
          "the backup's data."),
        wxFileName(file).GetFullName(), U8(url.Display()));
    if (services::HoldsOfficeData(db)) {
        const services::OfficeOverview o =
            services::GetOverview(db, Date::Today().ToIso(), session.user());
        question +=
            " " + wxString::Format(_("It holds now %s communes, %s officers, %s index "
                                     "results, %s tasks and %s citizen ratings."),
                                   U8(FormatInteger(o.communes)), U8(FormatInteger(o.people)),
                                   U8(FormatInteger(o.results)),
                                   U8(FormatInteger(o.tasksOpen + o.tasksDone)),
                                   U8(FormatInteger(o.ratings)));
        question +=
            "\n\n" + (url.backend == services::DatabaseBackend::Sqlite
                          ? wxString::Format(_("Before replacing it, CCHC Desk backs up what it "
                                               "holds into the folder %s."),
                                             U8(services::DailyCopyFolder(url)))
                          : wxString::Format(_("Before replacing it, CCHC Desk backs up what it "
                                               "holds into the folder of the backup, %s."),
                                             wxFileName(file).GetPath()));
    } else {
        question += " " + _("It holds no data of the office yet.");
    }
    return question;
}

void RestoreFromMenu(wxWindow* parent, GuiSession& session, const std::function<void()>& reopen) {
    if (session.Access().OwnersOnly(Action::Restore)) {
        ShowError(parent, session.Access().WhyNot(Action::Restore));
        return;
    }
    wxFileDialog pick(parent, _("Restore from a backup"), UserFilesFolder(), "",
                      _("Backups (*.db;*.backup)|*.db;*.DB;*.backup|All files|*"),
                      wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() != wxID_OK) return;
    const wxString file = pick.GetPath();
    wxString question;
    try {
        question = RestoreQuestion(session, file);
    } catch (const std::exception& e) {
        ShowError(parent, ErrorSentence(e));
        return;
    }
    if (!AskYesNo(parent, question, _("Restore"))) return;
    auto report = std::make_shared<services::RestoreReport>();
    const std::string path = ToU8(file);
    const WorkOutcome outcome = RunUnderProgress(
        parent, _("Restore from a backup"), _("Reading the backup..."), session.db().url(),
        [path, report, user = session.user()](services::Database& db, Progress& progress) {
            *report = services::RestoreDatabase(db, path, true, user, &progress);
        });
    if (outcome.cancelled) {
        ShowInfo(parent, _("The restore was cancelled: the database holds what it held before."));
        return;
    }
    if (!outcome.error.empty()) {
        ShowError(parent, _("The database was not restored; it holds what it held before.") +
                              "\n\n" + U8(outcome.error));
        return;
    }
    reopen();
    wxString done = wxString::Format(_("The database was restored from %s."), file);
    if (!report->replacedCopy.empty())
        done += "\n\n" + wxString::Format(_("What it held before is kept in the backup %s."),
                                          U8(report->replacedCopy));
    ShowInfo(parent, done);
}

void StartDailyCopy(wxWindow* owner, const services::DatabaseUrl& url,
                    std::function<void(const std::string& error)> done) {
    if (url.backend != services::DatabaseBackend::Sqlite) return;
    RunInBackground(
        owner, url, [](services::Database& db) { services::KeepDailyCopy(db, Date::Today()); },
        std::move(done));
}

}  // namespace cchc::gui
