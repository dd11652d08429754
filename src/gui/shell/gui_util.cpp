// Helpers shared by the client's windows: trimming, message boxes, colours.
#include "gui/shell/gui_util.h"

#include <algorithm>
#include <climits>

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/filefn.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/spinctrl.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>
#include <wx/window.h>

#include "core/errors.h"
#include "services/app/failure_message.h"

namespace cchc::gui {

std::string TrimmedU8(const wxString& s) {
    wxString t = s;
    t.Trim(true).Trim(false);
    return ToU8(t);
}

void ShowError(wxWindow* parent, const wxString& message) {
    wxMessageDialog dlg(parent, message, _("CCHC Desk"), wxOK | wxICON_ERROR);
    dlg.SetOKLabel(_("Close"));
    dlg.ShowModal();
}

void ShowInfo(wxWindow* parent, const wxString& message) {
    wxMessageDialog dlg(parent, message, _("CCHC Desk"), wxOK | wxICON_INFORMATION);
    dlg.SetOKLabel(_("Close"));
    dlg.ShowModal();
}

bool AskYesNo(wxWindow* parent, const wxString& question, const wxString& yesLabel) {
    wxMessageDialog dlg(parent, question, _("CCHC Desk"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    dlg.SetYesNoLabels(yesLabel, _("Cancel"));
    return dlg.ShowModal() == wxID_YES;
}

wxString TwoLines(const wxString& text) {
    const size_t middle = text.length() / 2;
    size_t best = wxString::npos;
    auto distance = [middle](size_t i) { return i > middle ? i - middle : middle - i; };
    for (size_t i = 0; i < text.length(); ++i)
        if (text[i] == ' ' && (best == wxString::npos || distance(i) < distance(best))) best = i;
    if (best == wxString::npos) return text;
    return text.Left(best) + "\n" + text.Mid(best + 1);
}

wxString DatabaseFileFilter() {
    return _("CCHC Desk databases") + " (*.db;*.sqlite)|*.db;*.sqlite|" + _("All files") + "|*";
}

wxString UserFilesFolder() {
    const wxString documents = wxStandardPaths::Get().GetDocumentsDir();
    if (!documents.empty() && wxDirExists(documents)) return documents;
    return wxGetHomeDir();
}

wxString AskTableFile(wxWindow* parent, const wxString& title, const wxString& name) {
    wxFileDialog dlg(parent, title, UserFilesFolder(), name + ".xlsx",
                     _("Excel workbook (*.xlsx)|*.xlsx|CSV file (*.csv)|*.csv"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return {};
    wxFileName file(dlg.GetPath());
    const wxString ext = file.GetExt().Lower();
    if (ext != "xlsx" && ext != "csv")
        file.SetFullName(file.GetFullName() + (dlg.GetFilterIndex() == 1 ? ".csv" : ".xlsx"));
    return file.GetFullPath();
}

void NameStockButtons(wxWindow* dialog) {
    if (auto* ok = dialog->FindWindow(wxID_OK)) ok->SetLabel(_("&OK"));
    if (auto* cancel = dialog->FindWindow(wxID_CANCEL)) cancel->SetLabel(_("Cancel"));
}

int SpinTyped(const wxSpinCtrl* spin, const char* field) {
    const wxString text = spin->GetTextValue().Strip(wxString::both);
    long value = 0;
    if (text.empty()) return spin->GetValue();
    if (!text.ToLong(&value) || value < INT_MIN || value > INT_MAX)
        throw UserError(Location{"", 0, field},
                        ToU8(wxString::Format(_("\"%s\" is not a whole number"), text)));
    return static_cast<int>(value);
}

void PrepareFilePicker(wxFilePickerCtrl* picker) {
    if (!picker) return;
    if (auto* button = dynamic_cast<wxButton*>(picker->GetPickerCtrl()))
        button->SetLabel(_("Choose..."));
    picker->SetInitialDirectory(UserFilesFolder());
}

namespace colours {
wxColour Background() { return wxColour(0xF2, 0xF4, 0xF7); }
wxColour Card() { return *wxWHITE; }
wxColour CardBorder() { return wxColour(0xDA, 0xDF, 0xE6); }
wxColour Text() { return wxColour(0x1F, 0x29, 0x37); }
wxColour MutedText() { return wxColour(0x5B, 0x67, 0x78); }
wxColour Accent() { return wxColour(0x1D, 0x5F, 0xB8); }
wxColour Good() { return wxColour(0x1E, 0x8E, 0x3E); }
wxColour Warning() { return wxColour(0xC7, 0x7C, 0x02); }
wxColour Danger() { return wxColour(0xC6, 0x28, 0x28); }
}  // namespace colours

wxFont ScaledFont(const wxWindow* w, double factor, bool bold) {
    wxFont f = w->GetFont();
    f.SetFractionalPointSize(f.GetFractionalPointSize() * factor);
    if (bold) f.SetWeight(wxFONTWEIGHT_BOLD);
    return f;
}

wxString ErrorSentence(const std::exception& error) {
    wxString text;
    // SQL, parameters or a driver's words: for the log, not the user.
    if (const std::string log = services::LogText(error); !log.empty()) wxLogDebug("%s", U8(log));
    if (auto* user = dynamic_cast<const UserError*>(&error); user && !user->message().empty())
        text = U8(user->message());
    else
        text = U8(services::FailureMessage(error));
    if (!text.empty()) text[0] = wxToupper(text[0]);
    return text;
}

}  // namespace cchc::gui

namespace cchc::gui {
void WheelScrollsPage(wxWindow* control, wxWindow* page) {
    control->Bind(wxEVT_MOUSEWHEEL, [control, page](wxMouseEvent& e) {
        if (control->HasFocus() || e.GetWheelAxis() != wxMOUSE_WHEEL_VERTICAL) {
            e.Skip();
            return;
        }
        if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(page)) {
            int x = 0, y = 0;
            scrolled->GetViewStart(&x, &y);
            const int lines = e.GetLinesPerAction() > 0 ? e.GetLinesPerAction() : 3;
            scrolled->Scroll(x, std::max(0, y - (e.GetWheelRotation() > 0 ? lines : -lines)));
        }
    });
}
wxNotebook* FirstTabs(wxWindow* window) {
    for (wxWindow* child : window->GetChildren()) {
        if (auto* book = dynamic_cast<wxNotebook*>(child); book && book->GetPageCount() > 1)
            return book;
        if (auto* found = FirstTabs(child)) return found;
    }
    return nullptr;
}

}  // namespace cchc::gui
