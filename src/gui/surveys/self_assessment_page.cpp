// The self-assessment page (see self_assessment_page.h).
#include "gui/surveys/self_assessment_page.h"

#include <wx/arrstr.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <cmath>

#include "core/collation.h"
#include "core/survey_conflicts.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_events.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {

namespace {
// Scores offered for a criterion: not scored, then 0 to max by half points.
int StepsOf(double max) { return static_cast<int>(std::floor(max * 2 + 1e-9)); }
void FillScores(wxChoice* c, double max) {
    c->Append(wxString::FromUTF8("—"));
    for (int i = 0; i <= StepsOf(max); ++i) c->Append(U8(FormatNumberTrim(i / 2.0, 1)));
}
std::optional<double> ScoreOf(const wxChoice* c) {
    const int s = c->GetSelection();
    if (s <= 0) return std::nullopt;
    return (s - 1) / 2.0;
}
void ShowScore(wxChoice* c, const std::optional<double>& v) {
    c->SetSelection(v ? 1 + static_cast<int>(std::lround(*v * 2)) : 0);
}
}  // namespace

SelfAssessmentPage::SelfAssessmentPage(wxWindow* parent, GuiSession& session)
    : wxPanel(parent), session_(session) {
    SetName("selfAssessmentPage");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Offi&cer:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             gap / 2);
    officer_ = new wxChoice(this, wxID_ANY);
    officer_->SetName("selfOfficer");
    officer_->SetMinSize(wxSize(FromDIP(340), -1));
    bar->Add(officer_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    bar->Add(new wxStaticText(this, wxID_ANY, _("&Quarter:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             gap / 2);
    quarter_ = new wxChoice(this, wxID_ANY);
    quarter_->SetName("selfQuarter");
    bar->Add(quarter_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    save_ = new wxButton(this, wxID_ANY, _("&Save self-assessment"));
    save_->SetName("selfSave");
    // On a narrow page (1024×768) the button goes under the choices.
    auto* top = new wxWrapSizer(wxHORIZONTAL);
    top->Add(bar, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, gap / 2);
    top->Add(save_, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, gap / 2);
    sizer->Add(top, 0, wxEXPAND | wxALL, gap);
    hint_ = new wxStaticText(this, wxID_ANY, "");
    hint_->SetForegroundColour(colours::MutedText());
    sizer->Add(hint_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    // The officer's citizen ratings of the quarter, on one line above the criteria.
    auto* side = new wxStaticBoxSizer(wxHORIZONTAL, this, _("Citizens' ratings this quarter"));
    ratings_ = new wxStaticText(side->GetStaticBox(), wxID_ANY, "");
    ratings_->SetName("selfRatings");
    side->Add(ratings_, 1, wxALL, gap / 2);
    sizer->Add(side, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    form_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    form_->SetScrollRate(0, FromDIP(10));
    grid_ = new wxFlexGridSizer(5, FromDIP(4), gap);
    grid_->AddGrowableCol(4, 1);
    form_->SetSizer(grid_);
    sizer->Add(form_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* totals = new wxWrapSizer(wxHORIZONTAL);
    selfTotal_ = new wxStaticText(this, wxID_ANY, "");
    selfTotal_->SetName("selfTotal");
    selfTotal_->SetFont(ScaledFont(selfTotal_, 1.1, true));
    appraisedTotal_ = new wxStaticText(this, wxID_ANY, "");
    appraisedTotal_->SetName("appraisedTotal");
    appraisedTotal_->SetFont(ScaledFont(appraisedTotal_, 1.1, true));
    totals->Add(selfTotal_, 0, wxRIGHT, 4 * gap);
    totals->Add(appraisedTotal_, 0);
    sizer->Add(totals, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    officer_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Load(); });
    quarter_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Load(); });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    SetUnit(std::nullopt);
}

void SelfAssessmentPage::SetQuarters(const std::vector<Period>& quarters) {
    const wxString chosen = quarter_->GetStringSelection();
    quarters_.clear();
    quarter_->Clear();
    for (const Period& p : quarters)
        if (p.kind() == PeriodKind::Quarter) {
            quarters_.push_back(p);
            quarter_->Append(U8(p.Label()));
        }
    const int at = quarter_->FindString(chosen);
    quarter_->SetSelection(at != wxNOT_FOUND ? at : (quarters_.empty() ? wxNOT_FOUND : 0));
}

void SelfAssessmentPage::SetUnit(const std::optional<Unit>& unit) {
    const bool same = unit_.has_value() == unit.has_value() && (!unit || unit_->id == unit->id) &&
                      officer_->GetCount() > 0;
    unit_ = unit;
    if (same) {  // the same commune read again: keep the officer chosen
        Load();
        return;
    }
    officer_->Clear();
    officerIds_.clear();
    if (unit && (IsCommuneLevel(unit->kind) || unit->kind == UnitKind::Department)) {
        try {
            auto people = session_.Organisation().People(unit->id);
            // Officers of the one-stop desk first: they are the ones who self-assess.
            std::stable_sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
                if (a.oneStopDesk != b.oneStopDesk) return a.oneStopDesk;
                return VietnameseNameLess(a.fullName, b.fullName);
            });
            for (const auto& p : people) {
                if (!p.active) continue;
                officer_->Append(U8(p.fullName) +
                                 (p.position.empty()
                                      ? wxString()
                                      : wxString::FromUTF8(" \xe2\x80\x93 ") + U8(p.position)));
                officerIds_.push_back(p.id);
            }
        } catch (const std::exception& e) {
            ShowError(this, ErrorSentence(e));
        }
    }
    if (!officerIds_.empty()) officer_->SetSelection(0);
    Load();
}

void SelfAssessmentPage::Load() {
    sheet_.reset();
    read_.reset();
    const int o = officer_->GetSelection(), q = quarter_->GetSelection();
    if (officerIds_.empty())
        hint_->SetLabel(
            _("Choose a commune in the tree: its officers self-assess here, each quarter."));
    else
        hint_->SetLabel(
            _("Score each criterion from 0 to 2 points; the appraised column is filled by the "
              "commune's leadership."));
    if (o >= 0 && q >= 0 && static_cast<std::size_t>(o) < officerIds_.size()) {
        try {
            sheet_ = services::LoadSelfAssessment(session_.db(), officerIds_[o],
                                                  quarters_[q].ToString(), session_.user());
            read_ = sheet_;
        } catch (const std::exception& e) {
            hint_->SetLabel(ErrorSentence(e));
        }
    }
    BuildLines();
    ShowTotals();
    ShowRatings();
    // The scores and notes take input only from an account that may edit
    // the commune's self-assessments; for another they are read, and say why.
    const auto unitId = unit_ ? std::optional<std::int64_t>(unit_->id) : std::nullopt;
    session_.Access().Offer(save_, sheet_.has_value(), Action::EditSurveys, unitId);
    session_.Access().OfferAll(form_, Action::EditSurveys, unitId, {});
    Layout();
}

void SelfAssessmentPage::BuildLines() {
    form_->Freeze();
    grid_->Clear(true);
    self_.clear();
    appraised_.clear();
    notes_.clear();
    if (sheet_) {
        auto head = [&](const wxString& text) {
            auto* t = new wxStaticText(form_, wxID_ANY, "");
            t->SetFont(ScaledFont(t, 1.0, true));  // before the text, so that it is measured bold
            t->SetLabelText(text);
            // GTK may wrap a label at its spaces when the grid measures it: ask for one line.
            t->SetMinSize(t->GetTextExtent(text) + wxSize(FromDIP(4), 0));
            grid_->Add(t, 0, wxALIGN_CENTER_VERTICAL);
        };
        head(_("No."));
        head(_("Criterion"));
        head(_("Self"));
        head(_("Appraised"));
        head(_("Note"));
        for (std::size_t i = 0; i < sheet_->lines.size(); ++i) {
            const auto& l = sheet_->lines[i];
            grid_->Add(new wxStaticText(form_, wxID_ANY, U8(l.code)), 0, wxALIGN_CENTER_VERTICAL);
            auto* title = new wxStaticText(form_, wxID_ANY, "");
            title->SetLabelText(U8(l.title) + " (" +
                                wxString::Format(_("max %s"), U8(FormatNumberTrim(l.max, 2))) +
                                ")");
            title->Wrap(FromDIP(260));  // the scores and the note stay on a 1024-pixel screen
            grid_->Add(title, 0, wxALIGN_CENTER_VERTICAL);
            auto* self = new wxChoice(form_, wxID_ANY);
            self->SetName(wxString::Format("selfScore%d", static_cast<int>(i)));
            FillScores(self, l.max);
            ShowScore(self, l.self);
            auto* appraised = new wxChoice(form_, wxID_ANY);
            appraised->SetName(wxString::Format("appraisedScore%d", static_cast<int>(i)));
            FillScores(appraised, l.max);
            ShowScore(appraised, l.appraised);
            auto* note = new wxTextCtrl(form_, wxID_ANY, U8(l.note));
            note->SetMinSize(wxSize(FromDIP(120), -1));
            grid_->Add(self, 0, wxALIGN_CENTER_VERTICAL);
            grid_->Add(appraised, 0, wxALIGN_CENTER_VERTICAL);
            grid_->Add(note, 1, wxEXPAND | wxALIGN_CENTER_VERTICAL);
            for (wxChoice* c : {self, appraised})
                c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
                    ReadControls();
                    ShowTotals();
                });
            self_.push_back(self);
            appraised_.push_back(appraised);
            notes_.push_back(note);
        }
    }
    form_->FitInside();
    form_->Layout();
    form_->Thaw();
}

