// The numbered migrations compiled into the program from
// database/migrations/NNNN_name.sql, with the dialect placeholders ({{PK}},
// {{BLOB}}) replaced and each file split into statements.
#pragma once
#include <string>
#include <vector>

#include "storage/database_url.h"

namespace cchc::storage {

struct Migration {
    int version = 0;
    std::string name;         // file name
    std::string description;  // its first-line comment
    std::vector<std::string> statements;
};

// All migrations in version order, for the given backend.
std::vector<Migration> LoadMigrations(Backend backend);

// Exposed for tests: placeholder substitution and statement splitting.
std::string SubstituteDialect(const std::string& sql, Backend backend);
std::vector<std::string> SplitStatements(const std::string& sql);

}  // namespace cchc::storage
