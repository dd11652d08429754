// A horizontal bar chart of officers' share of satisfied ratings, drawn with
// wxDC: one bar per ranked officer (best first), the value at the bar's end
// in Vietnamese format; officers below the minimum sample are not drawn.
#pragma once
#include <wx/panel.h>

#include <optional>
#include <vector>

namespace cchc::gui {

class OfficerChart : public wxPanel {
  public:
    struct Bar {
        wxString label;
        double percent = 0;  // 0..100
    };
    explicit OfficerChart(wxWindow* parent);
    void SetBars(std::vector<Bar> bars, const wxString& emptyText);
    std::size_t BarCount() const { return bars_.size(); }

  private:
    void OnPaint(wxPaintEvent& event);
    std::vector<Bar> bars_;
    wxString empty_;
};

}  // namespace cchc::gui
