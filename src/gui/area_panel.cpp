// Base of the main window's areas (see area_panel.h).
#include "gui/area_panel.h"

#include "gui/gui_util.h"

namespace cchc::gui {

AreaPanel::AreaPanel(wxWindow* parent, GuiSession& session)
    : wxPanel(parent, wxID_ANY), session_(session) {}

void AreaPanel::Invalidate() {
    stale_ = true;
    if (IsShownOnScreen()) EnsureFresh();
}

void AreaPanel::EnsureFresh() {
    if (!stale_) return;
    stale_ = false;
    try {
        Reload();
    } catch (const std::exception& e) {
        // A database that went away or a failed query: say so, keep the window.
        ShowError(this, ErrorSentence(e));
    }
}

void AreaPanel::SetUnit(const std::optional<Unit>& unit) { unit_ = unit; }

}  // namespace cchc::gui
