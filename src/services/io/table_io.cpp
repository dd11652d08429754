// Implementation of table_io.h, the parts both formats share: opening a
// reader or writer by the file's extension, header matching with a small
// Vietnamese fold, and the helpers of table_io_detail.h. The formats
// themselves are in csv_io.cpp (CSV/TSV) and xlsx_io.cpp (XLSX).
#include "services/io/table_io.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/io/table_io_detail.h"

namespace cchc::tableio {
namespace detail {

std::string BaseName(const std::string& path) {
    std::string name = std::filesystem::u8path(path).filename().u8string();
    return name.empty() ? path : name;
}

std::string LowerExtension(const std::string& path) {
    std::string ext = std::filesystem::u8path(path).extension().u8string();
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

// A Location with the parts that are known (no missing-initializer noise).
Location Loc(std::string file, long line, std::string field) {
    Location where;
    where.file = std::move(file);
    where.line = line;
    where.field = std::move(field);
    return where;
}

// "<translated message> (<system reason>)".
std::string WithReason(const char* message, const std::string& reason) {
    std::string out = tr(message);
    if (!reason.empty()) out += " (" + reason + ")";
    return out;
}

std::unique_ptr<AtomicFile> CreateBeside(const std::string& path, const std::string& fileName) {
    try {
        return std::make_unique<AtomicFile>(path);
    } catch (const UserError& e) {
        throw UserError(Loc(fileName), e.message());
    }
}

bool IsBlank(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t') return false;
    return true;
}

bool AllBlank(const std::vector<std::string>& fields) {
    for (const auto& f : fields)
        if (!IsBlank(f)) return false;
    return true;
}

void AppendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes one code point at s[i] (lenient: a bad byte decodes as itself).
char32_t DecodeUtf8(const std::string& s, std::size_t& i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len <= 1 || i + len > s.size()) {
        ++i;
        return c;
    }
    char32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) {
            ++i;
            return c;
        }
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    i += len;
    return cp;
}

std::string TooLong(const std::string& text, const ReadLimits& limits) {
    if (text.size() <= limits.maxFieldChars || Utf8Length(text) <= limits.maxFieldChars) return {};
    return fmt::format(fmt::runtime(tr("the field is longer than the limit of {0} characters")),
                       FormatInteger(static_cast<long long>(limits.maxFieldChars)));
}

std::string TooManyRows(const ReadLimits& limits) {
    return fmt::format(fmt::runtime(tr("the file has more rows than the limit of {0}")),
                       FormatInteger(limits.maxRows));
}

}  // namespace detail

using namespace detail;

