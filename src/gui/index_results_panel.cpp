// The "Index results" area (see index_results_panel.h).
#include "gui/index_results_panel.h"

#include "core/period.h"
#include "core/vnformat.h"
#include "gui/gui_util.h"

namespace cchc::gui {

IndexResultsPanel::IndexResultsPanel(wxWindow* parent, GuiSession& session)
    : SummaryPanelBase(
          parent, session, Area::IndexResults, _("CCHC index results"),
          _("Each year the province sets an index framework of fields, criteria and sub-criteria worth 100 "
            "points. Communes score themselves and attach evidence; the appraisal council scores again, and "
            "the appraised scores are ranked and classified (Good, Fair, Average, Weak). This area keeps those "
            "scores per commune, criterion and period, and shows totals, ranks and the points each criterion "
            "puts at stake."),
          {_("Enter self-assessed and appraised scores with their evidence (number, date, issuer, file)."),
           _("Submit, appraise and lock results; withdraw a submission before appraisal."),
           _("Rank communes with ties, compare with the last period and see the criteria that lose most "
             "points.")}) {}

std::vector<SummaryPanelBase::Figure> IndexResultsPanel::Figures(const services::OfficeOverview& o) {
    wxString latest = wxString::FromUTF8("\xe2\x80\x94");  // —
    if (auto p = Period::Parse(o.latestResultPeriod)) latest = U8(p->Label());
    return {
        {_("Index frameworks"), U8(FormatInteger(o.frameworks)), _("index and survey templates"),
         wxColour(0x5E, 0x4B, 0x8B), Area::Catalogue},
        {_("Index scores recorded"), U8(FormatInteger(o.results)), _("criteria scored in all periods"),
         wxColour(0xE0, 0x9A, 0x00), std::nullopt},
        {_("Latest assessment"), latest, _("most recent period with scores"), colours::Accent(), std::nullopt},
        {_("Communes, wards, towns"), U8(FormatInteger(o.communes)), _("units that are scored and ranked"),
         colours::Accent(), Area::Catalogue},
    };
}

}  // namespace cchc::gui
