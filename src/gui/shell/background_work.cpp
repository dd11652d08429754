// Work off the main thread (see background_work.h).
#include "gui/shell/background_work.h"

#include <wx/app.h>
#include <wx/log.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <algorithm>
#include <thread>

#include "services/app/failure_message.h"

namespace cchc::gui {

void RunInBackground(wxWindow* owner, const services::DatabaseUrl& url,
                     std::function<void(services::Database&)> work,
                     std::function<void(const std::string& error)> done) {
    // The weak reference is made, used and destroyed on the main thread
    // only: the worker just hands the shared holder on.
    struct Holder {
        wxWeakRef<wxWindow> owner;
        std::function<void(const std::string&)> done;
    };
    auto holder = std::make_shared<Holder>();
    holder->owner = owner;
    holder->done = std::move(done);
    std::thread([holder = std::move(holder), url, work = std::move(work)]() mutable {
        std::string error, technical;
        try {
            auto db = services::OpenConnection(url);
            work(*db);
        } catch (const std::exception& e) {
            error = services::FailureMessage(e);
            technical = services::LogText(e);
        }
        work = nullptr;  // what the work holds goes with this thread
        if (!wxTheApp) return;
        wxTheApp->CallAfter([holder = std::move(holder), error, technical]() {
            if (!technical.empty()) wxLogDebug("%s", wxString::FromUTF8(technical));
            if (!holder->owner.get()) return;
            holder->done(error);
        });
    }).detach();
}

void BackgroundProgress::Report(const std::string& what, double fraction) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        what_ = what;
    }
    if (fraction >= 0) permille_ = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000);
    ++reports_;
    if (!posted_.exchange(true)) Post();
}

void BackgroundProgress::OnReport(std::function<void()> show) { show_ = std::move(show); }

std::string BackgroundProgress::What() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return what_;
}

void BackgroundProgress::Post() {
    if (!wxTheApp) return;
    wxTheApp->CallAfter([self = shared_from_this()] { self->Deliver(); });
}

void BackgroundProgress::Deliver() {
    const unsigned seen = reports_;
    if (show_) show_();
    posted_ = false;
    // A report that came while this one was shown, and did not post: its turn.
    if (reports_ != seen && !posted_.exchange(true)) Post();
}

}  // namespace cchc::gui
