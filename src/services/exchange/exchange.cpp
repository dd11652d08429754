// Offline exchange packages: see exchange.h.
#include "services/exchange/exchange.h"

#include <fmt/format.h>
#include <sodium.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "core/atomic_file.h"
#include "core/date.h"
#include "core/errors.h"
#include "core/exchange_merge.h"
#include "core/i18n.h"
#include "core/platform.h"
#include "core/records.h"
#include "services/app/access_guard.h"
#include "services/app/imports.h"
#include "services/io/table_io.h"
#include "services/plans/plans.h"
#include "services/reports/report_archive.h"
#include "services/results/result_sheet.h"
#include "services/results/results.h"
#include "services/surveys/surveys.h"
#include "storage/evidence_repository.h"
#include "storage/exchange_repository.h"
#include "storage/result_repository.h"
#include "storage/settings_repository.h"
#include "storage/task_board_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {

using json = nlohmann::json;
using storage::ExchangeRepository;
using storage::ExchangeRow;
using storage::ExchangeRows;
using storage::ExchangeValue;

constexpr const char* kFormat = "cchc-exchange";
constexpr int kFormatVersion = 1;
constexpr const char* kManifest = "manifest.json";
constexpr const char* kData = "data.json";
constexpr const char* kSignature = "manifest.sig";
const std::string kFilesDir = "files/";  // evidence files, named by their SHA-256

// The tables whose changes a commune copy sends back.
const std::vector<std::string>& Tracked() {
    static const std::vector<std::string> tables = {"tasks", "progress_updates",
                                                    "report_narratives"};
    return tables;
}

// The documents of the evidence register: those registered in the copy
// travel back with their files and links (the office's own ones do not).
constexpr const char* kDocuments = "evidence";
// Ratings entered in the copy (paper forms) travel back as the office's own
// import of them; those the office sent do not.
constexpr const char* kRatings = "ratings";

// Columns kept by the program rather than changed by a user: never
// compared, never sent as a change.
bool Bookkeeping(const std::string& column) {
    static const std::set<std::string> columns = {
        "id",         "item_id",     "sort_order", "version",     "created_at",
        "updated_at", "updated_by",  "due_date",   "change_note", "task_id",
        "period",     "reported_on", "created_by"};
    return columns.count(column) > 0;
}

std::string Now() { return LocalNowText("%Y-%m-%dT%H:%M:%S"); }

std::string FileName(const std::string& path) {
    return std::filesystem::u8path(path).filename().u8string();
}

// --- Keys, checksums and signatures (libsodium) --------------------------

void InitSodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

std::string Hex(const unsigned char* p, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.pop_back();
    return out;
}

std::optional<std::vector<unsigned char>> Unhex(const std::string& hex, std::size_t bytes) {
    std::vector<unsigned char> out(bytes);
    std::size_t len = 0;
    if (hex.size() != bytes * 2 ||
        sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, nullptr) !=
            0 ||
        len != bytes)
        return std::nullopt;
    return out;
}

std::string RandomHex(std::size_t bytes) {
    std::vector<unsigned char> b(bytes);
    randombytes_buf(b.data(), b.size());
    return Hex(b.data(), b.size());
}

std::pair<std::string, std::string> NewKeys() {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    std::string secret = Hex(sk, sizeof sk);
    sodium_memzero(sk, sizeof sk);
    return {Hex(pk, sizeof pk), secret};
}

std::string Sign(const std::string& message, const std::string& secretHex) {
    auto sk = Unhex(secretHex, crypto_sign_SECRETKEYBYTES);
    if (!sk) throw std::runtime_error("the exchange key of this database is damaged");
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), sk->data());
    sodium_memzero(sk->data(), sk->size());
    return Hex(sig, sizeof sig);
}

bool Verify(const std::string& message, const std::string& sigHex, const std::string& publicHex) {
    auto sig = Unhex(sigHex, crypto_sign_BYTES);
    auto pk = Unhex(publicHex, crypto_sign_PUBLICKEYBYTES);
    if (!sig || !pk) return false;
    return crypto_sign_verify_detached(sig->data(),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), pk->data()) == 0;
}

// --- Package files ----------------------------------------------------------

struct Package {
    std::string path;
    json manifest;
    json data;
    std::map<std::string, std::string> files;  // evidence files, by their SHA-256
    std::string sha256;                        // of the whole file
    long long size = 0;
};

[[noreturn]] void Damaged(const std::string& path, const std::string& why) {
    throw UserError(
        fmt::format(fmt::runtime(tr("{0}: the exchange package is damaged or was changed after "
                                    "it was written ({1}); nothing was stored")),
                    FileName(path), why));
}

std::string ReadWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UserError(fmt::format(fmt::runtime(tr("{0}: the file cannot be read")), path));
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The package's manifest and data, once its signature (by the key the
// manifest names) and its data's checksum hold; who may have signed it is
// the caller's to check.
Package ReadPackage(const std::string& path) {
    InitSodium();
    Package p;
    p.path = path;
    const std::string bytes = ReadWhole(path);
    p.sha256 = Sha256Hex(bytes);
    p.size = static_cast<long long>(bytes.size());
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) Damaged(path, "zip");
    std::unique_ptr<zip_t, decltype(&zip_discard)> zip(
        zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error), &zip_discard);
    if (!zip) {
        zip_source_free(src);
        zip_error_fini(&error);
        throw UserError(fmt::format(
            fmt::runtime(tr("{0}: not an exchange package of CCHC Desk (not a ZIP file)")),
            FileName(path)));
    }
    auto entry = [&](const char* name) -> std::optional<std::string> {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip.get(), name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
            return std::nullopt;
        if (st.size > (std::uint64_t{1} << 32)) Damaged(path, name);
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(zip.get(), name, 0),
                                                             &zip_fclose);
        if (!f) Damaged(path, name);
        std::string out(st.size, '\0');
        if (zip_fread(f.get(), out.data(), st.size) != static_cast<zip_int64_t>(st.size))
            Damaged(path, name);
        return out;
    };
    auto manifestText = entry(kManifest);
    auto sig = entry(kSignature);
    if (!manifestText || !sig)
        throw UserError(
            fmt::format(fmt::runtime(tr("{0}: not an exchange package of CCHC Desk (no manifest)")),
                        FileName(path)));
    try {
        p.manifest = json::parse(*manifestText);
    } catch (const json::exception&) {
        Damaged(path, kManifest);
    }
    if (!p.manifest.is_object() || p.manifest.value("format", "") != kFormat)
        throw UserError(
            fmt::format(fmt::runtime(tr("{0}: not an exchange package of CCHC Desk (no manifest)")),
                        FileName(path)));
    if (p.manifest.value("version", 0) != kFormatVersion)
        throw UserError(
            fmt::format(fmt::runtime(tr("{0}: the package was written by another version of "
                                        "the program (format {1}); nothing was stored")),
                        FileName(path), p.manifest.value("version", 0)));
    if (!Verify(*manifestText, *sig, p.manifest.value("public_key", "")))
        Damaged(path, tr("signature"));
    auto data = entry(kData);
    if (!data || Sha256Hex(*data) != p.manifest["files"].value(kData, "")) Damaged(path, kData);
    try {
        p.data = json::parse(*data);
    } catch (const json::exception&) {
        Damaged(path, kData);
    }
    // The files beside the data, each as the signed manifest lists it.
    for (const auto& [name, sum] : p.manifest["files"].items()) {
        if (name == kData) continue;
        if (!sum.is_string() || name != kFilesDir + sum.get<std::string>()) Damaged(path, name);
        auto bytes = entry(name.c_str());
        if (!bytes || Sha256Hex(*bytes) != sum.get<std::string>()) Damaged(path, name);
        p.files[sum.get<std::string>()] = std::move(*bytes);
    }
    return p;
}

// Writes the package beside the target and returns it still hidden, for
// the caller to commit once the database has recorded it.
struct Written {
    std::unique_ptr<AtomicFile> file;
    std::string sha256;
    long long size = 0;
};
Written WritePackage(const std::string& path, json manifest, const json& data,
                     const std::string& secretHex,
                     const std::map<std::string, std::string>& files = {}) {
    InitSodium();
    const std::string dataText = data.dump();
    manifest["files"] = {{kData, Sha256Hex(dataText)}};
    for (const auto& [sum, bytes] : files) manifest["files"][kFilesDir + sum] = sum;
    const std::string manifestText = manifest.dump(2);
    const std::string sig = Sign(manifestText, secretHex);
    Written w;
    w.file = std::make_unique<AtomicFile>(path);
    int err = 0;
    zip_t* zip = zip_open(w.file->TempPath().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!zip)
        throw UserError(
            fmt::format(fmt::runtime(tr("{0}: the file cannot be written")), w.file->Target()));
    auto add = [&](const char* name, const std::string& bytes) {
        zip_source_t* src = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        if (!src || zip_file_add(zip, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
            if (src) zip_source_free(src);
            zip_discard(zip);
            throw UserError(
                fmt::format(fmt::runtime(tr("{0}: the file cannot be written")), w.file->Target()));
        }
    };
    add(kManifest, manifestText);
    add(kData, dataText);
    add(kSignature, sig);
    for (const auto& [sum, bytes] : files) add((kFilesDir + sum).c_str(), bytes);
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        throw UserError(
            fmt::format(fmt::runtime(tr("{0}: the file cannot be written")), w.file->Target()));
    }
    const std::string bytes = ReadWhole(w.file->TempPath());
    w.sha256 = Sha256Hex(bytes);
    w.size = static_cast<long long>(bytes.size());
    return w;
}

json RowJson(const ExchangeRow& row) {
    json a = json::array();
    for (const auto& v : row) a.push_back(v ? json(*v) : json(nullptr));
    return a;
}

// A row read back from a package: its values as text (other JSON values
// refused as damage).
ExchangeRow RowOf(const json& a, const std::string& path) {
    if (!a.is_array()) Damaged(path, kData);
    ExchangeRow row;
    for (const auto& v : a) {
        if (v.is_null())
            row.push_back(std::nullopt);
        else if (v.is_string())
            row.push_back(v.get<std::string>());
        else
            Damaged(path, kData);
    }
    return row;
}

std::int64_t IdOf(const ExchangeRow& row) {
    return row.empty() || !row[0] ? 0 : std::stoll(*row[0]);
}

// --- Roles ------------------------------------------------------------------

// This database as an office: its keys made at its first package.
storage::ExchangeSelf OfficeSelf(ExchangeRepository& repo) {
    auto self = repo.Self();
    if (self && self->role == "commune")
        throw UserError(
            tr("this database is a commune's copy: it sends its changes back with "
               "“cchc exchange export --out FILE” (without --unit)"));
    if (self) return *self;
    InitSodium();
    storage::ExchangeSelf made;
    made.role = "office";
    made.officeId = RandomHex(16);
    std::tie(made.publicKey, made.secretKey) = NewKeys();
    repo.SaveSelf(made);
    return made;
}

