// The ratings page of the Surveys area: every citizen rating in a virtual
// list that stays fast at two million rows, filtered by officer, channel,
// date range and score within the tree's commune. The count is read off the
// main thread; rows are fetched a window at a time when shown. Citizens'
// names stay hidden unless "Show citizens' names" is ticked.
#pragma once
#include <wx/panel.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/org.h"
#include "gui/shell/gui_session.h"
#include "services/surveys/ratings_list.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxStaticText;

namespace cchc::gui {

class RatingList;
class VnDateCtrl;

class RatingsPage : public wxPanel {
  public:
    RatingsPage(wxWindow* parent, GuiSession& session);
    // The tree's unit: a commune narrows the list to it and lists its officers.
    void SetUnit(const std::optional<Unit>& unit);
    // Dates of the Surveys area's period.
    void SetDates(const std::optional<Date>& from, const std::optional<Date>& to);
    // Reads the list again (after an import).
    void Refresh() { ApplyFilter(); }
    // For tests: the officer choice, whether a count is shown, and that count.
    wxChoice* OfficerChoice() const { return officer_; }
    bool Counted() const { return counted_; }
    long Count() const { return count_; }
    // The filter the controls show now.
    services::RatingListFilter CurrentFilter() const;

  private:
    void ApplyFilter();
    void TypePaperForms();
    const services::RatingListRow* RowAt(long item);
    wxString UnitName(std::int64_t id, const std::string& code);

    GuiSession& session_;
    std::optional<Unit> unit_;
    wxChoice* officer_ = nullptr;
    wxChoice* channel_ = nullptr;
    wxChoice* score_ = nullptr;
    VnDateCtrl* from_ = nullptr;
    VnDateCtrl* to_ = nullptr;
    wxCheckBox* names_ = nullptr;
    wxButton* paper_ = nullptr;  // "Nhập phiếu giấy (Mẫu 01)..."
    wxStaticText* count_label_ = nullptr;
    RatingList* list_ = nullptr;
    std::vector<std::int64_t> officerIds_;  // choice position 1.. → person id

    services::RatingListFilter filter_;  // the filter of the rows shown
    long count_ = 0;
    bool counted_ = false;
    int generation_ = 0;
    // Windows of rows read so far, by window number.
    std::map<long, std::vector<services::RatingListRow>> windows_;
    std::map<std::int64_t, std::string> unitNames_;  // read when first shown

    friend class RatingList;
};

}  // namespace cchc::gui
