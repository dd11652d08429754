// The "Reports" area (see reports_panel.h).
#include "gui/reports/reports_panel.h"

#include <wx/arrstr.h>
#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/print.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/period.h"
#include "core/report_conflicts.h"
#include "core/vnformat.h"
#include "gui/reports/report_preview.h"
#include "gui/reports/report_printout.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/background_work.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/vn_date_ctrl.h"
#include "report/layout.h"
#include "report/pdf_renderer.h"
#include "report/render.h"
#include "services/reports/report_archive.h"
#include "services/reports/report_issue.h"

namespace cchc::gui {

// A report built and laid out, with the request it answers.
struct ReportsPanel::Prepared {
    services::ReportRequest request;
    std::string unitName;  // of the commune it is for ("" for the whole office)
    services::BuiltReport built;
    std::shared_ptr<const report::LaidOutDocument> pages;
};

namespace {
const int kZooms[] = {0, 50, 75, 100, 125, 150, 200};

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

enum ArchiveColumn { kNumber, kDate, kType, kPeriod, kTitle, kStatus };
}  // namespace

ReportsPanel::ReportsPanel(wxWindow* parent, GuiSession& session) : AreaPanel(session) {
    if (!wxXmlResource::Get()->LoadPanel(this, parent, "ReportsPanel"))
        wxLogFatalError("The form ReportsPanel is missing from the program's resources.");
    SetName("reportsArea");
    auto* title = FindCtrl<wxStaticText>(this, "title");
    title->SetLabelText(_("Reports"));
    title->SetFont(ScaledFont(title, 1.8, true));
    type_ = FindCtrl<wxChoice>(this, "reportType");
    types_ = services::ReportTypes();
    for (const auto& t : types_) type_->Append(U8(t.label));
    type_->SetSelection(0);
    period_ = FindCtrl<wxChoice>(this, "reportPeriod");
    unitLabel_ = FindCtrl<wxStaticText>(this, "unitLabel");
    number_ = FindCtrl<wxSpinCtrl>(this, "reportNumber");
    date_ = new VnDateCtrl(this);
    date_->SetDate(Date::Today());
    wxXmlResource::Get()->AttachUnknownControl("reportDate", date_, this);
    print_ = FindCtrl<wxButton>(this, "print");
    save_ = FindCtrl<wxButton>(this, "saveAs");
    issue_ = FindCtrl<wxButton>(this, "issue");
    status_ = FindCtrl<wxStaticText>(this, "reportStatus");
    gauge_ = FindCtrl<wxGauge>(this, "buildGauge");
    cancel_ = FindCtrl<wxButton>(this, "cancelBuild");
    book_ = FindCtrl<wxNotebook>(this, "pages");

    // Preview: the pages, paged through and zoomed.
    auto* previewPage = FindCtrl<wxPanel>(this, "previewPage");
    pageLabel_ = FindCtrl<wxStaticText>(this, "pageLabel");
    zoom_ = FindCtrl<wxChoice>(this, "zoom");
    zoom_->Append(_("Page width"));
    for (std::size_t i = 1; i < std::size(kZooms); ++i)
        zoom_->Append(wxString::Format("%d%%", kZooms[i]));
    zoom_->SetSelection(0);
    preview_ = new ReportPreview(previewPage);
    wxXmlResource::Get()->AttachUnknownControl("preview_pages", preview_, previewPage);

    // Narrative sections of the quarterly report, made in ShowNarratives.
    narrativePage_ = FindCtrl<wxScrolledWindow>(this, "narratives");
    narrativePage_->SetScrollRate(0, FromDIP(16));

    // The archive of issued reports.
    archive_ = FindCtrl<wxListCtrl>(this, "reportArchive");
    archive_->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, FromDIP(120));
    archive_->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(100));
    archive_->AppendColumn(_("Type"), wxLIST_FORMAT_LEFT, FromDIP(170));
    archive_->AppendColumn(_("Period"), wxLIST_FORMAT_LEFT, FromDIP(130));
    archive_->AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, FromDIP(360));
    archive_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(100));

    type_->Bind(wxEVT_CHOICE, &ReportsPanel::OnRequestChanged, this);
    number_->Bind(wxEVT_SPINCTRL, &ReportsPanel::OnRequestChanged, this);
    period_->Bind(wxEVT_CHOICE, &ReportsPanel::OnRequestChanged, this);
    FindCtrl<wxButton>(this, "signature")->Bind(wxEVT_BUTTON, &ReportsPanel::OnSignature, this);
    FindCtrl<wxButton>(this, "preview")->Bind(wxEVT_BUTTON, &ReportsPanel::OnPreview, this);
    print_->Bind(wxEVT_BUTTON, &ReportsPanel::OnPrint, this);
    save_->Bind(wxEVT_BUTTON, &ReportsPanel::OnSaveAs, this);
    issue_->Bind(wxEVT_BUTTON, &ReportsPanel::OnIssue, this);
    cancel_->Bind(wxEVT_BUTTON, &ReportsPanel::OnCancelBuild, this);
    FindCtrl<wxButton>(this, "previousPage")
        ->Bind(wxEVT_BUTTON, &ReportsPanel::OnPreviousPage, this);
    FindCtrl<wxButton>(this, "nextPage")->Bind(wxEVT_BUTTON, &ReportsPanel::OnNextPage, this);
    zoom_->Bind(wxEVT_CHOICE, &ReportsPanel::OnZoom, this);
    preview_->Bind(wxEVT_SCROLLWIN_THUMBTRACK, &ReportsPanel::OnPreviewScrolled, this);
    preview_->Bind(wxEVT_MOUSEWHEEL, &ReportsPanel::OnPreviewWheel, this);
    FindCtrl<wxButton>(this, "reprint")->Bind(wxEVT_BUTTON, &ReportsPanel::OnReprint, this);
    FindCtrl<wxButton>(this, "revoke")->Bind(wxEVT_BUTTON, &ReportsPanel::OnRevoke, this);
    archive_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &ReportsPanel::OnArchiveActivated, this);
    pulse_.SetOwner(this);
    Bind(wxEVT_TIMER, &ReportsPanel::OnPulse, this);
    ShowStatus(_("Choose the report and its period, then Preview."), false);
}

