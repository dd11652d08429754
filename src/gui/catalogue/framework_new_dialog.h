// A new, empty index framework (form FrameworkNewDialog in
// forms/framework_new_dialog.xrc): code, name, year (this year proposed) and
// kind; calls FrameworkService::Create. Its criteria are added afterwards in
// the framework editor.
#pragma once
#include <string>

#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"

namespace cchc::gui {

class FrameworkNewDialog : public DialogBase {
  public:
    FrameworkNewDialog(wxWindow* parent, GuiSession& session);
    // The code of the new framework, after ShowModal() returned wxID_OK.
    const std::string& createdCode() const { return createdCode_; }

  private:
    void OnSave(wxCommandEvent& event);

    GuiSession& session_;
    std::string createdCode_;
};

}  // namespace cchc::gui
