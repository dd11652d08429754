// Tasks chart of the dashboard (see task_status_bar.h).
#include "gui/shell/task_status_bar.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include "core/vnformat.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {

TaskStatusBar::TaskStatusBar(wxWindow* parent) : wxWindow(parent, wxID_ANY) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &TaskStatusBar::OnPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh();
        e.Skip();
    });
}

void TaskStatusBar::SetCounts(long done, long onTime, long overdue) {
    done_ = done;
    onTime_ = onTime;
    overdue_ = overdue;
    Refresh();
}

wxSize TaskStatusBar::DoGetBestClientSize() const {
    const int line = GetCharHeight();
    return wxSize(FromDIP(280), FromDIP(18) + FromDIP(12) + 3 * (line + FromDIP(6)));
}

void TaskStatusBar::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;

    const wxSize size = GetClientSize();
    const double barH = FromDIP(18);
    const long total = done_ + onTime_ + overdue_;
    struct Part {
        long count;
        wxColour colour;
        wxString label;
    };
    const Part parts[] = {
        {done_, colours::Good(), _("Done")},
        {onTime_, colours::Accent(), _("Open, on schedule")},
        {overdue_, colours::Danger(), _("Overdue")},
    };

    // The bar: a light track, then the parts in proportion.
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(wxColour(0xE6, 0xEA, 0xEF)));
    gc->DrawRoundedRectangle(0, 0, size.x, barH, barH / 2);
    if (total > 0) {
        gc->Clip(0, 0, size.x, barH);
        wxGraphicsPath track = gc->CreatePath();
        track.AddRoundedRectangle(0, 0, size.x, barH, barH / 2);
        double x = 0;
        for (const Part& p : parts) {
            if (p.count <= 0) continue;
            const double w = static_cast<double>(size.x) * p.count / total;
            gc->PushState();
            gc->Clip(wxRegion(static_cast<int>(x), 0, static_cast<int>(w + 1.5),
                              static_cast<int>(barH)));
            gc->SetBrush(wxBrush(p.colour));
            gc->FillPath(track);
            gc->PopState();
            x += w;
        }
        gc->ResetClip();
    }

    // The legend: a swatch, the label, the count and its share.
    gc->SetFont(GetFont(), colours::Text());
    const double line = GetCharHeight() + FromDIP(6);
    double y = barH + FromDIP(12);
    for (const Part& p : parts) {
        gc->SetBrush(wxBrush(p.colour));
        gc->DrawRoundedRectangle(0, y + line / 2 - FromDIP(6), FromDIP(12), FromDIP(12),
                                 FromDIP(3));
        wxString text = p.label + ": " + U8(FormatInteger(p.count));
        if (total > 0) text += " (" + U8(FormatPercentTrim(100.0 * p.count / total, 1)) + ")";
        double tw, th;
        gc->GetTextExtent(text, &tw, &th);
        gc->DrawText(text, FromDIP(20), y + (line - th) / 2);
        y += line;
    }
}

}  // namespace cchc::gui
