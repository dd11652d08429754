// The subcommands of `cchc`: thin wrappers that open the database, call a
// service and print what happened.
#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/platform.h"
#include "core/progress.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/app/access_guard.h"
#include "services/app/accounts.h"
#include "services/app/app_context.h"
#include "services/app/audit_trail.h"
#include "services/app/backup.h"
#include "services/app/demo.h"
#include "services/app/imports.h"
#include "services/exchange/exchange.h"
#include "services/frameworks/framework_io.h"
#include "services/org/lineage.h"
#include "services/org/org_io.h"
#include "services/org/organisation.h"
#include "services/plans/assignments.h"
#include "services/plans/plan_io.h"
#include "services/plans/plans.h"
#include "services/plans/task_board.h"
#include "services/results/results.h"
#include "services/surveys/self_assessment.h"
#include "services/surveys/surveys.h"

namespace cchc::cli {
namespace {

// The database of --db, opened, and the person acting on it checked once
// (Actor): every command reads and writes as that account.
std::unique_ptr<services::Database> OpenDb(const Args& args, bool create = true) {
    auto url = services::ResolveDatabaseUrl(args.Get("db"));
    services::OpenOptions o;
    o.create = create;
    auto db = services::OpenDatabase(url, o);
    Actor(args, *db);
    return db;
}

// Progress on the terminal (standard error), only when it is one.
class TerminalProgress : public Progress {
  public:
    void Report(const std::string& what, double fraction) override {
        if (!IsTerminal(2)) return;
        std::fprintf(stderr, "\r%-40s %3d%%", what.c_str(), static_cast<int>(fraction * 100));
        if (fraction >= 1.0) std::fprintf(stderr, "\n");
        std::fflush(stderr);
    }
};

void RequireKind(const Args& args, const char* what) {
    if (args.positional.empty())
        throw UsageError(fmt::format(
            fmt::runtime(tr("{0} needs a KIND: units, people, frameworks, results, plans, tasks, "
                            "assignments, tallies, dossiers, ratings or lineage")),
            what));
}

std::string N(long v) { return FormatInteger(v); }

// At most maxChars characters (not bytes) of UTF-8 text, "…" standing for
// the rest: long texts in aligned tables.
std::string Shorten(const std::string& text, std::size_t maxChars) {
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (chars == maxChars) return text.substr(0, i) + "\xe2\x80\xa6";
        ++chars;
    }
    return text;
}

std::string Required(const Args& args, const std::string& name, const char* command) {
    std::string v = args.Get(name);
    if (v.empty())
        throw UsageError(fmt::format(fmt::runtime(tr("{0} needs --{1}")), command, name));
    return v;
}

// A table printed as aligned text or as CSV, TSV or JSON for machines.
struct Table {
    std::vector<std::string> keys;                  // English keys (machine header, JSON names)
    std::vector<std::string> headers;               // translated headers for text
    std::vector<bool> numeric;                      // JSON number / right-aligned in text
    std::vector<std::vector<std::string>> machine;  // '.' decimals; "" = null
    std::vector<std::vector<std::string>> text;     // Vietnamese forms
};

std::string CsvField(const std::string& s, char delim) {
    if (s.find_first_of(std::string(1, delim) + "\"\r\n") == std::string::npos) return s;
    if (delim == '\t') {
        std::string out;
        for (char c : s) out += (c == '\t' || c == '\r' || c == '\n') ? ' ' : c;
        return out;
    }
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Columns a UTF-8 text takes on a terminal: code points, less combining
// diacritics (U+0300..U+036F).
std::size_t Width(const std::string& s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) == 0x80) continue;
        if ((c == 0xCC ||
             (c == 0xCD && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0xAF)))
            continue;
        ++w;
    }
    return w;
}

void Print(const Table& t, const std::string& format) {
    if (format == "csv" || format == "tsv") {
        char d = format == "csv" ? ',' : '\t';
        auto line = [&](const std::vector<std::string>& row) {
            for (std::size_t i = 0; i < row.size(); ++i)
                std::cout << (i ? std::string(1, d) : std::string()) << CsvField(row[i], d);
            std::cout << "\n";
        };
        line(t.keys);
        for (const auto& row : t.machine) line(row);
        return;
    }
    if (format == "json") {
        std::cout << "[";
        for (std::size_t r = 0; r < t.machine.size(); ++r) {
            std::cout << (r ? ",\n " : "\n ") << "{";
            for (std::size_t i = 0; i < t.keys.size(); ++i) {
                const std::string& v = t.machine[r][i];
                std::cout << (i ? ", " : "") << JsonQuoted(t.keys[i]) << ": "
                          << (t.numeric[i] ? (v.empty() ? std::string("null") : v) : JsonQuoted(v));
            }
            std::cout << "}";
        }
        std::cout << (t.machine.empty() ? "]\n" : "\n]\n");
        return;
    }
    std::vector<std::size_t> width(t.headers.size());
    for (std::size_t i = 0; i < t.headers.size(); ++i) width[i] = Width(t.headers[i]);
    for (const auto& row : t.text)
        for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], Width(row[i]));
    auto line = [&](const std::vector<std::string>& row) {
        std::string out;
        for (std::size_t i = 0; i < row.size(); ++i) {
            std::string pad(width[i] - Width(row[i]), ' ');
            if (i) out += "  ";
            out += t.numeric[i] ? pad + row[i] : (i + 1 < row.size() ? row[i] + pad : row[i]);
        }
        std::cout << out << "\n";
    };
    line(t.headers);
    for (const auto& row : t.text) line(row);
}

std::string Signed(double v) {
    std::string s = FormatNumberTrim(v, 2);
    return v > 0 && s != "0" ? "+" + s : s;
}

}  // namespace

long Args::GetLong(const std::string& name, long fallback) const {
    auto it = options.find(name);
    if (it == options.end()) return fallback;
    char* end = nullptr;
    long v = std::strtol(it->second.c_str(), &end, 10);
    if (it->second.empty() || *end != '\0' || v < 0)
        throw UsageError(
            fmt::format(fmt::runtime(tr("--{0} needs a whole number, not {1}")), name, it->second));
    return v;
}

