// The "Catalogue" area (form CataloguePanel in forms/catalogue_panel.xrc):
// the unit selected in the tree with its details and actions (edit, add a
// sub-unit, deactivate, its history), its officers (add, edit on double-click or Enter,
// deactivate), and on a second page the index frameworks (edit, copy to a
// new year, retire or reactivate).
#pragma once
#include <optional>
#include <vector>

#include "gui/shell/area_panel.h"
#include "services/frameworks/frameworks.h"

class wxButton;
class wxDataViewListCtrl;
class wxNotebook;
class wxDataViewEvent;
class wxStaticText;

namespace cchc::gui {

class AccountsPage;
class AuditPage;
class ProcedureFieldsPage;

class CataloguePanel : public AreaPanel {
  public:
    CataloguePanel(wxWindow* parent, GuiSession& session);
    void SetUnit(const std::optional<Unit>& unit) override;

    // The administrator's accounts page and the history page, when the
    // account may see them (nullptr otherwise).
    AccountsPage* accountsPage() const { return accounts_; }
    AuditPage* auditPage() const { return audit_; }
    ProcedureFieldsPage* fieldsPage() const { return fields_; }
    // "Lịch sử...": the selected unit's history (when the account may read it).
    void ShowLineage();
    void EditLineage();
    void OpenUnitHistory();

  protected:
    void Reload() override;

  private:
    // Adds or removes the accounts and history pages for the account.
    void SyncPages();
    void ShowUnit();
    void LoadPeople();
    void LoadFrameworks();
    void UpdatePersonButtons();
    std::optional<Person> SelectedPerson() const;
    void EditPerson();
    void TogglePerson();
    std::optional<services::FrameworkSummary> SelectedFramework() const;
    void UpdateFrameworkButtons();
    void EditFramework(const std::string& code);
    void EditSelectedFramework();
    void NewFramework();
    void CopyFramework();
    void ToggleFramework();
    void SelectFramework(const std::string& code);

    wxStaticText* title_;
    wxStaticText* subtitle_;
    wxButton* editUnit_;
    wxButton* addChild_;
    wxButton* toggleUnit_;
    wxButton* unitHistory_;
    wxButton* unitLineage_ = nullptr;  // "Đơn vị trước sắp xếp..."
    wxStaticText* peopleCount_;
    wxDataViewListCtrl* people_;
    wxButton* addPerson_;
    wxButton* editPerson_;
    wxButton* togglePerson_;
    wxDataViewListCtrl* frameworks_;
    wxButton* editFramework_;
    wxButton* copyFramework_;
    wxButton* toggleFramework_;
    std::vector<Person> rows_;  // the people list's rows
    std::vector<services::FrameworkSummary> frameworkRows_;
    wxNotebook* pages_;
    AccountsPage* accounts_ = nullptr;
    AuditPage* audit_ = nullptr;
    ProcedureFieldsPage* fields_ = nullptr;
    bool auditStale_ = true;
};

}  // namespace cchc::gui
