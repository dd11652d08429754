// Events the client's windows send up to the main frame: data changed (the
// tree and the areas reload; the event's int is the unit to select, or 0),
// and "show this area" from a link on a panel (the int is the Area).
#pragma once
#include <wx/defs.h>
#include <wx/event.h>

namespace cchc::gui {

wxDECLARE_EVENT(EVT_DATA_CHANGED, wxCommandEvent);
wxDECLARE_EVENT(EVT_SHOW_AREA, wxCommandEvent);

// The right-hand areas of the main window, in toolbar and Ctrl+1..7 order.
enum class Area { Dashboard, IndexResults, Plans, Surveys, Reports, Catalogue, Settings, Count };

// Commands of the main frame's menu. Panels send them too (SendCommand) so
// that an action behaves the same from a button and from the menu.
enum CommandId {
    ID_OPEN_DB = wxID_HIGHEST + 100,
    ID_OPEN_DB_URL,
    ID_ADD_UNIT,
    ID_ADD_CHILD_UNIT,
    ID_EDIT_UNIT,
    ID_TOGGLE_UNIT_ACTIVE,
    ID_ADD_PERSON,
    ID_FIND_UNIT,
    ID_IMPORT,  // the import wizard, any kind
    ID_IMPORT_TALLIES,
    ID_IMPORT_DOSSIERS,
    ID_IMPORT_RATINGS,
    ID_BACKUP,
    ID_RESTORE,
    ID_EXCHANGE_MAKE,  // Tệp › Gói trao đổi
    ID_EXCHANGE_IMPORT,
    ID_EXCHANGE_CONFLICTS,
    ID_EXCHANGE_OPEN,
    ID_EXCHANGE_SEND,
    ID_CHANGE_PASSWORD,
    ID_LOG_IN_AGAIN,  // the database now has accounts: log in (Accounts page)
    ID_MANUAL,        // the user manual at the area shown (F1)
    ID_NEXT_PAGE,     // the next tab of the area shown (Ctrl+PgDn)
    ID_PREVIOUS_PAGE,
    ID_AREA_FIRST,  // ID_AREA_FIRST + Area
    ID_AREA_LAST = ID_AREA_FIRST + static_cast<int>(Area::Count) - 1,
};

// Sends the menu command id from source; it travels up to the main frame.
void SendCommand(wxWindow* source, int id);
// Posts EVT_DATA_CHANGED from source (propagates to the frame).
void NotifyDataChanged(wxWindow* source, long long unitToSelect = 0);
// Posts EVT_SHOW_AREA from source; with a unit, that unit is selected in
// the tree too (the event's extra long).
void RequestArea(wxWindow* source, Area area, long long unitToSelect = 0);

}  // namespace cchc::gui
