// Surveys and ratings use cases: see surveys.h.
#include "services/surveys/surveys.h"

#include "services/app/access_guard.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/dossier_rules.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/result_workflow.h"
#include "core/scoring.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/io/table_io.h"
#include "services/org/directory.h"
#include "services/results/result_totals.h"
#include "storage/dossier_repository.h"
#include "storage/framework_repository.h"
#include "storage/import_batch_repository.h"
#include "storage/rating_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/settings_repository.h"
#include "storage/tally_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {
using tableio::ColumnMap;
using tableio::ColumnSpec;

// ----------------------------------------------------------------- columns

const std::vector<ColumnSpec>& TallyColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"unit", {"mã đơn vị", "đơn vị", "unit code"}, true},
        {"period", {"tháng", "kỳ", "month"}, true},
        {"field", {"lĩnh vực", "mã lĩnh vực", "field code"}, true},
        {"settled",
         {"số hồ sơ giải quyết", "số hồ sơ đã giải quyết", "hồ sơ đã giải quyết", "đã giải quyết",
          "hồ sơ giải quyết", "dossiers settled"},
         true},
        {"responses",
         {"số phiếu", "số ý kiến", "số lượt đánh giá", "số phiếu khảo sát", "lượt đánh giá"},
         true},
        {"very_satisfied", {"rất hài lòng", "very satisfied"}, false},
        {"satisfied", {"hài lòng"}, true},
        {"neutral", {"bình thường"}, true},
        {"dissatisfied", {"không hài lòng"}, true},
        {"very_dissatisfied", {"rất không hài lòng", "very dissatisfied"}, false},
    };
    return specs;
}

const std::vector<std::string>& TallyHeader() {
    static const std::vector<std::string> h = {
        "unit",           "period",    "field",   "settled",      "responses",
        "very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied"};
    return h;
}

const std::vector<ColumnSpec>& RatingColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"time", {"thời gian", "thời điểm", "ngày giờ", "thời gian đánh giá"}, true},
        {"unit", {"mã đơn vị", "đơn vị", "unit code"}, true},
        {"officer",
         {"cán bộ", "công chức", "mã cán bộ", "cán bộ, công chức", "officer code"},
         true},
        {"procedure", {"thủ tục", "tên thủ tục", "thủ tục hành chính", "tthc"}, false},
        {"channel", {"kênh", "hình thức", "kênh đánh giá"}, true},
        {"attitude", {"thái độ", "thái độ phục vụ"}, false},
        {"handling", {"giải quyết", "tình trạng giải quyết hồ sơ", "tình trạng giải quyết"}, false},
        {"guidance", {"hướng dẫn", "hướng dẫn, liên hệ", "liên hệ hướng dẫn"}, false},
        {"citizen", {"người đánh giá", "công dân", "tên khách hàng", "họ tên"}, false},
    };
    return specs;
}

const std::vector<std::string>& RatingHeader() {
    static const std::vector<std::string> h = {"time",      "unit",     "officer",
                                               "procedure", "channel",  "attitude",
                                               "handling",  "guidance", "citizen"};
    return h;
}

// Form II.06a: the parts are required, the totals beside them optional
// (checked against their parts).
const std::vector<ColumnSpec>& DossierColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"unit", {"mã đơn vị", "đơn vị", "unit code"}, true},
        {"period", {"tháng", "kỳ", "kỳ báo cáo", "month"}, true},
        {"field", {"lĩnh vực", "mã lĩnh vực", "lĩnh vực giải quyết", "field code"}, true},
        {"received_total",
         {"tổng số tiếp nhận", "tổng số nhận giải quyết", "tổng số hồ sơ tiếp nhận",
          "số hồ sơ nhận giải quyết", "tổng số hồ sơ nhận giải quyết"},
         false},
        {"received_online",
         {"tiếp nhận trực tuyến", "trực tuyến", "số mới tiếp nhận trực tuyến",
          "mới tiếp nhận trực tuyến"},
         true},
        {"received_direct",
         {"tiếp nhận trực tiếp", "trực tiếp", "số mới tiếp nhận trực tiếp",
          "mới tiếp nhận trực tiếp", "trực tiếp hoặc dịch vụ bưu chính",
          "trực tiếp và dịch vụ bưu chính", "trực tiếp, bưu chính"},
         true},
        {"carried_over",
         {"kỳ trước chuyển qua", "số kỳ trước chuyển qua", "từ kỳ trước chuyển sang",
          "kỳ trước chuyển sang", "tồn kỳ trước"},
         true},
        {"settled_total",
         {"tổng số đã giải quyết", "số hồ sơ đã giải quyết", "tổng số hồ sơ đã giải quyết"},
         false},
        {"settled_early", {"trước hạn", "giải quyết trước hạn", "đã giải quyết trước hạn"}, true},
        {"settled_on_time", {"đúng hạn", "giải quyết đúng hạn", "đã giải quyết đúng hạn"}, true},
        {"settled_late",
         {"giải quyết quá hạn", "đã giải quyết quá hạn", "trễ hạn", "giải quyết trễ hạn"},
         true},
        {"pending_total",
         {"tổng số đang giải quyết", "số hồ sơ đang giải quyết", "tổng số hồ sơ đang giải quyết"},
         false},
        {"pending_on_time",
         {"đang giải quyết trong hạn", "trong hạn", "chưa đến hạn", "đang giải quyết chưa đến hạn"},
         true},
        {"pending_overdue", {"đang giải quyết quá hạn", "đã quá hạn", "quá hạn"}, true},
    };
    return specs;
}

const std::vector<std::string>& DossierHeader() {
    static const std::vector<std::string> h = {
        "unit",           "period",        "field",           "received_online", "received_direct",
        "carried_over",   "settled_early", "settled_on_time", "settled_late",    "pending_on_time",
        "pending_overdue"};
    return h;
}

// "2026-03-05T09:41:00" from the forms users and kiosks write.
std::optional<std::string> ParseTime(const std::string& text) {
    std::string date, time;
    auto sep = text.find_first_of("T ");
    if (sep == std::string::npos) return std::nullopt;
    date = text.substr(0, sep);
    time = Trim(text.substr(sep + 1));
    std::optional<Date> d = Date::ParseIso(date);
    if (!d) d = Date::ParseVn(date);
    if (!d) return std::nullopt;
    auto two = [&](std::size_t at) -> int {
        if (at + 2 > time.size() || !isdigit(static_cast<unsigned char>(time[at])) ||
            !isdigit(static_cast<unsigned char>(time[at + 1])))
            return -1;
        return (time[at] - '0') * 10 + (time[at + 1] - '0');
    };
    int h = -1, m = -1, s = 0;
    if (time.size() == 8 && time[2] == ':' && time[5] == ':') {
        h = two(0), m = two(3), s = two(6);
    } else if (time.size() == 5 && time[2] == ':') {
        h = two(0), m = two(3);
    } else if (time.size() == 7 && time[1] == ':' && time[4] == ':') {  // "9:41:00"
        time = "0" + time;
        h = two(0), m = two(3), s = two(6);
    } else if (time.size() == 4 && time[1] == ':') {  // "9:41"
        time = "0" + time;
        h = two(0), m = two(3);
    }
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", d->ToIso().c_str(), h, m, s);
    return std::string(buf);
}