int RunInit(const Args& args) {
    // A new database is created with its catalogues in one transaction.
    services::CatalogueReport report;
    bool loaded = false;
    services::OpenOptions o;
    o.onCreate = [&](services::Database& created) {
        report = services::LoadBuiltinCatalogues(created);
        loaded = true;
    };
    // An upgrade gets the catalogues of the new schema in its transaction.
    o.onUpgrade = o.onCreate;
    auto db = services::OpenDatabase(services::ResolveDatabaseUrl(args.Get("db")), o);
    if (!loaded) report = services::LoadBuiltinCatalogues(*db);
    const auto& m = db->lastMigration();
    if (m.fromVersion != m.toVersion)
        std::cout << fmt::format(fmt::runtime(tr("Database schema: version {0} → {1}")),
                                 m.fromVersion, m.toVersion)
                  << "\n";
    else
        std::cout << fmt::format(fmt::runtime(tr("Database schema is up to date (version {0})")),
                                 m.toVersion)
                  << "\n";
    if (!m.backupPath.empty())
        std::cout << fmt::format(fmt::runtime(tr("Copy of the previous database: {0}")),
                                 m.backupPath)
                  << "\n";
    std::cout << fmt::format(
                     fmt::runtime(tr("Built-in frameworks added: {0}, already present: {1}")),
                     report.frameworksAdded, report.frameworksPresent)
              << "\n";
    std::cout << db->url().Display() << "\n";
    return 0;
}

// The day given with --as-of (YYYY-MM-DD), else today.
Date AsOf(const Args& args) {
    if (!args.Has("as-of")) return Date::Today();
    auto d = Date::ParseIso(args.Get("as-of"));
    if (!d)
        throw UsageError(
            fmt::format(fmt::runtime(tr("not a date (write YYYY-MM-DD): {0}")), args.Get("as-of")));
    return *d;
}

