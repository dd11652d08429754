// The "Reports" area (see reports_panel.h).
#include "gui/reports_panel.h"

#include <wx/busyinfo.h>
#include <wx/arrstr.h>
#include <wx/dialog.h>
#include <wx/button.h>
#include <wx/choice.h>
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

#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "gui/background_work.h"
#include "gui/gui_util.h"
#include "gui/report_preview.h"
#include "gui/report_printout.h"
#include "gui/vn_date_ctrl.h"
#include "report/layout.h"
#include "report/pdf_renderer.h"
#include "report/render.h"
#include "services/report_archive.h"
#include "services/report_issue.h"

namespace cchc::gui {

// A report built and laid out, with the request it answers.
struct ReportsPanel::Prepared {
    services::ReportRequest request;
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

ReportsPanel::ReportsPanel(wxWindow* parent, GuiSession& session) : AreaPanel(parent, session) {
    SetName("reportsArea");
    SetBackgroundColour(colours::Background());
    const int margin = FromDIP(22), gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, "");
    title->SetLabelText(_("Reports"));
    title->SetFont(ScaledFont(title, 1.8, true));
    title->SetForegroundColour(colours::Text());
    sizer->AddSpacer(margin);
    sizer->Add(title, 0, wxLEFT | wxRIGHT, margin);
    sizer->AddSpacer(gap);

