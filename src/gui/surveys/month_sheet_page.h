// A page on which the tree's unit types or corrects a month of figures
// per procedure field (the dossier statistics of form II.06a, the survey
// tallies): the unit's name and a month above a grid, a line per field and
// a total row, a status line under it. Each cell typed is saved at once; a
// save another desk overtook goes through the conflict dialog, a failed one
// stays on the page, marked, with "Save again", and the user is asked
// before figures not saved are left. The sheet, its table and its service
// calls are the derived page's.
#pragma once
#include <wx/grid.h>
#include <wx/panel.h>

#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/org.h"
#include "core/period.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/gui_util.h"

class wxBoxSizer;
class wxButton;
class wxChoice;
class wxStaticText;

namespace cchc::gui {

// The grid's table over a sheet: the field's name in column 0, figures in
// the others, a total row last.
class MonthSheetTable : public wxGridTableBase {
  public:
    // Whether the account may type into the sheet shown.
    bool editable = false;
    wxFont boldFont;
    // Whether the cell takes a figure typed.
    virtual bool Editable(int row, int col) const = 0;
    // Whether a row or column is a total (shaded, bold) and whether the
    // figures of a cell contradict each other (marked).
    virtual bool IsTotal(int row, int col) const = 0;
    virtual bool IsProblem(int row, int col) const = 0;
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override;
    bool CanHaveAttributes() override { return true; }
    bool IsEmptyCell(int row, int col) override { return GetValue(row, col).empty(); }
};

class MonthSheetPage : public wxPanel {
  public:
    // The unit of the tree; with figures not saved, the user is asked first
    // (false: the page stays on the unit shown).
    bool SetUnit(const std::optional<Unit>& unit);
    void Load();

    // For tests: the grid, the month choice, typing a cell as the user
    // does (false when refused or not saved), saving again, and the status
    // line.
    wxGrid* grid() const { return grid_; }
    wxChoice* MonthChoice() const { return month_; }
    bool Type(int row, int col, const wxString& text);
    bool Save();
    bool Unsaved() const;
    wxString StatusText() const;

  protected:
    // name: the page's window name, also the prefix of its controls'.
    MonthSheetPage(wxWindow* parent, GuiSession& session, const wxString& name,
                   MonthSheetTable* table);
    // A button of the bar, before "Save again".
    void AddButton(wxButton* button);

    // The sheet of the unit and month read (throws what the service
    // throws), dropped, whether one is shown, and whether it differs from
    // the copy read or last saved.
    virtual void ReadSheet(std::int64_t unitId, const std::string& month) = 0;
    virtual void DropSheet() = 0;
    virtual bool HasSheet() const = 0;
    virtual bool Changed() const = 0;
    // Saves the sheet shown (SaveAsking); error says why not.
    virtual bool StoreSheet(wxString& error) = 0;
    // What the status line says of the sheet shown; colour may be changed.
    virtual wxString Summary(wxColour& colour) const = 0;
    // What the hint says before a unit is chosen and once it is.
    virtual wxString NoUnitHint() const = 0;
    virtual wxString TypingHint() const = 0;
    // The value typed into a cell, if it is one (a count): else why not.
    virtual std::optional<wxString> Refusal(const wxString& text, int col) const;
    // Enables the page's own buttons for the sheet shown.
    virtual void OfferButtons() {}

    // The usual save of a sheet: stored through store(sheet); on an
    // EditConflict the conflict dialog (the user's edits measured against
    // read), the merge with what load() gives, and the save again; on
    // success sheet and read become the stored copy. False with error set
    // when it did not land (the sheet keeps what was typed).
    template <class Sheet, class LoadFn, class StoreFn, class ConflictsFn, class MergeFn>
    bool SaveAsking(std::optional<Sheet>& sheet, std::optional<Sheet>& read, LoadFn load,
                    StoreFn store, ConflictsFn conflicts, MergeFn merge, wxString& error) {
        for (int round = 0; round < 5; ++round) {
            std::optional<EditConflict> conflict;
            try {
                store(*sheet);
            } catch (const EditConflict& e) {
                conflict = e;
            } catch (const std::exception& e) {
                error = ErrorSentence(e);
                return false;
            }
            try {
                if (!conflict) {
                    sheet = load();
                    read = sheet;
                    return true;
                }
                const EditedFields edited =
                    read ? EditedOf(conflicts(*sheet, *read)) : EditedFields{};
                const std::optional<KeptFields> kept =
                    read ? AskConflict(this, *conflict, edited) : AskConflict(this, *conflict);
                if (!kept) {
                    error = ErrorSentence(*conflict);
                    return false;
                }
                Sheet stored = load();
                sheet = merge(*sheet, stored, *kept);
                read = stored;
                Show();
            } catch (const std::exception& e) {
                error = ErrorSentence(e);
                return false;
            }
        }
        return false;
    }

    // The sheet shown again (rows, widths, buttons).
    void Show();
    void ShowStatus(const wxString& error = {});

    GuiSession& session_;
    std::optional<Unit> unit_;
    MonthSheetTable* table_ = nullptr;

  private:
    bool ConfirmDiscard();
    void FitColumns();
    void WrapHint();

    std::vector<Period> months_;
    wxStaticText* title_ = nullptr;
    wxChoice* month_ = nullptr;
    wxBoxSizer* bar_ = nullptr;
    wxButton* retry_ = nullptr;
    wxStaticText* hint_ = nullptr;
    wxString hintText_;
    wxGrid* grid_ = nullptr;
    wxStaticText* status_ = nullptr;
    int shownMonth_ = wxNOT_FOUND;
};

}  // namespace cchc::gui
