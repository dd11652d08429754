// The task board's rows and queries: see task_board_repository.h.
#include "storage/task_board_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <variant>

#include "core/collation.h"
#include "core/task_rules.h"
#include "storage/bulk_load.h"
#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {

// ---------------------------------------------------------------------
// Writing the rows.

// What a task's row is worked out from.
#define CCHC_SOURCE                                                                               \
    "SELECT t.id, p.unit_id, p.year, i.heading, t.solution, t.lead_unit_id, t.lead_unit_text, "   \
    "t.lead_person_id, t.lead_person_text, t.start_on, t.due_on, t.due_year, t.recurring, "       \
    "t.status, t.percent_done, t.closed_on, u.code, u.name, lu.name AS lead_unit_name, "          \
    "lp.full_name AS lead_person_name FROM tasks t JOIN plan_items i ON i.id = t.item_id JOIN "   \
    "plans p ON p.id = i.plan_id JOIN units u ON u.id = p.unit_id LEFT JOIN units lu ON lu.id = " \
    "t.lead_unit_id LEFT JOIN people lp ON lp.id = t.lead_person_id WHERE "
#define CCHC_UPDATES_OF "SELECT g.task_id, g.period FROM progress_updates g WHERE "
#define CCHC_TASKS_WHERE                                                                 \
    "g.task_id IN (SELECT t.id FROM tasks t JOIN plan_items i ON i.id = t.item_id JOIN " \
    "plans p ON p.id = i.plan_id WHERE "

enum class Scope { Task, Plan, Unit, Person, Range };
// [scope]: the tasks, their progress updates.
const char* const kSourceSql[5][2] = {
    {CCHC_SOURCE "t.id = :a", CCHC_UPDATES_OF "g.task_id = :a"},
    {CCHC_SOURCE "i.plan_id = :a", CCHC_UPDATES_OF CCHC_TASKS_WHERE "i.plan_id = :a)"},
    {CCHC_SOURCE "(p.unit_id = :a OR t.lead_unit_id = :b)",
     CCHC_UPDATES_OF CCHC_TASKS_WHERE "p.unit_id = :a OR t.lead_unit_id = :b)"},
    {CCHC_SOURCE "t.lead_person_id = :a",
     CCHC_UPDATES_OF CCHC_TASKS_WHERE "t.lead_person_id = :a)"},
    {CCHC_SOURCE "t.id > :a AND t.id <= :b", CCHC_UPDATES_OF "g.task_id > :a AND g.task_id <= :b"},
};
#undef CCHC_SOURCE
#undef CCHC_UPDATES_OF
#undef CCHC_TASKS_WHERE

const char* const kUpsert =
    "INSERT INTO task_board (task_id, unit_id, status, percent_done, lead_unit_id, "
    "lead_person_id, due, unit_code, unit_key, criterion, task_key, lead_key, search, "
    "calendar_first, calendar_last, calendar_gap, calendar_updates, cutoff_first, cutoff_last, "
    "cutoff_gap, cutoff_updates) VALUES (:id, :unit, :status, :pc, :lu, :lp, :due, :code, :ukey, "
    ":crit, :tkey, :lkey, :search, :cf, :cl, :cg, :cu, :xf, :xl, :xg, :xu) ON CONFLICT (task_id) "
    "DO UPDATE SET unit_id = excluded.unit_id, status = excluded.status, percent_done = "
    "excluded.percent_done, lead_unit_id = excluded.lead_unit_id, lead_person_id = "
    "excluded.lead_person_id, due = excluded.due, unit_code = excluded.unit_code, unit_key = "
    "excluded.unit_key, criterion = excluded.criterion, task_key = excluded.task_key, lead_key = "
    "excluded.lead_key, search = excluded.search, calendar_first = excluded.calendar_first, "
    "calendar_last = excluded.calendar_last, calendar_gap = excluded.calendar_gap, "
    "calendar_updates = excluded.calendar_updates, cutoff_first = excluded.cutoff_first, "
    "cutoff_last = excluded.cutoff_last, cutoff_gap = excluded.cutoff_gap, cutoff_updates = "
    "excluded.cutoff_updates";

// The lead as the board shows it: the linked record's name (nothing when
// it is gone), or the text as written.
std::string LeadShown(bool linked, const std::string& name, const std::string& text) {
    return linked ? name : text;
}

// A quarter's number, or NULL.
struct OptNumber {
    int value = 0;
    soci::indicator ind = soci::i_null;
    void Set(std::optional<int> v) {
        value = v.value_or(0);
        ind = v ? soci::i_ok : soci::i_null;
    }
};

// A task's row of the board, worked out from what is stored.
struct BoardValues {
    long long id = 0, unit = 0;
    int status = 0, percent = 0;
    Nullable<long long> leadUnit, leadPerson;
    std::string due, code, unitKey, criterion, taskKey, leadKey, search, calUpdates, cutUpdates;
    OptNumber cal[3], cut[3];

