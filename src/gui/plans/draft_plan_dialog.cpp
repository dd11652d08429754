// A draft plan from weak criteria (see draft_plan_dialog.h).
#include "gui/plans/draft_plan_dialog.h"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/spinctrl.h>

#include <wx/stattext.h>
#include <algorithm>

#include "core/errors.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "gui/shell/gui_util.h"
#include "services/app/overview.h"
#include "services/plans/plans.h"
#include "services/results/results.h"

namespace cchc::gui {

DraftPlanDialog::DraftPlanDialog(wxWindow* parent, GuiSession& session, const Unit& commune)
    : session_(session), commune_(commune) {
    LoadForm(parent, "DraftPlanDialog");
    Ctrl<wxStaticText>("unit_name")->SetLabelText(U8(commune.name));
    auto* framework = Ctrl<wxChoice>("framework");
    // Frameworks with results, the index ones.
    for (const auto& f : services::ListFrameworks(session_.db())) {
        if (f.kind == FrameworkKind::Self || f.kind == FrameworkKind::Survey) continue;
        if (services::ResultPeriods(session_.db(), f.code).empty()) continue;
        frameworks_.push_back(f.code);
        // Long decision titles shortened: the code says which it is.
        wxString name = U8(f.name);
        if (name.length() > 60) name = name.Left(58) + wxString::FromUTF8("\xe2\x80\xa6");
        framework->Append(U8(f.code) + wxString::FromUTF8(" \xe2\x80\x93 ") + name);
    }
    framework->SetSelection(frameworks_.empty() ? wxNOT_FOUND : 0);
    framework->SetInitialSize(FromDIP(wxSize(420, -1)));
    framework->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        FillPeriods();
        ShowPreview();
    });
    auto* preview = Ctrl<wxListCtrl>("preview");
    preview->AppendColumn(_("Criterion"), wxLIST_FORMAT_LEFT, FromDIP(330));
    preview->AppendColumn(_("Points"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    preview->AppendColumn(_("Target"), wxLIST_FORMAT_LEFT, FromDIP(210));
    // The criterion takes what the list's width leaves.
    preview->Bind(wxEVT_SIZE, [this, preview](wxSizeEvent& e) {
        e.Skip();
        const int rest = preview->GetClientSize().x - FromDIP(70) - FromDIP(210);
        if (rest > FromDIP(160)) preview->SetColumnWidth(0, rest);
    });
    Ctrl<wxChoice>("period")->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ShowPreview(); });
    Ctrl<wxSpinCtrl>("below")->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { ShowPreview(); });
    Ctrl<wxSpinCtrl>("below")->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { ShowPreview(); });
    FillPeriods();
    ShowPreview();
    Ctrl<wxStaticText>("note")->Wrap(FromDIP(620));
    Bind(wxEVT_BUTTON, &DraftPlanDialog::OnSave, this, wxID_OK);
    FinishLayout(framework);
}

void DraftPlanDialog::FillPeriods() {
    auto* period = Ctrl<wxChoice>("period");
    period->Clear();
    periods_.clear();
    const int f = Ctrl<wxChoice>("framework")->GetSelection();
    if (f < 0) return;
    // Yearly results, the latest first.
    for (const auto& p :
         services::ResultPeriods(session_.db(), frameworks_[static_cast<std::size_t>(f)])) {
        auto parsed = Period::Parse(p);
        if (!parsed || parsed->kind() != PeriodKind::Year) continue;
        periods_.push_back(p);
        period->Append(U8(parsed->Label()));
    }
    // The period with appraised (or most) results, not a stray draft year.
    int select = periods_.empty() ? wxNOT_FOUND : 0;
    if (f >= 0) {
        const std::string opening =
            services::OpeningResultPeriod(session_.db(), frameworks_[static_cast<std::size_t>(f)]);
        if (auto it = std::find(periods_.begin(), periods_.end(), opening); it != periods_.end())
            select = static_cast<int>(it - periods_.begin());
    }
    period->SetSelection(select);
}

void DraftPlanDialog::ShowPreview() {
    auto* list = Ctrl<wxListCtrl>("preview");
    auto* title = Ctrl<wxStaticText>("preview_title");
    list->DeleteAllItems();
    items_ = 0;
    const int f = Ctrl<wxChoice>("framework")->GetSelection();
    const int p = Ctrl<wxChoice>("period")->GetSelection();
    if (f < 0 || p < 0) {
        title->SetLabelText("");
        return;
    }
    try {
        const auto draft = services::PreviewDraftPlan(
            session_.db(), commune_.code, frameworks_[static_cast<std::size_t>(f)],
            periods_[static_cast<std::size_t>(p)], Ctrl<wxSpinCtrl>("below")->GetValue(),
            session_.user());
        items_ = static_cast<int>(draft.items.size());
        for (const auto& item : draft.items) {
            const long row = list->InsertItem(list->GetItemCount(),
                                              U8(item.heading) + "  " + U8(item.criterionTitle));
            if (item.baselinePoints)
                list->SetItem(row, 1, U8(FormatNumberTrim(*item.baselinePoints, 2)));
            list->SetItem(row, 2, U8(item.targetText));
        }
        const wxString plan = draft.created
                                  ? wxString::Format(_("a new draft plan of %d"), draft.year)
                                  : wxString::Format(_("its plan of %d"), draft.year);
        title->SetLabelText(
            draft.items.empty()
                ? wxString::Format(_("No criterion below the threshold is missing from %s."), plan)
                : wxString::Format(wxPLURAL("%d criterion would be added to %s:",
                                            "%d criteria would be added to %s:", items_),
                                   items_, plan));
    } catch (const std::exception& e) {
        title->SetLabelText(ErrorSentence(e));
    }
    Layout();
}

void DraftPlanDialog::OnSave(wxCommandEvent&) {
    SaveAndClose([this] {
        const int f = Ctrl<wxChoice>("framework")->GetSelection();
        const int p = Ctrl<wxChoice>("period")->GetSelection();
        if (f < 0)
            throw UserError(Location{"", 0, "framework"},
                            ToU8(_("choose a framework with results")));
        if (p < 0)
            throw UserError(Location{"", 0, "period"}, ToU8(_("choose the period of the results")));
        const auto result = services::DraftPlan(
            session_.db(), commune_.code, frameworks_[static_cast<std::size_t>(f)],
            periods_[static_cast<std::size_t>(p)], Ctrl<wxSpinCtrl>("below")->GetValue(),
            session_.user());
        planId_ = result.planId;
    });
}

}  // namespace cchc::gui
