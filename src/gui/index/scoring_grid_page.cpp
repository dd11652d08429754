// The scoring grid (see scoring_grid_page.h).
#include "gui/index/scoring_grid_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <unordered_map>

#include "core/collation.h"
#include "core/errors.h"
#include "core/org.h"
#include "core/vnformat.h"
#include "gui/catalogue/audit_history_dialog.h"
#include "gui/index/evidence_dialog.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/search_picker.h"

namespace cchc::gui {

namespace {
enum Column {
    kCode,
    kTitle,
    kMax,
    kSelf,
    kNumerator,
    kDenominator,
    kAppraised,
    kSelfPoints,
    kAppraisedPoints,
    kLost,
    kEvidence,
    kNote,
    kColumns
};

std::optional<ResultField> FieldOf(int col) {
    switch (col) {
        case kSelf:
            return ResultField::SelfScore;
        case kNumerator:
            return ResultField::Numerator;
        case kDenominator:
            return ResultField::Denominator;
        case kAppraised:
            return ResultField::AppraisedScore;
        case kNote:
            return ResultField::Note;
        default:
            return std::nullopt;
    }
}

wxString Number(const std::optional<double>& v) {
    return v ? U8(FormatNumberTrim(*v, 2)) : wxString();
}

// What a cell's text means: nothing (cleared), a number, or not a number.
struct Parsed {
    bool ok = true;
    std::optional<double> value;
};
Parsed ParseCell(const wxString& text) {
    const std::string s = TrimmedU8(text);
    if (s.empty()) return {};
    auto v = ParseVnNumber(s);
    if (!v) return {false, std::nullopt};
    return {true, v};
}

// Writes a typed value into the row (the sheet is recomputed afterwards).
void SetField(services::SheetRow& row, const services::SheetEdit& edit) {
    switch (edit.field) {
        case ResultField::SelfScore:
            row.selfScore = edit.value;
            break;
        case ResultField::AppraisedScore:
            row.appraisedScore = edit.value;
            break;
        case ResultField::Numerator:
            row.numerator = edit.value;
            break;
        case ResultField::Denominator:
            row.denominator = edit.value;
            break;
        case ResultField::Note:
            row.note = edit.text;
            break;
    }
}

wxColour GroupBackground() { return wxColour(0xE8, 0xEE, 0xF6); }
wxColour LockedBackground() { return wxColour(0xEF, 0xF1, 0xF4); }
wxColour ProblemBackground() { return wxColour(0xFD, 0xE2, 0xE1); }
}  // namespace

// The sheet as rows and columns for wxGrid; edits stay in the sheet shown
// (a preview) until the page saves them.
class SheetTable : public wxGridTableBase {
  public:
    void SetSheet(const services::Sheet* sheet) { sheet_ = sheet; }

    int GetNumberRows() override { return sheet_ ? static_cast<int>(sheet_->rows.size()) : 0; }
    int GetNumberCols() override { return kColumns; }

    // The sheet shown (with what is being typed); only while a row is.
    const services::Sheet& Shown() const { return *sheet_; }

    const services::SheetRow* Row(int row) const {
        if (!sheet_ || row < 0 || row >= static_cast<int>(sheet_->rows.size())) return nullptr;
        return &sheet_->rows[static_cast<std::size_t>(row)];
    }

    // Whether the cell takes input in the set's present state.
    bool Editable(int row, int col) const {
        const services::SheetRow* r = Row(row);
        auto field = FieldOf(col);
        if (!r || !field || r->group) return false;
        if ((col == kNumerator || col == kDenominator) && r->rule != RuleKind::Rate) return false;
        if (!(*field == ResultField::AppraisedScore ? mayAppraise : mayScore)) return false;
        return !EditRefusal(sheet_->status, *field).has_value();
    }

