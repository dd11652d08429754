// A save refused because another desk saved the same record after this one
// read it (optimistic locking on the record's version). The services throw
// EditConflict with the fields on which the user's values and the stored
// ones differ, and the stored version; the client shows both side by side,
// lets the user keep either value per field, and saves the merge again
// against the stored version (which fails again, visibly, if a third desk
// saved in between).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/errors.h"

namespace cchc {

struct FieldConflict {
    std::string field;   // key of the field (as in the request and import columns)
    std::string label;   // the field's name as shown to the user, translated
    std::string mine;    // the user's value, as shown
    std::string theirs;  // the stored value, as shown
};

// The fields whose value the user keeps as typed; every other field takes the
// stored value.
using KeptFields = std::set<std::string>;

class EditConflict : public UserError {
  public:
    // record names what was edited for a sentence ("Nhiệm vụ “Niêm yết…”").
    // fields may be empty when the other desk changed only what this desk
    // did not edit or show.
    EditConflict(std::string record, std::vector<FieldConflict> fields, int storedVersion);
    const std::string& record() const { return record_; }
    const std::vector<FieldConflict>& fields() const { return fields_; }
    int storedVersion() const { return storedVersion_; }

  private:
    std::string record_;
    std::vector<FieldConflict> fields_;
    int storedVersion_;
};

// An action on a record that has no fields to merge (a link made or
// removed, a criterion deleted or moved, a flag switched over a copy that
// no longer exists) refused because another desk changed the record after
// this one read it. Nothing was done; the message says what and asks the
// user to look at the record as stored, which the client shows again.
class ChangedSinceRead : public UserError {
  public:
    explicit ChangedSinceRead(const std::string& message) : UserError(message) {}
};

// Collects the fields on which two copies of a record differ.
class ConflictFields {
  public:
    // Adds the field when mine and theirs differ.
    ConflictFields& Compare(const std::string& field, const std::string& label,
                            const std::string& mine, const std::string& theirs);
    // The same for a yes-or-no field, shown as "Yes" or "No".
    ConflictFields& CompareYesNo(const std::string& field, const std::string& label, bool mine,
                                 bool theirs);
    std::vector<FieldConflict> Take() { return std::move(fields_); }
    bool empty() const { return fields_.empty(); }

  private:
    std::vector<FieldConflict> fields_;
};

// Three-way: the fields the user edited, each with its value as first read
// (shown as the conflict shows values), i.e. the diff of the user's copy
// against the copy first read (base), made with the same function the
// service uses for the conflict (ConflictFields), so that "edited" and
// "conflicting" name the same fields and read the same. The value read is
// unknown (nullopt) where the caller cannot say; such a field, when the
// conflict lists it, counts as changed on both desks.
using EditedFields = std::map<std::string, std::optional<std::string>>;
EditedFields EditedOf(const std::vector<FieldConflict>& mineAgainstBase);
// Whether the user has to choose: some field of the conflict was changed on
// both desks (edited here, and the stored value is not the one read). A
// field only the other desk changed takes its value; one only this desk
// changed keeps the user's: the merge is obvious.
bool NeedsChoice(const EditConflict& conflict, const EditedFields& edited);
// The choice offered first (and taken without asking when NeedsChoice is
// false): keep the user's value on the fields the user edited, take the
// stored one on every other field (never write an untouched, stale value
// over another desk's change).
KeptFields DefaultKept(const EditConflict& conflict, const EditedFields& edited);

// value when the user keeps field as typed, else stored.
template <class T>
const T& Pick(const KeptFields& kept, const std::string& field, const T& value, const T& stored) {
    return kept.count(field) ? value : stored;
}

}  // namespace cchc
