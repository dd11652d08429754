// The import wizard (see import_wizard.h).
#include "gui/shell/import_wizard.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <memory>

#include "core/errors.h"
#include "core/vnformat.h"
#include "gui/shell/background_work.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/gui_util.h"
#include "services/io/table_io.h"

namespace cchc::gui {
namespace {

using namespace colours;

constexpr int kPreviewRows = 8;
constexpr const char* kLastKind = "Import/LastKind";

enum Page { kFilePage = 0, kColumnsPage, kCheckPage };

// The wxConfig key of a header as this kind remembers it: folded, with no
// path separator.
wxString MemoryKey(const std::string& kind, const std::string& header) {
    wxString folded = U8(tableio::NormalizeColumnName(header));
    folded.Replace("/", "_");
    folded.Replace("=", "_");
    return "Import/" + U8(kind) + "/" + folded;
}

bool IsAscii(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

}  // namespace

ImportWizard::ImportWizard(wxWindow* parent, GuiSession& session, const std::string& kind)
    : wxDialog(parent, wxID_ANY, _("Import data from a file"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session) {
    SetName("importWizard");
    std::string start = kind;
    if (start.empty()) start = ToU8(wxConfig::Get()->Read(kLastKind, "tallies"));
    const auto& kinds = services::ImportKinds();
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (start == kinds[i].id) kind_ = i;
    BuildPages();
    UpdateButtons();
    SetSize(FromDIP(wxSize(900, 620)));
    SetMinSize(FromDIP(wxSize(640, 480)));
    CentreOnParent();
}

const services::ImportKind& ImportWizard::Kind() const { return services::ImportKinds()[kind_]; }

void ImportWizard::BuildPages() {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    stepTitle_ = new wxStaticText(this, wxID_ANY, "");
    stepTitle_->SetFont(ScaledFont(this, 1.15, true));
    sizer->Add(stepTitle_, 0, wxALL, gap);
    book_ = new wxSimplebook(this);
    book_->SetName("importSteps");

    // 1. Kind, file, sheet, preview.
    auto* filePage = new wxPanel(book_);
    auto* fs = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(3, gap / 2, gap);
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(filePage, wxID_ANY, _("&Kind of data:")), 0,
              wxALIGN_CENTER_VERTICAL);
    kindChoice_ = new wxChoice(filePage, wxID_ANY);
    kindChoice_->SetName("importKind");
    for (const auto& k : services::ImportKinds()) kindChoice_->Append(wxGetTranslation(k.label));
    kindChoice_->SetSelection(static_cast<int>(kind_));
    form->Add(kindChoice_, 1, wxEXPAND);
    form->AddSpacer(0);
    form->Add(new wxStaticText(filePage, wxID_ANY, _("&File:")), 0, wxALIGN_CENTER_VERTICAL);
    fileText_ =
        new wxTextCtrl(filePage, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_READONLY);
    fileText_->SetName("importFile");
    form->Add(fileText_, 1, wxEXPAND);
    auto* browse = new wxButton(filePage, wxID_ANY, _("C&hoose a file..."));
    browse->SetName("importBrowse");
    form->Add(browse, 0);
    form->Add(new wxStaticText(filePage, wxID_ANY, _("&Sheet:")), 0, wxALIGN_CENTER_VERTICAL);
    sheetChoice_ = new wxChoice(filePage, wxID_ANY);
    sheetChoice_->SetName("importSheet");
    sheetChoice_->Disable();
    form->Add(sheetChoice_, 1, wxEXPAND);
    form->AddSpacer(0);
    fs->Add(form, 0, wxEXPAND | wxALL, gap);
    fileError_ = new wxStaticText(filePage, wxID_ANY, "");
    fileError_->SetName("importFileError");
    fileError_->SetForegroundColour(Danger());
    fs->Add(fileError_, 0, wxLEFT | wxRIGHT, gap);
    fs->Add(new wxStaticText(filePage, wxID_ANY, _("The first rows of the file:")), 0,
            wxLEFT | wxRIGHT | wxTOP, gap);
    preview_ = new wxGrid(filePage, wxID_ANY);
    preview_->SetName("importPreview");
    preview_->CreateGrid(0, 0);
    preview_->EnableEditing(false);
    preview_->SetRowLabelSize(FromDIP(48));
    fs->Add(preview_, 1, wxEXPAND | wxALL, gap);
    filePage->SetSizer(fs);
    book_->AddPage(filePage, "");

    // 2. Columns.
    auto* colPage = new wxPanel(book_);
    auto* cs = new wxBoxSizer(wxVERTICAL);
    auto* colIntro = new wxStaticText(
        colPage, wxID_ANY,
        _("Each column of the file and the column of CCHC Desk it goes into, guessed from its "
          "header. Change a guess in the last column; columns marked \"(ignore)\" are not read. "
          "Columns marked * are required."));
    colIntro->Wrap(FromDIP(820));
    cs->Add(colIntro, 0, wxALL, gap);
    mappingGrid_ = new wxGrid(colPage, wxID_ANY);
    mappingGrid_->SetName("importMapping");
    mappingGrid_->CreateGrid(0, 3);
    mappingGrid_->SetColLabelValue(0, _("Column of the file"));
    mappingGrid_->SetColLabelValue(1, _("Sample values"));
    mappingGrid_->SetColLabelValue(2, _("Goes into"));
    mappingGrid_->SetColSize(0, FromDIP(220));
    mappingGrid_->SetColSize(1, FromDIP(260));
    mappingGrid_->SetColSize(2, FromDIP(300));
    mappingGrid_->SetRowLabelSize(FromDIP(40));
    mappingGrid_->Bind(wxEVT_GRID_CELL_CHANGED, &ImportWizard::OnMappingChanged, this);
    cs->Add(mappingGrid_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    missing_ = new wxStaticText(colPage, wxID_ANY, "");
    missing_->SetName("importMissing");
    cs->Add(missing_, 0, wxALL, gap);
    colPage->SetSizer(cs);
    book_->AddPage(colPage, "");

    // 3. Check and import.
    auto* checkPage = new wxPanel(book_);
    auto* ks = new wxBoxSizer(wxVERTICAL);
    checkSummary_ = new wxStaticText(checkPage, wxID_ANY, "");
    checkSummary_->SetName("importCheckSummary");
    ks->Add(checkSummary_, 0, wxALL, gap);
    problems_ = new wxListCtrl(checkPage, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    problems_->SetName("importProblems");
    problems_->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    problems_->AppendColumn(_("Column"), wxLIST_FORMAT_LEFT, FromDIP(150));
    problems_->AppendColumn(_("What is wrong"), wxLIST_FORMAT_LEFT, FromDIP(600));
    ks->Add(problems_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    checkPage->SetSizer(ks);
    book_->AddPage(checkPage, "");
    sizer->Add(book_, 1, wxEXPAND);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    back_ = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    next_ = new wxButton(this, wxID_FORWARD, _("&Next >"));
    recheck_ = new wxButton(this, wxID_REFRESH, _("Check a&gain"));
    recheck_->SetToolTip(_("Read the file again (after correcting it) and check it"));
    import_ = new wxButton(this, wxID_OK, _("&Import"));
    auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
    buttons->AddStretchSpacer();
    buttons->Add(back_, 0, wxRIGHT, gap);
    buttons->Add(next_, 0, wxRIGHT, gap);
    buttons->Add(recheck_, 0, wxRIGHT, gap);
    buttons->Add(import_, 0, wxRIGHT, gap);
    buttons->Add(close, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);

    kindChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        ChooseKind(services::ImportKinds()[kindChoice_->GetSelection()].id);
    });
    browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog pick(this, _("Choose the file to import"), UserFilesFolder(), "",
                          _("Tables (*.csv;*.xlsx)|*.csv;*.CSV;*.xlsx;*.XLSX|All files|*"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (pick.ShowModal() == wxID_OK) OpenFile(pick.GetPath());
    });
    sheetChoice_->Bind(
        wxEVT_CHOICE, [this](wxCommandEvent&) { ChooseSheet(sheetChoice_->GetStringSelection()); });
    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { GoBack(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { GoNext(); });
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Import(); });
    recheck_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CheckAgain(); });
}

