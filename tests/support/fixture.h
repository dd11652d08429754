// A fresh, migrated database for each test: a new SQLite file, or the
// PostgreSQL test database emptied first.
#pragma once
#include <memory>

#include "storage/database.h"
#include "test_support.h"

namespace cchc::test {

inline std::unique_ptr<storage::Database> FreshDatabase(const TempDir& dir, int targetVersion = 0) {
    auto url = storage::DatabaseUrl::Parse(TestDatabaseUrl(dir));
    if (url.backend == storage::Backend::Postgresql) {
        storage::OpenOptions o;
        o.migrate = false;
        storage::Database::Open(url, o)->DropEverything();
    }
    storage::OpenOptions o;
    o.targetVersion = targetVersion;
    return storage::Database::Open(url, o);
}

struct DbFixture {
    TempDir dir;
    std::unique_ptr<storage::Database> db = FreshDatabase(dir);
    storage::Database& Db() { return *db; }
};

}  // namespace cchc::test
