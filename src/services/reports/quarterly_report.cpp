// The quarterly CCHC report (reports/quarterly.json): the clerk's narrative
// sections, with the tables the template places in them (tasks, index,
// dossiers of form II.06a, survey).
#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/dossier_rules.h"
#include "core/i18n.h"
#include "core/programme_areas.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/org/organisation.h"
#include "services/plans/task_board.h"
#include "services/reports/report_archive.h"
#include "services/reports/report_parts.h"
#include "services/reports/reports.h"
#include "storage/dossier_repository.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"
#include "storage/report_data_repository.h"
#include "storage/report_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services::report_parts {

namespace {

// The numbers of a section's sub-headings, one per table added: "1.",
// "2." under a part (I., II.), "a)", "b)" under a section of a part.
struct Numbering {
    int n = 0;
    int level = 1;  // of the section the tables are in
    int HeadingLevel() const { return level + 1; }
    // Sets vars' "n" (1, a) and "number" (1., a)) to the next one.
    void Next(TemplateVars& v) {
        ++n;
        if (level >= 2) {
            v["n"] = std::string(1, static_cast<char>('a' + (n - 1) % 26));
            v["number"] = v["n"] + ")";
        } else {
            v["n"] = std::to_string(n);
            v["number"] = v["n"] + ".";
        }
    }
};

// The tasks' counts per commune (one row for a commune's own report; a total
// row when there are several), nothing when there are no tasks; counted by
// the database.
void AddTaskCountTable(const ReportTemplate& t, Context& c, TaskBoard& board, const TaskFilter& all,
                       const TaskCounts& total, report::Section& s) {
    const auto byUnit = board.CountsByUnit(all);
    report::Table table;
    table.sheetName = "Nhiệm vụ";
    table.columnWidths = {0.9, 3.2, 1.2, 1.2, 1.2, 1.2, 1.0, 1.0, 1.4};
    table.sizePt = 11;
    table.rows.push_back(HeaderRow(t.Lines("tasks_columns")));
    int no = 0;
    // Communes in the board's order (by their code).
    std::vector<Unit> order;
    for (auto& u : storage::UnitRepository(c.db.session()).All())
        if (byUnit.count(u.id)) order.push_back(std::move(u));
    std::sort(order.begin(), order.end(),
              [](const Unit& a, const Unit& b) { return a.code < b.code; });
    for (const Unit& u : order) {
        const auto& k = byUnit.at(u.id);
        TableRow r;
        r.cells.push_back(Centered(++no));
        r.cells.emplace_back(u.name);
        r.cells.push_back(TableCell::Integer(k.Total()));
        r.cells.push_back(TableCell::Integer(k.done));
        r.cells.push_back(TableCell::Integer(k.inProgress));
        r.cells.push_back(TableCell::Integer(k.notStarted));
        r.cells.push_back(TableCell::Integer(k.cancelled));
        r.cells.push_back(TableCell::Integer(k.overdue));
        r.cells.push_back(PercentOf(k.done, k.Total() - k.cancelled));
        table.rows.push_back(r);
    }
    if (order.size() > 1) {
        TableRow r;
        r.bold = true;
        r.cells.push_back(TableCell(t.Text("total_row"), true).Span(1, 2).Aligned(Align::Center));
        r.cells.push_back(TableCell::Integer(total.Total()));
        r.cells.push_back(TableCell::Integer(total.done));
        r.cells.push_back(TableCell::Integer(total.inProgress));
        r.cells.push_back(TableCell::Integer(total.notStarted));
        r.cells.push_back(TableCell::Integer(total.cancelled));
        r.cells.push_back(TableCell::Integer(total.overdue));
        r.cells.push_back(PercentOf(total.done, total.Total() - total.cancelled));
        table.rows.push_back(r);
    }
    if (!order.empty()) s.blocks.emplace_back(table);
}

// A commune's report: each task with the progress reported for the period.
void AddProgressTable(Context& c, TaskBoard& board, const TaskFilter& all, report::Section& s) {
    const auto& t = c.t;
    storage::PlanRepository plans(c.db.session());
    const Period& period = *c.period;
    auto within = [&](const std::string& text) {
        auto p = Period::Parse(text);
        return p && p->year() == period.year() && p->FirstMonth() >= period.FirstMonth() &&
               p->LastMonth() <= period.LastMonth();
    };
    s.blocks.emplace_back(Para(t.Text("progress_sentence", c.vars)));
    report::Table pt;
    pt.sheetName = "Tiến độ nhiệm vụ";
    pt.columnWidths = {0.9, 4.6, 1.0, 1.8, 1.1, 3.4};
    pt.sizePt = 11;
    pt.rows.push_back(HeaderRow(t.Lines("progress_columns")));
    int k = 0;
    board.ForEach(all, {}, [&](const BoardTask& task) {
        std::string note;
        for (const auto& u : plans.UpdatesOf(task.row.taskId))
            if (within(u.period) && !u.note.empty()) note = u.note;  // the latest of the period
        TableRow r;
        r.cells.push_back(Centered(++k));
        r.cells.emplace_back(task.row.solution);
        r.cells.push_back(TableCell(task.row.criterion).Aligned(Align::Center));
        const std::string key = std::string("status_") + TaskStatusKey(task.row.status);
        r.cells.emplace_back(t.Has(key) ? t.Text(key) : TaskStatusLabel(task.row.status));
        r.cells.push_back(TableCell::Percent(task.row.percentDone, 0));
        r.cells.emplace_back(note);
        pt.rows.push_back(r);
    });
    s.blocks.emplace_back(pt);
}

// The overdue tasks by name (a sentence when there are none).
void AddOverdueTable(const ReportTemplate& t, TaskBoard& board, const TaskFilter& all,
                     report::Section& s) {
    TaskFilter overdue = all;
    overdue.overdue = true;
    // Listed one by one up to a limit (a province has thousands): beyond
    // it, their number and where the list is.
    const long count = board.Count(overdue);
    if (count == 0) {
        s.blocks.emplace_back(Para(t.Text("overdue_none")));
        return;
    }
    if (count > t.Number("overdue_list_limit", 100)) {
        s.blocks.emplace_back(Para(t.Text("overdue_many", {{"overdue", FormatInteger(count)}})));
        return;
    }
    const auto late = board.List(overdue);
    s.blocks.emplace_back(Para(t.Text("overdue_sentence")));
    report::Table lt;
    lt.sheetName = "Nhiệm vụ quá hạn";
    lt.columnWidths = {0.9, 4.6, 1.8, 2.4, 1.8, 1.3};
    lt.sizePt = 11;
    lt.rows.push_back(HeaderRow(t.Lines("overdue_columns")));
    int no = 0;
    for (const auto& task : late) {
        TableRow r;
        r.cells.push_back(Centered(++no));
        r.cells.emplace_back(task.row.solution);
        r.cells.emplace_back(task.unitName);
        std::string lead = task.leadUnit;
        const std::string& person = task.leadPerson;
        if (!person.empty()) lead += lead.empty() ? person : " (" + person + ")";
        r.cells.emplace_back(lead);
        r.cells.push_back(task.due ? TableCell::Day(task.due->year, task.due->month, task.due->day)
                                   : TableCell("").Aligned(Align::Center));
        r.cells.push_back(TableCell::Integer(task.overdueDays));
        lt.rows.push_back(r);
    }
    s.blocks.emplace_back(lt);
}

// The counts' words of the templates' task sentences: {total}, {done},
// {in_progress}, {not_started}, {cancelled}, {overdue}.
void SetTaskCounts(TemplateVars& v, const TaskCounts& k) {
    v["total"] = FormatInteger(k.Total());
    v["done"] = FormatInteger(k.done);
    v["in_progress"] = FormatInteger(k.inProgress);
    v["not_started"] = FormatInteger(k.notStarted);
    v["cancelled"] = FormatInteger(k.cancelled);
    v["overdue"] = FormatInteger(k.overdue);
}

// The tasks of the plans: a sentence of counts, the counts per commune, a
// commune's progress of the period, the overdue tasks.
void AddTaskTables(Context& c, report::Section& s, Numbering& num) {
    const auto& t = c.t;
    TaskBoard board(c.db, c.asOf, c.req.user);
    TaskFilter all;
    if (c.unit) all.unitId = c.unit->id;
    const TaskCounts total = board.Counts(all);
    TemplateVars v = c.vars;
    num.Next(v);
    s.blocks.emplace_back(report::Heading{num.HeadingLevel(), t.Text("tasks_heading", v)});
    SetTaskCounts(v, total);
    v["done_percent"] = PercentText(total.done, total.Total() - total.cancelled);
    s.blocks.emplace_back(Para(t.Text("tasks_sentence", v)));
    AddTaskCountTable(t, c, board, all, total, s);
    if (c.unit && c.communeIssuer && total.Total() > 0) AddProgressTable(c, board, all, s);
    AddOverdueTable(t, board, all, s);
}

void AddIndexTable(Context& c, report::Section& s, Numbering& num) {
    const auto& t = c.t;
    TemplateVars v = c.vars;
    num.Next(v);
    s.blocks.emplace_back(report::Heading{num.HeadingLevel(), t.Text("index_heading", v)});
    auto [code, name] = ChooseFramework(c);
    std::string year = code.empty() ? std::string() : LatestYear(c, code);
    if (year.empty()) {
        s.blocks.emplace_back(Para(t.Text("index_none")));
        return;
    }
    auto rows = RankUnits(c.db, code, year, true, c.req.user);
    v["framework"] = name;
    v["result_period"] = year;
    v["count"] = FormatInteger(static_cast<long long>(rows.size()));
    if (c.unit && c.communeIssuer) {
        auto it = std::find_if(rows.begin(), rows.end(),
                               [&](const RankRow& r) { return r.unit == c.unit->code; });
        if (it == rows.end()) {
            s.blocks.emplace_back(Para(t.Text("index_none")));
            return;
        }
        // The rank among all the office's communes, whatever units the
        // account reads (a commune's account reads its own only).
        RankRow row = *it;
        const auto standing = StandingOf(c.db, c.unit->code, code, year, true, c.req.user);
        row.rank = standing ? standing->rank : 0;
        v["total"] = FormatNumberTrim(row.total, 2);
        v["max"] = FormatNumberTrim(row.max, 2);
        v["percent"] = FormatPercent(row.percent);
        v["band"] = row.band;
        if (standing) {
            v["rank"] = std::to_string(standing->rank);
            v["count"] = FormatInteger(standing->count);
        }
        s.blocks.emplace_back(
            Para(t.Text(standing ? "index_sentence_unit" : "index_sentence_unit_unranked", v)));
        s.blocks.emplace_back(RankTable(t, {row}, "index_columns", false));
        for (auto& note : FormedFromNotes({row}, year)) s.blocks.emplace_back(std::move(note));
        return;
    }
    s.blocks.emplace_back(Para(t.Text("index_sentence_office", v)));
    s.blocks.emplace_back(RankTable(t, rows, "index_columns", false));
    for (auto& note : FormedFromNotes(rows, year)) s.blocks.emplace_back(std::move(note));
}

// Form II.06a of the period per procedure field, in the catalogue's order:
// the rows recorded for the period itself where there are any, else its
// months' (each unit's and field's months as one period by the rule of
// core/dossier_rules.h, then the units added up).
std::vector<storage::DossierStatRow> DossierRows(storage::Database& db, const Period& period,
                                                 std::optional<std::int64_t> unitId) {
    auto rows = storage::ReportDataRepository(db.session()).DossierStats(period.ToString(), unitId);
    if (!rows.empty() || period.kind() == PeriodKind::Month) return rows;
    const std::string first = fmt::format("{:04d}-{:02d}", period.year(), period.FirstMonth()),
                      last = fmt::format("{:04d}-{:02d}", period.year(), period.LastMonth());
    const auto months = storage::DossierRepository(db.session()).InMonths(first, last, unitId);
    // In the catalogue's order (its order, then the order fields were added).
    std::map<std::tuple<int, std::int64_t, std::string>, DossierFigures> byField;
    // The records come by unit, field and month.
    for (std::size_t i = 0; i < months.size();) {
        std::size_t j = i;
        std::vector<DossierFigures> one;
        while (j < months.size() && months[j].record.unitId == months[i].record.unitId &&
               months[j].record.fieldId == months[i].record.fieldId)
            one.push_back(months[j++].record.figures);
        auto& sum = byField[std::make_tuple(months[i].fieldOrder, months[i].record.fieldId,
                                            months[i].fieldName)];
        sum = AddDossierFigures(sum, *SumDossierMonths(one));
        i = j;
    }
    for (const auto& [field, d] : byField) {
        storage::DossierStatRow r;
        r.field = std::get<2>(field);
        r.receivedTotal = d.ReceivedTotal();
        r.receivedOnline = d.receivedOnline;
        r.receivedDirect = d.receivedDirect;
        r.carriedOver = d.carriedOver;
        r.settledTotal = d.SettledTotal();
        r.settledEarly = d.settledEarly;
        r.settledOnTime = d.settledOnTime;
        r.settledLate = d.settledLate;
        r.pendingTotal = d.PendingTotal();
        r.pendingInTime = d.pendingInTime;
        r.pendingOverdue = d.pendingOverdue;
        rows.push_back(r);
    }
    return rows;
}

void AddDossierTable(Context& c, report::Section& s, Numbering& num) {
    const auto& t = c.t;
    std::optional<std::int64_t> unitId;
    if (c.unit) unitId = c.unit->id;
    auto rows = DossierRows(c.db, *c.period, unitId);
    if (rows.empty()) return;  // the office has not recorded form II.06a for the period
    TemplateVars v = c.vars;
    num.Next(v);
    s.blocks.emplace_back(report::Heading{num.HeadingLevel(), t.Text("dossiers_heading", v)});
    s.blocks.emplace_back(Para(t.Text("dossiers_sentence", v)));
    auto cols = t.Lines("dossiers_columns");
    cols.resize(13);
    report::Table table;
    table.sheetName = "Mẫu II.06a";
    table.sizePt = 10;
    table.headerRows = 2;
    table.columnWidths = {0.8, 3.0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    TableRow h1, h2;
    h1.cells.push_back(TableCell(cols[0], true).Span(2, 1));
    h1.cells.push_back(TableCell(cols[1], true).Span(2, 1));
    h1.cells.push_back(TableCell(t.Text("dossiers_group_received"), true).Span(1, 4));
    h1.cells.push_back(TableCell(t.Text("dossiers_group_settled"), true).Span(1, 4));
    h1.cells.push_back(TableCell(t.Text("dossiers_group_pending"), true).Span(1, 3));
    for (std::size_t i = 2; i < cols.size(); ++i) h2.cells.emplace_back(cols[i], true);
    table.rows = {h1, h2};
    storage::DossierStatRow sum;
    int no = 0;
    auto addRow = [&](const storage::DossierStatRow& d, TableRow r) {
        for (long x : {d.receivedTotal, d.receivedOnline, d.receivedDirect, d.carriedOver,
                       d.settledTotal, d.settledEarly, d.settledOnTime, d.settledLate,
                       d.pendingTotal, d.pendingInTime, d.pendingOverdue})
            r.cells.push_back(TableCell::Integer(x));
        table.rows.push_back(r);
    };
    for (const auto& d : rows) {
        TableRow r;
        r.cells.push_back(Centered(++no));
        r.cells.emplace_back(d.field);
        addRow(d, r);
        sum.receivedTotal += d.receivedTotal;
        sum.receivedOnline += d.receivedOnline;
        sum.receivedDirect += d.receivedDirect;
        sum.carriedOver += d.carriedOver;
        sum.settledTotal += d.settledTotal;
        sum.settledEarly += d.settledEarly;
        sum.settledOnTime += d.settledOnTime;
        sum.settledLate += d.settledLate;
        sum.pendingTotal += d.pendingTotal;
        sum.pendingInTime += d.pendingInTime;
        sum.pendingOverdue += d.pendingOverdue;
    }
    TableRow total;
    total.bold = true;
    total.cells.push_back(TableCell(t.Text("total_row"), true).Span(1, 2).Aligned(Align::Center));
    addRow(sum, total);
    s.blocks.emplace_back(table);
}

void AddSurveyTable(Context& c, report::Section& s, Numbering& num) {
    auto survey = ReadSurvey(c);
    if (survey.rows.empty()) return;
    const auto& t = c.t;
    TemplateVars v = c.vars;
    num.Next(v);
    s.blocks.emplace_back(report::Heading{num.HeadingLevel(), t.Text("survey_heading", v)});
    v["responses"] = FormatInteger(survey.total.responses);
    v["settled"] = FormatInteger(survey.total.settled);
    v["coverage"] = PercentText(survey.total.responses, survey.total.settled);
    v["satisfaction"] = PercentText(survey.totalSatisfied, survey.total.responses);
    s.blocks.emplace_back(Para(t.Text("survey_sentence", v)));
    auto cols = ReportTemplate::Load("survey").Lines("columns");
    s.blocks.emplace_back(SurveyTable(t, survey, cols));
}

// The frameworks read once each.
struct Frameworks {
    storage::FrameworkRepository repository;
    std::map<std::int64_t, std::optional<Framework>> loaded;
    explicit Frameworks(storage::Database& db) : repository(db.session()) {}
    const Framework* Load(std::int64_t id) {
        auto it = loaded.find(id);
        if (it == loaded.end()) it = loaded.emplace(id, repository.Load(id)).first;
        return it->second ? &*it->second : nullptr;
    }
};

// The tasks of the filter in each area, per unit: (area, (unit, counts)),
// the tasks outside every area left out.
std::vector<std::pair<std::size_t, std::pair<std::int64_t, TaskCounts>>> AreaTasks(
    storage::Database& db, Date asOf, const std::string& user, const TaskFilter& filter,
    const std::vector<ProgrammeArea>& areas, Frameworks& frameworks, bool perUnit = false) {
    std::vector<std::pair<std::size_t, std::pair<std::int64_t, TaskCounts>>> out;
    TaskBoard board(db, asOf, user);
    for (const auto& item : board.CountsByItem(filter, perUnit)) {
        const Framework* fw = item.frameworkId ? frameworks.Load(*item.frameworkId) : nullptr;
        const auto area =
            AreaOf(AreaText(fw, item.criterionId, item.groupTitle, item.criterionTitle), areas);
        if (area) out.push_back({*area, {item.unitId, item.counts}});
    }
    return out;
}

// The sentence of an area's tasks.
std::string AreaTasksSentence(const ReportTemplate& t, TemplateVars v, const TaskCounts& k) {
    if (k.Total() == 0) return t.Text("area_tasks_none", v);
    SetTaskCounts(v, k);
    return t.Text("area_tasks_sentence", v);
}

// The figures of the programme areas the outline's sections report on:
// each area's tasks (their items' criteria, or the plans' own titles where
// an item has none) and the points lost in it on the latest index.
struct AreaFigures {
    std::vector<ProgrammeArea> areas;  // key: the section's
    std::vector<TaskCounts> tasks;
    std::vector<AreaLoss> losses;
    std::vector<bool> inIndex;  // the framework has a field of the area
    std::string year;           // of the index results; "" when none

    std::optional<std::size_t> Of(const std::string& key) const {
        for (std::size_t i = 0; i < areas.size(); ++i)
            if (areas[i].key == key) return i;
        return std::nullopt;
    }
};

AreaFigures ReadAreaFigures(Context& c, const std::vector<ReportTemplate::Section>& sections) {
    AreaFigures f;
    for (const auto& sec : sections)
        if (!sec.areas.empty()) f.areas.push_back({sec.key, sec.areas});
    f.tasks.resize(f.areas.size());
    f.losses.resize(f.areas.size());
    f.inIndex.resize(f.areas.size());
    if (f.areas.empty()) return f;
    Frameworks frameworks(c.db);
    TaskFilter all;
    if (c.unit) all.unitId = c.unit->id;
    for (const auto& [area, counts] : AreaTasks(c.db, c.asOf, c.req.user, all, f.areas, frameworks))
        f.tasks[area] += counts.second;
    const auto [code, name] = ChooseFramework(c);
    if (code.empty()) return f;
    const std::string year = LatestYear(c, code);
    const auto id = frameworks.repository.IdByCode(code);
    const Framework* fw = id ? frameworks.Load(*id) : nullptr;
    if (year.empty() || !fw) return f;
    for (const auto& root : fw->criteria)
        if (RootCriterion(*fw, root.id) == &root)
            if (auto area = AreaOf(root.title, f.areas)) f.inIndex[*area] = true;
    try {
        f.losses = c.unit
                       ? LossesByArea(*fw, GapsForUnit(c.db, c.unit->code, code, year, c.req.user),
                                      f.areas)
                       : LossesByArea(*fw, GapsForOffice(c.db, code, year, c.req.user), f.areas);
        f.year = year;
    } catch (const UserError&) {
        // The unit has no appraised results of that year: no figures.
    }
    return f;
}

// A section's area in figures: its tasks, then the points lost in it.
void AddAreaFigures(Context& c, const AreaFigures& f, std::size_t area, report::Section& s) {
    const auto& t = c.t;
    TemplateVars v = c.vars;
    s.blocks.emplace_back(Para(AreaTasksSentence(t, v, f.tasks[area])));
    if (f.year.empty() || !f.inIndex[area]) return;
    const AreaLoss& l = f.losses[area];
    v["result_period"] = f.year;
    if (l.lost <= 0) {
        s.blocks.emplace_back(Para(t.Text("area_index_full", v)));
        return;
    }
    v["lost"] = FormatNumberTrim(l.lost, 2);
    v["code"] = l.worstCode;
    v["title"] = l.worstTitle;
    v["worst_lost"] = FormatNumberTrim(l.worstLost, 2);
    v["units"] = FormatInteger(l.worstUnits);
    s.blocks.emplace_back(Para(t.Text(c.unit ? "area_index_unit" : "area_index_office", v)));
}

}  // namespace

BuiltReport BuildQuarterly(Context& c) {
    Prepare(c, true);
    BuiltReport b;
    const int number = ResolveNumber(c, "quarterly");
    b.title = c.t.Text("title", c.vars);
    auto& doc = b.document;
    doc.Add(Header(c, number, "BC"));
    doc.Add(report::TitleBlock{c.t.Text("document_type"), c.t.Lines("summary", c.vars)});
    doc.Add(Para(c.t.Text("intro", c.vars)));
    std::map<std::string, std::string> narratives, previous;
    const std::int64_t narrativeUnit = c.unit ? c.unit->id : c.office.unitId;
    if (narrativeUnit != 0) {
        ReportArchive archive(c.db, "report");
        narratives = archive.Narratives(narrativeUnit, c.period->ToString(), "quarterly");
        previous = archive.Narratives(narrativeUnit, c.period->Previous().ToString(), "quarterly");
    }
    const auto sections = c.t.Sections(c.vars);
    const AreaFigures figures = ReadAreaFigures(c, sections);
    for (const auto& sec : sections) {
        auto& s = doc.Last();
        s.blocks.emplace_back(
            report::Heading{sec.level, sec.level == 1 ? UpperVi(sec.heading) : sec.heading});
        // The tasks the previous report set for this period.
        if (!sec.carry.empty()) {
            auto carried = previous.find(sec.carry);
            const auto lines = carried == previous.end() ? std::vector<std::string>{}
                                                         : SplitLines(carried->second);
            if (!lines.empty()) {
                s.blocks.emplace_back(Para(c.t.Text("carry_sentence", c.vars)));
                for (const auto& line : lines) s.blocks.emplace_back(Para(line));
            }
        }
        auto it = narratives.find(sec.key);
        const auto lines =
            it == narratives.end() ? std::vector<std::string>{} : SplitLines(it->second);
        if (sec.text) {
            for (const auto& line : lines) s.blocks.emplace_back(Para(line));
            // (Not where tables alone say what the section is about.)
            if (lines.empty() && (sec.tables.empty() || !sec.areas.empty())) {
                // A section the clerk has not written: dotted lines to fill in by hand.
                for (int i = 0; i < 2; ++i) {
                    report::Paragraph p(c.t.Text("empty_section"));
                    p.firstLineIndent = false;
                    s.blocks.emplace_back(p);
                }
            }
        }
        if (auto area = figures.Of(sec.key)) AddAreaFigures(c, figures, *area, s);
        Numbering num;
        num.level = sec.level;
        for (const auto& table : sec.tables) {
            auto& sec2 = doc.Last();
            if (table == "tasks")
                AddTaskTables(c, sec2, num);
            else if (table == "index")
                AddIndexTable(c, sec2, num);
            else if (table == "dossiers")
                AddDossierTable(c, sec2, num);
            else if (table == "survey")
                AddSurveyTable(c, sec2, num);
        }
    }
    doc.Add(Para(c.t.Text("closing", c.vars)));
    doc.Add(Signature(
        c, c.t.Lines(c.communeIssuer || !c.t.Has("office_recipients") ? "recipients"
                                                                      : "office_recipients")));
    Finish(c, b, "BC", number);
    return b;
}

}  // namespace cchc::services::report_parts

