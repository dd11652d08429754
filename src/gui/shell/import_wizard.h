// Tệp › Nhập dữ liệu...: every kind of file the office imports, in three
// steps. 1. The kind, the file (CSV or XLSX) and its sheet, with the first
// rows shown. 2. Each column of the file mapped to one of ours, guessed from
// its header (our keys, the Vietnamese headers users write and names inside
// longer headers) or from what this user mapped for the same header before;
// the required columns still unmapped are named. 3. The check: the import
// run in a transaction that is rolled back, listing each wrong line with its
// column and message (or what would be stored), and then the import itself,
// all or nothing, under a progress dialog with Cancel. The mapping is
// remembered per kind once a file is imported.
#pragma once
#include <wx/dialog.h>

#include <string>
#include <vector>

#include "services/app/imports.h"

class wxButton;
class wxChoice;
class wxGrid;
class wxGridEvent;
class wxListCtrl;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;

namespace cchc::gui {

class GuiSession;

class ImportWizard : public wxDialog {
  public:
    // kind: the id of services::ImportKinds() to start with ("" the last
    // one used).
    ImportWizard(wxWindow* parent, GuiSession& session, const std::string& kind = {});

    // The steps, as the buttons and controls drive them (tests call them).
    bool ChooseKind(const std::string& id);
    // Reads the header and first rows; false (the reason shown) when the
    // file cannot be read.
    bool OpenFile(const wxString& path);
    bool ChooseSheet(const wxString& name);
    // Maps the file's column (0-based) to our key ("" to ignore it).
    void MapColumn(std::size_t column, const std::string& key);
    const std::vector<std::string>& Mapping() const { return mapping_; }
    // Our required columns no file column is mapped to.
    std::vector<std::string> MissingColumns() const;
    int Step() const;
    // Next and Back; going to the check runs it.
    bool GoNext();
    void GoBack();
    // Runs the check (under a progress dialog); true when nothing is wrong.
    bool Check();
    // Reads the file again (corrected meanwhile) and checks it.
    bool CheckAgain();
    const services::ImportCheck& LastCheck() const { return check_; }
    // Runs the import; true when the file was stored (the dialog then
    // closes with wxID_OK).
    bool Import();
    // What the import stored, for the window that opened the wizard.
    const wxString& Outcome() const { return outcome_; }

  private:
    const services::ImportKind& Kind() const;
    void BuildPages();
    void FillPreview();
    void FillMapping();
    void ShowMappingValues();
    void ShowMissing();
    void UpdateButtons();
    void OnMappingChanged(wxGridEvent& event);
    void Remember() const;
    std::string Remembered(const std::string& header) const;
    tableio::ReadOptions Options() const;
    wxString KeyLabel(const tableio::ColumnSpec& spec) const;

    GuiSession& session_;
    std::size_t kind_ = 0;
    wxString path_;
    std::vector<std::string> sheets_;
    std::string sheet_;
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;  // the first rows, for the preview
    std::vector<std::string> mapping_;            // per file column: our key or ""
    services::ImportCheck check_;
    bool checked_ = false;  // check_ is of the current file and mapping
    wxString outcome_;

    wxStaticText* stepTitle_ = nullptr;
    wxSimplebook* book_ = nullptr;
    wxChoice* kindChoice_ = nullptr;
    wxTextCtrl* fileText_ = nullptr;
    wxChoice* sheetChoice_ = nullptr;
    wxStaticText* fileError_ = nullptr;
    wxGrid* preview_ = nullptr;
    wxGrid* mappingGrid_ = nullptr;
    wxStaticText* missing_ = nullptr;
    wxStaticText* checkSummary_ = nullptr;
    wxListCtrl* problems_ = nullptr;
    wxButton* back_ = nullptr;
    wxButton* next_ = nullptr;
    wxButton* import_ = nullptr;
    wxButton* recheck_ = nullptr;
};

}  // namespace cchc::gui
