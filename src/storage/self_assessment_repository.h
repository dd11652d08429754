// Officers' self-assessments (Mẫu 02) as stored.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/survey_rules.h"

namespace soci {
class session;
}

namespace cchc::storage {

// Self-assessment (Mẫu 02) of one officer on a self framework's criteria.
struct SelfAssessmentRow {
    std::int64_t personId = 0;
    std::string period;
    SelfScore score;
    std::string note;
    int version = 1;  // as read
};

class SelfAssessmentRepository {
  public:
    explicit SelfAssessmentRepository(soci::session& s) : s_(s) {}
    // Inserts or replaces the officer's scores (and notes) in the period, one
    // row per criterion; a criterion not listed keeps what is stored.
    void Save(const std::vector<SelfAssessmentRow>& rows, const std::string& user);
    // The officer's rows in the period, by criterion id.
    std::vector<SelfAssessmentRow> ForPerson(std::int64_t personId, const std::string& period);
    // Everyone's rows in the period, by person then criterion.
    std::vector<SelfAssessmentRow> ForPeriod(const std::string& period);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
