// Reads the whole task board off the main thread: the worker opens a
// connection of its own (a database session is not shared between threads),
// then hands the board, or the error's text, to `done` on the main thread,
// unless the owner window has been destroyed meanwhile.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "core/date.h"
#include "services/task_board.h"
#include "storage/database_url.h"

class wxWindow;

namespace cchc::gui {

using BoardLoaded =
    std::function<void(std::shared_ptr<services::TaskBoard> board, const std::string& error)>;

void LoadTaskBoardAsync(wxWindow* owner, const storage::DatabaseUrl& url, Date asOf,
                        BoardLoaded done);

}  // namespace cchc::gui
