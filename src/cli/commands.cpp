// The subcommands of `cchc`: thin wrappers that open the database, call a
// service and print what happened.
#include "cli/commands.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/progress.h"
#include "core/vnformat.h"
#include "services/app_context.h"
#include "services/demo.h"
#include "services/framework_io.h"
#include "services/org_io.h"
#include "storage/database.h"

namespace cchc::cli {
namespace {

std::unique_ptr<storage::Database> OpenDb(const Args& args, bool create = true) {
    auto url = storage::DatabaseUrl::Resolve(args.Get("db"));
    storage::OpenOptions o;
    o.create = create;
    return storage::Database::Open(url, o);
}

// Progress on the terminal (standard error), only when it is one.
class TerminalProgress : public Progress {
public:
    void Report(const std::string& what, double fraction) override {
        if (!isatty(2)) return;
        std::fprintf(stderr, "\r%-40s %3d%%", what.c_str(), static_cast<int>(fraction * 100));
        if (fraction >= 1.0) std::fprintf(stderr, "\n");
        std::fflush(stderr);
    }
};

void RequireKind(const Args& args, const char* what) {
    if (args.positional.empty())
        throw UsageError(fmt::format(fmt::runtime(tr("{0} needs a KIND: units, people or frameworks")), what));
}

std::string N(long v) { return FormatInteger(v); }

}  // namespace

long Args::GetLong(const std::string& name, long fallback) const {
    auto it = options.find(name);
    if (it == options.end()) return fallback;
    char* end = nullptr;
    long v = std::strtol(it->second.c_str(), &end, 10);
    if (it->second.empty() || *end != '\0' || v < 0)
        throw UsageError(fmt::format(fmt::runtime(tr("--{0} needs a whole number, not {1}")), name, it->second));
    return v;
}

int RunInit(const Args& args) {
    auto db = OpenDb(args);
    auto report = services::LoadBuiltinCatalogues(*db);
    const auto& m = db->lastMigration();
    if (m.fromVersion != m.toVersion)
        std::cout << fmt::format(fmt::runtime(tr("Database schema: version {0} → {1}")), m.fromVersion, m.toVersion) << "\n";
    else
        std::cout << fmt::format(fmt::runtime(tr("Database schema is up to date (version {0})")), m.toVersion) << "\n";
    if (!m.backupPath.empty())
        std::cout << fmt::format(fmt::runtime(tr("Copy of the previous database: {0}")), m.backupPath) << "\n";
    std::cout << fmt::format(fmt::runtime(tr("Built-in frameworks added: {0}, already present: {1}")),
                             report.frameworksAdded, report.frameworksPresent)
              << "\n";
    std::cout << db->url().Display() << "\n";
    return 0;
}

int RunDemo(const Args& args) {
    services::DemoOptions o;
    o.communes = static_cast<int>(args.GetLong("communes", o.communes));
    o.years = static_cast<int>(args.GetLong("years", o.years));
    o.ratings = args.GetLong("ratings", o.ratings);
    o.seed = static_cast<unsigned>(args.GetLong("seed", o.seed));
    if (o.communes < 1 || o.communes > 5000) throw UsageError(tr("--communes must be between 1 and 5000"));
    if (o.years < 1 || o.years > 20) throw UsageError(tr("--years must be between 1 and 20"));
    auto start = std::chrono::steady_clock::now();
    auto db = OpenDb(args);
    TerminalProgress progress;
    auto r = services::BuildDemo(*db, o, &progress);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format(fmt::runtime(tr("Demo office created: {0} units, {1} people, {2} results, "
                                             "{3} plans, {4} tasks, {5} tallies, {6} ratings ({7} s)")),
                             N(r.units), N(r.people), N(r.results), N(r.plans), N(r.tasks),
                             N(r.tallies), N(r.ratings), FormatDecimal(secs, 1))
              << "\n";
    return 0;
}

int RunCheck(const Args& args) {
    auto db = OpenDb(args, false);
    auto problems = db->Check();
    std::cout << fmt::format(fmt::runtime(tr("Schema version: {0} (this program: {1})")),
                             db->SchemaVersion(), storage::Database::LatestSchemaVersion())
              << "\n";
    if (problems.empty()) {
        std::cout << tr("Integrity and foreign-key checks: no problems") << "\n";
        return 0;
    }
    for (const auto& p : problems) std::cout << "- " << p << "\n";
    std::cerr << "cchc: " << fmt::format(fmt::runtime(tr("{0} problems found")), problems.size()) << "\n";
    return 1;
}

int RunBackup(const Args& args) {
    std::string out = args.Get("out");
    if (out.empty()) throw UsageError(tr("backup needs --out FILE"));
    auto db = OpenDb(args, false);
    db->BackupTo(out);
    std::cout << fmt::format(fmt::runtime(tr("Backup written to {0} ({1} bytes)")), out,
                             FormatInteger(static_cast<long long>(std::filesystem::file_size(out))))
              << "\n";
    return 0;
}

int RunImport(const Args& args) {
    RequireKind(args, "import");
    const std::string& kind = args.positional[0];
    if (args.positional.size() < 2) throw UsageError(tr("import needs KIND and FILE"));
    const std::string& file = args.positional[1];
    if (!std::filesystem::exists(file))
        throw UserError(Location{file, 0, ""}, tr("the file does not exist"));
    auto db = OpenDb(args);
    std::string user = services::CurrentUser();
    services::ImportSummary s;
    if (kind == "units") {
        s = services::ImportUnits(*db, file, user);
    } else if (kind == "people") {
        s = services::ImportPeople(*db, file, user);
    } else if (kind == "frameworks") {
        auto added = services::ImportFrameworks(*db, file, user);
        s.inserted = added;
    } else {
        throw UsageError(fmt::format(fmt::runtime(tr("unknown KIND for import: {0}")), kind));
    }
    std::cout << fmt::format(fmt::runtime(tr("Imported {0} rows ({1} new, {2} updated) from {3}")),
                             N(s.Total()), N(s.inserted), N(s.updated), file)
              << "\n";
    return 0;
}

int RunExport(const Args& args) {
    RequireKind(args, "export");
    const std::string& kind = args.positional[0];
    std::string out = args.Get("out");
    if (out.empty()) throw UsageError(tr("export needs --out FILE"));
    auto db = OpenDb(args, false);
    long rows = 0;
    if (kind == "units") rows = services::ExportUnits(*db, out);
    else if (kind == "people") rows = services::ExportPeople(*db, out);
    else if (kind == "frameworks") rows = services::ExportFrameworks(*db, out);
    else throw UsageError(fmt::format(fmt::runtime(tr("unknown KIND for export: {0}")), kind));
    if (out != "-")
        std::cout << fmt::format(fmt::runtime(tr("Exported {0} rows to {1}")), N(rows), out) << "\n";
    return 0;
}

}  // namespace cchc::cli
