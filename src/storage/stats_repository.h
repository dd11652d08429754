// Counts across the whole office for the dashboard.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result_workflow.h"

namespace soci {
class session;
}

namespace cchc::storage {

struct OfficeCounts {
    long communes = 0, departments = 0, people = 0, frameworks = 0, results = 0, plans = 0;
    long tasksOpen = 0, tasksOverdue = 0, tasksDone = 0, tallies = 0, ratings = 0;
    long tasksDue7 = 0, tasksDue30 = 0;  // open, due from the as-of date to 7 (30) days later
    // The yearly result sets per year (of the scope), how many appraised.
    std::vector<PeriodSets> resultYears;
};

// Open remediation tasks of one unit's plans.
struct UnitTaskCounts {
    std::int64_t unitId = 0;
    long open = 0, overdue = 0, due7 = 0, due30 = 0;
};

class StatsRepository {
  public:
    explicit StatsRepository(soci::session& s) : s_(s) {}
    // asOfIso and the dates 7 and 30 days later (ISO). With within, the
    // rows of that unit and of the units under it only (an account's scope;
    // frameworks are everyone's and counted all).
    OfficeCounts Counts(const std::string& asOfIso, const std::string& in7Iso = {},
                        const std::string& in30Iso = {},
                        std::optional<std::int64_t> within = std::nullopt);
    // Per unit whose plans have open tasks: open, overdue (before asOf), due
    // from asOf to in7 and to in30 (recurring tasks are never overdue or due).
    std::vector<UnitTaskCounts> OpenTasksByUnit(const std::string& asOfIso,
                                                const std::string& in7Iso,
                                                const std::string& in30Iso);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
