// Use cases on the organisation: list, add, edit and deactivate units and
// people, with validation (no empty or duplicate code, parent must exist, no
// cycles) and an audit-log entry for every changed field, all in one
// transaction per change.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/org.h"
#include "core/org_conflicts.h"
#include "core/period.h"
#include "storage/database.h"

namespace cchc::services {

// What the office prints in document headers and datelines (its version:
// see SaveOffice); its conflicts and merge are core's (core/org_conflicts.h).
using cchc::OfficeIdentity;

class OrganisationService {
  public:
    OrganisationService(storage::Database& db, std::string user);

    // Every unit, parents before children, siblings in sort order then by
    // Vietnamese collation of the name.
    std::vector<Unit> Units();
    std::vector<Person> People(std::int64_t unitId);
    std::vector<Person> AllPeople();
    std::optional<Unit> UnitById(std::int64_t id);
    std::optional<Unit> UnitByCode(const std::string& code);

    // Inserts (id == 0) or updates; returns the stored record. Throws
    // UserError whose where().field names the offending field, and
    // EditConflict (fields keyed as the form's controls) when another desk
    // saved the record after unit.version / person.version was read.
    Unit SaveUnit(const Unit& unit);
    Person SavePerson(const Person& person);
    void SetUnitActive(std::int64_t id, bool active);
    void SetPersonActive(std::int64_t id, bool active);

    OfficeIdentity Office();
    // Audited, one entry per changed key. EditConflict when another desk
    // saved the identity after office.version was read and a value differs.
    // Returns the identity's version after the save.
    int SaveOffice(const OfficeIdentity& office);

    // Whether the office counts its data by calendar periods or by the
    // Decree 09/2019 cut-off (15th to 14th); shared by every desk.
    WindowKind ReportingWindow();
    void SetReportingWindow(WindowKind kind);

  private:
    storage::Database& db_;
    std::string user_;
};

// The user's record after a conflict: the fields kept as typed from mine,
// the others from stored, with the stored version (EditConflict's).
Unit MergeUnit(const Unit& mine, const Unit& stored, const KeptFields& kept);
Person MergePerson(const Person& mine, const Person& stored, const KeptFields& kept);

// Orders units as a tree (parents before children, siblings by sort order
// and Vietnamese name); units whose parent is missing come out as roots.
std::vector<Unit> TreeOrder(std::vector<Unit> units);

}  // namespace cchc::services
