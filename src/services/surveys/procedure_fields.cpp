// The procedure field catalogue (see procedure_fields.h).
#include "services/surveys/procedure_fields.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/survey_rules.h"
#include "core/text.h"
#include "services/app/access_guard.h"
#include "storage/settings_repository.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {

std::string Lines(const std::vector<std::string>& texts) { return JoinTexts(texts, "\n"); }

// The names a field answers to, folded: its code, its name and its aliases.
std::vector<std::string> NamesOf(const ProcedureFieldRecord& f) {
    std::vector<std::string> out = {FoldForSearch(f.code), FoldForSearch(f.name)};
    for (const auto& a : f.aliases) out.push_back(FoldForSearch(a));
    return out;
}

}  // namespace

std::vector<ProcedureFieldRecord> ListProcedureFields(storage::Database& db,
                                                      const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::ReadData);
    return storage::CatalogueRepository(db.session()).ProcedureFields();
}

std::int64_t SaveProcedureField(storage::Database& db, const ProcedureFieldRecord& input,
                                const std::string& user) {
    AccessGuard guard(db, user);
    guard.Require(Action::EditCatalogues);
    ProcedureFieldRecord field = input;
    field.code = Trim(field.code);
    field.name = Trim(field.name);
    field.aliases = ParseAliases(Lines(field.aliases));
    if (const auto problems = CheckProcedureField(field.code, field.name, field.aliases);
        !problems.empty())
        throw UserError(Location{"", 0, problems.front().field}, problems.front().message);
    storage::Transaction tx(db);
    LockForEdit(db, "procedure_fields");
    storage::CatalogueRepository catalogue(db.session());
    const auto all = catalogue.ProcedureFields();
    const ProcedureFieldRecord* before = nullptr;
    for (const auto& f : all)
        if (f.id == field.id) before = &f;
    if (field.id != 0 && !before) throw storage::ConcurrentEditError();
    // Each name answers to one field only: a file naming it must find one.
    const std::pair<const char*, std::vector<std::string>> mine[] = {
        {"code", {field.code}}, {"name", {field.name}}, {"aliases", field.aliases}};
    for (const auto& other : all) {
        if (other.id == field.id) continue;
        const auto theirs = NamesOf(other);
        for (const auto& [key, names] : mine)
            for (const auto& n : names)
                if (std::find(theirs.begin(), theirs.end(), FoldForSearch(n)) != theirs.end())
                    throw UserError(
                        Location{"", 0, key},
                        fmt::format(fmt::runtime(tr("“{0}” already names the field {1} ({2})")),
                                    Excerpt(n), other.name, other.code));
    }
    storage::AuditRepository audit(db.session());
    if (field.id == 0) {
        field.id = catalogue.InsertProcedureField(field);
        audit.Record({"", user, "procedure_fields", field.id, "insert", "", std::nullopt,
                      field.code + " " + field.name});
    } else {
        catalogue.UpdateProcedureField(field);
        auto changed = [&](const char* name, const std::string& was, const std::string& now) {
            if (was != now)
                audit.Record({"", user, "procedure_fields", field.id, "update", name, was, now});
        };
        changed("code", before->code, field.code);
        changed("name", before->name, field.name);
        changed("aliases", Lines(before->aliases), Lines(field.aliases));
        changed("active", before->active ? "1" : "0", field.active ? "1" : "0");
    }
    tx.Commit();
    return field.id;
}

}  // namespace cchc::services
