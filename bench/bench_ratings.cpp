// Times `cchc import ratings` against the anchors a user would compare it
// with, measured in the same run and alternating with it:
//   - the sqlite3 shell's own `.import` of the same CSV into a plain table of
//     the file's columns, with the shell's default settings (target: ours
//     within 1.5x, the median of the pairs);
//   - the same `.import` into a table with our CHECKs, unique key and list
//     indexes (WAL, as ours), for comparison;
// then a monthly import (--monthly rows of one month, default 200,000) into
// the database that holds the first load, round after round (each round a
// further month), against the shell's plain `.import` of the same file; then
// the ratings list's filters on the first load. With --pg URL the same first
// load and monthly imports run on that PostgreSQL database (emptied first:
// a scratch database), against psql's `\copy` of the same file into a plain
// table. Each round prints its pair and the ratio; the medians and the
// ratio of the medians close each part. The machine's load (from
// /proc/loadavg) is printed before and after each part. Run by hand:
//   build/bench/bench_ratings [--rows 2000000] [--monthly 200000] [--pairs 5]
//                             [--pg URL [--no-sqlite]] [--no-indexed] [--no-filters]
//                             [--dir DIR] [--keep]
//   build/bench/bench_ratings --dir DIR --filters-only   (again on a kept run)
//   build/bench/bench_ratings --filters-on URL   (the filters on any database,
//                             e.g. the province demo on SQLite or PostgreSQL)
// It writes a synthetic province (1,000 communes, 3 desk officers each) and
// the CSV files under DIR (a new directory in /tmp by default, removed at
// the end unless --keep). Needs the sqlite3 command (and psql for --pg) on
// the PATH.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/org.h"
#include "services/frameworks/framework_io.h"
#include "services/surveys/surveys.h"
#include "storage/database.h"
#include "storage/rating_repository.h"
#include "storage/unit_repository.h"

namespace {
using namespace cchc;
using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

constexpr int kCommunes = 1000;
constexpr int kOfficersPerCommune = 3;

std::string UnitCode(int c) {
    char b[16];
    std::snprintf(b, sizeof b, "XA-%04d", c);
    return b;
}
std::string OfficerCode(int c, int k) {
    char b[16];
    std::snprintf(b, sizeof b, "CB%04d%d", c, k);
    return b;
}

void MakeOffice(storage::Database& db) {
    services::LoadBuiltinCatalogues(db);
    storage::Transaction tx(db);
    storage::UnitRepository units(db.session());
    storage::PersonRepository people(db.session());
    Unit province;
    province.code = "TINH";
    province.name = "Tỉnh Thử Nghiệm";
    province.kind = UnitKind::Province;
    const auto p = units.Insert(province);
    const char* given[] = {"An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Mai", "Yến"};
    for (int c = 0; c < kCommunes; ++c) {
        Unit u;
        u.code = UnitCode(c);
        u.name = "Xã Số " + std::to_string(c + 1);
        u.parentId = p;
        const auto id = units.Insert(u);
        for (int k = 0; k < kOfficersPerCommune; ++k) {
            Person person;
            person.code = OfficerCode(c, k);
            person.fullName = std::string("Nguyễn Văn ") + given[(c + k) % 8];
            person.unitId = id;
            person.oneStopDesk = true;
            people.Insert(person);
        }
    }
    tx.Commit();
}

// Ratings of `months` months of a (non-leap) year from `firstMonth`, every
// officer's strictly increasing in time; `seed` varies the scores and texts.
void WriteCsv(const std::string& path, long rows, int year = 2025, int firstMonth = 1,
              int months = 12, unsigned seed = 7) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) throw std::runtime_error("cannot write " + path);
    std::fputs("time,unit,officer,procedure,channel,attitude,handling,guidance,citizen\n", f);
    std::mt19937 rng(seed);
    const char* procedures[] = {"Đăng ký khai sinh", "Chứng thực bản sao từ bản chính",
                                "Đăng ký kết hôn",   "Chứng thực chữ ký",
                                "Đăng ký khai tử",   "Xác nhận tình trạng hôn nhân"};
    const char* channels[] = {"kiosk", "kiosk", "kiosk", "qr", "qr", "online", "paper"};
    const char* citizens[] = {"Phạm Thị Lan", "Lê Văn Hùng", "Trần Thị Mai", "Võ Minh Tuấn"};
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    long spanDays = 0;
    for (int m = firstMonth - 1; m < firstMonth - 1 + months && m < 12; ++m) spanDays += days[m];
    const int officers = kCommunes * kOfficersPerCommune;
    const long perOfficer = (rows + officers - 1) / officers;
    // Seconds of the span between two ratings of one officer.
    const long step = std::max(1L, spanDays * 86400 / std::max(1L, perOfficer));
    long written = 0;
    for (long k = 0; k < perOfficer && written < rows; ++k) {
        for (int o = 0; o < officers && written < rows; ++o, ++written) {
            const long t = k * step + static_cast<long>(rng() % static_cast<unsigned>(step));
            const long day = t / 86400, second = t % 86400;
            // Day of the span to month and day.
            int m = firstMonth - 1, d = static_cast<int>(day);
            while (m < 11 && d >= days[m]) d -= days[m++];
            auto score = [&]() {
                const unsigned x = rng() % 100;
                return x < 55 ? 5 : x < 85 ? 4 : x < 94 ? 3 : x < 98 ? 2 : 1;
            };
            std::fprintf(f, "%04d-%02d-%02dT%02ld:%02ld:%02ld,%s,%s,%s,%s,%d,%d,%d,%s\n", year,
                         m + 1, d + 1, second / 3600, second / 60 % 60, second % 60,
                         UnitCode(o / kOfficersPerCommune).c_str(),
                         OfficerCode(o / kOfficersPerCommune, o % kOfficersPerCommune).c_str(),
                         procedures[rng() % 6], channels[rng() % 7], score(), score(), score(),
                         rng() % 10 < 3 ? citizens[rng() % 4] : "");
        }
    }
    std::fclose(f);
}

