// The "Catalogue" area (see catalogue_panel.h).
#include "gui/catalogue/catalogue_panel.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "core/framework.h"
#include "core/org_conflicts.h"
#include "core/vnformat.h"
#include "gui/catalogue/accounts_page.h"
#include "gui/catalogue/audit_history_dialog.h"
#include "gui/catalogue/audit_page.h"
#include "gui/catalogue/framework_copy_dialog.h"
#include "gui/catalogue/framework_editor_dialog.h"
#include "gui/catalogue/framework_new_dialog.h"
#include "gui/catalogue/lineage_dialog.h"
#include "gui/catalogue/person_dialog.h"
#include "gui/catalogue/procedure_fields_page.h"
#include "gui/shell/access_ui.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_events.h"
#include "gui/shell/gui_util.h"
#include "services/app/overview.h"
#include "services/frameworks/frameworks.h"
#include "services/org/lineage.h"

namespace cchc::gui {
namespace {

const int kSortable = wxDATAVIEW_COL_RESIZABLE | wxDATAVIEW_COL_SORTABLE;

// Gives column `stretch` of list the width that the other columns (together
// `others` wide) leave, so that long names show whole when there is room.
void StretchColumn(wxDataViewListCtrl* list, unsigned stretch, int others, int minWidth) {
    // Otherwise the list asks for the width of its columns and grows with them.
    list->SetMinSize(list->FromDIP(wxSize(300, 120)));
    // The list's own size events do not come through on GTK: follow its page.
    list->GetParent()->Bind(wxEVT_SIZE, [list, stretch, minWidth, others](wxSizeEvent& e) {
        e.Skip();
        list->CallAfter([list, stretch, minWidth, others] {
            const int room = list->GetSize().x - others - list->FromDIP(24);
            list->GetColumn(stretch)->SetWidth(std::max(minWidth, room));
        });
    });
}

}  // namespace

CataloguePanel::CataloguePanel(wxWindow* parent, GuiSession& session) : AreaPanel(session) {
    if (!wxXmlResource::Get()->LoadPanel(this, parent, "CataloguePanel"))
        wxLogFatalError("The form CataloguePanel is missing from the program's resources.");
    title_ = FindCtrl<wxStaticText>(this, "unit_title");
    subtitle_ = FindCtrl<wxStaticText>(this, "unit_subtitle");
    editUnit_ = FindCtrl<wxButton>(this, "edit_unit");
    addChild_ = FindCtrl<wxButton>(this, "add_child");
    toggleUnit_ = FindCtrl<wxButton>(this, "toggle_active");
    unitHistory_ = FindCtrl<wxButton>(this, "unit_history");
    unitLineage_ = FindCtrl<wxButton>(this, "unit_lineage");
    peopleCount_ = FindCtrl<wxStaticText>(this, "people_count");
    people_ = FindCtrl<wxDataViewListCtrl>(this, "people");
    addPerson_ = FindCtrl<wxButton>(this, "add_person");
    editPerson_ = FindCtrl<wxButton>(this, "edit_person");
    togglePerson_ = FindCtrl<wxButton>(this, "toggle_person");
    frameworks_ = FindCtrl<wxDataViewListCtrl>(this, "frameworks");
    editFramework_ = FindCtrl<wxButton>(this, "edit_framework");
    copyFramework_ = FindCtrl<wxButton>(this, "copy_framework");
    toggleFramework_ = FindCtrl<wxButton>(this, "toggle_framework");
    pages_ = FindCtrl<wxNotebook>(this, "pages");

    title_->SetFont(ScaledFont(title_, 1.5, true));
    auto* peopleTitle = FindCtrl<wxStaticText>(this, "people_title");
    peopleTitle->SetFont(ScaledFont(peopleTitle, 1.1, true));
    FindCtrl<wxStaticText>(this, "frameworks_intro")->Wrap(FromDIP(760));

    people_->AppendTextColumn(_("Code"), wxDATAVIEW_CELL_INERT, FromDIP(85), wxALIGN_LEFT,
                              kSortable);
    people_->AppendTextColumn(_("Full name"), wxDATAVIEW_CELL_INERT, FromDIP(170), wxALIGN_LEFT,
                              kSortable);
    people_->AppendTextColumn(_("Position"), wxDATAVIEW_CELL_INERT, FromDIP(240), wxALIGN_LEFT,
                              kSortable);
    people_->AppendTextColumn(_("Phone"), wxDATAVIEW_CELL_INERT, FromDIP(100), wxALIGN_LEFT,
                              kSortable);
    people_->AppendTextColumn(_("E-mail"), wxDATAVIEW_CELL_INERT, FromDIP(160), wxALIGN_LEFT,
                              kSortable);
    // TRANSLATORS: short column heading: works at the one-stop desk.
    people_->AppendToggleColumn(_("One-stop"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE,
                                wxALIGN_CENTER, wxDATAVIEW_COL_RESIZABLE);
    // TRANSLATORS: short column heading: still works in the unit.
    people_->AppendToggleColumn(_("In service"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE,
                                wxALIGN_CENTER, wxDATAVIEW_COL_RESIZABLE);

    const int code = FromDIP(120), year = FromDIP(60), kind = FromDIP(130), number = FromDIP(115);
    frameworks_->AppendTextColumn(_("Code"), wxDATAVIEW_CELL_INERT, code, wxALIGN_LEFT, kSortable);
    frameworks_->AppendTextColumn(_("Name"), wxDATAVIEW_CELL_INERT, FromDIP(380), wxALIGN_LEFT,
                                  kSortable);
    frameworks_->AppendTextColumn(_("Year"), wxDATAVIEW_CELL_INERT, year, wxALIGN_RIGHT, kSortable);
    frameworks_->AppendTextColumn(_("Kind"), wxDATAVIEW_CELL_INERT, kind, wxALIGN_LEFT, kSortable);
    frameworks_->AppendTextColumn(_("Criteria"), wxDATAVIEW_CELL_INERT, number, wxALIGN_RIGHT,
                                  kSortable);
    frameworks_->AppendTextColumn(_("Max. points"), wxDATAVIEW_CELL_INERT, number, wxALIGN_RIGHT,
                                  kSortable);
    const int status = FromDIP(100);
    frameworks_->AppendTextColumn(_("Status"), wxDATAVIEW_CELL_INERT, status, wxALIGN_LEFT,
                                  kSortable);
    StretchColumn(frameworks_, 1, code + year + kind + 2 * number + status, FromDIP(240));

    editUnit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendCommand(this, ID_EDIT_UNIT); });
    addChild_->Bind(wxEVT_BUTTON,
                    [this](wxCommandEvent&) { SendCommand(this, ID_ADD_CHILD_UNIT); });
    toggleUnit_->Bind(wxEVT_BUTTON,
                      [this](wxCommandEvent&) { SendCommand(this, ID_TOGGLE_UNIT_ACTIVE); });
    unitHistory_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenUnitHistory(); });
    unitLineage_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditLineage(); });
    addPerson_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendCommand(this, ID_ADD_PERSON); });
    editPerson_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditPerson(); });
    togglePerson_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TogglePerson(); });
    people_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { EditPerson(); });
    people_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED,
                  [this](wxDataViewEvent&) { UpdatePersonButtons(); });
    editFramework_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditSelectedFramework(); });
    copyFramework_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CopyFramework(); });
    FindCtrl<wxButton>(this, "new_framework")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        NewFramework();
    });
    toggleFramework_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ToggleFramework(); });
    frameworks_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED,
                      [this](wxDataViewEvent&) { EditSelectedFramework(); });
    frameworks_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED,
                      [this](wxDataViewEvent&) { UpdateFrameworkButtons(); });
    // The history is read when its page is shown.
    pages_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        if (audit_ && auditStale_ && pages_->GetCurrentPage() == audit_) {
            auditStale_ = false;
            audit_->Reload();
        }
    });
}

