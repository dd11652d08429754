// Base of the main window's areas (see area_panel.h).
#include "gui/shell/area_panel.h"

#include "gui/shell/gui_util.h"

#include <wx/sizer.h>

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

wxScrolledWindow* AreaPanel::CreateScrolledPage() {
    SetBackgroundColour(colours::Background());
    auto* outer = new wxBoxSizer(wxVERTICAL);
    auto* scroll =
        new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    scroll->SetScrollRate(0, FromDIP(16));
    scroll->SetBackgroundColour(colours::Background());
    outer->Add(scroll, 1, wxEXPAND);
    SetSizer(outer);
    return scroll;
}

}  // namespace cchc::gui
