// Backups and restoring (see backup.h).
#include "services/app/backup.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "core/date.h"
#include "core/errors.h"
#include "core/i18n.h"
#include "core/vnformat.h"
#include "services/frameworks/framework_io.h"
#include "storage/backup.h"
#include "storage/settings_repository.h"

namespace cchc::services {
namespace {

namespace fs = std::filesystem;

constexpr const char* kKeepDaysKey = "backup.keep_days";

std::string Stamp() { return LocalNowText("%Y%m%d-%H%M%S"); }

// path, or path with -2, -3... before its extension when it is taken.
std::string FreeName(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return path.u8string();
    for (int n = 2;; ++n) {
        fs::path other =
            path.parent_path() / fs::u8path(path.stem().u8string() + "-" + std::to_string(n) +
                                            path.extension().u8string());
        if (!fs::exists(other, ec)) return other.u8string();
    }
}

// The name of an SQLite database file without its extension ("cchc").
std::string DatabaseStem(const DatabaseUrl& url) { return fs::u8path(url.path).stem().u8string(); }

// Where the copy of what a restore replaces goes.
std::string ReplacedCopyPath(Database& target, const std::string& file) {
    const DatabaseUrl& url = target.url();
    if (url.backend == DatabaseBackend::Sqlite) {
        const fs::path folder = fs::u8path(DailyCopyFolder(url));
        fs::create_directories(folder);
        return FreeName(folder /
                        fs::u8path(DatabaseStem(url) + "-before-restore-" + Stamp() + ".db"));
    }
    fs::path folder = fs::absolute(fs::u8path(file)).parent_path();
    const std::string name = url.database.empty() ? std::string("cchc") : url.database;
    return FreeName(folder / fs::u8path(name + "-before-restore-" + Stamp() + ".backup"));
}

bool SameFile(const std::string& a, const std::string& b) {
    std::error_code ec;
    const fs::path pa = fs::u8path(a), pb = fs::u8path(b);
    return fs::exists(pa, ec) && fs::exists(pb, ec) && fs::equivalent(pa, pb, ec);
}

// The date of a daily copy named <stem>-YYYY-MM-DD.db, if it is one.
std::optional<Date> DailyCopyDate(const std::string& name, const std::string& stem) {
    const std::string prefix = stem + "-", suffix = ".db";
    if (name.size() != prefix.size() + 10 + suffix.size() || name.rfind(prefix, 0) != 0 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    return Date::ParseIso(name.substr(prefix.size(), 10));
}

}  // namespace

BackupWritten BackupDatabase(Database& db, const std::string& path, bool overwrite,
                             const std::string& user, Progress* progress) {
    AccessGuard(db, user).Require(Action::BackUp);
    if (path.empty()) throw UserError(tr("name the file to write the backup to"));
    std::error_code ec;
    if (!overwrite && fs::exists(fs::u8path(path), ec))
        throw UserError(Location{path, 0, ""}, tr("the file already exists; choose another name"));
    if (db.backend() == DatabaseBackend::Sqlite && SameFile(path, db.url().path))
        throw UserError(Location{path, 0, ""},
                        tr("this is the database itself; choose another file for the backup"));
    storage::WriteBackup(db, path, progress);
    BackupWritten out;
    out.path = path;
    out.bytes = fs::file_size(fs::u8path(path), ec);
    return out;
}

std::string DefaultBackupName(DatabaseBackend backend, const Date& day) {
    return "cchc-" + day.ToIso() + (backend == DatabaseBackend::Sqlite ? ".db" : ".backup");
}

bool HoldsOfficeData(Database& db) { return storage::HoldsData(db); }

void CheckBackupFile(const std::string& file) { storage::InspectBackup(file); }

RestoreReport RestoreDatabase(Database& target, const std::string& file, bool replace,
                              const std::string& user, Progress* progress) {
    // An empty target (no schema yet) has no accounts.
    if (target.SchemaVersion() > 0) AccessGuard(target, user).Require(Action::Restore);
    if (target.backend() == DatabaseBackend::Sqlite && SameFile(file, target.url().path))
        throw UserError(Location{file, 0, ""},
                        tr("this is the database itself, not a backup of it; choose the backup "
                           "file"));
    Step(progress, tr("Reading the backup..."), -1);
    const storage::BackupInfo info = storage::InspectBackup(file, &target);
    if (info.format == storage::BackupFormat::PgDump && target.backend() == DatabaseBackend::Sqlite)
        throw UserError(Location{file, 0, ""},
                        tr("this backup is of a PostgreSQL database (pg_dump); restore it into a "
                           "PostgreSQL database"));
    const int latest = Database::LatestSchemaVersion();
    if (info.schemaVersion > latest)
        throw UserError(Location{file, 0, ""},
                        fmt::format(fmt::runtime(tr("the backup was made by a newer version of "
                                                    "CCHC Desk (schema {0}, this program knows "
                                                    "up to {1}); install the newer version to "
                                                    "restore it")),
                                    info.schemaVersion, latest));
    RestoreReport report;
    report.backupVersion = info.schemaVersion;
    report.acrossEngines = info.format == storage::BackupFormat::Sqlite &&
                           target.backend() == DatabaseBackend::Postgresql;
    if (storage::HoldsData(target)) {
        if (!replace)
            throw UserError(Location{target.url().Display(), 0, ""},
                            tr("the database already holds data; restore into an empty database, "
                               "or replace what it holds with --replace (a backup of it is made "
                               "first)"));
        Step(progress, tr("Backing up the data that will be replaced..."), -1);
        report.replacedCopy = ReplacedCopyPath(target, file);
        storage::WriteBackup(target, report.replacedCopy, progress);
    }
    storage::RestoreBackup(target, file, info, progress);
    return report;
}

PreparedDatabase ReopenAfterRestore(const DatabaseUrl& url) {
    PreparedDatabase prepared = OpenPrepared(url, false);
    LoadBuiltinCatalogues(*prepared.db);
    return prepared;
}

std::string DailyCopyFolder(const DatabaseUrl& url) {
    if (url.backend != DatabaseBackend::Sqlite) return {};
    return (fs::absolute(fs::u8path(url.path)).parent_path() / "backups").u8string();
}

namespace {
// Today's daily copy of the SQLite database at url.
fs::path DailyCopyPath(const DatabaseUrl& url, const Date& today) {
    return fs::u8path(DailyCopyFolder(url)) /
           fs::u8path(DatabaseStem(url) + "-" + today.ToIso() + ".db");
}
}  // namespace

bool DailyCopyDue(const DatabaseUrl& url, const Date& today) {
    if (url.backend != DatabaseBackend::Sqlite) return false;
    std::error_code ec;
    return !fs::exists(DailyCopyPath(url, today), ec) && !ec;
}

DailyCopyReport KeepDailyCopy(Database& db, const Date& today) {
    DailyCopyReport report;
    if (db.backend() != DatabaseBackend::Sqlite) return report;
    const fs::path folder = fs::u8path(DailyCopyFolder(db.url()));
    const std::string stem = DatabaseStem(db.url());
    fs::create_directories(folder);
    const fs::path todays = DailyCopyPath(db.url(), today);
    std::error_code ec;
    if (!fs::exists(todays, ec)) {
        storage::WriteBackup(db, todays.u8string(), nullptr);
        report.written = todays.u8string();
    }
    // The newest keepDays copies stay.
    std::vector<std::pair<Date, fs::path>> copies;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (auto day = DailyCopyDate(e.path().filename().u8string(), stem))
            copies.emplace_back(*day, e.path());
    std::sort(copies.begin(), copies.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    const std::size_t keep = static_cast<std::size_t>(BackupKeepDays(db));
    for (std::size_t i = keep; i < copies.size(); ++i)
        if (fs::remove(copies[i].second, ec)) report.removed.push_back(copies[i].second.u8string());
    return report;
}

int BackupKeepDays(Database& db) {
    const auto text = storage::SettingsRepository(db.session()).Get(kKeepDaysKey);
    if (!text) return kDefaultBackupKeepDays;
    const auto v = ParseVnNumber(*text);
    if (!v || *v < 1 || *v > 365) return kDefaultBackupKeepDays;
    return static_cast<int>(*v);
}

void SaveBackupKeepDays(Database& db, int days, const std::string& user) {
    AccessGuard(db, user).Require(Action::EditSettings);
    if (days < 1 || days > 365)
        throw UserError(Location{"", 0, kKeepDaysKey},
                        tr("daily copies are kept for 1 to 365 days"));
    storage::Transaction tx(db);
    storage::SettingsRepository settings(db.session());
    const auto old = settings.Get(kKeepDaysKey);
    const std::string value = std::to_string(days);
    if (old && *old == value) return;
    settings.Set(kKeepDaysKey, value);
    storage::AuditRepository(db.session())
        .Record({"", user, "settings", 0, "update", kKeepDaysKey, old, value});
    tx.Commit();
}

}  // namespace cchc::services
