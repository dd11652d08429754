// The "Satisfaction surveys" area (see surveys_panel.h).
#include "gui/surveys/surveys_panel.h"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/vnformat.h"
#include "gui/shell/background_work.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/table_list.h"
#include "gui/surveys/dossier_page.h"
#include "gui/surveys/officer_chart.h"
#include "gui/surveys/ratings_page.h"
#include "gui/surveys/self_assessment_page.h"
#include "gui/surveys/tally_page.h"

namespace cchc::gui {

namespace {
wxString Percent(const std::optional<double>& p) {
    return p ? U8(FormatPercent(*p)) : wxString("–");
}
wxString Num(long n) { return U8(FormatInteger(n)); }
wxString Average(const std::optional<double>& v) {
    return v ? U8(FormatDecimal(*v, 2)) : wxString("–");
}

wxListView* MakeList(wxWindow* parent, const char* name,
                     const std::vector<std::pair<wxString, int>>& columns, int rightFrom,
                     int rightTo) {
    auto* list = new wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName(name);
    for (std::size_t i = 0; i < columns.size(); ++i)
        list->AppendColumn(columns[i].first,
                           static_cast<int>(i) >= rightFrom && static_cast<int>(i) < rightTo
                               ? wxLIST_FORMAT_RIGHT
                               : wxLIST_FORMAT_LEFT,
                           parent->FromDIP(columns[i].second));
    return list;
}
}  // namespace

SurveysPanel::SurveysPanel(wxWindow* parent, GuiSession& session) : AreaPanel(parent, session) {
    SetName("surveysPanel");
    SetBackgroundColour(colours::Background());
    const int margin = FromDIP(22), gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddSpacer(margin);
    sizer->Add(BuildHeader(gap), 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    sizer->AddSpacer(FromDIP(12));

    book_ = new wxNotebook(this, wxID_ANY);
    book_->SetName("surveysBook");

    book_->AddPage(BuildTallyPage(gap), _("Tallies"));

    ratings_ = new RatingsPage(book_, session_);
    book_->AddPage(ratings_, _("Ratings"));

    book_->AddPage(BuildOfficerPage(gap), _("Officers"));

    self_ = new SelfAssessmentPage(book_, session_);
    book_->AddPage(self_, _("Self-assessment"));

    typed_ = new TallyPage(book_, session_);
    // TRANSLATORS: a tab of the Surveys area: a month's tallies typed per field.
    book_->AddPage(typed_, _("Type tallies"));

    dossiers_ = new DossierPage(book_, session_);
    // TRANSLATORS: a tab of the Surveys area: form II.06a, dossiers per month.
    book_->AddPage(dossiers_, _("Dossiers (II.06a)"));

    sizer->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, margin);
    SetSizer(sizer);

    period_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Reload(); });
    tallyBy_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ReloadTallies(); });
}

wxSizer* SurveysPanel::BuildHeader(int gap) {
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    auto* titles = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, "");
    title->SetLabelText(_("Satisfaction surveys"));
    title->SetFont(ScaledFont(title, 1.8, true));
    title->SetForegroundColour(colours::Text());
    titles->Add(title);
    subtitle_ = new wxStaticText(this, wxID_ANY, "");
    subtitle_->SetName("surveysSubtitle");
    subtitle_->SetForegroundColour(colours::MutedText());
    titles->Add(subtitle_, 0, wxTOP, FromDIP(4));
    head->Add(titles, 1, wxALIGN_BOTTOM);
    auto* periodLabel = new wxStaticText(this, wxID_ANY, _("&Period:"));
    periodLabel->SetForegroundColour(colours::Text());
    head->Add(periodLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    period_ = new wxChoice(this, wxID_ANY);
    period_->SetName("surveysPeriod");
    period_->SetMinSize(wxSize(FromDIP(200), -1));
    head->Add(period_, 0, wxALIGN_CENTER_VERTICAL);
    return head;
}