void ReportsPanel::OnRequestChanged(wxCommandEvent&) { Invalidated(); }

void ReportsPanel::OnSignature(wxCommandEvent&) { EditSignature(); }

void ReportsPanel::OnPreview(wxCommandEvent&) { Preview(); }

void ReportsPanel::OnPrint(wxCommandEvent&) { Print(); }

void ReportsPanel::OnSaveAs(wxCommandEvent&) { SaveAs(); }

void ReportsPanel::OnIssue(wxCommandEvent&) { Issue(); }

void ReportsPanel::OnCancelBuild(wxCommandEvent&) {
    ++job_;  // the result of the build under way is dropped
    building_ = false;
    pulse_.Stop();
    ShowStatus(_("Cancelled."), false);
}

void ReportsPanel::OnPulse(wxTimerEvent&) { gauge_->Pulse(); }

void ReportsPanel::OnPreviousPage(wxCommandEvent&) {
    preview_->ShowPage(preview_->CurrentPage() - 1);
    UpdatePageLabel();
}

void ReportsPanel::OnNextPage(wxCommandEvent&) {
    preview_->ShowPage(preview_->CurrentPage() + 1);
    UpdatePageLabel();
}

void ReportsPanel::OnZoom(wxCommandEvent&) {
    const int page = preview_->CurrentPage();
    preview_->SetZoom(kZooms[std::max(0, zoom_->GetSelection())]);
    preview_->ShowPage(page);
}

void ReportsPanel::OnPreviewScrolled(wxScrollWinEvent& e) {
    e.Skip();
    CallAfter(&ReportsPanel::UpdatePageLabel);
}

void ReportsPanel::OnPreviewWheel(wxMouseEvent& e) {
    e.Skip();
    CallAfter(&ReportsPanel::UpdatePageLabel);
}

void ReportsPanel::OnReprint(wxCommandEvent&) { ReprintSelected(); }

void ReportsPanel::OnRevoke(wxCommandEvent&) { RevokeSelected(); }

void ReportsPanel::OnArchiveActivated(wxListEvent&) { ReprintSelected(); }

void ReportsPanel::OnNarrativeLeft(wxFocusEvent& e) {
    e.Skip();
    // Kept as soon as the clerk leaves the section.
    CallAfter(&ReportsPanel::SaveNarratives);
}

void ReportsPanel::Reload() {
    FillPeriods();
    ShowNarratives();
    FillArchive();
}

