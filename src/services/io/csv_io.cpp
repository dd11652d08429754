// CSV and TSV files for table_io.h: a buffered reader (UTF-8 checked, the
// delimiter detected or fixed, quoted fields over several lines) and a
// writer (to a file or standard output, with an optional BOM).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/i18n.h"
#include "core/platform.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/io/table_io.h"
#include "services/io/table_io_detail.h"

namespace cchc::tableio::detail {
namespace {

// Owner that also closes when a constructor throws half way.
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

const char* const kNotUtf8 =
    N_("the file is not UTF-8 text; save it as \"CSV UTF-8\" (in Excel: Save As, "
       "CSV UTF-8 (Comma delimited))");

// ------------------------------------------------- formula injection guard
//
// Spreadsheets take a cell that starts with '=', '+', '-', '@', a tab or a
// CR for a formula. The writer puts an apostrophe before such text (the
// OWASP rule) so that it shows as text; plain numbers ("-5", "-0,5") are
// left alone. Text that already starts with apostrophes before one of those
// characters gets one more, so that the reader, which removes one
// apostrophe when the rest starts with apostrophes and then one of those
// characters, gives back exactly what was written.

bool IsFormulaLead(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// An optional sign, digits with at most one '.' or ',' and an optional
// exponent: "-5", "+1.5", "-0,5", "-.5", "-1e-3".
bool IsPlainNumber(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp;
        if (exp == 0) return false;
    }
    return i == s.size();
}

// Whether s, after its leading apostrophes, starts with a formula lead.
bool FormulaAfterApostrophes(std::string_view s) {
    const std::size_t i = s.find_first_not_of('\'');
    return i != std::string_view::npos && IsFormulaLead(s[i]);
}

bool NeedsFormulaGuard(std::string_view s) {
    if (!FormulaAfterApostrophes(s)) return false;
    return s.front() == '\'' || !IsPlainNumber(s);
}

// The reader's half: "'=A1" gives "=A1", "''-x" gives "'-x".
void RemoveFormulaGuard(std::string& field) {
    if (!field.empty() && field.front() == '\'' &&
        FormulaAfterApostrophes(std::string_view(field).substr(1)))
        field.erase(0, 1);
}

void RemoveFormulaGuards(std::vector<std::string>& fields) {
    for (auto& f : fields) RemoveFormulaGuard(f);
}

// ------------------------------------------------------------- CSV reading

class CsvReader final : public TableReader {
  public:
    CsvReader(const std::string& path, char fixedDelimiter, const ReadLimits& limits)
        : TableReader(BaseName(path)), limits_(limits) {
        file_.reset(std::fopen(path.c_str(), "rb"));
        if (!file_)
            throw UserError(Loc(fileName_),
                            WithReason(N_("cannot open the file"), std::strerror(errno)));
        std::setvbuf(file_.get(), nullptr, _IONBF, 0);
        total_ = RegularFileSize(file_.get());
        // A file smaller than a buffer gets a buffer of its size.
        std::size_t bufferBytes = std::max<std::size_t>(limits.bufferBytes, 64);
        if (total_ >= 0) bufferBytes = std::min(bufferBytes, static_cast<std::size_t>(total_) + 64);
        buf_.resize(bufferBytes);
        p_ = e_ = buf_.data();
        Refill();

        const auto* u = reinterpret_cast<const unsigned char*>(p_);
        const std::size_t n = static_cast<std::size_t>(e_ - p_);
        if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
            throw UserError(Loc(fileName_, 1), tr(kNotUtf8));
        if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) p_ += 3;

        char delimiter = fixedDelimiter;
        // Excel understands a first line "sep=;" naming the delimiter.
        if (e_ - p_ >= 5 && std::memcmp(p_, "sep=", 4) == 0 && p_[4] != '"' && p_[4] != '\r' &&
            p_[4] != '\n') {
            const char* q = p_ + 5;
            if (q < e_ && *q == '\r') ++q;
            if (q < e_ && *q == '\n') ++q;
            if (q == e_ || q[-1] == '\n' || q[-1] == '\r') {
                delimiter = p_[4];
                p_ = q;
                physLine_ = 2;
            }
        }
        if (delimiter == 0) delimiter = DetectDelimiter();
        delim_ = delimiter;
        std::memset(special_, 0, sizeof special_);
        special_[static_cast<unsigned char>(delim_)] = true;
        special_[static_cast<unsigned char>('\n')] = true;
        special_[static_cast<unsigned char>('\r')] = true;

