// The officer ratings report (reports/ratings.json): the one-stop officers'
// citizen ratings of the period, and on request an annex of the ratings one
// by one with the citizens' names.
#include <algorithm>
#include <map>

#include "core/vnformat.h"
#include "services/org/organisation.h"
#include "services/reports/report_parts.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/surveys.h"
#include "storage/report_data_repository.h"

namespace cchc::services::report_parts {

namespace {

// The officers with their ratings, position, unit, average per aspect and
// satisfied share; an asterisk (and anyBelow) for those with fewer ratings
// than the minimum.
report::Table OfficerTable(const ReportTemplate& t, OrganisationService& org,
                           const std::vector<SurveyOfficerRow>& rows,
                           std::map<std::string, Person>& people, int minCount, bool& anyBelow) {
    std::map<std::string, std::string> unitNames;
    for (const auto& u : org.Units()) unitNames[u.code] = u.name;
    report::Table table;
    table.sheetName = "Đánh giá cán bộ";
    table.sizePt = 10;
    table.columnWidths = {0.9, 2.4, 2.2, 1.9, 1.1, 1.0, 1.2, 1.2, 1.35};
    table.rows.push_back(HeaderRow(t.Lines("columns")));
    int no = 0;
    for (const auto& r : rows) {
        TableRow tr;
        tr.cells.push_back(Centered(++no));
        std::string name = r.name;
        if (r.ratings < minCount) {
            name += " *";
            anyBelow = true;
        }
        tr.cells.emplace_back(name);
        tr.cells.emplace_back(people.count(r.officer) ? people[r.officer].position : "");
        tr.cells.emplace_back(unitNames[r.unit]);
        tr.cells.push_back(TableCell::Integer(r.ratings));
        for (const auto& a : {r.attitude, r.handling, r.guidance})
            tr.cells.push_back(a ? TableCell::Decimal(*a, 2) : TableCell(""));
        tr.cells.push_back(PercentOf(r.satisfied, r.ratings));
        table.rows.push_back(tr);
    }
    return table;
}

// The ratings one by one with the citizens' names (asked for only), in a
// landscape annex.
void AddCitizenAnnex(const ReportTemplate& t, const TemplateVars& v,
                     const std::vector<storage::RatingLine>& lines, report::Document& doc) {
    auto& annex = doc.NewSection(report::Orientation::Landscape);
    annex.blocks.emplace_back(
        report::TitleBlock{t.Text("annex_type"), t.Lines("annex_summary", v)});
    report::Table lt;
    lt.sheetName = "Lượt đánh giá";
    lt.sizePt = 10;
    lt.columnWidths = {0.7, 1.6, 2.4, 3.6, 1.1, 2.4, 1.0, 1.0, 1.0};
    lt.rows.push_back(HeaderRow(t.Lines("annex_columns")));
    int k = 0;
    for (const auto& l : lines) {
        TableRow r;
        r.cells.push_back(Centered(++k));
        std::string when = l.ratedAt;
        if (auto d = Date::ParseIso(l.ratedAt.substr(0, 10)))
            when = FormatDate(*d) + " " + l.ratedAt.substr(11, 5);
        r.cells.push_back(TableCell(when).Aligned(Align::Center));
        r.cells.emplace_back(l.officer);
        r.cells.emplace_back(l.procedure);
        const std::string channelKey = "channel_" + l.channel;
        r.cells.push_back(
            TableCell(t.Has(channelKey) ? t.Text(channelKey) : l.channel).Aligned(Align::Center));
        r.cells.emplace_back(l.citizen);
        for (const auto& score : {l.attitude, l.handling, l.guidance})
            r.cells.push_back(score ? TableCell::Integer(*score).Aligned(Align::Center)
                                    : TableCell("-").Aligned(Align::Center));
        lt.rows.push_back(r);
    }
    annex.blocks.emplace_back(lt);
}

}  // namespace

BuiltReport BuildRatings(Context& c) {
    Prepare(c, true);
    storage::ReportDataRepository repo(c.db.session());
    OrganisationService org(c.db, c.req.user);
    const auto window = c.period->Window(org.ReportingWindow());
    std::optional<std::int64_t> unitId;
    if (c.unit && c.unit->id != c.office.unitId) unitId = c.unit->id;
    // The officers' summary as the Surveys area shows it: the same rule of a
    // satisfied rating, the same minimum of ratings before an officer is ranked.
    SurveyQuery q;
    q.period = c.period->ToString();
    q.user = c.req.user;
    if (unitId) q.unitCode = c.unit->code;
    const auto rows = SurveyByOfficer(c.db, q);
    const int minCount = std::max(1, LoadSurveySettings(c.db).minimumSample);
    std::map<std::string, Person> people;
    for (const auto& p : org.AllPeople()) people[p.code] = p;
    const auto& t = c.t;
    TemplateVars v = c.vars;
    BuiltReport b;
    const int number = Open(c, b, "ratings", "BC", v);
    auto& doc = b.document;
    long total = 0, satisfied = 0;
    for (const auto& r : rows) {
        total += r.ratings;
        satisfied += r.satisfied;
    }
    v["ratings"] = FormatInteger(total);
    v["satisfaction"] = PercentText(satisfied, total);
    v["min"] = std::to_string(minCount);
    if (rows.empty()) {
        doc.Add(Para(t.Text("none")));
    } else {
        doc.Add(Para(t.Text("overall", v)));
        doc.Add(report::Heading{2, t.Text("table_heading", v)});
        bool anyBelow = false;
        doc.Add(OfficerTable(t, org, rows, people, minCount, anyBelow));
        if (anyBelow) doc.Add(ItalicPara(t.Text("min_note", v)));
    }
    doc.Add(Para(t.Text("closing", v)));
    doc.Add(Signature(c, t.Lines("recipients")));
    if (c.req.showCitizens && !rows.empty())
        AddCitizenAnnex(t, v, repo.Ratings(window.first.ToIso(), window.last.ToIso(), unitId), doc);
    Finish(c, b, "BC", number);
    return b;
}

}  // namespace cchc::services::report_parts