void ReportsPanel::SetUnit(const std::optional<Unit>& unit) {
    AreaPanel::SetUnit(unit);
    if (unit && IsCommuneLevel(unit->kind))
        unitLabel_->SetLabelText(wxString::Format(_("For: %s"), U8(unit->name)));
    else
        unitLabel_->SetLabelText(_("For: the whole office"));
    unitLabel_->SetToolTip(_("Choose a commune in the tree for its own report"));
    Invalidated();
}

void ReportsPanel::Invalidated() {
    const int t = type_->GetSelection();
    const bool survey = t >= 0 && (types_[static_cast<std::size_t>(t)].key == "survey" ||
                                   types_[static_cast<std::size_t>(t)].key == "ratings");
    // Months only where monthly documents exist (survey notices, ratings).
    if (survey != (periods_.size() > 9)) FillPeriods();
    ShowNarratives();
    // What is printed, saved or issued is what is shown and named: a
    // preview of another choice is dropped (and one being built ignored).
    if (pages_ || prepared_ || building_) {
        ++job_;
        building_ = false;
        pulse_.Stop();
        pages_.reset();
        prepared_.reset();
        preview_->SetPages(nullptr);
        status_->SetForegroundColour(colours::MutedText());
        ShowStatus(_("The choice has changed: press Preview to make the report again."), false);
        UpdatePageLabel();
    }
}

void ReportsPanel::FillPeriods() {
    const int t = type_->GetSelection();
    const std::string keep =
        period_->GetSelection() >= 0 &&
                static_cast<std::size_t>(period_->GetSelection()) < periods_.size()
            ? periods_[static_cast<std::size_t>(period_->GetSelection())]
            : session_.CurrentQuarter().ToString();
    const bool months = t >= 0 && (types_[static_cast<std::size_t>(t)].key == "survey" ||
                                   types_[static_cast<std::size_t>(t)].key == "ratings");
    period_->Clear();
    periods_.clear();
    for (const Period& p : RecentPeriods(Date::Today(), session_.ReportingWindow(), months)) {
        periods_.push_back(p.ToString());
        period_->Append(U8(p.Label()));
    }
    int select = 0;
    for (std::size_t i = 0; i < periods_.size(); ++i)
        if (periods_[i] == keep) select = static_cast<int>(i);
    period_->SetSelection(select);
}

bool ReportsPanel::ChooseType(const std::string& key) {
    for (std::size_t i = 0; i < types_.size(); ++i)
        if (types_[i].key == key) {
            type_->SetSelection(static_cast<int>(i));
            Invalidated();
            return true;
        }
    return false;
}

bool ReportsPanel::ChoosePeriod(const std::string& key) {
    for (std::size_t i = 0; i < periods_.size(); ++i)
        if (periods_[i] == key) {
            period_->SetSelection(static_cast<int>(i));
            Invalidated();
            return true;
        }
    return false;
}

services::ReportRequest ReportsPanel::CurrentRequest() const {
    services::ReportRequest r;
    r.user = session_.user();
    const int t = type_->GetSelection(), p = period_->GetSelection();
    if (t >= 0) r.type = types_[static_cast<std::size_t>(t)].key;
    if (p >= 0 && static_cast<std::size_t>(p) < periods_.size())
        r.period = periods_[static_cast<std::size_t>(p)];
    if (unit_ && IsCommuneLevel(unit_->kind)) r.unitCode = unit_->code;
    r.number = number_->GetValue();
    r.issuedOn = date_->Value();
    r.place = place_;
    r.signerAuthority = signerAuthority_;
    r.signerTitle = signerTitle_;
    r.signerName = signerName_;
    r.recipients = recipients_;
    return r;
}

