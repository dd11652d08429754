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

// The office's reporting window as read, with the setting's version.
struct ReportingWindowSetting {
    WindowKind kind = WindowKind::Calendar;
    int version = 0;
};

class OrganisationService {
  public:
    OrganisationService(storage::Database& db, std::string user);

    // Every unit the account reads (core/access.h: a commune's account its
    // unit and those under it, the root of its tree), parents before
    // children, siblings in sort order then by Vietnamese collation of the
    // name; on the server, row-level security shows it no more.
    // AccessDenied for a login that reads nothing.
    std::vector<Unit> Units();
    // The people of the unit when the account reads it (none of another).
    std::vector<Person> People(std::int64_t unitId);
    // The people of the units the account reads.
    std::vector<Person> AllPeople();
    std::optional<Unit> UnitById(std::int64_t id);
    std::optional<Unit> UnitByCode(const std::string& code);
    std::optional<Person> PersonById(std::int64_t id);

    // Inserts (id == 0) or updates; returns the stored record. Throws
    // UserError whose where().field names the offending field, and
    // EditConflict (fields keyed as the form's controls) when another desk
    // saved the record after unit.version / person.version was read.
    Unit SaveUnit(const Unit& unit);
    Person SavePerson(const Person& person);
    // Switches a unit or a person on or off, audited; returns it as stored.
    // `read` is the record as the desk read it: when another desk saved it
    // since (read.version), nothing is written and EditConflict lists the
    // fields on which read, switched, and the stored record differ.
    Unit SetUnitActive(const Unit& read, bool active);
    Person SetPersonActive(const Person& read, bool active);

    OfficeIdentity Office();
    // Audited, one entry per changed key. EditConflict when another desk
    // saved the identity after office.version was read and a value differs.
    // Returns the identity's version after the save.
    int SaveOffice(const OfficeIdentity& office);

    // Whether the office counts its data by calendar periods or by the
    // Decree 09/2019 cut-off (15th to 14th); shared by every desk.
    WindowKind ReportingWindow();
    // The same with the version it was read with, for choosing another.
    ReportingWindowSetting LoadReportingWindow();
    // Chooses the window, audited; returns the setting's version after the
    // choice. EditConflict (field window_kind) when another desk chose
    // another window after readVersion was read.
    int SetReportingWindow(WindowKind kind, int readVersion);

  private:
    storage::Database& db_;
    std::string user_;
};

// Orders units as a tree (parents before children, siblings by sort order
// and Vietnamese name); units whose parent is missing come out as roots.
std::vector<Unit> TreeOrder(std::vector<Unit> units);

}  // namespace cchc::services
