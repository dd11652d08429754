// Horizontal bars of percentages, one row per entry (a label, its bar and
// its value), with an optional legend of colours above: the ranking's
// chart of communes, and a commune's results over the years on the
// overview. Scrolls when the rows do not fit.
#pragma once
#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/scrolwin.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "gui/shell/gui_util.h"

namespace cchc::gui {

class PercentBars : public wxScrolledCanvas {
  public:
    struct Bar {
        wxString name, value;
        double percent = 0;
        wxColour colour;
    };

    explicit PercentBars(wxWindow* parent)
        : wxScrolledCanvas(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxVSCROLL | wxBORDER_THEME) {
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        SetScrollRate(0, RowHeight());
        SetMinSize(FromDIP(wxSize(260, 120)));
        Bind(wxEVT_PAINT, &PercentBars::OnPaint, this);
        Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            e.Skip();
            Refresh();
        });
    }

    // The bands, best first, with their colours, shown above the bars.
    void SetBars(std::vector<Bar> bars, std::vector<std::pair<wxString, wxColour>> legend) {
        bars_ = std::move(bars);
        legend_ = std::move(legend);
        SetVirtualSize(
            -1, 2 * Margin() + LegendHeight() + static_cast<int>(bars_.size()) * RowHeight());
        Scroll(0, 0);
        Refresh();
    }

  private:
    int RowHeight() const { return FromDIP(28); }
    int Margin() const { return FromDIP(12); }
    int LegendHeight() const { return legend_.empty() ? 0 : FromDIP(30); }

    void OnPaint(wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        DoPrepareDC(dc);
        dc.SetBackground(wxBrush(colours::Card()));
        dc.Clear();
        dc.SetFont(GetFont());
        const int margin = Margin(), row = RowHeight(), gap = FromDIP(8);
        const int width = GetClientSize().x;

        int labelWidth = 0;
        for (const Bar& b : bars_) labelWidth = std::max(labelWidth, dc.GetTextExtent(b.name).x);
        labelWidth = std::min(labelWidth, width * 2 / 5);
        const int valueWidth = dc.GetTextExtent("100,00%").x + gap;
        const int x0 = margin + labelWidth + gap;
        const int span = std::max(FromDIP(20), width - x0 - valueWidth - margin);

        // The legend: a swatch and the label of each band.
        int lx = margin;
        for (const auto& [label, colour] : legend_) {
            const int sw = FromDIP(12);
            const wxSize ext = dc.GetTextExtent(label);
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(colour));
            dc.DrawRectangle(lx, margin + (ext.y - sw) / 2, sw, sw);
            dc.SetTextForeground(colours::Text());
            dc.DrawText(label, lx + sw + gap / 2, margin);
            lx += sw + gap / 2 + ext.x + gap * 3 / 2;
        }

        // Quarter lines, then the bars.
        const int top = margin + LegendHeight(),
                  bottom = margin + static_cast<int>(bars_.size()) * row;
        dc.SetPen(wxPen(colours::CardBorder(), 1, wxPENSTYLE_DOT));
        for (int q = 1; q <= 4; ++q) dc.DrawLine(x0 + span * q / 4, top, x0 + span * q / 4, bottom);
        dc.SetPen(wxPen(colours::CardBorder()));
        dc.DrawLine(x0, top, x0, bottom);

        const int barHeight = row * 3 / 5;
        for (std::size_t i = 0; i < bars_.size(); ++i) {
            const Bar& b = bars_[i];
            const int y = top + static_cast<int>(i) * row;
            const wxString name = wxControl::Ellipsize(b.name, dc, wxELLIPSIZE_END, labelWidth);
            const wxSize ext = dc.GetTextExtent(name);
            dc.SetTextForeground(colours::Text());
            dc.DrawText(name, x0 - gap - ext.x, y + (row - ext.y) / 2);
            const int len =
                static_cast<int>(span * std::clamp(b.percent, 0.0, 100.0) / 100.0 + 0.5);
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(b.colour));
            dc.DrawRoundedRectangle(x0, y + (row - barHeight) / 2, std::max(len, 2), barHeight,
                                    FromDIP(2));
            const wxSize vext = dc.GetTextExtent(b.value);
            dc.SetTextForeground(colours::MutedText());
            dc.DrawText(b.value, x0 + len + gap / 2, y + (row - vext.y) / 2);
        }
    }

    std::vector<Bar> bars_;
    std::vector<std::pair<wxString, wxColour>> legend_;
};

}  // namespace cchc::gui
