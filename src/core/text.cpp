#include "core/text.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace cchc {

std::string Trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

std::string UpperVi(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    u.toUpper(icu::Locale("vi"));
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace cchc
