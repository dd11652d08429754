// Ratings of officers, their list filters and aggregates, and their bulk insert:
// see rating_repository.h.
#include "storage/rating_repository.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <variant>

#include "storage/bulk_load.h"
#include "storage/database.h"
#include "storage/row_helpers.h"

namespace cchc::storage {
using namespace detail;

namespace {
// Bounds of the time filter as text compared with rated_at
// ("YYYY-MM-DDTHH:MM:SS"): from the first day's start to any time of the
// last day ("T99" sorts after every "THH:MM:SS").
std::string TimeFrom(const std::optional<std::string>& day) { return day ? *day : std::string(); }
std::string TimeTo(const std::optional<std::string>& day) { return day ? *day + "T99" : "9999"; }

// The pieces of the ratings list's queries, all constant text. Each
// placeholder is named once: SQLite maps a repeated name to one parameter,
// SOCI binds by position. An aspect not scored neither fails minScore (it
// reads 9) nor passes maxScore (NULL); a rating that scores nothing passes
// no score filter. The score conditions are left out of the query when no
// score is asked for, so that the time and channel indexes (which carry the
// scores) answer without reading the table.
#define CCHC_TIME "rated_at >= :ta AND rated_at <= :tb"
#define CCHC_SCORE                                                                \
    " AND COALESCE(attitude, 9) >= :mn1 AND COALESCE(handling, 9) >= :mn2 AND "   \
    "COALESCE(guidance, 9) >= :mn3 AND (attitude <= :mx1 OR handling <= :mx2 OR " \
    "guidance <= :mx3)"
#define CCHC_ORDER " ORDER BY rated_at DESC, id DESC"
#define CCHC_ORDER_UP " ORDER BY rated_at, id"
// One statement per leading filter, so that each uses its index (the
// unique (officer_id, rated_at, ...), (unit_id, rated_at), (channel,
// rated_at, id, scores) or (rated_at, id, scores)); the other filters are
// written "(col = :x OR :anyx = 1)", which no index serves, so the planner
// does not pick them.
#define CCHC_BY_OFFICER \
    "officer_id = :o AND (unit_id = :u OR :anyu = 1) AND (channel = :c OR :anyc = 1) AND "
#define CCHC_BY_UNIT "unit_id = :u AND (channel = :c OR :anyc = 1) AND "
#define CCHC_BY_CHANNEL "channel = :c AND "
// The units of a scope (:root and every unit under it) before a statement
// of its ratings, which are read through the (unit_id, rated_at) index.
#define CCHC_SUBTREE                                                                       \
    "WITH RECURSIVE sub (id) AS (SELECT id FROM units WHERE id = :root UNION SELECT u.id " \
    "FROM units u JOIN sub ON u.parent_id = sub.id) "
#define CCHC_BY_WITHIN                                                                      \
    "unit_id IN (SELECT id FROM sub) AND (officer_id = :o OR :anyo = 1) AND (channel = :c " \
    "OR :anyc = 1) AND "
#define CCHC_IDS "SELECT id FROM ratings WHERE "
#define CCHC_COUNT "SELECT COUNT(*) FROM ratings WHERE "
#define CCHC_WINDOW " LIMIT :lim OFFSET :off"
#define CCHC_LEAD(IDS, COUNT, WHERE)                                         \
    {                                                                        \
        IDS WHERE CCHC_ORDER, COUNT WHERE, IDS WHERE CCHC_ORDER CCHC_WINDOW, \
            IDS WHERE CCHC_ORDER_UP CCHC_WINDOW                              \
    }

// A score filter without officer, unit or channel reads the index of the
// lowest score (low_score, rated_at, id) of migration 0006: one arm per
// lowest score asked for (up to five; an arm asked for score 0 finds
// nothing), each newest first from the index, merged by the engine (UNION
// ALL ... ORDER BY), with the dates as a range of each arm. A window costs
// the rows before it, not every rating; the count is a sum of index ranges.
#define CCHC_LOW_WHERE(n) \
    "FROM ratings WHERE low_score = :v" #n " AND rated_at >= :ta" #n " AND rated_at <= :tb" #n
#define CCHC_LOW_ARM(n) "SELECT id, rated_at " CCHC_LOW_WHERE(n)
#define CCHC_LOW_ARMS                                                                       \
    CCHC_LOW_ARM(1)                                                                         \
    " UNION ALL " CCHC_LOW_ARM(2) " UNION ALL " CCHC_LOW_ARM(3) " UNION ALL " CCHC_LOW_ARM( \
        4) " UNION ALL " CCHC_LOW_ARM(5)
#define CCHC_LOW_COUNT(n) "(SELECT COUNT(*) " CCHC_LOW_WHERE(n) ")"

enum class Lead { Officer = 0, Unit = 1, Channel = 2, Time = 3, Within = 4 };
// WindowUp: a window counted from the oldest rating, for the list's second
// half (the caller reverses it).
enum class Shape { Ids = 0, Count = 1, Window = 2, WindowUp = 3 };
// [lead][score][shape]
const char* const kRatingSql[5][2][4] = {
    {CCHC_LEAD(CCHC_IDS, CCHC_COUNT, CCHC_BY_OFFICER CCHC_TIME),
     CCHC_LEAD(CCHC_IDS, CCHC_COUNT, CCHC_BY_OFFICER CCHC_TIME CCHC_SCORE)},
    {CCHC_LEAD(CCHC_IDS, CCHC_COUNT, CCHC_BY_UNIT CCHC_TIME),
     CCHC_LEAD(CCHC_IDS, CCHC_COUNT, CCHC_BY_UNIT CCHC_TIME CCHC_SCORE)},
    {CCHC_LEAD(CCHC_IDS, CCHC_COUNT, CCHC_BY_CHANNEL CCHC_TIME),
     CCHC_LEAD(CCHC_IDS, CCHC_COUNT, CCHC_BY_CHANNEL CCHC_TIME CCHC_SCORE)},
    {CCHC_LEAD(CCHC_IDS, CCHC_COUNT, CCHC_TIME),
     {CCHC_LOW_ARMS CCHC_ORDER,
      "SELECT " CCHC_LOW_COUNT(1) " + " CCHC_LOW_COUNT(2) " + " CCHC_LOW_COUNT(
          3) " + " CCHC_LOW_COUNT(4) " + " CCHC_LOW_COUNT(5),
      CCHC_LOW_ARMS CCHC_ORDER CCHC_WINDOW, CCHC_LOW_ARMS CCHC_ORDER_UP CCHC_WINDOW}},
    {CCHC_LEAD(CCHC_SUBTREE CCHC_IDS, CCHC_SUBTREE CCHC_COUNT, CCHC_BY_WITHIN CCHC_TIME),
     CCHC_LEAD(CCHC_SUBTREE CCHC_IDS, CCHC_SUBTREE CCHC_COUNT,
               CCHC_BY_WITHIN CCHC_TIME CCHC_SCORE)},
};
// Without any filter SQLite counts the rows of its smallest index.
const char* const kCountAll = "SELECT COUNT(*) FROM ratings";

// A filter on days, channel and lowest score only is answered from the
// ratings' day counts (migration 0015): its count, and the number of its
// ratings per day, newest day first, from which a window deep in the list
// finds the day it starts on.
#define CCHC_DAYS_WHERE                                                             \
    " FROM rating_day_counts WHERE day >= :ta AND day <= :tb AND (channel = :c OR " \
    ":anyc = 1) AND low_score >= :lo AND low_score <= :hi"
const char* const kDayCountsTotal = "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT)" CCHC_DAYS_WHERE;
const char* const kDayCountsByDay =
    "SELECT day, CAST(SUM(n) AS BIGINT)" CCHC_DAYS_WHERE " GROUP BY day ORDER BY day DESC";
#undef CCHC_DAYS_WHERE
// A window this far into a list answered by the day counts starts from the
// day it falls on; nearer the top the list is walked from its first row.
const long kSeekByDayFrom = 200;
#undef CCHC_TIME
#undef CCHC_SCORE
#undef CCHC_ORDER
#undef CCHC_ORDER_UP
#undef CCHC_BY_OFFICER
#undef CCHC_BY_UNIT
#undef CCHC_BY_CHANNEL
#undef CCHC_SUBTREE
#undef CCHC_BY_WITHIN
#undef CCHC_IDS
#undef CCHC_COUNT
#undef CCHC_WINDOW
#undef CCHC_LEAD
#undef CCHC_LOW_WHERE
#undef CCHC_LOW_ARM
#undef CCHC_LOW_ARMS
#undef CCHC_LOW_COUNT

// A filter as one of the statements above and the values of its
// placeholders, in order.
struct BoundFilter {
    const char* sql = nullptr;
    std::vector<std::variant<long long, std::string>> values;
    bool withTime = false;  // the statement selects (id, rated_at)

