// Units and people by code or name: see directory.h.
#include "services/org/directory.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/text.h"

#include "services/io/table_io.h"
#include "storage/unit_repository.h"

namespace cchc::services {
namespace {}  // namespace

OfficeDirectory::OfficeDirectory(storage::Database& db) {
    auto add = [](std::map<std::string, std::vector<std::int64_t>>& named, const std::string& key,
                  std::int64_t id) {
        auto& ids = named[key];
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    };
    for (const auto& u : storage::UnitRepository(db.session()).All()) {
        unitByCode_[u.code] = u.id;
        units_[u.id] = {u.code, u.name};
        unitActive_[u.id] = u.active;
        unitIds_.push_back(u.id);
        unitForms_.push_back({u.name, u.code});
        // The name, the name before a comma ("Xã Đăk Sông" of "Xã Đăk Sông,
        // huyện Kông Chro") and the code in any case.
        const std::string key = tableio::NormalizeColumnName(u.name);
        add(unitsNamed_, key, u.id);
        add(unitsNamed_, tableio::NormalizeColumnName(u.code), u.id);
        const std::string head = Trim(u.name.substr(0, u.name.find(',')));
        if (head != u.name && !head.empty()) {
            add(unitsNamed_, tableio::NormalizeColumnName(head), u.id);
            unitForms_.back().push_back(head);
        }
        // The other names the office gave it (Danh mục).
        for (const auto& alias : u.aliases) {
            add(unitsNamed_, tableio::NormalizeColumnName(alias), u.id);
            unitForms_.back().push_back(alias);
        }
        // The name without its kind ("Bình Hòa" of "Xã Bình Hòa"), as
        // one-stop systems and the communes' own sheets write it, after
        // the names.
        cchc::Unit shortened = u;
        shortened.name = head.empty() ? u.name : head;
        const std::string shortName = SortName(shortened);
        const std::string shortKey = tableio::NormalizeColumnName(shortName);
        if (shortKey != tableio::NormalizeColumnName(shortened.name)) {
            add(unitsShortNamed_, shortKey, u.id);
            unitForms_.back().push_back(shortName);
        }
    }
    for (const auto& p : storage::PersonRepository(db.session()).All()) {
        personByCode_[p.code] = p.id;
        people_[p.id] = {p.code, p.fullName};
        const std::string key = tableio::NormalizeColumnName(p.fullName);
        if (personByName_.count(key)) ambiguousPeople_.insert(key);
        personByName_[key] = p.id;
        peopleNamed_[key].push_back(p.id);
        personIds_.push_back(p.id);
        personForms_.push_back({p.fullName, p.code});
    }
}

namespace {
// The refusal of a name: the records it fits when several, else the
// nearest, each "Name (CODE)".
std::string Refusal(const std::string& text, const char* missing, const char* several,
                    const std::map<std::string, std::vector<std::int64_t>>& named,
                    const std::vector<std::int64_t>& ids,
                    const std::vector<std::vector<std::string>>& forms,
                    const std::map<std::int64_t, std::pair<std::string, std::string>>& records) {
    auto list = [&](const std::vector<std::int64_t>& found) {
        std::string out;
        for (std::int64_t id : found) {
            const auto& [code, name] = records.at(id);
            out += (out.empty() ? "" : ", ") + name + " (" + code + ")";
        }
        return out;
    };
    if (auto it = named.find(tableio::NormalizeColumnName(text));
        it != named.end() && it->second.size() > 1)
        return fmt::format(fmt::runtime(tr(several)), Excerpt(text), list(it->second));
    std::vector<std::int64_t> near;
    for (std::size_t i : NearestTexts(text, forms)) near.push_back(ids[i]);
    std::string why = fmt::format(fmt::runtime(tr(missing)), Excerpt(text));
    if (!near.empty()) why += fmt::format(fmt::runtime(tr("; the nearest: {0}")), list(near));
    return why;
}
}  // namespace

std::string OfficeDirectory::UnitRefusal(const std::string& text) const {
    const std::string key = tableio::NormalizeColumnName(text);
    return Refusal(text, N_("the unit does not exist: {0}"),
                   N_("“{0}” fits more than one unit: {1}; write its code"),
                   unitsNamed_.count(key) ? unitsNamed_ : unitsShortNamed_, unitIds_, unitForms_,
                   units_);
}

std::string OfficeDirectory::PersonRefusal(const std::string& text) const {
    return Refusal(text, N_("the officer does not exist: {0}"),
                   N_("“{0}” fits more than one officer: {1}; write the officer's code"),
                   peopleNamed_, personIds_, personForms_, people_);
}

std::optional<std::int64_t> OfficeDirectory::Unit(const std::string& text) const {
    if (text.empty()) return std::nullopt;
    if (auto it = unitByCode_.find(text); it != unitByCode_.end()) return it->second;
    const std::string key = tableio::NormalizeColumnName(text);
    // One unit by that name, or of several one still active (a commune
    // formed in 2025 that took a former one's name); a name several active
    // units share matches none.
    auto single = [&](const std::vector<std::int64_t>& ids) -> std::optional<std::int64_t> {
        if (ids.size() == 1) return ids.front();
        std::optional<std::int64_t> active;
        for (std::int64_t id : ids)
            if (unitActive_.at(id)) {
                if (active) return std::nullopt;
                active = id;
            }
        return active;
    };
    if (auto it = unitsNamed_.find(key); it != unitsNamed_.end()) return single(it->second);
    if (auto it = unitsShortNamed_.find(key); it != unitsShortNamed_.end())
        return single(it->second);
    return std::nullopt;
}

std::optional<std::int64_t> OfficeDirectory::Person(const std::string& text) const {
    if (text.empty()) return std::nullopt;
    if (auto it = personByCode_.find(text); it != personByCode_.end()) return it->second;
    const std::string key = tableio::NormalizeColumnName(text);
    if (ambiguousPeople_.count(key)) return std::nullopt;
    if (auto it = personByName_.find(key); it != personByName_.end()) return it->second;
    return std::nullopt;
}

std::optional<std::int64_t> OfficeDirectory::UnitByCode(const std::string& code) const {
    auto it = unitByCode_.find(code);
    return it == unitByCode_.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}

std::string OfficeDirectory::UnitCode(std::int64_t id) const {
    auto it = units_.find(id);
    return it == units_.end() ? std::string() : it->second.first;
}

std::string OfficeDirectory::UnitName(std::int64_t id) const {
    auto it = units_.find(id);
    return it == units_.end() ? std::string() : it->second.second;
}

std::string OfficeDirectory::PersonCode(std::int64_t id) const {
    auto it = people_.find(id);
    return it == people_.end() ? std::string() : it->second.first;
}

std::string OfficeDirectory::PersonName(std::int64_t id) const {
    auto it = people_.find(id);
    return it == people_.end() ? std::string() : it->second.second;
}

std::vector<TaskCoordinator> OfficeDirectory::Coordinators(const std::string& text) const {
    std::vector<TaskCoordinator> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto semi = text.find(';', start);
        const std::string part =
            Trim(text.substr(start, semi == std::string::npos ? std::string::npos : semi - start));
        if (!part.empty()) {
            TaskCoordinator c;
            if (auto id = Unit(part))
                c.unitId = *id;
            else if (auto pid = Person(part))
                c.personId = *pid;
            else
                c.text = part;
            out.push_back(std::move(c));
        }
        if (semi == std::string::npos) break;
        start = semi + 1;
    }
    return out;
}

std::string OfficeDirectory::CoordinatorsText(const std::vector<TaskCoordinator>& list,
                                              bool codes) const {
    std::string out;
    for (const auto& c : list) {
        if (!out.empty()) out += "; ";
        if (c.unitId)
            out += codes ? UnitCode(*c.unitId) : UnitName(*c.unitId);
        else if (c.personId)
            out += codes ? PersonCode(*c.personId) : PersonName(*c.personId);
        else
            out += c.text;
    }
    return out;
}

}  // namespace cchc::services
