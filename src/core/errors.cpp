#include "core/errors.h"

#include <fmt/format.h>

#include "core/i18n.h"

namespace cchc {

std::string FormatLocation(const Location& where) {
    std::string out = where.file;
    if (where.line > 0) {
        if (!out.empty()) out += ", ";
        out += fmt::format(fmt::runtime(tr("line {0}")), where.line);
    }
    if (!where.field.empty()) {
        if (!out.empty()) out += ", ";
        out += fmt::format(fmt::runtime(tr("field {0}")), where.field);
    }
    return out;
}

UserError::UserError(Location where, const std::string& message)
    : std::runtime_error(FormatLocation(where).empty() ? message
                                                       : FormatLocation(where) + ": " + message),
      where_(std::move(where)),
      message_(message) {}

}  // namespace cchc
