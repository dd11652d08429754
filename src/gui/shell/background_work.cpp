// Work off the main thread (see background_work.h).
#include "gui/shell/background_work.h"

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/log.h>
#include <wx/progdlg.h>
#include <wx/timer.h>
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

WorkOutcome RunWithProgress(wxWindow* parent, const ProgressTexts& texts,
                            const services::DatabaseUrl& url,
                            std::function<void(services::Database&, Progress&)> work) {
    auto progress = std::make_shared<BackgroundProgress>();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    WorkOutcome outcome;
    bool finished = false;
    wxGUIEventLoop loop;  // runs while the work does, under the progress dialog
    {
        wxProgressDialog dialog(texts.title, texts.first, 1000, parent,
                                wxPD_APP_MODAL | wxPD_SMOOTH | wxPD_CAN_ABORT);
        dialog.SetName(texts.name);
        // The stock Cancel button speaks English in GTK: our word instead.
        if (wxWindow* cancel = dialog.FindWindow(wxID_CANCEL)) cancel->SetLabel(_("Cancel"));
        bool showing = false;
        auto show = [&] {
            if (showing || finished) return;
            showing = true;
            const std::string what = progress->What();
            wxString message = what.empty() ? texts.first : wxString::FromUTF8(what);
            if (progress->Cancelled()) message = texts.cancelling;
            // A step whose length is unknown (the server's pg_dump) pulses.
            const bool going = progress->Permille() == 0
                                   ? dialog.Pulse(message)
                                   : dialog.Update(std::min(999, progress->Permille()), message);
            if (!going) progress->Cancel();
            showing = false;
        };
        // Cancel, or closing the dialog, asks the work to stop.
        auto cancel = [&, progress] {
            progress->Cancel();
            show();
        };
        dialog.Bind(
            wxEVT_BUTTON,
            [cancel](wxCommandEvent& e) {
                e.Skip();
                cancel();
            },
            wxID_CANCEL);
        dialog.Bind(wxEVT_CLOSE_WINDOW, [cancel](wxCloseEvent& e) {
            e.Skip();
            cancel();
        });
        progress->OnReport(show);
        // Between reports (a long step without any), the dialog still moves
        // and its Cancel button still answers.
        wxTimer pulse;
        pulse.Bind(wxEVT_TIMER, [&](wxTimerEvent&) { show(); });
        pulse.Start(150);
        // The dialog owns the work: it stays until the work has ended.
        RunInBackground(
            &dialog, url,
            [progress, cancelled, work = std::move(work)](services::Database& db) {
                try {
                    work(db, *progress);
                } catch (const CancelledError&) {
                    *cancelled = true;
                }
            },
            [&](const std::string& message) {
                outcome.error = message;
                finished = true;
                if (loop.IsRunning()) loop.Exit();
            });
        show();
        if (!finished) loop.Run();
        pulse.Stop();
        progress->OnReport(nullptr);
    }
    outcome.cancelled = *cancelled && outcome.error.empty();
    return outcome;
}

}  // namespace cchc::gui
