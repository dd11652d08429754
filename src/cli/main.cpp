// cchc: the command-line face of CCHC Desk. Parses global options (--db,
// --format, --lang) and the subcommand, and maps errors to exit codes:
// 0 success, 1 a user error (one line naming file, line and field), 2 misuse.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/platform.h"
#include "services/app/failure_message.h"

namespace {
using cchc::cli::Args;
using cchc::cli::UsageError;

const char* kUsage =
    N_("Usage: cchc [--db URL] [--format text|csv|tsv|json] [--lang vi|en] COMMAND ...\n"
       "\n"
       "Commands:\n"
       "  init                      create or upgrade the database, load built-in catalogues\n"
       "  demo [--communes N] [--years Y] [--ratings M] [--seed S] [--as-of DATE]\n"
       "                            fill an empty database with a demo office\n"
       "  check                     integrity and foreign-key checks, schema version\n"
       "  backup --out FILE         a backup of the whole database (SQLite: a copy of the\n"
       "                            file; PostgreSQL: pg_dump's custom format)\n"
       "  restore FILE [--replace]  the backup into the --db database, which must be empty\n"
       "                            unless --replace (what it holds is backed up first)\n"
       "  import KIND FILE          KIND: units, people, frameworks, results, plans, tasks,\n"
       "                            assignments, tallies, dossiers, ratings, lineage\n"
       "                            (CSV or XLSX)\n"
       "  export KIND --out FILE    KIND: the same kinds\n"
       "  rank --framework CODE --period P [--score self|appraised]\n"
       "                            rank the communes by their index results\n"
       "  gaps --unit CODE --framework CODE --period P\n"
       "                            the criteria where a unit lost most points\n"
       "  gaps --framework CODE --period P [--self-vs-appraised]\n"
       "                            where the office's communes lose most points in all,\n"
       "                            or their self-assessed against appraised totals\n"
       "  tasks [--unit CODE] [--status S] [--overdue] [--due-within DAYS] [--missing-update]\n"
       "        [--as-of YYYY-MM-DD]  remediation tasks, with the days they are overdue\n"
       "  plan draft --unit CODE --framework CODE --period P [--below PERCENT]\n"
       "                            a draft plan with the criteria below PERCENT % (80)\n"
       "  survey --period P [--unit CODE] [--by field|unit|officer] [--window calendar|cutoff]\n"
       "         [--min-ratings N]  survey coverage and satisfaction, or officers' ratings\n"
       "  survey fill --framework CODE --criterion CODE --period P\n"
       "                            a satisfaction rate criterion filled from the tallies\n"
       "  survey self --period QUARTER [--unit CODE] [--framework CODE]\n"
       "                            officers' self-assessments beside their citizen ratings\n"
       "  report TYPE --period P [--unit CODE] [--plan ID] [--framework CODE] [--number N]\n"
       "         [--date YYYY-MM-DD] --out FILE.pdf|.docx|.xlsx [--issue] [--show-citizens]\n"
       "                            TYPE: quarterly, plan, ranking, tasks, survey, assignments,\n"
       "                            ratings, qr-cards; --issue archives the PDF with its number;\n"
       "                            --show-citizens lists each rating with the citizen's name\n"
       "  report archive [--type TYPE]   the issued reports\n"
       "  report reprint ID --out FILE   an issued report's PDF, byte for byte\n"

       "\n"
       "Database: --db sqlite:PATH or postgresql://user@host:port/db, or $CCHC_DB;\n"
       "default: a file cchc.db in the user's data directory.\n");

const char* kUsageAccounts =
    N_("\n"
       "Accounts:\n"
       "  user add LOGIN --role admin|specialist|chair|clerk|viewer [--unit CODE]\n"
       "       [--name NAME] [--password-stdin]   a new account (chair and clerk: --unit)\n"
       "  user set LOGIN [--role ROLE] [--unit CODE | --no-unit] [--name NAME]\n"
       "       another role, unit or name (what is not given is kept)\n"
       "  user passwd LOGIN [--password-stdin]   a new password\n"
       "  user list | user disable LOGIN | user enable LOGIN\n"
       "Once an SQLite database has accounts, the user commands need --user LOGIN and the\n"
       "password in CCHC_PASSWORD or at the prompt.\n");

const char* kUsageExchange =
    N_("\n"
       "Exchange packages (communes without a connection):\n"
       "  exchange export --unit CODE --out FILE.cchcx [--with-files] [--with-ratings] [--full]\n"
       "       the office: a package for the unit (once the commune has sent a return, only\n"
       "       what changed since, unless --full); --with-files: the evidence files too\n"
       "  exchange open FILE.cchcx   the commune: its own copy (--db sqlite:NEW_FILE), or\n"
       "       the copy refreshed from a newer package\n"
       "  exchange export --out FILE.cchcx   the commune: its changes back to the office\n"
       "  exchange import FILE.cchcx   the office: applies what does not conflict and reports\n"
       "       table, key, field, base, office, commune, state (applied|parallel|conflict)\n"
       "  exchange conflicts   the open ones: id, table, key, field, base, office, commune\n"
       "  exchange resolve ID --keep office|commune\n");

const char* kUsageAudit =
    N_("Once a database has accounts, every command needs --user LOGIN (or --as LOGIN)\n"
       "and, on SQLite, its password.\n"
       "  audit [--table TABLE] [--user LOGIN] [--unit CODE] [--since DATE] [--until DATE]\n"
       "        [--as LOGIN]\n"
       "       the audit trail: at, user, table, row, action, field, old, new; --since and\n"
       "       --until are its first and last day (2026-12-01 or 01/12/2026), whole\n");

// Options that take a value; everything else starting with -- is a flag.
const std::set<std::string> kValued = {
    "db",         "format", "lang",      "out",    "communes", "years",       "ratings",
    "seed",       "year",   "framework", "period", "score",    "unit",        "status",
    "due-within", "as-of",  "below",     "by",     "window",   "min-ratings", "criterion",
    "plan",       "number", "date",      "type",   "role",     "name",        "user",
    "as",         "table",  "since",     "until",  "keep"};
const std::set<std::string> kFlags = {"help",          "quiet",          "self-vs-appraised",
                                      "overdue",       "missing-update", "issue",
                                      "show-citizens", "password-stdin", "replace",
                                      "no-unit",       "with-files",     "with-ratings",
                                      "full"};

Args Parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0 && s.size() > 2) {
            std::string name = s.substr(2), value;
            auto eq = name.find('=');
            bool inlineValue = eq != std::string::npos;
            if (inlineValue) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            if (kValued.count(name)) {
                if (!inlineValue) {
                    if (i + 1 >= argc)
                        throw UsageError(std::string(cchc::tr("missing value for --")) + name);
                    value = argv[++i];
                }
            } else if (!kFlags.count(name)) {
                throw UsageError(std::string(cchc::tr("unknown option --")) + name);
            }
            a.options[name] = value;
        } else if (s == "-h") {
            a.options["help"] = "";
        } else if (a.command.empty()) {
            a.command = s;
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}
}  // namespace