    void From(const soci::row& r, const std::set<std::string>& periods) {
        TaskRecord t;
        t.id = Int(r, "id");
        t.solution = Text(r, "solution");
        if (auto v = OptInt(r, "lead_unit_id")) t.leadUnitId = *v;
        if (auto v = OptInt(r, "lead_person_id")) t.leadPersonId = *v;
        if (r.get_indicator("start_on") == soci::i_ok) t.startOn = Text(r, "start_on");
        if (r.get_indicator("due_on") == soci::i_ok) t.dueOn = Text(r, "due_on");
        if (auto v = OptInt(r, "due_year")) t.dueYear = static_cast<int>(*v);
        t.recurring = Int(r, "recurring") != 0;
        t.status = TaskStatusFromKey(Text(r, "status")).value_or(TaskStatus::NotStarted);
        t.percentDone = static_cast<int>(Int(r, "percent_done"));
        if (r.get_indicator("closed_on") == soci::i_ok) t.closedOn = Text(r, "closed_on");
        const int planYear = static_cast<int>(Int(r, "year"));
        criterion = Text(r, "heading");

        id = t.id;
        unit = Int(r, "unit_id");
        status = static_cast<int>(t.status);
        percent = t.percentDone;
        leadUnit = Nullable<long long>(t.leadUnitId ? std::optional<long long>(*t.leadUnitId)
                                                    : std::nullopt);
        leadPerson = Nullable<long long>(t.leadPersonId ? std::optional<long long>(*t.leadPersonId)
                                                        : std::nullopt);
        const auto dueDate = DueDate(t);
        due = dueDate ? dueDate->ToIso() : std::string("~");
        code = Text(r, "code");
        unitKey = StoredSortKey(Text(r, "name"));
        taskKey = StoredSortKey(t.solution);
        const std::string person =
            LeadShown(t.leadPersonId && r.get_indicator("lead_person_name") == soci::i_ok,
                      Text(r, "lead_person_name"), Text(r, "lead_person_text"));
        const std::string leadUnitShown = LeadShown(
            t.leadUnitId.has_value(), Text(r, "lead_unit_name"), Text(r, "lead_unit_text"));
        leadKey = StoredSortKey(person + " " + leadUnitShown);
        search = TaskSearchKey(criterion, t.solution);
        const UpdateSpan c = UpdateSpanOf(t, planYear, periods, WindowKind::Calendar);
        const UpdateSpan x = UpdateSpanOf(t, planYear, periods, WindowKind::CutOff);
        cal[0].Set(c.first), cal[1].Set(c.last), cal[2].Set(c.firstMissing);
        cut[0].Set(x.first), cut[1].Set(x.last), cut[2].Set(x.firstMissing);
        calUpdates = c.updated;
        cutUpdates = x.updated;
    }
};

// Where the rows go: one upsert each, or (an empty board on the server)
// by COPY, a batch of tasks at a time (End() after each).
class RowSink {
  public:
    virtual ~RowSink() = default;
    virtual void Write(const BoardValues& v) = 0;
    virtual void End() {}
};

class UpsertSink : public RowSink {
  public:
    explicit UpsertSink(soci::session& s)
        : st_((s.prepare << kUpsert, soci::use(v_.id), soci::use(v_.unit), soci::use(v_.status),
               soci::use(v_.percent), soci::use(v_.leadUnit.value, v_.leadUnit.ind),
               soci::use(v_.leadPerson.value, v_.leadPerson.ind), soci::use(v_.due),
               soci::use(v_.code), soci::use(v_.unitKey), soci::use(v_.criterion),
               soci::use(v_.taskKey), soci::use(v_.leadKey), soci::use(v_.search),
               soci::use(v_.cal[0].value, v_.cal[0].ind), soci::use(v_.cal[1].value, v_.cal[1].ind),
               soci::use(v_.cal[2].value, v_.cal[2].ind), soci::use(v_.calUpdates),
               soci::use(v_.cut[0].value, v_.cut[0].ind), soci::use(v_.cut[1].value, v_.cut[1].ind),
               soci::use(v_.cut[2].value, v_.cut[2].ind), soci::use(v_.cutUpdates))) {}

    void Write(const BoardValues& v) override {
        v_ = v;
        st_.execute(true);
    }

  private:
    BoardValues v_;
    soci::statement st_;
};

class CopySink : public RowSink {
  public:
    explicit CopySink(soci::session& s) : s_(s) {}

    // Kept until End(): no other statement may run while a COPY is open.
    void Write(const BoardValues& v) override { rows_.push_back(v); }

    void End() override {
        if (rows_.empty()) return;
        auto opt = [](const Nullable<long long>& n) {
            return n.ind == soci::i_ok ? std::optional<long long>(n.value) : std::nullopt;
        };
        auto num = [](const OptNumber& n) {
            return n.ind == soci::i_ok ? std::optional<int>(n.value) : std::nullopt;
        };
        CopyInsert copy(s_, "task_board", Columns());
        for (const auto& v : rows_) {
            auto& row = copy.Row();
            row.Int(v.id).Int(v.unit).Int(v.status).Int(v.percent);
            row.OptInt(opt(v.leadUnit)).OptInt(opt(v.leadPerson));
            row.Text(v.due).Text(v.code).Text(v.unitKey).Text(v.criterion).Text(v.taskKey);
            row.Text(v.leadKey).Text(v.search);
            row.OptInt(num(v.cal[0])).OptInt(num(v.cal[1])).OptInt(num(v.cal[2]));
            row.Text(v.calUpdates);
            row.OptInt(num(v.cut[0])).OptInt(num(v.cut[1])).OptInt(num(v.cut[2]));
            row.Text(v.cutUpdates);
            row.EndRow();
        }
        copy.End();
        rows_.clear();
    }