    wxString GetValue(int row, int col) override {
        const services::SheetRow* r = Row(row);
        if (!r) return {};
        switch (col) {
            case kCode:
                return wxString(' ', 3 * r->depth) + U8(r->code);
            case kTitle:
                return U8(r->title);
            case kMax:
                return U8(FormatNumberTrim(r->group ? r->max : r->maxPoints, 2));
            case kSelf:
                return r->group ? wxString() : Number(r->selfScore);
            case kNumerator:
                return r->group ? wxString() : Number(r->numerator);
            case kDenominator:
                return r->group ? wxString() : Number(r->denominator);
            case kAppraised:
                return r->group ? wxString() : Number(r->appraisedScore);
            // Nothing entered on a side yet: no points shown, none counted.
            case kSelfPoints:
                if (!Shown().selfEntered) return {};
                return r->applicable ? U8(FormatNumberTrim(r->selfPoints, 2)) : wxString(_("n/a"));
            case kAppraisedPoints:
                if (!Shown().appraisedEntered) return {};
                return r->applicable ? U8(FormatNumberTrim(r->appraisedPoints, 2))
                                     : wxString(_("n/a"));
            case kLost:
                if (!Shown().appraisedEntered) return {};
                return r->lost > 0.005 ? U8(FormatNumberTrim(r->lost, 2)) : wxString();
            case kEvidence:
                return r->group || r->evidence == 0 ? wxString()
                                                    : wxString::Format("%d", r->evidence);
            case kNote:
                // Figures filled from the survey tallies say so (typing over them overrides).
                if (r->note.empty() && r->source == "survey") return _("From the survey tallies");
                return U8(r->note);
        }
        return {};
    }
    void SetValue(int, int, const wxString&) override {}  // saved by the page
    // What the account may type: the commune's figures, the appraised score.
    bool mayScore = true, mayAppraise = true;
    bool IsEmptyCell(int row, int col) override { return GetValue(row, col).empty(); }

    // Figures' headings on two lines to keep their columns narrow.
    wxString GetColLabelValue(int col) override {
        return col == kTitle || col == kNote ? Heading(col) : TwoLines(Heading(col));
    }
    static wxString Heading(int col) {
        switch (col) {
            // TRANSLATORS: column headings of the scoring grid; keep them short.
            case kCode:
                return _("Code");
            case kTitle:
                return _("Criterion");
            case kMax:
                return _("Max");
            case kSelf:
                return _("Self score");
            case kNumerator:
                return _("Numerator");
            case kDenominator:
                return _("Denominator");
            case kAppraised:
                return _("Appraised");
            case kSelfPoints:
                return _("Self points");
            case kAppraisedPoints:
                return _("Appraised points");
            // TRANSLATORS: column: points lost (maximum minus appraised points).
            case kLost:
                return _("Points lost");
            case kEvidence:
                return _("Evidence");
            case kNote:
                return _("Note");
        }
        return {};
    }

    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        const services::SheetRow* r = Row(row);
        auto* attr = new wxGridCellAttr;
        if (!r) return attr;
        const bool numeric = col != kCode && col != kTitle && col != kNote;
        attr->SetAlignment(numeric ? wxALIGN_RIGHT : wxALIGN_LEFT, wxALIGN_CENTRE);
        attr->SetReadOnly(!Editable(row, col));
        if (r->group) {
            attr->SetBackgroundColour(GroupBackground());
            attr->SetFont(boldFont_);
        } else if (!r->problems.empty() && (FieldOf(col) || col == kCode)) {
            attr->SetBackgroundColour(ProblemBackground());
        } else if (FieldOf(col) && !Editable(row, col)) {
            attr->SetBackgroundColour(LockedBackground());
        }
        if (col == kSelfPoints || col == kAppraisedPoints) attr->SetFont(boldFont_);
        if (!r->problems.empty() && col == kCode) attr->SetTextColour(colours::Danger());
        if (col == kLost) attr->SetTextColour(colours::Warning());
        if (r->source == "survey" && (col == kNumerator || col == kDenominator || col == kNote))
            attr->SetTextColour(colours::Accent());
        if (col == kTitle) attr->SetOverflow(false);
        return attr;
    }
    bool CanHaveAttributes() override { return true; }

    void SetBoldFont(const wxFont& f) { boldFont_ = f; }

  private:
    const services::Sheet* sheet_ = nullptr;
    wxFont boldFont_;
};

ScoringGridPage::ScoringGridPage(wxWindow* parent, GuiSession& session)
    : wxPanel(parent, wxID_ANY), session_(session) {
    SetBackgroundColour(colours::Background());
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    sizer->Add(BuildToolbar(gap), 0, wxEXPAND | wxBOTTOM, gap / 2);
    status_ = new wxStaticText(this, wxID_ANY, "");
    status_->SetName("gridStatus");
    status_->SetFont(ScaledFont(status_, 1.0, true));
    sizer->Add(status_, 0, wxEXPAND | wxBOTTOM, gap);

    empty_ = new wxStaticText(this, wxID_ANY, "");
    empty_->SetForegroundColour(colours::MutedText());
    sizer->Add(empty_, 0, wxEXPAND | wxTOP | wxBOTTOM, gap);

    sizer->Add(BuildGrid(), 1, wxEXPAND);

    totals_ = new wxStaticText(this, wxID_ANY, "");
    totals_->SetName("gridTotals");
    totals_->SetFont(ScaledFont(totals_, 1.05, true));
    totals_->SetForegroundColour(colours::Text());
    sizer->Add(totals_, 0, wxEXPAND | wxTOP, gap);
    details_ = new wxStaticText(this, wxID_ANY, "");
    details_->SetName("gridDetails");
    details_->SetForegroundColour(colours::MutedText());
    sizer->Add(details_, 0, wxEXPAND | wxTOP, gap / 2);
    SetSizer(sizer);

    BindEvents();
}

