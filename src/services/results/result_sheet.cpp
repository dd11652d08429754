// One unit's result set: see result_sheet.h.
#include "services/results/result_sheet.h"

#include "services/app/access_guard.h"

#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/date.h"
#include "core/evidence_conflicts.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "services/results/result_totals.h"
#include "storage/evidence_repository.h"
#include "storage/framework_repository.h"
#include "storage/result_repository.h"
#include "storage/result_set_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"
#include "storage/user_repository.h"

namespace cchc::services {
namespace {

std::vector<EvidenceRecord> FromStorage(std::vector<storage::EvidenceRecord> records) {
    std::vector<EvidenceRecord> out;
    out.reserve(records.size());
    for (auto& e : records)
        out.push_back({e.id, e.unitId, std::move(e.docNumber), std::move(e.docDate),
                       std::move(e.issuer), std::move(e.title), std::move(e.note),
                       std::move(e.fileName), std::move(e.mimeType), std::move(e.sha256),
                       e.sizeBytes, std::move(e.createdAt), std::move(e.createdBy), e.version});
    return out;
}

std::string Optional(const std::optional<double>& v) {
    return v ? FormatMachine(*v, 6) : std::string();
}

std::optional<double> Value(const ResultRecord& r, ResultField f) {
    switch (f) {
        case ResultField::SelfScore:
            return r.selfScore;
        case ResultField::AppraisedScore:
            return r.appraisedScore;
        case ResultField::Numerator:
            return r.numerator;
        case ResultField::Denominator:
            return r.denominator;
        case ResultField::Note:
            return std::nullopt;
    }
    return std::nullopt;
}

void SetValue(ResultRecord& r, ResultField f, const std::optional<double>& v) {
    switch (f) {
        case ResultField::SelfScore:
            r.selfScore = v;
            break;
        case ResultField::AppraisedScore:
            r.appraisedScore = v;
            break;
        case ResultField::Numerator:
            r.numerator = v;
            break;
        case ResultField::Denominator:
            r.denominator = v;
            break;
        case ResultField::Note:
            break;
    }
}

std::string Text(const ResultRecord& r, ResultField f) {
    return f == ResultField::Note ? r.note : Optional(Value(r, f));
}

bool Same(const std::optional<double>& a, const std::optional<double>& b) {
    if (!a || !b) return !a && !b;
    return std::abs(*a - *b) < 1e-9;
}

std::string MimeType(const std::string& fileName) {
    std::string ext = std::filesystem::u8path(fileName).extension().u8string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    static const std::map<std::string, std::string> types = {
        {".pdf", "application/pdf"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".png", "image/png"},
        {".doc", "application/msword"},
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {".xls", "application/vnd.ms-excel"},
        {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {".txt", "text/plain"},
        {".zip", "application/zip"},
    };
    auto it = types.find(ext);
    return it == types.end() ? "application/octet-stream" : it->second;
}

std::string Megabytes(long long bytes) {
    return FormatNumberTrim(bytes / (1024.0 * 1024.0), 1) + " MB";
}

std::string CriterionMessage(const std::string& code, const std::string& message) {
    return fmt::format(fmt::runtime(tr("criterion {0}: {1}")), code, message);
}

// The sheet named in a sentence: "the results of Xã An Hòa (PAR-XA-2025, 2026)".
std::string SheetRecord(const Sheet& sheet) {
    const auto p = Period::Parse(sheet.period);
    return fmt::format(fmt::runtime(tr("the results of {0} ({1}, {2})")), sheet.unitName,
                       sheet.frameworkCode, p ? p->Label() : sheet.period);
}

}  // namespace

SheetConflict::SheetConflict(std::string record, std::vector<FieldConflict> fields, Sheet stored)
    : EditConflict(std::move(record), std::move(fields), stored.setVersion),
      stored_(std::move(stored)) {}

std::string SheetFieldKey(const std::string& criterion, ResultField field) {
    return criterion + "/" + std::string(ResultFieldKey(field));
}

std::vector<SheetEdit> KeptEdits(const std::vector<SheetEdit>& edits, const EditConflict& conflict,
                                 const KeptFields& kept) {
    std::set<std::string> named;
    for (const auto& f : conflict.fields()) named.insert(f.field);
    std::vector<SheetEdit> out;
    for (const auto& e : edits) {
        const std::string key = SheetFieldKey(e.criterion, e.field);
        if (!named.count(key) || kept.count(key)) out.push_back(e);
    }
    return out;
}

long long EvidenceSizeLimit(storage::Database& db) {
    const std::string text =
        storage::SettingsRepository(db.session()).Get("evidence.max_bytes", "20971520");
    try {
        long long v = std::stoll(text);
        return v > 0 ? v : 20971520;
    } catch (const std::exception&) {
        return 20971520;
    }
}

std::string Sha256Hex(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

void RecomputeSheet(Sheet& sheet) {
    std::map<std::string, CriterionInput> self, appraised;
    std::map<std::string, SheetEntry> entries;
    for (const auto& row : sheet.rows) {
        if (row.group) continue;
        CriterionInput in;
        in.numerator = row.numerator;
        in.denominator = row.denominator;
        in.points = row.selfScore;
        self[row.code] = in;
        in.points = row.appraisedScore;
        appraised[row.code] = in;
        entries[row.code] = {row.selfScore, row.appraisedScore, row.numerator, row.denominator,
                             row.evidence};
    }
    const auto selfNodes = RollUp(sheet.framework, self);
    const auto appraisedNodes = RollUp(sheet.framework, appraised);
    std::map<std::string, const NodeScore*> selfBy, appraisedBy;
    for (const auto& n : selfNodes) selfBy[n.code] = &n;
    for (const auto& n : appraisedNodes) appraisedBy[n.code] = &n;
    std::map<std::string, std::vector<std::string>> problems;
    for (auto& p : ValidateSheet(sheet.framework, entries))
        problems[p.code] = std::move(p.problems);
    for (auto& row : sheet.rows) {
        if (auto s = selfBy.find(row.code); s != selfBy.end()) {
            row.selfPoints = s->second->points;
            row.max = s->second->max;
            row.applicable = s->second->applicable;
            row.selfNoData = s->second->leaf && (!s->second->entered || s->second->noData);
        }
        if (auto a = appraisedBy.find(row.code); a != appraisedBy.end()) {
            row.appraisedPoints = a->second->points;
            row.appraisedNoData = a->second->leaf && (!a->second->entered || a->second->noData);
            row.lost =
                a->second->applicable ? std::max(0.0, a->second->max - a->second->points) : 0.0;
        }
        auto p = problems.find(row.code);
        row.problems = p == problems.end() ? std::vector<std::string>() : p->second;
    }
    sheet.self = Total(sheet.framework, selfNodes);
    sheet.appraised = Total(sheet.framework, appraisedNodes);
    sheet.selfEntered = !NothingEntered(selfNodes);
    sheet.appraisedEntered = !NothingEntered(appraisedNodes);
    sheet.selfWithoutData = WithoutData(selfNodes);
    sheet.appraisedWithoutData = WithoutData(appraisedNodes);
    // An empty side awards nothing before anything is typed.
    for (auto& row : sheet.rows) {
        if (!sheet.selfEntered) row.selfPoints = 0;
        if (!sheet.appraisedEntered) {
            row.appraisedPoints = 0;
            row.lost = 0;
        }
    }
    if (!sheet.selfEntered) sheet.self = FrameworkTotal{0, sheet.self.max, 0, ""};
    if (!sheet.appraisedEntered) sheet.appraised = FrameworkTotal{0, sheet.appraised.max, 0, ""};
}

ResultSheetService::ResultSheetService(storage::Database& db, std::string user)
    : db_(db), user_(std::move(user)) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

Sheet ResultSheetService::Load(const std::string& unitCode, const std::string& frameworkCode,
                               const std::string& period) {
    AccessGuard guard(db_, user_);
    auto unit = storage::UnitRepository(db_.session()).ByCode(unitCode);
    if (!unit) {
        guard.RefuseHiddenUnit(Action::ReadData, unitCode);
        throw UserError(std::string(tr("the unit does not exist: ")) + unitCode);
    }
    // A commune's account reads its own units' results only.
    guard.Require(Action::ReadData, unit->id);
    storage::FrameworkRepository frameworks(db_.session());
    auto fid = frameworks.IdByCode(frameworkCode);
    std::optional<Framework> fw;
    if (fid) fw = frameworks.Load(*fid);
    if (!fw)
        throw UserError(
            fmt::format(fmt::runtime(tr("the framework does not exist: {0}")), frameworkCode));
    const Period p = PeriodOrError(period);

    Sheet sheet;
    sheet.unitId = unit->id;
    sheet.frameworkId = *fid;
    sheet.unitCode = unit->code;
    sheet.unitName = unit->name;
    sheet.frameworkCode = fw->code;
    sheet.frameworkName = fw->name;
    sheet.period = p.ToString();
    sheet.framework = IsCommuneLevel(unit->kind) ? CommuneView(*fw) : *fw;

    if (auto set = storage::ResultSetRepository(db_.session()).Find(unit->id, *fid, sheet.period)) {
        sheet.setVersion = set->version;
        sheet.status = ResultStatusFromKey(set->status).value_or(ResultStatus::Draft);
        auto stamp = [](const std::string& iso) {
            auto d = Date::ParseIso(iso.substr(0, 10));
            return d ? FormatDate(*d) : iso;
        };
        if (sheet.status == ResultStatus::Appraised && !set->appraisedAt.empty())
            sheet.statusNote = fmt::format(fmt::runtime(tr("appraised by {0} on {1}")),
                                           set->appraisedBy, stamp(set->appraisedAt));
        else if (sheet.status == ResultStatus::Submitted && !set->submittedAt.empty())
            sheet.statusNote = fmt::format(fmt::runtime(tr("submitted by {0} on {1}")),
                                           set->submittedBy, stamp(set->submittedAt));
        if (sheet.status != ResultStatus::Appraised && !set->reopenReason.empty())
            sheet.statusNote += (sheet.statusNote.empty() ? "" : "; ") +
                                fmt::format(fmt::runtime(tr("reopened: {0}")), set->reopenReason);
    }

    std::map<std::int64_t, ResultRecord> results;
    for (auto& r : storage::ResultRepository(db_.session())
                       .ForUnitFrameworkPeriod(unit->id, *fid, sheet.period))
        results[r.criterionId] = std::move(r);
    auto evidence =
        storage::EvidenceRepository(db_.session()).CountsByCriterion(unit->id, *fid, sheet.period);
    std::set<std::int64_t> parents;
    for (const auto& c : sheet.framework.criteria)
        if (c.parentId) parents.insert(*c.parentId);
    for (const auto& [c, depth] : TreeOrder(sheet.framework)) {
        SheetRow row;
        row.criterionId = c->id;
        row.code = c->code;
        row.title = c->title;
        row.depth = depth;
        row.group = parents.count(c->id) > 0;
        row.rule = c->rule;
        row.maxPoints = c->maxPoints;
        row.evidenceRequired = c->evidenceRequired;
        if (auto r = results.find(c->id); r != results.end() && !row.group) {
            row.selfScore = r->second.selfScore;
            row.appraisedScore = r->second.appraisedScore;
            row.numerator = r->second.numerator;
            row.denominator = r->second.denominator;
            row.note = r->second.note;
            row.source = r->second.source;
            row.version = r->second.version;
            row.resultId = r->second.id;
        }
        if (auto e = evidence.find(c->id); e != evidence.end()) row.evidence = e->second;
        sheet.rows.push_back(std::move(row));
    }
    RecomputeSheet(sheet);
    return sheet;
}

namespace {

// A result before and after a sheet's edits.
struct ResultChange {
    ResultRecord before, after;
    bool isNew = false;
    std::string code;                 // the criterion's
    int readVersion = 0;              // as the sheet read it (0: none stored then)
    ResultRecord read;                // the values as the sheet read them
    std::vector<ResultField> edited;  // the fields the edits name, in order
};

// The results the edits change, by criterion id, from the stored ones (or
// new ones in a set of status `setStatus`); refuses an edit of a criterion
// not in the sheet, of a group, of a negative number or of a field the
// set's status locks.
std::map<std::int64_t, ResultChange> ChangesOf(const Sheet& sheet,
                                               const std::vector<SheetEdit>& edits,
                                               const std::map<std::int64_t, ResultRecord>& stored,
                                               const std::string& setStatus) {
    const ResultStatus status = ResultStatusFromKey(setStatus).value_or(ResultStatus::Draft);
    std::map<std::string, const SheetRow*> rows;
    for (const auto& r : sheet.rows) rows[r.code] = &r;
    std::map<std::int64_t, ResultChange> changes;
    for (const auto& e : edits) {
        auto row = rows.find(e.criterion);
        if (row == rows.end())
            throw UserError(
                Location{"", 0, std::string(ResultFieldKey(e.field))},
                fmt::format(fmt::runtime(tr("the criterion {0} is not in framework {1}")),
                            e.criterion, sheet.frameworkCode));
        const SheetRow& r = *row->second;
        const Location where{"", 0, std::string(ResultFieldKey(e.field))};
        if (r.group)
            throw UserError(
                where, CriterionMessage(r.code, tr("a group of criteria: enter the figures on its "
                                                   "sub-criteria")));
        if (e.value && (*e.value < 0 || !std::isfinite(*e.value)))
            throw UserError(where, CriterionMessage(r.code, tr("the number must not be negative")));
        auto it = changes.find(r.criterionId);
        if (it == changes.end()) {
            ResultChange c;
            if (auto s = stored.find(r.criterionId); s != stored.end()) {
                c.before = s->second;
            } else {
                c.isNew = true;
                c.before.unitId = sheet.unitId;
                c.before.criterionId = r.criterionId;
                c.before.period = sheet.period;
                c.before.status = setStatus;
            }
            c.after = c.before;
            c.after.source = "manual";
            c.code = r.code;
            c.readVersion = r.version;
            c.read.selfScore = r.selfScore;
            c.read.appraisedScore = r.appraisedScore;
            c.read.numerator = r.numerator;
            c.read.denominator = r.denominator;
            c.read.note = r.note;
            it = changes.emplace(r.criterionId, std::move(c)).first;
        }
        auto& edited = it->second.edited;
        if (std::find(edited.begin(), edited.end(), e.field) == edited.end())
            edited.push_back(e.field);
        ResultRecord& after = it->second.after;
        const bool changed = e.field == ResultField::Note ? after.note != e.text
                                                          : !Same(Value(after, e.field), e.value);
        if (!changed) continue;
        if (auto refusal = EditRefusal(status, e.field))
            throw UserError(where, CriterionMessage(r.code, *refusal));
        if (e.field == ResultField::Note)
            after.note = e.text;
        else
            SetValue(after, e.field, e.value);
    }
    return changes;
}

// Another desk saved a result between the check and the write (the
// conditional write found it changed): the save starts again and sees it.
struct SavedMeanwhile {};

// The version a change's result has now (0: none is stored).
int StoredVersion(const ResultChange& c) { return c.isNew ? 0 : c.before.version; }

// The user's value and the stored one, as the conflict dialog shows them.
std::string Shown(const ResultRecord& r, ResultField f) {
    if (f == ResultField::Note) return r.note;
    const auto v = Value(r, f);
    return v ? FormatNumberTrim(*v, 6) : std::string();
}

// What differs between the sheet as shown and as stored: its state, and
// every value of its criteria.
std::vector<FieldConflict> SheetDifferences(const Sheet& shown, const Sheet& stored) {
    ConflictFields fields;
    fields.Compare("status", tr("Status"), ResultStatusLabel(shown.status),
                   ResultStatusLabel(stored.status));
    std::map<std::string, const SheetRow*> now;
    for (const auto& r : stored.rows) now[r.code] = &r;
    for (const auto& row : shown.rows) {
        auto it = now.find(row.code);
        if (row.group || it == now.end()) continue;
        const SheetRow& s = *it->second;
        ResultRecord a, b;
        a.selfScore = row.selfScore, b.selfScore = s.selfScore;
        a.appraisedScore = row.appraisedScore, b.appraisedScore = s.appraisedScore;
        a.numerator = row.numerator, b.numerator = s.numerator;
        a.denominator = row.denominator, b.denominator = s.denominator;
        a.note = row.note, b.note = s.note;
        for (ResultField f : {ResultField::SelfScore, ResultField::AppraisedScore,
                              ResultField::Numerator, ResultField::Denominator, ResultField::Note})
            if (Text(a, f) != Text(b, f))
                fields.Compare(SheetFieldKey(row.code, f),
                               row.code + " \xe2\x80\x94 " + ResultFieldLabel(f), Shown(a, f),
                               Shown(b, f));
    }
    return fields.Take();
}

// The cells the user edited that another desk changed since the sheet was
// read, to another value than the user's.
std::vector<FieldConflict> Conflicts(const std::map<std::int64_t, ResultChange>& changes) {
    ConflictFields fields;
    for (const auto& [id, c] : changes) {
        if (c.readVersion == StoredVersion(c)) continue;
        for (ResultField f : c.edited)
            if (Text(c.before, f) != Text(c.read, f) && Text(c.before, f) != Text(c.after, f))
                fields.Compare(SheetFieldKey(c.code, f),
                               c.code + " \xe2\x80\x94 " + ResultFieldLabel(f), Shown(c.after, f),
                               Shown(c.before, f));
    }
    return fields.Take();
}

// Writes the results whose values the changes alter (the others are left
// alone), each only if it is still as read (else SavedMeanwhile), and
// returns an audit entry for each field altered.
std::vector<storage::AuditEntry> WriteChanges(storage::ResultRepository& results,
                                              const std::map<std::int64_t, ResultChange>& changes,
                                              const std::string& user) {
    std::vector<storage::AuditEntry> audit;
    for (const auto& [id, c] : changes) {
        std::vector<ResultField> fields;
        for (ResultField f : {ResultField::SelfScore, ResultField::AppraisedScore,
                              ResultField::Numerator, ResultField::Denominator, ResultField::Note})
            if (Text(c.before, f) != Text(c.after, f)) fields.push_back(f);
        if (fields.empty()) continue;
        std::int64_t rowId = c.after.id;
        if (c.isNew) {
            auto id = results.InsertIfAbsent(c.after, user);
            if (!id) throw SavedMeanwhile{};
            rowId = *id;
        } else if (!results.UpdateValues(c.after, user)) {
            throw SavedMeanwhile{};
        }
        for (ResultField f : fields) {
            storage::AuditEntry a;
            a.user = user;
            a.table = "results";
            a.rowId = rowId;
            a.action = c.isNew ? "insert" : "update";
            a.field = std::string(ResultFieldKey(f));
            if (!c.isNew) a.oldValue = Text(c.before, f);
            a.newValue = Text(c.after, f);
            audit.push_back(std::move(a));
        }
    }
    return audit;
}

}  // namespace

Sheet ResultSheetService::Apply(const Sheet& sheet, const std::vector<SheetEdit>& edits) {
    // A result saved by another desk between this save's check and its
    // write makes the save start again, and then see it.
    for (int attempt = 1;; ++attempt) {
        try {
            return ApplyOnce(sheet, edits);
        } catch (const SavedMeanwhile&) {
            if (attempt == 3)
                throw UserError(tr("another desk is saving the same results: save again"));
        }
    }
}

Sheet ResultSheetService::ApplyOnce(const Sheet& sheet, const std::vector<SheetEdit>& edits) {
    {
        AccessGuard guard(db_, user_);
        for (const auto& e : edits)
            guard.Require(e.field == ResultField::AppraisedScore ? Action::AppraiseResults
                                                                 : Action::EditScores,
                          sheet.unitId);
    }
    storage::Transaction tx(db_);
    storage::ResultSetRepository sets(db_.session());
    storage::ResultRepository results(db_.session());
    const auto set = sets.Ensure(sheet.unitId, sheet.frameworkId, sheet.period);
    std::map<std::int64_t, ResultRecord> stored;
    for (auto& r : results.ForUnitFrameworkPeriod(sheet.unitId, sheet.frameworkId, sheet.period))
        stored[r.criterionId] = std::move(r);
    const auto changes = ChangesOf(sheet, edits, stored, set.status);
    if (auto fields = Conflicts(changes); !fields.empty())
        throw SheetConflict(SheetRecord(sheet), std::move(fields),
                            Load(sheet.unitCode, sheet.frameworkCode, sheet.period));
    const std::vector<storage::AuditEntry> audit = WriteChanges(results, changes, user_);
    if (!audit.empty()) {
        storage::AuditRepository(db_.session()).RecordMany(audit);
        sets.Touch(sheet.unitId, sheet.frameworkId, sheet.period);
        RefreshTotals(db_, sheet.frameworkId, sheet.period, {sheet.unitId});
    }
    tx.Commit();
    return Load(sheet.unitCode, sheet.frameworkCode, sheet.period);
}

Sheet ResultSheetService::Step(const Sheet& sheet, SetAction action, const std::string& reason) {
    // Appraising and reopening are the office's; submitting and withdrawing
    // the commune's (and the office's for it).
    AccessGuard(db_, user_)
        .Require(action == SetAction::Appraise || action == SetAction::Reopen
                     ? Action::AppraiseResults
                     : Action::SubmitResults,
                 sheet.unitId);
    storage::Transaction tx(db_);
    storage::ResultSetRepository sets(db_.session());
    const auto existing = sets.Find(sheet.unitId, sheet.frameworkId, sheet.period);
    if ((existing ? existing->version : 0) != sheet.setVersion)
        throw EditConflict(
            SheetRecord(sheet),
            SheetDifferences(sheet, Load(sheet.unitCode, sheet.frameworkCode, sheet.period)),
            existing ? existing->version : 0);
    const auto set = sets.Ensure(sheet.unitId, sheet.frameworkId, sheet.period);
    const ResultStatus status = ResultStatusFromKey(set.status).value_or(ResultStatus::Draft);
    Transition t = NextStatus(status, action, reason);
    if (!t.next) throw UserError(t.refusal);
    if (action == SetAction::Submit) {
        Sheet current = Load(sheet.unitCode, sheet.frameworkCode, sheet.period);
        std::vector<std::string> problems;
        for (const auto& row : current.rows)
            for (const auto& p : row.problems) problems.push_back(CriterionMessage(row.code, p));
        if (!problems.empty()) {
            std::string list = problems.front();
            for (std::size_t i = 1; i < std::min<std::size_t>(problems.size(), 3); ++i)
                list += "; " + problems[i];
            if (problems.size() > 3)
                list += fmt::format(fmt::runtime(tr(" (and {0} more)")), problems.size() - 3);
            throw UserError(fmt::format(
                fmt::runtime(tr("the results cannot be submitted while they have problems: "
                                "{0}")),
                list));
        }
    }
    const std::string next(ResultStatusKey(*t.next));
    const std::string why = action == SetAction::Reopen ? reason : std::string();
    if (!sets.SetStatus(set, next, user_, why))
        throw UserError(tr("someone else changed these results in the meantime: open them again"));
    storage::AuditRepository audit(db_.session());
    audit.Record({"", user_, "result_sets", set.id, "update", "status", set.status, next});
    if (set.reopenReason != why)
        audit.Record(
            {"", user_, "result_sets", set.id, "update", "reopen_reason", set.reopenReason, why});
    tx.Commit();
    return Load(sheet.unitCode, sheet.frameworkCode, sheet.period);
}

Sheet ResultSheetService::Submit(const Sheet& sheet) { return Step(sheet, SetAction::Submit, {}); }
Sheet ResultSheetService::Withdraw(const Sheet& sheet) {
    return Step(sheet, SetAction::Withdraw, {});
}
Sheet ResultSheetService::Appraise(const Sheet& sheet) {
    return Step(sheet, SetAction::Appraise, {});
}
Sheet ResultSheetService::Reopen(const Sheet& sheet, const std::string& reason) {
    return Step(sheet, SetAction::Reopen, reason);
}

EvidenceConflict::EvidenceConflict(std::string record, std::vector<FieldConflict> fields,
                                   int storedVersion, EvidenceDetails stored)
    : EditConflict(std::move(record), std::move(fields), storedVersion),
      stored_(std::move(stored)) {}

namespace {
EvidenceDetails DetailsOf(const storage::EvidenceRecord& doc) {
    return {doc.docNumber, doc.docDate, doc.issuer, doc.title, doc.note};
}

// The unit's document `id` has the file being registered: its details
// where the user typed other ones are replaced when the user saw them (the
// input's version is the document's), else refused with both.
std::int64_t ReuseEvidence(storage::Database& db, std::int64_t id, const EvidenceInput& input,
                           const std::string& user) {
    storage::EvidenceRepository register_(db.session());
    auto doc = register_.Find(id);
    if (!doc || !input.detailsTyped) return id;
    const EvidenceDetails stored = DetailsOf(*doc);
    const EvidenceDetails mine =
        TypedOver({input.docNumber, input.docDate, input.issuer, input.title, input.note}, stored);
    auto differences = EvidenceConflicts(mine, stored);
    if (differences.empty()) return id;
    if (input.version != doc->version)
        throw EvidenceConflict(
            fmt::format(fmt::runtime(tr("the document {0} (already in the register)")),
                        doc->fileName),
            std::move(differences), doc->version, stored);
    storage::EvidenceRecord typed = *doc;
    typed.docNumber = mine.docNumber;
    typed.docDate = mine.docDate;
    typed.issuer = mine.issuer;
    typed.title = mine.title;
    typed.note = mine.note;
    if (!register_.UpdateDetails(typed))
        throw UserError(tr("another desk changed this document in the meantime: save again"));
    std::vector<storage::AuditEntry> audit;
    for (const auto& f : differences)
        audit.push_back({"", user, "evidence", id, "update", f.field, f.theirs, f.mine});
    storage::AuditRepository(db.session()).RecordMany(audit);
    return id;
}
}  // namespace

std::int64_t RegisterEvidence(storage::Database& db, std::int64_t unitId,
                              const EvidenceInput& input, const std::string& user) {
    AccessGuard(db, user).Require(Action::EditEvidence, unitId);
    std::string content, fileName;
    if (!input.filePath.empty()) {
        const std::filesystem::path path = std::filesystem::u8path(input.filePath);
        fileName = path.filename().u8string();
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (ec) throw UserError(Location{fileName, 0, ""}, tr("the file cannot be read"));
        const long long limit = EvidenceSizeLimit(db);
        if (static_cast<long long>(size) > limit)
            throw UserError(
                Location{fileName, 0, ""},
                fmt::format(fmt::runtime(tr("the file is {0}, larger than the limit of {1} for one "
                                            "evidence document")),
                            Megabytes(static_cast<long long>(size)), Megabytes(limit)));
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in.good() && !in.eof())
            throw UserError(Location{fileName, 0, ""}, tr("the file cannot be read"));
        content = bytes.str();
    }
    if (input.title.find_first_not_of(" \t") == std::string::npos && fileName.empty())
        throw UserError(Location{"", 0, "title"},
                        tr("give the document's title or choose its file"));

    storage::EvidenceRepository register_(db.session());
    const std::string sha = content.empty() ? std::string() : Sha256Hex(content);
    if (!sha.empty())
        if (auto existing = register_.FindByHash(unitId, sha))
            return ReuseEvidence(db, *existing, input, user);
    storage::EvidenceRecord e;
    e.unitId = unitId;
    e.docNumber = input.docNumber;
    e.docDate = input.docDate;
    e.issuer = input.issuer;
    e.title = input.title.find_first_not_of(" \t") == std::string::npos ? fileName : input.title;
    e.note = input.note;
    e.fileName = fileName;
    e.mimeType = fileName.empty() ? std::string() : MimeType(fileName);
    e.sha256 = sha;
    if (!content.empty() || !fileName.empty()) e.sizeBytes = static_cast<long long>(content.size());
    e.createdBy = user;
    const std::int64_t id = register_.Insert(e, content);
    storage::AuditRepository(db.session())
        .Record({"", user, "evidence", id, "insert", "", std::nullopt,
                 e.docNumber + " " + e.title + (sha.empty() ? "" : " sha256=" + sha)});
    return id;
}

std::int64_t ResultSheetService::AttachEvidence(const Sheet& sheet, const std::string& criterion,
                                                const EvidenceInput& input) {
    AccessGuard(db_, user_).Require(Action::EditEvidence, sheet.unitId);
    auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                            [&](const SheetRow& r) { return r.code == criterion; });
    if (row == sheet.rows.end() || row->group)
        throw UserError(fmt::format(fmt::runtime(tr("the criterion {0} is not in framework {1}")),
                                    criterion, sheet.frameworkCode));
    storage::Transaction tx(db_);
    const std::int64_t resultId = ResultForEvidence(sheet, *row);
    const std::int64_t evidenceId = RegisterEvidence(db_, sheet.unitId, input, user_);
    // A document added changes the result's evidence: a link or unlink made
    // on another desk from the list before it is refused.
    storage::ResultRepository(db_.session()).BumpVersion(resultId, std::nullopt);
    storage::EvidenceRepository(db_.session()).Link(resultId, evidenceId);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "result_evidence", resultId, "insert", "evidence_id", std::nullopt,
                 std::to_string(evidenceId)});
    tx.Commit();
    return evidenceId;
}

