// Tests of core/task_rules.h: due and overdue at their day boundaries,
// missing quarterly updates under calendar and cut-off windows, the "five
// clear" check one gap at a time, progress and status roll-ups, and the
// draft plan made from weak criteria.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <set>

#include "core/i18n.h"
#include "core/task_rules.h"
#include "printers.h"

using namespace cchc;
namespace tt = boost::test_tools;

namespace {
Date D(const char* iso) { return *Date::ParseIso(iso); }

struct TaskSpec {
    const char* dueOn = nullptr;
    std::optional<int> dueYear = std::nullopt;
    bool recurring = false;
    TaskStatus status = TaskStatus::InProgress;
    const char* startOn = nullptr;
    const char* closedOn = nullptr;
};

TaskRecord Task(const TaskSpec& s) {
    TaskRecord t;
    t.solution = "Rà soát, cập nhật TTHC trên Trang TTĐT";
    if (s.dueOn) t.dueOn = s.dueOn;
    t.dueYear = s.dueYear;
    t.recurring = s.recurring;
    t.status = s.status;
    if (s.startOn) t.startOn = s.startOn;
    if (s.closedOn) t.closedOn = s.closedOn;
    return t;
}

std::string Join(const std::vector<Period>& periods) {
    std::string out;
    for (const auto& p : periods) out += (out.empty() ? "" : ",") + p.ToString();
    return out;
}

std::string Keys(const std::vector<FiveClearProblem>& problems) {
    std::string out;
    for (const auto& p : problems)
        out += (out.empty() ? "" : ",") + std::string(FiveClearKey(p.which));
    return out;
}

const char* StatusKey(TaskStatus s) { return TaskStatusKey(s); }
}  // namespace

BOOST_AUTO_TEST_SUITE(task_rules)

BOOST_AUTO_TEST_CASE(due_date_from_date_year_or_none_when_recurring) {
    struct Case {
        const char* what;
        TaskSpec task;
        const char* due;  // "" when none
    };
    const Case cases[] = {
        {"due date", {"2026-03-31"}, "2026-03-31"},
        {"leap day", {"2024-02-29"}, "2024-02-29"},
        {"due year only (Trong năm 2021)", {nullptr, 2021}, "2021-12-31"},
        {"date wins over year", {"2021-06-30", 2021}, "2021-06-30"},
        {"recurring with a year", {nullptr, 2021, true}, ""},
        {"recurring with a date", {"2021-06-30", std::nullopt, true}, ""},
        {"nothing", {}, ""},
        {"date not ISO, year given", {"31/03/2026", 2026}, "2026-12-31"},
        {"date not ISO only", {"31/03/2026"}, ""},
        {"impossible date", {"2025-02-29"}, ""},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            auto due = DueDate(Task(c.task));
            BOOST_TEST((due ? due->ToIso() : std::string()) == c.due);
        }
    }
}

BOOST_AUTO_TEST_CASE(overdue_days_start_the_day_after_the_due_date) {
    using S = TaskStatus;
    struct Case {
        TaskSpec task;
        const char* asOf;
        int days;
    };
    const Case cases[] = {
        {{"2026-03-31"}, "2026-03-30", 0},
        {{"2026-03-31"}, "2026-03-31", 0},
        {{"2026-03-31"}, "2026-04-01", 1},
        {{"2026-03-31"}, "2027-03-31", 365},
        {{nullptr, 2025}, "2025-12-31", 0},
        {{nullptr, 2025}, "2026-01-01", 1},
        {{"2026-03-31", std::nullopt, false, S::NotStarted}, "2026-04-01", 1},
        {{"2026-03-31", std::nullopt, false, S::Done}, "2026-04-01", 0},
        {{"2026-03-31", std::nullopt, false, S::Cancelled}, "2026-04-01", 0},
        {{nullptr, 2021, true}, "2026-04-01", 0},
        {{}, "2026-04-01", 0},
    };
    for (const auto& c : cases) {
        const TaskRecord t = Task(c.task);
        BOOST_TEST_CONTEXT((t.dueOn ? *t.dueOn : "year " + std::to_string(t.dueYear.value_or(0)))
                           << (t.recurring ? " recurring " : " ") << StatusKey(t.status)
                           << " as of " << c.asOf) {
            BOOST_TEST(OverdueDays(t, D(c.asOf)) == c.days);
        }
    }
    BOOST_TEST(OverdueDays(Task({"2026-03-31"}), Date{}) == 0);
}