void ReportsPanel::EditSignature() {
    wxDialog dlg(this, wxID_ANY, _("Signer and recipients of this report"), wxDefaultPosition,
                 wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* note =
        new wxStaticText(&dlg, wxID_ANY, _("Leave a field empty to print what Settings give."));
    note->SetForegroundColour(colours::MutedText());
    sizer->Add(note, 0, wxALL, FromDIP(12));
    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(10));
    grid->AddGrowableCol(1);
    auto field = [&](const wxString& label, const std::string& value, const wxString& hint,
                     long style = 0) {
        grid->Add(new wxStaticText(&dlg, wxID_ANY, label), 0,
                  (style ? wxALIGN_TOP : wxALIGN_CENTER_VERTICAL) | wxALIGN_RIGHT);
        auto* text = new wxTextCtrl(&dlg, wxID_ANY, U8(value), wxDefaultPosition,
                                    wxSize(FromDIP(380), style ? FromDIP(90) : -1), style);
        text->SetHint(hint);
        grid->Add(text, 1, wxEXPAND);
        return text;
    };
    std::string lines;
    for (const auto& r : recipients_) lines += (lines.empty() ? "" : "\n") + r;
    auto* place = field(_("&Place:"), place_, _("e.g. Tây Xuân"));
    auto* authority =
        field(_("Signing &authority:"), signerAuthority_, _("e.g. TM. ỦY BAN NHÂN DÂN"));
    auto* title = field(_("Signer's p&osition:"), signerTitle_, _("e.g. CHỦ TỊCH"));
    auto* name = field(_("Signer's &name:"), signerName_, wxString());
    auto* recipients =
        field(_("&Recipients:"), lines, _("One recipient per line (Nơi nhận)"), wxTE_MULTILINE);
    sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(&dlg, wxID_OK, _("&Save"));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(&dlg, wxID_CANCEL, _("&Discard")));
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    dlg.SetSizerAndFit(sizer);
    dlg.CentreOnParent();
    place->SetFocus();
    if (dlg.ShowModal() != wxID_OK) return;
    place_ = TrimmedU8(place->GetValue());
    signerAuthority_ = TrimmedU8(authority->GetValue());
    signerTitle_ = TrimmedU8(title->GetValue());
    signerName_ = TrimmedU8(name->GetValue());
    recipients_.clear();
    for (const auto& line : wxSplit(recipients->GetValue(), '\n', '\0'))
        if (!TrimmedU8(line).empty()) recipients_.push_back(TrimmedU8(line));
    ShowStatus(_("Press Preview to see the report with this signer."), false);
}

void ReportsPanel::ShowStatus(const wxString& text, bool busy) {
    status_->SetLabelText(text);
    gauge_->Show(busy);
    cancel_->Show(busy);
    if (busy) gauge_->Pulse();
    AccessUi& access = session_.Access();
    for (wxButton* b : {print_, save_}) access.Offer(b, !busy && pages_, Action::PrintReports);
    // Issued by the unit the report is of (a commune's chair: its own only).
    std::optional<std::int64_t> issuer;
    if (prepared_ && prepared_->built.issuerUnitId != 0) issuer = prepared_->built.issuerUnitId;
    access.Offer(issue_, !busy && pages_ != nullptr, Action::IssueReports, issuer);
    access.Offer(FindWindow(XRCID("revoke")), true, Action::RevokeReports);
    Layout();
}

void ReportsPanel::Preview() {
    if (date_->Bad()) {
        wxString why = U8(date_->Refusal());
        if (!why.empty()) why[0] = wxToupper(why[0]);
        ShowError(this, why + ".");
        date_->SetFocus();
        return;
    }
    // The narratives typed so far go into the report.
    SaveNarratives();
    const services::ReportRequest request = CurrentRequest();
    const std::string unitName = unit_ && IsCommuneLevel(unit_->kind) ? unit_->name : "";
    building_ = true;
    const int job = ++job_;
    ShowStatus(_("Building the report..."), true);
    book_->SetSelection(0);
    // Pulse the gauge while the worker builds and lays out the pages.
    pulse_.Start(150);
    RunOnOwnConnection<Prepared>(
        this, session_.db().url(),
        [request, unitName](services::Database& db) {
            auto p = std::make_shared<Prepared>();
            p->request = request;
            p->unitName = unitName;
            p->built = services::BuildReport(db, request);
            p->pages = std::make_shared<report::LaidOutDocument>(p->built.document);
            return p;
        },
        [this, job](std::shared_ptr<Prepared> result, const std::string& error) {
            if (job != job_) return;  // cancelled or superseded
            OnBuilt(std::move(result), error);
        });
}

void ReportsPanel::OnBuilt(std::shared_ptr<Prepared> result, const std::string& error) {
    building_ = false;
    pulse_.Stop();
    if (!error.empty() || !result) {
        pages_.reset();
        prepared_.reset();
        preview_->SetPages(nullptr);
        ShowStatus(wxString::Format(_("The report cannot be made: %s"), U8(error)), false);
        status_->SetForegroundColour(colours::Danger());
        return;
    }
    prepared_ = result;
    pages_ = result->pages;
    preview_->SetPages(pages_);
    status_->SetForegroundColour(colours::MutedText());
    const int n = pages_->PageCount();
    ShowStatus(
        wxString::Format(wxPLURAL("%s: %d page", "%s: %d pages", n), U8(result->built.title), n),
        false);
    UpdatePageLabel();
}

