// The ratings page (see ratings_page.h).
#include "gui/surveys/ratings_page.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>

#include "core/collation.h"
#include "core/survey_rules.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/background_work.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/vn_date_ctrl.h"
#include "gui/surveys/paper_forms_dialog.h"

namespace cchc::gui {

namespace {
enum Column {
    kTime,
    kUnit,
    kOfficer,
    kProcedure,
    kChannel,
    kAttitude,
    kHandling,
    kGuidance,
    kCitizen,
    kColumns
};
constexpr long kWindow = 200;  // rows read at a time
constexpr std::size_t kKeptWindows = 40;

const char* const kChannels[] = {"kiosk", "qr", "online", "paper"};

wxString ChannelLabel(const std::string& key) {
    if (key == "kiosk") return _("Kiosk");
    if (key == "qr") return _("QR code");
    if (key == "online") return _("Online");
    if (key == "paper") return _("Paper form");
    return U8(key);
}

wxString Score(const std::optional<int>& s) { return s ? wxString::Format("%d", *s) : wxString(); }

// "2026-03-05T09:41:00" as "05/03/2026 09:41".
wxString TimeText(const std::string& iso) {
    auto d = Date::ParseIso(iso.substr(0, 10));
    if (!d) return U8(iso);
    wxString text = U8(FormatDate(*d));
    if (iso.size() >= 16) text += " " + U8(iso.substr(11, 5));
    return text;
}
}  // namespace

class RatingList : public wxListCtrl {
  public:
    explicit RatingList(RatingsPage* page)
        : wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
          page_(page) {
        low_.SetTextColour(colours::Danger());
    }
    wxString OnGetItemText(long item, long column) const override {
        const services::RatingListRow* row = page_->RowAt(item);
        if (!row) return column == kTime ? _("Reading...") : wxString();
        const RatingRecord& r = row->rating;
        switch (column) {
            case kTime:
                return TimeText(r.ratedAt);
            case kUnit:
                return page_->UnitName(r.unitId, row->unitCode);
            case kOfficer:
                return U8(row->officerName);
            case kProcedure:
                return U8(r.procedure);
            case kChannel:
                return ChannelLabel(r.channel);
            case kAttitude:
                return Score(r.attitude);
            case kHandling:
                return Score(r.handling);
            case kGuidance:
                return Score(r.guidance);
            case kCitizen:
                if (r.citizen.empty()) return {};
                return page_->names_->GetValue() ? U8(r.citizen) : wxString(_("(hidden)"));
        }
        return {};
    }
    wxItemAttr* OnGetItemAttr(long item) const override {
        const services::RatingListRow* row = page_->RowAt(item);
        if (!row) return nullptr;
        return IsSatisfiedRating(row->rating) ? nullptr : &low_;
    }

