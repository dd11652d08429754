#include "core/conflict.h"

#include <utility>

#include "core/i18n.h"

namespace cchc {

namespace {
std::string ConflictMessage(const std::string& record) {
    std::string text =
        tr("%s was saved on another desk after you opened it; compare the values "
           "and choose which to keep");
    auto at = text.find("%s");
    if (at != std::string::npos) text.replace(at, 2, record);
    return text;
}
}  // namespace

EditConflict::EditConflict(std::string record, std::vector<FieldConflict> fields, int storedVersion)
    : UserError(ConflictMessage(record)),
      record_(std::move(record)),
      fields_(std::move(fields)),
      storedVersion_(storedVersion) {}

ConflictFields& ConflictFields::Compare(const std::string& field, const std::string& label,
                                        const std::string& mine, const std::string& theirs) {
    if (mine != theirs) fields_.push_back({field, label, mine, theirs});
    return *this;
}

ConflictFields& ConflictFields::CompareYesNo(const std::string& field, const std::string& label,
                                             bool mine, bool theirs) {
    auto text = [](bool v) { return std::string(v ? tr("Yes") : tr("No")); };
    return Compare(field, label, text(mine), text(theirs));
}

EditedFields EditedOf(const std::vector<FieldConflict>& mineAgainstBase) {
    EditedFields edited;
    for (const FieldConflict& f : mineAgainstBase) edited[f.field] = f.theirs;
    return edited;
}

bool NeedsChoice(const EditConflict& conflict, const EditedFields& edited) {
    for (const FieldConflict& f : conflict.fields()) {
        auto it = edited.find(f.field);
        if (it != edited.end() && (!it->second || *it->second != f.theirs)) return true;
    }
    return false;
}

KeptFields DefaultKept(const EditConflict& conflict, const EditedFields& edited) {
    KeptFields kept;
    for (const FieldConflict& f : conflict.fields())
        if (edited.count(f.field)) kept.insert(f.field);
    return kept;
}

}  // namespace cchc
