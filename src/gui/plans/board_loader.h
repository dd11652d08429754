// The whole task board read off the main thread (see background_work.h):
// the task board area lists it, the overview counts its missing updates.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "core/date.h"
#include "services/app/database_access.h"
#include "services/plans/task_board.h"

class wxWindow;

namespace cchc::gui {

using BoardLoaded =
    std::function<void(std::shared_ptr<services::TaskBoard> board, const std::string& error)>;

// The task board as of a date: the tasks of the units the account reads.
void LoadTaskBoardAsync(wxWindow* owner, const services::DatabaseUrl& url, Date asOf,
                        const std::string& user, BoardLoaded done);

}  // namespace cchc::gui
