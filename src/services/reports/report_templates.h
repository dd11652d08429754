// The wording of the printed reports, read from the JSON templates of
// reports/ (one file per report type plus common.json) so that an office can
// edit it without rebuilding. Looked up in $CCHC_REPORTS_DIR, else the
// reports/ directory of the source tree (build tree) or of the installation
// (share/cchc/reports next to bin/); a key missing there falls back to the
// copy compiled into the program.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace cchc::services {

using TemplateVars = std::map<std::string, std::string>;

// "{name}" replaced by vars' value; unknown names are left as written.
std::string Substitute(const std::string& text, const TemplateVars& vars);

class ReportTemplate {
  public:
    // The template of the report type merged over common.json. UserError
    // (field template) when an edited file is not valid JSON.
    static ReportTemplate Load(const std::string& reportType);

    // A string value with placeholders substituted; UserError naming the
    // file and key when neither the file nor the built-in copy has it.
    std::string Text(const std::string& key, const TemplateVars& vars = {}) const;
    // An array of strings (or one string as a list of one).
    std::vector<std::string> Lines(const std::string& key, const TemplateVars& vars = {}) const;
    bool Has(const std::string& key) const;
    int Number(const std::string& key, int fallback) const;

    // A section of a report's outline: a heading of level 1 (I., II., in
    // capitals) or 2 (1., 2.); the text the clerk types for it unless
    // "text" is false; the tables printed after it; the programme area it
    // reports on, named by the words of "areas" (core/programme_areas.h);
    // "carry": the key of a section of the previous period's report printed
    // at its head (the tasks set then for this period).
    struct Section {
        std::string key, heading, hint;
        int level = 1;
        bool text = true;
        std::vector<std::string> tables, areas;
        std::string carry;
    };
    std::vector<Section> Sections(const TemplateVars& vars = {}) const;

    // Where the file was read from ("built-in" when only embedded).
    const std::string& source() const { return source_; }

  private:
    std::string type_, source_;
    std::string json_;  // the merged object, serialised
};

// The directory templates are read from, or "" when only the built-in copy.
std::string ReportsDirectory();

}  // namespace cchc::services
