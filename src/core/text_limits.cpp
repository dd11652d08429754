#include "core/text_limits.h"

#include <fmt/format.h>

#include "core/text.h"
#include "core/vnformat.h"

namespace cchc {

std::string TooLong(std::string_view text, const TextLimit& limit) {
    if (text.size() <= limit.chars || Utf8Length(text) <= limit.chars) return {};
    return fmt::format(fmt::runtime(tr(limit.message)),
                       FormatInteger(static_cast<long long>(limit.chars)));
}

}  // namespace cchc
