// Ranking and classification (reports/ranking.json): the units ranked on a
// framework's results, the count per band, the table and a chart of the
// units. RankTable serves the quarterly report's index table too.
#include <algorithm>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/reports/report_parts.h"

namespace cchc::services::report_parts {

report::Table RankTable(const ReportTemplate& t, const std::vector<RankRow>& rows,
                        const std::string& columnsKey, bool withCode) {
    report::Table table;
    table.sheetName = "Xếp hạng";
    table.sizePt = 11;
    auto cols = t.Lines(columnsKey);  // the template's headings, with or without "Mã"
    cols.resize(withCode ? 8 : 7);
    table.rows.push_back(HeaderRow(cols));
    table.columnWidths = withCode ? std::vector<double>{0.9, 2.4, 3.4, 1.2, 1.2, 1.2, 1.4, 1.6}
                                  : std::vector<double>{0.9, 3.4, 1.2, 1.2, 1.2, 1.4, 1.4};
    for (const auto& r : rows) {
        TableRow tr;
        if (r.rank > 0)
            tr.cells.push_back(Centered(r.rank));
        else  // not known (a commune's rank among all, not reckoned yet)
            tr.cells.push_back(TableCell("-").Aligned(Align::Center));
        if (withCode) tr.cells.emplace_back(r.unit);
        tr.cells.emplace_back(r.name);
        tr.cells.push_back(TableCell::Decimal(r.total, 2));
        tr.cells.push_back(TableCell::Decimal(r.max, 2));
        tr.cells.push_back(TableCell::Percent(r.percent, 2));
        tr.cells.push_back(TableCell(r.band).Aligned(Align::Center));
        if (r.change) {
            TableCell ch = TableCell::Decimal(*r.change, 2);
            if (*r.change > 0) ch.runs.front().text = "+" + ch.runs.front().text;
            if (!r.formedFrom.empty()) ch.runs.front().text += "*";
            tr.cells.push_back(ch);
        } else {
            tr.cells.push_back(TableCell("-").Aligned(Align::Center));
        }
        table.rows.push_back(tr);
    }
    return table;
}

std::vector<report::Block> FormedFromNotes(const std::vector<RankRow>& rows,
                                           const std::string& period) {
    std::vector<report::Block> out;
    const auto p = Period::Parse(period);
    std::string before = p ? p->Previous().Label() : period;
    // "Năm 2024" inside a sentence: "năm 2024".
    if (!before.empty() && before[0] >= 'A' && before[0] <= 'Z') before[0] = char(before[0] + 32);
    report::Table table;
    table.sizePt = 11;
    table.columnWidths = {3.0, 7.0};
    table.rows.push_back(
        HeaderRow({tr("Unit"), tr("The units it was formed from (their combined results)")}));
    for (const auto& r : rows) {
        if (r.formedFrom.empty()) continue;
        const std::string names = JoinTexts(r.formedFrom);
        TableRow row;
        row.cells.emplace_back(r.name);
        row.cells.emplace_back(names);
        table.rows.push_back(std::move(row));
    }
    if (table.rows.size() < 2) return out;
    report::Paragraph lead(
        fmt::format(fmt::runtime(tr("(*) A unit formed by the reorganisation is compared with "
                                    "the combined results ({0}) of the units it was formed "
                                    "from:")),
                    before));
    lead.runs.front().italic = true;
    out.emplace_back(std::move(lead));
    out.emplace_back(std::move(table));
    return out;
}

namespace {

// The period of the results ranked: the report's own when the framework has
// results for it, else the latest year with results up to the report's year.
std::string RankingPeriod(Context& c, const std::string& code) {
    std::string year =
        c.period->kind() == PeriodKind::Year ? c.period->ToString() : LatestYear(c, code);
    auto periods = ResultPeriods(c.db, code);
    if (std::find(periods.begin(), periods.end(), c.period->ToString()) != periods.end())
        year = c.period->ToString();
    else if (year.empty() || std::find(periods.begin(), periods.end(), year) == periods.end())
        year = LatestYear(c, code);
    if (year.empty())
        throw UserError(
            Location{"", 0, "period"},
            fmt::format(fmt::runtime(tr("no results on {0} up to {1}")), code, c.period->year()));
    return year;
}

}  // namespace

BuiltReport BuildRanking(Context& c) {
    Prepare(c, true);
    auto [code, name] = ChooseFramework(c);
    if (code.empty())
        throw UserError(Location{"", 0, "framework"}, tr("no framework has results to rank"));
    const std::string year = RankingPeriod(c, code);
    auto rows = RankUnits(c.db, code, year, true, c.req.user);
    const auto& t = c.t;
    TemplateVars v = c.vars;
    v["framework"] = name;
    v["result_period"] = year;
    v["count"] = FormatInteger(static_cast<long long>(rows.size()));
    BuiltReport b;
    const int number = Open(c, b, "ranking", "BC", v);
    auto& doc = b.document;
    if (!rows.empty()) {
        double sum = 0;
        for (const auto& r : rows) sum += r.percent;
        v["average"] = FormatPercent(sum / rows.size());
        v["best"] = rows.front().name;
        v["best_percent"] = FormatPercent(rows.front().percent);
        v["worst"] = rows.back().name;
        v["worst_percent"] = FormatPercent(rows.back().percent);
        doc.Add(Para(t.Text("summary_sentence", v)));
    }
    doc.Add(report::Heading{1, UpperVi(t.Text("bands_heading"))});
    report::BarChart bands;
    bands.title = t.Text("chart_bands");
    for (const auto& band : BandLabels(c.db, code)) {
        long n = std::count_if(rows.begin(), rows.end(),
                               [&](const RankRow& r) { return r.band == band; });
        TemplateVars bv{{"band", band},
                        {"n", FormatInteger(n)},
                        {"percent", PercentText(n, static_cast<double>(rows.size()))}};
        report::Paragraph p(t.Text("band_line", bv));
        doc.Add(p);
        bands.labels.push_back(band);
        bands.values.push_back(static_cast<double>(n));
        bands.valueTexts.push_back(FormatInteger(n));
    }
    if (!bands.labels.empty()) doc.Add(bands);
    doc.Add(Para(t.Text("closing", v)));
    doc.Add(Signature(c, t.Lines("recipients")));
    // The ranking itself: an annex of the report, by its number and date.
    auto& sec =
        AddAnnexHead(c, doc, report::Orientation::Landscape, NumberText(c, number, "BC"), v);
    sec.blocks.emplace_back(RankTable(t, rows, "columns", true));
    for (auto& note : FormedFromNotes(rows, year)) sec.blocks.emplace_back(std::move(note));
    if (!rows.empty() && rows.size() <= 40) {
        report::BarChart chart;
        chart.title = t.Text("chart_units", v);
        chart.maxValue = 100;
        chart.barHeightMm = 4;
        for (const auto& r : rows) {
            chart.labels.push_back(r.name);
            chart.values.push_back(r.percent);
            chart.valueTexts.push_back(FormatPercent(r.percent));
        }
        auto& sec2 = doc.NewSection(report::Orientation::Portrait);
        sec2.blocks.emplace_back(chart);
    }
    Finish(c, b, "BC", number);
    return b;
}

}  // namespace cchc::services::report_parts
