// Start-up steps shared by the program and the GUI test: choosing and
// applying the interface language (wx catalogs and the lower layers' own),
// loading the compiled XRC forms, and opening a database the way the user
// asked for it.
#pragma once
#include <wx/string.h>

#include <memory>

#include "services/app/database_access.h"

namespace cchc::gui {

// --lang if given ("vi" or "en"), else the one saved in Settings, else "vi".
wxString ChooseLanguage(const wxString& fromCommandLine);
// Loads our catalog "cchc" and wx's "wxstd" for lang into wxTranslations
// and selects the same language for the non-wx layers (cchc::SetLanguage).
void ApplyLanguage(const wxString& lang);
// The XRC handlers and the forms compiled from forms/*.xrc. Idempotent.
void InitResources();

// Opens url (migrating it and, with fillDemo, filling the demo office into
// an empty database) on a worker thread, with a progress dialog when it
// takes more than a moment. Throws what OpenPrepared
// throws. On success the URL is remembered as the one to open next time.
std::unique_ptr<services::Database> OpenAndRemember(const wxString& url, bool fillDemo);
std::unique_ptr<services::Database> OpenAndRemember(const services::DatabaseUrl& url,
                                                    bool fillDemo);

}  // namespace cchc::gui