  private:
    static std::vector<CopyInsert::Column> Columns() {
        using T = CopyInsert::Type;
        std::vector<CopyInsert::Column> out;
        for (const char* n :
             {"task_id", "unit_id", "status", "percent_done", "lead_unit_id", "lead_person_id"})
            out.push_back({n, T::Integer});
        for (const char* n :
             {"due", "unit_code", "unit_key", "criterion", "task_key", "lead_key", "search"})
            out.push_back({n, T::Text});
        for (const char* prefix : {"calendar", "cutoff"}) {
            for (const char* n : {"_first", "_last", "_gap"})
                out.push_back({std::string(prefix) + n, T::Integer});
            out.push_back({std::string(prefix) + "_updates", T::Text});
        }
        return out;
    }
    soci::session& s_;
    std::vector<BoardValues> rows_;
};

// Whether the database has the task board's table: not before schema 13
// (a database being upgraded, or kept at an older schema by a test).
bool HasBoard(soci::session& s) {
    int n = 0;
    if (IsPostgres(s))
        s << "SELECT CASE WHEN to_regclass('task_board') IS NULL THEN 0 ELSE 1 END", soci::into(n);
    else
        s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'task_board'",
            soci::into(n);
    return n > 0;
}

// Sessions whose board is held (TaskBoardHold): their refreshes wait.
std::mutex heldMutex;
std::set<const soci::session*> held;

bool Held(soci::session& s) {
    std::lock_guard<std::mutex> lock(heldMutex);
    return held.count(&s) > 0;
}

void RefreshInto(soci::session& s, RowSink& sink, Scope scope, long long a, long long b) {
    const auto& sql = kSourceSql[static_cast<int>(scope)];
    const bool two = scope == Scope::Unit || scope == Scope::Range;
    std::map<long long, std::set<std::string>> periods;
    {
        soci::rowset<soci::row> rs = two ? (s.prepare << sql[1], soci::use(a), soci::use(b))
                                         : (s.prepare << sql[1], soci::use(a));
        for (const auto& r : rs) periods[Int(r, "task_id")].insert(Text(r, "period"));
    }
    // Written as read: the rows read come from other tables.
    const std::set<std::string> none;
    BoardValues v;
    soci::rowset<soci::row> rs = two ? (s.prepare << sql[0], soci::use(a), soci::use(b))
                                     : (s.prepare << sql[0], soci::use(a));
    for (const auto& r : rs) {
        auto p = periods.find(Int(r, "id"));
        v.From(r, p == periods.end() ? none : p->second);
        sink.Write(v);
    }
}

void Refresh(soci::session& s, Scope scope, long long a, long long b = 0) {
    if (Held(s) || !HasBoard(s)) return;
    UpsertSink sink(s);
    RefreshInto(s, sink, scope, a, b);
}

}  // namespace

void TaskBoardWriter::ForTask(std::int64_t taskId) { Refresh(s_, Scope::Task, taskId); }
void TaskBoardWriter::ForPlan(std::int64_t planId) { Refresh(s_, Scope::Plan, planId); }
void TaskBoardWriter::ForUnit(std::int64_t unitId) { Refresh(s_, Scope::Unit, unitId, unitId); }
void TaskBoardWriter::ForPerson(std::int64_t personId) { Refresh(s_, Scope::Person, personId); }

void TaskBoardWriter::ForTasks(std::vector<std::int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // Runs of ids without gaps of more than a few (their tasks written
    // together), each read as one range.
    for (std::size_t i = 0; i < ids.size();) {
        std::size_t j = i + 1;
        while (j < ids.size() && ids[j] - ids[j - 1] <= 4 && j - i < 5000) ++j;
        if (j - i == 1)
            Refresh(s_, Scope::Task, ids[i]);
        else
            Refresh(s_, Scope::Range, ids[i] - 1, ids[j - 1]);
        i = j;
    }
}

void TaskBoardWriter::All() {
    if (Held(s_) || !HasBoard(s_)) return;
    long long last = 0;
    soci::indicator ind = soci::i_null;
    s_ << "SELECT MAX(id) FROM tasks", soci::into(last, ind);
    if (ind != soci::i_ok) return;
    // An empty board on the server (the demo office, a board built after
    // the migration) is written by one COPY rather than a statement a task.
    int any = 0;
    s_ << "SELECT COUNT(*) FROM (SELECT 1 FROM task_board LIMIT 1) AS b", soci::into(any);
    std::unique_ptr<RowSink> sink;
    if (IsPostgres(s_) && any == 0)
        sink = std::make_unique<CopySink>(s_);
    else
        sink = std::make_unique<UpsertSink>(s_);
    const long long batch = 5000;
    for (long long from = 0; from < last; from += batch) {
        RefreshInto(s_, *sink, Scope::Range, from, std::min(last, from + batch));
        sink->End();
    }
}

TaskBoardHold::TaskBoardHold(soci::session& s) : s_(s) {
    std::lock_guard<std::mutex> lock(heldMutex);
    if (!held.insert(&s_).second) throw std::logic_error("the task board is held already");
}

TaskBoardHold::~TaskBoardHold() {
    if (!released_) {
        std::lock_guard<std::mutex> lock(heldMutex);
        held.erase(&s_);
    }
}

void TaskBoardHold::Release() {
    {
        std::lock_guard<std::mutex> lock(heldMutex);
        held.erase(&s_);
    }
    released_ = true;
    TaskBoardWriter(s_).All();
}

// ---------------------------------------------------------------------
// Reading the board.

namespace {

using Value = std::variant<long long, std::string>;

// A statement put together from constant pieces of text, each '?' in them
// a placeholder of its own (named in order: SOCI binds by position), and
// the values bound to them.
struct Sql {
    bool postgres = false;  // for the engine's own way of leading a plan (Columns)
    std::string text;
    std::vector<Value> values;

