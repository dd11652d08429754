// `cchc report`: builds a printed document (services/reports.h), writes it
// as PDF, DOCX or XLSX, and issues it into the archive; lists the archive
// and reprints an archived PDF.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/date.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/vnformat.h"
#include "report/pdf_renderer.h"
#include "report/render.h"
#include "services/app/app_context.h"
#include "services/reports/report_archive.h"
#include "services/reports/reports.h"

namespace cchc::cli {
namespace {

std::unique_ptr<services::Database> OpenExisting(const Args& args) {
    auto url = services::ResolveDatabaseUrl(args.Get("db"));
    services::OpenOptions o;
    o.create = false;
    auto db = services::OpenDatabase(url, o);
    Actor(args, *db);
    return db;
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
    WriteFileAtomically(path, bytes);
}

int RunArchiveList(const Args& args) {
    auto db = OpenExisting(args);
    services::ReportArchive archive(*db, Actor(args, *db));
    std::optional<std::string> type;
    if (args.Has("type")) type = args.Get("type");
    auto list = archive.List(type, std::nullopt);
    if (args.Get("format") == "json") {
        auto quote = [](const std::string& v) {
            std::string q = "\"";
            for (char ch : v) {
                if (ch == '"' || ch == '\\') q += '\\';
                if (static_cast<unsigned char>(ch) < 0x20) {
                    q += fmt::format("\\u{:04x}", static_cast<int>(ch));
                    continue;
                }
                q += ch;
            }
            return q + "\"";
        };
        std::cout << "[";
        bool first = true;
        for (const auto& r : list) {
            std::cout << (first ? "\n" : ",\n") << "  {\"id\": " << r.id
                      << ", \"type\": " << quote(r.reportType)
                      << ", \"number\": " << quote(r.numberText)
                      << ", \"issued_on\": " << quote(r.issuedOn.value_or(""))
                      << ", \"period\": " << quote(r.period) << ", \"status\": " << quote(r.status)
                      << ", \"sha256\": " << quote(r.sha256) << ", \"title\": " << quote(r.title)
                      << "}";
            first = false;
        }
        std::cout << "\n]\n";
        return 0;
    }
    const bool machine = args.Get("format", "text") != "text";
    const char sep = args.Get("format") == "tsv" ? '\t' : ',';
    if (machine)
        std::cout << "id" << sep << "type" << sep << "number" << sep << "issued_on" << sep
                  << "period" << sep << "status" << sep << "sha256" << sep << "title\n";
    for (const auto& r : list) {
        const std::string issued = r.issuedOn ? *r.issuedOn : std::string();
        if (machine) {
            std::string title = r.title;
            if (sep == ',' && title.find_first_of(",\"") != std::string::npos) {
                std::string q = "\"";
                for (char ch : title) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
                title = q + "\"";
            }
            std::cout << r.id << sep << r.reportType << sep << r.numberText << sep << issued << sep
                      << r.period << sep << r.status << sep << r.sha256 << sep << title << "\n";
        } else {
            std::string date = issued;
            if (auto d = Date::ParseIso(issued)) date = FormatDate(*d);
            std::cout << fmt::format("{:>5}  {:<12} {:<16} {:<10}  {}  {}\n", r.id, r.reportType,
                                     r.numberText.empty() ? "-" : r.numberText, date, r.title,
                                     r.status == "revoked" ? tr("(revoked)") : "");
        }
    }
    return 0;
}

int RunReprint(const Args& args) {
    if (args.positional.size() < 2)
        throw UsageError(tr("report reprint needs the ID of an issued report"));
    const std::string& idText = args.positional[1];
    char* end = nullptr;
    const long long id = std::strtoll(idText.c_str(), &end, 10);
    if (idText.empty() || *end != '\0' || id <= 0)
        throw UsageError(fmt::format(fmt::runtime(tr("not a report id: {0}")), idText));
    const std::string out = args.Get("out");
    if (out.empty()) throw UsageError(tr("report reprint needs --out FILE.pdf"));
    auto db = OpenExisting(args);
    services::ReportArchive archive(*db, Actor(args, *db));
    WriteFile(out, archive.Reprint(id));
    if (!args.Has("quiet")) std::cout << out << "\n";
    return 0;
}

}  // namespace

int RunReport(const Args& args) {
    if (args.positional.empty())
        throw UsageError(
            tr("report needs a TYPE: quarterly, plan, ranking, tasks, survey, "
               "assignments, ratings, qr-cards (or archive, reprint)"));
    const std::string type = args.positional[0];
    if (type == "archive") return RunArchiveList(args);
    if (type == "reprint") return RunReprint(args);

    services::ReportRequest req;
    req.type = type;
    req.period = args.Get("period");
    req.unitCode = args.Get("unit");
    req.framework = args.Get("framework");
    req.showCitizens = args.Has("show-citizens");
    if (args.Has("plan")) req.planId = args.GetLong("plan", 0);
    if (args.Has("number")) req.number = static_cast<int>(args.GetLong("number", 0));
    if (args.Has("date")) {
        auto d = Date::ParseIso(args.Get("date"));
        if (!d)
            throw UsageError(fmt::format(
                fmt::runtime(tr("--date: not a date (write YYYY-MM-DD): {0}")), args.Get("date")));
        req.issuedOn = *d;
    }
    const std::string out = args.Get("out");
    if (out.empty()) throw UsageError(tr("report needs --out FILE.pdf, FILE.docx or FILE.xlsx"));
    const auto format = report::FormatForPath(out);
    if (args.Has("issue") && format != report::OutputFormat::Pdf)
        throw UsageError(tr("--issue archives a PDF: give --out FILE.pdf"));

    auto db = OpenExisting(args);
    req.user = Actor(args, *db);
    auto built = services::BuildReport(*db, req);
    if (args.Has("issue")) {
        // The PDF carries the number it is archived under: it reaches --out
        // only once the archive has taken it, so that a number another desk
        // issued meanwhile leaves no file behind (nor changes an old one).
        AtomicFile file(out);
        report::RenderPdf(built.document, file.TempPath());
        services::ReportArchive archive(*db, Actor(args, *db));
        auto rec = archive.Issue(services::IssueRequestFor(built), ReadFile(file.TempPath()));
        file.Commit();
        std::cout << (rec.numberText.empty() ? std::to_string(rec.id) : rec.numberText) << "\t"
                  << rec.id << "\n";
    } else {
        report::RenderFile(built.document, out);
        if (!args.Has("quiet")) std::cout << out << "\n";
    }
    return 0;
}

}  // namespace cchc::cli