// Fast check of the form every export and kiosk writes.
bool IsIsoTime(const std::string& t) {
    if (t.size() != 19 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
        t[16] != ':')
        return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
        if (t[i] < '0' || t[i] > '9') return false;
    const int month = (t[5] - '0') * 10 + (t[6] - '0'), day = (t[8] - '0') * 10 + (t[9] - '0');
    const int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    const int h = (t[11] - '0') * 10 + (t[12] - '0'), m = (t[14] - '0') * 10 + (t[15] - '0'),
              s = (t[17] - '0') * 10 + (t[18] - '0');
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
           day <= Date::DaysInMonth(year, month) && h <= 23 && m <= 59 && s <= 59;
}

std::optional<std::string> ParseChannel(const std::string& text) {
    if (text == "kiosk" || text == "qr" || text == "online" || text == "paper") return text;
    const std::string t = tableio::NormalizeColumnName(text);
    if (t == "kiosk" || t == "ki ot" || t == "kiot") return std::string("kiosk");
    if (t == "qr" || t == "ma qr" || t == "qr code" || t == "qr-code" || t == "ma qr-code")
        return std::string("qr");
    if (t == "online" || t == "truc tuyen" || t == "cong dich vu cong")
        return std::string("online");
    if (t == "paper" || t == "giay" || t == "phieu giay" || t == "phieu" || t == "truc tiep")
        return std::string("paper");
    return std::nullopt;
}

// A score cell: empty, or a whole number 1..5.
bool ParseScore(const std::string& text, std::optional<int>& out) {
    if (text.empty()) {
        out.reset();
        return true;
    }
    if (text.size() == 1 && text[0] >= '1' && text[0] <= '5') {
        out = text[0] - '0';
        return true;
    }
    auto v = ParseVnNumber(text);
    if (!v || *v < 1 || *v > 5 || *v != static_cast<double>(static_cast<int>(*v))) return false;
    out = static_cast<int>(*v);
    return true;
}

// Procedure fields by code and by folded name.
struct FieldIndex {
    std::map<std::string, std::int64_t> byCode, byName;
    std::map<std::int64_t, std::pair<std::string, std::string>> byId;  // code, name
    std::map<std::int64_t, int> order;

    // A field's name without its prefix ("Hộ tịch" of "Tư pháp - Hộ tịch"),
    // as one-stop systems write it; 0 when two fields share it.
    std::map<std::string, std::int64_t> byShortName;
    // The fields each short name fits, and every field's forms, in the
    // catalogue's order: what an error names.
    std::map<std::string, std::vector<std::int64_t>> shortNames;
    // Aliases the office gave its fields, folded; 0 when two fields share one.
    std::map<std::string, std::int64_t> byAlias;
    std::map<std::string, std::vector<std::int64_t>> aliasOf;
    std::vector<std::int64_t> ids;
    std::vector<std::vector<std::string>> forms;

    explicit FieldIndex(storage::Database& db) {
        int i = 0;
        for (const auto& f : storage::CatalogueRepository(db.session()).ProcedureFields()) {
            byCode[f.code] = f.id;
            byName[tableio::NormalizeColumnName(f.name)] = f.id;
            byId[f.id] = {f.code, f.name};
            order[f.id] = i++;
            ids.push_back(f.id);
            forms.push_back({f.name, f.code});
            // Other names the office gave it (Danh mục › Lĩnh vực TTHC).
            for (const auto& alias : f.aliases) {
                forms.back().push_back(alias);
                const std::string key = tableio::NormalizeColumnName(alias);
                auto [it, added] = byAlias.emplace(key, f.id);
                if (!added && it->second != f.id) it->second = 0;
                aliasOf[key].push_back(f.id);
            }
            if (const auto dash = f.name.rfind(" - "); dash != std::string::npos) {
                const std::string part = f.name.substr(dash + 3);
                forms.back().push_back(part);
                const std::string key = tableio::NormalizeColumnName(part);
                auto [it, added] = byShortName.emplace(key, f.id);
                if (!added && it->second != f.id) it->second = 0;
                shortNames[key].push_back(f.id);
            }
        }
    }
    std::optional<std::int64_t> Find(const std::string& text) const {
        if (auto it = byCode.find(text); it != byCode.end()) return it->second;
        const std::string folded = tableio::NormalizeColumnName(text);
        if (auto it = byName.find(folded); it != byName.end()) return it->second;
        if (auto it = byShortName.find(folded); it != byShortName.end() && it->second != 0)
            return it->second;
        if (auto it = byAlias.find(folded); it != byAlias.end() && it->second != 0)
            return it->second;
        return std::nullopt;
    }
    // "Tư pháp - Hộ tịch (HOTICH)".
    std::string Named(std::int64_t id) const {
        const auto& [code, name] = byId.at(id);
        return name + " (" + code + ")";
    }
    // Why no field is found for the text: the fields a short name fits, or
    // the nearest names.
    std::string Refusal(const std::string& text) const {
        auto list = [&](const std::vector<std::int64_t>& found) {
            std::string out;
            for (std::int64_t id : found) out += (out.empty() ? "" : ", ") + Named(id);
            return out;
        };
        const std::string folded = tableio::NormalizeColumnName(text);
        const std::vector<std::int64_t>* several = nullptr;
        if (auto it = shortNames.find(folded); it != shortNames.end() && it->second.size() > 1)
            several = &it->second;
        else if (auto a = aliasOf.find(folded); a != aliasOf.end() && a->second.size() > 1)
            several = &a->second;
        if (several)
            return fmt::format(fmt::runtime(tr("“{0}” fits more than one procedure field: {1}; "
                                               "write its code or full name")),
                               Excerpt(text), list(*several));
        std::vector<std::int64_t> near;
        for (std::size_t i : NearestTexts(text, forms)) near.push_back(ids[i]);
        std::string why =
            fmt::format(fmt::runtime(tr("the procedure field does not exist: {0}")), Excerpt(text));
        if (!near.empty()) why += fmt::format(fmt::runtime(tr("; the nearest: {0}")), list(near));
        return why;
    }
};

struct Scales {
    std::int64_t likert5 = 0, likert3 = 0;
    SatisfiedLevelsByScale satisfied;
    std::map<std::int64_t, std::string> code;
    explicit Scales(storage::Database& db) {
        for (const auto& s : storage::CatalogueRepository(db.session()).Scales()) {
            if (s.code == "LIKERT5") likert5 = s.id;
            if (s.code == "LIKERT3") likert3 = s.id;
            code[s.id] = s.code;
            std::vector<int> levels;
            for (const auto& l : s.levels)
                if (l.satisfied) levels.push_back(l.value);
            satisfied[s.id] =
                levels.empty() ? DefaultSatisfiedLevels(static_cast<int>(s.levels.size())) : levels;
        }
    }
};