        std::vector<std::string> record;
        for (;;) {
            const long start = physLine_;
            if (!ReadRecord(record))
                throw UserError(Loc(fileName_), tr("the file is empty: it has no header row"));
            // A guarded tab ("'\t") is blank once read, like the tab itself.
            RemoveFormulaGuards(record);
            if (AllBlank(record)) continue;
            header_ = std::move(record);
            headerLine_ = line_ = start;
            break;
        }
        while (!header_.empty() && IsBlank(header_.back())) header_.pop_back();
    }

  protected:
    bool NextRecord(std::vector<std::string>& fields) override {
        for (;;) {
            const long start = physLine_;
            if (!ReadRecord(fields)) {
                fields.clear();
                return false;
            }
            RemoveFormulaGuards(fields);
            if (AllBlank(fields)) continue;
            if (fields.size() < header_.size()) fields.resize(header_.size());
            line_ = start;
            if (++rows_ > limits_.maxRows)
                throw UserError(Loc(fileName_, line_), TooManyRows(limits_));
            return true;
        }
    }

  public:
    long long BytesRead() const override { return bufStart_ + (p_ - buf_.data()); }
    long long TotalBytes() const override { return total_ >= 0 ? total_ : BytesRead(); }

  private:
    enum class State { FieldStart, Unquoted, Quoted, AfterQuote };

    bool Refill() {
        if (eof_) return false;
        bufStart_ += e_ - buf_.data();
        const std::size_t n = std::fread(buf_.data(), 1, buf_.size(), file_.get());
        p_ = buf_.data();
        e_ = p_ + n;
        if (n == 0) {
            if (std::ferror(file_.get()))
                throw UserError(Loc(fileName_),
                                WithReason(N_("cannot read the file"), std::strerror(errno)));
            eof_ = true;
            return false;
        }
        return true;
    }

    char DetectDelimiter() const {
        long commas = 0, semicolons = 0, tabs = 0;
        bool quoted = false;
        const char* q = p_;
        while (q < e_ && (*q == '\n' || *q == '\r')) ++q;  // leading empty lines
        for (; q < e_; ++q) {
            const char c = *q;
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') break;
                if (c == ',')
                    ++commas;
                else if (c == ';')
                    ++semicolons;
                else if (c == '\t')
                    ++tabs;
            }
        }
        if (semicolons > commas && semicolons >= tabs) return ';';
        if (tabs > commas && tabs > semicolons) return '\t';
        return ',';
    }

    // The header's name of the nf-th field (1-based), once the header is read
    // (quoted short: a header cell may be thousands of characters).
    std::string FieldName(std::size_t nf) const {
        return nf >= 1 && nf <= header_.size() ? Excerpt(header_[nf - 1]) : std::string();
    }

    void CheckField(const std::string& field, long fieldLine, std::size_t nf) const {
        const std::size_t bad = FindInvalidUtf8(field);
        if (bad != std::string::npos) {
            const long line =
                fieldLine + static_cast<long>(std::count(field.begin(), field.begin() + bad, '\n'));
            throw UserError(Loc(fileName_, line, FieldName(nf)), tr(kNotUtf8));
        }
        CheckLength(field, fieldLine, nf);
    }

    void CheckLength(const std::string& field, long fieldLine, std::size_t nf) const {
        if (field.size() <= limits_.maxFieldChars) return;
        const std::string tooLong = TooLong(field, limits_);
        if (!tooLong.empty()) throw UserError(Loc(fileName_, fieldLine, FieldName(nf)), tooLong);
    }

    // A field growing past any limit is refused before it fills memory.
    void CheckGrowth(const std::string& field, long fieldLine, std::size_t nf) const {
        if (field.size() > 4 * limits_.maxFieldChars + 4) CheckLength(field, fieldLine, nf);
    }

