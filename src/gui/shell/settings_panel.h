// The "Settings" area (form SettingsPanel in forms/settings_panel.xrc): the
// interface language (kept in wxConfig, used from the next start), the
// office's reporting window (calendar or the cut-off of Decree 09/2019,
// saved at once against the version shown), the survey settings, how many
// daily copies of an SQLite database are kept (services/app/backup.h), and
// the office's identity in document headers, saved through
// OrganisationService::SaveOffice, with a live preview.
#pragma once
#include <vector>

#include "core/period.h"
#include "gui/shell/area_panel.h"
#include "services/org/organisation.h"
#include "services/surveys/self_assessment.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxScrolledWindow;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace cchc::gui {

class SearchPicker;

class SettingsPanel : public AreaPanel {
  public:
    SettingsPanel(wxWindow* parent, GuiSession& session);

  protected:
    void Reload() override;

  private:
    // The controls of the form, by their names in the resources.
    void FindControls();
    // The publication day and parts of each kind of period.
    void FindPublicationRows();
    // Scrolling, the title's font, the language and the reporting window.
    void PrepareControls();
    void BindEvents();
    void FillOffice(const services::OfficeIdentity& office);
    services::OfficeIdentity ReadOffice() const;
    void UpdatePreview();
    // The reporting window as stored, and the user's choice of another.
    void FillWindowKind();
    void OnWindowKind();
    void UpdateWindowNote();
    void SetModified(bool modified);
    void OnSaveOffice();
    void FillSurveys();
    // The survey settings shown, without the publication calendar (read by
    // OnSaveSurveys), and showing some.
    services::SurveySettings ReadSurveys() const;
    void FillSurveyValues(const services::SurveySettings& s);
    void OnSaveSurveys();
    void EnablePublicationRows();
    void FillBackups();
    void OnSaveBackups();
    // Sets a note's text, wrapped to the page.
    void SetNote(wxStaticText* note, const wxString& text);
    // Wraps the notes to the page's width (again when it changed).
    void WrapNotes();

    // One kind of publication of survey results: whether it is made, its
    // day, and which of its periods (none listed: every one).
    struct PublicationRow {
        PeriodKind kind;
        wxCheckBox* on = nullptr;
        wxSpinCtrl* day = nullptr;
        std::vector<wxCheckBox*> parts;
    };

    wxScrolledWindow* scroll_;
    wxChoice* language_;
    wxChoice* windowKind_;
    wxStaticText* windowNote_;
    SearchPicker* officeUnit_;
    wxTextCtrl* parentBody_;
    wxTextCtrl* issuingBody_;
    wxTextCtrl* place_;
    wxTextCtrl* signerName_;
    wxTextCtrl* signerTitle_;
    wxTextCtrl* signerAuthority_;
    wxStaticText* status_;
    wxButton* save_;
    wxButton* revert_;
    wxSpinCtrl* coverage_;
    wxSpinCtrl* minimumSample_;
    wxTextCtrl* qrTemplate_;
    wxStaticText* surveyStatus_;
    wxSpinCtrl* keepDays_;
    wxStaticText* backupNote_;
    wxStaticText* backupStatus_;
    std::vector<PublicationRow> publications_;
    std::vector<std::pair<wxStaticText*, wxString>> notes_;  // and their unwrapped texts
    int wrappedAt_ = 0;                                      // the page width they fit
    std::vector<std::int64_t> unitIds_;                      // per office unit item; 0 for none
    // The office's identity and the survey settings as read, which the
    // form's values are measured against (three-way, see AskConflict).
    services::OfficeIdentity loaded_;
    services::SurveySettings surveyRead_;
    int windowVersion_ = 0;  // of the reporting window shown
    WindowKind windowRead_ = WindowKind::Calendar;
};

}  // namespace cchc::gui
