// One record's history (see audit_history_dialog.h).
#include "gui/catalogue/audit_history_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/shell/gui_util.h"
#include "services/org/organisation.h"

namespace cchc::gui {

AuditHistoryDialog::AuditHistoryDialog(wxWindow* parent, GuiSession& session, AuditRecord record,
                                       const wxString& what)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("History of %s"), what), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("auditHistory");
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, GetTitle(), wxDefaultPosition, wxDefaultSize,
                                     wxST_ELLIPSIZE_END);
    heading->SetName("auditHistoryTitle");
    heading->SetFont(ScaledFont(heading, 1.15, true));
    sizer->Add(heading, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
    page_ = new AuditPage(this, session, std::move(record));
    sizer->Add(page_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* buttons = new wxStdDialogButtonSizer;
    auto* close = new wxButton(this, wxID_CANCEL, _("&Close"));
    buttons->AddButton(close);
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);
    SetSize(FromDIP(wxSize(1080, 560)));
    SetMinSize(FromDIP(wxSize(640, 360)));
    CentreOnParent();
    page_->Reload();
}

AuditRecord RecordOf(GuiSession& session, const std::string& table, std::int64_t rowId,
                     std::int64_t unitId) {
    AuditRecord record;
    record.table = table;
    record.rowId = rowId;
    if (auto unit = session.Organisation().UnitById(unitId)) record.unitCode = unit->code;
    return record;
}

wxString TaskName(std::int64_t taskId, const std::string& criterion, const std::string& solution) {
    wxString text = U8(solution);
    text.Replace("\n", " ");
    if (text.length() > 80) text = text.Left(80) + wxString::FromUTF8("\xe2\x80\xa6");
    return wxString::Format(_("task %lld (%s): %s"), static_cast<long long>(taskId), U8(criterion),
                            text);
}

void ShowRecordHistory(wxWindow* parent, GuiSession& session, const AuditRecord& record,
                       const wxString& what) {
    try {
        AuditHistoryDialog dlg(parent, session, record, what);
        dlg.ShowModal();
    } catch (const std::exception& e) {
        ShowError(parent, ErrorSentence(e));
    }
}

}  // namespace cchc::gui