    BoundFilter(const RatingFilter& f, Shape shape, long offset = 0, long limit = 0) {
        // A scope without a unit first: every other filter is a condition
        // within its units.
        const Lead lead = f.within && !f.unitId ? Lead::Within
                          : f.officerId         ? Lead::Officer
                          : f.unitId            ? Lead::Unit
                          : f.channel           ? Lead::Channel
                                                : Lead::Time;
        const bool score = f.minScore || f.maxScore;
        if (shape == Shape::Count && lead == Lead::Time && !score && !f.from && !f.to) {
            sql = kCountAll;
            return;
        }
        sql = kRatingSql[static_cast<int>(lead)][score ? 1 : 0][static_cast<int>(shape)];
        if (lead == Lead::Time && score) {
            // Lowest scores lo..hi within 1..5, one arm each; 9 (nothing
            // scored) is never asked for.
            withTime = shape != Shape::Count;
            const int lo = std::max(1, f.minScore.value_or(1)),
                      hi = std::min(5, f.maxScore.value_or(5));
            for (int arm = 0, v = lo; arm < 5; ++arm, ++v) {
                values.push_back(static_cast<long long>(v <= hi ? v : 0));
                values.push_back(TimeFrom(f.from));
                values.push_back(TimeTo(f.to));
            }
        } else {
            const long long unit = f.unitId.value_or(0), anyUnit = f.unitId ? 0 : 1,
                            anyChannel = f.channel ? 0 : 1;
            const std::string channel = f.channel.value_or("");
            switch (lead) {
                case Lead::Within:
                    values = {static_cast<long long>(*f.within),
                              static_cast<long long>(f.officerId.value_or(0)),
                              static_cast<long long>(f.officerId ? 0 : 1), channel, anyChannel};
                    break;
                case Lead::Officer:
                    values = {static_cast<long long>(*f.officerId), unit, anyUnit, channel,
                              anyChannel};
                    break;
                case Lead::Unit:
                    values = {unit, channel, anyChannel};
                    break;
                case Lead::Channel:
                    values = {channel};
                    break;
                case Lead::Time:
                    break;
            }
            values.push_back(TimeFrom(f.from));
            values.push_back(TimeTo(f.to));
            if (score) {
                const long long mn = f.minScore.value_or(0), mx = f.maxScore.value_or(9);
                for (int i = 0; i < 3; ++i) values.push_back(mn);
                for (int i = 0; i < 3; ++i) values.push_back(mx);
            }
        }
        if (shape == Shape::Window || shape == Shape::WindowUp) {
            values.push_back(static_cast<long long>(std::max(0L, limit)));
            values.push_back(static_cast<long long>(std::max(0L, offset)));
        }
    }

