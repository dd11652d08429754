// The "Overview" area (see dashboard_panel.h).
#include "gui/shell/dashboard_panel.h"

#include "gui/shell/access_ui.h"
#include "gui/shell/percent_bars.h"

#include <wx/hyperlink.h>

#include <wx/listctrl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <algorithm>
#include <functional>
#include <map>

#include "core/date.h"
#include "core/period.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/background_work.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/section_card.h"
#include "gui/shell/stat_card.h"
#include "gui/shell/task_status_bar.h"
#include "services/exchange/exchange.h"
#include "services/org/lineage.h"
#include "services/plans/task_board.h"
#include "services/results/results.h"

namespace cchc::gui {
namespace {

wxString Num(long n) { return U8(FormatInteger(n)); }

}  // namespace

DashboardPanel::DashboardPanel(wxWindow* parent, GuiSession& session) : AreaPanel(parent, session) {
    scroll_ = CreateScrolledPage();

    const int gap = FromDIP(14);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(scroll_, wxID_ANY, _("Overview"));
    title_->SetFont(ScaledFont(title_, 1.8, true));
    title_->SetForegroundColour(colours::Text());
    subtitle_ = new wxStaticText(scroll_, wxID_ANY, "");
    subtitle_->SetForegroundColour(colours::MutedText());
    const int margin = FromDIP(22);
    sizer->AddSpacer(margin);
    sizer->Add(title_, 0, wxLEFT | wxRIGHT, margin);
    sizer->AddSpacer(FromDIP(4));
    sizer->Add(subtitle_, 0, wxLEFT | wxRIGHT, margin);

    auto* grid = new wxGridSizer(4, gap, gap);
    communes_ = new StatCard(scroll_, _("Communes, wards, towns"), colours::Accent());
    people_ = new StatCard(scroll_, _("Officers and staff"), colours::Accent());
    frameworks_ = new StatCard(scroll_, _("Index frameworks"), wxColour(0x5E, 0x4B, 0x8B));
    results_ = new StatCard(scroll_, _("Index scores recorded"), wxColour(0xE0, 0x9A, 0x00));
    plans_ = new StatCard(scroll_, _("Remediation plans"), colours::Good());
    open_ = new StatCard(scroll_, _("Tasks in progress"), colours::Good());
    overdue_ = new StatCard(scroll_, _("Overdue tasks"), colours::Danger());
    ratings_ = new StatCard(scroll_, _("Citizen ratings"), wxColour(0xF5, 0x7C, 0x00));
    communes_->LinkTo(Area::Catalogue);
    people_->LinkTo(Area::Catalogue);
    frameworks_->LinkTo(Area::Catalogue);
    results_->LinkTo(Area::IndexResults);
    plans_->LinkTo(Area::Plans);
    open_->LinkTo(Area::Plans);
    overdue_->LinkTo(Area::Plans);
    ratings_->LinkTo(Area::Surveys);
    for (StatCard* card :
         {communes_, people_, frameworks_, results_, plans_, open_, overdue_, ratings_})
        grid->Add(card, 1, wxEXPAND);
    sizer->AddSpacer(margin);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, margin);

