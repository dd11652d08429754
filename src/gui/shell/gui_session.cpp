// The client's session: open database, user, reporting settings.
#include "gui/shell/gui_session.h"

#include "core/date.h"

namespace cchc::gui {

GuiSession::GuiSession(std::unique_ptr<services::Database> db, std::string user)
    : db_(std::move(db)), user_(std::move(user)) {}

Period GuiSession::CurrentQuarter() {
    return Period::Containing(PeriodKind::Quarter, Date::Today(), ReportingWindow());
}

}  // namespace cchc::gui
