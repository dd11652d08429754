// The dossier statistics page (see dossier_page.h).
#include "gui/surveys/dossier_page.h"

#include <wx/button.h>

#include <array>

#include "core/dossier_rules.h"
#include "core/survey_conflicts.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"

namespace cchc::gui {

namespace {
// The grid's columns: the field, then per group its total (derived) and
// its parts, in the order of the form.
enum Column {
    kField,
    kReceivedTotal,
    kOnline,
    kDirect,
    kCarried,
    kSettledTotal,
    kEarly,
    kOnTime,
    kLate,
    kPendingTotal,
    kInTime,
    kOverdue,
    kColumns
};

// The part of DossierPartList() a column types, or -1 for the field and
// the totals.
int PartOf(int col) {
    static const std::array<int, kColumns> parts = {-1, -1, 0, 1, 2, -1, 3, 4, 5, -1, 6, 7};
    return col >= 0 && col < kColumns ? parts[static_cast<std::size_t>(col)] : -1;
}

long Total(const DossierFigures& f, int col) {
    return col == kReceivedTotal  ? f.ReceivedTotal()
           : col == kSettledTotal ? f.SettledTotal()
                                  : f.PendingTotal();
}

}  // namespace

// The sheet as rows and columns for wxGrid, a total row last; what is typed
// goes into the sheet shown, which the page saves.
class DossierTable : public MonthSheetTable {
  public:
    void SetSheet(services::DossierSheet* sheet) { sheet_ = sheet; }

    int Lines() const { return sheet_ ? static_cast<int>(sheet_->lines.size()) : 0; }
    int GetNumberRows() override { return Lines() > 0 ? Lines() + 1 : 0; }
    int GetNumberCols() override { return kColumns; }

    bool IsTotalRow(int row) const { return row == Lines(); }
    // The figures of a row: a line's, or all lines' added up.
    DossierFigures Figures(int row) const {
        if (!sheet_) return {};
        if (!IsTotalRow(row)) return sheet_->lines.at(static_cast<std::size_t>(row)).figures;
        DossierFigures sum;
        for (const auto& l : sheet_->lines) sum = AddDossierFigures(sum, l.figures);
        return sum;
    }

    wxString GetValue(int row, int col) override {
        if (!sheet_ || row < 0 || row > Lines()) return {};
        if (col == kField)
            return IsTotalRow(row) ? _("Total")
                                   : U8(sheet_->lines[static_cast<std::size_t>(row)].name);
        const DossierFigures f = Figures(row);
        // A field with no dossier in the month shows empty cells, as on paper.
        if (!IsTotalRow(row) && f == DossierFigures{}) return {};
        const int part = PartOf(col);
        const long v =
            part >= 0 ? f.*DossierPartList()[static_cast<std::size_t>(part)].member : Total(f, col);
        return U8(FormatInteger(v));
    }
    void SetValue(int row, int col, const wxString& text) override {
        const int part = PartOf(col);
        if (!sheet_ || part < 0 || row < 0 || row >= Lines()) return;
        if (auto v = ParseCount(Trim(ToU8(text))))
            sheet_->lines[static_cast<std::size_t>(row)].figures.*
                DossierPartList()[static_cast<std::size_t>(part)].member = *v;
    }

    wxString GetColLabelValue(int col) override {
        switch (col) {
            // TRANSLATORS: column headings of the dossier statistics grid
            // (form II.06a), on two lines to keep the columns narrow.
            case kField:
                return _("Procedure field");
            case kReceivedTotal:
                return _("Received\ntotal");
            case kOnline:
                return _("Received\nonline");
            case kDirect:
                return _("In person\nor by post");
            case kCarried:
                return _("Carried\nover");
            case kSettledTotal:
                return _("Settled\ntotal");
            case kEarly:
                return _("Settled\nearly");
            case kOnTime:
                return _("Settled\non time");
            case kLate:
                return _("Settled\nlate");
            case kPendingTotal:
                return _("In progress\ntotal");
            case kInTime:
                return _("In progress\nwithin time");
            case kOverdue:
                return _("In progress\noverdue");
        }
        return {};
    }

