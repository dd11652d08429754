// Copying an index framework to a new year (form FrameworkCopyDialog in
// forms/framework_copy_dialog.xrc): asks the year (next year proposed), the
// new code and name (the source's with the year replaced, following the year
// until the user types their own) and calls FrameworkService::CopyToNewYear.
#pragma once
#include <string>

#include "core/framework.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"

class wxSpinCtrl;
class wxTextCtrl;

namespace cchc::gui {

class FrameworkCopyDialog : public DialogBase {
  public:
    FrameworkCopyDialog(wxWindow* parent, GuiSession& session, const Framework& source);

    // The code of the copy, after ShowModal() returned wxID_OK.
    const std::string& copiedCode() const { return copiedCode_; }

  private:
    void OnYear();
    void OnSave(wxCommandEvent& event);

    GuiSession& session_;
    Framework source_;
    std::string copiedCode_;
    wxSpinCtrl* year_;
    wxTextCtrl* code_;
    wxTextCtrl* name_;
    bool codeTyped_ = false, nameTyped_ = false;
};

}  // namespace cchc::gui
