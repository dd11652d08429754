// The framework editor (see framework_editor_dialog.h).
#include "gui/catalogue/framework_editor_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "core/framework.h"
#include "core/framework_conflicts.h"
#include "core/vnformat.h"
#include "gui/shell/conflict_dialog.h"
#include "gui/shell/gui_util.h"
#include "services/frameworks/frameworks.h"

namespace cchc::gui {
namespace {

// The rules offered for a criterion without sub-criteria, in choice order.
const RuleKind kRules[] = {RuleKind::Manual, RuleKind::Rate, RuleKind::YesNo, RuleKind::Count,
                           RuleKind::Deduction};
// The no-data rules after the first item, "not set".
const NoDataRule kNoData[] = {NoDataRule::Full, NoDataRule::Zero, NoDataRule::NotApplicable};

class CodeData : public wxTreeItemData {
  public:
    explicit CodeData(std::string code) : code(std::move(code)) {}
    std::string code;  // empty for a new criterion not yet saved
};

wxString Number(const std::optional<double>& v, int decimals = 4) {
    return v ? U8(FormatNumberTrim(*v, decimals)) : wxString();
}

UserError FieldError(const char* field, const wxString& message) {
    return UserError(Location{"", 0, field}, ToU8(message));
}

// A number typed in a field ("1,5" or "1.5"); empty gives nullopt. With
// percentSign, "15%" is 0.15; without, the sign is only read past (a target,
// which TargetRatio reads as a file's target is read).
std::optional<double> ReadNumber(const wxTextCtrl* ctrl, const char* field,
                                 bool percentSign = true) {
    std::string text = TrimmedU8(ctrl->GetValue());
    if (text.empty()) return std::nullopt;
    bool percent = false;
    if (percentSign && text.back() == '%') {
        percent = true;
        text.pop_back();
    }
    auto v = ParseVnNumber(text);
    if (!v) throw FieldError(field, wxString::Format(_("Not a number: %s"), ctrl->GetValue()));
    return percent ? *v / 100.0 : *v;
}

}  // namespace

FrameworkEditorDialog::FrameworkEditorDialog(wxWindow* parent, GuiSession& session,
                                             const std::string& frameworkCode)
    : session_(session), code_(frameworkCode) {
    LoadForm(parent, "FrameworkEditorDialog");
    FindControls();
    // TRANSLATORS: "when there are no data" left unset.
    noData_->Append(_("(not set)"));
    for (NoDataRule r : kNoData) noData_->Append(U8(NoDataRuleLabel(r)));

    Reload();
    FillHeader();
    FillTree("");

    BindEvents();
    ShowLock();
    FinishLayout(tree_);
    criterionDirty_ = headerDirty_ = false;
}

void FrameworkEditorDialog::FindControls() {
    name_ = Ctrl<wxTextCtrl>("name");
    description_ = Ctrl<wxTextCtrl>("description");
    bands_ = Ctrl<wxTextCtrl>("bands");
    lockNote_ = Ctrl<wxStaticText>("lock_note");
    tree_ = Ctrl<wxTreeCtrl>("criteria");
    addChild_ = Ctrl<wxButton>("add_child");
    addSibling_ = Ctrl<wxButton>("add_sibling");
    delete_ = Ctrl<wxButton>("delete_criterion");
    moveUp_ = Ctrl<wxButton>("move_up");
    moveDown_ = Ctrl<wxButton>("move_down");
    codeCtrl_ = Ctrl<wxTextCtrl>("code");
    title_ = Ctrl<wxTextCtrl>("title");
    maxPoints_ = Ctrl<wxTextCtrl>("max_points");
    rule_ = Ctrl<wxChoice>("rule");
    target_ = Ctrl<wxTextCtrl>("target");
    perUnit_ = Ctrl<wxTextCtrl>("per_unit");
    cap_ = Ctrl<wxTextCtrl>("cap");
    noData_ = Ctrl<wxChoice>("no_data");
    evidence_ = Ctrl<wxCheckBox>("evidence_required");
    communes_ = Ctrl<wxCheckBox>("applies_to_communes");
    guidance_ = Ctrl<wxTextCtrl>("guidance");
    status_ = Ctrl<wxStaticText>("status");
}

void FrameworkEditorDialog::BindEvents() {
    for (wxTextCtrl* t : {name_, description_, bands_})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            headerDirty_ = true;
            status_->SetLabelText("");
        });
    for (wxTextCtrl* t : {codeCtrl_, title_, maxPoints_, target_, perUnit_, cap_, guidance_})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            criterionDirty_ = true;
            status_->SetLabelText("");
        });
    rule_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        criterionDirty_ = true;
        UpdateRuleFields();
    });
    // The title wraps over lines but is one line of text: Enter saves, as in
    // the other fields.
    title_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if ((e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) &&
            !e.HasAnyModifiers()) {
            if (auto* save = FindWindow(wxID_OK); save && save->IsEnabled()) Save();
            return;
        }
        e.Skip();
    });
    noData_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { criterionDirty_ = true; });
    for (wxCheckBox* c : {evidence_, communes_})
        c->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { criterionDirty_ = true; });
    tree_->Bind(wxEVT_TREE_SEL_CHANGING, &FrameworkEditorDialog::OnTreeChanging, this);
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, &FrameworkEditorDialog::OnTreeChanged, this);
    addChild_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddCriterion(true); });
    addSibling_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddCriterion(false); });
    delete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteSelected(); });
    moveUp_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { MoveSelected(-1); });
    moveDown_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { MoveSelected(+1); });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); }, wxID_OK);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { OnCancel(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (e.CanVeto() && !ConfirmLeave(Leave::Everything)) {
            e.Veto();
            return;
        }
        EndModal(changed_ ? wxID_OK : wxID_CANCEL);
    });
}

