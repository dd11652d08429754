// What offline exchange packages read and write (migration 0018): a unit's
// rows of the exchanged tables as text, the commune copy's rows with their
// office ids, this database's keys and part in exchanges, the office's
// record per commune, a commune copy's base rows, and the conflicts left to
// resolve. The services (services/exchange) decide what a package holds and
// how a change is applied; nothing here knows a rule.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace cchc::storage {

// A value as exchanged: its text (integers in decimal, reals in their
// shortest exact form), or nothing for NULL.
using ExchangeValue = std::optional<std::string>;
using ExchangeRow = std::vector<ExchangeValue>;

// Rows of one table with the names of their columns.
struct ExchangeRows {
    std::string table;
    std::vector<std::string> columns;
    std::vector<ExchangeRow> rows;
};

// The tables a package for a unit carries, parents before children: every
// unit, framework, band and criterion, procedure field, rating scale and
// setting (what a commune's rows point to and its reports print), the
// people of the unit's subtree and those its tasks name, the subtree's
// plans with their sections, items, tasks, coordinators and progress
// updates, its result sets and results, tallies, dossier statistics and
// report texts, the evidence register with its links (the files travel
// beside the rows), the rating aspects, and the subtree's ratings (without
// their import batches).
const std::vector<std::string>& ExchangeTables();
// The columns exchanged of that table, in their order (empty for another).
const std::vector<std::string>& ExchangeColumns(const std::string& table);
// The columns that name a row of that table: "id", or those of its
// primary key where it has no id (settings: key; task_coordinators:
// task_id, sort_order; the link tables: both ids).
const std::vector<std::string>& ExchangeKeyColumns(const std::string& table);

// This database's part in exchanges (the one row of exchange_self).
struct ExchangeSelf {
    std::string role;  // "office" or "commune"
    std::string officeId, publicKey, secretKey;
    std::optional<std::int64_t> unitId;  // a commune copy's unit
    std::string officeKey;               // a commune copy: the office's public key
    int baseSeq = 0, sentSeq = 0;        // a commune copy
    std::string returnToken;             // a commune copy
};

// The office's record of one commune's packages.
struct ExchangeUnit {
    std::int64_t unitId = 0;
    int outSeq = 0;
    std::optional<std::string> outAt;
    std::string returnToken;
    std::string communeKey;
    int inSeq = 0;
    std::string inSha256;
    std::optional<std::string> inAt;
    int ackSeq = 0;  // the package the last applied return was written on
};

struct ExchangeConflict {
    std::int64_t id = 0, unitId = 0;
    int packageSeq = 0;
    std::string table;
    std::int64_t rowId = 0;  // of a table's row (tasks), else 0
    std::string rowKey;      // of a row named by its columns (results: "XA/FW/2026/1.1")
    std::string field;
    ExchangeValue base, office, commune;
    std::string state = "open";  // "office", "commune" once resolved
    std::string createdAt;
    std::optional<std::string> resolvedBy, resolvedAt;
};

class ExchangeRepository {
  public:
    explicit ExchangeRepository(soci::session& s) : s_(s) {}

    // Whether the schema has the exchange tables (19 and later).
    bool Available();

    // The rows of the table a package for the unit carries, by id (by task
    // and order for coordinators).
    ExchangeRows ReadForUnit(const std::string& table, std::int64_t unitId);
    // Writes rows read from another database into this one with their ids
    // (a commune copy, SQLite only): columns matched by name, those this
    // table does not have ignored, those missing NULL.
    void InsertRows(const ExchangeRows& rows);
    // Empties the table (a commune copy refreshed from a newer package).
    void DeleteAll(const std::string& table);
    // Foreign keys checked at commit rather than row by row, for the rows
    // of a package written in any order (SQLite; the transaction's).
    void DeferForeignKeys();

    std::optional<ExchangeSelf> Self();
    void SaveSelf(const ExchangeSelf& self);

    std::optional<ExchangeUnit> Unit(std::int64_t unitId);
    std::vector<ExchangeUnit> Units();
    void SaveUnit(const ExchangeUnit& unit);

    // What the office's packages for the unit held (a JSON object of
    // tables, row keys and hashes), by number, from fromSeq on.
    std::map<int, std::string> Sent(std::int64_t unitId, int fromSeq);
    void RecordSent(std::int64_t unitId, int seq, const std::string& hashes);
    // Drops the records of packages the commune has gone past.
    void ForgetSentBefore(std::int64_t unitId, int seq);

    // A commune copy: the office's rows as last received (JSON), nothing
    // before the first package or when the copy predates the record.
    std::optional<std::string> Received();
    void SaveReceived(const std::string& data);

    // A commune copy's rows of the table as last received or sent, by id
    // (data: a JSON array in ExchangeColumns' order; madeHere: a row made
    // in the copy, whose id is not the office's).
    struct BaseRow {
        std::string data;
        bool madeHere = false;
    };
    std::map<std::int64_t, BaseRow> Base(const std::string& table);
    void ReplaceBase(const std::string& table, const std::map<std::int64_t, BaseRow>& rows);

    // The office's id of a row a commune made in its copy (by the copy's id).
    std::optional<std::int64_t> OfficeIdOf(std::int64_t unitId, const std::string& table,
                                           std::int64_t communeId);
    void MapId(std::int64_t unitId, const std::string& table, std::int64_t communeId,
               std::int64_t officeId);

    std::int64_t AddConflict(const ExchangeConflict& c);
    // Open ones only, or every one; by id.
    std::vector<ExchangeConflict> Conflicts(bool openOnly);
    std::optional<ExchangeConflict> Conflict(std::int64_t id);
    // state: "office" or "commune".
    void Resolve(std::int64_t id, const std::string& state, const std::string& user);

    // A package made or applied, in exchange_packages (direction "out" or
    // "in"; status "applied" or "rejected").
    void RecordPackage(std::int64_t unitId, const std::string& direction, int seq,
                       const std::string& fileName, const std::string& sha256, long long size,
                       const std::string& status, const std::string& user);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
