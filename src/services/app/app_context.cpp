#include "services/app/app_context.h"

#include <cstdlib>

#include "core/platform.h"

#include "services/app/demo.h"
#include "services/frameworks/framework_io.h"
#include "storage/unit_repository.h"

namespace cchc::services {

std::string CurrentUser() {
    if (const char* u = std::getenv("CCHC_USER"); u && *u) return u;
    if (std::string name = LoginName(); !name.empty()) return name;
    return "user";
}

bool IsEmptyOffice(storage::Database& db) {
    return storage::UnitRepository(db.session()).Count() == 0;
}

PreparedDatabase OpenPrepared(const storage::DatabaseUrl& url, bool fillDemo) {
    PreparedDatabase out;
    // A new database gets its catalogues in the transaction that creates it.
    // An upgraded one gets them in the transaction of its migrations; the
    // demo office for a new one is built in that same transaction.
    storage::OpenOptions options;
    options.onCreate = [&](storage::Database& db) {
        LoadBuiltinCatalogues(db);
        if (fillDemo) {
            BuildDemo(db, DemoOptions{}, nullptr);
            out.demoFilled = true;
        }
    };
    options.onUpgrade = [](storage::Database& db) { LoadBuiltinCatalogues(db); };
    out.db = storage::Database::Open(url, options);
    const auto& m = out.db->lastMigration();
    out.created = m.fromVersion == 0 && m.toVersion > 0;
    if (fillDemo && !out.demoFilled && IsEmptyOffice(*out.db)) {
        // BuildDemo loads the catalogues in its own transaction.
        BuildDemo(*out.db, DemoOptions{}, nullptr);
        out.demoFilled = true;
    }
    return out;
}

}  // namespace cchc::services
