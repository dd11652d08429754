// Units' lineage (unit_lineage): which former units a unit was formed from.
// Writes check the row's version and throw ConcurrentEditError when another
// desk changed it first.
#pragma once
#include <optional>
#include <vector>

#include "core/lineage.h"

namespace soci {
class session;
}

namespace cchc::storage {

class LineageRepository {
  public:
    explicit LineageRepository(soci::session& s) : s_(s) {}
    // Every link, by unit and then predecessor.
    std::vector<LineageLink> All();
    std::optional<LineageLink> Find(std::int64_t unitId, std::int64_t predecessorId);
    std::int64_t Insert(const LineageLink& link);
    // Sets the date and share if the row still has link.version.
    void Update(const LineageLink& link);
    // Removes the link if the row still has link.version.
    void Delete(const LineageLink& link);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