// A built-in or appraised framework says why what cannot change is locked.
void FrameworkEditorDialog::ShowLock() {
    if (fw_.builtin) {
        lockNote_->SetLabelText(
            _("This is a built-in framework and cannot be changed. Close this window, "
              "copy it to a new year and edit the copy."));
    } else if (locked_) {
        lockNote_->SetLabelText(
            _("Results on this framework have been appraised: titles, guidance and "
              "evidence can still be corrected, but points, rules and criteria cannot "
              "change. To change them, copy the framework to a new version."));
    }
    lockNote_->Show(fw_.builtin || locked_);
    lockNote_->Wrap(FromDIP(900));
    lockNote_->SetInitialSize();
    // The form's minimum was reckoned with the note unwrapped.
    SetMinSize(wxDefaultSize);
    InvalidateBestSize();
    if (fw_.builtin)
        for (wxWindow* w : std::initializer_list<wxWindow*>{
                 name_, description_, bands_, codeCtrl_, title_, maxPoints_, rule_, target_,
                 perUnit_, cap_, noData_, evidence_, communes_, guidance_})
            w->Enable(false);
    if (fw_.builtin) FindWindow(wxID_OK)->Enable(false);
}

void FrameworkEditorDialog::Reload() {
    services::FrameworkService service(session_.db(), session_.user());
    fw_ = service.Load(code_);
    locked_ = service.HasAppraisedResults(code_);
    SetTitle(wxString::Format(_("Framework %s (%d)"), U8(fw_.code), fw_.year));
}

void FrameworkEditorDialog::FillHeader() {
    headerRead_ = fw_;
    name_->ChangeValue(U8(fw_.name));
    description_->ChangeValue(U8(fw_.description));
    bands_->ChangeValue(U8(FormatBands(fw_.bands)));
    headerDirty_ = false;
}

const Criterion* FrameworkEditorDialog::Find(const std::string& code) const {
    for (const auto& c : fw_.criteria)
        if (c.code == code) return &c;
    return nullptr;
}

