// The self-assessment page of the Surveys area (Mẫu 02): an officer of the
// tree's commune scores their quarter on the criteria of Circular 01/2018
// (self and appraised points, a note per criterion), with the totals and
// classes of the core rules, beside the officer's citizen ratings for the
// same quarter. Saved through services::SaveSelfAssessment.
#pragma once
#include <wx/panel.h>
#include <wx/scrolwin.h>

#include <optional>
#include <vector>

#include "core/org.h"
#include "core/period.h"
#include "gui/shell/gui_session.h"
#include "services/surveys/self_assessment.h"

class wxChoice;
class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace cchc::gui {

class SelfAssessmentPage : public wxPanel {
  public:
    SelfAssessmentPage(wxWindow* parent, GuiSession& session);
    void SetUnit(const std::optional<Unit>& unit);
    // The quarters offered, the most likely first.
    void SetQuarters(const std::vector<Period>& quarters);

    // For tests: the officer and quarter choices, the score choices of a
    // criterion (values "", 0, 0,5, ... 2), saving, and the totals shown.
    wxChoice* OfficerChoice() const { return officer_; }
    wxChoice* SelfChoice(std::size_t line) const { return self_.at(line); }
    wxChoice* AppraisedChoice(std::size_t line) const { return appraised_.at(line); }
    bool Save();
    // The sheet shown (officer, quarter and the scores as typed), if any.
    const std::optional<services::SelfAssessmentSheet>& sheet() const { return sheet_; }
    wxString TotalText() const;
    void Load();

  private:
    void BuildLines();
    void ReadControls();
    void ShowTotals();
    void ShowRatings();

    GuiSession& session_;
    std::optional<Unit> unit_;
    std::vector<std::int64_t> officerIds_;
    std::vector<Period> quarters_;
    std::optional<services::SelfAssessmentSheet> sheet_;
    // The sheet as read, which the values typed are measured against
    // (three-way, see AskConflict).
    std::optional<services::SelfAssessmentSheet> read_;

    wxChoice* officer_ = nullptr;
    wxChoice* quarter_ = nullptr;
    wxStaticText* hint_ = nullptr;
    wxScrolledWindow* form_ = nullptr;  // scrolls down on a short screen
    wxFlexGridSizer* grid_ = nullptr;
    std::vector<wxChoice*> self_, appraised_;
    std::vector<wxTextCtrl*> notes_;
    wxStaticText* selfTotal_ = nullptr;
    wxStaticText* appraisedTotal_ = nullptr;
    wxStaticText* ratings_ = nullptr;
    wxButton* save_ = nullptr;
};

}  // namespace cchc::gui
