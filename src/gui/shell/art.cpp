// Vector drawings of the client's icons (see art.h).
#include "gui/shell/art.h"

#include <wx/graphics.h>
#include <wx/image.h>

#include <cmath>
#include <functional>

namespace cchc::gui {
namespace {

// Calls draw with a context scaled so that the picture is laid out on a
// 24 x 24 grid, on a transparent bitmap of size x size pixels.
using Painter = std::function<void(wxGraphicsContext&)>;

wxBitmap Render(int size, const Painter& draw) {
    wxImage img(size, size);
    img.InitAlpha();
    unsigned char* alpha = img.GetAlpha();
    std::fill(alpha, alpha + size * size, 0);
    {
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(img));
        if (gc) {
            gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
            gc->Scale(size / 24.0, size / 24.0);
            draw(*gc);
        }
    }  // the context writes into img when it goes
    return wxBitmap(img);
}

wxBitmapBundle Bundle(int size, const Painter& draw) {
    wxVector<wxBitmap> bitmaps;
    bitmaps.push_back(Render(size, draw));
    bitmaps.push_back(Render(size * 2, draw));
    return wxBitmapBundle::FromBitmaps(bitmaps);
}

wxBrush Fill(const wxColour& c) { return wxBrush(c); }
void SetPen(wxGraphicsContext& gc, const wxColour& c, double width) {
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(c, width).Cap(wxCAP_ROUND).Join(wxJOIN_ROUND)));
}

void RoundedBadge(wxGraphicsContext& gc, const wxColour& c) {
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(c));
    gc.DrawRoundedRectangle(1, 1, 22, 22, 5);
}

void House(wxGraphicsContext& gc) {
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(*wxWHITE_BRUSH);
    wxGraphicsPath roof = gc.CreatePath();
    roof.MoveToPoint(12, 4.5);
    roof.AddLineToPoint(20, 11.5);
    roof.AddLineToPoint(4, 11.5);
    roof.CloseSubpath();
    gc.FillPath(roof);
    gc.DrawRectangle(6.5, 11, 11, 8.5);
}

void Building(wxGraphicsContext& gc, const wxColour& badge) {
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(*wxWHITE_BRUSH);
    gc.DrawRectangle(6, 5, 12, 15);
    gc.SetBrush(Fill(badge));
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 2; ++col)
            gc.DrawRectangle(8.2 + col * 4.6, 7.2 + row * 3.8, 3, 2.4);
}

void Star(wxGraphicsContext& gc, double cx, double cy, double r, const wxColour& c) {
    wxGraphicsPath p = gc.CreatePath();
    for (int i = 0; i < 10; ++i) {
        double rr = (i % 2 == 0) ? r : r * 0.42;
        double a = -M_PI / 2 + i * M_PI / 5;
        double x = cx + rr * std::cos(a), y = cy + rr * std::sin(a);
        if (i == 0)
            p.MoveToPoint(x, y);
        else
            p.AddLineToPoint(x, y);
    }
    p.CloseSubpath();
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(c));
    gc.FillPath(p);
}

void PersonGlyph(wxGraphicsContext& gc, double cx, double top, double scale, const wxColour& c) {
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(c));
    gc.DrawEllipse(cx - 3 * scale, top, 6 * scale, 6 * scale);
    wxGraphicsPath body = gc.CreatePath();
    body.MoveToPoint(cx - 6 * scale, top + 14 * scale);
    body.AddCurveToPoint(cx - 6 * scale, top + 7 * scale, cx + 6 * scale, top + 7 * scale,
                         cx + 6 * scale, top + 14 * scale);
    body.CloseSubpath();
    gc.FillPath(body);
}

wxColour KindColour(UnitKind kind) {
    switch (kind) {
        case UnitKind::Province:
            return wxColour(0xC6, 0x28, 0x28);
        case UnitKind::District:
            return wxColour(0x1D, 0x5F, 0xB8);
        case UnitKind::Commune:
            return wxColour(0x2E, 0x7D, 0x32);
        case UnitKind::Ward:
            return wxColour(0x00, 0x83, 0x8F);
        case UnitKind::Town:
            return wxColour(0xE0, 0x7B, 0x00);
        case UnitKind::Department:
            return wxColour(0x5E, 0x4B, 0x8B);
    }
    return wxColour(0x60, 0x60, 0x60);
}

}  // namespace