wxWindow* SurveysPanel::BuildTallyPage(int gap) {
    auto* tallyPage = new wxPanel(book_);
    auto* ts = new wxBoxSizer(wxVERTICAL);
    auto* tbar = new wxBoxSizer(wxHORIZONTAL);
    tbar->Add(new wxStaticText(tallyPage, wxID_ANY, _("&Group by:")), 0,
              wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    tallyBy_ = new wxChoice(tallyPage, wxID_ANY);
    tallyBy_->SetName("tallyBy");
    tallyBy_->Append(_("Procedure field"));
    tallyBy_->Append(_("Unit"));
    tallyBy_->Append(_("Unit and month"));
    tallyBy_->SetSelection(0);
    tbar->Add(tallyBy_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    tallyNote_ = new wxStaticText(tallyPage, wxID_ANY, "");
    tallyNote_->SetForegroundColour(colours::MutedText());
    tbar->Add(tallyNote_, 1, wxALIGN_CENTER_VERTICAL);
    ts->Add(tbar, 0, wxEXPAND | wxALL, gap);
    tallies_ = new TableList(tallyPage, "tallyList",
                             {{_("Unit"), 150},
                              {_("Procedure field"), 155},
                              {_("Coverage rule"), 170},
                              {_("Settled"), 100},
                              {_("Responses"), 75},
                              {_("Coverage"), 100},
                              {_("Satisfied"), 75},
                              {_("Satisfaction"), 110}},
                             3, 8);
    ts->Add(tallies_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    tallyPage->SetSizer(ts);
    return tallyPage;
}

wxWindow* SurveysPanel::BuildOfficerPage(int gap) {
    auto* officerPage = new wxPanel(book_);
    auto* os = new wxBoxSizer(wxVERTICAL);
    officerNote_ = new wxStaticText(officerPage, wxID_ANY, "");
    officerNote_->SetForegroundColour(colours::MutedText());
    os->Add(officerNote_, 0, wxALL, gap);
    officers_ = MakeList(officerPage, "officerList",
                         {{_("Rank"), 80},
                          {_("Officer"), 180},
                          {_("Unit"), 150},
                          {_("Ratings"), 95},
                          {_("Attitude"), 70},
                          {_("Handling"), 90},
                          {_("Guidance"), 95},
                          {_("Satisfied"), 85}},
                         3, 8);
    officers_->SetMinSize(FromDIP(wxSize(300, 150)));
    os->Add(officers_, 3, wxEXPAND | wxLEFT | wxRIGHT, gap);
    // The chart under the table, as wide as the page.
    chart_ = new OfficerChart(officerPage);
    chart_->SetMinSize(FromDIP(wxSize(300, 180)));
    os->Add(chart_, 2, wxEXPAND | wxALL, gap);
    officerPage->SetSizer(os);
    return officerPage;
}

void SurveysPanel::SetUnit(const std::optional<Unit>& unit) {
    AreaPanel::SetUnit(unit);
    Invalidate();
}

void SurveysPanel::ShowPage(Page page) { book_->SetSelection(static_cast<std::size_t>(page)); }

bool SurveysPanel::ChoosePeriod(const std::string& period) {
    if (periods_.empty()) FillPeriods();
    for (std::size_t i = 0; i < periods_.size(); ++i)
        if (periods_[i].ToString() == period) {
            period_->SetSelection(static_cast<int>(i));
            Reload();
            return true;
        }
    return false;
}

long SurveysPanel::TallyRows() const { return tallies_->RowCount(); }
long SurveysPanel::OfficerRows() const { return officers_->GetItemCount(); }

void SurveysPanel::FillPeriods() {
    const std::string chosen = CurrentPeriod();
    periods_ = RecentPeriods(Date::Today(), session_.ReportingWindow(), true);
    period_->Clear();
    int at = 0;
    for (std::size_t i = 0; i < periods_.size(); ++i) {
        period_->Append(U8(periods_[i].Label()));
        if (periods_[i].ToString() == chosen) at = static_cast<int>(i);
    }
    period_->SetSelection(periods_.empty() ? wxNOT_FOUND : at);
    self_->SetQuarters(periods_);
}

std::string SurveysPanel::CurrentPeriod() const {
    const int i = period_->GetSelection();
    return i >= 0 && static_cast<std::size_t>(i) < periods_.size() ? periods_[i].ToString()
                                                                   : std::string();
}

services::SurveyQuery SurveysPanel::Query() const {
    services::SurveyQuery q;
    q.period = CurrentPeriod();
    q.user = session_.user();
    if (unit_) q.unitCode = unit_->code;
    return q;
}

void SurveysPanel::Reload() {
    if (periods_.empty()) FillPeriods();
    unitNames_.clear();  // units may have been renamed
    const std::string period = CurrentPeriod();
    if (period.empty()) return;
    const Period p = *Period::Parse(period);
    const DateRange window = p.Window(session_.ReportingWindow());
    subtitle_->SetLabelText(
        wxString::Format(_("%s, %s to %s"), unit_ ? U8(unit_->name) : wxString(_("Whole office")),
                         U8(FormatDate(window.first)), U8(FormatDate(window.last))));
    ReloadTallies();
    ratings_->SetUnit(unit_);
    ratings_->SetDates(window.first, window.last);
    ReloadOfficers();
    self_->SetUnit(unit_);
    typed_->SetUnit(unit_);
    dossiers_->SetUnit(unit_);
    Layout();
}

void SurveysPanel::ReloadTallies() {
    std::vector<TableList::Row> rows;
    long below = 0;
    try {
        const services::SurveyQuery q = Query();
        const services::SurveySettings settings = services::LoadSurveySettings(session_.db());
        const wxString belowRule = wxString::Format(
            // TRANSLATORS: %s is the coverage threshold, e.g. "80%".
            _("Below: more than %s needed"),
            U8(FormatPercentTrim(settings.coverageThreshold * 100)));
        const wxString notApplicable = _("No dossier settled"), met = _("Met");
        auto add = [&](const wxString& unit, const wxString& field, long settled, long responses,
                       const std::optional<double>& coverage, long satisfied,
                       const std::optional<double>& satisfaction, CoverageStatus status) {
            TableList::Row row;
            row.cells = {unit,           field,
                         wxString(),     Num(settled),
                         Num(responses), Percent(coverage),
                         Num(satisfied), Percent(satisfaction)};
            if (status == CoverageStatus::Below) {
                row.cells[2] = belowRule;
                row.tone = TableList::Tone::Danger;
                ++below;
            } else if (status == CoverageStatus::NotApplicable) {
                row.cells[2] = notApplicable;
                row.tone = TableList::Tone::Muted;
            } else {
                row.cells[2] = met;
            }
            rows.push_back(std::move(row));
        };
        // The second column names the field, or the month of a monthly grid.
        wxListItem second;
        second.SetMask(wxLIST_MASK_TEXT);
        second.SetText(tallyBy_->GetSelection() == 2 ? _("Month") : _("Procedure field"));
        tallies_->SetColumn(1, second);
        if (tallyBy_->GetSelection() == 1) {
            for (const auto& r : services::SurveyByUnit(session_.db(), q))
                add(U8(r.name), _("All fields"), r.settled, r.responses, r.coverage, r.satisfied,
                    r.satisfaction, r.status);
        } else if (tallyBy_->GetSelection() == 2) {
            for (const auto& r : services::SurveyByUnitAndMonth(session_.db(), q)) {
                const auto month = Period::Parse(r.month);
                add(U8(r.unit.name), month ? U8(month->Label()) : U8(r.month), r.unit.settled,
                    r.unit.responses, r.unit.coverage, r.unit.satisfied, r.unit.satisfaction,
                    r.unit.status);
            }
        } else {
            for (const auto& r : services::SurveyByField(session_.db(), q))
                add(U8(r.unitName), U8(r.fieldName), r.settled, r.responses, r.coverage,
                    r.satisfied, r.satisfaction, r.status);
        }
        if (rows.empty())
            tallyNote_->SetLabel(
                _("No tally was entered or imported for this period (File > Import > Tallies)."));
        else if (below > 0)
            tallyNote_->SetLabel(
                wxString::Format(wxPLURAL("%s line below the coverage rule (in red)",
                                          "%s lines below the coverage rule (in red)", below),
                                 Num(below)));
        else
            tallyNote_->SetLabel(_("Every line meets the coverage rule."));
    } catch (const std::exception& e) {
        rows.clear();
        tallyNote_->SetLabel(ErrorSentence(e));
    }
    tallies_->SetRows(std::move(rows));
}

wxString SurveysPanel::UnitName(const std::string& code) {
    if (unitNames_.empty())
        for (const Unit& u : session_.Organisation().Units()) unitNames_[u.code] = u.name;
    auto it = unitNames_.find(code);
    return U8(it == unitNames_.end() ? code : it->second);
}

void SurveysPanel::ReloadOfficers() {
    // A province's officers over two million ratings take a second: read off the main thread.
    officerNote_->SetLabel(_("Reading the officers' ratings..."));
    officersLoaded_ = false;
    const int generation = ++officerGeneration_;
    const services::SurveyQuery query = Query();
    RunOnOwnConnection<std::vector<services::SurveyOfficerRow>>(
        this, session_.db().url(),
        [query](services::Database& db) {
            return std::make_shared<std::vector<services::SurveyOfficerRow>>(
                services::SurveyByOfficer(db, query));
        },
        [this, generation](std::shared_ptr<std::vector<services::SurveyOfficerRow>> rows,
                           const std::string& error) {
            if (generation != officerGeneration_) return;  // another unit or period meanwhile
            if (!rows) {
                officerNote_->SetLabel(_("The officers' ratings could not be read."));
                officerNote_->SetToolTip(U8(error));
                officers_->DeleteAllItems();
                chart_->SetBars({}, wxString());
                return;
            }
            FillOfficers(*rows);
        });
}

void SurveysPanel::FillOfficers(const std::vector<services::SurveyOfficerRow>& rows) {
    officers_->Freeze();
    officers_->DeleteAllItems();
    std::vector<OfficerChart::Bar> bars;
    try {
        const services::SurveySettings settings = services::LoadSurveySettings(session_.db());
        for (const auto& r : rows) {
            const long row =
                officers_->InsertItem(officers_->GetItemCount(),
                                      r.rank ? wxString::Format("%d", *r.rank) : wxString("–"));
            officers_->SetItem(row, 1, U8(r.name));
            officers_->SetItem(row, 2, UnitName(r.unit));
            officers_->SetItem(row, 3, Num(r.ratings));
            officers_->SetItem(row, 4, Average(r.attitude));
            officers_->SetItem(row, 5, Average(r.handling));
            officers_->SetItem(row, 6, Average(r.guidance));
            officers_->SetItem(row, 7, Percent(r.satisfiedShare));
            if (!r.rank)
                officers_->SetItemTextColour(row, colours::MutedText());
            else if (r.satisfiedShare && bars.size() < 20)
                bars.push_back({U8(r.name), *r.satisfiedShare});
        }
        officerNote_->SetLabel(
            rows.empty() ? _("No officer was rated in this period.")
                         : wxString::Format(
                               _("Officers with fewer than %d ratings are listed in grey and not "
                                 "ranked. The chart shows the first 20 ranked officers."),
                               settings.minimumSample));
        officerNote_->Wrap(FromDIP(560));  // two lines on a 1024-pixel screen
        chart_->SetBars(std::move(bars), _("No officer has enough ratings to be ranked."));
    } catch (const std::exception& e) {
        officerNote_->SetLabel(ErrorSentence(e));
        chart_->SetBars({}, wxString());
    }
    officers_->Thaw();
    officersLoaded_ = true;
}

}  // namespace cchc::gui
