// The printed documents of the office, built from the data services and
// worded from the templates of reports/ (report_templates.h).
#include "services/reports.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "services/assignments.h"
#include "services/organisation.h"
#include "services/report_archive.h"
#include "services/report_templates.h"
#include "services/results.h"
#include "services/self_assessment.h"
#include "services/surveys.h"
#include "services/task_board.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"
#include "storage/report_data_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

using report::Align;
using report::Run;
using report::TableCell;
using report::TableRow;

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
        out.push_back({s.key, s.heading, s.hint});
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

namespace {

// ---------------------------------------------------------------- helpers

std::string LowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::vector<std::string> SplitLines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

std::string PeriodWords(const ReportTemplate& t, const Period& p) {
    TemplateVars v{{"year", std::to_string(p.year())}};
    switch (p.kind()) {
        case PeriodKind::Year:
            return t.Text("period_year", v);
        case PeriodKind::Half:
            return t.Text(p.index() == 1 ? "period_half1" : "period_half2", v);
        case PeriodKind::NineMonths:
            return t.Text("period_nine_months", v);
        case PeriodKind::Quarter:
            v["roman"] = ToRoman(p.index());
            return t.Text("period_quarter", v);
        case PeriodKind::Month:
            v["month"] = std::to_string(p.index());
            return t.Text("period_month", v);
    }
    return p.Label();
}

TableRow HeaderRow(const std::vector<std::string>& texts) {
    TableRow r;
    for (const auto& s : texts) r.cells.emplace_back(s, true);
    return r;
}

TableCell Centered(long long n) { return TableCell::Integer(n).Aligned(Align::Center); }

TableCell PercentOf(double part, double whole) {
    if (whole <= 0) return TableCell("-").Aligned(Align::Right);
    return TableCell::Percent(100.0 * part / whole);
}

std::string PercentText(double part, double whole) {
    return whole > 0 ? FormatPercent(100.0 * part / whole) : std::string("-");
}

report::Paragraph Para(const std::string& text) { return report::Paragraph(text); }

report::Paragraph ItalicPara(const std::string& text) {
    report::Paragraph p(std::vector<Run>{{text, false, true}});
    return p;
}

// ---------------------------------------------------------------- context

// What every report shares: the request, its period and date, the issuer
// (header, number, signature) and the template.
struct Context {
    storage::Database& db;
    const ReportRequest& req;
    ReportTemplate t;
    std::optional<Period> period;
    Date issuedOn;
    Date asOf;  // data as of: the end of the period, or the issue date when earlier
    OfficeIdentity office;
    std::optional<Unit> unit;    // the unit the report is about
    bool communeIssuer = false;  // issued by a People's Committee (UBND)
    Unit issuer;
    std::string issuerSymbol, parentBody, issuingBody, place, subject;
    TemplateVars vars;

