#include "storage/saved_filter_repository.h"

#include <soci/soci.h>

#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

std::vector<SavedFilter> SavedFilterRepository::List(const std::string& user,
                                                     const std::string& view) {
    std::vector<SavedFilter> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT id, name, definition FROM saved_filters WHERE user_login = "
                       ":u AND view = :v ORDER BY name",
         soci::use(user), soci::use(view));
    for (const auto& r : rs) out.push_back({Int(r, "id"), Text(r, "name"), Text(r, "definition")});
    return out;
}

void SavedFilterRepository::Save(const std::string& user, const std::string& view,
                                 const std::string& name, const std::string& definition) {
    const std::string now = NowIso();
    s_ << "INSERT INTO saved_filters (user_login, view, name, definition, created_at) VALUES (:u, "
          ":v, :n, :d, :at) "
          "ON CONFLICT (user_login, view, name) DO UPDATE SET definition = excluded.definition",
        soci::use(user), soci::use(view), soci::use(name), soci::use(definition), soci::use(now);
}

void SavedFilterRepository::Delete(const std::string& user, const std::string& view,
                                   const std::string& name) {
    s_ << "DELETE FROM saved_filters WHERE user_login = :u AND view = :v AND name = :n",
        soci::use(user), soci::use(view), soci::use(name);
}

}  // namespace cchc::storage
