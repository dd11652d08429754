// The audit trail page (see audit_page.h).
#include "gui/catalogue/audit_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "core/date.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/background_work.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/search_picker.h"
#include "gui/shell/vn_date_ctrl.h"
#include "services/app/accounts.h"

namespace cchc::gui {
namespace {

enum Column { kAt, kUser, kTable, kRow, kAction, kField, kOld, kNew, kColumns };

// The audited tables, as the filter offers them (marked, translated where
// shown).
const struct {
    const char* key;
    const char* label;
} kTables[] = {
    {"units", wxTRANSLATE("Units")},
    {"people", wxTRANSLATE("Officers")},
    {"results", wxTRANSLATE("Index results")},
    {"result_sets", wxTRANSLATE("Result sets (submitting, appraising)")},
    {"evidence", wxTRANSLATE("Evidence documents")},
    {"result_evidence", wxTRANSLATE("Evidence of results")},
    {"plans", wxTRANSLATE("Remediation plans")},
    {"plan_items", wxTRANSLATE("Plan criteria")},
    {"tasks", wxTRANSLATE("Tasks")},
    {"progress_updates", wxTRANSLATE("Task progress")},
    {"survey_tallies", wxTRANSLATE("Survey tallies")},
    {"ratings", wxTRANSLATE("Citizen ratings")},
    {"self_assessments", wxTRANSLATE("Officers' self-assessments")},
    {"indicator_assignments", wxTRANSLATE("Indicator assignments")},
    {"report_narratives", wxTRANSLATE("Report texts")},
    {"issued_reports", wxTRANSLATE("Issued reports")},
    {"frameworks", wxTRANSLATE("Index frameworks")},
    {"criteria", wxTRANSLATE("Criteria")},
    {"settings", wxTRANSLATE("Settings")},
    {"users", wxTRANSLATE("Accounts")},
};

wxString TableLabel(const std::string& key) {
    for (const auto& t : kTables)
        if (key == t.key) return wxGetTranslation(t.label);
    return U8(key);
}

wxString ActionLabel(const std::string& action) {
    // TRANSLATORS: what a change in the audit trail did to a record.
    if (action == "insert") return _("added");
    if (action == "update") return _("changed");
    if (action == "delete") return _("deleted");
    return U8(action);
}

// A value on one line, cut where it is long (the whole value is in the
// database; the list is for finding it).
wxString ValueText(const std::optional<std::string>& value) {
    if (!value) return {};
    wxString text = U8(*value);
    text.Replace("\n", " ");
    if (text.length() > 200) text = text.Left(200) + wxString::FromUTF8("\xe2\x80\xa6");
    return text;
}

}  // namespace

class AuditList : public wxListCtrl {
  public:
    explicit AuditList(AuditPage* page)
        : wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
          page_(page) {}
    wxString OnGetItemText(long item, long column) const override {
        const services::AuditTrailRow* r = page_->RowAt(item);
        if (!r) {
            // Not read yet: the window is asked for, and shown when in.
            page_->Want(item);
            return column == kAt ? wxString::FromUTF8("\xe2\x80\xa6") : wxString();
        }
        switch (column) {
            case kAt:
                return U8(FormatDateTime(r->at));
            case kUser:
                return U8(r->user);
            case kTable:
                return TableLabel(r->table);
            case kRow:
                return wxString::Format("%lld", static_cast<long long>(r->rowId));
            case kAction:
                return ActionLabel(r->action);
            case kField:
                return U8(services::AuditFieldLabel(r->field));
            case kOld:
                return ValueText(r->oldValue);
            case kNew:
                return ValueText(r->newValue);
        }
        return {};
    }

