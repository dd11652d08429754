// Dossier statistics of form II.06a as stored: per unit, month and
// procedure field (dossier_stats), with the totals derived from their parts
// (core/dossier_rules.h) stored beside them for the printed reports.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/dossier_rules.h"

namespace soci {
class session;
}

namespace cchc::storage {

// One unit's figures of a field for a month ("2026-09").
struct DossierRecord {
    std::int64_t unitId = 0, fieldId = 0;
    std::string period;
    DossierFigures figures;
    std::string source = "manual";
    int version = 0;  // as read (ignored by the writes)
};

// A record with the codes that name it in files, and its field's place in
// the catalogue.
struct DossierExportRow {
    std::string unitCode, fieldCode, fieldName;
    int fieldOrder = 0;
    DossierRecord record;
};

class DossierRepository {
  public:
    explicit DossierRepository(soci::session& s) : s_(s) {}
    // Inserts each record, or replaces the figures of the one stored for the
    // same (unit, period, field); returns how many were inserted and how
    // many replaced.
    std::pair<long, long> Upsert(const std::vector<DossierRecord>& records, const std::string& user,
                                 std::optional<std::int64_t> importBatchId = std::nullopt);
    // Inserts new records (none stored for their keys) at once: through
    // COPY on PostgreSQL, one prepared statement on SQLite (the demo office).
    void InsertMany(const std::vector<DossierRecord>& records, const std::string& user);
    // The ids and records of the months firstMonth..lastMonth (every unit).
    std::vector<std::pair<std::int64_t, DossierRecord>> StoredInMonths(
        const std::string& firstMonth, const std::string& lastMonth);
    // The monthly records of firstMonth..lastMonth of one unit or all, with
    // their codes, ordered by unit, field and month.
    std::vector<DossierExportRow> InMonths(const std::string& firstMonth,
                                           const std::string& lastMonth,
                                           std::optional<std::int64_t> unitId = std::nullopt);
    // Every monthly record with codes, ordered by month, unit code and
    // field code.
    std::vector<DossierExportRow> AllForExport();
    long Count();
    // The stored columns of the figures by name, totals with their parts:
    // what an update audits (as the server's triggers do).
    static std::vector<std::pair<const char*, long long>> ColumnValues(const DossierFigures& d);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
