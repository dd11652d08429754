// Paper rating forms typed in the client: see paper_forms.h.
#include "services/surveys/paper_forms.h"

#include <map>
#include <utility>

#include <fmt/format.h>

#include "core/i18n.h"
#include "services/app/access_guard.h"
#include "services/surveys/month_sheet.h"
#include "storage/import_batch_repository.h"
#include "storage/rating_repository.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {

RatingImportSummary SavePaperForms(storage::Database& db, std::int64_t unitId,
                                   const std::vector<PaperForm>& forms, const std::string& user,
                                   Date today) {
    AccessGuard guard(db, user);
    sheets::RequireReadableUnit(db, guard, unitId);
    guard.Require(Action::EditSurveys, unitId);
    if (forms.empty()) throw UserError(tr("no form to save: type the forms first"));
    storage::PersonRepository people(db.session());
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const long number = static_cast<long>(i + 1);
        for (const auto& problem : CheckPaperForm(forms[i], today))
            throw UserError(Location{"", number, problem.field}, problem.message);
        const auto officer = people.ById(forms[i].officerId);
        if (!officer || officer->unitId != unitId)
            throw UserError(Location{"", number, "officer"},
                            tr("the officer rated does not work in this unit"));
    }
    storage::Transaction tx(db);
    // Said first: on the server the ratings are audited by the statement
    // that stores them.
    storage::AuditRepository(db.session()).Attribute(user, "paper");
    storage::RatingRepository ratings(db.session());
    // Each form of an officer and day after those stored that day.
    std::map<std::pair<std::int64_t, std::string>, int> nth;
    storage::ImportBatchRepository batches(db.session());
    const auto batch = batches.Start("ratings", tr("paper forms (Form 01)"), user);
    storage::RatingBulkInsert bulk(db, 1000, batch);
    for (const auto& form : forms) {
        const std::string day = form.day.ToIso();
        auto [it, first] = nth.emplace(std::make_pair(form.officerId, day), 0);
        if (first) {
            storage::RatingFilter f;
            f.officerId = form.officerId;
            f.channel = "paper";
            f.from = day;
            f.to = day;
            it->second = static_cast<int>(ratings.CountMatchingByRatings(f));
        }
        bulk.Add(RatingOfForm(form, unitId, it->second++));
    }
    bulk.Flush();
    batches.Finish(batch, bulk.inserted(), bulk.skipped());
    storage::AuditRepository(db.session())
        .RecordInserted({"ratings", bulk.storedAfterId(), batch}, user, "paper");
    tx.Commit();
    return {bulk.inserted(), bulk.skipped()};
}

}  // namespace cchc::services