  private:
    AuditPage* page_;
};

AuditPage::AuditPage(wxWindow* parent, GuiSession& session, std::optional<AuditRecord> record)
    : wxPanel(parent, wxID_ANY), session_(session), record_(std::move(record)) {
    SetName("auditPage");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // The filters, each with its label; on to a second line when the page
    // is too narrow for all of them.
    auto* bar = new wxWrapSizer(wxHORIZONTAL, wxREMOVE_LEADING_SPACES);
    // One record's history: its table and unit are given.
    std::vector<wxWindow*> recordHides;
    auto filter = [&](const wxString& text, wxWindow* control, bool ofRecord) {
        auto* pair = new wxBoxSizer(wxHORIZONTAL);
        auto* l = new wxStaticText(this, wxID_ANY, text);
        pair->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
        pair->Add(control, 0, wxALIGN_CENTER_VERTICAL);
        bar->Add(pair, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT | wxBOTTOM, gap);
        if (ofRecord) {
            recordHides.push_back(l);
            recordHides.push_back(control);
        }
    };
    table_ = new wxChoice(this, wxID_ANY);
    table_->SetName("auditTable");
    table_->Append(_("All tables"));
    for (const auto& t : kTables) table_->Append(wxGetTranslation(t.label));
    table_->SetSelection(0);
    filter(_("T&able:"), table_, true);
    user_ = new wxComboBox(this, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(150), -1), 0,
                           nullptr, wxCB_DROPDOWN | wxTE_PROCESS_ENTER);
    user_->SetName("auditUser");
    user_->SetToolTip(_("Only the changes made by this login (empty: everyone's)"));
    filter(_("Acc&ount:"), user_, false);
    unit_ = new SearchPicker(this, wxID_ANY, _("Choose a unit"));
    unit_->SetName("auditUnit");
    unit_->SetMinSize(wxSize(FromDIP(200), -1));
    unit_->SetToolTip(_("The changes of records that belong to the unit or to a unit under it"));
    filter(_("U&nit:"), unit_, true);
    since_ = new VnDateCtrl(this);
    since_->SetName("auditSince");
    since_->SetMinSize(wxSize(FromDIP(165), -1));
    since_->SetToolTip(_("The changes made on this day or later (empty: from the first)"));
    filter(_("&Since:"), since_, false);
    until_ = new VnDateCtrl(this);
    until_->SetName("auditUntil");
    until_->SetMinSize(wxSize(FromDIP(165), -1));
    until_->SetToolTip(_("The changes made on this day or before (empty: up to now)"));
    filter(_("&Until:"), until_, false);
    if (record_)
        for (wxWindow* w : recordHides) w->Hide();
    sizer->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    auto* countBar = new wxBoxSizer(wxHORIZONTAL);
    count_ = new wxStaticText(this, wxID_ANY, "");
    count_->SetName("auditCount");
    count_->SetFont(ScaledFont(count_, 1.0, true));
    countBar->Add(count_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    export_ = new wxButton(this, wxID_ANY, _("Export..."));
    export_->SetName("auditExport");
    export_->SetToolTip(
        _("Save all the changes the filters select to an Excel (XLSX) or CSV file"));
    export_->Disable();
    countBar->Add(export_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(countBar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    list_ = new AuditList(this);
    list_->SetName("auditList");
    const std::pair<wxString, int> columns[kColumns] = {
        {_("Time"), 125},  {_("Account"), 100}, {_("Table"), 130},     {_("Record"), 60},
        {_("Action"), 70}, {_("Field"), 120},   {_("Old value"), 170}, {_("New value"), 170}};
    for (int i = 0; i < kColumns; ++i)
        list_->AppendColumn(columns[i].first, i == kRow ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
                            FromDIP(columns[i].second));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    table_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyFilter(); });
    unit_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyFilter(); });
    user_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { ApplyFilter(); });
    user_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { ApplyFilter(); });
    user_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        CallAfter([this] {
            if (TrimmedU8(user_->GetValue()) != lastUser_) ApplyFilter();
        });
    });
    for (VnDateCtrl* day : {since_, until_})
        day->Bind(wxEVT_TEXT, [this, day](wxCommandEvent&) {
            if (!day->Bad()) ApplyFilter();
        });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Export(); });
    // Double-click (or Enter): the change whole, values that the list cuts.
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        const services::AuditTrailRow* r = RowAt(e.GetIndex());
        if (!r) return;
        ShowInfo(this,
                 wxString::Format(_("%s, %s: %s %s no. %lld, field %s.\n\nOld value: "
                                    "%s\n\nNew value: %s"),
                                  U8(FormatDateTime(r->at)), U8(r->user), ActionLabel(r->action),
                                  TableLabel(r->table), static_cast<long long>(r->rowId),
                                  U8(services::AuditFieldLabel(r->field)),
                                  U8(r->oldValue.value_or("")), U8(r->newValue.value_or(""))));
    });
}

