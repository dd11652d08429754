#include "core/vnformat.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

#include <fmt/format.h>

namespace cchc {
namespace {

// A decimal number split into sign, integer digits and fraction digits.
struct Decimal {
    bool negative = false;
    std::string intDigits;
    std::string fracDigits;
};

// Rounds the shortest decimal form of v half away from zero to exactly
// `decimals` fraction digits. v must be finite.
Decimal Round(double v, int decimals) {
    decimals = std::clamp(decimals, 0, 40);
    // Shortest round-trip form in fixed notation; the smallest subnormal
    // needs a few more than 750 characters.
    char buf[1100];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));
    Decimal d;
    if (!s.empty() && s.front() == '-') {
        d.negative = true;
        s.remove_prefix(1);
    }
    auto dot = s.find('.');
    d.intDigits = std::string(s.substr(0, dot));
    if (dot != std::string_view::npos) d.fracDigits = std::string(s.substr(dot + 1));
    if (d.intDigits.empty()) d.intDigits = "0";

    const auto n = static_cast<std::size_t>(decimals);
    if (d.fracDigits.size() > n) {
        const bool up = d.fracDigits[n] >= '5';
        d.fracDigits.resize(n);
        if (up) {
            std::string all = d.intDigits + d.fracDigits;
            int i = static_cast<int>(all.size()) - 1;
            for (; i >= 0; --i) {
                if (all[i] == '9') {
                    all[i] = '0';
                } else {
                    ++all[i];
                    break;
                }
            }
            if (i < 0) all.insert(all.begin(), '1');
            d.intDigits = all.substr(0, all.size() - n);
            d.fracDigits = all.substr(all.size() - n);
        }
    } else {
        d.fracDigits.append(n - d.fracDigits.size(), '0');
    }
    auto isZero = [](const std::string& t) {
        return std::all_of(t.begin(), t.end(), [](char c) { return c == '0'; });
    };
    if (isZero(d.intDigits) && isZero(d.fracDigits)) d.negative = false;
    return d;
}

std::string GroupThousands(const std::string& digits, char sep) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out.push_back(sep);
        out.push_back(digits[i]);
    }
    return out;
}

void TrimZeros(std::string& frac) {
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
}

std::string NonFinite(double v) {
    if (std::isnan(v)) return "NaN";
    return v < 0 ? "-\u221e" : "\u221e";
}

std::string VnText(const Decimal& d) {
    std::string out = d.negative ? "-" : "";
    out += GroupThousands(d.intDigits, '.');
    if (!d.fracDigits.empty()) {
        out.push_back(',');
        out += d.fracDigits;
    }
    return out;
}

