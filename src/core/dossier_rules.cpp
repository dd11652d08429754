// Dossier statistics of form II.06a: see dossier_rules.h.
#include "core/dossier_rules.h"

#include "core/i18n.h"

namespace cchc {

bool DossierFigures::operator==(const DossierFigures& o) const {
    return receivedOnline == o.receivedOnline && receivedDirect == o.receivedDirect &&
           carriedOver == o.carriedOver && settledEarly == o.settledEarly &&
           settledOnTime == o.settledOnTime && settledLate == o.settledLate &&
           pendingInTime == o.pendingInTime && pendingOverdue == o.pendingOverdue;
}

const std::vector<DossierPart>& DossierPartList() {
    static const std::vector<DossierPart> parts = {
        {"received_online", N_("Received online"), &DossierFigures::receivedOnline},
        {"received_direct", N_("Received in person or by post"), &DossierFigures::receivedDirect},
        {"carried_over", N_("Carried over"), &DossierFigures::carriedOver},
        {"settled_early", N_("Settled early"), &DossierFigures::settledEarly},
        {"settled_on_time", N_("Settled on time"), &DossierFigures::settledOnTime},
        {"settled_late", N_("Settled late"), &DossierFigures::settledLate},
        {"pending_on_time", N_("In progress within time"), &DossierFigures::pendingInTime},
        {"pending_overdue", N_("In progress overdue"), &DossierFigures::pendingOverdue}};
    return parts;
}

std::optional<DossierFigures> SumDossierMonths(const std::vector<DossierFigures>& months) {
    if (months.empty()) return std::nullopt;
    DossierFigures out;
    for (const auto& m : months) {
        out.receivedOnline += m.receivedOnline;
        out.receivedDirect += m.receivedDirect;
        out.settledEarly += m.settledEarly;
        out.settledOnTime += m.settledOnTime;
        out.settledLate += m.settledLate;
    }
    out.carriedOver = months.front().carriedOver;
    out.pendingInTime = months.back().pendingInTime;
    out.pendingOverdue = months.back().pendingOverdue;
    return out;
}

DossierFigures AddDossierFigures(const DossierFigures& a, const DossierFigures& b) {
    DossierFigures out;
    out.receivedOnline = a.receivedOnline + b.receivedOnline;
    out.receivedDirect = a.receivedDirect + b.receivedDirect;
    out.carriedOver = a.carriedOver + b.carriedOver;
    out.settledEarly = a.settledEarly + b.settledEarly;
    out.settledOnTime = a.settledOnTime + b.settledOnTime;
    out.settledLate = a.settledLate + b.settledLate;
    out.pendingInTime = a.pendingInTime + b.pendingInTime;
    out.pendingOverdue = a.pendingOverdue + b.pendingOverdue;
    return out;
}

std::optional<long> DisagreeingTotal(std::optional<long> given, long derived) {
    if (!given || *given == derived) return std::nullopt;
    return derived;
}

}  // namespace cchc
