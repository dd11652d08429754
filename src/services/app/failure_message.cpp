#include "services/app/failure_message.h"

#include <filesystem>
#include <new>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/i18n.h"
#include "storage/database.h"

namespace cchc::services {

bool PasswordWanted(const std::exception& e) { return storage::IsPasswordWanted(e); }

bool IsTechnicalFailure(const std::exception& e) {
    return dynamic_cast<const UserError*>(&e) == nullptr;
}

std::string TechnicalText(const std::exception& e) {
    if (auto* failure = dynamic_cast<const storage::DatabaseFailure*>(&e))
        return failure->technical();
    return e.what();
}

std::string LogText(const std::exception& e) {
    if (dynamic_cast<const storage::DatabaseFailure*>(&e) || IsTechnicalFailure(e))
        return TechnicalText(e);
    return {};
}

std::string FailureMessage(const std::exception& e) {
    if (!IsTechnicalFailure(e)) return e.what();
    if (storage::IsDatabaseBusy(e)) return storage::DatabaseBusyError().what();
    if (storage::IsRefusedByServer(e))
        return tr(
            "the server does not allow this account to do that (its role or its units do not "
            "cover it); nothing was changed; ask the administrator if the account needs it");
    if (storage::IsDatabaseError(e))
        return tr(
            "the database could not carry out the operation; try again, or check the database "
            "file and the connection to the server");
    if (auto* file = dynamic_cast<const std::filesystem::filesystem_error*>(&e))
        return fmt::format(fmt::runtime(tr("the file {0} could not be read or written; check "
                                           "that it exists and that you may write there")),
                           file->path1().string());
    if (dynamic_cast<const std::bad_alloc*>(&e))
        return tr("the program ran out of memory; close other programs and try again");
    return tr("the operation failed because of an error inside the program; try again");
}

}  // namespace cchc::services
