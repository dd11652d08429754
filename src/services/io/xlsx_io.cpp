// XLSX workbooks for table_io.h: a streaming reader (libzip + pugixml, the
// sheet XML is parsed a chunk of rows at a time; shared strings, dates and
// percentages by their number formats) and a writer (libxlsxwriter, typed
// columns, widths fitted to the text).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>
#include <xlsxwriter.h>
#include <zip.h>
#include <pugixml.hpp>

#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/io/table_io.h"
#include "services/io/table_io_detail.h"

namespace cchc::tableio::detail {
namespace {

constexpr long kExcelMaxRows = 1048576;  // including the header row
constexpr std::size_t kExcelMaxCols = 16384;

// Owners that also release when a constructor throws half way.
struct ZipDiscarder {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Shortest text for a number: integers without ".0", otherwise up to 15
// significant digits, always with '.' whatever the C locale says.
std::string FormatNumber(double x) {
    char buf[64];
    if (x == 0) return "0";
    if (std::fabs(x) < 1e15 && x == std::floor(x)) {
        auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(x));
        return std::string(buf, r.ptr);
    }
    auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::general, 15);
    return std::string(buf, r.ptr);
}

// A number written with '.' as decimal separator (optional sign, exponent).
bool ParseNumber(std::string_view s, double& out) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return false;
    char c = s.front() == '-' && s.size() > 1 ? s[1] : s.front();
    if (!((c >= '0' && c <= '9') || c == '.')) return false;  // no "inf", "nan"
    auto r = std::from_chars(s.data(), s.data() + s.size(), out, std::chars_format::general);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

// Days since 1970-01-01 of a civil date and back (H. Hinnant's algorithms).
long long DaysFromCivil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

void CivilFromDays(long long z, long long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

int HexDigit(char c) {
    return (c >= '0' && c <= '9')   ? c - '0'
           : (c >= 'a' && c <= 'f') ? c - 'a' + 10
           : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                    : -1;
}

// Value of an OOXML string escape "_xHHHH_" starting at s[i], or -1.
int XmlEscapeAt(const std::string& s, std::size_t i) {
    if (i + 6 >= s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    int v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int h = HexDigit(s[k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

// Decodes the "_x000D_" escapes of OOXML strings (control characters).
std::string DecodeXmlEscapes(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const int v = XmlEscapeAt(s, i);
        if (v >= 0) {
            AppendUtf8(out, static_cast<char32_t>(v));
            i += 7;
        } else {
            out += s[i++];
        }
    }
    return out;
}

// Protects text that looks like such an escape ("_x0041_" → "_x005F_x0041_")
// so that Excel shows it as written; libxlsxwriter does not.
std::string EscapeLiteralXmlEscapes(const std::string& s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (XmlEscapeAt(s, i) >= 0) out += "_x005F";
        out += s[i];
    }
    return out;
}

// ------------------------------------------------------------ XLSX reading

// How a cell's number format shows its value.
enum class NumKind : std::uint8_t { Plain, Date, Time, Percent };

NumKind BuiltinKind(long id) {
    if ((id >= 14 && id <= 17) || id == 22) return NumKind::Date;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumKind::Time;
    if (id == 9 || id == 10) return NumKind::Percent;
    return NumKind::Plain;
}

NumKind CustomKind(const std::string& code) {
    std::string s;  // first section, lower case, without literals
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const std::size_t end = code.find('"', i + 1);
            if (end == std::string::npos) break;
            i = end;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // escaped, spacing or fill character
        } else if (c == ';') {
            break;
        } else if (c == '[') {
            const std::size_t end = code.find(']', i + 1);
            if (end == std::string::npos) break;
            std::string inner = code.substr(i + 1, end - i - 1);
            for (char& k : inner)
                k = static_cast<char>(std::tolower(static_cast<unsigned char>(k)));
            if (!inner.empty() && inner.find_first_not_of("hms") == std::string::npos)
                s += inner;  // elapsed time [h]:mm
            i = end;
        } else {
            s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    for (const char* ampm : {"am/pm", "a/p"}) {
        for (std::size_t pos; (pos = s.find(ampm)) != std::string::npos;)
            s.erase(pos, std::strlen(ampm));
    }
    auto has = [&](char c) { return s.find(c) != std::string::npos; };
    if (has('d') || has('y')) return NumKind::Date;
    if (has('h') || has('s')) return NumKind::Time;
    if (has('m')) return NumKind::Date;
    if (has('%')) return NumKind::Percent;
    return NumKind::Plain;
}

std::string SerialToIso(double serial, NumKind kind, bool date1904) {
    if (!(serial >= 0) || serial >= 2958466) return FormatNumber(serial);  // past 9999-12-31
    const long long total = std::llround(serial * 86400.0);
    const long long days = total / 86400;
    const long secs = static_cast<long>(total % 86400);
    char buf[40];
    if (kind == NumKind::Time && days == 0) {
        std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
        return buf;
    }
    long long y;
    unsigned m, d;
    if (date1904) {
        CivilFromDays(DaysFromCivil(1904, 1, 1) + days, y, m, d);
    } else if (days == 60) {  // Excel's 29 February 1900, which never was
        y = 1900, m = 2, d = 29;
    } else {
        CivilFromDays(DaysFromCivil(1899, 12, days < 60 ? 31 : 30) + days, y, m, d);
    }
    int len = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", y, m, d);
    if (secs != 0)
        std::snprintf(buf + len, sizeof buf - len, "T%02ld:%02ld:%02ld", secs / 3600,
                      secs / 60 % 60, secs % 60);
    return buf;
}

const char* LocalName(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

bool Is(const pugi::xml_node& n, const char* local) {
    return n.type() == pugi::node_element && std::strcmp(LocalName(n.name()), local) == 0;
}

pugi::xml_node Child(const pugi::xml_node& n, const char* local) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (Is(c, local)) return c;
    return {};
}

// Text of a shared or inline string: plain <t> or rich-text runs <r><t>.
std::string RichText(const pugi::xml_node& si) {
    std::string out;
    for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
        if (Is(c, "t")) {
            out += c.text().get();
        } else if (Is(c, "r")) {
            for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling())
                if (Is(t, "t")) out += t.text().get();
        }
    }
    return DecodeXmlEscapes(std::move(out));
}

// "worksheets/sheet1.xml" relative to "xl/" → "xl/worksheets/sheet1.xml".
std::string ResolvePart(const std::string& base, const std::string& target) {
    std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base + target;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t slash = joined.find('/', start);
        if (slash == std::string::npos) slash = joined.size();
        std::string part = joined.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

constexpr unsigned kXmlFlags = pugi::parse_default | pugi::parse_ws_pcdata;

class XlsxReader final : public TableReader {
  public:
    XlsxReader(const std::string& path, const ReadLimits& limits, const std::string& sheet)
        : TableReader(BaseName(path)), limits_(limits), wantedSheet_(sheet) {
        int err = 0;
        zip_.reset(zip_open(path.c_str(), ZIP_RDONLY, &err));
        if (!zip_) {
            if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS) {
                if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
                    unsigned char sig[4] = {};
                    const std::size_t n = std::fread(sig, 1, 4, f);
                    std::fclose(f);
                    if (n == 4 && sig[0] == 0xD0 && sig[1] == 0xCF && sig[2] == 0x11 &&
                        sig[3] == 0xE0)
                        throw UserError(Loc(fileName_),
                                        tr("the file is an old Excel .xls workbook or is protected "
                                           "by a password; save it as an .xlsx workbook without "
                                           "password"));
                }
                throw Damaged();
            }
            zip_error_t ze;
            zip_error_init_with_code(&ze, err);
            std::string reason = zip_error_strerror(&ze);
            zip_error_fini(&ze);
            throw UserError(Loc(fileName_), WithReason(N_("cannot open the file"), reason));
        }
        LoadWorkbook();
        const zip_int64_t idx = zip_name_locate(zip_.get(), sheetPart_.c_str(), ZIP_FL_NOCASE);
        zip_stat_t st;
        if (idx < 0 || zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0)
            throw DamagedBecause(
                fmt::format(fmt::runtime(tr("the part {0} is missing or cannot be read")),
                            Excerpt(sheetPart_)));
        total_ = (st.valid & ZIP_STAT_SIZE) ? static_cast<long long>(st.size) : 0;
        if (total_ > limits_.maxSheetBytes) throw TooLarge(sheetPart_, limits_.maxSheetBytes);
        sheet_.reset(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0));
        if (!sheet_) throw Damaged();

        std::vector<std::string> row;
        for (;;) {
            if (!ReadRow(row))
                throw UserError(Loc(fileName_), tr("the file is empty: it has no header row"));
            if (AllBlank(row)) continue;
            header_ = std::move(row);
            headerLine_ = line_;
            break;
        }
        while (!header_.empty() && IsBlank(header_.back())) header_.pop_back();
    }

