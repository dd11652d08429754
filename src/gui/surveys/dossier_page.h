// The dossier statistics page of the Surveys area (form II.06a): the tree's
// unit types or corrects its month, a row per procedure field (received
// online, in person or by post, carried over; settled early, on time, late;
// in progress within time, overdue), the totals derived beside them, a line
// whose dossiers do not add up named under the grid, and last month's
// dossiers in progress carried over at a click. Saved through
// services::SaveDossierSheet (see MonthSheetPage).
#pragma once
#include <optional>

#include "gui/surveys/month_sheet_page.h"
#include "services/surveys/dossier_sheet.h"

class wxButton;

namespace cchc::gui {

class DossierTable;

class DossierPage : public MonthSheetPage {
  public:
    DossierPage(wxWindow* parent, GuiSession& session);
    ~DossierPage() override;
    // Carries last month's dossiers in progress over where none are typed.
    void CarryOver();
    const std::optional<services::DossierSheet>& sheet() const { return sheet_; }

  protected:
    void ReadSheet(std::int64_t unitId, const std::string& month) override;
    void DropSheet() override;
    bool HasSheet() const override { return sheet_.has_value(); }
    bool Changed() const override;
    bool StoreSheet(wxString& error) override;
    wxString Summary(wxColour& colour) const override;
    wxString NoUnitHint() const override;
    wxString TypingHint() const override;
    void OfferButtons() override;

  private:
    // The figures shown (as typed) and the copy read or last saved.
    std::optional<services::DossierSheet> sheet_, read_;
    DossierTable* dossiers_ = nullptr;
    wxButton* carry_ = nullptr;
};

}  // namespace cchc::gui
