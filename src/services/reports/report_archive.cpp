#include "services/reports/report_archive.h"

#include "services/app/access_guard.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "services/reports/reports.h"
#include "services/results/result_sheet.h"
#include "storage/report_repository.h"
#include "storage/settings_repository.h"

namespace cchc::services {

namespace {
const char* const kTypes[] = {"quarterly", "plan",        "ranking", "tasks",
                              "survey",    "assignments", "ratings", "qr-cards"};
bool KnownType(const std::string& t) {
    for (const char* k : kTypes)
        if (t == k) return true;
    return false;
}

UserError NumberTakenError(const std::string& numberText) {
    return UserError(
        Location{"", 0, "number"},
        fmt::format(fmt::runtime(tr("number {0} has just been used by another document: preview "
                                    "the report again to get a new number, then issue it")),
                    numberText));
}

IssuedReportRecord FromStorage(storage::IssuedReportRecord x) {
    IssuedReportRecord r;
    r.id = x.id;
    r.reportType = std::move(x.reportType);
    r.unitId = x.unitId;
    r.period = std::move(x.period);
    r.planId = x.planId;
    r.issuerUnitId = x.issuerUnitId;
    r.number = x.number;
    r.numberText = std::move(x.numberText);
    r.kindSymbol = std::move(x.kindSymbol);
    r.year = x.year;
    r.issuedOn = std::move(x.issuedOn);
    r.title = std::move(x.title);
    r.parametersJson = std::move(x.parametersJson);
    r.status = std::move(x.status);
    r.sha256 = std::move(x.sha256);
    r.sizeBytes = x.sizeBytes;
    r.createdAt = std::move(x.createdAt);
    r.createdBy = std::move(x.createdBy);
    return r;
}
}  // namespace

std::string KindSymbolOf(const std::string& reportType) {
    if (reportType == "plan") return "KH";
    if (reportType == "survey") return "TB";
    return "BC";
}

ReportArchive::ReportArchive(storage::Database& db, std::string user)
    : db_(db), user_(std::move(user)) {}

std::map<std::string, std::string> ReportArchive::Narratives(std::int64_t unitId,
                                                             const std::string& period,
                                                             const std::string& reportType) {
    return storage::ReportRepository(db_.session()).Narratives(unitId, period, reportType);
}

void ReportArchive::SaveNarratives(std::int64_t unitId, const std::string& period,
                                   const std::string& reportType,
                                   const std::map<std::string, std::string>& sections) {
    AccessGuard(db_, user_).Require(Action::DraftReports, unitId);
    if (!Period::Parse(period))
        throw UserError(Location{"", 0, "period"},
                        fmt::format(fmt::runtime(tr("\"{0}\" is not a period")), period));
    if (!KnownType(reportType))
        throw UserError(Location{"", 0, "type"},
                        fmt::format(fmt::runtime(tr("unknown report type \"{0}\"")), reportType));
    storage::Transaction tx(db_);
    storage::ReportRepository reports(db_.session());
    for (const auto& [key, body] : sections)
        reports.SaveNarrative(unitId, period, reportType, key, body, user_);
    tx.Commit();
}

NarrativeConflict::NarrativeConflict(std::string record, std::vector<FieldConflict> fields,
                                     std::map<std::string, NarrativeText> stored)
    : EditConflict(std::move(record), std::move(fields), 0), stored_(std::move(stored)) {}

std::map<std::string, NarrativeText> ReportArchive::NarrativeTexts(std::int64_t unitId,
                                                                   const std::string& period,
                                                                   const std::string& reportType) {
    std::map<std::string, NarrativeText> out;
    for (auto& [key, text] :
         storage::ReportRepository(db_.session()).NarrativeVersions(unitId, period, reportType))
        out[key] = {std::move(text.first), text.second};
    return out;
}

std::map<std::string, NarrativeText> ReportArchive::SaveNarrativeTexts(
    std::int64_t unitId, const std::string& period, const std::string& reportType,
    const std::map<std::string, NarrativeText>& sections) {
    AccessGuard(db_, user_).Require(Action::DraftReports, unitId);
    if (!Period::Parse(period))
        throw UserError(Location{"", 0, "period"},
                        fmt::format(fmt::runtime(tr("\"{0}\" is not a period")), period));
    if (!KnownType(reportType))
        throw UserError(Location{"", 0, "type"},
                        fmt::format(fmt::runtime(tr("unknown report type \"{0}\"")), reportType));
    std::map<std::string, std::string> headings;
    for (const auto& s : NarrativeSections(reportType)) headings[s.key] = s.heading;
    for (int attempt = 1;; ++attempt) {
        storage::Transaction tx(db_);
        storage::ReportRepository reports(db_.session());
        const auto stored = NarrativeTexts(unitId, period, reportType);
        auto fields = NarrativeConflicts(sections, stored, headings);
        if (!fields.empty())
            throw NarrativeConflict(tr("the text of the report"), std::move(fields), stored);
        storage::AuditRepository audit(db_.session());
        bool lost = false;
        for (const auto& [key, mine] : sections) {
            auto s = stored.find(key);
            const NarrativeText now = s == stored.end() ? NarrativeText{} : s->second;
            if (now.body == mine.body) continue;
            if (!reports.SaveNarrativeAt(unitId, period, reportType, key, mine.body, now.version,
                                         user_)) {
                lost = true;  // saved by another desk since it was read above
                break;
            }
            audit.Record({"", user_, "report_narratives", unitId,
                          now.version == 0 ? "insert" : "update",
                          period + " " + reportType + " " + key,
                          now.version == 0 ? std::nullopt : std::optional<std::string>(now.body),
                          mine.body});
        }
        if (lost) {
            if (attempt == 3)
                throw UserError(tr("another desk is saving the same text: save again"));
            continue;  // rolled back; read again
        }
        tx.Commit();
        return NarrativeTexts(unitId, period, reportType);
    }
}

int ReportArchive::ProposeNumber(std::int64_t issuerUnitId, const std::string& reportType,
                                 int year) {
    return storage::ReportRepository(db_.session())
        .NextNumber(issuerUnitId, KindSymbolOf(reportType), year);
}

IssuedReportRecord ReportArchive::Issue(const IssueRequest& r, const std::string& pdf) {
    AccessGuard(db_, user_).Require(Action::IssueReports, r.issuerUnitId);
    if (!KnownType(r.reportType))
        throw UserError(Location{"", 0, "type"},
                        fmt::format(fmt::runtime(tr("unknown report type \"{0}\"")), r.reportType));
    if (pdf.empty())
        throw UserError(Location{"", 0, "pdf"}, tr("the report has no pages to issue"));
    if (r.number < 0)
        throw UserError(Location{"", 0, "number"}, tr("the document number must be positive"));
    storage::IssuedReportRecord x;
    x.reportType = r.reportType;
    x.unitId = r.unitId;
    x.period = r.period;
    x.planId = r.planId;
    x.issuerUnitId = r.issuerUnitId;
    x.kindSymbol = KindSymbolOf(r.reportType);
    x.year = r.year;
    if (r.number > 0) x.number = r.number;
    // "Số: 05/BC-UBND" without its "Số: ".
    std::string text = FormatDocNumber(r.number, x.kindSymbol, r.issuerSymbol);
    const std::string prefix = "Số: ";
    if (text.rfind(prefix, 0) == 0) text = text.substr(prefix.size());
    x.numberText = text;
    x.issuedOn = r.issuedOn;
    x.title = r.title;
    x.parametersJson = r.parametersJson;
    x.sha256 = Sha256Hex(pdf);
    x.sizeBytes = static_cast<long long>(pdf.size());
    x.createdBy = user_;

    storage::Transaction tx(db_);
    storage::ReportRepository reports(db_.session());
    // The number printed in the PDF must still be free when it is archived:
    // another desk may have issued a document under it since the preview.
    reports.LockNumbers();
    if (r.number > 0 && reports.NumberTaken(r.issuerUnitId, x.kindSymbol, r.year, r.number))
        throw NumberTakenError(x.numberText);
    x.id = reports.Insert(x, pdf);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "issued_reports", x.id, "insert", "number_text", std::nullopt,
                 x.numberText});
    tx.Commit();
    return FromStorage(*reports.Find(x.id));
}