storage::ExchangeSelf CommuneSelf(ExchangeRepository& repo) {
    auto self = repo.Self();
    if (!self || self->role != "commune" || !self->unitId)
        throw UserError(
            tr("this database is not a commune's copy: a commune's copy is made by "
               "opening the office's package (“cchc exchange open FILE”); the office "
               "writes a unit's package with --unit"));
    return *self;
}

// --- Changes of a commune copy -----------------------------------------------

struct RowChange {
    std::int64_t id = 0;
    bool madeHere = false;
    std::optional<ExchangeRow> base, now;
};

json ParseBase(const std::string& text) {
    try {
        return json::parse(text);
    } catch (const json::exception&) {
        return json::array();
    }
}

ExchangeRow BaseRowOf(const std::string& text) {
    json a = ParseBase(text);
    ExchangeRow row;
    if (!a.is_array()) return row;
    for (const auto& v : a)
        row.push_back(v.is_string() ? ExchangeValue(v.get<std::string>())
                                    : ExchangeValue(std::nullopt));
    return row;
}

bool SameUserFields(const std::vector<std::string>& columns, const ExchangeRow& a,
                    const ExchangeRow& b) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (Bookkeeping(columns[c])) continue;
        const ExchangeValue va = c < a.size() ? a[c] : std::nullopt;
        const ExchangeValue vb = c < b.size() ? b[c] : std::nullopt;
        if (va != vb) return false;
    }
    return true;
}

// The copy's rows of the table changed, made or deleted since its base.
std::vector<RowChange> ChangesOf(ExchangeRepository& repo, const std::string& table,
                                 std::int64_t unitId, ExchangeRows* current = nullptr) {
    ExchangeRows now = repo.ReadForUnit(table, unitId);
    auto base = repo.Base(table);
    std::vector<RowChange> out;
    std::set<std::int64_t> seen;
    for (const auto& row : now.rows) {
        const std::int64_t id = IdOf(row);
        seen.insert(id);
        auto b = base.find(id);
        if (b == base.end()) {
            out.push_back({id, true, std::nullopt, row});
            continue;
        }
        ExchangeRow before = BaseRowOf(b->second.data);
        if (!SameUserFields(now.columns, before, row))
            out.push_back({id, b->second.madeHere, before, row});
    }
    for (const auto& [id, b] : base)
        if (!seen.count(id)) out.push_back({id, b.madeHere, BaseRowOf(b.data), std::nullopt});
    if (current) *current = std::move(now);
    return out;
}

std::map<std::int64_t, storage::ExchangeRepository::BaseRow> BaseOf(
    const ExchangeRows& rows, const std::set<std::int64_t>& madeHere) {
    std::map<std::int64_t, storage::ExchangeRepository::BaseRow> out;
    for (const auto& row : rows.rows) {
        const std::int64_t id = IdOf(row);
        out[id] = {RowJson(row).dump(), madeHere.count(id) > 0};
    }
    return out;
}

// --- Rows named by their key columns (results, tallies, dossiers) ----------
//
// Exchanged as the office's own import and export files have them: the
// copy's export of the kind against its base, the office's export of the
// unit's rows, and the rows merged field by field imported at the office,
// where the import's checks, locks, versions and audit apply.

struct KeyedKind {
    const char* kind;  // as `cchc import` names it
    long (*exporter)(storage::Database&, const std::string&, const std::string&);
    std::vector<std::string> key;  // the columns that name a row
};

const std::vector<KeyedKind>& KeyedKinds() {
    static const std::vector<KeyedKind> kinds = {
        {"results", &ExportResults, {"unit", "framework", "period", "criterion"}},
        {"tallies", &ExportTallies, {"unit", "period", "field"}},
        {"dossiers", &ExportDossiers, {"unit", "period", "field"}},
    };
    return kinds;
}

const KeyedKind* FindKeyed(const std::string& kind) {
    for (const auto& k : KeyedKinds())
        if (kind == k.kind) return &k;
    return nullptr;
}

// A file in a folder of its own under the system's temporary folder,
// removed with it.
class ScratchFile {
  public:
    explicit ScratchFile(const std::string& name) {
        dir_ = CreateTempDir("cchc-exchange-");
        path_ = dir_ + "/" + name;
    }
    ~ScratchFile() {
        std::error_code ec;
        std::filesystem::remove_all(std::filesystem::u8path(dir_), ec);
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string dir_, path_;
};

using Cells = std::vector<std::string>;

struct KeyedRows {
    std::vector<std::string> columns;
    std::map<std::string, Cells> byKey;
};

std::size_t ColumnOf(const std::vector<std::string>& columns, const std::string& name) {
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) -
                                    columns.begin());
}

ExchangeValue At(const ExchangeRow& row, std::size_t c) {
    return c < row.size() ? row[c] : std::nullopt;
}

// The named column of the row, or "" (text of a NOT NULL column read back).
std::string Cell(const std::vector<std::string>& columns, const ExchangeRow& row,
                 const std::string& name) {
    const std::size_t c = ColumnOf(columns, name);
    return c < row.size() && row[c] ? *row[c] : std::string();
}

std::string KeyOf(const KeyedKind& kind, const std::vector<std::string>& columns,
                  const Cells& row) {
    std::string key;
    for (const auto& k : kind.key) {
        const std::size_t c = ColumnOf(columns, k);
        if (!key.empty()) key += '/';
        key += c < row.size() ? row[c] : std::string();
    }
    return key;
}

bool IsKey(const KeyedKind& kind, const std::string& column) {
    return std::find(kind.key.begin(), kind.key.end(), column) != kind.key.end();
}

// The kind's rows as the account exports them, of these units (all when empty).
KeyedRows ReadKeyed(storage::Database& db, const KeyedKind& kind, const std::string& user,
                    const std::set<std::string>& unitCodes = {}) {
    ScratchFile file(std::string(kind.kind) + ".csv");
    kind.exporter(db, file.path(), user);
    auto reader = tableio::TableReader::Open(file.path());
    KeyedRows out;
    out.columns = reader->Header();
    const std::size_t unit = ColumnOf(out.columns, "unit");
    Cells fields;
    while (reader->Next(fields)) {
        fields.resize(out.columns.size());
        if (!unitCodes.empty() && (unit >= fields.size() || !unitCodes.count(fields[unit])))
            continue;
        out.byKey[KeyOf(kind, out.columns, fields)] = fields;
    }
    return out;
}

// The codes of the unit and every unit under it.
std::set<std::string> SubtreeCodes(storage::Database& db, std::int64_t unitId) {
    const auto units = storage::UnitRepository(db.session()).All();
    std::set<std::int64_t> in{unitId};
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& u : units)
            if (u.parentId && in.count(*u.parentId) && in.insert(u.id).second) grew = true;
    }
    std::set<std::string> codes;
    for (const auto& u : units)
        if (in.count(u.id)) codes.insert(u.code);
    return codes;
}

json CellsJson(const Cells& row) { return json(row); }

Cells CellsOf(const json& a, const std::string& path) {
    if (!a.is_array()) Damaged(path, kData);
    Cells row;
    for (const auto& v : a) {
        if (!v.is_string()) Damaged(path, kData);
        row.push_back(v.get<std::string>());
    }
    return row;
}

// A copy's base of the kind: its rows as last received or sent, by key.
std::map<std::string, Cells> KeyedBase(ExchangeRepository& repo, const KeyedKind& kind,
                                       std::vector<std::string>* columns = nullptr) {
    std::map<std::string, Cells> out;
    for (const auto& [index, b] : repo.Base(kind.kind)) {
        json j = ParseBase(b.data);
        if (!j.is_object() || !j.contains("row") || !j.contains("columns")) continue;
        std::vector<std::string> cols = j["columns"].get<std::vector<std::string>>();
        Cells row = j["row"].get<Cells>();
        if (columns) *columns = cols;
        out[KeyOf(kind, cols, row)] = row;
    }
    return out;
}

void ReplaceKeyedBase(ExchangeRepository& repo, const KeyedKind& kind, const KeyedRows& rows) {
    std::map<std::int64_t, storage::ExchangeRepository::BaseRow> base;
    std::int64_t index = 0;
    for (const auto& [key, row] : rows.byKey)
        base[++index] = {json{{"columns", rows.columns}, {"row", row}}.dump(), false};
    repo.ReplaceBase(kind.kind, base);
}

struct KeyedChange {
    std::string key;
    std::optional<Cells> base, now;
};

std::vector<KeyedChange> KeyedChangesOf(storage::Database& db, ExchangeRepository& repo,
                                        const KeyedKind& kind, const std::string& user,
                                        KeyedRows* current = nullptr) {
    KeyedRows now = ReadKeyed(db, kind, user);
    const auto base = KeyedBase(repo, kind);
    std::vector<KeyedChange> out;
    for (const auto& [key, row] : now.byKey) {
        auto b = base.find(key);
        if (b == base.end())
            out.push_back({key, std::nullopt, row});
        else if (b->second != row)
            out.push_back({key, b->second, row});
    }
    for (const auto& [key, row] : base)
        if (!now.byKey.count(key)) out.push_back({key, row, std::nullopt});
    if (current) *current = std::move(now);
    return out;
}

// Imports the rows as the kind's file at the office, within the caller's
// transaction; a refusal names the package.
void ImportKeyed(storage::Database& db, const KeyedKind& kind,
                 const std::vector<std::string>& columns, const std::vector<Cells>& rows,
                 const std::string& package, const std::string& user) {
    if (rows.empty()) return;
    ScratchFile file(package + "." + kind.kind + ".csv");
    {
        auto writer = tableio::TableWriter::Create(file.path(), columns);
        for (const auto& r : rows) writer->Add(r);
        writer->Close();
    }
    try {
        RunImport(db, kind.kind, file.path(), user, {});
    } catch (const AccessDenied&) {
        throw;
    } catch (const UserError& e) {
        throw UserError(fmt::format(
            fmt::runtime(tr("{0}: the commune's {1} cannot be applied ({2}); nothing was stored")),
            package, kind.kind, e.what()));
    }
}

// --- Tasks at the office ------------------------------------------------------

std::optional<std::int64_t> OptId(const ExchangeValue& v) {
    if (!v || v->empty()) return std::nullopt;
    return std::stoll(*v);
}

