#include "fuzz_support.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/text.h"
#include "support/test_support.h"

namespace cchc::fuzz {
namespace {

const test::TempDir& Dir() {
    static const test::TempDir dir;  // removed at exit
    return dir;
}

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

std::string Quoted(const std::string& s) { return "\"" + Excerpt(s, 200) + "\""; }

}  // namespace

std::string TempFile(const std::string& name) { return Dir().File(name); }

std::string WriteInput(const std::string& content, const std::string& ext) {
    const std::string path = TempFile("input" + ext);
    test::WriteFile(path, content);
    return path;
}

void Fail(const std::string& what) {
    std::fprintf(stderr, "\n*** fuzz check failed: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

void CheckRefusal(const UserError& e, const std::string& fileName) {
    const std::string what = e.what();
    if (!IsValidUtf8(what)) Fail("the message is not UTF-8: " + Quoted(what));
    if (what.find('\n') != std::string::npos || what.find('\r') != std::string::npos)
        Fail("the message has more than one line: " + Quoted(what));
    // The longest message with its excerpts and location is well under this.
    if (what.size() > 1200) Fail("the message is too long: " + Quoted(what));
    if (!e.where().file.empty() && e.where().file != fileName)
        Fail("the message names another file: " + Quoted(what));
    if (e.where().line < 0) Fail("the message names a negative line: " + Quoted(what));
}

bool ReadChecked(const std::string& path, const tableio::ReadLimits& limits, Table& out) {
    out = {};
    const std::string fileName = path.substr(path.rfind('/') + 1);
    const bool csv = fileName.size() > 4 && fileName.compare(fileName.size() - 4, 4, ".csv") == 0;
    auto checkFields = [&](const Row& fields, const char* what) {
        for (const auto& f : fields) {
            if (!IsValidUtf8(f)) Fail(std::string(what) + " holds text that is not UTF-8");
            if (Utf8Length(f) > limits.maxFieldChars)
                Fail(std::string(what) + " holds a field past the limit: " + Quoted(f));
        }
    };
    try {
        auto reader = tableio::TableReader::Open(path, limits);
        out.header = reader->Header();
        if (out.header.empty() || IsBlank(out.header.back()))
            Fail("the header is empty or ends with a blank cell");
        checkFields(out.header, "the header");
        long line = reader->HeaderLine();
        if (line < 1) Fail("the header is on line " + std::to_string(line));
        Row row;
        while (reader->Next(row)) {
            checkFields(row, "a record");
            if (row.size() < out.header.size()) Fail("a record is shorter than the header");
            bool blank = true;
            for (const auto& f : row) blank = blank && IsBlank(f);
            if (blank) Fail("a blank record was returned");
            if (reader->Line() < 1 || (csv && reader->Line() <= line))
                Fail("record on line " + std::to_string(reader->Line()) + " after line " +
                     std::to_string(line));
            line = reader->Line();
            out.rows.push_back(row);
            if (static_cast<long>(out.rows.size()) > limits.maxRows)
                Fail("more records than the limit");
        }
        if (reader->BytesRead() > reader->TotalBytes()) Fail("more bytes read than the file has");
    } catch (const UserError& e) {
        CheckRefusal(e, fileName);
        return false;
    }
    return true;
}

void CheckRoundTrip(const std::vector<Row>& rows, const std::string& ext,
                    const tableio::ReadLimits& limits) {
    std::size_t width = 1;
    for (const auto& r : rows) width = std::max(width, r.size());
    Row header;
    for (std::size_t i = 1; i <= width; ++i) header.push_back("c" + std::to_string(i));
    const std::string path = TempFile("roundtrip" + ext);
    {
        auto writer = tableio::TableWriter::Create(path, header);
        for (const auto& r : rows) writer->Add(r);
        writer->Close();
    }
    // The writer may add an apostrophe before text a spreadsheet would take
    // for a formula.
    tableio::ReadLimits again = limits;
    again.maxFieldChars += 1;
    again.maxRowBytes = tableio::ReadLimits{}.maxRowBytes;  // XML escapes grow a row
    Table back;
    try {
        auto reader = tableio::TableReader::Open(path, again);
        back.header = reader->Header();
        Row row;
        while (reader->Next(row)) back.rows.push_back(row);
    } catch (const UserError& e) {
        Fail(std::string("a file written from accepted records is refused: ") + e.what());
    }
    if (back.header != header) Fail("the header written does not read back");
    if (back.rows.size() != rows.size())
        Fail(std::to_string(rows.size()) + " records written, " + std::to_string(back.rows.size()) +
             " read back");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Row expected = rows[i];
        expected.resize(width);
        if (back.rows[i] != expected) {
            for (std::size_t k = 0; k < width; ++k)
                if (k >= back.rows[i].size() || back.rows[i][k] != expected[k])
                    Fail("record " + std::to_string(i + 1) + " field " + std::to_string(k + 1) +
                         " written " + Quoted(expected[k]) + ", read back " +
                         Quoted(k < back.rows[i].size() ? back.rows[i][k] : "<none>"));
            Fail("record " + std::to_string(i + 1) + " reads back longer");
        }
    }
}

}  // namespace cchc::fuzz