std::vector<IssuedReportRecord> ReportArchive::List(const std::optional<std::string>& reportType,
                                                    const std::optional<std::int64_t>& unitId) {
    // A commune's account reads the reports of its units (of the unit the
    // report is about, else of its issuer), as the server shows them.
    AccessGuard guard(db_, user_);
    guard.Require(Action::ReadData);
    std::vector<IssuedReportRecord> out;
    for (auto& x : storage::ReportRepository(db_.session()).List(reportType, unitId))
        if (guard.InScope(x.unitId.value_or(x.issuerUnitId)))
            out.push_back(FromStorage(std::move(x)));
    return out;
}

std::string ReportArchive::Reprint(std::int64_t id) {
    AccessGuard guard(db_, user_);
    storage::ReportRepository reports(db_.session());
    auto x = reports.Find(id);
    if (!x) throw UserError(tr("the issued report no longer exists"));
    guard.Require(Action::PrintReports, x->unitId.value_or(x->issuerUnitId));
    std::string pdf = reports.Pdf(id);
    if (Sha256Hex(pdf) != x->sha256)
        throw UserError(tr("the archived file of this report does not match its fingerprint"));
    return pdf;
}

void ReportArchive::Revoke(std::int64_t id) {
    AccessGuard guard(db_, user_);
    if (auto x = storage::ReportRepository(db_.session()).Find(id))
        guard.Require(Action::RevokeReports, x->issuerUnitId);
    else
        guard.Require(Action::RevokeReports);
    storage::Transaction tx(db_);
    storage::ReportRepository(db_.session()).SetStatus(id, "revoked");
    storage::AuditRepository(db_.session())
        .Record({"", user_, "issued_reports", id, "update", "status", "issued", "revoked"});
    tx.Commit();
}

}  // namespace cchc::services
