// The demo's survey tallies, inserted in one bulk statement (COPY on
// PostgreSQL; the tallies users import and read are in tally_repository.h).
#pragma once
#include <vector>

#include "core/records.h"

namespace soci {
class session;
}

namespace cchc::storage {

class SurveyRepository {
  public:
    explicit SurveyRepository(soci::session& s) : s_(s) {}
    void InsertTallies(const std::vector<TallyRecord>& tallies);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
