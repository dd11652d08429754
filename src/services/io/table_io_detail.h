// What the CSV and XLSX halves of table_io share: small helpers for file
// names, locations, messages, blank rows and UTF-8, and the readers and
// writers of each format behind TableReader::Open and TableWriter::Create.
// Only table_io.cpp, csv_io.cpp and xlsx_io.cpp include it.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "services/io/table_io.h"

namespace cchc::tableio::detail {

constexpr std::size_t kBufferSize = 1 << 20;  // CSV read buffer, XLSX chunk

// The file name of a path (the path itself when it has none).
std::string BaseName(const std::string& path);
// ".csv", ".xlsx", ... in lower case.
std::string LowerExtension(const std::string& path);
// A Location with the parts that are known (no missing-initializer noise).
Location Loc(std::string file, long line = 0, std::string field = {});
// "<translated message> (<system reason>)".
std::string WithReason(const char* message, const std::string& reason);
// Only spaces and tabs (or nothing).
bool IsBlank(const std::string& s);
bool AllBlank(const std::vector<std::string>& fields);
void AppendUtf8(std::string& out, char32_t cp);
// Decodes one code point at s[i] (lenient: a bad byte decodes as itself).
char32_t DecodeUtf8(const std::string& s, std::size_t& i);
// "the field is longer than N characters" when text passes the limit, else
// "" (counts bytes first, characters only when needed).
std::string TooLong(const std::string& text, const ReadLimits& limits);
// "the file has more than N rows".
std::string TooManyRows(const ReadLimits& limits);

// The temporary file a writer fills before it is renamed to path; a
// UserError naming fileName when the folder cannot be written.
std::unique_ptr<AtomicFile> CreateBeside(const std::string& path, const std::string& fileName);

// CSV or TSV: a fixed delimiter, or '\0' to detect it ("sep=" line, else
// the header's commas, semicolons or tabs).
std::unique_ptr<TableReader> OpenCsv(const std::string& path, char fixedDelimiter,
                                     const ReadLimits& limits);
std::unique_ptr<TableWriter> CreateCsv(const std::string& path,
                                       const std::vector<std::string>& header, char delimiter,
                                       bool bom);
// The first sheet, or the one named sheet (see ReadOptions::sheet).
std::unique_ptr<TableReader> OpenXlsx(const std::string& path, const ReadLimits& limits,
                                      const std::string& sheet = {});
std::unique_ptr<TableWriter> CreateXlsx(const std::string& path,
                                        const std::vector<std::string>& header,
                                        const WriteOptions& options);

}  // namespace cchc::tableio::detail
