// COPY FROM STDIN and indexes set aside during bulk loads: see bulk_load.h.
#include "storage/bulk_load.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdio>
#include <stdexcept>

#include "storage/database.h"

namespace cchc::storage {

namespace {

// A table, column or index name as the schema spells it; names come from
// the program or the schema itself, never from a user.
std::string Name(const std::string& name) {
    if (name.empty()) throw std::logic_error("empty identifier");
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
            throw std::logic_error("unexpected identifier: " + name);
    return name;
}

PGconn* Connection(soci::session& s) {
    if (s.get_backend_name() != "postgresql") throw std::logic_error("COPY needs PostgreSQL");
    return static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
}

// The server's error of `result` (or of the connection) as SOCI throws it,
// so that the callers' tests of SQLSTATE (busy, refused) hold.
[[noreturn]] void Fail(PGconn* conn, PGresult* result) {
    std::string message = result ? PQresultErrorMessage(result) : "";
    if (message.empty()) message = PQerrorMessage(conn);
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "XX000";
    if (result) PQclear(result);
    throw soci::postgresql_soci_error(message, sqlstate.c_str());
}

// Sends at least this much at a time.
constexpr std::size_t kChunk = 1 << 20;

}  // namespace

void AppendCopyText(std::string& out, std::string_view value) {
    for (char c : value) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

CopyIn::CopyIn(soci::session& s, const std::string& table, const std::vector<std::string>& columns)
    : conn_(Connection(s)), columns_(columns.size()) {
    std::string sql = "COPY " + Name(table) + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + Name(columns[i]);
    sql += ") FROM STDIN";
    auto* conn = static_cast<PGconn*>(conn_);
    PGresult* r = PQexec(conn, sql.c_str());
    if (!r || PQresultStatus(r) != PGRES_COPY_IN) Fail(conn, r);
    PQclear(r);
    open_ = true;
    buffer_.reserve(kChunk + 4096);
}

CopyIn::~CopyIn() {
    if (!open_) return;
    auto* conn = static_cast<PGconn*>(conn_);
    // Abandoned: the server fails the COPY; its result is read so that the
    // connection is ready for the rollback.
    if (PQputCopyEnd(conn, "abandoned") == 1)
        while (PGresult* r = PQgetResult(conn)) PQclear(r);
}

void CopyIn::Separate() {
    if (column_ >= columns_) throw std::logic_error("COPY: more values than columns");
    if (column_++ > 0) buffer_ += '\t';
}

CopyIn& CopyIn::Text(std::string_view value) {
    Separate();
    AppendCopyText(buffer_, value);
    return *this;
}

CopyIn& CopyIn::Int(long long value) {
    Separate();
    buffer_ += std::to_string(value);
    return *this;
}

CopyIn& CopyIn::Real(double value) {
    Separate();
    char b[32];
    std::snprintf(b, sizeof b, "%.17g", value);
    buffer_ += b;
    return *this;
}

CopyIn& CopyIn::Null() {
    Separate();
    buffer_ += "\\N";
    return *this;
}

void CopyIn::EndRow() {
    if (column_ != columns_) throw std::logic_error("COPY: fewer values than columns");
    buffer_ += '\n';
    column_ = 0;
    ++rows_;
    if (buffer_.size() >= kChunk) Send(false);
}

void CopyIn::Send(bool all) {
    (void)all;
    if (buffer_.empty()) return;
    auto* conn = static_cast<PGconn*>(conn_);
    if (PQputCopyData(conn, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
        Fail(conn, nullptr);
    buffer_.clear();
}

long CopyIn::End() {
    if (column_ != 0) throw std::logic_error("COPY: a row was not ended");
    auto* conn = static_cast<PGconn*>(conn_);
    Send(true);
    open_ = false;
    if (PQputCopyEnd(conn, nullptr) != 1) Fail(conn, nullptr);
    PGresult* failed = nullptr;
    while (PGresult* r = PQgetResult(conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && !failed)
            failed = r;
        else
            PQclear(r);
    }
    if (failed) Fail(conn, failed);
    return rows_;
}

// ------------------------------------------------------------ indexes

bool LargeLoad(soci::session& s, const std::string& table, long adding) {
    // Counts the table's rows up to `adding` only.
    long long held = 0, limit = adding;
    s << "SELECT COUNT(*) FROM (SELECT 1 FROM " + Name(table) + " LIMIT :n) AS t", soci::use(limit),
        soci::into(held);
    return held < limit;
}

IndexesSetAside::IndexesSetAside(soci::session& s, const std::string& table) : s_(s) {
    std::vector<std::pair<std::string, std::string>> indexes;  // name, definition
    if (s.get_backend_name() == "sqlite3") {
        // Indexes of CREATE INDEX have their statement; those of the table's
        // own PRIMARY KEY and UNIQUE clauses have none (and cannot be
        // dropped).
        soci::rowset<soci::row> rs =
            (s.prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name "
                          "= :t AND sql IS NOT NULL ORDER BY name",
             soci::use(table));
        for (const auto& r : rs) indexes.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
    } else {
        // Only the owner may drop an index, and an index cannot be built on
        // a table with deferred trigger events: the audit's of rows added
        // before the owner's connection said whom it acts for.
        int allowed = 0;
        s << "SELECT CASE WHEN pg_has_role(current_user, c.relowner, 'USAGE') AND "
             "COALESCE(current_setting('cchc.actor', true), '') <> '' THEN 1 ELSE 0 END FROM "
             "pg_class c WHERE c.oid = to_regclass(:t)",
            soci::use(table), soci::into(allowed);
        if (!allowed) return;
        // Not those of the constraints (primary key, UNIQUE).
        soci::rowset<soci::row> rs =
            (s.prepare
                 << "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = "
                    "current_schema() AND i.tablename = :t AND NOT EXISTS (SELECT 1 FROM "
                    "pg_constraint k WHERE k.conindid = to_regclass(quote_ident(i.indexname)))"
                    " ORDER BY i.indexname",
             soci::use(table));
        for (const auto& r : rs) indexes.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
    }
    // The schema's own statements, run again as they are (no value of a
    // user's in them).
    for (const auto& [name, definition] : indexes) {
        s << "DROP INDEX " + Name(name);
        definitions_.push_back(definition);
    }
}

void IndexesSetAside::Restore() {
    for (const auto& definition : definitions_) s_ << definition;
    definitions_.clear();
}

}  // namespace cchc::storage
