// The task status report (reports/tasks.json): open, overdue and soon due
// tasks of the plans, counted per commune and listed by commune and lead.
#include <algorithm>
#include <array>
#include <map>

#include "core/vnformat.h"
#include "services/plans/task_board.h"
#include "services/reports/report_parts.h"

namespace cchc::services::report_parts {

namespace {

// The place of each commune in the summary table, by unit id: the lists of
// tasks follow the same order.
using UnitRanks = std::map<std::int64_t, std::size_t>;

// The open, overdue and soon due tasks counted per commune, with a total row.
report::Table SummaryTable(const ReportTemplate& t, const TemplateVars& v, const TaskBoard& board,
                           UnitRanks& rank, const std::vector<std::size_t>& openPos,
                           const std::vector<std::size_t>& latePos,
                           const std::vector<std::size_t>& soonPos) {
    std::map<std::int64_t, std::array<long, 3>> byUnit;
    for (auto i : openPos) byUnit[board[i].row.unitId][0]++;
    for (auto i : latePos) byUnit[board[i].row.unitId][1]++;
    for (auto i : soonPos) byUnit[board[i].row.unitId][2]++;
    report::Table st;
    st.sheetName = "Theo đơn vị";
    st.columnWidths = {0.7, 4.0, 1.6, 1.4, 1.8};
    st.rows.push_back(HeaderRow(t.Lines("summary_columns", v)));
    int no = 0;
    std::array<long, 3> sum{0, 0, 0};
    // Communes in the board's order (by their sorting name).
    std::vector<std::int64_t> order;
    for (std::size_t i : openPos)
        if (rank.emplace(board[i].row.unitId, rank.size()).second)
            order.push_back(board[i].row.unitId);
    for (std::int64_t id : order) {
        const std::string name = board.UnitName(id);
        TableRow r;
        r.cells.push_back(Centered(++no));
        r.cells.emplace_back(name);
        for (int k = 0; k < 3; ++k) {
            r.cells.push_back(TableCell::Integer(byUnit[id][k]));
            sum[k] += byUnit[id][k];
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

// The tasks at the positions, by commune, then lead: their overdue days, or
// the days left when not overdue.
report::Table TaskListTable(const ReportTemplate& t, const TaskBoard& board, UnitRanks& rank,
                            Date asOf, const std::vector<std::size_t>& pos,
                            const std::string& colsKey, bool overdue, const std::string& sheet) {
    report::Table lt;
    lt.sheetName = sheet;
    lt.sizePt = 11;
    lt.columnWidths = {0.9, 1.9, 4.4, 1.0, 2.3, 1.7, 1.2};
    lt.rows.push_back(HeaderRow(t.Lines(colsKey)));
    // By commune, then lead. The commune's name is a cell spanning its
    // tasks, a few at a time, so that it never stands alone at the foot
    // of a page.
    std::vector<std::size_t> sorted = pos;
    std::stable_sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b2) {
        const auto &ta = board[a], &tb = board[b2];
        const auto ua = rank[ta.row.unitId], ub = rank[tb.row.unitId];
        if (ua != ub) return ua < ub;
        auto la = board.LeadUnit(ta), lb = board.LeadUnit(tb);
        return la < lb;
    });
    constexpr int kChunk = 6;
    int k = 0;
    for (std::size_t start = 0; start < sorted.size();) {
        const std::int64_t unitId = board[sorted[start]].row.unitId;
        std::size_t end = start;
        while (end < sorted.size() && end - start < kChunk &&
               board[sorted[end]].row.unitId == unitId)
            ++end;
        for (std::size_t j = start; j < end; ++j) {
            const auto& task = board[sorted[j]];
            TableRow r;
            r.cells.push_back(Centered(++k));
            if (j == start)
                r.cells.push_back(
                    TableCell(board.UnitName(unitId)).Span(static_cast<int>(end - start), 1));
            r.cells.emplace_back(task.row.solution);
            r.cells.push_back(TableCell(task.row.criterion).Aligned(Align::Center));
            std::string lead = board.LeadUnit(task);
            const std::string person = board.LeadPerson(task);
            if (!person.empty()) lead += lead.empty() ? person : " (" + person + ")";
            r.cells.emplace_back(lead);
            r.cells.push_back(
                TableCell(task.due ? FormatDate(*task.due) : "").Aligned(Align::Center));
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
    const auto board = TaskBoard::Load(c.db, c.asOf, c.req.user);
    TaskFilter base;
    if (c.unit && c.unit->id != c.office.unitId) base.unitId = c.unit->id;
    TaskFilter open = base;
    open.openOnly = true;
    TaskFilter late = base;
    late.overdue = true;
    TaskFilter soon = base;
    soon.dueWithinDays = days;
    const auto openPos = board.Filter(open), latePos = board.Filter(late),
               soonPos = board.Filter(soon);
    TemplateVars v = c.vars;
    v["days"] = std::to_string(days);
    v["open"] = FormatInteger(static_cast<long long>(openPos.size()));
    v["overdue"] = FormatInteger(static_cast<long long>(latePos.size()));
    v["due_soon"] = FormatInteger(static_cast<long long>(soonPos.size()));
    v["scope"] = c.communeIssuer ? c.vars["unit_lower"] : c.t.Text("office_wide");
    v["subject"] = c.subject;
    BuiltReport b;
    const int number = Open(c, b, "tasks", "BC", v);
    auto& doc = b.document;

    doc.Add(report::Heading{1, t.Text("summary_heading", v)});
    UnitRanks rank;
    doc.Add(SummaryTable(t, v, board, rank, openPos, latePos, soonPos));

    doc.Add(report::Heading{1, t.Text("overdue_heading", v)});
    if (latePos.empty())
        doc.Add(Para(t.Text("none")));
    else
        doc.Add(TaskListTable(t, board, rank, c.asOf, latePos, "columns", true, "Quá hạn"));
    doc.Add(report::Heading{1, t.Text("due_heading", v)});
    if (soonPos.empty())
        doc.Add(Para(t.Text("none")));
    else
        doc.Add(TaskListTable(t, board, rank, c.asOf, soonPos, "due_columns", false, "Đến hạn"));
    doc.Add(Para(t.Text("closing", v)));
    doc.Add(Signature(c, t.Lines("recipients")));
    Finish(c, b, "BC", number);
    return b;
}

}  // namespace cchc::services::report_parts
