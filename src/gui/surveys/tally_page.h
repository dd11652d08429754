// The survey tallies page of the Surveys area: the tree's unit types or
// corrects its month of satisfaction surveys, a row per procedure field
// (scale, dossiers settled, the answers from very satisfied to very
// dissatisfied), the responses, coverage and satisfaction derived beside
// them, and the fields below the office's coverage rule named under the
// grid. Saved through services::SaveTallySheet (see MonthSheetPage), with
// the checks of the tallies import.
#pragma once
#include <optional>

#include "gui/surveys/month_sheet_page.h"
#include "services/surveys/tally_sheet.h"

namespace cchc::gui {

class TallyTable;

class TallyPage : public MonthSheetPage {
  public:
    TallyPage(wxWindow* parent, GuiSession& session);
    ~TallyPage() override;
    const std::optional<services::TallySheet>& sheet() const { return sheet_; }

  protected:
    void ReadSheet(std::int64_t unitId, const std::string& month) override;
    void DropSheet() override;
    bool HasSheet() const override { return sheet_.has_value(); }
    bool Changed() const override;
    bool StoreSheet(wxString& error) override;
    wxString Summary(wxColour& colour) const override;
    wxString NoUnitHint() const override;
    wxString TypingHint() const override;
    std::optional<wxString> Refusal(const wxString& text, int col) const override;

  private:
    std::optional<services::TallySheet> sheet_, read_;
    TallyTable* tallies_ = nullptr;
    double threshold_ = 0.8;  // the office's coverage rule, read with the sheet
};

}  // namespace cchc::gui
