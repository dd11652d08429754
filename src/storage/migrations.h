// The numbered migrations compiled into the program from
// database/migrations/NNNN_name.sql, with the dialect placeholders ({{PK}},
// {{BLOB}}, {{BYTES}}: text ordered byte by byte) replaced and each file split into statements. A
// file named NNNN_name.postgresql.sql (or .sqlite.sql) holds statements for that engine only: on
// the other one it is still applied and numbered, with nothing to run, so that both engines count
// the same schema versions. A version may also have a file for both engines and, beside it, the
// same name for one engine (NNNN_name.sql and NNNN_name.postgresql.sql): that engine runs the
// statements of both, in that order.
#pragma once
#include <string>
#include <vector>

#include "storage/database_url.h"

namespace cchc::storage {

struct Migration {
    int version = 0;
    std::string name;                     // file name
    std::string description;              // its first-line comment
    std::vector<std::string> statements;  // empty when the file is another engine's
};

// The engine a migration file is for, from its name: NNNN_name.postgresql.sql
// or NNNN_name.sqlite.sql; nothing for both.
struct MigrationEngine {
    bool any = true;
    Backend only = Backend::Sqlite;
};

// All migrations in version order, for the given backend.
std::vector<Migration> LoadMigrations(Backend backend);

// Exposed for tests: placeholder substitution and statement splitting.
std::string SubstituteDialect(const std::string& sql, Backend backend);
// Statements end at a ';' that ends a line outside quotes. Lines starting
// with "--" are comments. Text between dollar quotes ($$ ... $$ or
// $tag$ ... $tag$, PostgreSQL function bodies) and between single quotes is
// kept whole, its lines and semicolons included.
std::vector<std::string> SplitStatements(const std::string& sql);
MigrationEngine EngineOfMigration(const std::string& fileName);

}  // namespace cchc::storage
