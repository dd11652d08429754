// The criteria × communes matrix (see result_matrix_page.h).
#include "gui/index/result_matrix_page.h"

#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/vnformat.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {

namespace {
wxColour Weak() { return wxColour(0xF8, 0xD0, 0xD0); }
wxColour Fair() { return wxColour(0xFF, 0xEC, 0xB3); }

}  // namespace

class MatrixTable : public wxGridTableBase {
  public:
    explicit MatrixTable(const services::ResultMatrix& m) : m_(m) {}
    int GetNumberRows() override { return static_cast<int>(m_.rows.size()); }
    int GetNumberCols() override { return static_cast<int>(m_.columns.size()) + 1; }
    wxString GetValue(int row, int col) override {
        const auto& r = m_.rows[static_cast<std::size_t>(row)];
        if (col == 0) return U8(r.title) + " (" + U8(FormatNumberTrim(r.max, 2)) + ")";
        const auto& v = m_.values[static_cast<std::size_t>(row)][static_cast<std::size_t>(col - 1)];
        return v ? U8(FormatNumberTrim(*v, 2)) : wxString(_("n/a"));
    }
    void SetValue(int, int, const wxString&) override {}
    bool IsEmptyCell(int, int) override { return false; }
    wxString GetRowLabelValue(int row) override {
        return U8(m_.rows[static_cast<std::size_t>(row)].code);
    }
    wxString GetColLabelValue(int col) override {
        // TRANSLATORS: heading of the matrix's first column.
        if (col == 0) return _("Criterion (maximum)");
        return TwoLines(U8(m_.columns[static_cast<std::size_t>(col - 1)].name));
    }
    bool CanHaveAttributes() override { return true; }
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        auto* attr = new wxGridCellAttr;
        attr->SetReadOnly(true);
        if (col == 0) {
            attr->SetOverflow(false);
            return attr;
        }
        attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
        const auto& r = m_.rows[static_cast<std::size_t>(row)];
        const auto& v = m_.values[static_cast<std::size_t>(row)][static_cast<std::size_t>(col - 1)];
        if (v && r.max > 0) {
            const double ratio = *v / r.max;
            if (ratio < 0.5)
                attr->SetBackgroundColour(Weak());
            else if (ratio < 0.8)
                attr->SetBackgroundColour(Fair());
        } else if (!v) {
            attr->SetTextColour(colours::MutedText());
        }
        return attr;
    }

  private:
    const services::ResultMatrix& m_;
};

ResultMatrixPage::ResultMatrixPage(wxWindow* parent, GuiSession& session)
    : wxPanel(parent, wxID_ANY), session_(session) {
    SetBackgroundColour(colours::Background());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    legend_ = new wxStaticText(this, wxID_ANY, "");
    legend_->SetForegroundColour(colours::MutedText());
    sizer->Add(legend_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->SetName("resultMatrix");
    table_ = new MatrixTable(matrix_);
    grid_->SetTable(table_, true, wxGrid::wxGridSelectCells);
    grid_->EnableEditing(false);
    grid_->SetRowLabelSize(FromDIP(64));
    grid_->SetColLabelSize(FromDIP(44));
    grid_->SetDefaultColSize(FromDIP(84), true);
    grid_->SetDefaultRowSize(FromDIP(24), true);
    sizer->Add(grid_, 1, wxEXPAND);
    SetSizer(sizer);
    grid_->Bind(wxEVT_GRID_CELL_LEFT_DCLICK, [this](wxGridEvent& e) {
        if (e.GetCol() >= 1 && onOpenUnit)
            onOpenUnit(matrix_.columns[static_cast<std::size_t>(e.GetCol() - 1)].unit);
    });
}

void ResultMatrixPage::SetContext(const std::string& framework, const std::string& period,
                                  bool appraised) {
    const int oldRows = grid_->GetNumberRows(), oldCols = grid_->GetNumberCols();
    matrix_ = {};
    wxString message;
    if (!framework.empty() && !period.empty()) {
        try {
            matrix_ = services::BuildResultMatrix(session_.db(), framework, period, appraised,
                                                  session_.user());
        } catch (const std::exception& e) {
            message = ErrorSentence(e);
        }
    }
    if (message.empty())
        message = matrix_.columns.empty()
                      ? _("No commune has results on this framework in this period.")
                      : _("Points of each commune on each criterion, best-ranked commune first. "
                          "Red: under half of "
                          "the maximum; amber: under 80%. Double-click a cell to open that "
                          "commune's scoring grid.");
    legend_->SetLabelText(message);
    legend_->Wrap(std::max(FromDIP(400), GetClientSize().x - FromDIP(8)));
    grid_->BeginBatch();
    auto notify = [&](int oldCount, int newCount, bool rows) {
        if (newCount > oldCount) {
            wxGridTableMessage msg(
                table_, rows ? wxGRIDTABLE_NOTIFY_ROWS_APPENDED : wxGRIDTABLE_NOTIFY_COLS_APPENDED,
                newCount - oldCount);
            grid_->ProcessTableMessage(msg);
        } else if (newCount < oldCount) {
            wxGridTableMessage msg(
                table_, rows ? wxGRIDTABLE_NOTIFY_ROWS_DELETED : wxGRIDTABLE_NOTIFY_COLS_DELETED,
                newCount, oldCount - newCount);
            grid_->ProcessTableMessage(msg);
        }
    };
    notify(oldRows, table_->GetNumberRows(), true);
    notify(oldCols, table_->GetNumberCols(), false);
    if (grid_->GetNumberCols() > 0) {
        grid_->SetColSize(0, FromDIP(300));
        for (int c = 1; c < grid_->GetNumberCols(); ++c) grid_->SetColSize(c, FromDIP(84));
        grid_->FreezeTo(0, 1);
    }
    grid_->EndBatch();
    grid_->ForceRefresh();
    Layout();
}

}  // namespace cchc::gui