    // The statement prepared through SOCI with `intos` as its outputs.
    template <typename... Into>
    soci::statement Prepare(soci::session& s, Into&&... intos) {
        soci::details::prepare_temp_type p = (s.prepare << sql);
        (p, ..., intos);
        for (auto& v : values) {
            if (auto* n = std::get_if<long long>(&v))
                p, soci::use(*n);
            else
                p, soci::use(std::get<std::string>(v));
        }
        return soci::statement(p);
    }
};

// Whether the day counts answer the filter: nothing but days, a channel
// and scores asked for (an account's units are not counted by day).
bool ByDayCounts(const RatingFilter& f) { return !f.officerId && !f.unitId && !f.within; }

// The values of the day counts' placeholders: the days, the channel and the
// lowest scores the filter takes (every rating, 9 included, without a score
// filter; else the scored ones within its bounds, as LowestScore reads them).
struct DayCountsFilter {
    std::string from, to, channel;
    int anyChannel = 1, lo = 1, hi = 9;

    explicit DayCountsFilter(const RatingFilter& f)
        : from(f.from.value_or("")),
          to(f.to.value_or("9999")),
          channel(f.channel.value_or("")),
          anyChannel(f.channel ? 0 : 1) {
        if (f.minScore || f.maxScore) {
            lo = std::max(1, f.minScore.value_or(1));
            hi = std::min(5, f.maxScore.value_or(5));
        }
    }
    template <typename... Into>
    soci::statement Prepare(soci::session& s, const char* sql, Into&&... intos) {
        soci::details::prepare_temp_type p = (s.prepare << sql);
        (p, ..., intos);
        p, soci::use(from), soci::use(to), soci::use(channel), soci::use(anyChannel), soci::use(lo),
            soci::use(hi);
        return soci::statement(p);
    }
};

// The ids straight from SQLite's own interface: millions of ids come out
// several times faster than through SOCI's row conversions.
std::vector<std::int64_t> SqliteIds(soci::session& s, BoundFilter& f) {
    using namespace sqlite_api;
    auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
    sqlite3* db = backend->conn_;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, f.sql, -1, &st, nullptr) != SQLITE_OK)
        throw soci::soci_error(sqlite3_errmsg(db));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owner(st, &sqlite3_finalize);
    for (std::size_t i = 0; i < f.values.size(); ++i) {
        const int at = static_cast<int>(i) + 1;
        if (auto* n = std::get_if<long long>(&f.values[i])) {
            sqlite3_bind_int64(st, at, *n);
        } else {
            const auto& text = std::get<std::string>(f.values[i]);
            sqlite3_bind_text(st, at, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
        }
    }
    std::vector<std::int64_t> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) out.push_back(sqlite3_column_int64(st, 0));
    if (rc != SQLITE_DONE) throw soci::soci_error(sqlite3_errmsg(db));
    return out;
}

std::optional<int> Opt(int v, soci::indicator ind) {
    return ind == soci::i_ok ? std::optional<int>(v) : std::nullopt;
}
}  // namespace

