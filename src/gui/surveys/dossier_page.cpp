// The dossier statistics page (see dossier_page.h).
#include "gui/surveys/dossier_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <array>

#include "core/date.h"
#include "core/dossier_rules.h"
#include "core/survey_conflicts.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {

namespace {
// The grid's columns: the field, then per group its total (derived) and
// its parts, in the order of the form.
enum Column {
    kField,
    kReceivedTotal,
    kOnline,
    kDirect,
    kCarried,
    kSettledTotal,
    kEarly,
    kOnTime,
    kLate,
    kPendingTotal,
    kInTime,
    kOverdue,
    kColumns
};

// The part of DossierPartList() a column types, or -1 for the field and
// the totals.
int PartOf(int col) {
    static const std::array<int, kColumns> parts = {-1, -1, 0, 1, 2, -1, 3, 4, 5, -1, 6, 7};
    return col >= 0 && col < kColumns ? parts[static_cast<std::size_t>(col)] : -1;
}

long Total(const DossierFigures& f, int col) {
    return col == kReceivedTotal  ? f.ReceivedTotal()
           : col == kSettledTotal ? f.SettledTotal()
                                  : f.PendingTotal();
}

wxColour TotalBackground() { return wxColour(0xE8, 0xEE, 0xF6); }
wxColour LockedBackground() { return wxColour(0xEF, 0xF1, 0xF4); }
wxColour ProblemBackground() { return wxColour(0xFD, 0xE2, 0xE1); }
}  // namespace

// The sheet as rows and columns for wxGrid, a total row last; what is typed
// goes into the sheet shown, which the page saves.
class DossierTable : public wxGridTableBase {
  public:
    void SetSheet(services::DossierSheet* sheet) { sheet_ = sheet; }
    bool editable = false;

    int Lines() const { return sheet_ ? static_cast<int>(sheet_->lines.size()) : 0; }
    int GetNumberRows() override { return Lines() > 0 ? Lines() + 1 : 0; }
    int GetNumberCols() override { return kColumns; }

    bool IsTotalRow(int row) const { return row == Lines(); }
    // The figures of a row: a line's, or all lines' added up.
    DossierFigures Figures(int row) const {
        if (!sheet_) return {};
        if (!IsTotalRow(row)) return sheet_->lines.at(static_cast<std::size_t>(row)).figures;
        DossierFigures sum;
        for (const auto& l : sheet_->lines) sum = AddDossierFigures(sum, l.figures);
        return sum;
    }

    wxString GetValue(int row, int col) override {
        if (!sheet_ || row < 0 || row > Lines()) return {};
        if (col == kField)
            return IsTotalRow(row) ? _("Total")
                                   : U8(sheet_->lines[static_cast<std::size_t>(row)].name);
        const DossierFigures f = Figures(row);
        // A field with no dossier in the month shows empty cells, as on paper.
        if (!IsTotalRow(row) && f == DossierFigures{}) return {};
        const int part = PartOf(col);
        const long v = part >= 0 ? f.*DossierPartList()[static_cast<std::size_t>(part)].member
                                 : Total(f, col);
        return U8(FormatInteger(v));
    }
    void SetValue(int row, int col, const wxString& text) override {
        const int part = PartOf(col);
        if (!sheet_ || part < 0 || row < 0 || row >= Lines()) return;
        if (auto v = ParseCount(Trim(ToU8(text))))
            sheet_->lines[static_cast<std::size_t>(row)].figures.*
                DossierPartList()[static_cast<std::size_t>(part)].member = *v;
    }
    bool IsEmptyCell(int row, int col) override { return GetValue(row, col).empty(); }

    wxString GetColLabelValue(int col) override {
        switch (col) {
            // TRANSLATORS: column headings of the dossier statistics grid
            // (form II.06a), on two lines to keep the columns narrow.
            case kField:
                return _("Procedure field");
            case kReceivedTotal:
                return _("Received\ntotal");
            case kOnline:
                return _("Received\nonline");
            case kDirect:
                return _("In person\nor by post");
            case kCarried:
                return _("Carried\nover");
            case kSettledTotal:
                return _("Settled\ntotal");
            case kEarly:
                return _("Settled\nearly");
            case kOnTime:
                return _("Settled\non time");
            case kLate:
                return _("Settled\nlate");
            case kPendingTotal:
                return _("In progress\ntotal");
            case kInTime:
                return _("In progress\nwithin time");
            case kOverdue:
                return _("In progress\noverdue");
        }
        return {};
    }

