// The "Satisfaction surveys" area (see surveys_panel.h).
#include "gui/surveys_panel.h"

#include "core/vnformat.h"
#include "gui/gui_util.h"

namespace cchc::gui {

SurveysPanel::SurveysPanel(wxWindow* parent, GuiSession& session)
    : SummaryPanelBase(
          parent, session, Area::Surveys, _("Satisfaction surveys"),
          // xgettext:no-c-format
          _("Citizens rate how their dossiers were handled: on paper forms at the one-stop desk, on kiosks, "
            "online and by scanning an officer's QR code. This area keeps the monthly tallies per procedure "
            "field and the individual ratings, checks that surveys cover more than 80% of the dossiers "
            "settled, and computes satisfaction rates per commune and per officer."),
          {_("Enter monthly tallies per procedure field: dossiers settled, responses and the count at each "
             "level."),
           _("Import individual ratings from kiosks, QR codes and the online portal."),
           _("Publish monthly, quarterly, 6-month and yearly results; print QR cards for officers.")}) {}

std::vector<SummaryPanelBase::Figure> SurveysPanel::Figures(const services::OfficeOverview& o) {
    return {
        {_("Monthly tallies"), U8(FormatInteger(o.tallies)), _("unit, month and procedure field"),
         wxColour(0xF5, 0x7C, 0x00), std::nullopt},
        {_("Citizen ratings"), U8(FormatInteger(o.ratings)), _("kiosk, QR, online and paper"),
         wxColour(0xF5, 0x7C, 0x00), std::nullopt},
        {_("Officers and staff"), U8(FormatInteger(o.people)), _("who can be rated"), colours::Accent(),
         Area::Catalogue},
        {_("Communes, wards, towns"), U8(FormatInteger(o.communes)), _("that run surveys"), colours::Accent(),
         Area::Catalogue},
    };
}

}  // namespace cchc::gui
