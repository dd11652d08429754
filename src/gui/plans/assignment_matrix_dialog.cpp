// The assignment matrix of a unit (see assignment_matrix_dialog.h).
#include "gui/plans/assignment_matrix_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/stattext.h>

#include "core/assignment_conflicts.h"
#include "core/errors.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_util.h"
#include "services/frameworks/frameworks.h"

namespace cchc::gui {

namespace {
enum Column { kGroup, kIndicator, kTitle, kLead, kCoordinating, kPerson, kColumns };

// The grid column of a field key the service reports problems with.
int ColumnOf(const std::string& field) {
    if (field == "indicator") return kIndicator;
    if (field == "title") return kTitle;
    if (field == "lead_unit") return kLead;
    if (field == "coordinating_units") return kCoordinating;
    if (field == "responsible_person") return kPerson;
    return kGroup;
}

bool SameRows(const std::vector<services::AssignmentRow>& a,
              const std::vector<services::AssignmentRow>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].group != b[i].group || a[i].indicator != b[i].indicator ||
            a[i].title != b[i].title || a[i].leadUnit != b[i].leadUnit ||
            a[i].coordinatingUnits != b[i].coordinatingUnits ||
            a[i].responsiblePerson != b[i].responsiblePerson)
            return false;
    return true;
}
}  // namespace

AssignmentMatrixDialog::AssignmentMatrixDialog(wxWindow* parent, GuiSession& session,
                                               const std::string& unitCode,
                                               const std::string& frameworkCode)
    : session_(session), unitCode_(unitCode), frameworkCode_(frameworkCode) {
    LoadForm(parent, "AssignmentMatrixDialog");
    SetEscapeId(wxID_CANCEL);
    SetAffirmativeId(wxID_OK);
    const auto unit = session_.Organisation().UnitByCode(unitCode);
    const wxString unitName = unit ? U8(unit->name) : U8(unitCode);
    // TRANSLATORS: title of the assignment matrix; %s is the unit's name.
    SetTitle(wxString::Format(_("Assignment of indicators: %s"), unitName));
    Ctrl<wxStaticText>("unit")->SetLabelText(unitName);
    auto* hint = Ctrl<wxStaticText>("hint");
    hint->Wrap(FromDIP(900));
    hint->SetMinSize(hint->GetBestSize());  // not the one-line width it was created with

    FillFrameworks();
    SetUpGrid();
    BindEvents();
    // An account that may not edit the unit's plans reads the matrix: the
    // grid takes no input and the buttons that change it say why not.
    AccessUi& access = session_.Access();
    const auto unitId = unit ? std::optional<std::int64_t>(unit->id) : std::nullopt;
    mayEdit_ = unitId ? access.May(Action::EditPlans, *unitId) : access.May(Action::EditPlans);
    for (const char* name : {"add", "remove"})
        access.Offer(Ctrl<wxButton>(name), true, Action::EditPlans, unitId);
    access.Offer(FindWindow(wxID_OK), true, Action::EditPlans, unitId);
    grid_->EnableEditing(mayEdit_);
    if (!mayEdit_) grid_->GetGridWindow()->SetToolTip(access.WhyNot(Action::EditPlans, unitId));
    Reload();
    FinishLayout(grid_);
}

void AssignmentMatrixDialog::FillFrameworks() {
    framework_ = Ctrl<wxChoice>("framework");
    for (const auto& f : services::FrameworkService(session_.db(), session_.user()).List()) {
        // Long decision titles are cut so that the dialog keeps a usable width.
        wxString label = U8(f.code) + wxString::FromUTF8(" \xe2\x80\x93 ") + U8(f.name);
        if (label.length() > 80) label = label.Left(79) + wxString::FromUTF8("\xe2\x80\xa6");
        framework_->Append(label);
        frameworkCodes_.push_back(f.code);
        frameworkNames_.push_back(f.name);
        if (f.code == frameworkCode_) framework_->SetSelection(framework_->GetCount() - 1);
    }
    ShowFrameworkName();
    framework_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnFrameworkChosen(); });
}

void AssignmentMatrixDialog::SetUpGrid() {
    grid_ = Ctrl<wxGrid>("matrix");
    grid_->CreateGrid(0, kColumns);
    // The grid's own best size is all its columns; the form's size is enough.
    grid_->SetMinSize(FromDIP(wxSize(900, 420)));
    grid_->SetTabBehaviour(wxGrid::Tab_Leave);
    grid_->HideRowLabels();
    grid_->SetColLabelSize(FromDIP(28));
    // TRANSLATORS: columns of the assignment matrix.
    const wxString labels[kColumns] = {
        _("Group"),     _("Indicator"),          _("Title"),
        _("Lead unit"), _("Coordinating units"), _("Responsible person")};
    const int widths[kColumns] = {70, 80, 330, 200, 220, 190};
    for (int c = 0; c < kColumns; ++c) {
        grid_->SetColLabelValue(c, labels[c]);
        grid_->SetColSize(c, FromDIP(widths[c]));
        auto* attr = new wxGridCellAttr;
        attr->SetRenderer(new wxGridCellAutoWrapStringRenderer);
        attr->SetEditor(new wxGridCellAutoWrapStringEditor);
        grid_->SetColAttr(c, attr);
    }
    grid_->SetColLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);
    // The title column takes the width the others leave, so that the grid
    // has no empty band when the dialog is widened.
    grid_->GetGridWindow()->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        int others = 0;
        for (int c = 0; c < kColumns; ++c)
            if (c != kTitle) others += grid_->GetColSize(c);
        const int width = grid_->GetGridWindow()->GetClientSize().x - others;
        if (width > FromDIP(200) && width != grid_->GetColSize(kTitle)) {
            grid_->SetColSize(kTitle, width);
            grid_->AutoSizeRows(false);
        }
        e.Skip();
    });
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
        StyleRow(e.GetRow());
        grid_->AutoSizeRow(e.GetRow(), false);
        Ctrl<wxStaticText>("status")->SetLabelText(HasChanges() ? _("Not saved yet") : wxString());
        e.Skip();
    });
}