namespace {

// ------------------------------------------------------------ header fold

// Vietnamese letters with diacritics (both cases) and their base letter.
const std::unordered_map<char32_t, char>& FoldTable() {
    static const std::unordered_map<char32_t, char> table = [] {
        static const struct {
            const char* letters;
            char base;
        } groups[] = {
            {"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'},
            {"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'},
            {"ìíỉĩịÌÍỈĨỊ", 'i'},
            {"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'},
            {"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'},
            {"ỳýỷỹỵỲÝỶỸỴ", 'y'},
            {"đĐ", 'd'},
        };
        std::unordered_map<char32_t, char> t;
        for (const auto& g : groups) {
            const std::string s = g.letters;
            for (std::size_t i = 0; i < s.size();) t[DecodeUtf8(s, i)] = g.base;
        }
        return t;
    }();
    return table;
}

}  // namespace

// ------------------------------------------------------------- public API

TableReader::~TableReader() = default;

std::unique_ptr<TableReader> TableReader::Open(const std::string& path, const ReadLimits& limits,
                                               const ReadOptions& options) {
    const std::string ext = LowerExtension(path);
    std::unique_ptr<TableReader> reader;
    if (ext == ".csv")
        reader = OpenCsv(path, '\0', limits);
    else if (ext == ".tsv" || ext == ".txt")
        reader = OpenCsv(path, '\t', limits);
    else if (ext == ".xlsx")
        reader = OpenXlsx(path, limits, options.sheet);
    else
        throw UserError(Loc(BaseName(path)), tr("unsupported file type; use .csv or .xlsx"));
    for (const auto& [i, text] : options.columns) {
        if (i >= reader->header_.size()) {
            if (text.empty()) continue;
            reader->header_.resize(i + 1);
        }
        reader->header_[i] = text;
    }
    reader->skipLines_ = options.skipLines;
    reader->progress_ = options.progress;
    return reader;
}

std::unique_ptr<TableReader> TableReader::Open(const std::string& path,
                                               const ReadOptions& options) {
    return Open(path, ReadLimits{}, options);
}

bool TableReader::Next(std::vector<std::string>& fields) {
    while (NextRecord(fields)) {
        if (progress_ && ++sinceReport_ >= 2048) {
            sinceReport_ = 0;
            const long long total = TotalBytes();
            Step(progress_, fmt::format(fmt::runtime(tr("Reading {0}...")), fileName_),
                 total > 0 ? static_cast<double>(BytesRead()) / static_cast<double>(total) : -1);
        }
        if (!skipLines_.empty() && skipLines_.count(line_)) continue;
        return true;
    }
    return false;
}

std::string NormalizeColumnName(const std::string& name) {
    const auto& fold = FoldTable();
    std::string out;
    out.reserve(name.size());
    bool space = false;
    for (std::size_t i = 0; i < name.size();) {
        const char32_t cp = DecodeUtf8(name, i);
        if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '_' || cp == 0xA0) {
            space = true;
            continue;
        }
        if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || cp == 0xFEFF) continue;  // marks
        if (space && !out.empty()) out += ' ';
        space = false;
        if (cp < 0x80) {
            out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
        } else if (auto it = fold.find(cp); it != fold.end()) {
            out += it->second;
        } else {
            AppendUtf8(out, cp);
        }
    }
    return out;
}

ColumnMap::ColumnMap(const std::vector<std::string>& header, const std::vector<ColumnSpec>& specs,
                     const std::string& fileName, long headerLine) {
    std::vector<std::vector<std::string>> names(specs.size());
    for (std::size_t s = 0; s < specs.size(); ++s) {
        names[s].push_back(NormalizeColumnName(specs[s].key));
        for (const auto& a : specs[s].aliases) names[s].push_back(NormalizeColumnName(a));
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string n = NormalizeColumnName(header[i]);
        if (n.empty()) continue;
        std::size_t s = 0;
        while (s < specs.size() && std::find(names[s].begin(), names[s].end(), n) == names[s].end())
            ++s;
        if (s == specs.size()) {
            unknown_.push_back(header[i]);
            continue;
        }
        if (Has(specs[s].key))
            throw UserError(Loc(fileName, headerLine, specs[s].key),
                            tr("the column appears more than once in the header"));
        index_.emplace_back(specs[s].key, static_cast<int>(i));
    }
    for (const auto& spec : specs)
        if (spec.required && !Has(spec.key))
            throw UserError(Loc(fileName, headerLine, spec.key), tr("required column is missing"));
}

namespace {

// Whether the words of name appear in text as consecutive whole words.
bool ContainsWords(const std::string& text, const std::string& name) {
    if (name.empty() || name.size() > text.size()) return false;
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        if ((at == 0 || text[at - 1] == ' ') && (end == text.size() || text[end] == ' '))
            return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> GuessColumns(const std::vector<std::string>& header,
                                      const std::vector<ColumnSpec>& specs) {
    std::vector<std::vector<std::string>> names(specs.size());
    for (std::size_t s = 0; s < specs.size(); ++s) {
        names[s].push_back(NormalizeColumnName(specs[s].key));
        for (const auto& a : specs[s].aliases) names[s].push_back(NormalizeColumnName(a));
    }
    std::vector<std::string> folded;
    for (const auto& h : header) folded.push_back(NormalizeColumnName(h));
    std::vector<std::string> out(header.size());
    std::vector<bool> taken(specs.size(), false);
    // Exact names first, as ColumnMap reads them.
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (folded[i].empty()) continue;
        for (std::size_t s = 0; s < specs.size(); ++s) {
            if (taken[s] ||
                std::find(names[s].begin(), names[s].end(), folded[i]) == names[s].end())
                continue;
            out[i] = specs[s].key;
            taken[s] = true;
            break;
        }
    }
    // Then the longest name found inside a cell not matched yet.
    for (;;) {
        std::size_t bestCell = header.size(), bestSpec = 0, bestLength = 0;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (!out[i].empty() || folded[i].empty()) continue;
            for (std::size_t s = 0; s < specs.size(); ++s) {
                if (taken[s]) continue;
                for (const auto& n : names[s])
                    if (n.size() > bestLength && n.size() >= 3 && ContainsWords(folded[i], n)) {
                        bestCell = i, bestSpec = s, bestLength = n.size();
                    }
            }
        }
        if (bestCell == header.size()) break;
        out[bestCell] = specs[bestSpec].key;
        taken[bestSpec] = true;
    }
    return out;
}

ColumnMap::ColumnMap(const TableReader& reader, const std::vector<ColumnSpec>& specs)
    : ColumnMap(reader.Header(), specs, reader.FileName(), reader.HeaderLine()) {}

int ColumnMap::Index(const std::string& key) const {
    for (const auto& [k, i] : index_)
        if (k == key) return i;
    return -1;
}

bool ColumnMap::Has(const std::string& key) const { return Index(key) >= 0; }

const std::string& ColumnMap::Get(const std::vector<std::string>& row,
                                  const std::string& key) const {
    static const std::string empty;
    const int i = Index(key);
    return i >= 0 && static_cast<std::size_t>(i) < row.size() ? row[i] : empty;
}

Location ColumnMap::At(const TableReader& reader, const std::string& key) const {
    return Loc(reader.FileName(), reader.Line(), key);
}

void CheckTextLimit(const ColumnMap& cols, const TableReader& reader, const std::string& key,
                    std::string_view text, const TextLimit& limit) {
    std::string tooLong = TooLong(text, limit);
    if (!tooLong.empty()) throw UserError(cols.At(reader, key), tooLong);
}

TableWriter::~TableWriter() = default;

std::unique_ptr<TableWriter> TableWriter::Create(const std::string& path,
                                                 const std::vector<std::string>& header,
                                                 const WriteOptions& options) {
    if (path == "-") return CreateCsv(path, header, ',', options.bom);
    const std::string ext = LowerExtension(path);
    if (ext == ".csv") return CreateCsv(path, header, ',', options.bom);
    if (ext == ".tsv" || ext == ".txt") return CreateCsv(path, header, '\t', options.bom);
    if (ext == ".xlsx") return CreateXlsx(path, header, options);
    throw UserError(Loc(BaseName(path)), tr("unsupported file type; use .csv or .xlsx"));
}

}  // namespace cchc::tableio
