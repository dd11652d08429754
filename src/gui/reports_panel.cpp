// The "Reports" area (see reports_panel.h).
#include "gui/reports_panel.h"

#include "core/date.h"
#include "core/period.h"
#include "core/vnformat.h"
#include "gui/gui_util.h"

namespace cchc::gui {

ReportsPanel::ReportsPanel(wxWindow* parent, GuiSession& session)
    : SummaryPanelBase(
          parent, session, Area::Reports, _("Reports"),
          _("The quarterly CCHC report, remediation plan documents, ranking tables, task status reports and "
            "survey notices, laid out as Decree 30/2020/ND-CP requires: header, number, dateline, signature "
            "block and recipients. The same pages go to the print preview, the printer and PDF, to DOCX for "
            "editing before signature and to XLSX for the tables; issued reports are archived with their "
            "number."),
          {_("Prepare this quarter's report for a commune or for the whole office and edit its narrative "
             "sections."),
           _("Print, or save as PDF, DOCX or XLSX."),
           _("Find issued reports again by number and period.")}) {}

std::vector<SummaryPanelBase::Figure> ReportsPanel::Figures(const services::OfficeOverview& o) {
    const Period quarter = session_.CurrentQuarter();
    const WindowKind kind = session_.ReportingWindow();
    const DateRange window = quarter.Window(kind);
    const int daysLeft = Date::Today().DaysUntil(window.last);
    return {
        {_("Reporting period"), U8(quarter.Label()),
         kind == WindowKind::CutOff ? _("data cut-off of Decree 09/2019") : _("calendar quarter"),
         colours::Accent(), Area::Settings},
        {_("Data counted until"), U8(FormatDate(window.last)),
         daysLeft > 0 ? wxString::Format(wxPLURAL("%d day left", "%d days left", daysLeft), daysLeft)
                      : _("today"),
         daysLeft <= 14 ? colours::Warning() : colours::Accent(), std::nullopt},
        {_("Communes, wards, towns"), U8(FormatInteger(o.communes)), _("each with its own report"),
         colours::Accent(), Area::Catalogue},
        {_("Tasks to report on"), U8(FormatInteger(o.tasksOpen)),
         wxString::Format(wxPLURAL("%s overdue", "%s overdue", o.tasksOverdue), U8(FormatInteger(o.tasksOverdue))),
         o.tasksOverdue > 0 ? colours::Danger() : colours::Good(), Area::Plans},
    };
}

}  // namespace cchc::gui