    bool Editable(int row, int col) const {
        return editable && PartOf(col) >= 0 && row >= 0 && row < Lines();
    }

    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        auto* attr = new wxGridCellAttr;
        if (!sheet_ || row < 0 || row > Lines()) return attr;
        attr->SetAlignment(col == kField ? wxALIGN_LEFT : wxALIGN_RIGHT, wxALIGN_CENTRE);
        attr->SetReadOnly(!Editable(row, col));
        const bool total = IsTotalRow(row) || (col != kField && PartOf(col) < 0);
        if (total) {
            attr->SetBackgroundColour(TotalBackground());
            attr->SetFont(boldFont_);
        } else if (col != kField && !Editable(row, col)) {
            attr->SetBackgroundColour(LockedBackground());
        }
        // The totals of a line whose dossiers do not add up.
        if (col != kField && PartOf(col) < 0 && !DossierBalanced(Figures(row)))
            attr->SetBackgroundColour(ProblemBackground());
        if (col == kField) attr->SetOverflow(false);
        return attr;
    }
    bool CanHaveAttributes() override { return true; }
    void SetBoldFont(const wxFont& f) { boldFont_ = f; }
    const wxFont& BoldFont() const { return boldFont_; }

  private:
    services::DossierSheet* sheet_ = nullptr;
    wxFont boldFont_;
};

DossierPage::DossierPage(wxWindow* parent, GuiSession& session)
    : wxPanel(parent), session_(session) {
    SetName("dossierPage");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    title_ = new wxStaticText(this, wxID_ANY, "");
    title_->SetFont(ScaledFont(title_, 1.1, true));
    bar->Add(title_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    bar->Add(new wxStaticText(this, wxID_ANY, _("&Month:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             gap / 2);
    month_ = new wxChoice(this, wxID_ANY);
    month_->SetName("dossierMonth");
    // The current month and the 23 before it, newest first; the month
    // just ended is the one usually typed.
    Period m = Period::Containing(PeriodKind::Month, Date::Today(), WindowKind::Calendar);
    for (int i = 0; i < 24; ++i, m = m.Previous()) {
        months_.push_back(m);
        month_->Append(U8(m.Label()));
    }
    month_->SetSelection(1);
    shownMonth_ = 1;
    bar->Add(month_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    bar->AddStretchSpacer();
    carry_ = new wxButton(this, wxID_ANY, _("&Carry over last month's dossiers in progress"));
    carry_->SetName("dossierCarry");
    bar->Add(carry_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    retry_ = new wxButton(this, wxID_ANY, _("Save &again"));
    retry_->SetName("dossierRetry");
    bar->Add(retry_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, gap);
    hint_ = new wxStaticText(this, wxID_ANY, "");
    hint_->SetForegroundColour(colours::MutedText());
    sizer->Add(hint_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    grid_ = new wxGrid(this, wxID_ANY);
    grid_->SetName("dossierGrid");
    table_ = new DossierTable;
    table_->SetBoldFont(ScaledFont(grid_, 1.0, true));
    grid_->SetTable(table_, true, wxGrid::wxGridSelectCells);
    grid_->SetRowLabelSize(0);
    grid_->SetLabelFont(ScaledFont(grid_, 0.9, true));
    grid_->SetColLabelSize(FromDIP(40));
    grid_->SetDefaultRowSize(FromDIP(26), true);
    grid_->EnableDragRowSize(false);
    grid_->SetTabBehaviour(wxGrid::Tab_Wrap);
    grid_->SetMinSize(FromDIP(wxSize(600, 200)));
    sizer->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    status_ = new wxStaticText(this, wxID_ANY, "");
    status_->SetName("dossierStatus");
    sizer->Add(status_, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    month_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!ConfirmDiscard()) {
            month_->SetSelection(shownMonth_);
            return;
        }
        Load();
    });
    grid_->Bind(wxEVT_GRID_CELL_CHANGING, &DossierPage::OnCellChanging, this);
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent&) {
        // Out of the handler: a conflict runs its own dialog.
        CallAfter([this] { Save(); });
    });
    grid_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { FitColumns(); });
    });
    carry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CarryOver(); });
    retry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    Load();
}

