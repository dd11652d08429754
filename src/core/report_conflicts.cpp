// Conflicts of report texts (see report_conflicts.h).
#include "core/report_conflicts.h"

namespace cchc {

namespace {
std::string HeadingOf(const NarrativeHeadings& headings, const std::string& key) {
    auto h = headings.find(key);
    return h == headings.end() ? key : h->second;
}

std::map<std::string, std::string> Bodies(const NarrativeTexts& texts) {
    std::map<std::string, std::string> out;
    for (const auto& [key, text] : texts) out[key] = text.body;
    return out;
}

NarrativeText Of(const NarrativeTexts& texts, const std::string& key) {
    auto t = texts.find(key);
    return t == texts.end() ? NarrativeText{} : t->second;
}
}  // namespace

std::vector<FieldConflict> NarrativeDiff(const std::map<std::string, std::string>& mine,
                                         const std::map<std::string, std::string>& other,
                                         const NarrativeHeadings& headings) {
    ConflictFields f;
    for (const auto& [key, body] : mine) {
        auto o = other.find(key);
        f.Compare(key, HeadingOf(headings, key), body,
                  o == other.end() ? std::string() : o->second);
    }
    return f.Take();
}

std::vector<FieldConflict> NarrativeConflicts(const NarrativeTexts& mine,
                                              const NarrativeTexts& stored,
                                              const NarrativeHeadings& headings) {
    std::map<std::string, std::string> changed;
    for (const auto& [key, text] : mine)
        if (Of(stored, key).version != text.version) changed[key] = text.body;
    return NarrativeDiff(changed, Bodies(stored), headings);
}

EditedFields EditedNarratives(const std::map<std::string, std::string>& typed,
                              const std::map<std::string, std::string>& read,
                              const NarrativeHeadings& headings) {
    return EditedOf(NarrativeDiff(typed, read, headings));
}

NarrativeTexts MergeNarratives(const NarrativeTexts& mine, const NarrativeTexts& stored,
                               const EditConflict& conflict, const KeptFields& kept) {
    NarrativeTexts out;
    for (const FieldConflict& f : conflict.fields()) {
        const NarrativeText now = Of(stored, f.field);
        out[f.field] = {kept.count(f.field) ? Of(mine, f.field).body : now.body, now.version};
    }
    return out;
}

}  // namespace cchc