std::string Int(long v) { return std::to_string(v); }

// ------------------------------------------------------------- query helpers

struct Scope {
    Period period = Period::Year(2000);
    WindowKind window = WindowKind::Calendar;
    double threshold = 0.8;
    int minimumSample = 5;
    std::map<std::int64_t, Unit> units;          // every unit of the office
    std::optional<std::set<std::int64_t>> only;  // the query's unit and those under it
    std::optional<std::int64_t> single;          // the query's unit when it has none under it
};

Scope Resolve(storage::Database& db, const SurveyQuery& q) {
    Scope s;
    s.period = PeriodOrError(q.period);
    storage::SettingsRepository settings(db.session());
    s.window = q.window ? *q.window
                        : (settings.Get("reporting.window", "calendar") == "cutoff"
                               ? WindowKind::CutOff
                               : WindowKind::Calendar);
    if (q.threshold) {
        s.threshold = *q.threshold;
    } else if (auto v = ParseVnNumber(settings.Get("survey.coverage_threshold", "0.8"))) {
        s.threshold = *v > 1 ? *v / 100 : *v;
    }
    if (q.minimumSample) {
        s.minimumSample = *q.minimumSample;
    } else if (auto v = ParseVnNumber(settings.Get("ratings.min_sample", "5"))) {
        s.minimumSample = static_cast<int>(*v);
    }
    const std::vector<Unit> all = storage::UnitRepository(db.session()).All();
    for (const auto& u : all) s.units.emplace(u.id, u);
    AccessGuard guard(db, q.user);
    guard.Require(Action::ReadData);
    std::optional<std::int64_t> root;
    if (!q.unitCode.empty()) {
        for (const auto& [id, u] : s.units)
            if (u.code == q.unitCode) root = id;
        if (!root) {
            guard.RefuseHiddenUnit(Action::ReadData, q.unitCode);
            throw UserError(std::string(tr("the unit does not exist: ")) + Excerpt(q.unitCode));
        }
        guard.Require(Action::ReadData, *root);
    } else if (!guard.ReadsAll()) {
        // A commune's account: its units stand for the whole office.
        root = guard.ScopeUnit();
    }
    if (root) {
        std::set<std::int64_t> subtree = UnitAndUnitsUnder(all, *root);
        if (subtree.size() == 1) s.single = *root;
        s.only = std::move(subtree);
    }
    return s;
}

bool InScope(const Scope& s, std::int64_t unitId) { return !s.only || s.only->count(unitId); }

std::string UnitSortKey(const Scope& s, std::int64_t unitId) {
    auto it = s.units.find(unitId);
    return it == s.units.end() ? std::string() : SortKey(SortName(it->second));
}

std::optional<double> Percent(std::optional<double> ratio) {
    if (!ratio) return std::nullopt;
    return 100 * *ratio;
}

std::vector<TallyRecord> TalliesOf(storage::Database& db, const Scope& s) {
    const auto months = s.period.Months();
    return storage::TallyRepository(db.session())
        .InMonths(months.front().ToString(), months.back().ToString(), s.single);
}

// The unit, month and field a row of a monthly file (tallies, form II.06a)
// is about, each found or refused at its column; `notMonth` says that the
// file is monthly ({0}: the period written).
struct MonthlyKey {
    std::int64_t unitId = 0, fieldId = 0;
    std::string period;
};
MonthlyKey ReadMonthlyKey(const ColumnMap& cols, const tableio::TableReader& reader,
                          const std::vector<std::string>& f, const OfficeDirectory& dir,
                          const FieldIndex& fields, AccessGuard& guard, const char* notMonth) {
    MonthlyKey key;
    const std::string unit = Trim(cols.Get(f, "unit"));
    auto unitId = dir.Unit(unit);
    if (!unitId) {
        guard.RefuseHiddenUnit(Action::EditSurveys, unit, cols.At(reader, "unit"));
        throw UserError(cols.At(reader, "unit"), dir.UnitRefusal(unit));
    }
    key.unitId = *unitId;
    const std::string periodText = Trim(cols.Get(f, "period"));
    auto period = Period::Parse(periodText);
    if (!period || period->kind() != PeriodKind::Month)
        throw UserError(cols.At(reader, "period"),
                        fmt::format(fmt::runtime(notMonth), Excerpt(periodText)));
    key.period = period->ToString();
    const std::string field = Trim(cols.Get(f, "field"));
    auto fieldId = fields.Find(field);
    if (!fieldId) throw UserError(cols.At(reader, "field"), fields.Refusal(field));
    key.fieldId = *fieldId;
    return key;
}

// One row of a tallies file, checked: the unit, month and field found, the
// counts read on the five-level scale, or on the three-level one when the
// file leaves both "very" columns empty.
TallyRecord ReadTallyRow(const ColumnMap& cols, const tableio::TableReader& reader,
                         const std::vector<std::string>& f, const OfficeDirectory& dir,
                         const FieldIndex& fields, const Scales& scales, AccessGuard& guard) {
    TallyRecord t;
    t.source = "import";
    const auto key = ReadMonthlyKey(cols, reader, f, dir, fields, guard,
                                    tr("tallies are monthly: write the month as 2026-09, not {0}"));
    t.unitId = key.unitId, t.period = key.period, t.fieldId = key.fieldId;

    std::map<std::string, long> n;
    for (const char* key : {"settled", "responses", "very_satisfied", "satisfied", "neutral",
                            "dissatisfied", "very_dissatisfied"}) {
        const std::string text = Trim(cols.Get(f, key));
        auto v = ParseCount(text);
        if (!v)
            throw UserError(cols.At(reader, key),
                            fmt::format(fmt::runtime(tr("not a whole number of 0 or more: {0}")),
                                        Excerpt(text)));
        n[key] = *v;
    }
    const bool threeLevels = Trim(cols.Get(f, "very_satisfied")).empty() &&
                             Trim(cols.Get(f, "very_dissatisfied")).empty();
    t.settled = static_cast<int>(n["settled"]);
    if (threeLevels) {
        t.scaleId = scales.likert3;
        t.level3 = static_cast<int>(n["satisfied"]);
        t.level2 = static_cast<int>(n["neutral"]);
        t.level1 = static_cast<int>(n["dissatisfied"]);
    } else {
        t.scaleId = scales.likert5;
        t.level5 = static_cast<int>(n["very_satisfied"]);
        t.level4 = static_cast<int>(n["satisfied"]);
        t.level3 = static_cast<int>(n["neutral"]);
        t.level2 = static_cast<int>(n["dissatisfied"]);
        t.level1 = static_cast<int>(n["very_dissatisfied"]);
    }
    if (t.scaleId == 0)
        throw UserError(cols.At(reader, "satisfied"),
                        tr("the rating scales are missing: run cchc init first"));
    const bool responsesGiven = !Trim(cols.Get(f, "responses")).empty();
    t.responses = responsesGiven ? static_cast<int>(n["responses"])
                                 : t.level5 + t.level4 + t.level3 + t.level2 + t.level1;
    for (const auto& problem : CheckTally(t, threeLevels ? 3 : 5))
        throw UserError(cols.At(reader, problem.field), problem.message);
    return t;
}