bool FrameworkEditorDialog::IsGroup(const std::string& code) const {
    return std::any_of(fw_.criteria.begin(), fw_.criteria.end(),
                       [&](const Criterion& c) { return c.parentCode == code; });
}

void FrameworkEditorDialog::FillTree(const std::string& select) {
    selecting_ = true;
    ++treeGeneration_;
    pendingItem_ = wxTreeItemId();
    tree_->Freeze();
    tree_->DeleteAllItems();
    items_.clear();
    const wxTreeItemId root = tree_->AddRoot("");
    for (const auto& c : fw_.criteria) {
        wxTreeItemId parent = root;
        if (auto it = items_.find(c.parentCode); !c.parentCode.empty() && it != items_.end())
            parent = it->second;
        // TRANSLATORS: a criterion in the framework tree: code, maximum points, title.
        const wxString label = wxString::Format(_("%s  (max. %s)  %s"), U8(c.code),
                                                U8(FormatNumberTrim(c.maxPoints, 2)), U8(c.title));
        items_[c.code] = tree_->AppendItem(parent, label, -1, -1, new CodeData(c.code));
    }
    // Fields and criteria open, sub-criteria of a long framework folded.
    wxTreeItemIdValue cookie;
    for (wxTreeItemId field = tree_->GetFirstChild(root, cookie); field.IsOk();
         field = tree_->GetNextChild(root, cookie))
        tree_->Expand(field);
    wxTreeItemId target;
    if (auto it = items_.find(select); it != items_.end())
        target = it->second;
    else if (!items_.empty())
        target = tree_->GetFirstChild(root, cookie);
    if (target.IsOk()) {
        tree_->EnsureVisible(target);
        tree_->SelectItem(target);
    }
    tree_->Thaw();
    selecting_ = false;
    pendingNew_ = false;
    ShowSelected();
}

bool FrameworkEditorDialog::SelectCriterion(const std::string& code) {
    auto it = items_.find(code);
    if (it == items_.end()) return false;
    if (tree_->GetSelection() == it->second) return true;
    if (!ConfirmLeave(Leave::Criterion)) return false;
    selecting_ = true;
    tree_->EnsureVisible(it->second);
    tree_->SelectItem(it->second);
    selecting_ = false;
    ShowSelected();
    return true;
}

void FrameworkEditorDialog::ShowSelected() {
    const wxTreeItemId item = tree_->GetSelection();
    auto* data = item.IsOk() ? dynamic_cast<CodeData*>(tree_->GetItemData(item)) : nullptr;
    const Criterion* c = data ? Find(data->code) : nullptr;
    ShowCriterion(c ? *c : Criterion{});
}

void FrameworkEditorDialog::ShowCriterion(const Criterion& c) {
    editing_ = c;
    criterionRead_ = c;
    editingGroup_ = c.id != 0 && IsGroup(c.code);
    codeCtrl_->ChangeValue(U8(c.code));
    title_->ChangeValue(U8(c.title));
    maxPoints_->ChangeValue(Number(c.maxPoints));
    rule_->Clear();
    if (editingGroup_) {
        rule_->Append(_("Group: the sum of its sub-criteria"));
        rule_->SetSelection(0);
    } else {
        for (RuleKind r : kRules) rule_->Append(U8(RuleKindLabel(r)));
        auto at =
            std::find(std::begin(kRules), std::end(kRules), c.rule.value_or(RuleKind::Manual));
        rule_->SetSelection(static_cast<int>(at - std::begin(kRules)));
    }
    target_->ChangeValue(c.target ? U8(FormatNumberTrim(*c.target * 100, 2)) + "%" : wxString());
    perUnit_->ChangeValue(Number(c.perUnit));
    cap_->ChangeValue(Number(c.cap));
    int nd = 0;
    for (int i = 0; i < 3; ++i)
        if (c.noData == kNoData[i]) nd = i + 1;
    noData_->SetSelection(nd);
    evidence_->SetValue(c.evidenceRequired);
    communes_->SetValue(c.appliesToCommunes);
    guidance_->ChangeValue(U8(c.guidance));
    maxPoints_->SetToolTip(editingGroup_
                               ? _("The maximum of a group is the sum of its sub-criteria: change "
                                   "their points and it follows.")
                               : wxString());
    criterionDirty_ = false;
    UpdateRuleFields();
    UpdateButtons();
}

