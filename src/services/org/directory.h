// The office's units and people found by code or by name, as files and
// forms write them: names are compared folded (case, spaces and diacritics
// typed differently still match), a unit also by its name before a comma,
// its code in any case and its name without its kind; a name two people or
// two active units share matches neither (one active unit among former
// ones of its name is the one meant).
// Leads and coordinators that match are linked; the rest is kept as text.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/records.h"
#include "storage/database.h"

namespace cchc::services {

class OfficeDirectory {
  public:
    explicit OfficeDirectory(storage::Database& db);
    std::optional<std::int64_t> Unit(const std::string& codeOrName) const;
    std::optional<std::int64_t> Person(const std::string& codeOrName) const;
    std::optional<std::int64_t> UnitByCode(const std::string& code) const;
    std::string UnitCode(std::int64_t id) const;
    std::string UnitName(std::int64_t id) const;
    std::string PersonCode(std::int64_t id) const;
    std::string PersonName(std::int64_t id) const;
    // Why no unit (person) is found for the text, as an error says it: the
    // units (people) a name shared by several fits, with their codes, or
    // the nearest names ("Xã Bình Hòa (XA-BINHHOA)").
    std::string UnitRefusal(const std::string& text) const;
    std::string PersonRefusal(const std::string& text) const;

    // ";"-separated coordinators, each linked to a unit or person when it
    // names one, else kept as written.
    std::vector<TaskCoordinator> Coordinators(const std::string& text) const;
    // The same list written back: names of linked records, texts as they are.
    std::string CoordinatorsText(const std::vector<TaskCoordinator>& list, bool codes) const;

  private:
    std::map<std::string, std::int64_t> unitByCode_, personByCode_, personByName_;
    std::map<std::int64_t, std::pair<std::string, std::string>> units_, people_;  // id → code, name
    std::map<std::int64_t, bool> unitActive_;
    std::set<std::string> ambiguousPeople_;
    // For the errors: the records each folded name (or short name) fits,
    // and every record's forms, in the order read.
    std::map<std::string, std::vector<std::int64_t>> unitsNamed_, peopleNamed_;
    // The units each folded name without its kind ("binh hoa") fits, looked
    // at after the names.
    std::map<std::string, std::vector<std::int64_t>> unitsShortNamed_;
    std::vector<std::int64_t> unitIds_, personIds_;
    std::vector<std::vector<std::string>> unitForms_, personForms_;
};

}  // namespace cchc::services