// The figures of a tally by column name.
std::vector<std::pair<const char*, long long>> TallyFigures(const TallyRecord& t) {
    return {{"scale_id", t.scaleId}, {"settled", t.settled}, {"responses", t.responses},
            {"level5", t.level5},    {"level4", t.level4},   {"level3", t.level3},
            {"level2", t.level2},    {"level1", t.level1}};
}

// How the rows of a monthly file (tallies, form II.06a) are stored: the
// table, the kind of import it is, what is stored for a range of months
// (ids and records), a record's figures by column, and the write of the
// new and changed records.
template <typename Record>
struct MonthlyStore {
    const char* table;
    const char* batchKind;
    std::function<std::vector<std::pair<std::int64_t, Record>>(const std::string&,
                                                               const std::string&)>
        stored;
    std::function<std::vector<std::pair<const char*, long long>>(const Record&)> figures;
    std::function<void(const std::vector<Record>&, std::int64_t batch)> write;
};

// The rows of a monthly file, keyed by (unit, month, field), stored: what
// is stored for the file's months is read at once (a province's file holds
// tens of thousands of rows); a row equal to it is unchanged and not
// written, a changed one audited figure by figure with the old and the new
// value, a new one figure by figure with its value.
template <typename Record>
ImportSummary StoreMonthly(storage::Database& db, const std::string& fileName,
                           const std::string& user, const std::vector<Record>& rows,
                           const MonthlyStore<Record>& how) {
    using Key = std::tuple<std::int64_t, std::string, std::int64_t>;
    auto storedByKey = [&] {
        std::map<Key, std::pair<std::int64_t, Record>> out;
        if (rows.empty()) return out;
        const auto [first, last] = std::minmax_element(
            rows.begin(), rows.end(),
            [](const Record& a, const Record& b) { return a.period < b.period; });
        for (auto& [id, r] : how.stored(first->period, last->period))
            out.emplace(Key{r.unitId, r.period, r.fieldId}, std::make_pair(id, r));
        return out;
    };
    const auto before = storedByKey();
    ImportSummary summary;
    std::vector<Record> write, added;
    std::vector<storage::AuditEntry> audit;
    for (const auto& r : rows) {
        const auto found = before.find(Key{r.unitId, r.period, r.fieldId});
        if (found == before.end()) {
            write.push_back(r);
            added.push_back(r);
            ++summary.inserted;
            continue;
        }
        const auto was = how.figures(found->second.second), is = how.figures(r);
        const std::size_t first = audit.size();
        for (std::size_t i = 0; i < is.size(); ++i)
            if (was[i].second != is[i].second)
                audit.push_back({"", user, how.table, found->second.first, "update", is[i].first,
                                 std::to_string(was[i].second), std::to_string(is[i].second)});
        if (audit.size() == first) {
            ++summary.unchanged;
        } else {
            write.push_back(r);
            ++summary.updated;
        }
    }
    if (!write.empty()) {
        storage::ImportBatchRepository batches(db.session());
        const auto batch = batches.Start(how.batchKind, fileName, user);
        how.write(write, batch);
        batches.Finish(batch, summary.inserted + summary.updated, 0);
        const auto after = added.empty() ? decltype(before){} : storedByKey();
        for (const auto& r : added)
            if (auto back = after.find(Key{r.unitId, r.period, r.fieldId}); back != after.end())
                for (const auto& [field, value] : how.figures(r))
                    audit.push_back({"", user, how.table, back->second.first, "insert", field,
                                     std::nullopt, std::to_string(value)});
        storage::AuditRepository(db.session()).RecordMany(audit);
    }
    return summary;
}

