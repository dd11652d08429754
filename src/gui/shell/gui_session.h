// What every window of the client works on: the open database, the user at
// the keyboard and the reporting settings. The main frame owns one; panels
// and dialogs keep a pointer and ask it for services each time, so that
// opening another database is a matter of replacing the database here.
#pragma once
#include <memory>
#include <string>

#include "core/period.h"
#include "services/app/database_access.h"
#include "services/org/organisation.h"

namespace cchc::gui {

class AccessUi;

class GuiSession {
  public:
    GuiSession(std::unique_ptr<services::Database> db, std::string user);
    ~GuiSession();

    services::Database& db() { return *db_; }
    const std::string& user() const { return user_; }
    services::OrganisationService Organisation() {
        return services::OrganisationService(*db_, user_);
    }

    // Replaces the open database (File > Open).
    void Replace(std::unique_ptr<services::Database> db);
    // ... and the user logged in to it.
    void Replace(std::unique_ptr<services::Database> db, std::string user);

    // What the account may do (read once; ForgetAccess after the accounts
    // or the units changed).
    AccessUi& Access();
    void ForgetAccess();

    // Calendar or Decree 09/2019 cut-off windows, as the office set them.
    WindowKind ReportingWindow() { return Organisation().ReportingWindow(); }
    // The quarter containing today under that window.
    Period CurrentQuarter();

  private:
    std::unique_ptr<services::Database> db_;
    std::string user_;
    std::unique_ptr<AccessUi> access_;
};

}  // namespace cchc::gui
