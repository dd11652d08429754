// What the printed reports share: their context, opening, signature and the
// small builders of paragraphs and cells (report_context.h).
#include "services/reports/report_context.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/reports/report_archive.h"
#include "services/results/results.h"
#include "storage/framework_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services::report_parts {

// ---------------------------------------------------------------- helpers

std::string LowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string UpperFirst(const std::string& s) {
    std::size_t n = s.empty() ? 0 : 1;
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
    return UpperVi(s.substr(0, n)) + s.substr(n);
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

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// ---------------------------------------------------------------- context

void RequirePeriod(Context& c, bool required) {
    if (c.req.period.empty()) {
        if (required)
            throw UserError(Location{"", 0, "period"},
                            tr("the report needs a period (e.g. 2026-Q3)"));
        c.period = Period::Year(c.issuedOn.year);
        return;
    }
    c.period = PeriodOrError(c.req.period);
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
            c.issuingBody = c.communeIssuer ? "ỦY BAN NHÂN DÂN " + UpperVi(c.issuer.name)
                                            : UpperVi(c.issuer.name);
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
    // A commune's people's committee goes on to a second line, when it
    // must, before the commune's name.
    const std::string authority = "ỦY BAN NHÂN DÂN ";
    if (h.issuingBody.rfind(authority, 0) == 0) h.issuingBodyBreak = authority.size() - 1;
    h.number = FormatDocNumber(number, kind, c.issuerSymbol);
    h.nationalTitle = c.t.Text("national_title");
    h.motto = c.t.Text("motto");
    h.placeDate = FormatPlaceDate(c.place, c.issuedOn);
    return h;
}

std::string NumberText(const Context& c, int number, const std::string& kind) {
    const std::string text = Header(c, number, kind).number;
    const std::string prefix = "Số: ";
    return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
}

report::Section& AddAnnexHead(Context& c, report::Document& doc, report::Orientation orientation,
                              const std::string& numberText, const TemplateVars& vars) {
    auto& sec = doc.NewSection(orientation);
    TemplateVars av = vars;
    av["number_text"] = numberText;
    if (!av.count("issued_date")) av["issued_date"] = FormatDate(c.issuedOn);
    sec.blocks.emplace_back(
        report::TitleBlock{c.t.Text("annex_type"), c.t.Lines("annex_summary", av)});
    report::Paragraph reference(
        std::vector<report::Run>{{c.t.Text("annex_reference", av), false, true}});
    reference.align = report::Align::Center;
    reference.firstLineIndent = false;
    sec.blocks.emplace_back(reference);
    return sec;
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

namespace {

// The commune's chair (or the first vice-chair) by position.
std::optional<Person> CommuneChair(storage::Database& db, std::int64_t unitId,
                                   const std::string& user) {
    OrganisationService org(db, user);
    std::optional<Person> vice;
    for (const auto& p : org.People(unitId)) {
        if (!p.active) continue;
        if (p.position.rfind("Chủ tịch", 0) == 0) return p;
        if (!vice && p.position.rfind("Phó Chủ tịch", 0) == 0) vice = p;
    }
    return vice;
}

}  // namespace

report::SignatureBlock Signature(Context& c, const std::vector<std::string>& templateRecipients) {
    report::SignatureBlock s;
    std::string authority, title, name;
    if (c.communeIssuer) {
        authority = c.t.Text("commune_authority");
        title = c.t.Text("commune_signer_title");
        if (auto chair = CommuneChair(c.db, c.issuer.id, c.req.user)) {
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
std::pair<std::string, std::string> ChooseFramework(Context& c, bool parOnly) {
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
}  // namespace cchc::services::report_parts
