// The searchable picker (see search_picker.h).
#include "gui/shell/search_picker.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tooltip.h>

#include <sstream>

#include "core/collation.h"
#include "core/vnformat.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {
namespace {

std::vector<std::string> Words(const std::string& folded) {
    std::vector<std::string> words;
    std::istringstream in(folded);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

// The list of the window: only the rows on screen are asked for.
class MatchList : public wxListView {
  public:
    MatchList(wxWindow* parent, const std::vector<wxString>* labels,
              const std::vector<wxString>* details, const std::vector<int>* rows)
        : wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_NO_HEADER),
          labels_(labels),
          details_(details),
          rows_(rows) {
        AppendColumn("");
        AppendColumn("");
    }
    void Show(const std::vector<wxString>* labels) { labels_ = labels; }

  private:
    wxString OnGetItemText(long item, long column) const override {
        if (item < 0 || item >= static_cast<long>(rows_->size())) return wxString();
        const int n = (*rows_)[static_cast<std::size_t>(item)];
        return column == 0 ? (*labels_)[static_cast<std::size_t>(n)]
                           : (*details_)[static_cast<std::size_t>(n)];
    }
    const std::vector<wxString>* labels_;
    const std::vector<wxString>* details_;
    const std::vector<int>* rows_;
};

class SearchWindow : public wxDialog {
  public:
    SearchWindow(SearchPicker* picker, const wxString& title, const wxString& typed, int current)
        : wxDialog(picker, wxID_ANY, title, wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          picker_(picker) {
        for (unsigned int i = 0; i < picker->GetCount(); ++i) {
            labels_.push_back(picker->GetString(i));
            wxString bare = labels_.back();
            bare.Trim(false);
            bare_.push_back(bare);
            details_.push_back(picker->GetDetail(i));
        }
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        search_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                                 wxTE_PROCESS_ENTER);
        search_->SetName("pickerSearch");
        search_->SetHint(_("Type a few letters of the name (e.g. tay an)"));
        sizer->Add(search_, 0, wxEXPAND | wxALL, FromDIP(8));
        list_ = new MatchList(this, &labels_, &details_, &rows_);
        list_->SetName("pickerList");
        list_->SetMinSize(FromDIP(wxSize(520, 320)));
        sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
        count_ = new wxStaticText(this, wxID_ANY, "");
        sizer->Add(count_, 0, wxEXPAND | wxALL, FromDIP(8));
        sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
        NameStockButtons(this);
        SetSizerAndFit(sizer);

        search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Refilter(-1); });
        search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Accept(); });
        search_->Bind(wxEVT_KEY_DOWN, &SearchWindow::OnSearchKey, this);
        list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { Accept(); });
        Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { Accept(); }, wxID_OK);
        list_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            const int w = list_->GetClientSize().x;
            list_->SetColumnWidth(0, w * 3 / 5);
            list_->SetColumnWidth(1, w - w * 3 / 5);
            e.Skip();
        });

        search_->ChangeValue(typed);
        Refilter(current);
        search_->SetFocus();
        search_->SetInsertionPointEnd();
    }

    int chosen() const { return chosen_; }

  private:
    void Refilter(int keep) {
        rows_ = picker_->Matches(search_->GetValue());
        // The tree's indentation in the whole list, plain names in a search.
        list_->Show(search_->GetValue().Strip(wxString::both).empty() ? &labels_ : &bare_);
        list_->SetItemCount(static_cast<long>(rows_.size()));
        long select = rows_.empty() ? -1 : 0;
        if (keep >= 0)
            for (std::size_t i = 0; i < rows_.size(); ++i)
                if (rows_[i] == keep) select = static_cast<long>(i);
        if (select >= 0) {
            list_->Select(select);
            list_->Focus(select);
            list_->EnsureVisible(select);
        }
        list_->Refresh();
        count_->SetLabel(
            rows_.empty() ? _("Nothing matches what you typed.")
                          : wxString::Format(
                                wxPLURAL("%s match", "%s matches", static_cast<int>(rows_.size())),
                                U8(FormatInteger(static_cast<long>(rows_.size())))));
        FindWindow(wxID_OK)->Enable(!rows_.empty());
    }

    void OnSearchKey(wxKeyEvent& e) {
        const long n = static_cast<long>(rows_.size());
        if (n == 0) {
            e.Skip();
            return;
        }
        long at = list_->GetFirstSelected();
        const long page = std::max(1, list_->GetCountPerPage());
        switch (e.GetKeyCode()) {
            case WXK_DOWN:
                at = std::min(n - 1, at + 1);
                break;
            case WXK_UP:
                at = std::max(0L, at - 1);
                break;
            case WXK_PAGEDOWN:
                at = std::min(n - 1, at + page);
                break;
            case WXK_PAGEUP:
                at = std::max(0L, at - page);
                break;
            default:
                e.Skip();
                return;
        }
        list_->Select(at);
        list_->Focus(at);
        list_->EnsureVisible(at);
    }

    void Accept() {
        const long at = list_->GetFirstSelected();
        if (at < 0 || at >= static_cast<long>(rows_.size())) return;
        chosen_ = rows_[static_cast<std::size_t>(at)];
        EndModal(wxID_OK);
    }

    SearchPicker* picker_;
    std::vector<wxString> labels_, bare_, details_;
    std::vector<int> rows_;
    wxTextCtrl* search_ = nullptr;
    MatchList* list_ = nullptr;
    wxStaticText* count_ = nullptr;
    int chosen_ = wxNOT_FOUND;
};

}  // namespace

