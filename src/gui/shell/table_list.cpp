// A virtual list of rows held as text (see table_list.h).
#include "gui/shell/table_list.h"

#include "gui/shell/gui_util.h"

namespace cchc::gui {

TableList::TableList(wxWindow* parent, const wxString& name,
                     const std::vector<std::pair<wxString, int>>& columns, int rightFrom,
                     int rightTo)
    : wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    SetName(name);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int at = static_cast<int>(i);
        AppendColumn(columns[i].first,
                     at >= rightFrom && at < rightTo ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
                     parent->FromDIP(columns[i].second));
    }
    danger_.SetTextColour(colours::Danger());
    muted_.SetTextColour(colours::MutedText());
}

void TableList::SetRows(std::vector<Row> rows) {
    rows_ = std::move(rows);
    SetItemCount(static_cast<long>(rows_.size()));
    Refresh();
}

wxString TableList::OnGetItemText(long item, long column) const {
    if (item < 0 || static_cast<std::size_t>(item) >= rows_.size()) return wxString();
    const auto& cells = rows_[static_cast<std::size_t>(item)].cells;
    return column >= 0 && static_cast<std::size_t>(column) < cells.size()
               ? cells[static_cast<std::size_t>(column)]
               : wxString();
}

wxItemAttr* TableList::OnGetItemAttr(long item) const {
    if (item < 0 || static_cast<std::size_t>(item) >= rows_.size()) return nullptr;
    switch (rows_[static_cast<std::size_t>(item)].tone) {
        case Tone::Danger:
            return &danger_;
        case Tone::Muted:
            return &muted_;
        case Tone::Normal:
            break;
    }
    return nullptr;
}

}  // namespace cchc::gui
