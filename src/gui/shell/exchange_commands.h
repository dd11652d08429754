// Tệp › Gói trao đổi: offline exchange packages (services/exchange/exchange.h).
// At the office: packages for one or many communes (a folder of files named
// by commune and date), a commune's return imported with its report shown
// as a table, and the conflicts resolved side by side (base, office,
// commune). At a commune: the office's package opened into a database of
// its own (or the copy brought up to date), and "Gửi về văn phòng..." for
// the return.
#pragma once
#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "services/exchange/exchange.h"

class wxCheckListBox;
class wxTextCtrl;
class wxCheckBox;
class wxStaticText;
class wxButton;

namespace cchc::gui {

class GuiSession;
class TableList;

// The communes to make packages for and the folder to write them to.
class MakePackagesDialog : public wxDialog {
  public:
    MakePackagesDialog(wxWindow* parent, GuiSession& session);
    // Ticks the unit of that code; false when it is not listed.
    bool Tick(const std::string& code, bool on = true);
    void SetFolder(const wxString& folder);
    // Writes a package per ticked unit into the folder, named CODE-YYYY-MM-DD
    // (.cchcx); the paths written. A refusal is shown and stops there (the
    // OK button then says how many were written).
    std::vector<std::string> Make();

  private:
    GuiSession& session_;
    std::vector<std::string> codes_;
    wxCheckListBox* units_ = nullptr;
    wxTextCtrl* folderText_ = nullptr;
    wxCheckBox* withFiles_ = nullptr;
    wxCheckBox* withRatings_ = nullptr;
    wxCheckBox* full_ = nullptr;
};

// What an import applied and what it kept as conflicts.
class ExchangeReportDialog : public wxDialog {
  public:
    ExchangeReportDialog(wxWindow* parent, GuiSession& session,
                         const services::ExchangeImportOutcome& outcome);
    long Lines() const;

  private:
    TableList* list_ = nullptr;
};

// The conflicts not yet resolved, each with its three values; the office's
// value kept or the commune's applied, one at a time.
class ExchangeConflictsDialog : public wxDialog {
  public:
    ExchangeConflictsDialog(wxWindow* parent, GuiSession& session);
    long Count() const { return static_cast<long>(conflicts_.size()); }
    const services::ExchangeConflictLine& At(long item) const { return conflicts_.at(item); }
    // Resolves the conflict of the row; false (the reason shown) when refused.
    bool Resolve(long item, bool keepCommune);

  private:
    void Reload();
    GuiSession& session_;
    std::vector<services::ExchangeConflictLine> conflicts_;
    TableList* list_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxButton *keepOffice_ = nullptr, *keepCommune_ = nullptr;
};

// Imports the return package at path; the outcome, or nothing (the reason
// shown) when it was refused.
std::optional<services::ExchangeImportOutcome> ImportReturnPackage(wxWindow* parent,
                                                                   GuiSession& session,
                                                                   const wxString& path);
// Writes the commune copy's return package to path; nothing (the reason
// shown) when it could not.
std::optional<services::ReturnOutcome> SendBackPackage(wxWindow* parent, GuiSession& session,
                                                       const wxString& path);
// Opens the office's package into a new SQLite file at dbPath, which must
// not exist; false (the reason shown) when it could not.
bool OpenPackageInto(wxWindow* parent, const wxString& package, const wxString& dbPath);

// The menu commands.
void MakePackagesFromMenu(wxWindow* parent, GuiSession& session);
void ImportReturnFromMenu(wxWindow* parent, GuiSession& session);
void ConflictsFromMenu(wxWindow* parent, GuiSession& session);
void SendBackFromMenu(wxWindow* parent, GuiSession& session);
// On a commune copy, brings it up to date (then reload() shows it); else
// asks where to make the commune's database and opens it (switchTo(url)).
void OpenPackageFromMenu(wxWindow* parent, GuiSession& session, const std::function<void()>& reload,
                         const std::function<bool(const wxString& url)>& switchTo);

}  // namespace cchc::gui
