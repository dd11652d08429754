// Units of the organisation tree and the people in them, read and written
// through one session. Writes check the row's version (optimistic locking)
// and throw ConcurrentEditError when someone else changed it first.
#pragma once
#include <optional>
#include <vector>

#include "core/errors.h"
#include "core/org.h"

namespace soci {
class session;
}

namespace cchc::storage {

class ConcurrentEditError : public UserError {
  public:
    ConcurrentEditError();
};

class UnitRepository {
  public:
    explicit UnitRepository(soci::session& s) : s_(s) {}
    std::vector<Unit> All();
    std::optional<Unit> ById(std::int64_t id);
    std::optional<Unit> ByCode(const std::string& code);
    std::int64_t Insert(const Unit& unit);
    // Updates every field if the row still has unit.version.
    void Update(const Unit& unit);
    // Sets the active flag if the row still has `version`.
    void SetActive(std::int64_t id, bool active, int version);
    long Count();
    // Whether a unit has the code, whether or not the connection may read
    // it: on PostgreSQL row-level security hides from an account the units
    // outside its scope, and the server's cchc_unit_exists says.
    bool CodeTaken(const std::string& code);

  private:
    soci::session& s_;
};

class PersonRepository {
  public:
    explicit PersonRepository(soci::session& s) : s_(s) {}
    std::vector<Person> All();
    std::vector<Person> ByUnit(std::int64_t unitId);
    std::optional<Person> ById(std::int64_t id);
    std::optional<Person> ByCode(const std::string& code);
    std::int64_t Insert(const Person& person);
    void Update(const Person& person);
    // Sets the active flag if the row still has `version`.
    void SetActive(std::int64_t id, bool active, int version);
    long Count();

  private:
    soci::session& s_;
};

}  // namespace cchc::storage
