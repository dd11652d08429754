// The dialog shown when a save is refused because another desk saved the same
// record first (cchc::EditConflict): each differing field with the user's
// value beside the stored one, a choice per field, and buttons to keep all of
// one side. The caller merges with cchc::Pick and saves again against
// EditConflict::storedVersion().
#pragma once
#include <optional>

#include "core/conflict.h"

class wxWindow;

namespace cchc::gui {

// The fields the user keeps as typed (the others take the stored value), or
// nothing when the user cancelled (the caller keeps its dialog open with the
// user's input).
std::optional<KeptFields> AskConflict(wxWindow* parent, const EditConflict& conflict);

}  // namespace cchc::gui