    auto label = [&](wxSizer* row, const wxString& text) {
        auto* l = new wxStaticText(this, wxID_ANY, text);
        l->SetForegroundColour(colours::Text());
        row->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    };
    auto* first = new wxBoxSizer(wxHORIZONTAL);
    label(first, _("Report &type:"));
    type_ = new wxChoice(this, wxID_ANY);
    type_->SetName("reportType");
    types_ = services::ReportTypes();
    for (const auto& t : types_) type_->Append(U8(t.label));
    type_->SetSelection(0);
    first->Add(type_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    label(first, _("&Period:"));
    period_ = new wxChoice(this, wxID_ANY);
    period_->SetName("reportPeriod");
    period_->SetMinSize(wxSize(FromDIP(190), -1));
    first->Add(period_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    unitLabel_ = new wxStaticText(this, wxID_ANY, "");
    unitLabel_->SetForegroundColour(colours::MutedText());
    first->Add(unitLabel_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(first, 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    sizer->AddSpacer(gap);

    auto* second = new wxBoxSizer(wxHORIZONTAL);
    label(second, _("N&o.:"));
    number_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                             0, 9999, 0);
    number_->SetName("reportNumber");
    number_->SetToolTip(_("The document's number; 0 gives the next free number of the issuer for "
                          "this kind of document and year"));
    second->Add(number_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    label(second, _("Dat&e:"));
    date_ = new VnDateCtrl(this);
    date_->SetName("reportDate");
    date_->SetDate(Date::Today());
    second->Add(date_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    auto* signature = new wxButton(this, wxID_ANY, _("Si&gner, recipients..."));
    signature->SetToolTip(_("The place, signer and recipients of this report, when they differ "
                            "from those of Settings"));
    signature->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditSignature(); });
    second->Add(signature, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    second->AddStretchSpacer();
    auto* preview = new wxButton(this, wxID_ANY, _("Pre&view"));
    preview->SetToolTip(_("Build the report and show its pages"));
    preview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Preview(); });
    second->Add(preview, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    print_ = new wxButton(this, wxID_ANY, _("&Print..."));
    print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });
    second->Add(print_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    save_ = new wxButton(this, wxID_ANY, _("&Save as..."));
    save_->SetToolTip(_("Save as PDF, as a Word document (DOCX) to edit before signature, or the "
                        "tables as a spreadsheet (XLSX)"));
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveAs(); });
    second->Add(save_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    issue_ = new wxButton(this, wxID_ANY, _("&Issue..."));
    issue_->SetToolTip(_("Give the report its number and keep its PDF in the archive of issued "
                         "reports"));
    issue_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Issue(); });
    second->Add(issue_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(second, 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    sizer->AddSpacer(gap);

    auto* statusRow = new wxBoxSizer(wxHORIZONTAL);
    status_ = new wxStaticText(this, wxID_ANY, "");
    status_->SetName("reportStatus");
    status_->SetForegroundColour(colours::MutedText());
    statusRow->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(FromDIP(160), FromDIP(14)));
    statusRow->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    cancel_ = new wxButton(this, wxID_ANY, _("Cancel"), wxDefaultPosition, wxDefaultSize,
                           wxBU_EXACTFIT);
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        ++job_;  // the result of the build under way is dropped
        building_ = false;
        pulse_.Stop();
        ShowStatus(_("Cancelled."), false);
    });
    statusRow->Add(cancel_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(statusRow, 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    sizer->AddSpacer(gap);

    book_ = new wxNotebook(this, wxID_ANY);
    // Preview: the pages, paged through and zoomed.
    auto* previewPage = new wxPanel(book_);
    auto* pv = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* prev = new wxButton(previewPage, wxID_ANY, _("< Previous page"), wxDefaultPosition,
                              wxDefaultSize, wxBU_EXACTFIT);
    auto* next = new wxButton(previewPage, wxID_ANY, _("Next page >"), wxDefaultPosition,
                              wxDefaultSize, wxBU_EXACTFIT);
    pageLabel_ = new wxStaticText(previewPage, wxID_ANY, "");
    zoom_ = new wxChoice(previewPage, wxID_ANY);
    zoom_->Append(_("Page width"));
    for (std::size_t i = 1; i < std::size(kZooms); ++i)
        zoom_->Append(wxString::Format("%d%%", kZooms[i]));
    zoom_->SetSelection(0);
    bar->Add(prev, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    bar->Add(next, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    bar->Add(pageLabel_, 1, wxALIGN_CENTER_VERTICAL);
    bar->Add(new wxStaticText(previewPage, wxID_ANY, _("Zoom:")), 0,
             wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    bar->Add(zoom_, 0, wxALIGN_CENTER_VERTICAL);
    pv->Add(bar, 0, wxEXPAND | wxALL, gap / 2);
    preview_ = new ReportPreview(previewPage);
    pv->Add(preview_, 1, wxEXPAND);
    previewPage->SetSizer(pv);
    prev->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        preview_->ShowPage(preview_->CurrentPage() - 1);
        UpdatePageLabel();
    });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        preview_->ShowPage(preview_->CurrentPage() + 1);
        UpdatePageLabel();
    });
    zoom_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int page = preview_->CurrentPage();
        preview_->SetZoom(kZooms[std::max(0, zoom_->GetSelection())]);
        preview_->ShowPage(page);
    });
    preview_->Bind(wxEVT_SCROLLWIN_THUMBTRACK, [this](wxScrollWinEvent& e) {
        e.Skip();
        CallAfter([this] { UpdatePageLabel(); });
    });
    preview_->Bind(wxEVT_MOUSEWHEEL, [this](wxMouseEvent& e) {
        e.Skip();
        CallAfter([this] { UpdatePageLabel(); });
    });
    book_->AddPage(previewPage, _("Preview"));

    // Narrative sections of the quarterly report.
    narrativePage_ = new wxScrolledWindow(book_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxVSCROLL);
    narrativePage_->SetScrollRate(0, FromDIP(16));
    book_->AddPage(narrativePage_, _("Report text"));

    // The archive of issued reports.
    auto* archivePage = new wxPanel(book_);
    auto* av = new wxBoxSizer(wxVERTICAL);
    archive_ = new wxListCtrl(archivePage, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxLC_REPORT | wxLC_SINGLE_SEL);
    archive_->SetName("reportArchive");
    archive_->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, FromDIP(120));
    archive_->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(100));
    archive_->AppendColumn(_("Type"), wxLIST_FORMAT_LEFT, FromDIP(170));
    archive_->AppendColumn(_("Period"), wxLIST_FORMAT_LEFT, FromDIP(130));
    archive_->AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, FromDIP(360));
    archive_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(100));
    av->Add(archive_, 1, wxEXPAND | wxALL, gap / 2);
    auto* ab = new wxBoxSizer(wxHORIZONTAL);
    auto* reprint = new wxButton(archivePage, wxID_ANY, _("Save the archived &PDF..."));
    reprint->SetToolTip(_("The issued report exactly as it was issued, byte for byte"));
    reprint->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ReprintSelected(); });
    auto* revoke = new wxButton(archivePage, wxID_ANY, _("Re&voke..."));
    revoke->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RevokeSelected(); });
    ab->AddStretchSpacer();
    ab->Add(reprint, 0, wxRIGHT, gap);
    ab->Add(revoke, 0);
    av->Add(ab, 0, wxEXPAND | wxALL, gap / 2);
    archivePage->SetSizer(av);
    archive_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { ReprintSelected(); });
    book_->AddPage(archivePage, _("Issued reports"));

    sizer->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, margin);
    SetSizer(sizer);

    pulse_.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { gauge_->Pulse(); });
    type_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Invalidated(); });
    period_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Invalidated(); });
    ShowStatus(_("Choose the report and its period, then Preview."), false);
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
}

void ReportsPanel::FillPeriods() {
    const int t = type_->GetSelection();
    const std::string keep =
        period_->GetSelection() >= 0 && static_cast<std::size_t>(period_->GetSelection()) < periods_.size()
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
    auto* note = new wxStaticText(&dlg, wxID_ANY,
                                  _("Leave a field empty to print what Settings give."));
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
    auto* authority = field(_("Signing &authority:"), signerAuthority_, _("e.g. TM. ỦY BAN NHÂN DÂN"));
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
    for (wxButton* b : {print_, save_, issue_}) b->Enable(!busy && pages_ != nullptr);
    Layout();
}