wxListCtrl* AuditPage::list() const { return list_; }

const services::AuditTrailRow* AuditPage::RowAt(long item) const {
    if (item < 0 || item >= static_cast<long>(total_)) return nullptr;
    auto it = windows_.find(item / kWindow);
    if (it == windows_.end()) return nullptr;
    const auto at = static_cast<std::size_t>(item % kWindow);
    return at < it->second.size() ? &it->second[at] : nullptr;
}

long AuditPage::RowsHeld() const {
    long n = 0;
    for (const auto& [window, rows] : windows_) n += static_cast<long>(rows.size());
    return n;
}

void AuditPage::Want(long item) {
    if (counting_ || reading_ >= 0 || item < 0 || item >= static_cast<long>(total_)) return;
    const long window = item / kWindow;
    if (windows_.count(window)) return;
    // Not from inside the list's painting: read once it is done.
    reading_ = window;
    CallAfter([this, window, generation = generation_] {
        if (generation == generation_ && reading_ == window) ReadWindow(window);
    });
}

void AuditPage::ReadWindow(long window) {
    const services::AuditTrailFilter filter = counted_;
    const std::string user = session_.user();
    const int generation = generation_;
    const long long offset = static_cast<long long>(window) * kWindow;
    RunOnOwnConnection<std::vector<services::AuditTrailRow>>(
        this, session_.db().url(),
        [filter, user, offset](services::Database& db) {
            return std::make_shared<std::vector<services::AuditTrailRow>>(
                services::ReadAuditTrailWindow(db, user, filter, offset, kWindow));
        },
        [this, generation, window](std::shared_ptr<std::vector<services::AuditTrailRow>> rows,
                                   const std::string& error) {
            if (generation != generation_) return;  // the filter changed meanwhile
            reading_ = -1;
            if (!error.empty() || !rows) {
                count_->SetLabel(_("The history could not be read."));
                count_->SetToolTip(U8(error));
                return;
            }
            // A few windows are kept: those farthest from this one go.
            constexpr std::size_t kKept = 8;
            while (windows_.size() >= kKept) {
                auto farthest = std::max_element(
                    windows_.begin(), windows_.end(), [window](const auto& a, const auto& b) {
                        return std::abs(a.first - window) < std::abs(b.first - window);
                    });
                windows_.erase(farthest);
            }
            windows_[window] = std::move(*rows);
            // The list paints the rows now read, and asks for any other
            // window it shows.
            list_->Refresh();
        });
}

