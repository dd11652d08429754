// The publication calendar of survey results (seed 001: monthly on the
// 28th, quarterly, 6-month and yearly) with, for each coming publication,
// how far its data are prepared: how many communes have monthly tallies for
// the months it covers. The calendar is the office's setting
// survey.publication_calendar, or the seed's when it is not set.
#pragma once
#include <string>
#include <vector>

#include "core/date.h"
#include "core/survey_rules.h"
#include "storage/database.h"

namespace cchc::services {

struct DuePublication {
    Publication publication;
    long communes = 0;          // communes, wards and towns of the office (active)
    long communesWithData = 0;  // of them, with a tally in every month of the period
    bool Prepared() const { return communes > 0 && communesWithData >= communes; }
};

// The next `count` publications on or after `from`, counting the communes
// the account `user` reads (core/access.h: a commune's account its own).
// AccessDenied for a login that reads nothing.
std::vector<DuePublication> NextSurveyPublications(storage::Database& db, const std::string& user,
                                                   Date from, int count = 4);

}  // namespace cchc::services