  protected:
    bool NextRecord(std::vector<std::string>& fields) override {
        while (ReadRow(fields)) {
            if (AllBlank(fields)) continue;
            if (fields.size() < header_.size()) fields.resize(header_.size());
            if (++rows_ > limits_.maxRows)
                throw UserError(Loc(fileName_, line_), TooManyRows(limits_));
            return true;
        }
        fields.clear();
        return false;
    }

  public:
    long long BytesRead() const override { return read_; }
    std::vector<std::string> SheetNames() const override { return sheetNames_; }
    long long TotalBytes() const override { return std::max(total_, read_); }

  private:
    UserError Damaged() const {
        return UserError(Loc(fileName_),
                         tr("the file is not a valid Excel .xlsx workbook or is damaged"));
    }

    // "damaged XLSX file: <reason>", naming the file (and the current row).
    UserError DamagedBecause(const std::string& reason, long line = 0,
                             const std::string& field = {}) const {
        return UserError(Loc(fileName_, line, field),
                         fmt::format(fmt::runtime(tr("damaged XLSX file: {0}")), reason));
    }

    UserError TooLarge(const std::string& part, long long limit) const {
        return UserError(
            Loc(fileName_),
            fmt::format(fmt::runtime(tr("the part {0} of the workbook is larger than the limit "
                                        "of {1} bytes when uncompressed")),
                        Excerpt(part), FormatInteger(limit)));
    }

