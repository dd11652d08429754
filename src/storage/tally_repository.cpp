// Monthly survey tallies: see tally_repository.h.
#include "storage/tally_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <tuple>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
// A row of survey_tallies read by its column names.
TallyRecord ReadTally(const soci::row& r) {
    TallyRecord t;
    t.unitId = Int(r, "unit_id");
    t.period = Text(r, "period");
    t.fieldId = Int(r, "field_id");
    t.scaleId = Int(r, "scale_id");
    t.settled = static_cast<int>(Int(r, "settled"));
    t.responses = static_cast<int>(Int(r, "responses"));
    t.level5 = static_cast<int>(Int(r, "level5"));
    t.level4 = static_cast<int>(Int(r, "level4"));
    t.level3 = static_cast<int>(Int(r, "level3"));
    t.level2 = static_cast<int>(Int(r, "level2"));
    t.level1 = static_cast<int>(Int(r, "level1"));
    t.source = Text(r, "source");
    t.version = static_cast<int>(Int(r, "version", 1));
    return t;
}
}  // namespace

std::pair<long, long> TallyRepository::Upsert(const std::vector<TallyRecord>& rows,
                                              const std::string& user,
                                              std::optional<std::int64_t> importBatchId) {
    long inserted = 0, updated = 0;
    if (rows.empty()) return {0, 0};
    TallyRecord t;
    long long unit = 0, field = 0, scale = 0, id = 0;
    long long batch = importBatchId.value_or(0);
    soci::indicator batchInd = importBatchId ? soci::i_ok : soci::i_null;
    soci::indicator idInd = soci::i_null;
    std::string now = NowIso();
    soci::statement find =
        (s_.prepare << "SELECT id FROM survey_tallies WHERE unit_id = :u AND period = :p AND "
                       "field_id = :f",
         soci::use(unit), soci::use(t.period), soci::use(field), soci::into(id, idInd));
    soci::statement insert =
        (s_.prepare << "INSERT INTO survey_tallies (unit_id, period, field_id, scale_id, settled, "
                       "responses, level5, level4, level3, level2, level1, source, "
                       "import_batch_id, updated_at, updated_by) VALUES (:u, :p, :f, :s, :set, "
                       ":resp, :l5, :l4, :l3, :l2, :l1, :src, :b, :now, :by)",
         soci::use(unit), soci::use(t.period), soci::use(field), soci::use(scale),
         soci::use(t.settled), soci::use(t.responses), soci::use(t.level5), soci::use(t.level4),
         soci::use(t.level3), soci::use(t.level2), soci::use(t.level1), soci::use(t.source),
         soci::use(batch, batchInd), soci::use(now), soci::use(user));
    soci::statement update =
        (s_.prepare << "UPDATE survey_tallies SET scale_id = :s, settled = :set, responses = "
                       ":resp, level5 = :l5, level4 = :l4, level3 = :l3, level2 = :l2, level1 = "
                       ":l1, source = :src, import_batch_id = :b, updated_at = :now, updated_by = "
                       ":by, version = version + 1 WHERE id = :id",
         soci::use(scale), soci::use(t.settled), soci::use(t.responses), soci::use(t.level5),
         soci::use(t.level4), soci::use(t.level3), soci::use(t.level2), soci::use(t.level1),
         soci::use(t.source), soci::use(batch, batchInd), soci::use(now), soci::use(user),
         soci::use(id));
    for (const auto& row : rows) {
        t = row;
        unit = row.unitId, field = row.fieldId, scale = row.scaleId;
        idInd = soci::i_null;
        find.execute(true);
        if (find.got_data() && idInd == soci::i_ok) {
            update.execute(true);
            ++updated;
        } else {
            insert.execute(true);
            ++inserted;
        }
    }
    return {inserted, updated};
}

std::vector<std::pair<std::int64_t, TallyRecord>> TallyRepository::StoredInMonths(
    const std::string& firstMonth, const std::string& lastMonth) {
    std::vector<std::pair<std::int64_t, TallyRecord>> out;
    soci::rowset<soci::row> rs =
        (s_.prepare
             << "SELECT id, unit_id, period, field_id, scale_id, settled, responses, "
                "level5, level4, level3, level2, level1, source, version FROM survey_tallies WHERE "
                "period >= :a AND period <= :b",
         soci::use(firstMonth), soci::use(lastMonth));
    for (const auto& r : rs) out.emplace_back(Int(r, "id"), ReadTally(r));
    return out;
}

std::vector<TallyRecord> TallyRepository::InMonths(const std::string& firstMonth,
                                                   const std::string& lastMonth,
                                                   std::optional<std::int64_t> unitId) {
    std::vector<TallyRecord> out;
    long long unit = unitId.value_or(0);
    int any = unitId ? 0 : 1;
    soci::rowset<soci::row> rs =
        (s_.prepare
             << "SELECT unit_id, period, field_id, scale_id, settled, responses, level5, "
                "level4, level3, level2, level1, source, version FROM survey_tallies WHERE period "
                ">= :a AND period <= :b AND (unit_id = :u OR :any = 1) ORDER BY unit_id, "
                "period, field_id",
         soci::use(firstMonth), soci::use(lastMonth), soci::use(unit), soci::use(any));
    for (const auto& r : rs) {
        out.push_back(ReadTally(r));
    }
    return out;
}

std::vector<TallyExportRow> TallyRepository::AllForExport() {
    std::vector<TallyExportRow> out;
    soci::rowset<soci::row> rs =
        (s_.prepare
         << "SELECT t.unit_id, t.period, t.field_id, t.scale_id, t.settled, "
            "t.responses, t.level5, t.level4, t.level3, t.level2, t.level1, t.source, t.version, "
            "u.code AS unit_code, f.code AS field_code, s.code AS scale_code FROM "
            "survey_tallies t JOIN units u ON u.id = t.unit_id JOIN procedure_fields f "
            "ON f.id = t.field_id JOIN rating_scales s ON s.id = t.scale_id");
    for (const auto& r : rs) {
        TallyExportRow x;
        x.unitCode = Text(r, "unit_code");
        x.fieldCode = Text(r, "field_code");
        x.scaleCode = Text(r, "scale_code");
        x.tally = ReadTally(r);
        out.push_back(std::move(x));
    }
    // Sorted here so that both backends give the same byte order.
    std::sort(out.begin(), out.end(), [](const TallyExportRow& a, const TallyExportRow& b) {
        return std::tie(a.tally.period, a.unitCode, a.fieldCode) <
               std::tie(b.tally.period, b.unitCode, b.fieldCode);
    });
    return out;
}

long TallyRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM survey_tallies", soci::into(n);
    return static_cast<long>(n);
}

}  // namespace cchc::storage
