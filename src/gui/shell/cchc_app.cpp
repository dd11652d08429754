// Start-up of cchc-desk (see cchc_app.h).
#include "gui/shell/cchc_app.h"

#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/uilocale.h>
#include <wx/utils.h>

#include <optional>

#include "core/errors.h"
#include "gui/shell/app_setup.h"
#include "gui/shell/art.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/login_dialog.h"
#include "gui/shell/main_frame.h"
#include "services/app/app_context.h"

namespace cchc::gui {
namespace {

// A URL for a new empty database in the default place; when the default
// file exists (and is what failed), a fresh name beside it.
wxString NewDatabaseUrl() {
    services::DatabaseUrl def = services::DefaultDatabaseUrl();
    wxFileName file(U8(def.path));
    for (int n = 2; file.FileExists() && n < 1000; ++n)
        file.SetName(wxString::Format("cchc-%d", n));
    return "sqlite:" + file.GetFullPath();
}

enum class Recovery { OpenOther, CreateNew, Quit };

Recovery AskRecovery(const wxString& url, const wxString& error) {
    wxMessageDialog dlg(nullptr, wxString::Format(_("The database could not be opened:\n%s"), url),
                        _("CCHC Desk"), wxYES_NO | wxCANCEL | wxICON_ERROR);
    dlg.SetExtendedMessage(error + "\n\n" + _("What would you like to do?"));
    dlg.SetYesNoCancelLabels(_("Open another file..."), _("Create a new empty database"),
                             _("Quit"));
    switch (dlg.ShowModal()) {
        case wxID_YES:
            return Recovery::OpenOther;
        case wxID_NO:
            return Recovery::CreateNew;
        default:
            return Recovery::Quit;
    }
}

}  // namespace

void CchcApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", "database to open: sqlite:FILE or postgresql://user@host:port/db",
                     wxCMD_LINE_VAL_STRING);
    parser.AddSwitch("", "demo-if-new", "fill a demo office into a database that has no units");
    parser.AddOption("", "lang", "interface language: vi (default) or en", wxCMD_LINE_VAL_STRING);
}

bool CchcApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    parser.Found("db", &dbArg_);
    demoIfNew_ = parser.Found("demo-if-new");
    if (parser.Found("lang", &langArg_) && langArg_ != "vi" && langArg_ != "en") {
        wxMessageOutput::Get()->Printf("--lang must be vi or en, not %s\n", langArg_);
        return false;
    }
    return true;
}

bool CchcApp::OnInit() {
    SetAppName("cchc-desk");
    SetVendorName("cchc");
    // Settings in ~/.config/cchc-desk/settings.conf like other current programs.
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    const wxFileName settings(wxStandardPaths::Get().GetUserConfigDir() + "/cchc-desk",
                              "settings.conf");
    settings.Mkdir(wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    wxConfigBase::Set(
        new wxFileConfig("cchc-desk", "", settings.GetFullPath(), "", wxCONFIG_USE_LOCAL_FILE));
    wxUILocale::UseDefault();
    if (!wxApp::OnInit()) return false;  // parses the command line

    ApplyLanguage(ChooseLanguage(langArg_));
    SetAppDisplayName(_("CCHC Desk"));
    InitResources();

    std::unique_ptr<services::Database> db = OpenAtStart();
    if (!db) return false;
    // A database with accounts: the account logged in is the session's user.
    const std::optional<std::string> user = LogInTo(nullptr, db, true);
    if (!user) return false;

    auto* frame = new MainFrame(std::move(db), *user);
    frame->Show();
    frame->StartDailyCopy();
    return true;
}

bool CchcApp::OnExceptionInMainLoop() {
    try {
        throw;
    } catch (const std::exception& e) {
        ShowError(GetTopWindow(), ErrorSentence(e));
        return true;
    }
}

std::unique_ptr<services::Database> CchcApp::OpenAtStart() {
    // As on the command line: --db, then $CCHC_DB; then the database used
    // last time, then the default file.
    wxString url = dbArg_;
    wxString env;
    if (url.empty() && wxGetEnv("CCHC_DB", &env) && !env.empty()) url = env;
    if (url.empty()) url = wxConfig::Get()->Read(config::kLastUrl, "");
    if (url.empty()) url = U8(services::DefaultDatabaseUrl().original);
    bool fillDemo = demoIfNew_;
    for (;;) {
        try {
            return OpenAndRemember(url, fillDemo);
        } catch (const std::exception& e) {
            // A server that wants its account's password: ask for them.
            std::optional<services::DatabaseUrl> parsed;
            try {
                parsed = services::ParseDatabaseUrl(ToU8(url));
            } catch (const std::exception&) {
            }
            if (parsed && parsed->backend == services::DatabaseBackend::Postgresql)
                if (auto db = OpenServerAsAccount(*parsed, e)) return db;
            wxString shown = url;
            try {
                shown = U8(services::ParseDatabaseUrl(ToU8(url)).Display());
            } catch (const std::exception&) {
            }
            switch (AskRecovery(shown, ErrorSentence(e))) {
                case Recovery::OpenOther: {
                    wxFileDialog pick(nullptr, _("Open a CCHC Desk database"), UserFilesFolder(),
                                      "", DatabaseFileFilter(), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
                    if (pick.ShowModal() == wxID_OK) url = "sqlite:" + pick.GetPath();
                    break;
                }
                case Recovery::CreateNew:
                    url = NewDatabaseUrl();
                    fillDemo = false;
                    break;
                case Recovery::Quit:
                    return nullptr;
            }
        }
    }
}

}  // namespace cchc::gui
