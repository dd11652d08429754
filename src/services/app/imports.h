// Every kind of file the office imports, in one place for the client's
// import wizard (Tệp › Nhập…) and the command line: its word in
// `cchc import KIND`, its name, the columns it understands, and two ways to
// run it: checked (everything done in a transaction that is rolled back,
// so that the problems are listed before anything is stored) and for real
// (all or nothing, as each import is).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.h"
#include "core/progress.h"
#include "services/io/table_io.h"
#include "storage/database.h"

namespace cchc::services {

struct ImportKind {
    const char* id;     // "tallies", as `cchc import` names it
    const char* label;  // marked with N_(); translate when shown
    const std::vector<tableio::ColumnSpec>& (*columns)();
};
// In the order of the menu: the office's organisation first, then index
// work, plans, surveys.
const std::vector<ImportKind>& ImportKinds();
// The kind of that id ("plans" is "tasks"), or nullptr.
const ImportKind* FindImportKind(std::string_view id);

// What an import stored, or (checked) would store. Ratings count skipped
// rows (stored before or twice in the file); frameworks count frameworks.
struct ImportOutcome {
    long inserted = 0, updated = 0, unchanged = 0, skipped = 0;
    // "12 mới, 3 thay thế, 0 không đổi" (translated), the parts that apply.
    std::string Describe() const;
};

// Imports the file as kind id for the account user: all or nothing;
// UserError naming file, line and column for the first problem,
// CancelledError (nothing stored) when progress is cancelled.
ImportOutcome RunImport(storage::Database& db, std::string_view id, const std::string& path,
                        const std::string& user, const tableio::ReadOptions& read,
                        Progress* progress = nullptr);

struct ImportProblem {
    Location where;
    std::string message;
};
struct ImportCheck {
    std::vector<ImportProblem> problems;  // in the order found
    // The check stopped before it had read every line: maxProblems were
    // found, or a problem of the whole file (a column, the workbook).
    bool stoppedEarly = false;
    ImportOutcome outcome;  // what the import would store, when no problem
};
// Runs the import in a transaction that is rolled back, so that nothing is
// stored: after each problem on a line, that line is set aside and the file
// read again, until it passes or maxProblems are found. CancelledError when
// progress is cancelled.
ImportCheck CheckImport(storage::Database& db, std::string_view id, const std::string& path,
                        const std::string& user, tableio::ReadOptions read,
                        Progress* progress = nullptr, int maxProblems = 20);

}  // namespace cchc::services
