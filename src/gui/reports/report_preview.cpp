// The report's print preview (see report_preview.h).
#include "gui/reports/report_preview.h"

#include <wx/dcbuffer.h>
#include <wx/image.h>

#include <algorithm>
#include <cmath>

#include "report/layout.h"
#include "report/pdf_renderer.h"

namespace cchc::gui {
namespace {
constexpr int kGap = 16;  // pixels between and around pages

// Cairo's native-endian ARGB32 words as a wxImage.
wxBitmap ToBitmap(const report::PageImage& img) {
    wxImage image(img.width, img.height, false);
    unsigned char* rgb = image.GetData();
    for (int y = 0; y < img.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(img.data.data() + y * img.stride);
        for (int x = 0; x < img.width; ++x) {
            const std::uint32_t p = row[x];
            *rgb++ = static_cast<unsigned char>((p >> 16) & 0xff);
            *rgb++ = static_cast<unsigned char>((p >> 8) & 0xff);
            *rgb++ = static_cast<unsigned char>(p & 0xff);
        }
    }
    return wxBitmap(image);
}
}  // namespace

ReportPreview::ReportPreview(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxHSCROLL | wxFULL_REPAINT_ON_RESIZE | wxWANTS_CHARS) {
    SetName("reportPreview");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(FromDIP(20), FromDIP(20));
    Bind(wxEVT_PAINT, &ReportPreview::OnPaint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (zoom_ == 0) Relayout();
    });
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_PAGEDOWN) return ShowPage(CurrentPage() + 1);
        if (e.GetKeyCode() == WXK_PAGEUP) return ShowPage(CurrentPage() - 1);
        if (e.GetKeyCode() == WXK_HOME && e.ControlDown()) return ShowPage(0);
        if (e.GetKeyCode() == WXK_END && e.ControlDown()) return ShowPage(PageCount() - 1);
        e.Skip();
    });
}

void ReportPreview::SetPages(std::shared_ptr<const report::LaidOutDocument> pages) {
    pages_ = std::move(pages);
    cache_.clear();
    Relayout();
    Scroll(0, 0);
}

int ReportPreview::PageCount() const { return pages_ ? pages_->PageCount() : 0; }

void ReportPreview::SetZoom(int percent) {
    zoom_ = percent;
    Relayout();
}

double ReportPreview::Scale() const {
    if (!pages_ || pages_->PageCount() == 0) return 1;
    if (zoom_ > 0) return zoom_ / 100.0 * 96.0 / 72.0 * GetDPIScaleFactor();
    double widest = 0;
    for (int i = 0; i < pages_->PageCount(); ++i) widest = std::max(widest, pages_->PageWidthPt(i));
    const int room = std::max(100, GetClientSize().x - 2 * kGap);
    return room / widest;
}

void ReportPreview::Relayout() {
    const double scale = Scale();
    if (std::abs(scale - cachedScale_) > 1e-6) cache_.clear();
    cachedScale_ = scale;
    tops_.clear();
    int y = kGap, width = 0;
    for (int i = 0; i < PageCount(); ++i) {
        tops_.push_back(y);
        y += static_cast<int>(std::lround(pages_->PageHeightPt(i) * scale)) + kGap;
        width = std::max(width, static_cast<int>(std::lround(pages_->PageWidthPt(i) * scale)));
    }
    SetVirtualSize(width + 2 * kGap, y);
    Refresh();
}

int ReportPreview::CurrentPage() const {
    if (tops_.empty()) return 0;
    int x = 0, y = 0;
    CalcUnscrolledPosition(0, GetClientSize().y / 3, &x, &y);
    int page = 0;
    for (std::size_t i = 0; i < tops_.size(); ++i)
        if (tops_[i] <= y) page = static_cast<int>(i);
    return page;
}

void ReportPreview::ShowPage(int page) {
    if (tops_.empty()) return;
    page = std::clamp(page, 0, static_cast<int>(tops_.size()) - 1);
    int unitX = 1, unitY = 1;
    GetScrollPixelsPerUnit(&unitX, &unitY);
    Scroll(-1, std::max(0, tops_[static_cast<std::size_t>(page)] - kGap) / std::max(1, unitY));
    Refresh();
}

const wxBitmap& ReportPreview::PageBitmap(int page) {
    auto it = cache_.find(page);
    if (it != cache_.end()) return it->second;
    // Keep a handful of pages: a 200-page report must not fill the memory.
    if (cache_.size() > 12) cache_.erase(cache_.begin());
    const double dpi = cachedScale_ * 72.0;
    return cache_[page] = ToBitmap(report::RenderPageImage(*pages_, page, dpi));
}

void ReportPreview::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    DoPrepareDC(dc);
    dc.SetBackground(wxBrush(wxColour(0x8a, 0x90, 0x99)));
    dc.Clear();
    if (!pages_) return;
    int top = 0, left = 0;
    CalcUnscrolledPosition(0, 0, &left, &top);
    const int bottom = top + GetClientSize().y;
    int virtualWidth = 0, virtualHeight = 0;
    GetVirtualSize(&virtualWidth, &virtualHeight);
    for (int i = 0; i < PageCount(); ++i) {
        const int y = tops_[static_cast<std::size_t>(i)];
        const int h = static_cast<int>(std::lround(pages_->PageHeightPt(i) * cachedScale_));
        const int w = static_cast<int>(std::lround(pages_->PageWidthPt(i) * cachedScale_));
        if (y + h < top || y > bottom) continue;
        const int x = std::max(kGap, (std::max(virtualWidth, GetClientSize().x) - w) / 2);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(wxColour(0x5f, 0x66, 0x70)));
        dc.DrawRectangle(x + 3, y + 3, w, h);  // shadow
        dc.DrawBitmap(PageBitmap(i), x, y);
    }
}

}  // namespace cchc::gui
