// The "Catalogue" area (see catalogue_panel.h).
#include "gui/catalogue_panel.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/stattext.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "core/framework.h"
#include "core/vnformat.h"
#include "gui/gui_events.h"
#include "gui/gui_util.h"
#include "gui/person_dialog.h"
#include "services/overview.h"

namespace cchc::gui {
namespace {

template <class T>
T* Find(wxWindow* parent, const char* name) {
    T* ctrl = dynamic_cast<T*>(parent->FindWindow(XRCID(name)));
    wxASSERT_MSG(ctrl, wxString::Format("no control %s in CataloguePanel", name));
    return ctrl;
}

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
    title_ = Find<wxStaticText>(this, "unit_title");
    subtitle_ = Find<wxStaticText>(this, "unit_subtitle");
    editUnit_ = Find<wxButton>(this, "edit_unit");
    addChild_ = Find<wxButton>(this, "add_child");
    toggleUnit_ = Find<wxButton>(this, "toggle_active");
    peopleCount_ = Find<wxStaticText>(this, "people_count");
    people_ = Find<wxDataViewListCtrl>(this, "people");
    addPerson_ = Find<wxButton>(this, "add_person");
    editPerson_ = Find<wxButton>(this, "edit_person");
    togglePerson_ = Find<wxButton>(this, "toggle_person");
    frameworks_ = Find<wxDataViewListCtrl>(this, "frameworks");

    title_->SetFont(ScaledFont(title_, 1.5, true));
    auto* peopleTitle = Find<wxStaticText>(this, "people_title");
    peopleTitle->SetFont(ScaledFont(peopleTitle, 1.1, true));
    Find<wxStaticText>(this, "frameworks_intro")->Wrap(FromDIP(760));

    people_->AppendTextColumn(_("Code"), wxDATAVIEW_CELL_INERT, FromDIP(85), wxALIGN_LEFT, kSortable);
    people_->AppendTextColumn(_("Full name"), wxDATAVIEW_CELL_INERT, FromDIP(170), wxALIGN_LEFT, kSortable);
    people_->AppendTextColumn(_("Position"), wxDATAVIEW_CELL_INERT, FromDIP(240), wxALIGN_LEFT, kSortable);
    people_->AppendTextColumn(_("Phone"), wxDATAVIEW_CELL_INERT, FromDIP(100), wxALIGN_LEFT, kSortable);
    people_->AppendTextColumn(_("E-mail"), wxDATAVIEW_CELL_INERT, FromDIP(160), wxALIGN_LEFT, kSortable);
    // TRANSLATORS: short column heading: works at the one-stop desk.
    people_->AppendToggleColumn(_("One-stop"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE, wxALIGN_CENTER,
                                wxDATAVIEW_COL_RESIZABLE);
    // TRANSLATORS: short column heading: still works in the unit.
    people_->AppendToggleColumn(_("In service"), wxDATAVIEW_CELL_INERT, wxCOL_WIDTH_AUTOSIZE, wxALIGN_CENTER,
                                wxDATAVIEW_COL_RESIZABLE);

    const int code = FromDIP(120), year = FromDIP(60), kind = FromDIP(130), number = FromDIP(115);
    frameworks_->AppendTextColumn(_("Code"), wxDATAVIEW_CELL_INERT, code, wxALIGN_LEFT, kSortable);
    frameworks_->AppendTextColumn(_("Name"), wxDATAVIEW_CELL_INERT, FromDIP(380), wxALIGN_LEFT, kSortable);
    frameworks_->AppendTextColumn(_("Year"), wxDATAVIEW_CELL_INERT, year, wxALIGN_RIGHT, kSortable);
    frameworks_->AppendTextColumn(_("Kind"), wxDATAVIEW_CELL_INERT, kind, wxALIGN_LEFT, kSortable);
    frameworks_->AppendTextColumn(_("Criteria"), wxDATAVIEW_CELL_INERT, number, wxALIGN_RIGHT, kSortable);
    frameworks_->AppendTextColumn(_("Max. points"), wxDATAVIEW_CELL_INERT, number, wxALIGN_RIGHT, kSortable);
    StretchColumn(frameworks_, 1, code + year + kind + 2 * number, FromDIP(240));


    editUnit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendCommand(this, ID_EDIT_UNIT); });
    addChild_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendCommand(this, ID_ADD_CHILD_UNIT); });
    toggleUnit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendCommand(this, ID_TOGGLE_UNIT_ACTIVE); });
    addPerson_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendCommand(this, ID_ADD_PERSON); });
    editPerson_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditPerson(); });
    togglePerson_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TogglePerson(); });
    people_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { EditPerson(); });
    people_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { UpdatePersonButtons(); });
}

