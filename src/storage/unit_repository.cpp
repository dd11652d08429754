#include "storage/unit_repository.h"

#include <soci/soci.h>

#include "core/i18n.h"
#include "core/text.h"
#include "storage/row_helpers.h"
#include "storage/task_board_repository.h"

namespace cchc::storage {
using namespace detail;

ConcurrentEditError::ConcurrentEditError()
    : UserError(tr("someone else changed this record after you opened it; reopen it and "
                   "make your change again")) {}

namespace {

#define UNIT_COLUMNS                                                                        \
    "id, code, name, kind, parent_id, place_name, header_parent, header_name, doc_symbol, " \
    "sort_order, active, version, aliases"

Unit UnitFromRow(const soci::row& r) {
    Unit u;
    u.id = Int(r, "id");
    u.code = Text(r, "code");
    u.name = Text(r, "name");
    u.kind = UnitKindFromKey(Text(r, "kind")).value_or(UnitKind::Commune);
    if (auto p = OptInt(r, "parent_id")) u.parentId = *p;
    u.placeName = Text(r, "place_name");
    u.headerParent = Text(r, "header_parent");
    u.headerName = Text(r, "header_name");
    u.docSymbol = Text(r, "doc_symbol");
    u.sortOrder = static_cast<int>(Int(r, "sort_order"));
    u.active = Int(r, "active") != 0;
    u.version = static_cast<int>(Int(r, "version", 1));
    u.aliases = ParseAliases(Text(r, "aliases"));
    return u;
}

#define PERSON_COLUMNS \
    "id, unit_id, code, full_name, position, phone, email, one_stop_desk, active, version"

Person PersonFromRow(const soci::row& r) {
    Person p;
    p.id = Int(r, "id");
    p.unitId = Int(r, "unit_id");
    p.code = Text(r, "code");
    p.fullName = Text(r, "full_name");
    p.position = Text(r, "position");
    p.phone = Text(r, "phone");
    p.email = Text(r, "email");
    p.oneStopDesk = Int(r, "one_stop_desk") != 0;
    p.active = Int(r, "active") != 0;
    p.version = static_cast<int>(Int(r, "version", 1));
    return p;
}

template <typename T, typename F>
std::vector<T> Query(soci::session& s, const char* sql, F&& fromRow) {
    std::vector<T> out;
    soci::rowset<soci::row> rs = (s.prepare << sql);
    for (const auto& r : rs) out.push_back(fromRow(r));
    return out;
}

}  // namespace

std::vector<Unit> UnitRepository::All() {
    return Query<Unit>(s_, "SELECT " UNIT_COLUMNS " FROM units ORDER BY sort_order, name",
                       UnitFromRow);
}

std::optional<Unit> UnitRepository::ById(std::int64_t id) {
    long long key = id;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " UNIT_COLUMNS " FROM units WHERE id = :id", soci::use(key));
    for (const auto& r : rs) return UnitFromRow(r);
    return std::nullopt;
}

std::optional<Unit> UnitRepository::ByCode(const std::string& code) {
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " UNIT_COLUMNS " FROM units WHERE code = :c", soci::use(code));
    for (const auto& r : rs) return UnitFromRow(r);
    return std::nullopt;
}

std::int64_t UnitRepository::Insert(const Unit& u) {
    Nullable<long long> parent(u.parentId ? std::optional<long long>(*u.parentId) : std::nullopt);
    std::string kind(UnitKindKey(u.kind));
    int active = u.active ? 1 : 0;
    std::string now = NowIso();
    long long id = 0;
    const std::string aliases = JoinTexts(u.aliases, "\n");  // one per line
    s_ << "INSERT INTO units (code, name, kind, parent_id, place_name, header_parent, header_name, "
          "doc_symbol, sort_order, active, version, updated_at, aliases) VALUES (:code, :name, "
          ":kind, :parent, :place, :hp, :hn, :sym, :ord, :active, 1, :now, :aliases) RETURNING id",
        soci::use(u.code), soci::use(u.name), soci::use(kind), soci::use(parent.value, parent.ind),
        soci::use(u.placeName), soci::use(u.headerParent), soci::use(u.headerName),
        soci::use(u.docSymbol), soci::use(u.sortOrder), soci::use(active), soci::use(now),
        soci::use(aliases), soci::into(id);
    return id;
}

void UnitRepository::Update(const Unit& u) {
    Nullable<long long> parent(u.parentId ? std::optional<long long>(*u.parentId) : std::nullopt);
    std::string kind(UnitKindKey(u.kind));
    int active = u.active ? 1 : 0;
    std::string now = NowIso();
    long long id = u.id;
    int version = u.version;
    const std::string aliases = JoinTexts(u.aliases, "\n");  // one per line
    soci::statement st =
        (s_.prepare << "UPDATE units SET code = :code, name = :name, kind = :kind, parent_id = "
                       ":parent, place_name = :place, header_parent = :hp, header_name = :hn, "
                       "doc_symbol = :sym, sort_order = :ord, active = :active, aliases = "
                       ":aliases, version = version + 1, updated_at = :now WHERE id = :id AND "
                       "version = :version",
         soci::use(u.code), soci::use(u.name), soci::use(kind), soci::use(parent.value, parent.ind),
         soci::use(u.placeName), soci::use(u.headerParent), soci::use(u.headerName),
         soci::use(u.docSymbol), soci::use(u.sortOrder), soci::use(active), soci::use(aliases),
         soci::use(now), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
    // The task board shows and sorts its tasks by its code and name.
    TaskBoardWriter(s_).ForUnit(u.id);
}

void UnitRepository::SetActive(std::int64_t id, bool active, int version) {
    long long key = id;
    int a = active ? 1 : 0;
    std::string now = NowIso();
    soci::statement st =
        (s_.prepare << "UPDATE units SET active = :a, version = version + 1, updated_at = :now "
                       "WHERE id = :id AND version = :version",
         soci::use(a), soci::use(now), soci::use(key), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
}

long UnitRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM units", soci::into(n);
    return static_cast<long>(n);
}

bool UnitRepository::CodeTaken(const std::string& code) {
    int taken = 0;
    if (IsPostgres(s_))
        s_ << "SELECT CASE WHEN cchc_unit_exists(:c) THEN 1 ELSE 0 END", soci::use(code),
            soci::into(taken);
    else
        s_ << "SELECT COUNT(*) FROM units WHERE code = :c", soci::use(code), soci::into(taken);
    return taken != 0;
}

std::vector<Person> PersonRepository::All() {
    return Query<Person>(s_, "SELECT " PERSON_COLUMNS " FROM people ORDER BY unit_id, id",
                         PersonFromRow);
}

std::vector<Person> PersonRepository::ByUnit(std::int64_t unitId) {
    long long key = unitId;
    std::vector<Person> out;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " PERSON_COLUMNS " FROM people WHERE unit_id = :u ORDER BY id",
         soci::use(key));
    for (const auto& r : rs) out.push_back(PersonFromRow(r));
    return out;
}

std::optional<Person> PersonRepository::ById(std::int64_t id) {
    long long key = id;
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " PERSON_COLUMNS " FROM people WHERE id = :id", soci::use(key));
    for (const auto& r : rs) return PersonFromRow(r);
    return std::nullopt;
}

std::optional<Person> PersonRepository::ByCode(const std::string& code) {
    soci::rowset<soci::row> rs =
        (s_.prepare << "SELECT " PERSON_COLUMNS " FROM people WHERE code = :c", soci::use(code));
    for (const auto& r : rs) return PersonFromRow(r);
    return std::nullopt;
}

std::int64_t PersonRepository::Insert(const Person& p) {
    long long unit = p.unitId, id = 0;
    int desk = p.oneStopDesk ? 1 : 0, active = p.active ? 1 : 0;
    std::string now = NowIso();
    s_ << "INSERT INTO people (unit_id, code, full_name, position, phone, email, one_stop_desk, "
          "active, version, updated_at) VALUES (:u, :code, :name, :pos, :phone, :email, :desk, "
          ":active, 1, :now) RETURNING id",
        soci::use(unit), soci::use(p.code), soci::use(p.fullName), soci::use(p.position),
        soci::use(p.phone), soci::use(p.email), soci::use(desk), soci::use(active), soci::use(now),
        soci::into(id);
    return id;
}

void PersonRepository::Update(const Person& p) {
    long long unit = p.unitId, id = p.id;
    int desk = p.oneStopDesk ? 1 : 0, active = p.active ? 1 : 0, version = p.version;
    std::string now = NowIso();
    soci::statement st =
        (s_.prepare << "UPDATE people SET unit_id = :u, code = :code, full_name = :name, position "
                       "= :pos, phone = :phone, email = :email, one_stop_desk = :desk, active = "
                       ":active, version = version + 1, updated_at = :now WHERE id = :id AND "
                       "version = :version",
         soci::use(unit), soci::use(p.code), soci::use(p.fullName), soci::use(p.position),
         soci::use(p.phone), soci::use(p.email), soci::use(desk), soci::use(active), soci::use(now),
         soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
    // The task board sorts the tasks it leads by its name.
    TaskBoardWriter(s_).ForPerson(p.id);
}

void PersonRepository::SetActive(std::int64_t id, bool active, int version) {
    long long key = id;
    int a = active ? 1 : 0;
    std::string now = NowIso();
    soci::statement st =
        (s_.prepare << "UPDATE people SET active = :a, version = version + 1, updated_at = :now "
                       "WHERE id = :id AND version = :version",
         soci::use(a), soci::use(now), soci::use(key), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConcurrentEditError();
}

long PersonRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM people", soci::into(n);
    return static_cast<long>(n);
}

}  // namespace cchc::storage
