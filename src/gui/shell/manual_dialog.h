// The user manual (Trợ giúp > Hướng dẫn sử dụng, F1): a short Vietnamese
// page per area of the client, shipped in the program (manual/vi/*.html),
// the list of pages on the left, the page of the area at hand opened first.
#pragma once
#include <wx/dialog.h>

#include "gui/shell/gui_events.h"

class wxHtmlWindow;
class wxListBox;

namespace cchc::gui {

class ManualDialog : public wxDialog {
  public:
    ManualDialog(wxWindow* parent, Area area);
    void ShowPage(Area area);
    // For tests: the page shown, as HTML.
    wxString PageText() const { return text_; }

  private:
    wxListBox* pages_ = nullptr;
    wxHtmlWindow* html_ = nullptr;
    wxString text_;
};

// The manual's page of an area (HTML), empty when the program has none.
wxString ManualPage(Area area);

}  // namespace cchc::gui
