// Reading and writing the tables users import and export: CSV/TSV in UTF-8
// and Excel .xlsx workbooks.
//
// - TableReader streams the records of a file and knows the line each one
//   starts on, so that import errors can name the place (file, line, column).
// - ColumnMap finds the columns an import needs in a header typed by hand:
//   case, Vietnamese diacritics, spaces and underscores do not matter, and
//   each column may have aliases ("Mã đơn vị", "ma_don_vi", "unit code").
// - TableWriter writes CSV (or TSV) or a formatted .xlsx sheet (bold frozen
//   header, autofilter, column widths, numbers and dates as real cells).
//
// Every problem a user can fix is reported as cchc::UserError with a
// translated message.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/errors.h"
#include "core/progress.h"
#include "core/text_limits.h"

namespace cchc::tableio {

// ---------------------------------------------------------------- reading

// What a reader accepts before it refuses a file as too large: a file made
// to exhaust memory or time (a zip bomb, billions of empty rows, a field of
// megabytes) is stopped with a message naming the limit. Tests lower them.
struct ReadLimits {
    // XLSX: uncompressed bytes of a part read whole (shared strings, styles,
    // workbook), checked on the zip entry's declared size and while inflating.
    long long maxPartBytes = 256LL << 20;
    // XLSX: uncompressed bytes of the sheet, read a chunk at a time.
    long long maxSheetBytes = 1LL << 30;
    // Records after the header (a ratings file has 2 million).
    long maxRows = 2'500'000;
    // Characters in one field or cell.
    std::size_t maxFieldChars = 4000;
    // CSV: fields in one record (an Excel sheet has 16,384 columns).
    std::size_t maxColumns = 16384;
    // XLSX: bytes of XML of one row of the sheet.
    long long maxRowBytes = 64LL << 20;
    // Bytes read from the file (CSV) or inflated from the sheet (XLSX) at a
    // time; at least 64. Not a limit: tests and fuzzing lower it so that
    // records and XML cross many buffer boundaries.
    std::size_t bufferBytes = 1 << 20;
};

// How a file is read when a user has said more about it than its extension
// (the import wizard): which sheet, what its columns stand for, which
// records to pass over, and where to report progress.
struct ReadOptions {
    // XLSX: the sheet of that name (case and diacritics do not matter); ""
    // for the first sheet. CSV ignores it.
    std::string sheet;
    // Header cell (0-based) → the text it is read as: the key of the column
    // it stands for, or "" for a column to ignore. Cells not named keep the
    // text of the file.
    std::map<std::size_t, std::string> columns;
    // Records starting on these lines are passed over (a check that lists
    // every error sets aside the lines already found wrong).
    std::set<long> skipLines;
    // Reading reports the share of the file read and stops with
    // CancelledError when the user cancels.
    Progress* progress = nullptr;
};

// A table read record by record. Open() chooses the format by the file's
// extension (case-insensitive): .csv (comma, or ';' when the header line has
// more ';' than ','), .tsv and .txt (tab), .xlsx (first sheet).
//
// CSV: UTF-8 with or without BOM; RFC 4180 quoting (doubled quotes, line
// breaks inside quotes); LF, CRLF or CR line ends. Fields are not trimmed,
// but one leading apostrophe is removed when the rest starts with
// apostrophes and then '=', '+', '-', '@', a tab or a CR (the mark
// TableWriter puts before text a spreadsheet would take for a formula).
// XLSX: cells are returned as text: numbers as written by Excel (integers
// without ".0", otherwise up to 15 significant digits with '.'), dates
// (cells with a date format) as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS",
// times-only as "HH:MM:SS", percentages (cells with a '%' format) in
// percent points without the sign (a cell showing 83.33% gives "83.33"),
// booleans as "TRUE"/"FALSE", errors as shown ("#N/A").
//
// In both formats the header is the first non-empty record; trailing empty
// header cells are dropped. Next() skips records whose fields are all empty
// or blank, pads records shorter than the header with "" and keeps extra
// fields of longer ones.
class TableReader {
  public:
    // Throws UserError naming the file when it cannot be opened, has an
    // unsupported extension, is not UTF-8 text, is damaged, passes one of
    // the limits, or has no header row.
    static std::unique_ptr<TableReader> Open(const std::string& path, const ReadLimits& limits = {},
                                             const ReadOptions& options = {});
    static std::unique_ptr<TableReader> Open(const std::string& path, const ReadOptions& options);