    // A whole member of the package, or false when absent. Its size is
    // checked on the entry's declared size and again while inflating.
    bool ReadPart(const std::string& name, std::string& out) const {
        const zip_int64_t idx = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
        if (idx < 0) return false;
        const auto cannotRead = [&] {
            return DamagedBecause(fmt::format(
                fmt::runtime(tr("the part {0} is missing or cannot be read")), Excerpt(name)));
        };
        zip_stat_t st;
        if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0)
            throw cannotRead();
        if ((st.valid & ZIP_STAT_SIZE) && st.size > static_cast<zip_uint64_t>(limits_.maxPartBytes))
            throw TooLarge(name, limits_.maxPartBytes);
        std::unique_ptr<zip_file_t, ZipFileCloser> f(
            zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0));
        if (!f) throw cannotRead();
        out.clear();
        char buf[65536];
        for (;;) {
            const zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
            if (n < 0) throw cannotRead();
            if (n == 0) break;
            if (static_cast<long long>(out.size()) + n > limits_.maxPartBytes)
                throw TooLarge(name, limits_.maxPartBytes);
            out.append(buf, static_cast<std::size_t>(n));
        }
        return true;
    }

    void Parse(pugi::xml_document& doc, const std::string& text) const {
        if (!doc.load_buffer(text.data(), text.size(), kXmlFlags)) throw Damaged();
    }

    void LoadWorkbook() {
        std::string text;
        if (!ReadPart("xl/workbook.xml", text)) throw Damaged();
        std::string sheetRel;
        {
            pugi::xml_document doc;
            Parse(doc, text);
            const pugi::xml_node wb = doc.document_element();
            const pugi::xml_node pr = Child(wb, "workbookPr");
            const std::string d1904 = pr.attribute("date1904").value();
            date1904_ = d1904 == "1" || d1904 == "true";
            // The first sheet, or the one the user chose by name.
            pugi::xml_node chosen;
            const std::string wanted = NormalizeColumnName(wantedSheet_);
            for (pugi::xml_node s : Child(wb, "sheets").children()) {
                if (!Is(s, "sheet")) continue;
                sheetNames_.push_back(s.attribute("name").value());
                if (!chosen &&
                    (wanted.empty() || NormalizeColumnName(sheetNames_.back()) == wanted))
                    chosen = s;
            }
            if (sheetNames_.empty()) throw Damaged();
            if (!chosen)
                throw UserError(Loc(fileName_),
                                fmt::format(fmt::runtime(tr("the workbook has no sheet named "
                                                            "\"{0}\"; its sheets are: {1}")),
                                            Excerpt(wantedSheet_), JoinTexts(sheetNames_, ", ")));
            for (pugi::xml_attribute a = chosen.first_attribute(); a; a = a.next_attribute()) {
                if (std::strchr(a.name(), ':') && std::strcmp(LocalName(a.name()), "id") == 0)
                    sheetRel = a.value();
            }
        }
        sheetPart_ = "xl/worksheets/sheet1.xml";
        std::string stringsPart = "xl/sharedStrings.xml", stylesPart = "xl/styles.xml";
        if (ReadPart("xl/_rels/workbook.xml.rels", text)) {
            pugi::xml_document doc;
            Parse(doc, text);
            for (pugi::xml_node r = doc.document_element().first_child(); r; r = r.next_sibling()) {
                if (!Is(r, "Relationship")) continue;
                const std::string target = ResolvePart("xl/", r.attribute("Target").value());
                const std::string type = r.attribute("Type").value();
                auto endsWith = [&](const char* s) {
                    const std::size_t n = std::strlen(s);
                    return type.size() >= n && type.compare(type.size() - n, n, s) == 0;
                };
                if (!sheetRel.empty() && sheetRel == r.attribute("Id").value())
                    sheetPart_ = target;
                else if (endsWith("/sharedStrings"))
                    stringsPart = target;
                else if (endsWith("/styles"))
                    stylesPart = target;
            }
        }
        if (ReadPart(stringsPart, text)) {
            pugi::xml_document doc;
            Parse(doc, text);
            for (pugi::xml_node si = doc.document_element().first_child(); si;
                 si = si.next_sibling())
                if (Is(si, "si")) strings_.push_back(RichText(si));
        }
        if (ReadPart(stylesPart, text)) {
            pugi::xml_document doc;
            Parse(doc, text);
            const pugi::xml_node root = doc.document_element();
            std::unordered_map<long, NumKind> custom;
            for (pugi::xml_node f : Child(root, "numFmts").children())
                if (Is(f, "numFmt"))
                    custom[f.attribute("numFmtId").as_llong(-1)] =
                        CustomKind(f.attribute("formatCode").value());
            for (pugi::xml_node xf : Child(root, "cellXfs").children()) {
                if (!Is(xf, "xf")) continue;
                const long id = static_cast<long>(xf.attribute("numFmtId").as_llong(0));
                auto it = custom.find(id);
                xfKinds_.push_back(it != custom.end() ? it->second : BuiltinKind(id));
            }
        }
    }

    // Appends up to one buffer of the sheet's XML to pending_.
    bool ReadMore() {
        if (sheetEof_) return false;
        const std::size_t chunk = std::max<std::size_t>(limits_.bufferBytes, 64);
        const std::size_t old = pending_.size();
        pending_.resize(old + chunk);
        const zip_int64_t n = zip_fread(sheet_.get(), &pending_[old], chunk);
        if (n < 0)
            throw DamagedBecause(
                fmt::format(fmt::runtime(tr("the part {0} is missing or cannot be read")),
                            Excerpt(sheetPart_)));
        pending_.resize(old + static_cast<std::size_t>(n));
        read_ += static_cast<long long>(n);
        if (read_ > limits_.maxSheetBytes) throw TooLarge(sheetPart_, limits_.maxSheetBytes);
        if (n == 0) sheetEof_ = true;
        return n > 0;
    }

    // A tag may straddle two reads: a search in new bytes starts this far
    // before them (a namespace prefix is shorter).
    static constexpr std::size_t kTagOverlap = 64;

    // Position of the '<' of a tag "<name" or "<prefix:name" (closing when
    // close is set) found from `from`, or npos; *nameEnd is set past the
    // name, where a search for the next one starts.
    std::size_t FindTag(const char* name, bool close, std::size_t from,
                        std::size_t* nameEnd = nullptr) const {
        const std::size_t len = std::strlen(name);
        for (std::size_t pos = pending_.find(name, from); pos != std::string::npos;
             pos = pending_.find(name, pos + 1)) {
            const char after = pos + len < pending_.size() ? pending_[pos + len] : '\0';
            if (!(after == '>' || after == '/' || after == ' ' || after == '\t' || after == '\r' ||
                  after == '\n'))
                continue;
            std::size_t lt = pos;
            if (lt > 0 && pending_[lt - 1] == ':') {  // skip a namespace prefix
                --lt;
                const std::size_t stop = lt > kTagOverlap / 2 ? lt - kTagOverlap / 2 : 0;
                while (lt > stop && pending_[lt - 1] != '<' && pending_[lt - 1] != '/' &&
                       pending_[lt - 1] != '>' && pending_[lt - 1] != ' ')
                    --lt;
            }
            if (nameEnd) *nameEnd = pos + len;
            if (close) {
                if (lt >= 2 && pending_[lt - 1] == '/' && pending_[lt - 2] == '<') return lt - 2;
            } else if (lt >= 1 && pending_[lt - 1] == '<') {
                return lt - 1;
            }
        }
        return std::string::npos;
    }

    UserError RowTooLarge() const {
        return UserError(
            Loc(fileName_, line_ + 1),
            fmt::format(fmt::runtime(tr("a row of the sheet is larger than the limit of {0} "
                                        "bytes")),
                        FormatInteger(limits_.maxRowBytes)));
    }

    // Parses the next run of complete <row> elements into chunk_. Each byte
    // of the sheet is searched once: what comes before <sheetData> is
    // dropped as it is read, and inside it every row before the start of
    // the last one seen is complete (empty rows "<row r=\"9\"/>" too).
    bool LoadChunk() {
        constexpr std::size_t npos = std::string::npos;
        while (!inSheetData_) {
            if (sheetDone_) return false;
            const std::size_t from = scanned_ > kTagOverlap ? scanned_ - kTagOverlap : 0;
            const std::size_t lt = FindTag("sheetData", false, from);
            const std::size_t gt = lt == npos ? lt : pending_.find('>', std::max(lt, from));
            if (gt != npos) {
                inSheetData_ = true;
                if (pending_[gt - 1] == '/') sheetDone_ = true;  // <sheetData/>
                pending_.erase(0, gt + 1);
                scanned_ = 0;
                if (sheetDone_) return false;
                break;
            }
            // Sheet views, columns...: only a tail where the tag may start is kept.
            const std::size_t keep = lt != npos                      ? lt
                                     : pending_.size() > kTagOverlap ? pending_.size() - kTagOverlap
                                                                     : 0;
            pending_.erase(0, keep);
            scanned_ = lt != npos ? 0 : pending_.size();
            if (static_cast<long long>(pending_.size()) > limits_.maxRowBytes) throw Damaged();
            if (!ReadMore()) {
                sheetDone_ = true;  // no rows at all
                return false;
            }
        }
        for (;;) {
            if (sheetDone_) return false;
            const std::size_t from = scanned_ > kTagOverlap ? scanned_ - kTagOverlap : 0;
            std::size_t cut = FindTag("sheetData", true, from);
            if (cut != npos) {
                sheetDone_ = true;
            } else {
                std::size_t next = from;
                for (std::size_t at; (at = FindTag("row", false, next, &next)) != npos;)
                    lastRow_ = at;
                scanned_ = pending_.size();
                if (lastRow_ != npos && lastRow_ > 0) {
                    cut = lastRow_;
                } else {
                    // One row (or what precedes the first) is still incomplete.
                    if (static_cast<long long>(pending_.size()) > limits_.maxRowBytes)
                        throw RowTooLarge();
                    if (!ReadMore()) {
                        // No </sheetData>: the sheet is cut short.
                        if (pending_.find_first_not_of(" \t\r\n") != npos) throw Damaged();
                        sheetDone_ = true;
                        return false;
                    }
                    continue;
                }
            }
            const pugi::xml_parse_result ok =
                chunk_.load_buffer(pending_.data(), cut, kXmlFlags | pugi::parse_fragment);
            if (!ok) throw Damaged();
            pending_.erase(0, cut);
            scanned_ = scanned_ > cut ? scanned_ - cut : 0;
            lastRow_ = lastRow_ != npos && lastRow_ >= cut ? lastRow_ - cut : npos;
            nextRow_ = chunk_.first_child();
            while (nextRow_ && !Is(nextRow_, "row")) nextRow_ = nextRow_.next_sibling();
            if (nextRow_) return true;
        }
    }

    static long ColumnOf(const char* ref) {
        long col = 0;
        const char* p = ref;
        for (; *p; ++p) {
            char c = *p;
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (c < 'A' || c > 'Z') break;
            col = col * 26 + (c - 'A' + 1);
            if (col > static_cast<long>(kExcelMaxCols)) return -1;
        }
        return p == ref ? -1 : col - 1;
    }

    // "C5" for column 2 (0-based) of the current row.
    std::string CellRef(long col) const {
        std::string letters;
        for (long n = col + 1; n > 0; n = (n - 1) / 26)
            letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
        return letters + std::to_string(line_);
    }

    // The header's name of the column (once the header is read), else the
    // cell's reference.
    std::string FieldOf(long col) const {
        return col < static_cast<long>(header_.size()) && !header_[col].empty()
                   ? Excerpt(header_[col])
                   : CellRef(col);
    }

    std::string CellText(const pugi::xml_node& c, long col) const {
        const char* t = c.attribute("t").value();
        const pugi::xml_node v = Child(c, "v");
        const char* value = v.text().get();
        if (Child(c, "f") && !v && std::strcmp(t, "inlineStr") != 0)
            throw DamagedBecause(
                fmt::format(fmt::runtime(tr("the formula in cell {0} has no saved value (open "
                                            "the file in Excel and save it again)")),
                            CellRef(col)),
                line_, FieldOf(col));
        if (std::strcmp(t, "s") == 0) {
            const long long i = v.text().as_llong(-1);
            if (i < 0 || i >= static_cast<long long>(strings_.size()))
                throw DamagedBecause(
                    fmt::format(fmt::runtime(tr("cell {0} refers to shared string {1}, which the "
                                                "workbook does not have")),
                                CellRef(col), Excerpt(value)),
                    line_, FieldOf(col));
            return strings_[i];
        }
        if (std::strcmp(t, "inlineStr") == 0) return RichText(Child(c, "is"));
        if (std::strcmp(t, "b") == 0)
            return *value == 0 ? "" : std::strcmp(value, "0") ? "TRUE" : "FALSE";
        if (std::strcmp(t, "str") == 0) return DecodeXmlEscapes(value);
        if (*t != 0 && std::strcmp(t, "n") != 0) return value;  // "e" errors, "d" ISO dates
        double x;
        if (!ParseNumber(value, x)) return value;
        const long long s = c.attribute("s").as_llong(0);
        const NumKind kind =
            s >= 0 && s < static_cast<long long>(xfKinds_.size()) ? xfKinds_[s] : NumKind::Plain;
        switch (kind) {
            case NumKind::Date:
            case NumKind::Time:
                return SerialToIso(x, kind, date1904_);
            case NumKind::Percent:
                return FormatNumber(x * 100);
            case NumKind::Plain:
                break;
        }
        return FormatNumber(x);
    }

    // Reads the next <row> (empty or not) into fields; sets line_.
    bool ReadRow(std::vector<std::string>& fields) {
        if (!nextRow_ && !LoadChunk()) return false;
        const pugi::xml_node row = nextRow_;
        do nextRow_ = nextRow_.next_sibling();
        while (nextRow_ && !Is(nextRow_, "row"));

        const long long r = row.attribute("r").as_llong(0);
        line_ = r > 0 && r <= kExcelMaxRows ? static_cast<long>(r) : line_ + 1;
        if (r > kExcelMaxRows || line_ > kExcelMaxRows)
            throw DamagedBecause(
                fmt::format(fmt::runtime(tr("row {0} is past the last row of an Excel sheet")),
                            Excerpt(row.attribute("r").value())));
        fields.clear();
        long col = -1;
        for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
            if (!Is(c, "c")) continue;
            const pugi::xml_attribute ref = c.attribute("r");
            col = ref ? ColumnOf(ref.value()) : col + 1;
            if (col < 0 || col >= static_cast<long>(kExcelMaxCols))
                throw UserError(Loc(fileName_, line_),
                                tr("the file is not a valid Excel .xlsx workbook or is damaged"));
            std::string text = CellText(c, col);
            if (text.empty()) continue;
            if (!IsValidUtf8(text))
                throw UserError(Loc(fileName_, line_, FieldOf(col)),
                                fmt::format(fmt::runtime(tr("cell {0} holds text that is not "
                                                            "valid UTF-8")),
                                            CellRef(col)));
            if (text.size() > limits_.maxFieldChars) {
                const std::string tooLong = TooLong(text, limits_);
                if (!tooLong.empty())
                    throw UserError(Loc(fileName_, line_, FieldOf(col)),
                                    tooLong + " (" + CellRef(col) + ")");
            }
            if (fields.size() <= static_cast<std::size_t>(col)) fields.resize(col + 1);
            fields[col] = std::move(text);
        }
        return true;
    }

    ReadLimits limits_;
    long rows_ = 0;
    std::unique_ptr<zip_t, ZipDiscarder> zip_;
    std::unique_ptr<zip_file_t, ZipFileCloser> sheet_;  // declared after zip_: closed first
    std::string sheetPart_;
    std::string wantedSheet_;
    std::vector<std::string> sheetNames_;
    bool date1904_ = false;
    std::vector<std::string> strings_;
    std::vector<NumKind> xfKinds_;

    std::string pending_;                      // sheet XML read but not parsed yet
    std::size_t scanned_ = 0;                  // bytes of pending_ searched for tags
    std::size_t lastRow_ = std::string::npos;  // start of the last <row> in pending_
    bool sheetEof_ = false, inSheetData_ = false, sheetDone_ = false;
    pugi::xml_document chunk_;
    pugi::xml_node nextRow_;
    long long read_ = 0, total_ = 0;
};
// "YYYY-MM-DD" with an optional "THH:MM[:SS]" or " HH:MM[:SS]".
bool ParseIsoDateTime(const std::string& s, lxw_datetime& dt, bool& hasTime) {
    auto num = [&](std::size_t pos, std::size_t len, int& out) {
        if (pos + len > s.size()) return false;
        out = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y, m, d, hh = 0, mm = 0, ss = 0;
    if (s.size() < 10 || !num(0, 4, y) || s[4] != '-' || !num(5, 2, m) || s[7] != '-' ||
        !num(8, 2, d))
        return false;
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap)) return false;
    hasTime = false;
    if (s.size() > 10) {
        if ((s[10] != 'T' && s[10] != ' ') || !num(11, 2, hh) || s.size() < 16 || s[13] != ':' ||
            !num(14, 2, mm))
            return false;
        if (s.size() == 19) {
            if (s[16] != ':' || !num(17, 2, ss)) return false;
        } else if (s.size() != 16) {
            return false;
        }
        if (hh > 23 || mm > 59 || ss > 59) return false;
        hasTime = hh != 0 || mm != 0 || ss != 0;
    }
    dt = lxw_datetime{y, m, d, hh, mm, static_cast<double>(ss)};
    return true;
}

