// Points at stake and self-vs-appraised gaps (see result_analysis_page.h).
#include "gui/index/result_analysis_page.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/vnformat.h"
#include "gui/shell/gui_util.h"
#include "services/results/results.h"

namespace cchc::gui {

ResultAnalysisPage::ResultAnalysisPage(wxWindow* parent, GuiSession& session)
    : wxPanel(parent, wxID_ANY), session_(session) {
    SetBackgroundColour(colours::Background());
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    auto column = [&](const wxString& title, const wxString& hint, const char* name,
                      int proportion) {
        auto* box = new wxBoxSizer(wxVERTICAL);
        auto* heading = new wxStaticText(this, wxID_ANY, title);
        heading->SetFont(ScaledFont(heading, 1.1, true));
        heading->SetForegroundColour(colours::Text());
        box->Add(heading, 0, wxBOTTOM, gap / 2);
        auto* sub = new wxStaticText(this, wxID_ANY, hint);
        sub->SetForegroundColour(colours::MutedText());
        box->Add(sub, 0, wxBOTTOM, gap);
        auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxLC_REPORT | wxLC_SINGLE_SEL);
        list->SetName(name);
        box->Add(list, 1, wxEXPAND);
        sizer->Add(box, proportion, wxEXPAND | wxRIGHT, 2 * gap);
        return list;
    };
    losses_ = column(_("Where the communes lose most points"),
                     _("Appraised points lost on each criterion, added over all communes."),
                     "lossesList", 3);
    losses_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(60));
    losses_->AppendColumn(_("Criterion"), wxLIST_FORMAT_LEFT, FromDIP(250));
    losses_->AppendColumn(_("Max"), wxLIST_FORMAT_RIGHT, FromDIP(48));
    // TRANSLATORS: column: how many communes lost points on the criterion.
    losses_->AppendColumn(_("Communes"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    losses_->AppendColumn(_("Lost in all"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    losses_->AppendColumn(_("Average"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    gaps_ = column(_("Self-assessed against appraised"),
                   _("Communes whose self-assessment is furthest above the appraisal first."),
                   "gapsList", 2);
    gaps_->AppendColumn(_("Unit"), wxLIST_FORMAT_LEFT, FromDIP(130));
    gaps_->AppendColumn(_("Self-assessed"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    gaps_->AppendColumn(_("Appraised"), wxLIST_FORMAT_RIGHT, FromDIP(75));
    // TRANSLATORS: column: self-assessed minus appraised points.
    gaps_->AppendColumn(_("Difference"), wxLIST_FORMAT_RIGHT, FromDIP(75));
    SetSizer(sizer);
}

void ResultAnalysisPage::SetContext(const std::string& framework, const std::string& period) {
    losses_->DeleteAllItems();
    gaps_->DeleteAllItems();
    if (framework.empty() || period.empty()) return;
    try {
        const auto losses =
            services::GapsForOffice(session_.db(), framework, period, session_.user());
        losses_->Freeze();
        for (std::size_t i = 0; i < losses.size(); ++i) {
            const auto& l = losses[i];
            const long item = losses_->InsertItem(static_cast<long>(i), U8(l.code));
            losses_->SetItem(item, 1, U8(l.title));
            losses_->SetItem(item, 2, U8(FormatNumberTrim(l.max, 2)));
            losses_->SetItem(item, 3, U8(FormatInteger(l.units)));
            losses_->SetItem(item, 4, U8(FormatNumberTrim(l.lost, 2)));
            losses_->SetItem(item, 5, U8(FormatNumberTrim(l.averageLost, 2)));
        }
        losses_->Thaw();
        const auto gaps =
            services::SelfAppraisedGaps(session_.db(), framework, period, session_.user());
        gaps_->Freeze();
        for (std::size_t i = 0; i < gaps.size(); ++i) {
            const auto& g = gaps[i];
            const long item = gaps_->InsertItem(static_cast<long>(i), U8(g.name));
            gaps_->SetItem(item, 1, U8(FormatNumberTrim(g.selfPoints, 2)));
            gaps_->SetItem(item, 2, U8(FormatNumberTrim(g.appraisedPoints, 2)));
            const std::string diff = FormatNumberTrim(g.gap, 2);
            gaps_->SetItem(item, 3, U8(g.gap > 0.005 ? "+" + diff : diff));
            if (g.max > 0 && g.gap / g.max > 0.05)
                gaps_->SetItemTextColour(item, colours::Danger());
        }
        gaps_->Thaw();
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
}

}  // namespace cchc::gui
