// Work on the database off the main thread: the worker opens a connection
// of its own (a database session is not shared between threads), runs the
// work, then hands its result, or the error's text, to `done` on the main
// thread, unless the owner window has been destroyed meanwhile. The task
// board is read this way.
#pragma once
#include <wx/app.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/date.h"
#include "services/database_access.h"
#include "services/task_board.h"

namespace cchc::gui {

template <class T>
void RunOnOwnConnection(
    wxWindow* owner, const services::DatabaseUrl& url,
    std::function<std::shared_ptr<T>(services::Database&)> work,
    std::function<void(std::shared_ptr<T> result, const std::string& error)> done) {
    // The weak reference is made, used and destroyed on the main thread
    // only: the worker just hands the shared holder on.
    struct Holder {
        wxWeakRef<wxWindow> owner;
        std::function<void(std::shared_ptr<T>, const std::string&)> done;
    };
    auto holder = std::make_shared<Holder>();
    holder->owner = owner;
    holder->done = std::move(done);
    std::thread([holder = std::move(holder), url, work = std::move(work)]() mutable {
        std::shared_ptr<T> result;
        std::string error;
        try {
            services::OpenOptions options;
            options.create = false;
            options.migrate = false;
            auto db = services::Database::Open(url, options);
            result = work(*db);
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (!wxTheApp) return;
        wxTheApp->CallAfter([holder = std::move(holder), result = std::move(result), error]() {
            if (!holder->owner.get()) return;
            holder->done(result, error);
        });
    }).detach();
}

using BoardLoaded =
    std::function<void(std::shared_ptr<services::TaskBoard> board, const std::string& error)>;

// The whole task board as of a date.
void LoadTaskBoardAsync(wxWindow* owner, const services::DatabaseUrl& url, Date asOf,
                        BoardLoaded done);

}  // namespace cchc::gui
