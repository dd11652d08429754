// The ratings list's count and windows (see ratings_list.h).
#include "services/surveys/ratings_list.h"

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

std::vector<RatingListRow> RatingsWindow(storage::Database& db, const RatingListFilter& filter,
                                         long offset, long limit, long total) {
    storage::RatingRepository repo(db.session());
    const auto ids = repo.FilterIdsWindow(ToStorage(filter), offset, limit, total);
    std::vector<RatingListRow> rows;
    auto page = repo.Page(ids);
    rows.reserve(page.size());
    for (auto& r : page)
        rows.push_back({r.id, std::move(r.rating), std::move(r.unitCode), std::move(r.officerCode),
                        std::move(r.officerName)});
    return rows;
}

}  // namespace cchc::services
