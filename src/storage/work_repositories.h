// Repositories of the office's recorded work: index results, remediation
// plans (with items, tasks and coordinators), survey tallies and individual
// ratings. Bulk inserts bind whole vectors to one prepared statement.
#pragma once
#include <vector>

#include "core/records.h"

namespace soci {
class session;
}

namespace cchc::storage {

class ResultRepository {
public:
    explicit ResultRepository(soci::session& s) : s_(s) {}
    void InsertMany(const std::vector<ResultRecord>& results);
    std::vector<ResultRecord> ForUnitAndPeriod(std::int64_t unitId, const std::string& period);
    long Count();

private:
    soci::session& s_;
};

class PlanRepository {
public:
    explicit PlanRepository(soci::session& s) : s_(s) {}
    // Inserts the plan with its items, tasks and coordinators; fills ids.
    std::int64_t Insert(PlanRecord& plan);
    long CountTasks();

private:
    soci::session& s_;
};

class SurveyRepository {
public:
    explicit SurveyRepository(soci::session& s) : s_(s) {}
    void InsertTallies(const std::vector<TallyRecord>& tallies);
    void InsertRatings(const std::vector<RatingRecord>& ratings);
    long CountRatings();

private:
    soci::session& s_;
};

}  // namespace cchc::storage