// Approximate width in characters of the widest line of s.
double TextWidth(const std::string& s) {
    double widest = 0, cur = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = DecodeUtf8(s, i);
        if (cp == '\n') {
            widest = std::max(widest, cur);
            cur = 0;
        } else if (!(cp >= 0x300 && cp <= 0x36F)) {
            cur +=
                cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                                 (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                                 (cp >= 0xFF00 && cp <= 0xFF60))
                    ? 2
                    : 1;
        }
    }
    return std::max(widest, cur);
}

// Width of a number shown with thousands separators and `decimals` places.
double NumberWidth(double x, int decimals) {
    const double a = std::fabs(x);
    const int digits = a < 1 ? 1 : static_cast<int>(std::floor(std::log10(a))) + 1;
    return digits + (digits - 1) / 3 + (decimals ? decimals + 1 : 0) + (x < 0 ? 1 : 0);
}

std::string ExcelSheetName(const std::string& wanted) {
    std::string name;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < wanted.size() && chars < 31;) {
        const std::size_t start = i;
        const char32_t cp = DecodeUtf8(wanted, i);
        if (cp < 0x20) continue;
        if (cp < 0x80 && std::strchr("[]:*?/\\", static_cast<int>(cp))) {
            name += '_';
        } else {
            name.append(wanted, start, i - start);
        }
        ++chars;
    }
    while (!name.empty() && name.front() == '\'') name.erase(0, 1);
    while (!name.empty() && name.back() == '\'') name.pop_back();
    return name.empty() ? "Data" : name;
}

