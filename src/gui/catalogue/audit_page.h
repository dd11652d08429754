// Danh mục > Lịch sử thay đổi: the audit trail (who changed which value of
// which record, when, from what to what), newest first, in a virtual list,
// filtered by table, account, unit (and the units under it), a first and a
// last day, the filters done by the query. A long trail is never read whole:
// the page counts what the filter selects (CountAuditTrail), and the list
// reads the windows of rows it shows (ReadAuditTrailWindow, kWindow rows
// each, one at a time, off the main thread) and keeps a few of them. The
// service keeps a commune chair within the commune; the page is offered
// only to the roles that may read it (core/access.h: ReadAudit). "Xuất..."
// writes what the filter selects, all of it, to a CSV or XLSX file
// (services::ExportAuditTrail, off the main thread under a progress dialog
// with Cancel). The same page shows one record's history (a unit, a task, a
// result: AuditHistoryDialog), without the table and unit filters.
#pragma once
#include <wx/panel.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gui/shell/background_work.h"
#include "gui/shell/gui_session.h"
#include "services/app/audit_trail.h"

class wxButton;
class wxChoice;
class wxComboBox;
class wxListCtrl;
class wxStaticText;

namespace cchc::gui {

class VnDateCtrl;
class SearchPicker;
class AuditList;

// The record whose history a page shows: its audit table and row, and the
// unit it belongs to (the account's access is checked on it).
struct AuditRecord {
    std::string table;
    std::int64_t rowId = 0;
    std::string unitCode;
};

class AuditPage : public wxPanel {
  public:
    // Rows read at once, as the list shows them.
    static constexpr long kWindow = 100;

    // The whole trail, or the history of one record.
    AuditPage(wxWindow* parent, GuiSession& session,
              std::optional<AuditRecord> record = std::nullopt);
    // Fills the filters' choices again and counts the trail.
    void Reload();

    wxListCtrl* list() const;
    // How many changes the filter selects.
    long RowCount() const { return static_cast<long>(total_); }
    // Row `item`, newest first; nullptr while its window is not read.
    const services::AuditTrailRow* RowAt(long item) const;
    // Asks for the window of row `item` to be read, unless it is held or a
    // read is under way (the list asks again for what it shows once that
    // read is in).
    void Want(long item);
    // Whether the count or a window is being read.
    bool Reading() const { return counting_ || reading_ >= 0; }
    // The rows read and kept now.
    long RowsHeld() const;

    // "Xuất...": asks for a file in the documents folder and exports to it.
    void Export();
    // Writes what the list shows (the filter as counted, all of it) to path
    // off the main thread under a progress dialog; how it ended. The rows
    // written are then ExportedRows().
    WorkOutcome ExportTo(const std::string& path);
    long ExportedRows() const { return exported_; }
    wxButton* exportButton() const { return export_; }

  private:
    void FillChoices();
    void ApplyFilter();
    services::AuditTrailFilter CurrentFilter() const;
    void ReadWindow(long window);

    GuiSession& session_;
    std::optional<AuditRecord> record_;
    wxChoice* table_;
    wxComboBox* user_;
    SearchPicker* unit_;
    VnDateCtrl* since_;
    VnDateCtrl* until_;
    wxButton* export_;
    wxStaticText* count_;
    AuditList* list_;
    std::vector<std::string> unitCodes_;  // of unit_'s items after the first
    // What the list shows: the filter as counted (up to the newest entry
    // then), how many it selects, and the windows read (by number).
    services::AuditTrailFilter counted_;
    long long total_ = 0;
    std::map<long, std::vector<services::AuditTrailRow>> windows_;
    std::string lastUser_;  // the account filter last read
    int generation_ = 0;
    bool counting_ = false;
    long reading_ = -1;  // the window being read
    long exported_ = 0;
};

}  // namespace cchc::gui