wxSizer* ScoringGridPage::BuildToolbar(int gap) {
    // The commune, then the buttons; the buttons go on to a second line
    // when the page is too narrow for all of them (with "Save again" shown,
    // at 1280 pixels), rather than being cut.
    auto* bar = new wxWrapSizer(wxHORIZONTAL, wxREMOVE_LEADING_SPACES);
    auto* unitBox = new wxBoxSizer(wxHORIZONTAL);
    auto* unitLabel = new wxStaticText(this, wxID_ANY, _("&Commune:"));
    unitBox->Add(unitLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    unit_ = new SearchPicker(this, wxID_ANY, _("Choose a commune"));
    unit_->SetName("gridUnit");
    unit_->SetMinSize(wxSize(FromDIP(220), -1));
    unitBox->Add(unit_, 0, wxALIGN_CENTER_VERTICAL);
    bar->Add(unitBox, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, gap / 2);
    bar->AddSpacer(gap + gap / 2);
    auto button = [&](const wxString& label, const wxString& tip, const char* name) {
        auto* b = new wxButton(this, wxID_ANY, label);
        b->SetToolTip(tip);
        b->SetName(name);
        bar->Add(b, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, gap / 2);
        return b;
    };
    retry_ = button(_("Sa&ve again"), _("Save the scores that could not be saved"), "gridRetry");
    retry_->Hide();
    evidence_ = button(_("&Evidence..."), _("The evidence documents of the selected criterion"),
                       "gridEvidence");
    history_ = button(_("&History..."),
                      _("The changes made to the selected criterion's result and its evidence: "
                        "who, when, from what to what"),
                      "gridHistory");
    submit_ = button(_("&Submit"),
                     _("Send the self-assessment for appraisal; it can no longer be changed"),
                     "gridSubmit");
    withdraw_ = button(_("&Withdraw"), _("Take the submission back to correct it"), "gridWithdraw");
    appraise_ =
        button(_("&Appraised"), _("Record that the appraisal is finished: the results are locked"),
               "gridAppraise");
    reopen_ =
        button(_("&Reopen..."), _("Unlock appraised results, giving the reason"), "gridReopen");
    return bar;
}

void ScoringGridPage::ShowStatus(const wxString& text, const wxColour& colour) {
    statusText_ = text;
    status_->SetForegroundColour(colour);
    WrapStatus();
}

void ScoringGridPage::WrapStatus() {
    // A long message (why a save failed, what to do) goes on over lines
    // instead of being cut at the page's edge.
    const int width = GetClientSize().x;
    statusWidth_ = width;
    status_->SetLabelText(statusText_);
    if (width > FromDIP(100)) status_->Wrap(width);
    status_->SetToolTip(statusText_);
}

wxGrid* ScoringGridPage::BuildGrid() {
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->SetName("scoringGrid");
    table_ = new SheetTable;
    table_->SetBoldFont(ScaledFont(grid_, 1.0, true));
    grid_->SetTable(table_, true, wxGrid::wxGridSelectCells);
    grid_->SetRowLabelSize(0);
    grid_->SetColLabelSize(FromDIP(42));
    grid_->SetDefaultRowSize(FromDIP(26), true);
    grid_->EnableDragRowSize(false);
    grid_->SetTabBehaviour(wxGrid::Tab_Wrap);
    grid_->SetMinSize(FromDIP(wxSize(600, 200)));
    return grid_;
}

void ScoringGridPage::BindEvents() {
    unit_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!ConfirmDiscard()) {
            // Stay on the commune shown, with its scores not saved.
            for (std::size_t i = 0; i < unitCodes_.size(); ++i)
                if (framework_ + "|" + period_ + "|" + unitCodes_[i] == loadedKey_)
                    unit_->SetSelection(static_cast<int>(i));
            return;
        }
        LoadSheet();
    });
    grid_->Bind(wxEVT_GRID_CELL_CHANGING, &ScoringGridPage::OnCellChanging, this);
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, &ScoringGridPage::OnCellChanged, this);
    grid_->Bind(wxEVT_GRID_EDITOR_CREATED, &ScoringGridPage::OnEditorCreated, this);
    grid_->Bind(wxEVT_GRID_EDITOR_HIDDEN, [this](wxGridEvent& e) {
        e.Skip();
        // Typing was abandoned (Esc): show what is stored again.
        CallAfter([this] {
            if (sheet_ && !grid_->IsCellEditControlEnabled()) {
                ShowUnsaved();
                grid_->ForceRefresh();
                UpdateTotals();
            }
        });
    });
    grid_->Bind(wxEVT_GRID_SELECT_CELL, [this](wxGridEvent& e) {
        e.Skip();
        ShowRowDetails(e.GetRow());
    });
    grid_->Bind(wxEVT_KEY_DOWN, &ScoringGridPage::OnGridKey, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        // The status line wrapped again to a new width.
        if (e.GetSize().x != statusWidth_ && !statusText_.empty())
            CallAfter([this] {
                if (GetClientSize().x == statusWidth_) return;
                WrapStatus();
                Layout();
            });
    });
    grid_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { FitColumns(); });
    });
    grid_->Bind(wxEVT_GRID_CELL_LEFT_DCLICK, [this](wxGridEvent& e) {
        if (e.GetCol() == kEvidence)
            OpenEvidence();
        else
            e.Skip();
    });
    retry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save({}); });
    submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Step(SetAction::Submit); });
    withdraw_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Step(SetAction::Withdraw); });
    appraise_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Step(SetAction::Appraise); });
    reopen_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Step(SetAction::Reopen); });
    evidence_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenEvidence(); });
    history_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenHistory(); });
}