    explicit Sql(soci::session& s) : postgres(IsPostgres(s)) {}

    Sql& Add(const char* piece, std::vector<Value> bound = {}) {
        std::size_t k = 0;
        for (const char* c = piece; *c; ++c) {
            if (*c != '?') {
                text += *c;
                continue;
            }
            text += ":p" + std::to_string(values.size() + 1);
            values.push_back(k < bound.size() ? bound[k] : Value(0LL));
            ++k;
        }
        return *this;
    }

    soci::details::prepare_temp_type Prepare(soci::session& s) {
        soci::details::prepare_temp_type p = (s.prepare << text);
        for (auto& v : values) {
            if (auto* n = std::get_if<long long>(&v))
                p, soci::use(*n);
            else
                p, soci::use(std::get<std::string>(v));
        }
        return p;
    }
};

// The units under a unit, before the statement that reads their tasks.
void Scope(Sql& q, const TaskBoardQuery& f) {
    if (f.withinUnit)
        q.Add(
            "WITH RECURSIVE sub (id) AS (SELECT id FROM units WHERE id = ? UNION SELECT u.id "
            "FROM units u JOIN sub ON u.parent_id = sub.id) ",
            {static_cast<long long>(*f.withinUnit)});
}

// What a statement of the board is for: counting (its conditions lead it
// to their index) or reading a window in an order (the index of the order
// leads).
enum class Use { Count, Window };

// The columns of the conditions as a statement writes them. SQLite picks
// its index without statistics, so there a condition that must not lead is
// written as an expression no index serves ("b.status + 0"), as is usual
// with it: a commune's, a lead's or an account's units lead whenever they
// are asked for (their tasks are few, the others are checked on them);
// otherwise a count reads the index of its conditions, and a window the
// index of its order, whose entries carry the filters' columns.
// PostgreSQL plans by the statistics it keeps: every condition is written
// as it is, for it to choose.
struct Columns {
    std::string status, due, calendarGap, cutoffGap;

