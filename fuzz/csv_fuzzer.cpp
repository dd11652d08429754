// libFuzzer target: the CSV reader. The input is the file. Every outcome is
// checked (fuzz_support.h): records that are UTF-8, within the limits and on
// lines that only go forward, or a refusal of one short line naming the
// file; and what was accepted, written as CSV or TSV and read back, is the
// same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "support/fuzz_limits.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cchc;
    const tableio::ReadLimits limits = test::FuzzReadLimits();
    const std::string path =
        fuzz::WriteInput(std::string(reinterpret_cast<const char*>(data), size), ".csv");
    fuzz::Table table;
    if (!fuzz::ReadChecked(path, limits, table)) return 0;
    fuzz::CheckRoundTrip(table.rows, size % 2 ? ".tsv" : ".csv", limits);
    return 0;
}
