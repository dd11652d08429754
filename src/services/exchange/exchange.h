// Offline exchange packages (`cchc exchange`, Tệp › Gói trao đổi): a commune
// without a connection works on its own copy of its rows and sends its
// changes back in a file.
//
// The office writes a package for a unit: every unit, framework and
// criterion (what the commune's rows point to), the people of the unit's
// subtree and those its tasks name, its plans with their items, tasks,
// coordinators and progress updates; every row with its office id and
// version. Opening it makes (or refreshes) a commune copy: an SQLite
// database confined to that unit, as a chair's account would be, which
// keeps the rows it received as its base. The copy's return package holds
// each task changed since, field by field with the value it had (base) and
// has now, and the tasks made in the copy. The office applies what does
// not conflict, all in one transaction: a field only the commune changed is
// applied (`parallel` when the office changed another field of the same
// row), a field both changed is a `conflict`, kept for someone to resolve
// and not applied.
//
// Packages are ZIP files holding manifest.json (what, for whom, its number,
// the checksum of data.json, the sender's public key), data.json and
// manifest.sig, the manifest signed with the sender's libsodium key. The
// office's key travels in its packages (a copy trusts the key of the first
// package it opened); a commune's key is registered by its first return,
// which must carry the token of the office's package. Returns are numbered:
// the same package twice changes nothing and says so, an older one or one
// that skips a number is refused, as are packages for another office,
// damaged or changed after signing, or naming rows of another unit.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace cchc::services {

// What an office's package carries besides the unit's rows.
struct ExchangeExportOptions {
    bool withFiles = false;    // the evidence files themselves, not only their register
    bool withRatings = false;  // the unit's ratings (many)
    bool full = false;         // every row, even when the commune's copy is known
};

// What a package made for a unit holds.
struct OfficePackageOutcome {
    std::string unitCode, unitName;
    int seq = 0;
    long rows = 0;   // rows carried
    int since = 0;   // carries only what changed since this package (0: every row)
    long files = 0;  // evidence files carried
};
// Writes the package for the unit (by code) to path. Once a return of the
// commune has been applied, the package carries only the rows that differ
// from the packages its copy may hold (from the one that return was
// written on) and the keys of every row. UserError for an unknown unit, a
// commune copy (which sends its changes with ExportCommunePackage), or a
// file that cannot be written; AccessDenied unless the account may make
// packages for that unit.
OfficePackageOutcome ExportUnitPackage(storage::Database& db, const std::string& unitCode,
                                       const std::string& path, const std::string& user,
                                       const ExchangeExportOptions& options = {});

struct OpenOutcome {
    std::string unitCode, unitName;
    int seq = 0;
    bool refreshed = false;  // an existing copy brought up to date
    long rows = 0;           // rows the copy holds
    int since = 0;           // the package carried what changed since this one
    long carried = 0;        // rows the package carried
    long files = 0;          // evidence files the copy holds
};
// Makes the (empty, new) database a commune copy from the office's package,
// or refreshes the copy with a newer package of the same office and unit
// (one that carries only changes is laid on the rows the copy received).
// UserError, nothing changed, for a damaged or altered package, one of
// another office or unit than the copy's, an older one, one carrying the
// changes since a package the copy does not hold, a database that is an
// office's, or a copy with changes the office has not received yet.
OpenOutcome OpenPackage(storage::Database& db, const std::string& path, const std::string& user);

struct ReturnOutcome {
    std::string unitCode;
    int seq = 0;
    long changes = 0;  // rows changed, added or deleted
};
// Writes the copy's changes since the office's package (or its previous
// return) to path, and takes them as its new base. UserError when the
// database is no commune copy.
ReturnOutcome ExportCommunePackage(storage::Database& db, const std::string& path,
                                   const std::string& user);

// One line of an import's report.
struct ExchangeReportLine {
    std::string table, key, field;
    std::string label;  // what the row is to a reader: the task's text, a result's key
    std::optional<std::string> base, office, commune;
    std::string state;  // "applied", "parallel", "conflict"
};
struct ExchangeImportOutcome {
    std::string unitCode, unitName;
    int seq = 0;
    bool alreadyImported = false;  // the same package again: nothing changed
    std::vector<ExchangeReportLine> lines;
};
// Applies a commune's return package at the office (one transaction) and
// reports each field. UserError, nothing stored, for a package refused.
ExchangeImportOutcome ImportCommunePackage(storage::Database& db, const std::string& path,
                                           const std::string& user);

struct ExchangeConflictLine {
    std::int64_t id = 0;
    std::string unitCode, table, key, field;
    std::string label;  // as ExchangeReportLine's
    std::optional<std::string> base, office, commune;
};
// The conflicts not yet resolved, oldest first (of the units the account reads).
std::vector<ExchangeConflictLine> OpenExchangeConflicts(storage::Database& db,
                                                        const std::string& user);
// Settles a conflict: the office's value stays, or the commune's is applied
// (refused as a conflict again when the field changed at the office since).
// UserError for an unknown or settled conflict.
void ResolveExchangeConflict(storage::Database& db, std::int64_t id, bool keepCommune,
                             const std::string& user);

// The unit a commune copy is confined to (nothing for another database).
std::optional<std::int64_t> CommuneCopyUnit(storage::Database& db);

// Where the office stands with each commune it sent packages to, and a
// commune copy with its own: for the overview.
struct ExchangeUnitStatus {
    std::string code, name;
    int outSeq = 0;                    // the last package sent
    std::optional<std::string> outAt;  // ISO timestamp
    int inSeq = 0;                     // the last return applied
    std::optional<std::string> inAt;
};
struct ExchangeStatus {
    std::optional<std::string> copyOf;      // a commune copy: its unit's name
    int copySeq = 0, copySent = 0;          // the office's package it holds, its last return
    std::vector<ExchangeUnitStatus> units;  // most recent package first
    long openConflicts = 0;
};
ExchangeStatus GetExchangeStatus(storage::Database& db, const std::string& user);

}  // namespace cchc::services