BOOST_AUTO_TEST_CASE(due_within_counts_both_ends) {
    using S = TaskStatus;
    struct Case {
        TaskSpec task;
        const char* asOf;
        int days;
        bool within;
    };
    const Case cases[] = {
        {{"2026-03-31"}, "2026-03-31", 0, true},
        {{"2026-03-31"}, "2026-03-30", 0, false},
        {{"2026-03-31"}, "2026-03-24", 7, true},
        {{"2026-03-31"}, "2026-03-23", 7, false},
        {{"2026-03-31"}, "2026-04-01", 30, false},  // overdue, not due within
        {{"2026-03-31"}, "2026-03-31", -1, false},
        {{"2026-03-31", std::nullopt, false, S::NotStarted}, "2026-03-30", 1, true},
        {{"2026-03-31", std::nullopt, false, S::Done}, "2026-03-30", 1, false},
        {{"2026-03-31", std::nullopt, false, S::Cancelled}, "2026-03-30", 1, false},
        {{nullptr, 2026}, "2026-12-01", 30, true},
        {{nullptr, 2026}, "2026-12-01", 29, false},
        {{nullptr, 2026, true}, "2026-12-31", 30, false},
        {{}, "2026-12-31", 365, false},
    };
    for (const auto& c : cases) {
        const TaskRecord t = Task(c.task);
        BOOST_TEST_CONTEXT((t.dueOn ? *t.dueOn : "year " + std::to_string(t.dueYear.value_or(0)))
                           << " " << StatusKey(t.status) << " as of " << c.asOf << " within "
                           << c.days) {
            BOOST_TEST(DueWithin(t, D(c.asOf), c.days) == c.within);
        }
    }
}

