// The task board read on a worker thread (see board_loader.h).
#include "gui/board_loader.h"

#include <wx/app.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <thread>

namespace cchc::gui {

void LoadTaskBoardAsync(wxWindow* owner, const storage::DatabaseUrl& url, Date asOf,
                        BoardLoaded done) {
    // The weak reference is made, used and destroyed on the main thread
    // only: the worker just hands the shared holder on.
    struct Holder {
        wxWeakRef<wxWindow> owner;
        BoardLoaded done;
    };
    auto holder = std::make_shared<Holder>();
    holder->owner = owner;
    holder->done = std::move(done);
    std::thread([holder = std::move(holder), url, asOf]() mutable {
        std::shared_ptr<services::TaskBoard> board;
        std::string error;
        try {
            storage::OpenOptions options;
            options.create = false;
            options.migrate = false;
            auto db = storage::Database::Open(url, options);
            board = std::make_shared<services::TaskBoard>(services::TaskBoard::Load(*db, asOf));
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (!wxTheApp) return;
        wxTheApp->CallAfter([holder = std::move(holder), board = std::move(board), error]() {
            if (!holder->owner.get()) return;
            holder->done(board, error);
        });
    }).detach();
}

}  // namespace cchc::gui
