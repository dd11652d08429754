// Small helpers every window of the client uses: UTF-8 crossings between
// wxString and the std::string of the lower layers, the wxConfig keys, and
// uniform message boxes. Include it instead of repeating conversions.
#pragma once
#include <wx/colour.h>
#include <wx/font.h>
#include <wx/string.h>
#include <wx/window.h>
#include <wx/xrc/xmlres.h>

#include <stdexcept>
#include <string>

class wxFilePickerCtrl;
class wxNotebook;
class wxWindow;

class wxSpinCtrl;

namespace cchc::gui {

// The lower layers speak UTF-8 std::string; wx speaks wxString.
inline wxString U8(const std::string& s) { return wxString::FromUTF8(s.data(), s.size()); }
inline std::string ToU8(const wxString& s) { return s.utf8_string(); }
// Trimmed on both ends: what the user typed, without stray spaces.
std::string TrimmedU8(const wxString& s);

// wxConfig keys.
namespace config {
inline constexpr const char* kLastUrl = "Database/LastUrl";
inline constexpr const char* kLanguage = "Interface/Language";  // "vi" or "en"
inline constexpr const char* kLastArea = "Interface/LastArea";  // area index
inline constexpr const char* kSash = "Interface/TreeSash";      // splitter position
inline constexpr const char* kShowInactive = "Interface/ShowInactive";
}  // namespace config

// Error, warning and question boxes with our title and Vietnamese buttons.
// The first notebook with more than one tab below the window (an area's
// tabs), or nothing.
wxNotebook* FirstTabs(wxWindow* window);

void ShowError(wxWindow* parent, const wxString& message);
void ShowInfo(wxWindow* parent, const wxString& message);
bool AskYesNo(wxWindow* parent, const wxString& question, const wxString& yesLabel);

// A heading or name on two lines, broken at the space nearest its middle
// (unchanged when it has no space): for narrow grid columns.
wxString TwoLines(const wxString& text);

// The wildcard of file dialogs that open a database.
wxString DatabaseFileFilter();

// The folder file dialogs open in: the user's documents folder (the home
// folder when there is none), never the working directory, which may be the
// database's own folder.
wxString UserFilesFolder();

// Asks where to save a table: an XLSX or CSV file named `name` (without
// extension) in UserFilesFolder(); the extension of the chosen type is
// added when the name has neither. Empty when the user cancelled.
wxString AskTableFile(wxWindow* parent, const wxString& title, const wxString& name);

// A file picker as the client's dialogs want it: its button in the user's
// language (wxWidgets' own "Browse" is not translated) and its dialog
// opening in UserFilesFolder().
void PrepareFilePicker(wxFilePickerCtrl* picker);

// Colours of the client's visual language (cards, accents, warnings).
namespace colours {
wxColour Background();  // area background behind cards
wxColour Card();        // card face
wxColour CardBorder();
wxColour Text();
wxColour MutedText();
wxColour Accent();   // blue of titles and links
wxColour Good();     // green
wxColour Warning();  // amber
wxColour Danger();   // red of overdue figures and errors
}  // namespace colours

// The window's font scaled and optionally bold.
wxFont ScaledFont(const wxWindow* w, double factor, bool bold = false);

// A spin control or choice inside a scrolled page: the mouse wheel scrolls
// the page unless the control has the focus, so that scrolling a form does
// not change the values it passes over.
void WheelScrollsPage(wxWindow* control, wxWindow* page);

// The control called name (its XRC name) in a form loaded from forms/;
// wxFAIL when it is missing or of another type.
template <class T>
T* FindCtrl(const wxWindow* form, const char* name) {
    T* ctrl = dynamic_cast<T*>(form->FindWindow(XRCID(name)));
    wxASSERT_MSG(ctrl, wxString::Format("no control %s in %s", name, form->GetName()));
    return ctrl;
}

}  // namespace cchc::gui

namespace cchc {
class UserError;
}

namespace cchc::gui {
// A service's error for a sentence on its own: the message without the
// location prefix, starting with a capital letter.
wxString ErrorSentence(const std::exception& error);

// The OK and Cancel buttons of a dialog wxWidgets built (a text entry, a
// choice): labelled in the client's language, not GTK's stock words in the
// system's.
void NameStockButtons(wxWindow* dialog);

// The whole number typed in a spin control, even outside its range (which
// GTK would clamp without a word), for the service to refuse with its own
// message; UserError on field when the text is not a whole number.
int SpinTyped(const wxSpinCtrl* spin, const char* field);
}  // namespace cchc::gui
