// The copy-to-a-new-year form (see framework_copy_dialog.h).
#include "gui/catalogue/framework_copy_dialog.h"

#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/shell/gui_util.h"
#include "services/frameworks/frameworks.h"

namespace cchc::gui {

FrameworkCopyDialog::FrameworkCopyDialog(wxWindow* parent, GuiSession& session,
                                         const Framework& source)
    : session_(session), source_(source) {
    LoadForm(parent, "FrameworkCopyDialog");
    year_ = Ctrl<wxSpinCtrl>("year");
    code_ = Ctrl<wxTextCtrl>("new_code");
    name_ = Ctrl<wxTextCtrl>("name");
    SetTitle(wxString::Format(_("Copy %s to a new year"), U8(source.code)));
    auto* intro = Ctrl<wxStaticText>("source");
    // TRANSLATORS: %s: framework code, %d its year, %s its name.
    intro->SetLabelText(
        wxString::Format(_("Copy of %s (%d): %s"), U8(source.code), source.year, U8(source.name)));
    // Wrapped labels ask for their wrapped size only once told to.
    intro->Wrap(FromDIP(560));
    intro->SetInitialSize();
    auto* note = Ctrl<wxStaticText>("note");
    note->Wrap(FromDIP(560));
    note->SetInitialSize();
    // The form's minimum was reckoned with the labels unwrapped.
    SetMinSize(wxDefaultSize);
    InvalidateBestSize();

    year_->SetValue(source.year + 1 <= 2999 ? source.year + 1 : source.year);
    OnYear();
    year_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { OnYear(); });
    year_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { OnYear(); });
    code_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { codeTyped_ = true; });
    name_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { nameTyped_ = true; });
    Bind(wxEVT_BUTTON, &FrameworkCopyDialog::OnSave, this, wxID_OK);
    FinishLayout(year_);
}

void FrameworkCopyDialog::OnYear() {
    const int year = year_->GetValue();
    if (!codeTyped_)
        code_->ChangeValue(U8(services::ProposedCopyCode(source_.code, source_.year, year)));
    if (!nameTyped_)
        name_->ChangeValue(U8(services::ProposedCopyName(source_.name, source_.year, year)));
}

void FrameworkCopyDialog::OnSave(wxCommandEvent&) {
    SaveAndClose([this] {
        services::FrameworkService service(session_.db(), session_.user());
        copiedCode_ = service
                          .CopyToNewYear(source_.code, TrimmedU8(code_->GetValue()),
                                         year_->GetValue(), TrimmedU8(name_->GetValue()))
                          .code;
    });
}

}  // namespace cchc::gui
