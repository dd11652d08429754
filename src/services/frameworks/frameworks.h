// Use cases on index frameworks: copy a framework to a new year (tree,
// bands and the crosswalk old → new criterion), retire and reactivate, and
// edit a framework's header, bands and criteria. Every edit is checked on
// the whole tree (core CheckFramework), refused on built-in frameworks and,
// for anything that changes scores, on frameworks with appraised results;
// each change is audited one row per field, in one transaction.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/conflict.h"
#include "core/framework.h"
#include "storage/database.h"

namespace cchc::services {

// A framework as lists show it.
struct FrameworkSummary {
    std::int64_t id = 0;
    std::string code, name, status;
    int year = 0;
    FrameworkKind kind = FrameworkKind::Par;
    bool builtin = false;
    long criteria = 0;
    double maxPoints = 0;  // sum of root criteria
};

// Which framework a framework was copied from, and for each of its
// criteria the criterion of that framework it continues.
struct FrameworkCrosswalk {
    std::optional<std::int64_t> sourceFrameworkId;
    std::map<std::string, std::string> oldCodeByNewCode;
};
FrameworkCrosswalk LoadCrosswalk(storage::Database& db, std::int64_t frameworkId);

// The code proposed for a copy: the source year in the code replaced by the
// new year ("PAR-XA-2025" → "PAR-XA-2026"), or the new year appended.
std::string ProposedCopyCode(const std::string& code, int oldYear, int newYear);
// The name proposed for a copy: the source year replaced by the new year,
// or the new year appended ("Chỉ số CCHC cấp xã năm 2026").
std::string ProposedCopyName(const std::string& name, int oldYear, int newYear);

class FrameworkService {
  public:
    FrameworkService(storage::Database& db, std::string user);

    std::vector<FrameworkSummary> List();
    // The framework with its bands and criteria; UserError when unknown.
    Framework Load(const std::string& code);
    // Whether a result set of the framework has been appraised (then its
    // scoring can no longer change).
    bool HasAppraisedResults(const std::string& code);

    // Copies the framework's tree and bands into a new framework of another
    // year; returns the copy. UserError (field new_code, year or name) for
    // an empty or existing code, a year outside 1900–2999 or equal to the
    // source's, an empty name.
    Framework CopyToNewYear(const std::string& code, const std::string& newCode, int newYear,
                            const std::string& newName);
    // A new, empty framework (no criteria yet; bands Tốt 90, Khá 80, Trung
    // bình 65, Yếu 0 to edit). UserError (field new_code, year or name) as
    // for a copy.
    Framework Create(const std::string& code, const std::string& name, int year,
                     FrameworkKind kind);
    void Retire(const std::string& code);
    void Reactivate(const std::string& code);

    // The edits below take the framework's version as the editor loaded it
    // (Framework::version); when someone else changed the framework since,
    // nothing is written: SaveCriterion, SaveBands and SaveHeader throw
    // EditConflict with the values the user's differ from the stored ones on
    // (fields keyed as the editor's controls: code, title, max_points, ...,
    // name, description, bands), DeleteCriterion and MoveCriterion, which
    // have no fields to merge, ChangedSinceRead naming the framework and the
    // criterion. Without it they apply to the latest.
    //
    // Adds (criterion.id == 0, under parentCode or at the root) or edits a
    // criterion; the parent of an existing criterion stays where it is. The
    // maxima of its groups follow: a group's maximum is the sum of its
    // children. Returns the criterion as stored. UserError names the field
    // (code, title, max_points, rule, target, cap, per_unit, no_data).
    Criterion SaveCriterion(const std::string& frameworkCode, const Criterion& criterion,
                            std::optional<int> expectedVersion = std::nullopt);
    // Deletes a criterion with its sub-criteria; refused when results were
    // recorded on any of them.
    void DeleteCriterion(const std::string& frameworkCode, const std::string& criterionCode,
                         std::optional<int> expectedVersion = std::nullopt);
    // Moves a criterion one place up (delta < 0) or down among its
    // siblings. Only the order changes, so it is allowed after appraisal.
    void MoveCriterion(const std::string& frameworkCode, const std::string& criterionCode,
                       int delta, std::optional<int> expectedVersion = std::nullopt);
    // SaveBands and SaveHeader return the framework's version after the save.
    int SaveBands(const std::string& frameworkCode, const std::vector<Band>& bands,
                  std::optional<int> expectedVersion = std::nullopt);
    int SaveHeader(const std::string& frameworkCode, const std::string& name,
                   const std::string& description,
                   std::optional<int> expectedVersion = std::nullopt);

  private:
    // The framework to edit: refused when built in.
    Framework LoadEditable(const std::string& code);

    storage::Database& db_;
    std::string user_;
};

}  // namespace cchc::services
