// What the fuzz targets share: the input written as a file, the checks every
// outcome of a reader or an importer must pass, and a workbook built from
// XML parts. A failed check aborts, and libFuzzer keeps the input.
#pragma once
#include <string>
#include <vector>

#include "core/errors.h"
#include "services/io/table_io.h"

namespace cchc::fuzz {

using Row = std::vector<std::string>;

// A file in the target's own temporary directory (removed at exit).
std::string TempFile(const std::string& name);
// Writes content to TempFile("input" + ext), the same file each time, and
// returns its path.
std::string WriteInput(const std::string& content, const std::string& ext);

// Prints what went wrong and aborts.
[[noreturn]] void Fail(const std::string& what);

// A refusal as the user sees it: one line of UTF-8, short (an excerpt of
// what the file held, never all of it), naming the file when it names one.
void CheckRefusal(const UserError& e, const std::string& fileName);

// What a reader gave: the header and the records after it.
struct Table {
    Row header;
    std::vector<Row> rows;
};

// Reads the whole file with the limits, checking every record: UTF-8
// fields within the character limit, none all blank, at least as long as
// the header, no more records than the limit, and (CSV) lines that only go
// forward. Returns false when the file is refused (the refusal checked).
bool ReadChecked(const std::string& path, const tableio::ReadLimits& limits, Table& out);

// Writes the rows (under a header c1..cN, N the longest row) as a file of
// the extension's format, reads it back and aborts when any field differs:
// what the readers accept, the writers must give back.
void CheckRoundTrip(const std::vector<Row>& rows, const std::string& ext,
                    const tableio::ReadLimits& limits);

}  // namespace cchc::fuzz
