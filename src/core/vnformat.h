// Numbers and dates the way Vietnamese documents print them: "." between
// thousands, "," before decimals ("1.234,5", "99,12%"), "05/01/2024" and
// "ngày 05 tháng 01 năm 2024" (Decree 30/2020/NĐ-CP), document numbers
// "Số: 05/KH-UBND" and Roman numerals; plus locale-independent machine
// formatting for CSV and JSON.
//
// Rounding: a double is first written as its shortest decimal form (the one
// that reads back as the same double, i.e. what was typed or computed), and
// that decimal is rounded half away from zero: 99.125 -> "99,13",
// 1.005 -> "1,01", -2.5 -> "-3". A result that rounds to zero never carries
// a minus sign. NaN prints as "NaN", infinities as "∞" and "-∞".
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace cchc {

// "1.234.567", "-1.234", "0".
std::string FormatInteger(long long value);
// Exactly `decimals` digits after the comma: (1234.5, 2) -> "1.234,50";
// decimals <= 0 gives no comma.
std::string FormatDecimal(double value, int decimals);
// At most maxDecimals digits, trailing zeros (and a bare comma) dropped:
// (17.5, 2) -> "17,5", (18, 2) -> "18", (83.333, 2) -> "83,33".
std::string FormatNumberTrim(double value, int maxDecimals);
// percent is already on the 0..100 scale: (99.12) -> "99,12%", no space.
std::string FormatPercent(double percent, int decimals = 2);
// (100) -> "100%", (83.3) -> "83,3%".
std::string FormatPercentTrim(double percent, int maxDecimals = 2);

// "05/01/2024".
std::string FormatDate(const Date& date);
// "ngày 05 tháng 01 năm 2024", "ngày 15 tháng 3 năm 2024": the day below 10
// and the months 1 and 2 take a leading zero, months 3..12 do not.
std::string FormatDateWords(const Date& date);
// "Tây Xuân, ngày 05 tháng 01 năm 2024"; only the words when place is empty.
std::string FormatPlaceDate(const std::string& place, const Date& date);
// "Số: 05/KH-UBND": numbers below 10 with a leading zero; the symbols are
// joined with "-" leaving out an empty one. A number <= 0 leaves the blank
// to be filled by hand: "Số:     /KH-UBND".
std::string FormatDocNumber(int number, const std::string& kindSymbol,
                            const std::string& issuerSymbol);

// Reads a number typed by a user or found in a spreadsheet: "99,12",
// "1.234,5", "1.234.567", "-3", "83%" (gives 83: a trailing % is just
// dropped), "1234.5". A comma is the decimal mark; dots are thousands
// separators when they group digits by three after a first group of 1..3
// digits not starting with 0 ("1.234" = 1234), otherwise a single dot is the
// decimal mark ("1234.5", "1.5", "0.125"). Spaces around are ignored;
// anything else (letters, "1,234.5", "1.23.4", "", ",5") gives nullopt.
std::optional<double> ParseVnNumber(std::string_view text);
// A count of things written in a cell: a whole number from 0 to a billion
// ("12", "1.234", "12.0" as Excel writes it); an empty cell is 0. Trimmed
// text expected; nullopt for anything else.
std::optional<long> ParseCount(const std::string& text);

// "I", "IV", "XII", "MMXXVI" for 1..3999; other values in decimal digits.
std::string ToRoman(int value);

// For CSV and JSON: '.' as the decimal mark, no thousands separator, at
// most maxDecimals digits with trailing zeros dropped: 83.3333 -> "83.3333",
// (83.33333, 2) -> "83.33", 18.0 -> "18", -0.00001 -> "0". Same rounding as
// above. NaN and infinities give "" (an empty cell / use null in JSON).
std::string FormatMachine(double value, int maxDecimals = 4);

// A stored time "2024-01-05T14:03:22" (or with a space) as "05/01/2024
// 14:03"; a date alone as "05/01/2024"; anything else as it is.
std::string FormatDateTime(const std::string& iso);

}  // namespace cchc