// Sets the task's field from its exchanged text; UserError (at the field)
// for a value the task cannot take.
void SetTaskField(TaskRecord& t, const std::string& field, const ExchangeValue& v,
                  const std::string& path) {
    auto bad = [&] {
        throw UserError(Location{path, 0, field},
                        fmt::format(fmt::runtime(tr("the value “{0}” cannot be a task's {1}")),
                                    v.value_or(""), field));
    };
    try {
        if (field == "solution")
            t.solution = v.value_or("");
        else if (field == "lead_unit_id")
            t.leadUnitId = OptId(v);
        else if (field == "lead_unit_text")
            t.leadUnitText = v.value_or("");
        else if (field == "lead_person_id")
            t.leadPersonId = OptId(v);
        else if (field == "lead_person_text")
            t.leadPersonText = v.value_or("");
        else if (field == "start_on")
            t.startOn = v;
        else if (field == "due_on")
            t.dueOn = v;
        else if (field == "due_year")
            t.dueYear = v ? std::optional<int>(std::stoi(*v)) : std::nullopt;
        else if (field == "recurring")
            t.recurring = v && *v == "1";
        else if (field == "time_text")
            t.timeText = v.value_or("");
        else if (field == "status") {
            auto s = TaskStatusFromKey(v.value_or(""));
            if (!s) bad();
            t.status = *s;
        } else if (field == "percent_done")
            t.percentDone = std::stoi(v.value_or(""));
        else if (field == "outcome")
            t.outcome = v.value_or("");
        else if (field == "closed_on")
            t.closedOn = v;
        else
            bad();
    } catch (const std::logic_error&) {
        bad();
    }
}

std::string LineKey(std::int64_t id) { return std::to_string(id); }

// Keeps for someone to resolve a field both sides changed (field "*": a
// row the copy deleted or one the office no longer has), of a row by id or
// by its key columns.
void KeepConflict(ExchangeRepository& repo, std::int64_t unitId, int seq, const std::string& table,
                  std::int64_t rowId, const std::string& rowKey, const std::string& field,
                  const ExchangeValue& base = std::nullopt,
                  const ExchangeValue& office = std::nullopt,
                  const ExchangeValue& commune = std::nullopt) {
    storage::ExchangeConflict c;
    c.unitId = unitId;
    c.packageSeq = seq;
    c.table = table;
    c.rowId = rowId;
    c.rowKey = rowKey;
    c.field = field;
    c.base = base;
    c.office = office;
    c.commune = commune;
    repo.AddConflict(c);
}

// What names a row of the table: its id, or its key columns' values as a
// JSON array.
std::string RowKey(const std::string& table, const std::vector<std::string>& columns,
                   const ExchangeRow& row) {
    const auto& key = storage::ExchangeKeyColumns(table);
    auto value = [&](const std::string& name) {
        const std::size_t c = ColumnOf(columns, name);
        return c < row.size() ? row[c] : ExchangeValue();
    };
    if (key.size() == 1) return value(key[0]).value_or("");
    json k = json::array();
    for (const auto& name : key) {
        auto v = value(name);
        k.push_back(v ? json(*v) : json(nullptr));
    }
    return k.dump();
}

// A short fingerprint of a row as a package carried it (and whether its
// file went with it), to tell which rows changed since.
std::string RowHash(const ExchangeRow& row, bool withFile) {
    return Sha256Hex(RowJson(row).dump() + (withFile ? "+file" : "")).substr(0, 16);
}

// Ratings travel only when asked for: they are many.
bool RatingsTable(const std::string& table) {
    return table == "ratings" || table == "rating_extra_scores";
}

json ParseObject(const std::string& text) {
    try {
        json j = json::parse(text);
        if (j.is_object()) return j;
    } catch (const json::exception&) {
    }
    return json::object();
}

}  // namespace

// --- Office: a unit's package ---------------------------------------------------

OfficePackageOutcome ExportUnitPackage(storage::Database& db, const std::string& unitCode,
                                       const std::string& path, const std::string& user,
                                       const ExchangeExportOptions& options) {
    AccessGuard guard(db, user);
    auto unit = storage::UnitRepository(db.session()).ByCode(unitCode);
    if (!unit) {
        guard.RefuseHiddenUnit(Action::ExchangePackages, unitCode);
        throw UserError(fmt::format(fmt::runtime(tr("no unit has the code {0}")), unitCode));
    }
    guard.Require(Action::ExchangePackages, unit->id);
    storage::Transaction tx(db);
    ExchangeRepository repo(db.session());
    const storage::ExchangeSelf self = OfficeSelf(repo);
    storage::ExchangeUnit eu = repo.Unit(unit->id).value_or(storage::ExchangeUnit{});
    eu.unitId = unit->id;
    eu.outSeq += 1;
    if (eu.returnToken.empty()) eu.returnToken = RandomHex(16);
    const std::string now = Now();
    eu.outAt = now;

    // The copy holds one of the packages from the one its last return was
    // written on to the last one sent: this package carries the rows that
    // differ from any of them (and the keys of every row), unless a whole
    // one is asked for or one of them was not recorded.
    std::map<int, json> earlier;
    int since = 0;
    if (!options.full && eu.ackSeq > 0) {
        for (const auto& [seq, text] : repo.Sent(unit->id, eu.ackSeq))
            earlier[seq] = ParseObject(text);
        bool known = true;
        for (int q = eu.ackSeq; q < eu.outSeq; ++q) known = known && earlier.count(q) > 0;
        if (known)
            since = eu.ackSeq;
        else
            earlier.clear();
    }

    OfficePackageOutcome outcome{unit->code, unit->name, eu.outSeq, 0};
    outcome.since = since;
    json tables = json::array(), hashes = json::object();
    std::map<std::string, std::string> files;
    storage::EvidenceRepository evidence(db.session());
    for (const auto& table : storage::ExchangeTables()) {
        if (!options.withRatings && RatingsTable(table)) continue;
        ExchangeRows rows = repo.ReadForUnit(table, unit->id);
        const std::size_t shaColumn =
            options.withFiles && table == "evidence" ? ColumnOf(rows.columns, "sha256") : SIZE_MAX;
        json t = {{"table", table}, {"columns", rows.columns}, {"rows", json::array()}};
        json keys = json::array();
        json& sent = hashes[table] = json::object();
        for (const auto& r : rows.rows) {
            const bool withFile = shaColumn < r.size() && r[shaColumn];
            const std::string key = RowKey(table, rows.columns, r), hash = RowHash(r, withFile);
            sent[key] = hash;
            bool carry = since == 0;
            for (const auto& [seq, held] : earlier) {
                auto heldTable = held.find(table);
                if (heldTable == held.end()) {
                    carry = true;
                    break;
                }
                auto heldRow = heldTable->find(key);
                if (heldRow == heldTable->end() || *heldRow != hash) {
                    carry = true;
                    break;
                }
            }
            if (since > 0) keys.push_back(key);
            if (!carry) continue;
            t["rows"].push_back(RowJson(r));
            ++outcome.rows;
            if (withFile && !files.count(*r[shaColumn])) {
                std::string bytes = evidence.Content(IdOf(r));
                if (!bytes.empty() && Sha256Hex(bytes) == *r[shaColumn])
                    files.emplace(*r[shaColumn], std::move(bytes));
            }
        }
        if (since > 0) t["keys"] = std::move(keys);
        tables.push_back(std::move(t));
    }
    outcome.files = static_cast<long>(files.size());
    json manifest = {{"format", kFormat},
                     {"version", kFormatVersion},
                     {"kind", "office"},
                     {"office_id", self.officeId},
                     {"unit", {{"id", unit->id}, {"code", unit->code}, {"name", unit->name}}},
                     {"seq", eu.outSeq},
                     {"since", since},
                     {"acknowledged", eu.inSeq},
                     {"return_token", eu.returnToken},
                     {"created_at", now},
                     {"created_by", user},
                     {"with_files", options.withFiles},
                     {"with_ratings", options.withRatings},
                     {"public_key", self.publicKey}};
    Written w = WritePackage(path, manifest, json{{"tables", tables}}, self.secretKey, files);
    repo.SaveUnit(eu);
    repo.RecordSent(unit->id, eu.outSeq, hashes.dump());
    if (eu.ackSeq > 0) repo.ForgetSentBefore(unit->id, eu.ackSeq);
    repo.RecordPackage(unit->id, "out", eu.outSeq, FileName(path), w.sha256, w.size, "applied",
                       user);
    tx.Commit();
    w.file->Commit();
    return outcome;
}

// --- Commune: opening the office's package ----------------------------------------

