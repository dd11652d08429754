// The "Settings" area (see settings_panel.h).
#include "gui/shell/settings_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>
#include <unordered_map>

#include "core/date.h"
#include "core/org_conflicts.h"
#include "core/period.h"
#include "core/survey_conflicts.h"
#include "core/survey_rules.h"
#include "core/vnformat.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_events.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/search_picker.h"
#include "services/app/backup.h"
#include "services/surveys/self_assessment.h"

namespace cchc::gui {

namespace {
// Units named as the organisation service names them in a conflict.
UnitNameOf UnitNames(GuiSession& session) {
    return [&session](std::optional<std::int64_t> id) -> std::string {
        if (!id) return {};
        auto u = session.Organisation().UnitById(*id);
        return u ? u->name : std::to_string(*id);
    };
}
}  // namespace

SettingsPanel::SettingsPanel(wxWindow* parent, GuiSession& session) : AreaPanel(session) {
    if (!wxXmlResource::Get()->LoadPanel(this, parent, "SettingsPanel"))
        wxLogFatalError("The form SettingsPanel is missing from the program's resources.");
    FindControls();
    FindPublicationRows();
    PrepareControls();
    BindEvents();
}

void SettingsPanel::FindControls() {
    scroll_ = FindCtrl<wxScrolledWindow>(this, "scroll");
    language_ = FindCtrl<wxChoice>(this, "language");
    windowKind_ = FindCtrl<wxChoice>(this, "window_kind");
    windowNote_ = FindCtrl<wxStaticText>(this, "window_note");
    officeUnit_ = new SearchPicker(this, wxID_ANY, _("Choose the office's unit"));
    wxXmlResource::Get()->AttachUnknownControl("office_unit", officeUnit_, this);
    parentBody_ = FindCtrl<wxTextCtrl>(this, "parent_body");
    issuingBody_ = FindCtrl<wxTextCtrl>(this, "issuing_body");
    place_ = FindCtrl<wxTextCtrl>(this, "office_place");
    signerName_ = FindCtrl<wxTextCtrl>(this, "signer_name");
    signerTitle_ = FindCtrl<wxTextCtrl>(this, "signer_title");
    signerAuthority_ = FindCtrl<wxTextCtrl>(this, "signer_authority");
    status_ = FindCtrl<wxStaticText>(this, "office_status");
    save_ = FindCtrl<wxButton>(this, "save_office");
    revert_ = FindCtrl<wxButton>(this, "revert_office");
    coverage_ = FindCtrl<wxSpinCtrl>(this, "coverage_threshold");
    minimumSample_ = FindCtrl<wxSpinCtrl>(this, "minimum_sample");
    qrTemplate_ = FindCtrl<wxTextCtrl>(this, "qr_url_template");
    qrTemplate_->SetHint(_("e.g. https://dichvucong.<province>.gov.vn/danh-gia?cb={officer_code}"));
    surveyStatus_ = FindCtrl<wxStaticText>(this, "survey_status");
    keepDays_ = FindCtrl<wxSpinCtrl>(this, "backup_keep_days");
    backupNote_ = FindCtrl<wxStaticText>(this, "backup_note");
    backupStatus_ = FindCtrl<wxStaticText>(this, "backup_status");
}

void SettingsPanel::FindPublicationRows() {
    const std::pair<PeriodKind, int> kinds[] = {{PeriodKind::Month, 0},
                                                {PeriodKind::Quarter, 4},
                                                {PeriodKind::Half, 2},
                                                {PeriodKind::NineMonths, 0},
                                                {PeriodKind::Year, 0}};
    for (const auto& [kind, parts] : kinds) {
        const std::string key = "pub_" + std::string(PeriodKindKey(kind));
        PublicationRow row{kind,
                           FindCtrl<wxCheckBox>(this, key.c_str()),
                           FindCtrl<wxSpinCtrl>(this, (key + "_day").c_str()),
                           {}};
        for (int i = 1; i <= parts; ++i)
            row.parts.push_back(
                FindCtrl<wxCheckBox>(this, (key + "_" + std::to_string(i)).c_str()));
        row.on->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { EnablePublicationRows(); });
        publications_.push_back(row);
    }
}

