#include "core/i18n.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "core/platform.h"

namespace cchc {
namespace {

struct Catalog {
    std::string lang = "en";
    std::string bytes;
    std::unordered_map<std::string_view, const char*> map;
};

std::unique_ptr<Catalog>& CurrentPtr() {
    static std::unique_ptr<Catalog> c = std::make_unique<Catalog>();
    return c;
}
const Catalog& Current() { return *CurrentPtr(); }

std::uint32_t Read32(const std::string& b, std::size_t off, bool swap) {
    if (off + 4 > b.size()) return 0;
    std::uint32_t v;
    std::memcpy(&v, b.data() + off, 4);
    if (swap) v = __builtin_bswap32(v);
    return v;
}

bool LoadMo(const std::string& path, Catalog& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const std::string& b = out.bytes;
    std::uint32_t magic = Read32(b, 0, false);
    bool swap;
    if (magic == 0x950412de)
        swap = false;
    else if (magic == 0xde120495)
        swap = true;
    else
        return false;
    std::uint32_t n = Read32(b, 8, swap), origTab = Read32(b, 12, swap),
                  transTab = Read32(b, 16, swap);
    out.map.clear();
    for (std::uint32_t i = 0; i < n; ++i) {
        std::uint32_t olen = Read32(b, origTab + 8 * i, swap),
                      ooff = Read32(b, origTab + 8 * i + 4, swap);
        std::uint32_t tlen = Read32(b, transTab + 8 * i, swap),
                      toff = Read32(b, transTab + 8 * i + 4, swap);
        if (ooff + olen >= b.size() || toff + tlen >= b.size() || olen == 0 || tlen == 0) continue;
        // msgid of a plural entry is "singular\0plural": key on the singular.
        std::string_view key(b.data() + ooff, std::strlen(b.data() + ooff));
        out.map.emplace(key, b.data() + toff);
    }
    return true;
}

}  // namespace

std::vector<std::string> LocaleSearchDirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("CCHC_LOCALE_DIR"); env && *env) dirs.emplace_back(env);
#ifdef CCHC_LOCALE_BUILD_DIR
    dirs.emplace_back(CCHC_LOCALE_BUILD_DIR);
#endif
    dirs.push_back(ExecutableDir() + "/../share/locale");
    // The Windows installer puts the catalogs beside the program.
    dirs.push_back(ExecutableDir() + "/share/locale");
    dirs.emplace_back("/usr/share/locale");
    return dirs;
}

bool SetLanguage(const std::string& lang) {
    // The map's views point into the catalog's own bytes, so the catalog is
    // built in place on the heap and never moved.
    auto fresh = std::make_unique<Catalog>();
    fresh->lang = lang;
    bool found = lang == "en";
    if (!found) {
        for (const auto& dir : LocaleSearchDirs()) {
            if (LoadMo(dir + "/" + lang + "/LC_MESSAGES/cchc.mo", *fresh)) {
                found = true;
                break;
            }
        }
    }
    if (!found) fresh->lang = "en";
    // Strings handed out earlier stay valid: the old catalog is kept.
    static std::vector<std::unique_ptr<Catalog>> retired;
    retired.push_back(std::move(CurrentPtr()));
    CurrentPtr() = std::move(fresh);
    return found;
}

const std::string& CurrentLanguage() { return Current().lang; }

const char* tr(const char* msgid) {
    const Catalog& c = Current();
    if (c.map.empty()) return msgid;
    auto it = c.map.find(std::string_view(msgid));
    return it == c.map.end() ? msgid : it->second;
}

}  // namespace cchc