// Every row of a monthly file read by `read`, each on a unit the account
// may edit the surveys of, no (unit, month, field) twice.
template <typename Record, typename Read>
std::vector<Record> ReadMonthlyRows(tableio::TableReader& reader, const ColumnMap& cols,
                                    AccessGuard& guard, const Read& read) {
    std::vector<Record> rows;
    std::set<std::tuple<std::int64_t, std::string, std::int64_t>> seen;
    std::vector<std::string> f;
    while (reader.Next(f)) {
        Record r = read(f);
        guard.RequireAt(cols.At(reader, "unit"), Action::EditSurveys, r.unitId);
        if (!seen.emplace(r.unitId, r.period, r.fieldId).second)
            throw UserError(cols.At(reader, "field"),
                            tr("this unit, month and field appear twice in the file"));
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace

// ----------------------------------------------------------------- tallies

ImportSummary ImportTallies(storage::Database& db, const std::string& path, const std::string& user,
                            const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, TallyColumns());
    AccessGuard guard(db, user);
    guard.Require(Action::Import);
    guard.Require(Action::EditSurveys);
    storage::Transaction tx(db);
    const OfficeDirectory dir(db);
    const FieldIndex fields(db);
    const Scales scales(db);
    const auto rows = ReadMonthlyRows<TallyRecord>(*reader, cols, guard, [&](const auto& f) {
        return ReadTallyRow(cols, *reader, f, dir, fields, scales, guard);
    });
    storage::TallyRepository tallies(db.session());
    MonthlyStore<TallyRecord> how{
        "survey_tallies", "tallies",
        [&](const std::string& a, const std::string& b) { return tallies.StoredInMonths(a, b); },
        TallyFigures,
        [&](const std::vector<TallyRecord>& w, std::int64_t batch) {
            tallies.Upsert(w, user, batch);
        }};
    const auto summary = StoreMonthly(db, reader->FileName(), user, rows, how);
    tx.Commit();
    return summary;
}

long ExportTallies(storage::Database& db, const std::string& path, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    const Scales scales(db);
    using tableio::ColumnType;
    tableio::WriteOptions o{
        false, "tallies", {ColumnType::Text, ColumnType::Text, ColumnType::Text}};
    for (int i = 0; i < 7; ++i) o.types.push_back(ColumnType::Integer);
    auto w = tableio::TableWriter::Create(path, TallyHeader(), o);
    for (const auto& x : storage::TallyRepository(db.session()).AllForExport()) {
        const auto& t = x.tally;
        if (!guard.InScope(t.unitId)) continue;
        if (x.scaleCode == "LIKERT3")
            w->Add({x.unitCode, t.period, x.fieldCode, Int(t.settled), Int(t.responses), "",
                    Int(t.level3), Int(t.level2), Int(t.level1), ""});
        else
            w->Add({x.unitCode, t.period, x.fieldCode, Int(t.settled), Int(t.responses),
                    Int(t.level5), Int(t.level4), Int(t.level3), Int(t.level2), Int(t.level1)});
    }
    w->Close();
    return w->Rows();
}

namespace {

// A cell of form II.06a: a whole number from 0 to a million (a unit's
// dossiers of one field in a month).
long DossierCount(const ColumnMap& cols, const tableio::TableReader& reader,
                  const std::vector<std::string>& f, const std::string& key) {
    const std::string text = Trim(cols.Get(f, key));
    auto v = ParseCount(text);
    if (!v)
        throw UserError(
            cols.At(reader, key),
            fmt::format(fmt::runtime(tr("not a whole number of 0 or more: {0}")), Excerpt(text)));
    if (*v > kMaxDossierCount)
        throw UserError(cols.At(reader, key),
                        fmt::format(fmt::runtime(tr("{0} dossiers of one field in a month is more "
                                                    "than the 1,000,000 this column takes")),
                                    FormatInteger(*v)));
    return *v;
}

storage::DossierRecord ReadDossierRow(const ColumnMap& cols, const tableio::TableReader& reader,
                                      const std::vector<std::string>& f, const OfficeDirectory& dir,
                                      const FieldIndex& fields, AccessGuard& guard) {
    storage::DossierRecord d;
    d.source = "import";
    const auto key =
        ReadMonthlyKey(cols, reader, f, dir, fields, guard,
                       tr("dossier statistics are monthly: write the month as 2026-09, not {0}"));
    d.unitId = key.unitId, d.period = key.period, d.fieldId = key.fieldId;
    auto& x = d.figures;
    for (const auto& part : DossierPartList())
        x.*part.member = DossierCount(cols, reader, f, part.key);
    // A total given beside its parts must be their sum.
    const std::pair<const char*, long> totals[] = {{"received_total", x.ReceivedTotal()},
                                                   {"settled_total", x.SettledTotal()},
                                                   {"pending_total", x.PendingTotal()}};
    for (const auto& [key, derived] : totals) {
        if (Trim(cols.Get(f, key)).empty()) continue;
        const long given = DossierCount(cols, reader, f, key);
        if (auto should = DisagreeingTotal(given, derived))
            throw UserError(
                cols.At(reader, key),
                fmt::format(fmt::runtime(tr("the total {0} disagrees with its parts, which add "
                                            "up to {1}")),
                            FormatInteger(given), FormatInteger(*should)));
    }
    return d;
}

}  // namespace

ImportSummary ImportDossiers(storage::Database& db, const std::string& path,
                             const std::string& user, const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, DossierColumns());
    AccessGuard guard(db, user);
    guard.Require(Action::Import);
    guard.Require(Action::EditSurveys);
    storage::Transaction tx(db);
    const OfficeDirectory dir(db);
    const FieldIndex fields(db);
    const auto rows = ReadMonthlyRows<storage::DossierRecord>(
        *reader, cols, guard,
        [&](const auto& f) { return ReadDossierRow(cols, *reader, f, dir, fields, guard); });
    storage::DossierRepository repo(db.session());
    MonthlyStore<storage::DossierRecord> how{
        "dossier_stats", "dossier_stats",
        [&](const std::string& a, const std::string& b) { return repo.StoredInMonths(a, b); },
        [](const storage::DossierRecord& d) {
            return storage::DossierRepository::ColumnValues(d.figures);
        },
        [&](const std::vector<storage::DossierRecord>& w, std::int64_t batch) {
            repo.Upsert(w, user, batch);
        }};
    const auto summary = StoreMonthly(db, reader->FileName(), user, rows, how);
    tx.Commit();
    return summary;
}

long ExportDossiers(storage::Database& db, const std::string& path, const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    using tableio::ColumnType;
    tableio::WriteOptions o{
        false, "dossiers", {ColumnType::Text, ColumnType::Text, ColumnType::Text}};
    for (int i = 0; i < 8; ++i) o.types.push_back(ColumnType::Integer);
    auto w = tableio::TableWriter::Create(path, DossierHeader(), o);
    for (const auto& x : storage::DossierRepository(db.session()).AllForExport()) {
        if (!guard.InScope(x.record.unitId)) continue;
        std::vector<std::string> cells = {x.unitCode, x.record.period, x.fieldCode};
        for (const auto& part : DossierPartList())
            cells.push_back(std::to_string(x.record.figures.*part.member));
        w->Add(cells);
    }
    w->Close();
    return w->Rows();
}

namespace {

// Reads the rows of a ratings file into a rating, one after the other:
// codes repeat on every row, so each unit and officer is looked up once.
class RatingRowReader {
  public:
    RatingRowReader(const ColumnMap& cols, const tableio::TableReader& reader,
                    const OfficeDirectory& dir, AccessGuard& guard)
        : cols_(cols),
          reader_(reader),
          dir_(dir),
          guard_(guard),
          iTime_(cols.Index("time")),
          iUnit_(cols.Index("unit")),
          iOfficer_(cols.Index("officer")),
          iProcedure_(cols.Index("procedure")),
          iChannel_(cols.Index("channel")),
          iCitizen_(cols.Index("citizen")),
          iScore_{cols.Index("attitude"), cols.Index("handling"), cols.Index("guidance")} {}

    // Fills `r` from the row `f`, or throws a UserError naming the cell.
    void Read(const std::vector<std::string>& f, RatingRecord& r) {
        f_ = &f;
        ReadTime(r);
        r.unitId = Resolve(units_, iUnit_, "unit", false);
        r.officerId = Resolve(officers_, iOfficer_, "officer", true);
        ReadChannel(r);
        ReadScores(r);
        r.procedure = Trim(Cell(iProcedure_));
        tableio::CheckTextLimit(cols_, reader_, "procedure", r.procedure, kShortText);
        r.citizen = Trim(Cell(iCitizen_));
        tableio::CheckTextLimit(cols_, reader_, "citizen", r.citizen, kShortText);
    }

  private:
    const std::string& Cell(int i) const {
        static const std::string empty;
        const std::vector<std::string>& f = *f_;
        return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[i] : empty;
    }

    void ReadTime(RatingRecord& r) const {
        const std::string& time = Cell(iTime_);
        if (IsIsoTime(time)) {
            r.ratedAt = time;
        } else {
            auto t = ParseTime(Trim(time));
            if (!t)
                throw UserError(cols_.At(reader_, "time"),
                                fmt::format(fmt::runtime(tr("not a date and time (write "
                                                            "2026-03-05T09:41:00 or 05/03/2026 "
                                                            "09:41): {0}")),
                                            Excerpt(time)));
            r.ratedAt = *t;
        }
    }

