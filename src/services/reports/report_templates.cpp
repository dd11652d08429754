#include "services/reports/report_templates.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/i18n.h"
#include "core/platform.h"

namespace cchc::services {}  // namespace cchc::services

namespace cchc::embedded {
struct File {
    const char* path;
    const char* data;
    std::size_t size;
};
const std::vector<File>& report_template_files();
}  // namespace cchc::embedded

namespace cchc::services {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string EmbeddedText(const std::string& name) {
    for (const auto& f : embedded::report_template_files())
        if (name == f.path) return std::string(f.data, f.size);
    return {};
}

json ParseOrThrow(const std::string& text, const std::string& where) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw UserError(
            Location{where, 0, "template"},
            fmt::format(fmt::runtime(tr("the report template is not valid JSON: {0}")), e.what()));
    }
}

json LoadMerged(const std::string& name, std::string& source) {
    json base = json::object();
    const std::string builtin = EmbeddedText(name);
    if (!builtin.empty()) base = ParseOrThrow(builtin, name);
    const std::string dir = ReportsDirectory();
    source = "built-in";
    if (!dir.empty()) {
        fs::path p = fs::u8path(dir) / fs::u8path(name);
        std::ifstream in(p, std::ios::binary);
        if (in) {
            std::stringstream ss;
            ss << in.rdbuf();
            json edited = ParseOrThrow(ss.str(), p.u8string());
            if (edited.is_object())
                for (auto it = edited.begin(); it != edited.end(); ++it)
                    base[it.key()] = it.value();
            source = p.u8string();
        }
    }
    return base;
}

}  // namespace

std::string ReportsDirectory() {
    if (const char* env = std::getenv("CCHC_REPORTS_DIR"); env && *env) return env;
#ifdef CCHC_SOURCE_REPORTS_DIR
    if (fs::is_directory(CCHC_SOURCE_REPORTS_DIR)) return CCHC_SOURCE_REPORTS_DIR;
#endif
    std::error_code ec;
    const fs::path exeDir = fs::u8path(ExecutableDir());
    // Installed under a prefix (bin/ beside share/), or by the Windows
    // installer (share/ beside the program).
    for (const fs::path& share : {exeDir.parent_path() / "share" / "cchc" / "reports",
                                  exeDir / "share" / "cchc" / "reports"})
        if (fs::is_directory(share, ec)) return share.u8string();
    return {};
}

std::string Substitute(const std::string& text, const TemplateVars& vars) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            auto close = text.find('}', i + 1);
            if (close != std::string::npos) {
                auto it = vars.find(text.substr(i + 1, close - i - 1));
                if (it != vars.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

ReportTemplate ReportTemplate::Load(const std::string& reportType) {
    ReportTemplate t;
    t.type_ = reportType;
    std::string commonSource;
    json merged = LoadMerged("common.json", commonSource);
    json own = LoadMerged(reportType + ".json", t.source_);
    for (auto it = own.begin(); it != own.end(); ++it) merged[it.key()] = it.value();
    t.json_ = merged.dump();
    return t;
}

bool ReportTemplate::Has(const std::string& key) const {
    json j = json::parse(json_);
    return j.contains(key);
}

std::string ReportTemplate::Text(const std::string& key, const TemplateVars& vars) const {
    json j = json::parse(json_);
    if (!j.contains(key) || !j[key].is_string())
        throw UserError(
            Location{type_ + ".json", 0, "template"},
            fmt::format(fmt::runtime(tr("the report template has no text \"{0}\"")), key));
    return Substitute(j[key].get<std::string>(), vars);
}

std::vector<std::string> ReportTemplate::Lines(const std::string& key,
                                               const TemplateVars& vars) const {
    json j = json::parse(json_);
    std::vector<std::string> out;
    if (!j.contains(key)) return out;
    const json& v = j[key];
    if (v.is_string()) {
        out.push_back(Substitute(v.get<std::string>(), vars));
    } else if (v.is_array()) {
        for (const auto& e : v)
            if (e.is_string()) out.push_back(Substitute(e.get<std::string>(), vars));
    }
    return out;
}

int ReportTemplate::Number(const std::string& key, int fallback) const {
    json j = json::parse(json_);
    if (j.contains(key) && j[key].is_number_integer()) return j[key].get<int>();
    return fallback;
}

std::vector<ReportTemplate::Section> ReportTemplate::Sections(const TemplateVars& vars) const {
    json j = json::parse(json_);
    std::vector<Section> out;
    if (!j.contains("sections") || !j["sections"].is_array()) return out;
    for (const auto& s : j["sections"]) {
        if (!s.is_object()) continue;
        Section sec;
        sec.key = s.value("key", "");
        sec.heading = Substitute(s.value("heading", ""), vars);
        sec.hint = Substitute(s.value("hint", ""), vars);
        auto strings = [&s](const char* name, std::vector<std::string>& into) {
            if (s.contains(name) && s[name].is_array())
                for (const auto& t : s[name])
                    if (t.is_string()) into.push_back(t.get<std::string>());
        };
        strings("tables", sec.tables);
        strings("areas", sec.areas);
        if (s.contains("level") && s["level"].is_number_integer())
            sec.level = s["level"].get<int>() == 2 ? 2 : 1;
        if (s.contains("text") && s["text"].is_boolean()) sec.text = s["text"].get<bool>();
        sec.carry = s.value("carry", "");
        if (!sec.key.empty()) out.push_back(sec);
    }
    return out;
}

}  // namespace cchc::services
