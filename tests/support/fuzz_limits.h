// The read limits the fuzz targets of fuzz/ run the table readers with, and
// with which the tests read the files they found (tests/data/fuzz): small
// enough that short inputs pass every limit and cross many buffer
// boundaries.
#pragma once
#include "services/io/table_io.h"

namespace cchc::test {

inline tableio::ReadLimits FuzzReadLimits() {
    tableio::ReadLimits limits;
    limits.maxPartBytes = 1 << 20;
    limits.maxSheetBytes = 4 << 20;
    limits.maxRows = 200;
    limits.maxFieldChars = 100;
    limits.maxColumns = 300;
    limits.maxRowBytes = 64 << 10;
    limits.bufferBytes = 64;
    return limits;
}

}  // namespace cchc::test
