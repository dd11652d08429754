// The "Index results" area (see index_results_panel.h).
#include "gui/index/index_results_panel.h"

#include "gui/shell/percent_bars.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <functional>

#include "core/collation.h"
#include "core/date.h"
#include "core/org.h"
#include "core/period.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "gui/index/result_analysis_page.h"
#include "gui/index/result_matrix_page.h"
#include "gui/index/scoring_grid_page.h"
#include "gui/shell/gui_util.h"
#include "services/app/overview.h"

namespace cchc::gui {

// One horizontal bar per commune, as long as its percentage of the maximum,
// coloured by its rating band; scrolls vertically when there are many.
namespace {

enum Column { kRank, kCode, kName, kTotal, kMax, kPercent, kBand, kChange, kColumns };

// The ranking as a virtual list: only the rows on screen are asked for.
class RankingList : public wxListCtrl {
  public:
    RankingList(wxWindow* parent, std::function<wxString(long, long)> text)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_VIRTUAL),
          text_(std::move(text)) {}

  private:
    wxString OnGetItemText(long item, long column) const override { return text_(item, column); }
    std::function<wxString(long, long)> text_;
};

// The colour of the band at `index` of the framework's bands (best first).
wxColour BandColour(const std::vector<std::string>& bands, const std::string& band) {
    static const wxColour palette[] = {colours::Good(), colours::Accent(),
                                       wxColour(0xF5, 0x7C, 0x00), colours::Danger()};
    auto it = std::find(bands.begin(), bands.end(), band);
    if (it == bands.end()) return colours::MutedText();
    const auto index = static_cast<std::size_t>(it - bands.begin());
    if (index + 1 == bands.size() && bands.size() > 1) return colours::Danger();  // the worst band
    return index < std::size(palette) ? palette[index] : colours::MutedText();
}

wxString Dash() { return wxString::FromUTF8("\xe2\x80\x94"); }

wxString Change(const std::optional<double>& change) {
    if (!change) return Dash();
    const std::string text = FormatDecimal(*change, 2);
    return U8(*change >= 0.005 ? "+" + text : text);
}

}  // namespace

IndexResultsPanel::IndexResultsPanel(wxWindow* parent, GuiSession& session)
    : AreaPanel(parent, session) {
    SetName("indexResults");
    SetBackgroundColour(colours::Background());
    const int margin = FromDIP(22), gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* title = new wxStaticText(this, wxID_ANY, _("CCHC index results"));
    title->SetFont(ScaledFont(title, 1.8, true));
    title->SetForegroundColour(colours::Text());
    sizer->AddSpacer(margin);
    sizer->Add(title, 0, wxLEFT | wxRIGHT, margin);
    sizer->AddSpacer(FromDIP(12));

    sizer->Add(BuildToolbar(gap), 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    sizer->AddSpacer(FromDIP(12));

    pages_ = new wxNotebook(this, wxID_ANY);
    pages_->SetName("resultPages");
    wxWindow* rankingPage = BuildRankingPage(margin, gap);
    BuildUnitPages(gap);
    pages_->AddPage(rankingPage, _("Ranking"), true);
    pages_->AddPage(gridHolder_, _("Scoring grid"));
    pages_->AddPage(matrixHolder_, _("Criteria x communes"));
    pages_->AddPage(analysisHolder_, _("Points at stake"));
    sizer->Add(pages_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, margin);
    SetSizer(sizer);

    BindEvents();
}

wxSizer* IndexResultsPanel::BuildToolbar(int gap) {
    // Each label with its choice, wrapping to a second line on a narrow
    // screen (1024 px) rather than squeezing the framework's name away.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    auto pair = [this, bar, gap](const wxString& text, wxWindow* control) {
        auto* box = new wxBoxSizer(wxHORIZONTAL);
        auto* l = new wxStaticText(this, wxID_ANY, text);
        l->SetForegroundColour(colours::Text());
        box->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
        box->Add(control, 0, wxALIGN_CENTER_VERTICAL);
        bar->Add(box, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, gap);
    };
    framework_ = new wxChoice(this, wxID_ANY);
    framework_->SetName("rankingFramework");
    framework_->SetMinSize(wxSize(FromDIP(320), -1));
    pair(_("Framework:"), framework_);
    period_ = new wxChoice(this, wxID_ANY);
    period_->SetName("rankingPeriod");
    period_->SetMinSize(wxSize(FromDIP(130), -1));
    pair(_("Period:"), period_);
    scoreKind_ = new wxChoice(this, wxID_ANY);
    scoreKind_->SetName("rankingScores");
    scoreKind_->Append(_("Appraised scores"));
    scoreKind_->Append(_("Self-assessed scores"));
    scoreKind_->SetSelection(0);
    pair(_("Scores:"), scoreKind_);
    export_ = new wxButton(this, wxID_ANY, _("Export..."));
    export_->SetToolTip(_("Save the ranking as an Excel workbook or a CSV file"));
    bar->Add(export_, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, gap);
    return bar;
}

