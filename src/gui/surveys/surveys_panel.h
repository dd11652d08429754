// The "Satisfaction surveys" area, for the tree's unit (a commune, or the
// whole office) and a reporting period chosen above a notebook of pages:
// the monthly tallies per field or unit with coverage against the 80% rule
// and the satisfaction rate; every citizen rating (RatingsPage); the
// officers' summary with rank and a bar chart; officers' quarterly
// self-assessment (SelfAssessmentPage); a unit's month of tallies typed
// (TallyPage); the monthly dossier statistics of form II.06a (DossierPage).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/period.h"
#include "gui/shell/area_panel.h"
#include "services/surveys/surveys.h"

class wxChoice;
class wxListCtrl;
class wxListView;
class wxNotebook;
class wxSizer;
class wxStaticText;

namespace cchc::gui {

class OfficerChart;
class RatingsPage;
class DossierPage;
class SelfAssessmentPage;
class TallyPage;
class TableList;

class SurveysPanel : public AreaPanel {
  public:
    enum Page {
        kTalliesPage,
        kRatingsPage,
        kOfficersPage,
        kSelfPage,
        kTypedTalliesPage,
        kDossierPage
    };

    SurveysPanel(wxWindow* parent, GuiSession& session);
    void SetUnit(const std::optional<Unit>& unit) override;

    void ShowPage(Page page);
    // Chooses the period whose canonical text is given ("2026-Q1"); false if
    // it is not offered.
    bool ChoosePeriod(const std::string& period);
    RatingsPage* ratings() const { return ratings_; }
    SelfAssessmentPage* selfAssessment() const { return self_; }
    DossierPage* dossiers() const { return dossiers_; }
    TallyPage* typedTallies() const { return typed_; }
    // Rows of the tallies and officers tables, for tests.
    long TallyRows() const;
    long OfficerRows() const;
    // Whether the officers' table has been read since the last reload.
    bool OfficersLoaded() const { return officersLoaded_; }

  protected:
    void Reload() override;

  private:
    // The title, the subtitle and the period choice.
    wxSizer* BuildHeader(int gap);
    // Tallies per field or unit, with the choice of grouping.
    wxWindow* BuildTallyPage(int gap);
    // Officers: table and chart.
    wxWindow* BuildOfficerPage(int gap);
    void FillPeriods();
    void ReloadTallies();
    void ReloadOfficers();
    void FillOfficers(const std::vector<services::SurveyOfficerRow>& rows);
    std::string CurrentPeriod() const;
    services::SurveyQuery Query() const;
    wxString UnitName(const std::string& code);

    wxStaticText* subtitle_ = nullptr;
    wxChoice* period_ = nullptr;
    wxNotebook* book_ = nullptr;
    wxChoice* tallyBy_ = nullptr;
    TableList* tallies_ = nullptr;
    wxStaticText* tallyNote_ = nullptr;
    RatingsPage* ratings_ = nullptr;
    wxListView* officers_ = nullptr;
    wxStaticText* officerNote_ = nullptr;
    OfficerChart* chart_ = nullptr;
    SelfAssessmentPage* self_ = nullptr;
    DossierPage* dossiers_ = nullptr;
    TallyPage* typed_ = nullptr;
    std::vector<Period> periods_;
    int officerGeneration_ = 0;
    bool officersLoaded_ = false;
    std::map<std::string, std::string> unitNames_;  // code → name, read when needed
};

}  // namespace cchc::gui
