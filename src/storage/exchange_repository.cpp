// Rows of offline exchange packages: see exchange_repository.h.
#include "storage/exchange_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "core/text.h"
#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {

// A table as exchanged: its columns, what a package for a unit (:u) reads
// of it, how a commune copy writes rows of it (a JSON array of arrays in
// the columns' order, :rows), and how a refresh empties it.
struct TableSpec {
    const char* table;
    std::vector<std::string> columns;
    const char* select;
    const char* insert;
    const char* clear;
};

// The unit's subtree is `scope`; the catalogue tables are read whole.
const std::vector<TableSpec>& Specs() {
    static const std::vector<TableSpec> specs = {
        {"units",
         {"id", "code", "name", "kind", "parent_id", "place_name", "header_parent", "header_name",
          "doc_symbol", "sort_order", "active", "version", "updated_at", "aliases"},
         "SELECT id, code, name, kind, parent_id, place_name, header_parent, header_name, "
         "doc_symbol, sort_order, active, version, updated_at, aliases FROM units ORDER BY id",
         "INSERT INTO units (id, code, name, kind, parent_id, place_name, header_parent, "
         "header_name, doc_symbol, sort_order, active, version, updated_at, aliases) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'), "
         "json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]'), "
         "json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, "
         "'$[11]'), json_extract(value, '$[12]'), json_extract(value, '$[13]') FROM "
         "json_each(:rows)",
         "DELETE FROM units"},
        {"people",
         {"id", "unit_id", "code", "full_name", "position", "phone", "email", "one_stop_desk",
          "active", "version", "updated_at"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, unit_id, code, full_name, "
         "position, phone, email, one_stop_desk, active, version, updated_at FROM people WHERE "
         "unit_id IN (SELECT id FROM scope) OR id IN (SELECT lead_person_id FROM tasks WHERE id "
         "IN (SELECT t.id FROM tasks t JOIN plan_items i ON i.id = t.item_id JOIN plans p ON "
         "p.id = i.plan_id WHERE p.unit_id IN (SELECT id FROM scope))) OR id IN (SELECT "
         "person_id FROM task_coordinators WHERE task_id IN (SELECT t.id FROM tasks t JOIN "
         "plan_items i ON i.id = t.item_id JOIN plans p ON p.id = i.plan_id WHERE p.unit_id IN "
         "(SELECT id FROM scope))) OR id IN (SELECT officer_id FROM ratings WHERE unit_id IN "
         "(SELECT id FROM scope)) ORDER BY id",
         "INSERT INTO people (id, unit_id, code, full_name, position, phone, email, "
         "one_stop_desk, active, version, updated_at) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
         "json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), "
         "json_extract(value, '$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), "
         "json_extract(value, '$[10]') FROM json_each(:rows)",
         "DELETE FROM people"},
        {"frameworks",
         {"id", "code", "name", "year", "kind", "status", "copied_from_id", "builtin",
          "description", "version", "created_at"},
         "SELECT id, code, name, year, kind, status, copied_from_id, builtin, description, "
         "version, created_at FROM frameworks ORDER BY id",
         "INSERT INTO frameworks (id, code, name, year, kind, status, copied_from_id, builtin, "
         "description, version, created_at) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
         "json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), "
         "json_extract(value, '$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), "
         "json_extract(value, '$[10]') FROM json_each(:rows)",
         "DELETE FROM frameworks"},
        {"framework_bands",
         {"id", "framework_id", "label", "min_percent", "sort_order"},
         "SELECT id, framework_id, label, min_percent, sort_order FROM framework_bands ORDER BY "
         "id",
         "INSERT INTO framework_bands (id, framework_id, label, min_percent, sort_order) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]'), json_extract(value, '$[4]') FROM json_each(:rows)",
         "DELETE FROM framework_bands"},
        {"criteria",
         {"id", "framework_id", "parent_id", "code", "title", "max_points", "sort_order", "rule",
          "target", "cap", "per_unit", "no_data", "evidence_required", "applies_to_communes",
          "guidance"},
         "SELECT id, framework_id, parent_id, code, title, max_points, sort_order, rule, target, "
         "cap, per_unit, no_data, evidence_required, applies_to_communes, guidance FROM criteria "
         "ORDER BY id",
         "INSERT INTO criteria (id, framework_id, parent_id, code, title, max_points, "
         "sort_order, rule, target, cap, per_unit, no_data, evidence_required, "
         "applies_to_communes, guidance) SELECT json_extract(value, '$[0]'), json_extract(value, "
         "'$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, "
         "'$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, "
         "'$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, "
         "'$[10]'), json_extract(value, '$[11]'), json_extract(value, '$[12]'), "
         "json_extract(value, '$[13]'), json_extract(value, '$[14]') FROM json_each(:rows)",
         "DELETE FROM criteria"},
        {"procedure_fields",
         {"id", "code", "name", "sort_order", "active", "aliases", "version"},
         "SELECT id, code, name, sort_order, active, aliases, version FROM procedure_fields "
         "ORDER BY id",
         "INSERT INTO procedure_fields (id, code, name, sort_order, active, aliases, version) "
         "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, "
         "'$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, "
         "'$[5]'), json_extract(value, '$[6]') FROM json_each(:rows)",
         "DELETE FROM procedure_fields"},
        {"rating_scales",
         {"id", "code", "name"},
         "SELECT id, code, name FROM rating_scales ORDER BY id",
         "INSERT INTO rating_scales (id, code, name) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(:rows)",
         "DELETE FROM rating_scales"},
        {"rating_scale_levels",
         {"scale_id", "value", "label", "counts_as_satisfied"},
         "SELECT scale_id, value, label, counts_as_satisfied FROM rating_scale_levels ORDER BY "
         "scale_id, value",
         "INSERT INTO rating_scale_levels (scale_id, value, label, counts_as_satisfied) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]') FROM json_each(:rows)",
         "DELETE FROM rating_scale_levels"},
        {"settings",
         {"key", "value", "version"},
         "SELECT key, value, version FROM settings ORDER BY key",
         "INSERT INTO settings (key, value, version) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(:rows)",
         "DELETE FROM settings"},
        {"plans",
         {"id",          "unit_id",      "framework_id",
          "kind",        "year",         "number",
          "issued_on",   "title",        "summary",
          "place_name",  "basis",        "preamble",
          "purpose",     "requirements", "content_heading",
          "content",     "organisation", "closing",
          "signer_name", "signer_title", "signer_authority",
          "recipients",  "status",       "version",
          "created_at",  "created_by",   "updated_at",
          "updated_by"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, unit_id, framework_id, "
         "kind, year, number, issued_on, title, summary, place_name, basis, preamble, purpose, "
         "requirements, content_heading, content, organisation, closing, signer_name, "
         "signer_title, signer_authority, recipients, status, version, created_at, created_by, "
         "updated_at, updated_by FROM plans WHERE unit_id IN (SELECT id FROM scope) ORDER BY id",
         "INSERT INTO plans (id, unit_id, framework_id, kind, year, number, issued_on, title, "
         "summary, place_name, basis, preamble, purpose, requirements, content_heading, content, "
         "organisation, closing, signer_name, signer_title, signer_authority, recipients, "
         "status, version, created_at, created_by, updated_at, updated_by) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'), "
         "json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]'), "
         "json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, "
         "'$[11]'), json_extract(value, '$[12]'), json_extract(value, '$[13]'), "
         "json_extract(value, '$[14]'), json_extract(value, '$[15]'), json_extract(value, "
         "'$[16]'), json_extract(value, '$[17]'), json_extract(value, '$[18]'), "
         "json_extract(value, '$[19]'), json_extract(value, '$[20]'), json_extract(value, "
         "'$[21]'), json_extract(value, '$[22]'), json_extract(value, '$[23]'), "
         "json_extract(value, '$[24]'), json_extract(value, '$[25]'), json_extract(value, "
         "'$[26]'), json_extract(value, '$[27]') FROM json_each(:rows)",
         "DELETE FROM plans"},
        {"plan_sections",
         {"id", "plan_id", "heading", "body", "sort_order"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, plan_id, heading, body, "
         "sort_order FROM plan_sections WHERE plan_id IN (SELECT id FROM plans WHERE unit_id IN "
         "(SELECT id FROM scope)) ORDER BY id",
         "INSERT INTO plan_sections (id, plan_id, heading, body, sort_order) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]'), json_extract(value, '$[4]') FROM json_each(:rows)",
         "DELETE FROM plan_sections"},
        {"plan_items",
         {"id", "plan_id", "criterion_id", "group_label", "group_title", "heading",
          "criterion_title", "target_text", "target_kind", "target_value", "baseline_value",
          "baseline_points", "sort_order", "effect_verified", "effect_checked_on", "effect_note",
          "version", "updated_at", "updated_by"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, plan_id, criterion_id, "
         "group_label, group_title, heading, criterion_title, target_text, target_kind, "
         "target_value, baseline_value, baseline_points, sort_order, effect_verified, "
         "effect_checked_on, effect_note, version, updated_at, updated_by FROM plan_items WHERE "
         "plan_id IN (SELECT id FROM plans WHERE unit_id IN (SELECT id FROM scope)) ORDER BY id",
         "INSERT INTO plan_items (id, plan_id, criterion_id, group_label, group_title, heading, "
         "criterion_title, target_text, target_kind, target_value, baseline_value, "
         "baseline_points, sort_order, effect_verified, effect_checked_on, effect_note, version, "
         "updated_at, updated_by) SELECT json_extract(value, '$[0]'), json_extract(value, "
         "'$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, "
         "'$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, "
         "'$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, "
         "'$[10]'), json_extract(value, '$[11]'), json_extract(value, '$[12]'), "
         "json_extract(value, '$[13]'), json_extract(value, '$[14]'), json_extract(value, "
         "'$[15]'), json_extract(value, '$[16]'), json_extract(value, '$[17]'), "
         "json_extract(value, '$[18]') FROM json_each(:rows)",
         "DELETE FROM plan_items"},
        {"tasks",
         {"id",
          "item_id",
          "solution",
          "lead_unit_id",
          "lead_unit_text",
          "lead_person_id",
          "lead_person_text",
          "start_on",
          "due_on",
          "due_year",
          "recurring",
          "time_text",
          "status",
          "percent_done",
          "outcome",
          "closed_on",
          "change_note",
          "sort_order",
          "version",
          "created_at",
          "updated_at",
          "updated_by",
          "due_date"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, item_id, solution, "
         "lead_unit_id, lead_unit_text, lead_person_id, lead_person_text, start_on, due_on, "
         "due_year, recurring, time_text, status, percent_done, outcome, closed_on, change_note, "
         "sort_order, version, created_at, updated_at, updated_by, due_date FROM tasks WHERE "
         "item_id IN (SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE "
         "p.unit_id IN (SELECT id FROM scope)) ORDER BY id",
         "INSERT INTO tasks (id, item_id, solution, lead_unit_id, lead_unit_text, "
         "lead_person_id, lead_person_text, start_on, due_on, due_year, recurring, time_text, "
         "status, percent_done, outcome, closed_on, change_note, sort_order, version, "
         "created_at, updated_at, updated_by, due_date) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
         "json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), "
         "json_extract(value, '$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), "
         "json_extract(value, '$[10]'), json_extract(value, '$[11]'), json_extract(value, "
         "'$[12]'), json_extract(value, '$[13]'), json_extract(value, '$[14]'), "
         "json_extract(value, '$[15]'), json_extract(value, '$[16]'), json_extract(value, "
         "'$[17]'), json_extract(value, '$[18]'), json_extract(value, '$[19]'), "
         "json_extract(value, '$[20]'), json_extract(value, '$[21]'), json_extract(value, "
         "'$[22]') FROM json_each(:rows)",
         "DELETE FROM tasks"},
        {"task_coordinators",
         {"task_id", "sort_order", "unit_id", "person_id", "text"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT task_id, sort_order, unit_id, "
         "person_id, text FROM task_coordinators WHERE task_id IN (SELECT t.id FROM tasks t JOIN "
         "plan_items i ON i.id = t.item_id JOIN plans p ON p.id = i.plan_id WHERE p.unit_id IN "
         "(SELECT id FROM scope)) ORDER BY task_id, sort_order",
         "INSERT INTO task_coordinators (task_id, sort_order, unit_id, person_id, text) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]'), json_extract(value, '$[4]') FROM json_each(:rows)",
         "DELETE FROM task_coordinators"},
        {"progress_updates",
         {"id", "task_id", "period", "reported_on", "status", "percent_done", "note", "created_at",
          "created_by"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, task_id, period, "
         "reported_on, status, percent_done, note, created_at, created_by FROM progress_updates "
         "WHERE task_id IN (SELECT t.id FROM tasks t JOIN plan_items i ON i.id = t.item_id JOIN "
         "plans p ON p.id = i.plan_id WHERE p.unit_id IN (SELECT id FROM scope)) ORDER BY id",
         "INSERT INTO progress_updates (id, task_id, period, reported_on, status, percent_done, "
         "note, created_at, created_by) SELECT json_extract(value, '$[0]'), json_extract(value, "
         "'$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, "
         "'$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, "
         "'$[7]'), json_extract(value, '$[8]') FROM json_each(:rows)",
         "DELETE FROM progress_updates"},
        {"result_sets",
         {"id", "unit_id", "framework_id", "period", "status", "submitted_at", "submitted_by",
          "appraised_at", "appraised_by", "reopen_reason", "self_points", "self_max",
          "appraised_points", "appraised_max", "totals_fresh", "version", "updated_at",
          "updated_by"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, unit_id, framework_id, "
         "period, status, submitted_at, submitted_by, appraised_at, appraised_by, reopen_reason, "
         "self_points, self_max, appraised_points, appraised_max, totals_fresh, version, "
         "updated_at, updated_by FROM result_sets WHERE unit_id IN (SELECT id FROM scope) ORDER "
         "BY id",
         "INSERT INTO result_sets (id, unit_id, framework_id, period, status, submitted_at, "
         "submitted_by, appraised_at, appraised_by, reopen_reason, self_points, self_max, "
         "appraised_points, appraised_max, totals_fresh, version, updated_at, updated_by) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'), "
         "json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]'), "
         "json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, "
         "'$[11]'), json_extract(value, '$[12]'), json_extract(value, '$[13]'), "
         "json_extract(value, '$[14]'), json_extract(value, '$[15]'), json_extract(value, "
         "'$[16]'), json_extract(value, '$[17]') FROM json_each(:rows)",
         "DELETE FROM result_sets"},
        {"results",
         {"id",           "unit_id",         "criterion_id", "period",
          "self_score",   "appraised_score", "numerator",    "denominator",
          "note",         "appraisal_note",  "status",       "score_overridden",
          "source",       "submitted_at",    "submitted_by", "appraised_at",
          "appraised_by", "reopen_reason",   "version",      "updated_at",
          "updated_by"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, unit_id, criterion_id, "
         "period, self_score, appraised_score, numerator, denominator, note, appraisal_note, "
         "status, score_overridden, source, submitted_at, submitted_by, appraised_at, "
         "appraised_by, reopen_reason, version, updated_at, updated_by FROM results WHERE "
         "unit_id IN (SELECT id FROM scope) ORDER BY id",
         "INSERT INTO results (id, unit_id, criterion_id, period, self_score, appraised_score, "
         "numerator, denominator, note, appraisal_note, status, score_overridden, source, "
         "submitted_at, submitted_by, appraised_at, appraised_by, reopen_reason, version, "
         "updated_at, updated_by) SELECT json_extract(value, '$[0]'), json_extract(value, "
         "'$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, "
         "'$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, "
         "'$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, "
         "'$[10]'), json_extract(value, '$[11]'), json_extract(value, '$[12]'), "
         "json_extract(value, '$[13]'), json_extract(value, '$[14]'), json_extract(value, "
         "'$[15]'), json_extract(value, '$[16]'), json_extract(value, '$[17]'), "
         "json_extract(value, '$[18]'), json_extract(value, '$[19]'), json_extract(value, "
         "'$[20]') FROM json_each(:rows)",
         "DELETE FROM results"},
        {"survey_tallies",
         {"id", "unit_id", "period", "field_id", "scale_id", "settled", "responses", "level5",
          "level4", "level3", "level2", "level1", "source", "version", "updated_at", "updated_by"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, unit_id, period, field_id, "
         "scale_id, settled, responses, level5, level4, level3, level2, level1, source, version, "
         "updated_at, updated_by FROM survey_tallies WHERE unit_id IN (SELECT id FROM scope) "
         "ORDER BY id",
         "INSERT INTO survey_tallies (id, unit_id, period, field_id, scale_id, settled, "
         "responses, level5, level4, level3, level2, level1, source, version, updated_at, "
         "updated_by) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
         "json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]'), "
         "json_extract(value, '$[5]'), json_extract(value, '$[6]'), json_extract(value, '$[7]'), "
         "json_extract(value, '$[8]'), json_extract(value, '$[9]'), json_extract(value, "
         "'$[10]'), json_extract(value, '$[11]'), json_extract(value, '$[12]'), "
         "json_extract(value, '$[13]'), json_extract(value, '$[14]'), json_extract(value, "
         "'$[15]') FROM json_each(:rows)",
         "DELETE FROM survey_tallies"},
        {"dossier_stats",
         {"id", "unit_id", "period", "field_id", "received_total", "received_online",
          "received_direct", "carried_over", "settled_total", "settled_early", "settled_on_time",
          "settled_late", "pending_total", "pending_in_time", "pending_overdue", "source",
          "version", "updated_at", "updated_by"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, unit_id, period, field_id, "
         "received_total, received_online, received_direct, carried_over, settled_total, "
         "settled_early, settled_on_time, settled_late, pending_total, pending_in_time, "
         "pending_overdue, source, version, updated_at, updated_by FROM dossier_stats WHERE "
         "unit_id IN (SELECT id FROM scope) ORDER BY id",
         "INSERT INTO dossier_stats (id, unit_id, period, field_id, received_total, "
         "received_online, received_direct, carried_over, settled_total, settled_early, "
         "settled_on_time, settled_late, pending_total, pending_in_time, pending_overdue, "
         "source, version, updated_at, updated_by) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
         "json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), "
         "json_extract(value, '$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), "
         "json_extract(value, '$[10]'), json_extract(value, '$[11]'), json_extract(value, "
         "'$[12]'), json_extract(value, '$[13]'), json_extract(value, '$[14]'), "
         "json_extract(value, '$[15]'), json_extract(value, '$[16]'), json_extract(value, "
         "'$[17]'), json_extract(value, '$[18]') FROM json_each(:rows)",
         "DELETE FROM dossier_stats"},
        {"report_narratives",
         {"id", "unit_id", "period", "report_type", "section_key", "body", "version", "updated_at",
          "updated_by"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id "
         "FROM units u JOIN scope s ON u.parent_id = s.id) SELECT id, unit_id, period, "
         "report_type, section_key, body, version, updated_at, updated_by FROM report_narratives "
         "WHERE unit_id IN (SELECT id FROM scope) ORDER BY id",
         "INSERT INTO report_narratives (id, unit_id, period, report_type, section_key, body, "
         "version, updated_at, updated_by) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
         "json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), "
         "json_extract(value, '$[7]'), json_extract(value, '$[8]') FROM json_each(:rows)",
         "DELETE FROM report_narratives"},
        {"rating_aspects",
         {"id", "code", "name", "sort_order", "active"},
         "SELECT id, code, name, sort_order, active FROM rating_aspects ORDER BY id",
         "INSERT INTO rating_aspects (id, code, name, sort_order, active) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]'), json_extract(value, '$[4]') FROM json_each(:rows)",
         "DELETE FROM rating_aspects"},
        {"evidence",
         {"id", "unit_id", "doc_number", "doc_date", "issuer", "title", "note", "file_name",
          "mime_type", "sha256", "size_bytes", "created_at", "created_by", "version"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id FROM "
         "units u JOIN scope s ON u.parent_id = s.id) SELECT id, unit_id, doc_number, doc_date, "
         "issuer, title, note, file_name, mime_type, sha256, size_bytes, created_at, created_by, "
         "version FROM evidence WHERE unit_id IN (SELECT id FROM scope) ORDER BY id",
         "INSERT INTO evidence (id, unit_id, doc_number, doc_date, issuer, title, note, file_name, "
         "mime_type, sha256, size_bytes, created_at, created_by, version) SELECT "
         "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
         "json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'), "
         "json_extract(value, '$[6]'), json_extract(value, '$[7]'), json_extract(value, '$[8]'), "
         "json_extract(value, '$[9]'), json_extract(value, '$[10]'), json_extract(value, '$[11]'), "
         "json_extract(value, '$[12]'), json_extract(value, '$[13]') FROM json_each(:rows)",
         "DELETE FROM evidence"},
        {"result_evidence",
         {"result_id", "evidence_id"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id FROM "
         "units u JOIN scope s ON u.parent_id = s.id) SELECT result_id, evidence_id FROM "
         "result_evidence WHERE result_id IN (SELECT id FROM results WHERE unit_id IN (SELECT id "
         "FROM scope)) AND evidence_id IN (SELECT id FROM evidence WHERE unit_id IN (SELECT id "
         "FROM scope)) ORDER BY result_id, evidence_id",
         "INSERT INTO result_evidence (result_id, evidence_id) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]') FROM json_each(:rows)",
         "DELETE FROM result_evidence"},
        {"progress_evidence",
         {"update_id", "evidence_id"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id FROM "
         "units u JOIN scope s ON u.parent_id = s.id) SELECT update_id, evidence_id FROM "
         "progress_evidence WHERE update_id IN (SELECT id FROM progress_updates WHERE task_id IN "
         "(SELECT t.id FROM tasks t JOIN plan_items i ON i.id = t.item_id JOIN plans p ON p.id = "
         "i.plan_id WHERE p.unit_id IN (SELECT id FROM scope))) AND evidence_id IN (SELECT id FROM "
         "evidence WHERE unit_id IN (SELECT id FROM scope)) ORDER BY update_id, evidence_id",
         "INSERT INTO progress_evidence (update_id, evidence_id) SELECT json_extract(value, "
         "'$[0]'), json_extract(value, '$[1]') FROM json_each(:rows)",
         "DELETE FROM progress_evidence"},
        {"ratings",
         {"id", "rated_at", "unit_id", "officer_id", "procedure", "channel", "citizen", "attitude",
          "handling", "guidance", "low_score"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id FROM "
         "units u JOIN scope s ON u.parent_id = s.id) SELECT id, rated_at, unit_id, officer_id, "
         "procedure, channel, citizen, attitude, handling, guidance, low_score FROM ratings WHERE "
         "unit_id IN (SELECT id FROM scope) ORDER BY id",
         "INSERT INTO ratings (id, rated_at, unit_id, officer_id, procedure, channel, citizen, "
         "attitude, handling, guidance, low_score) SELECT json_extract(value, '$[0]'), "
         "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), "
         "json_extract(value, '$[4]'), json_extract(value, '$[5]'), json_extract(value, '$[6]'), "
         "json_extract(value, '$[7]'), json_extract(value, '$[8]'), json_extract(value, '$[9]'), "
         "json_extract(value, '$[10]') FROM json_each(:rows)",
         "DELETE FROM ratings"},
        {"rating_extra_scores",
         {"rating_id", "aspect_id", "score"},
         "WITH RECURSIVE scope (id) AS (SELECT id FROM units WHERE id = :u UNION SELECT u.id FROM "
         "units u JOIN scope s ON u.parent_id = s.id) SELECT rating_id, aspect_id, score FROM "
         "rating_extra_scores WHERE rating_id IN (SELECT id FROM ratings WHERE unit_id IN (SELECT "
         "id FROM scope)) ORDER BY rating_id, aspect_id",
         "INSERT INTO rating_extra_scores (rating_id, aspect_id, score) SELECT json_extract(value, "
         "'$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(:rows)",
         "DELETE FROM rating_extra_scores"},

    };
    return specs;
}

const TableSpec& SpecOf(const std::string& table) {
    for (const auto& s : Specs())
        if (table == s.table) return s;
    throw std::invalid_argument("not an exchanged table: " + table);
}

// The shortest text that reads back as the same double.
std::string RealText(double d) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, r.ptr);
}

ExchangeValue CellText(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_string:
        case soci::dt_xml:
        case soci::dt_blob:
            return r.get<std::string>(i);
        case soci::dt_double:
            return RealText(r.get<double>(i));
        case soci::dt_integer:
            return std::to_string(r.get<int>(i));
        case soci::dt_long_long:
            return std::to_string(r.get<long long>(i));
        case soci::dt_unsigned_long_long:
            return std::to_string(r.get<unsigned long long>(i));
        case soci::dt_date: {
            std::tm t = r.get<std::tm>(i);
            char buf[96];
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.tm_year + 1900,
                          t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
            return std::string(buf);
        }
    }
    return std::nullopt;
}

long long Int64(const soci::row& r, std::size_t i) {
    ExchangeValue v = CellText(r, i);
    return v ? std::stoll(*v) : 0;
}

std::optional<std::int64_t> OptInt64(const soci::row& r, std::size_t i) {
    ExchangeValue v = CellText(r, i);
    if (!v) return std::nullopt;
    return std::stoll(*v);
}

ExchangeValue OptText(const soci::row& r, std::size_t i) { return CellText(r, i); }

}  // namespace

const std::vector<std::string>& ExchangeTables() {
    static const std::vector<std::string> tables = [] {
        std::vector<std::string> t;
        for (const auto& s : Specs()) t.push_back(s.table);
        return t;
    }();
    return tables;
}

const std::vector<std::string>& ExchangeColumns(const std::string& table) {
    static const std::vector<std::string> none;
    for (const auto& s : Specs())
        if (table == s.table) return s.columns;
    return none;
}

const std::vector<std::string>& ExchangeKeyColumns(const std::string& table) {
    static const std::map<std::string, std::vector<std::string>> keys = {
        {"rating_scale_levels", {"scale_id", "value"}},
        {"settings", {"key"}},
        {"task_coordinators", {"task_id", "sort_order"}},
        {"result_evidence", {"result_id", "evidence_id"}},
        {"progress_evidence", {"update_id", "evidence_id"}},
        {"rating_extra_scores", {"rating_id", "aspect_id"}}};
    static const std::vector<std::string> id = {"id"};
    auto it = keys.find(table);
    return it == keys.end() ? id : it->second;
}

bool ExchangeRepository::Available() {
    int version = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(version) FROM schema_version", soci::into(version, ind);
    return ind == soci::i_ok && version >= 19;
}

ExchangeRows ExchangeRepository::ReadForUnit(const std::string& table, std::int64_t unitId) {
    const TableSpec& spec = SpecOf(table);
    ExchangeRows out;
    out.table = spec.table;
    out.columns = spec.columns;
    long long u = unitId;
    const bool scoped = std::string(spec.select).find(":u") != std::string::npos;
    soci::rowset<soci::row> rs =
        scoped ? (s_.prepare << spec.select, soci::use(u, "u")) : (s_.prepare << spec.select);
    for (const soci::row& r : rs) {
        ExchangeRow row;
        row.reserve(r.size());
        for (std::size_t i = 0; i < r.size(); ++i) row.push_back(CellText(r, i));
        out.rows.push_back(std::move(row));
    }
    return out;
}

void ExchangeRepository::InsertRows(const ExchangeRows& rows) {
    const TableSpec& spec = SpecOf(rows.table);
    // Where each of the table's columns is in the rows given.
    std::vector<int> from(spec.columns.size(), -1);
    for (std::size_t c = 0; c < spec.columns.size(); ++c)
        for (std::size_t g = 0; g < rows.columns.size(); ++g)
            if (rows.columns[g] == spec.columns[c]) from[c] = static_cast<int>(g);
    constexpr std::size_t kChunk = 2000;
    for (std::size_t start = 0; start < rows.rows.size(); start += kChunk) {
        std::string json = "[";
        const std::size_t end = std::min(rows.rows.size(), start + kChunk);
        for (std::size_t r = start; r < end; ++r) {
            if (r > start) json += ',';
            json += '[';
            for (std::size_t c = 0; c < from.size(); ++c) {
                if (c) json += ',';
                const ExchangeRow& row = rows.rows[r];
                if (from[c] < 0 || from[c] >= static_cast<int>(row.size()) || !row[from[c]])
                    json += "null";
                else
                    json += JsonQuoted(*row[from[c]]);
            }
            json += ']';
        }
        json += ']';
        s_ << spec.insert, soci::use(json, "rows");
    }
}

void ExchangeRepository::DeleteAll(const std::string& table) { s_ << SpecOf(table).clear; }

void ExchangeRepository::DeferForeignKeys() {
    if (!IsPostgres(s_)) s_ << "PRAGMA defer_foreign_keys = ON";
}

std::optional<ExchangeSelf> ExchangeRepository::Self() {
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT role, office_id, public_key, secret_key, unit_id, office_key, "
                       "base_seq, sent_seq, return_token FROM exchange_self WHERE id = 1");
    for (const soci::row& r : rs) {
        ExchangeSelf e;
        e.role = r.get<std::string>(0);
        e.officeId = r.get<std::string>(1);
        e.publicKey = r.get<std::string>(2);
        e.secretKey = r.get<std::string>(3);
        e.unitId = OptInt64(r, 4);
        e.officeKey = r.get<std::string>(5);
        e.baseSeq = static_cast<int>(Int64(r, 6));
        e.sentSeq = static_cast<int>(Int64(r, 7));
        e.returnToken = r.get<std::string>(8);
        return e;
    }
    return std::nullopt;
}

void ExchangeRepository::SaveSelf(const ExchangeSelf& e) {
    Nullable<long long> unit(e.unitId ? std::optional<long long>(*e.unitId) : std::nullopt);
    std::string now = NowIso();
    int n = 0;
    s_ << "SELECT COUNT(*) FROM exchange_self WHERE id = 1", soci::into(n);
    if (n == 0)
        s_ << "INSERT INTO exchange_self (id, role, office_id, public_key, secret_key, unit_id, "
              "office_key, base_seq, sent_seq, return_token, created_at) VALUES (1, :r, :o, :p, "
              ":s, :u, :k, :b, :t, :rt, :now)",
            soci::use(e.role), soci::use(e.officeId), soci::use(e.publicKey),
            soci::use(e.secretKey), soci::use(unit.value, unit.ind), soci::use(e.officeKey),
            soci::use(e.baseSeq), soci::use(e.sentSeq), soci::use(e.returnToken), soci::use(now);
    else
        s_ << "UPDATE exchange_self SET role = :r, office_id = :o, public_key = :p, secret_key = "
              ":s, unit_id = :u, office_key = :k, base_seq = :b, sent_seq = :t, return_token = "
              ":rt WHERE id = 1",
            soci::use(e.role), soci::use(e.officeId), soci::use(e.publicKey),
            soci::use(e.secretKey), soci::use(unit.value, unit.ind), soci::use(e.officeKey),
            soci::use(e.baseSeq), soci::use(e.sentSeq), soci::use(e.returnToken);
}

namespace {
constexpr const char* kUnitColumns =
    "SELECT unit_id, out_seq, out_at, return_token, commune_key, in_seq, in_sha256, in_at, ack_seq "
    "FROM exchange_units";

ExchangeUnit UnitOf(const soci::row& r) {
    ExchangeUnit u;
    u.unitId = Int64(r, 0);
    u.outSeq = static_cast<int>(Int64(r, 1));
    u.outAt = OptText(r, 2);
    u.returnToken = r.get<std::string>(3);
    u.communeKey = r.get<std::string>(4);
    u.inSeq = static_cast<int>(Int64(r, 5));
    u.inSha256 = r.get<std::string>(6);
    u.inAt = OptText(r, 7);
    u.ackSeq = static_cast<int>(Int64(r, 8));
    return u;
}
}  // namespace

std::optional<ExchangeUnit> ExchangeRepository::Unit(std::int64_t unitId) {
    long long id = unitId;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT unit_id, out_seq, out_at, return_token, commune_key, in_seq, "
                       "in_sha256, in_at, ack_seq FROM exchange_units WHERE unit_id = :u",
         soci::use(id));
    for (const soci::row& r : rs) return UnitOf(r);
    return std::nullopt;
}

std::vector<ExchangeUnit> ExchangeRepository::Units() {
    std::vector<ExchangeUnit> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT unit_id, out_seq, out_at, return_token, commune_key, in_seq, "
                       "in_sha256, in_at, ack_seq FROM exchange_units ORDER BY unit_id");
    for (const soci::row& r : rs) out.push_back(UnitOf(r));
    return out;
}

void ExchangeRepository::SaveUnit(const ExchangeUnit& u) {
    long long id = u.unitId;
    Nullable<std::string> outAt(u.outAt), inAt(u.inAt);
    int n = 0;
    s_ << "SELECT COUNT(*) FROM exchange_units WHERE unit_id = :u", soci::use(id), soci::into(n);
    if (n == 0)
        s_ << "INSERT INTO exchange_units (unit_id, out_seq, out_at, return_token, commune_key, "
              "in_seq, in_sha256, in_at, ack_seq) VALUES (:u, :o, :oa, :rt, :ck, :i, :is, :ia, :a)",
            soci::use(id), soci::use(u.outSeq), soci::use(outAt.value, outAt.ind),
            soci::use(u.returnToken), soci::use(u.communeKey), soci::use(u.inSeq),
            soci::use(u.inSha256), soci::use(inAt.value, inAt.ind), soci::use(u.ackSeq);
    else
        s_ << "UPDATE exchange_units SET out_seq = :o, out_at = :oa, return_token = :rt, "
              "commune_key = :ck, in_seq = :i, in_sha256 = :is, in_at = :ia, ack_seq = :a WHERE "
              "unit_id = :u",
            soci::use(u.outSeq), soci::use(outAt.value, outAt.ind), soci::use(u.returnToken),
            soci::use(u.communeKey), soci::use(u.inSeq), soci::use(u.inSha256),
            soci::use(inAt.value, inAt.ind), soci::use(u.ackSeq), soci::use(id);
}

std::map<int, std::string> ExchangeRepository::Sent(std::int64_t unitId, int fromSeq) {
    long long id = unitId;
    std::map<int, std::string> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT seq, hashes FROM exchange_sent WHERE unit_id = :u AND seq >= :s "
                       "ORDER BY seq",
         soci::use(id), soci::use(fromSeq));
    for (const soci::row& r : rs) out[static_cast<int>(Int64(r, 0))] = r.get<std::string>(1);
    return out;
}

void ExchangeRepository::RecordSent(std::int64_t unitId, int seq, const std::string& hashes) {
    long long id = unitId;
    s_ << "INSERT INTO exchange_sent (unit_id, seq, hashes) VALUES (:u, :s, :h)", soci::use(id),
        soci::use(seq), soci::use(hashes);
}

void ExchangeRepository::ForgetSentBefore(std::int64_t unitId, int seq) {
    long long id = unitId;
    s_ << "DELETE FROM exchange_sent WHERE unit_id = :u AND seq < :s", soci::use(id),
        soci::use(seq);
}

std::optional<std::string> ExchangeRepository::Received() {
    std::string text;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT received FROM exchange_self WHERE id = 1", soci::into(text, ind);
    if (!s_.got_data() || ind != soci::i_ok) return std::nullopt;
    return text;
}

void ExchangeRepository::SaveReceived(const std::string& data) {
    s_ << "UPDATE exchange_self SET received = :d WHERE id = 1", soci::use(data);
}

std::map<std::int64_t, ExchangeRepository::BaseRow> ExchangeRepository::Base(
    const std::string& table) {
    std::map<std::int64_t, BaseRow> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT row_id, data, origin FROM exchange_base WHERE table_name = :t",
         soci::use(table));
    for (const soci::row& r : rs)
        out[Int64(r, 0)] = BaseRow{r.get<std::string>(1), r.get<std::string>(2) == "commune"};
    return out;
}

void ExchangeRepository::ReplaceBase(const std::string& table,
                                     const std::map<std::int64_t, BaseRow>& rows) {
    s_ << "DELETE FROM exchange_base WHERE table_name = :t", soci::use(table);
    if (rows.empty()) return;
    std::vector<std::string> tables, data, origin;
    std::vector<long long> ids;
    for (const auto& [id, row] : rows) {
        tables.push_back(table);
        ids.push_back(id);
        data.push_back(row.data);
        origin.push_back(row.madeHere ? "commune" : "office");
    }
    s_ << "INSERT INTO exchange_base (table_name, row_id, data, origin) VALUES (:t, :r, :d, :o)",
        soci::use(tables), soci::use(ids), soci::use(data), soci::use(origin);
}

std::optional<std::int64_t> ExchangeRepository::OfficeIdOf(std::int64_t unitId,
                                                           const std::string& table,
                                                           std::int64_t communeId) {
    long long u = unitId, c = communeId, id = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT office_id FROM exchange_ids WHERE unit_id = :u AND table_name = :t AND "
          "commune_id = :c",
        soci::use(u), soci::use(table), soci::use(c), soci::into(id, ind);
    if (!s_.got_data() || ind != soci::i_ok) return std::nullopt;
    return id;
}

void ExchangeRepository::MapId(std::int64_t unitId, const std::string& table,
                               std::int64_t communeId, std::int64_t officeId) {
    long long u = unitId, c = communeId, o = officeId;
    s_ << "INSERT INTO exchange_ids (unit_id, table_name, commune_id, office_id) VALUES (:u, :t, "
          ":c, :o)",
        soci::use(u), soci::use(table), soci::use(c), soci::use(o);
}

std::int64_t ExchangeRepository::AddConflict(const ExchangeConflict& c) {
    long long unit = c.unitId, row = c.rowId, id = 0;
    Nullable<std::string> base(c.base), office(c.office), commune(c.commune);
    std::string now = NowIso();
    s_ << "INSERT INTO exchange_conflicts (unit_id, package_seq, table_name, row_id, row_key, "
          "field, base, office, commune, state, created_at) VALUES (:u, :p, :t, :r, :k, :f, :b, "
          ":o, :c, 'open', :now) RETURNING id",
        soci::use(unit), soci::use(c.packageSeq), soci::use(c.table), soci::use(row),
        soci::use(c.rowKey), soci::use(c.field), soci::use(base.value, base.ind),
        soci::use(office.value, office.ind), soci::use(commune.value, commune.ind), soci::use(now),
        soci::into(id);
    return id;
}

namespace {
ExchangeConflict ConflictOf(const soci::row& r) {
    ExchangeConflict c;
    c.id = Int64(r, 0);
    c.unitId = Int64(r, 1);
    c.packageSeq = static_cast<int>(Int64(r, 2));
    c.table = r.get<std::string>(3);
    c.rowId = Int64(r, 4);
    c.rowKey = r.get<std::string>(5);
    c.field = r.get<std::string>(6);
    c.base = OptText(r, 7);
    c.office = OptText(r, 8);
    c.commune = OptText(r, 9);
    c.state = r.get<std::string>(10);
    c.createdAt = r.get<std::string>(11);
    c.resolvedBy = OptText(r, 12);
    c.resolvedAt = OptText(r, 13);
    return c;
}
}  // namespace

std::vector<ExchangeConflict> ExchangeRepository::Conflicts(bool openOnly) {
    std::vector<ExchangeConflict> out;
    int all = openOnly ? 0 : 1;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, unit_id, package_seq, table_name, row_id, row_key, field, base, "
                       "office, commune, state, created_at, resolved_by, resolved_at FROM "
                       "exchange_conflicts WHERE state = 'open' OR :all = 1 ORDER BY id",
         soci::use(all));
    for (const soci::row& r : rs) out.push_back(ConflictOf(r));
    return out;
}

std::optional<ExchangeConflict> ExchangeRepository::Conflict(std::int64_t id) {
    long long i = id;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, unit_id, package_seq, table_name, row_id, row_key, field, base, "
                       "office, commune, state, created_at, resolved_by, resolved_at FROM "
                       "exchange_conflicts WHERE id = :id",
         soci::use(i));
    for (const soci::row& r : rs) return ConflictOf(r);
    return std::nullopt;
}

void ExchangeRepository::Resolve(std::int64_t id, const std::string& state,
                                 const std::string& user) {
    long long i = id;
    std::string now = NowIso();
    s_ << "UPDATE exchange_conflicts SET state = :s, resolved_by = :by, resolved_at = :now WHERE "
          "id = :id",
        soci::use(state), soci::use(user), soci::use(now), soci::use(i);
}

void ExchangeRepository::RecordPackage(std::int64_t unitId, const std::string& direction, int seq,
                                       const std::string& fileName, const std::string& sha256,
                                       long long size, const std::string& status,
                                       const std::string& user) {
    long long unit = unitId;
    std::string now = NowIso();
    Nullable<std::string> applied(status == "applied" ? std::optional<std::string>(now)
                                                      : std::nullopt);
    s_ << "INSERT INTO exchange_packages (unit_id, direction, seq, file_name, sha256, size_bytes, "
          "status, created_at, created_by, applied_at) VALUES (:u, :d, :q, :f, :h, :z, :s, :now, "
          ":by, :a)",
        soci::use(unit), soci::use(direction), soci::use(seq), soci::use(fileName),
        soci::use(sha256), soci::use(size), soci::use(status), soci::use(now), soci::use(user),
        soci::use(applied.value, applied.ind);
}

}  // namespace cchc::storage
