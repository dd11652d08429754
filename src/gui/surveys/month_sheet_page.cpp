// A month of figures per procedure field (see month_sheet_page.h).
#include "gui/surveys/month_sheet_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "core/date.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"

namespace cchc::gui {

namespace {
wxColour TotalBackground() { return wxColour(0xE8, 0xEE, 0xF6); }
wxColour LockedBackground() { return wxColour(0xEF, 0xF1, 0xF4); }
wxColour ProblemBackground() { return wxColour(0xFD, 0xE2, 0xE1); }
}  // namespace

wxGridCellAttr* MonthSheetTable::GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) {
    auto* attr = new wxGridCellAttr;
    if (row < 0 || row >= GetNumberRows()) return attr;
    attr->SetAlignment(col == 0 ? wxALIGN_LEFT : wxALIGN_RIGHT, wxALIGN_CENTRE);
    attr->SetReadOnly(!Editable(row, col));
    if (IsTotal(row, col)) {
        attr->SetBackgroundColour(TotalBackground());
        attr->SetFont(boldFont);
    } else if (col != 0 && !Editable(row, col)) {
        attr->SetBackgroundColour(LockedBackground());
    }
    if (col != 0 && IsProblem(row, col)) attr->SetBackgroundColour(ProblemBackground());
    if (col == 0) attr->SetOverflow(false);
    return attr;
}

MonthSheetPage::MonthSheetPage(wxWindow* parent, GuiSession& session, const wxString& name,
                               MonthSheetTable* table)
    : wxPanel(parent), session_(session), table_(table) {
    SetName(name + "Page");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    bar_ = new wxBoxSizer(wxHORIZONTAL);
    title_ = new wxStaticText(this, wxID_ANY, "");
    title_->SetFont(ScaledFont(title_, 1.1, true));
    bar_->Add(title_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    bar_->Add(new wxStaticText(this, wxID_ANY, _("&Month:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
              gap / 2);
    month_ = new wxChoice(this, wxID_ANY);
    month_->SetName(name + "Month");
    // The current month and the 23 before it, newest first; the month
    // just ended is the one usually typed.
    Period m = Period::Containing(PeriodKind::Month, Date::Today(), WindowKind::Calendar);
    for (int i = 0; i < 24; ++i, m = m.Previous()) {
        months_.push_back(m);
        month_->Append(U8(m.Label()));
    }
    month_->SetSelection(1);
    shownMonth_ = 1;
    bar_->Add(month_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    bar_->AddStretchSpacer();
    retry_ = new wxButton(this, wxID_ANY, _("Save &again"));
    retry_->SetName(name + "Retry");
    bar_->Add(retry_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(bar_, 0, wxEXPAND | wxALL, gap);
    hint_ = new wxStaticText(this, wxID_ANY, "");
    hint_->SetForegroundColour(colours::MutedText());
    sizer->Add(hint_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    grid_ = new wxGrid(this, wxID_ANY);
    grid_->SetName(name + "Grid");
    table_->boldFont = ScaledFont(grid_, 1.0, true);
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
    status_->SetName(name + "Status");
    sizer->Add(status_, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    month_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (!ConfirmDiscard()) {
            month_->SetSelection(shownMonth_);
            return;
        }
        Load();
    });
    grid_->Bind(wxEVT_GRID_CELL_CHANGING, [this](wxGridEvent& e) {
        if (auto why = Refusal(e.GetString(), e.GetCol())) {
            ShowError(this, *why);
            e.Veto();
        }
    });
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent&) {
        // Out of the handler: a conflict runs its own dialog.
        CallAfter([this] { Save(); });
    });
    grid_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { FitColumns(); });
    });
    retry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] {
            WrapHint();
            Layout();
        });
    });
}

void MonthSheetPage::WrapHint() {
    // The hint on as many lines as the page's width needs.
    hint_->SetLabelText(hintText_);
    const int width = GetClientSize().x - FromDIP(16);
    if (width > FromDIP(100)) hint_->Wrap(width);
}

void MonthSheetPage::AddButton(wxButton* button) {
    bar_->Insert(bar_->GetItemCount() - 1, button, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                 FromDIP(8));
}

std::optional<wxString> MonthSheetPage::Refusal(const wxString& text, int) const {
    if (ParseCount(Trim(ToU8(text)))) return std::nullopt;
    return wxString::Format(_("\"%s\" is not a count: write a whole number such as 12 or 1.250."),
                            text);
}

