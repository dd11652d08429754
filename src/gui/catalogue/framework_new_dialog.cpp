// A new framework (see framework_new_dialog.h).
#include "gui/catalogue/framework_new_dialog.h"

#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/date.h"
#include "core/framework.h"
#include "gui/shell/gui_util.h"
#include "services/frameworks/frameworks.h"

namespace cchc::gui {
namespace {
const FrameworkKind kKinds[] = {FrameworkKind::Par, FrameworkKind::Service, FrameworkKind::Survey,
                                FrameworkKind::Self, FrameworkKind::Custom};
}

FrameworkNewDialog::FrameworkNewDialog(wxWindow* parent, GuiSession& session) : session_(session) {
    LoadForm(parent, "FrameworkNewDialog");
    Ctrl<wxSpinCtrl>("year")->SetValue(Date::Today().year);
    auto* kind = Ctrl<wxChoice>("kind");
    for (FrameworkKind k : kKinds) kind->Append(U8(FrameworkKindLabel(k)));
    kind->SetSelection(0);
    Ctrl<wxStaticText>("note")->Wrap(FromDIP(520));
    Bind(wxEVT_BUTTON, &FrameworkNewDialog::OnSave, this, wxID_OK);
    FinishLayout(Ctrl<wxTextCtrl>("new_code"));
}

void FrameworkNewDialog::OnSave(wxCommandEvent&) {
    SaveAndClose([this] {
        const int kind = Ctrl<wxChoice>("kind")->GetSelection();
        const Framework fw =
            services::FrameworkService(session_.db(), session_.user())
                .Create(TrimmedU8(Ctrl<wxTextCtrl>("new_code")->GetValue()),
                        TrimmedU8(Ctrl<wxTextCtrl>("name")->GetValue()),
                        Ctrl<wxSpinCtrl>("year")->GetValue(), kKinds[kind >= 0 ? kind : 0]);
        createdCode_ = fw.code;
    });
}

}  // namespace cchc::gui
