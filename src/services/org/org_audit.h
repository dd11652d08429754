// Audit-log entries for edits of units and people, one per changed field,
// written the same way by the dialogs (organisation.cpp) and by imports
// (org_io.cpp). Internal to the services.
#pragma once
#include <string>

#include "core/org.h"

namespace cchc::storage {
class AuditRepository;
}

namespace cchc::services {

void RecordUnitChanges(storage::AuditRepository& audit, const std::string& user, const Unit& old,
                       const Unit& now);
void RecordPersonChanges(storage::AuditRepository& audit, const std::string& user,
                         const Person& old, const Person& now);

}  // namespace cchc::services