void CataloguePanel::SetUnit(const std::optional<Unit>& unit) {
    AreaPanel::SetUnit(unit);
    if (IsShownOnScreen()) ShowUnit();
    else Invalidate();
}

void CataloguePanel::Reload() {
    ShowUnit();
    LoadFrameworks();
}

void CataloguePanel::ShowUnit() {
    Freeze();
    const bool has = unit_.has_value();
    auto set = [this](const char* name, const std::string& value) {
        Find<wxStaticText>(this, name)->SetLabelText(value.empty() ? wxString::FromUTF8("\xe2\x80\x94") : U8(value));
    };
    if (!has) {
        title_->SetLabelText(_("No unit selected"));
        subtitle_->SetLabelText(_("Choose a unit in the tree on the left, or add the first one with Organisation > Add unit."));
        for (const char* name : {"code_value", "kind_value", "parent_value", "status_value", "place_value",
                                 "header_parent_value", "header_name_value", "doc_symbol_value"})
            set(name, "");
    } else {
        const Unit& u = *unit_;
        std::string parentName;
        if (u.parentId)
            if (auto parent = session_.Organisation().UnitById(*u.parentId)) parentName = parent->name;
        title_->SetLabelText(U8(u.name));
        wxString sub = U8(UnitKindLabel(u.kind));
        // TRANSLATORS: under a unit's name: its kind and the unit it belongs to.
        if (!parentName.empty()) sub = wxString::Format(_("%s, part of %s"), sub, U8(parentName));
        if (!u.active) sub += " " + _("(inactive)");
        subtitle_->SetLabelText(sub);
        set("code_value", u.code);
        set("kind_value", UnitKindLabel(u.kind));
        set("parent_value", parentName);
        Find<wxStaticText>(this, "status_value")->SetLabelText(u.active ? _("Active") : _("Inactive"));
        Find<wxStaticText>(this, "status_value")
            ->SetForegroundColour(u.active ? colours::Good() : colours::Danger());
        set("place_value", u.placeName);
        set("header_parent_value", u.headerParent);
        set("header_name_value", DefaultHeaderName(u));
        set("doc_symbol_value", u.docSymbol);
        toggleUnit_->SetLabel(u.active ? _("&Deactivate") : _("Re&activate"));
    }
    editUnit_->Enable(has);
    addChild_->Enable(has);
    toggleUnit_->Enable(has);
    addPerson_->Enable(has);
    LoadPeople();
    FindWindow(XRCID("unit_page"))->Layout();
    Thaw();
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
    if (!unit_) peopleCount_->SetLabelText("");
    else if (rows_.empty()) peopleCount_->SetLabelText(_("No officers recorded for this unit."));
    else
        peopleCount_->SetLabelText(wxString::Format(wxPLURAL("%s person", "%s people", rows_.size()),
                                                U8(FormatInteger(static_cast<long long>(rows_.size())))));
    UpdatePersonButtons();
}

void CataloguePanel::LoadFrameworks() {
    frameworks_->DeleteAllItems();
    for (const auto& f : services::ListFrameworks(session_.db())) {
        wxVector<wxVariant> row;
        row.push_back(U8(f.code));
        row.push_back(U8(f.name));
        row.push_back(wxString::Format("%d", f.year));
        row.push_back(U8(FrameworkKindLabel(f.kind)));
        row.push_back(U8(FormatInteger(f.criteria)));
        row.push_back(U8(FormatNumberTrim(f.maxPoints, 2)));
        frameworks_->AppendItem(row, static_cast<wxUIntPtr>(f.id));
    }
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
    editPerson_->Enable(person.has_value());
    togglePerson_->Enable(person.has_value());
    togglePerson_->SetLabel(person && !person->active ? _("Reactivate o&fficer") : _("Deactivate o&fficer"));
}

void CataloguePanel::EditPerson() {
    const auto person = SelectedPerson();
    if (!person) return;
    PersonDialog dlg(this, session_, *person, session_.Organisation().Units());
    if (dlg.ShowModal() == wxID_OK) NotifyDataChanged(this, unit_ ? unit_->id : 0);
}

void CataloguePanel::TogglePerson() {
    const auto person = SelectedPerson();
    if (!person) return;
    if (person->active &&
        !AskYesNo(this,
                  wxString::Format(_("Deactivate %s? The officer stays in past results and ratings but is no "
                                     "longer offered for new tasks."),
                                   U8(person->fullName)),
                  _("Deactivate")))
        return;
    try {
        session_.Organisation().SetPersonActive(person->id, !person->active);
    } catch (const std::exception& e) {
        ShowError(this, ErrorSentence(e));
    }
    NotifyDataChanged(this, unit_ ? unit_->id : 0);
}

}  // namespace cchc::gui