  private:
    RatingsPage* page_;
    mutable wxItemAttr low_;
};

RatingsPage::RatingsPage(wxWindow* parent, GuiSession& session)
    : wxPanel(parent), session_(session) {
    SetName("ratingsPage");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // The filters flow onto more lines when the page is narrow (1024×768),
    // each with its label.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    auto field = [&](const wxString& text, wxWindow* control) {
        auto* pair = new wxBoxSizer(wxHORIZONTAL);
        if (!text.empty())
            pair->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                      gap / 2);
        pair->Add(control, 0, wxALIGN_CENTER_VERTICAL);
        bar->Add(pair, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, gap);
    };
    officer_ = new wxChoice(this, wxID_ANY);
    officer_->SetName("ratingsOfficer");
    officer_->SetMinSize(wxSize(FromDIP(200), -1));
    field(_("O&fficer:"), officer_);
    channel_ = new wxChoice(this, wxID_ANY);
    channel_->SetName("ratingsChannel");
    channel_->Append(_("All channels"));
    for (const char* c : kChannels) channel_->Append(ChannelLabel(c));
    channel_->SetSelection(0);
    field(_("C&hannel:"), channel_);
    score_ = new wxChoice(this, wxID_ANY);
    score_->SetName("ratingsScore");
    score_->Append(_("Any score"));
    score_->Append(_("Every aspect 4 or 5"));
    score_->Append(_("Some aspect 1 or 2"));
    score_->Append(_("Some aspect 1"));
    score_->SetSelection(0);
    field(_("Sc&ore:"), score_);
    from_ = new VnDateCtrl(this);
    from_->SetName("ratingsFrom");
    field(_("Fro&m:"), from_);
    to_ = new VnDateCtrl(this);
    to_->SetName("ratingsTo");
    field(_("&To:"), to_);
    names_ = new wxCheckBox(this, wxID_ANY, _("Show citizens' &names"));
    names_->SetName("ratingsNames");
    names_->SetToolTip(_("Citizens' names are personal data: show them only when you need them"));
    field("", names_);
    paper_ = new wxButton(this, wxID_ANY, _("&Paper forms (Form 01)..."));
    paper_->SetName("paperForms");
    field("", paper_);
    sizer->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    count_label_ = new wxStaticText(this, wxID_ANY, "");
    count_label_->SetName("ratingsCount");
    count_label_->SetFont(ScaledFont(count_label_, 1.0, true));
    sizer->Add(count_label_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    list_ = new RatingList(this);
    list_->SetName("ratingsList");
    const std::pair<wxString, int> columns[kColumns] = {
        {_("Time"), 120},      {_("Unit"), 115},    {_("Officer"), 140},
        {_("Procedure"), 150}, {_("Channel"), 80},  {_("Attitude"), 65},
        {_("Handling"), 80},   {_("Guidance"), 85}, {_("Citizen"), 100}};
    for (int i = 0; i < kColumns; ++i)
        list_->AppendColumn(
            columns[i].first,
            i >= kAttitude && i <= kGuidance ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
            FromDIP(columns[i].second));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* legend =
        new wxStaticText(this, wxID_ANY, _("In red: not satisfied (scores averaging below 4)"));
    legend->SetForegroundColour(colours::Danger());
    sizer->Add(legend, 0, wxALL, gap);
    SetSizer(sizer);

    for (wxChoice* c : {officer_, channel_, score_})
        c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyFilter(); });
    for (VnDateCtrl* d : {from_, to_})
        d->Bind(wxEVT_TEXT, [this, d](wxCommandEvent&) {
            if (!d->Bad()) ApplyFilter();
        });
    names_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { list_->Refresh(); });
    paper_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TypePaperForms(); });
    SetUnit(std::nullopt);
}

void RatingsPage::TypePaperForms() {
    if (!unit_ || !IsCommuneLevel(unit_->kind) || !paper_->IsEnabled()) return;
    PaperFormsDialog dlg(this, session_, *unit_);
    if (dlg.ShowModal() != wxID_OK) return;
    ApplyFilter();
    count_label_->SetLabelText(
        wxString::Format(wxPLURAL("%ld paper form saved", "%ld paper forms saved", dlg.Stored()),
                         dlg.Stored()) +
        " \u00b7 " + count_label_->GetLabelText());
}

void RatingsPage::SetUnit(const std::optional<Unit>& unit) {
    const bool same = unit_.has_value() == unit.has_value() && (!unit || unit_->id == unit->id) &&
                      officer_->GetCount() > 0;
    unit_ = unit;
    // Names are personal data: offered where the account may see them (the
    // list gets them blanked elsewhere anyway).
    session_.Access().Offer(names_, true, Action::SeeCitizenNames,
                            unit ? std::optional<std::int64_t>(unit->id) : std::nullopt);
    if (!names_->IsEnabled()) names_->SetValue(false);
    // Paper forms are a commune's, typed by those who edit its surveys.
    const bool commune = unit && IsCommuneLevel(unit->kind);
    paper_->SetToolTip(commune ? _("Type a stack of the commune's paper rating forms from the "
                                   "keyboard")
                               : _("Choose a commune in the tree to type its paper forms"));
    session_.Access().Offer(paper_, commune, Action::EditSurveys,
                            unit ? std::optional<std::int64_t>(unit->id) : std::nullopt);
    if (same) {  // the same commune read again: keep the filters
        ApplyFilter();
        return;
    }
    officer_->Clear();
    officerIds_.clear();
    officer_->Append(_("All officers"));
    const bool narrow = unit && (IsCommuneLevel(unit->kind) || unit->kind == UnitKind::Department);
    if (narrow) {
        try {
            auto people = session_.Organisation().People(unit->id);
            std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) {
                return VietnameseNameLess(a.fullName, b.fullName);
            });
            for (const auto& p : people) {
                officer_->Append(U8(p.fullName) + " (" + U8(p.code) + ")");
                officerIds_.push_back(p.id);
            }
        } catch (const std::exception& e) {
            ShowError(this, ErrorSentence(e));
        }
        officer_->SetToolTip(wxString());
    } else {
        officer_->SetToolTip(_("Choose a commune in the tree to pick one of its officers"));
    }
    officer_->SetSelection(0);
    ApplyFilter();
}

