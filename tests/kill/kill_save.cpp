#include "kill_save.h"

#include <vector>

#include "services/app/database_access.h"
#include "services/results/result_sheet.h"

namespace cchc::killtest {

void SaveAsClient(const std::string& url) {
    auto db = services::OpenDatabase(services::ParseDatabaseUrl(url));
    services::ResultSheetService sheets(*db, "desk-user");
    const auto sheet = sheets.Load("XA-TAYXUAN", "PAR-XA-2025", "2025");
    std::vector<services::SheetEdit> edits;
    for (const auto& row : sheet.rows) {
        if (row.group || row.depth == 0) continue;
        services::SheetEdit score;
        score.criterion = row.code;
        score.field = ResultField::SelfScore;
        score.value = row.maxPoints / 2;
        edits.push_back(score);
        services::SheetEdit note;
        note.criterion = row.code;
        note.field = ResultField::Note;
        note.text = "Đã rà soát";
        edits.push_back(note);
    }
    sheets.Apply(sheet, edits);
}

}  // namespace cchc::killtest