int main(int argc, char** argv) {
    cchc::PrepareStandardStreams();
    const char* envLang = std::getenv("CCHC_LANG");
    std::string lang = envLang && *envLang ? envLang : "vi";
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--lang") == 0) lang = argv[i + 1];
    cchc::SetLanguage(lang);
    try {
        Args args = Parse(argc, argv);
        if (args.Has("help") || args.command.empty() || args.command == "help") {
            std::cout << cchc::tr(kUsage) << cchc::tr(kUsageAccounts) << cchc::tr(kUsageAudit)
                      << cchc::tr(kUsageExchange);
            return args.command.empty() && !args.Has("help") ? 2 : 0;
        }
        std::string fmt = args.Get("format", "text");
        if (fmt != "text" && fmt != "csv" && fmt != "tsv" && fmt != "json")
            throw UsageError(std::string(cchc::tr("unknown output format: ")) + fmt);
        if (args.command == "init") return cchc::cli::RunInit(args);
        if (args.command == "demo") return cchc::cli::RunDemo(args);
        if (args.command == "check") return cchc::cli::RunCheck(args);
        if (args.command == "backup") return cchc::cli::RunBackup(args);
        if (args.command == "restore") return cchc::cli::RunRestore(args);
        if (args.command == "import") return cchc::cli::RunImport(args);
        if (args.command == "export") return cchc::cli::RunExport(args);
        if (args.command == "rank") return cchc::cli::RunRank(args);
        if (args.command == "gaps") return cchc::cli::RunGaps(args);
        if (args.command == "tasks") return cchc::cli::RunTasks(args);
        if (args.command == "plan") return cchc::cli::RunPlan(args);
        if (args.command == "survey") return cchc::cli::RunSurvey(args);
        if (args.command == "report") return cchc::cli::RunReport(args);
        if (args.command == "user") return cchc::cli::RunUser(args);
        if (args.command == "audit") return cchc::cli::RunAudit(args);
        if (args.command == "exchange") return cchc::cli::RunExchange(args);
        throw UsageError(std::string(cchc::tr("unknown command: ")) + args.command);
    } catch (const UsageError& e) {
        std::cerr << "cchc: " << e.what() << "\n"
                  << cchc::tr("Run 'cchc --help' for usage.") << "\n";
        return 2;
    } catch (const std::exception& e) {
        // The engine's own text (SQL, parameters, the driver's or a tool's
        // words) only when asked for.
        const char* debug = std::getenv("CCHC_DEBUG");
        if (debug && std::strcmp(debug, "1") == 0)
            if (const std::string log = cchc::services::LogText(e); !log.empty())
                std::cerr << "cchc: [debug] " << log << "\n";
        std::cerr << "cchc: " << cchc::services::FailureMessage(e) << "\n";
        return 1;
    }
}