    std::int64_t Resolve(std::unordered_map<std::string, std::int64_t>& cache, int i,
                         const char* key, bool person) {
        const std::string& text = Cell(i);
        if (auto it = cache.find(text); it != cache.end()) return it->second;
        const std::string trimmed = Trim(text);
        auto id = person ? dir_.Person(trimmed) : dir_.Unit(trimmed);
        if (!id && !person)
            guard_.RefuseHiddenUnit(Action::EditSurveys, trimmed, cols_.At(reader_, key));
        if (!id)
            throw UserError(cols_.At(reader_, key),
                            person ? dir_.PersonRefusal(trimmed) : dir_.UnitRefusal(trimmed));
        cache.emplace(text, *id);
        return *id;
    }

    void ReadChannel(RatingRecord& r) const {
        auto channel = ParseChannel(Cell(iChannel_));
        if (!channel) {
            auto trimmed = ParseChannel(Trim(Cell(iChannel_)));
            if (!trimmed)
                throw UserError(cols_.At(reader_, "channel"),
                                fmt::format(fmt::runtime(tr("not a rating channel (kiosk, qr, "
                                                            "online or paper): {0}")),
                                            Excerpt(Cell(iChannel_))));
            channel = trimmed;
        }
        r.channel = std::move(*channel);
    }

    // The three scores, each empty or 1 to 5, at least one given.
    void ReadScores(RatingRecord& r) const {
        static const char* const scoreKey[3] = {"attitude", "handling", "guidance"};
        std::optional<int>* scores[3] = {&r.attitude, &r.handling, &r.guidance};
        bool any = false;
        for (int a = 0; a < 3; ++a) {
            const std::string& text = Cell(iScore_[a]);
            if (!ParseScore(text, *scores[a]) && !ParseScore(Trim(text), *scores[a]))
                throw UserError(cols_.At(reader_, scoreKey[a]),
                                fmt::format(fmt::runtime(tr("a score is a whole number from 1 to "
                                                            "5: {0}")),
                                            Excerpt(text)));
            any = any || scores[a]->has_value();
        }
        if (!any)
            throw UserError(cols_.At(reader_, iScore_[0] >= 0   ? "attitude"
                                              : iScore_[1] >= 0 ? "handling"
                                                                : "guidance"),
                            tr("the rating has no score"));
    }

    const ColumnMap& cols_;
    const tableio::TableReader& reader_;
    const OfficeDirectory& dir_;
    AccessGuard& guard_;
    const int iTime_, iUnit_, iOfficer_, iProcedure_, iChannel_, iCitizen_;
    const int iScore_[3];
    std::unordered_map<std::string, std::int64_t> units_, officers_;
    const std::vector<std::string>* f_ = nullptr;
};

}  // namespace

// ----------------------------------------------------------------- ratings

RatingImportSummary ImportRatings(storage::Database& db, const std::string& path,
                                  const std::string& user, Progress* progress,
                                  const tableio::ReadOptions& read) {
    auto reader = tableio::TableReader::Open(path, read);
    ColumnMap cols(*reader, RatingColumns());
    if (!cols.Has("attitude") && !cols.Has("handling") && !cols.Has("guidance"))
        throw UserError(Location{reader->FileName(), reader->HeaderLine(), "attitude"},
                        tr("the file has no score column (attitude, handling or guidance)"));
    AccessGuard guard(db, user);
    guard.Require(Action::Import);
    guard.Require(Action::EditSurveys);
    const bool scoped = guard.ScopeUnit().has_value();
    const char* const importing = N_("Importing ratings");
    Step(progress, tr(importing), 0);
    storage::Transaction tx(db);
    // Said first: on the server the ratings are audited, all at once, by the
    // statement that stores them.
    storage::AuditRepository(db.session()).Attribute(user, "import");
    const OfficeDirectory dir(db);
    storage::ImportBatchRepository batches(db.session());
    const auto batch = batches.Start("ratings", reader->FileName(), user);
    storage::RatingBulkInsert bulk(db, 10000, batch);

    RatingRowReader rowReader(cols, *reader, dir, guard);
    std::vector<std::string> f;
    RatingRecord r;
    long rows = 0;
    const double total = std::max(1.0, static_cast<double>(reader->TotalBytes()));
    while (reader->Next(f)) {
        rowReader.Read(f, r);
        if (scoped) guard.RequireAt(cols.At(*reader, "unit"), Action::EditSurveys, r.unitId);
        bulk.Add(r);
        if (++rows % 10000 == 0)
            Step(progress,
                 fmt::format(fmt::runtime(tr("Importing ratings: {0} rows read")),
                             FormatInteger(rows)),
                 static_cast<double>(reader->BytesRead()) / total);
    }
    // The ratings read are staged: stored now, set-based.
    Step(progress, tr("Saving"), 1.0);
    bulk.Flush();
    batches.Finish(batch, bulk.inserted(), bulk.skipped());
    // Each new rating with its values (those skipped were already stored),
    // written by the database from the new rows in one statement.
    storage::AuditRepository(db.session())
        .RecordInserted({"ratings", bulk.storedAfterId(), batch}, user, "import");
    tx.Commit();
    return {bulk.inserted(), bulk.skipped()};
}

long ExportRatings(storage::Database& db, const std::string& path, const std::string& user,
                   Progress* progress) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    const bool scoped = !guard.ReadsAll();
    // Citizens' names only to those who may see them (per unit for a
    // commune's account).
    const bool namesEverywhere = guard.Allows(Action::SeeCitizenNames) && !scoped;
    std::map<std::int64_t, bool> namesIn;
    const OfficeDirectory dir(db);
    using tableio::ColumnType;
    tableio::WriteOptions o{
        false,
        "ratings",
        {ColumnType::Date, ColumnType::Text, ColumnType::Text, ColumnType::Text, ColumnType::Text,
         ColumnType::Integer, ColumnType::Integer, ColumnType::Integer, ColumnType::Text}};
    storage::RatingRepository repo(db.session());
    const double total = std::max(1L, repo.Count());
    auto w = tableio::TableWriter::Create(path, RatingHeader(), o);
    std::map<std::int64_t, std::string> unitCodes, officerCodes;
    auto code = [](std::map<std::int64_t, std::string>& cache, std::int64_t id, auto lookup) {
        auto it = cache.find(id);
        if (it == cache.end()) it = cache.emplace(id, lookup(id)).first;
        return it->second;
    };
    auto score = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); };
    std::vector<std::string> row(9);
    repo.ForEachForExport([&](const std::vector<storage::RatingRow>& rows) {
        for (const auto& x : rows) {
            const auto& r = x.rating;
            if (scoped && !guard.InScope(r.unitId)) continue;
            row[0] = r.ratedAt;
            row[1] = code(unitCodes, r.unitId, [&](std::int64_t id) { return dir.UnitCode(id); });
            row[2] = code(officerCodes, r.officerId,
                          [&](std::int64_t id) { return dir.PersonCode(id); });
            row[3] = r.procedure;
            row[4] = r.channel;
            row[5] = score(r.attitude);
            row[6] = score(r.handling);
            row[7] = score(r.guidance);
            bool names = namesEverywhere;
            if (!names && scoped) {
                auto it = namesIn.find(r.unitId);
                if (it == namesIn.end())
                    it = namesIn.emplace(r.unitId, guard.Allows(Action::SeeCitizenNames, r.unitId))
                             .first;
                names = it->second;
            }
            row[8] = names ? r.citizen : std::string();
            w->Add(row);
        }
        Step(progress, tr("Exporting ratings"), static_cast<double>(w->Rows()) / total);
    });
    w->Close();
    return w->Rows();
}

