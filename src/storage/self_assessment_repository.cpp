// Officers' self-assessments: see self_assessment_repository.h.
#include "storage/self_assessment_repository.h"

#include <soci/soci.h>

#include "storage/bulk_load.h"
#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

void SelfAssessmentRepository::Save(const std::vector<SelfAssessmentRow>& rows,
                                    const std::string& user) {
    if (rows.empty()) return;
    if (IsPostgres(s_)) {
        // Staged by COPY and written by one statement, rather than one round
        // trip per row (the demo office saves tens of thousands). As row by
        // row, the last row of a criterion given twice is the one kept.
        const std::string now = NowIso();
        s_ << "DROP TABLE IF EXISTS pg_temp.self_assessment_stage";
        s_ << "CREATE TEMP TABLE self_assessment_stage (line BIGINT, person_id BIGINT, period "
              "TEXT, criterion_id BIGINT, self_score DOUBLE PRECISION, appraised_score DOUBLE "
              "PRECISION, note TEXT)";
        {
            CopyIn copy(s_, "pg_temp.self_assessment_stage",
                        {"line", "person_id", "period", "criterion_id", "self_score",
                         "appraised_score", "note"});
            long long line = 0;
            for (const auto& r : rows) {
                copy.Int(++line)
                    .Int(r.personId)
                    .Text(r.period)
                    .Int(r.score.criterionId)
                    .OptReal(r.score.self)
                    .OptReal(r.score.appraised)
                    .Text(r.note);
                copy.EndRow();
            }
            copy.End();
        }
        s_ << "INSERT INTO self_assessments (person_id, period, criterion_id, self_score, "
              "appraised_score, note, updated_at, updated_by) SELECT person_id, period, "
              "criterion_id, self_score, appraised_score, note, CAST(:now AS TEXT), CAST(:by AS "
              "TEXT) FROM (SELECT DISTINCT ON (person_id, period, criterion_id) * FROM "
              "pg_temp.self_assessment_stage ORDER BY person_id, period, criterion_id, line DESC) "
              "AS x ORDER BY line ON CONFLICT (person_id, period, criterion_id) DO UPDATE SET "
              "self_score = excluded.self_score, appraised_score = excluded.appraised_score, note "
              "= excluded.note, updated_at = excluded.updated_at, updated_by = "
              "excluded.updated_by, version = self_assessments.version + 1",
            soci::use(now), soci::use(user);
        s_ << "DROP TABLE pg_temp.self_assessment_stage";
        return;
    }
    long long person = 0, criterion = 0;
    std::string period, note, now = NowIso();
    Nullable<double> self, appraised;
    soci::statement st =
        (s_.prepare << "INSERT INTO self_assessments (person_id, period, criterion_id, "
                       "self_score, appraised_score, note, updated_at, updated_by) VALUES (:p, "
                       ":per, :c, :s, :a, :n, :now, :by) ON CONFLICT (person_id, period, "
                       "criterion_id) DO UPDATE SET self_score = excluded.self_score, "
                       "appraised_score = excluded.appraised_score, note = excluded.note, "
                       "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
                       "version = self_assessments.version + 1",
         soci::use(person), soci::use(period), soci::use(criterion),
         soci::use(self.value, self.ind), soci::use(appraised.value, appraised.ind),
         soci::use(note), soci::use(now), soci::use(user));
    for (const auto& r : rows) {
        person = r.personId;
        period = r.period;
        criterion = r.score.criterionId;
        self = Nullable<double>(r.score.self);
        appraised = Nullable<double>(r.score.appraised);
        note = r.note;
        st.execute(true);
    }
}

namespace {
std::vector<SelfAssessmentRow> ReadSelf(soci::rowset<soci::row>& rs) {
    std::vector<SelfAssessmentRow> out;
    for (const auto& r : rs) {
        SelfAssessmentRow x;
        x.personId = Int(r, "person_id");
        x.period = Text(r, "period");
        x.score.criterionId = Int(r, "criterion_id");
        x.score.self = OptReal(r, "self_score");
        x.score.appraised = OptReal(r, "appraised_score");
        x.note = Text(r, "note");
        x.version = static_cast<int>(Int(r, "version", 1));
        out.push_back(std::move(x));
    }
    return out;
}
}  // namespace

std::vector<SelfAssessmentRow> SelfAssessmentRepository::ForPerson(std::int64_t personId,
                                                                   const std::string& period) {
    long long p = personId;
    soci::rowset<soci::row> rs =
        (s_.prepare
             << "SELECT person_id, period, criterion_id, self_score, appraised_score, note, "
                "version FROM self_assessments WHERE person_id = :p AND period = :per ORDER BY "
                "criterion_id",
         soci::use(p), soci::use(period));
    return ReadSelf(rs);
}

std::vector<SelfAssessmentRow> SelfAssessmentRepository::ForPeriod(const std::string& period) {
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT person_id, period, criterion_id, self_score, appraised_score, note, "
                       "version FROM self_assessments WHERE period = :per ORDER BY person_id, "
                       "criterion_id",
         soci::use(period));
    return ReadSelf(rs);
}

}  // namespace cchc::storage
