// The survey tallies page (see tally_page.h).
#include "gui/surveys/tally_page.h"

#include <array>

#include "core/survey_rules.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/surveys/self_assessment.h"

namespace cchc::gui {

namespace {
enum Column {
    kField,
    kScale,
    kSettled,
    kResponses,
    kVerySatisfied,
    kSatisfied,
    kNeutral,
    kDissatisfied,
    kVeryDissatisfied,
    kCoverage,
    kSatisfaction,
    kColumns
};

// The part of TallyPartList() a column types, or -1.
int PartOf(int col) {
    static const std::array<int, kColumns> parts = {-1, -1, 0, -1, 1, 2, 3, 4, 5, -1, -1};
    return col >= 0 && col < kColumns ? parts[static_cast<std::size_t>(col)] : -1;
}

wxString ScaleText(bool fiveLevels) { return fiveLevels ? _("5 levels") : _("3 levels"); }

wxString Percent(const std::optional<double>& ratio) {
    return ratio ? U8(FormatPercent(*ratio * 100)) : wxString(_("n/a"));
}
}  // namespace

// The sheet as rows and columns for wxGrid, a total row last.
class TallyTable : public MonthSheetTable {
  public:
    void SetSheet(services::TallySheet* sheet) { sheet_ = sheet; }
    int Lines() const { return sheet_ ? static_cast<int>(sheet_->lines.size()) : 0; }
    int GetNumberRows() override { return Lines() > 0 ? Lines() + 1 : 0; }
    int GetNumberCols() override { return kColumns; }
    bool IsTotalRow(int row) const { return row == Lines(); }

    TallyLine Line(int row) const {
        if (!sheet_) return {};
        if (!IsTotalRow(row)) return sheet_->lines.at(static_cast<std::size_t>(row));
        return AddTallyLines(sheet_->lines);
    }

    wxString GetValue(int row, int col) override {
        if (!sheet_ || row < 0 || row > Lines()) return {};
        const TallyLine l = Line(row);
        if (col == kField) return IsTotalRow(row) ? _("Total") : U8(l.name);
        if (col == kScale) return IsTotalRow(row) ? wxString() : ScaleText(l.fiveLevels);
        // A field with nothing in the month shows empty cells, as on paper.
        if (!IsTotalRow(row) && l.Empty()) return {};
        const int part = PartOf(col);
        if (part >= 0) {
            const TallyPart& p = TallyPartList()[static_cast<std::size_t>(part)];
            if (!IsTotalRow(row) && !TallyPartApplies(l, p)) return {};
            return U8(FormatInteger(l.*p.member));
        }
        if (col == kResponses) return U8(FormatInteger(l.Responses()));
        const TallySum sum = TallySumOf(l);
        return Percent(col == kCoverage ? sum.Coverage() : sum.Satisfaction());
    }
    void SetValue(int row, int col, const wxString& text) override {
        if (!sheet_ || row < 0 || row >= Lines()) return;
        TallyLine& l = sheet_->lines[static_cast<std::size_t>(row)];
        if (col == kScale) {
            l.fiveLevels = text != ScaleText(false);
            return;
        }
        const int part = PartOf(col);
        if (part < 0) return;
        if (auto v = ParseCount(Trim(ToU8(text))))
            l.*TallyPartList()[static_cast<std::size_t>(part)].member = static_cast<int>(*v);
    }

    wxString GetColLabelValue(int col) override {
        switch (col) {
            // TRANSLATORS: column headings of the survey tallies grid, on
            // two lines to keep the columns narrow.
            case kField:
                return _("Procedure field");
            case kScale:
                return _("Scale");
            case kSettled:
                return _("Dossiers\nsettled");
            case kResponses:
                return _("Responses");
            case kVerySatisfied:
                return _("Very\nsatisfied");
            case kSatisfied:
                return _("Satisfied");
            case kNeutral:
                return _("Neutral");
            case kDissatisfied:
                return _("Dis-\nsatisfied");
            case kVeryDissatisfied:
                return _("Very dis-\nsatisfied");
            case kCoverage:
                return _("Coverage");
            case kSatisfaction:
                return _("Satis-\nfaction");
        }
        return {};
    }

