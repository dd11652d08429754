// The remediation plan (reports/plan.json): the plan of a unit as its
// People's Committee issues it, the tasks per criterion and their table in
// a landscape annex.
#include <algorithm>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "core/programme_areas.h"
#include "core/task_rules.h"

#include "core/errors.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/org/organisation.h"
#include "services/reports/report_parts.h"
#include "storage/framework_repository.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services::report_parts {

namespace {

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

void AddUnique(std::vector<std::string>& list, const std::string& s) {
    if (!s.empty() && std::find(list.begin(), list.end(), s) == list.end()) list.push_back(s);
}

// The plan asked for, else the unit's remediation plan of the year (on no
// framework first, then on each framework).
PlanRecord LoadPlan(Context& c) {
    storage::PlanRepository plans(c.db.session());
    std::optional<std::int64_t> planId = c.req.planId;
    if (!planId) {
        if (!c.unit)
            throw UserError(Location{"", 0, "unit"},
                            tr("the plan report prints one unit's plan: choose the unit or the "
                               "plan"));
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
    return *plan;
}

// The plan is the document of its unit: the context of that unit's report
// (issuer, header, place, subject, variables).
void AdoptPlanUnit(Context& c, const PlanRecord& plan) {
    if (c.unit && c.unit->id == plan.unitId) return;
    auto u = storage::UnitRepository(c.db.session()).ById(plan.unitId);
    if (!u) return;
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

// The header with the plan's own number when it has one (and none is asked
// for), else the next free number; `number` is set to the number printed.
report::HeaderBlock PlanHeader(Context& c, const PlanRecord& plan, int& number) {
    auto header = Header(c, 0, "KH");
    if (!plan.number.empty() && c.req.number == 0) {
        header.number = "Số: " + plan.number;
        number = std::atoi(plan.number.c_str());
    } else {
        number = ResolveNumber(c, "plan");
        header.number = FormatDocNumber(number, "KH", c.issuerSymbol);
    }
    return header;
}

// The plan's lines of a part, else the template's default ones.
void AddLines(report::Document& doc, const ReportTemplate& t, const TemplateVars& vars,
              const std::string& text, const std::string& defaultKey) {
    auto lines = SplitLines(text);
    if (lines.empty()) lines = t.Lines(defaultKey, vars);
    for (const auto& l : lines) doc.Add(Para(l));
}

// Names of the units and people tasks are linked to.
struct PlanNames {
    std::map<std::int64_t, std::string> units, people;

    // Of the units and people the account reads.
    PlanNames(storage::Database& db, const std::string& user) {
        OrganisationService org(db, user);
        for (const auto& u : org.Units()) units[u.id] = u.name;
        for (const auto& p : org.AllPeople()) people[p.id] = p.fullName;
    }
};

std::string Named(const std::map<std::int64_t, std::string>& names,
                  const std::optional<std::int64_t>& id, const std::string& text) {
    if (!text.empty() || !id) return text;
    auto it = names.find(*id);
    return it == names.end() ? text : it->second;
}

// Each item of the plan (its target, tasks, responsibility and time) in the
// document, each task a row of the annex. Returns the number of tasks.
// The group an item is printed under: the plan's own group where it names
// one, else the field of the item's criterion in its framework; "" for
// the plan's one default group.
std::string GroupOf(const PlanItemRecord& item, const Framework* fw) {
    if (!item.groupTitle.empty()) return item.groupTitle;
    if (fw && item.criterionId)
        if (const Criterion* root = RootCriterion(*fw, *item.criterionId))
            if (root->id != *item.criterionId) return root->title;
    return {};
}

int AddPlanItems(const ReportTemplate& t, const PlanRecord& plan, const PlanNames& names,
                 const Framework* fw, report::Document& doc, report::Table& annex) {
    int n = 0, taskNo = 0;
    // The items by group, as the plan groups them: one heading per group
    // ("1. Tập trung khắc phục, cải thiện …"), then, in a remediation
    // plan, the closing one (keeping up the criteria done well).
    std::vector<std::string> groups;
    for (const auto& item : plan.items) {
        const std::string g = GroupOf(item, fw);
        if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
    }
    auto groupHeading = [&](std::size_t i) {
        TemplateVars gv{{"n", std::to_string(i + 1)}};
        if (groups[i].empty()) return t.Text("content_sub", gv);
        gv["title"] = groups[i];
        gv["title_lower"] = LowerFirst(groups[i]);
        return t.Text("group_heading", gv);
    };
    std::string current = "\x01";
    for (const auto& item : plan.items) {
        const std::string g = GroupOf(item, fw);
        if (g != current) {
            current = g;
            const auto at = std::find(groups.begin(), groups.end(), g) - groups.begin();
            doc.Add(report::Heading{2, groupHeading(static_cast<std::size_t>(at))});
        }
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
                task.leadUnitId && *task.leadUnitId == plan.unitId && task.leadPersonId;
            std::string lead = Join(
                {Named(names.people, task.leadPersonId, task.leadPersonText),
                 ownUnit ? std::string() : Named(names.units, task.leadUnitId, task.leadUnitText)},
                ", ");
            AddUnique(leads, lead);
            std::vector<std::string> cs;
            for (const auto& co : task.coordinators) {
                cs.push_back(co.unitId ? Named(names.units, co.unitId, co.text)
                                       : Named(names.people, co.personId, co.text));
                AddUnique(coords, cs.back());
            }
            const std::string coordText = Join(cs, ", ");
            const std::string time = TimeFrame(t, task, plan.year);
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
        if (leads.empty() && coords.empty()) {
            // What the five clear say is missing, for the plan's author.
            std::vector<std::string> missing;
            for (const auto& task : item.tasks)
                for (const auto& p : CheckFiveClear(task, item))
                    if (p.which == FiveClear::Person || p.which == FiveClear::Responsibility)
                        AddUnique(missing, p.message);
            if (missing.empty()) missing.push_back(t.Text("responsibility_none"));
            for (const auto& m : missing) doc.Add(Para("- " + UpperFirst(m) + "."));
        }
        doc.Add(Para(
            t.Text("time", {{"time", times.empty() ? t.Text("time_none") : Join(times, "; ")}})));
    }
    if (plan.kind == "remediation" && !groups.empty())
        doc.Add(report::Heading{
            2, t.Text("maintain_group", {{"n", std::to_string(groups.size() + 1)}})});
    return taskNo;
}

// The signature with the plan's recipients and signer, unless the request
// gives its own.
report::SignatureBlock PlanSignature(Context& c, const PlanRecord& plan) {
    auto recipients = SplitLines(plan.recipients);
    if (recipients.empty()) recipients = c.t.Lines("recipients");
    report::SignatureBlock s = Signature(c, recipients);
    if (!plan.signerName.empty() && c.req.signerName.empty()) s.signer = plan.signerName;
    if ((!plan.signerTitle.empty() || !plan.signerAuthority.empty()) && c.req.signerTitle.empty() &&
        c.req.signerAuthority.empty()) {
        s.authority = SplitLines(plan.signerAuthority);
        if (!plan.signerTitle.empty()) s.authority.push_back(plan.signerTitle);
    }
    return s;
}

}  // namespace

BuiltReport BuildPlan(Context& c) {
    Prepare(c, false);
    const PlanRecord plan = LoadPlan(c);
    AdoptPlanUnit(c, plan);
    c.vars["year"] = std::to_string(plan.year);
    if (plan.issuedOn && !c.req.issuedOn)
        if (auto d = Date::ParseIso(*plan.issuedOn)) c.issuedOn = *d;
    if (!plan.placeName.empty() && c.req.place.empty()) c.place = plan.placeName;
    const auto& t = c.t;
    BuiltReport b;
    b.planId = plan.id;
    int number = 0;
    const auto header = PlanHeader(c, plan, number);
    const std::string summary = !plan.summary.empty() ? plan.summary
                                : !plan.title.empty() ? plan.title
                                                      : t.Text("summary_default", c.vars);
    b.title = "Kế hoạch " + LowerFirst(summary);
    auto& doc = b.document;
    doc.Add(header);
    doc.Add(report::TitleBlock{t.Text("document_type"), {summary}});
    for (const auto& line : SplitLines(plan.basis)) doc.Add(Para(line));
    doc.Add(Para(t.Text("intro", c.vars)));
    doc.Add(report::Heading{1, UpperVi(t.Text("purpose_heading"))});
    doc.Add(report::Heading{2, t.Text("purpose_sub")});
    AddLines(doc, t, c.vars, plan.purpose, "purpose_default");
    doc.Add(report::Heading{2, t.Text("requirements_sub")});
    AddLines(doc, t, c.vars, plan.requirements, "requirements_default");
    doc.Add(report::Heading{1, UpperVi(t.Text("content_heading"))});
    if (plan.items.empty()) doc.Add(report::Heading{2, t.Text("content_sub", {{"n", "1"}})});
    report::Table annex;
    annex.sheetName = "Nhiệm vụ khắc phục";
    annex.sizePt = 11;
    annex.columnWidths = {0.6, 2.6, 2.8, 5.0, 2.2, 2.2, 1.6};
    annex.rows.push_back(HeaderRow(t.Lines("annex_columns")));
    std::optional<Framework> fw;
    if (plan.frameworkId) fw = storage::FrameworkRepository(c.db.session()).Load(*plan.frameworkId);
    const int taskNo =
        AddPlanItems(t, plan, PlanNames(c.db, c.req.user), fw ? &*fw : nullptr, doc, annex);
    doc.Add(report::Heading{1, UpperVi(t.Text("organisation_heading"))});
    AddLines(doc, t, c.vars, plan.organisation, "organisation_default");
    TemplateVars cv = c.vars;
    cv["summary_lower"] = LowerFirst(summary);
    doc.Add(Para(t.Text("closing", cv)));
    doc.Add(PlanSignature(c, plan));
    if (taskNo > 0) {
        // The plan the annex belongs to, by number and date.
        auto& sec = AddAnnexHead(c, doc, report::Orientation::Landscape,
                                 header.number.substr(header.number.find(' ') + 1), c.vars);
        sec.blocks.emplace_back(annex);
    }
    Finish(c, b, "KH", number);
    b.year = c.issuedOn.year;
    return b;
}

}  // namespace cchc::services::report_parts