bool ImportWizard::ChooseKind(const std::string& id) {
    const auto& kinds = services::ImportKinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (id != kinds[i].id) continue;
        kind_ = i;
        kindChoice_->SetSelection(static_cast<int>(i));
        // The columns of the file mean other things to this kind.
        // What this user mapped for these headers before, then guesses for
        // the other columns among the keys still free.
        mapping_.assign(header_.size(), std::string());
        std::vector<std::string> unsure = header_;
        for (std::size_t c = 0; c < header_.size(); ++c) {
            mapping_[c] = Remembered(header_[c]);
            if (!mapping_[c].empty()) unsure[c].clear();
        }
        const auto guessed = tableio::GuessColumns(unsure, Kind().columns());
        for (std::size_t c = 0; c < header_.size(); ++c)
            if (mapping_[c].empty() &&
                std::find(mapping_.begin(), mapping_.end(), guessed[c]) == mapping_.end())
                mapping_[c] = guessed[c];
        for (auto& m : mapping_)
            if (m == "-") m.clear();
        checked_ = false;
        FillMapping();
        UpdateButtons();
        return true;
    }
    return false;
}

std::string ImportWizard::Remembered(const std::string& header) const {
    if (header.empty()) return {};
    wxString key;
    if (!wxConfig::Get()->Read(MemoryKey(Kind().id, header), &key)) return {};
    const std::string k = ToU8(key);
    if (k == "-") return k;  // the user ignores this column
    for (const auto& spec : Kind().columns())
        if (spec.key == k) return k;
    return {};
}

