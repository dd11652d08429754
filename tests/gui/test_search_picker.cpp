// The searchable picker that takes the place of drop-downs of every unit or
// officer: a few letters typed find an entry, case and diacritics ignored,
// by its name or its detail; Enter chooses and tells the window as a
// wxChoice does; Escape leaves the choice as it was.
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <boost/test/unit_test.hpp>

#include "gui/shell/search_picker.h"
#include "gui_fixture.h"

using namespace cchc;
using namespace cchc::test;
namespace tt = boost::test_tools;

namespace {

struct PickerWindow {
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "picker");
    gui::SearchPicker* picker = new gui::SearchPicker(frame, wxID_ANY, "Chọn đơn vị");
    std::vector<int> chosen;  // what wxEVT_CHOICE told

    PickerWindow() {
        picker->Append(wxString::FromUTF8("Huyện Tây Sơn"), wxString::FromUTF8("Tỉnh Bình Định"));
        picker->Append(wxString::FromUTF8("\xe2\x80\x83Xã Tây An"),
                       wxString::FromUTF8("Huyện Tây Sơn"));
        picker->Append(wxString::FromUTF8("\xe2\x80\x83Xã Bình Hòa"),
                       wxString::FromUTF8("Huyện Tây Sơn"));
        picker->Append(wxString::FromUTF8("Phường Đống Đa"), wxString::FromUTF8("TP Quy Nhơn"));
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(picker, 0, wxEXPAND | wxALL, 10);
        frame->SetSizer(sizer);
        frame->SetSize(500, 200);
        frame->Show();
        picker->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) { chosen.push_back(e.GetInt()); });
        WaitFor([&] { return frame->IsShownOnScreen(); });
    }
    ~PickerWindow() { DestroyWindow(frame); }

    wxDialog* Search() const {
        wxDialog* dlg = FindModal<wxDialog>();
        return dlg && dlg->GetParent() == picker ? dlg : nullptr;
    }
    // Opens the search window from a timer-driven script and runs steps in it.
    std::string Run(const wxString& typed, std::function<void(UiScript&)> steps) {
        UiScript script;
        script.onAbort = EndModals;
        script.Add("the search window is up", [&] { return Search() != nullptr; });
        steps(script);
        script.Begin();
        picker->OpenSearch(typed);
        WaitFor([&] { return script.Finished(); }, 10000);
        return script.failure();
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(matches_ignore_case_and_diacritics_and_search_the_detail) {
    PickerWindow w;
    auto matches = [&](const char* typed) { return w.picker->Matches(wxString::FromUTF8(typed)); };
    BOOST_TEST(matches("tay an") == std::vector<int>({1}), tt::per_element());
    BOOST_TEST(matches("TÂY AN") == std::vector<int>({1}), tt::per_element());
    BOOST_TEST(matches("dong da") == std::vector<int>({3}), tt::per_element());
    BOOST_TEST(matches("hoa") == std::vector<int>({2}), tt::per_element());
    // The district's name, written beside its communes, finds them too.
    BOOST_TEST(matches("tay son") == std::vector<int>({0, 1, 2}), tt::per_element());
    BOOST_TEST(matches("son binh") == std::vector<int>({0, 2}), tt::per_element());
    BOOST_TEST(matches("").size() == 4u);
    BOOST_TEST(matches("khong co").empty());
}

BOOST_AUTO_TEST_CASE(typing_finds_enter_chooses_escape_keeps) {
    PickerWindow w;
    w.picker->SetSelection(0);
    BOOST_TEST(w.picker->GetSelection() == 0);
    wxUIActionSimulator sim;
    // Letters typed, then Enter: the one match is chosen and told.
    std::string failure = w.Run("b", [&](UiScript& s) {
        s.Add("click in the search box", ClickStep(sim, [&]() -> wxWindow* {
                  return w.Search() ? w.Search()->FindWindow("pickerSearch") : nullptr;
              }));
        s.Add("focus in the search box", FocusStep([&]() -> wxWindow* {
                  return w.Search() ? w.Search()->FindWindow("pickerSearch") : nullptr;
              }));
        s.Add("type", TypeOver(sim, "binh hoa"));
        s.Add("one match listed", [&] {
            auto* list = w.Search()
                             ? dynamic_cast<wxListView*>(w.Search()->FindWindow("pickerList"))
                             : nullptr;
            return list && list->GetItemCount() == 1 && list->GetFirstSelected() == 0;
        });
        s.Add("Enter", PressKey(sim, WXK_RETURN));
    });
    BOOST_REQUIRE_MESSAGE(failure.empty(), failure);
    BOOST_TEST(w.picker->GetSelection() == 2);
    BOOST_TEST(w.chosen == std::vector<int>({2}), tt::per_element());

    // Down moves to the next match; Escape leaves the choice as it was.
    failure = w.Run("xa", [&](UiScript& s) {
        s.Add("click in the search box", ClickStep(sim, [&]() -> wxWindow* {
                  return w.Search() ? w.Search()->FindWindow("pickerSearch") : nullptr;
              }));
        s.Add("focus in the search box", FocusStep([&]() -> wxWindow* {
                  return w.Search() ? w.Search()->FindWindow("pickerSearch") : nullptr;
              }));
        s.Add("Up", PressKey(sim, WXK_UP));
        s.Add("Escape", PressKey(sim, WXK_ESCAPE));
    });
    BOOST_REQUIRE_MESSAGE(failure.empty(), failure);
    BOOST_TEST(w.picker->GetSelection() == 2);
    BOOST_TEST(w.chosen.size() == 1u);

    // Up from the current one, among the communes ("xa"), then Enter.
    failure = w.Run("xa", [&](UiScript& s) {
        s.Add("click in the search box", ClickStep(sim, [&]() -> wxWindow* {
                  return w.Search() ? w.Search()->FindWindow("pickerSearch") : nullptr;
              }));
        s.Add("focus in the search box", FocusStep([&]() -> wxWindow* {
                  return w.Search() ? w.Search()->FindWindow("pickerSearch") : nullptr;
              }));
        s.Add("Up", PressKey(sim, WXK_UP));
        s.Add("Enter", PressKey(sim, WXK_RETURN));
    });
    BOOST_REQUIRE_MESSAGE(failure.empty(), failure);
    BOOST_TEST(w.picker->GetSelection() == 1);
    BOOST_TEST(w.chosen == std::vector<int>({2, 1}), tt::per_element());
}
