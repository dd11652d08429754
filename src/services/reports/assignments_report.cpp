// The indicator assignment table (reports/assignments.json): who leads,
// coordinates and answers for each indicator of a framework, landscape.
#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/vnformat.h"
#include "services/plans/assignments.h"
#include "services/reports/report_parts.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"

namespace cchc::services::report_parts {

BuiltReport BuildAssignments(Context& c) {
    Prepare(c, false);
    std::string framework = c.req.framework.empty() ? "QD766" : c.req.framework;
    storage::FrameworkRepository fr(c.db.session());
    auto fid = fr.IdByCode(framework);
    if (!fid)
        throw UserError(Location{"", 0, "framework"},
                        fmt::format(fmt::runtime(tr("unknown framework: {0}")), framework));
    auto fw = fr.Load(*fid);
    const std::string unitCode = c.unit ? c.unit->code : c.issuer.code;
    auto rows = AssignmentService(c.db, c.req.user).Load(unitCode, framework);
    const auto& t = c.t;
    TemplateVars v = c.vars;
    v["framework"] = fw ? fw->name : framework;
    BuiltReport b;
    const int number = ResolveNumber(c, "assignments");
    b.title = t.Text("title", v);
    auto& doc = b.document;
    auto& sec = doc.NewSection(report::Orientation::Landscape);
    sec.blocks.emplace_back(report::TitleBlock{t.Text("document_type"), t.Lines("summary", v)});
    // The plan of the year it belongs to, by number and date where one is
    // recorded (an assignment plan, else a reform plan, else the
    // remediation plan on this framework).
    std::string subtitle = t.Text("subtitle", v);
    if (const std::int64_t unitId = c.unit ? c.unit->id : c.issuer.id) {
        storage::PlanRepository plans(c.db.session());
        const int year = c.period->year();
        std::optional<std::int64_t> planId;
        for (const char* kind : {"assignment", "reform", "remediation"}) {
            planId = plans.FindPlan(unitId, std::nullopt, year, kind);
            if (!planId) planId = plans.FindPlan(unitId, *fid, year, kind);
            if (planId) break;
        }
        const auto plan = planId ? plans.LoadHeader(*planId) : std::nullopt;
        if (plan && !plan->number.empty() && plan->issuedOn)
            if (auto on = Date::ParseIso(*plan->issuedOn)) {
                TemplateVars pv = v;
                pv["plan_number"] = plan->number;
                pv["plan_date"] = FormatDate(*on);
                subtitle = t.Text("subtitle_plan", pv);
            }
    }
    {
        report::Paragraph p(std::vector<Run>{{subtitle, false, true}});
        p.align = Align::Center;
        p.firstLineIndent = false;
        sec.blocks.emplace_back(p);
    }
    if (rows.empty()) {
        sec.blocks.emplace_back(Para(t.Text("none")));
    } else {
        report::Table table;
        table.sheetName = "Phân công";
        table.sizePt = 12;
        table.columnWidths = {0.9, 6.5, 2.6, 3.0, 2.6};
        table.rows.push_back(HeaderRow(t.Lines("columns")));
        for (const auto& r : rows) {
            TableRow tr;
            if (r.IsGroup()) {
                tr.bold = true;
                tr.cells.push_back(TableCell(r.group, true).Aligned(Align::Center));
                tr.cells.push_back(TableCell(r.title, true));
            } else {
                tr.cells.push_back(TableCell(r.indicator).Aligned(Align::Center));
                tr.cells.emplace_back(r.title);
            }
            tr.cells.emplace_back(r.leadUnit);
            tr.cells.emplace_back(r.coordinatingUnits);
            tr.cells.emplace_back(r.responsiblePerson);
            table.rows.push_back(tr);
        }
        sec.blocks.emplace_back(table);
    }
    (void)number;
    Finish(c, b, "BC", 0);
    return b;
}

}  // namespace cchc::services::report_parts
