// Shared layout of the summary areas (see summary_panel_base.h).
#include "gui/shell/summary_panel_base.h"

#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "core/date.h"
#include "gui/shell/art.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/section_card.h"
#include "gui/shell/stat_card.h"

namespace cchc::gui {

SummaryPanelBase::SummaryPanelBase(wxWindow* parent, GuiSession& session, Area area,
                                   const wxString& title, const wxString& description,
                                   const std::vector<wxString>& tasks)
    : AreaPanel(parent, session) {
    scroll_ = CreateScrolledPage();

    const int margin = FromDIP(22);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(new wxStaticBitmap(scroll_, wxID_ANY, AreaIcon(area, 40)), 0,
              wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    auto* titleText = new wxStaticText(scroll_, wxID_ANY, "");
    titleText->SetLabelText(title);
    titleText->SetFont(ScaledFont(titleText, 1.8, true));
    titleText->SetForegroundColour(colours::Text());
    head->Add(titleText, 0, wxALIGN_CENTER_VERTICAL);
    sizer->AddSpacer(margin);
    sizer->Add(head, 0, wxLEFT | wxRIGHT, margin);

    auto* about = new wxStaticText(scroll_, wxID_ANY, "");
    about->SetLabelText(description);
    about->SetForegroundColour(colours::Text());
    about->SetFont(ScaledFont(about, 1.05));
    about->Wrap(FromDIP(820));
    sizer->AddSpacer(FromDIP(12));
    sizer->Add(about, 0, wxLEFT | wxRIGHT, margin);

    grid_ = new wxGridSizer(4, FromDIP(14), FromDIP(14));
    sizer->AddSpacer(margin);
    sizer->Add(grid_, 0, wxEXPAND | wxLEFT | wxRIGHT, margin);

    auto* work = new SectionCard(scroll_, _("What you do here"));
    for (const wxString& task : tasks) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        auto* bullet = new wxStaticText(work, wxID_ANY, wxString::FromUTF8("\xe2\x80\xa2"));  // •
        bullet->SetForegroundColour(colours::Accent());
        bullet->SetFont(ScaledFont(bullet, 1.2, true));
        row->Add(bullet, 0, wxRIGHT, FromDIP(8));
        auto* text = new wxStaticText(work, wxID_ANY, "");
        text->SetLabelText(task);
        text->SetForegroundColour(colours::Text());
        text->Wrap(FromDIP(760));
        row->Add(text, 1);
        work->content()->Add(row, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    }
    sizer->AddSpacer(FromDIP(14));
    sizer->Add(work, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, margin);
    scroll_->SetSizer(sizer);
}

void SummaryPanelBase::Reload() {
    const services::OfficeOverview o =
        services::GetOverview(session_.db(), Date::Today().ToIso(), session_.user());
    const std::vector<Figure> figures = Figures(o);
    scroll_->Freeze();
    if (cards_.size() != figures.size()) {
        grid_->Clear(true);
        cards_.clear();
        for (const Figure& f : figures) {
            auto* card = new StatCard(scroll_, f.caption, f.colour);
            if (f.link) card->LinkTo(*f.link);
            grid_->Add(card, 1, wxEXPAND);
            cards_.push_back(card);
        }
    }
    for (std::size_t i = 0; i < figures.size(); ++i) {
        cards_[i]->SetValue(figures[i].value, figures[i].note);
        cards_[i]->SetValueColour(figures[i].colour);
    }
    scroll_->Layout();
    scroll_->FitInside();
    scroll_->Thaw();
}

}  // namespace cchc::gui