wxWindow* IndexResultsPanel::BuildRankingPage(int margin, int gap) {
    auto* rankingPage = new wxPanel(pages_, wxID_ANY);
    rankingPage->SetBackgroundColour(colours::Background());
    auto* rankingSizer = new wxBoxSizer(wxVERTICAL);
    empty_ = new wxStaticText(rankingPage, wxID_ANY, "");
    empty_->SetForegroundColour(colours::MutedText());
    empty_->SetFont(ScaledFont(empty_, 1.15));
    rankingSizer->Add(empty_, 0, wxALL, margin / 2);
    // The note wraps to the page as it is wide (at most 720 DIP), so that
    // none of it runs past the right edge on a small screen.
    rankingPage->Bind(wxEVT_SIZE, [this, margin](wxSizeEvent& e) {
        e.Skip();
        if (empty_->IsShown()) WrapEmpty(margin);
    });

    content_ = new wxPanel(rankingPage, wxID_ANY);
    content_->SetBackgroundColour(colours::Background());
    auto* side = new wxBoxSizer(wxHORIZONTAL);
    // Virtual: a province's thousand communes are not each made an item.
    list_ = new RankingList(content_,
                            [this](long item, long column) { return CellText(item, column); });
    list_->SetName("rankingList");
    list_->SetMinSize(FromDIP(wxSize(420, 120)));
    // TRANSLATORS: short column heading: the commune's place in the ranking.
    list_->AppendColumn(_("Place"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    list_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(100));
    list_->AppendColumn(_("Unit"), wxLIST_FORMAT_LEFT, FromDIP(150));
    list_->AppendColumn(_("Points"), wxLIST_FORMAT_RIGHT, FromDIP(58));
    list_->AppendColumn(_("Maximum"), wxLIST_FORMAT_RIGHT, FromDIP(55));
    list_->AppendColumn("%", wxLIST_FORMAT_RIGHT, FromDIP(68));
    // TRANSLATORS: short column heading: the rating band (Good, Fair, ...).
    list_->AppendColumn(_("Rating"), wxLIST_FORMAT_LEFT, FromDIP(90));
    list_->AppendColumn(_("Change"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    list_->SetToolTip(_("Double-click a commune (or press Enter) to open its scoring grid"));
    chart_ = new PercentBars(content_);
    chart_->SetName("rankingChart");
    side->Add(list_, 3, wxEXPAND | wxRIGHT, gap);
    side->Add(chart_, 1, wxEXPAND);
    content_->SetSizer(side);
    rankingSizer->Add(content_, 1, wxEXPAND | wxALL, gap);
    formedNote_ = new wxStaticText(rankingPage, wxID_ANY, "");
    formedNote_->SetName("formedNote");
    formedNote_->SetForegroundColour(colours::MutedText());
    rankingSizer->Add(formedNote_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    formedNote_->Hide();
    rankingPage->SetSizer(rankingSizer);
    return rankingPage;
}

void IndexResultsPanel::BuildUnitPages(int gap) {
    auto padded = [&](wxWindow* page) {
        // The pages laid out in code get the same inner margin as the ranking.
        page->SetBackgroundColour(colours::Background());
        return page;
    };
    gridHolder_ = new wxPanel(pages_, wxID_ANY);
    grid_ = new ScoringGridPage(gridHolder_, session_);
    matrixHolder_ = new wxPanel(pages_, wxID_ANY);
    matrix_ = new ResultMatrixPage(matrixHolder_, session_);
    analysisHolder_ = new wxPanel(pages_, wxID_ANY);
    analysis_ = new ResultAnalysisPage(analysisHolder_, session_);
    for (auto [holder, page] : {std::pair<wxPanel*, wxWindow*>{gridHolder_, grid_},
                                {matrixHolder_, matrix_},
                                {analysisHolder_, analysis_}}) {
        padded(holder);
        auto* s = new wxBoxSizer(wxVERTICAL);
        s->Add(page, 1, wxEXPAND | wxALL, gap);
        holder->SetSizer(s);
    }
}

void IndexResultsPanel::BindEvents() {
    pages_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        RefreshPage(e.GetSelection());
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        const long i = e.GetIndex();
        if (i >= 0 && static_cast<std::size_t>(i) < order_.size())
            OpenUnit(rows_[order_[static_cast<std::size_t>(i)]].unit);
    });
    matrix_->onOpenUnit = [this](const std::string& code) { OpenUnit(code); };

    framework_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        // Scores the grid could not save are dropped only when the user agrees.
        if (!grid_->ConfirmDiscard()) {
            const auto& codes = frameworkCodes_;
            auto it = std::find(codes.begin(), codes.end(), grid_->framework());
            if (it != codes.end()) framework_->SetSelection(static_cast<int>(it - codes.begin()));
            return;
        }
        try {
            FillPeriods(SelectedPeriod());
            LoadRanking();
            ContextChanged();
        } catch (const std::exception& e) {
            ShowError(this, ErrorSentence(e));
        }
    });
    auto reload = [this](wxCommandEvent&) {
        try {
            LoadRanking();
            ContextChanged();
        } catch (const std::exception& e) {
            ShowError(this, ErrorSentence(e));
        }
    };
    period_->Bind(wxEVT_CHOICE, [this, reload](wxCommandEvent& e) {
        if (!grid_->ConfirmDiscard()) {
            auto it = std::find(periods_.begin(), periods_.end(), grid_->period());
            if (it != periods_.end())
                period_->SetSelection(static_cast<int>(it - periods_.begin()));
            return;
        }
        reload(e);
    });
    scoreKind_->Bind(wxEVT_CHOICE, reload);
    list_->Bind(wxEVT_LIST_COL_CLICK, &IndexResultsPanel::OnColumnClick, this);
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        ShowFormedNote(e.GetIndex());
        e.Skip();
    });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Export(); });
}