    Context(storage::Database& d, const ReportRequest& r)
        : db(d), req(r), t(ReportTemplate::Load(r.type)) {}
};

void RequirePeriod(Context& c, bool required) {
    if (c.req.period.empty()) {
        if (required)
            throw UserError(Location{"", 0, "period"},
                            tr("the report needs a period (e.g. 2026-Q3)"));
        c.period = Period::Year(c.issuedOn.year);
        return;
    }
    c.period = Period::Parse(c.req.period);
    if (!c.period)
        throw UserError(
            Location{"", 0, "period"},
            fmt::format(fmt::runtime(tr("not a period (2026, 2026-H1, 2026-9M, 2026-Q3 or "
                                        "2026-09): {0}")),
                        c.req.period));
}

void Prepare(Context& c, bool periodRequired) {
    c.issuedOn = c.req.issuedOn ? *c.req.issuedOn : Date::Today();
    RequirePeriod(c, periodRequired);
    OrganisationService org(c.db, "report");
    c.office = org.Office();
    const WindowKind window = org.ReportingWindow();
    const Date end = c.period->Window(window).last;
    c.asOf = end < c.issuedOn ? end : c.issuedOn;
    storage::UnitRepository units(c.db.session());
    if (!c.req.unitCode.empty()) {
        c.unit = units.ByCode(c.req.unitCode);
        if (!c.unit)
            throw UserError(
                Location{"", 0, "unit"},
                fmt::format(fmt::runtime(tr("the unit does not exist: {0}")), c.req.unitCode));
    }
    storage::SettingsRepository settings(c.db.session());
    if (c.unit && c.unit->id != c.office.unitId) {
        c.issuer = *c.unit;
        // A commune's, district's or province's People's Committee signs
        // "TM. ỦY BAN NHÂN DÂN"; a department signs as itself.
        c.communeIssuer = c.unit->kind != UnitKind::Department;
    } else {
        auto own = units.ById(c.office.unitId);
        if (own) c.issuer = *own;
    }
    if (c.communeIssuer || (c.unit && c.unit->id != c.office.unitId)) {
        c.parentBody = c.issuer.headerParent;
        if (c.parentBody.empty() && c.issuer.parentId)
            if (auto parent = units.ById(*c.issuer.parentId))
                c.parentBody = "UBND " + UpperVi(parent->name);
        c.issuingBody = c.issuer.headerName;
        if (c.issuingBody.empty())
            c.issuingBody =
                c.communeIssuer ? "ỦY BAN NHÂN DÂN " + UpperVi(c.issuer.name) : UpperVi(c.issuer.name);
        c.issuerSymbol = c.issuer.docSymbol.empty() ? "UBND" : c.issuer.docSymbol;
        c.place = c.issuer.placeName;
    } else {
        c.parentBody = c.office.parentBody;
        c.issuingBody = c.office.issuingBody;
        c.issuerSymbol = settings.Get("office.doc_symbol", c.issuer.docSymbol);
        if (c.issuerSymbol.empty()) c.issuerSymbol = "PNV";
        c.place = c.office.placeName;
    }
    if (!c.req.place.empty()) c.place = c.req.place;
    const std::string unitName = c.unit ? c.unit->name : c.issuer.name;
    c.vars["unit"] = unitName;
    c.vars["unit_lower"] = LowerFirst(unitName);
    c.vars["subject"] = c.communeIssuer ? c.t.Text("commune_subject", c.vars) : c.issuer.name;
    c.subject = c.vars["subject"];
    c.vars["year"] = std::to_string(c.period->year());
    c.vars["period_label"] = c.period->Label();
    c.vars["period_words"] = PeriodWords(c.t, *c.period);
    c.vars["next_period_words"] = PeriodWords(c.t, c.period->Next());
    c.vars["as_of"] = FormatDate(c.asOf);
}

int ResolveNumber(Context& c, const std::string& type) {
    if (c.req.number > 0) return c.req.number;
    if (c.req.number < 0 || c.issuer.id == 0) return 0;
    return ReportArchive(c.db, "report").ProposeNumber(c.issuer.id, type, c.issuedOn.year);
}

report::HeaderBlock Header(const Context& c, int number, const std::string& kind) {
    report::HeaderBlock h;
    h.parentBody = c.parentBody;
    h.issuingBody = c.issuingBody;
    h.number = FormatDocNumber(number, kind, c.issuerSymbol);
    h.nationalTitle = c.t.Text("national_title");
    h.motto = c.t.Text("motto");
    h.placeDate = FormatPlaceDate(c.place, c.issuedOn);
    return h;
}

// The opening the reports share: the next number of their kind, the title,
// the Decree 30 header, the title block and the introduction. Returns the
// number, for Finish.
int Open(Context& c, BuiltReport& b, const std::string& type, const std::string& kind,
         const TemplateVars& v) {
    const int number = ResolveNumber(c, type);
    b.title = c.t.Text("title", v);
    b.document.Add(Header(c, number, kind));
    b.document.Add(report::TitleBlock{c.t.Text("document_type"), c.t.Lines("summary", v)});
    b.document.Add(Para(c.t.Text("intro", v)));
    return number;
}

// The commune's chair (or the first vice-chair) by position.
std::optional<Person> CommuneChair(storage::Database& db, std::int64_t unitId) {
    OrganisationService org(db, "report");
    std::optional<Person> vice;
    for (const auto& p : org.People(unitId)) {
        if (!p.active) continue;
        if (p.position.rfind("Chủ tịch", 0) == 0) return p;
        if (!vice && p.position.rfind("Phó Chủ tịch", 0) == 0) vice = p;
    }
    return vice;
}

report::SignatureBlock Signature(Context& c, const std::vector<std::string>& templateRecipients) {
    report::SignatureBlock s;
    std::string authority, title, name;
    if (c.communeIssuer) {
        authority = c.t.Text("commune_authority");
        title = c.t.Text("commune_signer_title");
        if (auto chair = CommuneChair(c.db, c.issuer.id)) {
            name = chair->fullName;
            if (chair->position.rfind("Phó", 0) == 0) {
                title = "PHÓ CHỦ TỊCH";
                authority += "\nKT. CHỦ TỊCH";
            }
        }
    } else {
        authority = c.office.signerAuthority;
        title = c.office.signerTitle;
        name = c.office.signerName;
    }
    if (!c.req.signerAuthority.empty()) authority = c.req.signerAuthority;
    if (!c.req.signerTitle.empty()) title = c.req.signerTitle;
    if (!c.req.signerName.empty()) name = c.req.signerName;
    for (const auto& line : SplitLines(authority)) s.authority.push_back(line);
    if (!title.empty()) s.authority.push_back(title);
    s.signer = name;
    s.recipientsHeading = c.t.Text("recipients_heading");
    std::vector<std::string> rec = c.req.recipients;
    if (rec.empty()) {
        storage::SettingsRepository settings(c.db.session());
        if (!c.communeIssuer) rec = SplitLines(settings.Get("report.recipients", ""));
        if (rec.empty()) rec = templateRecipients;
    }
    bool archiveLine = false;  // "- Lưu: VT, ..." given already
    for (auto r : rec) {
        if (r.rfind("-", 0) != 0) r = "- " + r;
        if (r.back() != ';' && r.back() != '.') r += ";";
        if (r.rfind("- Lưu", 0) == 0) archiveLine = true;
        s.recipients.push_back(r);
    }
    TemplateVars v{{"archive_symbol", c.communeIssuer ? std::string("VP") : c.issuerSymbol}};
    if (!archiveLine) s.recipients.push_back(c.t.Text("archive_line", v));
    return s;
}

std::string ParametersJson(const ReportRequest& r) {
    nlohmann::json j;
    j["type"] = r.type;
    j["period"] = r.period;
    j["unit"] = r.unitCode;
    if (r.planId) j["plan"] = *r.planId;
    j["framework"] = r.framework;
    j["number"] = r.number;
    if (r.issuedOn) j["date"] = r.issuedOn->ToIso();
    return j.dump();
}

void Finish(Context& c, BuiltReport& b, const std::string& kind, int number) {
    b.kindSymbol = kind;
    b.issuerUnitId = c.issuer.id;
    b.issuerSymbol = c.issuerSymbol;
    b.number = number;
    b.year = c.issuedOn.year;
    b.reportType = c.req.type;
    b.period = c.period ? c.period->ToString() : c.req.period;
    b.issuedOn = c.issuedOn.ToIso();
    if (c.unit) b.unitId = c.unit->id;
    b.parametersJson = ParametersJson(c.req);
    b.document.title = b.title;
}

// The framework to rank on: the one asked for, else the PAR framework (then
// any) with the latest results up to the report's year.
std::pair<std::string, std::string> ChooseFramework(Context& c, bool parOnly = true) {
    storage::FrameworkRepository fr(c.db.session());
    auto list = fr.List();
    if (!c.req.framework.empty()) {
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const auto& f) { return f.code == c.req.framework; });
        if (it == list.end())
            throw UserError(
                Location{"", 0, "framework"},
                fmt::format(fmt::runtime(tr("unknown framework: {0}")), c.req.framework));
        return {it->code, it->name};
    }
    std::string bestCode, bestName, bestPeriod;
    for (int pass = 0; pass < 2 && bestCode.empty(); ++pass) {
        for (const auto& f : list) {
            if (pass == 0 && parOnly && f.kind != FrameworkKind::Par) continue;
            for (const auto& p : ResultPeriods(c.db, f.code)) {
                auto pp = Period::Parse(p);
                if (!pp || pp->year() > c.period->year()) continue;
                if (p.size() == 4 && p > bestPeriod) {
                    bestCode = f.code;
                    bestName = f.name;
                    bestPeriod = p;
                }
                break;
            }
        }
    }
    return {bestCode, bestName};
}

