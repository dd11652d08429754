// The evidence documents of one criterion's result (form EvidenceDialog):
// lists them, adds one (EvidenceDocDialog: number, date, issuer, title and
// the file, stored in the database), opens a document's file with the
// program of its kind, links one already in the register, and unlinks one.
// Changes are saved at once, links against the documents listed: one
// another desk changed meanwhile is refused and the list shown again. An
// account that may not attach the commune's evidence (core/access.h) reads
// the list and opens the files; the buttons that change it are disabled
// with the reason in their tooltips.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"
#include "services/results/result_sheet.h"

class wxListCtrl;

namespace cchc::gui {

class EvidenceDialog : public DialogBase {
  public:
    EvidenceDialog(wxWindow* parent, GuiSession& session, const services::Sheet& sheet,
                   const std::string& criterion);

  private:
    void Fill();
    void Add();
    void LinkExisting();
    void Open();
    void Remove();
    long Selected() const;

    GuiSession& session_;
    const services::Sheet& sheet_;
    std::string criterion_;
    wxListCtrl* list_ = nullptr;
    std::vector<services::EvidenceRecord> docs_;
    int version_ = 0;         // of the criterion's result, as read with docs_
    bool mayChange_ = false;  // not appraised, and the account may attach evidence
};

// One new document for the criterion's result.
class EvidenceDocDialog : public DialogBase {
  public:
    EvidenceDocDialog(wxWindow* parent, GuiSession& session, const services::Sheet& sheet,
                      const std::string& criterion);

  private:
    // The details typed; UserError (field doc_date) for a date that does not read.
    EvidenceDetails ReadDetails() const;
    void OnSave(wxCommandEvent&);

    GuiSession& session_;
    const services::Sheet& sheet_;
    std::string criterion_;
    int version_ = 0;  // of the register's document with the file, once a conflict showed it
    // The register's details of the document with the same file: as the
    // last refused save found them, and as a conflict showed them (what the
    // form is measured against; none before).
    std::optional<EvidenceDetails> registered_, seen_;
};

}  // namespace cchc::gui
