// The Vietnamese date field (see vn_date_ctrl.h) and its month calendar,
// painted here so that its month and weekday names are translated like the
// rest of the client, whatever calendar names the system has.
#include "gui/shell/vn_date_ctrl.h"

#include <algorithm>

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include "core/vnformat.h"
#include "gui/shell/gui_util.h"

namespace cchc::gui {
namespace {

// A month as a 7 × 6 grid of days, Monday first, with the previous and next
// month arrows in its title. Mouse: a day picks it; the arrows page.
// Keys: arrows move by a day or a week, Page Up/Down by a month, Home to
// today, Enter picks, Esc closes.
class CalendarPopup : public wxWindow, public wxComboPopup {
  public:
    bool Create(wxWindow* parent) override {
        if (!wxWindow::Create(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxBORDER_SIMPLE | wxWANTS_CHARS))
            return false;
        SetBackgroundStyle(wxBG_STYLE_PAINT);
        Bind(wxEVT_PAINT, &CalendarPopup::OnPaint, this);
        Bind(wxEVT_LEFT_DOWN, &CalendarPopup::OnClick, this);
        Bind(wxEVT_KEY_DOWN, &CalendarPopup::OnKey, this);
        return true;
    }
    wxWindow* GetControl() override { return this; }
    void SetStringValue(const wxString& s) override {
        auto d = Date::ParseVn(ToU8(s.Strip(wxString::both)));
        selected_ = d;
        shown_ = d.value_or(Date::Today());
        shown_.day = 1;
        Refresh();
    }
    wxString GetStringValue() const override {
        return selected_ ? U8(FormatDate(*selected_)) : wxString();
    }
    void OnPopup() override { SetFocus(); }
    wxSize GetAdjustedSize(int minWidth, int, int) override {
        const wxSize cell = Cell();
        return wxSize(std::max(minWidth, cell.x * 7 + 2), cell.y * 8 + 2);
    }

