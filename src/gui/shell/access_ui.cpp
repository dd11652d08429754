// What the account may do, for the windows (see access_ui.h).
#include "gui/shell/access_ui.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/menu.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/window.h>

#include <algorithm>

#include <unordered_map>

#include "gui/shell/gui_util.h"
#include "services/org/organisation.h"

namespace cchc::gui {
namespace {

// The tooltips controls had before a refusal replaced them, so that they
// come back once the action is allowed (forgotten with the control).
std::unordered_map<wxWindow*, wxString>& OwnTips() {
    static std::unordered_map<wxWindow*, wxString> tips;
    return tips;
}

void SetRefusalTip(wxWindow* control, const wxString& why) {
    auto& tips = OwnTips();
    if (tips.find(control) == tips.end()) {
        tips[control] = control->GetToolTipText();
        control->Bind(wxEVT_DESTROY, [control](wxWindowDestroyEvent& e) {
            e.Skip();
            if (e.GetWindow() == control) OwnTips().erase(control);
        });
    }
    control->SetToolTip(why);
}

void RestoreTip(wxWindow* control) {
    auto& tips = OwnTips();
    auto it = tips.find(control);
    if (it == tips.end()) return;
    if (it->second.empty())
        control->UnsetToolTip();
    else
        control->SetToolTip(it->second);
}

// "tài khoản ..." as a sentence of its own.
wxString Sentence(const std::string& text) {
    const wxString s = U8(text);
    return s.Left(1).Upper() + s.Mid(1);
}

}  // namespace

AccessUi::AccessUi(services::Database& db, std::string login)
    : db_(db), login_(std::move(login)), guard_(db, login_) {}

bool AccessUi::Enforced() { return guard_.Enforced(); }

std::optional<Account> AccessUi::Acting() { return guard_.Acting(); }

bool AccessUi::May(Action action) { return guard_.Allows(action); }

bool AccessUi::May(Action action, std::int64_t unitId) { return guard_.Allows(action, unitId); }

bool AccessUi::InScope(std::int64_t unitId) { return guard_.InScope(unitId); }

wxString AccessUi::WhyNot(Action action, std::optional<std::int64_t> unitId) {
    // On the server, backups and restores are the database owner's, even
    // for the administrator's account.
    if (OwnersOnly(action)) return Sentence(OwnersOnlyMessage(login_, action));
    std::string unitName;
    if (unitId && guard_.Allows(action) && !guard_.InScope(*unitId))
        if (auto unit = services::OrganisationService(db_, login_).UnitById(*unitId))
            unitName = unit->name;
    return Sentence(RefusalMessage(login_, action, unitName));
}

void AccessUi::Offer(wxWindow* control, bool also, Action action,
                     std::optional<std::int64_t> unitId) {
    if (!control) return;
    const bool allowed = unitId ? May(action, *unitId) : May(action);
    control->Enable(also && allowed);
    if (allowed)
        RestoreTip(control);
    else
        SetRefusalTip(control, WhyNot(action, unitId));
}

void AccessUi::OfferAll(wxWindow* container, Action action, const std::vector<wxWindow*>& except) {
    OfferAll(container, action, std::nullopt, except);
}

void AccessUi::OfferAll(wxWindow* container, Action action, std::optional<std::int64_t> unitId,
                        const std::vector<wxWindow*>& except) {
    if (!container) return;
    const bool allowed = unitId ? May(action, *unitId) : May(action);
    const wxString why = allowed ? wxString() : WhyNot(action, unitId);
    for (wxWindow* w : container->GetChildren()) {
        if (std::find(except.begin(), except.end(), w) != except.end()) continue;
        const bool input = dynamic_cast<wxTextCtrl*>(w) || dynamic_cast<wxChoice*>(w) ||
                           dynamic_cast<wxComboBox*>(w) || dynamic_cast<wxSpinCtrl*>(w) ||
                           dynamic_cast<wxSpinCtrlDouble*>(w) || dynamic_cast<wxCheckBox*>(w) ||
                           dynamic_cast<wxButton*>(w);
        if (!input) {
            OfferAll(w, action, unitId, except);
            continue;
        }
        if (!allowed) {
            SetRefusalTip(w, why);
            w->Disable();
        } else if (OwnTips().count(w)) {
            RestoreTip(w);
            OwnTips().erase(w);
            w->Enable();
        }
    }
}

void AccessUi::OfferText(wxTextCtrl* text, Action action, std::optional<std::int64_t> unitId) {
    if (!text) return;
    const bool allowed = unitId ? May(action, *unitId) : May(action);
    text->SetEditable(allowed);
    if (allowed)
        RestoreTip(text);
    else
        SetRefusalTip(text, WhyNot(action, unitId));
}

void AccessUi::ShowIf(wxWindow* control, Action action) {
    if (control) control->Show(May(action));
}

void AccessUi::Offer(wxMenuBar* bar, int id, bool also, Action action,
                     std::optional<std::int64_t> unitId) {
    if (!bar || !bar->FindItem(id)) return;
    const bool allowed = unitId ? May(action, *unitId) : May(action);
    bar->Enable(id, also && allowed);
}

bool AccessUi::OwnersOnly(Action action) {
    if (!NeedsOwnersConnection(action) || guard_.OwnersConnection()) return false;
    const auto account = Acting();
    return !Enforced() || (account && RoleAllows(account->role, action));
}

wxString AccessUi::Describe() {
    auto account = Acting();
    if (!account) return Enforced() ? U8(login_) : wxString();
    wxString where = _("All units");
    if (account->unitId)
        if (auto unit = services::OrganisationService(db_, login_).UnitById(*account->unitId))
            where = U8(unit->name);
    const wxString dot = wxString::FromUTF8(" \xc2\xb7 ");
    return U8(account->login) + dot + U8(RoleLabel(account->role)) + dot + where;
}

}  // namespace cchc::gui