int RunDemo(const Args& args) {
    services::DemoOptions o;
    o.communes = static_cast<int>(args.GetLong("communes", o.communes));
    o.years = static_cast<int>(args.GetLong("years", o.years));
    o.ratings = args.GetLong("ratings", o.ratings);
    o.seed = static_cast<unsigned>(args.GetLong("seed", o.seed));
    if (args.Has("as-of")) o.asOf = AsOf(args);
    if (o.communes < 1 || o.communes > 5000)
        throw UsageError(tr("--communes must be between 1 and 5000"));
    if (o.years < 1 || o.years > 20) throw UsageError(tr("--years must be between 1 and 20"));
    // A new database has no accounts yet; an existing one with accounts is
    // filled by its administrator only (Actor below).
    o.user = args.Get("as", args.Get("user", services::CurrentUser()));
    auto start = std::chrono::steady_clock::now();
    TerminalProgress progress;
    // A new database gets its schema and the office in one transaction.
    services::DemoReport r;
    bool built = false;
    services::OpenOptions open;
    open.onCreate = [&](services::Database& created) {
        r = services::BuildDemo(created, o, &progress);
        built = true;
    };
    auto db = services::OpenDatabase(services::ResolveDatabaseUrl(args.Get("db")), open);
    if (!built) {
        o.user = Actor(args, *db);
        r = services::BuildDemo(*db, o, &progress);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format(
                     fmt::runtime(tr("Demo office created: {0} units, {1} people, {2} results, "
                                     "{3} plans, {4} tasks, {5} tallies, {6} ratings ({7} s)")),
                     N(r.units), N(r.people), N(r.results), N(r.plans), N(r.tasks), N(r.tallies),
                     N(r.ratings), FormatDecimal(secs, 1))
              << "\n";
    return 0;
}

int RunCheck(const Args& args) {
    // Only read: a check never creates, upgrades or fills the database.
    services::OpenOptions o;
    o.create = false;
    o.migrate = false;
    o.readOnly = true;
    auto db = services::OpenDatabase(services::ResolveDatabaseUrl(args.Get("db")), o);
    const int version = db->SchemaVersion();
    std::cout << fmt::format(fmt::runtime(tr("Schema version: {0} (this program: {1})")), version,
                             services::LatestSchemaVersion())
              << "\n";
    if (version == 0) {
        std::cerr << "cchc: "
                  << tr("the database holds no tables of CCHC Desk (empty or unfinished); it was "
                        "left as it is")
                  << "\n";
        return 1;
    }
    if (version < services::LatestSchemaVersion())
        std::cout << tr("The database has an older schema; it was not upgraded (the program "
                        "upgrades it when it opens it to work)")
                  << "\n";
    auto problems = db->Check();
    if (problems.empty()) {
        std::cout << tr("Integrity and foreign-key checks: no problems") << "\n";
        return 0;
    }
    for (const auto& p : problems) std::cout << "- " << p << "\n";
    std::cerr << "cchc: " << fmt::format(fmt::runtime(tr("{0} problems found")), problems.size())
              << "\n";
    return 1;
}

int RunBackup(const Args& args) {
    std::string out = args.Get("out");
    if (out.empty()) throw UsageError(tr("backup needs --out FILE"));
    auto db = OpenDb(args, false);
    TerminalProgress progress;
    const auto written = services::BackupDatabase(*db, out, false, Actor(args, *db), &progress);
    std::cout << fmt::format(fmt::runtime(tr("Backup written to {0} ({1} bytes)")), written.path,
                             FormatInteger(static_cast<long long>(written.bytes)))
              << "\n";
    return 0;
}

int RunRestore(const Args& args) {
    if (args.positional.size() != 1) throw UsageError(tr("restore needs the backup FILE"));
    const std::string file = args.positional[0];
    const auto url = services::ResolveDatabaseUrl(args.Get("db"));
    services::CheckBackupFile(file);  // before a database is created for it
    services::RestoreReport report;
    {
        // As it is: an older schema is brought up to date with the backup's.
        services::OpenOptions o;
        o.migrate = false;
        auto target = services::OpenDatabase(url, o);
        // A target with accounts is replaced by its administrator only.
        const std::string user = Actor(args, *target);
        TerminalProgress progress;
        report = services::RestoreDatabase(*target, file, args.Has("replace"), user, &progress);
    }
    if (!report.replacedCopy.empty())
        std::cout << fmt::format(fmt::runtime(tr("Backup of the replaced data: {0}")),
                                 report.replacedCopy)
                  << "\n";
    const auto reopened = services::ReopenAfterRestore(url);
    const auto& m = reopened.db->lastMigration();
    std::cout << fmt::format(fmt::runtime(tr("Restored {0} into {1}")), file,
                             reopened.db->url().Display())
              << "\n";
    if (m.fromVersion != m.toVersion)
        std::cout << fmt::format(fmt::runtime(tr("Database schema: version {0} → {1}")),
                                 m.fromVersion, m.toVersion)
                  << "\n";
    return 0;
}

int RunImport(const Args& args) {
    RequireKind(args, "import");
    const std::string& kind = args.positional[0];
    if (args.positional.size() < 2) throw UsageError(tr("import needs KIND and FILE"));
    const std::string& file = args.positional[1];
    if (!std::filesystem::exists(std::filesystem::u8path(file)))
        throw UserError(Location{file, 0, ""}, tr("the file does not exist"));
    auto db = OpenDb(args);
    std::string user = Actor(args, *db);
    if (!services::FindImportKind(kind))
        throw UsageError(fmt::format(fmt::runtime(tr("unknown KIND for import: {0}")), kind));
    if (kind == "ratings") {
        TerminalProgress progress;
        const auto r = services::RunImport(*db, kind, file, user, {}, &progress);
        std::cout << fmt::format(fmt::runtime(tr("Imported {0} ratings from {1}: {2} new, {3} "
                                                 "skipped (already stored)")),
                                 N(r.inserted + r.skipped), file, N(r.inserted), N(r.skipped))
                  << "\n";
        return 0;
    }
    const auto s = services::RunImport(*db, kind, file, user, {});
    if (s.inserted == 0 && s.updated == 0 && s.unchanged > 0)
        std::cout << fmt::format(fmt::runtime(tr("Nothing changed: the {0} rows of {1} are "
                                                 "already stored with these values")),
                                 N(s.unchanged), file)
                  << "\n";
    else
        std::cout << fmt::format(fmt::runtime(tr("Imported {0} rows ({1} new, {2} updated, {3} "
                                                 "unchanged) from {4}")),
                                 N(s.inserted + s.updated + s.unchanged), N(s.inserted),
                                 N(s.updated), N(s.unchanged), file)
                  << "\n";
    return 0;
}

int RunExport(const Args& args) {
    RequireKind(args, "export");
    const std::string& kind = args.positional[0];
    std::string out = args.Get("out");
    if (out.empty()) throw UsageError(tr("export needs --out FILE"));
    auto db = OpenDb(args, false);
    // A commune's account exports its own units' rows.
    const std::string user = Actor(args, *db);
    long rows = 0;
    if (kind == "units")
        rows = services::ExportUnits(*db, out, user);
    else if (kind == "people")
        rows = services::ExportPeople(*db, out, user);
    else if (kind == "frameworks")
        rows = services::ExportFrameworks(*db, out);
    else if (kind == "results")
        rows = services::ExportResults(*db, out, user);
    else if (kind == "plans" || kind == "tasks")
        rows = services::ExportTasks(*db, out, user);
    else if (kind == "assignments")
        rows = services::ExportAssignments(*db, out, user);
    else if (kind == "tallies")
        rows = services::ExportTallies(*db, out, user);
    else if (kind == "dossiers")
        rows = services::ExportDossiers(*db, out, user);
    else if (kind == "lineage")
        rows = services::ExportLineage(*db, out, user);
    else if (kind == "ratings") {
        TerminalProgress progress;
        rows = services::ExportRatings(*db, out, user, &progress);
    } else
        throw UsageError(fmt::format(fmt::runtime(tr("unknown KIND for export: {0}")), kind));
    if (out != "-")
        std::cout << fmt::format(fmt::runtime(tr("Exported {0} rows to {1}")), N(rows), out)
                  << "\n";
    return 0;
}

int RunRank(const Args& args) {
    std::string framework = Required(args, "framework", "rank");
    std::string period = Required(args, "period", "rank");
    std::string score = args.Get("score", "appraised");
    if (score != "self" && score != "appraised")
        throw UsageError(
            fmt::format(fmt::runtime(tr("--score must be self or appraised, not {0}")), score));
    auto db = OpenDb(args, false);
    auto rows = services::RankUnits(*db, framework, period, score == "appraised", Actor(args, *db));
    Table t;
    t.keys = {"unit", "name", "total", "max", "percent", "band", "rank", "change"};
    t.headers = {tr("Code"),
                 tr("Unit"),
                 tr("Points"),
                 tr("Maximum"),
                 /* xgettext:no-c-format */ tr("% of maximum"),
                 tr("Band"),
                 tr("Rank"),
                 tr("Change")};
    t.numeric = {false, false, true, true, true, false, true, true};
    for (const auto& r : rows) {
        t.machine.push_back({r.unit, r.name, FormatMachine(r.total, 2), FormatMachine(r.max, 2),
                             FormatMachine(r.percent, 2), r.band, std::to_string(r.rank),
                             r.change ? FormatMachine(*r.change, 2) : std::string()});
        t.text.push_back(
            {r.unit, r.name, FormatNumberTrim(r.total, 2), FormatNumberTrim(r.max, 2),
             FormatPercent(r.percent, 2), r.band, std::to_string(r.rank),
             r.change ? Signed(*r.change) + (r.formedFrom.empty() ? "" : "*") : std::string()});
    }
    const std::string format = args.Get("format", "text");
    Print(t, format);
    // The units formed since the last period: whom their change compares with.
    if (format == "text")
        for (const auto& r : rows)
            if (!r.formedFrom.empty())
                std::cout << fmt::format(fmt::runtime(tr("* {0}: compared with the former units "
                                                         "it was formed from ({1})")),
                                         r.name, JoinTexts(r.formedFrom))
                          << "\n";
    return 0;
}

int RunGaps(const Args& args) {
    std::string framework = Required(args, "framework", "gaps");
    std::string period = Required(args, "period", "gaps");
    auto db = OpenDb(args, false);
    Table t;
    if (args.Has("self-vs-appraised")) {
        // Who over-scores themselves: self-assessed against appraised totals.
        t.keys = {"unit", "name", "self", "appraised", "max", "gap"};
        t.headers = {tr("Unit code"), tr("Unit"),    tr("Self-assessed"),
                     tr("Appraised"), tr("Maximum"), tr("Difference")};
        t.numeric = {false, false, true, true, true, true};
        for (const auto& r :
             services::SelfAppraisedGaps(*db, framework, period, Actor(args, *db))) {
            t.machine.push_back({r.unit, r.name, FormatMachine(r.selfPoints, 2),
                                 FormatMachine(r.appraisedPoints, 2), FormatMachine(r.max, 2),
                                 FormatMachine(r.gap, 2)});
            t.text.push_back({r.unit, r.name, FormatNumberTrim(r.selfPoints, 2),
                              FormatNumberTrim(r.appraisedPoints, 2), FormatNumberTrim(r.max, 2),
                              FormatNumberTrim(r.gap, 2)});
        }
        Print(t, args.Get("format", "text"));
        return 0;
    }
    if (!args.Has("unit")) {
        // The whole office: points lost per criterion over all communes.
        t.keys = {"criterion", "title", "max", "units", "lost", "average"};
        t.headers = {tr("Criterion"), tr("Title"),       tr("Maximum"),
                     tr("Communes"),  tr("Points lost"), tr("Average")};
        t.numeric = {false, false, true, true, true, true};
        for (const auto& r : services::GapsForOffice(*db, framework, period, Actor(args, *db))) {
            t.machine.push_back({r.code, r.title, FormatMachine(r.max, 2), std::to_string(r.units),
                                 FormatMachine(r.lost, 2), FormatMachine(r.averageLost, 2)});
            t.text.push_back({r.code, r.title, FormatNumberTrim(r.max, 2), FormatInteger(r.units),
                              FormatNumberTrim(r.lost, 2), FormatNumberTrim(r.averageLost, 2)});
        }
        Print(t, args.Get("format", "text"));
        return 0;
    }
    std::string unit = Required(args, "unit", "gaps");
    auto rows = services::GapsForUnit(*db, unit, framework, period, Actor(args, *db));
    t.keys = {"criterion", "title", "max", "points", "lost"};
    t.headers = {tr("Criterion"), tr("Title"), tr("Maximum"), tr("Points"), tr("Points lost")};
    t.numeric = {false, false, true, true, true};
    for (const auto& r : rows) {
        t.machine.push_back({r.code, r.title, FormatMachine(r.max, 2), FormatMachine(r.points, 2),
                             FormatMachine(r.lost, 2)});
        t.text.push_back({r.code, r.title, FormatNumberTrim(r.max, 2),
                          FormatNumberTrim(r.points, 2), FormatNumberTrim(r.lost, 2)});
    }
    Print(t, args.Get("format", "text"));
    return 0;
}

int RunTasks(const Args& args) {
    auto db = OpenDb(args, false);
    const std::string user = Actor(args, *db);
    const Date asOf = AsOf(args);
    services::TaskFilter filter;
    if (args.Has("unit")) {
        auto unit = services::OrganisationService(*db, "").UnitByCode(args.Get("unit"));
        if (!unit) throw UserError(std::string(tr("the unit does not exist: ")) + args.Get("unit"));
        // Another commune's tasks are refused to a commune's account.
        services::AccessGuard(*db, user).Require(Action::ReadData, unit->id);
        filter.unitId = unit->id;
    }
    if (args.Has("status")) {
        filter.status = TaskStatusFromKey(args.Get("status"));
        if (!filter.status)
            throw UsageError(fmt::format(
                fmt::runtime(
                    tr("not a task status (not_started, in_progress, done or cancelled): {0}")),
                args.Get("status")));
    }
    filter.overdue = args.Has("overdue");
    filter.missingUpdate = args.Has("missing-update");
    if (args.Has("due-within")) {
        const long days = args.GetLong("due-within", -1);
        if (days < 0) throw UsageError(tr("--due-within needs a number of days"));
        filter.dueWithinDays = static_cast<int>(days);
    }
    // A commune's account reads its own units' tasks.
    services::TaskBoard board(*db, asOf, user);
    Table t;
    t.keys = {"id",          "unit", "criterion", "task",    "lead_unit",
              "lead_person", "due",  "status",    "percent", "overdue_days"};
    t.headers = {tr("No."),       tr("Unit"),        tr("Criterion"), tr("Task"),
                 tr("Lead unit"), tr("Lead person"), tr("Due"),       tr("Status"),
                 tr("Progress"),  tr("Days overdue")};
    t.numeric = {true, false, false, false, false, false, false, false, true, true};
    board.ForEach(filter, {}, [&](const services::BoardTask& task) {
        const auto& r = task.row;
        std::string dueMachine = r.dueOn     ? *r.dueOn
                                 : r.dueYear ? std::to_string(*r.dueYear)
                                             : std::string();
        std::string dueText;
        if (r.dueOn) {
            if (auto d = Date::ParseIso(*r.dueOn)) dueText = FormatDate(*d);
        } else if (r.dueYear) {
            dueText = fmt::format(fmt::runtime(r.recurring ? tr("{0} and after") : tr("year {0}")),
                                  *r.dueYear);
        }
        t.machine.push_back({std::to_string(r.taskId), task.unitCode, r.criterion, r.solution,
                             task.leadUnit, task.leadPerson, dueMachine, TaskStatusKey(r.status),
                             std::to_string(r.percentDone), std::to_string(task.overdueDays)});
        t.text.push_back({std::to_string(r.taskId), task.unitCode, r.criterion,
                          Shorten(r.solution, 60), Shorten(task.leadUnit, 30),
                          Shorten(task.leadPerson, 30), dueText, TaskStatusLabel(r.status),
                          FormatPercentTrim(r.percentDone),
                          task.overdueDays > 0 ? N(task.overdueDays) : ""});
    });
    Print(t, args.Get("format", "text"));
    return 0;
}

int RunPlan(const Args& args) {
    if (args.positional.empty() || args.positional[0] != "draft")
        throw UsageError(tr("plan needs a subcommand: draft"));
    const std::string unit = Required(args, "unit", "plan draft");
    const std::string framework = Required(args, "framework", "plan draft");
    const std::string period = Required(args, "period", "plan draft");
    double below = 80;
    if (args.Has("below")) {
        auto v = ParseVnNumber(args.Get("below"));
        if (!v)
            throw UsageError(fmt::format(fmt::runtime(tr("not a number: {0}")), args.Get("below")));
        below = *v;
    }
    auto db = OpenDb(args, false);
    auto r = services::DraftPlan(*db, unit, framework, period, below, Actor(args, *db));
    Table t;
    t.keys = {"plan", "criterion", "title", "baseline_points", "target"};
    t.headers = {tr("Plan"), tr("Criterion"), tr("Title"), tr("Points"), tr("Target")};
    t.numeric = {true, false, false, true, false};
    for (const auto& item : r.items) {
        t.machine.push_back({std::to_string(r.planId), item.heading, item.criterionTitle,
                             item.baselinePoints ? FormatMachine(*item.baselinePoints, 2) : "",
                             item.targetText});
        t.text.push_back({std::to_string(r.planId), item.heading, item.criterionTitle,
                          item.baselinePoints ? FormatNumberTrim(*item.baselinePoints, 2) : "",
                          item.targetText});
    }
    Print(t, args.Get("format", "text"));
    if (args.Get("format", "text") == "text")
        std::cout << fmt::format(fmt::runtime(r.created ? tr("Draft plan {0} for {1}: {2} items.")
                                                        : tr("Plan {0} for {1}: {2} items added.")),
                                 r.planId, r.year, r.items.size())
                  << "\n";
    return 0;
}

namespace {
// Percentages of the survey tables: "83.33" for machines, "83,33%" to read,
// nothing / "–" when there is nothing to divide by.
std::string MachinePercent(const std::optional<double>& v) {
    return v ? FormatMachine(*v, 2) : std::string();
}
std::string TextPercent(const std::optional<double>& v) {
    return v ? FormatPercent(*v, 2) : std::string("\xe2\x80\x93");
}
std::string Rank(const std::optional<int>& r) { return r ? std::to_string(*r) : std::string(); }
std::string Int(long v) { return std::to_string(v); }
}  // namespace

namespace {
// cchc survey self --period 2026-Q3 [--unit CODE] [--framework CODE]: each
// officer's self-assessed and appraised totals and classes (Mẫu 02) beside
// the citizen ratings of the same quarter.
int RunSelfAssessments(const Args& args) {
    const std::string period = Required(args, "period", "survey self");
    const std::string framework = args.Get("framework", services::kDefaultSelfFramework);
    const std::string format = args.Get("format", "text");
    auto db = OpenDb(args, false);
    const auto rows =
        services::SelfAssessmentSummary(*db, Actor(args, *db), period, args.Get("unit"), framework);
    Table t;
    t.keys = {"unit",      "officer",         "name",    "self",           "self_class",
              "appraised", "appraised_class", "ratings", "satisfied_share"};
    t.headers = {tr("Unit"),     tr("Officer"),   tr("Full name"),       tr("Self-assessed"),
                 tr("Class"),    tr("Appraised"), tr("Appraised class"), tr("Ratings"),
                 tr("Satisfied")};
    t.numeric = {false, false, false, true, false, true, false, true, true};
    auto points = [](double v, int scored, bool machine) {
        if (scored == 0) return std::string();
        return machine ? FormatMachine(v, 2) : FormatNumberTrim(v, 2);
    };
    auto share = [](const RatingTally& r) {
        const auto s = r.SatisfiedShare();
        return s ? std::optional<double>(*s * 100) : std::nullopt;
    };
    for (const auto& r : rows) {
        t.machine.push_back(
            {r.unit, r.officer, r.name, points(r.total.self, r.total.selfScored, true),
             r.total.selfClass, points(r.total.appraised, r.total.appraisedScored, true),
             r.total.appraisedClass, Int(r.ratings.ratings), MachinePercent(share(r.ratings))});
        t.text.push_back(
            {r.unit, r.officer, r.name, points(r.total.self, r.total.selfScored, false),
             r.total.selfClass, points(r.total.appraised, r.total.appraisedScored, false),
             r.total.appraisedClass, N(r.ratings.ratings), TextPercent(share(r.ratings))});
    }
    Print(t, format);
    if (format == "text" && rows.empty())
        std::cout << tr("No officer has a self-assessment for this quarter.") << "\n";
    return 0;
}
}  // namespace

namespace {
// cchc survey fill --framework QD766 --criterion 5.3 --period P
int RunSurveyFill(const Args& args) {
    const std::string framework = Required(args, "framework", "survey fill");
    const std::string criterion = Required(args, "criterion", "survey fill");
    const std::string period = Required(args, "period", "survey fill");
    auto db = OpenDb(args, false);
    auto r =
        services::FillCriterionFromSurveys(*db, framework, criterion, period, Actor(args, *db));
    std::cout << fmt::format(fmt::runtime(tr("Criterion {0} of {1}, {2}: {3} results written "
                                             "from the surveys, {4} unchanged, {5} entered by "
                                             "users and {6} locked left as they were")),
                             criterion, framework, period, N(r.written), N(r.unchanged),
                             N(r.keptManual), N(r.keptLocked))
              << "\n";
    return 0;
}

// The period, unit, window and sample size a survey table is asked for.
services::SurveyQuery SurveyQueryOf(const Args& args) {
    services::SurveyQuery q;
    q.period = Required(args, "period", "survey");
    q.unitCode = args.Get("unit");
    if (args.Has("window")) {
        const std::string w = args.Get("window");
        if (w == "calendar")
            q.window = WindowKind::Calendar;
        else if (w == "cutoff")
            q.window = WindowKind::CutOff;
        else
            throw UsageError(
                fmt::format(fmt::runtime(tr("--window must be calendar or cutoff, not {0}")), w));
    }
    if (args.Has("min-ratings")) q.minimumSample = static_cast<int>(args.GetLong("min-ratings", 5));
    return q;
}

// Satisfaction per unit and procedure field, with the fields below the
// required coverage starred.
void PrintSurveyByField(services::Database& db, const services::SurveyQuery& q,
                        const std::string& format) {
    Table t;
    auto rows = services::SurveyByField(db, q);
    t.keys = {"unit", "field", "settled", "responses", "coverage", "satisfied", "satisfaction"};
    t.headers = {tr("Unit"),     tr("Procedure field"), tr("Dossiers settled"), tr("Responses"),
                 tr("Coverage"), tr("Satisfied"),       tr("Satisfaction")};
    t.numeric = {false, false, true, true, true, true, true};
    long below = 0;
    for (const auto& r : rows) {
        t.machine.push_back({r.unit, r.field, Int(r.settled), Int(r.responses),
                             MachinePercent(r.coverage), Int(r.satisfied),
                             MachinePercent(r.satisfaction)});
        const bool short_ = r.status == CoverageStatus::Below;
        below += short_ ? 1 : 0;
        t.text.push_back({r.unit, Shorten(r.fieldName.empty() ? r.field : r.fieldName, 40),
                          N(r.settled), N(r.responses),
                          TextPercent(r.coverage) + (short_ ? " *" : ""), N(r.satisfied),
                          TextPercent(r.satisfaction)});
    }
    Print(t, format);
    if (format == "text" && below > 0)
        std::cout << fmt::format(fmt::runtime(tr("* {0} fields where the responses do not "
                                                 "exceed the required share of the dossiers "
                                                 "settled")),
                                 N(below))
                  << "\n";
}

// Satisfaction and rank per unit.
void PrintSurveyByUnit(services::Database& db, const services::SurveyQuery& q,
                       const std::string& format) {
    Table t;
    auto rows = services::SurveyByUnit(db, q);
    t.keys = {"unit",     "name",      "settled",      "responses",
              "coverage", "satisfied", "satisfaction", "rank"};
    t.headers = {tr("Code"),     tr("Unit"),      tr("Dossiers settled"), tr("Responses"),
                 tr("Coverage"), tr("Satisfied"), tr("Satisfaction"),     tr("Rank")};
    t.numeric = {false, false, true, true, true, true, true, true};
    for (const auto& r : rows) {
        t.machine.push_back({r.unit, r.name, Int(r.settled), Int(r.responses),
                             MachinePercent(r.coverage), Int(r.satisfied),
                             MachinePercent(r.satisfaction), Rank(r.rank)});
        t.text.push_back({r.unit, r.name, N(r.settled), N(r.responses),
                          TextPercent(r.coverage) + (r.status == CoverageStatus::Below ? " *" : ""),
                          N(r.satisfied), TextPercent(r.satisfaction), Rank(r.rank)});
    }
    Print(t, format);
}

// Officers' average scores, satisfied share and rank, with the window of the
// ratings read.
void PrintSurveyByOfficer(services::Database& db, const services::SurveyQuery& q,
                          const std::string& format) {
    Table t;
    auto rows = services::SurveyByOfficer(db, q);
    t.keys = {"unit",     "officer",         "name", "ratings", "attitude", "handling",
              "guidance", "satisfied_share", "rank"};
    t.headers = {tr("Unit"),     tr("Officer"),  tr("Full name"), tr("Ratings"), tr("Attitude"),
                 tr("Handling"), tr("Guidance"), tr("Satisfied"), tr("Rank")};
    t.numeric = {false, false, false, true, true, true, true, true, true};
    auto avgM = [](const std::optional<double>& v) {
        return v ? FormatMachine(*v, 2) : std::string();
    };
    auto avgT = [](const std::optional<double>& v) {
        return v ? FormatDecimal(*v, 2) : std::string("\xe2\x80\x93");
    };
    for (const auto& r : rows) {
        t.machine.push_back({r.unit, r.officer, r.name, Int(r.ratings), avgM(r.attitude),
                             avgM(r.handling), avgM(r.guidance), MachinePercent(r.satisfiedShare),
                             Rank(r.rank)});
        t.text.push_back({r.unit, r.officer, r.name, N(r.ratings), avgT(r.attitude),
                          avgT(r.handling), avgT(r.guidance), TextPercent(r.satisfiedShare),
                          Rank(r.rank)});
    }
    Print(t, format);
    if (format == "text") {
        const DateRange w = services::SurveyWindow(db, q);
        std::cout << fmt::format(fmt::runtime(tr("Ratings from {0} to {1}. A rating is "
                                                 "satisfied when its scores average 4 or "
                                                 "more; officers with too few ratings are "
                                                 "not ranked.")),
                                 FormatDate(w.first), FormatDate(w.last))
                  << "\n";
    }
}
}  // namespace

int RunSurvey(const Args& args) {
    if (!args.positional.empty() && args.positional[0] == "fill") return RunSurveyFill(args);
    if (!args.positional.empty() && args.positional[0] == "self") return RunSelfAssessments(args);
    if (!args.positional.empty())
        throw UsageError(
            fmt::format(fmt::runtime(tr("unknown argument: {0}")), args.positional[0]));
    services::SurveyQuery q = SurveyQueryOf(args);
    const std::string by = args.Get("by", "field");
    const std::string format = args.Get("format", "text");
    auto db = OpenDb(args, false);
    // A commune's account reads its own units.
    q.user = Actor(args, *db);
    if (by == "field") {
        PrintSurveyByField(*db, q, format);
        return 0;
    }
    if (by == "unit") {
        PrintSurveyByUnit(*db, q, format);
        return 0;
    }
    if (by == "officer") {
        PrintSurveyByOfficer(*db, q, format);
        return 0;
    }
    throw UsageError(
        fmt::format(fmt::runtime(tr("--by must be field, unit or officer, not {0}")), by));
}

}  // namespace cchc::cli

