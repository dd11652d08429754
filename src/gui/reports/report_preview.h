// The print preview of a laid out report: its pages one under the other on
// a grey desk, at a zoom (a percentage, or the width of the window), drawn
// from page images made as they come into view and kept until the zoom
// changes. Page Up/Down and the buttons of the Reports area page through.
#pragma once
#include <wx/bitmap.h>
#include <wx/scrolwin.h>

#include <map>
#include <memory>

namespace cchc::report {
class LaidOutDocument;
}

namespace cchc::gui {

class ReportPreview : public wxScrolledWindow {
  public:
    explicit ReportPreview(wxWindow* parent);

    // Shows these pages (nothing when null), from the first.
    void SetPages(std::shared_ptr<const report::LaidOutDocument> pages);
    int PageCount() const;
    // The page at the top of the view (0-based).
    int CurrentPage() const;
    void ShowPage(int page);
    // Zoom in percent of the real size (100: as printed on a 96 dpi
    // screen); 0 fits the page's width to the window.
    void SetZoom(int percent);
    int Zoom() const { return zoom_; }

  private:
    double Scale() const;  // pixels per point
    void Relayout();
    void OnPaint(wxPaintEvent&);
    const wxBitmap& PageBitmap(int page);

    std::shared_ptr<const report::LaidOutDocument> pages_;
    std::map<int, wxBitmap> cache_;
    std::vector<int> tops_;  // y of each page, in pixels
    int zoom_ = 0;
    double cachedScale_ = 0;
};

}  // namespace cchc::gui