// The shell's baseline: a plain table of the file's columns, the shell's
// default settings (rollback journal, full sync), no index.
const char* kPlainScript =
    "CREATE TABLE ratings (time TEXT, unit TEXT, officer TEXT, procedure TEXT, channel TEXT, "
    "attitude INTEGER, handling INTEGER, guidance INTEGER, citizen TEXT);\n"
    ".import --csv --skip 1 '%s' ratings\n"
    "SELECT 'shell rows: ' || COUNT(*) FROM ratings;\n";

// The ratings table of migrations 0001, 0005 and 0006 with the file's columns:
// codes instead of ids, so no foreign keys, and the row id that SQLite adds
// to every index entry instead of the id column of ours. The lowest score,
// which our import writes as a column, is indexed here as an expression of
// the three scores (the shell has nobody to compute the column).
const char* kShellScript =
    "PRAGMA journal_mode = WAL;\n"
    "PRAGMA synchronous = NORMAL;\n"
    "CREATE TABLE ratings (time TEXT NOT NULL CHECK (length(time) = 19 AND substr(time, 5, 1) = "
    "'-' AND substr(time, 11, 1) = 'T'), unit TEXT NOT NULL, officer TEXT NOT NULL, procedure "
    "TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'qr', "
    "'online', 'paper')), attitude INTEGER CHECK (attitude BETWEEN 1 AND 5), handling INTEGER "
    "CHECK (handling BETWEEN 1 AND 5), guidance INTEGER CHECK (guidance BETWEEN 1 AND 5), "
    "citizen TEXT NOT NULL DEFAULT '', UNIQUE (officer, time, procedure, citizen));\n"
    "CREATE INDEX ratings_unit_idx ON ratings (unit, time);\n"
    "CREATE INDEX ratings_channel_idx ON ratings (channel, time, attitude, handling, guidance);\n"
    "CREATE INDEX ratings_time_idx ON ratings (time, attitude, handling, guidance);\n"
    "CREATE INDEX ratings_low_score_idx ON ratings ((CASE WHEN COALESCE(attitude, 9) <= "
    "COALESCE(handling, 9) AND COALESCE(attitude, 9) <= COALESCE(guidance, 9) THEN "
    "COALESCE(attitude, 9) WHEN COALESCE(handling, 9) <= COALESCE(guidance, 9) THEN "
    "COALESCE(handling, 9) ELSE COALESCE(guidance, 9) END), time);\n"
    ".import --csv --skip 1 '%s' ratings\n"
    "SELECT 'shell rows: ' || COUNT(*) FROM ratings;\n";

template <class F>
double MedianMs(F f, int runs = 5) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
}

