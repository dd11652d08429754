// How long the text of a record may be, in characters (code points). Every
// importer and form refuses text past its field's limit with a message
// naming the limit, so that a file cannot fill the database with megabytes
// of text (the table readers refuse any field past 4,000 characters first).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/i18n.h"

namespace cchc {

struct TextLimit {
    std::size_t chars;
    const char* message;  // msgid, {0} the limit
};

// Codes: of units, people, frameworks, criteria and indicator groups, and
// document symbols.
inline constexpr TextLimit kCodeText{50, N_("the code is longer than the limit of {0} characters")};
// Names of units and people.
inline constexpr TextLimit kNameText{255,
                                     N_("the name is longer than the limit of {0} characters")};
// Short text: place names, header lines, positions, phone numbers, e-mail
// addresses, leads and persons written out, procedures, citizens' names.
inline constexpr TextLimit kShortText{255,
                                      N_("the text is longer than the limit of {0} characters")};
// Titles of criteria and indicators.
inline constexpr TextLimit kTitleText{1000,
                                      N_("the title is longer than the limit of {0} characters")};
// Longer text: a plan item's target, lists of coordinating units.
inline constexpr TextLimit kLongText{1000,
                                     N_("the text is longer than the limit of {0} characters")};
// Free text: tasks, outcomes, notes.
inline constexpr TextLimit kFreeText{4000,
                                     N_("the text is longer than the limit of {0} characters")};

// The translated message when text is longer than the limit, else "".
std::string TooLong(std::string_view text, const TextLimit& limit);

}  // namespace cchc
