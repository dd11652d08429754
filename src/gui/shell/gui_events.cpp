// Definitions of the client's own events.
#include "gui/shell/gui_events.h"

#include <wx/window.h>

namespace cchc::gui {

wxDEFINE_EVENT(EVT_DATA_CHANGED, wxCommandEvent);
wxDEFINE_EVENT(EVT_SHOW_AREA, wxCommandEvent);

void NotifyDataChanged(wxWindow* source, long long unitToSelect) {
    wxCommandEvent e(EVT_DATA_CHANGED, source->GetId());
    e.SetEventObject(source);
    e.SetExtraLong(static_cast<long>(unitToSelect));
    source->GetEventHandler()->ProcessEvent(e);
}

void SendCommand(wxWindow* source, int id) {
    wxCommandEvent e(wxEVT_MENU, id);
    e.SetEventObject(source);
    source->GetEventHandler()->ProcessEvent(e);
}

void RequestArea(wxWindow* source, Area area, long long unitToSelect) {
    wxCommandEvent e(EVT_SHOW_AREA, source->GetId());
    e.SetEventObject(source);
    e.SetInt(static_cast<int>(area));
    e.SetExtraLong(static_cast<long>(unitToSelect));
    source->GetEventHandler()->ProcessEvent(e);
}

}  // namespace cchc::gui
