// One unit's results on one framework in one period, as the scoring grid of
// the client shows them, and what can be done with them: enter scores and
// figures (as typed or pasted), move the set through its workflow (submit,
// withdraw, appraise, reopen with a reason), and keep its evidence register.
// Every change is written in one transaction, checked against the set's
// state, recorded in the audit log field by field, and refreshes the set's
// stored totals.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/evidence_conflicts.h"
#include "core/result_workflow.h"
#include "core/scoring.h"
#include "storage/database.h"

namespace cchc::services {

// One row of the grid: a field, criterion or sub-criterion.
struct SheetRow {
    std::int64_t criterionId = 0;
    std::string code, title;
    int depth = 0;       // 0 for a field
    bool group = false;  // has sub-criteria: its figures are their sums
    std::optional<RuleKind> rule;
    double maxPoints = 0;
    bool evidenceRequired = false;
    // As entered (leaves only).
    std::optional<double> selfScore, appraisedScore, numerator, denominator;
    std::string note;
    // Where the figures came from: "manual", "import", or "survey" (filled
    // from the survey tallies; a figure typed over them makes it manual).
    std::string source = "manual";
    int evidence = 0;
    // The version of the row's result as read (0: none was stored): a save
    // is checked against it.
    int version = 0;
    // The row's result (0: none stored), whose history the grid opens.
    std::int64_t resultId = 0;
    // Computed.
    double selfPoints = 0, appraisedPoints = 0, max = 0;
    double lost = 0;  // max − appraised points: what the remediation plan can win back
    bool applicable = true;
    // Nothing entered for the row: its points (if any) come from the
    // framework's no-data rule, which the grid says.
    bool selfNoData = false, appraisedNoData = false;
    std::vector<std::string> problems;  // translated sentences
};

struct Sheet {
    std::int64_t unitId = 0, frameworkId = 0;
    std::string unitCode, unitName, frameworkCode, frameworkName, period;
    ResultStatus status = ResultStatus::Draft;
    std::string statusNote;      // who moved it to its state and when, the reason of a reopening
    Framework framework;         // as the unit sees it (criteria that apply to it)
    std::vector<SheetRow> rows;  // in the framework's order
    FrameworkTotal self, appraised;
    // Whether anything was entered on each side (core NothingEntered): a
    // side with nothing entered awards no points (its total is 0 and its
    // rows' points are 0), and the points its criteria without data earn by
    // the framework's rule once something is (core WithoutData).
    bool selfEntered = false, appraisedEntered = false;
    PointsWithoutData selfWithoutData, appraisedWithoutData;
    // The version of the set as read (0: none was stored): a workflow step
    // is refused when the set (its state or any of its results) changed
    // since.
    int setVersion = 0;
};

// Fills the computed columns, the group subtotals, the totals and the
// problems from what is entered in the rows. Pure: the grid calls it as the
// user types, before anything is saved.
void RecomputeSheet(Sheet& sheet);

// A value typed into one cell. For the note, `text`; for the figures,
// `value` (empty clears the cell).
struct SheetEdit {
    std::string criterion;  // code
    ResultField field = ResultField::SelfScore;
    std::optional<double> value;
    std::string text;
};

// The cells of a sheet that another desk saved after this one read them,
// with the user's value beside the stored one (fields keyed by
// SheetFieldKey), and the sheet as stored now: the edits the user keeps
// (KeptEdits) are applied to it again.
class SheetConflict : public EditConflict {
  public:
    SheetConflict(std::string record, std::vector<FieldConflict> fields, Sheet stored);
    const Sheet& stored() const { return stored_; }

  private:
    Sheet stored_;
};

// The key of one cell in a SheetConflict: "2.3/self_score".
std::string SheetFieldKey(const std::string& criterion, ResultField field);

// The edits still to save after the user chose in a conflict: those of the
// cells the conflict does not name, and those it names that the user kept.
std::vector<SheetEdit> KeptEdits(const std::vector<SheetEdit>& edits, const EditConflict& conflict,
                                 const KeptFields& kept);

// A document of a unit's evidence register.
struct EvidenceRecord {
    std::int64_t id = 0;
    std::int64_t unitId = 0;
    std::string docNumber;               // "12/QĐ-UBND"
    std::optional<std::string> docDate;  // ISO date
    std::string issuer, title, note;
    std::string fileName, mimeType;
    std::string sha256;                  // 64 hex digits, empty without a file
    std::optional<long long> sizeBytes;  // without a file: none
    std::string createdAt, createdBy;
    int version = 1;
};

struct EvidenceInput {
    std::string docNumber;
    std::optional<std::string> docDate;  // ISO
    std::string issuer, title, note;
    std::string filePath;  // empty: a reference without a file
    // Whether the details are the user's for the document itself (the
    // evidence dialog), to compare with those of a document registered with
    // the same file; otherwise (a progress note as title) that document is
    // reused as it is.
    bool detailsTyped = false;
    // The version of the register's document with the same file as a
    // conflict showed it (EditConflict::storedVersion), when the user chose
    // between its details and the typed ones; 0 otherwise.
    int version = 0;
};

// A document registered with the same file has other details than those
// typed, and the user has not seen them (fields doc_number, doc_date,
// issuer, title, note); stored() is what the register says.
class EvidenceConflict : public EditConflict {
  public:
    EvidenceConflict(std::string record, std::vector<FieldConflict> fields, int storedVersion,
                     EvidenceDetails stored);
    const EvidenceDetails& stored() const { return stored_; }