DossierPage::~DossierPage() { table_->SetSheet(nullptr); }

bool DossierPage::SetUnit(const std::optional<Unit>& unit) {
    const bool same = unit_.has_value() == unit.has_value() && (!unit || unit_->id == unit->id);
    // Figures not saved stay as typed when the same unit is shown again.
    if (same && Unsaved()) return true;
    if (!same && !ConfirmDiscard()) return false;
    unit_ = unit;
    Load();
    return true;
}

bool DossierPage::ConfirmDiscard() {
    if (!Unsaved()) return true;
    return AskYesNo(this,
                    wxString::Format(_("The figures typed for %s, %s could not be saved. Discard "
                                       "them?"),
                                     unit_ ? U8(unit_->name) : wxString(),
                                     sheet_ ? U8(Period::Parse(sheet_->month)->Label()) : ""),
                    _("Discard"));
}

void DossierPage::Load() {
    if (grid_->IsCellEditControlEnabled()) grid_->DisableCellEditControl();
    sheet_.reset();
    read_.reset();
    const int m = month_->GetSelection();
    shownMonth_ = m;
    wxString error;
    if (!unit_) {
        hint_->SetLabel(_("Choose a unit in the tree: its dossiers of each month are typed here, "
                          "as form II.06a counts them."));
    } else {
        hint_->SetLabel(_("Type the dossiers of each procedure field; the totals are added up. "
                          "Each figure is saved as soon as it is typed."));
        if (m >= 0 && static_cast<std::size_t>(m) < months_.size()) {
            try {
                sheet_ = services::LoadDossierSheet(session_.db(), unit_->id,
                                                    months_[static_cast<std::size_t>(m)].ToString(),
                                                    session_.user());
                read_ = sheet_;
            } catch (const std::exception& e) {
                error = ErrorSentence(e);
            }
        }
    }
    title_->SetLabelText(unit_ ? U8(unit_->name) : wxString());
    table_->editable = sheet_ && session_.Access().May(Action::EditSurveys, unit_->id);
    Show();
    ShowStatus(error);
}

void DossierPage::Show() {
    const int before = grid_->GetNumberRows();
    table_->SetSheet(sheet_ ? &*sheet_ : nullptr);
    const int after = table_->GetNumberRows();
    grid_->BeginBatch();
    if (after > before) {
        wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, after - before);
        grid_->ProcessTableMessage(msg);
    } else if (after < before) {
        wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_ROWS_DELETED, after, before - after);
        grid_->ProcessTableMessage(msg);
    }
    grid_->EndBatch();
    FitColumns();
    grid_->ForceRefresh();
    bool previous = false;
    if (sheet_)
        for (const auto& l : sheet_->lines) previous = previous || l.previousPending.has_value();
    session_.Access().Offer(carry_, previous && table_->editable, Action::EditSurveys,
                            unit_ ? std::optional<std::int64_t>(unit_->id) : std::nullopt);
    Layout();
}

void DossierPage::FitColumns() {
    // The figures' columns as wide as their headings' longer line (or their
    // widest figure); the field's takes the rest.
    wxClientDC dc(grid_);
    dc.SetFont(grid_->GetLabelFont());
    const int pad = FromDIP(8);
    int figures = 0;
    for (int c = 1; c < kColumns; ++c) {
        int w = 0;
        for (const wxString& line : wxSplit(table_->GetColLabelValue(c), '\n'))
            w = std::max(w, dc.GetTextExtent(line).x);
        dc.SetFont(table_->BoldFont());
        for (int r = 0; r < table_->GetNumberRows(); ++r)
            w = std::max(w, dc.GetTextExtent(table_->GetValue(r, c)).x);
        dc.SetFont(grid_->GetLabelFont());
        grid_->SetColSize(c, w + pad);
        figures += w + pad;
    }
    dc.SetFont(grid_->GetDefaultCellFont());
    int names = FromDIP(160);
    for (int r = 0; r < table_->GetNumberRows(); ++r)
        names = std::max(names, dc.GetTextExtent(table_->GetValue(r, kField)).x + pad);
    // A long name is cut rather than the form's last columns pushed out of
    // sight.
    const int room = grid_->GetClientSize().x - figures - FromDIP(2);
    grid_->SetColSize(kField, room >= names ? room : std::max(FromDIP(150), room));
}

