// "Lịch sử..." beside a record (a unit in the catalogue, a task on the task
// board or in the plan editor, a criterion's result in the scoring grid):
// the record's audit trail, newest first, in an AuditPage without the table
// and unit filters (a task's progress updates and a result's evidence links
// with it), filtered by account and days, and exported. Offered to the
// accounts that may read the audit trail of the record's unit
// (core/access.h: ReadAudit; a commune's chair, its own units'); the
// service keeps to that anyway.
#pragma once
#include <wx/dialog.h>

#include <cstdint>
#include <string>

#include "gui/catalogue/audit_page.h"

namespace cchc::gui {

class AuditHistoryDialog : public wxDialog {
  public:
    // `what` names the record in the title: "nhiệm vụ 12 (2.3): Niêm yết...".
    AuditHistoryDialog(wxWindow* parent, GuiSession& session, AuditRecord record,
                       const wxString& what);
    AuditPage* page() const { return page_; }

  private:
    AuditPage* page_;
};

// The record of table's row rowId, of the unit unitId (its code looked up).
AuditRecord RecordOf(GuiSession& session, const std::string& table, std::int64_t rowId,
                     std::int64_t unitId);
// A task as a history's title names it: "nhiệm vụ 12 (2.3): Niêm yết ...".
wxString TaskName(std::int64_t taskId, const std::string& criterion, const std::string& solution);
// Shows the record's history, modal.
void ShowRecordHistory(wxWindow* parent, GuiSession& session, const AuditRecord& record,
                       const wxString& what);

}  // namespace cchc::gui
