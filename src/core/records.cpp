#include "core/records.h"

namespace cchc {
namespace {
struct StatusKey {
    TaskStatus status;
    const char* key;
};
const StatusKey kStatus[] = {{TaskStatus::NotStarted, "not_started"},
                             {TaskStatus::InProgress, "in_progress"},
                             {TaskStatus::Done, "done"},
                             {TaskStatus::Cancelled, "cancelled"}};
}  // namespace

const char* TaskStatusKey(TaskStatus s) {
    for (const auto& k : kStatus)
        if (k.status == s) return k.key;
    return "not_started";
}

std::optional<TaskStatus> TaskStatusFromKey(const std::string& key) {
    for (const auto& k : kStatus)
        if (key == k.key) return k.status;
    return std::nullopt;
}

}  // namespace cchc