// The latest yearly period with results on the framework, not after the
// report's year.
std::string LatestYear(Context& c, const std::string& framework) {
    for (const auto& p : ResultPeriods(c.db, framework)) {
        auto pp = Period::Parse(p);
        if (pp && pp->kind() == PeriodKind::Year && pp->year() <= c.period->year()) return p;
    }
    return {};
}

// ---------------------------------------------------------------- quarterly parts

struct Numbering {
    int n = 0;
    std::string Next() { return std::to_string(++n); }
};

void AddTaskTables(Context& c, report::Section& s, Numbering& num) {
    const auto& t = c.t;
    const auto board = TaskBoard::Load(c.db, c.asOf);
    TaskFilter all;
    if (c.unit) all.unitId = c.unit->id;
    auto positions = board.Filter(all);
    TaskCounts total = board.Count(positions);
    TemplateVars v = c.vars;
    v["n"] = num.Next();
    s.blocks.emplace_back(report::Heading{2, t.Text("tasks_heading", v)});
    v["total"] = FormatInteger(total.Total());
    v["done"] = FormatInteger(total.done);
    v["done_percent"] = PercentText(total.done, total.Total() - total.cancelled);
    v["in_progress"] = FormatInteger(total.inProgress);
    v["not_started"] = FormatInteger(total.notStarted);
    v["overdue"] = FormatInteger(total.overdue);
    s.blocks.emplace_back(Para(t.Text("tasks_sentence", v)));

    // Counts per commune (one row for a commune's own report).
    std::map<std::int64_t, TaskCounts> byUnit;
    for (std::size_t i : positions) {
        const auto& task = board[i];
        byUnit[task.row.unitId].Add(task.row.status, task.overdueDays > 0);
    }
    report::Table table;
    table.sheetName = "Nhiệm vụ";
    table.columnWidths = {0.9, 3.2, 1.2, 1.2, 1.2, 1.2, 1.0, 1.0, 1.4};
    table.sizePt = 11;
    table.rows.push_back(HeaderRow(t.Lines("tasks_columns")));
    int no = 0;
    // Communes in the board's order (by their sorting name).
    std::vector<std::int64_t> order;
    for (std::size_t i : positions)
        if (order.empty() || order.back() != board[i].row.unitId) {
            if (std::find(order.begin(), order.end(), board[i].row.unitId) == order.end())
                order.push_back(board[i].row.unitId);
        }
    for (std::int64_t id : order) {
        const std::string name = board.UnitName(id);
        const auto& k = byUnit[id];
        TableRow r;
        r.cells.push_back(Centered(++no));
        r.cells.emplace_back(name);
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

    // A commune's report: each task with the progress reported for the period.
    if (c.unit && c.communeIssuer && !positions.empty()) {
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
        for (std::size_t i : positions) {
            const auto& task = board[i];
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
        }
        s.blocks.emplace_back(pt);
    }

    // The overdue tasks by name.
    TaskFilter overdue = all;
    overdue.overdue = true;
    auto late = board.Filter(overdue);
    if (late.empty()) {
        s.blocks.emplace_back(Para(t.Text("overdue_none")));
        return;
    }
    s.blocks.emplace_back(Para(t.Text("overdue_sentence")));
    report::Table lt;
    lt.sheetName = "Nhiệm vụ quá hạn";
    lt.columnWidths = {0.9, 4.6, 1.8, 2.4, 1.8, 1.3};
    lt.sizePt = 11;
    lt.rows.push_back(HeaderRow(t.Lines("overdue_columns")));
    no = 0;
    for (std::size_t i : late) {
        const auto& task = board[i];
        TableRow r;
        r.cells.push_back(Centered(++no));
        r.cells.emplace_back(task.row.solution);
        r.cells.emplace_back(board.UnitName(task.row.unitId));
        std::string lead = board.LeadUnit(task);
        const std::string person = board.LeadPerson(task);
        if (!person.empty()) lead += lead.empty() ? person : " (" + person + ")";
        r.cells.emplace_back(lead);
        r.cells.push_back(TableCell(task.due ? FormatDate(*task.due) : "").Aligned(Align::Center));
        r.cells.push_back(TableCell::Integer(task.overdueDays));
        lt.rows.push_back(r);
    }
    s.blocks.emplace_back(lt);
}

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
        tr.cells.push_back(Centered(r.rank));
        if (withCode) tr.cells.emplace_back(r.unit);
        tr.cells.emplace_back(r.name);
        tr.cells.push_back(TableCell::Decimal(r.total, 2));
        tr.cells.push_back(TableCell::Decimal(r.max, 2));
        tr.cells.push_back(TableCell::Percent(r.percent, 2));
        tr.cells.push_back(TableCell(r.band).Aligned(Align::Center));
        if (r.change) {
            TableCell ch = TableCell::Decimal(*r.change, 2);
            if (*r.change > 0) ch.runs.front().text = "+" + ch.runs.front().text;
            tr.cells.push_back(ch);
        } else {
            tr.cells.push_back(TableCell("-").Aligned(Align::Center));
        }
        table.rows.push_back(tr);
    }
    return table;
}

