// A small chart for the dashboard: one horizontal bar split into tasks done,
// tasks open and on time, and tasks overdue, with a legend giving each
// count and share.
#pragma once
#include <wx/window.h>

namespace cchc::gui {

class TaskStatusBar : public wxWindow {
  public:
    explicit TaskStatusBar(wxWindow* parent);
    void SetCounts(long done, long onTime, long overdue);

  protected:
    wxSize DoGetBestClientSize() const override;

  private:
    void OnPaint(wxPaintEvent& event);

    long done_ = 0, onTime_ = 0, overdue_ = 0;
};

}  // namespace cchc::gui
