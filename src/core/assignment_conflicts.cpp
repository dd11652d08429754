// Conflicts of the assignment matrix (see assignment_conflicts.h).
#include "core/assignment_conflicts.h"

#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/i18n.h"
#include "core/text.h"

namespace cchc {

namespace {
// The rows by (group, indicator).
std::map<std::pair<std::string, std::string>, const AssignmentRow*> ByKey(
    const std::vector<AssignmentRow>& rows) {
    std::map<std::pair<std::string, std::string>, const AssignmentRow*> out;
    for (const auto& r : rows) out.emplace(std::make_pair(Trim(r.group), Trim(r.indicator)), &r);
    return out;
}

// The values of a row the user edits, by column key, with their labels.
std::vector<std::tuple<std::string, std::string, std::string AssignmentRow::*>> RowFields() {
    return {{"title", tr("Title"), &AssignmentRow::title},
            {"lead_unit", tr("Lead unit"), &AssignmentRow::leadUnit},
            {"coordinating_units", tr("Coordinating units"), &AssignmentRow::coordinatingUnits},
            {"responsible_person", tr("Responsible person"), &AssignmentRow::responsiblePerson}};
}

std::string RowName(const AssignmentRow& r) {
    return Trim(r.group) + (Trim(r.indicator).empty() ? "" : " " + Trim(r.indicator));
}

}  // namespace

std::vector<FieldConflict> AssignmentConflicts(const std::vector<AssignmentRow>& mine,
                                               const std::vector<AssignmentRow>& stored) {
    const auto theirs = ByKey(stored), ours = ByKey(mine);
    ConflictFields f;
    const std::string dash = " \xe2\x80\x94 ";
    for (const auto& r : mine) {
        auto s = theirs.find(std::make_pair(Trim(r.group), Trim(r.indicator)));
        if (s == theirs.end()) {
            f.Compare(AssignmentFieldKey(r, "row"), RowName(r) + dash + tr("Row"), tr("present"),
                      "");
            continue;
        }
        for (const auto& [key, label, member] : RowFields())
            f.Compare(AssignmentFieldKey(r, key), RowName(r) + dash + label, Trim(r.*member),
                      Trim(s->second->*member));
    }
    for (const auto& r : stored)
        if (!ours.count(std::make_pair(Trim(r.group), Trim(r.indicator))))
            f.Compare(AssignmentFieldKey(r, "row"), RowName(r) + dash + tr("Row"), "",
                      tr("present"));
    return f.Take();
}

std::string AssignmentFieldKey(const AssignmentRow& row, const std::string& field) {
    return Trim(row.group) + "|" + Trim(row.indicator) + "|" + field;
}

std::vector<AssignmentRow> MergeAssignments(const std::vector<AssignmentRow>& mine,
                                            const std::vector<AssignmentRow>& stored,
                                            const EditConflict& conflict, const KeptFields& kept) {
    std::set<std::string> named;
    for (const auto& f : conflict.fields()) named.insert(f.field);
    // The stored value wherever the conflict names it and the user did not keep it.
    auto takeStored = [&](const std::string& key) { return named.count(key) && !kept.count(key); };
    const auto theirs = ByKey(stored);
    std::vector<AssignmentRow> out;
    for (const auto& r : mine) {
        if (takeStored(AssignmentFieldKey(r, "row"))) continue;  // the other desk removed it
        AssignmentRow m = r;
        auto s = theirs.find(std::make_pair(Trim(r.group), Trim(r.indicator)));
        if (s != theirs.end())
            for (const auto& [key, label, member] : RowFields())
                if (takeStored(AssignmentFieldKey(r, key))) m.*member = s->second->*member;
        out.push_back(std::move(m));
    }
    // Rows the other desk added: after the last row of their group.
    const auto ours = ByKey(mine);
    for (const auto& r : stored) {
        if (ours.count(std::make_pair(Trim(r.group), Trim(r.indicator))) ||
            !takeStored(AssignmentFieldKey(r, "row")))
            continue;
        auto at = out.end();
        for (auto it = out.begin(); it != out.end(); ++it)
            if (Trim(it->group) == Trim(r.group)) at = it + 1;
        out.insert(at, r);
    }
    return out;
}

}  // namespace cchc
