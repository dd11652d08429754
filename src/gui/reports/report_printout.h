// The pages of a laid out report sent to a printer through wx's printing
// framework: each page painted by the report engine onto the printer's
// cairo context, A4 at its real size (landscape pages turned as laid out).
#pragma once
#include <wx/print.h>

#include <memory>

namespace cchc::report {
class LaidOutDocument;
}

namespace cchc::gui {

class ReportPrintout : public wxPrintout {
  public:
    ReportPrintout(std::shared_ptr<const report::LaidOutDocument> pages, const wxString& title);

    bool HasPage(int page) override;
    void GetPageInfo(int* minPage, int* maxPage, int* pageFrom, int* pageTo) override;
    bool OnPrintPage(int page) override;

  private:
    std::shared_ptr<const report::LaidOutDocument> pages_;
};

}  // namespace cchc::gui
