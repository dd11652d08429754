// The ratings list's count and windows (see ratings_list.h).
#include "services/surveys/ratings_list.h"

#include <algorithm>

#include "services/app/access_guard.h"
#include "storage/rating_repository.h"
#include "storage/unit_repository.h"

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

// The filter as the account reads the list: a unit asked for must be one of
// its units; without one, a commune's account's units stand for the office.
storage::RatingFilter ReadBy(storage::Database& db, AccessGuard& guard, const RatingListFilter& f) {
    guard.Require(Action::ReadData);
    storage::RatingFilter out = ToStorage(f);
    if (f.unitId) {
        guard.Require(Action::ReadData, *f.unitId);
    } else if (!guard.ReadsAll()) {
        const std::int64_t root = *guard.ScopeUnit();
        const auto units = storage::UnitRepository(db.session()).All();
        // A unit without units under it (a commune) is read by its own index.
        if (std::none_of(units.begin(), units.end(),
                         [&](const Unit& u) { return u.parentId == root && u.id != root; }))
            out.unitId = root;
        else
            out.within = root;
    }
    return out;
}

}  // namespace

long CountRatings(storage::Database& db, const std::string& user, const RatingListFilter& filter) {
    AccessGuard guard(db, user);
    return storage::RatingRepository(db.session()).CountMatching(ReadBy(db, guard, filter));
}

std::vector<RatingListRow> RatingsWindow(storage::Database& db, const std::string& user,
                                         const RatingListFilter& filter, long offset, long limit,
                                         long total) {
    AccessGuard guard(db, user);
    storage::RatingRepository repo(db.session());
    const auto ids = repo.FilterIdsWindow(ReadBy(db, guard, filter), offset, limit, total);
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