OpenOutcome OpenPackage(storage::Database& db, const std::string& path, const std::string& user) {
    Package p = ReadPackage(path);
    if (p.manifest.value("kind", "") != "office")
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} is a commune's return package: the office imports it with "
                            "“cchc exchange import”")),
            FileName(path)));
    if (db.backend() != storage::Backend::Sqlite)
        throw UserError(
            tr("a commune's copy is an SQLite file: open the package with --db "
               "sqlite:NEW_FILE"));
    const json& unitJson = p.manifest["unit"];
    const std::int64_t unitId = unitJson.value("id", std::int64_t{0});
    const int seq = p.manifest.value("seq", 0);
    OpenOutcome outcome{unitJson.value("code", ""), unitJson.value("name", ""), seq, false, 0};
    ExchangeRepository repo(db.session());
    auto self = repo.Self();
    storage::Transaction tx(db);
    if (self && self->role == "office")
        throw UserError(
            tr("this database is an office's: a package opens into a commune's own "
               "database (--db sqlite:NEW_FILE)"));
    if (!self && storage::UnitRepository(db.session()).Count() > 0)
        throw UserError(
            tr("this database already holds an office's data: a package opens into "
               "a commune's own database (--db sqlite:NEW_FILE)"));
    if (self) {
        if (self->officeId != p.manifest.value("office_id", "") ||
            self->officeKey != p.manifest.value("public_key", ""))
            throw UserError(fmt::format(
                fmt::runtime(tr("{0} comes from another office than this copy's; nothing was "
                                "stored")),
                FileName(path)));
        if (self->unitId != unitId)
            throw UserError(fmt::format(
                fmt::runtime(tr("{0} is for {1}, not for this copy's unit; nothing was stored")),
                FileName(path), outcome.unitName));
        if (seq < self->baseSeq)
            throw UserError(fmt::format(
                fmt::runtime(tr("{0} is the office's package number {1}, older than number {2} "
                                "this copy holds; nothing was stored")),
                FileName(path), seq, self->baseSeq));
        if (seq == self->baseSeq) {
            outcome.refreshed = false;
            return outcome;  // already open: nothing to change
        }
        bool changed = false;
        for (const auto& table : Tracked())
            changed = changed || !ChangesOf(repo, table, unitId).empty();
        for (const char* table : {kDocuments, kRatings})
            for (const auto& c : ChangesOf(repo, table, unitId))
                changed = changed || (c.madeHere && c.now);
        for (const auto& kind : KeyedKinds())
            changed = changed || !KeyedChangesOf(db, repo, kind, user).empty();
        if (changed)
            throw UserError(
                tr("this copy has changes not sent to the office yet: send them "
                   "first (Gửi về văn phòng, “cchc exchange export --out "
                   "FILE”), then open the office's next package"));
        if (p.manifest.value("acknowledged", 0) < self->sentSeq)
            throw UserError(fmt::format(
                fmt::runtime(tr("the office had not yet received this copy's return package "
                                "number {0} when it wrote {1}: open the package it writes "
                                "after receiving it")),
                self->sentSeq, FileName(path)));
        outcome.refreshed = true;
    }
    // A package carrying only changes is laid on the rows the copy received.
    outcome.since = p.manifest.value("since", 0);
    std::map<std::string, ExchangeRows> held;
    const std::optional<std::string> had = self ? repo.Received() : std::nullopt;
    if (outcome.since > 0 && (!self || self->baseSeq < outcome.since || !had))
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} carries only what changed since the office's package number "
                            "{1}, which this copy does not hold; nothing was stored: ask the "
                            "office for a whole package (“cchc exchange export --unit {2} "
                            "--full”)")),
            FileName(path), outcome.since, outcome.unitCode));
    if (had) {
        json earlier = ParseObject(*had);
        for (const auto& t : earlier.value("tables", json::array())) {
            ExchangeRows rows;
            rows.table = t.value("table", "");
            for (const auto& c : t.value("columns", json::array()))
                rows.columns.push_back(c.is_string() ? c.get<std::string>() : std::string());
            for (const auto& r : t.value("rows", json::array()))
                rows.rows.push_back(RowOf(r, path));
            held[rows.table] = std::move(rows);
        }
    }
    if (!p.data.contains("tables") || !p.data["tables"].is_array()) Damaged(path, kData);
    std::map<std::string, ExchangeRows> received;
    for (const auto& t : p.data["tables"]) {
        ExchangeRows rows;
        rows.table = t.value("table", "");
        if (storage::ExchangeColumns(rows.table).empty()) continue;
        for (const auto& c : t.value("columns", json::array()))
            rows.columns.push_back(c.is_string() ? c.get<std::string>() : std::string());
        for (const auto& r : t.value("rows", json::array())) rows.rows.push_back(RowOf(r, path));
        outcome.carried += static_cast<long>(rows.rows.size());
        if (outcome.since > 0) {
            // Every row the office has now, in its order: the one carried,
            // else the one received before.
            if (!t.contains("keys") || !t["keys"].is_array()) Damaged(path, kData);
            std::map<std::string, const ExchangeRow*> byKey;
            auto before = held.find(rows.table);
            if (before != held.end() && before->second.columns == rows.columns)
                for (const auto& r : before->second.rows)
                    byKey[RowKey(rows.table, rows.columns, r)] = &r;
            for (const auto& r : rows.rows) byKey[RowKey(rows.table, rows.columns, r)] = &r;
            std::vector<ExchangeRow> whole;
            for (const auto& k : t["keys"]) {
                auto it = k.is_string() ? byKey.find(k.get<std::string>()) : byKey.end();
                if (it == byKey.end())
                    throw UserError(fmt::format(
                        fmt::runtime(tr("{0} carries only what changed since the office's "
                                        "package number {1}, and this copy lacks a row it "
                                        "keeps ({2}); nothing was stored: ask the office for a "
                                        "whole package (“cchc exchange export --unit {3} "
                                        "--full”)")),
                        FileName(path), outcome.since, rows.table, outcome.unitCode));
                whole.push_back(*it->second);
            }
            rows.rows = std::move(whole);
        }
        received[rows.table] = std::move(rows);
    }
    // Ratings the office did not send this time stay as the copy received them.
    for (auto& [table, rows] : held)
        if (RatingsTable(table) && !received.count(table)) received[table] = std::move(rows);
    // The files the copy has stay with their documents.
    storage::EvidenceRepository evidence(db.session());
    std::map<std::string, std::string> files = p.files;
    if (self) {
        ExchangeRows had = repo.ReadForUnit("evidence", unitId);
        const std::size_t sha = ColumnOf(had.columns, "sha256");
        for (const auto& r : had.rows)
            if (sha < r.size() && r[sha] && !files.count(*r[sha])) {
                std::string bytes = evidence.Content(IdOf(r));
                if (!bytes.empty()) files.emplace(*r[sha], std::move(bytes));
            }
    }
    repo.DeferForeignKeys();
    const auto& tables = storage::ExchangeTables();
    for (auto t = tables.rbegin(); t != tables.rend(); ++t) repo.DeleteAll(*t);
    for (const auto& table : tables) {
        auto it = received.find(table);
        if (it == received.end()) continue;
        repo.InsertRows(it->second);
        outcome.rows += static_cast<long>(it->second.rows.size());
    }
    if (auto it = received.find("evidence"); it != received.end()) {
        const std::size_t sha = ColumnOf(it->second.columns, "sha256");
        for (const auto& r : it->second.rows) {
            if (sha >= r.size() || !r[sha]) continue;
            auto file = files.find(*r[sha]);
            if (file == files.end()) continue;
            evidence.SetContent(IdOf(r), file->second);
            ++outcome.files;
        }
    }
    for (const auto& table : Tracked()) {
        ExchangeRows rows = repo.ReadForUnit(table, unitId);
        repo.ReplaceBase(table, BaseOf(rows, {}));
    }
    for (const char* table : {kDocuments, kRatings})
        repo.ReplaceBase(table, BaseOf(repo.ReadForUnit(table, unitId), {}));
    storage::ExchangeSelf made = self.value_or(storage::ExchangeSelf{});
    if (!self) {
        InitSodium();
        made.role = "commune";
        std::tie(made.publicKey, made.secretKey) = NewKeys();
    }
    made.officeId = p.manifest.value("office_id", "");
    made.officeKey = p.manifest.value("public_key", "");
    made.unitId = unitId;
    made.baseSeq = seq;
    made.returnToken = p.manifest.value("return_token", "");
    repo.SaveSelf(made);
    {
        json kept = json::array();
        for (const auto& [table, rows] : received) {
            json t = {{"table", table}, {"columns", rows.columns}, {"rows", json::array()}};
            for (const auto& r : rows.rows) t["rows"].push_back(RowJson(r));
            kept.push_back(std::move(t));
        }
        repo.SaveReceived(json{{"tables", kept}}.dump());
    }
    for (const auto& kind : KeyedKinds()) ReplaceKeyedBase(repo, kind, ReadKeyed(db, kind, user));
    storage::TaskBoardWriter(db.session()).All();
    storage::AuditRepository(db.session())
        .Record({"", user, "exchange_packages", 0, "insert", "open", std::nullopt,
                 FileName(path) + " #" + std::to_string(seq)});
    tx.Commit();
    return outcome;
}

// --- Commune: the return package --------------------------------------------------

ReturnOutcome ExportCommunePackage(storage::Database& db, const std::string& path,
                                   const std::string& user) {
    ExchangeRepository repo(db.session());
    storage::Transaction tx(db);
    storage::ExchangeSelf self = CommuneSelf(repo);
    const std::int64_t unitId = *self.unitId;
    auto unit = storage::UnitRepository(db.session()).ById(unitId);
    ReturnOutcome outcome{unit ? unit->code : std::to_string(unitId), self.sentSeq + 1, 0};
    json changes = json::array();
    std::map<std::string, ExchangeRows> current;
    std::map<std::string, std::set<std::int64_t>> madeHere;
    for (const auto& table : Tracked()) {
        ExchangeRows now;
        auto list = ChangesOf(repo, table, unitId, &now);
        json t = {{"table", table}, {"columns", now.columns}, {"rows", json::array()}};
        for (const auto& c : list) {
            bool taskMadeHere = false;
            if (table == "progress_updates") {
                const auto col = ColumnOf(now.columns, "task_id");
                const ExchangeRow& r = c.now ? *c.now : *c.base;
                if (col < r.size() && r[col])
                    taskMadeHere = madeHere["tasks"].count(std::stoll(*r[col])) > 0;
            }
            t["rows"].push_back({{"id", std::to_string(c.id)},
                                 {"made_here", c.madeHere},
                                 {"task_made_here", taskMadeHere},
                                 {"base", c.base ? RowJson(*c.base) : json(nullptr)},
                                 {"now", c.now ? RowJson(*c.now) : json(nullptr)}});
            ++outcome.changes;
        }
        for (const auto& [id, b] : repo.Base(table))
            if (b.madeHere) madeHere[table].insert(id);
        for (const auto& c : list)
            if (c.madeHere && c.now) madeHere[table].insert(c.id);
        current[table] = std::move(now);
        changes.push_back(std::move(t));
    }
    json keyed = json::array();
    std::map<std::string, KeyedRows> currentKeyed;
    for (const auto& kind : KeyedKinds()) {
        KeyedRows now;
        auto list = KeyedChangesOf(db, repo, kind, user, &now);
        json t = {{"kind", kind.kind}, {"columns", now.columns}, {"rows", json::array()}};
        for (const auto& c : list) {
            t["rows"].push_back({{"key", c.key},
                                 {"base", c.base ? CellsJson(*c.base) : json(nullptr)},
                                 {"now", c.now ? CellsJson(*c.now) : json(nullptr)}});
            ++outcome.changes;
        }
        currentKeyed[kind.kind] = std::move(now);
        keyed.push_back(std::move(t));
    }
    // Documents registered in the copy, with their files and what they are
    // linked to: progress updates by id (made here or the office's), results
    // by unit, criterion and period.
    json documents = json::array();
    std::map<std::string, std::string> files;
    ExchangeRows documentsNow;
    std::set<std::int64_t> documentsMadeHere;
    {
        storage::EvidenceRepository evidence(db.session());
        const auto list = ChangesOf(repo, kDocuments, unitId, &documentsNow);
        for (const auto& [id, b] : repo.Base(kDocuments))
            if (b.madeHere) documentsMadeHere.insert(id);
        const ExchangeRows updates = repo.ReadForUnit("progress_evidence", unitId);
        const ExchangeRows linked = repo.ReadForUnit("result_evidence", unitId);
        const ExchangeRows results = repo.ReadForUnit("results", unitId);
        const std::size_t sha = ColumnOf(documentsNow.columns, "sha256");
        for (const auto& c : list) {
            if (!c.madeHere || !c.now) continue;
            documentsMadeHere.insert(c.id);
            json d = {{"id", std::to_string(c.id)},
                      {"row", RowJson(*c.now)},
                      {"updates", json::array()},
                      {"results", json::array()}};
            const std::string id = std::to_string(c.id);
            for (const auto& l : updates.rows)
                if (l.size() == 2 && l[0] && l[1] == id)
                    d["updates"].push_back(
                        {{"id", *l[0]},
                         {"made_here", madeHere["progress_updates"].count(std::stoll(*l[0])) > 0}});
            for (const auto& l : linked.rows) {
                if (l.size() != 2 || !l[0] || l[1] != id) continue;
                for (const auto& r : results.rows)
                    if (!r.empty() && r[0] == l[0])
                        d["results"].push_back(
                            {{"unit_id", Cell(results.columns, r, "unit_id")},
                             {"criterion_id", Cell(results.columns, r, "criterion_id")},
                             {"period", Cell(results.columns, r, "period")}});
            }
            if (sha < c.now->size() && (*c.now)[sha] && !files.count(*(*c.now)[sha])) {
                std::string bytes = evidence.Content(c.id);
                if (!bytes.empty() && Sha256Hex(bytes) == *(*c.now)[sha])
                    files.emplace(*(*c.now)[sha], std::move(bytes));
            }
            documents.push_back(std::move(d));
            ++outcome.changes;
        }
    }
    // Ratings entered in the copy, as the ratings import reads them.
    json ratings = json::array();
    ExchangeRows ratingsNow;
    std::set<std::int64_t> ratingsMadeHere;
    {
        const auto list = ChangesOf(repo, kRatings, unitId, &ratingsNow);
        for (const auto& [id, b] : repo.Base(kRatings))
            if (b.madeHere) ratingsMadeHere.insert(id);
        std::map<std::string, std::string> unitCodes, officerCodes;
        for (const auto& u : storage::UnitRepository(db.session()).All())
            unitCodes[std::to_string(u.id)] = u.code;
        const ExchangeRows people = repo.ReadForUnit("people", unitId);
        for (const auto& r : people.rows)
            officerCodes[Cell(people.columns, r, "id")] = Cell(people.columns, r, "code");
        const auto& cols = ratingsNow.columns;
        for (const auto& c : list) {
            if (!c.madeHere || !c.now) continue;
            ratingsMadeHere.insert(c.id);
            const ExchangeRow& r = *c.now;
            json line = json::array();
            line.push_back(Cell(cols, r, "rated_at"));
            line.push_back(unitCodes[Cell(cols, r, "unit_id")]);
            line.push_back(officerCodes[Cell(cols, r, "officer_id")]);
            for (const char* name :
                 {"procedure", "channel", "attitude", "handling", "guidance", "citizen"})
                line.push_back(Cell(cols, r, name));
            ratings.push_back(std::move(line));
            ++outcome.changes;
        }
    }
    json manifest = {
        {"format", kFormat},
        {"version", kFormatVersion},
        {"kind", "commune"},
        {"office_id", self.officeId},
        {"unit",
         {{"id", unitId}, {"code", outcome.unitCode}, {"name", unit ? unit->name : std::string()}}},
        {"seq", outcome.seq},
        {"base_seq", self.baseSeq},
        {"return_token", self.returnToken},
        {"created_at", Now()},
        {"created_by", user},
        {"public_key", self.publicKey}};
    Written w = WritePackage(
        path, manifest,
        json{
            {"changes", changes}, {"keyed", keyed}, {"documents", documents}, {"ratings", ratings}},
        self.secretKey, files);
    repo.ReplaceBase(kDocuments, BaseOf(documentsNow, documentsMadeHere));
    repo.ReplaceBase(kRatings, BaseOf(ratingsNow, ratingsMadeHere));
    for (const auto& [table, rows] : current)
        repo.ReplaceBase(table, BaseOf(rows, madeHere[table]));
    for (const auto& kind : KeyedKinds()) ReplaceKeyedBase(repo, kind, currentKeyed[kind.kind]);
    self.sentSeq = outcome.seq;
    repo.SaveSelf(self);
    storage::AuditRepository(db.session())
        .Record({"", user, "exchange_packages", 0, "insert", "return", std::nullopt,
                 FileName(path) + " #" + std::to_string(outcome.seq)});
    tx.Commit();
    w.file->Commit();
    return outcome;
}