    virtual ~TableReader();
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    const std::vector<std::string>& Header() const { return header_; }
    // Line (CSV) or sheet row (XLSX) of the header, normally 1.
    long HeaderLine() const { return headerLine_; }

    // Reads the next non-empty record into fields (reusing its strings).
    // Returns false at the end. Throws UserError naming file, line and
    // column for malformed input (a quote that does not close, text that is
    // not UTF-8, a damaged workbook cell) and for a passed limit (rows,
    // field length); CancelledError when ReadOptions::progress is cancelled.
    bool Next(std::vector<std::string>& fields);

    // XLSX: the names of the workbook's sheets in order; CSV: none.
    virtual std::vector<std::string> SheetNames() const { return {}; }

    // 1-based line on which the current record starts (the header is line
    // 1; quoted line breaks count); for XLSX the spreadsheet row number.
    long Line() const { return line_; }

    // The file name of the path given to Open() (no directories), for
    // messages.
    const std::string& FileName() const { return fileName_; }

    // Progress: bytes consumed so far and in all. For XLSX these count the
    // uncompressed XML of the sheet.
    virtual long long BytesRead() const = 0;
    virtual long long TotalBytes() const = 0;

  protected:
    explicit TableReader(std::string fileName) : fileName_(std::move(fileName)) {}
    // The format's own reading: the next non-empty record, padded to the
    // header; line_ set to its first line.
    virtual bool NextRecord(std::vector<std::string>& fields) = 0;

    std::vector<std::string> header_;
    long headerLine_ = 0;
    long line_ = 0;
    std::string fileName_;

  private:
    std::set<long> skipLines_;
    Progress* progress_ = nullptr;
    long sinceReport_ = 0;
};

// --------------------------------------------------------------- columns

// A column an import understands: its key (also accepted as a header
// name), other names users write for it, and whether it must be present.
struct ColumnSpec {
    std::string key;
    std::vector<std::string> aliases;
    bool required = false;
};

// Header text folded for comparison: trimmed, lower case, Vietnamese
// diacritics removed (đ→d; precomposed and combining forms), runs of spaces,
// tabs and underscores collapsed to one space. "  Mã_Đơn  vị " → "ma don vi".
std::string NormalizeColumnName(const std::string& name);

// Where each known column is in a header.
class ColumnMap {
  public:
    ColumnMap() = default;
    // Throws UserError(Location{fileName, headerLine, key}, ...) when a
    // required column is missing or a column appears twice. Header cells
    // that match no spec are ignored (see UnknownColumns()).
    ColumnMap(const std::vector<std::string>& header, const std::vector<ColumnSpec>& specs,
              const std::string& fileName = {}, long headerLine = 1);
    ColumnMap(const TableReader& reader, const std::vector<ColumnSpec>& specs);

    bool Has(const std::string& key) const;
    // Position of the column in the header, or -1.
    int Index(const std::string& key) const;
    // The field of row for key, or "" when the column is absent or the row
    // is short.
    const std::string& Get(const std::vector<std::string>& row, const std::string& key) const;
    // Location{file, current line, key} for an error in the current record.
    Location At(const TableReader& reader, const std::string& key) const;

    // Non-empty header cells that matched no spec, as written.
    const std::vector<std::string>& UnknownColumns() const { return unknown_; }