void RatingsPage::SetDates(const std::optional<Date>& from, const std::optional<Date>& to) {
    from_->SetDate(from);
    to_->SetDate(to);
    ApplyFilter();
}

services::RatingListFilter RatingsPage::CurrentFilter() const {
    services::RatingListFilter f;
    if (unit_ && (IsCommuneLevel(unit_->kind) || unit_->kind == UnitKind::Department))
        f.unitId = unit_->id;
    const int o = officer_->GetSelection();
    if (o > 0 && static_cast<std::size_t>(o) <= officerIds_.size())
        f.officerId = officerIds_[o - 1];
    const int c = channel_->GetSelection();
    if (c > 0) f.channel = kChannels[c - 1];
    switch (score_->GetSelection()) {
        case 1:
            f.minScore = 4;
            break;
        case 2:
            f.maxScore = 2;
            break;
        case 3:
            f.maxScore = 1;
            break;
        default:
            break;
    }
    f.from = from_->Iso();
    f.to = to_->Iso();
    return f;
}

void RatingsPage::ApplyFilter() {
    filter_ = CurrentFilter();
    unitNames_.clear();
    windows_.clear();
    counted_ = false;
    const int generation = ++generation_;
    count_label_->SetLabel(_("Counting ratings..."));
    list_->SetItemCount(0);
    list_->Refresh();
    const services::RatingListFilter filter = filter_;
    RunOnOwnConnection<long>(
        this, session_.db().url(),
        [filter, user = session_.user()](services::Database& db) {
            return std::make_shared<long>(services::CountRatings(db, user, filter));
        },
        [this, generation](std::shared_ptr<long> count, const std::string& error) {
            if (generation != generation_) return;  // the filter changed meanwhile
            if (!error.empty()) {
                count_label_->SetLabel(_("The ratings could not be read."));
                count_label_->SetToolTip(U8(error));
                return;
            }
            count_ = *count;
            counted_ = true;
            count_label_->SetLabel(wxString::Format(wxPLURAL("%s rating", "%s ratings", count_),
                                                    U8(FormatInteger(count_))));
            list_->SetItemCount(count_);
            list_->Refresh();
            Layout();
        });
}

wxString RatingsPage::UnitName(std::int64_t id, const std::string& code) {
    if (unitNames_.empty()) {
        try {
            for (const Unit& u : session_.Organisation().Units()) unitNames_[u.id] = u.name;
        } catch (const std::exception&) {
            return U8(code);
        }
    }
    auto it = unitNames_.find(id);
    return U8(it == unitNames_.end() ? code : it->second);
}

const services::RatingListRow* RatingsPage::RowAt(long item) {
    if (!counted_ || item < 0 || item >= count_) return nullptr;
    const long window = item / kWindow;
    auto it = windows_.find(window);
    if (it == windows_.end()) {
        // A window of ids and its rows: what the screen shows and a little more.
        try {
            auto rows = services::RatingsWindow(session_.db(), session_.user(), filter_,
                                                window * kWindow, kWindow, count_);
            if (windows_.size() >= kKeptWindows) windows_.clear();
            it = windows_.emplace(window, std::move(rows)).first;
        } catch (const std::exception&) {
            return nullptr;
        }
    }
    const std::size_t at = static_cast<std::size_t>(item - window * kWindow);
    return at < it->second.size() ? &it->second[at] : nullptr;
}

}  // namespace cchc::gui
