// Units' lineage: see lineage_repository.h.
#include "storage/lineage_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"
#include "storage/unit_repository.h"

namespace cchc::storage {
using namespace detail;

namespace {

LineageLink LinkOf(const soci::row& r) {
    LineageLink l;
    l.id = Int(r, "id");
    l.unitId = Int(r, "unit_id");
    l.predecessorId = Int(r, "predecessor_id");
    l.formedOn = Date::ParseIso(Text(r, "formed_on")).value_or(Date{});
    l.share = Real(r, "share", 1);
    l.version = static_cast<int>(Int(r, "version", 1));
    return l;
}

}  // namespace

std::vector<LineageLink> LineageRepository::All() {
    std::vector<LineageLink> out;
    soci::rowset<soci::row> rows =
        (s_.prepare << "SELECT id, unit_id, predecessor_id, formed_on, share, version FROM "
                       "unit_lineage ORDER BY unit_id, predecessor_id");
    for (const auto& r : rows) out.push_back(LinkOf(r));
    return out;
}

std::optional<LineageLink> LineageRepository::Find(std::int64_t unitId,
                                                   std::int64_t predecessorId) {
    long long u = unitId, p = predecessorId;
    soci::rowset<soci::row> rows =
        (s_.prepare << "SELECT id, unit_id, predecessor_id, formed_on, share, version FROM "
                       "unit_lineage WHERE unit_id = :u AND predecessor_id = :p",
         soci::use(u), soci::use(p));
    for (const auto& r : rows) return LinkOf(r);
    return std::nullopt;
}

std::int64_t LineageRepository::Insert(const LineageLink& link) {
    long long u = link.unitId, p = link.predecessorId, id = 0;
    std::string on = link.formedOn.ToIso();
    double share = link.share;
    s_ << "INSERT INTO unit_lineage (unit_id, predecessor_id, formed_on, share) VALUES (:u, :p, "
          ":on, :share) RETURNING id",
        soci::use(u), soci::use(p), soci::use(on), soci::use(share), soci::into(id);
    return id;
}

void LineageRepository::Update(const LineageLink& link) {
    long long id = link.id;
    int version = link.version;
    std::string on = link.formedOn.ToIso();
    double share = link.share;
    soci::statement st =
        (s_.prepare << "UPDATE unit_lineage SET formed_on = :on, share = :share, version = "
                       "version + 1 WHERE id = :id AND version = :version",
         soci::use(on), soci::use(share), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
}

void LineageRepository::Delete(const LineageLink& link) {
    long long id = link.id;
    int version = link.version;
    soci::statement st = (s_.prepare << "DELETE FROM unit_lineage WHERE id = :id AND version = :v",
                          soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
}

}  // namespace cchc::storage
