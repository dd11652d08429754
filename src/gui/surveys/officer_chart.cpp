// The officers' bar chart (see officer_chart.h).
#include "gui/surveys/officer_chart.h"

#include <wx/control.h>
#include <wx/dcbuffer.h>

#include <algorithm>

#include "core/vnformat.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {

OfficerChart::OfficerChart(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("officerChart");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(320, 200)));
    Bind(wxEVT_PAINT, &OfficerChart::OnPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void OfficerChart::SetBars(std::vector<Bar> bars, const wxString& emptyText) {
    bars_ = std::move(bars);
    empty_ = emptyText;
    Refresh();
}

void OfficerChart::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(colours::Card()));
    dc.Clear();
    dc.SetFont(GetFont());
    const wxSize size = GetClientSize();
    const int pad = FromDIP(10);
    if (bars_.empty()) {
        dc.SetTextForeground(colours::MutedText());
        dc.DrawText(empty_, pad, pad);
        return;
    }
    // One column of bars, or two side by side when one is not tall enough
    // for them all at the smallest row height.
    const int n = static_cast<int>(bars_.size());
    const int minRow = FromDIP(18), maxRow = FromDIP(28);
    const int rowsFit = std::max(1, (size.y - 2 * pad) / minRow);
    const int columns = n > rowsFit ? 2 : 1;
    const int perColumn = (n + columns - 1) / columns;
    const int rowHeight = std::max(minRow, std::min(maxRow, (size.y - 2 * pad) / perColumn));
    const int columnWidth = (size.x - pad) / columns;
    int labelWidth = 0;
    for (const auto& b : bars_) labelWidth = std::max(labelWidth, dc.GetTextExtent(b.label).x);
    labelWidth = std::min(labelWidth, columnWidth * 2 / 5);
    const int valueWidth = dc.GetTextExtent("100,00%").x;
    const int width = std::max(10, columnWidth - labelWidth - valueWidth - 3 * pad);
    for (int i = 0; i < n; ++i) {
        const auto& b = bars_[static_cast<std::size_t>(i)];
        const int x = pad + (i / perColumn) * columnWidth;
        const int y = pad + (i % perColumn) * rowHeight;
        if (y + rowHeight > size.y) continue;  // still too small: what fits
        const int left = x + labelWidth + pad;
        dc.SetTextForeground(colours::Text());
        dc.DrawText(wxControl::Ellipsize(b.label, dc, wxELLIPSIZE_END, labelWidth), x,
                    y + (rowHeight - dc.GetCharHeight()) / 2);
        const int w = static_cast<int>(width * std::clamp(b.percent, 0.0, 100.0) / 100.0);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(b.percent >= 80   ? colours::Good()
                            : b.percent >= 50 ? colours::Warning()
                                              : colours::Danger()));
        dc.DrawRectangle(left, y + rowHeight / 6, std::max(1, w), rowHeight * 2 / 3);
        dc.SetTextForeground(colours::MutedText());
        dc.DrawText(U8(FormatPercent(b.percent)), left + w + pad / 2,
                    y + (rowHeight - dc.GetCharHeight()) / 2);
    }
}

}  // namespace cchc::gui
