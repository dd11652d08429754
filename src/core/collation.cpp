#include "core/collation.h"

#include <algorithm>
#include <memory>

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace cchc {
namespace {

// The prototype is opened once; each thread works on its own clone, since
// a collator's state is not meant to be shared by threads that use it.
const icu::Collator* Prototype() {
    static const std::unique_ptr<icu::Collator> proto = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        if (U_FAILURE(status)) return std::unique_ptr<icu::Collator>();
        // Text may come in decomposed (NFD) from some systems.
        UErrorCode attrStatus = U_ZERO_ERROR;
        c->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, attrStatus);
        // Numbers by their value: Phường 2 before Phường 10.
        c->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, attrStatus);
        return c;
    }();
    return proto.get();
}

icu::Collator* ThreadCollator() {
    thread_local std::unique_ptr<icu::Collator> mine;
    if (!mine) {
        const icu::Collator* proto = Prototype();
        if (!proto) return nullptr;
        mine.reset(proto->clone());
    }
    return mine.get();
}

icu::UnicodeString FromUtf8(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

}  // namespace

int CompareVietnamese(std::string_view a, std::string_view b) {
    if (icu::Collator* c = ThreadCollator()) {
        UErrorCode status = U_ZERO_ERROR;
        UCollationResult r =
            c->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                           icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
        if (U_SUCCESS(status)) return static_cast<int>(r);
    }
    const int r = a.compare(b);
    return r < 0 ? -1 : (r > 0 ? 1 : 0);
}

bool VietnameseLess(std::string_view a, std::string_view b) { return CompareVietnamese(a, b) < 0; }

std::string SortKey(std::string_view text) {
    icu::Collator* c = ThreadCollator();
    if (!c) return std::string(text);
    const icu::UnicodeString u = FromUtf8(text);
    std::string key(64, '\0');
    int32_t n =
        c->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
    if (n > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<std::size_t>(n));
        n = c->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()),
                          static_cast<int32_t>(key.size()));
    }
    // n counts the terminating NUL.
    key.resize(n > 0 ? static_cast<std::size_t>(n - 1) : 0);
    return key;
}

std::string FoldForSearch(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString u = FromUtf8(text);
    if (nfd && U_SUCCESS(status)) {
        icu::UnicodeString decomposed = nfd->normalize(u, status);
        if (U_SUCCESS(status)) u = decomposed;
    }
    icu::UnicodeString out;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 ch = u.char32At(i);
        i += U16_LENGTH(ch);
        if (u_charType(ch) == U_NON_SPACING_MARK) continue;
        switch (ch) {
            case 0x0110:  // Đ
            case 0x0111:  // đ
            case 0x00D0:  // Ð (Eth, often typed instead of Đ)
            case 0x00F0:  // ð
                out.append(static_cast<UChar32>('d'));
                break;
            default:
                out.append(ch);
        }
    }
    out.toLower(icu::Locale::getRoot());
    std::string result;
    out.toUTF8String(result);
    return result;
}

}  // namespace cchc