BOOST_AUTO_TEST_CASE(missing_updates_per_closed_quarter) {
    using S = TaskStatus;
    using W = WindowKind;
    struct Case {
        const char* what;
        TaskSpec task;
        int planYear;
        std::set<std::string> updates;
        const char* asOf;
        W window;
        const char* missing;
    };
    const Case cases[] = {
        // Window closed: its last day is before asOf.
        {"calendar Q1 still open on its last day",
         {nullptr, std::nullopt, false, S::InProgress, "2026-01-10"},
         2026,
         {},
         "2026-03-31",
         W::Calendar,
         ""},
        {"calendar Q1 closed the day after",
         {nullptr, std::nullopt, false, S::InProgress, "2026-01-10"},
         2026,
         {},
         "2026-04-01",
         W::Calendar,
         "2026-Q1"},
        {"cut-off Q1 still open on 14/03",
         {nullptr, std::nullopt, false, S::InProgress, "2026-01-10"},
         2026,
         {},
         "2026-03-14",
         W::CutOff,
         ""},
        {"cut-off Q1 closed on 15/03",
         {nullptr, std::nullopt, false, S::InProgress, "2026-01-10"},
         2026,
         {},
         "2026-03-15",
         W::CutOff,
         "2026-Q1"},
        // The first quarter is the one containing the start.
        {"cut-off: started 14/12 is in Q4 of the year before",
         {nullptr, std::nullopt, false, S::InProgress, "2025-12-14"},
         2026,
         {},
         "2026-03-15",
         W::CutOff,
         "2025-Q4,2026-Q1"},
        {"cut-off: started 15/12 is in Q1 of the next year",
         {nullptr, std::nullopt, false, S::InProgress, "2025-12-15"},
         2026,
         {},
         "2026-03-15",
         W::CutOff,
         "2026-Q1"},
        {"calendar: started 31/12 is in Q4",
         {nullptr, std::nullopt, false, S::InProgress, "2025-12-31"},
         2026,
         {},
         "2026-04-01",
         W::Calendar,
         "2025-Q4,2026-Q1"},
        {"no start: 1 January of the due year",
         {nullptr, 2025},
         2026,
         {},
         "2026-01-01",
         W::Calendar,
         "2025-Q1,2025-Q2,2025-Q3,2025-Q4"},
        {"no start nor due year: 1 January of the plan year",
         {"2026-12-31"},
         2026,
         {},
         "2026-07-01",
         W::Calendar,
         "2026-Q1,2026-Q2"},
        {"no start known at all", {"2026-12-31"}, 0, {}, "2027-01-01", W::Calendar, ""},
        {"starts after asOf",
         {nullptr, std::nullopt, false, S::NotStarted, "2026-05-01"},
         2026,
         {},
         "2026-04-01",
         W::Calendar,
         ""},
        // Which updates count.
        {"Q1 reported", {nullptr, 2026}, 2026, {"2026-Q1"}, "2026-07-01", W::Calendar, "2026-Q2"},
        {"lower case q", {nullptr, 2026}, 2026, {"2026-q2"}, "2026-07-01", W::Calendar, "2026-Q1"},
        {"a month or half year is not a quarter's update",
         {nullptr, 2026},
         2026,
         {"2026-03", "2026-H1", "2026", "rubbish"},
         "2026-07-01",
         W::Calendar,
         "2026-Q1,2026-Q2"},
        {"all reported",
         {nullptr, 2026},
         2026,
         {"2026-Q1", "2026-Q2"},
         "2026-07-01",
         W::Calendar,
         ""},
        // Open tasks need an update every quarter, overdue or recurring.
        {"overdue open task",
         {"2026-03-31", std::nullopt, false, S::InProgress, "2026-01-01"},
         2026,
         {},
         "2026-10-01",
         W::Calendar,
         "2026-Q1,2026-Q2,2026-Q3"},
        {"recurring task past its first year",
         {nullptr, 2025, true},
         2025,
         {"2025-Q1", "2025-Q2", "2025-Q3"},
         "2026-04-01",
         W::Calendar,
         "2025-Q4,2026-Q1"},
        {"closedOn of a reopened task is ignored",
         {nullptr, 2026, false, S::InProgress, nullptr, "2026-02-01"},
         2026,
         {},
         "2026-07-01",
         W::Calendar,
         "2026-Q1,2026-Q2"},
        // Closed tasks: nothing after the quarter they were closed in.
        {"done in Q2",
         {nullptr, 2026, false, S::Done, nullptr, "2026-05-10"},
         2026,
         {},
         "2027-01-01",
         W::Calendar,
         "2026-Q1,2026-Q2"},
        {"done on the last day of Q2",
         {nullptr, 2026, false, S::Done, nullptr, "2026-06-30"},
         2026,
         {},
         "2027-01-01",
         W::Calendar,
         "2026-Q1,2026-Q2"},
        {"done on the first day of Q3",
         {nullptr, 2026, false, S::Done, nullptr, "2026-07-01"},
         2026,
         {},
         "2027-01-01",
         W::Calendar,
         "2026-Q1,2026-Q2,2026-Q3"},
        {"cut-off: done on 14/06 is in Q2",
         {nullptr, 2026, false, S::Done, nullptr, "2026-06-14"},
         2026,
         {},
         "2027-01-01",
         W::CutOff,
         "2026-Q1,2026-Q2"},
        {"cut-off: done on 15/06 is in Q3",
         {nullptr, 2026, false, S::Done, nullptr, "2026-06-15"},
         2026,
         {},
         "2027-01-01",
         W::CutOff,
         "2026-Q1,2026-Q2,2026-Q3"},
        {"done in Q2, Q2 window not closed yet",
         {nullptr, 2026, false, S::Done, nullptr, "2026-05-10"},
         2026,
         {},
         "2026-06-30",
         W::Calendar,
         "2026-Q1"},
        {"cancelled in Q1",
         {nullptr, 2026, false, S::Cancelled, nullptr, "2026-02-01"},
         2026,
         {},
         "2027-01-01",
         W::Calendar,
         "2026-Q1"},
        {"done without closedOn: up to its last update",
         {nullptr, 2026, false, S::Done},
         2026,
         {"2026-Q1", "2026-Q3"},
         "2027-06-01",
         W::Calendar,
         "2026-Q2"},
        {"done without closedOn nor update",
         {nullptr, 2026, false, S::Done},
         2026,
         {},
         "2027-06-01",
         W::Calendar,
         ""},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            auto missing = MissingUpdates(Task(c.task), c.planYear, c.updates, D(c.asOf), c.window);
            BOOST_TEST(Join(missing) == c.missing);
        }
    }
    BOOST_TEST(MissingUpdates(Task({nullptr, 2026}), 2026, {}, Date{}, W::Calendar).empty());
}