void SelfAssessmentPage::ReadControls() {
    if (!sheet_) return;
    for (std::size_t i = 0; i < sheet_->lines.size() && i < self_.size(); ++i) {
        sheet_->lines[i].self = ScoreOf(self_[i]);
        sheet_->lines[i].appraised = ScoreOf(appraised_[i]);
        sheet_->lines[i].note = TrimmedU8(notes_[i]->GetValue());
    }
}

void SelfAssessmentPage::ShowTotals() {
    if (!sheet_) {
        selfTotal_->SetLabel("");
        appraisedTotal_->SetLabel("");
        return;
    }
    try {
        sheet_->total = services::TotalOf(session_.db(), *sheet_);
    } catch (const std::exception& e) {
        selfTotal_->SetLabel(ErrorSentence(e));
        return;
    }
    const SelfAssessmentTotal& t = sheet_->total;
    auto text = [&](const wxString& caption, double points, int scored, const std::string& cls) {
        wxString s = wxString::Format("%s: %s / %s", caption, U8(FormatNumberTrim(points, 1)),
                                      U8(FormatNumberTrim(t.max, 1)));
        if (!cls.empty()) s += wxString::FromUTF8(" \xe2\x80\x93 ") + U8(cls);
        if (scored < t.criteria)
            s += " " + wxString::Format(_("(%d of %d criteria scored)"), scored, t.criteria);
        return s;
    };
    selfTotal_->SetLabelText(text(_("Self-assessed"), t.self, t.selfScored, t.selfClass));
    appraisedTotal_->SetLabelText(
        text(_("Appraised"), t.appraised, t.appraisedScored, t.appraisedClass));
    Layout();
}

