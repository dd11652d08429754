// The "Reports" area: pick the report type, its period and (from the tree)
// the commune or the whole office; type the narrative sections of the
// quarterly report; preview the pages (zoom, page through), print them
// with the system dialog, save them as PDF, DOCX or XLSX, and issue the
// report (its number given, its PDF archived); the archive of issued
// reports reprints them byte for byte. The report is built and laid out
// off the main thread, with progress and cancel.
#pragma once
#include <wx/timer.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gui/shell/area_panel.h"
#include "services/reports/report_archive.h"
#include "services/reports/reports.h"

class wxButton;
class wxChoice;
class wxGauge;
class wxListCtrl;
class wxListEvent;
class wxNotebook;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace cchc::report {
class LaidOutDocument;
}

namespace cchc::gui {

class ReportPreview;
class VnDateCtrl;

class ReportsPanel : public AreaPanel {
  public:
    ReportsPanel(wxWindow* parent, GuiSession& session);
    void SetUnit(const std::optional<Unit>& unit) override;

    // Builds the chosen report and shows its pages (off the main thread).
    void Preview();
    // Whether the pages of the last preview are there (not being built).
    bool Ready() const { return pages_ != nullptr && !building_; }
    int PreviewPageCount() const;
    // The pages previewed (what Print and Save as PDF send), for tests.
    std::shared_ptr<const report::LaidOutDocument> Pages() const { return pages_; }
    // Chooses a type ("quarterly") or period ("2026-Q3") as the user would.
    bool ChooseType(const std::string& key);
    bool ChoosePeriod(const std::string& key);
    // Writes the previewed report to path (.pdf: the pages shown; .docx,
    // .xlsx: the same document); false with the error shown otherwise.
    bool SaveTo(const std::string& path);
    // Prints through the system's print dialog.
    void Print();
    // Issues the previewed report after asking (its number, its archived PDF).
    void Issue();

  protected:
    void Reload() override;

  private:
    struct Prepared;

    // The handlers of the request, the actions, the preview and the archive.
    void OnRequestChanged(wxCommandEvent&);
    void OnSignature(wxCommandEvent&);
    void OnPreview(wxCommandEvent&);
    void OnPrint(wxCommandEvent&);
    void OnSaveAs(wxCommandEvent&);
    void OnIssue(wxCommandEvent&);
    void OnCancelBuild(wxCommandEvent&);
    void OnPulse(wxTimerEvent&);
    void OnPreviousPage(wxCommandEvent&);
    void OnNextPage(wxCommandEvent&);
    void OnZoom(wxCommandEvent&);
    void OnPreviewScrolled(wxScrollWinEvent&);
    void OnPreviewWheel(wxMouseEvent&);
    void OnReprint(wxCommandEvent&);
    void OnRevoke(wxCommandEvent&);
    void OnArchiveActivated(wxListEvent&);
    void OnNarrativeLeft(wxFocusEvent&);
    // The report built off the main thread, or why it could not be.
    void OnBuilt(std::shared_ptr<Prepared> result, const std::string& error);
    services::ReportRequest CurrentRequest() const;
    void FillPeriods();
    void ShowNarratives();
    void SaveNarratives();
    // Each commune's text of a section of the quarterly report, to condense.
    void ShowCommuneSections(const std::string& key, const std::string& heading,
                             const std::string& period);
    void FillArchive();
    void SaveAs();
    void ReprintSelected();
    void RevokeSelected();
    void ShowStatus(const wxString& text, bool busy);
    void UpdatePageLabel();
    void Invalidated();
    // Place, signer and recipients of this report, over those of Settings.
    void EditSignature();

    std::vector<services::ReportTypeInfo> types_;
    std::vector<std::string> periods_;
    wxChoice* type_ = nullptr;
    wxChoice* period_ = nullptr;
    wxStaticText* unitLabel_ = nullptr;
    wxSpinCtrl* number_ = nullptr;
    VnDateCtrl* date_ = nullptr;
    wxButton* print_ = nullptr;
    wxButton* save_ = nullptr;
    wxButton* issue_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxButton* cancel_ = nullptr;
    wxNotebook* book_ = nullptr;
    ReportPreview* preview_ = nullptr;
    wxStaticText* pageLabel_ = nullptr;
    wxChoice* zoom_ = nullptr;
    wxScrolledWindow* narrativePage_ = nullptr;
    std::vector<std::pair<std::string, wxTextCtrl*>> narratives_;
    // The unit, period and type the narratives shown belong to.
    std::int64_t narrativeUnit_ = 0;
    std::string narrativePeriod_, narrativeType_;
    // The version each section was read with (a save is checked against it).
    std::map<std::string, int> narrativeVersions_;
    // Each section's text as read (or as last compared with another
    // desk's), which what is typed is measured against (three-way, see
    // AskConflict).
    std::map<std::string, std::string> narrativeRead_;
    wxListCtrl* archive_ = nullptr;
    std::vector<services::IssuedReportRecord> issued_;

    std::shared_ptr<Prepared> prepared_;  // the report previewed
    std::shared_ptr<const report::LaidOutDocument> pages_;
    // This report's place, signer and recipients (empty: from Settings).
    std::string place_, signerAuthority_, signerTitle_, signerName_;
    std::vector<std::string> recipients_;
    bool building_ = false;
    wxTimer pulse_;  // pulses the gauge while a report is built
    int job_ = 0;    // the build whose result is awaited (a cancelled one is dropped)
};

}  // namespace cchc::gui
