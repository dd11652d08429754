// How long work reports progress and learns that the user cancelled it,
// without knowing who shows it (a progress dialog, the terminal, nothing).
#pragma once
#include <string>

#include "core/errors.h"

namespace cchc {

class Progress {
  public:
    virtual ~Progress() = default;
    // What is being done and how far (0..1, or negative when unknown).
    virtual void Report(const std::string& what, double fraction) = 0;
    // Polled between steps; work stops with CancelledError when true.
    virtual bool Cancelled() const { return false; }
};

class CancelledError : public UserError {
  public:
    CancelledError() : UserError("cancelled") {}
};

// Reports to p if there is one, and throws CancelledError when asked to stop.
inline void Step(Progress* p, const std::string& what, double fraction) {
    if (!p) return;
    if (p->Cancelled()) throw CancelledError();
    p->Report(what, fraction);
}

}  // namespace cchc