SearchPicker::SearchPicker(wxWindow* parent, wxWindowID id, const wxString& title)
    : wxPanel(parent, id, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL | wxNO_BORDER),
      title_(title.empty() ? _("Choose") : title) {
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    field_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_READONLY);
    field_->SetHint(_("Click or type to search"));
    field_->SetToolTip(_("Type a few letters to find an entry (Enter or Alt+Down opens the list)"));
    button_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("\xe2\x96\xbe"), wxDefaultPosition,
                           wxDefaultSize, wxBU_EXACTFIT);
    button_->SetToolTip(_("Find and choose"));
    sizer->Add(field_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(button_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(2));
    SetSizer(sizer);

    button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenSearch(); });
    field_->Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent&) { CallAfter([this] { OpenSearch(); }); });
    field_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        const int key = e.GetKeyCode();
        if (key == WXK_RETURN || key == WXK_NUMPAD_ENTER || key == WXK_F4 || key == WXK_SPACE ||
            ((key == WXK_DOWN || key == WXK_NUMPAD_DOWN) && e.AltDown())) {
            OpenSearch();
            return;
        }
        e.Skip();
    });
    field_->Bind(wxEVT_CHAR, [this](wxKeyEvent& e) {
        const wxChar c = e.GetUnicodeKey();
        if (c != WXK_NONE && c > 32 && !e.ControlDown() && !e.AltDown()) {
            OpenSearch(wxString(c));
            return;
        }
        e.Skip();
    });
}

int SearchPicker::Append(const wxString& label, const wxString& detail) {
    Entry e{label, detail, FoldForSearch(ToU8(label + " " + detail))};
    entries_.push_back(std::move(e));
    return static_cast<int>(entries_.size()) - 1;
}

void SearchPicker::Clear() {
    entries_.clear();
    selection_ = wxNOT_FOUND;
    ShowChoice();
}

wxString SearchPicker::GetString(unsigned int n) const {
    return n < entries_.size() ? entries_[n].label : wxString();
}

wxString SearchPicker::GetDetail(unsigned int n) const {
    return n < entries_.size() ? entries_[n].detail : wxString();
}

void SearchPicker::SetSelection(int n) {
    selection_ = n >= 0 && n < static_cast<int>(entries_.size()) ? n : wxNOT_FOUND;
    ShowChoice();
}

wxString SearchPicker::GetStringSelection() const {
    return selection_ == wxNOT_FOUND ? wxString()
                                     : entries_[static_cast<std::size_t>(selection_)].label;
}

bool SearchPicker::SetStringSelection(const wxString& label) {
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].label == label) {
            SetSelection(static_cast<int>(i));
            return true;
        }
    return false;
}

bool SearchPicker::Enable(bool enable) {
    const bool changed = wxPanel::Enable(enable);
    field_->Enable(enable);
    button_->Enable(enable);
    return changed;
}

std::vector<int> SearchPicker::Matches(const wxString& typed) const {
    const auto words = Words(FoldForSearch(ToU8(typed)));
    std::vector<int> out;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        bool all = true;
        for (const auto& w : words)
            if (entries_[i].key.find(w) == std::string::npos) {
                all = false;
                break;
            }
        if (all) out.push_back(static_cast<int>(i));
    }
    return out;
}

void SearchPicker::OpenSearch(const wxString& typed) {
    if (!IsEnabled() || entries_.empty()) return;
    SearchWindow window(this, title_, typed, selection_);
    // Under the field, as a drop-down opens.
    const wxPoint at = ClientToScreen(wxPoint(0, GetSize().y));
    window.Move(at);
    if (window.ShowModal() == wxID_OK && window.chosen() != wxNOT_FOUND) Choose(window.chosen());
    field_->SetFocus();
}

void SearchPicker::DoSetToolTip(wxToolTip* tip) {
    if (tip && field_) field_->SetToolTip(tip->GetTip());
    wxPanel::DoSetToolTip(tip);
}

void SearchPicker::Choose(int n) {
    if (n == selection_) return;
    SetSelection(n);
    wxCommandEvent event(wxEVT_CHOICE, GetId());
    event.SetEventObject(this);
    event.SetInt(n);
    event.SetString(GetStringSelection());
    ProcessWindowEvent(event);
}

void SearchPicker::ShowChoice() {
    if (selection_ == wxNOT_FOUND) {
        field_->ChangeValue("");
        return;
    }
    const Entry& e = entries_[static_cast<std::size_t>(selection_)];
    wxString shown = e.label;
    shown.Trim(false);
    if (!e.detail.empty()) shown += wxString::FromUTF8(" \xe2\x80\x93 ") + e.detail;
    field_->ChangeValue(shown);
}

}  // namespace cchc::gui
