#include "core/records.h"

#include "core/i18n.h"

namespace cchc {
namespace {
struct StatusKey {
    TaskStatus status;
    const char* key;
    const char* label;
};
const StatusKey kStatus[] = {{TaskStatus::NotStarted, "not_started", N_("Not started")},
                             {TaskStatus::InProgress, "in_progress", N_("In progress")},
                             {TaskStatus::Done, "done", N_("Done")},
                             {TaskStatus::Cancelled, "cancelled", N_("Cancelled")}};
}  // namespace

const char* TaskStatusKey(TaskStatus s) {
    for (const auto& k : kStatus)
        if (k.status == s) return k.key;
    return "not_started";
}

std::string TaskStatusLabel(TaskStatus s) {
    for (const auto& k : kStatus)
        if (k.status == s) return tr(k.label);
    return {};
}

std::optional<TaskStatus> TaskStatusFromKey(const std::string& key) {
    for (const auto& k : kStatus)
        if (key == k.key) return k.status;
    return std::nullopt;
}

}  // namespace cchc
