// The publication calendar of survey results (see survey_calendar.h).
#include "services/surveys/survey_calendar.h"

#include <map>
#include <set>

#include "core/org.h"
#include "services/app/access_guard.h"
#include "services/surveys/self_assessment.h"
#include "storage/tally_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

std::vector<DuePublication> NextSurveyPublications(storage::Database& db, const std::string& user,
                                                   Date from, int count) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    const std::vector<PublicationRule> rules = LoadSurveySettings(db).publicationCalendar;
    std::set<std::int64_t> communes;
    for (const auto& u : storage::UnitRepository(db.session()).All())
        if (u.active && IsCommuneLevel(u.kind) && guard.InScope(u.id)) communes.insert(u.id);

    std::vector<DuePublication> out;
    storage::TallyRepository tallies(db.session());
    for (const Publication& p : NextPublications(from, rules, count)) {
        DuePublication due{p, 0, 0};
        due.communes = static_cast<long>(communes.size());
        const auto months = p.period.Months();
        // Months with a tally, per unit.
        std::map<std::int64_t, std::set<std::string>> monthsOf;
        for (const auto& t : tallies.InMonths(months.front().ToString(), months.back().ToString()))
            monthsOf[t.unitId].insert(t.period);
        for (const auto& [unit, seen] : monthsOf)
            if (communes.count(unit) && seen.size() >= months.size()) ++due.communesWithData;
        out.push_back(due);
    }
    return out;
}

}  // namespace cchc::services
