// The application object of cchc-desk: reads the command line (--db,
// --demo-if-new, --lang), sets the language, opens the database (offering
// another file or a new database when that fails) and shows the main frame.
#pragma once
#include <wx/app.h>
#include <wx/cmdline.h>

#include <memory>

#include "services/app/database_access.h"

namespace cchc::gui {

class CchcApp : public wxApp {
  public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    // An error that escaped a handler is shown; the program goes on.
    bool OnExceptionInMainLoop() override;

  private:
    // The database to start with, or nullptr when the user chose to quit.
    std::unique_ptr<services::Database> OpenAtStart();

    wxString dbArg_;
    wxString langArg_;
    bool demoIfNew_ = false;
};

}  // namespace cchc::gui

wxDECLARE_APP(cchc::gui::CchcApp);
