#include "storage/audit_query.h"

#include <soci/soci.h>

#include <stdexcept>
#include <string>

#include "core/date.h"
#include "storage/row_helpers.h"

namespace cchc::storage {

namespace {
// The units under the filter's unit, then each audited table's rows that
// belong to them. Entries written per unit (the assignment matrix, report
// texts) or per person (self-assessments) carry that unit's or person's id.
const char* const kUnits =
    "WITH RECURSIVE sub(id) AS ("
    " SELECT id FROM units WHERE id = :root1"
    " UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) ";
const char* const kColumns =
    "SELECT a.at, a.user_login, a.table_name, a.row_id, a.action, a.field, a.old_value, "
    "a.new_value, a.id AS entry_id FROM audit_log a ";
const char* const kWhere =
    "WHERE (:table1 = '' OR a.table_name = :table2"
    "       OR (:row0 <> 0 AND a.table_name IN ('result_evidence', 'progress_updates'))) "
    "AND (:user1 = '' OR a.user_login = :user2) "
    "AND (:since1 = '' OR a.at >= :since2) "
    "AND (:until1 = '' OR a.at < :until2) "
    "AND (:upto1 = 0 OR a.id <= :upto2) "
    "AND (:row1 = 0 OR (a.table_name = :rtable0 AND a.row_id = :row2)"
    "     OR (:rtable1 = 'results' AND a.table_name = 'result_evidence' AND a.row_id = :row3)"
    "     OR (:rtable2 = 'tasks' AND a.table_name = 'progress_updates' AND a.row_id IN"
    "         (SELECT g.id FROM progress_updates g WHERE g.task_id = :row4))) "
    "AND (:root2 = 0";

// SQLite: entries placed by their rows as they are now.
const char* const kRowsOfUnits =
    " OR (a.table_name IN ('units', 'indicator_assignments', 'report_narratives')"
    "     AND a.row_id IN (SELECT id FROM sub))"
    " OR (a.table_name IN ('people', 'self_assessments') AND a.row_id IN"
    "     (SELECT x.id FROM people x WHERE x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name IN ('results', 'result_evidence') AND a.row_id IN"
    "     (SELECT x.id FROM results x WHERE x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'result_sets' AND a.row_id IN"
    "     (SELECT x.id FROM result_sets x WHERE x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'evidence' AND a.row_id IN"
    "     (SELECT x.id FROM evidence x WHERE x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'plans' AND a.row_id IN"
    "     (SELECT x.id FROM plans x WHERE x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'plan_items' AND a.row_id IN"
    "     (SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id"
    "      WHERE p.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'tasks' AND a.row_id IN"
    "     (SELECT t.id FROM tasks t JOIN plan_items i ON i.id = t.item_id"
    "      JOIN plans p ON p.id = i.plan_id WHERE p.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'progress_updates' AND a.row_id IN"
    "     (SELECT g.id FROM progress_updates g JOIN tasks t ON t.id = g.task_id"
    "      JOIN plan_items i ON i.id = t.item_id JOIN plans p ON p.id = i.plan_id"
    "      WHERE p.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'survey_tallies' AND a.row_id IN"
    "     (SELECT x.id FROM survey_tallies x WHERE x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'dossier_stats' AND a.row_id IN"
    "     (SELECT x.id FROM dossier_stats x WHERE x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'ratings' AND a.row_id IN"
    "     (SELECT x.id FROM ratings x WHERE x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'issued_reports' AND a.row_id IN"
    "     (SELECT x.id FROM issued_reports x WHERE x.issuer_unit_id IN (SELECT id FROM sub)"
    "      OR x.unit_id IN (SELECT id FROM sub)))"
    " OR (a.table_name = 'users' AND a.row_id IN"
    "     (SELECT x.id FROM users x WHERE x.unit_id IN (SELECT id FROM sub)))"
    ") ";
// PostgreSQL: the server's triggers wrote each entry's unit (audit_log.unit_id),
// so an entry is placed even after its row was deleted or moved.
const char* const kEntriesOfUnits = " OR a.unit_id IN (SELECT id FROM sub)) ";

}  // namespace

namespace {
// The values a filter binds, kept alive while its statement runs.
struct Bound {
    explicit Bound(const AuditFilter& f)
        : table(f.table),
          user(f.user),
          since(f.since),
          root(f.unitId),
          upTo(f.upToId),
          row(f.rowId) {
        if (!f.until.empty()) {
            const auto day = Date::ParseIso(f.until);
            if (!day) throw std::invalid_argument("AuditFilter::until is not an ISO date");
            // Up to the end of that day: before the next one.
            until = day->AddDays(1).ToIso();
        }
    }
    std::string table, user, since, until;
    long long root, upTo, row;
};

// Binds the filter's values to the statement of Where().
void Bind(soci::details::prepare_temp_type& p, Bound& b) {
    p, soci::use(b.root, "root1"), soci::use(b.table, "table1"), soci::use(b.table, "table2"),
        soci::use(b.row, "row0"), soci::use(b.user, "user1"), soci::use(b.user, "user2"),
        soci::use(b.since, "since1"), soci::use(b.since, "since2"), soci::use(b.until, "until1"),
        soci::use(b.until, "until2"), soci::use(b.upTo, "upto1"), soci::use(b.upTo, "upto2"),
        soci::use(b.row, "row1"), soci::use(b.table, "rtable0"), soci::use(b.row, "row2"),
        soci::use(b.table, "rtable1"), soci::use(b.row, "row3"), soci::use(b.table, "rtable2"),
        soci::use(b.row, "row4"), soci::use(b.root, "root2");
}
}  // namespace

std::string AuditQuery::Where() const {
    return std::string(kWhere) + (detail::IsPostgres(s_) ? kEntriesOfUnits : kRowsOfUnits);
}

std::vector<AuditEntry> AuditQuery::Find(const AuditFilter& f) {
    Bound b(f);
    const std::string sql = std::string(kUnits) + kColumns + Where() + "ORDER BY a.id";
    soci::details::prepare_temp_type p = (s_.prepare << sql);
    Bind(p, b);
    std::vector<AuditEntry> out;
    soci::rowset<soci::row> rs(p);
    for (const auto& r : rs) {
        out.push_back(AuditEntryOf(r));
        if (f.limit > 0 && static_cast<long>(out.size()) >= f.limit) break;
    }
    return out;
}

std::int64_t AuditQuery::LastId() {
    long long id = 0;
    soci::indicator ind = soci::i_ok;
    s_ << "SELECT MAX(id) FROM audit_log", soci::into(id, ind);
    return ind == soci::i_ok ? static_cast<std::int64_t>(id) : 0;
}

long long AuditQuery::Count(const AuditFilter& f) {
    Bound b(f);
    const std::string sql = std::string(kUnits) + "SELECT COUNT(*) FROM audit_log a " + Where();
    long long n = 0;
    soci::details::prepare_temp_type p = (s_.prepare << sql);
    Bind(p, b);
    p, soci::into(n);
    soci::statement st(p);
    st.execute(true);
    return n;
}

std::vector<AuditEntry> AuditQuery::Window(const AuditFilter& f, long long offset, long count) {
    std::vector<AuditEntry> out;
    if (count <= 0 || offset < 0) return out;
    Bound b(f);
    long long limit = count, skip = offset;
    const std::string sql =
        std::string(kUnits) + kColumns + Where() + "ORDER BY a.id DESC LIMIT :lim OFFSET :skip";
    soci::details::prepare_temp_type p = (s_.prepare << sql);
    Bind(p, b);
    p, soci::use(limit, "lim"), soci::use(skip, "skip");
    soci::rowset<soci::row> rs(p);
    out.reserve(static_cast<std::size_t>(count));
    for (const auto& r : rs) out.push_back(AuditEntryOf(r));
    return out;
}

long long AuditQuery::Each(const AuditFilter& f, long chunk,
                           const std::function<bool(const std::vector<AuditEntry>&)>& take) {
    if (chunk <= 0) chunk = 1000;
    Bound b(f);
    // Each chunk starts after the last entry of the one before (the id is
    // the primary key: no entry read twice, none skipped, however long).
    const std::string sql =
        std::string(kUnits) + kColumns + Where() + "AND a.id > :after ORDER BY a.id LIMIT :lim";
    long long after = 0, limit = chunk, taken = 0;
    std::vector<AuditEntry> entries;
    for (;;) {
        entries.clear();
        long long last = after;
        {
            soci::details::prepare_temp_type p = (s_.prepare << sql);
            Bind(p, b);
            p, soci::use(after, "after"), soci::use(limit, "lim");
            soci::rowset<soci::row> rs(p);
            for (const auto& r : rs) {
                last = detail::Int(r, "entry_id");
                entries.push_back(AuditEntryOf(r));
            }
        }
        if (entries.empty()) break;
        taken += static_cast<long long>(entries.size());
        if (!take(entries)) break;
        if (static_cast<long>(entries.size()) < chunk) break;
        after = last;
    }
    return taken;
}

}  // namespace cchc::storage
