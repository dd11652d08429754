// The task board read on a worker thread (see board_loader.h).
#include "gui/plans/board_loader.h"

#include "gui/shell/background_work.h"

namespace cchc::gui {

void LoadTaskBoardAsync(wxWindow* owner, const services::DatabaseUrl& url, Date asOf,
                        const std::string& user, BoardLoaded done) {
    RunOnOwnConnection<services::TaskBoard>(
        owner, url,
        [asOf, user](services::Database& db) {
            return std::make_shared<services::TaskBoard>(services::TaskBoard::Load(db, asOf, user));
        },
        std::move(done));
}

}  // namespace cchc::gui