void AssignmentMatrixDialog::BindEvents() {
    Ctrl<wxButton>("add")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddRow(); });
    Ctrl<wxButton>("remove")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RemoveRow(); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); }, wxID_OK);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { TryClose(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (e.CanVeto() && !MayDiscard()) {
            e.Veto();
            return;
        }
        if (IsModal())
            EndModal(wxID_CANCEL);
        else
            Destroy();
    });
    const int kAddRow = wxWindow::NewControlId(), kRemoveRow = wxWindow::NewControlId();
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Save(); }, wxID_OK);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { AddRow(); }, kAddRow);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { RemoveRow(); }, kRemoveRow);
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'S', wxID_OK},
                                 {wxACCEL_CTRL, WXK_INSERT, kAddRow},
                                 {wxACCEL_CTRL, WXK_DELETE, kRemoveRow}};
    SetAcceleratorTable(wxAcceleratorTable(3, keys));
}

void AssignmentMatrixDialog::Reload() {
    ClearError();
    stored_.clear();
    try {
        auto matrix = services::AssignmentService(session_.db(), session_.user())
                          .LoadMatrix(unitCode_, frameworkCode_);
        stored_ = std::move(matrix.rows);
        version_ = matrix.version;
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "framework");
    }
    Fill(stored_);
}

void AssignmentMatrixDialog::Fill(const std::vector<services::AssignmentRow>& rows) {
    grid_->BeginBatch();
    if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
    grid_->AppendRows(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const auto& row = rows[static_cast<std::size_t>(r)];
        grid_->SetCellValue(r, kGroup, U8(row.group));
        grid_->SetCellValue(r, kIndicator, U8(row.indicator));
        grid_->SetCellValue(r, kTitle, U8(row.title));
        grid_->SetCellValue(r, kLead, U8(row.leadUnit));
        grid_->SetCellValue(r, kCoordinating, U8(row.coordinatingUnits));
        grid_->SetCellValue(r, kPerson, U8(row.responsiblePerson));
        StyleRow(r);
    }
    grid_->AutoSizeRows(false);
    grid_->EndBatch();
    if (!rows.empty()) grid_->SetGridCursor(0, kGroup);
    if (mayEdit_) Ctrl<wxButton>("remove")->Enable(!rows.empty());
    Ctrl<wxStaticText>("status")->SetLabelText(
        rows.empty() ? _("No assignment yet: add a group row, then its indicators.") : wxString());
}

std::vector<services::AssignmentRow> AssignmentMatrixDialog::ReadGrid() const {
    std::vector<services::AssignmentRow> rows;
    for (int r = 0; r < grid_->GetNumberRows(); ++r) {
        services::AssignmentRow row{TrimmedU8(grid_->GetCellValue(r, kGroup)),
                                    TrimmedU8(grid_->GetCellValue(r, kIndicator)),
                                    TrimmedU8(grid_->GetCellValue(r, kTitle)),
                                    TrimmedU8(grid_->GetCellValue(r, kLead)),
                                    TrimmedU8(grid_->GetCellValue(r, kCoordinating)),
                                    TrimmedU8(grid_->GetCellValue(r, kPerson))};
        rows.push_back(std::move(row));
    }
    return rows;
}

bool AssignmentMatrixDialog::HasChanges() const { return !SameRows(ReadGrid(), stored_); }

// Group rows bold on a light background, so that their indicators read as
// belonging to them.
void AssignmentMatrixDialog::StyleRow(int row) {
    const bool group = grid_->GetCellValue(row, kIndicator).Trim().Trim(false).empty();
    for (int c = 0; c < kColumns; ++c) {
        grid_->SetCellBackgroundColour(row, c, group ? wxColour(0xEE, 0xF3, 0xF9) : *wxWHITE);
        // An indicator row's group label only repeats its group's: muted.
        grid_->SetCellTextColour(row, c,
                                 !group && c == kGroup ? colours::MutedText() : colours::Text());
        wxFont font = grid_->GetDefaultCellFont();
        if (group) font.MakeBold();
        grid_->SetCellFont(row, c, font);
    }
}

