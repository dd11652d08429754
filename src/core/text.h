// Small text helpers shared by the layers: trimming what users typed or
// files held, and Vietnamese capitals for document headers.
#pragma once
#include <string>
#include <string_view>

namespace cchc {

// Without spaces, tabs and line ends at either end.
std::string Trim(std::string_view s);

// Capitals in the Vietnamese way, diacritics kept: "UBND huyện Tây Sơn" ->
// "UBND HUYỆN TÂY SƠN" (ICU's full case mapping, Vietnamese locale).
std::string UpperVi(const std::string& s);

}  // namespace cchc