void CataloguePanel::SetUnit(const std::optional<Unit>& unit) {
    AreaPanel::SetUnit(unit);
    if (IsShownOnScreen())
        ShowUnit();
    else
        Invalidate();
}

void CataloguePanel::Reload() {
    ShowUnit();
    LoadFrameworks();
    SyncPages();
}

void CataloguePanel::SyncPages() {
    AccessUi& access = session_.Access();
    const bool accounts = access.May(Action::ManageAccounts);
    const bool audit = access.May(Action::ReadAudit);
    auto drop = [this](wxWindow* page) {
        const int at = pages_->FindPage(page);
        if (at != wxNOT_FOUND) pages_->DeletePage(static_cast<std::size_t>(at));
    };
    if (accounts_ && !accounts) {
        drop(accounts_);
        accounts_ = nullptr;
    }
    if (audit_ && !audit) {
        drop(audit_);
        audit_ = nullptr;
    }
    if (accounts && !accounts_) {
        accounts_ = new AccountsPage(pages_, session_);
        accounts_->onFirstAccount = [this] { SendCommand(this, ID_LOG_IN_AGAIN); };
        pages_->AddPage(accounts_, _("Accounts"));
    }
    if (audit && !audit_) {
        audit_ = new AuditPage(pages_, session_);
        pages_->AddPage(audit_, _("Change history"));
    }
    // Every account reads the fields; those who edit catalogues change them.
    if (!fields_) {
        fields_ = new ProcedureFieldsPage(pages_, session_);
        pages_->InsertPage(std::min<std::size_t>(2, pages_->GetPageCount()), fields_,
                           _("Procedure fields"));
    }
    fields_->Reload();
    if (accounts_) accounts_->Reload();
    auditStale_ = true;
    if (audit_ && pages_->GetCurrentPage() == audit_) {
        auditStale_ = false;
        audit_->Reload();
    }
}

