// The paper forms dialog (see paper_forms_dialog.h).
#include "gui/surveys/paper_forms_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cstring>

#include "core/collation.h"
#include "core/errors.h"
#include "core/vnformat.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/vn_date_ctrl.h"
#include "services/surveys/paper_forms.h"

namespace cchc::gui {
namespace {

const char* const kScoreFields[3] = {"attitude", "handling", "guidance"};

wxString ScoreText(const std::optional<int>& s) {
    return s ? wxString::Format("%d", *s) : wxString::FromUTF8("\xe2\x80\x94");
}

}  // namespace

PaperFormsDialog::PaperFormsDialog(wxWindow* parent, GuiSession& session, const Unit& unit)
    : wxDialog(parent, wxID_ANY,
               wxString::Format(_("Paper rating forms (Form 01) of %s"), U8(unit.name)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session),
      unit_(unit) {
    SetName("paperFormsDialog");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("Type the forms one after the other: the day, officer and procedure stay from form to "
          "form; type each score as a digit from 1 to 5 (the cursor moves on by itself; Tab "
          "leaves a box blank), then Enter adds the form to the stack. Save stores the whole "
          "stack."));
    intro->Wrap(FromDIP(640));
    sizer->Add(intro, 0, wxALL, gap);

    auto* grid = new wxFlexGridSizer(2, gap / 2, gap);
    grid->AddGrowableCol(1);
    auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    label(_("&Day on the forms:"));
    day_ = new VnDateCtrl(this);
    day_->SetName("formDay");
    day_->SetDate(Date::Today());
    grid->Add(day_, 0);
    label(_("&Officer rated:"));
    officer_ = new wxChoice(this, wxID_ANY);
    officer_->SetName("formOfficer");
    auto people = session_.Organisation().People(unit.id);
    std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
        if (a.oneStopDesk != b.oneStopDesk) return a.oneStopDesk;
        return VietnameseNameLess(a.fullName, b.fullName);
    });
    for (const auto& p : people) {
        if (!p.active) continue;
        officerNames_.push_back(U8(p.fullName));
        officer_->Append(U8(p.fullName) + " (" + U8(p.code) + ")");
        officerIds_.push_back(p.id);
    }
    if (!officerIds_.empty()) officer_->SetSelection(0);
    grid->Add(officer_, 1, wxEXPAND);
    label(_("&Procedure:"));
    procedure_ = new wxComboBox(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, nullptr,
                                wxTE_PROCESS_ENTER);
    procedure_->SetName("formProcedure");
    grid->Add(procedure_, 1, wxEXPAND);
    label(_("Scores (1-5):"));
    auto* scores = new wxBoxSizer(wxHORIZONTAL);
    const wxString scoreLabels[3] = {_("&Attitude"), _("&Handling"), _("&Guidance")};
    for (int i = 0; i < 3; ++i) {
        scores->Add(new wxStaticText(this, wxID_ANY, scoreLabels[i]), 0,
                    wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
        scores_[i] = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(40), -1),
                                    wxTE_PROCESS_ENTER | wxTE_CENTER);
        scores_[i]->SetName(kScoreFields[i]);
        scores_[i]->SetMaxLength(1);
        scores->Add(scores_[i], 0, wxRIGHT, 2 * gap);
    }
    grid->Add(scores, 0);
    label(_("&Citizen (if written):"));
    citizen_ =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    citizen_->SetName("formCitizen");
    grid->Add(citizen_, 1, wxEXPAND);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* addRow = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ADD, _("&Add to the stack (Enter)"));
    add->SetName("addForm");
    addRow->Add(add, 0, wxRIGHT, gap);
    auto* remove = new wxButton(this, wxID_REMOVE, _("&Remove form (Delete)"));
    remove->SetName("removeForm");
    addRow->Add(remove, 0, wxRIGHT, gap);
    addRow->AddStretchSpacer();
    count_ = new wxStaticText(this, wxID_ANY, "");
    count_->SetName("formCount");
    count_->SetFont(ScaledFont(count_, 1.0, true));
    addRow->Add(count_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(addRow, 0, wxEXPAND | wxALL, gap);

    error_ = new wxStaticText(this, wxID_ANY, "");
    error_->SetName("error");
    error_->SetForegroundColour(colours::Danger());
    error_->Hide();
    sizer->Add(error_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    stack_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(220)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    stack_->SetName("formStack");
    const std::pair<wxString, int> columns[] = {
        {_("No."), 40},      {_("Day"), 90},      {_("Officer"), 170}, {_("Procedure"), 170},
        {_("Attitude"), 65}, {_("Handling"), 70}, {_("Guidance"), 75}, {_("Citizen"), 120}};
    for (const auto& [title, width] : columns)
        stack_->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
    sizer->Add(stack_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* save = new wxButton(this, wxID_SAVE, _("&Save the forms"));
    buttons->Add(save, 0, wxRIGHT, gap);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    SetMinSize(GetSize());
    CentreOnParent();
    FillStack();

    // A digit moves on to the next box; anything else is left for the
    // check to name.
    for (int i = 0; i < 3; ++i)
        scores_[i]->Bind(wxEVT_TEXT, [this, i](wxCommandEvent&) {
            const auto score = ParseFormScore(ToU8(scores_[i]->GetValue()));
            if (score && score->has_value()) (i < 2 ? scores_[i + 1] : citizen_)->SetFocus();
        });
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{procedure_, scores_[0], scores_[1], scores_[2], citizen_})
        w->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { AddForm(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddForm(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RemoveSelected(); });
    stack_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE)
            RemoveSelected();
        else
            e.Skip();
    });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { CloseAsking(wxID_CANCEL); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { CloseAsking(wxID_CANCEL); });
    wxAcceleratorEntry keys[] = {wxAcceleratorEntry(wxACCEL_CTRL, 'S', wxID_SAVE)};
    SetAcceleratorTable(wxAcceleratorTable(1, keys));
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Save(); }, wxID_SAVE);
    scores_[0]->SetFocus();
}