namespace cchc::services {

namespace {

// The communes the account reads (not those merged into others), in
// Vietnamese order of their names.
std::vector<Unit> CommunesRead(storage::Database& db, const std::string& user) {
    std::vector<Unit> out;
    for (auto& u : OrganisationService(db, user).Units())
        if (u.active && IsCommuneLevel(u.kind)) out.push_back(std::move(u));
    std::stable_sort(out.begin(), out.end(), [](const Unit& a, const Unit& b) {
        return VietnameseLess(SortName(a), SortName(b));
    });
    return out;
}

}  // namespace

std::vector<CommuneSection> CommuneSections(storage::Database& db, const std::string& user,
                                            const std::string& period,
                                            const std::string& sectionKey) {
    using namespace report_parts;
    const Period p = PeriodOrError(period);
    const auto communes = CommunesRead(db, user);
    const auto bodies = storage::ReportRepository(db.session())
                            .SectionOfUnits(p.ToString(), "quarterly", sectionKey);
    const ReportTemplate t = ReportTemplate::Load("quarterly");
    std::vector<ProgrammeArea> areas;
    for (const auto& sec : t.Sections())
        if (sec.key == sectionKey && !sec.areas.empty()) areas.push_back({sec.key, sec.areas});
    // Each commune's tasks in the area, as of the end of the period's window.
    std::map<std::int64_t, TaskCounts> tasks;
    const Date end = p.Window(OrganisationService(db, user).ReportingWindow()).last;
    const Date today = Date::Today();
    if (!areas.empty()) {
        Frameworks frameworks(db);
        for (const auto& [area, counts] :
             AreaTasks(db, end < today ? end : today, user, {}, areas, frameworks, true))
            tasks[counts.first] += counts.second;
    }
    std::vector<CommuneSection> out;
    for (const auto& u : communes) {
        CommuneSection c;
        c.unitId = u.id;
        c.unitCode = u.code;
        c.unitName = u.name;
        auto it = bodies.find(u.id);
        if (it != bodies.end()) c.body = it->second;
        if (!areas.empty()) c.figures = AreaTasksSentence(t, {}, tasks[u.id]);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<Unit> CommunesNotWritten(storage::Database& db, const std::string& user,
                                     const std::string& period) {
    const Period p = PeriodOrError(period);
    const auto written =
        storage::ReportRepository(db.session()).UnitsWithText(p.ToString(), "quarterly");
    std::vector<Unit> out;
    for (auto& u : CommunesRead(db, user))
        if (!std::binary_search(written.begin(), written.end(), u.id)) out.push_back(std::move(u));
    return out;
}

}  // namespace cchc::services
