// The evidence of one criterion (see evidence_dialog.h).
#include "gui/index/evidence_dialog.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/mimetype.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>

#include "core/date.h"
#include "core/errors.h"
#include "core/evidence_conflicts.h"
#include "core/i18n.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {

namespace {
wxString Size(const std::optional<long long>& bytes) {
    if (!bytes) return {};
    if (*bytes < 1024) return wxString::Format("%lld B", *bytes);
    if (*bytes < 1024 * 1024) return U8(FormatNumberTrim(*bytes / 1024.0, 1)) + " KB";
    return U8(FormatNumberTrim(*bytes / (1024.0 * 1024.0), 1)) + " MB";
}
}  // namespace

EvidenceDialog::EvidenceDialog(wxWindow* parent, GuiSession& session, const services::Sheet& sheet,
                               const std::string& criterion)
    : session_(session), sheet_(sheet), criterion_(criterion) {
    LoadForm(parent, "EvidenceDialog");
    SetTitle(wxString::Format(_("Evidence of criterion %s"), U8(criterion)));
    list_ = Ctrl<wxListCtrl>("documents");
    // TRANSLATORS: columns of the evidence list.
    list_->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(90));
    list_->AppendColumn(_("Issued by"), wxLIST_FORMAT_LEFT, FromDIP(130));
    list_->AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, FromDIP(200));
    list_->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(140));
    list_->AppendColumn(_("Size"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    for (const auto& row : sheet.rows)
        if (row.code == criterion)
            Ctrl<wxStaticText>("criterion")->SetLabelText(U8(row.code) + " " + U8(row.title));
    // Adding, linking and unlinking: not once the set is appraised, nor for
    // an account that may not attach the commune's evidence (it reads the
    // documents and opens their files; the buttons say why not).
    AccessUi& access = session_.Access();
    const bool locked = sheet.status == ResultStatus::Appraised;
    mayChange_ = !locked && access.May(Action::EditEvidence, sheet.unitId);
    for (const char* name : {"add", "link", "remove"})
        access.Offer(Ctrl<wxButton>(name), !locked, Action::EditEvidence, sheet.unitId);
    Ctrl<wxButton>("link")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { LinkExisting(); });
    Ctrl<wxButton>("add")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Add(); });
    Ctrl<wxButton>("open")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Open(); });
    Ctrl<wxButton>("remove")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Remove(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { Open(); });
    Fill();
    FinishLayout(mayChange_ ? static_cast<wxWindow*>(Ctrl<wxButton>("add")) : list_);
}

void EvidenceDialog::Fill() {
    auto listed =
        services::ResultSheetService(session_.db(), session_.user()).EvidenceOf(sheet_, criterion_);
    docs_ = std::move(listed.documents);
    version_ = listed.version;
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < docs_.size(); ++i) {
        const auto& d = docs_[i];
        const long item = list_->InsertItem(static_cast<long>(i), U8(d.docNumber));
        wxString date;
        if (d.docDate)
            if (auto parsed = Date::ParseIso(*d.docDate)) date = U8(FormatDate(*parsed));
        list_->SetItem(item, 1, date);
        list_->SetItem(item, 2, U8(d.issuer));
        list_->SetItem(item, 3, U8(d.title));
        list_->SetItem(item, 4, d.fileName.empty() ? _("(reference only)") : U8(d.fileName));
        list_->SetItem(item, 5, Size(d.sizeBytes));
    }
    if (!docs_.empty())
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    Ctrl<wxButton>("open")->Enable(!docs_.empty());
    if (mayChange_) Ctrl<wxButton>("remove")->Enable(!docs_.empty());
}

long EvidenceDialog::Selected() const {
    return list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void EvidenceDialog::Add() {
    if (!mayChange_) return;
    EvidenceDocDialog dlg(this, session_, sheet_, criterion_);
    if (dlg.ShowModal() == wxID_OK) Fill();
}

void EvidenceDialog::LinkExisting() {
    if (!mayChange_) return;
    services::ResultSheetService service(session_.db(), session_.user());
    std::vector<services::EvidenceRecord> choices;
    wxArrayString labels;
    for (auto& d : service.Register(sheet_)) {
        if (std::any_of(docs_.begin(), docs_.end(),
                        [&](const auto& linked) { return linked.id == d.id; }))
            continue;
        wxString label = d.docNumber.empty()
                             ? wxString()
                             : U8(d.docNumber) + wxString::FromUTF8(" \xe2\x80\x93 ");
        label += U8(d.title);
        if (d.docDate)
            if (auto parsed = Date::ParseIso(*d.docDate))
                label += " (" + U8(FormatDate(*parsed)) + ")";
        labels.Add(label);
        choices.push_back(std::move(d));
    }
    if (choices.empty()) {
        ShowInfo(this,
                 _("The commune's register has no other document yet. Add one with its file."));
        return;
    }
    wxSingleChoiceDialog dlg(this, _("Choose the document that proves this criterion too:"),
                             _("Link an existing document"), labels);
    NameStockButtons(&dlg);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        service.LinkEvidence(sheet_, criterion_,
                             choices[static_cast<std::size_t>(dlg.GetSelection())].id, version_);
    } catch (const std::exception& e) {
        // Refused (another desk changed the criterion's documents since
        // they were listed, say): said, and the list shows them as stored.
        ShowError(this, ErrorSentence(e));
    }
    Fill();
}