    UserError Unclosed(long fieldLine, std::size_t nf) const {
        return UserError(Loc(fileName_, fieldLine, FieldName(nf)),
                         tr("the quote that opens a field on this line is not closed where the "
                            "field ends (a \" is missing or extra)"));
    }

    UserError TooManyFields(long line) const {
        return UserError(
            Loc(fileName_, line),
            fmt::format(fmt::runtime(tr("the line has more fields than the limit of {0}")),
                        FormatInteger(static_cast<long long>(limits_.maxColumns))));
    }

    // Reads one physical record into fields. False at the end of the file.
    bool ReadRecord(std::vector<std::string>& fields) {
        if (pendingCR_) {  // the LF of a CRLF split from its CR
            if (p_ == e_ && !Refill()) return false;
            if (*p_ == '\n') ++p_;
            pendingCR_ = false;
        }
        std::size_t nf = 0;
        std::string* f = nullptr;
        const long recordLine = physLine_;
        long fieldLine = physLine_;
        State st = State::FieldStart;
        auto newField = [&] {
            if (nf >= limits_.maxColumns) throw TooManyFields(recordLine);
            if (nf < fields.size())
                fields[nf].clear();
            else
                fields.emplace_back();
            f = &fields[nf++];
            fieldLine = physLine_;
        };
        for (;;) {
            if (p_ == e_ && !Refill()) {
                switch (st) {
                    case State::FieldStart:
                        if (nf == 0) {
                            fields.clear();
                            return false;
                        }
                        newField();
                        break;
                    case State::Quoted:
                        throw Unclosed(fieldLine, nf);
                    case State::Unquoted:
                    case State::AfterQuote:
                        break;
                }
                CheckField(*f, fieldLine, nf);
                fields.resize(nf);
                return true;
            }
            switch (st) {
                case State::FieldStart:
                    newField();
                    if (*p_ == '"') {
                        ++p_;
                        st = State::Quoted;
                        break;
                    }
                    st = State::Unquoted;
                    [[fallthrough]];
                case State::Unquoted: {
                    const char* s = p_;
                    while (p_ < e_ && !special_[static_cast<unsigned char>(*p_)]) ++p_;
                    f->append(s, p_);
                    if (p_ == e_) {
                        CheckGrowth(*f, fieldLine, nf);
                        break;
                    }
                    const char c = *p_++;
                    CheckField(*f, fieldLine, nf);
                    if (c == delim_) {
                        st = State::FieldStart;
                        break;
                    }
                    ++physLine_;
                    if (c == '\r') pendingCR_ = true;
                    fields.resize(nf);
                    return true;
                }
                case State::Quoted: {
                    const char* s = p_;
                    while (p_ < e_ && *p_ != '"' && *p_ != '\n') ++p_;
                    f->append(s, p_);
                    if (p_ == e_) {
                        CheckGrowth(*f, fieldLine, nf);
                        break;
                    }
                    if (*p_ == '\n') {
                        ++physLine_;
                        // CRLF, and CRCRLF from a file converted twice, are one
                        // line break: a field read never holds "\r\n", which
                        // could not be written back as it was.
                        while (!f->empty() && f->back() == '\r') f->pop_back();
                        f->push_back('\n');
                    } else {
                        st = State::AfterQuote;
                    }
                    ++p_;
                    break;
                }
                case State::AfterQuote:
                    if (*p_ == '"') {  // a doubled quote stands for one
                        f->push_back('"');
                        ++p_;
                        st = State::Quoted;
                    } else if (*p_ == ' ' || *p_ == '\t' ||
                               special_[static_cast<unsigned char>(*p_)]) {
                        st = State::Unquoted;  // spaces after the closing quote are kept
                    } else {
                        // Text right after a closing quote: the quote that
                        // opened the field was not meant to, or one is missing.
                        throw Unclosed(fieldLine, nf);
                    }
                    break;
            }
        }
    }

