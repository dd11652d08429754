// Framework files and the built-in catalogues: see framework_io.h.
#include "services/frameworks/framework_io.h"

#include "services/app/access_guard.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "core/framework.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/platform.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/io/table_io.h"
#include "storage/framework_repository.h"
#include "storage/settings_repository.h"

namespace cchc::embedded {
struct File {
    const char* path;
    const char* data;
    std::size_t size;
};
const std::vector<File>& catalogue_files();
}  // namespace cchc::embedded

namespace cchc::services {
namespace {
constexpr int kMaxSortOrder = 100000;
using tableio::ColumnMap;
using tableio::ColumnSpec;

const std::vector<ColumnSpec>& FrameworkColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"framework", {"bộ chỉ số", "mã bộ chỉ số"}, true},
        {"year", {"năm"}, true},
        {"kind", {"loại"}, true},
        {"code", {"mã", "mã tiêu chí", "stt"}, true},
        {"parent", {"tiêu chí cha", "mã cha"}, true},
        {"title", {"tên", "tên tiêu chí", "nội dung"}, true},
        {"max_points", {"điểm tối đa", "điểm chuẩn"}, true},
        {"rule", {"cách chấm", "quy tắc"}, true},
        {"target", {"mục tiêu", "tỷ lệ mục tiêu"}, true},
        {"per_unit", {"điểm mỗi đơn vị"}, true},
        {"no_data", {"khi không có dữ liệu"}, true},
        {"evidence_required", {"yêu cầu tài liệu kiểm chứng", "tài liệu kiểm chứng"}, true},
        {"cap", {"điểm trần"}, false},
        {"applies_to_communes", {"áp dụng cho xã"}, false},
        {"order", {"thứ tự"}, false},
    };
    return specs;
}

std::optional<double> Number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return ParseVnNumber(text);
}

bool YesNo(const ColumnMap& cols, const tableio::TableReader& r, const std::vector<std::string>& f,
           const std::string& key, bool empty) {
    std::string v = tableio::NormalizeColumnName(cols.Get(f, key));
    if (v.empty()) return empty;
    if (v == "yes" || v == "y" || v == "1" || v == "true" || v == "co" || v == "x") return true;
    if (v == "no" || v == "n" || v == "0" || v == "false" || v == "khong") return false;
    throw UserError(cols.At(r, key), tr("expected yes or no"));
}

// Embedded catalogue files are read through a temporary copy so that the
// same reader as for users' files applies.
class TempCopy {
  public:
    TempCopy(const embedded::File& f) {
        try {
            path_ = CreateTempFile("cchc-cat-", ".csv");
        } catch (const std::runtime_error&) {
            throw UserError(tr("cannot create a temporary file"));
        }
        std::FILE* out = std::fopen(path_.c_str(), "wb");
        const bool ok = out && std::fwrite(f.data, 1, f.size, out) == f.size;
        if (out && std::fclose(out) != 0) out = nullptr;
        if (!ok || !out) {
            std::remove(path_.c_str());
            throw UserError(tr("cannot create a temporary file"));
        }
    }
    ~TempCopy() { std::remove(path_.c_str()); }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

const embedded::File* FindCatalogue(const std::string& name) {
    for (const auto& f : embedded::catalogue_files())
        if (name == f.path) return &f;
    return nullptr;
}

}  // namespace