BOOST_AUTO_TEST_CASE(five_clear_one_gap_at_a_time) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    auto completeTask = [] {
        TaskRecord t;
        t.solution = "Tăng cường cung cấp thông tin lên Trang thông tin điện tử";
        t.leadPersonId = 12;
        t.leadUnitId = 3;
        t.dueYear = 2021;
        return t;
    };
    auto completeItem = [] {
        PlanItemRecord i;
        i.targetText = "100% số TTHC công khai đầy đủ trên Trang TTĐT của thị trấn";
        return i;
    };
    struct Case {
        const char* what;
        std::function<void(TaskRecord&, PlanItemRecord&)> change;
        const char* missing;
    };
    const Case cases[] = {
        {"complete", [](TaskRecord&, PlanItemRecord&) {}, ""},
        {"no solution", [](TaskRecord& t, PlanItemRecord&) { t.solution.clear(); }, "work"},
        {"blank solution", [](TaskRecord& t, PlanItemRecord&) { t.solution = " \t\n"; }, "work"},
        {"no lead person", [](TaskRecord& t, PlanItemRecord&) { t.leadPersonId.reset(); },
         "person"},
        {"lead person as text",
         [](TaskRecord& t, PlanItemRecord&) {
             t.leadPersonId.reset();
             t.leadPersonText = "công chức Văn phòng – Thống kê";
         },
         ""},
        {"blank lead person text",
         [](TaskRecord& t, PlanItemRecord&) {
             t.leadPersonId.reset();
             t.leadPersonText = "  ";
         },
         "person"},
        {"no lead unit", [](TaskRecord& t, PlanItemRecord&) { t.leadUnitId.reset(); },
         "responsibility"},
        {"lead unit as text only",
         [](TaskRecord& t, PlanItemRecord&) {
             t.leadUnitId.reset();
             t.leadUnitText = "Cán bộ, công chức thị trấn";
         },
         ""},
        {"no time frame", [](TaskRecord& t, PlanItemRecord&) { t.dueYear.reset(); }, "time"},
        {"time written but not understood",
         [](TaskRecord& t, PlanItemRecord&) {
             t.dueYear.reset();
             t.timeText = "Thường xuyên";
         },
         "time"},
        {"due date only",
         [](TaskRecord& t, PlanItemRecord&) {
             t.dueYear.reset();
             t.dueOn = "2021-12-15";
         },
         ""},
        {"due date not a date",
         [](TaskRecord& t, PlanItemRecord&) {
             t.dueYear.reset();
             t.dueOn = "15/12/2021";
         },
         "time"},
        {"recurring only",
         [](TaskRecord& t, PlanItemRecord&) {
             t.dueYear.reset();
             t.recurring = true;
         },
         ""},
        {"no target, no outcome", [](TaskRecord&, PlanItemRecord& i) { i.targetText.clear(); },
         "effect"},
        {"target value only",
         [](TaskRecord&, PlanItemRecord& i) {
             i.targetText.clear();
             i.targetValue = 1.0;
         },
         ""},
        {"outcome only",
         [](TaskRecord& t, PlanItemRecord& i) {
             i.targetText.clear();
             t.outcome = "100% TTHC đã công khai";
         },
         ""},
        {"nothing at all",
         [](TaskRecord& t, PlanItemRecord& i) {
             t = TaskRecord{};
             i = PlanItemRecord{};
         },
         "work,person,responsibility,time,effect"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            TaskRecord t = completeTask();
            PlanItemRecord i = completeItem();
            c.change(t, i);
            auto problems = CheckFiveClear(t, i);
            BOOST_TEST(Keys(problems) == c.missing);
            for (const auto& p : problems) BOOST_TEST(!p.message.empty());
        }
    }
    TaskRecord t = completeTask();
    t.leadUnitId.reset();
    auto problems = CheckFiveClear(t, completeItem());
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].message == "unclear responsibility: no lead unit is named");
}

