// The citizen ratings as the ratings list shows them: how many pass a
// filter, and the rows of one window of the list, newest first. Built for a
// virtual list over millions of ratings: the count and each window are one
// indexed query each, never the whole list.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"
#include "storage/database.h"

namespace cchc::services {

struct RatingListFilter {
    std::optional<std::int64_t> unitId, officerId;
    std::optional<std::string> channel;
    std::optional<std::string> from, to;  // ISO days, both included
    // Every aspect scored at least minScore; some aspect at most maxScore
    // (a rating that scores nothing passes neither).
    std::optional<int> minScore, maxScore;
};

// One row of the list, with the names it shows.
struct RatingListRow {
    std::int64_t id = 0;
    RatingRecord rating;
    std::string unitCode, officerCode, officerName;
};

// How many ratings pass the filter: of the units the account `user` reads
// (core/access.h): a commune's account's units stand for the whole office,
// another unit asked for is refused (AccessDenied), as is a login that
// reads nothing. RatingsWindow reads the same ratings.
long CountRatings(storage::Database& db, const std::string& user, const RatingListFilter& filter);
// The rows offset .. offset + limit - 1 of the list (newest first: time,
// then id). Given the list's total (CountRatings), a window in the second
// half is read from the oldest end. The citizen's name is left empty in the
// rows of units where the account `user` may not see citizens' names
// (core/access.h: SeeCitizenNames).
std::vector<RatingListRow> RatingsWindow(storage::Database& db, const std::string& user,
                                         const RatingListFilter& filter, long offset, long limit,
                                         long total = -1);

}  // namespace cchc::services
