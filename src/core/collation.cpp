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
}  // namespace cchc
