// Audit-log entries for edits of tasks, one per changed field with its old
// and new value, written the same way by the plan editor and progress
// updates (plans.cpp) and by imports of tasks files (plan_io.cpp). Internal
// to the services.
#pragma once
#include <string>

#include "core/records.h"

namespace cchc::storage {
class AuditRepository;
}

namespace cchc::services {

class OfficeDirectory;

// Leads and coordinators are written as stored (ids, or the text typed),
// coordinators as the directory lists them.
void RecordTaskChanges(storage::AuditRepository& audit, const std::string& user,
                       const OfficeDirectory& dir, const TaskRecord& old, const TaskRecord& now);

}  // namespace cchc::services