void ImportWizard::Remember() const {
    wxConfigBase* config = wxConfig::Get();
    config->Write(kLastKind, U8(Kind().id));
    for (std::size_t c = 0; c < header_.size(); ++c)
        if (!header_[c].empty())
            config->Write(MemoryKey(Kind().id, header_[c]),
                          mapping_[c].empty() ? wxString("-") : U8(mapping_[c]));
    config->Flush();
}

bool ImportWizard::OpenFile(const wxString& path) {
    fileError_->SetLabel("");
    header_.clear();
    rows_.clear();
    mapping_.clear();
    sheets_.clear();
    checked_ = false;
    path_ = path;
    fileText_->ChangeValue(path);
    try {
        tableio::ReadOptions read;
        read.sheet = sheet_;
        auto reader = tableio::TableReader::Open(ToU8(path), read);
        sheets_ = reader->SheetNames();
        header_ = reader->Header();
        std::vector<std::string> row;
        while (static_cast<int>(rows_.size()) < kPreviewRows && reader->Next(row))
            rows_.push_back(row);
    } catch (const std::exception& e) {
        header_.clear();
        rows_.clear();
        fileError_->SetLabel(
            _("The file cannot be read:") + " " +
            (dynamic_cast<const UserError*>(&e) ? U8(e.what()) : ErrorSentence(e)));
    }
    sheetChoice_->Clear();
    for (const auto& s : sheets_) sheetChoice_->Append(U8(s));
    sheetChoice_->Enable(sheets_.size() > 1);
    if (!sheets_.empty()) {
        const int at = sheet_.empty() ? 0 : sheetChoice_->FindString(U8(sheet_));
        sheetChoice_->SetSelection(at == wxNOT_FOUND ? 0 : at);
    }
    FillPreview();
    ChooseKind(Kind().id);
    book_->GetPage(kFilePage)->Layout();
    return !header_.empty();
}

