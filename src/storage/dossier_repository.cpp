// Dossier statistics of form II.06a: see dossier_repository.h.
#include "storage/dossier_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <tuple>

#include "storage/bulk_load.h"
#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
// The columns of a monthly record, and its codes, as the reads below name
// them.
#define CCHC_DOSSIER_COLUMNS                                                                     \
    "d.id, d.unit_id, d.period, d.field_id, d.received_online, d.received_direct, "              \
    "d.carried_over, d.settled_early, d.settled_on_time, d.settled_late, d.pending_in_time, "    \
    "d.pending_overdue, d.source, d.version, u.code AS unit_code, f.code AS field_code, f.name " \
    "AS "                                                                                        \
    "field_name, f.sort_order AS field_order FROM dossier_stats d JOIN units u ON u.id = "       \
    "d.unit_id JOIN procedure_fields f ON f.id = d.field_id "
// Months only ("2026-09"), not the rows of a quarter or a year.
#define CCHC_MONTHS                                                                         \
    "length(d.period) = 7 AND substr(d.period, 6, 1) IN ('0', '1') AND d.period >= :a AND " \
    "d.period <= :b"

DossierRecord ReadRecord(const soci::row& r) {
    DossierRecord d;
    d.unitId = Int(r, "unit_id");
    d.fieldId = Int(r, "field_id");
    d.period = Text(r, "period");
    d.source = Text(r, "source");
    d.version = static_cast<int>(Int(r, "version", 1));
    auto& f = d.figures;
    f.receivedOnline = static_cast<long>(Int(r, "received_online"));
    f.receivedDirect = static_cast<long>(Int(r, "received_direct"));
    f.carriedOver = static_cast<long>(Int(r, "carried_over"));
    f.settledEarly = static_cast<long>(Int(r, "settled_early"));
    f.settledOnTime = static_cast<long>(Int(r, "settled_on_time"));
    f.settledLate = static_cast<long>(Int(r, "settled_late"));
    f.pendingInTime = static_cast<long>(Int(r, "pending_in_time"));
    f.pendingOverdue = static_cast<long>(Int(r, "pending_overdue"));
    return d;
}

DossierExportRow ReadExportRow(const soci::row& r) {
    DossierExportRow x;
    x.unitCode = Text(r, "unit_code");
    x.fieldCode = Text(r, "field_code");
    x.fieldName = Text(r, "field_name");
    x.fieldOrder = static_cast<int>(Int(r, "field_order"));
    x.record = ReadRecord(r);
    return x;
}
}  // namespace