void FrameworkEditorDialog::UpdateRuleFields() {
    const int sel = rule_->GetSelection();
    const std::optional<RuleKind> rule =
        editingGroup_ || sel == wxNOT_FOUND ? std::nullopt : std::optional<RuleKind>(kRules[sel]);
    const bool rate = rule == RuleKind::Rate;
    const bool perUnit = rule == RuleKind::Count || rule == RuleKind::Deduction;
    const bool cap = rate || rule == RuleKind::Count;
    auto show = [this](const char* label, wxWindow* ctrl, bool on) {
        FindWindow(XRCID(label))->Show(on);
        ctrl->Show(on);
    };
    show("target_label", target_, rate);
    show("no_data_label", noData_, rate);
    show("per_unit_label", perUnit_, perUnit);
    show("cap_label", cap_, cap);
    Layout();
}

void FrameworkEditorDialog::UpdateButtons() {
    const bool any = editing_.id != 0 || pendingNew_;
    const bool canEdit = !fw_.builtin;
    const bool structure = canEdit && !locked_;
    addChild_->Enable(structure && editing_.id != 0);
    addSibling_->Enable(structure && (any || fw_.criteria.empty()));
    delete_->Enable(structure && any);
    // Only the order changes: allowed on appraised frameworks too.
    moveUp_->Enable(canEdit && editing_.id != 0 && !pendingNew_);
    moveDown_->Enable(canEdit && editing_.id != 0 && !pendingNew_);
    const bool scoring = structure && any;
    maxPoints_->Enable(scoring && !editingGroup_);
    rule_->Enable(scoring && !editingGroup_);
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{target_, perUnit_, cap_, noData_, communes_})
        w->Enable(scoring);
    for (wxWindow* w : std::initializer_list<wxWindow*>{codeCtrl_, title_, evidence_, guidance_})
        w->Enable(canEdit && any);
}

Criterion FrameworkEditorDialog::ReadCriterion() const {
    Criterion c = editing_;  // keeps id, parent and order
    c.code = TrimmedU8(codeCtrl_->GetValue());
    wxString title = title_->GetValue();
    title.Replace("\n", " ");
    c.title = TrimmedU8(title);
    auto max = ReadNumber(maxPoints_, "max_points");
    if (!max) throw FieldError("max_points", _("Enter the maximum points (0 or more)."));
    c.maxPoints = *max;
    const int sel = rule_->GetSelection();
    c.rule =
        editingGroup_ || sel == wxNOT_FOUND ? std::nullopt : std::optional<RuleKind>(kRules[sel]);
    c.target.reset();
    c.perUnit.reset();
    c.cap.reset();
    c.noData.reset();
    if (c.rule == RuleKind::Rate) {
        c.target = TargetRatio(ReadNumber(target_, "target", false));  // "90" or "90%": 0.9
        const int nd = noData_->GetSelection();
        if (nd > 0) c.noData = kNoData[nd - 1];
    }
    if (c.rule == RuleKind::Count || c.rule == RuleKind::Deduction)
        c.perUnit = ReadNumber(perUnit_, "per_unit");
    if (c.rule == RuleKind::Rate || c.rule == RuleKind::Count) c.cap = ReadNumber(cap_, "cap");
    c.evidenceRequired = evidence_->GetValue();
    c.appliesToCommunes = communes_->GetValue();
    c.guidance = TrimmedU8(guidance_->GetValue());
    return c;
}