void CataloguePanel::ShowUnit() {
    Freeze();
    const bool has = unit_.has_value();
    auto set = [this](const char* name, const std::string& value) {
        FindCtrl<wxStaticText>(this, name)
            ->SetLabelText(value.empty() ? wxString::FromUTF8("\xe2\x80\x94") : U8(value));
    };
    if (!has) {
        title_->SetLabelText(_("No unit selected"));
        subtitle_->SetLabelText(
            _("Choose a unit in the tree on the left, or add the first one with Organisation > Add "
              "unit."));
        for (const char* name :
             {"code_value", "kind_value", "parent_value", "status_value", "place_value",
              "header_parent_value", "header_name_value", "doc_symbol_value"})
            set(name, "");
    } else {
        const Unit& u = *unit_;
        std::string parentName;
        if (u.parentId)
            if (auto parent = session_.Organisation().UnitById(*u.parentId))
                parentName = parent->name;
        title_->SetLabelText(U8(u.name));
        wxString sub = U8(UnitKindLabel(u.kind));
        // TRANSLATORS: under a unit's name: its kind and the unit it belongs to.
        if (!parentName.empty()) sub = wxString::Format(_("%s, part of %s"), sub, U8(parentName));
        if (!u.active) sub += " " + _("(inactive)");
        subtitle_->SetLabelText(sub);
        set("code_value", u.code);
        set("kind_value", UnitKindLabel(u.kind));
        set("parent_value", parentName);
        FindCtrl<wxStaticText>(this, "status_value")
            ->SetLabelText(u.active ? _("Active") : _("Inactive"));
        FindCtrl<wxStaticText>(this, "status_value")
            ->SetForegroundColour(u.active ? colours::Good() : colours::Danger());
        set("place_value", u.placeName);
        set("header_parent_value", u.headerParent);
        set("header_name_value", DefaultHeaderName(u));
        set("doc_symbol_value", u.docSymbol);
        toggleUnit_->SetLabel(u.active ? _("&Deactivate") : _("Re&activate"));
    }
    AccessUi& access = session_.Access();
    const auto unitId = has ? std::optional<std::int64_t>(unit_->id) : std::nullopt;
    for (wxButton* b : {editUnit_, addChild_, toggleUnit_, addPerson_})
        access.Offer(b, has, Action::EditUnits, unitId);
    access.Offer(unitHistory_, has, Action::ReadAudit, unitId);
    access.Offer(unitLineage_, has && unit_->kind != UnitKind::Department, Action::EditUnits,
                 unitId);
    ShowLineage();
    LoadPeople();
    FindWindow(XRCID("unit_page"))->Layout();
    Thaw();
}

void CataloguePanel::ShowLineage() {
    auto* label = FindCtrl<wxStaticText>(this, "lineage_value");
    wxString text;
    if (unit_) {
        try {
            const auto lineage = services::LineageOf(session_.db(), unit_->id, session_.user());
            auto list = [](const std::vector<services::LineageEntry>& entries) {
                wxString names;
                for (const auto& e : entries) {
                    if (!names.empty()) names += ", ";
                    names += U8(e.name);
                    if (e.link.share < 1 - 1e-9)
                        names += " (" + U8(FormatPercentTrim(e.link.share * 100)) + ")";
                }
                return names;
            };
            if (!lineage.formedFrom.empty())
                text = wxString::Format(_("Formed on %s from: %s."),
                                        U8(FormatDate(lineage.formedFrom.front().link.formedOn)),
                                        list(lineage.formedFrom));
            if (!lineage.mergedInto.empty())
                text += (text.empty() ? "" : "\n") +
                        wxString::Format(_("Went on %s into: %s."),
                                         U8(FormatDate(lineage.mergedInto.front().link.formedOn)),
                                         list(lineage.mergedInto));
        } catch (const std::exception&) {
            // Not read by this account: nothing to show.
        }
    }
    label->SetLabelText(text);
    label->Wrap(FromDIP(760));
    label->Show(!text.empty());
}

