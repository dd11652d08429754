// cchc-desk: the program's entry point; everything else is in cchc_gui.
#include "gui/shell/cchc_app.h"

wxIMPLEMENT_APP(cchc::gui::CchcApp);
