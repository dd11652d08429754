// Editing an index framework (form FrameworkEditorDialog in
// forms/framework_editor_dialog.xrc): name, description and rating bands at
// the top, the criteria tree on the left, the selected criterion on the
// right with the parameters of its rule. Save (Enter) stores the changes
// through FrameworkService and keeps the dialog open; a refused field is
// shown under the form with the focus on it. Leaving a changed criterion or
// closing with unsaved changes asks first.
#pragma once
#include <map>
#include <string>

#include <wx/treebase.h>

#include "core/conflict.h"
#include "core/framework.h"
#include "gui/shell/dialog_base.h"
#include "gui/shell/gui_session.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;
class wxTreeCtrl;
class wxTreeEvent;

namespace cchc::gui {

class FrameworkEditorDialog : public DialogBase {
  public:
    FrameworkEditorDialog(wxWindow* parent, GuiSession& session, const std::string& frameworkCode);

    // Selects the criterion in the tree and shows it (false when unknown).
    bool SelectCriterion(const std::string& code);
    // Whether something was saved while the dialog was open.
    bool changed() const { return changed_; }

  private:
    enum class Leave { Criterion, Everything };

    void FindControls();
    void BindEvents();
    void ShowLock();
    void Reload();
    void FillHeader();
    void FillTree(const std::string& select);
    void ShowSelected();
    void ShowCriterion(const Criterion& c);
    void UpdateRuleFields();
    void UpdateButtons();
    Criterion ReadCriterion() const;
    const Criterion* Find(const std::string& code) const;
    bool IsGroup(const std::string& code) const;
    std::string ProposeCode(const std::string& parentCode) const;
    bool Dirty(Leave what) const;
    // The name, description and bands typed; UserError (field bands) when
    // the bands do not read.
    Framework ReadHeader() const;
    // The fields the user changed since the form showed them (three-way,
    // see AskConflict): of the header when it changed, of the criterion.
    EditedFields Edited() const;
    bool Save();
    // After a conflict: the stored values of the fields the user did not
    // keep (or left alone) into the form, and the stored version.
    void MergeConflict(const EditConflict& conflict, const KeptFields& kept,
                       const EditedFields& edited);
    bool ConfirmLeave(Leave what);
    void AddCriterion(bool asChild);
    void DeleteSelected();
    void MoveSelected(int delta);
    // A deletion or move refused because the framework changed on another
    // desk since it was loaded: said, and the framework shown as stored
    // (selecting `select`) when nothing typed is unsaved.
    void ShowChangedElsewhere(const ChangedSinceRead& refusal, const std::string& select);
    void OnCancel();
    void OnTreeChanging(wxTreeEvent& event);
    void OnTreeChanged(wxTreeEvent& event);

    GuiSession& session_;
    std::string code_;
    Framework fw_;
    bool locked_ = false;  // results appraised: scoring can no longer change
    Criterion editing_;    // shown on the right (id 0: a new one not yet saved)
    // The header and the criterion as read (or as last compared with
    // another desk's), which the form is measured against.
    Framework headerRead_;
    Criterion criterionRead_;
    bool editingGroup_ = false;
    bool pendingNew_ = false;
    bool criterionDirty_ = false, headerDirty_ = false;
    bool selecting_ = false;
    bool changed_ = false;
    std::map<std::string, wxTreeItemId> items_;
    wxTreeItemId pendingItem_;  // the new criterion's item while it is not saved
    int treeGeneration_ = 0;    // raised each time the tree is filled again

    wxTextCtrl* name_;
    wxTextCtrl* description_;
    wxTextCtrl* bands_;
    wxStaticText* lockNote_;
    wxTreeCtrl* tree_;
    wxButton* addChild_;
    wxButton* addSibling_;
    wxButton* delete_;
    wxButton* moveUp_;
    wxButton* moveDown_;
    wxTextCtrl* codeCtrl_;
    wxTextCtrl* title_;
    wxTextCtrl* maxPoints_;
    wxChoice* rule_;
    wxTextCtrl* target_;
    wxTextCtrl* perUnit_;
    wxTextCtrl* cap_;
    wxChoice* noData_;
    wxCheckBox* evidence_;
    wxCheckBox* communes_;
    wxTextCtrl* guidance_;
    wxStaticText* status_;
};

}  // namespace cchc::gui