    Columns(const TaskBoardQuery& f, Use use, bool postgres) {
        const bool narrow = f.unitId || f.withinUnit || f.leadUnitId || f.leadPersonId;
        const bool lead = postgres || (use == Use::Count && !narrow);
        status = lead ? "b.status" : "(b.status + 0)";
        due = lead ? "b.due" : "(b.due || '')";
        calendarGap = lead ? "b.calendar_gap" : "(b.calendar_gap + 0)";
        cutoffGap = lead ? "b.cutoff_gap" : "(b.cutoff_gap + 0)";
    }
    const std::string& Gap(bool cutOff) const { return cutOff ? cutoffGap : calendarGap; }
};

// " FROM task_board b WHERE" and the query's conditions.
void Where(Sql& q, const TaskBoardQuery& f, Use use = Use::Count) {
    const Columns c(f, use, q.postgres);
    auto add = [&q](const std::string& piece, std::vector<Value> values = {}) {
        q.Add(piece.c_str(), std::move(values));
    };
    q.Add(" FROM task_board b WHERE 1 = 1");
    if (f.nothing) q.Add(" AND 1 = 0");
    if (f.unitId) q.Add(" AND b.unit_id = ?", {static_cast<long long>(*f.unitId)});
    if (f.withinUnit) q.Add(" AND b.unit_id IN (SELECT id FROM sub)");
    if (f.leadUnitId) q.Add(" AND b.lead_unit_id = ?", {static_cast<long long>(*f.leadUnitId)});
    if (f.leadPersonId)
        q.Add(" AND b.lead_person_id = ?", {static_cast<long long>(*f.leadPersonId)});
    if (f.status) add(" AND " + c.status + " = ?", {static_cast<long long>(*f.status)});
    if (f.openOnly) add(" AND " + c.status + " < 2");
    // '~' (no due date) lies after every day.
    if (f.dueRange)
        add(" AND " + c.due + " >= ? AND " + c.due + " <= ?",
            {f.dueFrom.value_or(""), f.dueTo.value_or("9999-12-31")});
    if (f.openDueBefore) add(" AND " + c.status + " < 2 AND " + c.due + " < ?", {*f.openDueBefore});
    if (f.openDueBetween)
        add(" AND " + c.status + " < 2 AND " + c.due + " >= ? AND " + c.due + " <= ?",
            {f.openDueBetween->first, f.openDueBetween->second});
    if (f.missingBy)
        add(" AND " + c.Gap(f.cutOff) + " <= ?", {static_cast<long long>(*f.missingBy)});
    if (!f.contains.empty()) {
        std::string pattern = "%";
        for (char ch : f.contains) {
            if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
            pattern += ch;
        }
        pattern += '%';
        q.Add(" AND b.search LIKE ? ESCAPE '\\'", {pattern});
    }
    if (f.group) {
        // The groups of core GroupOf: overdue; open and due from the day to
        // the month's end; then by status (tests/services compare them).
        switch (*f.group) {
            case 0:
                add(" AND " + c.status + " < 2 AND " + c.due + " < ?", {f.groupDay});
                break;
            case 1:
                add(" AND " + c.status + " < 2 AND " + c.due + " >= ? AND " + c.due + " <= ?",
                    {f.groupDay, f.groupMonthEnd});
                break;
            case 2:
                add(" AND " + c.status + " = 1 AND " + c.due + " > ?", {f.groupMonthEnd});
                break;
            case 3:
                add(" AND " + c.status + " = 0 AND " + c.due + " > ?", {f.groupMonthEnd});
                break;
            case 4:
                add(" AND " + c.status + " = 2");
                break;
            default:
                add(" AND " + c.status + " = 3");
                break;
        }
    }
}

// How many tasks of the list fall in each group of core GroupOf, one row
// (summed, not grouped: the tasks read once from the index of their
// status and due date): overdue; open and due from the day to the month's
// end; then in progress, not started, done, cancelled.
const char* const kGroupCounts =
    "SUM(CASE WHEN b.status < 2 AND b.due < ? THEN 1 ELSE 0 END) AS g0, SUM(CASE WHEN b.status < "
    "2 AND b.due >= ? AND b.due <= ? THEN 1 ELSE 0 END) AS g1, SUM(CASE WHEN b.status = 1 AND "
    "b.due > ? THEN 1 ELSE 0 END) AS g2, SUM(CASE WHEN b.status = 0 AND b.due > ? THEN 1 ELSE 0 "
    "END) AS g3, SUM(CASE WHEN b.status = 2 THEN 1 ELSE 0 END) AS g4, SUM(CASE WHEN b.status = 3 "
    "THEN 1 ELSE 0 END) AS g5";

// The missing updates of core MissingCount: the quarters from the first to
// the last closed one (or the task's last) less those marked '1'.
#define CCHC_MISSING(W)                                                                        \
    "CASE WHEN b." W "_gap <= ? THEN (CASE WHEN b." W "_last IS NOT NULL AND b." W             \
    "_last < ? THEN b." W "_last ELSE ? END) - b." W "_first + 1 - length(replace(substr(b." W \
    "_updates, 1, CAST((CASE WHEN b." W "_last IS NOT NULL AND b." W "_last < ? THEN b." W     \
    "_last ELSE ? END) - b." W "_first + 1 AS INTEGER)), '0', '')) ELSE 0 END"
const char* const kMissing[2] = {CCHC_MISSING("calendar"), CCHC_MISSING("cutoff")};
#undef CCHC_MISSING

// An order: its terms, each ascending or not, in the ascending order.
struct Term {
    const char* expr;
    bool ascending;
    std::vector<Value> values;
};

// A part of a list in one order: the tasks of the list that also pass a
// condition, in an order an index gives (or, for the missing updates, one
// the database sorts). A list in the order of the days overdue or of the
// missing updates is two parts: the tasks with none, in the board's
// order, then the others by their days or their updates.
struct Segment {
    const char* condition = nullptr;  // nothing: every task of the list
    std::vector<Value> values;
    std::vector<Term> terms;  // ascending
};

const std::vector<Term> kBoardTerms = {
    {"b.unit_code", true, {}}, {"b.due", true, {}}, {"b.task_id", true, {}}};

std::vector<Term> Terms(std::initializer_list<Term> first, bool board = true) {
    std::vector<Term> out(first);
    if (board) out.insert(out.end(), kBoardTerms.begin(), kBoardTerms.end());
    return out;
}

// The parts of the list in the order, ascending.
std::vector<Segment> Segments(const TaskBoardOrder& o, bool cutOff) {
    switch (o.by) {
        case TaskBoardSort::Board:
            return {{nullptr, {}, kBoardTerms}};
        case TaskBoardSort::Unit:
            return {{nullptr, {}, Terms({{"b.unit_key", true, {}}})}};
        case TaskBoardSort::Criterion:
            return {{nullptr, {}, Terms({{"b.criterion", true, {}}})}};
        case TaskBoardSort::Task:
            return {{nullptr, {}, Terms({{"b.task_key", true, {}}})}};
        case TaskBoardSort::Lead:
            return {{nullptr, {}, Terms({{"b.lead_key", true, {}}})}};
        case TaskBoardSort::Due:
            return {
                {nullptr,
                 {},
                 Terms({{"b.due", true, {}}, {"b.unit_code", true, {}}, {"b.task_id", true, {}}},
                       false)}};
        case TaskBoardSort::Status:
            return {{nullptr, {}, Terms({{"b.status", true, {}}})}};
        case TaskBoardSort::Percent:
            return {{nullptr, {}, Terms({{"b.percent_done", true, {}}})}};
        case TaskBoardSort::Overdue:
            // Days overdue, fewest first: none (the board's order), then the
            // latest due date first (core OverdueDays: open, due before the day).
            return {
                {"(b.status >= 2 OR b.due >= ?)", {o.asOf}, kBoardTerms},
                {"(b.status + 0) < 2 AND b.due < ?",
                 {o.asOf},
                 Terms({{"b.due", false, {}}, {"b.unit_code", true, {}}, {"b.task_id", true, {}}},
                       false)}};
        case TaskBoardSort::Updates: {
            // Missing updates, fewest first: none, then by their number.
            const long long h = o.lastClosed;
            return {{cutOff ? "(b.cutoff_gap IS NULL OR b.cutoff_gap > ?)"
                            : "(b.calendar_gap IS NULL OR b.calendar_gap > ?)",
                     {h},
                     kBoardTerms},
                    {cutOff ? "b.cutoff_gap <= ?" : "b.calendar_gap <= ?",
                     {h},
                     Terms({{kMissing[cutOff ? 1 : 0], true, {h, h, h, h, h}}})}};
        }
    }
    return {{nullptr, {}, kBoardTerms}};
}

void OrderBy(Sql& q, const std::vector<Term>& terms, bool descending) {
    q.Add(" ORDER BY ");
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i > 0) q.Add(", ");
        q.Add(terms[i].expr, terms[i].values);
        q.Add(terms[i].ascending != descending ? " ASC" : " DESC");
    }
}