bool FrameworkEditorDialog::Dirty(Leave what) const {
    return criterionDirty_ || pendingNew_ || (what == Leave::Everything && headerDirty_);
}

Framework FrameworkEditorDialog::ReadHeader() const {
    auto bands = ParseBands(ToU8(bands_->GetValue()));
    if (!bands)
        throw FieldError("bands", _("Write the bands best first as name:percentage, separated by "
                                    "semicolons, each threshold below the one before, e.g. "
                                    "Tốt:90;Khá:80;Trung bình:65;Yếu:0"));
    Framework f = headerRead_;
    f.name = TrimmedU8(name_->GetValue());
    f.description = TrimmedU8(description_->GetValue());
    f.bands = *bands;
    return f;
}

EditedFields FrameworkEditorDialog::Edited() const {
    EditedFields edited;
    try {
        if (headerDirty_) edited = EditedOf(FrameworkHeaderConflicts(ReadHeader(), headerRead_));
    } catch (const UserError&) {
        // Bands that do not read: edited, their value as read unknown to them.
        edited["bands"] = std::nullopt;
    }
    if (criterionDirty_ || pendingNew_) {
        try {
            for (auto& [field, read] :
                 EditedOf(CriterionConflicts(ReadCriterion(), criterionRead_)))
                edited[field] = read;
        } catch (const UserError& e) {
            edited[e.where().field] = std::nullopt;
        }
    }
    return edited;
}

bool FrameworkEditorDialog::Save() {
    ClearError();
    status_->SetLabelText("");
    services::FrameworkService service(session_.db(), session_.user());
    std::optional<EditConflict> conflict;
    try {
        if (headerDirty_) {
            // Only what the user changed is saved: a field left alone never
            // goes back over another desk's change.
            const Framework header = ReadHeader();
            const EditedFields edited = EditedOf(FrameworkHeaderConflicts(header, headerRead_));
            if (edited.count("name") || edited.count("description"))
                fw_.version =
                    service.SaveHeader(code_, header.name, header.description, fw_.version);
            if (edited.count("bands"))
                fw_.version = service.SaveBands(code_, header.bands, fw_.version);
            headerDirty_ = false;
            if (!edited.empty()) changed_ = true;
            Reload();
            FillHeader();
        }
        if (criterionDirty_ || pendingNew_) {
            const Criterion saved = service.SaveCriterion(code_, ReadCriterion(), fw_.version);
            criterionDirty_ = false;
            changed_ = true;
            Reload();
            FillTree(saved.code);
        }
    } catch (const EditConflict& e) {
        conflict = e;
    } catch (const UserError& e) {
        ShowFieldError(ErrorSentence(e), e.where().field);
        return false;
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "");
        return false;
    }
    if (conflict) {
        // Saved on another desk since it was loaded: a field only one desk
        // changed is merged, the user chooses where both did, and the choice
        // is saved against the stored version (out of the handler: the
        // conflict dialog runs its own event loop).
        const EditedFields edited = Edited();
        const std::optional<KeptFields> kept = AskConflict(this, *conflict, edited);
        if (!kept) {
            ShowFieldError(ErrorSentence(*conflict), "");
            return false;
        }
        try {
            MergeConflict(*conflict, *kept, edited);
        } catch (const std::exception& e) {
            ShowFieldError(ErrorSentence(e), "");
            return false;
        }
        return Save();
    }
    if (changed_) status_->SetLabelText(_("Saved."));
    return true;
}

