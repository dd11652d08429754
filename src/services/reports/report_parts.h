// The builders of the printed reports (internal to the services), one file
// each, named after its template in reports/: quarterly_report.cpp,
// plan_report.cpp, ranking_report.cpp, tasks_report.cpp,
// assignments_report.cpp, survey_report.cpp, ratings_report.cpp and
// qr_cards_report.cpp. BuildReport (reports.cpp) dispatches to them.
#pragma once
#include <string>
#include <vector>

#include "services/reports/report_context.h"
#include "services/results/results.h"
#include "storage/report_data_repository.h"

namespace cchc::services::report_parts {

BuiltReport BuildQuarterly(Context& c);
BuiltReport BuildPlan(Context& c);
BuiltReport BuildRanking(Context& c);
BuiltReport BuildTasks(Context& c);
BuiltReport BuildAssignments(Context& c);
BuiltReport BuildSurvey(Context& c);
BuiltReport BuildRatings(Context& c);
BuiltReport BuildQrCards(Context& c);

// ---------------------------------------------------------------- shared parts

// The ranking table (ranking_report.cpp; the quarterly report's index table
// too): the template's column headings under columnsKey, with or without the
// units' codes.
report::Table RankTable(const ReportTemplate& t, const std::vector<RankRow>& rows,
                        const std::string& columnsKey, bool withCode);
// What follows it when units formed since the last period are ranked
// (their change marked "*"): a sentence and a table of the former units
// each is compared with; nothing otherwise.
std::vector<report::Block> FormedFromNotes(const std::vector<RankRow>& rows,
                                           const std::string& period);

// Satisfaction tallies of the period per field (survey notice and the
// quarterly report's survey table; survey_report.cpp).
struct SurveySummaryRows {
    std::vector<storage::TallySumRow> rows;
    std::vector<long> satisfied;  // per row, by the survey rule of its scale
    storage::TallySumRow total;
    long totalSatisfied = 0;
};

SurveySummaryRows ReadSurvey(Context& c);

report::Table SurveyTable(const ReportTemplate& t, const SurveySummaryRows& s,
                          const std::vector<std::string>& columns);

}  // namespace cchc::services::report_parts
