// Dashboard card (see stat_card.h).
#include "gui/shell/stat_card.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/shell/gui_util.h"

namespace cchc::gui {

StatCard::StatCard(wxWindow* parent, const wxString& caption, const wxColour& accent)
    : wxPanel(parent, wxID_ANY), accent_(accent) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(colours::Card());
    SetForegroundColour(colours::Text());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    caption_ = new wxStaticText(this, wxID_ANY, "");
    caption_->SetLabelText(caption);
    caption_->SetForegroundColour(colours::MutedText());
    caption_->SetFont(ScaledFont(caption_, 0.95, true));
    value_ = new wxStaticText(this, wxID_ANY, "0");
    bigFont_ = ScaledFont(value_, 2.3, true);
    value_->SetFont(bigFont_);
    value_->SetForegroundColour(accent_);
    // A note longer than the card ends in "..." and shows whole as a tooltip.
    note_ =
        new wxStaticText(this, wxID_ANY, " ", wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    note_->SetForegroundColour(colours::MutedText());
    note_->SetFont(ScaledFont(note_, 0.9));

    const int pad = FromDIP(14);
    sizer->Add(caption_, 0, wxLEFT | wxRIGHT | wxTOP, pad);
    // The figure keeps the height of the big font when FitValue shrinks it.
    auto* valueRow = new wxBoxSizer(wxHORIZONTAL);
    valueRow->SetMinSize(wxSize(-1, value_->GetBestSize().y));
    valueRow->Add(value_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(valueRow, 0, wxLEFT | wxRIGHT | wxTOP, pad);
    sizer->Add(note_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, pad);
    sizer->SetMinSize(FromDIP(wxSize(190, 0)));
    SetSizer(sizer);

    Bind(wxEVT_PAINT, &StatCard::OnPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        FitValue();
    });
    for (wxWindow* w : {static_cast<wxWindow*>(this), static_cast<wxWindow*>(caption_),
                        static_cast<wxWindow*>(value_), static_cast<wxWindow*>(note_)})
        w->Bind(wxEVT_LEFT_UP, &StatCard::OnClick, this);
}

void StatCard::SetValue(const wxString& value, const wxString& note) {
    value_->SetLabelText(value);
    note_->SetLabelText(note.empty() ? wxString(" ") : note);
    note_->SetToolTip(note);
    Layout();
}

void StatCard::FitValue() {
    const int room = GetClientSize().x - 2 * FromDIP(14);
    if (room <= 0) return;
    wxFont font = bigFont_;
    for (int step = 0; step < 8; ++step) {
        int width = 0;
        GetTextExtent(value_->GetLabelText(), &width, nullptr, nullptr, nullptr, &font);
        if (width <= room) break;
        font.SetFractionalPointSize(font.GetFractionalPointSize() * 0.88);
    }
    if (font != value_->GetFont()) {
        value_->SetFont(font);
        Layout();
    }
}

void StatCard::SetValueColour(const wxColour& colour) {
    value_->SetForegroundColour(colour);
    value_->Refresh();
}

void StatCard::LinkTo(Area area) {
    link_ = area;
    SetCursor(wxCursor(wxCURSOR_HAND));
    for (wxWindow* w : GetChildren()) w->SetCursor(wxCursor(wxCURSOR_HAND));
}

void StatCard::OnClick(wxMouseEvent& event) {
    event.Skip();
    if (link_) RequestArea(this, *link_);
}

void StatCard::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxSize size = GetClientSize();
    const double r = FromDIP(8);
    gc->SetPen(wxPen(colours::CardBorder(), 1));
    gc->SetBrush(wxBrush(colours::Card()));
    gc->DrawRoundedRectangle(0.5, 0.5, size.x - 1.0, size.y - 1.0, r);
    // The accent: a bar along the top edge, clipped to the rounded face.
    gc->Clip(wxRegion(0, 0, size.x, FromDIP(4)));
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(accent_));
    gc->DrawRoundedRectangle(0.5, 0.5, size.x - 1.0, FromDIP(12), r);
    gc->ResetClip();
}

}  // namespace cchc::gui