void AddCondition(Sql& q, const Segment& seg) {
    if (!seg.condition) return;
    q.Add(" AND ");
    q.Add(seg.condition, seg.values);
}

// How the statuses of a list are counted: one row, each status a sum.
#define CCHC_COUNTS                                                                                \
    "COUNT(*) AS n, SUM(CASE WHEN b.status = 0 THEN 1 ELSE 0 END) AS n0, SUM(CASE WHEN "           \
    "b.status = 1 THEN 1 ELSE 0 END) AS n1, SUM(CASE WHEN b.status = 2 THEN 1 ELSE 0 END) AS n2, " \
    "SUM(CASE WHEN b.status < 2 AND b.due < ? THEN 1 ELSE 0 END) AS late"

// The counts of one row of CCHC_COUNTS; the overdue tasks (all of them
// open) counted with the first status listed.
std::vector<TaskBoardCount> Counts(const soci::row& r) {
    const long n = static_cast<long>(Int(r, "n"));
    long by[4] = {static_cast<long>(Int(r, "n0")), static_cast<long>(Int(r, "n1")),
                  static_cast<long>(Int(r, "n2")), 0};
    by[3] = n - by[0] - by[1] - by[2];
    std::vector<TaskBoardCount> out;
    for (int s = 0; s < 4; ++s)
        if (by[s] > 0) out.push_back({s, by[s], 0});
    if (!out.empty()) out.front().overdue = static_cast<long>(Int(r, "late"));
    return out;
}

}  // namespace

long TaskBoardRepository::Count(const TaskBoardQuery& f) {
    Sql q(s_);
    Scope(q, f);
    q.Add("SELECT COUNT(*)");
    Where(q, f);
    long long n = 0;
    soci::details::prepare_temp_type p = q.Prepare(s_);
    p, soci::into(n);
    soci::statement st(p);
    st.execute(true);
    return static_cast<long>(n);
}

std::vector<TaskBoardCount> TaskBoardRepository::CountByStatus(const TaskBoardQuery& f,
                                                               const std::string& asOf) {
    Sql q(s_);
    Scope(q, f);
    q.Add("SELECT " CCHC_COUNTS, {asOf});
    Where(q, f);
    soci::rowset<soci::row> rs(q.Prepare(s_));
    for (const auto& r : rs) return Counts(r);
    return {};
}

std::map<std::int64_t, std::vector<TaskBoardCount>> TaskBoardRepository::CountByUnit(
    const TaskBoardQuery& f, const std::string& asOf) {
    Sql q(s_);
    Scope(q, f);
    // Grouped by an expression: each unit's tasks found through the
    // filter's index, not every task read in the order of units.
    q.Add("SELECT b.unit_id + 0 AS unit_id, " CCHC_COUNTS, {asOf});
    Where(q, f);
    q.Add(" GROUP BY b.unit_id + 0");
    soci::rowset<soci::row> rs(q.Prepare(s_));
    std::map<std::int64_t, std::vector<TaskBoardCount>> out;
    for (const auto& r : rs) out[Int(r, "unit_id")] = Counts(r);
    return out;
}

std::vector<TaskItemCount> TaskBoardRepository::CountByItem(const TaskBoardQuery& f,
                                                            const std::string& asOf, bool perUnit) {
    Sql q(s_);
    Scope(q, f);
    const char* unit = perUnit ? "b.unit_id" : "0";
    // The board's rows of the filter, then their items' criteria and titles.
    q.Add(("SELECT " + std::string(unit) +
           " AS unit_id, i.criterion_id AS criterion_id, c.framework_id AS framework_id, "
           "i.group_title AS group_title, i.criterion_title AS criterion_title, " CCHC_COUNTS
           " FROM tasks t JOIN plan_items i ON i.id = t.item_id LEFT JOIN criteria c ON c.id = "
           "i.criterion_id JOIN (SELECT b.task_id, b.unit_id, b.status, b.due")
              .c_str(),
          {asOf});
    Where(q, f);
    q.Add(perUnit ? ") b ON b.task_id = t.id GROUP BY b.unit_id, i.criterion_id, c.framework_id, "
                    "i.group_title, i.criterion_title ORDER BY 1, 2, 4, 5"
                  : ") b ON b.task_id = t.id GROUP BY i.criterion_id, c.framework_id, "
                    "i.group_title, i.criterion_title ORDER BY 2, 4, 5");
    soci::rowset<soci::row> rs(q.Prepare(s_));
    std::vector<TaskItemCount> out;
    for (const auto& r : rs) {
        TaskItemCount k;
        k.unitId = Int(r, "unit_id");
        k.criterionId = OptInt(r, "criterion_id");
        k.frameworkId = OptInt(r, "framework_id");
        k.groupTitle = Text(r, "group_title");
        k.criterionTitle = Text(r, "criterion_title");
        k.counts = Counts(r);
        out.push_back(std::move(k));
    }
    return out;
}

std::vector<std::pair<int, long>> TaskBoardRepository::CountByGroup(const TaskBoardQuery& f,
                                                                    const std::string& day,
                                                                    const std::string& monthEnd) {
    Sql q(s_);
    Scope(q, f);
    q.Add("SELECT ");
    q.Add(kGroupCounts, {day, day, monthEnd, monthEnd, monthEnd});
    Where(q, f);
    soci::rowset<soci::row> rs(q.Prepare(s_));
    std::vector<std::pair<int, long>> out;
    for (const auto& r : rs)
        for (int g = 0; g < 6; ++g) {
            const long n = static_cast<long>(Int(r, "g" + std::to_string(g)));
            if (n > 0) out.emplace_back(g, n);
        }
    return out;
}

