// Dossier statistics of form II.06a (Government Office): per unit, month
// and procedure field, the dossiers received (online, in person or by
// post, carried over from the period before), settled (early, on time,
// late) and still in progress (within time, overdue). The totals are
// derived from their parts; a month's figures add up into a longer period.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace cchc {

struct DossierFigures {
    long receivedOnline = 0, receivedDirect = 0, carriedOver = 0;
    long settledEarly = 0, settledOnTime = 0, settledLate = 0;
    long pendingInTime = 0, pendingOverdue = 0;

    // Received for settlement: new online, new in person or by post, and
    // carried over.
    long ReceivedTotal() const { return receivedOnline + receivedDirect + carriedOver; }
    long SettledTotal() const { return settledEarly + settledOnTime + settledLate; }
    long PendingTotal() const { return pendingInTime + pendingOverdue; }
    bool operator==(const DossierFigures& o) const;
};

// The most a part takes: a unit's dossiers of one field in a month.
inline constexpr long kMaxDossierCount = 1000000;

// A part of the figures as typed or imported: its key (the import's
// column), its name (an English msgid, translated where shown) and where
// it is kept.
struct DossierPart {
    const char* key;
    const char* label;
    long DossierFigures::*member;
};
// The eight parts in the order of the form: received online, in person or
// by post, carried over; settled early, on time, late; in progress within
// time, overdue.
const std::vector<DossierPart>& DossierPartList();

// Whether every dossier received (new and carried over) is either settled
// or still in progress: what the form's columns say when they agree.
inline bool DossierBalanced(const DossierFigures& d) {
    return d.ReceivedTotal() == d.SettledTotal() + d.PendingTotal();
}

// The figures of consecutive months of one unit and field, oldest first,
// as one period's: the dossiers received and settled add up; carried over
// is the first month's (what the period took over), in progress the last
// month's (what it hands on). Nothing for no month.
std::optional<DossierFigures> SumDossierMonths(const std::vector<DossierFigures>& months);

// Two units' (or fields') figures of the same period added up.
DossierFigures AddDossierFigures(const DossierFigures& a, const DossierFigures& b);

// The total a file gives beside its parts: nothing when it agrees (or is
// not given), else the derived total it should have been.
std::optional<long> DisagreeingTotal(std::optional<long> given, long derived);

}  // namespace cchc
