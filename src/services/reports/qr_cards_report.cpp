// The QR cards of the one-stop desk (reports/qr-cards.json): a card per desk
// officer with the code of the rating page, a grid of cards per page.
#include "core/errors.h"
#include "core/i18n.h"
#include "services/org/organisation.h"
#include "services/reports/report_parts.h"
#include "storage/settings_repository.h"

namespace cchc::services::report_parts {

namespace {

// Whether the text, its ASCII letters lower-cased, contains one of the
// (lower-case) words.
bool ContainsFolded(const std::string& text, const std::vector<std::string>& words) {
    std::string lower = text;
    // ASCII lower-casing is enough for "Một cửa" / "một cửa" and "Tiếp nhận".
    for (auto& ch : lower)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    for (const auto& w : words)
        if (lower.find(w) != std::string::npos) return true;
    return false;
}

}  // namespace

BuiltReport BuildQrCards(Context& c) {
    Prepare(c, false);
    const auto& t = c.t;
    OrganisationService org(c.db, c.req.user);
    storage::SettingsRepository settings(c.db.session());
    // No address of the office's own: no cards (a code that leads nowhere
    // would be printed and hung at every desk).
    const std::string urlTemplate = settings.Get("qr.url_template", "");
    if (urlTemplate.empty())
        throw UserError(Location{"", 0, "qr.url_template"},
                        tr("the address of the office's rating page is not set: enter it under "
                           "Cài đặt (Settings), then print the QR cards"));
    // Lower-case words in the template; compare on text lower-cased the same way.
    auto words = t.Lines("desk_words");
    for (auto& w : words)
        for (auto& ch : w)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    // The communes, and the units that are a one-stop desk themselves.
    std::vector<Unit> units;
    if (c.unit) {
        units.push_back(*c.unit);
    } else {
        for (const auto& u : org.Units())
            if (u.active && (IsCommuneLevel(u.kind) || ContainsFolded(u.name, words)))
                units.push_back(u);
    }
    report::CardGrid grid;
    grid.columns = t.Number("columns", 2);
    grid.rows = t.Number("rows", 3);
    grid.sheet.sheetName = t.Text("sheet_name");
    grid.sheet.rows.push_back(HeaderRow(t.Lines("sheet_columns")));
    for (const auto& u : units) {
        auto people = org.People(u.id);
        std::vector<Person> desk;
        const bool deskUnit = ContainsFolded(u.name, words);
        for (const auto& p : people)
            if (p.active && (deskUnit || p.oneStopDesk || ContainsFolded(p.position, words)))
                desk.push_back(p);
        if (desk.empty())
            for (const auto& p : people)
                if (p.active) desk.push_back(p);
        const std::string header = u.headerName.empty() ? u.name : u.headerName;
        for (const auto& p : desk) {
            report::Card card;
            card.lines = {{header, true, false, 10},
                          {t.Text("card_heading"), true, false, 11},
                          {p.fullName, true, false, 14},
                          {p.position, false, true, 11}};
            card.photo = t.Text("photo");
            card.qrText =
                Substitute(urlTemplate, {{"officer_code", p.code}, {"unit_code", u.code}});
            card.footer = {{t.Text("footer"), false, true, 10}};
            TableRow row;
            row.cells.push_back(Centered(static_cast<int>(grid.cards.size()) + 1));
            for (const std::string& text : {u.name, p.code, p.fullName, p.position, card.qrText})
                row.cells.emplace_back(text);
            grid.sheet.rows.push_back(std::move(row));
            grid.cards.push_back(card);
        }
    }
    if (grid.cards.empty())
        throw UserError(Location{"", 0, "unit"}, tr("the unit has no officers to print cards for"));
    BuiltReport b;
    b.title = t.Text("title", c.vars);
    b.document.pageNumbers = false;
    b.document.Add(grid);
    Finish(c, b, "BC", 0);
    return b;
}

}  // namespace cchc::services::report_parts
