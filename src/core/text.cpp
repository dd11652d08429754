#include "core/text.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace cchc {

std::string Trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

namespace {

// Bytes of the valid UTF-8 sequence at p[i] (NUL refused), or 0.
std::size_t SequenceLength(const unsigned char* p, std::size_t n, std::size_t i) {
    const unsigned char c = p[i];
    if (c < 0x80) return c == 0 ? 0 : 1;
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if ((p[i + k] & 0xC0) != 0x80) return 0;
    return len;
}

}  // namespace

std::size_t FindInvalidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Eight ASCII bytes at a time, none of them NUL.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if ((w | ((w - 0x0101010101010101ULL) & ~w)) & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const std::size_t len = SequenceLength(p, n, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

std::size_t Utf8Length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string Excerpt(std::string_view s, std::size_t maxChars) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++chars) {
        if (chars == maxChars) return out + "…";
        const std::size_t len = SequenceLength(p, s.size(), i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
            ++i;
        } else if (len == 1 && (p[i] < 0x20 || p[i] == 0x7F)) {
            out += ' ';  // one line: line ends and tabs as spaces
            ++i;
        } else {
            out.append(s.data() + i, len);
            i += len;
        }
    }
    return out;
}

std::optional<long long> ParseInteger(std::string_view s, long long min, long long max) {
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
        if (!s.empty() && (s.front() == '-' || s.front() == '+')) return std::nullopt;
    }
    if (s.empty()) return std::nullopt;
    long long v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < min || v > max)
        return std::nullopt;
    return v;
}

std::string UpperVi(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    u.toUpper(icu::Locale("vi"));
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string JoinTexts(const std::vector<std::string>& texts, std::string_view separator) {
    std::string out;
    for (const auto& t : texts) {
        if (!out.empty()) out += separator;
        out += t;
    }
    return out;
}

std::string JsonQuoted(std::string_view s) {
    std::string out = "\"";
    out.reserve(s.size() + 2);
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 0xF];
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

}  // namespace cchc