void AuditPage::FillChoices() {
    // Accounts that exist, to pick from (any login may be typed: changes
    // made before the accounts carry the desk's login).
    const wxString typed = user_->GetValue();
    user_->Clear();
    try {
        for (const auto& a : services::AccountService(session_.db(), session_.user()).List())
            user_->Append(U8(a.login));
    } catch (const std::exception&) {
    }
    user_->ChangeValue(typed);

    // The units the account may read: its own subtree (all for the office).
    wxString chosen = unit_->GetStringSelection();
    unit_->Clear();
    unitCodes_.clear();
    AccessUi& access = session_.Access();
    const auto account = access.Acting();
    unit_->Append(account && account->unitId ? _("All my units") : _("All units"));
    try {
        for (const Unit& u : session_.Organisation().Units()) {
            if (!access.InScope(u.id)) continue;
            unit_->Append(U8(u.name));
            unitCodes_.push_back(u.code);
        }
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    if (chosen.empty() || !unit_->SetStringSelection(chosen)) unit_->SetSelection(0);
}

void AuditPage::Reload() {
    FillChoices();
    ApplyFilter();
}

services::AuditTrailFilter AuditPage::CurrentFilter() const {
    services::AuditTrailFilter f;
    const int t = table_->GetSelection();
    if (t > 0 && static_cast<std::size_t>(t) <= std::size(kTables)) f.table = kTables[t - 1].key;
    f.user = TrimmedU8(user_->GetValue());
    const int u = unit_->GetSelection();
    if (u > 0 && static_cast<std::size_t>(u) <= unitCodes_.size()) f.unitCode = unitCodes_[u - 1];
    if (record_) {
        f.table = record_->table;
        f.rowId = record_->rowId;
        f.unitCode = record_->unitCode;
    }
    if (auto iso = since_->Iso()) f.since = *iso;
    if (auto iso = until_->Iso()) f.until = *iso;
    return f;
}

void AuditPage::ApplyFilter() {
    const services::AuditTrailFilter filter = CurrentFilter();
    lastUser_ = filter.user;
    const int generation = ++generation_;
    reading_ = -1;
    windows_.clear();
    total_ = 0;
    list_->SetItemCount(0);
    export_->Disable();
    count_->SetToolTip(wxString());
    const auto first = since_->Value(), last = until_->Value();
    if (first && last && *last < *first) {
        counting_ = false;
        count_->SetLabel(_("The last day is before the first: no change to show."));
        list_->Refresh();
        return;
    }
    counting_ = true;
    count_->SetLabel(_("Reading the history..."));
    const std::string user = session_.user();
    struct Counted {
        services::AuditTrailFilter filter;
        services::AuditTrailSize size;
        std::vector<services::AuditTrailRow> first;  // the first window
    };
    RunOnOwnConnection<Counted>(
        this, session_.db().url(),
        [filter, user](services::Database& db) {
            auto c = std::make_shared<Counted>();
            c->size = services::CountAuditTrail(db, user, filter);
            c->filter = filter;
            c->filter.upToId = c->size.upToId;
            c->first = services::ReadAuditTrailWindow(db, user, c->filter, 0, kWindow);
            return c;
        },
        [this, generation](std::shared_ptr<Counted> counted, const std::string& error) {
            if (generation != generation_) return;  // the filter changed meanwhile
            counting_ = false;
            if (!error.empty() || !counted) {
                count_->SetLabel(_("The history could not be read."));
                count_->SetToolTip(U8(error));
                ShowError(this, _("The history could not be read.") + "\n\n" + U8(error));
            } else {
                counted_ = counted->filter;
                total_ = counted->size.count;
                if (!counted->first.empty()) windows_[0] = std::move(counted->first);
                count_->SetLabel(wxString::Format(wxPLURAL("%s change", "%s changes", total_),
                                                  U8(FormatInteger(total_))));
                export_->Enable(total_ > 0);
            }
            list_->SetItemCount(static_cast<long>(total_));
            list_->Refresh();
            Layout();
        });
}

void AuditPage::Export() {
    if (counting_ || total_ <= 0) return;
    const wxString name = wxString::Format("%s-%s", _("change-history"), U8(Date::Today().ToIso()));
    const wxString path = AskTableFile(this, _("Export the history"), name);
    if (path.empty()) return;
    const WorkOutcome outcome = ExportTo(ToU8(path));
    if (outcome.cancelled) {
        ShowInfo(this, _("The export was cancelled: no file was written."));
    } else if (!outcome.error.empty()) {
        ShowError(this, _("The history was not exported.") + "\n\n" + U8(outcome.error));
    } else {
        ShowInfo(this, wxString::Format(wxPLURAL("%s change was saved to %s.",
                                                 "%s changes were saved to %s.", exported_),
                                        U8(FormatInteger(exported_)), path));
    }
}

WorkOutcome AuditPage::ExportTo(const std::string& path) {
    exported_ = 0;
    // What the list shows: the filter as counted, held at its newest entry.
    const services::AuditTrailFilter filter = counted_;
    const std::string user = session_.user();
    auto rows = std::make_shared<long>(0);
    const WorkOutcome outcome =
        RunWithProgress(this,
                        {_("Export the history"), _("Reading the history..."),
                         _("Cancelling: waiting for the work to stop..."), "auditExportProgress"},
                        session_.db().url(),
                        [filter, user, path, rows](services::Database& db, Progress& progress) {
                            *rows = services::ExportAuditTrail(db, user, filter, path, &progress);
                        });
    if (!outcome.cancelled && outcome.error.empty()) exported_ = *rows;
    return outcome;
}

}  // namespace cchc::gui