// The ratings list's filters on a database of ratings (the imported one,
// or any given by --filters-on): the commune, officer, channel and month
// are those of the rating in the middle of the list of every rating.
int TimeFilters(const std::string& url) {
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    storage::RatingRepository repo(db->session());
    const long all = repo.CountMatching({});
    if (all == 0) {
        std::fprintf(stderr, "bench_ratings: no rating in %s\n", url.c_str());
        return 1;
    }
    const auto middle = repo.Page(repo.FilterIdsWindow({}, all / 2, 1, all));
    if (middle.empty()) return 1;
    const RatingRecord& m = middle.front().rating;
    const std::string month = m.ratedAt.substr(0, 7), day = m.ratedAt.substr(0, 10);
    const std::string monthFrom = month + "-01", monthTo = month + "-31";
    const std::int64_t unit = m.unitId, officer = m.officerId;
    std::printf("%s: %ld ratings; the commune %s, officer %s, channel %s, month %s\n", url.c_str(),
                all, middle.front().unitCode.c_str(), middle.front().officerCode.c_str(),
                m.channel.c_str(), month.c_str());
    struct Case {
        const char* what;
        storage::RatingFilter f;
    };
    std::vector<Case> cases;
    cases.push_back({"no filter (every rating)", {}});
    storage::RatingFilter f;
    f.from = monthFrom, f.to = monthTo;
    cases.push_back({"one month", f});
    f = {};
    f.from = day, f.to = day;
    cases.push_back({"one day", f});
    f = {};
    f.unitId = unit;
    cases.push_back({"one commune", f});
    f.from = monthFrom, f.to = monthTo;
    cases.push_back({"one commune, one month", f});
    f = {};
    f.officerId = officer;
    cases.push_back({"one officer", f});
    f.from = monthFrom, f.to = monthTo;
    cases.push_back({"one officer, one month", f});
    f = {};
    f.channel = m.channel;
    cases.push_back({"one channel", f});
    f.from = monthFrom, f.to = monthTo;
    cases.push_back({"one channel, one month", f});
    f = {};
    f.maxScore = 1;
    cases.push_back({"some score at 1", f});
    f.from = monthFrom, f.to = monthTo;
    cases.push_back({"some score at 1, one month", f});
    f = {};
    f.maxScore = 2;
    cases.push_back({"some score at 2 or below", f});
    f = {};
    f.minScore = 4;
    cases.push_back({"every score 4 or 5", f});
    f.from = monthFrom, f.to = monthTo;
    cases.push_back({"every score 4 or 5, one month", f});
    f = {};
    f.minScore = 4, f.channel = m.channel;
    cases.push_back({"every score 4 or 5, a channel", f});
    // What the list does when a filter is chosen: count, then read the
    // first screen of rows. That is the figure held to 100 ms; every id of
    // the filter at once is shown for comparison.
    std::printf("ratings list filters: count + first 50 rows (target < 100 ms), median of 5:\n");
    for (const auto& c : cases) {
        long count = 0;
        std::size_t n = 0;
        const double listMs = MedianMs([&] {
            count = repo.CountMatching(c.f);
            repo.Page(repo.FilterIdsWindow(c.f, 0, 50, count));
        });
        const double idsMs = MedianMs([&] { n = repo.FilterIds(c.f).size(); }, 2);
        std::printf("  %-32s %9ld rows  list %7.1f ms%s   (all %zu ids: %7.1f ms)\n", c.what, count,
                    listMs, listMs < 100 ? "" : " OVER 100 ms", n, idsMs);
    }
    std::printf("a virtual list's count and a window of 50 rows (median of 5):\n");
    for (const auto& c : {cases[0], cases[9], cases[12]}) {
        long count = 0;
        const double countMs = MedianMs([&] { count = repo.CountMatching(c.f); });
        const double firstMs = MedianMs([&] { repo.FilterIdsWindow(c.f, 0, 50); });
        const double middleMs = MedianMs([&] { repo.FilterIdsWindow(c.f, count / 2, 50, count); });
        const double lastMs = MedianMs([&] { repo.FilterIdsWindow(c.f, count - 50, 50, count); });
        std::printf("  %-30s count %6.1f ms, first rows %6.1f ms, middle %6.1f ms, last %6.1f ms\n",
                    c.what, countMs, firstMs, middleMs, lastMs);
    }
    auto ids = repo.FilterIds(cases[4].f);
    ids.resize(std::min<std::size_t>(ids.size(), 50));
    std::printf("  page of %zu rows by id: %.2f ms\n", ids.size(),
                MedianMs([&] { repo.Page(ids); }));
    storage::RatingAggregateQuery q{monthFrom, monthTo, std::nullopt, false};
    std::printf("  per-officer sums of a month (GROUP BY): %.1f ms\n",
                MedianMs([&] { repo.Aggregate(q); }, 3));
    q = {month.substr(0, 4) + "-01-01", month.substr(0, 4) + "-12-31", std::nullopt, true};
    std::printf("  per-officer and month sums of the year (GROUP BY): %.1f ms\n",
                MedianMs([&] { repo.Aggregate(q); }, 1));
    return 0;
}
namespace fs = std::filesystem;

