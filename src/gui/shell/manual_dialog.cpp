// The user manual (see manual_dialog.h).
#include "gui/shell/manual_dialog.h"

#include <wx/html/htmlwin.h>
#include <wx/listbox.h>
#include <wx/sizer.h>

#include <cstddef>
#include <string>
#include <vector>

#include "gui/shell/gui_util.h"

namespace cchc::embedded {
struct File {
    const char* path;
    const char* data;
    std::size_t size;
};
const std::vector<File>& manual_files();
}  // namespace cchc::embedded

namespace cchc::gui {
namespace {

// The page of each area, in the order of Area.
const char* const kPages[] = {"vi/overview.html", "vi/index.html",   "vi/plans.html",
                              "vi/surveys.html",  "vi/reports.html", "vi/catalogue.html",
                              "vi/settings.html"};
static_assert(std::size(kPages) == static_cast<std::size_t>(Area::Count));

// The page's heading (its <h2>), for the list.
wxString Heading(const wxString& html) {
    const int from = html.Find("<h2>"), to = html.Find("</h2>");
    if (from == wxNOT_FOUND || to <= from) return {};
    wxString text =
        html.Mid(static_cast<std::size_t>(from) + 4, static_cast<std::size_t>(to - from - 4));
    text.Replace("&amp;", "&");
    return text;
}

}  // namespace

wxString ManualPage(Area area) {
    const auto i = static_cast<std::size_t>(area);
    if (i >= std::size(kPages)) return {};
    for (const auto& f : embedded::manual_files())
        if (std::string(f.path) == kPages[i]) return wxString::FromUTF8(f.data, f.size);
    return {};
}

ManualDialog::ManualDialog(wxWindow* parent, Area area)
    : wxDialog(parent, wxID_ANY, _("User manual"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("manualDialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    pages_ = new wxListBox(this, wxID_ANY);
    pages_->SetName("manualPages");
    for (int a = 0; a < static_cast<int>(Area::Count); ++a)
        pages_->Append(Heading(ManualPage(static_cast<Area>(a))));
    body->Add(pages_, 0, wxEXPAND | wxRIGHT, FromDIP(8));
    html_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(620, 460)));
    html_->SetName("manualPage");
    body->Add(html_, 1, wxEXPAND);
    sizer->Add(body, 1, wxEXPAND | wxALL, FromDIP(8));
    auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
    sizer->Add(close, 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);
    CentreOnParent();
    pages_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        if (e.GetSelection() >= 0) ShowPage(static_cast<Area>(e.GetSelection()));
    });
    ShowPage(area);
}

void ManualDialog::ShowPage(Area area) {
    text_ = ManualPage(area);
    html_->SetPage("<html><body>" + text_ + "</body></html>");
    pages_->SetSelection(static_cast<int>(area));
}

}  // namespace cchc::gui
