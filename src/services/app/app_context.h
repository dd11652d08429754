// Opening the office's database the way both programs do: resolve the URL,
// migrate, load the built-in catalogues, and (for the desktop client's first
// start) fill a demo office into a database that has no units yet.
#pragma once
#include <memory>
#include <string>

#include "services/app/database_access.h"

namespace cchc::services {

// The login of the person at the keyboard (for the audit log).
std::string CurrentUser();

struct PreparedDatabase {
    std::unique_ptr<Database> db;
    bool created = false;     // the schema was created just now
    bool demoFilled = false;  // demo data were generated just now
};

// Opens (creating if needed) and migrates the database, loads the built-in
// catalogues when the schema was created or upgraded, and when fillDemo is
// set and the database holds no units, builds the default demo office.
PreparedDatabase OpenPrepared(const DatabaseUrl& url, bool fillDemo);

// True when the database holds no units at all.
bool IsEmptyOffice(Database& db);

}  // namespace cchc::services
