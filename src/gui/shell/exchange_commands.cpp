// Offline exchange packages from the File menu (see exchange_commands.h).
#include "gui/shell/exchange_commands.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <filesystem>

#include "core/collation.h"
#include "core/date.h"
#include "core/org.h"
#include "core/records.h"
#include "gui/shell/gui_session.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/table_list.h"
#include "services/app/database_access.h"

namespace cchc::gui {
namespace {

const wxString kPackageFilter() { return _("Exchange packages (*.cchcx)|*.cchcx|All files|*"); }

wxString ValueText(const std::optional<std::string>& v) { return v ? U8(*v) : wxString("—"); }

wxString StateText(const std::string& state) {
    if (state == "applied") return _("applied");
    if (state == "parallel") return _("parallel (applied)");
    return _("conflict");
}

wxString TableText(const std::string& table) {
    if (table == "tasks") return _("Task");
    if (table == "progress_updates") return _("Progress update");
    if (table == "report_narratives") return _("Report text");
    if (table == "results") return _("Index result");
    if (table == "tallies") return _("Survey tally");
    if (table == "dossiers") return _("Dossier statistics");
    if (table == "evidence") return _("Evidence document");
    if (table == "ratings") return _("Citizen's rating");
    return U8(table);
}

// The field as a reader names it ("*": the whole row, deleted at the
// commune; "": a row the commune added).
wxString FieldText(const std::string& field) {
    if (field == "*") return _("(deleted at the commune)");
    if (field.empty()) return _("(added at the commune)");
    static const std::vector<std::pair<const char*, const char*>> labels = {
        {"solution", N_("Task")},
        {"lead_unit_id", N_("Lead unit")},
        {"lead_unit_text", N_("Lead unit (as written)")},
        {"lead_person_id", N_("Lead person")},
        {"lead_person_text", N_("Lead person (as written)")},
        {"start_on", N_("Start")},
        {"due_on", N_("Due date")},
        {"due_year", N_("Due year")},
        {"recurring", N_("Recurring")},
        {"time_text", N_("Time frame (as written)")},
        {"status", N_("Status")},
        {"percent_done", N_("Progress (%)")},
        {"outcome", N_("Outcome")},
        {"closed_on", N_("Closed on")},
        {"self_score", N_("Self-assessed score")},
        {"appraised_score", N_("Appraised score")},
        {"numerator", N_("Numerator")},
        {"denominator", N_("Denominator")},
        {"note", N_("Note")},
        {"body", N_("Text")},
        {"settled", N_("Dossiers settled")},
        {"responses", N_("Responses")},
        {"very_satisfied", N_("Very satisfied")},
        {"satisfied", N_("Satisfied")},
        {"neutral", N_("Neutral")},
        {"dissatisfied", N_("Dissatisfied")},
        {"very_dissatisfied", N_("Very dissatisfied")},
        {"received_online", N_("Received online")},
        {"received_direct", N_("Received in person or by post")},
        {"carried_over", N_("Carried over")},
        {"settled_early", N_("Settled early")},
        {"settled_on_time", N_("Settled on time")},
        {"settled_late", N_("Settled late")},
        {"pending_on_time", N_("In progress within time")},
        {"pending_overdue", N_("In progress, overdue")},
    };
    for (const auto& [key, label] : labels)
        if (field == key) return wxGetTranslation(label);
    return U8(field);
}

// A value as a reader reads it: a task's status by its name, "—" for none.
wxString ValueOf(const std::string& field, const std::optional<std::string>& v) {
    if (v && field == "status")
        if (auto s = TaskStatusFromKey(*v)) return U8(TaskStatusLabel(*s));
    if (v && field == "recurring") return *v == "1" ? _("yes") : _("no");
    return ValueText(v);
}

}  // namespace

// --- Making packages ---------------------------------------------------------

MakePackagesDialog::MakePackagesDialog(wxWindow* parent, GuiSession& session)
    : wxDialog(parent, wxID_ANY, _("Make exchange packages for communes"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session) {
    SetName("makePackages");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(
        this, wxID_ANY,
        _("A package holds a commune's plans and tasks, index results, tallies, dossier "
          "statistics, report texts and evidence register, for the commune to work on without "
          "a connection and send its changes back. Once a commune has sent a return, its next "
          "package carries only what changed since. Tick the communes; one file per commune is "
          "written into the folder."));
    note->Wrap(FromDIP(560));
    sizer->Add(note, 0, wxALL, gap);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("&Communes:")), 0, wxLEFT | wxRIGHT, gap);
    units_ = new wxCheckListBox(this, wxID_ANY);
    units_->SetName("exchangeUnits");
    std::vector<Unit> units;
    for (const auto& u : session_.Organisation().Units())
        if (u.active && IsCommuneLevel(u.kind)) units.push_back(u);
    std::sort(units.begin(), units.end(),
              [](const Unit& a, const Unit& b) { return SortKey(a.name) < SortKey(b.name); });
    for (const auto& u : units) {
        codes_.push_back(u.code);
        units_->Append(U8(u.name + " (" + u.code + ")"));
    }
    sizer->Add(units_, 1, wxEXPAND | wxALL, gap);
    auto* all = new wxButton(this, wxID_ANY, _("Tick &all"));
    all->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        for (unsigned i = 0; i < units_->GetCount(); ++i) units_->Check(i, true);
    });
    sizer->Add(all, 0, wxLEFT | wxRIGHT, gap);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("&Folder:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
             gap);
    auto* folderText = new wxTextCtrl(this, wxID_ANY, UserFilesFolder());
    folderText->SetName("exchangeFolder");
    row->Add(folderText, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    auto* browse = new wxButton(this, wxID_ANY, _("C&hoose a folder..."));
    browse->Bind(wxEVT_BUTTON, [this, folderText](wxCommandEvent&) {
        wxDirDialog pick(this, _("Folder for the packages"), folderText->GetValue());
        if (pick.ShowModal() == wxID_OK) folderText->SetValue(pick.GetPath());
    });
    row->Add(browse, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxEXPAND | wxALL, gap);
    folderText_ = folderText;

    withFiles_ = new wxCheckBox(this, wxID_ANY, _("With the evidence &files (larger packages)"));
    withFiles_->SetName("exchangeWithFiles");
    sizer->Add(withFiles_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    withRatings_ = new wxCheckBox(this, wxID_ANY, _("With the citizens' &ratings"));
    withRatings_->SetName("exchangeWithRatings");
    sizer->Add(withRatings_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    full_ = new wxCheckBox(this, wxID_ANY,
                           _("&Whole packages (every row, for a commune that lost its copy)"));
    full_->SetName("exchangeFull");
    sizer->Add(full_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(this, wxID_OK, _("&Make the packages"));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto written = Make();
        if (written.empty()) return;
        ShowInfo(this, wxString::Format(wxPLURAL("%d package was written to %s.",
                                                 "%d packages were written to %s.",
                                                 static_cast<int>(written.size())),
                                        static_cast<int>(written.size()),
                                        folderText_->GetValue().Strip(wxString::both)));
        EndModal(wxID_OK);
    });
    SetSizerAndFit(sizer);
    SetSize(FromDIP(wxSize(620, 560)));
    CentreOnParent();
}

bool MakePackagesDialog::Tick(const std::string& code, bool on) {
    for (std::size_t i = 0; i < codes_.size(); ++i)
        if (codes_[i] == code) {
            units_->Check(static_cast<unsigned>(i), on);
            return true;
        }
    return false;
}

void MakePackagesDialog::SetFolder(const wxString& folder) { folderText_->SetValue(folder); }

std::vector<std::string> MakePackagesDialog::Make() {
    std::vector<std::string> written;
    std::vector<std::string> chosen;
    for (std::size_t i = 0; i < codes_.size(); ++i)
        if (units_->IsChecked(static_cast<unsigned>(i))) chosen.push_back(codes_[i]);
    if (chosen.empty()) {
        ShowError(this, _("Tick the communes to make packages for."));
        return written;
    }
    const wxString folder = folderText_->GetValue().Strip(wxString::both);
    if (folder.empty() || !wxFileName::DirExists(folder)) {
        ShowError(this, wxString::Format(_("The folder %s does not exist."), folder));
        return written;
    }
    wxBusyCursor busy;
    services::ExchangeExportOptions options;
    options.withFiles = withFiles_->GetValue();
    options.withRatings = withRatings_->GetValue();
    options.full = full_->GetValue();
    const std::string today = Date::Today().ToIso();
    for (const auto& code : chosen) {
        const std::string path = (std::filesystem::u8path(ToU8(folder)) /
                                  std::filesystem::u8path(code + "-" + today + ".cchcx"))
                                     .u8string();
        try {
            services::ExportUnitPackage(session_.db(), code, path, session_.user(), options);
            written.push_back(path);
        } catch (const std::exception& e) {
            ShowError(this, wxString::Format(_("The package for %s was not written."), U8(code)) +
                                "\n\n" + ErrorSentence(e));
            return written;
        }
    }
    return written;
}

// --- The report of an import ---------------------------------------------------

ExchangeReportDialog::ExchangeReportDialog(wxWindow* parent, GuiSession& session,
                                           const services::ExchangeImportOutcome& outcome)
    : wxDialog(parent, wxID_ANY, _("Return package imported"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("exchangeReport");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    long conflicts = 0;
    for (const auto& l : outcome.lines) conflicts += l.state == "conflict";
    wxString summary =
        outcome.alreadyImported
            ? wxString::Format(_("Return package number %d of %s was imported already; nothing "
                                 "changed."),
                               outcome.seq, U8(outcome.unitName))
            : wxString::Format(_("Return package number %d of %s: %d changes, %d conflicts to "
                                 "resolve."),
                               outcome.seq, U8(outcome.unitName),
                               static_cast<int>(outcome.lines.size()), static_cast<int>(conflicts));
    auto* head = new wxStaticText(this, wxID_ANY, summary);
    head->SetFont(ScaledFont(this, 1.1, true));
    head->Wrap(FromDIP(760));
    sizer->Add(head, 0, wxALL, gap);
    list_ = new TableList(this, "exchangeReportList",
                          {{_("Kind"), 110},
                           {_("Row"), 260},
                           {_("Field"), 150},
                           {_("Base value"), 110},
                           {_("Office"), 110},
                           {_("Commune"), 110},
                           {_("State"), 130}},
                          0, 0);
    std::vector<TableList::Row> rows;
    for (const auto& l : outcome.lines)
        rows.push_back({{TableText(l.table), U8(l.label.empty() ? l.key : l.label),
                         FieldText(l.field), ValueOf(l.field, l.base), ValueOf(l.field, l.office),
                         ValueOf(l.field, l.commune), StateText(l.state)},
                        l.state == "conflict" ? TableList::Tone::Danger : TableList::Tone::Normal});
    list_->SetRows(std::move(rows));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    if (conflicts > 0) {
        auto* resolve = new wxButton(this, wxID_ANY, _("&Resolve the conflicts..."));
        resolve->SetName("exchangeResolve");
        resolve->Bind(wxEVT_BUTTON, [this, &session](wxCommandEvent&) {
            ExchangeConflictsDialog dlg(this, session);
            dlg.ShowModal();
        });
        buttons->Add(resolve, 0, wxRIGHT, gap);
    }
    buttons->AddStretchSpacer();
    auto* close = new wxButton(this, wxID_OK, _("&Close"));
    close->SetDefault();
    buttons->Add(close, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(960, 520)));
    SetMinSize(FromDIP(wxSize(600, 360)));
    CentreOnParent();
}

long ExchangeReportDialog::Lines() const { return list_->RowCount(); }

// --- Conflicts -----------------------------------------------------------------

ExchangeConflictsDialog::ExchangeConflictsDialog(wxWindow* parent, GuiSession& session)
    : wxDialog(parent, wxID_ANY, _("Exchange conflicts to resolve"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      session_(session) {
    SetName("exchangeConflicts");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    note_ = new wxStaticText(this, wxID_ANY, "");
    sizer->Add(note_, 0, wxALL, gap);
    list_ = new TableList(this, "exchangeConflictList",
                          {{_("No."), 50},
                           {_("Commune"), 110},
                           {_("Kind"), 110},
                           {_("Row"), 190},
                           {_("Field"), 120},
                           {_("Base value"), 110},
                           {_("Office"), 110},
                           {_("Commune's value"), 110}},
                          0, 1);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    keepOffice_ = new wxButton(this, wxID_ANY, _("Keep the &office's value"));
    keepOffice_->SetName("exchangeKeepOffice");
    keepCommune_ = new wxButton(this, wxID_ANY, _("Apply the &commune's value"));
    keepCommune_->SetName("exchangeKeepCommune");
    buttons->Add(keepOffice_, 0, wxRIGHT, gap);
    buttons->Add(keepCommune_, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    auto* close = new wxButton(this, wxID_OK, _("&Close"));
    buttons->Add(close, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    auto resolveSelected = [this](bool keepCommune) {
        const long item = list_->GetFirstSelected();
        if (item >= 0) Resolve(item, keepCommune);
    };
    keepOffice_->Bind(wxEVT_BUTTON, [resolveSelected](wxCommandEvent&) { resolveSelected(false); });
    keepCommune_->Bind(wxEVT_BUTTON, [resolveSelected](wxCommandEvent&) { resolveSelected(true); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        e.Skip();
        keepOffice_->Enable();
        keepCommune_->Enable();
    });
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(1000, 480)));
    SetMinSize(FromDIP(wxSize(600, 360)));
    Reload();
    CentreOnParent();
}

void ExchangeConflictsDialog::Reload() {
    try {
        conflicts_ = services::OpenExchangeConflicts(session_.db(), session_.user());
    } catch (const std::exception& e) {
        conflicts_.clear();
        ShowError(this, ErrorSentence(e));
    }
    std::vector<TableList::Row> rows;
    for (const auto& c : conflicts_)
        rows.push_back(
            {{wxString::Format("%lld", static_cast<long long>(c.id)), U8(c.unitCode),
              TableText(c.table), U8(c.label.empty() ? c.key : c.label), FieldText(c.field),
              ValueOf(c.field, c.base), ValueOf(c.field, c.office), ValueOf(c.field, c.commune)},
             TableList::Tone::Normal});
    list_->SetRows(std::move(rows));
    note_->SetLabelText(
        conflicts_.empty()
            ? _("No conflict is waiting: every change the communes sent is applied or settled.")
            : _("A field both the office and the commune changed since the commune's package. "
                "Choose a row, then keep the office's value or apply the commune's."));
    note_->Wrap(FromDIP(900));
    if (!conflicts_.empty()) list_->Select(0);
    keepOffice_->Enable(!conflicts_.empty());
    keepCommune_->Enable(!conflicts_.empty());
    Layout();
}

bool ExchangeConflictsDialog::Resolve(long item, bool keepCommune) {
    if (item < 0 || item >= Count()) return false;
    try {
        services::ResolveExchangeConflict(session_.db(), conflicts_[item].id, keepCommune,
                                          session_.user());
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return false;
    }
    Reload();
    return true;
}

// --- The work of each command ---------------------------------------------------

std::optional<services::ExchangeImportOutcome> ImportReturnPackage(wxWindow* parent,
                                                                   GuiSession& session,
                                                                   const wxString& path) {
    wxBusyCursor busy;
    try {
        return services::ImportCommunePackage(session.db(), ToU8(path), session.user());
    } catch (const std::exception& e) {
        ShowError(parent, _("The return package was not imported.") + "\n\n" + ErrorSentence(e));
        return std::nullopt;
    }
}

std::optional<services::ReturnOutcome> SendBackPackage(wxWindow* parent, GuiSession& session,
                                                       const wxString& path) {
    wxBusyCursor busy;
    try {
        return services::ExportCommunePackage(session.db(), ToU8(path), session.user());
    } catch (const std::exception& e) {
        ShowError(parent, _("The return package was not written.") + "\n\n" + ErrorSentence(e));
        return std::nullopt;
    }
}

bool OpenPackageInto(wxWindow* parent, const wxString& package, const wxString& dbPath) {
    if (wxFileName::Exists(dbPath)) {
        ShowError(parent, wxString::Format(_("%s exists already: a package opens into a new "
                                             "database file."),
                                           dbPath));
        return false;
    }
    wxBusyCursor busy;
    try {
        auto db = services::OpenDatabase(services::ParseDatabaseUrl("sqlite:" + ToU8(dbPath)));
        services::OpenPackage(*db, ToU8(package), wxGetUserId().utf8_string());
        return true;
    } catch (const std::exception& e) {
        std::error_code ec;
        std::filesystem::remove(ToU8(dbPath), ec);
        ShowError(parent, _("The package was not opened.") + "\n\n" + ErrorSentence(e));
        return false;
    }
}

void MakePackagesFromMenu(wxWindow* parent, GuiSession& session) {
    MakePackagesDialog dlg(parent, session);
    dlg.ShowModal();
}

void ImportReturnFromMenu(wxWindow* parent, GuiSession& session) {
    wxFileDialog pick(parent, _("Import a commune's return package"), UserFilesFolder(), "",
                      kPackageFilter(), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() != wxID_OK) return;
    if (auto outcome = ImportReturnPackage(parent, session, pick.GetPath())) {
        ExchangeReportDialog report(parent, session, *outcome);
        report.ShowModal();
    }
}

void ConflictsFromMenu(wxWindow* parent, GuiSession& session) {
    ExchangeConflictsDialog dlg(parent, session);
    dlg.ShowModal();
}

void SendBackFromMenu(wxWindow* parent, GuiSession& session) {
    std::string code = "xa";
    if (auto unit = services::CommuneCopyUnit(session.db()))
        for (const auto& u : session.Organisation().Units())
            if (u.id == *unit) code = u.code;
    wxFileDialog pick(parent, _("Send the changes back to the office"), UserFilesFolder(),
                      U8(code + "-tra-ve-" + Date::Today().ToIso() + ".cchcx"), kPackageFilter(),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (pick.ShowModal() != wxID_OK) return;
    if (auto o = SendBackPackage(parent, session, pick.GetPath()))
        ShowInfo(parent,
                 wxString::Format(_("Return package number %d was written to %s: %d rows changed. "
                                    "Send the file to the office."),
                                  o->seq, pick.GetPath(), static_cast<int>(o->changes)));
}

void OpenPackageFromMenu(wxWindow* parent, GuiSession& session, const std::function<void()>& reload,
                         const std::function<bool(const wxString& url)>& switchTo) {
    wxFileDialog pick(parent, _("Open the office's package"), UserFilesFolder(), "",
                      kPackageFilter(), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() != wxID_OK) return;
    if (services::CommuneCopyUnit(session.db())) {
        wxBusyCursor busy;
        try {
            const auto o =
                services::OpenPackage(session.db(), ToU8(pick.GetPath()), session.user());
            reload();
            ShowInfo(parent, o.refreshed
                                 ? wxString::Format(_("The copy of %s is up to date with package "
                                                      "number %d."),
                                                    U8(o.unitName), o.seq)
                                 : wxString::Format(_("This copy already holds package number "
                                                      "%d of %s; nothing changed."),
                                                    o.seq, U8(o.unitName)));
        } catch (const std::exception& e) {
            ShowError(parent, _("The package was not opened.") + "\n\n" + ErrorSentence(e));
        }
        return;
    }
    wxFileDialog where(parent, _("Where to keep the commune's database"), UserFilesFolder(),
                       wxFileName(pick.GetPath()).GetName() + ".db", DatabaseFileFilter(),
                       wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (where.ShowModal() != wxID_OK) return;
    if (OpenPackageInto(parent, pick.GetPath(), where.GetPath()))
        switchTo("sqlite:" + where.GetPath());
}

}  // namespace cchc::gui