namespace {

// The criterion written on the current row of a framework file.
Criterion ReadCriterion(const ColumnMap& cols, const tableio::TableReader& reader,
                        const std::vector<std::string>& f, const Framework& fw) {
    Criterion c;
    c.code = Trim(cols.Get(f, "code"));
    c.parentCode = Trim(cols.Get(f, "parent"));
    c.title = Trim(cols.Get(f, "title"));
    if (c.code.empty()) throw UserError(cols.At(reader, "code"), tr("the criterion code is empty"));
    if (c.title.empty()) throw UserError(cols.At(reader, "title"), tr("the title is empty"));
    tableio::CheckTextLimit(cols, reader, "code", c.code, kCodeText);
    tableio::CheckTextLimit(cols, reader, "parent", c.parentCode, kCodeText);
    tableio::CheckTextLimit(cols, reader, "title", c.title, kTitleText);
    auto max = Number(Trim(cols.Get(f, "max_points")));
    if (!max || *max < 0)
        throw UserError(cols.At(reader, "max_points"),
                        tr("maximum points must be a number, 0 or more"));
    c.maxPoints = *max;
    std::string rule = tableio::NormalizeColumnName(cols.Get(f, "rule"));
    if (!rule.empty()) {
        c.rule = RuleKindFromKey(rule);
        if (!c.rule)
            throw UserError(cols.At(reader, "rule"),
                            tr("unknown rule (use manual, rate, yesno, count or deduction)"));
    }
    auto numberOf = [&](const std::string& key) -> std::optional<double> {
        std::string t = Trim(cols.Get(f, key));
        if (t.empty()) return std::nullopt;
        auto v = Number(t);
        if (!v)
            throw UserError(cols.At(reader, key), std::string(tr("not a number: ")) + Excerpt(t));
        return v;
    };
    c.target = TargetRatio(numberOf("target"));  // "90" or "90%" means 0.9
    c.perUnit = numberOf("per_unit");
    c.cap = numberOf("cap");
    std::string nd = tableio::NormalizeColumnName(cols.Get(f, "no_data"));
    if (!nd.empty()) {
        c.noData = NoDataRuleFromKey(nd);
        if (!c.noData) throw UserError(cols.At(reader, "no_data"), tr("use full, zero or na"));
    }
    c.evidenceRequired = YesNo(cols, reader, f, "evidence_required", false);
    c.appliesToCommunes = YesNo(cols, reader, f, "applies_to_communes", true);
    auto order = numberOf("order");
    // Tested before the cast: a number out of an int's range is no order.
    if (order && !(*order >= 0 && *order <= kMaxSortOrder && *order == std::floor(*order)))
        throw UserError(cols.At(reader, "order"),
                        fmt::format(fmt::runtime(tr("the order is a whole number from 0 to {0}")),
                                    kMaxSortOrder));
    c.sortOrder = order ? static_cast<int>(*order) : static_cast<int>(fw.criteria.size());
    return c;
}

// The first problem of the frameworks read, at the line of the criterion it names.
void CheckFrameworksRead(const std::vector<Framework>& frameworks,
                         const std::map<std::string, long>& firstLine, const std::string& file) {
    for (const auto& fw : frameworks) {
        auto problems = CheckFramework(fw);
        if (!problems.empty()) {
            const auto at = firstLine.find(fw.code + "\n" + problems.front().field);
            const long line = at != firstLine.end() ? at->second : 0;
            throw UserError(Location{file, line, "code"}, fw.code + " " + problems.front().field +
                                                              ": " + problems.front().message);
        }
    }
}

}  // namespace

std::vector<Framework> ReadFrameworks(const std::string& path, const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, FrameworkColumns());
    std::vector<Framework> out;
    std::map<std::string, std::size_t> index;
    std::map<std::string, long> firstLine;
    std::vector<std::string> f;
    while (reader->Next(f)) {
        std::string code = Trim(cols.Get(f, "framework"));
        if (code.empty())
            throw UserError(cols.At(*reader, "framework"), tr("the framework code is empty"));
        tableio::CheckTextLimit(cols, *reader, "framework", code, kCodeText);
        std::string yearText = Trim(cols.Get(f, "year"));
        int year = std::atoi(yearText.c_str());
        if (year < 1990 || year > 2999 || yearText.size() != 4)
            throw UserError(cols.At(*reader, "year"),
                            std::string(tr("not a valid year: ")) + Excerpt(yearText));
        auto kind = FrameworkKindFromKey(tableio::NormalizeColumnName(cols.Get(f, "kind")));
        if (!kind)
            throw UserError(
                cols.At(*reader, "kind"),
                tr("unknown framework kind (use par, service, survey, self or custom)"));
        auto it = index.find(code);
        if (it == index.end()) {
            Framework fw;
            fw.code = code;
            fw.name = code;
            fw.year = year;
            fw.kind = *kind;
            it = index.emplace(code, out.size()).first;
            out.push_back(std::move(fw));
        } else if (out[it->second].year != year) {
            throw UserError(cols.At(*reader, "year"),
                            tr("the year differs from the framework's first row"));
        }
        Framework& fw = out[it->second];
        Criterion c = ReadCriterion(cols, *reader, f, fw);
        firstLine[code + "\n" + c.code] = reader->Line();
        fw.criteria.push_back(std::move(c));
    }
    CheckFrameworksRead(out, firstLine, reader->FileName());
    return out;
}

