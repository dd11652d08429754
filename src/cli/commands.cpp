// The subcommands of `cchc`: thin wrappers that open the database, call a
// service and print what happened.
#include "cli/commands.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

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
        throw UsageError(std::string(tr("missing KIND for ")) + what +
                         tr(" (units, people or frameworks)"));
}

std::string N(long v) { return FormatInteger(v); }

}  // namespace

long Args::GetLong(const std::string& name, long fallback) const {
    auto it = options.find(name);
    if (it == options.end()) return fallback;
    char* end = nullptr;
    long v = std::strtol(it->second.c_str(), &end, 10);
    if (it->second.empty() || *end != '\0' || v < 0)
        throw UsageError(std::string(tr("--")) + name + tr(" needs a whole number, not ") + it->second);
    return v;
}

int RunInit(const Args& args) {
    auto db = OpenDb(args);
    auto report = services::LoadBuiltinCatalogues(*db);
    const auto& m = db->lastMigration();
    if (m.fromVersion != m.toVersion)
        std::cout << tr("Database schema: version ") << m.fromVersion << " → " << m.toVersion << "\n";
    else
        std::cout << tr("Database schema is up to date (version ") << m.toVersion << ")\n";
    if (!m.backupPath.empty()) std::cout << tr("Copy of the previous database: ") << m.backupPath << "\n";
    std::cout << tr("Built-in frameworks added: ") << report.frameworksAdded
              << tr(", already present: ") << report.frameworksPresent << "\n";
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
    std::cout << tr("Demo office created") << ": " << N(r.units) << tr(" units, ") << N(r.people)
              << tr(" people, ") << N(r.results) << tr(" results, ") << N(r.plans) << tr(" plans, ")
              << N(r.tasks) << tr(" tasks, ") << N(r.tallies) << tr(" tallies, ") << N(r.ratings)
              << tr(" ratings") << " (" << FormatDecimal(secs, 1) << " s)\n";
    return 0;
}

int RunCheck(const Args& args) {
    auto db = OpenDb(args, false);
    auto problems = db->Check();
    std::cout << tr("Schema version: ") << db->SchemaVersion() << " ("
              << tr("this program: ") << storage::Database::LatestSchemaVersion() << ")\n";
    if (problems.empty()) {
        std::cout << tr("Integrity and foreign-key checks: no problems") << "\n";
        return 0;
    }
    for (const auto& p : problems) std::cout << "- " << p << "\n";
    std::cerr << "cchc: " << problems.size() << tr(" problems found") << "\n";
    return 1;
}

int RunBackup(const Args& args) {
    std::string out = args.Get("out");
    if (out.empty()) throw UsageError(tr("backup needs --out FILE"));
    auto db = OpenDb(args, false);
    db->BackupTo(out);
    std::cout << tr("Backup written to ") << out << " ("
              << FormatInteger(static_cast<long long>(std::filesystem::file_size(out))) << " bytes)\n";
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
        throw UsageError(std::string(tr("unknown KIND for import: ")) + kind);
    }
    std::cout << tr("Imported ") << N(s.Total()) << tr(" rows (") << N(s.inserted) << tr(" new, ")
              << N(s.updated) << tr(" updated) from ") << file << "\n";
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
    else throw UsageError(std::string(tr("unknown KIND for export: ")) + kind);
    if (out != "-") std::cout << tr("Exported ") << N(rows) << tr(" rows to ") << out << "\n";
    return 0;
}

}  // namespace cchc::cli