std::string IndexResultsPanel::SelectedFramework() const {
    const int i = framework_->GetSelection();
    return i >= 0 && i < static_cast<int>(frameworkCodes_.size())
               ? frameworkCodes_[static_cast<std::size_t>(i)]
               : std::string();
}

std::string IndexResultsPanel::SelectedPeriod() const {
    const int i = period_->GetSelection();
    return i >= 0 && i < static_cast<int>(periods_.size()) ? periods_[static_cast<std::size_t>(i)]
                                                           : std::string();
}

void IndexResultsPanel::Reload() {
    const std::string keepFramework = SelectedFramework(), keepPeriod = SelectedPeriod();
    framework_->Clear();
    frameworkCodes_.clear();
    // The index frameworks communes are scored on (not officers' self-
    // assessment or survey scales), those with results first.
    std::vector<services::FrameworkSummary> withResults, without;
    for (const auto& f : services::ListFrameworks(session_.db())) {
        if (f.kind == FrameworkKind::Self || f.kind == FrameworkKind::Survey) continue;
        const bool has = !services::ResultPeriods(session_.db(), f.code).empty();
        if (!has && f.status == "retired") continue;
        (has ? withResults : without).push_back(f);
    }
    for (const auto* list : {&withResults, &without})
        for (const auto& f : *list) {
            frameworkCodes_.push_back(f.code);
            framework_->Append(U8(f.code) + wxString::FromUTF8(" \xe2\x80\x93 ") + U8(f.name));
        }
    int select = frameworkCodes_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < frameworkCodes_.size(); ++i)
        if (frameworkCodes_[i] == keepFramework) select = static_cast<int>(i);
    framework_->SetSelection(select);
    FillPeriods(keepPeriod);
    LoadRanking();
    grid_->Reload();
    ContextChanged();
}

void IndexResultsPanel::ContextChanged() {
    stalePages_.fill(true);
    stalePages_[0] = false;  // the ranking is loaded with the choices
    RefreshPage(pages_->GetSelection());
}

void IndexResultsPanel::RefreshPage(int page) {
    if (page < 0 || page >= static_cast<int>(stalePages_.size()) ||
        !stalePages_[static_cast<std::size_t>(page)])
        return;
    stalePages_[static_cast<std::size_t>(page)] = false;
    wxBusyCursor busy;
    const std::string fw = SelectedFramework(), period = SelectedPeriod();
    const bool appraised = scoreKind_->GetSelection() != 1;
    if (page == 1)
        grid_->SetContext(fw, period);
    else if (page == 2)
        matrix_->SetContext(fw, period, appraised);
    else if (page == 3)
        analysis_->SetContext(fw, period);
}