    bool Editable(int row, int col) const override {
        if (!editable || row < 0 || row >= Lines()) return false;
        if (col == kScale) return true;
        const int part = PartOf(col);
        return part >= 0 && TallyPartApplies(sheet_->lines[static_cast<std::size_t>(row)],
                                             TallyPartList()[static_cast<std::size_t>(part)]);
    }
    bool IsTotal(int row, int col) const override {
        return IsTotalRow(row) || col == kResponses || col == kCoverage || col == kSatisfaction;
    }
    bool IsProblem(int row, int col) const override {
        if (col != kCoverage || row < 0 || row > Lines()) return false;
        return CoverageAgainst(TallySumOf(Line(row)), threshold) == CoverageStatus::Below;
    }
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind kind) override {
        wxGridCellAttr* attr = MonthSheetTable::GetAttr(row, col, kind);
        if (col == kScale) {
            attr->SetAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);
            if (Editable(row, col)) {
                const wxString choices[] = {ScaleText(true), ScaleText(false)};
                attr->SetEditor(new wxGridCellChoiceEditor(2, choices));
            }
        }
        return attr;
    }

    double threshold = 0.8;

  private:
    services::TallySheet* sheet_ = nullptr;
};

TallyPage::TallyPage(wxWindow* parent, GuiSession& session)
    : MonthSheetPage(parent, session, "tally", new TallyTable) {
    tallies_ = static_cast<TallyTable*>(table_);
    Load();
}

TallyPage::~TallyPage() { tallies_->SetSheet(nullptr); }

void TallyPage::ReadSheet(std::int64_t unitId, const std::string& month) {
    threshold_ = services::LoadSurveySettings(session_.db()).coverageThreshold;
    tallies_->threshold = threshold_;
    sheet_ = services::LoadTallySheet(session_.db(), unitId, month, session_.user());
    read_ = sheet_;
    tallies_->SetSheet(&*sheet_);
}

void TallyPage::DropSheet() {
    tallies_->SetSheet(nullptr);
    sheet_.reset();
    read_.reset();
}

bool TallyPage::Changed() const { return read_ && !TallySheetConflicts(*sheet_, *read_).empty(); }

wxString TallyPage::NoUnitHint() const {
    return _(
        "Choose a unit in the tree: its satisfaction surveys of each month are typed here, a "
        "line per procedure field.");
}

wxString TallyPage::TypingHint() const {
    return _(
        "Type the dossiers settled and the answers of each level; responses, coverage and "
        "satisfaction are worked out. Each figure is saved as soon as it is typed.");
}

std::optional<wxString> TallyPage::Refusal(const wxString& text, int col) const {
    if (col == kScale) return std::nullopt;  // a choice of two
    return MonthSheetPage::Refusal(text, col);
}

wxString TallyPage::Summary(wxColour& colour) const {
    const TallySum all = TallySumOf(tallies_->Line(tallies_->Lines()));
    wxString text =
        wxString::Format(_("Settled %s, responses %s, coverage %s, satisfaction %s."),
                         U8(FormatInteger(all.settled)), U8(FormatInteger(all.responses)),
                         Percent(all.Coverage()), Percent(all.Satisfaction()));
    // The fields whose coverage the office's rule does not meet.
    for (const auto& l : sheet_->lines) {
        const TallySum sum = TallySumOf(l);
        if (CoverageAgainst(sum, threshold_) != CoverageStatus::Below) continue;
        text += "\n" + wxString::Format(_("%s: coverage %s, more than %s needed."), U8(l.name),
                                        Percent(sum.Coverage()),
                                        U8(FormatPercentTrim(threshold_ * 100)));
        colour = colours::Warning();
    }
    return text;
}

bool TallyPage::StoreSheet(wxString& error) {
    auto& db = session_.db();
    const std::string user = session_.user();
    const std::int64_t unit = sheet_->unitId;
    const std::string month = sheet_->month;
    return SaveAsking(
        sheet_, read_, [&] { return services::LoadTallySheet(db, unit, month, user); },
        [&](const services::TallySheet& s) { services::SaveTallySheet(db, s, user); },
        [](const auto& a, const auto& b) { return TallySheetConflicts(a, b); },
        [](const auto& a, const auto& b, const KeptFields& k) { return MergeTallySheet(a, b, k); },
        error);
}

}  // namespace cchc::gui