bool DossierPage::Unsaved() const {
    if (!sheet_ || !read_) return false;
    return !DossierSheetConflicts(*sheet_, *read_).empty();
}

void DossierPage::ShowStatus(const wxString& error) {
    retry_->Show(Unsaved());
    wxString text;
    wxColour colour = colours::Text();
    if (!error.empty()) {
        text = error;
        colour = colours::Danger();
    } else if (sheet_) {
        const DossierFigures all = table_->Figures(table_->Lines());
        text = wxString::Format(_("Received %s, settled %s, in progress %s."),
                                U8(FormatInteger(all.ReceivedTotal())),
                                U8(FormatInteger(all.SettledTotal())),
                                U8(FormatInteger(all.PendingTotal())));
        // The lines whose dossiers received are not those settled and in progress.
        for (const auto& l : sheet_->lines)
            if (!DossierBalanced(l.figures)) {
                text += "\n" + wxString::Format(_("%s: received %s, but settled %s and in "
                                                  "progress %s add up to %s."),
                                                U8(l.name), U8(FormatInteger(l.figures.ReceivedTotal())),
                                                U8(FormatInteger(l.figures.SettledTotal())),
                                                U8(FormatInteger(l.figures.PendingTotal())),
                                                U8(FormatInteger(l.figures.SettledTotal() +
                                                                 l.figures.PendingTotal())));
                colour = colours::Warning();
            }
        if (Unsaved()) {
            text = _("Not saved yet.") + " " + text;
            colour = colours::Danger();
        }
    }
    status_->SetLabelText(text);
    status_->SetForegroundColour(colour);
    Layout();
}

wxString DossierPage::StatusText() const { return status_->GetLabel(); }

void DossierPage::OnCellChanging(wxGridEvent& e) {
    if (!ParseCount(Trim(ToU8(e.GetString())))) {
        ShowError(this, wxString::Format(_("\"%s\" is not a number of dossiers: write a whole "
                                           "number such as 12 or 1.250."),
                                         e.GetString()));
        e.Veto();
    }
}

bool DossierPage::Type(int row, int col, const wxString& text) {
    if (!table_->Editable(row, col) || !ParseCount(Trim(ToU8(text)))) return false;
    table_->SetValue(row, col, text);
    return Save();
}

void DossierPage::CarryOver() {
    if (!sheet_) return;
    for (auto& l : sheet_->lines)
        if (l.previousPending && l.figures.carriedOver == 0) l.figures.carriedOver = *l.previousPending;
    Save();
}

bool DossierPage::Save() {
    if (!sheet_) return false;
    std::optional<EditConflict> conflict;
    try {
        services::SaveDossierSheet(session_.db(), *sheet_, session_.user());
    } catch (const EditConflict& e) {
        conflict = e;
    } catch (const std::exception& e) {
        // The figures typed stay on the page, marked, with "Save again".
        grid_->ForceRefresh();
        ShowStatus(ErrorSentence(e));
        wxBell();
        return false;
    }
    if (conflict) {
        // Saved on another desk (or imported) since shown: a figure only
        // one side changed is merged, the user chooses where both did.
        const EditedFields edited =
            read_ ? EditedOf(DossierSheetConflicts(*sheet_, *read_)) : EditedFields{};
        const std::optional<KeptFields> kept =
            read_ ? AskConflict(this, *conflict, edited) : AskConflict(this, *conflict);
        if (!kept) {
            grid_->ForceRefresh();
            ShowStatus(ErrorSentence(*conflict));
            return false;
        }
        try {
            services::DossierSheet stored = services::LoadDossierSheet(
                session_.db(), sheet_->unitId, sheet_->month, session_.user());
            sheet_ = MergeDossierSheet(*sheet_, stored, *kept);
            read_ = stored;
        } catch (const std::exception& e) {
            ShowStatus(ErrorSentence(e));
            return false;
        }
        Show();
        return Save();
    }
    try {
        sheet_ = services::LoadDossierSheet(session_.db(), sheet_->unitId, sheet_->month,
                                            session_.user());
        read_ = sheet_;
    } catch (const std::exception& e) {
        ShowStatus(ErrorSentence(e));
        return false;
    }
    Show();
    ShowStatus();
    return true;
}

}  // namespace cchc::gui
