// What the printed reports share (internal to the services, not for the
// client or the command line): the context of one report (request, period,
// issuer, template), its opening and signature, and the small builders of
// paragraphs and table cells. Each report type is built in its own file,
// named after its template in reports/ (report_parts.h).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "report/document.h"
#include "services/org/organisation.h"
#include "services/reports/report_templates.h"
#include "services/reports/reports.h"
#include "storage/database.h"

namespace cchc::services::report_parts {

using report::Align;
using report::Run;
using report::TableCell;
using report::TableRow;

// ---------------------------------------------------------------- helpers

// "Xã An Bình" -> "xã An Bình" (ASCII first letters only).
std::string LowerFirst(std::string s);
// The first letter in capitals ("chưa rõ" → "Chưa rõ", "đã" → "Đã").
std::string UpperFirst(const std::string& s);

// The lines of a text that are not blank, trailing spaces removed.
std::vector<std::string> SplitLines(const std::string& text);

// The period as the template words it (period_year, period_quarter, ...).
std::string PeriodWords(const ReportTemplate& t, const Period& p);

// The non-empty parts joined by sep.
std::string Join(const std::vector<std::string>& parts, const std::string& sep);

TableRow HeaderRow(const std::vector<std::string>& texts);
TableCell Centered(long long n);
// part of whole as a percentage cell ("-" when whole is not positive).
TableCell PercentOf(double part, double whole);
std::string PercentText(double part, double whole);
report::Paragraph Para(const std::string& text);
report::Paragraph ItalicPara(const std::string& text);

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

// The period of the request (UserError on "period" when it is needed and
// missing or unreadable); the year of the issue date when none is given.
void RequirePeriod(Context& c, bool required);

// Fills the context: issue date, period, unit, issuer and the template's
// common variables (unit, subject, year, period words, as_of).
void Prepare(Context& c, bool periodRequired);

// The number asked for, else the issuer's next free number of the type.
int ResolveNumber(Context& c, const std::string& type);

// The Decree 30 header with the number of its kind ("BC", "KH", "TB").
report::HeaderBlock Header(const Context& c, int number, const std::string& kind);

// The opening the reports share: the next number of their kind, the title,
// the Decree 30 header, the title block and the introduction. Returns the
// number, for Finish.
int Open(Context& c, BuiltReport& b, const std::string& type, const std::string& kind,
         const TemplateVars& v);

// The head of an annex printed after the document (a new section of the
// orientation given): the template's annex_type ("PHỤ LỤC") and its
// annex_summary lines, then in italics the document it belongs to by
// number and date, its annex_reference ("(Kèm theo Báo cáo số
// {number_text} ngày {issued_date} của {subject})"); numberText as
// "05/BC-UBND".
report::Section& AddAnnexHead(Context& c, report::Document& doc, report::Orientation orientation,
                              const std::string& numberText, const TemplateVars& vars);
// "05/BC-UBND" of the issuer's document of that number and kind.
std::string NumberText(const Context& c, int number, const std::string& kind);

// The signer and the recipients (the request's, else Settings', else the
// template's), with the archive line.
report::SignatureBlock Signature(Context& c, const std::vector<std::string>& templateRecipients);

// The request as JSON, to issue and reprint.
std::string ParametersJson(const ReportRequest& r);

// What the archive needs of the built report.
void Finish(Context& c, BuiltReport& b, const std::string& kind, int number);

// The framework to rank on: the one asked for, else the PAR framework (then
// any) with the latest results up to the report's year. Code and name.
std::pair<std::string, std::string> ChooseFramework(Context& c, bool parOnly = true);

// The latest yearly period with results on the framework, not after the
// report's year.
std::string LatestYear(Context& c, const std::string& framework);

}  // namespace cchc::services::report_parts