// ----------------------------------------------------------------- summaries

namespace {
// The tallies of the scope's units in its period.
std::vector<TallyRecord> ScopedTallies(storage::Database& db, const Scope& s) {
    std::vector<TallyRecord> tallies;
    for (auto& t : TalliesOf(db, s))
        if (InScope(s, t.unitId)) tallies.push_back(std::move(t));
    return tallies;
}

// A line's sums into a row of the tables (per field or per unit).
template <class Row>
void FillSums(Row& row, const SurveyLine& l) {
    row.settled = l.sum.settled;
    row.responses = l.sum.responses;
    row.satisfied = l.sum.satisfied;
    row.coverage = Percent(l.sum.Coverage());
    row.satisfaction = Percent(l.sum.Satisfaction());
    row.status = l.coverage;
}

// A unit's line of sums as a row of the tables (no rank).
SurveyUnitRow UnitRow(const Scope& s, const SurveyLine& l) {
    SurveyUnitRow row;
    const auto& unit = s.units.at(l.unitId);
    row.unit = unit.code;
    row.name = unit.name;
    FillSums(row, l);
    return row;
}
}  // namespace

std::vector<SurveyFieldRow> SurveyByField(storage::Database& db, const SurveyQuery& q) {
    const Scope s = Resolve(db, q);
    const Scales scales(db);
    const FieldIndex fields(db);
    const std::vector<TallyRecord> tallies = ScopedTallies(db, s);
    auto lines = SumByField(tallies, s.period, scales.satisfied, s.threshold);
    std::vector<std::tuple<std::string, int, SurveyFieldRow>> keyed;
    for (const auto& l : lines) {
        SurveyFieldRow row;
        const auto& unit = s.units.at(l.unitId);
        row.unit = unit.code;
        row.unitName = unit.name;
        auto fi = fields.byId.find(l.fieldId);
        if (fi != fields.byId.end())
            row.field = fi->second.first, row.fieldName = fi->second.second;
        FillSums(row, l);
        auto order = fields.order.find(l.fieldId);
        keyed.emplace_back(UnitSortKey(s, l.unitId) + '\x01' + unit.code,
                           order == fields.order.end() ? 0 : order->second, std::move(row));
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    std::vector<SurveyFieldRow> out;
    for (auto& k : keyed) out.push_back(std::move(std::get<2>(k)));
    return out;
}

std::vector<SurveyUnitRow> SurveyByUnit(storage::Database& db, const SurveyQuery& q) {
    const Scope s = Resolve(db, q);
    const Scales scales(db);
    const std::vector<TallyRecord> tallies = ScopedTallies(db, s);
    std::vector<std::pair<std::string, SurveyUnitRow>> rows;
    for (const auto& l : SumByUnit(tallies, s.period, scales.satisfied, s.threshold)) {
        SurveyUnitRow row = UnitRow(s, l);
        rows.emplace_back(UnitSortKey(s, l.unitId) + '\x01' + row.unit, std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<double> values;
    for (const auto& [key, row] : rows)
        if (row.satisfaction) values.push_back(*row.satisfaction);
    const auto ranks = RankWithTies(values);
    std::size_t k = 0;
    for (auto& [key, row] : rows)
        if (row.satisfaction) row.rank = ranks[k++];
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        const int ra = a.second.rank.value_or(1 << 30), rb = b.second.rank.value_or(1 << 30);
        return ra < rb;
    });
    std::vector<SurveyUnitRow> out;
    for (auto& kv : rows) out.push_back(std::move(kv.second));
    return out;
}

std::vector<SurveyUnitMonthRow> SurveyByUnitAndMonth(storage::Database& db, const SurveyQuery& q) {
    const Scope s = Resolve(db, q);
    const Scales scales(db);
    const std::vector<TallyRecord> tallies = ScopedTallies(db, s);
    std::vector<std::pair<std::string, SurveyUnitMonthRow>> rows;
    for (const Period& month : s.period.Months()) {
        for (const auto& l : SumByUnit(tallies, month, scales.satisfied, s.threshold)) {
            SurveyUnitMonthRow row{UnitRow(s, l), month.ToString()};
            rows.emplace_back(
                UnitSortKey(s, l.unitId) + '\x01' + row.unit.unit + '\x01' + row.month,
                std::move(row));
        }
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<SurveyUnitMonthRow> out;
    for (auto& kv : rows) out.push_back(std::move(kv.second));
    return out;
}

DateRange SurveyWindow(storage::Database& db, const SurveyQuery& q) {
    const Scope s = Resolve(db, q);
    return s.period.Window(s.window);
}

std::vector<SurveyOfficerRow> SurveyByOfficer(storage::Database& db, const SurveyQuery& q) {
    const Scope s = Resolve(db, q);
    const DateRange window = s.period.Window(s.window);
    storage::RatingAggregateQuery aq;
    aq.from = window.first.ToIso();
    aq.to = window.last.ToIso();
    aq.unitId = s.single;
    std::vector<RatingTally> tallies;
    for (auto& t : storage::RatingRepository(db.session()).Aggregate(aq))
        if (InScope(s, t.unitId)) tallies.push_back(std::move(t));
    std::map<std::int64_t, Person> people;
    for (auto& p : storage::PersonRepository(db.session()).All()) people.emplace(p.id, p);
    auto nameOf = [&](std::int64_t id) {
        auto it = people.find(id);
        return it == people.end() ? std::string() : it->second.fullName;
    };
    // By name first: RankOfficers keeps that order among equals.
    std::stable_sort(tallies.begin(), tallies.end(),
                     [&](const RatingTally& a, const RatingTally& b) {
                         return VietnameseNameLess(nameOf(a.officerId), nameOf(b.officerId));
                     });
    std::vector<SurveyOfficerRow> out;
    for (const auto& r : RankOfficers(tallies, s.minimumSample)) {
        SurveyOfficerRow row;
        const auto& t = r.tally;
        auto unit = s.units.find(t.unitId);
        row.unit = unit == s.units.end() ? std::string() : unit->second.code;
        auto person = people.find(t.officerId);
        if (person != people.end())
            row.officer = person->second.code, row.name = person->second.fullName;
        row.ratings = t.ratings;
        row.satisfied = t.satisfied;
        row.attitude = t.Average(RatingAspect::Attitude);
        row.handling = t.Average(RatingAspect::Handling);
        row.guidance = t.Average(RatingAspect::Guidance);
        row.satisfiedShare = Percent(t.SatisfiedShare());
        row.rank = r.rank;
        out.push_back(std::move(row));
    }
    return out;
}

// ----------------------------------------------------------------- criterion fill

namespace {

// A figure as compared and audited: six decimals, empty when there is none.
std::string FigureText(const std::optional<double>& v) {
    return v ? FormatMachine(*v, 6) : std::string();
}

// The ids of the framework and of its criterion that surveys fill; refuses
// an unknown framework or criterion and a criterion not scored as a rate.
std::pair<std::int64_t, std::int64_t> RateCriterionOf(storage::Database& db,
                                                      const std::string& frameworkCode,
                                                      const std::string& criterionCode) {
    storage::FrameworkRepository frameworks(db.session());
    auto fid = frameworks.IdByCode(frameworkCode);
    auto fw = fid ? frameworks.Load(*fid) : std::nullopt;
    if (!fw)
        throw UserError(fmt::format(fmt::runtime(tr("the framework does not exist: {0}")),
                                    Excerpt(frameworkCode)));
    const Criterion* criterion = nullptr;
    for (const auto& c : fw->criteria)
        if (c.code == criterionCode) criterion = &c;
    if (!criterion)
        throw UserError(fmt::format(fmt::runtime(tr("the criterion {0} is not in framework {1}")),
                                    Excerpt(criterionCode), Excerpt(frameworkCode)));
    if (criterion->rule != RuleKind::Rate)
        throw UserError(fmt::format(
            fmt::runtime(tr("criterion {0} is not scored as a rate: the survey gives a rate")),
            Excerpt(criterionCode)));
    return {*fid, criterion->id};
}

// Whether the survey's figures `r` are written over the `stored` result (if
// any): a result entered by users, one already equal and one its set's
// status locks are left as they are, and counted in `summary`. A result
// written over keeps its id, scores and note, and `audit` gets the figures
// it changes.
bool TakesSurveyFigures(const ResultRecord* stored, ResultRecord& r, const std::string& user,
                        SurveyFillSummary& summary, std::vector<storage::AuditEntry>& audit) {
    const auto state = ResultStatusFromKey(r.status).value_or(ResultStatus::Draft);
    if (stored) {
        const ResultRecord& before = *stored;
        const bool hasFigures =
            before.numerator || before.denominator || before.selfScore || before.appraisedScore;
        if (before.source != "survey" && hasFigures) {
            ++summary.keptManual;
            return false;
        }
        if (FigureText(before.numerator) == FigureText(r.numerator) &&
            FigureText(before.denominator) == FigureText(r.denominator)) {
            ++summary.unchanged;
            return false;
        }
        if (EditRefusal(state, ResultField::Numerator) ||
            EditRefusal(state, ResultField::Denominator)) {
            ++summary.keptLocked;
            return false;
        }
        r.id = before.id;
        r.selfScore = before.selfScore;
        r.appraisedScore = before.appraisedScore;
        r.note = before.note;
        for (auto [field, oldV, newV] :
             {std::make_tuple("numerator", before.numerator, r.numerator),
              std::make_tuple("denominator", before.denominator, r.denominator)})
            if (FigureText(oldV) != FigureText(newV))
                audit.push_back({"", user, "results", before.id, "update", field, FigureText(oldV),
                                 FigureText(newV)});
    } else {
        if (EditRefusal(state, ResultField::Numerator)) {
            ++summary.keptLocked;
            return false;
        }
    }
    return true;
}

}  // namespace

SurveyFillSummary FillCriterionFromSurveys(storage::Database& db, const std::string& frameworkCode,
                                           const std::string& criterionCode,
                                           const std::string& period, const std::string& user) {
    const auto [fid, criterionId] = RateCriterionOf(db, frameworkCode, criterionCode);
    SurveyQuery q;
    q.period = period;
    q.user = user;
    const Scope s = Resolve(db, q);
    const Scales scales(db);
    const std::string periodKey = s.period.ToString();

    AccessGuard guard(db, user);
    guard.Require(Action::EditScores);
    storage::Transaction tx(db);
    storage::ResultRepository results(db.session());
    storage::ResultSetRepository sets(db.session());
    std::map<std::int64_t, std::string> setStatus;
    for (const auto& set : sets.ForFrameworkAndPeriod(fid, periodKey))
        setStatus[set.unitId] = set.status;
    std::map<std::int64_t, ResultRecord> stored;
    for (auto& r : results.ForFrameworkAndPeriod(fid, periodKey))
        if (r.criterionId == criterionId) stored.emplace(r.unitId, std::move(r));

    SurveyFillSummary summary;
    std::vector<ResultRecord> write;
    std::vector<storage::AuditEntry> audit;
    std::set<std::int64_t> touched;
    for (const auto& line : SumByUnit(TalliesOf(db, s), s.period, scales.satisfied, s.threshold)) {
        // A commune's account fills its own units only.
        if (!guard.InScope(line.unitId)) continue;
        ResultRecord r;
        r.unitId = line.unitId;
        r.criterionId = criterionId;
        r.period = periodKey;
        r.source = "survey";
        r.numerator = static_cast<double>(line.sum.satisfied);
        r.denominator = static_cast<double>(line.sum.responses);
        auto st = setStatus.find(line.unitId);
        r.status = st == setStatus.end() ? "draft" : st->second;
        auto old = stored.find(line.unitId);
        if (!TakesSurveyFigures(old != stored.end() ? &old->second : nullptr, r, user, summary,
                                audit))
            continue;
        write.push_back(r);
        touched.insert(r.unitId);
        ++summary.written;
    }
    for (std::int64_t unit : touched) {
        sets.Ensure(unit, fid, periodKey);
        sets.Touch(unit, fid, periodKey);
    }
    results.Upsert(write);
    for (const auto& r : write)
        if (r.id == 0)
            if (auto back = results.Find(r.unitId, r.criterionId, r.period))
                for (auto [field, v] : {std::make_pair("numerator", r.numerator),
                                        std::make_pair("denominator", r.denominator)})
                    audit.push_back({"", user, "results", back->id, "insert", field, std::nullopt,
                                     FigureText(v)});
    storage::AuditRepository(db.session()).RecordMany(audit);
    if (!touched.empty()) RefreshTotals(db, fid, periodKey, touched);
    tx.Commit();
    return summary;
}

const std::vector<tableio::ColumnSpec>& TallyImportColumns() { return TallyColumns(); }
const std::vector<tableio::ColumnSpec>& DossierImportColumns() { return DossierColumns(); }
const std::vector<tableio::ColumnSpec>& RatingImportColumns() { return RatingColumns(); }

}  // namespace cchc::services
