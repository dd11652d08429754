// The survey result notice (reports/survey.json): satisfaction per field of
// the period, the coverage rule and a chart. ReadSurvey and SurveyTable serve
// the quarterly report's survey table too.
#include <map>

#include "core/vnformat.h"
#include "services/reports/report_parts.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/surveys.h"
#include "storage/report_data_repository.h"

namespace cchc::services::report_parts {

SurveySummaryRows ReadSurvey(Context& c) {
    storage::ReportDataRepository repo(c.db.session());
    const auto months = c.period->Months();
    std::optional<std::int64_t> unitId;
    if (c.unit && c.unit->id != c.office.unitId) unitId = c.unit->id;
    SurveySummaryRows out;
    out.rows = repo.Tallies(months.front().ToString(), months.back().ToString(), unitId);
    // "Satisfied" as the surveys count it (the top two levels of five, the
    // top one of three), summed per field over the units.
    SurveyQuery q;
    q.period = c.period->ToString();
    q.user = c.req.user;
    if (unitId) q.unitCode = c.unit->code;
    std::map<std::string, long> satisfied;
    for (const auto& f : SurveyByField(c.db, q)) satisfied[f.fieldName] += f.satisfied;
    for (const auto& r : out.rows) {
        out.satisfied.push_back(satisfied[r.field]);
        out.totalSatisfied += satisfied[r.field];
        out.total.settled += r.settled;
        out.total.responses += r.responses;
        out.total.level5 += r.level5;
        out.total.level4 += r.level4;
        out.total.level3 += r.level3;
        out.total.level2 += r.level2;
        out.total.level1 += r.level1;
    }
    return out;
}

report::Table SurveyTable(const ReportTemplate& t, const SurveySummaryRows& s,
                          const std::vector<std::string>& columns) {
    report::Table table;
    table.sheetName = "Khảo sát";
    table.sizePt = 9.5;
    table.columnWidths = {0.8, 2.8, 1.1, 1.0, 1.1, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1};
    table.rows.push_back(HeaderRow(columns));
    auto add = [&](const storage::TallySumRow& r, long satisfied, TableRow row) {
        row.cells.push_back(TableCell::Integer(r.settled));
        row.cells.push_back(TableCell::Integer(r.responses));
        row.cells.push_back(PercentOf(r.responses, r.settled));
        for (long x : {r.level5, r.level4, r.level3, r.level2, r.level1})
            row.cells.push_back(TableCell::Integer(x));
        row.cells.push_back(PercentOf(satisfied, r.responses));
        table.rows.push_back(row);
    };
    int no = 0;
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        TableRow row;
        row.cells.push_back(Centered(++no));
        row.cells.emplace_back(s.rows[i].field);
        add(s.rows[i], s.satisfied[i], row);
    }
    TableRow total;
    total.bold = true;
    total.cells.push_back(TableCell(t.Text("total_row"), true).Span(1, 2).Aligned(Align::Center));
    add(s.total, s.totalSatisfied, total);
    return table;
}

// One row per commune: its dossiers settled, responses, coverage, satisfied
// and satisfaction, and its rank by satisfaction.
void AddUnitTable(Context& c, const TemplateVars& v, report::Document& doc) {
    const auto& t = c.t;
    SurveyQuery q;
    q.period = c.period->ToString();
    q.user = c.req.user;
    const auto units = SurveyByUnit(c.db, q);
    if (units.empty()) return;
    doc.Add(report::Heading{2, t.Text("units_heading", v)});
    report::Table table;
    table.sheetName = "Theo đơn vị";
    table.sizePt = 11;
    table.columnWidths = {0.8, 3.4, 1.4, 1.2, 1.3, 1.2, 1.3, 1.0};
    table.rows.push_back(HeaderRow(t.Lines("units_columns")));
    int no = 0;
    for (const auto& u : units) {
        TableRow r;
        r.cells.push_back(Centered(++no));
        r.cells.emplace_back(u.name);
        r.cells.push_back(TableCell::Integer(u.settled));
        r.cells.push_back(TableCell::Integer(u.responses));
        // The rates as the survey rules give them (core/survey_rules.h).
        auto rate = [](const std::optional<double>& percent) {
            return percent ? TableCell::Percent(*percent) : TableCell("-").Aligned(Align::Right);
        };
        r.cells.push_back(rate(u.coverage));
        r.cells.push_back(TableCell::Integer(u.satisfied));
        r.cells.push_back(rate(u.satisfaction));
        r.cells.push_back(u.rank ? Centered(*u.rank) : TableCell("").Aligned(Align::Center));
        table.rows.push_back(r);
    }
    doc.Add(table);
}

BuiltReport BuildSurvey(Context& c) {
    Prepare(c, true);
    auto survey = ReadSurvey(c);
    const auto& t = c.t;
    TemplateVars v = c.vars;
    BuiltReport b;
    const int number = Open(c, b, "survey", "TB", v);
    auto& doc = b.document;
    v["settled"] = FormatInteger(survey.total.settled);
    v["responses"] = FormatInteger(survey.total.responses);
    v["coverage"] = PercentText(survey.total.responses, survey.total.settled);
    v["satisfaction"] = PercentText(survey.totalSatisfied, survey.total.responses);
    if (survey.rows.empty()) {
        doc.Add(Para(t.Text("no_data")));
    } else {
        doc.Add(Para(t.Text("overall", v)));
        doc.Add(report::Heading{2, t.Text("table_heading", v)});
        doc.Add(SurveyTable(t, survey, t.Lines("columns")));
        doc.Add(report::Heading{2, t.Text("coverage_heading", v)});
        // The office's coverage rule (a ratio in Settings), as a percentage.
        const double threshold = 100.0 * LoadSurveySettings(c.db).coverageThreshold;
        v["threshold"] = FormatPercentTrim(threshold);
        doc.Add(Para(t.Text("coverage_rule", v)));
        std::vector<std::string> below;
        report::BarChart chart;
        chart.title = t.Text("chart", v);
        chart.maxValue = 100;
        for (std::size_t i = 0; i < survey.rows.size(); ++i) {
            const auto& r = survey.rows[i];
            if (r.settled > 0 && 100.0 * r.responses / r.settled <= threshold)
                below.push_back(r.field);
            if (r.responses > 0) {
                chart.labels.push_back(r.field);
                const double pct = 100.0 * survey.satisfied[i] / r.responses;
                chart.values.push_back(pct);
                chart.valueTexts.push_back(FormatPercent(pct));
            }
        }
        v["fields"] = Join(below, ", ");
        doc.Add(Para(below.empty() ? t.Text("coverage_ok", v) : t.Text("coverage_below", v)));
        if (!chart.labels.empty()) doc.Add(chart);
        // The office's notice: each commune's figures, ranked by satisfaction.
        if (!c.communeIssuer && !c.unit) AddUnitTable(c, v, doc);
    }
    // Who sends it says where it goes: a commune reports to the office and
    // posts it; the office sends it to the communes, not to itself.
    const bool office = !c.communeIssuer && t.Has("office_recipients");
    doc.Add(Para(t.Text(office ? "office_closing" : "closing", v)));
    doc.Add(Signature(c, t.Lines(office ? "office_recipients" : "recipients")));
    Finish(c, b, "TB", number);
    return b;
}

}  // namespace cchc::services::report_parts
