// The ratings list's count and windows (see ratings_list.h).
#include "services/surveys/ratings_list.h"

#include "services/app/access_guard.h"
#include "storage/rating_repository.h"

namespace cchc::services {
namespace {

storage::RatingFilter ToStorage(const RatingListFilter& f) {
    storage::RatingFilter out;
    out.unitId = f.unitId;
    out.officerId = f.officerId;
    out.channel = f.channel;
    out.from = f.from;
    out.to = f.to;
    out.minScore = f.minScore;
    out.maxScore = f.maxScore;
    return out;
}

}  // namespace

long CountRatings(storage::Database& db, const RatingListFilter& filter) {
    return storage::RatingRepository(db.session()).CountMatching(ToStorage(filter));
}

std::vector<RatingListRow> RatingsWindow(storage::Database& db, const std::string& user,
                                         const RatingListFilter& filter, long offset, long limit,
                                         long total) {
    AccessGuard guard(db, user);
    storage::RatingRepository repo(db.session());
    const auto ids = repo.FilterIdsWindow(ToStorage(filter), offset, limit, total);
    std::vector<RatingListRow> rows;
    auto page = repo.Page(ids);
    rows.reserve(page.size());
    for (auto& r : page) {
        // Personal data: only for the accounts that may see it, on their units.
        if (!r.rating.citizen.empty() && !guard.Allows(Action::SeeCitizenNames, r.rating.unitId))
            r.rating.citizen.clear();
        rows.push_back({r.id, std::move(r.rating), std::move(r.unitCode), std::move(r.officerCode),
                        std::move(r.officerName)});
    }
    return rows;
}

}  // namespace cchc::services
