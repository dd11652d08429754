// The client's session: open database, user, reporting settings.
#include "gui/shell/gui_session.h"

#include "core/date.h"
#include "gui/shell/access_ui.h"

namespace cchc::gui {

GuiSession::GuiSession(std::unique_ptr<services::Database> db, std::string user)
    : db_(std::move(db)), user_(std::move(user)) {}

GuiSession::~GuiSession() = default;

void GuiSession::Replace(std::unique_ptr<services::Database> db) {
    access_.reset();
    db_ = std::move(db);
}

void GuiSession::Replace(std::unique_ptr<services::Database> db, std::string user) {
    Replace(std::move(db));
    user_ = std::move(user);
}

AccessUi& GuiSession::Access() {
    if (!access_) access_ = std::make_unique<AccessUi>(*db_, user_);
    return *access_;
}

void GuiSession::ForgetAccess() { access_.reset(); }

Period GuiSession::CurrentQuarter() {
    return Period::Containing(PeriodKind::Quarter, Date::Today(), ReportingWindow());
}

}  // namespace cchc::gui