std::pair<long, long> DossierRepository::Upsert(const std::vector<DossierRecord>& records,
                                                const std::string& user,
                                                std::optional<std::int64_t> importBatchId) {
    long inserted = 0, updated = 0;
    if (records.empty()) return {0, 0};
    long long unit = 0, field = 0, id = 0;
    long long batch = importBatchId.value_or(0);
    soci::indicator batchInd = importBatchId ? soci::i_ok : soci::i_null;
    soci::indicator idInd = soci::i_null;
    std::string period, source, now = NowIso();
    // received, online, direct, carried, settled, early, on time, late,
    // pending, in time, overdue
    int n[11] = {};
    soci::statement find =
        (s_.prepare << "SELECT id FROM dossier_stats WHERE unit_id = :u AND period = :p AND "
                       "field_id = :f",
         soci::use(unit), soci::use(period), soci::use(field), soci::into(id, idInd));
    soci::statement insert =
        (s_.prepare << "INSERT INTO dossier_stats (unit_id, period, field_id, received_total, "
                       "received_online, received_direct, carried_over, settled_total, "
                       "settled_early, settled_on_time, settled_late, pending_total, "
                       "pending_in_time, pending_overdue, source, import_batch_id, updated_at, "
                       "updated_by) VALUES (:u, :p, :f, :rt, :ro, :rd, :co, :st, :se, :so, :sl, "
                       ":pt, :pi, :po, :src, :b, :now, :by)",
         soci::use(unit), soci::use(period), soci::use(field), soci::use(n[0]), soci::use(n[1]),
         soci::use(n[2]), soci::use(n[3]), soci::use(n[4]), soci::use(n[5]), soci::use(n[6]),
         soci::use(n[7]), soci::use(n[8]), soci::use(n[9]), soci::use(n[10]), soci::use(source),
         soci::use(batch, batchInd), soci::use(now), soci::use(user));
    soci::statement update =
        (s_.prepare << "UPDATE dossier_stats SET received_total = :rt, received_online = :ro, "
                       "received_direct = :rd, carried_over = :co, settled_total = :st, "
                       "settled_early = :se, settled_on_time = :so, settled_late = :sl, "
                       "pending_total = :pt, pending_in_time = :pi, pending_overdue = :po, "
                       "source = :src, import_batch_id = :b, updated_at = :now, updated_by = :by, "
                       "version = version + 1 WHERE id = :id",
         soci::use(n[0]), soci::use(n[1]), soci::use(n[2]), soci::use(n[3]), soci::use(n[4]),
         soci::use(n[5]), soci::use(n[6]), soci::use(n[7]), soci::use(n[8]), soci::use(n[9]),
         soci::use(n[10]), soci::use(source), soci::use(batch, batchInd), soci::use(now),
         soci::use(user), soci::use(id));
    for (const auto& d : records) {
        unit = d.unitId, field = d.fieldId, period = d.period, source = d.source;
        const auto& f = d.figures;
        const long values[11] = {f.ReceivedTotal(), f.receivedOnline, f.receivedDirect,
                                 f.carriedOver,     f.SettledTotal(), f.settledEarly,
                                 f.settledOnTime,   f.settledLate,    f.PendingTotal(),
                                 f.pendingInTime,   f.pendingOverdue};
        for (int i = 0; i < 11; ++i) n[i] = static_cast<int>(values[i]);
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

void DossierRepository::InsertMany(const std::vector<DossierRecord>& records,
                                   const std::string& user) {
    if (records.empty()) return;
    const std::string now = NowIso();
    auto values = [](const DossierFigures& f) {
        return std::vector<long>{f.ReceivedTotal(), f.receivedOnline, f.receivedDirect,
                                 f.carriedOver,     f.SettledTotal(), f.settledEarly,
                                 f.settledOnTime,   f.settledLate,    f.PendingTotal(),
                                 f.pendingInTime,   f.pendingOverdue};
    };
    static const char* const figures[] = {"received_total",  "received_online", "received_direct",
                                          "carried_over",    "settled_total",   "settled_early",
                                          "settled_on_time", "settled_late",    "pending_total",
                                          "pending_in_time", "pending_overdue"};
    if (IsPostgres(s_)) {
        using T = CopyInsert::Type;
        std::vector<CopyInsert::Column> columns = {
            {"unit_id", T::Integer}, {"period", T::Text}, {"field_id", T::Integer}};
        for (const char* name : figures) columns.push_back({name, T::Integer});
        for (const char* name : {"source", "updated_at", "updated_by"})
            columns.push_back({name, T::Text});
        CopyInsert copy(s_, "dossier_stats", columns);
        for (const auto& d : records) {
            auto& row = copy.Row().Int(d.unitId).Text(d.period).Int(d.fieldId);
            for (long v : values(d.figures)) row.Int(v);
            row.Text(d.source).Text(now).Text(user).EndRow();
        }
        copy.End();
        return;
    }
    long long unit = 0, field = 0;
    std::string period, source;
    int n[11] = {};
    soci::statement insert =
        (s_.prepare << "INSERT INTO dossier_stats (unit_id, period, field_id, received_total, "
                       "received_online, received_direct, carried_over, settled_total, "
                       "settled_early, settled_on_time, settled_late, pending_total, "
                       "pending_in_time, pending_overdue, source, updated_at, updated_by) VALUES "
                       "(:u, :p, :f, :rt, :ro, :rd, :co, :st, :se, :so, :sl, :pt, :pi, :po, "
                       ":src, :now, :by)",
         soci::use(unit), soci::use(period), soci::use(field), soci::use(n[0]), soci::use(n[1]),
         soci::use(n[2]), soci::use(n[3]), soci::use(n[4]), soci::use(n[5]), soci::use(n[6]),
         soci::use(n[7]), soci::use(n[8]), soci::use(n[9]), soci::use(n[10]), soci::use(source),
         soci::use(now), soci::use(user));
    for (const auto& d : records) {
        unit = d.unitId, field = d.fieldId, period = d.period, source = d.source;
        const auto v = values(d.figures);
        for (int i = 0; i < 11; ++i) n[i] = static_cast<int>(v[static_cast<std::size_t>(i)]);
        insert.execute(true);
    }
}

std::vector<std::pair<std::int64_t, DossierRecord>> DossierRepository::StoredInMonths(
    const std::string& firstMonth, const std::string& lastMonth) {
    std::vector<std::pair<std::int64_t, DossierRecord>> out;
    soci::rowset<soci::row> rs = (s_.prepare << "SELECT " CCHC_DOSSIER_COLUMNS "WHERE " CCHC_MONTHS,
                                  soci::use(firstMonth), soci::use(lastMonth));
    for (const auto& r : rs) out.emplace_back(Int(r, "id"), ReadRecord(r));
    return out;
}

std::vector<DossierExportRow> DossierRepository::InMonths(const std::string& firstMonth,
                                                          const std::string& lastMonth,
                                                          std::optional<std::int64_t> unitId) {
    const long long unit = unitId.value_or(0);
    const int any = unitId ? 0 : 1;
    std::vector<DossierExportRow> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " CCHC_DOSSIER_COLUMNS "WHERE " CCHC_MONTHS
                       " AND (d.unit_id = :u OR :any = 1) ORDER BY d.unit_id, d.field_id, "
                       "d.period",
         soci::use(firstMonth), soci::use(lastMonth), soci::use(unit), soci::use(any));
    for (const auto& r : rs) out.push_back(ReadExportRow(r));
    return out;
}

std::vector<DossierExportRow> DossierRepository::AllForExport() {
    std::vector<DossierExportRow> out;
    soci::rowset<soci::row> rs = (s_.prepare << "SELECT " CCHC_DOSSIER_COLUMNS
                                                "WHERE length(d.period) = 7 AND "
                                                "substr(d.period, 6, 1) IN ('0', '1')");
    for (const auto& r : rs) out.push_back(ReadExportRow(r));
    // Sorted here so that both backends give the same byte order.
    std::sort(out.begin(), out.end(), [](const DossierExportRow& a, const DossierExportRow& b) {
        return std::tie(a.record.period, a.unitCode, a.fieldCode) <
               std::tie(b.record.period, b.unitCode, b.fieldCode);
    });
    return out;
}

std::vector<std::pair<const char*, long long>> DossierRepository::ColumnValues(
    const DossierFigures& d) {
    return {{"received_total", d.ReceivedTotal()}, {"received_online", d.receivedOnline},
            {"received_direct", d.receivedDirect}, {"carried_over", d.carriedOver},
            {"settled_total", d.SettledTotal()},   {"settled_early", d.settledEarly},
            {"settled_on_time", d.settledOnTime},  {"settled_late", d.settledLate},
            {"pending_total", d.PendingTotal()},   {"pending_in_time", d.pendingInTime},
            {"pending_overdue", d.pendingOverdue}};
}

long DossierRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM dossier_stats", soci::into(n);
    return static_cast<long>(n);
}

#undef CCHC_DOSSIER_COLUMNS
#undef CCHC_MONTHS

}  // namespace cchc::storage
