// Work off the main thread, one way for the whole program. The worker opens
// a database connection of its own (a database session is not shared
// between threads), runs the work, then hands its result, or the error's
// text, to `done` on the main thread, unless the owner window has been
// destroyed meanwhile. Long work that tells how far it is and can be
// cancelled reports through a BackgroundProgress shared with the window
// that shows it.
#pragma once
#include <wx/string.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "core/progress.h"
#include "services/app/database_access.h"

class wxWindow;

namespace cchc::gui {

// Runs work(db) on a thread of its own with its own connection to url, then
// done(error) on the main thread if owner is still there; error is empty when
// the work ran to its end.
void RunInBackground(wxWindow* owner, const services::DatabaseUrl& url,
                     std::function<void(services::Database&)> work,
                     std::function<void(const std::string& error)> done);

// The same for work that makes a result: done gets it (null after an error).
template <class T>
void RunOnOwnConnection(
    wxWindow* owner, const services::DatabaseUrl& url,
    std::function<std::shared_ptr<T>(services::Database&)> work,
    std::function<void(std::shared_ptr<T> result, const std::string& error)> done) {
    // Written by the worker before it hands over to the main thread.
    auto result = std::make_shared<std::shared_ptr<T>>();
    RunInBackground(
        owner, url,
        [result, work = std::move(work)](services::Database& db) { *result = work(db); },
        [result, done = std::move(done)](const std::string& error) {
            done(std::move(*result), error);
        });
}

// What background work reports, shared between the worker (it is the work's
// Progress) and the main thread, which is called back after reports to show
// them (one call waiting at most: reports that come meanwhile are shown
// together) and may ask the work to stop. Made with std::make_shared.
class BackgroundProgress : public Progress,
                           public std::enable_shared_from_this<BackgroundProgress> {
  public:
    // Any thread.
    void Report(const std::string& what, double fraction) override;
    bool Cancelled() const override { return cancel_; }
    // Main thread: what to call after reports (nothing: stop calling), and
    // the user's request to stop (the work ends with CancelledError).
    void OnReport(std::function<void()> show);
    void Cancel() { cancel_ = true; }
    // The last report: its text and how far, in thousandths (0..1000).
    std::string What() const;
    int Permille() const { return permille_; }

  private:
    void Post();
    void Deliver();

    mutable std::mutex mutex_;
    std::string what_;
    std::atomic<int> permille_{0};
    std::atomic<bool> cancel_{false};
    std::atomic<bool> posted_{false};  // a call to Deliver is on its way
    std::atomic<unsigned> reports_{0};
    std::function<void()> show_;  // main thread only
};

// What the progress dialog of RunWithProgress says.
struct ProgressTexts {
    wxString title;       // the dialog's title
    wxString first;       // before the work's first report
    wxString cancelling;  // once Cancel was pressed, until the work has stopped
    wxString name;        // the dialog's window name (tests find it by it)
};

// How work run under a progress dialog ended: cancelled by the user (the
// work stopped with CancelledError), or with the error's sentence (empty
// when it ran to its end).
struct WorkOutcome {
    bool cancelled = false;
    std::string error;
};

// Runs work on a connection of its own to url while a modal progress
// dialog shows what it reports (a step of unknown length pulses). Its
// Cancel button (or closing it) asks the work to stop: the dialog then says
// texts.cancelling and stays until the work has stopped, which it does at
// its next poll of Progress::Cancelled. Returns once the work has ended.
WorkOutcome RunWithProgress(wxWindow* parent, const ProgressTexts& texts,
                            const services::DatabaseUrl& url,
                            std::function<void(services::Database&, Progress&)> work);

}  // namespace cchc::gui
