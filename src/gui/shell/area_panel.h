// Base of the main window's right-hand areas: each knows the session, hears
// which unit is selected in the tree, and reloads its figures when told the
// data changed. Reloading is lazy: a hidden area only notes that it is stale
// and reloads when it is shown.
#pragma once
#include <wx/panel.h>
#include <wx/scrolwin.h>

#include <optional>

#include "core/org.h"
#include "gui/shell/gui_session.h"

namespace cchc::gui {

class AreaPanel : public wxPanel {
  public:
    AreaPanel(wxWindow* parent, GuiSession& session);

    // The data changed (or another database was opened).
    void Invalidate();
    // Reloads now if the data changed since the last reload.
    void EnsureFresh();
    // The unit selected in the tree (nothing when the tree is empty).
    virtual void SetUnit(const std::optional<Unit>& unit);

  protected:
    // For panels whose window comes from XRC: call LoadPanel(this, ...).
    explicit AreaPanel(GuiSession& session) : session_(session) {}
    // Reads the data and fills the controls.
    virtual void Reload() = 0;
    // Fills this panel with a vertically scrolling page in the areas'
    // background colour and returns it, for content laid out in code.
    wxScrolledWindow* CreateScrolledPage();

    GuiSession& session_;
    std::optional<Unit> unit_;

  private:
    bool stale_ = true;
};

}  // namespace cchc::gui