void SelfAssessmentPage::ShowRatings() {
    if (!sheet_) {
        ratings_->SetLabel("");
        return;
    }
    try {
        const RatingTally t =
            services::OfficerRatings(session_.db(), sheet_->personId, sheet_->period);
        if (t.ratings == 0) {
            ratings_->SetLabel(_("No citizen rated this officer in the quarter."));
            return;
        }
        auto avg = [&](RatingAspect a) {
            auto v = t.Average(a);
            return v ? U8(FormatDecimal(*v, 2)) : wxString("–");
        };
        const wxString dot = wxString::FromUTF8("  \xc2\xb7  ");  // middle dot
        wxString text = wxString::Format(wxPLURAL("%s rating", "%s ratings", t.ratings),
                                         U8(FormatInteger(t.ratings)));
        if (auto share = t.SatisfiedShare())
            text += dot + wxString::Format(_("Satisfied: %s"), U8(FormatPercent(*share * 100)));
        text += dot + wxString::Format(_("Attitude: %s"), avg(RatingAspect::Attitude));
        text += dot + wxString::Format(_("Handling: %s"), avg(RatingAspect::Handling));
        text += dot + wxString::Format(_("Guidance: %s"), avg(RatingAspect::Guidance));
        ratings_->SetLabel(text);
    } catch (const std::exception& e) {
        ratings_->SetLabel(ErrorSentence(e));
    }
    Layout();
}

wxString SelfAssessmentPage::TotalText() const { return selfTotal_->GetLabel(); }

bool SelfAssessmentPage::Save() {
    if (!sheet_) return false;
    ReadControls();
    std::optional<EditConflict> conflict;
    try {
        sheet_->version = services::SaveSelfAssessment(session_.db(), *sheet_, session_.user());
    } catch (const EditConflict& e) {
        conflict = e;
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return false;
    }
    if (conflict) {
        // Saved on another desk since shown: a value only one desk changed
        // is merged, the user chooses where both did (out of the handler:
        // the conflict dialog runs its own event loop).
        const EditedFields edited =
            read_ ? EditedOf(SelfAssessmentConflicts(*sheet_, *read_)) : EditedFields{};
        const std::optional<KeptFields> kept =
            read_ ? AskConflict(this, *conflict, edited) : AskConflict(this, *conflict);
        if (!kept) {
            hint_->SetLabel(ErrorSentence(*conflict));
            return false;
        }
        try {
            SelfAssessmentSheet stored =
                services::LoadSelfAssessment(session_.db(), sheet_->personId, sheet_->period,
                                             session_.user(), sheet_->frameworkCode);
            stored.version = conflict->storedVersion();
            sheet_ = MergeSelfAssessment(*sheet_, stored, *kept);
            // The lines are now measured against the copy compared.
            read_ = stored;
        } catch (const std::exception& e) {
            ShowError(this, ErrorSentence(e));
            return false;
        }
        BuildLines();
        ShowTotals();
        return Save();
    }
    read_ = sheet_;
    hint_->SetLabel(_("Saved."));
    return true;
}

}  // namespace cchc::gui
