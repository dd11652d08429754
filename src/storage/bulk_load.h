// Bulk writes of many rows (imports, the demo office): PostgreSQL's COPY
// FROM STDIN in its text format through libpq, and the secondary indexes of
// a table set aside while a load much larger than the table lasts (built
// again by sorting once, instead of millions of inserts into each index).
// Internal to the storage library: repositories use them, the layers above
// never see them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace soci {
class session;
}

namespace cchc::storage {

class Database;

// One value as COPY's text format writes it, appended to `out`: a
// backslash, a tab, a line feed and a carriage return escaped (\\, \t, \n,
// \r), every other byte (UTF-8 text) as it is. NULL is written \N by
// CopyIn::Null, so that a text "\N" stays a text.
void AppendCopyText(std::string& out, std::string_view value);

// Rows written into a PostgreSQL table by COPY table (columns) FROM STDIN,
// in the caller's transaction: one statement (one round trip and one firing
// of the table's statement triggers) for any number of rows, sent to the
// server in chunks as they are added. The values are sent as data, never
// as SQL; table and column names come from the program, never from a user.
// The constraints, foreign keys and triggers of the table apply as to an
// INSERT: a row that breaks one fails End() (and the transaction).
class CopyIn {
  public:
    CopyIn(soci::session& s, const std::string& table, const std::vector<std::string>& columns);
    // Without End(): the COPY is abandoned (the server discards its rows
    // and fails the transaction, which the caller rolls back).
    ~CopyIn();
    CopyIn(const CopyIn&) = delete;
    CopyIn& operator=(const CopyIn&) = delete;

    // The next value of the current row, in the order of `columns`.
    CopyIn& Text(std::string_view value);
    CopyIn& Int(long long value);
    CopyIn& Real(double value);
    CopyIn& Null();
    CopyIn& OptText(const std::optional<std::string>& value) {
        return value ? Text(*value) : Null();
    }
    template <typename I>
    CopyIn& OptInt(const std::optional<I>& value) {
        return value ? Int(static_cast<long long>(*value)) : Null();
    }
    CopyIn& OptReal(const std::optional<double>& value) { return value ? Real(*value) : Null(); }
    // Ends the current row (every column given).
    void EndRow();
    // Sends what is left and ends the COPY; throws the server's error as
    // soci::postgresql_soci_error (with its SQLSTATE). Returns the rows.
    long End();

  private:
    void Separate();
    void Send(bool all);

    void* conn_;  // PGconn
    std::size_t columns_;
    std::size_t column_ = 0;
    long rows_ = 0;
    bool open_ = false;
    std::string buffer_;
};

// The secondary indexes of one table (those declared by CREATE INDEX in the
// migrations, not those of its primary key and UNIQUE constraints) dropped
// now and created again by Restore(), from their own definitions as the
// database keeps them: for a load that brings more rows than the table
// holds. Within the caller's transaction, so that a failure or a kill
// leaves the indexes as they were. On PostgreSQL only on the connection of
// the table's owner once it has said whom it acts for (an account may not
// drop an index, and one cannot be built on a table with deferred trigger
// events, which the audit queues for rows the owner adds before saying
// it); there the table is locked against the other desks until the commit
// (a first load), as SQLite's write lock always does.
class IndexesSetAside {
  public:
    IndexesSetAside(soci::session& s, const std::string& table);
    // Builds again what was dropped.
    void Restore();
    std::size_t count() const { return definitions_.size(); }

  private:
    soci::session& s_;
    std::vector<std::string> definitions_;
};

// Whether a load of `adding` rows into `table` is large enough to set its
// indexes aside: it brings more rows than the table holds.
bool LargeLoad(soci::session& s, const std::string& table, long adding);

}  // namespace cchc::storage
