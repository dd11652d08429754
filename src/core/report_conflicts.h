// Edit conflicts on the texts typed into a report (its narrative sections,
// see core/conflict.h): a section's text another desk saved after this one
// read it, the merge once the user chose per section, and the sections the
// user edited. The report archive lists the conflicts when a save is
// refused; the reports panel lists the sections the user edited with the
// same diff (the text typed against the text first read).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/conflict.h"

namespace cchc {

// A section's text as read: its body and the version a save is checked
// against (0: nothing stored yet).
struct NarrativeText {
    std::string body;
    int version = 0;
};

// Sections by key.
using NarrativeTexts = std::map<std::string, NarrativeText>;
// Each section's heading by key, for the conflict's labels (the key when
// a section has none).
using NarrativeHeadings = std::map<std::string, std::string>;

// The sections of mine whose body differs from other's (a section other
// lacks reads as empty), keyed by section.
std::vector<FieldConflict> NarrativeDiff(const std::map<std::string, std::string>& mine,
                                         const std::map<std::string, std::string>& other,
                                         const NarrativeHeadings& headings);
// The sections of mine saved since they were read (stored's version is not
// mine's) with another text than the user's.
std::vector<FieldConflict> NarrativeConflicts(const NarrativeTexts& mine,
                                              const NarrativeTexts& stored,
                                              const NarrativeHeadings& headings);
// The sections the user edited: the text typed against the text read, with
// that text (three-way: see EditedFields).
EditedFields EditedNarratives(const std::map<std::string, std::string>& typed,
                              const std::map<std::string, std::string>& read,
                              const NarrativeHeadings& headings);
// After the user chose: each section the conflict names at the stored
// version, with the user's text where kept, else the stored one.
NarrativeTexts MergeNarratives(const NarrativeTexts& mine, const NarrativeTexts& stored,
                               const EditConflict& conflict, const KeptFields& kept);

}  // namespace cchc
