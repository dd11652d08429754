#include "storage/audit_query.h"

#include <soci/soci.h>

#include <string>

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
    "a.new_value FROM audit_log a ";
const char* const kWhere =
    "WHERE (:table1 = '' OR a.table_name = :table2) "
    "AND (:user1 = '' OR a.user_login = :user2) "
    "AND (:since1 = '' OR a.at >= :since2) "
    "AND (:upto1 = 0 OR a.id <= :upto2) "
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

std::string AuditQuery::Where() const {
    return std::string(kWhere) + (detail::IsPostgres(s_) ? kEntriesOfUnits : kRowsOfUnits);
}

std::vector<AuditEntry> AuditQuery::Find(const AuditFilter& f) {
    long long root = f.unitId, upTo = f.upToId;
    const std::string sql = std::string(kUnits) + kColumns + Where() + "ORDER BY a.id";
    std::vector<AuditEntry> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << sql, soci::use(root, "root1"), soci::use(f.table, "table1"),
         soci::use(f.table, "table2"), soci::use(f.user, "user1"), soci::use(f.user, "user2"),
         soci::use(f.since, "since1"), soci::use(f.since, "since2"), soci::use(upTo, "upto1"),
         soci::use(upTo, "upto2"), soci::use(root, "root2"));
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
    long long root = f.unitId, upTo = f.upToId;
    const std::string sql = std::string(kUnits) + "SELECT COUNT(*) FROM audit_log a " + Where();
    long long n = 0;
    s_ << sql, soci::use(root, "root1"), soci::use(f.table, "table1"), soci::use(f.table, "table2"),
        soci::use(f.user, "user1"), soci::use(f.user, "user2"), soci::use(f.since, "since1"),
        soci::use(f.since, "since2"), soci::use(upTo, "upto1"), soci::use(upTo, "upto2"),
        soci::use(root, "root2"), soci::into(n);
    return n;
}

std::vector<AuditEntry> AuditQuery::Window(const AuditFilter& f, long long offset, long count) {
    std::vector<AuditEntry> out;
    if (count <= 0 || offset < 0) return out;
    long long root = f.unitId, upTo = f.upToId;
    long long limit = count, skip = offset;
    const std::string sql =
        std::string(kUnits) + kColumns + Where() + "ORDER BY a.id DESC LIMIT :lim OFFSET :skip";
    soci::rowset<soci::row> rs =
        (s_.prepare << sql, soci::use(root, "root1"), soci::use(f.table, "table1"),
         soci::use(f.table, "table2"), soci::use(f.user, "user1"), soci::use(f.user, "user2"),
         soci::use(f.since, "since1"), soci::use(f.since, "since2"), soci::use(upTo, "upto1"),
         soci::use(upTo, "upto2"), soci::use(root, "root2"), soci::use(limit, "lim"),
         soci::use(skip, "skip"));
    out.reserve(static_cast<std::size_t>(count));
    for (const auto& r : rs) out.push_back(AuditEntryOf(r));
    return out;
}

}  // namespace cchc::storage
