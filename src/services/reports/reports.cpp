// The printed documents of the office, built from the data services and
// worded from the templates of reports/ (report_templates.h): the types, and
// the dispatch to the builder of each type (report_parts.h).
#include "services/reports/reports.h"

#include "services/app/access_guard.h"
#include "storage/unit_repository.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "services/reports/report_parts.h"
#include "services/reports/report_templates.h"

namespace cchc::services {

std::vector<ReportTypeInfo> ReportTypes() {
    return {
        {"quarterly", tr("Quarterly CCHC report"), false, true},
        {"plan", tr("Remediation plan"), true, false},
        {"ranking", tr("Ranking and classification"), false, false},
        {"tasks", tr("Task status report"), false, false},
        {"survey", tr("Survey result notice"), false, false},
        {"assignments", tr("Indicator assignment table"), false, false},
        {"ratings", tr("Officer ratings"), false, false},
        {"qr-cards", tr("QR cards of the one-stop desk"), false, false},
    };
}

std::vector<NarrativeSectionInfo> NarrativeSections(const std::string& reportType) {
    std::vector<NarrativeSectionInfo> out;
    if (reportType != "quarterly") return out;
    for (const auto& s : ReportTemplate::Load(reportType).Sections({{"next_period_words", "..."}}))
        out.push_back({s.key, s.heading, s.hint, s.level, s.text});
    return out;
}

IssueRequest IssueRequestFor(const BuiltReport& built) {
    IssueRequest r;
    r.reportType = built.reportType;
    r.unitId = built.unitId;
    r.period = built.period;
    r.planId = built.planId;
    r.issuerUnitId = built.issuerUnitId;
    r.year = built.year;
    r.number = built.number;
    r.issuerSymbol = built.issuerSymbol;
    r.issuedOn = built.issuedOn;
    r.title = built.title;
    r.parametersJson = built.parametersJson;
    return r;
}

BuiltReport BuildReport(storage::Database& db, const ReportRequest& request) {
    const std::string& type = request.type;
    const auto types = ReportTypes();
    if (std::none_of(types.begin(), types.end(), [&](const auto& t) { return t.key == type; }))
        throw UserError(Location{"", 0, "type"},
                        fmt::format(fmt::runtime(tr("unknown report type \"{0}\" (quarterly, plan, "
                                                    "ranking, tasks, survey, assignments, ratings, "
                                                    "qr-cards)")),
                                    type));
    {
        AccessGuard guard(db, request.user);
        std::optional<std::int64_t> unitId;
        if (!request.unitCode.empty()) {
            if (auto unit = storage::UnitRepository(db.session()).ByCode(request.unitCode))
                unitId = unit->id;
            else
                guard.RefuseHiddenUnit(Action::PrintReports, request.unitCode);
        }
        // A report of the whole office is the office's: a commune's account
        // is refused it as it is refused the office's own unit (which the
        // server does not even show it).
        if (!unitId && request.unitCode.empty() && guard.ScopeUnit()) {
            for (const auto& u : storage::UnitRepository(db.session()).All())
                if (!u.parentId) {
                    unitId = u.id;
                    break;
                }
            if (!unitId) guard.Refuse(Action::PrintReports, std::nullopt);
        }
        if (unitId)
            guard.Require(Action::PrintReports, *unitId);
        else
            guard.Require(Action::PrintReports);
        if (request.showCitizens) {
            if (unitId)
                guard.Require(Action::SeeCitizenNames, *unitId);
            else
                guard.Require(Action::SeeCitizenNames);
        }
    }
    report_parts::Context c(db, request);
    if (type == "quarterly") return report_parts::BuildQuarterly(c);
    if (type == "plan") return report_parts::BuildPlan(c);
    if (type == "ranking") return report_parts::BuildRanking(c);
    if (type == "tasks") return report_parts::BuildTasks(c);
    if (type == "assignments") return report_parts::BuildAssignments(c);
    if (type == "survey") return report_parts::BuildSurvey(c);
    if (type == "ratings") return report_parts::BuildRatings(c);
    return report_parts::BuildQrCards(c);
}

}  // namespace cchc::services