std::string LoadAverage() {
    std::string text;
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
        char line[128] = {0};
        if (std::fgets(line, sizeof line, f)) text = line;
        std::fclose(f);
    }
    std::istringstream in(text);
    std::string a, b, c;
    in >> a >> b >> c;
    return "load average " + a + ", " + b + ", " + c;
}

// Runs a shell command, timed; its last line of output (a row count, or an
// error) is returned through `says`.
double TimedCommand(const std::string& command, const std::string& out, std::string& says) {
    const auto t0 = Clock::now();
    const int rc = std::system((command + " > '" + out + "' 2>&1").c_str());
    const double seconds = Seconds(t0);
    says.clear();
    if (std::FILE* f = std::fopen(out.c_str(), "r")) {
        char line[512];
        while (std::fgets(line, sizeof line, f)) {
            std::string text = line;
            while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
            if (!text.empty()) says = text;  // the last line that says something
        }
        std::fclose(f);
    }
    if (rc != 0) says = "exit " + std::to_string(rc) + ": " + says;
    return seconds;
}

void WriteScript(const std::string& path, const char* format, const std::string& csv) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) throw std::runtime_error("cannot write " + path);
    std::fprintf(f, format, csv.c_str());
    std::fclose(f);
}

double Median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string Quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// One import of ours, timed (the open of the database not included).
double TimedImport(const std::string& url, const std::string& csv, long& inserted, long& skipped) {
    auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
    const auto t0 = Clock::now();
    const auto summary = services::ImportRatings(*db, csv, "bench");
    const double seconds = Seconds(t0);
    inserted = summary.inserted, skipped = summary.skipped;
    return seconds;
}

struct Pairs {
    std::vector<double> base, ours, other;
    void Summary(const char* baseName, const char* otherName) const {
        const double b = Median(base), o = Median(ours);
        std::vector<double> ratios;
        for (std::size_t i = 0; i < base.size() && i < ours.size(); ++i)
            ratios.push_back(ours[i] / base[i]);
        std::printf(
            "  median of %zu: %s %.2f s, ours %.2f s; ratio of the medians %.2f, median "
            "ratio %.2f\n",
            ours.size(), baseName, b, o, o / b, Median(ratios));
        if (!other.empty())
            std::printf("  median %s %.2f s; ours / it %.2f\n", otherName, Median(other),
                        o / Median(other));
    }
};