void ScoringGridPage::SetContext(const std::string& framework, const std::string& period) {
    framework_ = framework;
    period_ = period;
    LoadSheet();
}

bool ScoringGridPage::ConfirmDiscard() {
    if (unsaved_.empty()) return true;
    if (!AskYesNo(this,
                  _("Some scores typed for this commune could not be saved. Discard the "
                    "scores not saved?"),
                  _("Discard")))
        return false;
    unsaved_.clear();
    unsavedReason_.clear();
    return true;
}

std::string ScoringGridPage::SelectedUnit() const {
    const int i = unit_->GetSelection();
    return i >= 0 && i < static_cast<int>(unitCodes_.size())
               ? unitCodes_[static_cast<std::size_t>(i)]
               : std::string();
}

void ScoringGridPage::SelectUnit(const std::string& unitCode) {
    auto it = std::find(unitCodes_.begin(), unitCodes_.end(), unitCode);
    if (it == unitCodes_.end()) return;
    if (unitCode != SelectedUnit() && !ConfirmDiscard()) return;
    unit_->SetSelection(static_cast<int>(it - unitCodes_.begin()));
    LoadSheet();
}

void ScoringGridPage::Reload() {
    const std::string keep = SelectedUnit();
    std::vector<Unit> communes;
    AccessUi& access = session_.Access();  // a commune's accounts: their communes only
    const std::vector<Unit> all = session_.Organisation().Units();
    std::unordered_map<std::int64_t, std::string> names;  // the district beside the commune
    for (const auto& u : all) {
        names[u.id] = u.name;
        if (IsCommuneLevel(u.kind) && u.active && access.InScope(u.id)) communes.push_back(u);
    }
    std::stable_sort(communes.begin(), communes.end(), [](const Unit& a, const Unit& b) {
        return VietnameseLess(SortName(a), SortName(b));
    });
    unit_->Clear();
    unitCodes_.clear();
    for (const Unit& u : communes) {
        unit_->Append(U8(u.name), u.parentId ? U8(names[*u.parentId]) : wxString());
        unitCodes_.push_back(u.code);
    }
    int select = unitCodes_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < unitCodes_.size(); ++i)
        if (unitCodes_[i] == keep) select = static_cast<int>(i);
    unit_->SetSelection(select);
    LoadSheet();
}

void ScoringGridPage::LoadSheet() {
    const std::string unit = SelectedUnit();
    // Nothing may point into the sheets while they are replaced.
    if (grid_->IsCellEditControlEnabled()) grid_->DisableCellEditControl();
    table_->SetSheet(nullptr);
    preview_.reset();
    // Edits not saved belong to the sheet they were typed in.
    const std::string key = framework_ + "|" + period_ + "|" + unit;
    if (key != loadedKey_) {
        unsaved_.clear();
        unsavedReason_.clear();
    }
    loadedKey_ = key;
    if (unit.empty() || framework_.empty() || period_.empty()) {
        sheet_.reset();
        empty_->SetLabelText(unitCodes_.empty() ? _("There is no commune in the office yet.")
                                                : _("Choose a framework and a period above."));
        empty_->Show();
        ShowSheet();
        return;
    }
    try {
        sheet_ = services::ResultSheetService(session_.db(), session_.user())
                     .Load(unit, framework_, period_);
        empty_->Hide();
    } catch (const std::exception& e) {
        sheet_.reset();
        empty_->SetLabelText(ErrorSentence(e));
        empty_->Show();
    }
    ShowSheet();
}

