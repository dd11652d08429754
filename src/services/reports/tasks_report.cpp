// The task status report (reports/tasks.json): open, overdue and soon due
// tasks of the plans, counted per commune and listed by commune and lead.
#include <algorithm>
#include <array>
#include <map>

#include "core/text.h"
#include "core/vnformat.h"
#include "services/plans/task_board.h"
#include "services/reports/report_parts.h"
#include "storage/unit_repository.h"

namespace cchc::services::report_parts {

namespace {

// The place of each commune in the summary table, by unit id: the lists of
// tasks follow the same order.
using UnitRanks = std::map<std::int64_t, std::size_t>;

// The open, overdue and soon due tasks counted per commune (counted by the
// database), with a total row.
report::Table SummaryTable(const ReportTemplate& t, const TemplateVars& v, Context& c,
                           TaskBoard& board, UnitRanks& rank, const TaskFilter& open,
                           const TaskFilter& soon) {
    std::map<std::int64_t, std::array<long, 3>> byUnit;
    for (const auto& [unit, k] : board.CountsByUnit(open)) {
        byUnit[unit][0] = k.Open();
        byUnit[unit][1] = k.overdue;
    }
    for (const auto& [unit, k] : board.CountsByUnit(soon)) byUnit[unit][2] = k.Total();
    report::Table st;
    st.sheetName = "Theo đơn vị";
    st.columnWidths = {0.7, 4.0, 1.6, 1.4, 1.8};
    st.rows.push_back(HeaderRow(t.Lines("summary_columns", v)));
    int no = 0;
    std::array<long, 3> sum{0, 0, 0};
    // Communes with open tasks in the board's order (by their code).
    std::vector<Unit> units;
    for (auto& u : storage::UnitRepository(c.db.session()).All())
        if (auto it = byUnit.find(u.id); it != byUnit.end() && it->second[0] > 0)
            units.push_back(std::move(u));
    std::sort(units.begin(), units.end(),
              [](const Unit& a, const Unit& b) { return a.code < b.code; });
    for (const Unit& u : units) {
        rank.emplace(u.id, rank.size());
        TableRow r;
        r.cells.push_back(Centered(++no));
        r.cells.emplace_back(u.name);
        for (int k = 0; k < 3; ++k) {
            r.cells.push_back(TableCell::Integer(byUnit[u.id][k]));
            sum[k] += byUnit[u.id][k];
        }
        st.rows.push_back(r);
    }
    TableRow tot;
    tot.bold = true;
    tot.cells.push_back(TableCell(t.Text("total_row"), true).Span(1, 2).Aligned(Align::Center));
    for (long x : sum) tot.cells.push_back(TableCell::Integer(x));
    st.rows.push_back(tot);
    return st;
}

// The tasks, by commune, then lead: their overdue days, or the days left
// when not overdue.
report::Table TaskListTable(const ReportTemplate& t, std::vector<BoardTask> sorted, UnitRanks& rank,
                            Date asOf, const std::string& colsKey, bool overdue,
                            const std::string& sheet) {
    report::Table lt;
    lt.sheetName = sheet;
    lt.sizePt = 11;
    lt.columnWidths = {0.9, 1.9, 4.4, 1.0, 2.3, 1.7, 1.2};
    lt.rows.push_back(HeaderRow(t.Lines(colsKey)));
    // By commune, then lead. The commune's name is a cell spanning its
    // tasks, a few at a time, so that it never stands alone at the foot
    // of a page.
    std::stable_sort(sorted.begin(), sorted.end(), [&](const BoardTask& ta, const BoardTask& tb) {
        const auto ua = rank.emplace(ta.row.unitId, rank.size()).first->second;
        const auto ub = rank.emplace(tb.row.unitId, rank.size()).first->second;
        if (ua != ub) return ua < ub;
        return ta.leadUnit < tb.leadUnit;
    });
    constexpr int kChunk = 6;
    int k = 0;
    for (std::size_t start = 0; start < sorted.size();) {
        const std::int64_t unitId = sorted[start].row.unitId;
        std::size_t end = start;
        while (end < sorted.size() && end - start < kChunk && sorted[end].row.unitId == unitId)
            ++end;
        for (std::size_t j = start; j < end; ++j) {
            const auto& task = sorted[j];
            TableRow r;
            r.cells.push_back(Centered(++k));
            if (j == start)
                r.cells.push_back(TableCell(task.unitName).Span(static_cast<int>(end - start), 1));
            r.cells.emplace_back(task.row.solution);
            r.cells.push_back(TableCell(task.row.criterion).Aligned(Align::Center));
            std::string lead = task.leadUnit;
            const std::string& person = task.leadPerson;
            if (!person.empty()) lead += lead.empty() ? person : " (" + person + ")";
            r.cells.emplace_back(lead);
            r.cells.push_back(task.due
                                  ? TableCell::Day(task.due->year, task.due->month, task.due->day)
                                  : TableCell("").Aligned(Align::Center));
            if (overdue)
                r.cells.push_back(TableCell::Integer(task.overdueDays));
            else
                r.cells.push_back(TableCell::Integer(task.due ? asOf.DaysUntil(*task.due) : 0));
            lt.rows.push_back(r);
        }
        start = end;
    }
    return lt;
}

}  // namespace

BuiltReport BuildTasks(Context& c) {
    Prepare(c, false);
    const auto& t = c.t;
    const int days = 30;
    TaskBoard board(c.db, c.asOf, c.req.user);
    TaskFilter base;
    if (c.unit && c.unit->id != c.office.unitId) base.unitId = c.unit->id;
    TaskFilter open = base;
    open.openOnly = true;
    TaskFilter late = base;
    late.overdue = true;
    TaskFilter soon = base;
    soon.dueWithinDays = days;
    const TaskCounts openCount = board.Counts(open);
    const long soonCount = board.Count(soon);
    TemplateVars v = c.vars;
    v["days"] = std::to_string(days);
    v["open"] = FormatInteger(static_cast<long long>(openCount.Open()));
    v["overdue"] = FormatInteger(static_cast<long long>(openCount.overdue));
    v["due_soon"] = FormatInteger(static_cast<long long>(soonCount));
    v["scope"] = c.communeIssuer ? c.vars["unit_lower"] : c.t.Text("office_wide");
    v["subject"] = c.subject;
    BuiltReport b;
    const int number = Open(c, b, "tasks", "BC", v);
    auto& doc = b.document;

    doc.Add(report::Heading{1, UpperVi(t.Text("summary_heading", v))});
    UnitRanks rank;
    doc.Add(SummaryTable(t, v, c, board, rank, open, soon));

    doc.Add(report::Heading{1, UpperVi(t.Text("overdue_heading", v))});
    if (openCount.overdue == 0)
        doc.Add(Para(t.Text("none")));
    else
        doc.Add(TaskListTable(t, board.List(late), rank, c.asOf, "columns", true, "Quá hạn"));
    doc.Add(report::Heading{1, UpperVi(t.Text("due_heading", v))});
    if (soonCount == 0)
        doc.Add(Para(t.Text("none")));
    else
        doc.Add(TaskListTable(t, board.List(soon), rank, c.asOf, "due_columns", false, "Đến hạn"));
    doc.Add(Para(t.Text("closing", v)));
    doc.Add(Signature(c, t.Lines("recipients")));
    Finish(c, b, "BC", number);
    return b;
}

}  // namespace cchc::services::report_parts