std::int64_t ResultSheetService::ResultForEvidence(const Sheet& sheet, const SheetRow& row,
                                                   bool* created) {
    const auto set = storage::ResultSetRepository(db_.session())
                         .Ensure(sheet.unitId, sheet.frameworkId, sheet.period);
    if (set.status == "appraised")
        throw UserError(
            CriterionMessage(row.code, *EditRefusal(ResultStatus::Appraised, ResultField::Note)));
    storage::ResultRepository results(db_.session());
    if (auto r = results.Find(sheet.unitId, row.criterionId, sheet.period)) return r->id;
    ResultRecord empty;
    empty.unitId = sheet.unitId;
    empty.criterionId = row.criterionId;
    empty.period = sheet.period;
    empty.status = set.status;
    const auto inserted = results.InsertIfAbsent(empty, user_);
    if (!inserted) {
        // Another desk created it meanwhile.
        if (auto r = results.Find(sheet.unitId, row.criterionId, sheet.period)) return r->id;
        throw UserError(tr("another desk is saving the same results: save again"));
    }
    const std::int64_t id = *inserted;
    storage::AuditRepository(db_.session())
        .Record({"", user_, "results", id, "insert", "", std::nullopt, row.code});
    if (created) *created = true;
    return id;
}

std::int64_t ResultSheetService::ResultForLink(const Sheet& sheet, const SheetRow& row,
                                               int readVersion, const std::string& stale) {
    storage::ResultRepository results(db_.session());
    const auto stored = results.Find(sheet.unitId, row.criterionId, sheet.period);
    if ((stored ? stored->version : 0) != readVersion) throw ChangedSinceRead(stale);
    bool created = false;
    const std::int64_t id = ResultForEvidence(sheet, row, &created);  // the set's state allows it
    if (!stored) {
        // None then, none before this write: it is this desk's.
        if (!created) throw ChangedSinceRead(stale);
        return id;
    }
    if (!results.BumpVersion(stored->id, readVersion)) throw ChangedSinceRead(stale);
    return stored->id;
}