void ScoringGridPage::ShowSheet() {
    if (grid_->IsCellEditControlEnabled()) grid_->DisableCellEditControl();
    const int oldRows = grid_->GetNumberRows();
    const int cursorRow = grid_->GetGridCursorRow(), cursorCol = grid_->GetGridCursorCol();
    ShowUnsaved();
    const int newRows = table_->GetNumberRows();
    grid_->BeginBatch();
    if (newRows > oldRows) {
        wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, newRows - oldRows);
        grid_->ProcessTableMessage(msg);
    } else if (newRows < oldRows) {
        wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_ROWS_DELETED, newRows, oldRows - newRows);
        grid_->ProcessTableMessage(msg);
    }
    grid_->EndBatch();
    FitColumns();
    grid_->ForceRefresh();
    if (newRows > 0) {
        const int row = std::clamp(cursorRow, 0, newRows - 1);
        grid_->SetGridCursor(row, cursorCol >= 0 ? cursorCol : kSelf);
    }

    const bool have = sheet_.has_value();
    grid_->Show(have);
    const ResultStatus status = have ? sheet_->status : ResultStatus::Draft;
    if (have) {
        wxString text = wxString::Format(_("Status: %s"), U8(ResultStatusLabel(status)));
        if (!sheet_->statusNote.empty())
            text += wxString::FromUTF8(" \xe2\x80\x94 ") + U8(sheet_->statusNote);
        ShowStatus(text, status == ResultStatus::Appraised   ? colours::Good()
                         : status == ResultStatus::Submitted ? colours::Accent()
                                                             : colours::Text());
    } else {
        ShowStatus("", colours::Text());
    }
    if (have && !unsaved_.empty())
        ShowStatus(wxString::Format(_("Not saved: %s"), unsavedReason_), colours::Danger());
    retry_->Show(have && !unsaved_.empty());
    AccessUi& access = session_.Access();
    const auto unitId = have ? std::optional<std::int64_t>(sheet_->unitId) : std::nullopt;
    access.Offer(submit_, have && status == ResultStatus::Draft, Action::SubmitResults, unitId);
    access.Offer(withdraw_, have && status == ResultStatus::Submitted, Action::SubmitResults,
                 unitId);
    access.Offer(appraise_, have && status != ResultStatus::Appraised, Action::AppraiseResults,
                 unitId);
    access.Offer(reopen_, have && status == ResultStatus::Appraised, Action::AppraiseResults,
                 unitId);
    for (wxButton* b : {appraise_, reopen_}) access.ShowIf(b, Action::AppraiseResults);
    table_->mayScore = have && access.May(Action::EditScores, sheet_->unitId);
    table_->mayAppraise = have && access.May(Action::AppraiseResults, sheet_->unitId);
    evidence_->Enable(have);
    UpdateTotals();
    ShowRowDetails(grid_->GetGridCursorRow());
    Layout();
}

void ScoringGridPage::FitColumns() {
    // Figures as wide as their headings; the criterion's title takes the
    // rest of the width (never too narrow to read).
    wxClientDC dc(grid_);
    dc.SetFont(grid_->GetLabelFont());
    const int pad = FromDIP(14);
    int others = 0;
    for (int c = 0; c < kColumns; ++c) {
        if (c == kTitle) continue;
        int width = FromDIP(c == kNote ? 110 : c == kCode ? 72 : 56);
        const wxArrayString lines = wxSplit(table_->GetColLabelValue(c), '\n', '\0');
        for (const auto& line : lines) width = std::max(width, dc.GetTextExtent(line).x + pad);
        grid_->SetColSize(c, width);
        others += width;
    }
    const int available = grid_->GetClientSize().x - others - FromDIP(4);
    grid_->SetColSize(kTitle, std::max(FromDIP(220), available));
}

void ScoringGridPage::UpdateTotals() {
    const services::Sheet* shown = nullptr;
    if (sheet_) shown = &*sheet_;
    if (!shown) {
        totals_->SetLabelText("");
        return;
    }
    // A side with nothing entered awards nothing yet; one with something
    // says what its criteria without data bring by the framework's rule.
    auto part = [](const FrameworkTotal& t, bool entered, const PointsWithoutData& without) {
        if (!entered) return wxString(_("nothing entered yet"));
        wxString s = wxString::Format("%s / %s (%s)", U8(FormatNumberTrim(t.points, 2)),
                                      U8(FormatNumberTrim(t.max, 2)), U8(FormatPercent(t.percent)));
        if (!t.band.empty()) s += " " + U8(t.band);
        if (without.criteria > 0)
            s += " " + wxString::Format(
                           wxPLURAL("(%s of them for %d criterion without data)",
                                    "(%s of them for %d criteria without data)", without.criteria),
                           U8(FormatNumberTrim(without.points, 2)), without.criteria);
        return s;
    };
    int problems = 0;
    for (const auto& r : preview_ ? preview_->rows : shown->rows)
        problems += r.problems.empty() ? 0 : 1;
    const services::Sheet& s = preview_ ? *preview_ : *shown;
    wxString text = wxString::Format(_("Self-assessed: %s    Appraised: %s"),
                                     part(s.self, s.selfEntered, s.selfWithoutData),
                                     part(s.appraised, s.appraisedEntered, s.appraisedWithoutData));
    if (problems > 0)
        text += "    " + wxString::Format(wxPLURAL("%d criterion has problems",
                                                   "%d criteria have problems", problems),
                                          problems);
    totals_->SetLabelText(text);
    totals_->SetForegroundColour(problems > 0 ? colours::Danger() : colours::Text());
}

