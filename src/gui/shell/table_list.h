// A read-only report list whose rows are held as text: a virtual
// wxListView, so that thousands of rows (a province's tallies) are shown
// without creating an item each. Rows may be tinted (a failing line in red,
// a line that does not apply in grey).
#pragma once
#include <wx/listctrl.h>

#include <utility>
#include <vector>

namespace cchc::gui {

class TableList : public wxListView {
  public:
    enum class Tone { Normal, Danger, Muted };
    struct Row {
        std::vector<wxString> cells;
        Tone tone = Tone::Normal;
    };

    // Columns as (title, width in DIPs); those in [rightFrom, rightTo) are
    // right-aligned (figures).
    TableList(wxWindow* parent, const wxString& name,
              const std::vector<std::pair<wxString, int>>& columns, int rightFrom, int rightTo);

    void SetRows(std::vector<Row> rows);
    const Row& RowAt(long item) const { return rows_.at(static_cast<std::size_t>(item)); }
    long RowCount() const { return static_cast<long>(rows_.size()); }

  private:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

    std::vector<Row> rows_;
    mutable wxItemAttr danger_, muted_;
};

}  // namespace cchc::gui
