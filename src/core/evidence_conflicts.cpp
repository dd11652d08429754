// Conflicts of evidence details (see evidence_conflicts.h).
#include "core/evidence_conflicts.h"

#include "core/date.h"
#include "core/i18n.h"
#include "core/vnformat.h"

namespace cchc {

namespace {
bool Blank(const std::string& v) { return v.find_first_not_of(" \t") == std::string::npos; }

std::string ShownDate(const std::optional<std::string>& iso) {
    if (!iso) return std::string();
    auto d = Date::ParseIso(*iso);
    return d ? FormatDate(*d) : *iso;
}
}  // namespace

EvidenceDetails TypedOver(const EvidenceDetails& typed, const EvidenceDetails& doc) {
    EvidenceDetails out = doc;
    if (!Blank(typed.docNumber)) out.docNumber = typed.docNumber;
    if (typed.docDate) out.docDate = typed.docDate;
    if (!Blank(typed.issuer)) out.issuer = typed.issuer;
    if (!Blank(typed.title)) out.title = typed.title;
    if (!Blank(typed.note)) out.note = typed.note;
    return out;
}

std::vector<FieldConflict> EvidenceConflicts(const EvidenceDetails& mine,
                                             const EvidenceDetails& stored) {
    ConflictFields fields;
    fields.Compare("doc_number", tr("Number"), mine.docNumber, stored.docNumber)
        .Compare("doc_date", tr("Date"), ShownDate(mine.docDate), ShownDate(stored.docDate))
        .Compare("issuer", tr("Issued by"), mine.issuer, stored.issuer)
        .Compare("title", tr("Title"), mine.title, stored.title)
        .Compare("note", tr("Note"), mine.note, stored.note);
    return fields.Take();
}

EvidenceDetails MergeEvidenceDetails(const EvidenceDetails& mine, const EvidenceDetails& stored,
                                     const KeptFields& kept) {
    EvidenceDetails d = stored;
    d.docNumber = Pick(kept, "doc_number", mine.docNumber, stored.docNumber);
    d.docDate = Pick(kept, "doc_date", mine.docDate, stored.docDate);
    d.issuer = Pick(kept, "issuer", mine.issuer, stored.issuer);
    d.title = Pick(kept, "title", mine.title, stored.title);
    d.note = Pick(kept, "note", mine.note, stored.note);
    return d;
}

EditedFields EditedEvidence(const EvidenceDetails& typed,
                            const std::optional<EvidenceDetails>& seen) {
    if (seen) return EditedOf(EvidenceConflicts(TypedOver(typed, *seen), *seen));
    // Nothing seen: the typed details against none, their values as read unknown.
    EditedFields edited;
    for (const FieldConflict& f : EvidenceConflicts(TypedOver(typed, {}), {}))
        edited[f.field] = std::nullopt;
    return edited;
}

}  // namespace cchc
