// Danh mục > Lịch sử thay đổi: the audit trail (who changed which value of
// which record, when, from what to what), newest first, in a virtual list,
// filtered by table, account, unit (and the units under it) and a first
// day. Read off the main thread through ReadAuditTrail, which keeps a
// commune chair within the commune; offered only to the roles that may
// read it (core/access.h: ReadAudit).
#pragma once
#include <wx/panel.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gui/shell/gui_session.h"
#include "services/app/audit_trail.h"

class wxChoice;
class wxComboBox;
class wxListCtrl;
class wxStaticText;

namespace cchc::gui {

class VnDateCtrl;
class AuditList;

class AuditPage : public wxPanel {
  public:
    AuditPage(wxWindow* parent, GuiSession& session);
    // Fills the filters' choices again and reads the trail.
    void Reload();

    wxListCtrl* list() const;
    long RowCount() const { return static_cast<long>(rows_.size()); }
    // Rows newest first.
    const services::AuditTrailRow* RowAt(long item) const;
    // Whether a read is under way.
    bool Reading() const { return reading_; }

  private:
    void FillChoices();
    void ApplyFilter();
    services::AuditTrailFilter CurrentFilter() const;

    GuiSession& session_;
    wxChoice* table_;
    wxComboBox* user_;
    wxChoice* unit_;
    VnDateCtrl* since_;
    wxStaticText* count_;
    AuditList* list_;
    std::vector<std::string> unitCodes_;         // of unit_'s items after the first
    std::vector<services::AuditTrailRow> rows_;  // oldest first, as read
    std::string lastUser_;                       // the account filter last read
    int generation_ = 0;
    bool reading_ = false;
};

}  // namespace cchc::gui
