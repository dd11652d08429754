// Implementation of imports.h: the table of import kinds and the checked
// run (a rolled-back transaction, re-read without the lines found wrong).
#include "services/app/imports.h"

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/vnformat.h"
#include "services/frameworks/framework_io.h"
#include "services/org/lineage.h"
#include "services/org/org_io.h"
#include "services/plans/assignments.h"
#include "services/plans/plan_io.h"
#include "services/results/results.h"
#include "services/surveys/surveys.h"

namespace cchc::services {
namespace {

ImportOutcome FromSummary(const ImportSummary& s) {
    ImportOutcome o;
    o.inserted = s.inserted, o.updated = s.updated, o.unchanged = s.unchanged;
    return o;
}

ImportOutcome Dispatch(storage::Database& db, std::string_view id, const std::string& path,
                       const std::string& user, const tableio::ReadOptions& read,
                       Progress* progress) {
    if (id == "units") return FromSummary(ImportUnits(db, path, user, read));
    if (id == "people") return FromSummary(ImportPeople(db, path, user, read));
    if (id == "frameworks") {
        ImportOutcome o;
        o.inserted = ImportFrameworks(db, path, user, read);
        return o;
    }
    if (id == "results") return FromSummary(ImportResults(db, path, user, read));
    if (id == "tasks" || id == "plans") return FromSummary(ImportTasks(db, path, user, read));
    if (id == "assignments") return FromSummary(ImportAssignments(db, path, user, read));
    if (id == "tallies") return FromSummary(ImportTallies(db, path, user, read));
    if (id == "dossiers") return FromSummary(ImportDossiers(db, path, user, read));
    if (id == "lineage") return FromSummary(ImportLineage(db, path, user, read));
    if (id == "ratings") {
        // The ratings import reports its own progress (reading and storing).
        tableio::ReadOptions own = read;
        own.progress = nullptr;
        const auto r = ImportRatings(db, path, user, progress, own);
        ImportOutcome o;
        o.inserted = r.inserted, o.skipped = r.skipped;
        return o;
    }
    throw UserError(fmt::format(fmt::runtime(tr("unknown kind of import: {0}")), id));
}

}  // namespace

const std::vector<ImportKind>& ImportKinds() {
    static const std::vector<ImportKind> kinds = {
        {"units", N_("Units (communes, wards, departments)"), UnitImportColumns},
        {"people", N_("People (officers and their units)"), PeopleImportColumns},
        {"lineage", N_("Units merged in 2025 (former units)"), LineageImportColumns},
        {"frameworks", N_("Index frameworks (criteria and points)"), FrameworkImportColumns},
        {"results", N_("Index results (scores per criterion)"), ResultImportColumns},
        {"tasks", N_("Remediation plans and tasks"), TaskImportColumns},
        {"assignments", N_("Assignment matrix (who follows which criterion)"),
         AssignmentImportColumns},
        {"tallies", N_("Survey tallies (monthly, per field)"), TallyImportColumns},
        {"dossiers", N_("Dossier statistics (form II.06a)"), DossierImportColumns},
        {"ratings", N_("Citizens' ratings (kiosk, QR, online, paper)"), RatingImportColumns},
    };
    return kinds;
}

const ImportKind* FindImportKind(std::string_view id) {
    if (id == "plans") id = "tasks";
    for (const auto& k : ImportKinds())
        if (id == k.id) return &k;
    return nullptr;
}

std::string ImportOutcome::Describe() const {
    std::vector<std::string> parts;
    parts.push_back(fmt::format(fmt::runtime(tr("{0} new")), FormatInteger(inserted)));
    if (updated > 0)
        parts.push_back(fmt::format(fmt::runtime(tr("{0} replaced")), FormatInteger(updated)));
    if (unchanged > 0)
        parts.push_back(fmt::format(fmt::runtime(tr("{0} unchanged")), FormatInteger(unchanged)));
    if (skipped > 0)
        parts.push_back(
            fmt::format(fmt::runtime(tr("{0} skipped as already stored")), FormatInteger(skipped)));
    return JoinTexts(parts);
}

ImportOutcome RunImport(storage::Database& db, std::string_view id, const std::string& path,
                        const std::string& user, const tableio::ReadOptions& read,
                        Progress* progress) {
    if (!FindImportKind(id))
        throw UserError(fmt::format(fmt::runtime(tr("unknown kind of import: {0}")), id));
    tableio::ReadOptions withProgress = read;
    if (!withProgress.progress) withProgress.progress = progress;
    return Dispatch(db, id, path, user, withProgress, progress);
}

ImportCheck CheckImport(storage::Database& db, std::string_view id, const std::string& path,
                        const std::string& user, tableio::ReadOptions read, Progress* progress,
                        int maxProblems) {
    if (!FindImportKind(id))
        throw UserError(fmt::format(fmt::runtime(tr("unknown kind of import: {0}")), id));
    if (!read.progress) read.progress = progress;
    ImportCheck check;
    for (;;) {
        try {
            // The outer transaction: the import's own commit is then only
            // its inner one's, and leaving this block rolls everything back.
            storage::Transaction tx(db);
            check.outcome = Dispatch(db, id, path, user, read, progress);
            break;
        } catch (const CancelledError&) {
            throw;
        } catch (const UserError& e) {
            const long line = e.where().line;
            // The same line again: a problem of the header, which setting
            // lines aside does not move past.
            if (read.skipLines.count(line)) {
                check.stoppedEarly = true;
                break;
            }
            check.problems.push_back({e.where(), e.message()});
            // A problem of the whole file (the workbook, the account):
            // nothing more can be learnt by reading it again.
            if (line <= 0 || static_cast<int>(check.problems.size()) >= maxProblems) {
                check.stoppedEarly = true;
                break;
            }
            read.skipLines.insert(line);
        }
    }
    if (!check.problems.empty()) check.outcome = {};
    return check;
}

}  // namespace cchc::services