void SettingsPanel::PrepareControls() {
    // The notes wrap to the width the page has (a 1024 px screen leaves
    // little beside the tree).
    scroll_->SetScrollRate(0, FromDIP(16));
    for (const char* note : {"language_note", "coverage_note", "qr_note", "publication_note"}) {
        auto* text = FindCtrl<wxStaticText>(this, note);
        notes_.push_back({text, text->GetLabelText()});
    }
    notes_.push_back({backupNote_, backupNote_->GetLabelText()});
    notes_.push_back({windowNote_, windowNote_->GetLabelText()});
    scroll_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { WrapNotes(); });
    });
    for (wxWindow* control :
         {static_cast<wxWindow*>(coverage_), static_cast<wxWindow*>(minimumSample_),
          static_cast<wxWindow*>(keepDays_), static_cast<wxWindow*>(language_),
          static_cast<wxWindow*>(windowKind_), static_cast<wxWindow*>(officeUnit_)})
        WheelScrollsPage(control, scroll_);
    for (const PublicationRow& row : publications_) WheelScrollsPage(row.day, scroll_);
    auto* title = FindCtrl<wxStaticText>(this, "title");
    title->SetFont(ScaledFont(title, 1.8, true));

    // Each language is named in itself, whatever the current one is.
    language_->Append(wxString::FromUTF8("Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t"));  // Tiếng Việt
    language_->Append("English");
    language_->SetSelection(wxConfig::Get()->Read(config::kLanguage, "vi") == "en" ? 1 : 0);
    FillWindowKind();
}

void SettingsPanel::FillWindowKind() {
    const services::ReportingWindowSetting window = session_.Organisation().LoadReportingWindow();
    windowKind_->SetSelection(window.kind == WindowKind::CutOff ? 1 : 0);
    windowVersion_ = window.version;
    windowRead_ = window.kind;
    UpdateWindowNote();
}

void SettingsPanel::OnWindowKind() {
    const WindowKind chosen =
        windowKind_->GetSelection() == 1 ? WindowKind::CutOff : WindowKind::Calendar;
    // The choice is the user's only edit: against the window shown, the
    // conflict dialog asks only if another desk chose meanwhile.
    const EditedFields edited = EditedOf(WindowKindConflicts(chosen, windowRead_));
    try {
        for (;;) {
            try {
                windowVersion_ = session_.Organisation().SetReportingWindow(chosen, windowVersion_);
                windowRead_ = chosen;
                break;
            } catch (const EditConflict& conflict) {
                const std::optional<KeptFields> kept = AskConflict(this, conflict, edited);
                if (!kept || !kept->count("window_kind")) {
                    // Not chosen: the window stored stays, and is shown.
                    FillWindowKind();
                    break;
                }
                windowVersion_ = conflict.storedVersion();
            }
        }
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        FillWindowKind();
    }
    UpdateWindowNote();
    NotifyDataChanged(this, unit_ ? unit_->id : 0);  // periods shown elsewhere change
}

void SettingsPanel::BindEvents() {
    language_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        wxConfig::Get()->Write(config::kLanguage, language_->GetSelection() == 1 ? "en" : "vi");
        wxConfig::Get()->Flush();
        ShowInfo(this, _("The new language will be used the next time CCHC Desk starts."));
    });
    windowKind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnWindowKind(); });
    for (wxTextCtrl* text :
         {parentBody_, issuingBody_, place_, signerName_, signerTitle_, signerAuthority_})
        text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            UpdatePreview();
            SetModified(true);
        });
    officeUnit_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { SetModified(true); });
    save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSaveOffice(); });
    FindCtrl<wxButton>(this, "save_surveys")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        OnSaveSurveys();
    });
    FindCtrl<wxButton>(this, "save_backup")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        OnSaveBackups();
    });
    revert_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        FillOffice(loaded_);
        SetModified(false);
    });
}