    ReadLimits limits_;
    long rows_ = 0;
    std::unique_ptr<std::FILE, FileCloser> file_;
    std::vector<char> buf_;
    const char* p_ = nullptr;
    const char* e_ = nullptr;
    long long bufStart_ = 0;  // file offset of buf_[0]
    long long total_ = -1;
    long physLine_ = 1;
    bool pendingCR_ = false;
    bool eof_ = false;
    char delim_ = ',';
    bool special_[256];
};

class CsvWriter final : public TableWriter {
  public:
    CsvWriter(const std::string& path, const std::vector<std::string>& header, char delimiter,
              bool bom)
        : TableWriter(path == "-" ? path : BaseName(path)), delim_(delimiter) {
        if (path == "-") {
            file_ = stdout;
            toStdout_ = true;
        } else {
            target_ = CreateBeside(path, fileName_);
            file_ = std::fopen(target_->TempPath().c_str(), "wb");
            if (!file_)
                throw UserError(Loc(fileName_),
                                WithReason(N_("cannot create the file"), std::strerror(errno)));
        }
        buf_.reserve(kBufferSize + 4096);
        if (bom) buf_ += "\xEF\xBB\xBF";
        WriteRow(header);
    }

    ~CsvWriter() override {
        try {
            // Left by an exception: the target keeps what it held.
            if (std::uncaught_exceptions() > unwinding_ && !closed_) {
                closed_ = true;
                if (file_ && !toStdout_) std::fclose(file_);
                file_ = nullptr;
                return;  // target_ removes the temporary
            }
            Close();
        } catch (...) {
        }
    }

    void Add(const std::vector<std::string>& row) override {
        if (closed_) throw std::logic_error("TableWriter::Add after Close");
        WriteRow(row);
        ++rows_;
        if (buf_.size() >= kBufferSize) Flush();
    }

    void Close() override {
        if (closed_) return;
        closed_ = true;
        int err = 0;
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size())
            err = errno ? errno : EIO;
        buf_.clear();
        if (toStdout_) {
            if (std::fflush(file_) != 0 && !err) err = errno;
        } else if (std::fclose(file_) != 0 && !err) {
            err = errno;
        }
        file_ = nullptr;
        if (err)
            throw UserError(Loc(fileName_),
                            WithReason(N_("cannot write the file"), std::strerror(err)));
        if (target_) target_->Commit();  // complete: into place
    }

  private:
    void Flush() {
        if (std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
            const int err = errno ? errno : EIO;
            buf_.clear();
            Close();  // releases the file; reports its own error if any
            throw UserError(Loc(fileName_),
                            WithReason(N_("cannot write the file"), std::strerror(err)));
        }
        buf_.clear();
    }

    void WriteRow(const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) buf_ += delim_;
            const std::string& field = row[i];
            const bool guard = NeedsFormulaGuard(field);
            if (guard) guarded_ = '\'' + field;
            const std::string& s = guard ? guarded_ : field;
            bool quote = !s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' ||
                                        s.back() == '\t');
            for (char c : s) {
                if (c == delim_ || c == '"' || c == '\r' || c == '\n') {
                    quote = true;
                    break;
                }
            }
            if (!quote) {
                buf_ += s;
                continue;
            }
            buf_ += '"';
            for (char c : s) {
                if (c == '"') buf_ += '"';
                buf_ += c;
            }
            buf_ += '"';
        }
        buf_ += '\n';
    }

    std::unique_ptr<AtomicFile> target_;  // written whole (not for standard output)
    const int unwinding_ = std::uncaught_exceptions();
    std::FILE* file_ = nullptr;
    bool toStdout_ = false;
    bool closed_ = false;
    char delim_;
    std::string buf_;
    std::string guarded_;  // a field with its apostrophe
};

}  // namespace

std::unique_ptr<TableReader> OpenCsv(const std::string& path, char fixedDelimiter,
                                     const ReadLimits& limits) {
    return std::make_unique<CsvReader>(path, fixedDelimiter, limits);
}

std::unique_ptr<TableWriter> CreateCsv(const std::string& path,
                                       const std::vector<std::string>& header, char delimiter,
                                       bool bom) {
    return std::make_unique<CsvWriter>(path, header, delimiter, bom);
}

}  // namespace cchc::tableio::detail