void ScoringGridPage::ShowRowDetails(int row) {
    // How to type the scores; for an account that may type none, why not.
    wxString typing =
        _("Type the scores in the white cells; Enter or Tab saves a cell. Ctrl+V pastes a "
          "column copied from a spreadsheet, from the selected cell down.");
    if (sheet_ && !table_->mayScore && !table_->mayAppraise)
        typing = session_.Access().WhyNot(Action::EditScores, sheet_->unitId);
    const services::SheetRow* r = table_->Row(row);
    // The history of the row's result, once one is stored.
    session_.Access().Offer(history_, sheet_ && r && !r->group && r->resultId != 0,
                            Action::ReadAudit,
                            sheet_ ? std::optional<std::int64_t>(sheet_->unitId) : std::nullopt);
    if (!r) {
        details_->SetLabelText(typing);
        return;
    }
    wxString text = U8(r->code) + " " + U8(r->title);
    if (r->rule && !r->group) text += " \xe2\x80\x94 " + U8(RuleKindLabel(*r->rule));
    if (r->evidenceRequired && !r->group) text += "; " + _("evidence required");
    for (const auto& p : r->problems) text += "\n\xe2\x80\xa2 " + U8(p);
    // Points a criterion earns without data, by the framework's rule.
    const services::Sheet& shownSheet = table_->Shown();
    const bool selfRule = shownSheet.selfEntered && r->selfNoData && r->selfPoints > 0,
               appraisedRule =
                   shownSheet.appraisedEntered && r->appraisedNoData && r->appraisedPoints > 0;
    if (!r->group && (selfRule || appraisedRule))
        text += "\n\xe2\x80\xa2 " +
                wxString::Format(
                    _("Nothing entered: it earns %s points by the framework's rule "
                      "for criteria without data."),
                    U8(FormatNumberTrim(appraisedRule ? r->appraisedPoints : r->selfPoints, 2)));
    if (r->problems.empty()) text += "\n" + typing;
    details_->SetLabelText(text);
    details_->SetForegroundColour(r->problems.empty() ? colours::MutedText() : colours::Danger());
    details_->Wrap(std::max(FromDIP(400), GetClientSize().x - FromDIP(20)));
    Layout();
}

void ScoringGridPage::OnCellChanging(wxGridEvent& e) {
    pendingText_ = e.GetString();
    if (!FieldOf(e.GetCol()) || e.GetCol() == kNote) return;
    if (!ParseCell(e.GetString()).ok) {
        ShowError(this, wxString::Format(_("\"%s\" is not a number. Write it as 1,5 or 1.5."),
                                         e.GetString()));
        e.Veto();
    }
}

void ScoringGridPage::OnCellChanged(wxGridEvent& e) {
    const services::SheetRow* r = table_->Row(e.GetRow());
    auto field = FieldOf(e.GetCol());
    if (!r || !field || !sheet_) return;
    services::SheetEdit edit;
    edit.criterion = r->code;
    edit.field = *field;
    if (*field == ResultField::Note)
        edit.text = TrimmedU8(pendingText_);
    else
        edit.value = ParseCell(pendingText_).value;
    Save({edit});
}

void ScoringGridPage::OnEditorCreated(wxGridEditorCreatedEvent& e) {
    e.Skip();
    auto* text = dynamic_cast<wxTextCtrl*>(e.GetControl());
    if (!text) return;
    text->Bind(wxEVT_TEXT, [this, text](wxCommandEvent& ev) {
        ev.Skip();
        // Show the subtotals as they would be with what is being typed.
        const int row = grid_->GetGridCursorRow(), col = grid_->GetGridCursorCol();
        auto field = FieldOf(col);
        const services::SheetRow* r = table_->Row(row);
        if (!sheet_ || !r || !field || *field == ResultField::Note) return;
        const Parsed p = ParseCell(text->GetValue());
        if (!p.ok) return;
        preview_ = WithUnsaved();
        services::SheetEdit typed;
        typed.field = *field;
        typed.value = p.value;
        SetField(preview_->rows[static_cast<std::size_t>(row)], typed);
        services::RecomputeSheet(*preview_);
        table_->SetSheet(&*preview_);
        grid_->GetGridWindow()->Refresh();
        UpdateTotals();
        ShowRowDetails(row);
    });
}