namespace {
std::vector<std::int64_t> Ids(soci::session& s, BoundFilter& bound) {
    if (s.get_backend_name() == "sqlite3") return SqliteIds(s, bound);
    const std::size_t batch = 50000;
    std::vector<long long> ids(batch);
    std::vector<std::string> times(batch);  // read and dropped when the statement selects them
    soci::statement st = bound.withTime ? bound.Prepare(s, soci::into(ids), soci::into(times))
                                        : bound.Prepare(s, soci::into(ids));
    std::vector<std::int64_t> out;
    if (st.execute(true)) {
        do {
            out.insert(out.end(), ids.begin(), ids.end());
            ids.resize(batch);
            times.resize(batch);
        } while (st.fetch());
    }
    return out;
}
}  // namespace

std::vector<std::int64_t> RatingRepository::FilterIds(const RatingFilter& filter) {
    BoundFilter bound(filter, Shape::Ids);
    return Ids(s_, bound);
}

std::vector<std::int64_t> RatingRepository::FilterIdsWindow(const RatingFilter& filter, long offset,
                                                            long limit, long total) {
    offset = std::max(0L, offset);
    if (total >= 0 && offset >= total) return {};
    const bool up = total >= 0 && offset > total - offset - limit;
    // Nearer the end: the same rows counted from the oldest, reversed.
    const long last = up ? std::min(total, offset + limit) : 0;  // one past the window
    long skip = up ? total - last : offset;
    const long want = up ? last - offset : limit;
    RatingFilter narrowed = filter;
    // On the server, whose planner cannot tell how many rows row-level
    // security lets through, the first window too: bounded to its days, a
    // window reads those days' ratings whatever plan is chosen.
    if (ByDayCounts(filter) && (skip >= kSeekByDayFrom || IsPostgres(s_))) {
        // The days the window starts and ends on, from the day counts: the
        // list is walked from that day's first rating, not from the list's.
        DayCountsFilter days(filter);
        std::vector<std::string> day(512);
        std::vector<long long> n(512);
        soci::statement st = days.Prepare(s_, kDayCountsByDay, soci::into(day), soci::into(n));
        std::vector<std::pair<std::string, long long>> counts;
        if (st.execute(true)) {
            do {
                for (std::size_t i = 0; i < day.size(); ++i) counts.emplace_back(day[i], n[i]);
                day.resize(512);
                n.resize(512);
            } while (st.fetch());
        }
        if (up) std::reverse(counts.begin(), counts.end());
        // In the order walked: the window's rows are skip .. end - 1.
        const long end = skip + want;
        long before = 0;  // the rows of the days before the one looked at
        bool started = false;
        for (const auto& [d, count] : counts) {
            const long after = before + static_cast<long>(count);
            if (!started && skip < after) {
                (up ? narrowed.from : narrowed.to) = d;
                skip -= before;
                started = true;
            }
            if (started && after >= end) {
                (up ? narrowed.to : narrowed.from) = d;
                break;
            }
            before = after;
        }
    }
    if (up) {
        BoundFilter bound(narrowed, Shape::WindowUp, skip, want);
        auto ids = Ids(s_, bound);
        std::reverse(ids.begin(), ids.end());
        return ids;
    }
    BoundFilter bound(narrowed, Shape::Window, skip, limit);
    return Ids(s_, bound);
}

long RatingRepository::CountMatching(const RatingFilter& filter) {
    long long n = 0;
    if (ByDayCounts(filter)) {
        DayCountsFilter days(filter);
        soci::statement st = days.Prepare(s_, kDayCountsTotal, soci::into(n));
        st.execute(true);
        return static_cast<long>(n);
    }
    BoundFilter bound(filter, Shape::Count);
    soci::statement st = bound.Prepare(s_, soci::into(n));
    st.execute(true);
    return static_cast<long>(n);
}

long RatingRepository::CountMatchingByRatings(const RatingFilter& filter) {
    long long n = 0;
    BoundFilter bound(filter, Shape::Count);
    soci::statement st = bound.Prepare(s_, soci::into(n));
    st.execute(true);
    return static_cast<long>(n);
}