namespace cchc {
namespace {
std::string_view GivenName(std::string_view name) {
    auto end = name.find_last_not_of(' ');
    if (end == std::string_view::npos) return {};
    name = name.substr(0, end + 1);
    auto space = name.find_last_of(' ');
    return space == std::string_view::npos ? name : name.substr(space + 1);
}
}  // namespace

bool VietnameseNameLess(std::string_view a, std::string_view b) {
    int given = CompareVietnamese(GivenName(a), GivenName(b));
    if (given != 0) return given < 0;
    return CompareVietnamese(a, b) < 0;
}
std::string SearchKey(std::string_view text) {
    const std::string folded = FoldForSearch(text);
    const icu::UnicodeString u = FromUtf8(folded);
    icu::UnicodeString out;
    bool space = false;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 ch = u.char32At(i);
        i += U16_LENGTH(ch);
        if (u_isUWhiteSpace(ch) || ch == '_' || ch == 0x00A0) {
            space = true;
            continue;
        }
        if (u_charType(ch) == U_FORMAT_CHAR || u_charType(ch) == U_CONTROL_CHAR) continue;
        if (space && out.length() > 0) out.append(static_cast<UChar32>(' '));
        space = false;
        out.append(ch);
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

namespace {

// The primary letters of the Vietnamese alphabet, in order, with the Latin
// letters it lacks in their places: a ă â b c d đ e ê f g h i j k l m n o ô
// ơ p q r s t u ư v w x y z. A base letter's place, before its marks.
int LetterPlace(UChar32 lower) {
    static const char kLetters[] = "abcdefghijklmnopqrstuvwxyz";
    const char* at = std::char_traits<char>::find(kLetters, 26, static_cast<char>(lower));
    if (lower > 'z' || !at) return -1;
    const int latin = static_cast<int>(at - kLetters);
    // Places taken by ă, â (after a), đ (after d), ê (after e), ô, ơ (after
    // o) and ư (after u).
    int place = latin;
    if (lower > 'a') place += 2;
    if (lower > 'd') place += 1;
    if (lower > 'e') place += 1;
    if (lower > 'o') place += 2;
    if (lower > 'u') place += 1;
    return place;
}

// Marks of the tones, in the order of the vi collation: unmarked, huyền,
// hỏi, ngã, sắc, nặng.
int TonePlace(UChar32 mark) {
    switch (mark) {
        case 0x0300:
            return 1;
        case 0x0309:
            return 2;
        case 0x0303:
            return 3;
        case 0x0301:
            return 4;
        case 0x0323:
            return 5;
        default:
            return 0;
    }
}

}  // namespace

std::string StoredSortKey(std::string_view text) {
    // Text decomposed (NFD): a base letter, then its marks in any order.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString u = FromUtf8(text);
    if (nfd && U_SUCCESS(status)) {
        icu::UnicodeString decomposed = nfd->normalize(u, status);
        if (U_SUCCESS(status)) u = decomposed;
    }
    std::string primary, secondary, tertiary;
    int characters = 0;
    auto other = [&](char lead, UChar32 ch) {
        // Five base-32 digits of the code point, most significant first.
        primary += lead;
        for (int shift = 20; shift >= 0; shift -= 5)
            primary += "0123456789ABCDEFGHIJKLMNOPQRSTUV"[(ch >> shift) & 31];
    };
    for (int32_t i = 0; i < u.length() && characters < kStoredSortLength; ++characters) {
        UChar32 ch = u.char32At(i);
        i += U16_LENGTH(ch);
        const int8_t type = u_charType(ch);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
            type == U_CONTROL_CHAR)
            continue;  // a mark without its letter, or an invisible character
        if (ch >= '0' && ch <= '9') {
            // A number by its value: how many digits (leading zeros left
            // out), then the digits.
            std::string digits;
            for (--i; i < u.length() && u.charAt(i) >= '0' && u.charAt(i) <= '9'; ++i)
                if (!digits.empty() || u.charAt(i) != '0') digits += static_cast<char>(u.charAt(i));
            if (digits.size() > 15) digits.resize(15);
            primary += static_cast<char>('0' + digits.size());
            primary += digits;
            secondary += 'a';
            tertiary += 'a';
            continue;
        }
        const bool upper = u_isupper(ch) || u_istitle(ch);
        const UChar32 lower = u_tolower(ch);
        int place = -1;
        int tone = 0;
        if (lower == 0x0111) {  // đ
            place = LetterPlace('d') + 1;
        } else if (lower == 0x00F0) {  // ð, a d with a mark to ICU
            place = LetterPlace('d');
            tone = 6;
        } else if (lower < 0x80) {
            place = LetterPlace(lower);
        }
        if (place >= 0) {
            // The letter's marks: those that make another letter (ă â ê ô ơ
            // ư), and its tone.
            for (; i < u.length();) {
                const UChar32 mark = u.char32At(i);
                if (u_charType(mark) != U_NON_SPACING_MARK) break;
                i += U16_LENGTH(mark);
                if (mark == 0x0306 && lower == 'a')
                    place += 1;  // ă
                else if (mark == 0x0302 && (lower == 'a' || lower == 'e' || lower == 'o'))
                    place += lower == 'a' ? 2 : 1;  // â ê ô
                else if (mark == 0x031B && (lower == 'o' || lower == 'u'))
                    place += lower == 'o' ? 2 : 1;  // ơ ư
                else if (TonePlace(mark) > 0)
                    tone = TonePlace(mark);
                else
                    tone = 6;  // another mark (é of a French word): after the tones
            }
            primary += static_cast<char>('A' + place);
            secondary += static_cast<char>('a' + tone);
            tertiary += upper ? 'b' : 'a';
            continue;
        }
        if (u_isUWhiteSpace(ch)) {
            primary += ' ';
        } else if (ch < 0x80 && !u_isalpha(ch)) {
            primary += '"';  // punctuation and symbols, in the order of their code
            primary += static_cast<char>(ch);
        } else if (!u_isalpha(ch)) {
            other('#', ch);  // other punctuation and symbols, after ASCII's
        } else {
            other('~', u_tolower(ch));  // letters of other scripts, after the Latin ones
        }
        secondary += 'a';
        tertiary += upper ? 'b' : 'a';
    }
    return primary + '\x01' + secondary + '\x01' + tertiary;
}

namespace {
// Levenshtein distance of two byte strings (folded text is ASCII, or
// nearly).
std::size_t EditDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}
}  // namespace

std::vector<std::size_t> NearestTexts(std::string_view text,
                                      const std::vector<std::vector<std::string>>& candidates,
                                      std::size_t most) {
    const std::string key = SearchKey(text);
    std::vector<std::pair<std::size_t, std::size_t>> found;  // distance, index
    if (key.empty()) return {};
    const std::size_t limit = std::max<std::size_t>(2, key.size() / 3);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        std::size_t best = std::string::npos;
        for (const auto& form : candidates[i]) {
            const std::string f = SearchKey(form);
            if (f.empty()) continue;
            const bool inside = (key.size() >= 3 && f.find(key) != std::string::npos) ||
                                (f.size() >= 3 && key.find(f) != std::string::npos);
            const std::size_t d = inside ? 1 : EditDistance(key, f);
            best = std::min(best, d);
        }
        if (best <= limit) found.emplace_back(best, i);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < found.size() && k < most; ++k) out.push_back(found[k].second);
    return out;
}

}  // namespace cchc
