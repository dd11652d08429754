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
//
// Three-way: edited names the fields the user edited with their values as
// first read (cchc::EditedOf of the same diff the service uses, the user's
// copy against the copy first read). "Mine" is pre-selected only on those;
// every other field pre-selects the other desk's value, is listed after the
// edited ones and carries a muted "(you did not change this)", so that Enter
// never writes an untouched, stale value over another desk's change.
//
// When no field was changed on both desks (cchc::NeedsChoice: the other
// desk changed only what the user left alone, and the user's edits are to
// fields the other desk left alone or set to the same value) there is
// nothing to decide: the dialog is not shown and cchc::DefaultKept is
// returned at once (the user's edits kept, the other desk's changes taken),
// so the caller saves the merge without a question. That is what a clerk
// expects, as when two people fill different lines of one paper form; the
// form then shows the other desk's values, which is notice enough. The
// dialog is shown only for a field both desks changed to different values,
// and then lists every field compared.
std::optional<KeptFields> AskConflict(wxWindow* parent, const EditConflict& conflict,
                                      const EditedFields& edited);
// For a caller that does not know what the user edited: every field counts
// as edited ("mine" pre-selected) and the dialog is always shown.
std::optional<KeptFields> AskConflict(wxWindow* parent, const EditConflict& conflict);

}  // namespace cchc::gui
