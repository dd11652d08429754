// The former units dialog (see lineage_dialog.h).
#include "gui/catalogue/lineage_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <map>

#include "core/collation.h"
#include "core/errors.h"
#include "core/vnformat.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/search_picker.h"
#include "gui/shell/vn_date_ctrl.h"
#include "services/org/lineage.h"

namespace cchc::gui {

LineageDialog::LineageDialog(wxWindow* parent, GuiSession& session, const Unit& unit)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Units %s was formed from"), U8(unit.name)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session),
      unit_(unit) {
    SetName("lineageDialog");
    const auto lineage = services::LineageOf(session_.db(), unit.id, session_.user());
    stamp_ = lineage.stamp;
    for (const auto& e : lineage.formedFrom) rows_.push_back(e.link);
    for (auto& u : session_.Organisation().Units())
        if (u.id != unit.id && u.kind != UnitKind::Department) candidates_.push_back(u);
    std::stable_sort(candidates_.begin(), candidates_.end(), [](const Unit& a, const Unit& b) {
        if (a.active != b.active) return !a.active;  // former units first
        return VietnameseLess(a.name, b.name);
    });

    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("The units this one was formed from, when communes and wards were merged or split (on "
          "1 July 2025 for most). Its results before that day are theirs: the ranking compares it "
          "with their combined results. The share is the part of a former unit that went into "
          "this one: 100% when it went in whole."));
    intro->Wrap(FromDIP(600));
    sizer->Add(intro, 0, wxALL, gap);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(170)),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("lineageList");
    list_->AppendColumn(_("Former unit"), wxLIST_FORMAT_LEFT, FromDIP(280));
    list_->AppendColumn(_("Formed on"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Share"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* edit = new wxFlexGridSizer(2, gap / 2, gap);
    edit->AddGrowableCol(1);
    edit->Add(new wxStaticText(this, wxID_ANY, _("&Add a former unit:")), 0,
              wxALIGN_CENTER_VERTICAL);
    picker_ = new SearchPicker(this, wxID_ANY, _("Choose a former unit"));
    picker_->SetName("lineagePicker");
    for (const auto& u : candidates_)
        picker_->Append(U8(u.name) + (u.active ? wxString() : " " + _("(inactive)")), U8(u.code));
    edit->Add(picker_, 1, wxEXPAND);
    edit->Add(new wxStaticText(this, wxID_ANY, _("Formed &on:")), 0, wxALIGN_CENTER_VERTICAL);
    date_ = new VnDateCtrl(this);
    date_->SetName("lineageDate");
    edit->Add(date_, 0);
    edit->Add(new wxStaticText(this, wxID_ANY, _("S&hare (%):")), 0, wxALIGN_CENTER_VERTICAL);
    share_ = new wxTextCtrl(this, wxID_ANY, "");
    share_->SetName("lineageShare");
    edit->Add(share_, 0);
    sizer->Add(edit, 0, wxEXPAND | wxALL, gap);
    auto* rowButtons = new wxBoxSizer(wxHORIZONTAL);
    auto* remove = new wxButton(this, wxID_REMOVE, _("&Remove the former unit"));
    rowButtons->Add(remove, 0);
    sizer->Add(rowButtons, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    error_ = new wxStaticText(this, wxID_ANY, "");
    error_->SetName("error");
    error_->SetForegroundColour(colours::Danger());
    error_->Hide();
    sizer->Add(error_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_SAVE, _("&Save")), 0, wxRIGHT, gap);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    CentreOnParent();
    FillList();
    if (!rows_.empty()) SelectRow(0);

    picker_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        const int n = e.GetInt();
        if (n >= 0 && static_cast<std::size_t>(n) < candidates_.size())
            AddRow(candidates_[static_cast<std::size_t>(n)].id);
        picker_->SetSelection(wxNOT_FOUND);
    });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (e.GetIndex() == current_) return;
        if (!ApplyRow()) {
            SelectRow(current_);
            return;
        }
        current_ = e.GetIndex();
        ShowRow();
    });
    for (wxWindow* w : std::initializer_list<wxWindow*>{date_, share_})
        w->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
            e.Skip();
            ApplyRow();
        });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RemoveRow(); });
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (Save()) EndModal(wxID_OK);
        },
        wxID_SAVE);
}