bool AllDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1.234.567": a first group of 1..3 digits not starting with 0, then groups
// of exactly three. Appends the digits to out.
bool ReadGrouped(std::string_view s, std::string& out) {
    std::size_t start = 0;
    bool first = true;
    while (true) {
        auto dot = s.find('.', start);
        std::string_view g = s.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (!AllDigits(g)) return false;
        if (first ? (g.size() > 3 || g[0] == '0') : g.size() != 3) return false;
        out.append(g);
        first = false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

std::string_view Trim(std::string_view s) {
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string FormatInteger(long long value) {
    const bool negative = value < 0;
    // Magnitude in unsigned arithmetic so that LLONG_MIN works.
    unsigned long long mag = negative ? 0ULL - static_cast<unsigned long long>(value)
                                      : static_cast<unsigned long long>(value);
    std::string out = negative ? "-" : "";
    out += GroupThousands(std::to_string(mag), '.');
    return out;
}

std::string FormatDecimal(double value, int decimals) {
    if (!std::isfinite(value)) return NonFinite(value);
    return VnText(Round(value, decimals));
}

std::string FormatNumberTrim(double value, int maxDecimals) {
    if (!std::isfinite(value)) return NonFinite(value);
    Decimal d = Round(value, maxDecimals);
    TrimZeros(d.fracDigits);
    return VnText(d);
}

std::string FormatPercent(double percent, int decimals) {
    return FormatDecimal(percent, decimals) + "%";
}

std::string FormatPercentTrim(double percent, int maxDecimals) {
    return FormatNumberTrim(percent, maxDecimals) + "%";
}

std::string FormatDate(const Date& date) {
    return fmt::format("{:02}/{:02}/{:04}", date.day, date.month, date.year);
}

std::string FormatDateWords(const Date& date) {
    // Decree 30/2020/NĐ-CP, appendix I: "ngày 05 tháng 01 năm 2024".
    if (date.month <= 2)
        return fmt::format("ngày {:02} tháng {:02} năm {}", date.day, date.month, date.year);
    return fmt::format("ngày {:02} tháng {} năm {}", date.day, date.month, date.year);
}

std::string FormatPlaceDate(const std::string& place, const Date& date) {
    if (place.empty()) return FormatDateWords(date);
    return place + ", " + FormatDateWords(date);
}

std::string FormatDocNumber(int number, const std::string& kindSymbol,
                            const std::string& issuerSymbol) {
    std::string symbol = kindSymbol;
    if (!symbol.empty() && !issuerSymbol.empty()) symbol += "-";
    symbol += issuerSymbol;
    if (number <= 0) return "Số:     /" + symbol;
    return fmt::format("Số: {:02}/{}", number, symbol);
}

std::optional<double> ParseVnNumber(std::string_view text) {
    std::string_view s = Trim(text);
    if (!s.empty() && s.back() == '%') {
        s.remove_suffix(1);
        s = Trim(s);
    }
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;

    std::string canonical = negative ? "-" : "";
    const auto comma = s.find(',');
    if (comma != std::string_view::npos) {
        std::string_view intPart = s.substr(0, comma), fracPart = s.substr(comma + 1);
        if (!AllDigits(fracPart)) return std::nullopt;  // also rejects a second comma
        if (intPart.find('.') != std::string_view::npos) {
            if (!ReadGrouped(intPart, canonical)) return std::nullopt;
        } else {
            if (!AllDigits(intPart)) return std::nullopt;
            canonical.append(intPart);
        }
        canonical.push_back('.');
        canonical.append(fracPart);
    } else {
        const auto dots = std::count(s.begin(), s.end(), '.');
        if (dots == 0) {
            if (!AllDigits(s)) return std::nullopt;
            canonical.append(s);
        } else if (dots > 1) {
            if (!ReadGrouped(s, canonical)) return std::nullopt;
        } else {
            std::string grouped;
            if (ReadGrouped(s, grouped)) {
                canonical += grouped;
            } else {
                const auto dot = s.find('.');
                if (!AllDigits(s.substr(0, dot)) || !AllDigits(s.substr(dot + 1)))
                    return std::nullopt;
                canonical.append(s);
            }
        }
    }
    double value = 0;
    auto res = std::from_chars(canonical.data(), canonical.data() + canonical.size(), value);
    if (res.ec != std::errc() || res.ptr != canonical.data() + canonical.size())
        return std::nullopt;
    return value == 0 ? 0.0 : value;
}

std::string ToRoman(int value) {
    if (value < 1 || value > 3999) return std::to_string(value);
    static const struct {
        int value;
        const char* text;
    } kNumerals[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                     {90, "XC"},  {50, "L"},   {40, "XL"}, {10, "X"},   {9, "IX"},
                     {5, "V"},    {4, "IV"},   {1, "I"}};
    std::string out;
    for (const auto& n : kNumerals) {
        while (value >= n.value) {
            out += n.text;
            value -= n.value;
        }
    }
    return out;
}

std::string FormatMachine(double value, int maxDecimals) {
    if (!std::isfinite(value)) return {};
    Decimal d = Round(value, maxDecimals);
    TrimZeros(d.fracDigits);
    std::string out = d.negative ? "-" : "";
    out += d.intDigits;
    if (!d.fracDigits.empty()) {
        out.push_back('.');
        out += d.fracDigits;
    }
    return out;
}

std::string FormatDateTime(const std::string& iso) {
    auto day = Date::ParseIso(iso.substr(0, 10));
    if (!day) return iso;
    std::string text = FormatDate(*day);
    if (iso.size() >= 16 && (iso[10] == 'T' || iso[10] == ' ') && iso[13] == ':')
        text += " " + iso.substr(11, 5);
    return text;
}

std::optional<long> ParseCount(const std::string& text) {
    if (text.empty()) return 0;
    const bool digits =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && text.size() <= 9) return std::stol(text);
    auto v = ParseVnNumber(text);
    // The range first: casting a huge (or NaN) double to an integer is undefined.
    if (!v || !(*v >= 0 && *v <= 1e9) || *v != std::floor(*v)) return std::nullopt;
    return static_cast<long>(*v);
}

}  // namespace cchc