    // The commune chosen in the tree over the years.
    history_ = new SectionCard(scroll_, "");
    history_->SetName("dashboardHistory");
    historyBars_ = new PercentBars(history_);
    historyBars_->SetName("dashboardHistoryBars");
    historyBars_->SetMinSize(FromDIP(wxSize(300, 190)));
    historyNote_ = new wxStaticText(history_, wxID_ANY, "");
    historyNote_->SetForegroundColour(colours::MutedText());
    history_->content()->Add(historyBars_, 0, wxEXPAND);
    history_->content()->Add(historyNote_, 0, wxTOP, FromDIP(8));
    history_->Hide();
    sizer->Add(history_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    auto* tasks = new SectionCard(scroll_, _("Remediation tasks"));
    chart_ = new TaskStatusBar(tasks);
    chartNote_ = new wxStaticText(tasks, wxID_ANY, "");
    chartNote_->SetForegroundColour(colours::MutedText());
    tasks->content()->Add(chart_, 0, wxEXPAND);
    tasks->content()->Add(chartNote_, 0, wxTOP, FromDIP(8));
    next_ = new SectionCard(scroll_, _("What's next"));
    publications_ = new SectionCard(scroll_, _("Survey results to publish"));
    publications_->SetName("dashboardPublications");
    // Tasks and survey publications stacked on the left, what's next on the right.
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(tasks, 0, wxEXPAND);
    left->Add(publications_, 1, wxEXPAND | wxTOP, gap);
    bottom->Add(left, 1, wxEXPAND | wxRIGHT, gap / 2);
    bottom->Add(next_, 1, wxEXPAND | wxLEFT, gap / 2);
    sizer->AddSpacer(gap);
    sizer->Add(bottom, 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    // On a narrow window (1024 pixels with the unit tree) "What's next" goes
    // under the tasks, at the page's width, rather than squeezed beside them.
    scroll_->Bind(wxEVT_SIZE, [this, bottom, gap](wxSizeEvent& e) {
        e.Skip();
        const bool narrow = scroll_->GetClientSize().x < FromDIP(900);
        const int orient = narrow ? wxVERTICAL : wxHORIZONTAL;
        if (bottom->GetOrientation() == orient) return;
        bottom->SetOrientation(orient);
        bottom->GetItem(std::size_t{0})->SetFlag(wxEXPAND | (narrow ? 0 : wxRIGHT));
        bottom->GetItem(std::size_t{0})->SetBorder(narrow ? 0 : gap / 2);
        bottom->GetItem(std::size_t{1})->SetFlag(wxEXPAND | (narrow ? wxTOP : wxLEFT));
        bottom->GetItem(std::size_t{1})->SetBorder(narrow ? gap : gap / 2);
        scroll_->Layout();
    });

    // Open tasks per commune, the most overdue first.
    auto* byCommune = new SectionCard(scroll_, _("Tasks by commune"));
    communeList_ = new wxListCtrl(byCommune, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(220)),
                                  wxLC_REPORT | wxLC_SINGLE_SEL);
    communeList_->SetName("dashboardCommunes");
    communeList_->AppendColumn(_("Commune"), wxLIST_FORMAT_LEFT, FromDIP(220));
    communeList_->AppendColumn(_("Open"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    communeList_->AppendColumn(_("Overdue"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    communeList_->AppendColumn(_("Due within 7 days"), wxLIST_FORMAT_RIGHT, FromDIP(170));
    communeList_->AppendColumn(_("Due within 30 days"), wxLIST_FORMAT_RIGHT, FromDIP(170));
    communeList_->AppendColumn(_("Missing quarterly update"), wxLIST_FORMAT_RIGHT, FromDIP(200));
    communeList_->SetToolTip(_("Double-click a commune to see its tasks"));
    communeList_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        const long i = e.GetIndex();
        if (i >= 0 && static_cast<std::size_t>(i) < communeIds_.size())
            RequestArea(this, Area::Plans, communeIds_[static_cast<std::size_t>(i)]);
    });
    byCommune->content()->Add(communeList_, 1, wxEXPAND);
    sizer->AddSpacer(gap);
    sizer->Add(byCommune, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, margin);
    scroll_->SetSizer(sizer);
}

wxString DashboardPanel::OfficeName(const services::OfficeIdentity& office) {
    if (wxString name = UnitName(office.unitId); !name.empty()) return name;
    if (!office.issuingBody.empty()) return U8(office.issuingBody);
    return {};
}

wxString DashboardPanel::UnitName(std::int64_t unitId) {
    if (unitId != 0) {
        auto org = session_.Organisation();
        if (auto unit = org.UnitById(unitId)) {
            wxString name = U8(unit->name);
            // A department is named with the unit it belongs to, the way
            // Vietnamese writes it: "Phòng Nội vụ huyện Tây Sơn".
            if (unit->kind == UnitKind::Department && unit->parentId) {
                if (auto parent = org.UnitById(*unit->parentId)) {
                    wxString parentName = U8(parent->name);
                    if (!parentName.empty()) parentName[0] = wxTolower(parentName[0]);
                    name += " " + parentName;
                }
            }
            return name;
        }
    }
    return {};
}

void DashboardPanel::Reload() {
    const Date today = Date::Today();
    const services::OfficeIdentity office = session_.Organisation().Office();

    // A commune's account sees its commune's overview, under its own name
    // and header.
    std::optional<Unit> own;
    if (auto account = session_.Access().Acting(); account && account->unitId)
        own = session_.Organisation().UnitById(*account->unitId);
    const wxString name = own ? UnitName(own->id) : OfficeName(office);
    // TRANSLATORS: dashboard title; %s is the office's unit, e.g. "Huyện Tây Sơn".
    title_->SetLabelText(name.empty() ? _("Overview")
                                      : wxString::Format(_("Overview of %s"), name));
    const Period quarter = session_.CurrentQuarter();
    const DateRange window = quarter.Window(session_.ReportingWindow());
    const wxString dot = wxString::FromUTF8("  \xc2\xb7  ");     // middle dot
    const wxString dash = wxString::FromUTF8(" \xe2\x80\x93 ");  // en dash
    wxString sub;
    if (own) {
        if (!own->headerName.empty()) sub = U8(own->headerName) + dot;
    } else if (!office.issuingBody.empty() || !office.parentBody.empty()) {
        sub = U8(office.issuingBody);
        if (!office.parentBody.empty())
            sub += (sub.empty() ? wxString() : dash) + U8(office.parentBody);
        sub += dot;
    }
    // TRANSLATORS: dashboard subtitle, e.g. "Figures as of 22/11/2026".
    sub += wxString::Format(_("Figures as of %s"), U8(FormatDate(today))) + dot;
    // TRANSLATORS: %s is a period label ("Quarter IV/2026"), then its first and last day.
    sub += wxString::Format(_("Reporting period %s: %s to %s"), U8(quarter.Label()),
                            U8(FormatDate(window.first)), U8(FormatDate(window.last)));
    subtitle_->SetLabelText(sub);

    // The figures of the cards, counted off the main thread: on the office
    // server counting two million ratings behind row-level security takes
    // the server a third of a second.
    const int overview = ++overviewGeneration_;
    RunOnOwnConnection<services::OfficeOverview>(
        this, session_.db().url(),
        [today, user = session_.user()](services::Database& db) {
            return std::make_shared<services::OfficeOverview>(
                services::GetOverview(db, today.ToIso(), user));
        },
        [this, overview, office](std::shared_ptr<services::OfficeOverview> o,
                                 const std::string& error) {
            if (overview != overviewGeneration_) return;  // read again meanwhile
            if (!o) {
                chartNote_->SetLabelText(U8(error));
                return;
            }
            scroll_->Freeze();
            FillCards(*o);
            FillNext(*o, office);
            scroll_->Layout();
            scroll_->FitInside();
            scroll_->Thaw();
        });

    scroll_->Freeze();
    // The open tasks and those missing a quarterly update, per commune:
    // counted by the database off the main thread, filled in when ready.
    struct CommuneFigures {
        std::vector<services::CommuneTasks> open;
        std::map<std::int64_t, long> missing;
    };
    const int generation = ++communeGeneration_;
    if (communeList_->GetItemCount() == 0) {
        communeList_->InsertItem(0, _("Reading the tasks..."));
        communeIds_.clear();
    }
    RunOnOwnConnection<CommuneFigures>(
        this, session_.db().url(),
        [today, user = session_.user()](services::Database& db) {
            auto figures = std::make_shared<CommuneFigures>();
            figures->open = services::OpenTasksByCommune(db, today.ToIso(), user);
            figures->missing = services::TaskBoard(db, today, user).MissingUpdatesByUnit();
            return figures;
        },
        [this, generation](std::shared_ptr<CommuneFigures> figures, const std::string&) {
            if (generation != communeGeneration_) return;  // read again meanwhile
            communeList_->DeleteAllItems();
            communeIds_.clear();
            if (!figures) return;
            for (const auto& c : figures->open) {
                const long item =
                    communeList_->InsertItem(communeList_->GetItemCount(), U8(c.name));
                communeList_->SetItem(item, 1, Num(c.open));
                communeList_->SetItem(item, 2, c.overdue > 0 ? Num(c.overdue) : wxString());
                communeList_->SetItem(item, 3, c.due7 > 0 ? Num(c.due7) : wxString());
                communeList_->SetItem(item, 4, c.due30 > 0 ? Num(c.due30) : wxString());
                auto missing = figures->missing.find(c.unitId);
                communeList_->SetItem(
                    item, 5, missing == figures->missing.end() ? wxString() : Num(missing->second));
                if (c.overdue > 0) communeList_->SetItemTextColour(item, colours::Danger());
                communeIds_.push_back(c.unitId);
            }
        });
    scroll_->Layout();
    scroll_->FitInside();
    scroll_->Thaw();

    ShowHistory();

    // Tallies of a whole year may be many: counted off the main thread.
    RunOnOwnConnection<std::vector<services::DuePublication>>(
        this, session_.db().url(),
        [today, user = session_.user()](services::Database& db) {
            return std::make_shared<std::vector<services::DuePublication>>(
                services::NextSurveyPublications(db, user, today, 4));
        },
        [this](std::shared_ptr<std::vector<services::DuePublication>> due, const std::string&) {
            FillPublications(due ? *due : std::vector<services::DuePublication>{});
        });
}

void DashboardPanel::SetUnit(const std::optional<Unit>& unit) {
    AreaPanel::SetUnit(unit);
    if (IsShownOnScreen()) ShowHistory();
}

void DashboardPanel::ShowHistory() {
    const int generation = ++historyGeneration_;
    if (!unit_ || !IsCommuneLevel(unit_->kind)) {
        if (history_->IsShown()) {
            history_->Hide();
            scroll_->Layout();
            scroll_->FitInside();
        }
        return;
    }
    struct History {
        std::string framework;
        std::vector<services::HistoryPoint> points;
        std::vector<std::string> formerUnits;
    };
    const Unit unit = *unit_;
    RunOnOwnConnection<History>(
        this, session_.db().url(),
        [unit, user = session_.user()](services::Database& db) {
            auto h = std::make_shared<History>();
            // The first index framework with results.
            for (const auto& fw : services::ListFrameworks(db)) {
                if (fw.kind != FrameworkKind::Par) continue;
                if (services::ResultPeriods(db, fw.code).empty()) continue;
                h->framework = fw.name;
                h->points = services::UnitHistory(db, unit.code, fw.code, true, user);
                break;
            }
            for (const auto& e : services::LineageOf(db, unit.id, user).formedFrom)
                h->formerUnits.push_back(e.name);
            return h;
        },
        [this, generation, unit](std::shared_ptr<History> h, const std::string& error) {
            if (generation != historyGeneration_) return;  // another commune meanwhile
            std::vector<PercentBars::Bar> bars;
            bool former = false;
            if (h)
                for (const auto& p : h->points) {
                    const auto period = Period::Parse(p.period);
                    wxString label = period ? U8(period->Label()) : U8(p.period);
                    wxString value = U8(FormatPercent(p.percent));
                    if (p.fromFormerUnits) {
                        label += "*";
                        former = true;
                    } else if (p.rank > 0 && p.count > 1) {
                        // (Alone in its ranking, as in a commune's copy: no rank.)
                        value += " \u00b7 " + wxString::Format(_("rank %d/%d"), p.rank, p.count);
                    }
                    bars.push_back({label, value, p.percent,
                                    p.fromFormerUnits ? colours::MutedText() : colours::Accent()});
                }
            history_->SetTitle(
                wxString::Format(_("Index results of %s over the years"), U8(unit.name)));
            historyBars_->SetBars(bars, {});
            wxString note;
            if (!h)
                note = U8(error);
            else if (bars.empty())
                note = _("No index results of this commune yet.");
            else
                note = U8(h->framework) + _(", appraised scores");
            if (former) {
                const wxString names = U8(JoinTexts(h->formerUnits));
                note += "\n" + wxString::Format(_("* Before it was formed: the combined results "
                                                  "of the former units (%s)."),
                                                names);
            }
            historyNote_->SetLabelText(note);
            historyNote_->Wrap(FromDIP(700));
            history_->Show();
            scroll_->Layout();
            scroll_->FitInside();
        });
}

void DashboardPanel::FillPublications(const std::vector<services::DuePublication>& due) {
    wxBoxSizer* list = publications_->content();
    list->Clear(true);
    const Date today = Date::Today();
    for (const auto& d : due) {
        const int days = today.DaysUntil(d.publication.date);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        auto* bullet =
            new wxStaticText(publications_, wxID_ANY, wxString::FromUTF8("\xe2\x97\x8f"));  // ●
        wxColour colour = d.Prepared() ? colours::Good()
                          : days <= 7  ? colours::Danger()
                                       : colours::Warning();
        bullet->SetForegroundColour(colour);
        row->Add(bullet, 0, wxRIGHT | wxALIGN_TOP, FromDIP(8));
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* head = new wxStaticText(publications_, wxID_ANY, "");
        // TRANSLATORS: a publication of survey results: its date, then the period ("Quarter
        // IV/2026").
        head->SetLabelText(wxString::Format(_("%s: results of %s"),
                                            U8(FormatDate(d.publication.date)),
                                            U8(d.publication.period.Label())));
        head->SetForegroundColour(colours::Text());
        col->Add(head);
        wxString state;
        if (d.communes == 0)
            state = _("No commune to survey yet.");
        else if (d.Prepared())
            state = _("Prepared: every commune has its tallies.");
        else
            state = wxString::Format(_("Not prepared: tallies in for %s of %s communes."),
                                     Num(d.communesWithData), Num(d.communes));
        auto* note = new wxStaticText(publications_, wxID_ANY, "");
        note->SetLabelText(state);
        note->SetForegroundColour(d.Prepared() ? colours::MutedText() : colour);
        col->Add(note, 0, wxTOP, FromDIP(2));
        row->Add(col, 1);
        list->Add(row, 0, wxEXPAND | wxBOTTOM, FromDIP(10));
    }
    if (due.empty()) {
        auto* none = new wxStaticText(publications_, wxID_ANY, _("No publication is planned."));
        none->SetForegroundColour(colours::MutedText());
        list->Add(none);
    }
    publications_->Layout();
    scroll_->Layout();
    scroll_->FitInside();
}

void DashboardPanel::FillCards(const services::OfficeOverview& o) {
    communes_->SetValue(
        Num(o.communes),
        wxString::Format(wxPLURAL("and %s department", "and %s departments", o.departments),
                         Num(o.departments)));
    people_->SetValue(Num(o.people), _("in all units"));
    frameworks_->SetValue(Num(o.frameworks), _("index and survey templates"));
    wxString latest;
    if (auto p = Period::Parse(o.latestResultPeriod))
        latest = wxString::Format(_("latest: %s"), U8(p->Label()));
    results_->SetValue(Num(o.results), latest.empty() ? _("no results yet") : latest);
    plans_->SetValue(
        Num(o.plans),
        wxString::Format(wxPLURAL("%s task done", "%s tasks done", o.tasksDone), Num(o.tasksDone)));
    open_->SetValue(Num(o.tasksOpen), _("not started or in progress"));
    overdue_->SetValue(Num(o.tasksOverdue),
                       o.tasksOverdue > 0 ? _("past their due date") : _("none past due"));
    overdue_->SetValueColour(o.tasksOverdue > 0 ? colours::Danger() : colours::Good());
    ratings_->SetValue(Num(o.ratings),
                       wxString::Format(wxPLURAL("%s survey tally", "%s survey tallies", o.tallies),
                                        Num(o.tallies)));

    const long onTime = std::max(0L, o.tasksOpen - o.tasksOverdue);
    chart_->SetCounts(o.tasksDone, onTime, o.tasksOverdue);
    const long total = o.tasksDone + o.tasksOpen;
    chartNote_->SetLabelText(
        total == 0
            ? _("No tasks have been planned yet.")
            : wxString::Format(wxPLURAL("%s task in the plans (cancelled ones left out).",
                                        "%s tasks in the plans (cancelled ones left out).", total),
                               Num(total)));
}

void DashboardPanel::FillExchange(const AddItem& addItem) {
    services::ExchangeStatus x;
    try {
        x = services::GetExchangeStatus(session_.db(), session_.user());
    } catch (const std::exception&) {
        return;  // the overview goes on without it
    }
    auto day = [](const std::optional<std::string>& at) {
        const auto d = at && at->size() >= 10 ? Date::ParseIso(at->substr(0, 10)) : std::nullopt;
        return d ? U8(FormatDate(*d)) : wxString("?");
    };
    if (x.copyOf) {
        addItem(colours::Accent(),
                wxString::Format(_("This is the copy of %s made from the office's package number "
                                   "%d; %d return packages sent so far. Send the changes back "
                                   "when the work is done."),
                                 U8(*x.copyOf), x.copySeq, x.copySent),
                _("Send back to the office..."), [this] { SendCommand(this, ID_EXCHANGE_SEND); });
        return;
    }
    if (x.openConflicts > 0)
        addItem(colours::Danger(),
                wxString::Format(wxPLURAL("%s field changed both here and at a commune waits to "
                                          "be resolved.",
                                          "%s fields changed both here and at communes wait to "
                                          "be resolved.",
                                          x.openConflicts),
                                 Num(x.openConflicts)),
                _("Resolve the conflicts..."),
                [this] { SendCommand(this, ID_EXCHANGE_CONFLICTS); });
    if (x.units.empty()) return;
    // The packages of the communes, latest first: sent, and back or not.
    wxString lines;
    const std::size_t shown = std::min<std::size_t>(x.units.size(), 6);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& u = x.units[i];
        wxString line =
            wxString::Format(_("%s: package %d sent %s"), U8(u.name), u.outSeq, day(u.outAt));
        line += u.inSeq > 0 ? wxString::Format(_(", return %d received %s"), u.inSeq, day(u.inAt))
                            : _(", nothing received yet");
        lines += (lines.empty() ? "" : "\n") + line;
    }
    if (x.units.size() > shown)
        lines += "\n" + wxString::Format(_("and %d more communes"),
                                         static_cast<int>(x.units.size() - shown));
    addItem(colours::Accent(), _("Exchange packages:") + "\n" + lines,
            _("Import a commune's return package..."),
            [this] { SendCommand(this, ID_EXCHANGE_IMPORT); });
}

void DashboardPanel::FillNext(const services::OfficeOverview& o,
                              const services::OfficeIdentity& office) {
    wxBoxSizer* list = next_->content();
    list->Clear(true);

    AddItem addItem = [&](const wxColour& dot, const wxString& text, const wxString& linkText,
                          std::function<void()> action) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        auto* bullet = new wxStaticText(next_, wxID_ANY, wxString::FromUTF8("\xe2\x97\x8f"));  // ●
        bullet->SetForegroundColour(dot);
        row->Add(bullet, 0, wxRIGHT | wxALIGN_TOP, FromDIP(8));
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* label = new wxStaticText(next_, wxID_ANY, "");
        label->SetLabelText(text);
        label->SetForegroundColour(colours::Text());
        label->Wrap(FromDIP(420));
        col->Add(label, 0);
        if (!linkText.empty()) {
            auto* link = new wxGenericHyperlinkCtrl(next_, wxID_ANY, linkText, "");
            link->SetNormalColour(colours::Accent());
            link->SetVisitedColour(colours::Accent());
            link->Bind(wxEVT_HYPERLINK, [action](wxHyperlinkEvent&) { action(); });
            col->Add(link, 0, wxTOP, FromDIP(2));
        }
        row->Add(col, 1);
        list->Add(row, 0, wxEXPAND | wxBOTTOM, FromDIP(10));
    };
    auto show = [this](Area a) { return [this, a] { RequestArea(this, a); }; };

    if (o.communes == 0) {
        addItem(colours::Warning(),
                _("The office has no communes yet. Start by adding the units it follows."),
                _("Add a unit..."), [this] { SendCommand(this, ID_ADD_UNIT); });
    }
    if (o.tasksOverdue > 0) {
        addItem(colours::Danger(),
                wxString::Format(wxPLURAL("%s task is past its due date: remind its owner.",
                                          "%s tasks are past their due date: remind their owners.",
                                          o.tasksOverdue),
                                 Num(o.tasksOverdue)),
                _("Open plans and tasks"), show(Area::Plans));
    } else if (o.tasksOpen > 0) {
        addItem(colours::Good(), _("No task is overdue."), "", nullptr);
    }
    if (o.tasksDue30 > 0) {
        addItem(colours::Warning(),
                wxString::Format(_("Due soon: %s tasks within 7 days, %s within 30 days."),
                                 Num(o.tasksDue7), Num(o.tasksDue30)),
                _("Open plans and tasks"), show(Area::Plans));
    }

    const Date today = Date::Today();
    const Period quarter = session_.CurrentQuarter();
    const DateRange window = quarter.Window(session_.ReportingWindow());
    const int daysLeft = today.DaysUntil(window.last);
    wxString cutoff;
    if (daysLeft <= 0)
        cutoff = wxString::Format(
            _("Data for %s are counted until today: prepare the quarterly report."),
            U8(quarter.Label()));
    else
        cutoff =
            wxString::Format(wxPLURAL("Data for %s are counted until %s (%d day left).",
                                      "Data for %s are counted until %s (%d days left).", daysLeft),
                             U8(quarter.Label()), U8(FormatDate(window.last)), daysLeft);
    addItem(daysLeft <= 14 ? colours::Warning() : colours::Accent(), cutoff, _("Go to reports"),
            show(Area::Reports));

    if (auto p = Period::Parse(o.latestResultPeriod))
        addItem(colours::Accent(),
                wxString::Format(_("The latest index results are for %s."), U8(p->Label())),
                _("See index results"), show(Area::IndexResults));
    else if (o.communes > 0)
        addItem(colours::Warning(), _("No index results have been recorded yet."),
                _("See index results"), show(Area::IndexResults));

    if (office.signerName.empty() || office.issuingBody.empty())
        addItem(colours::Warning(),
                _("The office's document header and signer are not filled in yet."),
                _("Open settings"), show(Area::Settings));

    FillExchange(addItem);
    next_->Layout();
}

}  // namespace cchc::gui