void AddIndexTable(Context& c, report::Section& s, Numbering& num) {
    const auto& t = c.t;
    TemplateVars v = c.vars;
    v["n"] = num.Next();
    s.blocks.emplace_back(report::Heading{2, t.Text("index_heading", v)});
    auto [code, name] = ChooseFramework(c);
    std::string year = code.empty() ? std::string() : LatestYear(c, code);
    if (year.empty()) {
        s.blocks.emplace_back(Para(t.Text("index_none")));
        return;
    }
    auto rows = RankUnits(c.db, code, year, true);
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
        v["total"] = FormatNumberTrim(it->total, 2);
        v["max"] = FormatNumberTrim(it->max, 2);
        v["percent"] = FormatPercent(it->percent);
        v["band"] = it->band;
        v["rank"] = std::to_string(it->rank);
        s.blocks.emplace_back(Para(t.Text("index_sentence_unit", v)));
        s.blocks.emplace_back(RankTable(t, {*it}, "index_columns", false));
        return;
    }
    s.blocks.emplace_back(Para(t.Text("index_sentence_office", v)));
    s.blocks.emplace_back(RankTable(t, rows, "index_columns", false));
}

void AddDossierTable(Context& c, report::Section& s, Numbering& num) {
    const auto& t = c.t;
    storage::ReportDataRepository repo(c.db.session());
    std::optional<std::int64_t> unitId;
    if (c.unit) unitId = c.unit->id;
    auto rows = repo.DossierStats(c.period->ToString(), unitId);
    if (rows.empty()) return;  // the office has not recorded form II.06a for the period
    TemplateVars v = c.vars;
    v["n"] = num.Next();
    s.blocks.emplace_back(report::Heading{2, t.Text("dossiers_heading", v)});
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

// Satisfaction tallies of the period per field (survey notice and the
// quarterly report's survey table).
struct SurveySummaryRows {
    std::vector<storage::TallySumRow> rows;
    std::vector<long> satisfied;  // per row, by the survey rule of its scale
    storage::TallySumRow total;
    long totalSatisfied = 0;
};

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

void AddSurveyTable(Context& c, report::Section& s, Numbering& num) {
    auto survey = ReadSurvey(c);
    if (survey.rows.empty()) return;
    const auto& t = c.t;
    TemplateVars v = c.vars;
    v["n"] = num.Next();
    s.blocks.emplace_back(report::Heading{2, t.Text("survey_heading", v)});
    v["responses"] = FormatInteger(survey.total.responses);
    v["settled"] = FormatInteger(survey.total.settled);
    v["coverage"] = PercentText(survey.total.responses, survey.total.settled);
    v["satisfaction"] =
        PercentText(survey.totalSatisfied, survey.total.responses);
    s.blocks.emplace_back(Para(t.Text("survey_sentence", v)));
    auto cols = ReportTemplate::Load("survey").Lines("columns");
    s.blocks.emplace_back(SurveyTable(t, survey, cols));
}

// ---------------------------------------------------------------- reports

BuiltReport BuildQuarterly(Context& c) {
    Prepare(c, true);
    BuiltReport b;
    const int number = ResolveNumber(c, "quarterly");
    b.title = c.t.Text("title", c.vars);
    auto& doc = b.document;
    doc.Add(Header(c, number, "BC"));
    doc.Add(report::TitleBlock{c.t.Text("document_type"), c.t.Lines("summary", c.vars)});
    doc.Add(Para(c.t.Text("intro", c.vars)));
    std::map<std::string, std::string> narratives;
    const std::int64_t narrativeUnit = c.unit ? c.unit->id : c.office.unitId;
    if (narrativeUnit != 0)
        narratives = ReportArchive(c.db, "report")
                         .Narratives(narrativeUnit, c.period->ToString(), "quarterly");
    for (const auto& sec : c.t.Sections(c.vars)) {
        auto& s = doc.Last();
        s.blocks.emplace_back(report::Heading{1, sec.heading});
        auto it = narratives.find(sec.key);
        const auto lines =
            it == narratives.end() ? std::vector<std::string>{} : SplitLines(it->second);
        for (const auto& line : lines) s.blocks.emplace_back(Para(line));
        if (lines.empty() && sec.tables.empty()) {
            // A section the clerk has not written: dotted lines to fill in by hand.
            for (int i = 0; i < 2; ++i) {
                report::Paragraph p(c.t.Text("empty_section"));
                p.firstLineIndent = false;
                s.blocks.emplace_back(p);
            }
        }
        Numbering num;
        num.n = 0;
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

std::string TimeFrame(const ReportTemplate& t, const TaskRecord& task, int planYear) {
    // The structured fields first, worded by the template; the text as
    // written only when they say nothing.
    if (task.dueOn) {
        if (auto d = Date::ParseIso(*task.dueOn))
            return t.Text("time_date", {{"date", FormatDate(*d)}});
    }
    const int year = task.dueYear ? *task.dueYear : planYear;
    if (task.recurring) return t.Text("time_recurring", {{"year", std::to_string(year)}});
    if (task.dueYear) return t.Text("time_year", {{"year", std::to_string(year)}});
    if (!task.timeText.empty()) return task.timeText;
    return t.Text("time_none");
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

void AddUnique(std::vector<std::string>& list, const std::string& s) {
    if (!s.empty() && std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

BuiltReport BuildPlan(Context& c) {
    Prepare(c, false);
    storage::PlanRepository plans(c.db.session());
    std::optional<std::int64_t> planId = c.req.planId;
    if (!planId) {
        if (!c.unit)
            throw UserError(Location{"", 0, "unit"},
                            tr("the plan report needs a unit or a plan (--unit or --plan)"));
        const std::string kind = "remediation";
        planId = plans.FindPlan(c.unit->id, std::nullopt, c.period->year(), kind);
        if (!planId) {
            for (const auto& f : storage::FrameworkRepository(c.db.session()).List()) {
                planId = plans.FindPlan(c.unit->id, f.id, c.period->year(), kind);
                if (planId) break;
            }
        }
        if (!planId)
            throw UserError(Location{"", 0, "plan"},
                            fmt::format(fmt::runtime(tr("{0} has no remediation plan for {1}")),
                                        c.unit->name, c.period->year()));
    }
    auto plan = plans.Load(*planId);
    if (!plan)
        throw UserError(Location{"", 0, "plan"},
                        fmt::format(fmt::runtime(tr("no plan with id {0}")), *planId));
    // The plan is the document of its unit.
    if (!c.unit || c.unit->id != plan->unitId) {
        auto u = storage::UnitRepository(c.db.session()).ById(plan->unitId);
        if (u) {
            ReportRequest r2 = c.req;
            r2.unitCode = u->code;
            Context c2(c.db, r2);
            Prepare(c2, false);
            c.unit = c2.unit;
            c.issuer = c2.issuer;
            c.communeIssuer = c2.communeIssuer;
            c.issuerSymbol = c2.issuerSymbol;
            c.parentBody = c2.parentBody;
            c.issuingBody = c2.issuingBody;
            c.place = c2.place;
            c.subject = c2.subject;
            c.vars = c2.vars;
        }
    }
    c.vars["year"] = std::to_string(plan->year);
    if (plan->issuedOn && !c.req.issuedOn)
        if (auto d = Date::ParseIso(*plan->issuedOn)) c.issuedOn = *d;
    if (!plan->placeName.empty() && c.req.place.empty()) c.place = plan->placeName;
    const auto& t = c.t;
    BuiltReport b;
    b.planId = plan->id;
    int number = 0;
    auto header = Header(c, 0, "KH");
    if (!plan->number.empty() && c.req.number == 0) {
        header.number = "Số: " + plan->number;
        number = std::atoi(plan->number.c_str());
    } else {
        number = ResolveNumber(c, "plan");
        header.number = FormatDocNumber(number, "KH", c.issuerSymbol);
    }
    const std::string summary = !plan->summary.empty() ? plan->summary
                                : !plan->title.empty() ? plan->title
                                                       : t.Text("summary_default", c.vars);
    b.title = "Kế hoạch " + LowerFirst(summary);
    auto& doc = b.document;
    doc.Add(header);
    doc.Add(report::TitleBlock{t.Text("document_type"), {summary}});
    for (const auto& line : SplitLines(plan->basis)) doc.Add(Para(line));
    doc.Add(Para(t.Text("intro", c.vars)));
    doc.Add(report::Heading{1, t.Text("purpose_heading")});
    doc.Add(report::Heading{2, t.Text("purpose_sub")});
    auto purpose = SplitLines(plan->purpose);
    if (purpose.empty()) purpose = t.Lines("purpose_default", c.vars);
    for (const auto& l : purpose) doc.Add(Para(l));
    doc.Add(report::Heading{2, t.Text("requirements_sub")});
    auto reqs = SplitLines(plan->requirements);
    if (reqs.empty()) reqs = t.Lines("requirements_default", c.vars);
    for (const auto& l : reqs) doc.Add(Para(l));
    doc.Add(report::Heading{1, t.Text("content_heading")});
    doc.Add(report::Heading{2, t.Text("content_sub")});
    report::Table annex;
    annex.sheetName = "Nhiệm vụ khắc phục";
    annex.sizePt = 11;
    annex.columnWidths = {0.6, 2.6, 2.8, 5.0, 2.2, 2.2, 1.6};
    annex.rows.push_back(HeaderRow(t.Lines("annex_columns")));
    // Names of the units and people tasks are linked to.
    std::map<std::int64_t, std::string> unitNames, personNames;
    {
        OrganisationService org(c.db, "report");
        for (const auto& u : org.Units()) unitNames[u.id] = u.name;
        for (const auto& p : org.AllPeople()) personNames[p.id] = p.fullName;
    }
    auto named = [](const std::map<std::int64_t, std::string>& names,
                    const std::optional<std::int64_t>& id, const std::string& text) {
        if (!text.empty() || !id) return text;
        auto it = names.find(*id);
        return it == names.end() ? text : it->second;
    };
    int n = 0, taskNo = 0;
    for (const auto& item : plan->items) {
        ++n;
        TemplateVars v{
            {"n", std::to_string(n)},
            {"criterion", item.heading},
            {"title", item.criterionTitle.empty() ? item.groupTitle : item.criterionTitle}};
        std::string heading = t.Text("item_heading", v);
        doc.Add(report::Heading{2, heading});
        doc.Add(Para(item.targetText.empty() ? t.Text("target_none")
                                             : t.Text("target", {{"target", item.targetText}})));
        doc.Add(Para(t.Text("tasks")));
        std::vector<std::string> leads, coords, times;
        for (const auto& task : item.tasks) {
            doc.Add(Para((item.tasks.size() > 1 ? "- " : "") + task.solution));
            // The plan's own unit is not named as its own lead.
            const bool ownUnit =
                task.leadUnitId && *task.leadUnitId == plan->unitId && task.leadPersonId;
            std::string lead = Join(
                {named(personNames, task.leadPersonId, task.leadPersonText),
                 ownUnit ? std::string() : named(unitNames, task.leadUnitId, task.leadUnitText)},
                ", ");
            AddUnique(leads, lead);
            std::vector<std::string> cs;
            for (const auto& co : task.coordinators) {
                cs.push_back(co.unitId ? named(unitNames, co.unitId, co.text)
                                       : named(personNames, co.personId, co.text));
                AddUnique(coords, cs.back());
            }
            const std::string coordText = Join(cs, ", ");
            const std::string time = TimeFrame(t, task, plan->year);
            AddUnique(times, time);
            TableRow r;
            r.cells.push_back(Centered(++taskNo));
            r.cells.emplace_back(item.heading + " " + v["title"]);
            r.cells.emplace_back(item.targetText);
            r.cells.emplace_back(task.solution);
            r.cells.emplace_back(lead);
            r.cells.emplace_back(coordText);
            r.cells.emplace_back(time);
            annex.rows.push_back(r);
        }
        doc.Add(Para(t.Text("responsibility")));
        if (!leads.empty()) doc.Add(Para(t.Text("lead", {{"lead", Join(leads, "; ")}})));
        if (!coords.empty())
            doc.Add(Para(t.Text("coordinators", {{"coordinators", Join(coords, ", ")}})));
        doc.Add(Para(
            t.Text("time", {{"time", times.empty() ? t.Text("time_none") : Join(times, "; ")}})));
    }
    doc.Add(report::Heading{1, t.Text("organisation_heading")});
    auto org = SplitLines(plan->organisation);
    if (org.empty()) org = t.Lines("organisation_default", c.vars);
    for (const auto& l : org) doc.Add(Para(l));
    TemplateVars cv = c.vars;
    cv["summary_lower"] = LowerFirst(summary);
    doc.Add(Para(t.Text("closing", cv)));
    auto recipients = SplitLines(plan->recipients);
    if (recipients.empty()) recipients = t.Lines("recipients");
    report::SignatureBlock s = Signature(c, recipients);
    if (!plan->signerName.empty() && c.req.signerName.empty()) s.signer = plan->signerName;
    if ((!plan->signerTitle.empty() || !plan->signerAuthority.empty()) &&
        c.req.signerTitle.empty() && c.req.signerAuthority.empty()) {
        s.authority = SplitLines(plan->signerAuthority);
        if (!plan->signerTitle.empty()) s.authority.push_back(plan->signerTitle);
    }
    doc.Add(s);
    if (taskNo > 0) {
        auto& sec = doc.NewSection(report::Orientation::Landscape);
        TemplateVars av = c.vars;
        av["number_text"] = header.number.substr(header.number.find(' ') + 1);
        sec.blocks.emplace_back(
            report::TitleBlock{t.Text("annex_type"), t.Lines("annex_summary", av)});
        sec.blocks.emplace_back(annex);
    }
    Finish(c, b, "KH", number);
    b.year = c.issuedOn.year;
    return b;
}

BuiltReport BuildRanking(Context& c) {
    Prepare(c, true);
    auto [code, name] = ChooseFramework(c);
    if (code.empty())
        throw UserError(Location{"", 0, "framework"}, tr("no framework has results to rank"));
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
    auto rows = RankUnits(c.db, code, year, true);
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
    doc.Add(report::Heading{1, t.Text("bands_heading")});
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
    auto& sec = doc.NewSection(report::Orientation::Landscape);
    sec.blocks.emplace_back(report::Heading{1, t.Text("table_heading", v)});
    sec.blocks.emplace_back(RankTable(t, rows, "columns", true));
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

BuiltReport BuildTasks(Context& c) {
    Prepare(c, false);
    const auto& t = c.t;
    const int days = 30;
    const auto board = TaskBoard::Load(c.db, c.asOf);
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
    std::map<std::int64_t, std::size_t> rank;
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
    doc.Add(st);

    auto listTable = [&](const std::vector<std::size_t>& pos, const std::string& colsKey,
                         bool overdue, const std::string& sheet) {
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
                    r.cells.push_back(
                        TableCell::Integer(task.due ? c.asOf.DaysUntil(*task.due) : 0));
                lt.rows.push_back(r);
            }
            start = end;
        }
        return lt;
    };
    doc.Add(report::Heading{1, t.Text("overdue_heading", v)});
    if (latePos.empty())
        doc.Add(Para(t.Text("none")));
    else
        doc.Add(listTable(latePos, "columns", true, "Quá hạn"));
    doc.Add(report::Heading{1, t.Text("due_heading", v)});
    if (soonPos.empty())
        doc.Add(Para(t.Text("none")));
    else
        doc.Add(listTable(soonPos, "due_columns", false, "Đến hạn"));
    doc.Add(Para(t.Text("closing", v)));
    doc.Add(Signature(c, t.Lines("recipients")));
    Finish(c, b, "BC", number);
    return b;
}

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
    auto rows = AssignmentService(c.db, "report").Load(unitCode, framework);
    const auto& t = c.t;
    TemplateVars v = c.vars;
    v["framework"] = fw ? fw->name : framework;
    BuiltReport b;
    const int number = ResolveNumber(c, "assignments");
    b.title = t.Text("title", v);
    auto& doc = b.document;
    auto& sec = doc.NewSection(report::Orientation::Landscape);
    sec.blocks.emplace_back(report::TitleBlock{t.Text("document_type"), t.Lines("summary", v)});
    {
        report::Paragraph p(std::vector<Run>{{t.Text("subtitle", v), false, true}});
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
    v["satisfaction"] =
        PercentText(survey.totalSatisfied, survey.total.responses);
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
    }
    doc.Add(Para(t.Text("closing", v)));
    doc.Add(Signature(c, t.Lines("recipients")));
    Finish(c, b, "TB", number);
    return b;
}

BuiltReport BuildRatings(Context& c) {
    Prepare(c, true);
    storage::ReportDataRepository repo(c.db.session());
    OrganisationService org(c.db, "report");
    const auto window = c.period->Window(org.ReportingWindow());
    std::optional<std::int64_t> unitId;
    if (c.unit && c.unit->id != c.office.unitId) unitId = c.unit->id;
    // The officers' summary as the Surveys area shows it: the same rule of a
    // satisfied rating, the same minimum of ratings before an officer is ranked.
    SurveyQuery q;
    q.period = c.period->ToString();
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
        std::map<std::string, std::string> unitNames;
        for (const auto& u : org.Units()) unitNames[u.code] = u.name;
        report::Table table;
        table.sheetName = "Đánh giá cán bộ";
        table.sizePt = 10;
        table.columnWidths = {0.9, 2.4, 2.2, 1.9, 1.1, 1.0, 1.2, 1.2, 1.35};
        table.rows.push_back(HeaderRow(t.Lines("columns")));
        int no = 0;
        bool anyBelow = false;
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
        doc.Add(table);
        if (anyBelow) doc.Add(ItalicPara(t.Text("min_note", v)));
    }
    doc.Add(Para(t.Text("closing", v)));
    doc.Add(Signature(c, t.Lines("recipients")));
    if (c.req.showCitizens && !rows.empty()) {
        // The ratings one by one with the citizens' names (asked for only).
        auto lines = repo.Ratings(window.first.ToIso(), window.last.ToIso(), unitId);
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
            r.cells.push_back(TableCell(t.Has(channelKey) ? t.Text(channelKey) : l.channel)
                                  .Aligned(Align::Center));
            r.cells.emplace_back(l.citizen);
            for (const auto& score : {l.attitude, l.handling, l.guidance})
                r.cells.push_back(score ? TableCell::Integer(*score).Aligned(Align::Center)
                                        : TableCell("-").Aligned(Align::Center));
            lt.rows.push_back(r);
        }
        annex.blocks.emplace_back(lt);
    }
    Finish(c, b, "BC", number);
    return b;
}

bool ContainsFolded(const std::string& text, const std::vector<std::string>& words) {
    std::string lower = text;
    // ASCII lower-casing is enough for "Một cửa" / "một cửa" and "Tiếp nhận".
    for (auto& ch : lower)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    for (const auto& w : words)
        if (lower.find(w) != std::string::npos) return true;
    return false;
}

BuiltReport BuildQrCards(Context& c) {
    Prepare(c, false);
    const auto& t = c.t;
    OrganisationService org(c.db, "report");
    storage::SettingsRepository settings(c.db.session());
    const std::string urlTemplate =
        settings.Get("qr.url_template", "https://dichvucong.example.vn/danh-gia?cb={officer_code}");
    // Lower-case words in the template; compare on text lower-cased the same way.
    auto words = t.Lines("desk_words");
    for (auto& w : words)
        for (auto& ch : w)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    // The communes, and the units that are a one-stop desk themselves.
    std::vector<Unit> units;
    if (c.unit) {
        units.push_back(*c.unit);
    } else {
        for (const auto& u : org.Units())
            if (u.active && (IsCommuneLevel(u.kind) || ContainsFolded(u.name, words)))
                units.push_back(u);
    }
    report::CardGrid grid;
    grid.columns = t.Number("columns", 2);
    grid.rows = t.Number("rows", 3);
    for (const auto& u : units) {
        auto people = org.People(u.id);
        std::vector<Person> desk;
        const bool deskUnit = ContainsFolded(u.name, words);
        for (const auto& p : people)
            if (p.active && (deskUnit || p.oneStopDesk || ContainsFolded(p.position, words)))
                desk.push_back(p);
        if (desk.empty())
            for (const auto& p : people)
                if (p.active) desk.push_back(p);
        const std::string header = u.headerName.empty() ? u.name : u.headerName;
        for (const auto& p : desk) {
            report::Card card;
            card.lines = {{header, true, false, 10},
                          {t.Text("card_heading"), true, false, 11},
                          {p.fullName, true, false, 14},
                          {p.position, false, true, 11}};
            card.photo = t.Text("photo");
            card.qrText =
                Substitute(urlTemplate, {{"officer_code", p.code}, {"unit_code", u.code}});
            card.footer = {{t.Text("footer"), false, true, 10}};
            grid.cards.push_back(card);
        }
    }
    if (grid.cards.empty())
        throw UserError(Location{"", 0, "unit"}, tr("the unit has no officers to print cards for"));
    BuiltReport b;
    b.title = t.Text("title", c.vars);
    b.document.pageNumbers = false;
    b.document.Add(grid);
    Finish(c, b, "BC", 0);
    return b;
}

}  // namespace

BuiltReport BuildReport(storage::Database& db, const ReportRequest& request) {
    const std::string& type = request.type;
    const auto types = ReportTypes();
    if (std::none_of(types.begin(), types.end(), [&](const auto& t) { return t.key == type; }))
        throw UserError(Location{"", 0, "type"},
                        fmt::format(fmt::runtime(tr("unknown report type \"{0}\" (quarterly, plan, "
                                                    "ranking, tasks, survey, assignments, ratings, "
                                                    "qr-cards)")),
                                    type));
    Context c(db, request);
    if (type == "quarterly") return BuildQuarterly(c);
    if (type == "plan") return BuildPlan(c);
    if (type == "ranking") return BuildRanking(c);
    if (type == "tasks") return BuildTasks(c);
    if (type == "assignments") return BuildAssignments(c);
    if (type == "survey") return BuildSurvey(c);
    if (type == "ratings") return BuildRatings(c);
    return BuildQrCards(c);
}

}  // namespace cchc::services
