// The plan's document fields (see plan_header_dialog.h).
#include "gui/plans/plan_header_dialog.h"

#include <wx/choice.h>
#include <wx/textctrl.h>

#include "core/errors.h"
#include "core/org.h"
#include "core/plan_conflicts.h"
#include "gui/shell/gui_util.h"
#include "gui/shell/vn_date_ctrl.h"
#include "services/plans/plans.h"

namespace cchc::gui {
namespace {
const char* const kStatuses[] = {"draft", "issued", "closed"};

struct Field {
    const char* name;
    std::string PlanRecord::*member;
};
const Field kFields[] = {
    {"number", &PlanRecord::number},
    {"title", &PlanRecord::title},
    {"summary", &PlanRecord::summary},
    {"place_name", &PlanRecord::placeName},
    {"basis", &PlanRecord::basis},
    {"signer_authority", &PlanRecord::signerAuthority},
    {"signer_title", &PlanRecord::signerTitle},
    {"signer_name", &PlanRecord::signerName},
    {"recipients", &PlanRecord::recipients},
};
}  // namespace

PlanHeaderDialog::PlanHeaderDialog(wxWindow* parent, GuiSession& session, const PlanRecord& plan)
    : session_(session), plan_(plan), base_(plan) {
    LoadForm(parent, "PlanHeaderDialog");
    date_ = new VnDateCtrl(this);
    wxXmlResource::Get()->AttachUnknownControl("issued_on", date_, this);
    auto* status = Ctrl<wxChoice>("status");
    status->Append(_("Draft"));
    status->Append(_("Issued"));
    status->Append(_("Closed"));
    Fill(plan_);
    if (plan_.placeName.empty())
        if (auto unit = session_.Organisation().UnitById(plan_.unitId))
            Ctrl<wxTextCtrl>("place_name")->ChangeValue(U8(unit->placeName));
    Bind(wxEVT_BUTTON, &PlanHeaderDialog::OnSave, this, wxID_OK);
    FinishLayout(Ctrl<wxTextCtrl>("number"));
}

void PlanHeaderDialog::Fill(const PlanRecord& p) {
    for (const Field& f : kFields) Ctrl<wxTextCtrl>(f.name)->ChangeValue(U8(p.*(f.member)));
    date_->SetIso(p.issuedOn);
    auto* status = Ctrl<wxChoice>("status");
    status->SetSelection(0);
    for (int i = 0; i < 3; ++i)
        if (p.status == kStatuses[i]) status->SetSelection(i);
}

PlanRecord PlanHeaderDialog::ReadForm() const {
    PlanRecord p = plan_;
    for (const Field& f : kFields) p.*(f.member) = ToU8(Ctrl<wxTextCtrl>(f.name)->GetValue());
    p.issuedOn = date_->Iso();
    const int s = Ctrl<wxChoice>("status")->GetSelection();
    p.status = kStatuses[s >= 0 ? s : 0];
    return p;
}

void PlanHeaderDialog::OnSave(wxCommandEvent&) {
    SaveAndClose(
        [this] {
            if (date_->Bad()) throw UserError(Location{"", 0, "issued_on"}, date_->Refusal());
            services::PlanService(session_.db(), session_.user()).SaveHeader(ReadForm());
        },
        // Saved on another desk meanwhile: the form shows the values chosen,
        // and the next save is made against the version compared.
        [this](const EditConflict& conflict, const KeptFields& kept) {
            const PlanRecord stored =
                services::PlanService(session_.db(), session_.user()).Load(plan_.id);
            Fill(MergePlanHeader(ReadForm(), stored, kept));
            plan_.version = conflict.storedVersion();
            base_ = stored;
        },
        // The document fields the user changed since the form was filled.
        [this] { return EditedOf(PlanHeaderConflicts(ReadForm(), base_)); });
}

}  // namespace cchc::gui