void ScoringGridPage::Save(const std::vector<services::SheetEdit>& edits) {
    if (!sheet_) return;
    // What a failed save left goes again, overwritten by what is new.
    std::vector<services::SheetEdit> all;
    for (const auto& old : unsaved_)
        if (std::none_of(edits.begin(), edits.end(), [&](const services::SheetEdit& e) {
                return e.criterion == old.criterion && e.field == old.field;
            }))
            all.push_back(old);
    all.insert(all.end(), edits.begin(), edits.end());
    // The grid shows the stored sheet again before the preview goes.
    table_->SetSheet(&*sheet_);
    preview_.reset();
    try {
        services::Sheet saved =
            services::ResultSheetService(session_.db(), session_.user()).Apply(*sheet_, all);
        *sheet_ = std::move(saved);
        unsaved_.clear();
        unsavedReason_.clear();
    } catch (const services::SheetConflict& conflict) {
        // Another desk saved some of these cells first: kept as not saved
        // while the user compares, after the grid has finished its edit.
        unsaved_ = std::move(all);
        unsavedReason_ = ErrorSentence(conflict);
        ShowUnsaved();
        CallAfter([this, conflict] {
            ShowSheet();  // marked as not saved while the user compares
            ResolveConflict(conflict);
        });
    } catch (const std::exception& e) {
        // Nothing is lost: the typed values stay in the grid, marked as not
        // saved, and go again with the next save.
        unsaved_ = std::move(all);
        unsavedReason_ = ErrorSentence(e);
        ShowUnsaved();
    }
    // Refresh after the grid has finished moving its cursor.
    CallAfter([this] { ShowSheet(); });
}

void ScoringGridPage::ResolveConflict(const services::SheetConflict& conflict) {
    if (!sheet_ || unsaved_.empty()) return;
    // The cells the user typed are the ones edited (the service names only
    // those the other desk changed too); any other field the conflict names
    // takes the stored value unless the user chooses.
    EditedFields edited;
    for (const auto& e : unsaved_)
        edited[services::SheetFieldKey(e.criterion, e.field)] = std::nullopt;
    const std::optional<KeptFields> kept = AskConflict(this, conflict, edited);
    if (!kept) {
        // Cancelled: the typed scores stay, not saved, for "Save again".
        ShowSheet();
        return;
    }
    // The stored sheet with the cells the user keeps typed over it, saved
    // against the versions the conflict showed.
    unsaved_ = services::KeptEdits(unsaved_, conflict, *kept);
    table_->SetSheet(nullptr);
    preview_.reset();
    sheet_ = conflict.stored();
    Save({});
}

services::Sheet ScoringGridPage::WithUnsaved() const {
    services::Sheet sheet = *sheet_;
    for (const auto& edit : unsaved_)
        for (auto& row : sheet.rows)
            if (row.code == edit.criterion && !row.group) SetField(row, edit);
    return sheet;
}

void ScoringGridPage::ShowUnsaved() {
    if (!sheet_ || unsaved_.empty()) {
        preview_.reset();
        table_->SetSheet(sheet_ ? &*sheet_ : nullptr);
        return;
    }
    table_->SetSheet(nullptr);
    preview_ = WithUnsaved();
    services::RecomputeSheet(*preview_);
    table_->SetSheet(&*preview_);
}

void ScoringGridPage::OnGridKey(wxKeyEvent& e) {
    if (e.GetKeyCode() == 'V' && e.ControlDown() && !grid_->IsCellEditControlEnabled()) {
        wxString text;
        if (wxTheClipboard->Open()) {
            wxTextDataObject data;
            if (wxTheClipboard->IsSupported(wxDF_UNICODETEXT) ||
                wxTheClipboard->IsSupported(wxDF_TEXT))
                wxTheClipboard->GetData(data);
            text = data.GetText();
            wxTheClipboard->Close();
        }
        PasteText(text);
        return;
    }
    e.Skip();
}