int ReportsPanel::PreviewPageCount() const { return pages_ ? pages_->PageCount() : 0; }

void ReportsPanel::UpdatePageLabel() {
    const int n = preview_->PageCount();
    pageLabel_->SetLabelText(
        n == 0 ? wxString() : wxString::Format(_("Page %d of %d"), preview_->CurrentPage() + 1, n));
}

bool ReportsPanel::SaveTo(const std::string& path) {
    if (!prepared_) return false;
    wxBusyCursor busy;
    try {
        if (report::FormatForPath(path) == report::OutputFormat::Pdf)
            report::RenderPdf(*pages_, path);
        else
            report::RenderFile(prepared_->built.document, path);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return false;
    }
    ShowStatus(wxString::Format(_("Saved to %s"), U8(path)), false);
    return true;
}

void ReportsPanel::SaveAs() {
    if (!prepared_) return;
    // Named by the report and the commune it is for.
    wxString name = U8(prepared_->built.title).Left(80);
    if (!prepared_->unitName.empty()) name += " - " + U8(prepared_->unitName);
    name.Replace("/", "-");
    wxFileDialog dlg(this, _("Save the report"), UserFilesFolder(), name + ".pdf",
                     _("PDF (*.pdf)|*.pdf|Word document (*.docx)|*.docx|Spreadsheet of the tables "
                       "(*.xlsx)|*.xlsx"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    wxFileName file(dlg.GetPath());
    static const char* const kExt[] = {"pdf", "docx", "xlsx"};
    const int filter = dlg.GetFilterIndex();
    if (!file.HasExt() && filter >= 0 && filter < 3) file.SetExt(kExt[filter]);
    SaveTo(ToU8(file.GetFullPath()));
}

void ReportsPanel::Print() {
    if (!pages_) return;
    wxPrintDialogData data;
    data.SetAllPages(true);
    wxPrinter printer(&data);
    ReportPrintout printout(pages_, U8(prepared_->built.title));
    if (!printer.Print(this, &printout, true) && wxPrinter::GetLastError() == wxPRINTER_ERROR)
        ShowError(this, _("The report could not be printed."));
}

void ReportsPanel::Issue() {
    if (!prepared_) return;
    const auto& built = prepared_->built;
    wxString question =
        built.number > 0
            ? wxString::Format(_("Issue \"%s\" as number %d? Its PDF is kept in the archive and "
                                 "can no longer be changed."),
                               U8(built.title), built.number)
            : wxString::Format(_("Issue \"%s\" without a number (to be written by hand)? Its PDF "
                                 "is kept in the archive."),
                               U8(built.title));
    if (!AskYesNo(this, question, _("Issue"))) return;
    const wxString temp = wxFileName::CreateTempFileName("cchc-report");
    const std::string path = ToU8(temp) + ".pdf";
    try {
        report::RenderPdf(*pages_, path);
        const std::string pdf = ReadFile(path);
        wxRemoveFile(U8(path));
        wxRemoveFile(temp);
        const auto issued = services::IssueBuiltReport(session_.db(), session_.user(),
                                                       prepared_->request, built, pdf);
        ShowStatus(
            wxString::Format(_("Issued as number %s; kept in the archive."), U8(issued.numberText)),
            false);
        number_->SetValue(0);
        FillArchive();
    } catch (const std::exception& e) {
        wxRemoveFile(U8(path));
        wxRemoveFile(temp);
        ShowError(this, ErrorSentence(e));
    }
}

void ReportsPanel::ShowNarratives() {
    SaveNarratives();
    narratives_.clear();
    narrativePage_->DestroyChildren();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const services::ReportRequest r = CurrentRequest();
    const auto sections = services::NarrativeSections(r.type);
    const std::int64_t unitId =
        unit_ && IsCommuneLevel(unit_->kind) ? unit_->id : session_.Organisation().Office().unitId;
    std::map<std::string, services::NarrativeText> stored;
    if (!sections.empty() && unitId != 0 && !r.period.empty())
        stored = services::ReportArchive(session_.db(), session_.user())
                     .NarrativeTexts(unitId, r.period, r.type);
    narrativeVersions_.clear();
    narrativeRead_.clear();
    for (const auto& [key, text] : stored) {
        narrativeVersions_[key] = text.version;
        narrativeRead_[key] = text.body;
    }
    if (sections.empty()) {
        sizer->Add(new wxStaticText(narrativePage_, wxID_ANY,
                                    _("This report is made from the data alone: it has no text "
                                      "to type.")),
                   0, wxALL, FromDIP(12));
    }
    // The office's own report: which communes have not written theirs.
    const bool office = !(unit_ && IsCommuneLevel(unit_->kind));
    if (!sections.empty() && office && !r.period.empty()) {
        try {
            const auto missing =
                services::CommunesNotWritten(session_.db(), session_.user(), r.period);
            wxString names;
            for (std::size_t i = 0; i < missing.size() && i < 12; ++i)
                names += (i ? ", " : "") + U8(missing[i].name);
            if (missing.size() > 12) names += ", …";
            auto* who = new wxStaticText(
                narrativePage_, wxID_ANY,
                missing.empty()
                    ? _("Every commune has written its report of this period.")
                    : wxString::Format(_("%zu communes have not written their report of this "
                                         "period: %s"),
                                       missing.size(), names));
            who->SetName("communes_not_written");
            who->SetForegroundColour(colours::MutedText());
            who->Wrap(FromDIP(640));
            sizer->Add(who, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
        } catch (const std::exception& e) {
            ShowStatus(ErrorSentence(e), false);
        }
    }
    // The previous period's texts, offered as a starting point.
    std::map<std::string, std::string> previous;
    if (!sections.empty() && unitId != 0 && !r.period.empty())
        if (auto p = Period::Parse(r.period))
            previous = services::ReportArchive(session_.db(), session_.user())
                           .Narratives(unitId, p->Previous().ToString(), r.type);
    for (const auto& s : sections) {
        const int indent = FromDIP(s.level >= 2 ? 32 : 12);
        // A control of the section, indented by its level, `top` below the last.
        auto add = [&](wxWindow* w, int top, bool expand) {
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            row->AddSpacer(indent);
            row->Add(w, expand ? 1 : 0, wxRIGHT, FromDIP(12));
            sizer->Add(row, 0, wxEXPAND | wxTOP, top);
        };
        auto* heading = new wxStaticText(narrativePage_, wxID_ANY, "");
        heading->SetFont(ScaledFont(heading, 1.0, s.level == 1));
        heading->SetLabelText(U8(s.heading));
        // As wide as its text in its own (bold) font.
        const wxSize extent = heading->GetTextExtent(heading->GetLabelText());
        heading->SetMinSize(wxSize(extent.x + FromDIP(4), -1));
        add(heading, FromDIP(s.level == 1 ? 16 : 10), false);
        if (!s.text) continue;  // a part's heading over its sections
        auto* text =
            new wxTextCtrl(narrativePage_, wxID_ANY, U8(stored[s.key].body), wxDefaultPosition,
                           wxSize(-1, FromDIP(90)), wxTE_MULTILINE | wxTE_WORDWRAP);
        text->SetName("narrative_" + s.key);
        text->SetHint(U8(s.hint));
        text->SetToolTip(U8(s.hint));
        text->Bind(wxEVT_KILL_FOCUS, &ReportsPanel::OnNarrativeLeft, this);
        // Read-only, saying why, for an account that may not draft this
        // unit's reports (a viewer; a commune's accounts, the office's text).
        session_.Access().OfferText(text, Action::DraftReports, unitId);
        add(text, FromDIP(6), true);
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        auto prev = previous.find(s.key);
        if (prev != previous.end() && !prev->second.empty() && text->IsEditable()) {
            auto* carry =
                new wxButton(narrativePage_, wxID_ANY, _("Start from last period's text"));
            carry->SetName("carry_" + s.key);
            carry->SetToolTip(
                _("Puts the text of this section in the previous period's report "
                  "here, to edit"));
            const std::string body = prev->second;
            carry->Bind(wxEVT_BUTTON, [this, text, body](wxCommandEvent&) {
                if (!text->GetValue().empty() &&
                    !AskYesNo(this,
                              _("Replace what is typed in this section with last period's text?"),
                              _("Replace")))
                    return;
                text->SetValue(U8(body));
                text->SetModified(true);
                SaveNarratives();
            });
            buttons->Add(carry, 0, wxRIGHT, FromDIP(8));
        }
        if (office && r.type == "quarterly") {
            auto* communes = new wxButton(narrativePage_, wxID_ANY, _("What the communes wrote…"));
            communes->SetName("communes_" + s.key);
            communes->SetToolTip(
                _("Each commune's text of this section beside its figures, to "
                  "condense into the office's report"));
            const std::string key = s.key, heading = s.heading, period = r.period;
            communes->Bind(wxEVT_BUTTON, [this, key, heading, period](wxCommandEvent&) {
                ShowCommuneSections(key, heading, period);
            });
            buttons->Add(communes, 0);
        }
        if (!buttons->IsEmpty()) {
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            row->AddSpacer(indent);
            row->Add(buttons);
            sizer->Add(row, 0, wxTOP, FromDIP(6));
        } else {
            delete buttons;
        }
        narratives_.emplace_back(s.key, text);
    }
    narrativePage_->SetSizer(sizer);
    narrativePage_->FitInside();
    narrativePage_->Layout();
    narrativeUnit_ = unitId;
    narrativePeriod_ = r.period;
    narrativeType_ = r.type;
}

void ReportsPanel::ShowCommuneSections(const std::string& key, const std::string& heading,
                                       const std::string& period) {
    std::vector<services::CommuneSection> sections;
    try {
        wxBusyCursor busy;  // a province's tasks are counted per commune
        sections = services::CommuneSections(session_.db(), session_.user(), period, key);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    // Those who wrote first, each part in the order of names.
    std::stable_partition(sections.begin(), sections.end(),
                          [](const services::CommuneSection& c) { return !c.body.empty(); });
    wxString all;
    int written = 0;
    for (const auto& c : sections) {
        all += U8(c.unitName) + "\n";
        if (c.body.empty()) {
            all += _("(not written)") + "\n";
        } else {
            ++written;
            all += U8(c.body) + "\n";
        }
        if (!c.figures.empty()) all += "[" + U8(c.figures) + "]\n";
        all += "\n";
    }
    wxDialog dlg(this, wxID_ANY, wxString::Format(_("What the communes wrote: %s"), U8(heading)),
                 wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(
        &dlg, wxID_ANY,
        wxString::Format(_("%d of %zu communes have written this section. Their figures are in "
                           "brackets. Copy what the office's report should say into its text."),
                         written, sections.size()));
    note->Wrap(FromDIP(640));
    sizer->Add(note, 0, wxALL, FromDIP(12));
    auto* text =
        new wxTextCtrl(&dlg, wxID_ANY, all, wxDefaultPosition, wxSize(FromDIP(680), FromDIP(420)),
                       wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    text->SetName("communes_text");
    sizer->Add(text, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    // The communes' texts appended to the office's section, to condense.
    wxTextCtrl* section = nullptr;
    for (const auto& [k, ctrl] : narratives_)
        if (k == key) section = ctrl;
    if (section && section->IsEditable() && written > 0) {
        auto* copy = new wxButton(&dlg, wxID_ANY, _("&Copy their texts into this section"));
        copy->SetName("copy_communes");
        copy->Bind(wxEVT_BUTTON, [&dlg](wxCommandEvent&) { dlg.EndModal(wxID_OK); });
        buttons->Add(copy, 0, wxRIGHT, FromDIP(8));
    }
    auto* close = new wxButton(&dlg, wxID_CLOSE, _("Close"));
    close->Bind(wxEVT_BUTTON, [&dlg](wxCommandEvent&) { dlg.EndModal(wxID_CLOSE); });
    buttons->Add(close);
    sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, FromDIP(12));
    dlg.SetEscapeId(wxID_CLOSE);
    dlg.SetSizerAndFit(sizer);
    if (dlg.ShowModal() != wxID_OK || !section) return;
    wxString appended = section->GetValue();
    for (const auto& c : sections) {
        if (c.body.empty()) continue;
        if (!appended.empty() && !appended.EndsWith("\n")) appended += "\n";
        appended += U8(c.unitName) + ": " + U8(c.body);
    }
    section->SetValue(appended);
    section->SetModified(true);
    SaveNarratives();
}

void ReportsPanel::SaveNarratives() {
    if (narratives_.empty() || narrativeUnit_ == 0 || narrativePeriod_.empty()) return;
    std::map<std::string, services::NarrativeText> sections;
    std::map<std::string, std::string> typed;
    for (const auto& [key, text] : narratives_)
        if (text->IsModified()) {
            sections[key] = {ToU8(text->GetValue()), narrativeVersions_[key]};
            typed[key] = sections[key].body;
        }
    if (sections.empty()) return;
    std::optional<services::NarrativeConflict> conflict;
    try {
        const auto stored =
            services::ReportArchive(session_.db(), session_.user())
                .SaveNarrativeTexts(narrativeUnit_, narrativePeriod_, narrativeType_, sections);
        for (const auto& [key, text] : narratives_) {
            if (!sections.count(key)) continue;
            text->SetModified(false);
            auto now = stored.find(key);
            narrativeVersions_[key] = now == stored.end() ? 0 : now->second.version;
            narrativeRead_[key] = sections[key].body;
        }
    } catch (const services::NarrativeConflict& e) {
        conflict = e;
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    if (!conflict) return;
    // Another desk saved some of these sections first: a section only one
    // desk changed is merged, the user chooses where both did; the sections
    // taken from the other desk are no longer to save (out of the handler:
    // the conflict dialog runs its own event loop).
    NarrativeHeadings headings;
    for (const auto& section : services::NarrativeSections(narrativeType_))
        headings[section.key] = section.heading;
    const std::optional<KeptFields> kept =
        AskConflict(this, *conflict, EditedNarratives(typed, narrativeRead_, headings));
    if (!kept) {
        ShowStatus(ErrorSentence(*conflict), false);
        return;
    }
    for (const auto& [key, merged] :
         MergeNarratives(sections, conflict->stored(), *conflict, *kept)) {
        narrativeVersions_[key] = merged.version;
        // The section is now measured against the text compared.
        auto now = conflict->stored().find(key);
        narrativeRead_[key] = now == conflict->stored().end() ? std::string() : now->second.body;
        if (kept->count(key)) continue;
        for (const auto& [k, text] : narratives_)
            if (k == key) {
                text->ChangeValue(U8(merged.body));
                text->SetModified(false);
            }
    }
    SaveNarratives();
}

void ReportsPanel::FillArchive() {
    issued_ =
        services::ReportArchive(session_.db(), session_.user()).List(std::nullopt, std::nullopt);
    archive_->DeleteAllItems();
    std::map<std::string, std::string> labels;
    for (const auto& t : types_) labels[t.key] = t.label;
    for (const auto& x : issued_) {
        const long row = archive_->InsertItem(archive_->GetItemCount(), U8(x.numberText));
        wxString date;
        if (x.issuedOn)
            if (auto d = Date::ParseIso(*x.issuedOn)) date = U8(FormatDate(*d));
        archive_->SetItem(row, kDate, date);
        archive_->SetItem(row, kType, U8(labels[x.reportType]));
        auto p = Period::Parse(x.period);
        archive_->SetItem(row, kPeriod, p ? U8(p->Label()) : U8(x.period));
        archive_->SetItem(row, kTitle, U8(x.title));
        archive_->SetItem(row, kStatus, x.status == "revoked" ? _("Revoked") : _("Issued"));
        if (x.status == "revoked") archive_->SetItemTextColour(row, colours::MutedText());
    }
}

void ReportsPanel::ReprintSelected() {
    const long row = archive_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= issued_.size()) {
        ShowInfo(this, _("Select an issued report in the list."));
        return;
    }
    const auto& x = issued_[static_cast<std::size_t>(row)];
    wxString name = U8(x.numberText);
    name.Replace("/", "-");
    wxFileDialog dlg(this, _("Save the archived PDF"), UserFilesFolder(), name + ".pdf",
                     _("PDF (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        const std::string pdf =
            services::ReportArchive(session_.db(), session_.user()).Reprint(x.id);
        WriteFileAtomically(ToU8(dlg.GetPath()), pdf);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
}

void ReportsPanel::RevokeSelected() {
    const long row = archive_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= issued_.size()) return;
    const auto& x = issued_[static_cast<std::size_t>(row)];
    if (!AskYesNo(this,
                  wxString::Format(_("Revoke report number %s? It stays in the archive, marked "
                                     "revoked."),
                                   U8(x.numberText)),
                  _("Revoke")))
        return;
    services::ReportArchive(session_.db(), session_.user()).Revoke(x.id);
    FillArchive();
}

}  // namespace cchc::gui