// --- Office: applying a return package ----------------------------------------------

namespace {

// What the office holds of a unit's tracked table, by id.
struct OfficeRows {
    std::vector<std::string> columns;
    std::map<std::int64_t, ExchangeRow> byId;
};

OfficeRows OfficeRowsOf(ExchangeRepository& repo, const std::string& table, std::int64_t unitId) {
    ExchangeRows rows = repo.ReadForUnit(table, unitId);
    OfficeRows out;
    out.columns = rows.columns;
    for (auto& r : rows.rows) out.byId[IdOf(r)] = std::move(r);
    return out;
}

// Records a quarter's progress update at the office through the service,
// as the commune's desk would have: the task moves to its status and
// percentage, with the task's outcome as the office has it.
std::int64_t RecordProgress(storage::Database& db, PlanService& plans, std::int64_t task,
                            const std::string& period, const std::string& status, int percent,
                            const std::string& note, std::int64_t updateId, const std::string& user,
                            const std::string& file) {
    ProgressInput in;
    in.taskId = task;
    in.period = period;
    auto s = TaskStatusFromKey(status);
    if (!s)
        throw UserError(Location{file, 0, "status"},
                        fmt::format(fmt::runtime(tr("the value “{0}” cannot be a task's {1}")),
                                    status, "status"));
    in.status = *s;
    in.percent = percent;
    in.note = note;
    in.outcome = plans.LoadTask(task).outcome;
    in.updateId = updateId;
    return AddProgressUpdate(db, in, user);
}

// A progress update changed, made or deleted in the copy: made ones are
// recorded (or, when the office has the quarter's update of the task
// already, each differing field is a conflict), changed ones merged field by
// field as tasks are, deleted ones left to the office.
void ApplyProgressChange(storage::Database& db, ExchangeRepository& repo, PlanService& plans,
                         ExchangeImportOutcome& outcome, std::int64_t unitId,
                         const std::string& unitName, int seq, const std::string& file,
                         const std::vector<std::string>& columns, const OfficeRows& office,
                         std::int64_t id, bool madeHere, bool taskMadeHere,
                         const std::optional<ExchangeRow>& base,
                         const std::optional<ExchangeRow>& now, const std::string& user) {
    const std::string table = "progress_updates";
    const ExchangeRow& any = now ? *now : *base;
    std::optional<std::int64_t> task;
    try {
        const std::int64_t given = std::stoll(Cell(columns, any, "task_id"));
        task = taskMadeHere ? repo.OfficeIdOf(unitId, "tasks", given) : given;
    } catch (const std::logic_error&) {
        task = std::nullopt;
    }
    std::set<std::int64_t> tasks;
    for (const auto& r : repo.ReadForUnit("tasks", unitId).rows) tasks.insert(IdOf(r));
    if (!task || !tasks.count(*task))
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} records progress of a task that is not {1}'s; nothing was "
                            "stored")),
            file, unitName));
    const std::string period = Cell(columns, any, "period");
    const std::string label = plans.LoadTask(*task).solution + " (" + period + ")";
    std::optional<std::int64_t> officeId = madeHere ? repo.OfficeIdOf(unitId, table, id) : id;
    auto conflict = [&](std::int64_t row, const std::string& field, const ExchangeValue& b,
                        const ExchangeValue& o, const ExchangeValue& n) {
        KeepConflict(repo, unitId, seq, table, row, {}, field, b, o, n);
        outcome.lines.push_back({table, LineKey(row), field, label, b, o, n, "conflict"});
    };
    if (!now) {
        if (officeId && office.byId.count(*officeId)) {
            conflict(*officeId, "*", Cell(columns, *base, "note"),
                     Cell(columns, office.byId.at(*officeId), "note"), std::nullopt);
        }
        return;
    }
    const std::vector<std::string> fields = {"status", "percent_done", "note"};
    if (!officeId || !office.byId.count(*officeId)) {
        if (!madeHere)
            throw UserError(fmt::format(
                fmt::runtime(tr("{0} changes a progress update that is not {1}'s (id {2}); "
                                "nothing was stored")),
                file, unitName, id));
        // Made in the copy: the office may have the quarter's update already.
        if (auto stored = QuarterUpdate(db, *task, period)) {
            repo.MapId(unitId, table, id, stored->id);
            const std::map<std::string, std::string> mine = {
                {"status", TaskStatusKey(stored->status)},
                {"percent_done", std::to_string(stored->percent)},
                {"note", stored->note}};
            for (const auto& f : fields)
                if (mine.at(f) != Cell(columns, *now, f))
                    conflict(stored->id, f, std::nullopt, mine.at(f), Cell(columns, *now, f));
            return;
        }
        int percent = 0;
        try {
            percent = std::stoi(Cell(columns, *now, "percent_done"));
        } catch (const std::logic_error&) {
            Damaged(file, kData);
        }
        std::string status = Cell(columns, *now, "status");
        // The task's status or percentage in conflict in this package: the
        // update is recorded with the office's, until the conflict is
        // resolved.
        for (const auto& l : outcome.lines)
            if (l.table == "tasks" && l.state == "conflict" && l.key == LineKey(*task) &&
                (l.field == "status" || l.field == "percent_done")) {
                const TaskRecord t = plans.LoadTask(*task);
                status = TaskStatusKey(t.status);
                percent = t.percentDone;
            }
        const std::int64_t made = RecordProgress(db, plans, *task, period, status, percent,
                                                 Cell(columns, *now, "note"), 0, user, file);
        repo.MapId(unitId, table, id, made);
        outcome.lines.push_back({table, LineKey(made), "", label, std::nullopt, std::nullopt,
                                 Cell(columns, *now, "note"), "applied"});
        return;
    }
    if (!base) Damaged(file, kData);
    const ExchangeRow& stored = office.byId.at(*officeId);
    std::map<std::string, std::string> merged;
    bool apply = false;
    for (const auto& f : fields) {
        const std::string b = Cell(columns, *base, f), o = Cell(columns, stored, f),
                          n = Cell(columns, *now, f);
        merged[f] = o;
        const FieldMerge merge = MergeField(b, o, n);
        if (merge == FieldMerge::Unchanged) continue;
        if (merge == FieldMerge::Conflict) {
            conflict(*officeId, f, b, o, n);
            continue;
        }
        if (merge == FieldMerge::Apply) {
            merged[f] = n;
            apply = true;
        }
        outcome.lines.push_back(
            {table, LineKey(*officeId), f, label, b, o, n, MergeState(merge, false)});
    }
    if (apply) {
        int percent = 0;
        try {
            percent = std::stoi(merged["percent_done"]);
        } catch (const std::logic_error&) {
            Damaged(file, kData);
        }
        RecordProgress(db, plans, *task, period, merged["status"], percent, merged["note"],
                       *officeId, user, file);
    }
}

