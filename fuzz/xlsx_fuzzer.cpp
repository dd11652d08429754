// libFuzzer target: the XLSX reader. An input that starts like a ZIP file
// ("PK\3\4") is the workbook itself; any other is its XML parts separated by
// NUL bytes (sheet, shared strings, styles, workbook, relationships: see
// test::XlsxFromParts), packed into a workbook, so that mutations reach the
// sheet's XML rather than the compressed bytes. Every outcome is checked
// (fuzz_support.h), and the records accepted, written as XLSX and read
// back, are the same.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_support.h"
#include "support/fuzz_limits.h"
#include "support/test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cchc;
    const tableio::ReadLimits limits = test::FuzzReadLimits();
    const std::string input(reinterpret_cast<const char*>(data), size);
    const bool whole = size >= 4 && std::memcmp(data, "PK\3\4", 4) == 0;
    const std::string path = fuzz::WriteInput(whole ? input : test::XlsxFromParts(input), ".xlsx");
    fuzz::Table table;
    if (!fuzz::ReadChecked(path, limits, table)) return 0;
    if (!table.rows.empty()) fuzz::CheckRoundTrip(table.rows, ".xlsx", limits);
    return 0;
}