namespace {

// The ids of the window: the part's tasks from skip, take of them, in its
// order (after Scope, within a statement or a WITH of it).
void AddWindow(Sql& q, const TaskBoardQuery& f, const Segment& seg, bool descending, long skip,
               long take) {
    Where(q, f, Use::Window);
    AddCondition(q, seg);
    OrderBy(q, seg.terms, descending);
    q.Add(" LIMIT ? OFFSET ?", {static_cast<long long>(take), static_cast<long long>(skip)});
}

// What names a task t of the board: its plan, unit and leads.
const char* const kBoardJoins =
    " JOIN plan_items i ON i.id = t.item_id JOIN plans p ON p.id = i.plan_id JOIN units u ON u.id "
    "= p.unit_id LEFT JOIN units lu ON lu.id = t.lead_unit_id LEFT JOIN people lp ON lp.id = "
    "t.lead_person_id";

// The rows skip .. skip + take - 1 of a part of the list in its order
// (descending: reversed), with what names them.
void ReadPart(soci::session& s, const TaskBoardQuery& f, const Segment& seg, bool descending,
              long skip, long take, std::vector<TaskBoardRow>& out) {
    const char* const names =
        "t.id, t.item_id, i.plan_id, p.unit_id, p.year, i.heading, t.solution, "
        "t.lead_unit_id, t.lead_unit_text, t.lead_person_id, t.lead_person_text, t.start_on, "
        "t.due_on, t.due_year, t.closed_on, t.recurring, t.status, t.percent_done, t.version, "
        "u.code, u.name, lu.name AS lead_unit_name, lp.full_name AS lead_person_name";
    const char* const quarters =
        f.cutOff ? "b.cutoff_first AS q_first, b.cutoff_last AS q_last, b.cutoff_gap AS q_gap, "
                   "b.cutoff_updates AS q_updates"
                 : "b.calendar_first AS q_first, b.calendar_last AS q_last, b.calendar_gap AS "
                   "q_gap, b.calendar_updates AS q_updates";
    Sql q(s);
    if (IsPostgres(s)) {
        // On the server, two statements. First the window's ids: a window
        // deep in the list walks the index of its order (entries carry the
        // unit that row-level security checks), as the server would choose
        // did it know how many rows the policy lets through; it expects
        // about 1.5 % and sorted the whole list instead. Then the rows'
        // names by key, each a LATERAL subquery fenced by OFFSET 0 (left to
        // itself the server joined every task of every unit and read the
        // window once per task: 4 to 11 s on a province).
        Sql ids(s);
        Scope(ids, f);
        ids.Add("SELECT b.task_id");
        AddWindow(ids, f, seg, descending, skip, take);
        std::string list;
        {
            const bool deep = skip >= 200;
            if (deep) s << "SET enable_sort = off";
            try {
                soci::rowset<soci::row> rows(ids.Prepare(s));
                for (const auto& r : rows)
                    list += (list.empty() ? "{" : ",") + std::to_string(Int(r, "task_id"));
            } catch (...) {
                if (deep) s << "RESET enable_sort";
                throw;
            }
            if (deep) s << "RESET enable_sort";
        }
        if (list.empty()) return;
        list += "}";
        q.Add("SELECT x.*, ");
        q.Add(quarters);
        q.Add(
            " FROM unnest(CAST(? AS BIGINT[])) WITH ORDINALITY AS w (task_id, n) JOIN task_board b "
            "ON b.task_id = w.task_id CROSS JOIN LATERAL (SELECT ",
            {list});
        q.Add(names);
        q.Add(" FROM tasks t");
        q.Add(kBoardJoins);
        q.Add(" WHERE t.id = w.task_id OFFSET 0) x ORDER BY w.n");
    } else {
        // The window first, once, then its rows' names.
        Scope(q, f);
        q.Add(f.withinUnit ? ", w AS MATERIALIZED (SELECT b.task_id"
                           : "WITH w AS MATERIALIZED (SELECT b.task_id");
        AddWindow(q, f, seg, descending, skip, take);
        q.Add(") SELECT ");
        q.Add(names);
        q.Add(", ");
        q.Add(quarters);
        q.Add(
            " FROM w JOIN task_board b ON b.task_id = w.task_id JOIN tasks t ON t.id = b.task_id");
        q.Add(kBoardJoins);
        OrderBy(q, seg.terms, descending);
    }
    soci::rowset<soci::row> rs(q.Prepare(s));
    for (const auto& r : rs) {
        TaskBoardRow row;
        row.taskId = Int(r, "id");
        row.itemId = Int(r, "item_id");
        row.planId = Int(r, "plan_id");
        row.unitId = Int(r, "unit_id");
        row.planYear = static_cast<int>(Int(r, "year"));
        row.criterion = Text(r, "heading");
        row.solution = Text(r, "solution");
        if (auto v = OptInt(r, "lead_unit_id")) row.leadUnitId = *v;
        if (auto v = OptInt(r, "lead_person_id")) row.leadPersonId = *v;
        row.leadUnitText = Text(r, "lead_unit_text");
        row.leadPersonText = Text(r, "lead_person_text");
        if (r.get_indicator("start_on") == soci::i_ok) row.startOn = Text(r, "start_on");
        if (r.get_indicator("due_on") == soci::i_ok) row.dueOn = Text(r, "due_on");
        if (r.get_indicator("closed_on") == soci::i_ok) row.closedOn = Text(r, "closed_on");
        if (auto v = OptInt(r, "due_year")) row.dueYear = static_cast<int>(*v);
        row.recurring = Int(r, "recurring") != 0;
        row.status = TaskStatusFromKey(Text(r, "status")).value_or(TaskStatus::NotStarted);
        row.percentDone = static_cast<int>(Int(r, "percent_done"));
        row.version = static_cast<int>(Int(r, "version"));
        row.unitCode = Text(r, "code");
        row.unitName = Text(r, "name");
        row.leadUnit =
            LeadShown(row.leadUnitId.has_value(), Text(r, "lead_unit_name"), row.leadUnitText);
        row.leadPerson =
            LeadShown(row.leadPersonId && r.get_indicator("lead_person_name") == soci::i_ok,
                      Text(r, "lead_person_name"), row.leadPersonText);
        if (auto v = OptInt(r, "q_first")) row.firstQuarter = static_cast<int>(*v);
        if (auto v = OptInt(r, "q_last")) row.lastQuarter = static_cast<int>(*v);
        if (auto v = OptInt(r, "q_gap")) row.firstMissing = static_cast<int>(*v);
        row.updated = Text(r, "q_updates");
        out.push_back(std::move(row));
    }
}

}  // namespace