namespace {
// The refusal of a link made or removed from a list of documents another
// desk changed since.
std::string StaleEvidence(const std::string& criterion, bool linking) {
    return fmt::format(
        fmt::runtime(
            linking ? tr("criterion {0} was changed on another desk after its documents were "
                         "listed here, so the document was not linked: the list now shows them "
                         "as stored; link the document again if it is still needed")
                    : tr("criterion {0} was changed on another desk after its documents were "
                         "listed here, so the document was not unlinked: the list now shows them "
                         "as stored; unlink the document again if it should still go")),
        criterion);
}
}  // namespace

void ResultSheetService::LinkEvidence(const Sheet& sheet, const std::string& criterion,
                                      std::int64_t evidenceId, int readVersion) {
    AccessGuard(db_, user_).Require(Action::EditEvidence, sheet.unitId);
    auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                            [&](const SheetRow& r) { return r.code == criterion; });
    if (row == sheet.rows.end() || row->group)
        throw UserError(fmt::format(fmt::runtime(tr("the criterion {0} is not in framework {1}")),
                                    criterion, sheet.frameworkCode));
    storage::Transaction tx(db_);
    storage::EvidenceRepository register_(db_.session());
    auto doc = register_.Find(evidenceId);
    if (!doc || doc->unitId != sheet.unitId)
        throw UserError(tr("this document is not in the unit's register"));
    const std::int64_t resultId =
        ResultForLink(sheet, *row, readVersion, StaleEvidence(row->code, true));
    register_.Link(resultId, evidenceId);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "result_evidence", resultId, "insert", "evidence_id", std::nullopt,
                 std::to_string(evidenceId)});
    tx.Commit();
}