void SettingsPanel::Reload() {
    session_.Access().OfferAll(scroll_, Action::EditSettings, {language_});  // given back first
    // The office is usually a department (Phòng Nội vụ) of a district or a
    // province; any unit may be picked. A department is shown with its unit.
    officeUnit_->Clear();
    unitIds_.clear();
    officeUnit_->Append(_("(not set)"));
    unitIds_.push_back(0);
    const std::vector<Unit> units = session_.Organisation().Units();
    std::unordered_map<std::int64_t, const Unit*> byId;
    for (const Unit& u : units) byId[u.id] = &u;
    const wxString dash = wxString::FromUTF8(" \xe2\x80\x93 ");  // en dash
    for (const Unit& u : units) {
        wxString label = U8(u.name);
        if (u.kind == UnitKind::Department && u.parentId)
            if (auto it = byId.find(*u.parentId); it != byId.end())
                label += dash + U8(it->second->name);
        officeUnit_->Append(label,
                            u.kind != UnitKind::Department && u.parentId && byId.count(*u.parentId)
                                ? U8(byId[*u.parentId]->name)
                                : wxString());
        unitIds_.push_back(u.id);
    }
    loaded_ = session_.Organisation().Office();
    FillOffice(loaded_);
    SetModified(false);
    FillWindowKind();
    FillSurveys();
    FillBackups();
    // The office's settings are the administrator's (the language is the desk's own).
    session_.Access().OfferAll(scroll_, Action::EditSettings, {language_});
    scroll_->FitInside();
}

void SettingsPanel::FillBackups() {
    services::Database& db = session_.db();
    const bool sqlite = db.url().backend == services::DatabaseBackend::Sqlite;
    keepDays_->SetValue(services::BackupKeepDays(db));
    keepDays_->Enable(sqlite);
    backupNote_->SetLabelText(
        sqlite ? wxString::Format(_("Each day CCHC Desk starts, it copies the database into %s "
                                    "and keeps the newest copies. File > Back up... writes a "
                                    "copy anywhere."),
                                  U8(services::DailyCopyFolder(db.url())))
               : _("A database on a PostgreSQL server is backed up by the server's administrator "
                   "(cchc backup); File > Back up... writes a copy of it too."));
    SetNote(backupNote_, backupNote_->GetLabelText());
    backupStatus_->SetLabelText("");
}

void SettingsPanel::SetNote(wxStaticText* note, const wxString& text) {
    for (auto& [control, label] : notes_)
        if (control == note) label = text;
    note->SetLabelText(text);
    wrappedAt_ = 0;
    WrapNotes();
}

void SettingsPanel::WrapNotes() {
    const int page = scroll_->GetClientSize().x;
    if (page <= 0 || page == wrappedAt_) return;
    wrappedAt_ = page;
    const int left = scroll_->GetScreenPosition().x;
    for (auto& [note, text] : notes_) {
        // From where the note starts to the page's right edge, less the
        // box's border.
        const int from = note->GetScreenPosition().x - left;
        const int width = std::clamp(page - from - FromDIP(28), FromDIP(200), FromDIP(640));
        note->SetLabelText(text);
        note->Wrap(width);
    }
    scroll_->Layout();
    scroll_->FitInside();
}