// The first load and the monthly imports into a fresh SQLite office.
void SqliteRounds(const std::string& dir, const std::string& csv,
                  const std::vector<std::string>& monthly, int pairs, bool indexed, bool filters) {
    const std::string office = dir + "/office.db", ours = dir + "/ours.db",
                      plain = dir + "/plain.db", shell = dir + "/shell.db",
                      plainScript = dir + "/plain.sql", shellScript = dir + "/indexed.sql",
                      out = dir + "/shell.out";
    WriteScript(plainScript, kPlainScript, csv);
    WriteScript(shellScript, kShellScript, csv);
    std::printf("\nSQLite, first load (%s; %s)\n", csv.c_str(), LoadAverage().c_str());
    Pairs first;
    for (int i = 1; i <= pairs; ++i) {
        std::string says, saysIndexed;
        fs::remove(plain);
        const double base =
            TimedCommand("sqlite3 " + Quote(plain) + " < " + Quote(plainScript), out, says);
        fs::remove(plain);
        for (const auto& p : {ours, ours + "-wal", ours + "-shm"}) fs::remove(p);
        fs::copy_file(office, ours);
        long inserted = 0, skipped = 0;
        const double mine = TimedImport("sqlite:" + ours, csv, inserted, skipped);
        first.base.push_back(base), first.ours.push_back(mine);
        std::printf(
            "  pair %d: shell plain .import %6.2f s (%s), cchc import ratings %6.2f s (%ld "
            "new, %ld skipped): ratio %.2f",
            i, base, says.c_str(), mine, inserted, skipped, mine / base);
        if (indexed) {
            for (const auto& p : {shell, shell + "-wal", shell + "-shm"}) fs::remove(p);
            const double withIndexes = TimedCommand(
                "sqlite3 " + Quote(shell) + " < " + Quote(shellScript), out, saysIndexed);
            for (const auto& p : {shell, shell + "-wal", shell + "-shm"}) fs::remove(p);
            first.other.push_back(withIndexes);
            std::printf("; shell .import with our indexes %6.2f s (%s)", withIndexes,
                        saysIndexed.c_str());
        }
        std::printf("\n");
        std::fflush(stdout);
    }
    first.Summary("shell plain .import", "shell .import with our indexes");
    std::printf("  (%s)\n", LoadAverage().c_str());
    if (filters) {
        std::printf("\nOn the first load:\n");
        TimeFilters("sqlite:" + ours);
    }
    if (monthly.empty()) return;
    std::printf("\nSQLite, a month's ratings into the database of the first load (%s)\n",
                LoadAverage().c_str());
    Pairs month;
    long held = 0;
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + ours));
        held = storage::RatingRepository(db->session()).Count();
    }
    for (std::size_t i = 0; i < monthly.size(); ++i) {
        std::string says;
        fs::remove(plain);
        WriteScript(plainScript, kPlainScript, monthly[i]);
        const double base =
            TimedCommand("sqlite3 " + Quote(plain) + " < " + Quote(plainScript), out, says);
        fs::remove(plain);
        long inserted = 0, skipped = 0;
        const double mine = TimedImport("sqlite:" + ours, monthly[i], inserted, skipped);
        month.base.push_back(base), month.ours.push_back(mine);
        std::printf(
            "  month %zu into %ld ratings: shell plain .import %6.2f s (%s), cchc import "
            "ratings %6.2f s (%ld new): ratio %.2f\n",
            i + 1, held, base, says.c_str(), mine, inserted, mine / base);
        std::fflush(stdout);
        held += inserted;
    }
    month.Summary("shell plain .import", "");
    std::printf("  (%s)\n", LoadAverage().c_str());
}

// The same on a PostgreSQL database, emptied before each first load, against
// psql's \copy into a plain table.
void PostgresRounds(const std::string& url, const std::string& dir, const std::string& csv,
                    const std::vector<std::string>& monthly, int pairs) {
    const std::string out = dir + "/psql.out";
    const std::string psql = "psql -X -q -t -v ON_ERROR_STOP=1 " + Quote(url);
    auto baseline = [&](const std::string& file, std::string& says) {
        std::string ignored;
        TimedCommand(psql + " -c 'DROP TABLE IF EXISTS bench_plain'", out, ignored);
        const double seconds = TimedCommand(
            psql +
                " -c 'CREATE TABLE bench_plain (time TEXT, unit TEXT, officer TEXT, procedure "
                "TEXT, channel TEXT, attitude INTEGER, handling INTEGER, guidance INTEGER, citizen "
                "TEXT)' -c " +
                Quote("\\copy bench_plain FROM " + Quote(file) +
                      " WITH (FORMAT csv, HEADER true)") +
                " -c 'SELECT COUNT(*) FROM bench_plain'",
            out, says);
        TimedCommand(psql + " -c 'DROP TABLE IF EXISTS bench_plain'", out, ignored);
        while (!says.empty() && says.front() == ' ') says.erase(says.begin());
        says = "psql rows: " + says;
        return seconds;
    };
    std::printf("\nPostgreSQL, first load (%s)\n", LoadAverage().c_str());
    Pairs first;
    for (int i = 1; i <= pairs; ++i) {
        {
            auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
            db->DropEverything();
        }
        {
            auto db = storage::Database::Open(storage::DatabaseUrl::Parse(url));
            MakeOffice(*db);
        }
        std::string says;
        const double base = baseline(csv, says);
        long inserted = 0, skipped = 0;
        const double mine = TimedImport(url, csv, inserted, skipped);
        first.base.push_back(base), first.ours.push_back(mine);
        std::printf(
            "  pair %d: psql \\copy into a plain table %6.2f s (%s), cchc import ratings "
            "%6.2f s (%ld new): ratio %.2f\n",
            i, base, says.c_str(), mine, inserted, mine / base);
        std::fflush(stdout);
    }
    first.Summary("psql \\copy", "");
    std::printf("  (%s)\n", LoadAverage().c_str());
    if (monthly.empty()) return;
    std::printf("\nPostgreSQL, a month's ratings into the database of the first load (%s)\n",
                LoadAverage().c_str());
    Pairs month;
    for (std::size_t i = 0; i < monthly.size(); ++i) {
        std::string says;
        const double base = baseline(monthly[i], says);
        long inserted = 0, skipped = 0;
        const double mine = TimedImport(url, monthly[i], inserted, skipped);
        month.base.push_back(base), month.ours.push_back(mine);
        std::printf(
            "  month %zu: psql \\copy %6.2f s (%s), cchc import ratings %6.2f s (%ld new): "
            "ratio %.2f\n",
            i + 1, base, says.c_str(), mine, inserted, mine / base);
        std::fflush(stdout);
    }
    month.Summary("psql \\copy", "");
    std::printf("  (%s)\n", LoadAverage().c_str());
}

}  // namespace