std::vector<TaskBoardRow> TaskBoardRepository::Window(const TaskBoardQuery& f,
                                                      const TaskBoardOrder& order, long offset,
                                                      long limit, long total) {
    std::vector<TaskBoardRow> out;
    offset = std::max(0L, offset);
    if (limit <= 0 || (total >= 0 && offset >= total)) return out;
    std::vector<Segment> segments = Segments(order, f.cutOff);
    const bool descending = !order.ascending;
    if (descending) std::reverse(segments.begin(), segments.end());
    // How many tasks each part holds: the list's, or each part counted
    // (the last one from the list's total when it is known).
    std::vector<long> sizes(segments.size(), -1);
    if (segments.size() == 1) {
        sizes[0] = total;
    } else {
        for (std::size_t i = 0; i < segments.size(); ++i) {
            if (i + 1 == segments.size() && total >= 0) {
                long before = 0;
                for (std::size_t k = 0; k < i; ++k) before += sizes[k];
                sizes[i] = total - before;
                break;
            }
            TaskBoardQuery part = f;
            Sql q(s_);
            Scope(q, part);
            q.Add("SELECT COUNT(*)");
            Where(q, part);
            AddCondition(q, segments[i]);
            long long n = 0;
            soci::details::prepare_temp_type p = q.Prepare(s_);
            p, soci::into(n);
            soci::statement st(p);
            st.execute(true);
            sizes[i] = static_cast<long>(n);
        }
    }
    long start = 0;  // the list's row where the part begins
    for (std::size_t i = 0; i < segments.size() && limit > 0; ++i) {
        const long size = sizes[i];
        if (size >= 0 && offset >= start + size) {
            start += size;
            continue;
        }
        const long skip = offset - start;
        const long take = size >= 0 ? std::min(limit, size - skip) : limit;
        const std::size_t had = out.size();
        if (size >= 0 && skip > size - skip - take) {
            // Nearer the part's end: the same rows counted from its end.
            std::vector<TaskBoardRow> rows;
            ReadPart(s_, f, segments[i], !descending, size - skip - take, take, rows);
            std::reverse(rows.begin(), rows.end());
            for (auto& r : rows) out.push_back(std::move(r));
        } else {
            ReadPart(s_, f, segments[i], descending, skip, take, out);
        }
        const long got = static_cast<long>(out.size() - had);
        offset += got;
        limit -= got;
        start += size >= 0 ? size : got;
        if (size < 0 && got < take) {
            // An unknown size: this part ended within the window.
            start = offset;
        }
    }
    return out;
}

std::vector<std::pair<std::int64_t, std::string>> TaskBoardRepository::LeadPeople(
    const TaskBoardQuery& f) {
    Sql q(s_);
    Scope(q, f);
    q.Add("SELECT x.id, x.full_name AS name FROM people x WHERE x.id IN (SELECT b.lead_person_id");
    Where(q, f);
    q.Add(")");
    soci::rowset<soci::row> rs(q.Prepare(s_));
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& r : rs) out.emplace_back(Int(r, "id"), Text(r, "name"));
    return out;
}

std::vector<std::pair<std::int64_t, std::string>> TaskBoardRepository::LeadUnits(
    const TaskBoardQuery& f) {
    Sql q(s_);
    Scope(q, f);
    q.Add("SELECT x.id, x.name FROM units x WHERE x.id IN (SELECT b.lead_unit_id");
    Where(q, f);
    q.Add(")");
    soci::rowset<soci::row> rs(q.Prepare(s_));
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& r : rs) out.emplace_back(Int(r, "id"), Text(r, "name"));
    return out;
}

std::map<std::int64_t, long> TaskBoardRepository::CountPerUnit(const TaskBoardQuery& f) {
    Sql q(s_);
    Scope(q, f);
    q.Add("SELECT b.unit_id, COUNT(*) AS n");
    Where(q, f);
    q.Add(" GROUP BY b.unit_id");
    soci::rowset<soci::row> rs(q.Prepare(s_));
    std::map<std::int64_t, long> out;
    for (const auto& r : rs) out[Int(r, "unit_id")] = static_cast<long>(Int(r, "n"));
    return out;
}

}  // namespace cchc::storage
