// A date field that reads and writes dates the Vietnamese way (dd/mm/yyyy)
// whatever the system locale: a text field with a drop-down calendar
// (wxComboCtrl). It may be left empty. What is typed is checked on Date():
// "5/1/2026" is accepted and shown back as "05/01/2026"; anything else is a
// bad date the dialog reports (Bad()). Picking a day in the calendar, or
// Enter in it, writes it; Esc closes the calendar unchanged. Changes send
// wxEVT_TEXT like any text field.
#pragma once
#include <wx/combo.h>

#include <optional>
#include <string>

#include "core/date.h"

namespace cchc::gui {

class VnDateCtrl : public wxComboCtrl {
  public:
    VnDateCtrl(wxWindow* parent, wxWindowID id = wxID_ANY);

    // The date typed or picked; nullopt when empty or not a date.
    std::optional<cchc::Date> Value() const;
    // Whether something is typed that is not a date.
    bool Bad() const;
    // Why the text typed is not a date, for the message (core DateRefusal).
    std::string Refusal() const;
    // ISO "2026-01-05" of the date, for the lower layers.
    std::optional<std::string> Iso() const;
    // Shows the date (empty for nullopt) without sending wxEVT_TEXT.
    void SetDate(const std::optional<cchc::Date>& date);
    void SetIso(const std::optional<std::string>& iso);

  private:
    void Normalise();
};

}  // namespace cchc::gui