  private:
    EvidenceDetails stored_;
};

class ResultSheetService {
  public:
    ResultSheetService(storage::Database& db, std::string user);

    // Throws UserError for an unknown unit or framework or a malformed period,
    // AccessDenied for a unit the account does not read (core/access.h: a
    // commune's account reads its unit and those under it). The evidence
    // reads below are refused the same way.
    Sheet Load(const std::string& unitCode, const std::string& frameworkCode,
               const std::string& period);

    // Stores the edits in one transaction. Refuses them all (UserError
    // naming the criterion and the field) when one changes a value the
    // set's state locks, names a group or an unknown criterion, or is
    // negative; and (SheetConflict) when another desk saved a result the
    // edits change after `sheet` was read (SheetRow::version) and its
    // stored value differs from the user's. Returns the sheet as stored.
    Sheet Apply(const Sheet& sheet, const std::vector<SheetEdit>& edits);

    // Workflow steps; each returns the sheet in its new state. Submitting
    // is refused while the sheet has problems (they are listed); appraising
    // and reopening are refused to commune accounts (chair, clerk) and
    // viewers: they are the office's. Each is refused (EditConflict naming
    // what changed) when the set changed since `sheet` was read
    // (Sheet::setVersion): the user looks at it again first.
    Sheet Submit(const Sheet& sheet);
    Sheet Withdraw(const Sheet& sheet);
    Sheet Appraise(const Sheet& sheet);
    Sheet Reopen(const Sheet& sheet, const std::string& reason);

    // Adds a document to the register (its file read, hashed and checked
    // against the size limit; a file the unit already registered is reused)
    // and links it to the criterion's result. Refused on an appraised set.
    std::int64_t AttachEvidence(const Sheet& sheet, const std::string& criterion,
                                const EvidenceInput& input);
    // Links a document already in the unit's register to the criterion's
    // result (one document may prove many criteria), or removes the link.
    // readVersion is the result's version as read with its documents
    // (CriterionEvidence::version): when another desk changed the result
    // since (its documents, or its figures), nothing is done and
    // ChangedSinceRead says so; the caller shows the documents again.
    void LinkEvidence(const Sheet& sheet, const std::string& criterion, std::int64_t evidenceId,
                      int readVersion);
    void DetachEvidence(const Sheet& sheet, const std::string& criterion, std::int64_t evidenceId,
                        int readVersion);
    // The unit's whole register, latest first.
    std::vector<EvidenceRecord> Register(const Sheet& sheet);
    std::vector<EvidenceRecord> Evidence(const Sheet& sheet, const std::string& criterion);
    // The documents of the criterion's result with the result's version
    // (0: no result stored), for linking and unlinking against them.
    struct CriterionEvidence {
        std::vector<EvidenceRecord> documents;
        int version = 0;
    };
    CriterionEvidence EvidenceOf(const Sheet& sheet, const std::string& criterion);
    // Writes the document's file into `directory` under its own name and
    // returns the path, for opening it with the program of its kind.
    std::string ExportEvidenceFile(std::int64_t evidenceId, const std::string& directory);

  private:
    Sheet ApplyOnce(const Sheet& sheet, const std::vector<SheetEdit>& edits);
    Sheet Step(const Sheet& sheet, SetAction action, const std::string& reason);
    // The id of the row's result, created empty when missing (then
    // *created is set); refused on an appraised set. Inside a transaction.
    std::int64_t ResultForEvidence(const Sheet& sheet, const SheetRow& row,
                                   bool* created = nullptr);
    // The same for a link made or removed against the result's version as
    // read (0: none stored then), which it raises; refused with `stale`
    // when another desk changed (or created) the result since.
    std::int64_t ResultForLink(const Sheet& sheet, const SheetRow& row, int readVersion,
                               const std::string& stale);

    storage::Database& db_;
    std::string user_;
};

// Adds a document to the unit's register: its file read, checked against the
// size limit and hashed; a file the unit already registered is reused. When
// input.detailsTyped and details typed (number, date, issuer, title, note;
// blank ones are not typed) differ from that document's, EditConflict (fields doc_number,
// doc_date as dd/mm/yyyy, issuer, title, note) unless input.version is the
// document's version: then the typed details replace its own, audited.
// Returns the document's id. Call it inside a transaction.
std::int64_t RegisterEvidence(storage::Database& db, std::int64_t unitId,
                              const EvidenceInput& input, const std::string& user);

// The largest evidence file accepted, in bytes (setting evidence.max_bytes).
long long EvidenceSizeLimit(storage::Database& db);

// SHA-256 of bytes as 64 lowercase hexadecimal digits.
std::string Sha256Hex(const std::string& bytes);

}  // namespace cchc::services