void PaperFormsDialog::ShowProblem(const wxString& message, const char* field) {
    error_->SetLabelText(message);
    error_->Wrap(FromDIP(640));
    error_->Show(!message.empty());
    Layout();
    if (!field) return;
    if (!std::strcmp(field, "day")) day_->SetFocus();
    if (!std::strcmp(field, "officer")) officer_->SetFocus();
    if (!std::strcmp(field, "procedure")) procedure_->SetFocus();
    if (!std::strcmp(field, "citizen")) citizen_->SetFocus();
    for (int i = 0; i < 3; ++i)
        if (!std::strcmp(field, kScoreFields[i])) {
            scores_[i]->SetFocus();
            scores_[i]->SelectAll();
        }
}

bool PaperFormsDialog::AddForm() {
    PaperForm f;
    if (day_->Bad()) {
        ShowProblem(U8(day_->Refusal()), "day");
        return false;
    }
    f.day = day_->Value().value_or(Date{});
    const int o = officer_->GetSelection();
    if (o >= 0 && static_cast<std::size_t>(o) < officerIds_.size())
        f.officerId = officerIds_[static_cast<std::size_t>(o)];
    f.procedure = TrimmedU8(procedure_->GetValue());
    f.citizen = TrimmedU8(citizen_->GetValue());
    std::optional<int>* scores[3] = {&f.attitude, &f.handling, &f.guidance};
    for (int i = 0; i < 3; ++i) {
        const auto score = ParseFormScore(ToU8(scores_[i]->GetValue()));
        if (!score) {
            ShowProblem(_("A score is a digit from 1 to 5, or left blank."), kScoreFields[i]);
            return false;
        }
        *scores[i] = *score;
    }
    const auto problems = CheckPaperForm(f, Date::Today());
    if (!problems.empty()) {
        ShowProblem(U8(problems.front().message), problems.front().field.c_str());
        return false;
    }
    forms_.push_back(f);
    officerOf_.push_back(o);
    if (!f.procedure.empty() && procedure_->FindString(U8(f.procedure)) == wxNOT_FOUND)
        procedure_->Append(U8(f.procedure));
    for (auto* s : scores_) s->ChangeValue("");
    citizen_->ChangeValue("");
    ShowProblem("", nullptr);
    FillStack();
    scores_[0]->SetFocus();
    return true;
}

