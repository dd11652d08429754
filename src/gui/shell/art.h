// The client's icons, drawn as vectors at the size asked for (so they stay
// sharp on any screen and look the same on every desktop theme): one per
// unit kind for the tree, one per area for the toolbar, and the program's.
#pragma once
#include <wx/bmpbndl.h>
#include <wx/iconbndl.h>

#include "core/org.h"
#include "gui/shell/gui_events.h"

namespace cchc::gui {

// A badge for the organisation tree; grey when the unit is inactive.
wxBitmapBundle UnitKindIcon(UnitKind kind, bool active, int size = 16);
// The toolbar picture of an area.
wxBitmapBundle AreaIcon(Area area, int size = 32);
// The program's icon, in the usual sizes.
wxIconBundle AppIcons();
wxBitmapBundle AppLogo(int size);

}  // namespace cchc::gui
