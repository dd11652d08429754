#include "services/reports/report_issue.h"

#include <variant>

#include "services/reports/report_archive.h"

namespace cchc::services {

std::string IssuerSymbolOf(const report::Document& doc, const std::string& kindSymbol) {
    for (const auto& section : doc.sections)
        for (const auto& block : section.blocks)
            if (const auto* header = std::get_if<report::HeaderBlock>(&block)) {
                const std::string marker = "/" + kindSymbol + "-";
                const auto at = header->number.find(marker);
                if (at == std::string::npos) return {};
                std::string symbol = header->number.substr(at + marker.size());
                while (!symbol.empty() && (symbol.back() == ' ' || symbol.back() == '\n'))
                    symbol.pop_back();
                return symbol;
            }
    return {};
}

IssuedReportRecord IssueBuiltReport(storage::Database& db, const std::string& user,
                                    const ReportRequest& request, const BuiltReport& built,
                                    const std::string& pdf) {
    IssueRequest r;
    r.reportType = request.type;
    r.unitId = built.unitId;
    r.period = request.period;
    r.planId = built.planId;
    r.issuerUnitId = built.issuerUnitId;
    r.year = built.year;
    r.number = built.number;
    r.issuerSymbol = IssuerSymbolOf(built.document, built.kindSymbol);
    r.issuedOn = request.issuedOn.value_or(Date::Today()).ToIso();
    r.title = built.title;
    r.parametersJson = built.parametersJson.empty() ? "{}" : built.parametersJson;
    return ReportArchive(db, user).Issue(r, pdf);
}

}  // namespace cchc::services