namespace cchc::cli {
namespace {

// A password typed at the terminal without echo, or the first line of
// standard input when it is not a terminal.
std::string ReadPassword(const std::string& prompt, bool fromStdin) {
    std::string line;
    if (fromStdin || !IsTerminal(0)) {
        if (!std::getline(std::cin, line)) throw UsageError(tr("no password on standard input"));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    std::fprintf(stderr, "%s", prompt.c_str());
    std::fflush(stderr);
    const bool quiet = SetTerminalEcho(false);
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (quiet) SetTerminalEcho(true);
    std::fprintf(stderr, "\n");
    return line;
}

std::string NewPassword(const Args& args) {
    const bool fromStdin = args.Has("password-stdin");
    std::string password = ReadPassword(tr("New password: "), fromStdin);
    if (!fromStdin && IsTerminal(0)) {
        if (ReadPassword(tr("Repeat the new password: "), false) != password)
            throw UserError(tr("the two passwords differ"));
    }
    return password;
}

}  // namespace

int RunUser(const Args& args) {
    if (args.positional.empty())
        throw UsageError(tr("user needs a subcommand: add, set, passwd, list, disable or enable"));
    const std::string sub = args.positional[0];
    auto db = OpenDb(args, false);
    auto loginArg = [&]() -> std::string {
        if (args.positional.size() < 2)
            throw UsageError(fmt::format(fmt::runtime(tr("user {0} needs a LOGIN")), sub));
        return args.positional[1];
    };
    if (sub == "list") {
        services::AccountService accounts(*db, Actor(args, *db));
        Table t;
        t.keys = {"login", "name", "role", "unit", "active", "last_login"};
        t.headers = {tr("Login"), tr("Name"),   tr("Role"),
                     tr("Unit"),  tr("Active"), tr("Last login")};
        t.numeric = {false, false, false, false, false, false};
        for (const auto& a : accounts.List()) {
            std::string lastText;
            if (a.lastLoginAt.size() >= 10)
                if (auto d = Date::ParseIso(a.lastLoginAt.substr(0, 10)))
                    lastText = FormatDate(*d) + a.lastLoginAt.substr(10).replace(0, 1, " ");
            t.machine.push_back({a.login, a.fullName, std::string(RoleKey(a.role)), a.unitCode,
                                 a.active ? "1" : "0", a.lastLoginAt});
            t.text.push_back({a.login, a.fullName, RoleLabel(a.role), a.unitName,
                              a.active ? tr("yes") : tr("no"), lastText});
        }
        Print(t, args.Get("format", "text"));
        return 0;
    }
    if (sub == "add") {
        const std::string login = loginArg();
        if (!args.Has("role"))
            throw UsageError(tr("user add needs --role admin, specialist, chair, clerk or viewer"));
        auto role = RoleFromKey(args.Get("role"));
        if (!role)
            throw UsageError(fmt::format(
                fmt::runtime(tr("not a role (admin, specialist, chair, clerk or viewer): {0}")),
                args.Get("role")));
        const std::string actor = Actor(args, *db);
        const std::string password = NewPassword(args);
        services::AccountService(*db, actor)
            .Add(login, *role, args.Get("unit"), args.Get("name"), password);
        if (!args.Has("quiet"))
            std::cout << fmt::format(fmt::runtime(tr("Account {0} added ({1}).")), login,
                                     RoleLabel(*role))
                      << "\n";
        return 0;
    }
    if (sub == "passwd") {
        const std::string login = loginArg();
        const std::string actor = Actor(args, *db);
        services::AccountService(*db, actor).SetPassword(login, NewPassword(args));
        if (!args.Has("quiet"))
            std::cout << fmt::format(fmt::runtime(tr("Password of {0} changed.")), login) << "\n";
        return 0;
    }
    if (sub == "set") {
        // What is not given is kept: --role, --unit CODE (--unit "" or
        // --no-unit: the whole tree), --name.
        const std::string login = loginArg();
        services::AccountService accounts(*db, Actor(args, *db));
        std::optional<services::AccountInfo> read;
        for (auto& a : accounts.List())
            if (a.login == login) read = a;
        if (!read)
            throw UserError(Location{"", 0, "login"},
                            std::string(tr("no account has the login ")) + login);
        Role role = read->role;
        if (args.Has("role")) {
            auto chosen = RoleFromKey(args.Get("role"));
            if (!chosen)
                throw UsageError(fmt::format(
                    fmt::runtime(tr("not a role (admin, specialist, chair, clerk or viewer): {0}")),
                    args.Get("role")));
            role = *chosen;
        }
        std::string unit = read->unitCode;
        if (args.Has("no-unit")) unit.clear();
        if (args.Has("unit")) unit = args.Get("unit");
        accounts.Change(*read, role, unit, args.Has("name") ? args.Get("name") : read->fullName);
        if (!args.Has("quiet"))
            std::cout << fmt::format(fmt::runtime(tr("Account {0} changed ({1}).")), login,
                                     RoleLabel(role))
                      << "\n";
        return 0;
    }
    if (sub == "disable" || sub == "enable") {
        const std::string login = loginArg();
        const bool enable = sub == "enable";
        services::AccountService(*db, Actor(args, *db)).SetActive(login, enable);
        if (!args.Has("quiet"))
            std::cout << fmt::format(fmt::runtime(enable ? tr("Account {0} enabled.")
                                                         : tr("Account {0} disabled.")),
                                     login)
                      << "\n";
        return 0;
    }
    throw UsageError(fmt::format(
        fmt::runtime(tr("not a user subcommand (add, set, passwd, list, disable, enable): {0}")),
        sub));
}

// cchc audit [--table T] [--user LOGIN] [--unit CODE] [--since DATE] [--until DATE]: the
// audit trail, oldest first. Here --user filters the entries by login; the
// account reading them is --as LOGIN (else the same --user).
int RunAudit(const Args& args) {
    if (!args.positional.empty()) throw UsageError(tr("audit takes no positional arguments"));
    auto db = OpenDb(args, false);
    services::AuditTrailFilter f;
    f.table = args.Get("table");
    f.user = args.Get("user");
    f.unitCode = args.Get("unit");
    f.since = args.Get("since");
    f.until = args.Get("until");
    const auto rows = services::ReadAuditTrail(*db, Actor(args, *db), f);
    Table t;
    t.keys = {"at", "user", "table", "row", "action", "field", "old", "new"};
    t.headers = {tr("Time"),   tr("Account"), tr("Table"),     tr("Row"),
                 tr("Action"), tr("Field"),   tr("Old value"), tr("New value")};
    t.numeric = {false, false, false, true, false, false, false, false};
    for (const auto& r : rows) {
        std::string when = r.at;
        if (r.at.size() >= 10)
            if (auto d = Date::ParseIso(r.at.substr(0, 10)))
                when = FormatDate(*d) + (r.at.size() > 10 ? " " + r.at.substr(11, 8) : "");
        const std::string row = std::to_string(r.rowId);
        t.machine.push_back({r.at, r.user, r.table, row, r.action, r.field, r.oldValue.value_or(""),
                             r.newValue.value_or("")});
        t.text.push_back({when, r.user, r.table, row, r.action, r.field, r.oldValue.value_or(""),
                          r.newValue.value_or("")});
    }
    Print(t, args.Get("format", "text"));
    return 0;
}

// Who is acting: --user (or the operating system's login); once the
// database has accounts, the account's password from $CCHC_PASSWORD or a
// prompt is checked (SQLite; on PostgreSQL the server checked it at connect).
std::string Actor(const Args& args, services::Database& db) {
    // Checked once per run: the password is asked for at most once.
    static std::string checked;
    if (!checked.empty()) return checked;
    std::string login = args.Get("as", args.Get("user"));
    // On PostgreSQL the server checked the password at connect: a
    // connection as an account acts as that account; the owner's
    // connection (setup) as --as or --user.
    if (db.backend() != services::DatabaseBackend::Sqlite) {
        if (auto account = services::ConnectedAccount(db)) return checked = account->login;
        return checked = login.empty() ? services::CurrentUser() : login;
    }
    if (!services::HasAccounts(db))
        return checked = login.empty() ? services::CurrentUser() : login;
    if (login.empty())
        throw UsageError(
            tr("this database has accounts: give --user LOGIN (and the password in "
               "CCHC_PASSWORD or at the prompt)"));
    const char* env = std::getenv("CCHC_PASSWORD");
    const std::string password = env ? std::string(env) : ReadPassword(tr("Password: "), false);
    services::AccountService(db, login).LogIn(login, password);
    return checked = login;
}

int RunExchange(const Args& args) {
    const std::string sub = args.positional.empty() ? std::string() : args.positional[0];
    const std::string format = args.Get("format", "text");
    if (sub == "export") {
        const std::string out = args.Get("out");
        if (out.empty()) throw UsageError(tr("exchange export needs --out FILE.cchcx"));
        auto db = OpenDb(args, false);
        if (args.Has("unit")) {
            services::ExchangeExportOptions options;
            options.withFiles = args.Has("with-files");
            options.withRatings = args.Has("with-ratings");
            options.full = args.Has("full");
            const auto o =
                services::ExportUnitPackage(*db, args.Get("unit"), out, Actor(args, *db), options);
            std::cout << fmt::format(
                             fmt::runtime(
                                 o.since > 0
                                     ? tr("Package number {0} for {1} ({2}) written to {3}: {4} "
                                          "rows changed since package number {5}")
                                     : tr("Package number {0} for {1} ({2}) written to {3}: "
                                          "{4} rows")),
                             o.seq, o.unitName, o.unitCode, out, FormatInteger(o.rows), o.since)
                      << "\n";
            if (o.files > 0)
                std::cout << fmt::format(fmt::runtime(tr("Evidence files carried: {0}")),
                                         FormatInteger(o.files))
                          << "\n";
        } else {
            const auto o = services::ExportCommunePackage(*db, out, Actor(args, *db));
            std::cout << fmt::format(fmt::runtime(tr("Return package number {0} of {1} written "
                                                     "to {2}: {3} rows changed")),
                                     o.seq, o.unitCode, out, FormatInteger(o.changes))
                      << "\n";
        }
        return 0;
    }
    if (sub == "open") {
        if (args.positional.size() != 2) throw UsageError(tr("exchange open needs the FILE"));
        auto db = OpenDb(args, true);
        const auto o = services::OpenPackage(*db, args.positional[1], Actor(args, *db));
        if (o.seq > 0 && !o.refreshed && o.rows == 0)
            std::cout << fmt::format(fmt::runtime(tr("This copy already holds package number "
                                                     "{0} of {1}; nothing changed")),
                                     o.seq, o.unitName)
                      << "\n";
        else
            std::cout << fmt::format(
                             fmt::runtime(
                                 o.since > 0
                                     ? tr("Copy of {0} ({1}) brought up to date from package "
                                          "number {2} ({4} rows changed since number {5}): {3} "
                                          "rows")
                                 : o.refreshed ? tr("Copy of {0} ({1}) brought up to date from "
                                                    "package number {2}: {3} rows")
                                               : tr("Copy of {0} ({1}) made from package number "
                                                    "{2}: {3} rows")),
                             o.unitName, o.unitCode, o.seq, FormatInteger(o.rows),
                             FormatInteger(o.carried), o.since)
                      << "\n";
        if (o.files > 0)
            std::cout << fmt::format(fmt::runtime(tr("Evidence files in the copy: {0}")),
                                     FormatInteger(o.files))
                      << "\n";
        return 0;
    }
    if (sub == "import") {
        if (args.positional.size() != 2) throw UsageError(tr("exchange import needs the FILE"));
        auto db = OpenDb(args, false);
        const auto o = services::ImportCommunePackage(*db, args.positional[1], Actor(args, *db));
        if (o.alreadyImported)
            std::cerr << fmt::format(fmt::runtime(tr("Return package number {0} of {1} was "
                                                     "imported already; nothing changed")),
                                     o.seq, o.unitName)
                      << "\n";
        Table t;
        t.keys = {"table", "key", "field", "base", "office", "commune", "state"};
        t.headers = {tr("Table"),  tr("Key"),     tr("Field"), tr("Base value"),
                     tr("Office"), tr("Commune"), tr("State")};
        t.numeric = {false, false, false, false, false, false, false};
        for (const auto& l : o.lines) {
            std::vector<std::string> row = {l.table,
                                            l.key,
                                            l.field,
                                            l.base.value_or(""),
                                            l.office.value_or(""),
                                            l.commune.value_or(""),
                                            l.state};
            t.machine.push_back(row);
            row.back() = l.state == "applied"    ? tr("applied")
                         : l.state == "parallel" ? tr("parallel (applied)")
                                                 : tr("conflict");
            t.text.push_back(row);
        }
        Print(t, format);
        if (format == "text" && !o.alreadyImported) {
            long conflicts = 0;
            for (const auto& l : o.lines) conflicts += l.state == "conflict";
            std::cout << fmt::format(fmt::runtime(tr("Return package number {0} of {1}: {2} "
                                                     "changes, {3} conflicts to resolve")),
                                     o.seq, o.unitName, FormatInteger(o.lines.size()),
                                     FormatInteger(conflicts))
                      << "\n";
        }
        return 0;
    }
    if (sub == "conflicts") {
        auto db = OpenDb(args, false);
        const auto rows = services::OpenExchangeConflicts(*db, Actor(args, *db));
        Table t;
        t.keys = {"id", "table", "key", "field", "base", "office", "commune"};
        t.headers = {tr("No."),        tr("Table"),  tr("Key"),    tr("Field"),
                     tr("Base value"), tr("Office"), tr("Commune")};
        t.numeric = {true, false, false, false, false, false, false};
        for (const auto& c : rows) {
            std::vector<std::string> row = {std::to_string(c.id),
                                            c.table,
                                            c.key,
                                            c.field,
                                            c.base.value_or(""),
                                            c.office.value_or(""),
                                            c.commune.value_or("")};
            t.machine.push_back(row);
            t.text.push_back(row);
        }
        Print(t, format);
        return 0;
    }
    if (sub == "resolve") {
        if (args.positional.size() != 2) throw UsageError(tr("exchange resolve needs the ID"));
        const std::string keep = args.Get("keep");
        if (keep != "office" && keep != "commune")
            throw UsageError(tr("exchange resolve needs --keep office or --keep commune"));
        long long id = 0;
        try {
            std::size_t used = 0;
            id = std::stoll(args.positional[1], &used);
            if (used != args.positional[1].size() || id <= 0) throw std::invalid_argument("");
        } catch (const std::logic_error&) {
            throw UsageError(tr("exchange resolve needs the ID of a conflict (a number)"));
        }
        auto db = OpenDb(args, false);
        services::ResolveExchangeConflict(*db, id, keep == "commune", Actor(args, *db));
        std::cout << fmt::format(
                         fmt::runtime(keep == "commune" ? tr("Conflict {0} resolved: the commune's "
                                                             "value applied")
                                                        : tr("Conflict {0} resolved: the office's "
                                                             "value kept")),
                         id)
                  << "\n";
        return 0;
    }
    throw UsageError(tr("exchange needs export, open, import, conflicts or resolve"));
}

}  // namespace cchc::cli