void CataloguePanel::EditLineage() {
    if (!unit_ || !unitLineage_->IsEnabled()) return;
    try {
        LineageDialog dlg(this, session_, *unit_);
        if (dlg.ShowModal() != wxID_OK) return;
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    ShowLineage();
    FindWindow(XRCID("unit_page"))->Layout();
}

void CataloguePanel::OpenUnitHistory() {
    if (!unit_ || !unitHistory_->IsEnabled()) return;
    ShowRecordHistory(this, session_, RecordOf(session_, "units", unit_->id, unit_->id),
                      wxString::Format(_("the unit %s (%s)"), U8(unit_->name), U8(unit_->code)));
}

void CataloguePanel::LoadPeople() {
    people_->DeleteAllItems();
    rows_.clear();
    if (unit_) rows_ = session_.Organisation().People(unit_->id);
    for (const Person& p : rows_) {
        wxVector<wxVariant> row;
        row.push_back(U8(p.code));
        row.push_back(U8(p.fullName));
        row.push_back(U8(p.position));
        row.push_back(U8(p.phone));
        row.push_back(U8(p.email));
        row.push_back(p.oneStopDesk);
        row.push_back(p.active);
        people_->AppendItem(row, static_cast<wxUIntPtr>(p.id));
    }
    if (!unit_)
        peopleCount_->SetLabelText("");
    else if (rows_.empty())
        peopleCount_->SetLabelText(_("No officers recorded for this unit."));
    else
        peopleCount_->SetLabelText(
            wxString::Format(wxPLURAL("%s person", "%s people", rows_.size()),
                             U8(FormatInteger(static_cast<long long>(rows_.size())))));
    UpdatePersonButtons();
}

void CataloguePanel::LoadFrameworks() {
    frameworks_->DeleteAllItems();
    frameworkRows_ = services::ListFrameworks(session_.db());
    for (const auto& f : frameworkRows_) {
        wxVector<wxVariant> row;
        row.push_back(U8(f.code));
        row.push_back(U8(f.name));
        row.push_back(wxString::Format("%d", f.year));
        row.push_back(U8(FrameworkKindLabel(f.kind)));
        row.push_back(U8(FormatInteger(f.criteria)));
        row.push_back(U8(FormatNumberTrim(f.maxPoints, 2)));
        // TRANSLATORS: short status of a framework; "Built-in": shipped with
        // the program, in use, copied rather than edited.
        row.push_back(f.status == "retired" ? _("Retired")
                      : f.status == "draft" ? _("Draft")
                      : f.builtin           ? _("Built-in")
                                            : _("In use"));
        frameworks_->AppendItem(row, static_cast<wxUIntPtr>(f.id));
    }
    UpdateFrameworkButtons();
}

std::optional<services::FrameworkSummary> CataloguePanel::SelectedFramework() const {
    const wxDataViewItem item = frameworks_->GetSelection();
    if (!item.IsOk()) return std::nullopt;
    const auto id = static_cast<std::int64_t>(frameworks_->GetItemData(item));
    for (const auto& f : frameworkRows_)
        if (f.id == id) return f;
    return std::nullopt;
}

void CataloguePanel::SelectFramework(const std::string& code) {
    for (unsigned row = 0; row < frameworkRows_.size(); ++row)
        if (frameworkRows_[row].code == code) {
            frameworks_->SelectRow(row);
            frameworks_->EnsureVisible(frameworks_->RowToItem(static_cast<int>(row)));
        }
    UpdateFrameworkButtons();
}

void CataloguePanel::UpdateFrameworkButtons() {
    const auto f = SelectedFramework();
    AccessUi& access = session_.Access();
    for (wxButton* b : {editFramework_, copyFramework_, toggleFramework_})
        access.Offer(b, f.has_value(), Action::EditFrameworks);
    access.Offer(FindCtrl<wxButton>(this, "new_framework"), true, Action::EditFrameworks);
    toggleFramework_->SetLabel(f && f->status == "retired" ? _("Put back in &use") : _("&Retire"));
    toggleFramework_->GetParent()->Layout();
}

void CataloguePanel::EditFramework(const std::string& code) {
    try {
        FrameworkEditorDialog dlg(this, session_, code);
        dlg.ShowModal();
        if (dlg.changed()) {
            LoadFrameworks();
            SelectFramework(code);
        }
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
}

void CataloguePanel::EditSelectedFramework() {
    const auto f = SelectedFramework();
    if (!f || !editFramework_->IsEnabled()) return;
    if (f->builtin) {
        if (AskYesNo(
                this,
                wxString::Format(
                    _("%s is a built-in framework and cannot be changed. Copy it to a new year "
                      "and edit the copy?"),
                    U8(f->code)),
                _("Copy...")))
            CopyFramework();
        return;
    }
    EditFramework(f->code);
}

void CataloguePanel::NewFramework() {
    std::string created;
    {
        FrameworkNewDialog dlg(this, session_);
        if (dlg.ShowModal() != wxID_OK) return;
        created = dlg.createdCode();
    }
    LoadFrameworks();
    SelectFramework(created);
    EditFramework(created);
}

void CataloguePanel::CopyFramework() {
    const auto f = SelectedFramework();
    if (!f) return;
    std::string copied;
    try {
        const Framework source =
            services::FrameworkService(session_.db(), session_.user()).Load(f->code);
        FrameworkCopyDialog dlg(this, session_, source);
        if (dlg.ShowModal() != wxID_OK) return;
        copied = dlg.copiedCode();
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
        return;
    }
    LoadFrameworks();
    SelectFramework(copied);
    EditFramework(copied);
}

void CataloguePanel::ToggleFramework() {
    const auto f = SelectedFramework();
    if (!f) return;
    const bool retire = f->status != "retired";
    const wxString question =
        retire
            ? wxString::Format(_("Retire %s, %s? It keeps its criteria and results and is shown as "
                                 "retired; it can be reactivated later."),
                               U8(f->code), U8(f->name))
            : wxString::Format(_("Put %s, %s back in use?"), U8(f->code), U8(f->name));
    if (!AskYesNo(this, question, retire ? _("Retire") : _("Reactivate"))) return;
    try {
        services::FrameworkService service(session_.db(), session_.user());
        if (retire)
            service.Retire(f->code);
        else
            service.Reactivate(f->code);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    LoadFrameworks();
    SelectFramework(f->code);
}

std::optional<Person> CataloguePanel::SelectedPerson() const {
    const wxDataViewItem item = people_->GetSelection();
    if (!item.IsOk()) return std::nullopt;
    const auto id = static_cast<std::int64_t>(people_->GetItemData(item));
    for (const Person& p : rows_)
        if (p.id == id) return p;
    return std::nullopt;
}

void CataloguePanel::UpdatePersonButtons() {
    const auto person = SelectedPerson();
    AccessUi& access = session_.Access();
    const auto unitId = unit_ ? std::optional<std::int64_t>(unit_->id) : std::nullopt;
    for (wxButton* b : {editPerson_, togglePerson_})
        access.Offer(b, person.has_value(), Action::EditUnits, unitId);
    togglePerson_->SetLabel(person && !person->active ? _("Reactivate o&fficer")
                                                      : _("Deactivate o&fficer"));
}

void CataloguePanel::EditPerson() {
    const auto person = SelectedPerson();
    if (!person || !editPerson_->IsEnabled()) return;
    PersonDialog dlg(this, session_, *person, session_.Organisation().Units());
    if (dlg.ShowModal() == wxID_OK) NotifyDataChanged(this, unit_ ? unit_->id : 0);
}

void CataloguePanel::TogglePerson() {
    const auto person = SelectedPerson();
    if (!person) return;
    if (person->active &&
        !AskYesNo(this,
                  wxString::Format(
                      _("Deactivate %s? The officer stays in past results and ratings but is no "
                        "longer offered for new tasks."),
                      U8(person->fullName)),
                  _("Deactivate")))
        return;
    // Switched against the officer as the list read them (see
    // MainFrame::ToggleUnitActive).
    Person mine = *person;
    mine.active = !person->active;
    const EditedFields edited = EditedOf(PersonConflicts(mine, *person, {}));
    Person read = *person;
    try {
        for (;;) {
            try {
                session_.Organisation().SetPersonActive(read, mine.active);
                break;
            } catch (const EditConflict& conflict) {
                const std::optional<KeptFields> kept = AskConflict(this, conflict, edited);
                if (!kept || !kept->count("active")) break;  // cancelled, or stored already
                const auto now = session_.Organisation().PersonById(person->id);
                if (!now) break;
                read = *now;
                read.version = conflict.storedVersion();
            }
        }
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    NotifyDataChanged(this, unit_ ? unit_->id : 0);
}

}  // namespace cchc::gui
