// Result sets' workflow and validation: see result_workflow.h.
#include "core/result_workflow.h"

#include <set>

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/vnformat.h"

namespace cchc {
namespace {
constexpr double kEps = 1e-9;

struct StatusName {
    ResultStatus status;
    const char* key;
    const char* label;
};
const StatusName kStatuses[] = {
    {ResultStatus::Draft, "draft", N_("Draft")},
    {ResultStatus::Submitted, "submitted", N_("Submitted for appraisal")},
    {ResultStatus::Appraised, "appraised", N_("Appraised and locked")},
};

std::string Points(double v) { return FormatNumberTrim(v, 4); }
}  // namespace

std::string_view ResultStatusKey(ResultStatus s) {
    for (const auto& n : kStatuses)
        if (n.status == s) return n.key;
    return {};
}

std::optional<ResultStatus> ResultStatusFromKey(std::string_view key) {
    for (const auto& n : kStatuses)
        if (key == n.key) return n.status;
    return std::nullopt;
}

std::string ResultStatusLabel(ResultStatus s) {
    for (const auto& n : kStatuses)
        if (n.status == s) return tr(n.label);
    return {};
}

std::string_view ResultFieldKey(ResultField f) {
    switch (f) {
        case ResultField::SelfScore:
            return "self_score";
        case ResultField::AppraisedScore:
            return "appraised_score";
        case ResultField::Numerator:
            return "numerator";
        case ResultField::Denominator:
            return "denominator";
        case ResultField::Note:
            return "note";
    }
    return {};
}

std::string ResultFieldLabel(ResultField f) {
    switch (f) {
        case ResultField::SelfScore:
            return tr("Self score");
        case ResultField::AppraisedScore:
            return tr("Appraised score");
        case ResultField::Numerator:
            return tr("Numerator");
        case ResultField::Denominator:
            return tr("Denominator");
        case ResultField::Note:
            return tr("Note");
    }
    return {};
}

std::optional<std::string> EditRefusal(ResultStatus status, ResultField field) {
    switch (status) {
        case ResultStatus::Draft:
            return std::nullopt;
        case ResultStatus::Submitted:
            if (field == ResultField::AppraisedScore || field == ResultField::Note)
                return std::nullopt;
            return std::string(
                tr("the results have been submitted: withdraw the submission to change them"));
        case ResultStatus::Appraised:
            return std::string(
                tr("the results have been appraised and are locked: the office must reopen them "
                   "first"));
    }
    return std::nullopt;
}

Transition NextStatus(ResultStatus status, SetAction action, const std::string& reason) {
    auto refuse = [](const char* msg) { return Transition{std::nullopt, tr(msg)}; };
    switch (action) {
        case SetAction::Submit:
            if (status == ResultStatus::Draft) return {ResultStatus::Submitted, {}};
            return refuse(status == ResultStatus::Submitted
                              ? N_("the results have already been submitted")
                              : N_("the results have already been appraised"));
        case SetAction::Withdraw:
            if (status == ResultStatus::Submitted) return {ResultStatus::Draft, {}};
            return refuse(
                status == ResultStatus::Draft
                    ? N_("the results have not been submitted, there is nothing to withdraw")
                    : N_("appraised results cannot be withdrawn: the office must reopen them"));
        case SetAction::Appraise:
            if (status != ResultStatus::Appraised) return {ResultStatus::Appraised, {}};
            return refuse(N_("the results have already been appraised"));
        case SetAction::Reopen:
            if (status != ResultStatus::Appraised)
                return refuse(N_("only appraised results are reopened"));
            if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
                return refuse(N_("give the reason for reopening appraised results"));
            return {ResultStatus::Submitted, {}};
    }
    return refuse(N_("this step is not possible"));
}

std::vector<CriterionProblems> ValidateSheet(const Framework& fw,
                                             const std::map<std::string, SheetEntry>& entries) {
    std::set<std::int64_t> parents;
    std::set<std::string> parentCodes;
    for (const auto& c : fw.criteria) {
        if (c.parentId) parents.insert(*c.parentId);
        if (!c.parentCode.empty()) parentCodes.insert(c.parentCode);
    }
    std::vector<CriterionProblems> out;
    for (const auto& c : fw.criteria) {
        if (parents.count(c.id) || parentCodes.count(c.code)) continue;  // a group
        auto it = entries.find(c.code);
        if (it == entries.end()) continue;
        const SheetEntry& e = it->second;
        std::vector<std::string> problems;
        auto score = [&](const std::optional<double>& v, const char* message) {
            if (v && *v > c.maxPoints + kEps)
                problems.push_back(
                    fmt::format(fmt::runtime(tr(message)), Points(*v), Points(c.maxPoints)));
        };
        score(e.selfScore, N_("the self score {0} is above the maximum of {1} points"));
        score(e.appraisedScore, N_("the appraised score {0} is above the maximum of {1} points"));
        if (e.numerator && e.denominator && *e.numerator > *e.denominator + kEps)
            problems.push_back(fmt::format(
                fmt::runtime(tr("the numerator {0} is larger than the denominator {1}")),
                Points(*e.numerator), Points(*e.denominator)));
        if (c.rule == RuleKind::Rate && e.numerator && (!e.denominator || *e.denominator <= 0))
            problems.push_back(tr("a rate needs its denominator"));
        if (c.rule != RuleKind::Rate && (e.numerator || e.denominator))
            problems.push_back(tr("a numerator and denominator are only used by rate criteria"));
        const bool claimed = (e.selfScore && *e.selfScore > 0) || (e.numerator && *e.numerator > 0);
        if (c.evidenceRequired && claimed && e.evidence == 0)
            problems.push_back(tr("evidence is required for this criterion: attach a document"));
        if (!problems.empty()) out.push_back({c.code, std::move(problems)});
    }
    return out;
}

std::string DefaultResultPeriod(const std::vector<PeriodSets>& periods) {
    const PeriodSets* appraised = nullptr;
    const PeriodSets* most = nullptr;
    for (const auto& p : periods) {
        if (p.appraised > 0 && (!appraised || p.period > appraised->period)) appraised = &p;
        if (p.sets > 0 &&
            (!most || p.sets > most->sets || (p.sets == most->sets && p.period > most->period)))
            most = &p;
    }
    if (appraised) return appraised->period;
    return most ? most->period : std::string();
}

}  // namespace cchc
