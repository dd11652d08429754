// The analysis page of the Index results area: the criteria where the
// office's communes lose most appraised points in all (where remediation
// plans should aim), and each commune's self-assessed total against its
// appraised total (who over-scores themselves).
#pragma once
#include <wx/panel.h>

#include <string>

#include "gui/shell/gui_session.h"

class wxListCtrl;
class wxStaticText;

namespace cchc::gui {

class ResultAnalysisPage : public wxPanel {
  public:
    ResultAnalysisPage(wxWindow* parent, GuiSession& session);
    void SetContext(const std::string& framework, const std::string& period);

  private:
    GuiSession& session_;
    wxListCtrl* losses_ = nullptr;
    wxListCtrl* gaps_ = nullptr;
    wxStaticText* note_ = nullptr;
};

}  // namespace cchc::gui