void FrameworkEditorDialog::MergeConflict(const EditConflict& conflict, const KeptFields& kept,
                                          const EditedFields& edited) {
    // A field the conflict does not name keeps the user's value when the
    // user edited it, else takes the stored one (it may have changed there
    // too: the conflict of a header compares only what was sent).
    KeptFields keep = kept;
    std::set<std::string> named;
    for (const auto& f : conflict.fields()) named.insert(f.field);
    for (const auto& [field, read] : edited)
        if (!named.count(field)) keep.insert(field);
    const Framework stored = services::FrameworkService(session_.db(), session_.user()).Load(code_);
    if (headerDirty_) {
        Framework mine = headerRead_;
        try {
            mine = ReadHeader();
        } catch (const UserError&) {
            keep.erase("bands");  // what does not read is not kept
        }
        const Framework merged = MergeFrameworkHeader(mine, stored, keep);
        name_->ChangeValue(U8(merged.name));
        description_->ChangeValue(U8(merged.description));
        if (!keep.count("bands")) bands_->ChangeValue(U8(FormatBands(merged.bands)));
        headerRead_ = stored;
        headerDirty_ = true;
    }
    if ((criterionDirty_ || pendingNew_) && editing_.id != 0) {
        for (const auto& c : stored.criteria)
            if (c.id == editing_.id) {
                const Criterion merged = MergeCriterion(ReadCriterion(), c, keep);
                const bool pending = pendingNew_;
                ShowCriterion(merged);
                criterionRead_ = c;  // measured against the copy compared
                criterionDirty_ = true;
                pendingNew_ = pending;
            }
    }
    fw_.version = conflict.storedVersion();
}