std::vector<EvidenceRecord> ResultSheetService::Register(const Sheet& sheet) {
    AccessGuard(db_, user_).Require(Action::ReadData, sheet.unitId);
    return FromStorage(storage::EvidenceRepository(db_.session()).ForUnit(sheet.unitId));
}

void ResultSheetService::DetachEvidence(const Sheet& sheet, const std::string& criterion,
                                        std::int64_t evidenceId, int readVersion) {
    AccessGuard(db_, user_).Require(Action::EditEvidence, sheet.unitId);
    storage::Transaction tx(db_);
    const auto set = storage::ResultSetRepository(db_.session())
                         .Find(sheet.unitId, sheet.frameworkId, sheet.period);
    if (set && set->status == "appraised")
        throw UserError(
            CriterionMessage(criterion, *EditRefusal(ResultStatus::Appraised, ResultField::Note)));
    auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                            [&](const SheetRow& r) { return r.code == criterion; });
    if (row == sheet.rows.end()) return;
    storage::ResultRepository results(db_.session());
    auto result = results.Find(sheet.unitId, row->criterionId, sheet.period);
    if (!result && readVersion == 0) return;  // nothing was linked
    if (!result || result->version != readVersion || !results.BumpVersion(result->id, readVersion))
        throw ChangedSinceRead(StaleEvidence(row->code, false));
    storage::EvidenceRepository(db_.session()).Unlink(result->id, evidenceId);
    storage::AuditRepository(db_.session())
        .Record({"", user_, "result_evidence", result->id, "delete", "evidence_id",
                 std::to_string(evidenceId), std::nullopt});
    tx.Commit();
}