bool ImportWizard::ChooseSheet(const wxString& name) {
    const std::string wanted = ToU8(name);
    if (std::find(sheets_.begin(), sheets_.end(), wanted) == sheets_.end()) return false;
    sheet_ = wanted;
    return OpenFile(path_);
}

void ImportWizard::FillPreview() {
    if (preview_->GetNumberRows() > 0) preview_->DeleteRows(0, preview_->GetNumberRows());
    if (preview_->GetNumberCols() > 0) preview_->DeleteCols(0, preview_->GetNumberCols());
    preview_->AppendCols(static_cast<int>(header_.size()));
    preview_->AppendRows(static_cast<int>(rows_.size()));
    for (std::size_t c = 0; c < header_.size(); ++c)
        preview_->SetColLabelValue(static_cast<int>(c), U8(header_[c]));
    for (std::size_t r = 0; r < rows_.size(); ++r)
        for (std::size_t c = 0; c < header_.size() && c < rows_[r].size(); ++c)
            preview_->SetCellValue(static_cast<int>(r), static_cast<int>(c), U8(rows_[r][c]));
    preview_->AutoSizeColumns(false);
    for (int c = 0; c < preview_->GetNumberCols(); ++c)
        preview_->SetColSize(c, std::min(preview_->GetColSize(c), FromDIP(240)));
}

wxString ImportWizard::KeyLabel(const tableio::ColumnSpec& spec) const {
    wxString label = U8(spec.key);
    if (spec.required) label += " *";
    // The first name users write for it in Vietnamese.
    for (const auto& alias : spec.aliases)
        if (!IsAscii(alias)) {
            wxString name = U8(alias);
            name[0] = wxToupper(name[0]);
            label += wxString(L" \u2014 ") + name;
            break;
        }
    return label;
}

void ImportWizard::FillMapping() {
    const auto& specs = Kind().columns();
    wxArrayString choices;
    choices.Add(_("(ignore)"));
    for (const auto& spec : specs) choices.Add(KeyLabel(spec));
    if (mappingGrid_->GetNumberRows() > 0)
        mappingGrid_->DeleteRows(0, mappingGrid_->GetNumberRows());
    mappingGrid_->AppendRows(static_cast<int>(header_.size()));
    for (std::size_t c = 0; c < header_.size(); ++c) {
        const int row = static_cast<int>(c);
        mappingGrid_->SetCellValue(row, 0, U8(header_[c]));
        mappingGrid_->SetReadOnly(row, 0);
        wxString sample;
        int shown = 0;
        for (const auto& r : rows_) {
            if (c >= r.size() || r[c].empty() || shown == 3) continue;
            sample += (shown++ ? wxString(L" \u00b7 ") : wxString()) + U8(r[c]);
        }
        mappingGrid_->SetCellValue(row, 1, sample);
        mappingGrid_->SetReadOnly(row, 1);
        mappingGrid_->SetCellEditor(row, 2, new wxGridCellChoiceEditor(choices));
    }
    ShowMappingValues();
}

void ImportWizard::ShowMappingValues() {
    const auto& specs = Kind().columns();
    for (std::size_t c = 0; c < mapping_.size(); ++c) {
        const int row = static_cast<int>(c);
        wxString value = _("(ignore)");
        for (const auto& spec : specs)
            if (spec.key == mapping_[c]) value = KeyLabel(spec);
        mappingGrid_->SetCellValue(row, 2, value);
        mappingGrid_->SetCellTextColour(row, 2, mapping_[c].empty() ? MutedText() : Text());
    }
    mappingGrid_->ForceRefresh();
    ShowMissing();
}

void ImportWizard::OnMappingChanged(wxGridEvent& event) {
    if (event.GetCol() != 2) return;
    const int row = event.GetRow();
    const wxString value = mappingGrid_->GetCellValue(row, 2);
    std::string key;
    for (const auto& spec : Kind().columns())
        if (KeyLabel(spec) == value) key = spec.key;
    MapColumn(static_cast<std::size_t>(row), key);
}