// A section of a report's text written or changed in the copy, named by
// its unit, period, report and section: saved through the report archive
// when only the commune changed it, a conflict when the office's differs
// from what the copy started from.
void ApplyNarrativeChange(storage::Database& db, ExchangeRepository& repo,
                          ExchangeImportOutcome& outcome, std::int64_t unitId,
                          const std::string& unitName, int seq, const std::string& file,
                          const std::vector<std::string>& columns, const OfficeRows& office,
                          const std::optional<ExchangeRow>& base,
                          const std::optional<ExchangeRow>& now, const std::string& user) {
    const std::string table = "report_narratives";
    const ExchangeRow& any = now ? *now : *base;
    auto keyOf = [&](const ExchangeRow& r) {
        return Cell(columns, r, "unit_id") + "/" + Cell(columns, r, "period") + "/" +
               Cell(columns, r, "report_type") + "/" + Cell(columns, r, "section_key");
    };
    const std::string key = keyOf(any);
    std::int64_t rowUnit = 0;
    try {
        rowUnit = std::stoll(Cell(columns, any, "unit_id"));
    } catch (const std::logic_error&) {
        Damaged(file, kData);
    }
    std::set<std::int64_t> scope;
    {
        const auto all = storage::UnitRepository(db.session()).All();
        scope.insert(unitId);
        for (bool grew = true; grew;) {
            grew = false;
            for (const auto& u : all)
                if (u.parentId && scope.count(*u.parentId) && scope.insert(u.id).second)
                    grew = true;
        }
    }
    if (!scope.count(rowUnit))
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} changes {1} of {2}, which is not {3}'s; nothing was stored")),
            file, table, std::to_string(rowUnit), unitName));
    const ExchangeRow* stored = nullptr;
    for (const auto& [id, r] : office.byId)
        if (keyOf(r) == key) stored = &r;
    const std::string label = Cell(columns, any, "report_type") + " " +
                              Cell(columns, any, "period") + " – " +
                              Cell(columns, any, "section_key");
    if (!now) {
        KeepConflict(repo, unitId, seq, table, 0, key, "*");
        outcome.lines.push_back(
            {table, key, "*", label, std::nullopt, std::nullopt, std::nullopt, "conflict"});
        return;
    }
    const std::string b = base ? Cell(columns, *base, "body") : std::string();
    const std::string o = stored ? Cell(columns, *stored, "body") : std::string();
    const std::string n = Cell(columns, *now, "body");
    const FieldMerge merge = MergeField(b, o, n);
    if (merge == FieldMerge::Unchanged) return;
    ExchangeReportLine line{table, key, "body", label, b, o, n, MergeState(merge, false)};
    if (merge == FieldMerge::Apply) {
        ReportArchive(db, user).SaveNarratives(rowUnit, Cell(columns, *now, "period"),
                                               Cell(columns, *now, "report_type"),
                                               {{Cell(columns, *now, "section_key"), n}});
    } else if (merge == FieldMerge::Conflict) {
        KeepConflict(repo, unitId, seq, table, 0, key, "body", b, o, n);
    }
    outcome.lines.push_back(std::move(line));
}

}  // namespace

namespace {

// Imports at the office the ratings entered in the copy, through the
// office's own ratings import (a rating it has already is skipped); a
// rating of another unit refuses the package.
void ApplyRatings(storage::Database& db, ExchangeImportOutcome& outcome, std::int64_t unitId,
                  const std::string& unitName, const std::string& file, const Package& p,
                  const std::string& user) {
    if (!p.data.contains("ratings")) return;
    const json& given = p.data["ratings"];
    if (!given.is_array()) Damaged(p.path, kData);
    if (given.empty()) return;
    const auto codes = SubtreeCodes(db, unitId);
    const std::vector<std::string> header = {"time",      "unit",     "officer",
                                             "procedure", "channel",  "attitude",
                                             "handling",  "guidance", "citizen"};
    ScratchFile csv(file + ".ratings.csv");
    {
        auto writer = tableio::TableWriter::Create(csv.path(), header);
        for (const auto& line : given) {
            if (!line.is_array() || line.size() != header.size()) Damaged(p.path, kData);
            Cells cells;
            for (const auto& v : line) {
                if (!v.is_string()) Damaged(p.path, kData);
                cells.push_back(v.get<std::string>());
            }
            if (!codes.count(cells[1]))
                throw UserError(fmt::format(
                    fmt::runtime(tr("{0} holds a rating of a unit that is not {1}'s ({2}); "
                                    "nothing was stored")),
                    file, unitName, cells[1]));
            outcome.lines.push_back({kRatings, cells[0] + "/" + cells[2], "", cells[3],
                                     std::nullopt, std::nullopt, cells[3], "applied"});
            writer->Add(cells);
        }
        writer->Close();
    }
    try {
        ImportRatings(db, csv.path(), user);
    } catch (const AccessDenied&) {
        throw;
    } catch (const UserError& e) {
        throw UserError(fmt::format(
            fmt::runtime(tr("{0}: the commune's {1} cannot be applied ({2}); nothing was stored")),
            file, kRatings, e.what()));
    }
}

// Registers at the office the documents the commune registered in its
// copy (a file the office has already for that unit is reused), with their
// links to the unit's progress updates and results; a document of another
// unit or a link to another's row refuses the package.
void ApplyDocuments(storage::Database& db, ExchangeRepository& repo, ExchangeImportOutcome& outcome,
                    std::int64_t unitId, const std::string& unitName, const std::string& file,
                    const Package& p, const std::string& user) {
    if (!p.data.contains("documents")) return;
    if (!p.data["documents"].is_array()) Damaged(p.path, kData);
    const auto& columns = storage::ExchangeColumns(kDocuments);
    std::set<std::int64_t> subtree;
    {
        const auto codes = SubtreeCodes(db, unitId);
        storage::UnitRepository unitRepo(db.session());
        for (const auto& code : codes)
            if (auto u = unitRepo.ByCode(code)) subtree.insert(u->id);
    }
    const OfficeRows updates = OfficeRowsOf(repo, "progress_updates", unitId);
    storage::EvidenceRepository evidence(db.session());
    storage::ResultRepository results(db.session());
    auto refuse = [&] {
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} registers a document for a row that is not {1}'s; nothing was "
                            "stored")),
            file, unitName));
    };
    for (const auto& d : p.data["documents"]) {
        if (!d.is_object() || !d.contains("row")) Damaged(p.path, kData);
        std::int64_t copyId = 0;
        try {
            copyId = std::stoll(d.value("id", std::string("0")));
        } catch (const std::logic_error&) {
            Damaged(p.path, kData);
        }
        const ExchangeRow row = RowOf(d["row"], p.path);
        if (row.size() != columns.size()) Damaged(p.path, kData);
        if (repo.OfficeIdOf(unitId, kDocuments, copyId)) continue;
        const auto docUnit = OptId(At(row, ColumnOf(columns, "unit_id")));
        if (!docUnit || !subtree.count(*docUnit)) refuse();
        EvidenceInput in;
        in.docNumber = Cell(columns, row, "doc_number");
        in.docDate = At(row, ColumnOf(columns, "doc_date"));
        in.issuer = Cell(columns, row, "issuer");
        in.title = Cell(columns, row, "title");
        in.note = Cell(columns, row, "note");
        // The file is registered from a folder of its own, under its name.
        std::optional<ScratchFile> scratch;
        const ExchangeValue sha = At(row, ColumnOf(columns, "sha256"));
        if (auto bytes = sha ? p.files.find(*sha) : p.files.end(); bytes != p.files.end()) {
            std::string name =
                std::filesystem::u8path(Cell(columns, row, "file_name")).filename().u8string();
            if (name.empty() || name == "." || name == "..") name = "tai-lieu";
            scratch.emplace(name);
            std::ofstream out(std::filesystem::u8path(scratch->path()), std::ios::binary);
            out.write(bytes->second.data(), static_cast<std::streamsize>(bytes->second.size()));
            out.close();
            if (!out)
                throw UserError(fmt::format(fmt::runtime(tr("{0}: the file cannot be written")),
                                            scratch->path()));
            in.filePath = scratch->path();
        }
        const std::int64_t officeId = RegisterEvidence(db, *docUnit, in, user);
        repo.MapId(unitId, kDocuments, copyId, officeId);
        for (const auto& u : d.value("updates", json::array())) {
            std::optional<std::int64_t> update;
            try {
                const std::int64_t id = std::stoll(u.value("id", std::string("0")));
                update = u.value("made_here", false)
                             ? repo.OfficeIdOf(unitId, "progress_updates", id)
                             : std::optional<std::int64_t>(id);
            } catch (const std::logic_error&) {
                Damaged(p.path, kData);
            }
            if (!update || !updates.byId.count(*update)) refuse();
            evidence.LinkUpdate(*update, officeId);
        }
        for (const auto& r : d.value("results", json::array())) {
            std::optional<ResultRecord> result;
            try {
                const std::int64_t unit = std::stoll(r.value("unit_id", std::string("0")));
                if (!subtree.count(unit)) refuse();
                result = results.Find(unit, std::stoll(r.value("criterion_id", std::string("0"))),
                                      r.value("period", ""));
            } catch (const std::logic_error&) {
                Damaged(p.path, kData);
            }
            if (result) evidence.Link(result->id, officeId);
        }
        outcome.lines.push_back({kDocuments, std::to_string(officeId), "", in.title, std::nullopt,
                                 std::nullopt, in.title, "applied"});
    }
}

}  // namespace