long ImportFrameworks(storage::Database& db, const std::string& path, const std::string& user,
                      const tableio::ReadOptions& read) {
    AccessGuard guard(db, user);
    guard.Require(Action::Import);
    guard.Require(Action::EditFrameworks);
    auto frameworks = ReadFrameworks(path, read);
    storage::Transaction tx(db);
    storage::FrameworkRepository repo(db.session());
    storage::AuditRepository audit(db.session());
    for (auto& fw : frameworks) {
        if (repo.IdByCode(fw.code))
            throw UserError(
                Location{std::filesystem::u8path(path).filename().u8string(), 0, "framework"},
                std::string(tr("a framework with this code already exists: ")) + Excerpt(fw.code));
        repo.Insert(fw);
        audit.Record({"", user, "frameworks", fw.id, "insert", "code", std::nullopt, fw.code});
    }
    tx.Commit();
    return static_cast<long>(frameworks.size());
}

long ExportFrameworks(storage::Database& db, const std::string& path) {
    storage::FrameworkRepository repo(db.session());
    auto w = tableio::TableWriter::Create(
        path,
        {"framework", "year", "kind", "code", "parent", "title", "max_points", "rule", "target",
         "per_unit", "no_data", "evidence_required", "cap", "applies_to_communes", "order"},
        {false, "frameworks", {}});
    auto num = [](const std::optional<double>& v) { return v ? FormatMachine(*v) : std::string(); };
    for (const auto& summary : repo.List()) {
        auto fw = repo.Load(summary.id);
        if (!fw) continue;
        for (const auto& c : fw->criteria)
            w->Add({fw->code, std::to_string(fw->year), std::string(FrameworkKindKey(fw->kind)),
                    c.code, c.parentCode, c.title, FormatMachine(c.maxPoints),
                    c.rule ? std::string(RuleKindKey(*c.rule)) : "", num(c.target), num(c.perUnit),
                    c.noData ? std::string(NoDataRuleKey(*c.noData)) : "",
                    c.evidenceRequired ? "yes" : "no", num(c.cap),
                    c.appliesToCommunes ? "yes" : "no", std::to_string(c.sortOrder)});
    }
    w->Close();
    return w->Rows();
}

