// Kill harness: runs each program that writes the office's database (every
// import kind of `cchc import`, `cchc demo`, `cchc report ... --issue`, an
// upgrade of an older schema, `cchc init` of a new database, a save as the
// client makes it) and kills it with SIGKILL after a random delay. After each
// kill `cchc check` must pass and every table must hold exactly what it held
// before that write or what an uninterrupted run of it leaves; a report's
// PDF at --out must be absent or whole, and a copy made before an upgrade
// must hold the database as it was.
//
// Each writer starts from a saved state (an SQLite file, or a PostgreSQL
// database used as a template). Two uninterrupted runs give its "after"
// state (they must agree; --once makes one); each trial then copies the state, starts the
// writer, waits a delay drawn uniformly between 0 and 1.1 times the
// uninterrupted run's time (seeded, the seed is printed), looks whether the
// writer is inside a write transaction at that moment, kills it and
// compares. Tables are compared whole: every column of every row, rows
// sorted, as text; timestamps of the run's own days (created_at, the audit
// log's time) are masked as they differ from run to run.
//
//   kill_harness [--engine sqlite|postgresql] [--per-writer N | --trials N]
//                [--seed S] [--size small|large] [--writers a,b,...]
//                [--work DIR] [--keep] [--verbose] [--once] [--cchc PATH]
//
// PostgreSQL: the server of $CCHC_TEST_PG; the harness creates databases
// named after that one's name with "_kill_" and a suffix. Exit code 0 when no
// partial state, failed check or broken file was found, 1 otherwise, 77
// when PostgreSQL was asked for and $CCHC_TEST_PG is unset.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kill_save.h"
#include "storage/database.h"
#include "storage/database_url.h"

extern char** environ;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// ------------------------------------------------------------ processes

std::string g_self;             // this program, for the client save it runs in a child
std::string g_cchc = CCHC_EXE;  // the cchc command under test

struct Child {
    pid_t pid = -1;
};

Child Spawn(const std::vector<std::string>& argv, const std::string& log) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    Child c;
    const int rc = posix_spawn(&c.pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
    return c;
}