BOOST_AUTO_TEST_CASE(progress_of_items_and_plans) {
    using S = TaskStatus;
    auto task = [](S status, int percent) {
        TaskRecord t;
        t.status = status;
        t.percentDone = percent;
        return t;
    };
    struct PercentCase {
        S status;
        int percent;
        int counted;
    };
    const PercentCase percents[] = {
        {S::Done, 40, 100},      {S::InProgress, 150, 100}, {S::InProgress, -5, 0},
        {S::InProgress, 35, 35}, {S::NotStarted, 0, 0},
    };
    for (const auto& c : percents) {
        BOOST_TEST_CONTEXT(StatusKey(c.status) << " " << c.percent) {
            BOOST_TEST(TaskPercent(task(c.status, c.percent)) == c.counted);
        }
    }

    struct ItemCase {
        const char* what;
        std::vector<TaskRecord> tasks;
        std::optional<double> progress;
    };
    const ItemCase items[] = {
        {"done counts 100, cancelled left out",
         {task(S::Done, 0), task(S::InProgress, 50), task(S::Cancelled, 0)},
         75.0},
        {"not started and in progress", {task(S::NotStarted, 0), task(S::InProgress, 30)}, 15.0},
        {"all cancelled", {task(S::Cancelled, 80)}, std::nullopt},
        {"no task", {}, std::nullopt},
    };
    for (const auto& c : items) {
        BOOST_TEST_CONTEXT(c.what) {
            PlanItemRecord item;
            item.tasks = c.tasks;
            auto p = ItemProgress(item);
            BOOST_TEST(p.has_value() == c.progress.has_value());
            if (p && c.progress) BOOST_TEST(*p == *c.progress, tt::tolerance(1e-9));
        }
    }
}

BOOST_AUTO_TEST_CASE(counts_by_status_and_overdue) {
    using S = TaskStatus;
    const Date asOf = D("2026-04-01");
    auto plan = [](std::int64_t unit, std::vector<TaskRecord> tasks) {
        PlanRecord p;
        p.unitId = unit;
        p.items.resize(1);
        p.items[0].tasks = std::move(tasks);
        return p;
    };
    const std::vector<TaskRecord> tasks = {
        Task({"2026-03-31", std::nullopt, false, S::NotStarted}),  // overdue by 1
        Task({"2026-04-01", std::nullopt, false, S::InProgress}),  // due today: not overdue
        Task({nullptr, 2025, false, S::InProgress}),               // overdue
        Task({nullptr, 2025, false, S::Done}),
        Task({nullptr, 2025, false, S::Cancelled}),
        Task({nullptr, 2021, true, S::InProgress}),  // recurring: never overdue
    };
    TaskCounts c = CountTasks(tasks, asOf);
    BOOST_TEST(c.notStarted == 1);
    BOOST_TEST(c.inProgress == 3);
    BOOST_TEST(c.done == 1);
    BOOST_TEST(c.cancelled == 1);
    BOOST_TEST(c.overdue == 2);
    BOOST_TEST(c.Total() == 6);
    BOOST_TEST(c.Open() == 4);

    BOOST_TEST(CountTasks(plan(7, tasks), asOf).overdue == 2);
}

