// The demo's survey tallies: see survey_repository.h.
#include "storage/survey_repository.h"

#include <soci/soci.h>

#include <string>

#include "storage/bulk_load.h"
#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

void SurveyRepository::InsertTallies(const std::vector<TallyRecord>& rows) {
    if (rows.empty()) return;
    if (IsPostgres(s_)) {
        // One COPY rather than SOCI's round trip per row.
        const std::string now = NowIso();
        CopyIn copy(s_, "survey_tallies",
                    {"unit_id", "period", "field_id", "scale_id", "settled", "responses", "level5",
                     "level4", "level3", "level2", "level1", "source", "updated_at"});
        for (const auto& r : rows) {
            copy.Int(r.unitId)
                .Text(r.period)
                .Int(r.fieldId)
                .Int(r.scaleId)
                .Int(r.settled)
                .Int(r.responses)
                .Int(r.level5)
                .Int(r.level4)
                .Int(r.level3)
                .Int(r.level2)
                .Int(r.level1)
                .Text(r.source)
                .Text(now);
            copy.EndRow();
        }
        copy.End();
        return;
    }
    const std::size_t n = rows.size();
    std::vector<long long> unit(n), field(n), scale(n);
    std::vector<std::string> period(n), source(n), now(n, NowIso());
    std::vector<int> settled(n), responses(n), l5(n), l4(n), l3(n), l2(n), l1(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = rows[i];
        unit[i] = r.unitId, field[i] = r.fieldId, scale[i] = r.scaleId;
        period[i] = r.period, source[i] = r.source;
        settled[i] = r.settled, responses[i] = r.responses;
        l5[i] = r.level5, l4[i] = r.level4, l3[i] = r.level3, l2[i] = r.level2, l1[i] = r.level1;
    }
    s_ << "INSERT INTO survey_tallies (unit_id, period, field_id, scale_id, settled, responses, "
          "level5, level4, level3, level2, level1, source, updated_at) VALUES (:u, :p, :f, :s, "
          ":set, :resp, :l5, :l4, :l3, :l2, :l1, :src, :now)",
        soci::use(unit), soci::use(period), soci::use(field), soci::use(scale), soci::use(settled),
        soci::use(responses), soci::use(l5), soci::use(l4), soci::use(l3), soci::use(l2),
        soci::use(l1), soci::use(source), soci::use(now);
}

}  // namespace cchc::storage
