// Filters a user saved for a list view (task board, ratings, ...): a name
// and the filter's definition as JSON, per user and view.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace cchc::storage {

struct SavedFilter {
    std::int64_t id = 0;
    std::string name, definition;
};

class SavedFilterRepository {
  public:
    explicit SavedFilterRepository(soci::session& s) : s_(s) {}
    // The user's filters of the view, by name.
    std::vector<SavedFilter> List(const std::string& user, const std::string& view);
    // Stores the filter under its name, replacing one of the same name.
    void Save(const std::string& user, const std::string& view, const std::string& name,
              const std::string& definition);
    void Delete(const std::string& user, const std::string& view, const std::string& name);

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
