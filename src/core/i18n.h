// Translation of user-visible text without wxWidgets: a small reader of
// gettext .mo catalogs (domain "cchc"). Source strings are English; the
// default language is Vietnamese. The desktop client loads the same catalog
// into wxTranslations for its own strings.
#pragma once
#include <string>
#include <vector>

namespace cchc {

// Directories searched for <dir>/<lang>/LC_MESSAGES/cchc.mo: $CCHC_LOCALE_DIR,
// the build tree's locale directory, <exe>/../share/locale, /usr/share/locale.
std::vector<std::string> LocaleSearchDirs();

// Selects "vi" or "en" (or any language with a catalog). Returns false when
// no catalog was found; text then stays in English.
bool SetLanguage(const std::string& lang);
const std::string& CurrentLanguage();

// The translation of msgid in the current language, or msgid itself.
const char* tr(const char* msgid);

}  // namespace cchc

// Marks a string for extraction without translating it where it stands.
#ifndef N_
#define N_(s) s
#endif