wxBitmapBundle UnitKindIcon(UnitKind kind, bool active, int size) {
    const wxColour badge = active ? KindColour(kind) : wxColour(0xA8, 0xAE, 0xB6);
    return Bundle(size, [=](wxGraphicsContext& gc) {
        RoundedBadge(gc, badge);
        switch (kind) {
            case UnitKind::Province:
                Star(gc, 12, 12.6, 8, active ? wxColour(0xFF, 0xD5, 0x4F) : *wxWHITE);
                break;
            case UnitKind::District:
                Building(gc, badge);
                break;
            case UnitKind::Commune:
            case UnitKind::Ward:
            case UnitKind::Town:
                House(gc);
                break;
            case UnitKind::Department:
                PersonGlyph(gc, 12, 4.5, 1.05, *wxWHITE);
                break;
        }
    });
}

namespace {

// Bars of a chart on a base line.
void DrawDashboardIcon(wxGraphicsContext& gc) {
    const wxColour c(0x1D, 0x5F, 0xB8);
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(c));
    gc.DrawRoundedRectangle(3, 12, 4.5, 9, 1);
    gc.SetBrush(Fill(wxColour(0x42, 0x85, 0xE0)));
    gc.DrawRoundedRectangle(9.75, 6, 4.5, 15, 1);
    gc.SetBrush(Fill(wxColour(0x7F, 0xAE, 0xF0)));
    gc.DrawRoundedRectangle(16.5, 9, 4.5, 12, 1);
    SetPen(gc, wxColour(0x33, 0x3F, 0x4F), 1.4);
    gc.StrokeLine(2, 22, 22, 22);
}

// A gold medal with a star on red ribbons.
void DrawIndexResultsIcon(wxGraphicsContext& gc) {
    const wxColour gold(0xE0, 0x9A, 0x00);
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(wxColour(0xC6, 0x28, 0x28)));
    wxGraphicsPath rib = gc.CreatePath();
    rib.MoveToPoint(7, 13);
    rib.AddLineToPoint(4.5, 22.5);
    rib.AddLineToPoint(8, 20.5);
    rib.AddLineToPoint(10.5, 23);
    rib.AddLineToPoint(12, 15);
    rib.CloseSubpath();
    rib.MoveToPoint(17, 13);
    rib.AddLineToPoint(19.5, 22.5);
    rib.AddLineToPoint(16, 20.5);
    rib.AddLineToPoint(13.5, 23);
    rib.AddLineToPoint(12, 15);
    rib.CloseSubpath();
    gc.FillPath(rib);
    gc.SetBrush(Fill(gold));
    gc.DrawEllipse(4, 1.5, 16, 16);
    gc.SetBrush(Fill(wxColour(0xFF, 0xC8, 0x3D)));
    gc.DrawEllipse(6.5, 4, 11, 11);
    Star(gc, 12, 9.8, 4.6, wxColour(0xFF, 0xF4, 0xD6));
}

// A clipboard with three ticked lines.
void DrawPlansIcon(wxGraphicsContext& gc) {
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(wxColour(0x2E, 0x7D, 0x32)));
    gc.DrawRoundedRectangle(3.5, 2.5, 17, 20, 2.5);
    gc.SetBrush(*wxWHITE_BRUSH);
    gc.DrawRoundedRectangle(5.5, 5, 13, 15.5, 1.2);
    gc.SetBrush(Fill(wxColour(0x55, 0x60, 0x6E)));
    gc.DrawRoundedRectangle(8.5, 1.2, 7, 3.6, 1.2);
    SetPen(gc, wxColour(0x2E, 0x7D, 0x32), 1.6);
    for (int i = 0; i < 3; ++i) {
        double y = 8.5 + i * 4.2;
        gc.StrokeLine(7.2, y, 8.4, y + 1.2);
        gc.StrokeLine(8.4, y + 1.2, 10.4, y - 1.0);
        SetPen(gc, wxColour(0x90, 0x99, 0xA6), 1.4);
        gc.StrokeLine(12, y + 0.2, 16.5, y + 0.2);
        SetPen(gc, wxColour(0x2E, 0x7D, 0x32), 1.6);
    }
}

// A smiling face.
void DrawSurveysIcon(wxGraphicsContext& gc) {
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(wxColour(0xF5, 0xA6, 0x23)));
    gc.DrawEllipse(2, 2, 20, 20);
    gc.SetBrush(Fill(wxColour(0x5A, 0x3A, 0x00)));
    gc.DrawEllipse(7.3, 7.5, 2.6, 3.2);
    gc.DrawEllipse(14.1, 7.5, 2.6, 3.2);
    SetPen(gc, wxColour(0x5A, 0x3A, 0x00), 1.8);
    wxGraphicsPath smile = gc.CreatePath();
    smile.MoveToPoint(7, 13.5);
    smile.AddCurveToPoint(9, 18, 15, 18, 17, 13.5);
    gc.StrokePath(smile);
}