int Wait(const Child& c) {
    int status = 0;
    while (waitpid(c.pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string ReadAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// ------------------------------------------------------------ table dumps

// One table as compared: its rows as text, sorted, reduced to a count and a
// hash (a difference names the table).
struct TableDump {
    long rows = 0;
    std::uint64_t hash = 0;
    bool operator==(const TableDump& o) const { return rows == o.rows && hash == o.hash; }
};
using Dump = std::map<std::string, TableDump>;

std::set<std::string> g_runDays;  // local days (YYYY-MM-DD) the run has seen

std::string Today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

bool Digits(const std::string& s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return false;
    for (std::size_t i = at; i < at + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// "2026-12-06T08:41:07" of a day of this run becomes "<now>".
void MaskRunTimes(std::string& v) {
    for (const auto& day : g_runDays)
        for (std::size_t pos = 0; (pos = v.find(day, pos)) != std::string::npos;) {
            const std::size_t t = pos + day.size();
            if (t + 9 <= v.size() && v[t] == 'T' && Digits(v, t + 1, 2) && v[t + 3] == ':' &&
                Digits(v, t + 4, 2) && v[t + 6] == ':' && Digits(v, t + 7, 2)) {
                v.replace(pos, day.size() + 9, "<now>");
                pos += 5;
            } else {
                pos = t;
            }
        }
}

std::uint64_t Fnv(std::uint64_t h, const std::string& s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;
}

std::string FromHex(const std::string& hex) {
    auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
    return out;
}

// The time a PDF was made, which its library writes into it.
void MaskPdf(std::string& pdf) {
    for (const char* key : {"/CreationDate (", "/ModDate ("})
        for (std::size_t pos = 0; (pos = pdf.find(key, pos)) != std::string::npos;) {
            const std::size_t from = pos + std::strlen(key), to = pdf.find(')', from);
            if (to == std::string::npos) break;
            pdf.replace(from, to - from, "D:<now>");
            pos = from;
        }
}

// The server's audit entry of an issued report holds the report's values,
// its PDF's hash and size among them (which follow the time the PDF was
// made): masked, as the PDF is.
void MaskIssuedPdf(std::string& row) {
    if (row.find("issued_reports") == std::string::npos) return;
    for (const char* key : {"\"sha256\": \"", "\"size_bytes\": "}) {
        const auto at = row.find(key);
        if (at == std::string::npos) continue;
        const auto from = at + std::strlen(key);
        const auto to = row.find_first_of("\",}", from);
        if (to != std::string::npos) row.replace(from, to - from, "<pdf>");
    }
}

std::string ReadPdf(const std::string& path);

bool IsPg(soci::session& s) { return s.get_backend_name() == "postgresql"; }

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

Dump DumpDatabase(const std::string& url) {
    auto parsed = cchc::storage::DatabaseUrl::Parse(url);
    if (parsed.backend == cchc::storage::Backend::Sqlite && !fs::exists(parsed.path)) return {};
    cchc::storage::OpenOptions o;
    o.create = false;
    o.migrate = false;
    o.readOnly = true;
    auto db = cchc::storage::Database::Open(parsed, o);
    soci::session& s = db->session();
    const bool pg = IsPg(s);
    std::vector<std::string> tables;
    {
        soci::rowset<std::string> rs =
            pg ? (s.prepare << "SELECT table_name FROM information_schema.tables WHERE "
                               "table_schema = current_schema() AND table_type = 'BASE TABLE'")
               : (s.prepare << "SELECT name FROM sqlite_master WHERE type = 'table'");
        for (const auto& t : rs) tables.push_back(t);
    }
    Dump out;
    for (const auto& table : tables) {
        std::vector<std::string> columns;
        {
            soci::rowset<std::string> rs =
                pg ? (s.prepare << "SELECT column_name FROM information_schema.columns WHERE "
                                   "table_schema = current_schema() AND table_name = :t ORDER BY "
                                   "column_name",
                      soci::use(table))
                   : (s.prepare << "SELECT name FROM pragma_table_info(:t) ORDER BY name",
                      soci::use(table));
            for (const auto& c : rs) columns.push_back(c);
        }
        // An issued report's PDF carries the time it was made: it goes last,
        // in hexadecimal, to be compared with that time masked (its hash
        // follows it and is left out).
        const bool pdf = std::find(columns.begin(), columns.end(), "pdf") != columns.end();
        std::string expr;
        for (const auto& c : columns) {
            if (pdf && (c == "pdf" || c == "sha256")) continue;
            if (!expr.empty()) expr += pg ? ", " : " || '|' || ";
            expr +=
                pg ? "quote_nullable(CAST(" + Quoted(c) + " AS TEXT))" : "quote(" + Quoted(c) + ")";
        }
        if (pdf)
            expr += pg ? ", COALESCE(encode(pdf, 'hex'), '')" : " || '|' || COALESCE(hex(pdf), '')";
        if (pg) expr = "concat_ws('|', " + expr + ")";
        std::vector<std::string> rows;
        soci::rowset<std::string> rs = (s.prepare << "SELECT " + expr + " FROM " + Quoted(table));
        for (auto row : rs) {
            if (pdf) {
                const auto bar = row.rfind('|');
                std::string bytes = FromHex(row.substr(bar + 1));
                MaskPdf(bytes);
                row = row.substr(0, bar + 1) + std::to_string(Fnv(0, bytes));
            }
            MaskRunTimes(row);
            if (table == "audit_log") MaskIssuedPdf(row);
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end());
        TableDump d;
        d.rows = static_cast<long>(rows.size());
        d.hash = 1469598103934665603ull;
        for (const auto& r : rows) d.hash = Fnv(d.hash, r);
        out[table] = d;
    }
    return out;
}

std::string Differences(const Dump& got, const Dump& before, const Dump& after) {
    std::set<std::string> names;
    for (const auto* d : {&got, &before, &after})
        for (const auto& [t, v] : *d) names.insert(t);
    std::string out;
    auto rows = [](const Dump& d, const std::string& t) {
        auto it = d.find(t);
        return it == d.end() ? std::string("-") : std::to_string(it->second.rows);
    };
    for (const auto& t : names) {
        auto g = got.find(t), b = before.find(t), a = after.find(t);
        const bool sameB =
            (g == got.end()) == (b == before.end()) && (g == got.end() || g->second == b->second);
        const bool sameA =
            (g == got.end()) == (a == after.end()) && (g == got.end() || g->second == a->second);
        if (!sameB && !sameA)
            out += " " + t + " (rows " + rows(got, t) + ", before " + rows(before, t) + ", after " +
                   rows(after, t) + ")";
    }
    return out;
}

std::string ReadPdf(const std::string& path) {
    std::string pdf = ReadAll(path);
    MaskPdf(pdf);
    return pdf;
}

// ------------------------------------------------------------ engines

// Where the states live: an SQLite file per state, or a PostgreSQL
// database per state (copied through CREATE DATABASE ... TEMPLATE).
class Engine {
  public:
    virtual ~Engine() = default;
    virtual std::string Name() const = 0;
    virtual std::string Url(const std::string& state) = 0;
    // The state becomes "no database" (SQLite: no file; PostgreSQL: an
    // empty database).
    virtual void Clear(const std::string& state) = 0;
    virtual void Copy(const std::string& from, const std::string& to) = 0;
    // Whether a program is inside a write transaction on the state now.
    virtual bool Writing(const std::string& state) = 0;
    // After a kill: wait until the server has let go of the killed session.
    virtual void Settle(const std::string& state) {}
    virtual void Drop(const std::string& state) {}
};

class SqliteEngine : public Engine {
  public:
    explicit SqliteEngine(std::string dir) : dir_(std::move(dir)) {}
    std::string Name() const override { return "sqlite"; }
    std::string Path(const std::string& state) const {
        // The trial's database sits alone in its folder, with what the
        // writer puts beside it (the copy before an upgrade, temporaries).
        if (state == "trial") return dir_ + "/trial/office.db";
        return dir_ + "/states/" + state + ".db";
    }
    std::string Url(const std::string& state) override { return "sqlite:" + Path(state); }
    void Clear(const std::string& state) override {
        for (const char* ext : {"", "-wal", "-shm", "-journal"}) fs::remove(Path(state) + ext);
        fs::create_directories(fs::path(Path(state)).parent_path());
    }
    void Copy(const std::string& from, const std::string& to) override {
        Clear(to);
        for (const char* ext : {"", "-wal"})
            if (fs::exists(Path(from) + ext)) fs::copy_file(Path(from) + ext, Path(to) + ext);
    }
    bool Writing(const std::string& state) override {
        // SQLite's WAL write lock is byte 120 of the -shm file; asking who
        // holds it takes no lock (and so does not disturb the writer).
        const int fd = open((Path(state) + "-shm").c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;
        struct flock fl {};
        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        fl.l_start = 120;
        fl.l_len = 1;
        const bool held = fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
        close(fd);
        return held;
    }
    void Drop(const std::string& state) override { Clear(state); }

  private:
    std::string dir_;
};

class PostgresEngine : public Engine {
  public:
    explicit PostgresEngine(const std::string& url) {
        // postgresql://user@host:port/NAME[?params]
        const auto q = url.find('?');
        const std::string head = url.substr(0, q);
        tail_ = q == std::string::npos ? "" : url.substr(q);
        const auto slash = head.rfind('/');
        if (slash == std::string::npos || slash < std::string("postgresql://").size())
            throw std::runtime_error("CCHC_TEST_PG has no database name: " + url);
        prefix_ = head.substr(0, slash + 1);
        name_ = head.substr(slash + 1);
        cchc::storage::OpenOptions o;
        o.create = false;
        o.migrate = false;
        adminDb_ = cchc::storage::Database::Open(cchc::storage::DatabaseUrl::Parse(url), o);
        admin_ = &adminDb_->session();
        // Copying a small database file by file is several times faster
        // than through the WAL (PostgreSQL 15's default).
        int version = 0;
        *admin_ << "SELECT CAST(current_setting('server_version_num') AS INTEGER)",
            soci::into(version);
        if (version >= 150000) copyStrategy_ = " STRATEGY FILE_COPY";
    }
    std::string Name() const override { return "postgresql"; }
    std::string DbName(const std::string& state) const {
        std::string s = name_ + "_kill_" + state;
        for (auto& c : s)
            if (c == '-') c = '_';
        return s;
    }
    std::string Url(const std::string& state) override { return prefix_ + DbName(state) + tail_; }
    void Clear(const std::string& state) override {
        Drop(state);
        *admin_ << "CREATE DATABASE " + Quoted(DbName(state));
    }
    void Copy(const std::string& from, const std::string& to) override {
        Drop(to);
        *admin_ << "CREATE DATABASE " + Quoted(DbName(to)) + " TEMPLATE " + Quoted(DbName(from)) +
                       copyStrategy_;
    }
    bool Writing(const std::string& state) override {
        long long n = 0;
        const std::string db = DbName(state);
        *admin_ << "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = :d AND backend_xid IS "
                   "NOT NULL",
            soci::use(db), soci::into(n);
        return n > 0;
    }
    void Settle(const std::string& state) override {
        const std::string db = DbName(state);
        for (int i = 0; i < 500; ++i) {
            long long n = 0;
            *admin_ << "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = :d", soci::use(db),
                soci::into(n);
            if (n == 0) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    void Drop(const std::string& state) override {
        *admin_ << "DROP DATABASE IF EXISTS " + Quoted(DbName(state)) + " WITH (FORCE)";
    }

  private:
    std::string prefix_, name_, tail_, copyStrategy_;
    std::unique_ptr<cchc::storage::Database> adminDb_;
    soci::session* admin_ = nullptr;
};

// ------------------------------------------------------------ writers

struct Writer {
    std::string name;
    std::string base;               // the state it starts from
    std::vector<std::string> args;  // after `cchc --db URL`; "{OUT}" is the report's path
    bool clientSave = false;        // this program saving as the client does
    bool report = false;            // writes the PDF {OUT}
    bool backup = false;            // writes a copy of the database to {OUT}
    bool backups = false;           // copies the database aside before upgrading it
    // Filled by the uninterrupted runs.
    Dump before, after;
    double seconds = 0;
    std::string pdf;  // the uninterrupted run's report
    // Counts.
    long trials = 0, exited = 0, killedBefore = 0, killedMid = 0, killedAfter = 0, partial = 0,
         checkFailed = 0, fileFailed = 0;
};

Writer MakeWriter(std::string name, std::string base, std::vector<std::string> args) {
    Writer w;
    w.name = std::move(name);
    w.base = std::move(base);
    w.args = std::move(args);
    return w;
}

struct Options {
    std::string engine = "sqlite";
    int perWriter = 0;
    int trials = 0;
    unsigned long long seed = 0;
    bool seedGiven = false;
    std::string size = "small";
    std::set<std::string> only;
    std::string work;
    bool keep = false;
    bool verbose = false;
    bool once = false;  // one uninterrupted run per writer, not two
};

class Harness {
  public:
    Harness(Options o, std::unique_ptr<Engine> engine, std::string work)
        : o_(std::move(o)), engine_(std::move(engine)), work_(std::move(work)) {
        fs::create_directories(work_ + "/files");
        fs::create_directories(work_ + "/trial");
        log_ = work_ + "/cchc.log";
    }

    // Runs cchc on a state to build the fixtures; throws with its output when
    // it fails.
    void Cli(const std::string& state, std::vector<std::string> args) {
        std::vector<std::string> argv = {g_cchc, "--db", engine_->Url(state)};
        argv.insert(argv.end(), args.begin(), args.end());
        if (Wait(Spawn(argv, log_)) != 0) {
            std::string line;
            for (const auto& a : argv) line += " " + a;
            throw std::runtime_error("fixture step failed:" + line + "\n" + ReadAll(log_));
        }
    }

    std::string Data(const std::string& name) const {
        return std::string(CCHC_TEST_DATA_DIR) + "/" + name;
    }
    std::string File(const std::string& kind) const { return work_ + "/files/" + kind + ".csv"; }

    void BuildFixtures() {
        const bool large = o_.size == "large";
        const std::vector<std::string> demoArgs = {"demo",
                                                   "--communes",
                                                   large ? "40" : "5",
                                                   "--years",
                                                   large ? "3" : "1",
                                                   "--ratings",
                                                   large ? "300000" : "12000",
                                                   "--seed",
                                                   "11",
                                                   "--as-of",
                                                   "2025-06-30"};
        // The office (the source of the import files, the report and the
        // upgrade).
        engine_->Clear("office");
        Cli("office", demoArgs);
        // (The demo office has no assignment matrix: data-assignments below.)
        const char* kinds[] = {"units",   "people",   "results", "tasks",
                               "tallies", "dossiers", "ratings"};
        for (const char* k : kinds) Cli("office", {"export", k, "--out", File(k)});

        // The import chain: each kind imported into a database that holds
        // the kinds before it.
        engine_->Clear("chain");
        Cli("chain", {"init"});
        for (const char* k : kinds) {
            Add(MakeWriter(std::string("import-") + k,
                           Snapshot("chain", std::string("import-") + k), {"import", k, File(k)}));
            Cli("chain", {"import", k, File(k)});
        }
        engine_->Drop("chain");

        // The files of tests/data.
        engine_->Clear("data");
        Cli("data", {"init"});
        Add(MakeWriter("data-units", Snapshot("data", "data-units"),
                       {"import", "units", Data("units_good.csv")}));
        Cli("data", {"import", "units", Data("units_good.csv")});
        Add(MakeWriter("data-people", Snapshot("data", "data-people"),
                       {"import", "people", Data("people_good.csv")}));
        Cli("data", {"import", "people", Data("people_good.csv")});
        Add(MakeWriter("data-tallies", Snapshot("data", "data-tallies"),
                       {"import", "tallies", Data("tallies_good.csv")}));
        Add(MakeWriter("data-ratings", Snapshot("data", "data-ratings"),
                       {"import", "ratings", Data("ratings_good.csv")}));
        engine_->Clear("data");
        Cli("data", {"init"});
        Cli("data", {"import", "units", Data("seed002_units.csv")});
        Cli("data", {"import", "people", Data("seed002_people.csv")});
        Add(MakeWriter("data-frameworks", Snapshot("data", "data-frameworks"),
                       {"import", "frameworks", Data("seed002_framework.csv")}));
        Cli("data", {"import", "frameworks", Data("seed002_framework.csv")});
        Add(MakeWriter("data-tasks", Snapshot("data", "data-tasks"),
                       {"import", "tasks", Data("seed002_tasks.csv")}));
        engine_->Clear("data");
        Cli("data", {"init"});
        Cli("data", {"import", "units", Data("seed003_units.csv")});
        Cli("data", {"import", "people", Data("seed003_people.csv")});
        Add(MakeWriter("data-assignments", Snapshot("data", "data-assignments"),
                       {"import", "assignments", Data("seed003_assignments.csv")}));
        engine_->Drop("data");

        // A new database: the demo office and init.
        engine_->Clear("none");
        Add(MakeWriter("demo", "none", demoArgs));
        Add(MakeWriter("init", "none", {"init"}));
        // The issued report.
        Writer report = MakeWriter("report-issue", Snapshot("office", "report-issue"),
                                   {"report", "quarterly", "--period", "2025-Q2", "--date",
                                    "2025-07-05", "--out", "{OUT}", "--issue"});
        report.report = true;
        Add(report);
        // A backup (SQLite only): the copy at --out is whole or absent.
        if (engine_->Name() == "sqlite") {
            Writer backup =
                MakeWriter("backup", Snapshot("office", "backup"), {"backup", "--out", "{OUT}"});
            backup.backup = true;
            Add(backup);
        }
        // A save as the client makes it (the scoring grid of a commune).
        Writer save = MakeWriter("client-save", Snapshot("office", "client-save"), {});
        save.clientSave = true;
        Add(save);
        // An upgrade: the office as schema 5 left it.
        Downgrade(Snapshot("office", "migrate"));
        Writer migrate = MakeWriter("migrate", "migrate", {"init"});
        migrate.backups = true;
        Add(migrate);
    }

    // Schemas 22, 21, 20 (their triggers and functions on the server), 19,
    // 18, 16, 15, 14, 13, 12, 11, 10, 9, 8 and 6 undone (7 changed nothing,
    // 10 to 12, 14, 20 and 22 nothing on SQLite; 11, 12, 20 and 22 only
    // added or replaced functions and
    // triggers like 10's, and 13, 15 and 16 more, dropped with them, with
    // 15's triggers on the server; 17's columns dropped; 13's and 16's tables
    // go with their policies and 14's indexes of it; 18's, 19's and 21's rows
    // with the exchange tables): the office as the program of schema 5 wrote
    // it.
    void Downgrade(const std::string& state) {
        cchc::storage::OpenOptions o;
        o.create = false;
        o.migrate = false;
        auto db = cchc::storage::Database::Open(
            cchc::storage::DatabaseUrl::Parse(engine_->Url(state)), o);
        if (db->SchemaVersion() != 22)
            throw std::runtime_error("the upgrade fixture undoes schemas 6 to 22; the latest is " +
                                     std::to_string(db->SchemaVersion()));
        soci::session& s = db->session();
        for (const char* t : {"exchange_sent", "exchange_conflicts", "exchange_ids",
                              "exchange_base", "exchange_units", "exchange_self"})
            s << std::string("DROP TABLE ") + t;
        s << "ALTER TABLE exchange_packages DROP COLUMN seq";
        if (!IsPg(s)) {
            for (const char* t : {"added", "removed", "moved"})
                s << std::string("DROP TRIGGER rating_day_counts_") + t;
        }
        s << "ALTER TABLE units DROP COLUMN aliases";
        s << "ALTER TABLE procedure_fields DROP COLUMN version";
        s << "ALTER TABLE procedure_fields DROP COLUMN aliases";
        s << "DROP TABLE unit_lineage";
        s << "DROP TABLE task_board";
        if (IsPg(s)) s << kUndoServerAccess;
        s << "DROP TABLE rating_day_counts";
        s << "DROP INDEX progress_updates_task_period_idx";
        s << "CREATE INDEX progress_updates_task_idx ON progress_updates (task_id, period)";
        s << "ALTER TABLE settings DROP COLUMN version";
        s << "ALTER TABLE evidence DROP COLUMN version";
        s << "DROP INDEX ratings_low_score_idx";
        s << "ALTER TABLE ratings DROP COLUMN low_score";
        s << "DELETE FROM schema_version WHERE version >= 6";
    }

    // What 0010_server_access.postgresql.sql adds to a database: its
    // triggers, policies, row-level security, functions (those of 0011 and
    // 0012 with them), the audit log's unit and the group roles' grants (the
    // roles stay: they are the server's).
    static constexpr const char* kUndoServerAccess = R"(DO $$
DECLARE
    x RECORD;
BEGIN
    FOR x IN SELECT c.relname AS t, g.tgname AS name FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
             WHERE c.relnamespace = current_schema()::regnamespace AND g.tgname LIKE 'cchc\_%' LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', x.name, x.t);
    END LOOP;
    FOR x IN SELECT tablename AS t, policyname AS name FROM pg_policies WHERE schemaname = current_schema() LOOP
        EXECUTE format('DROP POLICY %I ON %I', x.name, x.t);
    END LOOP;
    FOR x IN SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', x.t);
        FOR i IN 1..5 LOOP
            EXECUTE format('REVOKE ALL ON TABLE %I FROM %I', x.t,
                           (ARRAY['cchc_admin', 'cchc_specialist', 'cchc_chair', 'cchc_clerk', 'cchc_viewer'])[i]);
        END LOOP;
    END LOOP;
    FOR x IN SELECT p.oid::regprocedure AS f FROM pg_proc p
             WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'cchc\_%' LOOP
        EXECUTE format('DROP FUNCTION %s', x.f);
    END LOOP;
    ALTER TABLE audit_log DROP COLUMN IF EXISTS unit_id;
END
$$)";

    std::string Snapshot(const std::string& from, const std::string& as) {
        engine_->Copy(from, as);
        return as;
    }

    void Add(Writer w) {
        if (!o_.only.empty() && !o_.only.count(w.name)) {
            if (w.base != "none") engine_->Drop(w.base);
            return;
        }
        writers_.push_back(std::move(w));
    }

    // The file a writer makes beside the database (report or backup).
    std::string Out(const Writer& w) const {
        return work_ + (w.backup ? "/trial/copy.db" : "/trial/out.pdf");
    }

    Child Start(const Writer& w) {
        std::vector<std::string> argv;
        if (w.clientSave) {
            argv = {g_self, "--client-save", engine_->Url("trial")};
        } else {
            argv = {g_cchc, "--db", engine_->Url("trial")};
            for (const auto& a : w.args) argv.push_back(a == "{OUT}" ? Out(w) : a);
        }
        return Spawn(argv, work_ + "/writer.log");
    }

    // The trial's folder emptied and the writer's state copied in.
    void Prepare(const Writer& w) {
        for (const auto& e : fs::directory_iterator(work_ + "/trial")) fs::remove_all(e.path());
        if (w.base == "none")
            engine_->Clear("trial");
        else
            engine_->Copy(w.base, "trial");
    }

    // Two uninterrupted runs: the state after the write, its time, and a
    // check that the write gives the same tables every time.
    void Reference(Writer& w) {
        Prepare(w);
        w.before = DumpDatabase(engine_->Url("trial"));
        for (int run = 0; run < (o_.once ? 1 : 2); ++run) {
            Prepare(w);
            const auto t0 = Clock::now();
            const int rc = Wait(Start(w));
            const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
            if (rc != 0)
                throw std::runtime_error(w.name + ": the uninterrupted run failed\n" +
                                         ReadAll(work_ + "/writer.log"));
            g_runDays.insert(Today());
            auto after = DumpDatabase(engine_->Url("trial"));
            if (run == 0) {
                w.after = after;
                w.seconds = secs;
                if (w.report) w.pdf = ReadPdf(Out(w));
            } else {
                w.seconds = std::max(w.seconds, secs);
                if (after != w.after)
                    throw std::runtime_error(w.name + ": two uninterrupted runs differ:" +
                                             Differences(after, w.after, w.after));
                if (w.report && ReadPdf(Out(w)) != w.pdf)
                    throw std::runtime_error(w.name + ": two uninterrupted runs differ (PDF)");
            }
        }
        if (w.backup && DumpDatabase("sqlite:" + Out(w)) != w.before)
            throw std::runtime_error(w.name + ": the uninterrupted backup differs");
        if (!w.backup && w.after == w.before)
            throw std::runtime_error(w.name + ": the write changes nothing");
    }

    int CheckExit() {
        return Wait(Spawn({g_cchc, "--db", engine_->Url("trial"), "check"}, work_ + "/check.log"));
    }

    void Trial(Writer& w, std::mt19937_64& rng, int number) {
        std::uniform_real_distribution<double> pick(0.0, 1.1 * w.seconds);
        const double delay = pick(rng);
        Prepare(w);
        const auto t0 = Clock::now();
        Child c = Start(w);
        std::this_thread::sleep_until(t0 + std::chrono::duration<double>(delay));
        ++w.trials;
        int status = 0;
        bool exited = waitpid(c.pid, &status, WNOHANG) == c.pid;
        bool mid = false;
        if (!exited) {
            mid = engine_->Writing("trial");
            kill(c.pid, SIGKILL);
            if (waitpid(c.pid, &status, 0) == c.pid && WIFEXITED(status)) exited = true;
        }
        engine_->Settle("trial");
        g_runDays.insert(Today());
        const int check = CheckExit();
        Dump got;
        std::string unreadable;
        try {
            got = DumpDatabase(engine_->Url("trial"));
        } catch (const std::exception& e) {
            unreadable = e.what();
            got["<unreadable>"] = TableDump{};
        }
        std::string verdict;
        bool bad = false;
        const bool isBefore = got == w.before, isAfter = got == w.after;
        if (exited) {
            ++w.exited;
            verdict = "exited";
            if (!isAfter) {
                ++w.partial, bad = true;
                verdict += ", NOT the state after:" + Differences(got, w.after, w.after);
            }
        } else if (isBefore) {
            ++(mid ? w.killedMid : w.killedBefore);
            verdict = mid ? "killed mid-write: state before" : "killed: state before";
        } else if (isAfter) {
            ++w.killedAfter;
            verdict = std::string(mid ? "killed mid-write" : "killed") + ": state after";
        } else {
            ++w.partial, bad = true;
            verdict = std::string(mid ? "killed mid-write" : "killed") +
                      ": PARTIAL STATE:" + Differences(got, w.before, w.after);
        }
        if (!unreadable.empty()) verdict += "; UNREADABLE: " + unreadable;
        // A check passes, except on "no database yet" where it says so.
        const bool checkOk = check == 0 || (isBefore && w.before.empty());
        if (!checkOk) {
            ++w.checkFailed, bad = true;
            verdict += "; CHECK FAILED: " + ReadAll(work_ + "/check.log");
        }
        bool fileOk = true;
        if (w.report && fs::exists(Out(w))) {
            if (ReadPdf(Out(w)) != w.pdf || !isAfter) fileOk = false, verdict += "; BROKEN PDF";
        }
        if (w.backup && fs::exists(Out(w)) && DumpDatabase("sqlite:" + Out(w)) != w.before)
            fileOk = false, verdict += "; BROKEN BACKUP";
        if (w.backups)
            for (const auto& e : fs::directory_iterator(work_ + "/trial"))
                if (e.path().extension() == ".bak") {
                    auto copy = DumpDatabase("sqlite:" + e.path().string());
                    if (copy != w.before)
                        fileOk = false, verdict += "; BROKEN COPY " + e.path().filename().string();
                }
        if (!fileOk) ++w.fileFailed, bad = true;
        if (o_.verbose || bad)
            std::printf("  trial %d %-18s delay %.3f s of %.3f s: %s\n", number, w.name.c_str(),
                        delay, w.seconds, verdict.c_str());
        std::fflush(stdout);
    }

    int Run() {
        const auto t0 = Clock::now();
        g_runDays.insert(Today());
        std::printf("kill harness: engine %s, size %s, seed %llu (repeat with --seed %llu)\n",
                    engine_->Name().c_str(), o_.size.c_str(), o_.seed, o_.seed);
        std::fflush(stdout);
        BuildFixtures();
        for (auto& w : writers_) {
            Reference(w);
            if (o_.verbose)
                std::printf("  %-18s uninterrupted: %.3f s\n", w.name.c_str(), w.seconds);
        }
        std::printf("fixtures and uninterrupted runs: %.1f s\n",
                    std::chrono::duration<double>(Clock::now() - t0).count());
        std::fflush(stdout);
        std::mt19937_64 rng(o_.seed);
        const int total = o_.trials > 0 ? o_.trials
                                        : static_cast<int>(writers_.size()) *
                                              (o_.perWriter > 0 ? o_.perWriter : 3);
        for (int i = 0; i < total; ++i) {
            Trial(writers_[i % writers_.size()], rng, i + 1);
            if (!o_.verbose && (i + 1) % 50 == 0 && i + 1 < total) {
                std::printf("  %d of %d trials, %.0f s\n", i + 1, total,
                            std::chrono::duration<double>(Clock::now() - t0).count());
                std::fflush(stdout);
            }
        }

        std::printf("\n%-18s %7s %8s %7s %5s %7s %8s %7s %6s %6s\n", "writer", "run(s)", "trials",
                    "exited", "mid", "before", "after", "PARTIAL", "check", "files");
        Writer sum;
        for (const auto& w : writers_) {
            std::printf("%-18s %7.3f %8ld %7ld %5ld %7ld %8ld %7ld %6ld %6ld\n", w.name.c_str(),
                        w.seconds, w.trials, w.exited, w.killedMid, w.killedBefore + w.killedMid,
                        w.killedAfter, w.partial, w.checkFailed, w.fileFailed);
            sum.trials += w.trials, sum.exited += w.exited, sum.killedMid += w.killedMid;
            sum.killedBefore += w.killedBefore, sum.killedAfter += w.killedAfter;
            sum.partial += w.partial, sum.checkFailed += w.checkFailed;
            sum.fileFailed += w.fileFailed;
        }
        std::printf("%-18s %7s %8ld %7ld %5ld %7ld %8ld %7ld %6ld %6ld\n", "total", "", sum.trials,
                    sum.exited, sum.killedMid, sum.killedBefore + sum.killedMid, sum.killedAfter,
                    sum.partial, sum.checkFailed, sum.fileFailed);
        std::printf(
            "(exited: the writer ended before the kill; mid: killed inside a write transaction; "
            "before/after: the state found after the kill)\n"
            "partial states: %ld, failed checks: %ld, broken files: %ld; %.1f s; seed %llu\n",
            sum.partial, sum.checkFailed, sum.fileFailed,
            std::chrono::duration<double>(Clock::now() - t0).count(), o_.seed);
        for (const auto& w : writers_)
            if (w.base != "none") engine_->Drop(w.base);
        engine_->Drop("office");
        engine_->Drop("trial");
        engine_->Drop("none");
        return sum.partial == 0 && sum.checkFailed == 0 && sum.fileFailed == 0 ? 0 : 1;
    }

  private:
    Options o_;
    std::unique_ptr<Engine> engine_;
    std::string work_, log_;
    std::vector<Writer> writers_;
};

[[noreturn]] void Usage(const std::string& why) {
    std::fprintf(stderr,
                 "kill_harness: %s\nusage: kill_harness [--engine sqlite|postgresql] "
                 "[--per-writer N | --trials N] [--seed S] [--size small|large] "
                 "[--writers a,b,...] [--work DIR] [--keep] [--verbose] [--once] [--cchc PATH]\n",
                 why.c_str());
    std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
    g_self = fs::canonical("/proc/self/exe").string();
    if (argc == 3 && std::string(argv[1]) == "--client-save") {
        // The child side of the client-save writer.
        try {
            cchc::killtest::SaveAsClient(argv[2]);
            return 0;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "client save: %s\n", e.what());
            return 1;
        }
    }
    Options o;
    if (const char* b = std::getenv("CCHC_TEST_BACKEND"); b && *b) o.engine = b;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) Usage("missing value for " + a);
            return argv[++i];
        };
        if (a == "--engine")
            o.engine = value();
        else if (a == "--per-writer")
            o.perWriter = std::stoi(value());
        else if (a == "--trials")
            o.trials = std::stoi(value());
        else if (a == "--seed")
            o.seed = std::stoull(value()), o.seedGiven = true;
        else if (a == "--size")
            o.size = value();
        else if (a == "--writers") {
            std::stringstream ss(value());
            for (std::string w; std::getline(ss, w, ',');) o.only.insert(w);
        } else if (a == "--work")
            o.work = value();
        else if (a == "--cchc")
            g_cchc = value();
        else if (a == "--keep")
            o.keep = true;
        else if (a == "--verbose")
            o.verbose = true;
        else if (a == "--once")
            o.once = true;
        else
            Usage("unknown option " + a);
    }
    if (o.size != "small" && o.size != "large") Usage("--size is small or large");
    if (!o.seedGiven)
        o.seed = static_cast<unsigned long long>(
                     std::chrono::system_clock::now().time_since_epoch().count()) %
                 1000000007ull;
    if (o.engine == "postgresql" &&
        !(std::getenv("CCHC_TEST_PG") && *std::getenv("CCHC_TEST_PG"))) {
        const char* ci = std::getenv("CI");
        const bool inCi = ci && std::string(ci) == "true";
        std::fprintf(stderr, "no PostgreSQL server (CCHC_TEST_PG unset): %s\n",
                     inCi ? "failed (CI)" : "skipped");
        return inCi ? 1 : 77;
    }
    std::string work = o.work;
    bool madeWork = false;
    if (work.empty()) {
        std::string tmpl = (fs::temp_directory_path() / "cchc-kill.XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        work = tmpl;
        madeWork = true;
    }
    int rc = 1;
    try {
        std::unique_ptr<Engine> engine;
        if (o.engine == "postgresql") {
            engine = std::make_unique<PostgresEngine>(std::getenv("CCHC_TEST_PG"));
        } else if (o.engine == "sqlite") {
            engine = std::make_unique<SqliteEngine>(work);
        } else {
            Usage("--engine is sqlite or postgresql");
        }
        rc = Harness(o, std::move(engine), work).Run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kill_harness: %s\n", e.what());
        rc = 1;
    }
    if (madeWork && !o.keep) {
        std::error_code ec;
        fs::remove_all(work, ec);
    } else {
        std::printf("work folder kept: %s\n", work.c_str());
    }
    return rc;
}