int main(int argc, char** argv) {
    long rows = 2000000, monthlyRows = 200000;
    int pairs = 5;
    std::string dir, pg, filtersOn;
    bool keep = false, filtersOnly = false, indexed = true, filters = true, sqlite = true;
    for (int i = 1; i < argc; ++i) {
        std::string k = argv[i];
        if (k == "--rows" && i + 1 < argc)
            rows = std::atol(argv[++i]);
        else if (k == "--monthly" && i + 1 < argc)
            monthlyRows = std::atol(argv[++i]);
        else if (k == "--pairs" && i + 1 < argc)
            pairs = std::max(1, std::atoi(argv[++i]));
        else if (k == "--pg" && i + 1 < argc)
            pg = argv[++i];
        else if (k == "--dir" && i + 1 < argc)
            dir = argv[++i];
        else if (k == "--keep")
            keep = true;
        else if (k == "--no-indexed")
            indexed = false;
        else if (k == "--no-filters")
            filters = false;
        else if (k == "--no-sqlite")
            sqlite = false;
        else if (k == "--filters-only")
            filtersOnly = keep = true;
        else if (k == "--filters-on" && i + 1 < argc)
            filtersOn = argv[++i];
        else {
            std::fprintf(stderr,
                         "usage: bench_ratings [--rows N] [--monthly N] [--pairs N] [--pg URL] "
                         "[--no-sqlite] [--no-indexed] [--no-filters] [--dir DIR] [--keep] "
                         "[--filters-only] [--filters-on URL]\n");
            return 2;
        }
    }
    if (!filtersOn.empty()) return TimeFilters(filtersOn);
    if (filtersOnly && dir.empty()) {
        std::fprintf(stderr, "bench_ratings: --filters-only needs the --dir of a kept run\n");
        return 2;
    }
    if (dir.empty()) {
        char tmpl[] = "/tmp/bench-ratings.XXXXXX";
        if (!mkdtemp(tmpl)) return 1;
        dir = tmpl;
    }
    fs::create_directories(dir);
    const std::string csv = dir + "/ratings.csv", office = dir + "/office.db",
                      ours = dir + "/ours.db";
    if (filtersOnly) return TimeFilters("sqlite:" + ours);

    auto t0 = Clock::now();
    for (const auto& p : {office, office + "-wal", office + "-shm"}) fs::remove(p);
    {
        auto db = storage::Database::Open(storage::DatabaseUrl::Parse("sqlite:" + office));
        MakeOffice(*db);
    }
    WriteCsv(csv, rows);
    std::vector<std::string> monthly;
    for (int i = 0; monthlyRows > 0 && i < pairs; ++i) {
        monthly.push_back(dir + "/month-" + std::to_string(i + 1) + ".csv");
        WriteCsv(monthly.back(), monthlyRows, 2026, i + 1, 1, 100 + static_cast<unsigned>(i));
    }
    std::printf(
        "%ld ratings of %d officers in %d communes: %s (%.0f MB); %zu monthly files of "
        "%ld; written in %.1f s\n",
        rows, kCommunes * kOfficersPerCommune, kCommunes, csv.c_str(),
        static_cast<double>(fs::file_size(csv)) / 1e6, monthly.size(), monthlyRows, Seconds(t0));

    if (sqlite) SqliteRounds(dir, csv, monthly, pairs, indexed, filters);
    if (!pg.empty()) PostgresRounds(pg, dir, csv, monthly, pairs);
    if (!keep) fs::remove_all(dir);
    return 0;
}