// A page with a folded corner and lines of text.
void DrawReportsIcon(wxGraphicsContext& gc) {
    const wxColour ink(0x3F, 0x51, 0xB5);
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(ink));
    wxGraphicsPath page = gc.CreatePath();
    page.MoveToPoint(5, 2);
    page.AddLineToPoint(14.5, 2);
    page.AddLineToPoint(19.5, 7);
    page.AddLineToPoint(19.5, 22);
    page.AddLineToPoint(5, 22);
    page.CloseSubpath();
    gc.FillPath(page);
    gc.SetBrush(Fill(wxColour(0x9F, 0xA8, 0xDA)));
    wxGraphicsPath fold = gc.CreatePath();
    fold.MoveToPoint(14.5, 2);
    fold.AddLineToPoint(14.5, 7);
    fold.AddLineToPoint(19.5, 7);
    fold.CloseSubpath();
    gc.FillPath(fold);
    SetPen(gc, *wxWHITE, 1.3);
    gc.StrokeLine(8, 10.5, 16.5, 10.5);
    gc.StrokeLine(8, 13.5, 16.5, 13.5);
    gc.StrokeLine(8, 16.5, 16.5, 16.5);
    gc.StrokeLine(8, 19.2, 13, 19.2);
}

// A tree of three boxes.
void DrawCatalogueIcon(wxGraphicsContext& gc) {
    const wxColour c(0x5E, 0x4B, 0x8B);
    SetPen(gc, wxColour(0x77, 0x80, 0x8C), 1.4);
    gc.StrokeLine(12, 8, 12, 12.5);
    gc.StrokeLine(5.5, 12.5, 18.5, 12.5);
    gc.StrokeLine(5.5, 12.5, 5.5, 15);
    gc.StrokeLine(18.5, 12.5, 18.5, 15);
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(c));
    gc.DrawRoundedRectangle(7.5, 1.5, 9, 7, 1.5);
    gc.SetBrush(Fill(wxColour(0x8E, 0x7C, 0xC3)));
    gc.DrawRoundedRectangle(1.5, 15, 8, 7, 1.5);
    gc.DrawRoundedRectangle(14.5, 15, 8, 7, 1.5);
}

// A gear with eight teeth.
void DrawSettingsIcon(wxGraphicsContext& gc) {
    const wxColour c(0x55, 0x60, 0x6E);
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(Fill(c));
    wxGraphicsPath gear = gc.CreatePath();
    const int teeth = 8;
    for (int i = 0; i < teeth * 2; ++i) {
        double a0 = i * M_PI / teeth - M_PI / (teeth * 2) * 0.6;
        double a1 = i * M_PI / teeth + M_PI / (teeth * 2) * 0.6;
        double r = (i % 2 == 0) ? 10.5 : 8.2;
        double x0 = 12 + r * std::cos(a0), y0 = 12 + r * std::sin(a0);
        double x1 = 12 + r * std::cos(a1), y1 = 12 + r * std::sin(a1);
        if (i == 0)
            gear.MoveToPoint(x0, y0);
        else
            gear.AddLineToPoint(x0, y0);
        gear.AddLineToPoint(x1, y1);
    }
    gear.CloseSubpath();
    gear.AddCircle(12, 12, 3.6);
    gc.FillPath(gear, wxODDEVEN_RULE);
}

}  // namespace

wxBitmapBundle AreaIcon(Area area, int size) {
    return Bundle(size, [area](wxGraphicsContext& gc) {
        switch (area) {
            case Area::Dashboard:
                DrawDashboardIcon(gc);
                break;
            case Area::IndexResults:
                DrawIndexResultsIcon(gc);
                break;
            case Area::Plans:
                DrawPlansIcon(gc);
                break;
            case Area::Surveys:
                DrawSurveysIcon(gc);
                break;
            case Area::Reports:
                DrawReportsIcon(gc);
                break;
            case Area::Catalogue:
                DrawCatalogueIcon(gc);
                break;
            case Area::Settings:
            case Area::Count:
                DrawSettingsIcon(gc);
                break;
        }
    });
}

wxBitmapBundle AppLogo(int size) {
    return Bundle(size, [](wxGraphicsContext& gc) {
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetBrush(Fill(wxColour(0xB7, 0x1C, 0x1C)));
        gc.DrawRoundedRectangle(1, 1, 22, 22, 5);
        Star(gc, 12, 10.2, 6.2, wxColour(0xFF, 0xD5, 0x4F));
        SetPen(gc, *wxWHITE, 1.6);
        gc.StrokeLine(5, 19, 19, 19);
    });
}

wxIconBundle AppIcons() {
    wxIconBundle icons;
    for (int size : {16, 24, 32, 48, 64, 128}) {
        wxIcon icon;
        icon.CopyFromBitmap(AppLogo(size).GetBitmap(wxSize(size, size)));
        icons.AddIcon(icon);
    }
    return icons;
}

}  // namespace cchc::gui
