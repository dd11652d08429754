// The client's one question "may this account do X (on unit Y)?", asked
// before a command is offered. It is AccessGuard's answer (core/access.h's
// role × action matrix and the account's unit subtree), so that what the
// windows offer and what the services allow are one rule; the services
// refuse anyway. A database without accounts allows everything. A control
// for an action the account may not do is disabled with a tooltip that says
// why (or hidden); its own tooltip comes back once the action is allowed.
#pragma once
#include <wx/string.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "services/app/access_guard.h"
#include "services/app/database_access.h"

class wxWindow;
class wxMenuBar;
class wxTextCtrl;

namespace cchc::gui {

class AccessUi {
  public:
    AccessUi(services::Database& db, std::string login);

    // Whether the database has accounts (the session logged in).
    bool Enforced();
    // The account logged in; nothing without accounts.
    std::optional<Account> Acting();
    bool May(Action action);
    bool May(Action action, std::int64_t unitId);
    // Whether the unit is the account's or under it (always for the office).
    bool InScope(std::int64_t unitId);
    // Why not, as a sentence: "Tài khoản ct_a không được thẩm định hoặc mở
    // lại kết quả" (with the unit's name when it is outside the scope).
    wxString WhyNot(Action action, std::optional<std::int64_t> unitId = std::nullopt);

    // Enables control when `also` holds and the account may do the action
    // (on the unit); otherwise disables it and, when the account is what
    // forbids it, says why in its tooltip.
    void Offer(wxWindow* control, bool also, Action action,
               std::optional<std::int64_t> unitId = std::nullopt);
    // Every field and button inside container but those of `except`: each
    // disabled with the reason when the account may not do the action at
    // all (or on the unit), and given back (enabled, its own tooltip) once
    // it may.
    void OfferAll(wxWindow* container, Action action, const std::vector<wxWindow*>& except);
    void OfferAll(wxWindow* container, Action action, std::optional<std::int64_t> unitId,
                  const std::vector<wxWindow*>& except);
    // A text to read either way: editable only when the account may do the
    // action (on the unit), else read-only with the reason in its tooltip.
    void OfferText(wxTextCtrl* text, Action action,
                   std::optional<std::int64_t> unitId = std::nullopt);
    // Shows control only when the account may do the action at all.
    void ShowIf(wxWindow* control, Action action);
    // Whether the account's role may do the action but only the database
    // owner's connection can (backing up and restoring on the server).
    bool OwnersOnly(Action action);
    // A menu command: enabled only when `also` holds and it is allowed.
    void Offer(wxMenuBar* bar, int id, bool also, Action action,
               std::optional<std::int64_t> unitId = std::nullopt);

    // For the status bar: "ct_a · Chủ tịch UBND xã · Xã Tây Xuân", or with
    // "Tất cả đơn vị" for an account without a unit; empty without accounts.
    wxString Describe();

  private:
    services::Database& db_;
    std::string login_;
    services::AccessGuard guard_;
};

}  // namespace cchc::gui