class XlsxWriter final : public TableWriter {
  public:
    XlsxWriter(const std::string& path, const std::vector<std::string>& header,
               const WriteOptions& options)
        : TableWriter(BaseName(path)), header_(header), types_(options.types) {
        if (header.size() > kExcelMaxCols)
            throw UserError(Loc(fileName_),
                            tr("too many columns for an Excel sheet (at most 16,384)"));
        // libxlsxwriter only creates the file in workbook_close(); the
        // temporary beside path tells now whether the folder can be written.
        target_ = CreateBeside(path, fileName_);
        lxw_workbook_options opts{};
        opts.constant_memory = LXW_TRUE;
        wb_ = workbook_new_opt(target_->TempPath().c_str(), &opts);
        if (!wb_) throw UserError(Loc(fileName_), tr("cannot create the file"));
        ws_ = workbook_add_worksheet(wb_, ExcelSheetName(options.sheetName).c_str());
        if (!ws_) ws_ = workbook_add_worksheet(wb_, "Data");
        if (!ws_) {
            lxw_workbook_free(wb_);
            throw UserError(Loc(fileName_), tr("cannot create the file"));
        }

        headerFmt_ = workbook_add_format(wb_);
        format_set_bold(headerFmt_);
        format_set_pattern(headerFmt_, LXW_PATTERN_SOLID);
        format_set_bg_color(headerFmt_, 0xDDEBF7);
        format_set_bottom(headerFmt_, LXW_BORDER_THIN);
        format_set_text_wrap(headerFmt_);
        format_set_align(headerFmt_, LXW_ALIGN_VERTICAL_TOP);
        intFmt_ = workbook_add_format(wb_);
        format_set_num_format(intFmt_, "#,##0");
        decFmt_ = workbook_add_format(wb_);
        format_set_num_format(decFmt_, "#,##0.00");
        pctFmt_ = workbook_add_format(wb_);
        format_set_num_format(pctFmt_, "0.00%");
        dateFmt_ = workbook_add_format(wb_);
        format_set_num_format(dateFmt_, "dd/mm/yyyy");
        dateTimeFmt_ = workbook_add_format(wb_);
        format_set_num_format(dateTimeFmt_, "dd/mm/yyyy hh:mm:ss");
        textFmt_ = workbook_add_format(wb_);
        format_set_text_wrap(textFmt_);

        widths_.assign(header.size(), 0);
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (header[c].empty()) continue;
            const std::string text = EscapeLiteralXmlEscapes(header[c]);
            const lxw_error err =
                worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(c), text.c_str(), headerFmt_);
            if (err != LXW_NO_ERROR) {  // the destructor will not run: free the workbook
                lxw_workbook_free(wb_);
                wb_ = nullptr;
                Check(err, 0, c);
            }
            widths_[c] = TextWidth(header[c]) + 3;  // bold, filter button
        }
        worksheet_freeze_panes(ws_, 1, 0);
    }

    ~XlsxWriter() override {
        try {
            // Left by an exception: the target keeps what it held.
            if (std::uncaught_exceptions() > unwinding_ && !closed_) {
                closed_ = true;
                if (wb_) lxw_workbook_free(wb_);
                wb_ = nullptr;
                return;  // target_ removes the temporary
            }
            Close();
        } catch (...) {
        }
    }

    void Add(const std::vector<std::string>& row) override {
        if (closed_) throw std::logic_error("TableWriter::Add after Close");
        if (rows_ + 1 >= kExcelMaxRows)
            throw UserError(Loc(fileName_),
                            tr("too many rows for an Excel sheet (at most 1,048,575)"));
        if (row.size() > kExcelMaxCols)
            throw UserError(Loc(fileName_),
                            tr("too many columns for an Excel sheet (at most 16,384)"));
        const lxw_row_t r = static_cast<lxw_row_t>(rows_ + 1);
        if (widths_.size() < row.size()) widths_.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c) WriteCell(r, c, row[c]);
        ++rows_;
    }

    void Close() override {
        if (closed_) return;
        closed_ = true;
        const std::size_t cols = std::max(widths_.size(), header_.size());
        for (std::size_t c = 0; c < widths_.size(); ++c) {
            const double w = std::clamp(widths_[c] * 1.1 + 2, 8.0, 60.0);
            worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w,
                                 nullptr);
        }
        if (cols > 0)
            worksheet_autofilter(ws_, 0, 0, static_cast<lxw_row_t>(rows_),
                                 static_cast<lxw_col_t>(cols - 1));
        const lxw_error err = workbook_close(wb_);
        wb_ = nullptr;
        if (err != LXW_NO_ERROR)
            throw UserError(Loc(fileName_),
                            WithReason(N_("cannot write the file"), lxw_strerror(err)));
        target_->Commit();  // complete: into place
    }

  private:
    void Check(lxw_error err, lxw_row_t r, std::size_t c) const {
        if (err == LXW_NO_ERROR) return;
        const std::string field = c < header_.size() ? header_[c] : std::to_string(c + 1);
        if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
            throw UserError(Loc(fileName_, static_cast<long>(r) + 1, field),
                            tr("the text is too long for an Excel cell (at most 32,767 "
                               "characters)"));
        throw UserError(Loc(fileName_, static_cast<long>(r) + 1, field),
                        WithReason(N_("cannot write the file"), lxw_strerror(err)));
    }

    void WriteCell(lxw_row_t r, std::size_t c, const std::string& text) {
        if (text.empty()) return;
        const auto col = static_cast<lxw_col_t>(c);
        const ColumnType type = c < types_.size() ? types_[c] : ColumnType::Text;
        double x;
        switch (type) {
            case ColumnType::Integer:
            case ColumnType::Decimal:
                if (ParseNumber(text, x)) {
                    const bool whole = type == ColumnType::Integer && x == std::floor(x);
                    Check(worksheet_write_number(ws_, r, col, x, whole ? intFmt_ : decFmt_), r, c);
                    widths_[c] = std::max(widths_[c], NumberWidth(x, whole ? 0 : 2));
                    return;
                }
                break;
            case ColumnType::Percent:
                if (ParseNumber(text, x)) {
                    Check(worksheet_write_number(ws_, r, col, x / 100, pctFmt_), r, c);
                    widths_[c] = std::max(widths_[c], NumberWidth(x, 2) + 1);
                    return;
                }
                break;
            case ColumnType::Date: {
                lxw_datetime dt;
                bool hasTime = false;
                if (ParseIsoDateTime(text, dt, hasTime)) {
                    Check(worksheet_write_datetime(ws_, r, col, &dt,
                                                   hasTime ? dateTimeFmt_ : dateFmt_),
                          r, c);
                    widths_[c] = std::max(widths_[c], hasTime ? 19.0 : 10.0);
                    return;
                }
                break;
            }
            case ColumnType::Text:
                break;
        }
        const bool multiline = text.find('\n') != std::string::npos;
        Check(worksheet_write_string(ws_, r, col, EscapeLiteralXmlEscapes(text).c_str(),
                                     multiline ? textFmt_ : nullptr),
              r, c);
        widths_[c] = std::max(widths_[c], TextWidth(text));
    }

    std::unique_ptr<AtomicFile> target_;
    const int unwinding_ = std::uncaught_exceptions();
    lxw_workbook* wb_ = nullptr;
    lxw_worksheet* ws_ = nullptr;
    lxw_format* headerFmt_ = nullptr;
    lxw_format* intFmt_ = nullptr;
    lxw_format* decFmt_ = nullptr;
    lxw_format* pctFmt_ = nullptr;
    lxw_format* dateFmt_ = nullptr;
    lxw_format* dateTimeFmt_ = nullptr;
    lxw_format* textFmt_ = nullptr;
    std::vector<std::string> header_;
    std::vector<ColumnType> types_;
    std::vector<double> widths_;
    bool closed_ = false;
};

}  // namespace

std::unique_ptr<TableReader> OpenXlsx(const std::string& path, const ReadLimits& limits,
                                      const std::string& sheet) {
    return std::make_unique<XlsxReader>(path, limits, sheet);
}

std::unique_ptr<TableWriter> CreateXlsx(const std::string& path,
                                        const std::vector<std::string>& header,
                                        const WriteOptions& options) {
    return std::make_unique<XlsxWriter>(path, header, options);
}

}  // namespace cchc::tableio::detail