ExchangeImportOutcome ImportCommunePackage(storage::Database& db, const std::string& path,
                                           const std::string& user) {
    Package p = ReadPackage(path);
    const std::string file = FileName(path);
    if (p.manifest.value("kind", "") != "commune")
        throw UserError(
            fmt::format(fmt::runtime(tr("{0} is an office's package: a commune opens it with “cchc "
                                        "exchange open”")),
                        file));
    ExchangeRepository repo(db.session());
    auto self = repo.Self();
    if (!self || self->role != "office" || self->officeId != p.manifest.value("office_id", ""))
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} was not made from a package of this office; nothing was "
                            "stored")),
            file));
    const json& unitJson = p.manifest["unit"];
    const std::int64_t unitId = unitJson.value("id", std::int64_t{0});
    auto unit = storage::UnitRepository(db.session()).ById(unitId);
    AccessGuard guard(db, user);
    if (!unit || unit->code != unitJson.value("code", ""))
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} names a unit this office does not have ({1}); nothing was "
                            "stored")),
            file, unitJson.value("code", "")));
    guard.Require(Action::ExchangePackages, unitId);
    ExchangeImportOutcome outcome;
    outcome.unitCode = unit->code;
    outcome.unitName = unit->name;
    const int seq = p.manifest.value("seq", 0);
    outcome.seq = seq;

    storage::Transaction tx(db);
    storage::ExchangeUnit eu = repo.Unit(unitId).value_or(storage::ExchangeUnit{});
    if (eu.outSeq == 0)
        throw UserError(fmt::format(
            fmt::runtime(tr("{0}: this office has sent no package to {1}; nothing was stored")),
            file, unit->name));
    const std::string key = p.manifest.value("public_key", "");
    if (eu.communeKey.empty()) {
        if (p.manifest.value("return_token", "") != eu.returnToken)
            throw UserError(fmt::format(
                fmt::runtime(tr("{0} was not made from this office's package for {1}; nothing "
                                "was stored")),
                file, unit->name));
    } else if (key != eu.communeKey) {
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} is signed by another key than {1}'s copy; nothing was stored")),
            file, unit->name));
    }
    if (seq == eu.inSeq && p.sha256 == eu.inSha256) {
        outcome.alreadyImported = true;
        return outcome;
    }
    if (seq <= eu.inSeq)
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} is {1}'s return package number {2}, not newer than number {3} "
                            "already imported; nothing was stored")),
            file, unit->name, seq, eu.inSeq));
    if (seq != eu.inSeq + 1)
        throw UserError(fmt::format(
            fmt::runtime(tr("{0} is {1}'s return package number {2}: number {3} has not been "
                            "imported yet; import it first")),
            file, unit->name, seq, eu.inSeq + 1));
    if (p.manifest.value("base_seq", 0) > eu.outSeq || p.manifest.value("base_seq", 0) < 1)
        Damaged(path, "base_seq");

    PlanService plans(db, user);
    if (!p.data.contains("changes") || !p.data["changes"].is_array()) Damaged(path, kData);
    for (const auto& t : p.data["changes"]) {
        const std::string table = t.value("table", "");
        if (std::find(Tracked().begin(), Tracked().end(), table) == Tracked().end())
            Damaged(path, table);
        OfficeRows office = OfficeRowsOf(repo, table, unitId);
        const auto& columns = office.columns;
        std::vector<std::string> given;
        for (const auto& c : t.value("columns", json::array()))
            given.push_back(c.is_string() ? c.get<std::string>() : std::string());
        if (given != columns)
            throw UserError(fmt::format(
                fmt::runtime(tr("{0}: the package's columns of {1} are not this program's; "
                                "nothing was stored")),
                file, table));
        std::set<std::int64_t> items;
        for (const auto& r : repo.ReadForUnit("plan_items", unitId).rows) items.insert(IdOf(r));
        for (const auto& change : t.value("rows", json::array())) {
            std::int64_t id = 0;
            try {
                id = std::stoll(change.value("id", std::string("0")));
            } catch (const std::logic_error&) {
                Damaged(path, kData);
            }
            const bool madeHere = change.value("made_here", false);
            const json& baseJson = change["base"];
            const json& nowJson = change["now"];
            std::optional<ExchangeRow> base, now;
            if (!baseJson.is_null()) base = RowOf(baseJson, path);
            if (!nowJson.is_null()) now = RowOf(nowJson, path);
            if (now && now->size() != columns.size()) Damaged(path, kData);
            if (base && base->size() != columns.size()) Damaged(path, kData);
            if (!base && !now) Damaged(path, kData);
            if (table == "report_narratives") {
                ApplyNarrativeChange(db, repo, outcome, unitId, unit->name, seq, file, columns,
                                     office, base, now, user);
                continue;
            }
            if (table == "progress_updates") {
                ApplyProgressChange(db, repo, plans, outcome, unitId, unit->name, seq, file,
                                    columns, office, id, madeHere,
                                    change.value("task_made_here", false), base, now, user);
                continue;
            }
            std::optional<std::int64_t> officeId;
            if (madeHere)
                officeId = repo.OfficeIdOf(unitId, table, id);
            else
                officeId = id;
            if (!base && !madeHere) Damaged(path, kData);
            const auto itemColumn = static_cast<std::size_t>(
                std::find(columns.begin(), columns.end(), "item_id") - columns.begin());

            // A row the copy made, not yet at the office: added.
            if (!officeId || (madeHere && !office.byId.count(*officeId))) {
                if (!now) continue;  // made and deleted again in the copy
                auto item = OptId(At(*now, itemColumn));
                if (!item || !items.count(*item))
                    throw UserError(fmt::format(
                        fmt::runtime(tr("{0} adds a task to a plan that is not {1}'s; nothing "
                                        "was stored")),
                        file, unit->name));
                TaskRecord task;
                for (std::size_t c = 0; c < columns.size(); ++c)
                    if (!Bookkeeping(columns[c])) SetTaskField(task, columns[c], (*now)[c], file);
                TaskRecord saved = plans.SaveTask(*item, task);
                repo.MapId(unitId, table, id, saved.id);
                outcome.lines.push_back({table, LineKey(saved.id), "", task.solution, std::nullopt,
                                         std::nullopt, task.solution, "applied"});
                continue;
            }
            auto stored = office.byId.find(*officeId);
            if (stored == office.byId.end()) {
                // Not the unit's: another unit's row, or one deleted at the office.
                if (plans.PlanOfTask(*officeId) != 0)
                    throw UserError(fmt::format(
                        fmt::runtime(tr("{0} changes a task that is not {1}'s (id {2}); nothing "
                                        "was stored")),
                        file, unit->name, *officeId));
                outcome.lines.push_back({table, LineKey(*officeId), "*", LineKey(*officeId),
                                         std::nullopt, std::nullopt, std::nullopt, "conflict"});
                KeepConflict(repo, unitId, seq, table, *officeId, {}, "*");
                continue;
            }
            const ExchangeRow& officeRow = stored->second;
            if (!base) Damaged(path, kData);
            if (!now) {
                // Deleted in the copy: the office decides.
                const std::size_t sol = static_cast<std::size_t>(
                    std::find(columns.begin(), columns.end(), "solution") - columns.begin());
                const ExchangeValue was = At(*base, sol), is = At(officeRow, sol);
                KeepConflict(repo, unitId, seq, table, *officeId, {}, "*", was, is, std::nullopt);
                outcome.lines.push_back({table, LineKey(*officeId), "*", is.value_or(""), was, is,
                                         std::nullopt, "conflict"});
                continue;
            }
            std::set<std::size_t> changed;
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (!Bookkeeping(columns[c]) && (*base)[c] != (*now)[c]) changed.insert(c);
            bool officeChangedOther = false;
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (!Bookkeeping(columns[c]) && !changed.count(c) && At(officeRow, c) != (*base)[c])
                    officeChangedOther = true;
            TaskRecord task = plans.LoadTask(*officeId);
            bool apply = false;
            for (std::size_t c : changed) {
                const ExchangeValue b = (*base)[c], o = At(officeRow, c), n = (*now)[c];
                const FieldMerge merge = MergeField(b, o, n);
                ExchangeReportLine line{table,      LineKey(*officeId),
                                        columns[c], task.solution,
                                        b,          o,
                                        n,          MergeState(merge, officeChangedOther)};
                if (merge == FieldMerge::Apply) {
                    SetTaskField(task, columns[c], n, file);
                    apply = true;
                } else if (merge == FieldMerge::Conflict) {
                    KeepConflict(repo, unitId, seq, table, *officeId, {}, columns[c], b, o, n);
                }
                outcome.lines.push_back(std::move(line));
            }
            if (apply) {
                plans.SaveTask(OptId(At(officeRow, itemColumn)).value_or(0), task);
            }
        }
    }
    if (p.data.contains("keyed")) {
        if (!p.data["keyed"].is_array()) Damaged(path, kData);
        const std::set<std::string> codes = SubtreeCodes(db, unitId);
        for (const auto& t : p.data["keyed"]) {
            const KeyedKind* kind = FindKeyed(t.value("kind", ""));
            if (!kind) Damaged(path, t.value("kind", ""));
            KeyedRows office = ReadKeyed(db, *kind, user, codes);
            std::vector<std::string> given;
            for (const auto& c : t.value("columns", json::array()))
                given.push_back(c.is_string() ? c.get<std::string>() : std::string());
            if (given != office.columns)
                throw UserError(fmt::format(
                    fmt::runtime(tr("{0}: the package's columns of {1} are not this program's; "
                                    "nothing was stored")),
                    file, kind->kind));
            const auto& columns = office.columns;
            const std::size_t unitCol = ColumnOf(columns, "unit");
            std::vector<Cells> merged;
            for (const auto& change : t.value("rows", json::array())) {
                std::optional<Cells> base, now;
                if (!change.is_object()) Damaged(path, kData);
                if (change.contains("base") && !change["base"].is_null())
                    base = CellsOf(change["base"], path);
                if (change.contains("now") && !change["now"].is_null())
                    now = CellsOf(change["now"], path);
                if (!base && !now) Damaged(path, kData);
                const Cells& any = now ? *now : *base;
                if (any.size() != columns.size() || unitCol >= columns.size()) Damaged(path, kData);
                if (!codes.count(any[unitCol]))
                    throw UserError(fmt::format(
                        fmt::runtime(tr("{0} changes {1} of {2}, which is not {3}'s; nothing was "
                                        "stored")),
                        file, kind->kind, any[unitCol], unit->name));
                const std::string key = KeyOf(*kind, columns, any);
                auto stored = office.byKey.find(key);
                if (!now) {
                    // Deleted in the copy: the office decides.
                    KeepConflict(repo, unitId, seq, kind->kind, 0, key, "*");
                    outcome.lines.push_back({kind->kind, key, "*", key, std::nullopt, std::nullopt,
                                             std::nullopt, "conflict"});
                    continue;
                }
                // A row new in the copy, or new at the office too, is
                // compared with an empty one.
                Cells before = base.value_or(Cells(columns.size()));
                Cells officeRow =
                    stored != office.byKey.end() ? stored->second : Cells(columns.size());
                for (const auto& k : kind->key) {
                    const std::size_t c = ColumnOf(columns, k);
                    before[c] = officeRow[c] = (*now)[c];
                }
                std::set<std::size_t> changed;
                for (std::size_t c = 0; c < columns.size(); ++c)
                    if (!IsKey(*kind, columns[c]) && before[c] != (*now)[c]) changed.insert(c);
                bool officeChangedOther = false;
                for (std::size_t c = 0; c < columns.size(); ++c)
                    if (!IsKey(*kind, columns[c]) && !changed.count(c) && officeRow[c] != before[c])
                        officeChangedOther = true;
                Cells row = officeRow;
                bool apply = false;
                for (std::size_t c : changed) {
                    const std::string &b = before[c], &o = officeRow[c], &n = (*now)[c];
                    const FieldMerge merge = MergeField(b, o, n);
                    ExchangeReportLine line{
                        kind->kind, key, columns[c], key,
                        b,          o,   n,          MergeState(merge, officeChangedOther)};
                    if (merge == FieldMerge::Apply) {
                        row[c] = n;
                        apply = true;
                    } else if (merge == FieldMerge::Conflict) {
                        KeepConflict(repo, unitId, seq, kind->kind, 0, key, columns[c], b, o, n);
                    }
                    outcome.lines.push_back(std::move(line));
                }
                if (apply) merged.push_back(std::move(row));
            }
            ImportKeyed(db, *kind, columns, merged, file, user);
        }
    }
    ApplyDocuments(db, repo, outcome, unitId, unit->name, file, p, user);
    ApplyRatings(db, outcome, unitId, unit->name, file, p, user);
    eu.communeKey = key;
    eu.inSeq = seq;
    eu.inSha256 = p.sha256;
    eu.inAt = Now();
    eu.ackSeq = p.manifest.value("base_seq", 0);
    repo.SaveUnit(eu);
    repo.ForgetSentBefore(unitId, eu.ackSeq);
    repo.RecordPackage(unitId, "in", seq, file, p.sha256, p.size, "applied", user);
    tx.Commit();
    return outcome;
}

