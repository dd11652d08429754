// A titled white card that holds other controls (the dashboard's "Tasks"
// and "What's next" blocks, the areas' lists). Add children to content().
#pragma once
#include <wx/panel.h>

class wxBoxSizer;
class wxStaticText;

namespace cchc::gui {

class SectionCard : public wxPanel {
  public:
    SectionCard(wxWindow* parent, const wxString& title);
    // Put the card's controls (children of this card) in this sizer.
    wxBoxSizer* content() const { return content_; }
    void SetTitle(const wxString& title);

  private:
    void OnPaint(wxPaintEvent& event);

    wxStaticText* title_ = nullptr;
    wxBoxSizer* content_ = nullptr;
};

}  // namespace cchc::gui