namespace {
// 3 (no sub-criteria, ordered first) · 1 Chỉ đạo, điều hành: 1.1 manual,
// 1.2 rate to 90%, 1.3 rate without data · 2 TTHC: 2.1 → 2.1.1 manual,
// 2.1.2 rate with entered points, 2.1.3 rate not applicable.
Framework WeakFramework() {
    Framework fw;
    fw.code = "PAR-XA-2025";
    auto add = [&](std::int64_t id, std::optional<std::int64_t> parent, const char* code,
                   const char* title, double max, std::optional<RuleKind> rule, int order) {
        Criterion c;
        c.id = id;
        c.parentId = parent;
        c.code = code;
        c.title = title;
        c.maxPoints = max;
        c.rule = rule;
        c.sortOrder = order;
        fw.criteria.push_back(c);
        return &fw.criteria.back();
    };
    add(1, std::nullopt, "1", "Chỉ đạo, điều hành", 8, std::nullopt, 1);
    add(2, 1, "1.1", "Kế hoạch CCHC", 2, RuleKind::Manual, 1);
    add(3, 1, "1.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 4, RuleKind::Rate, 2)->target = 0.9;
    add(4, 1, "1.3", "Tỷ lệ TTHC công khai", 2, RuleKind::Rate, 3)->noData = NoDataRule::Zero;
    add(5, std::nullopt, "2", "Thủ tục hành chính", 9, std::nullopt, 2);
    add(6, 5, "2.1", "Một cửa", 9, std::nullopt, 1);
    add(7, 6, "2.1.1", "Niêm yết TTHC", 3, RuleKind::Manual, 1);
    add(8, 6, "2.1.2", "Dịch vụ công trực tuyến", 3, RuleKind::Rate, 2);
    add(9, 6, "2.1.3", "Thanh toán trực tuyến", 3, RuleKind::Rate, 3)->noData =
        NoDataRule::NotApplicable;
    add(10, std::nullopt, "3", "Sự hài lòng", 2, RuleKind::Manual, 0);
    return fw;
}

std::vector<NodeScore> WeakScores(const Framework& fw, double points11) {
    std::map<std::string, CriterionInput> in;
    in["1.1"].points = points11;
    in["1.2"].numerator = 45;
    in["1.2"].denominator = 100;  // ratio 0.45 → 4 × 0.45 / 0.9 = 2 points
    in["2.1.1"].points = 1.5;
    in["2.1.2"].numerator = 90;
    in["2.1.2"].denominator = 100;
    in["2.1.2"].points = 1;  // entered beside the figures: overrides them
    return RollUp(fw, in);
}

std::string Headings(const std::vector<PlanItemRecord>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ",") + i.heading;
    return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(draft_plan_threshold_boundaries) {
    const Framework fw = WeakFramework();
    struct Case {
        double points11;
        double threshold;
        const char* headings;
    };
    const Case cases[] = {
        {1.6, 80, "3,1.2,1.3,2.1.1,2.1.2"},  // 1.1 exactly at 80%: not weak
        {1.59, 80, "3,1.1,1.2,1.3,2.1.1,2.1.2"},
        {1.6, 80.5, "3,1.1,1.2,1.3,2.1.1,2.1.2"},
        {2, 100, "3,1.2,1.3,2.1.1,2.1.2"},  // full points never weak
        {1.99, 100, "3,1.1,1.2,1.3,2.1.1,2.1.2"},
        {1.6, 50, "3,1.3,2.1.2"},  // 1.2 and 2.1.1 at exactly 50%
        {1.6, 0, ""},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("1.1 at " << c.points11 << ", threshold " << c.threshold) {
            auto items = DraftPlanItems(fw, WeakScores(fw, c.points11), c.threshold);
            BOOST_TEST(Headings(items) == c.headings);
        }
    }
}

BOOST_AUTO_TEST_CASE(draft_plan_items_carry_criterion_group_baseline_and_target) {
    BOOST_TEST_REQUIRE(SetLanguage("en"));
    const Framework fw = WeakFramework();
    auto items = DraftPlanItems(fw, WeakScores(fw, 2));
    BOOST_REQUIRE(Headings(items) == "3,1.2,1.3,2.1.1,2.1.2");
    struct Expect {
        std::int64_t id;
        const char* group;
        const char* groupTitle;
        const char* kind;
        double baselinePoints;
        double targetValue;
        std::optional<double> baselineValue;
        const char* text;
    };
    const Expect expect[] = {
        {10, "3", "Sự hài lòng", "points", 0, 2, std::nullopt,
         "Recover the 2 points lost on this criterion (from 0 to 2 points)"},
        {3, "1", "Chỉ đạo, điều hành", "rate", 2, 0.9, 0.45,
         "Raise the rate from 45% to 90% and recover the 2 points lost on this criterion"},
        {4, "1", "Chỉ đạo, điều hành", "rate", 0, 1, std::nullopt,  // no data
         "Reach a rate of 100% and recover the 2 points lost on this criterion"},
        {7, "2", "Thủ tục hành chính", "points", 1.5, 3, std::nullopt,
         "Recover the 1,5 points lost on this criterion (from 1,5 to 3 points)"},
        {8, "2", "Thủ tục hành chính", "rate", 1, 1, std::nullopt,  // points entered
         "Reach a rate of 100% and recover the 2 points lost on this criterion"},
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        const auto& e = expect[i];
        BOOST_TEST_CONTEXT(item.heading) {
            BOOST_TEST(item.criterionId.value_or(0) == e.id);
            BOOST_TEST(item.criterionTitle ==
                       fw.criteria[static_cast<std::size_t>(e.id - 1)].title);
            BOOST_TEST(item.groupLabel == e.group);
            BOOST_TEST(item.groupTitle == e.groupTitle);
            BOOST_TEST(item.targetKind == e.kind);
            BOOST_TEST(item.baselinePoints.value_or(-1) == e.baselinePoints, tt::tolerance(1e-9));
            BOOST_TEST(item.targetValue.value_or(-1) == e.targetValue, tt::tolerance(1e-9));
            BOOST_TEST(item.baselineValue.has_value() == e.baselineValue.has_value());
            if (item.baselineValue && e.baselineValue)
                BOOST_TEST(*item.baselineValue == *e.baselineValue, tt::tolerance(1e-9));
            BOOST_TEST(item.targetText == e.text);
            BOOST_TEST(item.tasks.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(draft_plan_from_a_framework_read_from_a_file) {
    // Criteria as read from a file: no ids, parents by code, in file order.
    Framework fw;
    auto add = [&](const char* code, const char* parent, const char* title, double max,
                   std::optional<RuleKind> rule) {
        Criterion c;
        c.code = code;
        c.parentCode = parent;
        c.title = title;
        c.maxPoints = max;
        c.rule = rule;
        fw.criteria.push_back(c);
    };
    add("2", "", "Thủ tục hành chính", 4, std::nullopt);
    add("2.2", "2", "Giải quyết đúng hạn", 2, RuleKind::Manual);
    add("2.1", "2", "Niêm yết", 2, RuleKind::Manual);
    add("1", "", "Chỉ đạo, điều hành", 1, RuleKind::Manual);
    std::map<std::string, CriterionInput> in;
    in["2.1"].points = 2;
    auto items = DraftPlanItems(fw, RollUp(fw, in));
    BOOST_TEST(Headings(items) == "2.2,1");
    BOOST_REQUIRE(items.size() == 2u);
    BOOST_TEST(!items[0].criterionId.has_value());
    BOOST_TEST(items[0].groupLabel == "2");
    BOOST_TEST(items[0].groupTitle == "Thủ tục hành chính");
    BOOST_TEST(items[1].groupLabel == "1");
}

BOOST_AUTO_TEST_SUITE_END()

// The groups of the chair's view: overdue first, then open and due in the
// month of the day, then by status.
BOOST_AUTO_TEST_CASE(tasks_fall_into_the_chairs_groups) {
    const Date day{2026, 3, 15};
    using G = TaskGroup;
    const auto open = TaskStatus::InProgress, waiting = TaskStatus::NotStarted;
    BOOST_TEST((GroupOf(open, Date{2026, 3, 14}, day) == G::Overdue));
    BOOST_TEST((GroupOf(waiting, Date{2025, 12, 31}, day) == G::Overdue));
    BOOST_TEST((GroupOf(open, Date{2026, 3, 15}, day) == G::DueThisMonth));
    BOOST_TEST((GroupOf(waiting, Date{2026, 3, 31}, day) == G::DueThisMonth));
    BOOST_TEST((GroupOf(open, Date{2026, 4, 1}, day) == G::InProgress));
    BOOST_TEST((GroupOf(waiting, std::nullopt, day) == G::NotStarted));
    BOOST_TEST((GroupOf(TaskStatus::Done, Date{2026, 3, 1}, day) == G::Done));
    BOOST_TEST((GroupOf(TaskStatus::Cancelled, Date{2026, 3, 20}, day) == G::Cancelled));
    BOOST_TEST(TaskGroupLabel(G::Overdue) == "Overdue");
}

// What the missing updates are made of, on any day: the span of quarters,
// those reported, the first without a report; MissingUpdates on a day is
// the span up to the last quarter closed by then.
BOOST_AUTO_TEST_CASE(update_spans_give_the_missing_updates_of_any_day) {
    TaskRecord open;
    open.startOn = "2025-02-10";
    open.status = TaskStatus::InProgress;
    const std::set<std::string> updates = {"2025-Q1", "2025-Q3", "2026-q2", "2025-05"};
    const UpdateSpan span = UpdateSpanOf(open, 2025, updates, WindowKind::Calendar);
    BOOST_TEST(*span.first == 2025 * 4);
    BOOST_TEST(!span.last.has_value());
    BOOST_TEST(span.updated == "101001");
    BOOST_TEST(*span.firstMissing == 2025 * 4 + 1);
    BOOST_TEST(QuarterNumber(*LastClosedQuarter(Date{2026, 4, 1}, WindowKind::Calendar)) ==
               2026 * 4);
    BOOST_TEST(QuarterNumber(*LastClosedQuarter(Date{2026, 3, 31}, WindowKind::Calendar)) ==
               2025 * 4 + 3);
    // Under the cut-off, Q1 closes on 14/03.
    BOOST_TEST(QuarterNumber(*LastClosedQuarter(Date{2026, 3, 15}, WindowKind::CutOff)) ==
               2026 * 4);
    for (Date day : {Date{2025, 3, 31}, Date{2025, 4, 1}, Date{2025, 10, 1}, Date{2026, 4, 1},
                     Date{2026, 7, 1}, Date{2027, 1, 1}})
        for (WindowKind w : {WindowKind::Calendar, WindowKind::CutOff}) {
            const UpdateSpan s = UpdateSpanOf(open, 2025, updates, w);
            const auto closed = LastClosedQuarter(day, w);
            const int count =
                MissingCount(s, closed ? std::optional<int>(QuarterNumber(*closed)) : std::nullopt);
            BOOST_TEST(
                count == static_cast<int>(MissingUpdates(open, 2025, updates, day, w).size()),
                day.ToIso());
            BOOST_TEST((count > 0) ==
                       (s.firstMissing && closed && *s.firstMissing <= QuarterNumber(*closed)));
        }
    // Closed on a day: nothing after its quarter; reported every quarter: none missing.
    TaskRecord done = open;
    done.status = TaskStatus::Done;
    done.closedOn = "2025-08-20";
    const UpdateSpan closed =
        UpdateSpanOf(done, 2025, {"2025-Q1", "2025-Q2", "2025-Q3"}, WindowKind::Calendar);
    BOOST_TEST(*closed.last == 2025 * 4 + 2);
    BOOST_TEST(closed.updated == "111");
    BOOST_TEST(!closed.firstMissing.has_value());
    // Closed without a day and never reported: nothing is asked.
    done.closedOn.reset();
    BOOST_TEST(!UpdateSpanOf(done, 2025, {}, WindowKind::Calendar).first.has_value());
}

// The search key of a task: its criterion and text, folded.
BOOST_AUTO_TEST_CASE(a_task_is_found_by_its_criterion_and_text) {
    BOOST_TEST(TaskSearchKey("1.3", "Niêm yết  công khai") == "1.3 niem yet cong khai");
}

// The search key of a long task stops after its first characters, whole.
BOOST_AUTO_TEST_CASE(a_long_tasks_search_key_keeps_its_first_characters) {
    std::string text;
    for (int i = 0; i < 600; ++i) text += "Đ";
    const std::string key = TaskSearchKey("1.1", text);
    BOOST_TEST(key.size() == kTaskSearchLength);
    BOOST_TEST(key.substr(0, 6) == "1.1 dd");
    std::string viet;
    for (int i = 0; i < 600; ++i) viet += "中";
    const std::string cut = TaskSearchKey("", viet);
    BOOST_TEST(cut.size() == kTaskSearchLength * 3);
}