bool FrameworkEditorDialog::ConfirmLeave(Leave what) {
    if (!Dirty(what)) return true;
    wxMessageDialog ask(this,
                        what == Leave::Everything ? _("Save your changes before closing?")
                                                  : _("Save the changes to this criterion first?"),
                        _("CCHC Desk"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
    ask.SetYesNoCancelLabels(_("&Save"), _("&Discard"), _("Cancel"));
    switch (ask.ShowModal()) {
        case wxID_YES:
            return Save();
        case wxID_NO: {
            criterionDirty_ = false;
            if (what == Leave::Everything) FillHeader();
            if (pendingNew_) {
                // Forget the unsaved criterion once the selection has moved
                // (not from inside the tree's own selection event).
                pendingNew_ = false;
                const wxTreeItemId item = pendingItem_;
                const int generation = treeGeneration_;
                pendingItem_ = wxTreeItemId();
                CallAfter([this, item, generation] {
                    if (generation != treeGeneration_ || !item.IsOk()) return;
                    selecting_ = true;
                    tree_->Delete(item);
                    selecting_ = false;
                });
            }
            return true;
        }
        default:
            return false;
    }
}

std::string FrameworkEditorDialog::ProposeCode(const std::string& parentCode) const {
    int n = 0;
    for (const auto& c : fw_.criteria)
        if (c.parentCode == parentCode) ++n;
    for (int i = n + 1;; ++i) {
        std::string code = (parentCode.empty() ? "" : parentCode + ".") + std::to_string(i);
        if (!Find(code)) return code;
    }
}

void FrameworkEditorDialog::AddCriterion(bool asChild) {
    if (!ConfirmLeave(Leave::Criterion)) return;
    const Criterion* selected = editing_.id != 0 ? Find(editing_.code) : nullptr;
    if (asChild && !selected) return;
    Criterion c;
    c.parentCode = asChild ? selected->code : (selected ? selected->parentCode : "");
    c.code = ProposeCode(c.parentCode);
    // A first sub-criterion takes over its parent's points, so the total stays.
    c.maxPoints = asChild && !IsGroup(selected->code) ? selected->maxPoints : 0;
    c.rule = RuleKind::Manual;
    c.evidenceRequired = selected ? selected->evidenceRequired : false;
    c.appliesToCommunes = selected ? selected->appliesToCommunes : true;

    wxTreeItemId parent = tree_->GetRootItem();
    if (auto it = items_.find(c.parentCode); it != items_.end()) parent = it->second;
    selecting_ = true;
    const wxTreeItemId item =
        tree_->AppendItem(parent, _("(new criterion)"), -1, -1, new CodeData(""));
    tree_->EnsureVisible(item);
    tree_->SelectItem(item);
    selecting_ = false;
    ShowCriterion(c);
    pendingNew_ = true;
    pendingItem_ = item;
    UpdateButtons();
    title_->SetFocus();
}

void FrameworkEditorDialog::DeleteSelected() {
    if (pendingNew_) {
        pendingNew_ = false;
        criterionDirty_ = false;
        FillTree(editing_.parentCode);
        return;
    }
    if (editing_.id == 0) return;
    int below = 0;
    std::vector<std::string> codes{editing_.code};
    for (std::size_t i = 0; i < codes.size(); ++i)
        for (const auto& c : fw_.criteria)
            if (c.parentCode == codes[i]) codes.push_back(c.code), ++below;
    wxString question =
        wxString::Format(_("Delete criterion %s, %s?"), U8(editing_.code), U8(editing_.title));
    if (below > 0)
        question +=
            "\n" + wxString::Format(wxPLURAL("Its %d sub-criterion will be deleted too.",
                                             "Its %d sub-criteria will be deleted too.", below),
                                    below);
    if (!AskYesNo(this, question, _("Delete"))) return;
    ClearError();
    try {
        services::FrameworkService(session_.db(), session_.user())
            .DeleteCriterion(code_, editing_.code, fw_.version);
    } catch (const ChangedSinceRead& e) {
        ShowChangedElsewhere(e, editing_.code);
        return;
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "");
        return;
    }
    changed_ = true;
    const std::string parent = editing_.parentCode;
    Reload();
    FillTree(parent);
    status_->SetLabelText(_("Deleted."));
}

void FrameworkEditorDialog::MoveSelected(int delta) {
    if (editing_.id == 0 || !ConfirmLeave(Leave::Criterion)) return;
    ClearError();
    const std::string code = editing_.code;
    try {
        services::FrameworkService(session_.db(), session_.user())
            .MoveCriterion(code_, code, delta, fw_.version);
    } catch (const ChangedSinceRead& e) {
        ShowChangedElsewhere(e, code);
        return;
    } catch (const std::exception& e) {
        ShowFieldError(ErrorSentence(e), "");
        return;
    }
    changed_ = true;
    Reload();
    FillTree(code);
}

void FrameworkEditorDialog::ShowChangedElsewhere(const ChangedSinceRead& refusal,
                                                 const std::string& select) {
    // Nothing typed is lost: with nothing unsaved the tree shows the
    // framework as stored now, for the user to decide again; otherwise the
    // next save compares what is typed with it first.
    if (!Dirty(Leave::Everything)) {
        Reload();
        FillHeader();
        FillTree(select);
    }
    ShowFieldError(ErrorSentence(refusal), "");
}

void FrameworkEditorDialog::OnCancel() {
    if (!ConfirmLeave(Leave::Everything)) return;
    EndModal(changed_ ? wxID_OK : wxID_CANCEL);
}

void FrameworkEditorDialog::OnTreeChanging(wxTreeEvent& event) {
    if (selecting_ || !Dirty(Leave::Criterion)) return;
    // Ask outside the tree's own event: saving fills the tree again.
    event.Veto();
    auto* data = event.GetItem().IsOk()
                     ? dynamic_cast<CodeData*>(tree_->GetItemData(event.GetItem()))
                     : nullptr;
    const std::string target = data ? data->code : std::string();
    CallAfter([this, target] {
        if (ConfirmLeave(Leave::Criterion) && !target.empty()) SelectCriterion(target);
    });
}

void FrameworkEditorDialog::OnTreeChanged(wxTreeEvent& event) {
    if (selecting_) return;
    auto* data = event.GetItem().IsOk()
                     ? dynamic_cast<CodeData*>(tree_->GetItemData(event.GetItem()))
                     : nullptr;
    if (data && data->code.empty()) return;  // the new criterion being written
    ShowSelected();
}

}  // namespace cchc::gui
