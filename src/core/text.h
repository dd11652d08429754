// Small text helpers shared by the layers: trimming what users typed or
// files held, checking that text is UTF-8, quoting it short in messages,
// reading whole numbers with a range, JSON strings, and Vietnamese
// capitals for document headers.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

// Without spaces, tabs and line ends at either end.
std::string Trim(std::string_view s);

// Offset of the first byte of s that is not part of valid UTF-8, or npos.
// Strict: overlong forms, surrogates (U+D800..U+DFFF), code points past
// U+10FFFF, truncated sequences and NUL bytes are refused.
std::size_t FindInvalidUtf8(std::string_view s);
inline bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }

// Code points in UTF-8 text (each byte that starts no sequence counts as one).
std::size_t Utf8Length(std::string_view s);

// s for quoting in a message: at most maxChars code points, cut with "…"
// when longer, on one line (control characters such as line ends become
// spaces), and always UTF-8 (a byte that is not shows as U+FFFD). Never
// splits a UTF-8 sequence.
std::string Excerpt(std::string_view s, std::size_t maxChars = 60);
// s as a JSON string, quoted and escaped ("\"", "\\", control characters
// as \n or \u00XX); UTF-8 kept as it is.
std::string JsonQuoted(std::string_view s);
// The texts one after the other, separated: {"Xã A", "Xã B"} → "Xã A, Xã B".
std::string JoinTexts(const std::vector<std::string>& texts, std::string_view separator = ", ");

// A whole number written in decimal digits with an optional sign (no
// spaces, no thousands separators) within [min, max]; nothing otherwise,
// however many digits it has.
std::optional<long long> ParseInteger(std::string_view s, long long min, long long max);

// Capitals in the Vietnamese way, diacritics kept: "UBND huyện Tây Sơn" ->
// "UBND HUYỆN TÂY SƠN" (ICU's full case mapping, Vietnamese locale).
std::string UpperVi(const std::string& s);

}  // namespace cchc
