// Edit conflicts on an evidence document's details (see core/conflict.h):
// a file added to a criterion that the unit's register holds already, with
// other details than those typed. The result sheet service lists the
// details that differ when it refuses the save; the evidence dialog lists
// the details the user edited with the same diff and merges once the user
// chose.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"

namespace cchc {

// What a document of the register says of itself.
struct EvidenceDetails {
    std::string docNumber;               // "12/QĐ-UBND"
    std::optional<std::string> docDate;  // ISO date
    std::string issuer, title, note;
};

// doc's details with the typed ones over them: a blank detail (or no date)
// is not typed.
EvidenceDetails TypedOver(const EvidenceDetails& typed, const EvidenceDetails& doc);
// Fields keyed as the evidence dialog's controls: doc_number, doc_date
// (dd/mm/yyyy), issuer, title, note.
std::vector<FieldConflict> EvidenceConflicts(const EvidenceDetails& mine,
                                             const EvidenceDetails& stored);
// stored with the kept fields of mine.
EvidenceDetails MergeEvidenceDetails(const EvidenceDetails& mine, const EvidenceDetails& stored,
                                     const KeptFields& kept);
// The details the user typed against those of the register's document as
// a conflict last showed them (seen): the typed ones that differ, with the
// value seen. Before any conflict the user has seen nothing of the
// document: every detail typed counts as edited, its value as read unknown.
EditedFields EditedEvidence(const EvidenceDetails& typed,
                            const std::optional<EvidenceDetails>& seen);

}  // namespace cchc