void SettingsPanel::OnSaveBackups() {
    try {
        services::SaveBackupKeepDays(session_.db(), keepDays_->GetValue(), session_.user());
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    backupStatus_->SetForegroundColour(colours::Good());
    backupStatus_->SetLabelText(_("The backup settings were saved."));
    backupStatus_->GetParent()->Layout();
}

void SettingsPanel::FillSurveys() {
    surveyRead_ = services::LoadSurveySettings(session_.db());
    FillSurveyValues(surveyRead_);
    surveyStatus_->SetLabelText("");
}

void SettingsPanel::EnablePublicationRows() {
    for (PublicationRow& row : publications_) {
        row.day->Enable(row.on->GetValue());
        for (wxCheckBox* part : row.parts) part->Enable(row.on->GetValue());
    }
}

services::SurveySettings SettingsPanel::ReadSurveys() const {
    services::SurveySettings s;
    s.version = surveyRead_.version;
    s.coverageThreshold = coverage_->GetValue() / 100.0;
    s.minimumSample = minimumSample_->GetValue();
    s.qrUrlTemplate = TrimmedU8(qrTemplate_->GetValue());
    return s;
}

void SettingsPanel::FillSurveyValues(const services::SurveySettings& s) {
    coverage_->SetValue(static_cast<int>(s.coverageThreshold * 100 + 0.5));
    minimumSample_->SetValue(s.minimumSample);
    qrTemplate_->ChangeValue(U8(s.qrUrlTemplate));
    for (PublicationRow& row : publications_) {
        row.on->SetValue(false);
        row.day->SetValue(28);
        for (wxCheckBox* part : row.parts) part->SetValue(true);
        for (const PublicationRule& rule : s.publicationCalendar) {
            if (rule.kind != row.kind) continue;
            row.on->SetValue(true);
            row.day->SetValue(rule.day);
            for (std::size_t i = 0; i < row.parts.size() && !rule.indexes.empty(); ++i)
                row.parts[i]->SetValue(std::find(rule.indexes.begin(), rule.indexes.end(),
                                                 static_cast<int>(i) + 1) != rule.indexes.end());
        }
    }
    EnablePublicationRows();
}

void SettingsPanel::OnSaveSurveys() {
    services::SurveySettings s = ReadSurveys();
    s.publicationCalendar.clear();
    for (const PublicationRow& row : publications_) {
        if (!row.on->GetValue()) continue;
        PublicationRule rule{row.kind, row.day->GetValue(), {}};
        for (std::size_t i = 0; i < row.parts.size(); ++i)
            if (row.parts[i]->GetValue()) rule.indexes.push_back(static_cast<int>(i) + 1);
        if (!row.parts.empty() && rule.indexes.empty()) {
            // Said beside the button, and the first period's box takes the focus.
            surveyStatus_->SetForegroundColour(colours::Danger());
            surveyStatus_->SetLabelText(wxString::Format(
                // TRANSLATORS: %s is the kind of publication, e.g. "Quarterly".
                _("%s: tick the periods whose results are published."), row.on->GetLabelText()));
            surveyStatus_->GetParent()->Layout();
            row.parts.front()->SetFocus();
            return;
        }
        if (rule.indexes.size() == row.parts.size()) rule.indexes.clear();  // every period
        s.publicationCalendar.push_back(rule);
    }
    std::optional<EditConflict> conflict;
    int version = 0;
    try {
        version = services::SaveSurveySettings(session_.db(), s, session_.user());
    } catch (const EditConflict& e) {
        conflict = e;
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    if (conflict) {
        // Saved on another desk since shown: what only one desk changed is
        // merged, the user chooses where both did (out of the handler: the
        // conflict dialog runs its own event loop).
        const std::optional<KeptFields> kept =
            AskConflict(this, *conflict, EditedOf(SurveyConflicts(s, surveyRead_)));
        if (!kept) {
            surveyStatus_->SetForegroundColour(colours::Danger());
            surveyStatus_->SetLabelText(ErrorSentence(*conflict));
            surveyStatus_->GetParent()->Layout();
            return;
        }
        try {
            SurveySettings stored = services::LoadSurveySettings(session_.db());
            stored.version = conflict->storedVersion();
            FillSurveyValues(MergeSurveySettings(s, stored, *kept));
            // The form is now measured against the copy compared.
            surveyRead_ = stored;
        } catch (const std::exception& e) {
            ShowError(this, ErrorSentence(e));
            return;
        }
        OnSaveSurveys();
        return;
    }
    surveyRead_ = s;
    surveyRead_.version = version;
    NotifyDataChanged(this, unit_ ? unit_->id : 0);  // the Surveys area uses them
    surveyStatus_->SetForegroundColour(colours::Good());
    surveyStatus_->SetLabelText(_("The survey settings were saved."));
    surveyStatus_->GetParent()->Layout();
}

void SettingsPanel::FillOffice(const services::OfficeIdentity& o) {
    officeUnit_->SetSelection(0);
    for (std::size_t i = 0; i < unitIds_.size(); ++i)
        if (unitIds_[i] == o.unitId && o.unitId != 0)
            officeUnit_->SetSelection(static_cast<int>(i));
    parentBody_->ChangeValue(U8(o.parentBody));
    issuingBody_->ChangeValue(U8(o.issuingBody));
    place_->ChangeValue(U8(o.placeName));
    signerName_->ChangeValue(U8(o.signerName));
    signerTitle_->ChangeValue(U8(o.signerTitle));
    signerAuthority_->ChangeValue(U8(o.signerAuthority));
    UpdatePreview();
}

services::OfficeIdentity SettingsPanel::ReadOffice() const {
    services::OfficeIdentity o = loaded_;
    const int unit = officeUnit_->GetSelection();
    o.unitId = unit > 0 ? unitIds_[static_cast<std::size_t>(unit)] : 0;
    o.parentBody = TrimmedU8(parentBody_->GetValue());
    o.issuingBody = TrimmedU8(issuingBody_->GetValue());
    o.placeName = TrimmedU8(place_->GetValue());
    o.signerName = TrimmedU8(signerName_->GetValue());
    o.signerTitle = TrimmedU8(signerTitle_->GetValue());
    o.signerAuthority = TrimmedU8(signerAuthority_->GetValue());
    return o;
}

void SettingsPanel::UpdatePreview() {
    const services::OfficeIdentity o = ReadOffice();
    auto* parent = FindCtrl<wxStaticText>(this, "preview_parent");
    auto* issuing = FindCtrl<wxStaticText>(this, "preview_issuing");
    auto* dateline = FindCtrl<wxStaticText>(this, "preview_dateline");
    auto* authority = FindCtrl<wxStaticText>(this, "preview_authority");
    auto* signer = FindCtrl<wxStaticText>(this, "preview_signer");
    parent->SetLabelText(U8(o.parentBody));
    issuing->SetLabelText(U8(o.issuingBody));
    issuing->SetFont(ScaledFont(parent, 1.0, true));
    dateline->SetLabelText(U8(FormatPlaceDate(o.placeName, Date::Today())));
    wxFont italic = parent->GetFont();
    italic.SetStyle(wxFONTSTYLE_ITALIC);
    dateline->SetFont(italic);
    wxString block = U8(o.signerAuthority);
    if (!o.signerTitle.empty()) block += (block.empty() ? "" : "\n") + U8(o.signerTitle);
    authority->SetLabelText(block);
    authority->SetFont(ScaledFont(parent, 1.0, true));
    signer->SetLabelText(U8(o.signerName));
    signer->SetFont(ScaledFont(parent, 1.0, true));
    FindCtrl<wxPanel>(this, "preview")->Layout();
}

void SettingsPanel::UpdateWindowNote() {
    const WindowKind kind =
        windowKind_->GetSelection() == 1 ? WindowKind::CutOff : WindowKind::Calendar;
    const Period quarter = Period::Containing(PeriodKind::Quarter, Date::Today(), kind);
    const DateRange window = quarter.Window(kind);
    // TRANSLATORS: e.g. "This quarter (Quarter IV/2026) counts data from 01/10/2026 to 31/12/2026."
    SetNote(windowNote_,
            wxString::Format(_("This quarter (%s) counts data from %s to %s."), U8(quarter.Label()),
                             U8(FormatDate(window.first)), U8(FormatDate(window.last))));
}

void SettingsPanel::SetModified(bool modified) {
    session_.Access().Offer(save_, modified, Action::EditSettings);
    revert_->Enable(modified);
    if (modified) {
        status_->SetForegroundColour(colours::Warning());
        status_->SetLabelText(_("Changes not saved yet."));
    } else {
        status_->SetLabelText("");
    }
    status_->GetParent()->Layout();
}

void SettingsPanel::OnSaveOffice() {
    const services::OfficeIdentity office = ReadOffice();
    std::optional<EditConflict> conflict;
    try {
        const int version = session_.Organisation().SaveOffice(office);
        loaded_ = office;
        loaded_.version = version;
    } catch (const EditConflict& e) {
        conflict = e;
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    if (conflict) {
        // Saved on another desk since shown: what only one desk changed is
        // merged, the user chooses where both did.
        const std::optional<KeptFields> kept = AskConflict(
            this, *conflict, EditedOf(OfficeConflicts(office, loaded_, UnitNames(session_))));
        if (!kept) {
            status_->SetForegroundColour(colours::Danger());
            status_->SetLabelText(ErrorSentence(*conflict));
            status_->GetParent()->Layout();
            return;
        }
        try {
            services::OfficeIdentity stored = session_.Organisation().Office();
            stored.version = conflict->storedVersion();
            FillOffice(MergeOffice(office, stored, *kept));
            // The form is now measured against the copy compared.
            loaded_ = stored;
        } catch (const std::exception& e) {
            ShowError(this, ErrorSentence(e));
            return;
        }
        OnSaveOffice();
        return;
    }
    SetModified(false);
    NotifyDataChanged(this, unit_ ? unit_->id : 0);  // reloads this panel too
    status_->SetForegroundColour(colours::Good());
    status_->SetLabelText(_("The office identity was saved."));
    status_->GetParent()->Layout();
}

}  // namespace cchc::gui
