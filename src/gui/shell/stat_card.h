// A dashboard card: a caption, one big figure and a line of explanation on
// a white rounded face with a coloured accent. Clicking it can open the area
// the figure belongs to.
#pragma once
#include <wx/panel.h>

#include <optional>

#include "gui/shell/gui_events.h"

class wxStaticText;

namespace cchc::gui {

class StatCard : public wxPanel {
  public:
    StatCard(wxWindow* parent, const wxString& caption, const wxColour& accent);

    void SetValue(const wxString& value, const wxString& note = wxString());
    // The figure's colour (e.g. red for overdue tasks when there are any).
    void SetValueColour(const wxColour& colour);
    // Clicking the card shows this area.
    void LinkTo(Area area);

  private:
    void OnPaint(wxPaintEvent& event);
    void OnClick(wxMouseEvent& event);
    // Shrinks the figure's font when a text (e.g. a period) is wider than
    // the card.
    void FitValue();

    wxColour accent_;
    wxStaticText* caption_ = nullptr;
    wxStaticText* value_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxFont bigFont_;
    std::optional<Area> link_;
};

}  // namespace cchc::gui