namespace {

// A built-in framework's name, description and bands (frameworks.csv).
struct FrameworkMeta {
    std::string name, description;
    std::vector<Band> bands;
};

std::map<std::string, FrameworkMeta> ReadFrameworkMeta() {
    std::map<std::string, FrameworkMeta> meta;
    if (const auto* file = FindCatalogue("frameworks.csv")) {
        TempCopy copy(*file);
        auto r = tableio::TableReader::Open(copy.path());
        ColumnMap cols(*r, {{"framework", {}, true},
                            {"name", {}, true},
                            {"bands", {}, false},
                            {"description", {}, false}});
        std::vector<std::string> f;
        while (r->Next(f)) {
            FrameworkMeta m;
            m.name = cols.Get(f, "name");
            m.description = cols.Get(f, "description");
            if (!cols.Get(f, "bands").empty())
                m.bands = ParseBands(cols.Get(f, "bands")).value_or(std::vector<Band>{});
            meta[cols.Get(f, "framework")] = m;
        }
    }
    return meta;
}

// The built-in frameworks not yet in the database.
void AddBuiltinFrameworks(storage::FrameworkRepository& frameworks, CatalogueReport& report) {
    const auto meta = ReadFrameworkMeta();
    for (const auto& file : embedded::catalogue_files()) {
        std::string name = file.path;
        if (name.rfind("framework-", 0) != 0) continue;
        TempCopy copy(file);
        for (auto& fw : ReadFrameworks(copy.path())) {
            if (frameworks.IdByCode(fw.code)) {
                ++report.frameworksPresent;
                continue;
            }
            if (auto m = meta.find(fw.code); m != meta.end()) {
                fw.name = m->second.name;
                fw.description = m->second.description;
                fw.bands = m->second.bands;
            }
            fw.builtin = true;
            frameworks.Insert(fw);
            ++report.frameworksAdded;
        }
    }
}

// The answer scales of surveys (scales.csv).
void LoadScales(storage::CatalogueRepository& catalogue, CatalogueReport& report) {
    if (const auto* file = FindCatalogue("scales.csv")) {
        TempCopy copy(*file);
        auto r = tableio::TableReader::Open(copy.path());
        ColumnMap cols(*r, {{"scale", {}, true},
                            {"name", {}, true},
                            {"value", {}, true},
                            {"label", {}, true},
                            {"satisfied", {}, true}});
        std::map<std::string, storage::Scale> scales;
        std::vector<std::string> order;
        std::vector<std::string> f;
        while (r->Next(f)) {
            auto& s = scales[cols.Get(f, "scale")];
            if (s.code.empty()) {
                s.code = cols.Get(f, "scale");
                s.name = cols.Get(f, "name");
                order.push_back(s.code);
            }
            s.levels.push_back({std::atoi(cols.Get(f, "value").c_str()), cols.Get(f, "label"),
                                cols.Get(f, "satisfied") == "yes"});
        }
        for (const auto& code : order) catalogue.EnsureScale(scales[code]), ++report.scales;
    }
}

// The aspects citizens rate (aspects.csv).
void LoadAspects(storage::CatalogueRepository& catalogue, CatalogueReport& report) {
    if (const auto* file = FindCatalogue("aspects.csv")) {
        TempCopy copy(*file);
        auto r = tableio::TableReader::Open(copy.path());
        ColumnMap cols(*r, {{"code", {}, true}, {"name", {}, true}, {"order", {}, false}});
        std::vector<std::string> f;
        while (r->Next(f))
            catalogue.EnsureAspect({0, cols.Get(f, "code"), cols.Get(f, "name"),
                                    std::atoi(cols.Get(f, "order").c_str())}),
                ++report.aspects;
    }
}

// The fields of administrative procedures (procedure_fields.csv).
void LoadProcedureFields(storage::CatalogueRepository& catalogue, CatalogueReport& report) {
    if (const auto* file = FindCatalogue("procedure_fields.csv")) {
        TempCopy copy(*file);
        auto r = tableio::TableReader::Open(copy.path());
        ColumnMap cols(*r, {{"code", {}, true}, {"name", {}, true}});
        std::vector<std::string> f;
        while (r->Next(f))
            catalogue.EnsureProcedureField({0, cols.Get(f, "code"), cols.Get(f, "name"), 0}),
                ++report.procedureFields;
    }
}

}  // namespace

CatalogueReport LoadBuiltinCatalogues(storage::Database& db) {
    CatalogueReport report;
    storage::Transaction tx(db);
    storage::FrameworkRepository frameworks(db.session());
    storage::CatalogueRepository catalogue(db.session());
    AddBuiltinFrameworks(frameworks, report);
    LoadScales(catalogue, report);
    LoadAspects(catalogue, report);
    LoadProcedureFields(catalogue, report);
    tx.Commit();
    return report;
}

const std::vector<tableio::ColumnSpec>& FrameworkImportColumns() { return FrameworkColumns(); }

}  // namespace cchc::services
