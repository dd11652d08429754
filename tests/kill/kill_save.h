// The client-save writer of the kill harness: what the scoring grid does
// when a user saves a commune's sheet, through the same services.
#pragma once
#include <string>

namespace cchc::killtest {

// Opens the database at url and saves a score and a note in every cell of
// a commune's sheet of the demo office (PAR-XA-2025, 2025), in one Apply as
// the grid's save does.
void SaveAsClient(const std::string& url);

}  // namespace cchc::killtest