    bool Editable(int row, int col) const override {
        return editable && PartOf(col) >= 0 && row >= 0 && row < Lines();
    }
    bool IsTotal(int row, int col) const override {
        return IsTotalRow(row) || (col != kField && PartOf(col) < 0);
    }
    // The totals of a line whose dossiers do not add up.
    bool IsProblem(int row, int col) const override {
        return col != kField && PartOf(col) < 0 && !DossierBalanced(Figures(row));
    }

  private:
    services::DossierSheet* sheet_ = nullptr;
};

DossierPage::DossierPage(wxWindow* parent, GuiSession& session)
    : MonthSheetPage(parent, session, "dossier", new DossierTable) {
    dossiers_ = static_cast<DossierTable*>(table_);
    carry_ = new wxButton(this, wxID_ANY, _("&Carry over last month's dossiers in progress"));
    carry_->SetName("dossierCarry");
    AddButton(carry_);
    carry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CarryOver(); });
    Load();
}

DossierPage::~DossierPage() { dossiers_->SetSheet(nullptr); }

void DossierPage::ReadSheet(std::int64_t unitId, const std::string& month) {
    sheet_ = services::LoadDossierSheet(session_.db(), unitId, month, session_.user());
    read_ = sheet_;
    dossiers_->SetSheet(&*sheet_);
}

void DossierPage::DropSheet() {
    dossiers_->SetSheet(nullptr);
    sheet_.reset();
    read_.reset();
}

bool DossierPage::Changed() const {
    return read_ && !DossierSheetConflicts(*sheet_, *read_).empty();
}

wxString DossierPage::NoUnitHint() const {
    return _(
        "Choose a unit in the tree: its dossiers of each month are typed here, as form II.06a "
        "counts them.");
}

wxString DossierPage::TypingHint() const {
    return _(
        "Type the dossiers of each procedure field; the totals are added up. Each figure is "
        "saved as soon as it is typed.");
}

void DossierPage::OfferButtons() {
    bool previous = false;
    if (sheet_)
        for (const auto& l : sheet_->lines) previous = previous || l.previousPending.has_value();
    session_.Access().Offer(carry_, previous && table_->editable, Action::EditSurveys,
                            unit_ ? std::optional<std::int64_t>(unit_->id) : std::nullopt);
}

wxString DossierPage::Summary(wxColour& colour) const {
    const DossierFigures all = dossiers_->Figures(dossiers_->Lines());
    wxString text = wxString::Format(
        _("Received %s, settled %s, in progress %s."), U8(FormatInteger(all.ReceivedTotal())),
        U8(FormatInteger(all.SettledTotal())), U8(FormatInteger(all.PendingTotal())));
    // The lines whose dossiers received are not those settled and in progress.
    for (const auto& l : sheet_->lines)
        if (!DossierBalanced(l.figures)) {
            const DossierFigures& f = l.figures;
            text +=
                "\n" + wxString::Format(
                           _("%s: received %s, but settled %s and in progress %s add up to "
                             "%s."),
                           U8(l.name), U8(FormatInteger(f.ReceivedTotal())),
                           U8(FormatInteger(f.SettledTotal())), U8(FormatInteger(f.PendingTotal())),
                           U8(FormatInteger(f.SettledTotal() + f.PendingTotal())));
            colour = colours::Warning();
        }
    return text;
}

void DossierPage::CarryOver() {
    if (!sheet_) return;
    for (auto& l : sheet_->lines)
        if (l.previousPending && l.figures.carriedOver == 0)
            l.figures.carriedOver = *l.previousPending;
    Save();
}

bool DossierPage::StoreSheet(wxString& error) {
    auto& db = session_.db();
    const std::string user = session_.user();
    const std::int64_t unit = sheet_->unitId;
    const std::string month = sheet_->month;
    return SaveAsking(
        sheet_, read_, [&] { return services::LoadDossierSheet(db, unit, month, user); },
        [&](const services::DossierSheet& s) { services::SaveDossierSheet(db, s, user); },
        [](const auto& a, const auto& b) { return DossierSheetConflicts(a, b); },
        [](const auto& a, const auto& b, const KeptFields& k) {
            return MergeDossierSheet(a, b, k);
        },
        error);
}

}  // namespace cchc::gui