  private:
    std::vector<std::pair<std::string, int>> index_;  // key → position
    std::vector<std::string> unknown_;
};

// For each header cell, the key of the spec it stands for, or "" when none:
// first the names ColumnMap matches (key or alias, folded); then, for specs
// still unmatched, a cell whose folded words contain a name's words in
// order ("Lĩnh vực TTHC" → field), the longest name winning. Each key is
// given to one cell at most.
std::vector<std::string> GuessColumns(const std::vector<std::string>& header,
                                      const std::vector<ColumnSpec>& specs);

// Refuses text longer than its field's limit (core/text_limits.h): throws
// UserError at cols.At(reader, key) with the message naming the limit.
void CheckTextLimit(const ColumnMap& cols, const TableReader& reader, const std::string& key,
                    std::string_view text, const TextLimit& limit);

// --------------------------------------------------------------- writing

// How a column is written to XLSX (CSV writes all text as given). A field
// of a numeric or date column that does not parse is written as text;
// empty fields leave the cell empty.
//  - Text:    always a string cell (keeps leading zeros of codes).
//  - Integer: number with format "#,##0" ("#,##0.00" if it has decimals).
//  - Decimal: number with format "#,##0.00".
//  - Percent: the text is in percent points ("83.33" means 83.33 %); the
//             cell holds the fraction 0.8333 with format "0.00%", so Excel
//             computes with it correctly. TableReader turns cells with a
//             percent format back into percent points, so "83.33" round
//             trips.
//  - Date:    "YYYY-MM-DD" (optionally "THH:MM[:SS]" or " HH:MM[:SS]")
//             becomes an Excel date shown as "dd/mm/yyyy" (with
//             " hh:mm:ss" when a time is given).
// Numbers are read with '.' as decimal separator, no thousands separator.
enum class ColumnType { Text, Integer, Decimal, Percent, Date };

struct WriteOptions {
    bool bom = false;                // CSV: start with a UTF-8 BOM (for Excel)
    std::string sheetName = "Data";  // XLSX: sheet name (made valid for Excel)
    std::vector<ColumnType> types;   // XLSX: per column; missing ones are Text
};

// Writes a table. Create() chooses the format by extension: .csv (comma),
// .tsv/.txt (tab), .xlsx; "-" writes CSV to standard output.
// CSV: fields are quoted when they contain the delimiter, a quote, CR or LF,
// or start or end with a space or tab; lines end with LF. Text that a
// spreadsheet would take for a formula (it starts with '=', '+', '-', '@',
// a tab or a CR, and is not a plain number such as "-5" or "-0,5") is
// written after an apostrophe, so that it shows as text; text that starts
// with apostrophes before such a character gets one more. The reader
// removes that one apostrophe, so an export reads back as it was.
// XLSX: written in libxlsxwriter's constant-memory mode (rows stream to a
// temporary file), at most 1,048,575 data rows and 16,384 columns. Text is
// always written as a string cell, never as a formula.
class TableWriter {
  public:
    // Throws UserError naming the file when the extension is not supported
    // or the file cannot be created.
    static std::unique_ptr<TableWriter> Create(const std::string& path,
                                               const std::vector<std::string>& header,
                                               const WriteOptions& options = {});

    // Closes the file if Close() was not called; errors are then lost, so
    // call Close() to learn about them.
    virtual ~TableWriter();
    TableWriter(const TableWriter&) = delete;
    TableWriter& operator=(const TableWriter&) = delete;

    // Appends one record (its length need not match the header's).
    virtual void Add(const std::vector<std::string>& row) = 0;
    // Finishes the file; throws UserError when it cannot be written. Calling
    // it again does nothing.
    virtual void Close() = 0;

    // Data records added so far.
    long Rows() const { return rows_; }
    const std::string& FileName() const { return fileName_; }

  protected:
    explicit TableWriter(std::string fileName) : fileName_(std::move(fileName)) {}

    long rows_ = 0;
    std::string fileName_;
};

}  // namespace cchc::tableio