void LineageDialog::ShowProblem(const wxString& message) {
    error_->SetLabelText(message);
    error_->Wrap(FromDIP(600));
    error_->Show(!message.empty());
    Layout();
    Fit();
}

void LineageDialog::FillList() {
    std::map<std::int64_t, wxString> names;
    for (const auto& u : candidates_) names[u.id] = U8(u.name) + " (" + U8(u.code) + ")";
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const LineageLink& l = rows_[i];
        const long item = list_->InsertItem(static_cast<long>(i), names[l.predecessorId]);
        list_->SetItem(item, 1, l.formedOn.Valid() ? U8(FormatDate(l.formedOn)) : wxString());
        list_->SetItem(item, 2, U8(FormatPercentTrim(l.share * 100)));
    }
    const bool any = current_ >= 0 && current_ < static_cast<long>(rows_.size());
    date_->Enable(any);
    share_->Enable(any);
    FindWindow(wxID_REMOVE)->Enable(any);
}

void LineageDialog::SelectRow(long row) {
    if (row < 0 || row >= static_cast<long>(rows_.size())) return;
    current_ = row;
    list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    ShowRow();
}

void LineageDialog::ShowRow() {
    const bool any = current_ >= 0 && current_ < static_cast<long>(rows_.size());
    date_->Enable(any);
    share_->Enable(any);
    FindWindow(wxID_REMOVE)->Enable(any);
    if (!any) return;
    const LineageLink& l = rows_[static_cast<std::size_t>(current_)];
    date_->SetDate(l.formedOn.Valid() ? std::optional<Date>(l.formedOn) : std::nullopt);
    share_->ChangeValue(U8(FormatNumberTrim(l.share * 100, 2)));
}

bool LineageDialog::ApplyRow() {
    if (current_ < 0 || current_ >= static_cast<long>(rows_.size())) return true;
    LineageLink& l = rows_[static_cast<std::size_t>(current_)];
    if (date_->Bad()) {
        ShowProblem(U8(date_->Refusal()));
        return false;
    }
    const auto share = ParseShare(TrimmedU8(share_->GetValue()) + "%");
    if (!share) {
        ShowProblem(_("The share is a percentage above 0 and at most 100."));
        return false;
    }
    l.formedOn = date_->Value().value_or(Date{});
    l.share = *share;
    ShowProblem("");
    const long keep = current_;
    FillList();
    current_ = keep;
    list_->SetItemState(keep, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    return true;
}

bool LineageDialog::AddRow(std::int64_t predecessorId) {
    if (!ApplyRow()) return false;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].predecessorId == predecessorId) {
            SelectRow(static_cast<long>(i));
            return false;
        }
    LineageLink l;
    l.unitId = unit_.id;
    l.predecessorId = predecessorId;
    // The day of the others, else the day of the 2025 merger.
    l.formedOn = rows_.empty() ? Date{2025, 7, 1} : rows_.back().formedOn;
    rows_.push_back(l);
    FillList();
    SelectRow(static_cast<long>(rows_.size()) - 1);
    return true;
}

void LineageDialog::RemoveRow() {
    if (current_ < 0 || current_ >= static_cast<long>(rows_.size())) return;
    rows_.erase(rows_.begin() + current_);
    current_ = std::min<long>(current_, static_cast<long>(rows_.size()) - 1);
    FillList();
    if (current_ >= 0) SelectRow(current_);
    ShowProblem("");
}

bool LineageDialog::Save() {
    if (!ApplyRow()) return false;
    try {
        services::SaveLineage(session_.db(), unit_.id, rows_, stamp_, session_.user());
        return true;
    } catch (const UserError& e) {
        const long row = e.where().line;
        if (row >= 1 && row <= static_cast<long>(rows_.size())) {
            SelectRow(row - 1);
            ShowProblem(wxString::Format(_("Row %ld: %s"), row, U8(e.message())));
        } else {
            ShowProblem(ErrorSentence(e));
        }
    } catch (const std::exception& e) {
        ShowProblem(ErrorSentence(e));
    }
    return false;
}

}  // namespace cchc::gui
