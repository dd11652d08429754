#include "services/app/audit_trail.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/date.h"
#include "core/i18n.h"
#include "core/vnformat.h"
#include "services/app/access_guard.h"
#include "services/io/table_io.h"
#include "storage/audit_query.h"
#include "storage/unit_repository.h"

namespace cchc::services {

namespace {

// A day of the filter, ISO or Vietnamese; nothing when empty.
std::optional<Date> DayOf(const std::string& text, const char* field) {
    if (text.empty()) return std::nullopt;
    auto day = Date::ParseIso(text);
    if (!day) day = Date::ParseVn(text);
    if (!day)
        throw UserError(Location{"", 0, field},
                        fmt::format(fmt::runtime(tr("not a date (write 2026-12-01 or "
                                                    "01/12/2026): {0}")),
                                    text));
    return day;
}

// The storage filter of what the user asked, once the account may read it.
storage::AuditFilter Checked(Database& db, const std::string& user, const AuditTrailFilter& in) {
    AccessGuard guard(db, user);
    storage::AuditFilter f;
    f.table = in.table;
    f.user = in.user;
    f.limit = in.limit;
    f.upToId = in.upToId;
    const auto since = DayOf(in.since, "since");
    const auto until = DayOf(in.until, "until");
    if (since) f.since = since->ToIso();
    if (until) f.until = until->ToIso();
    if (since && until && *until < *since)
        throw UserError(Location{"", 0, "until"},
                        fmt::format(fmt::runtime(tr("the last day {0} is before the first day "
                                                    "{1}")),
                                    FormatDate(*until), FormatDate(*since)));
    f.rowId = in.table.empty() ? 0 : in.rowId;
    if (!in.unitCode.empty()) {
        auto unit = storage::UnitRepository(db.session()).ByCode(in.unitCode);
        if (!unit) {
            guard.RefuseHiddenUnit(Action::ReadAudit, in.unitCode);
            throw UserError(Location{"", 0, "unit"},
                            std::string(tr("the unit does not exist: ")) + in.unitCode);
        }
        guard.Require(Action::ReadAudit, unit->id);
        f.unitId = unit->id;
    } else if (auto own = guard.ScopeUnit()) {
        guard.Require(Action::ReadAudit, *own);
        f.unitId = *own;
    } else {
        guard.Require(Action::ReadAudit);
    }
    return f;
}

std::vector<AuditTrailRow> RowsOf(std::vector<storage::AuditEntry> entries) {
    std::vector<AuditTrailRow> out;
    out.reserve(entries.size());
    for (auto& e : entries)
        out.push_back({std::move(e.at), std::move(e.user), std::move(e.table), e.rowId,
                       std::move(e.action), std::move(e.field), std::move(e.oldValue),
                       std::move(e.newValue)});
    return out;
}

}  // namespace

std::vector<AuditTrailRow> ReadAuditTrail(Database& db, const std::string& user,
                                          const AuditTrailFilter& in) {
    const storage::AuditFilter f = Checked(db, user, in);
    return RowsOf(storage::AuditQuery(db.session()).Find(f));
}

AuditTrailSize CountAuditTrail(Database& db, const std::string& user, const AuditTrailFilter& in) {
    storage::AuditFilter f = Checked(db, user, in);
    storage::AuditQuery query(db.session());
    AuditTrailSize size;
    size.upToId = f.upToId != 0 ? f.upToId : query.LastId();
    f.upToId = size.upToId;
    size.count = size.upToId == 0 ? 0 : query.Count(f);
    return size;
}

std::vector<AuditTrailRow> ReadAuditTrailWindow(Database& db, const std::string& user,
                                                const AuditTrailFilter& in, long long offset,
                                                long count) {
    const storage::AuditFilter f = Checked(db, user, in);
    return RowsOf(storage::AuditQuery(db.session()).Window(f, offset, count));
}

long ExportAuditTrail(Database& db, const std::string& user, const AuditTrailFilter& in,
                      const std::string& path, Progress* progress) {
    storage::AuditFilter f = Checked(db, user, in);
    storage::AuditQuery query(db.session());
    // What the filter selects now (or as counted): entries written while
    // the file is written are not in it.
    Step(progress, tr("Counting the changes"), -1);
    if (f.upToId == 0) f.upToId = query.LastId();
    const long long total = f.upToId == 0 ? 0 : query.Count(f);
    using tableio::ColumnType;
    const tableio::WriteOptions options{
        true,
        "audit",
        {ColumnType::Date, ColumnType::Text, ColumnType::Text, ColumnType::Integer,
         ColumnType::Text, ColumnType::Text, ColumnType::Text, ColumnType::Text}};
    auto w = tableio::TableWriter::Create(
        path, {"at", "user", "table", "row", "action", "field", "old", "new"}, options);
    std::vector<std::string> row(8);
    if (total > 0)
        query.Each(f, 1000, [&](const std::vector<storage::AuditEntry>& entries) {
            for (const auto& e : entries) {
                row[0] = e.at;
                row[1] = e.user;
                row[2] = e.table;
                row[3] = std::to_string(e.rowId);
                row[4] = e.action;
                row[5] = e.field;
                row[6] = e.oldValue.value_or("");
                row[7] = e.newValue.value_or("");
                w->Add(row);
            }
            Step(progress,
                 fmt::format(fmt::runtime(tr("Writing the changes: {0} of {1}")),
                             FormatInteger(w->Rows()), FormatInteger(total)),
                 std::min(1.0, static_cast<double>(w->Rows()) / static_cast<double>(total)));
            return true;
        });
    Step(progress, tr("Writing the file"), 1.0);
    w->Close();
    return w->Rows();
}

std::string AuditFieldLabel(const std::string& field) {
    // The columns people change and the settings' keys; others as stored.
    static const std::pair<const char*, const char*> kLabels[] = {
        {"code", N_("Code")},
        {"name", N_("Name")},
        {"kind", N_("Kind of unit")},
        {"parent_id", N_("Belongs to")},
        {"active", N_("In use")},
        {"place_name", N_("Place name")},
        {"header_parent", N_("Header: the body above")},
        {"header_name", N_("Header: the unit's name")},
        {"doc_symbol", N_("Document symbol")},
        {"sort_order", N_("Order in lists")},
        {"full_name", N_("Full name")},
        {"position", N_("Position")},
        {"unit_id", N_("Unit")},
        {"phone", N_("Telephone")},
        {"email", N_("E-mail")},
        {"one_stop_desk", N_("Works at the one-stop desk")},
        {"self_score", N_("Self-assessed score")},
        {"appraised_score", N_("Appraised score")},
        {"numerator", N_("Numerator")},
        {"denominator", N_("Denominator")},
        {"note", N_("Note")},
        {"appraisal_note", N_("Appraisal note")},
        {"status", N_("Status")},
        {"reopen_reason", N_("Reason for reopening")},
        {"score_overridden", N_("Score set by hand")},
        {"submitted_at", N_("Submitted on")},
        {"submitted_by", N_("Submitted by")},
        {"appraised_at", N_("Appraised on")},
        {"appraised_by", N_("Appraised by")},
        {"year", N_("Year")},
        {"number", N_("Number")},
        {"issued_on", N_("Issued on")},
        {"basis", N_("Basis")},
        {"summary", N_("Summary")},
        {"purpose", N_("Purpose")},
        {"requirements", N_("Requirements")},
        {"target", N_("Target")},
        {"target_text", N_("Target")},
        {"target_value", N_("Target value")},
        {"baseline_value", N_("Baseline")},
        {"baseline_points", N_("Points now")},
        {"solution", N_("Task")},
        {"lead_unit_id", N_("Lead unit")},
        {"lead_unit_text", N_("Lead unit")},
        {"lead_person_id", N_("Lead officer")},
        {"lead_person_text", N_("Lead officer")},
        {"coordinating_text", N_("Coordinating units")},
        {"start_on", N_("Start")},
        {"due_on", N_("Due")},
        {"due_year", N_("Due within the year")},
        {"time_text", N_("Time as written")},
        {"recurring", N_("Recurring")},
        {"percent_done", N_("Per cent done")},
        {"closed_on", N_("Closed on")},
        {"outcome", N_("Outcome")},
        {"reported_on", N_("Reported on")},
        {"period", N_("Period")},
        {"effect_verified", N_("Effect verified")},
        {"effect_note", N_("Effect")},
        {"effect_checked_on", N_("Effect checked on")},
        {"settled", N_("Settled")},
        {"responses", N_("Responses")},
        {"level1", N_("Level 1")},
        {"level2", N_("Level 2")},
        {"level3", N_("Level 3")},
        {"level4", N_("Level 4")},
        {"level5", N_("Level 5")},
        {"field_id", N_("Procedure field")},
        {"officer_id", N_("Officer")},
        {"channel", N_("Channel")},
        {"citizen", N_("Citizen")},
        {"rated_at", N_("Rated on")},
        {"title", N_("Title")},
        {"heading", N_("Heading")},
        {"body", N_("Text")},
        {"content", N_("Text")},
        {"file_name", N_("File name")},
        {"doc_number", N_("Document number")},
        {"doc_date", N_("Document date")},
        {"login", N_("Login")},
        {"role", N_("Role")},
        {"password_hash", N_("Password")},
        {"last_login_at", N_("Last login")},
        {"max_points", N_("Maximum points")},
        {"guidance", N_("Guidance")},
        {"signer_name", N_("Signer")},
        {"signer_title", N_("Signer's title")},
        {"office.unit_id", N_("The office's unit")},
        {"office.parent_body", N_("The body above the office")},
        {"office.issuing_body", N_("The issuing office")},
        {"office.place_name", N_("Place name of documents")},
        {"office.signer_name", N_("Signer")},
        {"office.signer_title", N_("Signer's title")},
        {"office.signer_authority", N_("Signing authority")},
        {"reporting.window", N_("Reporting window")},
        {"demo", N_("Demo data")},
    };
    for (const auto& [key, label] : kLabels)
        if (field == key) return tr(label);
    return field;
}

}  // namespace cchc::services