void IndexResultsPanel::OpenUnit(const std::string& unitCode) {
    pages_->SetSelection(1);
    RefreshPage(1);
    grid_->SelectUnit(unitCode);
}

void IndexResultsPanel::SetUnit(const std::optional<Unit>& unit) {
    AreaPanel::SetUnit(unit);
    if (unit && IsCommuneLevel(unit->kind)) grid_->SelectUnit(unit->code);
}

void IndexResultsPanel::FillPeriods(const std::string& keep) {
    period_->Clear();
    periods_.clear();
    const std::string fw = SelectedFramework();
    if (!fw.empty()) {
        periods_ = services::ResultPeriods(session_.db(), fw);
        // The current year, to start entering its scores.
        const std::string thisYear = std::to_string(Date::Today().year);
        if (std::find(periods_.begin(), periods_.end(), thisYear) == periods_.end()) {
            periods_.push_back(thisYear);
            std::sort(periods_.begin(), periods_.end(), std::greater<>());
        }
    }
    int select = periods_.empty() ? wxNOT_FOUND : 0;  // the latest
    // The period with appraised (or most) results, rather than an empty
    // current year or a later one with a stray draft score.
    if (periods_.size() > 1 && !fw.empty()) {
        const std::string opening = services::OpeningResultPeriod(session_.db(), fw);
        if (auto it = std::find(periods_.begin(), periods_.end(), opening); it != periods_.end())
            select = static_cast<int>(it - periods_.begin());
    }
    for (std::size_t i = 0; i < periods_.size(); ++i) {
        auto p = Period::Parse(periods_[i]);
        period_->Append(U8(p ? p->Label() : periods_[i]));
        if (periods_[i] == keep) select = static_cast<int>(i);
    }
    period_->SetSelection(select);
}

void IndexResultsPanel::WrapEmpty(int margin) {
    const int room = empty_->GetParent()->GetClientSize().x - margin;
    empty_->SetLabelText(emptyText_);
    empty_->Wrap(room > FromDIP(200) ? std::min(room, FromDIP(720)) : FromDIP(720));
    empty_->GetParent()->Layout();
}

void IndexResultsPanel::ShowEmpty(const wxString& message) {
    rows_.clear();
    order_.clear();
    list_->SetItemCount(0);
    chart_->SetBars({}, {});
    formedNote_->Hide();
    emptyText_ = message;
    empty_->Show();
    WrapEmpty(FromDIP(24));
    content_->Hide();
    export_->Disable();
    Layout();
}

void IndexResultsPanel::ShowFormedNote(long item) {
    const bool any = std::any_of(rows_.begin(), rows_.end(), [](const services::RankRow& r) {
        return r.change && !r.formedFrom.empty();
    });
    formedNote_->Show(any && !rows_.empty());
    if (!any) return;
    wxString text =
        _("* Formed since the last period: the change compares with the combined "
          "results of the former units (select the row to see them).");
    if (item >= 0 && item < static_cast<long>(order_.size())) {
        const auto& r = rows_[order_[static_cast<std::size_t>(item)]];
        if (r.change && !r.formedFrom.empty()) {
            const std::string names = JoinTexts(r.formedFrom);
            text = wxString::Format(_("* %s: the change compares with the combined results of "
                                      "the former units %s."),
                                    U8(r.name), U8(names));
        }
    }
    formedNote_->SetLabelText(text);
    formedNote_->GetParent()->Layout();
}