void ImportWizard::MapColumn(std::size_t column, const std::string& key) {
    if (column >= mapping_.size()) return;
    // A key goes into one column: the one it had before is let go.
    if (!key.empty())
        for (auto& m : mapping_)
            if (m == key) m.clear();
    mapping_[column] = key;
    checked_ = false;
    ShowMappingValues();
    UpdateButtons();
}

std::vector<std::string> ImportWizard::MissingColumns() const {
    std::vector<std::string> out;
    for (const auto& spec : Kind().columns())
        if (spec.required &&
            std::find(mapping_.begin(), mapping_.end(), spec.key) == mapping_.end())
            out.push_back(spec.key);
    return out;
}

void ImportWizard::ShowMissing() {
    const auto missing = MissingColumns();
    if (missing.empty()) {
        missing_->SetForegroundColour(Good());
        missing_->SetLabel(_("Every required column has a column of the file."));
    } else {
        wxString names;
        for (const auto& key : missing)
            for (const auto& spec : Kind().columns())
                if (spec.key == key) names += (names.empty() ? "" : "; ") + KeyLabel(spec);
        missing_->SetForegroundColour(Danger());
        missing_->SetLabel(_("Required columns with no column of the file:") + " " + names);
    }
    missing_->Wrap(FromDIP(820));
    if (auto* page = book_->GetPage(kColumnsPage)) page->Layout();
}

int ImportWizard::Step() const { return book_->GetSelection(); }

void ImportWizard::UpdateButtons() {
    const int step = Step();
    static const char* titles[] = {N_("Step 1 of 3: the file and its first rows"),
                                   N_("Step 2 of 3: what each column holds"),
                                   N_("Step 3 of 3: check, then import")};
    stepTitle_->SetLabel(wxGetTranslation(titles[std::clamp(step, 0, 2)]));
    back_->Enable(step > kFilePage);
    next_->Enable(step < kCheckPage && !header_.empty() &&
                  (step != kColumnsPage || MissingColumns().empty()));
    import_->Enable(step == kCheckPage && checked_ && check_.problems.empty());
    recheck_->Show(step == kCheckPage);
    Layout();
}

bool ImportWizard::GoNext() {
    const int step = Step();
    if (step == kFilePage) {
        if (header_.empty()) return false;
        book_->SetSelection(kColumnsPage);
    } else if (step == kColumnsPage) {
        if (!MissingColumns().empty()) return false;
        book_->SetSelection(kCheckPage);
        UpdateButtons();
        Check();
    }
    UpdateButtons();
    return true;
}

void ImportWizard::GoBack() {
    if (Step() > kFilePage) book_->SetSelection(Step() - 1);
    UpdateButtons();
}

tableio::ReadOptions ImportWizard::Options() const {
    tableio::ReadOptions read;
    read.sheet = sheet_;
    for (std::size_t c = 0; c < mapping_.size(); ++c) read.columns[c] = mapping_[c];
    return read;
}