void EvidenceDialog::Open() {
    const long i = Selected();
    if (i < 0) return;
    const auto& doc = docs_[static_cast<std::size_t>(i)];
    if (doc.fileName.empty()) {
        ShowInfo(this, _("This document is registered without its file."));
        return;
    }
    try {
        const wxString dir = wxFileName::CreateTempFileName("cchc-evidence");
        wxRemoveFile(dir);
        wxFileName::Mkdir(dir, wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
        const std::string path = services::ResultSheetService(session_.db(), session_.user())
                                     .ExportEvidenceFile(doc.id, ToU8(dir));
        if (!wxLaunchDefaultApplication(U8(path)))
            ShowError(this,
                      wxString::Format(_("No program opens this kind of file. It was saved as %s."),
                                       U8(path)));
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
}

void EvidenceDialog::Remove() {
    if (!mayChange_) return;
    const long i = Selected();
    if (i < 0) return;
    const auto& doc = docs_[static_cast<std::size_t>(i)];
    if (!AskYesNo(this,
                  wxString::Format(
                      _("Unlink \"%s\" from criterion %s? The document stays in the register."),
                      U8(doc.title), U8(criterion_)),
                  _("Unlink")))
        return;
    try {
        services::ResultSheetService(session_.db(), session_.user())
            .DetachEvidence(sheet_, criterion_, doc.id, version_);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    Fill();
}

EvidenceDocDialog::EvidenceDocDialog(wxWindow* parent, GuiSession& session,
                                     const services::Sheet& sheet, const std::string& criterion)
    : session_(session), sheet_(sheet), criterion_(criterion) {
    LoadForm(parent, "EvidenceDocDialog");
    PrepareFilePicker(Ctrl<wxFilePickerCtrl>("file"));
    SetTitle(wxString::Format(_("Add evidence to criterion %s"), U8(criterion)));
    Bind(wxEVT_BUTTON, &EvidenceDocDialog::OnSave, this, wxID_OK);
    FinishLayout(Ctrl<wxFilePickerCtrl>("file"));
}

EvidenceDetails EvidenceDocDialog::ReadDetails() const {
    EvidenceDetails d;
    d.docNumber = TrimmedU8(Ctrl<wxTextCtrl>("doc_number")->GetValue());
    const std::string date = TrimmedU8(Ctrl<wxTextCtrl>("doc_date")->GetValue());
    if (!date.empty()) {
        auto parsed = Date::ParseVn(date);
        if (!parsed) throw UserError(Location{"", 0, "doc_date"}, DateRefusal(date));
        d.docDate = parsed->ToIso();
    }
    d.issuer = TrimmedU8(Ctrl<wxTextCtrl>("issuer")->GetValue());
    d.title = TrimmedU8(Ctrl<wxTextCtrl>("title")->GetValue());
    d.note = TrimmedU8(Ctrl<wxTextCtrl>("note")->GetValue());
    return d;
}

void EvidenceDocDialog::OnSave(wxCommandEvent&) {
    SaveAndClose(
        [this] {
            const EvidenceDetails typed = ReadDetails();
            services::EvidenceInput in;
            in.filePath = TrimmedU8(Ctrl<wxFilePickerCtrl>("file")->GetPath());
            in.docNumber = typed.docNumber;
            in.docDate = typed.docDate;
            in.issuer = typed.issuer;
            in.title = typed.title;
            in.note = typed.note;
            in.detailsTyped = true;
            in.version = version_;
            try {
                services::ResultSheetService(session_.db(), session_.user())
                    .AttachEvidence(sheet_, criterion_, in);
            } catch (const services::EvidenceConflict& e) {
                registered_ = e.stored();  // what the register says, for the merge
                throw;
            }
        },
        [this](const EditConflict& conflict, const KeptFields& kept) {
            // The file is in the register already with other details: the
            // register's for the fields not kept, the typed ones replace
            // its own; the form shows the merge, and what is typed from
            // now on is measured against the details the conflict showed.
            if (!registered_) return;
            const EvidenceDetails merged =
                MergeEvidenceDetails(TypedOver(ReadDetails(), *registered_), *registered_, kept);
            Ctrl<wxTextCtrl>("doc_number")->ChangeValue(U8(merged.docNumber));
            wxString date;
            if (merged.docDate)
                if (auto d = Date::ParseIso(*merged.docDate)) date = U8(FormatDate(*d));
            Ctrl<wxTextCtrl>("doc_date")->ChangeValue(date);
            Ctrl<wxTextCtrl>("issuer")->ChangeValue(U8(merged.issuer));
            Ctrl<wxTextCtrl>("title")->ChangeValue(U8(merged.title));
            Ctrl<wxTextCtrl>("note")->ChangeValue(U8(merged.note));
            seen_ = registered_;
            version_ = conflict.storedVersion();
        },
        // The details typed against those of the register the user saw.
        [this] {
            try {
                return EditedEvidence(ReadDetails(), seen_);
            } catch (const UserError&) {
                // Unreadable now: every detail counts as the user's.
                EditedFields all;
                for (const char* f : {"doc_number", "doc_date", "issuer", "title", "note"})
                    all[f] = std::nullopt;
                return all;
            }
        });
}

}  // namespace cchc::gui