void ScoringGridPage::PasteText(const wxString& text) {
    if (!sheet_ || text.empty()) return;
    wxArrayString lines = wxSplit(text, '\n', '\0');
    while (!lines.empty() && lines.back().Strip(wxString::both).empty()) lines.pop_back();
    int row = grid_->GetGridCursorRow();
    const int col0 = grid_->GetGridCursorCol();
    std::vector<services::SheetEdit> edits;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // Groups take no figures: their rows are skipped.
        while (row < table_->GetNumberRows() && table_->Row(row)->group) ++row;
        if (row >= table_->GetNumberRows()) {
            ShowError(this, wxString::Format(
                                _("The pasted text has %zu lines: more than the criteria below the "
                                  "selected cell. Nothing was changed."),
                                lines.size()));
            return;
        }
        wxString line = lines[i];
        line.Replace("\r", "");
        const wxArrayString cells = wxSplit(line, '\t', '\0');
        for (std::size_t j = 0; j < cells.size(); ++j) {
            const int col = col0 + static_cast<int>(j);
            auto field = FieldOf(col);
            const services::SheetRow* r = table_->Row(row);
            if (!field || !table_->Editable(row, col)) {
                ShowError(this,
                          wxString::Format(
                              _("Criterion %s: the column \"%s\" cannot be filled here. Nothing "
                                "was changed."),
                              U8(r->code), SheetTable::Heading(col)));
                return;
            }
            services::SheetEdit edit;
            edit.criterion = r->code;
            edit.field = *field;
            if (*field == ResultField::Note) {
                edit.text = TrimmedU8(cells[j]);
            } else {
                const Parsed p = ParseCell(cells[j]);
                if (!p.ok) {
                    ShowError(this, wxString::Format(
                                        _("Criterion %s, column \"%s\": \"%s\" is not a number. "
                                          "Nothing was changed."),
                                        U8(r->code), SheetTable::Heading(col), cells[j]));
                    return;
                }
                edit.value = p.value;
            }
            edits.push_back(std::move(edit));
        }
        ++row;
    }
    Save(edits);
}

void ScoringGridPage::Step(SetAction action) {
    if (!sheet_) return;
    services::ResultSheetService service(session_.db(), session_.user());
    try {
        switch (action) {
            case SetAction::Submit:
                if (!AskYesNo(this,
                              _("Submit these results for appraisal? The commune's own figures can "
                                "no longer "
                                "be changed unless the submission is withdrawn."),
                              _("Submit")))
                    return;
                sheet_ = service.Submit(*sheet_);
                break;
            case SetAction::Withdraw:
                sheet_ = service.Withdraw(*sheet_);
                break;
            case SetAction::Appraise:
                if (!AskYesNo(this,
                              _("Mark the appraisal as finished? The results are then locked; only "
                                "the office "
                                "can reopen them, giving a reason."),
                              _("Appraisal finished")))
                    return;
                sheet_ = service.Appraise(*sheet_);
                break;
            case SetAction::Reopen: {
                wxTextEntryDialog dlg(
                    this,
                    _("Why must the appraised results be changed? The reason is kept in the "
                      "history."),
                    _("Reopen appraised results"), "", wxOK | wxCANCEL | wxTE_MULTILINE);
                NameStockButtons(&dlg);
                if (dlg.ShowModal() != wxID_OK) return;
                sheet_ = service.Reopen(*sheet_, TrimmedU8(dlg.GetValue()));
                break;
            }
        }
    } catch (const EditConflict& e) {
        // Shown again as stored, with what changed, before the step is taken.
        wxString text =
            _("These results were changed on another desk since you opened them. "
              "They are shown again as stored now: look at them, then try again.");
        std::size_t listed = 0;
        for (const auto& f : e.fields()) {
            if (++listed > 6) {
                text += wxString::FromUTF8("\n\xe2\x80\xa2 ...");
                break;
            }
            text += wxString::FromUTF8("\n\xe2\x80\xa2 ") + U8(f.label) + ": " +
                    U8(f.theirs.empty() ? "-" : f.theirs);
        }
        ShowError(this, text);
        LoadSheet();
        return;
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        LoadSheet();
        return;
    }
    ShowSheet();
}

void ScoringGridPage::OpenEvidence() {
    if (!sheet_) return;
    const services::SheetRow* r = table_->Row(grid_->GetGridCursorRow());
    if (!r || r->group) {
        ShowInfo(this, _("Select a criterion (not a group) to see its evidence."));
        return;
    }
    EvidenceDialog dlg(this, session_, *sheet_, r->code);
    dlg.ShowModal();
    LoadSheet();
}

bool ScoringGridPage::OpenHistory() {
    if (!sheet_ || !history_->IsEnabled()) return false;
    const services::SheetRow* r = table_->Row(grid_->GetGridCursorRow());
    if (!r || r->group || r->resultId == 0) return false;
    ShowRecordHistory(this, session_, RecordOf(session_, "results", r->resultId, sheet_->unitId),
                      wxString::Format(_("the result of criterion %s of %s, %s"), U8(r->code),
                                       U8(sheet_->unitName), U8(sheet_->period)));
    return true;
}

}  // namespace cchc::gui