void AssignmentMatrixDialog::AddRow() {
    if (!mayEdit_) return;
    grid_->SaveEditControlValue();
    const int current = grid_->GetNumberRows() > 0 ? grid_->GetGridCursorRow() : -1;
    const int at = current + 1;
    grid_->InsertRows(at, 1);
    // The new row belongs to the current row's group.
    if (current >= 0) grid_->SetCellValue(at, kGroup, grid_->GetCellValue(current, kGroup));
    StyleRow(at);
    grid_->SetGridCursor(at, current >= 0 ? kIndicator : kGroup);
    grid_->MakeCellVisible(at, kGroup);
    grid_->SetFocus();
    Ctrl<wxButton>("remove")->Enable(true);
    Ctrl<wxStaticText>("status")->SetLabelText(_("Not saved yet"));
}

void AssignmentMatrixDialog::RemoveRow() {
    if (!mayEdit_ || grid_->GetNumberRows() == 0) return;
    grid_->SaveEditControlValue();
    const int row = grid_->GetGridCursorRow();
    if (row < 0) return;
    grid_->DeleteRows(row, 1);
    if (grid_->GetNumberRows() > 0)
        grid_->SetGridCursor(std::min(row, grid_->GetNumberRows() - 1), kGroup);
    Ctrl<wxButton>("remove")->Enable(grid_->GetNumberRows() > 0);
    Ctrl<wxStaticText>("status")->SetLabelText(HasChanges() ? _("Not saved yet") : wxString());
    grid_->SetFocus();
}

bool AssignmentMatrixDialog::Save() {
    if (!mayEdit_) return false;
    grid_->SaveEditControlValue();
    ClearError();
    const auto rows = ReadGrid();
    std::optional<EditConflict> conflict;
    try {
        services::AssignmentService(session_.db(), session_.user())
            .Save(unitCode_, frameworkCode_, rows, version_);
    } catch (const EditConflict& e) {
        conflict = e;
    } catch (const UserError& e) {
        const long line = e.where().line;
        if (line >= 1 && line <= grid_->GetNumberRows()) {
            const int col = ColumnOf(e.where().field);
            // TRANSLATORS: a problem in the assignment grid: row number, column, message.
            ShowFieldError(wxString::Format(_("Row %ld, %s: %s"), line,
                                            grid_->GetColLabelValue(col), U8(e.message())),
                           "matrix");
            grid_->SetGridCursor(static_cast<int>(line - 1), col);
            grid_->MakeCellVisible(static_cast<int>(line - 1), col);
        } else {
            ShowFieldError(ErrorSentence(e), "matrix");
        }
        return false;
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "matrix");
        return false;
    }
    if (conflict) {
        // Saved on another desk since it was shown: a value only one desk
        // changed is merged, the user chooses where both did, and the
        // choice is saved against the stored version (out of the handler:
        // the conflict dialog runs its own event loop).
        const std::optional<KeptFields> kept =
            AskConflict(this, *conflict, EditedOf(AssignmentConflicts(rows, stored_)));
        if (!kept) {
            ShowFieldError(ErrorSentence(*conflict), "matrix");
            return false;
        }
        try {
            auto stored = services::AssignmentService(session_.db(), session_.user())
                              .LoadMatrix(unitCode_, frameworkCode_);
            // The grid is now measured against the copy compared.
            stored_ = stored.rows;
            version_ = conflict->storedVersion();
            Fill(MergeAssignments(rows, stored.rows, *conflict, *kept));
        } catch (const std::exception& e) {
            ShowFieldError(ErrorSentence(e), "matrix");
            return false;
        }
        return Save();
    }
    Reload();
    Ctrl<wxStaticText>("status")->SetLabelText(
        wxString::Format(wxPLURAL("Saved: %zu row", "Saved: %zu rows", rows.size()), rows.size()));
    return true;
}

void AssignmentMatrixDialog::OnFrameworkChosen() {
    const int i = framework_->GetSelection();
    if (i < 0 || frameworkCodes_[static_cast<std::size_t>(i)] == frameworkCode_) return;
    if (!MayDiscard()) {
        // Back to the framework being edited.
        for (std::size_t k = 0; k < frameworkCodes_.size(); ++k)
            if (frameworkCodes_[k] == frameworkCode_) framework_->SetSelection(static_cast<int>(k));
        return;
    }
    frameworkCode_ = frameworkCodes_[static_cast<std::size_t>(i)];
    ShowFrameworkName();
    Reload();
}

bool AssignmentMatrixDialog::MayDiscard() {
    grid_->SaveEditControlValue();
    if (!HasChanges()) return true;
    return AskYesNo(this, _("The assignment matrix has changes that are not saved. Discard them?"),
                    _("Discard changes"));
}

// The whole name of the framework, which the choice may show cut.
void AssignmentMatrixDialog::ShowFrameworkName() {
    const int i = framework_->GetSelection();
    framework_->SetToolTip(i >= 0 ? U8(frameworkNames_[static_cast<std::size_t>(i)])
                                  : _("The index framework whose indicators are assigned"));
}

void AssignmentMatrixDialog::TryClose() { Close(false); }

}  // namespace cchc::gui