bool MonthSheetPage::SetUnit(const std::optional<Unit>& unit) {
    const bool same = unit_.has_value() == unit.has_value() && (!unit || unit_->id == unit->id);
    // Figures not saved stay as typed when the same unit is shown again.
    if (same && Unsaved()) return true;
    if (!same && !ConfirmDiscard()) return false;
    unit_ = unit;
    Load();
    return true;
}

bool MonthSheetPage::ConfirmDiscard() {
    if (!Unsaved()) return true;
    const int m = shownMonth_;
    return AskYesNo(
        this,
        wxString::Format(_("The figures typed for %s, %s could not be saved. Discard them?"),
                         unit_ ? U8(unit_->name) : wxString(),
                         m >= 0 ? U8(months_[static_cast<std::size_t>(m)].Label()) : wxString()),
        _("Discard"));
}

void MonthSheetPage::Load() {
    if (grid_->IsCellEditControlEnabled()) grid_->DisableCellEditControl();
    DropSheet();
    const int m = month_->GetSelection();
    shownMonth_ = m;
    wxString error;
    hintText_ = unit_ ? TypingHint() : NoUnitHint();
    WrapHint();
    if (unit_ && m >= 0 && static_cast<std::size_t>(m) < months_.size()) {
        try {
            ReadSheet(unit_->id, months_[static_cast<std::size_t>(m)].ToString());
        } catch (const std::exception& e) {
            DropSheet();
            error = ErrorSentence(e);
        }
    }
    title_->SetLabelText(unit_ ? U8(unit_->name) : wxString());
    table_->editable = HasSheet() && session_.Access().May(Action::EditSurveys, unit_->id);
    Show();
    ShowStatus(error);
}

void MonthSheetPage::Show() {
    const int before = grid_->GetNumberRows();
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
    OfferButtons();
    Layout();
}

void MonthSheetPage::FitColumns() {
    // The figures' columns as wide as their headings' longer line (or their
    // widest figure); the field's takes the rest.
    wxClientDC dc(grid_);
    const int pad = FromDIP(8);
    int figures = 0;
    for (int c = 1; c < table_->GetNumberCols(); ++c) {
        int w = 0;
        dc.SetFont(grid_->GetLabelFont());
        for (const wxString& line : wxSplit(table_->GetColLabelValue(c), '\n'))
            w = std::max(w, dc.GetTextExtent(line).x);
        dc.SetFont(table_->boldFont);
        for (int r = 0; r < table_->GetNumberRows(); ++r)
            w = std::max(w, dc.GetTextExtent(table_->GetValue(r, c)).x);
        grid_->SetColSize(c, w + pad);
        figures += w + pad;
    }
    dc.SetFont(grid_->GetDefaultCellFont());
    int names = FromDIP(160);
    for (int r = 0; r < table_->GetNumberRows(); ++r)
        names = std::max(names, dc.GetTextExtent(table_->GetValue(r, 0)).x + pad);
    // A long name is cut rather than the form's last columns pushed out of
    // sight.
    const int room = grid_->GetClientSize().x - figures - FromDIP(2);
    grid_->SetColSize(0, room >= names ? room : std::max(FromDIP(150), room));
}

bool MonthSheetPage::Unsaved() const { return HasSheet() && Changed(); }

void MonthSheetPage::ShowStatus(const wxString& error) {
    retry_->Show(Unsaved());
    wxString text;
    wxColour colour = colours::Text();
    if (!error.empty()) {
        text = error;
        colour = colours::Danger();
    } else if (HasSheet()) {
        text = Summary(colour);
        if (Unsaved()) {
            text = _("Not saved yet.") + " " + text;
            colour = colours::Danger();
        }
    }
    status_->SetLabelText(text);
    status_->SetForegroundColour(colour);
    Layout();
}

wxString MonthSheetPage::StatusText() const { return status_->GetLabel(); }

bool MonthSheetPage::Type(int row, int col, const wxString& text) {
    if (!table_->Editable(row, col) || Refusal(text, col)) return false;
    table_->SetValue(row, col, text);
    return Save();
}

bool MonthSheetPage::Save() {
    if (!HasSheet()) return false;
    wxString error;
    const bool saved = StoreSheet(error);
    // What was typed stays on the page either way, marked when not saved.
    Show();
    ShowStatus(error);
    if (!saved) wxBell();
    return saved;
}

}  // namespace cchc::gui