bool ImportWizard::Check() {
    problems_->DeleteAllItems();
    checked_ = false;
    auto result = std::make_shared<services::ImportCheck>();
    const std::string id = Kind().id, path = ToU8(path_), user = session_.user();
    const tableio::ReadOptions read = Options();
    const WorkOutcome outcome =
        RunWithProgress(this,
                        {_("Checking the file"), _("Reading the file..."),
                         _("Cancelling: waiting for the check to stop..."), "importCheckProgress"},
                        session_.db().url(), [=](services::Database& db, Progress& progress) {
                            *result = services::CheckImport(db, id, path, user, read, &progress);
                        });
    if (outcome.cancelled) {
        checkSummary_->SetForegroundColour(Text());
        checkSummary_->SetLabel(_("The check was cancelled. Nothing was stored."));
        UpdateButtons();
        return false;
    }
    if (!outcome.error.empty()) {
        checkSummary_->SetForegroundColour(Danger());
        checkSummary_->SetLabel(_("The file could not be checked:") + " " + U8(outcome.error));
        UpdateButtons();
        return false;
    }
    check_ = *result;
    checked_ = true;
    for (const auto& p : check_.problems) {
        const long item = problems_->InsertItem(
            problems_->GetItemCount(), p.where.line > 0 ? U8(FormatInteger(p.where.line)) : "");
        // The column as the file names it.
        wxString column = U8(p.where.field);
        for (std::size_t c = 0; c < mapping_.size(); ++c)
            if (!p.where.field.empty() && mapping_[c] == p.where.field && !header_[c].empty())
                column = U8(header_[c]);
        problems_->SetItem(item, 1, column);
        problems_->SetItem(item, 2, U8(p.message));
    }
    if (check_.problems.empty()) {
        checkSummary_->SetForegroundColour(Good());
        checkSummary_->SetLabel(
            wxString::Format(_("The file is right. Importing it will store: %s. Nothing is "
                               "stored until you press Import."),
                             U8(check_.outcome.Describe())));
    } else {
        checkSummary_->SetForegroundColour(Danger());
        checkSummary_->SetLabel(
            (check_.stoppedEarly
                 ? wxString::Format(_("The check stopped after %s problems; there may be more. "
                                      "Correct the file (or the columns) and check again. "
                                      "Nothing was stored."),
                                    U8(FormatInteger(static_cast<long>(check_.problems.size()))))
                 : wxString::Format(_("%s lines of the file are wrong. Correct them (or the "
                                      "columns) and check again. Nothing was stored."),
                                    U8(FormatInteger(static_cast<long>(check_.problems.size()))))));
    }
    checkSummary_->Wrap(FromDIP(820));
    book_->GetPage(kCheckPage)->Layout();
    UpdateButtons();
    return check_.problems.empty();
}

bool ImportWizard::CheckAgain() {
    // The file as it is now; the user's mapping kept while its header is the
    // same.
    const auto header = header_;
    const auto mapping = mapping_;
    OpenFile(path_);
    if (header_ == header) {
        mapping_ = mapping;
        ShowMappingValues();
    }
    if (!MissingColumns().empty() || header_.empty()) {
        book_->SetSelection(header_.empty() ? kFilePage : kColumnsPage);
        UpdateButtons();
        return false;
    }
    return Check();
}

bool ImportWizard::Import() {
    if (!checked_ || !check_.problems.empty()) return false;
    auto result = std::make_shared<services::ImportOutcome>();
    const std::string id = Kind().id, path = ToU8(path_), user = session_.user();
    const tableio::ReadOptions read = Options();
    const WorkOutcome outcome =
        RunWithProgress(this,
                        {_("Importing"), _("Reading the file..."),
                         _("Cancelling: nothing of the file will be stored..."), "importProgress"},
                        session_.db().url(), [=](services::Database& db, Progress& progress) {
                            *result = services::RunImport(db, id, path, user, read, &progress);
                        });
    if (outcome.cancelled) {
        checkSummary_->SetForegroundColour(Text());
        checkSummary_->SetLabel(_("The import was cancelled: nothing of the file was stored."));
        return false;
    }
    if (!outcome.error.empty()) {
        // Another desk may have changed what the check saw: check again.
        checked_ = false;
        checkSummary_->SetForegroundColour(Danger());
        checkSummary_->SetLabel(_("Nothing of the file was stored:") + " " + U8(outcome.error));
        checkSummary_->Wrap(FromDIP(820));
        UpdateButtons();
        return false;
    }
    Remember();
    outcome_ = wxString::Format(_("Imported from %s: %s."), wxFileName(path_).GetFullName(),
                                U8(result->Describe()));
    if (IsModal())
        EndModal(wxID_OK);
    else
        SetReturnCode(wxID_OK);
    return true;
}

}  // namespace cchc::gui