void ReportsPanel::Preview() {
    if (date_->Bad()) {
        ShowError(this, _("Write the report's date as dd/mm/yyyy, e.g. 05/01/2026."));
        date_->SetFocus();
        return;
    }
    // The narratives typed so far go into the report.
    SaveNarratives();
    const services::ReportRequest request = CurrentRequest();
    building_ = true;
    const int job = ++job_;
    ShowStatus(_("Building the report..."), true);
    book_->SetSelection(0);
    // Pulse the gauge while the worker builds and lays out the pages.
    pulse_.Start(150);
    RunOnOwnConnection<Prepared>(
        this, session_.db().url(),
        [request](storage::Database& db) {
            auto p = std::make_shared<Prepared>();
            p->request = request;
            p->built = services::BuildReport(db, request);
            p->pages = std::make_shared<report::LaidOutDocument>(p->built.document);
            return p;
        },
        [this, job](std::shared_ptr<Prepared> result, const std::string& error) {
            if (job != job_) return;  // cancelled or superseded
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
            ShowStatus(wxString::Format(wxPLURAL("%s: %d page", "%s: %d pages", n),
                                        U8(result->built.title), n),
                       false);
            UpdatePageLabel();
        });
}

int ReportsPanel::PreviewPageCount() const { return pages_ ? pages_->PageCount() : 0; }

void ReportsPanel::UpdatePageLabel() {
    const int n = preview_->PageCount();
    pageLabel_->SetLabelText(n == 0 ? wxString()
                                    : wxString::Format(_("Page %d of %d"),
                                                       preview_->CurrentPage() + 1, n));
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
    wxFileDialog dlg(this, _("Save the report"), wxString(),
                     U8(prepared_->built.title).Left(80) + ".pdf",
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
        ShowStatus(wxString::Format(_("Issued as number %s; kept in the archive."),
                                    U8(issued.numberText)),
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
    std::map<std::string, std::string> stored;
    if (!sections.empty() && unitId != 0 && !r.period.empty())
        stored = services::ReportArchive(session_.db(), session_.user())
                     .Narratives(unitId, r.period, r.type);
    if (sections.empty()) {
        sizer->Add(new wxStaticText(narrativePage_, wxID_ANY,
                                    _("This report is made from the data alone: it has no text "
                                      "to type.")),
                   0, wxALL, FromDIP(12));
    }
    for (const auto& s : sections) {
        auto* heading = new wxStaticText(narrativePage_, wxID_ANY, "");
        heading->SetFont(ScaledFont(heading, 1.0, true));
        heading->SetLabelText(U8(s.heading));
        sizer->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
        auto* text = new wxTextCtrl(narrativePage_, wxID_ANY, U8(stored[s.key]), wxDefaultPosition,
                                    wxSize(-1, FromDIP(90)), wxTE_MULTILINE | wxTE_WORDWRAP);
        text->SetName("narrative_" + s.key);
        text->SetHint(U8(s.hint));
        text->SetToolTip(U8(s.hint));
        // Kept as soon as the clerk leaves the section.
        text->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
            e.Skip();
            CallAfter([this] { SaveNarratives(); });
        });
        sizer->Add(text, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
        narratives_.emplace_back(s.key, text);
    }
    narrativePage_->SetSizer(sizer);
    narrativePage_->FitInside();
    narrativePage_->Layout();
    narrativeUnit_ = unitId;
    narrativePeriod_ = r.period;
    narrativeType_ = r.type;
}

void ReportsPanel::SaveNarratives() {
    if (narratives_.empty() || narrativeUnit_ == 0 || narrativePeriod_.empty()) return;
    std::map<std::string, std::string> sections;
    for (const auto& [key, text] : narratives_)
        if (text->IsModified()) sections[key] = ToU8(text->GetValue());
    if (sections.empty()) return;
    try {
        services::ReportArchive(session_.db(), session_.user())
            .SaveNarratives(narrativeUnit_, narrativePeriod_, narrativeType_, sections);
        for (const auto& [key, text] : narratives_) text->SetModified(false);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
}

void ReportsPanel::FillArchive() {
    issued_ = services::ReportArchive(session_.db(), session_.user()).List(std::nullopt, std::nullopt);
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
    wxFileDialog dlg(this, _("Save the archived PDF"), wxString(), name + ".pdf",
                     _("PDF (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        const std::string pdf =
            services::ReportArchive(session_.db(), session_.user()).Reprint(x.id);
        std::ofstream out(ToU8(dlg.GetPath()), std::ios::binary);
        out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
        if (!out) throw std::runtime_error(ToU8(dlg.GetPath()));
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
