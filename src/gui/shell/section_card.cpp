// Titled white card (see section_card.h).
#include "gui/shell/section_card.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/shell/gui_util.h"

namespace cchc::gui {

SectionCard::SectionCard(wxWindow* parent, const wxString& title) : wxPanel(parent, wxID_ANY) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(colours::Card());
    SetForegroundColour(colours::Text());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(this, wxID_ANY, "");
    title_->SetLabelText(title);
    title_->SetFont(ScaledFont(title_, 1.15, true));
    const int pad = FromDIP(16);
    sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, pad);
    content_ = new wxBoxSizer(wxVERTICAL);
    sizer->Add(content_, 1, wxEXPAND | wxALL, pad);
    SetSizer(sizer);
    Bind(wxEVT_PAINT, &SectionCard::OnPaint, this);
}

void SectionCard::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxSize size = GetClientSize();
    gc->SetPen(wxPen(colours::CardBorder(), 1));
    gc->SetBrush(wxBrush(colours::Card()));
    gc->DrawRoundedRectangle(0.5, 0.5, size.x - 1.0, size.y - 1.0, FromDIP(8));
}

void SectionCard::SetTitle(const wxString& title) { title_->SetLabelText(title); }

}  // namespace cchc::gui