std::vector<EvidenceRecord> ResultSheetService::Evidence(const Sheet& sheet,
                                                         const std::string& criterion) {
    AccessGuard(db_, user_).Require(Action::ReadData, sheet.unitId);
    auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                            [&](const SheetRow& r) { return r.code == criterion; });
    if (row == sheet.rows.end()) return {};
    auto result =
        storage::ResultRepository(db_.session()).Find(sheet.unitId, row->criterionId, sheet.period);
    if (!result) return {};
    return FromStorage(storage::EvidenceRepository(db_.session()).ForResult(result->id));
}

ResultSheetService::CriterionEvidence ResultSheetService::EvidenceOf(const Sheet& sheet,
                                                                     const std::string& criterion) {
    AccessGuard(db_, user_).Require(Action::ReadData, sheet.unitId);
    CriterionEvidence out;
    auto row = std::find_if(sheet.rows.begin(), sheet.rows.end(),
                            [&](const SheetRow& r) { return r.code == criterion; });
    if (row == sheet.rows.end()) return out;
    auto result =
        storage::ResultRepository(db_.session()).Find(sheet.unitId, row->criterionId, sheet.period);
    if (!result) return out;
    // The version first: a change between the two reads refuses the next
    // link rather than letting it through.
    out.version = result->version;
    out.documents = FromStorage(storage::EvidenceRepository(db_.session()).ForResult(result->id));
    return out;
}

std::string ResultSheetService::ExportEvidenceFile(std::int64_t evidenceId,
                                                   const std::string& directory) {
    storage::EvidenceRepository register_(db_.session());
    auto e = register_.Find(evidenceId);
    if (!e || e->fileName.empty()) throw UserError(tr("this document has no file in the register"));
    AccessGuard(db_, user_).Require(Action::ReadData, e->unitId);
    const std::string content = register_.Content(evidenceId);
    // Only the name: a stored name never leads outside the directory.
    std::filesystem::path name = std::filesystem::u8path(e->fileName).filename();
    if (name.empty() || name == "." || name == "..") name = "evidence";
    const std::filesystem::path out = std::filesystem::u8path(directory) / name;
    WriteFileAtomically(out.u8string(), content);
    return out.u8string();
}

}  // namespace cchc::services