// --- Conflicts ------------------------------------------------------------------

std::vector<ExchangeConflictLine> OpenExchangeConflicts(storage::Database& db,
                                                        const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    ExchangeRepository repo(db.session());
    storage::UnitRepository units(db.session());
    std::vector<ExchangeConflictLine> out;
    std::map<std::int64_t, std::string> codes;
    std::map<std::int64_t, OfficeRows> progress;
    PlanService plans(db, user);
    for (const auto& c : repo.Conflicts(true)) {
        if (!guard.InScope(c.unitId)) continue;
        if (!codes.count(c.unitId)) {
            auto u = units.ById(c.unitId);
            codes[c.unitId] = u ? u->code : std::to_string(c.unitId);
        }
        std::string label = c.rowKey;
        if (c.table == "tasks") try {
                label = plans.LoadTask(c.rowId).solution;
            } catch (const std::exception&) {
                label = LineKey(c.rowId);
            }
        if (c.table == "progress_updates") {
            if (!progress.count(c.unitId))
                progress[c.unitId] = OfficeRowsOf(repo, "progress_updates", c.unitId);
            const OfficeRows& rows = progress[c.unitId];
            label = LineKey(c.rowId);
            if (auto r = rows.byId.find(c.rowId); r != rows.byId.end()) try {
                    label = plans.LoadTask(std::stoll(Cell(rows.columns, r->second, "task_id")))
                                .solution +
                            " (" + Cell(rows.columns, r->second, "period") + ")";
                } catch (const std::exception&) {
                }
        }
        out.push_back({c.id, codes[c.unitId], c.table,
                       c.rowKey.empty() ? LineKey(c.rowId) : c.rowKey, c.field, label, c.base,
                       c.office, c.commune});
    }
    return out;
}

namespace {
// Refuses to apply the commune's value of a conflict over an office value
// that changed again since the conflict was kept.
void RequireUnchangedSince(const storage::ExchangeConflict& c, const std::string& now) {
    if (now != c.office.value_or(""))
        throw UserError(fmt::format(
            fmt::runtime(tr("exchange conflict {0}: {1} changed at the office again since "
                            "(now “{2}”); look at it and set it by hand")),
            c.id, c.field, now));
}

// Applies the commune's value of a progress update's field at the office,
// the update's other fields as the office has them.
void ApplyCommunesProgress(storage::Database& db, PlanService& plans,
                           const storage::ExchangeConflict& c, const OfficeRows& office,
                           const ExchangeRow& row, const std::string& user) {
    RequireUnchangedSince(c, Cell(office.columns, row, c.field));
    std::map<std::string, std::string> merged;
    for (const char* f : {"status", "percent_done", "note"})
        merged[f] = Cell(office.columns, row, f);
    merged[c.field] = c.commune.value_or("");
    int percent = 0;
    try {
        percent = std::stoi(merged["percent_done"]);
    } catch (const std::logic_error&) {
        throw UserError(fmt::format(fmt::runtime(tr("the value “{0}” cannot be a task's {1}")),
                                    merged["percent_done"], "percent_done"));
    }
    RecordProgress(db, plans, std::stoll(Cell(office.columns, row, "task_id")),
                   Cell(office.columns, row, "period"), merged["status"], percent, merged["note"],
                   c.rowId, user, "");
}
}  // namespace

void ResolveExchangeConflict(storage::Database& db, std::int64_t id, bool keepCommune,
                             const std::string& user) {
    ExchangeRepository repo(db.session());
    storage::Transaction tx(db);
    auto c = repo.Conflict(id);
    if (!c) throw UserError(fmt::format(fmt::runtime(tr("there is no exchange conflict {0}")), id));
    AccessGuard(db, user).Require(Action::ExchangePackages, c->unitId);
    if (c->state != "open")
        throw UserError(fmt::format(
            fmt::runtime(tr("exchange conflict {0} was resolved already ({1} kept)")), id,
            c->state == "commune" ? tr("the commune's value") : tr("the office's value")));
    if (keepCommune && FindKeyed(c->table)) {
        const KeyedKind& kind = *FindKeyed(c->table);
        KeyedRows office = ReadKeyed(db, kind, user, SubtreeCodes(db, c->unitId));
        auto row = office.byKey.find(c->rowKey);
        if (c->field == "*" && row != office.byKey.end())
            throw UserError(fmt::format(
                fmt::runtime(tr("exchange conflict {0}: the commune deleted the row; delete it at "
                                "the office by hand, then keep the commune's")),
                id));
        const std::size_t col = ColumnOf(office.columns, c->field);
        const std::string now =
            row != office.byKey.end() && col < row->second.size() ? row->second[col] : "";
        if (c->field != "*") RequireUnchangedSince(*c, now);
        if (c->field != "*") {  // deleted at the commune and gone here too: as the commune has it
            if (row == office.byKey.end() || col >= row->second.size())
                throw UserError(fmt::format(
                    fmt::runtime(tr("exchange conflict {0}: the row no longer exists at the "
                                    "office; keep the office's")),
                    id));
            Cells merged = row->second;
            merged[col] = c->commune.value_or("");
            ImportKeyed(db, kind, office.columns, {merged}, "exchange-" + std::to_string(id), user);
        }
    } else if (keepCommune && c->table == "report_narratives") {
        OfficeRows office = OfficeRowsOf(repo, c->table, c->unitId);
        const ExchangeRow* row = nullptr;
        for (const auto& [rid, r] : office.byId)
            if (Cell(office.columns, r, "unit_id") + "/" + Cell(office.columns, r, "period") + "/" +
                    Cell(office.columns, r, "report_type") + "/" +
                    Cell(office.columns, r, "section_key") ==
                c->rowKey)
                row = &r;
        // A section the commune deleted is kept as the commune has it: empty.
        const std::string now = row ? Cell(office.columns, *row, "body") : std::string();
        if (c->field != "*") RequireUnchangedSince(*c, now);
        // The key: unit id, period, report type, section.
        std::vector<std::string> parts;
        std::string part;
        for (char ch : c->rowKey) {
            if (ch == '/') {
                parts.push_back(part);
                part.clear();
            } else {
                part += ch;
            }
        }
        parts.push_back(part);
        if (parts.size() != 4)
            throw UserError(fmt::format(fmt::runtime(tr("there is no exchange conflict {0}")), id));
        ReportArchive(db, user).SaveNarratives(std::stoll(parts[0]), parts[1], parts[2],
                                               {{parts[3], c->commune.value_or("")}});
    } else if (keepCommune && c->table == "progress_updates") {
        PlanService plans(db, user);
        OfficeRows office = OfficeRowsOf(repo, c->table, c->unitId);
        auto row = office.byId.find(c->rowId);
        // Deleted at the commune (with its task) and gone here too: as the
        // commune has it; a quarter's update itself is not deleted.
        if (c->field == "*" && row != office.byId.end())
            throw UserError(fmt::format(
                fmt::runtime(tr("exchange conflict {0}: the commune deleted the progress update; "
                                "a quarter's update is not deleted at the office: keep the "
                                "office's")),
                id));
        if (c->field != "*" && row == office.byId.end())
            throw UserError(fmt::format(
                fmt::runtime(tr("exchange conflict {0}: the row no longer exists at the office; "
                                "keep the office's")),
                id));
        if (c->field != "*") ApplyCommunesProgress(db, plans, *c, office, row->second, user);
    } else if (keepCommune) {
        PlanService plans(db, user);
        if (c->field == "*") {
            if (c->commune || plans.PlanOfTask(c->rowId) == 0)
                throw UserError(fmt::format(
                    fmt::runtime(tr("exchange conflict {0}: the task no longer exists at the "
                                    "office; keep the office's")),
                    id));
            plans.DeleteTask(c->rowId);
        } else {
            OfficeRows office = OfficeRowsOf(repo, c->table, c->unitId);
            auto row = office.byId.find(c->rowId);
            if (row == office.byId.end())
                throw UserError(fmt::format(
                    fmt::runtime(tr("exchange conflict {0}: the task no longer exists at the "
                                    "office; keep the office's")),
                    id));
            const auto col = static_cast<std::size_t>(
                std::find(office.columns.begin(), office.columns.end(), c->field) -
                office.columns.begin());
            if (At(row->second, col) != c->office)
                throw UserError(fmt::format(
                    fmt::runtime(tr("exchange conflict {0}: {1} changed at the office again "
                                    "since (now “{2}”); look at the task and set it by hand")),
                    id, c->field, At(row->second, col).value_or("")));
            const auto itemCol = static_cast<std::size_t>(
                std::find(office.columns.begin(), office.columns.end(), "item_id") -
                office.columns.begin());
            TaskRecord task = plans.LoadTask(c->rowId);
            SetTaskField(task, c->field, c->commune, "");
            plans.SaveTask(OptId(At(row->second, itemCol)).value_or(0), task);
        }
    }
    const std::string state = keepCommune ? "commune" : "office";
    repo.Resolve(id, state, user);
    storage::AuditRepository(db.session())
        .Record({"", user, "exchange_conflicts", id, "update", "state", "open", state});
    tx.Commit();
}

std::optional<std::int64_t> CommuneCopyUnit(storage::Database& db) {
    ExchangeRepository repo(db.session());
    if (!repo.Available()) return std::nullopt;
    auto self = repo.Self();
    if (!self || self->role != "commune") return std::nullopt;
    return self->unitId;
}

ExchangeStatus GetExchangeStatus(storage::Database& db, const std::string& user) {
    ExchangeStatus out;
    ExchangeRepository repo(db.session());
    if (!repo.Available()) return out;
    AccessGuard guard(db, user);
    if (!guard.Allows(Action::ReadData)) return out;
    storage::UnitRepository units(db.session());
    auto self = repo.Self();
    if (self && self->role == "commune" && self->unitId) {
        auto u = units.ById(*self->unitId);
        out.copyOf = u ? u->name : std::to_string(*self->unitId);
        out.copySeq = self->baseSeq;
        out.copySent = self->sentSeq;
        return out;
    }
    for (const auto& e : repo.Units()) {
        if (!guard.InScope(e.unitId)) continue;
        auto u = units.ById(e.unitId);
        if (!u) continue;
        out.units.push_back({u->code, u->name, e.outSeq, e.outAt, e.inSeq, e.inAt});
    }
    std::sort(out.units.begin(), out.units.end(), [](const auto& a, const auto& b) {
        return a.outAt.value_or("") > b.outAt.value_or("");
    });
    for (const auto& c : repo.Conflicts(true))
        if (guard.InScope(c.unitId)) ++out.openConflicts;
    return out;
}

}  // namespace cchc::services