void IndexResultsPanel::LoadRanking() {
    const std::string fw = SelectedFramework(), period = SelectedPeriod();
    framework_->Enable(!frameworkCodes_.empty());
    period_->Enable(!periods_.empty());
    scoreKind_->Enable(!frameworkCodes_.empty());
    if (fw.empty() || period.empty() || services::ResultPeriods(session_.db(), fw).empty()) {
        ShowEmpty(_(
            "No index scores have been recorded yet. When the communes' self-assessed or appraised "
            "scores are imported, their ranking and a chart of their results appear here."));
        return;
    }
    const bool appraised = scoreKind_->GetSelection() != 1;
    auto rows = services::RankUnits(session_.db(), fw, period, appraised, session_.user());
    if (rows.empty()) {
        ShowEmpty(
            appraised
                ? _("No commune has appraised scores on this framework in this period yet. Choose "
                    "the self-assessed scores, or another period.")
                : _("No commune has self-assessed scores on this framework in this period."));
        return;
    }
    const auto bands = services::BandLabels(session_.db(), fw);
    rows_ = std::move(rows);
    order_.resize(rows_.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    sortColumn_ = kRank;
    sortAscending_ = true;

    std::vector<PercentBars::Bar> bars;
    for (const auto& r : rows_)
        bars.push_back(
            {U8(r.name), U8(FormatPercent(r.percent)), r.percent, BandColour(bands, r.band)});
    std::vector<std::pair<wxString, wxColour>> legend;
    for (const auto& b : bands) legend.emplace_back(U8(b), BandColour(bands, b));
    chart_->SetBars(std::move(bars), std::move(legend));
    bands_ = bands;
    FillList();
    empty_->Hide();
    content_->Show();
    ShowFormedNote(-1);
    export_->Enable();
    Layout();
}

wxString IndexResultsPanel::CellText(long item, long column) const {
    if (item < 0 || item >= static_cast<long>(order_.size())) return wxString();
    const auto& r = rows_[order_[static_cast<std::size_t>(item)]];
    switch (column) {
        case kCode:
            return U8(r.unit);
        case kName:
            return U8(r.name);
        case kTotal:
            return U8(FormatNumberTrim(r.total, 2));
        case kMax:
            return U8(FormatNumberTrim(r.max, 2));
        case kPercent:
            return U8(FormatPercent(r.percent));
        case kBand:
            return r.band.empty() ? Dash() : U8(r.band);
        case kChange:
            return Change(r.change) + (r.change && !r.formedFrom.empty() ? "*" : "");
        default:
            return U8(std::to_string(r.rank));
    }
}

void IndexResultsPanel::FillList() {
    list_->Freeze();
    list_->SetItemCount(static_cast<long>(order_.size()));
    list_->Refresh();
    // Codes and names vary in length from office to office: fit them, but
    // never narrower than the columns were laid out.
    for (int column : {kCode, kName}) {
        const int laidOut = list_->GetColumnWidth(column);
        list_->SetColumnWidth(column, wxLIST_AUTOSIZE);
        if (list_->GetColumnWidth(column) < laidOut) list_->SetColumnWidth(column, laidOut);
    }
    list_->ShowSortIndicator(sortColumn_, sortAscending_);
    list_->Thaw();
}

void IndexResultsPanel::OnColumnClick(wxListEvent& e) {
    const int column = e.GetColumn();
    if (column < 0 || column >= kColumns) return;
    if (column == sortColumn_) {
        sortAscending_ = !sortAscending_;
    } else {
        sortColumn_ = column;
        // Names, codes, ranks and bands from the top; figures largest first.
        sortAscending_ = column == kRank || column == kCode || column == kName || column == kBand;
    }
    auto bandIndex = [this](const std::string& band) {
        return std::find(bands_.begin(), bands_.end(), band) - bands_.begin();
    };
    auto less = [&](std::size_t a, std::size_t b) {
        const auto& x = rows_[a];
        const auto& y = rows_[b];
        switch (sortColumn_) {
            case kCode:
                return x.unit < y.unit;
            case kName:
                return VietnameseLess(x.name, y.name);
            case kTotal:
                return x.total < y.total;
            case kMax:
                return x.max < y.max;
            case kPercent:
                return x.percent < y.percent;
            case kBand:
                return bandIndex(x.band) < bandIndex(y.band);
            case kChange:
                return x.change.value_or(-1e9) < y.change.value_or(-1e9);
            default:
                return x.rank < y.rank;
        }
    };
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        if (less(a, b)) return sortAscending_;
        if (less(b, a)) return !sortAscending_;
        return a < b;  // ties in rank order
    });
    FillList();
}

void IndexResultsPanel::Export() {
    if (rows_.empty()) return;
    const wxString name =
        wxString::Format("%s-%s-%s", _("ranking"), U8(SelectedFramework()), U8(SelectedPeriod()));
    const wxString path = AskTableFile(this, _("Export the ranking"), name);
    if (path.empty()) return;
    try {
        const long n = services::ExportRanking(rows_, ToU8(path));
        ShowInfo(this, wxString::Format(_("The ranking of %s communes was saved to %s."),
                                        U8(FormatInteger(n)), wxFileName(path).GetFullName()));
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
}

}  // namespace cchc::gui