void PaperFormsDialog::FillStack() {
    stack_->Freeze();
    stack_->DeleteAllItems();
    for (std::size_t i = 0; i < forms_.size(); ++i) {
        const PaperForm& f = forms_[i];
        const long item = stack_->InsertItem(static_cast<long>(i),
                                             wxString::Format("%d", static_cast<int>(i + 1)));
        stack_->SetItem(item, 1, U8(FormatDate(f.day)));
        const int o = officerOf_[i];
        stack_->SetItem(item, 2, o >= 0 ? officerNames_[static_cast<std::size_t>(o)] : wxString());
        stack_->SetItem(item, 3, U8(f.procedure));
        stack_->SetItem(item, 4, ScoreText(f.attitude));
        stack_->SetItem(item, 5, ScoreText(f.handling));
        stack_->SetItem(item, 6, ScoreText(f.guidance));
        stack_->SetItem(item, 7, U8(f.citizen));
    }
    if (!forms_.empty()) stack_->EnsureVisible(static_cast<long>(forms_.size() - 1));
    stack_->Thaw();
    count_->SetLabelText(forms_.empty()
                             ? _("No form on the stack yet")
                             : wxString::Format(wxPLURAL("%d form to save", "%d forms to save",
                                                         static_cast<int>(forms_.size())),
                                                static_cast<int>(forms_.size())));
    FindWindow(wxID_SAVE)->Enable(!forms_.empty());
    Layout();
}

void PaperFormsDialog::RemoveSelected() {
    const long item = stack_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || item >= static_cast<long>(forms_.size())) return;
    forms_.erase(forms_.begin() + item);
    officerOf_.erase(officerOf_.begin() + item);
    FillStack();
    if (!forms_.empty()) {
        const long next = std::min<long>(item, static_cast<long>(forms_.size()) - 1);
        stack_->SetItemState(next, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
}

void PaperFormsDialog::Save() {
    if (forms_.empty()) return;
    wxBusyCursor busy;
    try {
        const auto saved =
            services::SavePaperForms(session_.db(), unit_.id, forms_, session_.user());
        stored_ = saved.inserted;
        forms_.clear();
        officerOf_.clear();
        FillStack();
        EndModal(wxID_OK);
    } catch (const UserError& e) {
        // A refused form: selected, named by its number; the stack kept.
        const long number = e.where().line;
        if (number >= 1 && number <= static_cast<long>(forms_.size())) {
            stack_->SetItemState(number - 1, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            stack_->EnsureVisible(number - 1);
            ShowProblem(wxString::Format(_("Form %ld: %s"), number, U8(e.message())), nullptr);
        } else {
            ShowProblem(ErrorSentence(e), nullptr);
        }
    } catch (const std::exception& e) {
        ShowProblem(ErrorSentence(e), nullptr);
    }
}

void PaperFormsDialog::CloseAsking(int code) {
    if (!forms_.empty() &&
        !AskYesNo(this,
                  wxString::Format(wxPLURAL("%d form typed is not saved. Close and lose it?",
                                            "%d forms typed are not saved. Close and lose them?",
                                            static_cast<int>(forms_.size())),
                                   static_cast<int>(forms_.size())),
                  _("Close without saving")))
        return;
    EndModal(code);
}

}  // namespace cchc::gui
