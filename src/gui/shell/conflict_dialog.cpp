// The side-by-side choice between the user's values and another desk's.
#include "gui/shell/conflict_dialog.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textwrapper.h>

#include <algorithm>
#include <vector>

#include "gui/shell/gui_util.h"

namespace cchc::gui {

namespace {

// Text broken into lines of at most width pixels in the window's font (a
// radio button's label does not wrap by itself).
class LineBreaker : public wxTextWrapper {
  public:
    wxString Lines(wxWindow* window, const wxString& text, int width) {
        out_.clear();
        Wrap(window, text, width);
        return out_;
    }

  protected:
    void OnOutputLine(const wxString& line) override { out_ += line; }
    void OnNewLine() override { out_ += '\n'; }

  private:
    wxString out_;
};

class ConflictDialog : public wxDialog {
  public:
    ConflictDialog(wxWindow* parent, const EditConflict& conflict, const EditedFields& edited)
        : wxDialog(parent, wxID_ANY, _("Saved on another desk"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
        SetName("conflict_dialog");
        auto* top = new wxBoxSizer(wxVERTICAL);
        auto* intro = new wxStaticText(this, wxID_ANY, ErrorSentence(conflict));
        intro->Wrap(FromDIP(620));
        top->Add(intro, 0, wxALL, FromDIP(12));

        auto* page = new wxScrolledWindow(this, wxID_ANY);
        page->SetScrollRate(0, FromDIP(10));
        auto* grid = new wxFlexGridSizer(3, FromDIP(10), FromDIP(16));
        grid->AddGrowableCol(1, 1);
        grid->AddGrowableCol(2, 1);
        auto heading = [&](const wxString& text) {
            auto* t = new wxStaticText(page, wxID_ANY, text);
            t->SetFont(ScaledFont(t, 1.0, true));
            grid->Add(t);
        };
        heading(_("Field"));
        heading(_("Your value"));
        heading(_("Value saved on the other desk"));
        // Long values (a task's text, the recipients) wrap within their column.
        const int column = FromDIP(280);
        LineBreaker breaker;
        // The fields the user edited first, then those only the other desk
        // changed (the stored value pre-selected).
        std::vector<const FieldConflict*> order;
        for (const FieldConflict& f : conflict.fields())
            if (edited.count(f.field)) order.push_back(&f);
        for (const FieldConflict& f : conflict.fields())
            if (!edited.count(f.field)) order.push_back(&f);
        for (const FieldConflict* field : order) {
            const FieldConflict& f = *field;
            const bool touched = edited.count(f.field) > 0;
            auto* cell = new wxBoxSizer(wxVERTICAL);
            auto* label = new wxStaticText(page, wxID_ANY, U8(f.label));
            label->Wrap(FromDIP(160));
            cell->Add(label);
            if (!touched) {
                auto* note = new wxStaticText(page, wxID_ANY, _("(you did not change this)"));
                note->SetName("untouched_" + U8(f.field));
                note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
                note->SetFont(ScaledFont(note, 0.9, false));
                cell->Add(note);
            }
            grid->Add(cell, 0, wxALIGN_TOP);
            auto choice = [&](const std::string& v, const wxString& name, long style) {
                auto* radio =
                    new wxRadioButton(page, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, style);
                radio->SetName(name);
                const wxString text = v.empty() ? wxString(_("(empty)")) : U8(v);
                radio->SetLabel(wxControl::EscapeMnemonics(breaker.Lines(radio, text, column)));
                return radio;
            };
            auto* mine = choice(f.mine, "mine_" + U8(f.field), wxRB_GROUP);
            auto* theirs = choice(f.theirs, "theirs_" + U8(f.field), 0);
            (touched ? mine : theirs)->SetValue(true);
            grid->Add(mine, 0, wxALIGN_TOP);
            grid->Add(theirs, 0, wxALIGN_TOP);
            mine_.push_back(mine);
            theirs_.push_back(theirs);
            fields_.push_back(f.field);
        }
        if (conflict.fields().empty()) {
            grid->Add(new wxStaticText(page, wxID_ANY,
                                       _("The other desk changed none of the values you edited.")));
        }
        page->SetSizer(grid);
        page->FitInside();
        // As tall as the fields need up to a screenful, then scrolled; room
        // beside them for the scroll bar.
        const wxSize need = grid->CalcMin();
        page->SetMinSize(wxSize(std::max(need.x + FromDIP(24), FromDIP(640)),
                                std::min(need.y + FromDIP(8), FromDIP(440))));
        top->Add(page, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));

        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto* allMine = new wxButton(this, wxID_ANY, _("Keep all &mine"));
        allMine->SetName("keep_all_mine");
        auto* allTheirs = new wxButton(this, wxID_ANY, _("Take all &saved"));
        allTheirs->SetName("take_all_saved");
        auto* save = new wxButton(this, wxID_OK, _("Save my &choice"));
        auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
        buttons->Add(allMine, 0, wxRIGHT, FromDIP(6));
        buttons->Add(allTheirs, 0, wxRIGHT, FromDIP(6));
        buttons->AddStretchSpacer();
        buttons->Add(save, 0, wxRIGHT, FromDIP(6));
        buttons->Add(cancel);
        top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
        allMine->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SetAll(true); });
        allTheirs->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SetAll(false); });
        save->SetDefault();
        SetSizerAndFit(top);
        CentreOnParent();
        save->SetFocus();
    }

    KeptFields Kept() const {
        KeptFields kept;
        for (size_t i = 0; i < mine_.size(); ++i)
            if (mine_[i]->GetValue()) kept.insert(fields_[i]);
        return kept;
    }

  private:
    void SetAll(bool mine) {
        for (size_t i = 0; i < mine_.size(); ++i) {
            mine_[i]->SetValue(mine);
            theirs_[i]->SetValue(!mine);
        }
    }

    std::vector<wxRadioButton*> mine_, theirs_;
    std::vector<std::string> fields_;  // the field of each row, in the order shown
};

}  // namespace

std::optional<KeptFields> AskConflict(wxWindow* parent, const EditConflict& conflict,
                                      const EditedFields& edited) {
    if (!NeedsChoice(conflict, edited)) return DefaultKept(conflict, edited);
    ConflictDialog dlg(parent, conflict, edited);
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    return dlg.Kept();
}

std::optional<KeptFields> AskConflict(wxWindow* parent, const EditConflict& conflict) {
    EditedFields all;
    for (const FieldConflict& f : conflict.fields()) all[f.field] = std::nullopt;
    ConflictDialog dlg(parent, conflict, all);
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    return dlg.Kept();
}

}  // namespace cchc::gui
