// A choice among many (the units of a province, its officers) found by
// typing a few letters instead of scrolling a drop-down of a thousand
// entries, which GTK also builds slowly.
//
// The field shows the chosen entry; a click, Enter, Space, Alt+Down, F4 or
// any letter typed opens a small window with a search box (the letter
// already in it) over a virtual list of the entries whose label or detail
// holds every word typed, case and diacritics ignored ("tay an" finds "Xã
// Tây An"). Up and Down move in the list, Enter chooses, Escape leaves the
// choice as it was. Choosing sends wxEVT_CHOICE with the entry's index, as a
// wxChoice does, and the calls mirror wxChoice's (Append, Clear,
// SetSelection, GetSelection, GetString), so it takes a wxChoice's place.
#pragma once
#include <wx/panel.h>

#include <string>
#include <vector>

class wxButton;
class wxTextCtrl;

namespace cchc::gui {

class SearchPicker : public wxPanel {
  public:
    explicit SearchPicker(wxWindow* parent, wxWindowID id = wxID_ANY,
                          const wxString& title = wxString());

    // An entry: its label (leading spaces indent it in the full list) and
    // an optional detail shown beside it and searched too (the district of
    // a commune, an officer's unit).
    int Append(const wxString& label, const wxString& detail = wxString());
    void Clear();
    unsigned int GetCount() const { return static_cast<unsigned int>(entries_.size()); }
    wxString GetString(unsigned int n) const;
    wxString GetDetail(unsigned int n) const;
    // wxNOT_FOUND clears the field.
    void SetSelection(int n);
    int GetSelection() const { return selection_; }
    wxString GetStringSelection() const;
    // Chooses the first entry labelled `label`; false when there is none.
    bool SetStringSelection(const wxString& label);
    // The window's title (e.g. "Choose the parent unit").
    void SetTitle(const wxString& title) { title_ = title; }
    bool Enable(bool enable = true) override;

    // Opens the search window with `typed` in its box; what tests drive.
    void OpenSearch(const wxString& typed = wxString());
    // The indices of the entries matching `typed`, in the list's order.
    std::vector<int> Matches(const wxString& typed) const;

  protected:
    // A tip given to the picker is shown over its field.
    void DoSetToolTip(wxToolTip* tip) override;

  private:
    struct Entry {
        wxString label, detail;
        std::string key;  // folded label and detail
    };
    void ShowChoice();
    void Choose(int n);

    std::vector<Entry> entries_;
    int selection_ = wxNOT_FOUND;
    wxString title_;
    wxTextCtrl* field_ = nullptr;
    wxButton* button_ = nullptr;
};

}  // namespace cchc::gui