  private:
    wxSize Cell() const {
        const wxSize t = GetParent()->GetTextExtent("00");
        return wxSize(t.x + FromDIP(16), t.y + FromDIP(10));
    }
    // The date of the grid cell (row 0..5, col 0..6), Monday first.
    Date CellDate(int row, int col) const {
        const int lead = (shown_.DayOfWeek() + 6) % 7;  // Monday = 0
        return shown_.AddDays(row * 7 + col - lead);
    }
    void Page(int months) {
        int m = shown_.month - 1 + months, y = shown_.year;
        y += m >= 0 ? m / 12 : (m - 11) / 12;
        m = ((m % 12) + 12) % 12;
        shown_ = Date{y, m + 1, 1};
        Refresh();
    }
    void Pick(const Date& d) {
        selected_ = d;
        Dismiss();
    }
    void OnPaint(wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        const wxSize cell = Cell();
        dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
        dc.Clear();
        dc.SetFont(GetParent()->GetFont());
        const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
        // Title: ‹  Tháng 01/2026  ›
        const wxString title = wxString::Format(_("Month %02d/%d"), shown_.month, shown_.year);
        dc.SetTextForeground(text);
        const int width = cell.x * 7;
        wxRect titleRect(0, 0, width, cell.y);
        dc.DrawLabel(title, titleRect, wxALIGN_CENTER);
        dc.SetTextForeground(colours::Accent());
        dc.DrawLabel(wxString::FromUTF8("\xe2\x97\x80"), wxRect(0, 0, cell.x, cell.y),
                     wxALIGN_CENTER);
        dc.DrawLabel(wxString::FromUTF8("\xe2\x96\xb6"), wxRect(width - cell.x, 0, cell.x, cell.y),
                     wxALIGN_CENTER);
        const wxString days[] = {_("Mo"), _("Tu"), _("We"), _("Th"), _("Fr"), _("Sa"), _("Su")};
        dc.SetTextForeground(colours::MutedText());
        for (int c = 0; c < 7; ++c)
            dc.DrawLabel(days[c], wxRect(c * cell.x, cell.y, cell.x, cell.y), wxALIGN_CENTER);
        const Date today = Date::Today();
        for (int r = 0; r < 6; ++r)
            for (int c = 0; c < 7; ++c) {
                const Date d = CellDate(r, c);
                const wxRect rc(c * cell.x, (r + 2) * cell.y, cell.x, cell.y);
                const bool sel = selected_ && *selected_ == d;
                if (sel) {
                    dc.SetBrush(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT)));
                    dc.SetPen(*wxTRANSPARENT_PEN);
                    dc.DrawRectangle(wxRect(rc).Deflate(1));
                } else if (d == today) {
                    dc.SetBrush(*wxTRANSPARENT_BRUSH);
                    dc.SetPen(wxPen(colours::Accent()));
                    dc.DrawRectangle(wxRect(rc).Deflate(1));
                }
                dc.SetTextForeground(sel ? wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHTTEXT)
                                     : d.month != shown_.month ? colours::MutedText()
                                     : c == 6                  ? colours::Danger()
                                                               : text);
                dc.DrawLabel(wxString::Format("%d", d.day), rc, wxALIGN_CENTER);
            }
    }
    void OnClick(wxMouseEvent& e) {
        const wxSize cell = Cell();
        const int col = e.GetX() / cell.x, row = e.GetY() / cell.y;
        if (row == 0 && col == 0) return Page(-1);
        if (row == 0 && col == 6) return Page(1);
        if (row >= 2 && row < 8 && col >= 0 && col < 7) Pick(CellDate(row - 2, col));
    }
    void Move(int days) {
        Date d = (selected_ ? *selected_ : shown_).AddDays(days);
        selected_ = d;
        shown_ = Date{d.year, d.month, 1};
        Refresh();
    }
    void OnKey(wxKeyEvent& e) {
        switch (e.GetKeyCode()) {
            case WXK_LEFT:
                return Move(-1);
            case WXK_RIGHT:
                return Move(1);
            case WXK_UP:
                return Move(-7);
            case WXK_DOWN:
                return Move(7);
            case WXK_PAGEUP:
                return Page(-1);
            case WXK_PAGEDOWN:
                return Page(1);
            case WXK_HOME: {
                const Date t = Date::Today();
                selected_ = t;
                shown_ = Date{t.year, t.month, 1};
                return Refresh();
            }
            case WXK_RETURN:
            case WXK_NUMPAD_ENTER:
                if (selected_) Pick(*selected_);
                return;
            case WXK_ESCAPE: {
                // Closed unchanged: the field keeps what it had.
                selected_ = Date::ParseVn(ToU8(GetComboCtrl()->GetValue().Strip(wxString::both)));
                Dismiss();
                return;
            }
            default:
                e.Skip();
        }
    }

    Date shown_ = Date::Today();  // first day of the month shown
    std::optional<Date> selected_;
};

}  // namespace

VnDateCtrl::VnDateCtrl(wxWindow* parent, wxWindowID id)
    : wxComboCtrl(parent, id, wxString(), wxDefaultPosition, wxDefaultSize) {
    SetPopupControl(new CalendarPopup);
    const wxString hint = _("dd/mm/yyyy");
    SetHint(hint);
    // Wide enough for a date and for the hint shown while it is empty.
    const int text = std::max(GetTextExtent("00/00/00000").x, GetTextExtent(hint).x);
    SetMinSize(wxSize(text + FromDIP(48), -1));
    if (GetTextCtrl())
        GetTextCtrl()->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
            e.Skip();
            Normalise();
        });
}

std::string VnDateCtrl::Refusal() const { return DateRefusal(TrimmedU8(GetValue())); }

std::optional<cchc::Date> VnDateCtrl::Value() const { return Date::ParseVn(TrimmedU8(GetValue())); }

bool VnDateCtrl::Bad() const { return !TrimmedU8(GetValue()).empty() && !Value(); }

std::optional<std::string> VnDateCtrl::Iso() const {
    auto d = Value();
    return d ? std::optional<std::string>(d->ToIso()) : std::nullopt;
}

void VnDateCtrl::SetDate(const std::optional<cchc::Date>& date) {
    ChangeValue(date ? U8(FormatDate(*date)) : wxString());
}

void VnDateCtrl::SetIso(const std::optional<std::string>& iso) {
    SetDate(iso ? Date::ParseIso(*iso) : std::nullopt);
}

void VnDateCtrl::Normalise() {
    if (auto d = Value()) {
        const wxString shown = U8(FormatDate(*d));
        if (shown != GetValue()) ChangeValue(shown);
    }
}

}  // namespace cchc::gui