long RatingRepository::DayCountsDisagreeing() {
    // Each (day, channel, lowest score) counted from the ratings and as
    // stored (a stored count of 0 is as good as none), compared both ways.
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM (SELECT substr(rated_at, 1, 10) AS day, channel, low_score, "
          "COUNT(*) AS n FROM ratings GROUP BY substr(rated_at, 1, 10), channel, low_score "
          "EXCEPT SELECT day, channel, low_score, n FROM rating_day_counts WHERE n <> 0) x",
        soci::into(n);
    long long m = 0;
    s_ << "SELECT COUNT(*) FROM (SELECT day, channel, low_score, n FROM rating_day_counts WHERE "
          "n <> 0 EXCEPT SELECT substr(rated_at, 1, 10), channel, low_score, COUNT(*) FROM "
          "ratings GROUP BY substr(rated_at, 1, 10), channel, low_score) x",
        soci::into(m);
    return static_cast<long>(n + m);
}

std::vector<RatingRow> RatingRepository::Page(const std::vector<std::int64_t>& ids) {
    std::vector<RatingRow> out;
    if (ids.empty()) return out;
    // On the server the page is one statement over the ids as an array:
    // fifty statements, each with the row-level security's checks, took
    // 60 ms there. SQLite reads them one by one from its own file.
    const bool server = IsPostgres(s_);
    long long id = 0, rid = 0, unit = 0, officer = 0;
    std::string idList, at, procedure, channel, citizen, unitCode, officerCode, officerName;
    for (auto wanted : ids) idList += (idList.empty() ? "{" : ",") + std::to_string(wanted);
    idList += "}";
    int a = 0, h = 0, g = 0;
    soci::indicator ai = soci::i_null, hi = soci::i_null, gi = soci::i_null;
    const std::string sql =
        "SELECT r.id, r.rated_at, r.unit_id, r.officer_id, r.procedure, r.channel, " +
        CitizenColumn(s_, "r.citizen") +
        ", r.attitude, r.handling, r.guidance, u.code, p.code, p.full_name FROM ratings r JOIN "
        "units u ON u.id = r.unit_id JOIN people p ON p.id = r.officer_id WHERE " +
        (server ? "r.id = ANY (CAST(:ids AS BIGINT[]))" : "r.id = :id");
    soci::details::prepare_temp_type p = (s_.prepare << sql);
    if (server)
        p, soci::use(idList);
    else
        p, soci::use(id);
    p, soci::into(rid), soci::into(at), soci::into(unit), soci::into(officer),
        soci::into(procedure), soci::into(channel), soci::into(citizen), soci::into(a, ai),
        soci::into(h, hi), soci::into(g, gi), soci::into(unitCode), soci::into(officerCode),
        soci::into(officerName);
    soci::statement st(p);
    auto row = [&] {
        RatingRow r;
        r.id = rid;
        r.rating.ratedAt = at;
        r.rating.unitId = unit;
        r.rating.officerId = officer;
        r.rating.procedure = procedure;
        r.rating.channel = channel;
        r.rating.citizen = citizen;
        r.rating.attitude = Opt(a, ai);
        r.rating.handling = Opt(h, hi);
        r.rating.guidance = Opt(g, gi);
        r.unitCode = unitCode;
        r.officerCode = officerCode;
        r.officerName = officerName;
        return r;
    };
    out.reserve(ids.size());
    if (server) {
        // In the order asked for; ids not found (hidden, removed) left out.
        std::map<std::int64_t, RatingRow> found;
        st.execute();
        while (st.fetch()) found.emplace(rid, row());
        for (auto wanted : ids)
            if (auto it = found.find(wanted); it != found.end()) out.push_back(it->second);
        return out;
    }
    for (auto wanted : ids) {
        id = wanted;
        if (!st.execute(true) || !st.got_data()) continue;
        out.push_back(row());
    }
    return out;
}

namespace {
// IsSatisfiedRating in SQL: the scores given add up to at least 4 × the
// number of aspects scored, and at least one aspect is scored.
#define CCHC_SATISFIED_SUM                                                                     \
    "SUM(CASE WHEN COALESCE(attitude, handling, guidance) IS NOT NULL AND COALESCE(attitude, " \
    "0) + COALESCE(handling, 0) + COALESCE(guidance, 0) >= 4 * ((CASE WHEN attitude IS NULL "  \
    "THEN 0 ELSE 1 END) + (CASE WHEN handling IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "        \
    "guidance IS NULL THEN 0 ELSE 1 END)) THEN 1 ELSE 0 END) AS satisfied, COUNT(attitude) "   \
    "AS na, COALESCE(SUM(attitude), 0) AS sa, COUNT(handling) AS nh, COALESCE(SUM(handling), " \
    "0) AS sh, COUNT(guidance) AS ng, COALESCE(SUM(guidance), 0) AS sg"

const char* const kAggregate =
    "SELECT officer_id, MIN(unit_id) AS unit_id, COUNT(*) AS n, " CCHC_SATISFIED_SUM
    " FROM ratings WHERE rated_at >= :ta AND rated_at <= :tb AND (unit_id = :u OR :anyu = 1) "
    "GROUP BY officer_id ORDER BY officer_id";
const char* const kAggregateByMonth =
    "SELECT officer_id, substr(rated_at, 1, 7) AS month, MIN(unit_id) AS unit_id, COUNT(*) AS "
    "n, " CCHC_SATISFIED_SUM
    " FROM ratings WHERE rated_at >= :ta AND rated_at <= :tb AND (unit_id = :u OR :anyu = 1) "
    "GROUP BY officer_id, substr(rated_at, 1, 7) ORDER BY officer_id, month";
#undef CCHC_SATISFIED_SUM
}  // namespace

std::vector<RatingTally> RatingRepository::Aggregate(const RatingAggregateQuery& q) {
    std::string from = q.from, to = q.to + "T99";
    long long unit = q.unitId.value_or(0);
    int any = q.unitId ? 0 : 1;
    std::vector<RatingTally> out;
    soci::rowset<soci::row> rs = (s_.prepare << (q.byMonth ? kAggregateByMonth : kAggregate),
                                  soci::use(from), soci::use(to), soci::use(unit), soci::use(any));
    for (const auto& r : rs) {
        RatingTally t;
        t.officerId = Int(r, "officer_id");
        t.unitId = Int(r, "unit_id");
        if (q.byMonth) t.month = Text(r, "month");
        t.ratings = static_cast<long>(Int(r, "n"));
        t.satisfied = static_cast<long>(Int(r, "satisfied"));
        t.scored[0] = static_cast<long>(Int(r, "na"));
        t.sum[0] = static_cast<long>(Int(r, "sa"));
        t.scored[1] = static_cast<long>(Int(r, "nh"));
        t.sum[1] = static_cast<long>(Int(r, "sh"));
        t.scored[2] = static_cast<long>(Int(r, "ng"));
        t.sum[2] = static_cast<long>(Int(r, "sg"));
        out.push_back(std::move(t));
    }
    return out;
}

void RatingRepository::ForEachForExport(
    const std::function<void(const std::vector<RatingRow>&)>& sink) {
    const std::size_t batch = 10000;
    std::vector<long long> id(batch), unit(batch), officer(batch);
    std::vector<std::string> at(batch), procedure(batch), channel(batch), citizen(batch);
    std::vector<int> a(batch), h(batch), g(batch);
    std::vector<soci::indicator> ai(batch), hi(batch), gi(batch);
    soci::statement st =
        (s_.prepare << "SELECT id, rated_at, unit_id, officer_id, procedure, channel, " +
                           CitizenColumn(s_, "citizen") +
                           ", attitude, handling, guidance FROM ratings ORDER BY rated_at, id",
         soci::into(id), soci::into(at), soci::into(unit), soci::into(officer),
         soci::into(procedure), soci::into(channel), soci::into(citizen), soci::into(a, ai),
         soci::into(h, hi), soci::into(g, gi));
    std::vector<RatingRow> rows;
    if (!st.execute(true)) return;
    do {
        rows.clear();
        for (std::size_t i = 0; i < id.size(); ++i) {
            RatingRow r;
            r.id = id[i];
            r.rating.ratedAt = std::move(at[i]);
            r.rating.unitId = unit[i];
            r.rating.officerId = officer[i];
            r.rating.procedure = std::move(procedure[i]);
            r.rating.channel = std::move(channel[i]);
            r.rating.citizen = std::move(citizen[i]);
            r.rating.attitude = Opt(a[i], ai[i]);
            r.rating.handling = Opt(h[i], hi[i]);
            r.rating.guidance = Opt(g[i], gi[i]);
            rows.push_back(std::move(r));
        }
        sink(rows);
        for (auto* v : {&id, &unit, &officer}) v->resize(batch);
        for (auto* v : {&at, &procedure, &channel, &citizen}) v->resize(batch);
        for (auto* v : {&a, &h, &g}) v->resize(batch);
        for (auto* v : {&ai, &hi, &gi}) v->resize(batch);
    } while (st.fetch());
}

long RatingRepository::Count() {
    long long n = 0;
    s_ << "SELECT COUNT(*) FROM ratings", soci::into(n);
    return static_cast<long>(n);
}

// ------------------------------------------------------------- bulk insert

namespace {

// LowestScore in SQL (the expression of migration 0006): the lowest of the
// aspects scored, 9 when none is.
#define CCHC_LOWEST                                                                          \
    "CASE WHEN COALESCE(attitude, 9) <= COALESCE(handling, 9) AND COALESCE(attitude, 9) <= " \
    "COALESCE(guidance, 9) THEN COALESCE(attitude, 9) WHEN COALESCE(handling, 9) <= "        \
    "COALESCE(guidance, 9) THEN COALESCE(handling, 9) ELSE COALESCE(guidance, 9) END"

// The staged ratings into the table, in the order of the natural key (the
// unique index is then written in order; of a key staged twice the first
// comes first and is kept); a key already stored is skipped. SQLite needs a
// WHERE before its ON CONFLICT. On PostgreSQL the conflict names no key:
// the natural key is the only unique one but the id (which the server
// gives), and naming none needs no right to read the citizens' names it
// holds (a clerk imports ratings without reading them).
const char* const kStoreSqlite =
    "INSERT INTO ratings (rated_at, unit_id, officer_id, procedure, channel, citizen, attitude, "
    "handling, guidance, low_score, import_batch_id) SELECT rated_at, unit_id, officer_id, "
    "procedure, channel, citizen, attitude, handling, guidance, " CCHC_LOWEST
    ", :b FROM temp.rating_stage WHERE 1 = 1 ORDER BY officer_id, rated_at, procedure, citizen, "
    "line ON CONFLICT (officer_id, rated_at, procedure, citizen) DO NOTHING";
const char* const kStorePostgres =
    "INSERT INTO ratings (rated_at, unit_id, officer_id, procedure, channel, citizen, attitude, "
    "handling, guidance, low_score, import_batch_id) SELECT rated_at, unit_id, officer_id, "
    "procedure, channel, citizen, attitude, handling, guidance, " CCHC_LOWEST
    ", CAST(:b AS BIGINT) FROM pg_temp.rating_stage ORDER BY officer_id, rated_at, procedure, "
    "citizen, line ON CONFLICT DO NOTHING";
#undef CCHC_LOWEST

const char* const kStageColumns[] = {"line",    "rated_at", "unit_id",  "officer_id", "procedure",
                                     "channel", "citizen",  "attitude", "handling",   "guidance"};

}  // namespace

// The prepared insert into SQLite's staging table, through SQLite's own
// interface (SOCI's conversions cost more than the insert itself).
struct RatingBulkInsert::Stager {
    sqlite_api::sqlite3* db = nullptr;
    sqlite_api::sqlite3_stmt* insert = nullptr;
    ~Stager() {
        if (insert) sqlite_api::sqlite3_finalize(insert);
    }
    [[noreturn]] void Fail(int rc) const {
        throw soci::sqlite3_soci_error(sqlite_api::sqlite3_errmsg(db), rc);
    }
};

RatingBulkInsert::RatingBulkInsert(Database& db, std::size_t batchSize,
                                   std::optional<std::int64_t> importBatchId)
    : db_(db), batchSize_(std::max<std::size_t>(1, batchSize)), batchId_(importBatchId) {
    pending_.reserve(batchSize_);
    if (db_.backend() == Backend::Sqlite) {
        // Millions of rows: with SQLite's default 2 MB page cache the pages
        // of the table, its unique index and the audit log would be written
        // out and read back within the one transaction; the sorts that
        // build the indexes may use a second thread.
        db_.session() << "PRAGMA cache_size = -131072";
        db_.session() << "PRAGMA threads = 2";
    }
}

RatingBulkInsert::~RatingBulkInsert() {
    try {
        DropStage();
    } catch (...) {
        // A failed transaction: its rollback takes the staging table.
    }
    if (db_.backend() != Backend::Sqlite) return;
    try {
        // Back to SQLite's defaults, which the program otherwise keeps.
        db_.session() << "PRAGMA cache_size = -2000";
        db_.session() << "PRAGMA threads = 0";
    } catch (...) {
    }
}

void RatingBulkInsert::Add(const RatingRecord& r) {
    pending_.push_back(r);
    if (pending_.size() >= batchSize_) Stage();
}

void RatingBulkInsert::Stage() {
    if (pending_.empty()) return;
    soci::session& s = db_.session();
    const bool sqlite = db_.backend() == Backend::Sqlite;
    if (staged_ == 0 && !stager_) {
        // Dropped after each store; one a failed import left behind (its
        // transaction never opened) is dropped first.
        if (sqlite) {
            s << "DROP TABLE IF EXISTS temp.rating_stage";
            s << "CREATE TEMP TABLE rating_stage (line INTEGER PRIMARY KEY, rated_at TEXT NOT "
                 "NULL, "
                 "unit_id INTEGER NOT NULL, officer_id INTEGER NOT NULL, procedure TEXT NOT NULL, "
                 "channel TEXT NOT NULL, citizen TEXT NOT NULL, attitude INTEGER, handling "
                 "INTEGER, guidance INTEGER)";
            using namespace sqlite_api;
            stager_ = std::make_unique<Stager>();
            stager_->db = static_cast<soci::sqlite3_session_backend*>(s.get_backend())->conn_;
            const char* sql =
                "INSERT INTO temp.rating_stage (line, rated_at, unit_id, officer_id, procedure, "
                "channel, citizen, attitude, handling, guidance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?)";
            const int rc = sqlite3_prepare_v2(stager_->db, sql, -1, &stager_->insert, nullptr);
            if (rc != SQLITE_OK) stager_->Fail(rc);
        } else {
            s << "DROP TABLE IF EXISTS pg_temp.rating_stage";
            s << "CREATE TEMP TABLE rating_stage (line BIGINT NOT NULL, rated_at TEXT NOT NULL, "
                 "unit_id BIGINT NOT NULL, officer_id BIGINT NOT NULL, procedure TEXT NOT NULL, "
                 "channel TEXT NOT NULL, citizen TEXT NOT NULL, attitude INTEGER, handling "
                 "INTEGER, guidance INTEGER)";
            stager_ = std::make_unique<Stager>();
        }
    }
    if (sqlite) {
        using namespace sqlite_api;
        sqlite3_stmt* st = stager_->insert;
        auto text = [&](int at, const std::string& v) {
            sqlite3_bind_text(st, at, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
        };
        auto score = [&](int at, const std::optional<int>& v) {
            if (v)
                sqlite3_bind_int(st, at, *v);
            else
                sqlite3_bind_null(st, at);
        };
        // Inside a transaction of its own when the caller has none.
        Transaction tx(db_);
        for (const auto& r : pending_) {
            sqlite3_bind_int64(st, 1, ++line_);
            text(2, r.ratedAt);
            sqlite3_bind_int64(st, 3, r.unitId);
            sqlite3_bind_int64(st, 4, r.officerId);
            text(5, r.procedure);
            text(6, r.channel);
            text(7, r.citizen);
            score(8, r.attitude);
            score(9, r.handling);
            score(10, r.guidance);
            const int rc = sqlite3_step(st);
            sqlite3_reset(st);
            if (rc != SQLITE_DONE) stager_->Fail(rc);
        }
        sqlite3_clear_bindings(st);
        tx.Commit();
    } else {
        CopyIn copy(s, "pg_temp.rating_stage",
                    std::vector<std::string>(std::begin(kStageColumns), std::end(kStageColumns)));
        for (const auto& r : pending_) {
            copy.Int(++line_)
                .Text(r.ratedAt)
                .Int(r.unitId)
                .Int(r.officerId)
                .Text(r.procedure)
                .Text(r.channel)
                .Text(r.citizen)
                .OptInt(r.attitude)
                .OptInt(r.handling)
                .OptInt(r.guidance);
            copy.EndRow();
        }
        copy.End();
    }
    staged_ += static_cast<long>(pending_.size());
    pending_.clear();
}

void RatingBulkInsert::Flush() {
    Stage();
    if (staged_ == 0) return;
    Transaction tx(db_);
    Store();
    DropStage();
    tx.Commit();
}

void RatingBulkInsert::Store() {
    soci::session& s = db_.session();
    const bool sqlite = db_.backend() == Backend::Sqlite;
    if (!afterId_) {
        long long last = 0;
        soci::indicator ind = soci::i_null;
        s << "SELECT MAX(id) FROM ratings", soci::into(last, ind);
        afterId_ = ind == soci::i_ok ? last : 0;
    }
    // A first load: the list indexes built once after the insert rather
    // than kept up to date row by row.
    const bool large = LargeLoad(s, "ratings", staged_);
    std::optional<IndexesSetAside> aside, auditAside;
    if (large) aside.emplace(s, "ratings");
    // On the server the audit's statement trigger writes an entry per new
    // rating: more entries than the log holds get its indexes built once
    // after them, as the program does on SQLite (AuditRepository).
    if (large && !sqlite && staged_ > 10000 && LargeLoad(s, "audit_log", staged_))
        auditAside.emplace(s, "audit_log");
    // On SQLite the trigger that counts each new rating by day (0015) is
    // set aside while the ratings go in, and they are counted at once after
    // (on PostgreSQL the trigger counts the statement's rows at once).
    std::string counter;
    soci::indicator counterInd = soci::i_null;
    long long before = 0;
    if (sqlite) {
        s << "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = "
             "'rating_day_counts_added'",
            soci::into(counter, counterInd);
        if (counterInd == soci::i_ok) {
            soci::indicator ind = soci::i_null;
            s << "SELECT MAX(id) FROM ratings", soci::into(before, ind);
            if (ind != soci::i_ok) before = 0;
            s << "DROP TRIGGER rating_day_counts_added";
        }
    }
    long long batch = batchId_.value_or(0);
    soci::indicator batchInd = batchId_ ? soci::i_ok : soci::i_null;
    soci::statement st =
        (s.prepare << (sqlite ? kStoreSqlite : kStorePostgres), soci::use(batch, batchInd));
    st.execute(true);
    const long written = static_cast<long>(st.get_affected_rows());
    if (sqlite && counterInd == soci::i_ok) {
        s << "INSERT INTO rating_day_counts (day, channel, low_score, n) SELECT substr(rated_at, "
             "1, 10), channel, low_score, COUNT(*) FROM ratings WHERE id > :b GROUP BY "
             "substr(rated_at, 1, 10), channel, low_score ON CONFLICT (day, channel, low_score) "
             "DO UPDATE SET n = n + excluded.n",
            soci::use(before);
        s << counter;
    }
    if (aside) aside->Restore();
    if (auditAside) auditAside->Restore();
    // PostgreSQL's planner figures of a table that grew this much (SQLite
    // keeps none: its plans do not depend on them).
    if (large && !sqlite) s << "ANALYZE ratings";
    inserted_ += written;
    skipped_ += staged_ - written;
    staged_ = 0;
}

void RatingBulkInsert::DropStage() {
    if (!stager_) return;
    stager_.reset();
    db_.session() << (db_.backend() == Backend::Sqlite
                          ? "DROP TABLE IF EXISTS temp.rating_stage"
                          : "DROP TABLE IF EXISTS pg_temp.rating_stage");
}

}  // namespace cchc::storage
